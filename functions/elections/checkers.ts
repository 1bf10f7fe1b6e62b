import { deadlineStatus, findDeadline, isElectionOver } from './deadlines';
import type { ElectionTiming } from './schema';

/**
 * The three checkers on the guides. Each takes the election data, the visitor's answers
 * and the moment to judge at, and returns the key of the answer to show. The guide text
 * states the same rules for readers without JavaScript.
 */

export type Answer = 'unknown' | 'yes' | 'no';

export type CurrentAddressDecision = 'election-over' | 'same-settlement' | 'apply-by-deadline' | 'deadline-passed';

/** Bulgaria: "Can I vote at my current address?" */
export function decideCurrentAddress(
  election: ElectionTiming,
  input: { differentSettlements: boolean },
  now: Date,
): CurrentAddressDecision {
  if (isElectionOver(election, now)) return 'election-over';
  if (!input.differentSettlements) return 'same-settlement';
  const status = deadlineStatus(findDeadline(election, 'current-address-request'), election.timeZone, now);
  return status === 'past' ? 'deadline-passed' : 'apply-by-deadline';
}

export type MobileBoxDecision =
  | 'election-over'
  | 'not-needed'
  | 'apply-by-deadline'
  | 'late-with-commission'
  | 'late-ask-municipality'
  | 'late-no-commission'
  | 'too-late';

/**
 * Bulgaria: "Can I ask for a mobile ballot box, and by when?" Anyone who cannot vote in
 * the polling room may apply until the first deadline; after it, only until the late
 * deadline and only where a mobile section commission exists in the settlement.
 */
export function decideMobileBox(
  election: ElectionTiming,
  input: { cannotReachPollingRoom: boolean; mobileCommission: Answer },
  now: Date,
): MobileBoxDecision {
  if (isElectionOver(election, now)) return 'election-over';
  if (!input.cannotReachPollingRoom) return 'not-needed';
  const tz = election.timeZone;
  if (deadlineStatus(findDeadline(election, 'mobile-box-request'), tz, now) !== 'past') return 'apply-by-deadline';
  if (deadlineStatus(findDeadline(election, 'mobile-box-late-request'), tz, now) === 'past') return 'too-late';
  if (input.mobileCommission === 'yes') return 'late-with-commission';
  if (input.mobileCommission === 'no') return 'late-no-commission';
  return 'late-ask-municipality';
}

export type AbsenteeDecision =
  | 'election-over'
  | 'lost-not-replaced'
  | 'same-settlement'
  | 'not-yet'
  | 'apply-now'
  | 'window-closed';

/**
 * Kazakhstan: "Can I get an absentee certificate?" Issued on a written application from
 * the window's first day until its closing hour, only to vote in another settlement;
 * a lost certificate is never restored or duplicated.
 */
export function decideAbsentee(
  election: ElectionTiming,
  input: { lostCertificate: boolean; sameSettlement: boolean },
  now: Date,
): AbsenteeDecision {
  if (isElectionOver(election, now)) return 'election-over';
  if (input.lostCertificate) return 'lost-not-replaced';
  if (input.sameSettlement) return 'same-settlement';
  const status = deadlineStatus(findDeadline(election, 'absentee-certificates'), election.timeZone, now);
  if (status === 'past') return 'window-closed';
  if (status === 'upcoming') return 'not-yet';
  return 'apply-now';
}
