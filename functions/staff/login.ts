import { eq } from 'drizzle-orm';
import { database } from '#db/client';
import { staffPasskeys, staffUsers } from '#db/schema';
import type { Bindings } from '#functions/env';
import { RateLimited, Unauthenticated } from '#core/errors';
import { verifyChallenge } from '#functions/http/turnstile';
import { requireKey } from '#functions/platform/keys';
import { dummyPasswordHash, hashPassword, needsRehash, verifyPassword } from './passwords';
import { createSession, endSession, tokenHash, type NewSession, type StaffSession } from './sessions';
import { auditEntry, auditSource } from './audit';
import { clearAfterSuccess, loginKeys, recordAccountFailure, reserveAttempt } from './throttle';

export type SecondFactor = 'passkey' | 'totp' | 'recovery';
export type Next = 'enrol' | 'totp' | 'passkey';

/** Where a sign-in comes from: what throttling, Turnstile, the audit log and the list of sessions need, nothing more. */
export interface SignInContext {
  /** The rate-limit bucket (IPv4 address or IPv6 /64), from `clientBuckets`. */
  source: string;
  /** `deviceLabel(User-Agent)`. */
  device: string | undefined;
  /** The session cookie the request came with: signing in ends it. */
  previousToken?: string | undefined;
  /** The Turnstile token, asked for once the account has had a few failures (and Turnstile is on). */
  turnstileToken?: unknown;
  hostname: string;
  remoteIp?: string | null | undefined;
}

export interface PasswordAccepted extends NewSession {
  /** What finishes the sign-in: enrol a second factor, or give one (a passkey when the account has one, else a TOTP code). */
  next: Next;
  /** The second factors this account may finish with. */
  methods: SecondFactor[];
}

/**
 * The first step of a staff sign-in: e-mail and password. A wrong password, an unknown e-mail and
 * a disabled account all get the same Unauthenticated after the same work (an unknown e-mail is
 * checked against a dummy hash). Throttled per account and source with growing delays
 * (RateLimited); after a few failures of the account, Turnstile when it is on (functions/staff/throttle.ts).
 * A right password opens a pending session that can do nothing but finish the sign-in.
 */
export async function logIn(env: Bindings, input: { email: string; password: string }, context: SignInContext, now: Date): Promise<PasswordAccepted> {
  const db = database(env.DB);
  const secret = requireKey(env, 'DATA_KEY');
  const pepper = requireKey(env, 'STAFF_PEPPER');
  const email = input.email.trim().toLowerCase();
  const source = await auditSource(secret, context.source);
  const keys = await loginKeys(secret, email, context.source);
  const [user] = await db.select().from(staffUsers).where(eq(staffUsers.email, email)).limit(1);
  const realNow = Date.now();
  const reservation = await reserveAttempt(db, keys, realNow);
  if (!reservation.allowed) {
    await auditEntry(db, user?.id ?? null, 'login.password', {}, now, { outcome: 'throttled', source });
    throw new RateLimited(reservation.retryAfter);
  }
  if (reservation.challenge) {
    await verifyChallenge(env, { token: context.turnstileToken, action: 'staff_login', hostname: context.hostname, remoteIp: context.remoteIp ?? null });
  }
  const matches = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash(pepper)), pepper);
  if (!user || !matches || user.disabledAt) {
    await recordAccountFailure(db, keys, realNow);
    await auditEntry(db, user?.id ?? null, 'login.password', {}, now, { outcome: 'failed', source });
    throw new Unauthenticated();
  }
  await clearAfterSuccess(db, keys);
  if (context.previousToken && context.previousToken.length <= 100) await endSession(db, await tokenHash(context.previousToken));
  if (needsRehash(user.passwordHash)) {
    await db
      .update(staffUsers)
      .set({ passwordHash: await hashPassword(input.password, pepper) })
      .where(eq(staffUsers.id, user.id));
  }
  const enrolled = Boolean(user.enrolledAt);
  const session = await createSession(db, user.id, now, { stage: enrolled ? 'verify' : 'enrol', device: context.device });
  await auditEntry(db, user.id, 'login.password', {}, now, { source });
  if (!enrolled) return { ...session, next: 'enrol', methods: ['passkey', 'totp'] };
  const passkeys = await db.select({ id: staffPasskeys.id }).from(staffPasskeys).where(eq(staffPasskeys.userId, user.id)).limit(1);
  const methods: SecondFactor[] = [...(passkeys.length > 0 ? (['passkey'] as const) : []), ...(user.totpSealed ? (['totp'] as const) : []), 'recovery'];
  return { ...session, next: passkeys.length > 0 ? 'passkey' : 'totp', methods };
}

/** Signs a staff member out: ends the session and writes `logout` to the audit log, in one batch. */
export async function logOut(env: Pick<Bindings, 'DB'>, session: Pick<StaffSession, 'tokenHash' | 'user'>, now: Date): Promise<void> {
  const db = database(env.DB);
  await db.batch([endSession(db, session.tokenHash), auditEntry(db, session.user.id, 'logout', {}, now)]);
}
