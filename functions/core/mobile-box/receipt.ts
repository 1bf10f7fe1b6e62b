import type { Election } from '#core/elections/schema';
import { zonedInstant } from '#core/zoned-time';

/**
 * The date of receipt of an application that came on paper, by post, fax, e-mail or eDelivery:
 * the day the administration received it governs, not the day staff type it in. The rules are
 * judged at the start of that day in the election's time zone, so an application received on
 * the last day of a window is in time, whatever hour it came.
 */
export const receiptMoment = (day: string, timeZone: string): Date => zonedInstant(day, '00:00', timeZone);

/**
 * The earliest date of receipt a paper application can have: the day the election was called
 * (`calledOn`), when the data gives it. Without it, the first day the election data names stands
 * in, which is never earlier than the real day of calling (the election's deadlines all follow it).
 */
export function earliestReceipt(election: Pick<Election, 'calledOn' | 'deadlines' | 'votingDay'>): string {
  if (election.calledOn) return election.calledOn;
  const days = election.deadlines.flatMap((deadline) => (deadline.opens ? [deadline.opens, deadline.date] : [deadline.date]));
  return [...days, ...(election.votingDay ? [election.votingDay] : [])].sort()[0]!;
}

/** Whether a date of receipt lies between the election's earliest one and today (both ISO days in the election's time zone). */
export function receiptProblem(day: string, earliest: string, today: string): 'before_called' | 'in_future' | undefined {
  if (day < earliest) return 'before_called';
  if (day > today) return 'in_future';
  return undefined;
}
