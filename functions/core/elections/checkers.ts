import { actionDeadline, deadlineInstants, electionEndsAt, isElectionOver } from './deadlines';
import { carryInstants, fromCarried, statusAt, type CarriedInstants, type DeadlineStatus } from './deadline-status';
import type { Action, ElectionTiming } from './schema';

/**
 * The three checkers on the guides. Each takes the election at the moment to judge at
 * (momentOf() from its dates, or carriedMoment() from what a guide page carries) and the
 * visitor's answers, and returns the key of the answer to show. The guide text states the
 * same rules for readers without JavaScript.
 */

/** What the checkers ask of an election at a moment: is it over, and where does an action's deadline stand. */
export interface ElectionMoment {
  over: boolean;
  status: (action: Action) => DeadlineStatus;
}

/** The election at `now`, from its dates in its time zone. */
export function momentOf(election: ElectionTiming, now: Date): ElectionMoment {
  return {
    over: isElectionOver(election, now),
    status: (action) => statusAt(deadlineInstants(actionDeadline(election, action), election.timeZone), now),
  };
}

/**
 * The instants the checkers' answers change at, worked out at build time for a guide to carry
 * (the browser then needs no time-zone code): the end of the election, and each action's deadline.
 */
export interface CarriedElection {
  endsAt: string;
  actions: Partial<Record<Action, CarriedInstants>>;
}

export function carryElection(election: ElectionTiming): CarriedElection {
  const actions = Object.keys(election.actions) as Action[];
  return {
    endsAt: electionEndsAt(election).toISOString(),
    actions: Object.fromEntries(actions.map((action) => [action, carryInstants(deadlineInstants(actionDeadline(election, action), election.timeZone))])),
  };
}

/** The election at `now`, from what a guide carries: the same answers as momentOf(). */
export function carriedMoment(carried: CarriedElection, now: Date): ElectionMoment {
  return {
    over: now >= new Date(carried.endsAt),
    status: (action) => {
      const instants = carried.actions[action];
      if (!instants) throw new Error(`no deadline for ${action}`);
      return statusAt(fromCarried(instants), now);
    },
  };
}

export type Answer = 'unknown' | 'yes' | 'no';

export const CURRENT_ADDRESS_DECISIONS = ['election-over', 'same-settlement', 'apply-by-deadline', 'deadline-passed'] as const;
export type CurrentAddressDecision = (typeof CURRENT_ADDRESS_DECISIONS)[number];

/** Bulgaria: "Can I vote at my current address?" */
export function decideCurrentAddress(at: ElectionMoment, input: { differentSettlements: boolean }): CurrentAddressDecision {
  if (at.over) return 'election-over';
  if (!input.differentSettlements) return 'same-settlement';
  return at.status('current-address-request') === 'past' ? 'deadline-passed' : 'apply-by-deadline';
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
export function decideMobileBox(at: ElectionMoment, input: { cannotReachPollingRoom: boolean; mobileCommission: Answer }): MobileBoxDecision {
  if (at.over) return 'election-over';
  if (!input.cannotReachPollingRoom) return 'not-needed';
  if (at.status('mobile-box-request') !== 'past') return 'apply-by-deadline';
  if (at.status('mobile-box-late-request') === 'past') return 'too-late';
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
export function decideAbsentee(at: ElectionMoment, input: { lostCertificate: boolean; sameSettlement: boolean }): AbsenteeDecision {
  if (at.over) return 'election-over';
  if (input.lostCertificate) return 'lost-not-replaced';
  if (input.sameSettlement) return 'same-settlement';
  const status = at.status('absentee-certificate');
  if (status === 'past') return 'window-closed';
  if (status === 'upcoming') return 'not-yet';
  return 'apply-now';
}
