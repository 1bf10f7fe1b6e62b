import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '#db/client';
import { loginFailures } from '#db/schema';
import { personalNumberHash } from '#functions/platform/crypto';

/**
 * Sign-in throttling, three counters under HMACs (the table names neither an e-mail nor an
 * address):
 * - **account and source** (the IPv4 address or IPv6 /64 trying this e-mail): PAIR_FREE attempts,
 *   then growing delays (30 s, 1, 2, 4, 8, 15 minutes). Someone guessing from one place slows
 *   down; the staff member signing in from anywhere else is not affected.
 * - **source**, across accounts: SOURCE_FREE attempts, then the same delays (guessing many e-mails).
 * - **account**, across sources: never blocks (an attacker could keep it closed on election day);
 *   from ACCOUNT_CHALLENGE_AFTER failures on, a sign-in of that account must pass Turnstile when
 *   Turnstile is configured.
 *
 * An attempt is counted before the password is checked, in one statement per counter that
 * refuses while a delay runs (`INSERT … ON CONFLICT DO UPDATE … WHERE blocked_until <= now
 * RETURNING`): parallel guesses cannot slip between a check and a write. A right password gives
 * the attempt back. Times are the real clock (never the demo NOW).
 */
export const PAIR_FREE = 5;
export const SOURCE_FREE = 20;
export const ACCOUNT_CHALLENGE_AFTER = 3;
/** A counter starts again once its window has ended and no delay runs. */
export const FAILURE_WINDOW_S = 15 * 60;
const FIRST_DELAY_MS = 30_000;
const MAX_DELAY_MS = 15 * 60_000;

export interface LoginKeys {
  pair: string;
  source: string;
  account: string;
}

export async function loginKeys(secret: string, email: string, source: string): Promise<LoginKeys> {
  return {
    pair: await personalNumberHash(secret, 'staff-login-pair', `${email}\u0000${source}`),
    source: await personalNumberHash(secret, 'staff-login-client', source),
    account: await personalNumberHash(secret, 'staff-login-account', email),
  };
}

/** The delay after the `count`-th attempt of a counter that allows `free` (0 while some are left). */
export function delayAfter(count: number, free: number): number {
  if (count < free) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(count - free, 10));
}

/** The same delay in SQL, over the count the statement is writing. */
const delaySql = (count: ReturnType<typeof sql>, free: number) =>
  sql`CASE WHEN ${count} < ${free} THEN 0 ELSE min(${MAX_DELAY_MS}, ${FIRST_DELAY_MS} * (1 << min(${count} - ${free}, 10))) END`;

function reserve(db: Database, keyHash: string, free: number, now: number) {
  const stamp = new Date(now).toISOString();
  const windowStart = new Date(now - FAILURE_WINDOW_S * 1000).toISOString();
  const fresh = sql`(${loginFailures.windowStartedAt} < ${windowStart})`;
  const next = sql`(CASE WHEN ${fresh} THEN 1 ELSE ${loginFailures.count} + 1 END)`;
  return db
    .insert(loginFailures)
    .values({ keyHash, count: 1, windowStartedAt: stamp, blockedUntil: now + delayAfter(1, free) })
    .onConflictDoUpdate({
      target: loginFailures.keyHash,
      set: {
        count: next,
        windowStartedAt: sql`CASE WHEN ${fresh} THEN ${stamp} ELSE ${loginFailures.windowStartedAt} END`,
        blockedUntil: sql`${now} + ${delaySql(next, free)}`,
      },
      setWhere: sql`${loginFailures.blockedUntil} <= ${now}`,
    })
    .returning({ count: loginFailures.count });
}

export type Reservation = { allowed: true; challenge: boolean } | { allowed: false; retryAfter: number };

/**
 * Counts one sign-in attempt against the pair and the source, in one batch; refused while either
 * waits out a delay (with the seconds left). Also says whether the account must pass Turnstile.
 */
export async function reserveAttempt(db: Database, keys: LoginKeys, now: number): Promise<Reservation> {
  const [pair, source, account] = await db.batch([
    reserve(db, keys.pair, PAIR_FREE, now),
    reserve(db, keys.source, SOURCE_FREE, now),
    db
      .select({ count: loginFailures.count })
      .from(loginFailures)
      .where(and(eq(loginFailures.keyHash, keys.account), gte(loginFailures.windowStartedAt, new Date(now - FAILURE_WINDOW_S * 1000).toISOString()))),
  ]);
  if (pair.length > 0 && source.length > 0) return { allowed: true, challenge: (account[0]?.count ?? 0) >= ACCOUNT_CHALLENGE_AFTER };
  const rows = await db
    .select({ blockedUntil: loginFailures.blockedUntil })
    .from(loginFailures)
    .where(inArray(loginFailures.keyHash, [keys.pair, keys.source]));
  const until = Math.max(now + 1000, ...rows.map((row) => row.blockedUntil));
  return { allowed: false, retryAfter: Math.ceil((until - now) / 1000) };
}

/** A wrong password: the account's own count goes up (it never blocks; it asks for Turnstile). */
export async function recordAccountFailure(db: Database, keys: LoginKeys, now: number): Promise<void> {
  const stamp = new Date(now).toISOString();
  const windowStart = new Date(now - FAILURE_WINDOW_S * 1000).toISOString();
  await db
    .insert(loginFailures)
    .values({ keyHash: keys.account, count: 1, windowStartedAt: stamp })
    .onConflictDoUpdate({
      target: loginFailures.keyHash,
      set: {
        count: sql`CASE WHEN ${loginFailures.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginFailures.count} + 1 END`,
        windowStartedAt: sql`CASE WHEN ${loginFailures.windowStartedAt} < ${windowStart} THEN ${stamp} ELSE ${loginFailures.windowStartedAt} END`,
      },
    });
}

/**
 * A right password: the pair and the account start again; the source gets its attempt back
 * (its other failures stay, so guessing across accounts still adds up).
 */
export async function clearAfterSuccess(db: Database, keys: LoginKeys): Promise<void> {
  await db.batch([
    db.delete(loginFailures).where(inArray(loginFailures.keyHash, [keys.pair, keys.account])),
    db
      .update(loginFailures)
      .set({ count: sql`max(${loginFailures.count} - 1, 0)` })
      .where(eq(loginFailures.keyHash, keys.source)),
  ]);
}

/** For the daily purge: counters whose window ended and whose delay is over. */
export const deleteOldLoginFailures = (db: Database, now: Date) =>
  db
    .delete(loginFailures)
    .where(
      and(lt(loginFailures.windowStartedAt, new Date(now.getTime() - FAILURE_WINDOW_S * 1000).toISOString()), lt(loginFailures.blockedUntil, now.getTime())),
    );
