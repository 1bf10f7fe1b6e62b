import { NotFound, ValidationFailed } from '#core/errors';
import { actionDeadline, deadlineStatus } from '#core/elections/deadlines';
import { applicationWindow } from '#core/mobile-box/rules';
import { localDate } from '#core/zoned-time';
import { AREAS } from '#functions/elections/areas';
import { electionOfRow } from '#functions/elections/choose';
import { areaCampaigns, type Campaign, campaignOfDistrict } from '#functions/mobile-box/campaign';
import { refuse } from './errors';
import type { StaffSession } from './sessions';

type StaffUser = StaffSession['user'];

/**
 * The area an account serves. Accounts made before areas existed have none: they serve the only
 * area there is, and must be given one (`npm run user:add -- --area …`) once there are more.
 */
export function accountArea(user: Pick<StaffUser, 'area'>): string | undefined {
  return user.area ?? (AREAS.length === 1 ? AREAS[0]!.id : undefined);
}

/** The elections taking mobile-box applications in the user's area, the most recent first. */
export function staffCampaigns(user: Pick<StaffUser, 'area'>): Campaign[] {
  const area = accountArea(user);
  return area ? areaCampaigns(area) : [];
}

/** Whether the staff may still change anything: until the end of the election's route hand-over deadline. */
export function isEditable(campaign: Campaign, now: Date): boolean {
  const { election } = campaign;
  return !election.actions['route-handover'] || deadlineStatus(actionDeadline(election, 'route-handover'), election.timeZone, now) !== 'past';
}

/** Refuses a change to an election past its hand-over deadline (it can still be read). */
export function requireEditable(campaign: Campaign, now: Date): void {
  if (!isEditable(campaign, now)) throw refuse('election_closed');
}

/**
 * Whether the police may still prepare routes: after the districts' hand-over deadline, until the
 * end of voting day (seed 004, line 137: the routes the cars follow on that day).
 */
export function routesPreparable(campaign: Campaign, now: Date): boolean {
  const { election } = campaign;
  if (!election.votingDay) return isEditable(campaign, now);
  return localDate(now, election.timeZone) <= election.votingDay;
}

/** Refuses a change to a route after voting day (it can still be read). */
export function requirePreparable(campaign: Campaign, now: Date): void {
  if (!routesPreparable(campaign, now)) throw refuse('election_closed');
}

/**
 * The election the staff area shows: the one named (it must take applications in the user's
 * area, else the `election` field is refused), otherwise the one whose application window is
 * open, else the first one still open for changes, else the most recent.
 */
export function staffCampaign(user: Pick<StaffUser, 'area'>, electionId: string | undefined, now: Date): Campaign {
  const campaigns = staffCampaigns(user);
  if (electionId !== undefined) {
    const named = campaigns.find((campaign) => campaign.election.id === electionId);
    if (!named) throw new ValidationFailed([{ field: 'election', code: 'invalid_choice', label: 'common.field.election' }]);
    return named;
  }
  const soonestFirst = [...campaigns].reverse();
  const chosen =
    soonestFirst.find((campaign) => applicationWindow(campaign.election, now) !== 'closed') ??
    soonestFirst.find((campaign) => isEditable(campaign, now)) ??
    campaigns[0];
  if (!chosen) throw new NotFound();
  return chosen;
}

/** The campaign a stored row (a request, a section) belongs to, when the user's area holds it. */
export function campaignInReach(user: Pick<StaffUser, 'area'>, row: { electionId: string; district: string }): Campaign | undefined {
  const campaign = campaignOfDistrict(electionOfRow(row.electionId), row.district);
  return campaign && campaign.area.id === accountArea(user) ? campaign : undefined;
}

/** The campaign a stored row belongs to, if the user's area holds it; else it does not exist for them. */
export function campaignOfRow(user: Pick<StaffUser, 'area'>, row: { electionId: string; district: string }): Campaign {
  const campaign = campaignInReach(user, row);
  if (!campaign) throw new NotFound();
  return campaign;
}
