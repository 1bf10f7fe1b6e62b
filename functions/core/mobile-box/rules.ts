import { actionDeadline, deadlineStatus } from '#core/elections/deadlines';
import type { ElectionTiming, MobileBoxConfig, MobileCommission } from '#core/elections/schema';
import { daysBetween, localDate } from '#core/zoned-time';

/**
 * The mobile ballot box's rules, as plain functions over the election's data and `now` (seed 004):
 * - until the end of the request deadline (in the election's time zone) anyone may apply;
 * - after it, until the end of the late deadline (3 June 2024), only "при условие че на
 *   територията на населеното място е назначена подвижна секционна избирателна комисия": where a
 *   mobile commission is appointed in the voter's settlement (a city divided into districts is
 *   one settlement, so every district of it counts), not per district;
 * - then it is closed;
 * - each ballot names the citizenships that may ask for it (an EU citizen: the European
 *   Parliament only).
 */

export type Ballot = MobileBoxConfig['ballots'][number]['id'];
export type Citizenship = MobileBoxConfig['ballots'][number]['citizenships'][number];
export type MobileBoxWindow = 'open' | 'late' | 'closed';
export type Refusal = 'deadline_passed' | 'no_mobile_commission' | 'not_eligible';

export function applicationWindow(election: ElectionTiming, now: Date): MobileBoxWindow {
  if (deadlineStatus(actionDeadline(election, 'mobile-box-request'), election.timeZone, now) !== 'past') return 'open';
  if (deadlineStatus(actionDeadline(election, 'mobile-box-late-request'), election.timeZone, now) !== 'past') return 'late';
  return 'closed';
}

/** The ballots a citizenship may ask for. */
export function ballotsFor(config: MobileBoxConfig, citizenship: Citizenship): Ballot[] {
  return config.ballots.filter((ballot) => ballot.citizenships.includes(citizenship)).map((ballot) => ballot.id);
}

/**
 * Whether a mobile commission is appointed in a settlement on the day of `now` (in `timeZone`):
 * the election data lists it, and the decision that appointed it, when dated, is not later.
 */
export function commissionAppointed(commissions: readonly MobileCommission[], settlement: string, timeZone: string, now: Date): boolean {
  const commission = commissions.find((entry) => entry.settlement === settlement);
  return !!commission && (!commission.appointedOn || commission.appointedOn <= localDate(now, timeZone));
}

export type Decision = { ok: true; late: boolean } | { ok: false; refusal: Refusal };

/**
 * Whether an application may be made now, and whether it is late.
 *
 * @example decideApplication(config, election, { citizenship: 'EU', ballots: [aBallotForBulgariansOnly], settlement }, now) // { ok: false, refusal: 'not_eligible' }
 */
export function decideApplication(
  config: MobileBoxConfig,
  election: ElectionTiming,
  input: { citizenship: Citizenship; ballots: readonly Ballot[]; settlement: { mobileCommission: boolean } },
  now: Date,
): Decision {
  const allowed = ballotsFor(config, input.citizenship);
  if (input.ballots.some((ballot) => !allowed.includes(ballot))) return { ok: false, refusal: 'not_eligible' };
  const window = applicationWindow(election, now);
  if (window === 'closed') return { ok: false, refusal: 'deadline_passed' };
  if (window === 'late' && !input.settlement.mobileCommission) return { ok: false, refusal: 'no_mobile_commission' };
  return { ok: true, late: window === 'late' };
}

/** Whole days from today (in the election's time zone) to a deadline's last day; 0 on the day itself. */
export function daysLeft(election: ElectionTiming, action: 'mobile-box-request' | 'mobile-box-late-request', now: Date): number {
  return daysBetween(localDate(now, election.timeZone), actionDeadline(election, action).date);
}
