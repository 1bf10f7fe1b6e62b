import { eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '#db/client';
import { loginFailures } from '#db/schema';
import { personalNumberHash } from '#functions/platform/crypto';

/** Failed logins allowed in a window, per account and per client, before 429. */
export const ACCOUNT_FAILURES = 5;
export const CLIENT_FAILURES = 20;
export const FAILURE_WINDOW_S = 15 * 60;

export interface LoginKeys {
  account: string;
  client: string;
}

/** Both counters are kept under HMACs: the table names neither an e-mail nor an address. */
export async function loginKeys(secret: string, email: string, client: string): Promise<LoginKeys> {
  return { account: await personalNumberHash(secret, 'staff-login-account', email), client: await personalNumberHash(secret, 'staff-login-client', client) };
}

/** Seconds until another attempt may be made, or 0 when one may be made now. */
export async function loginBlockedFor(db: Database, keys: LoginKeys, now: Date): Promise<number> {
  const rows = await db
    .select()
    .from(loginFailures)
    .where(inArray(loginFailures.keyHash, [keys.account, keys.client]));
  let wait = 0;
  for (const row of rows) {
    const limit = row.keyHash === keys.account ? ACCOUNT_FAILURES : CLIENT_FAILURES;
    const ends = new Date(row.windowStartedAt).getTime() + FAILURE_WINDOW_S * 1000;
    if (row.count >= limit && ends > now.getTime()) wait = Math.max(wait, Math.ceil((ends - now.getTime()) / 1000));
  }
  return wait;
}

/** Counts a failure for both keys; a window that has ended starts again. */
export async function recordLoginFailure(db: Database, keys: LoginKeys, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_S * 1000).toISOString();
  const upsert = (keyHash: string) =>
    db
      .insert(loginFailures)
      .values({ keyHash, count: 1, windowStartedAt: stamp })
      .onConflictDoUpdate({
        target: loginFailures.keyHash,
        set: {
          count: sql`CASE WHEN ${loginFailures.windowStartedAt} < ${windowStart} THEN 1 ELSE ${loginFailures.count} + 1 END`,
          windowStartedAt: sql`CASE WHEN ${loginFailures.windowStartedAt} < ${windowStart} THEN ${stamp} ELSE ${loginFailures.windowStartedAt} END`,
        },
      });
  await db.batch([upsert(keys.account), upsert(keys.client)]);
}

/** A successful login clears the account's count (the client's stays, so guessing across accounts still adds up). */
export const clearAccountFailures = (db: Database, keys: LoginKeys) => db.delete(loginFailures).where(eq(loginFailures.keyHash, keys.account));

/** For the daily purge: counts whose window ended. */
export const deleteOldLoginFailures = (db: Database, now: Date) =>
  db.delete(loginFailures).where(lt(loginFailures.windowStartedAt, new Date(now.getTime() - FAILURE_WINDOW_S * 1000).toISOString()));
