import { addDays, zonedInstant } from '#core/zoned-time';
import { statusAt, type DeadlineInstants, type DeadlineStatus } from './deadline-status';
import type { Action, DeadlineRule, DeadlineTiming, ElectionTiming } from './schema';

export type { DeadlineInstants, DeadlineStatus } from './deadline-status';

/**
 * The last permitted day a rule gives for a voting day.
 *
 * @example deadlineFromRule('2024-06-09', { daysBefore: 14, counting: 'clear-days' }) // '2024-05-25'
 */
export function deadlineFromRule(votingDay: string, rule: DeadlineRule): string {
  return addDays(votingDay, -(rule.daysBefore + (rule.counting === 'clear-days' ? 1 : 0)));
}

/** When a deadline's window opens and closes, as instants, in the election's time zone. */
export function deadlineWindow(deadline: DeadlineTiming, timeZone: string): { opens?: Date; closes: Date } {
  // Without a closing hour the whole last day counts: it closes at midnight after it.
  const closes = deadline.closesAt ? zonedInstant(deadline.date, deadline.closesAt, timeZone) : zonedInstant(addDays(deadline.date, 1), '00:00', timeZone);
  const opens = deadline.opens ? zonedInstant(deadline.opens, deadline.opensAt ?? '00:00', timeZone) : undefined;
  return opens ? { opens, closes } : { closes };
}

/** The instants a deadline's status changes at: its window's opening, the start of its last day, its closing. */
export function deadlineInstants(deadline: DeadlineTiming, timeZone: string): DeadlineInstants {
  // A closing hour is on the last day (HH:MM up to 23:59), so the last day runs from its midnight to the closing.
  return { ...deadlineWindow(deadline, timeZone), lastDay: zonedInstant(deadline.date, '00:00', timeZone) };
}

/**
 * Where a deadline stands at `now`: `today` on its last day (until it closes), `open` inside a
 * window before its last day, `past` once closed, `upcoming` otherwise.
 */
export function deadlineStatus(deadline: DeadlineTiming, timeZone: string, now: Date): DeadlineStatus {
  return statusAt(deadlineInstants(deadline, timeZone), now);
}

/** Voting day, or for a period without one (a voter-list check) its last date. */
export function lastDayOf(election: Pick<ElectionTiming, 'votingDay' | 'deadlines'>): string {
  return (
    election.votingDay ??
    election.deadlines
      .map((d) => d.date)
      .sort()
      .at(-1)!
  );
}

/** The moment an election is over: midnight after its last day, in its time zone. */
export function electionEndsAt(election: ElectionTiming): Date {
  return zonedInstant(addDays(lastDayOf(election), 1), '00:00', election.timeZone);
}

export function isElectionOver(election: ElectionTiming, now: Date): boolean {
  return now >= electionEndsAt(election);
}

export function findDeadline<D extends DeadlineTiming>(election: { id: string; deadlines: D[] }, id: string): D {
  const deadline = election.deadlines.find((d) => d.id === id);
  if (!deadline) throw new Error(`election ${election.id} has no deadline ${id}`);
  return deadline;
}

/**
 * The deadline that governs an action in this election, as its data file says.
 *
 * @example actionDeadline(bg2024, 'mobile-box-request').date // '2024-05-25'
 */
export function actionDeadline<D extends DeadlineTiming>(
  election: { id: string; actions: Partial<Record<Action, string>>; deadlines: D[] },
  action: Action,
): D {
  const id = election.actions[action];
  if (!id) throw new Error(`election ${election.id} has no deadline for ${action}`);
  return findDeadline(election, id);
}

/** Deadlines in date order (ties keep the data file's order). */
export function sortedDeadlines<D extends DeadlineTiming>(election: { deadlines: D[] }): D[] {
  return [...election.deadlines].sort((a, b) => a.date.localeCompare(b.date));
}
