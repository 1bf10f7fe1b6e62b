import { eq } from 'drizzle-orm';
import { database } from '#db/client';
import { staffUsers } from '#db/schema';
import type { Bindings } from '#functions/env';
import { RateLimited, Unauthenticated } from '#core/errors';
import { requireKey } from '#functions/platform/keys';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { createSession, csrfTokenFor, endSession, type NewSession, type StaffSession } from './sessions';
import { auditEntry } from './audit';
import { clearAccountFailures, loginBlockedFor, loginKeys, recordLoginFailure } from './throttle';

export interface LoggedIn extends NewSession {
  csrfToken: string;
  user: { email: string; role: 'district' | 'city' | 'police'; area: string | null; district: string | null };
}

/**
 * Signs a staff member in. A wrong password, an unknown e-mail and a disabled account all get
 * the same Unauthenticated after the same work (an unknown e-mail is checked against a dummy
 * hash); after repeated failures per account or per client, RateLimited until the window ends.
 */
export async function logIn(env: Bindings, input: { email: string; password: string }, client: string, now: Date): Promise<LoggedIn> {
  const db = database(env.DB);
  const secret = requireKey(env, 'DATA_KEY');
  const email = input.email.trim().toLowerCase();
  const keys = await loginKeys(secret, email, client);
  const wait = await loginBlockedFor(db, keys, now);
  if (wait > 0) throw new RateLimited(wait);
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !matches || user.disabledAt) {
    await recordLoginFailure(db, keys, now);
    throw new Unauthenticated();
  }
  await clearAccountFailures(db, keys);
  const session = await createSession(db, user.id, now);
  await auditEntry(db, user.id, 'login', {}, now);
  return {
    ...session,
    csrfToken: await csrfTokenFor(secret, session.token),
    user: { email: user.email, role: user.role, area: user.area, district: user.district },
  };
}

/** Signs a staff member out: ends the session and writes `logout` to the audit log, in one batch. */
export async function logOut(env: Pick<Bindings, 'DB'>, session: Pick<StaffSession, 'tokenHash' | 'user'>, now: Date): Promise<void> {
  const db = database(env.DB);
  await db.batch([endSession(db, session.tokenHash), auditEntry(db, session.user.id, 'logout', {}, now)]);
}
