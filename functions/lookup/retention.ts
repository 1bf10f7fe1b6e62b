import { inArray } from 'drizzle-orm';
import type { Database } from '#db/client';
import { registerEntries } from '#db/schema';
import { lastDayOf } from '#core/elections/deadlines';
import type { Election } from '#core/elections/schema';
import { addDays } from '#core/zoned-time';

/** Register entries (number hashes) are kept this many days after their election's last day: appeals and corrections are over by then. */
export const REGISTER_KEEP_DAYS = 90;

/** The elections whose register entries must go at `now`. */
export function electionsPastRetention(elections: readonly Election[], now: Date, keepDays = REGISTER_KEEP_DAYS): string[] {
  const today = now.toISOString().slice(0, 10);
  return elections.filter((election) => addDays(lastDayOf(election), keepDays) < today).map((election) => election.id);
}

export function deleteRegisterOf(db: Database, electionIds: string[]) {
  return db.delete(registerEntries).where(inArray(registerEntries.electionId, electionIds));
}
