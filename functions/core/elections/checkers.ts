import { actionDeadline, deadlineStatus, isElectionOver } from './deadlines';
import type { ElectionTiming } from './schema';

/**
 * The three checkers on the guides. Each takes the election data, the visitor's answers
 * and the moment to judge at, and returns the key of the answer to show. The guide text
 * states the same rules for readers without JavaScript.
 */

export type Answer = 'unknown' | 'yes' | 'no';

export const CURRENT_ADDRESS_DECISIONS = ['election-over', 'same-settlement', 'apply-by-deadline', 'deadline-passed'] as const;
export type CurrentAddressDecision = (typeof CURRENT_ADDRESS_DECISIONS)[number];

/** Bulgaria: "Can I vote at my current address?" */
export function decideCurrentAddress(election: ElectionTiming, input: { differentSettlements: boolean }, now: Date): CurrentAddressDecision {
  if (isElectionOver(election, now)) return 'election-over';
  if (!input.differentSettlements) return 'same-settlement';
  const status = deadlineStatus(actionDeadline(election, 'current-address-request'), election.timeZone, now);
  return status === 'past' ? 'deadline-passed' : 'apply-by-deadline';
}

export const MOBILE_BOX_DECISIONS = [
  'election-over',
  'not-needed',
  'apply-by-deadline',
  'late-with-commission',
  'late-ask-municipality',
  'late-no-commission',
  'too-late',
] as const;
export type MobileBoxDecision = (typeof MOBILE_BOX_DECISIONS)[number];

/**
 * Bulgaria: "Can I ask for a mobile ballot box, and by when?" Anyone who cannot vote in
 * the polling room may apply until the first deadline; after it, only until the late
 * deadline and only where a mobile section commission exists in the settlement.
 */
export function decideMobileBox(election: ElectionTiming, input: { cannotReachPollingRoom: boolean; mobileCommission: Answer }, now: Date): MobileBoxDecision {
  if (isElectionOver(election, now)) return 'election-over';
  if (!input.cannotReachPollingRoom) return 'not-needed';
  const tz = election.timeZone;
  if (deadlineStatus(actionDeadline(election, 'mobile-box-request'), tz, now) !== 'past') return 'apply-by-deadline';
  if (deadlineStatus(actionDeadline(election, 'mobile-box-late-request'), tz, now) === 'past') return 'too-late';
  if (input.mobileCommission === 'yes') return 'late-with-commission';
  if (input.mobileCommission === 'no') return 'late-no-commission';
  return 'late-ask-municipality';
}

export const ABSENTEE_DECISIONS = ['election-over', 'lost-not-replaced', 'same-settlement', 'not-yet', 'apply-now', 'window-closed'] as const;
export type AbsenteeDecision = (typeof ABSENTEE_DECISIONS)[number];

/**
 * Kazakhstan: "Can I get an absentee certificate?" Issued on a written application from
 * the window's first day until its closing hour, only to vote in another settlement;
 * a lost certificate is never restored or duplicated.
 */
export function decideAbsentee(election: ElectionTiming, input: { lostCertificate: boolean; sameSettlement: boolean }, now: Date): AbsenteeDecision {
  if (isElectionOver(election, now)) return 'election-over';
  if (input.lostCertificate) return 'lost-not-replaced';
  if (input.sameSettlement) return 'same-settlement';
  const status = deadlineStatus(actionDeadline(election, 'absentee-certificate'), election.timeZone, now);
  if (status === 'past') return 'window-closed';
  if (status === 'upcoming') return 'not-yet';
  return 'apply-now';
}
