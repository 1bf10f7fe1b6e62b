import { eq } from 'drizzle-orm';
import { database } from '#db/client';
import { staffSessions, staffUsers } from '#db/schema';
import type { Bindings } from '#functions/env';
import { NotFound } from '#core/errors';
import { auditEntry } from './audit';
import { endOwnSession, sessionsOf, type StaffSession } from './sessions';

/** The staff member's own signed-in sessions (device and times), newest first; `current` marks this one. */
export const listSessions = (env: Bindings, session: StaffSession, now: Date) => sessionsOf(database(env.DB), session.user.id, session.tokenHash, now);

/** Ends one of the staff member's own sessions (audited); NotFound for an id that is not one of theirs. */
export async function endSession(env: Bindings, user: StaffSession['user'], id: string, now: Date): Promise<void> {
  const db = database(env.DB);
  if (!(await endOwnSession(db, user.id, id))) throw new NotFound();
  await auditEntry(db, user.id, 'session.end', { sessions: [id] }, now);
}

/** City only (the caller checks): ends every session of the account with this e-mail (audited); how many, or NotFound when there is no such account. */
export async function signOutAccount(env: Bindings, actor: StaffSession['user'], email: string, now: Date): Promise<number> {
  const db = database(env.DB);
  const [account] = await db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email.trim().toLowerCase())).limit(1);
  if (!account) throw new NotFound();
  const ended = await db.delete(staffSessions).where(eq(staffSessions.userId, account.id)).returning({ tokenHash: staffSessions.tokenHash });
  await auditEntry(db, actor.id, 'account.sign_out', { account: account.id, ended: ended.length }, now);
  return ended.length;
}
