import { sql } from 'drizzle-orm';
import { database, type Database } from '#db/client';
import { lookupOutcomes } from '#db/schema';

export type LookupOutcome = (typeof lookupOutcomes.$inferSelect)['outcome'];
/** Where a lookup came from: `web` (the site and the JSON API) or `sms` (a text message, functions/sms/). */
export type LookupChannel = (typeof lookupOutcomes.$inferSelect)['channel'];

/** The outcome of a personal-number lookup, from the status it was answered with. */
export function outcomeOfStatus(status: number): LookupOutcome {
  if (status === 200) return 'found';
  if (status === 404) return 'not_found';
  if (status === 429 || status === 503) return 'limited';
  return 'invalid';
}

const pending = new Map<string, number>();
let lastFlush = Date.now();
const FLUSH_EVERY_MS = 30_000;

/**
 * Counts one lookup by day, outcome and channel, in the isolate's memory; the counts reach D1 at
 * most every 30 s per isolate (`flushOutcomes`), so a lookup itself stays one read. Nothing about
 * the person is kept: no number, hash, address, phone number or client.
 */
export function countOutcome(outcome: LookupOutcome, now: Date, channel: LookupChannel = 'web'): void {
  const key = `${now.toISOString().slice(0, 10)}|${outcome}|${channel}`;
  pending.set(key, (pending.get(key) ?? 0) + 1);
}

/** Adds the counts so far to `lookup_outcomes` in one batch. */
export async function flushOutcomes(db: Database): Promise<void> {
  if (pending.size === 0) return;
  const rows = [...pending.entries()].map(([key, count]) => {
    const [day, outcome, channel] = key.split('|') as [string, LookupOutcome, LookupChannel];
    return { day, outcome, channel, count };
  });
  pending.clear();
  lastFlush = Date.now();
  const [first, ...rest] = rows.map((row) =>
    db
      .insert(lookupOutcomes)
      .values(row)
      .onConflictDoUpdate({
        target: [lookupOutcomes.day, lookupOutcomes.outcome, lookupOutcomes.channel],
        set: { count: sql`${lookupOutcomes.count} + ${row.count}` },
      }),
  );
  await db.batch([first!, ...rest]);
}

/** Counts a lookup answered with `status` and writes the counts when due: the no-JavaScript page's share of the API's middleware. */
export async function recordLookupOutcome(env: { DB: D1Database }, status: number, now: Date): Promise<void> {
  await recordOutcome(env, outcomeOfStatus(status), now, 'web');
}

/** Counts a lookup by its outcome and channel and writes the counts when due (the text messages' share, too). */
export async function recordOutcome(env: { DB: D1Database }, outcome: LookupOutcome, now: Date, channel: LookupChannel): Promise<void> {
  countOutcome(outcome, now, channel);
  if (!flushDue()) return;
  await flushOutcomes(database(env.DB)).catch(() => console.error('lookup outcomes: the counts could not be written'));
}

/** Whether the last flush is long enough ago. */
export function flushDue(now = Date.now()): boolean {
  return now - lastFlush >= FLUSH_EVERY_MS;
}

/** Flushes when the last flush is long enough ago; for `waitUntil` after an answer is sent. */
export function flushOutcomesIfDue(db: Database, now = Date.now()): Promise<void> {
  return flushDue(now) ? flushOutcomes(db) : Promise.resolve();
}
