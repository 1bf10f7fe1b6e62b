import { deadlineStatus, isElectionOver, lastDayOf, sortedDeadlines } from './deadlines';
import type { Deadline, Election } from './schema';

export interface ElectionSummary {
  election: Election;
  over: boolean;
  /** The first deadline not yet past, for elections still to come. */
  next?: Deadline;
}

/**
 * Elections for the home page: those still to come first, soonest first; then those
 * that are over, most recent first.
 */
export function electionsForHome(elections: readonly Election[], now: Date): ElectionSummary[] {
  const summaries = elections.map((election): ElectionSummary => {
    const over = isElectionOver(election, now);
    const next = over ? undefined : sortedDeadlines(election).find((d) => deadlineStatus(d, election.timeZone, now) !== 'past');
    return next ? { election, over, next } : { election, over };
  });
  const upcoming = summaries.filter((s) => !s.over).sort((a, b) => lastDayOf(a.election).localeCompare(lastDayOf(b.election)));
  const past = summaries.filter((s) => s.over).sort((a, b) => lastDayOf(b.election).localeCompare(lastDayOf(a.election)));
  return [...upcoming, ...past];
}
