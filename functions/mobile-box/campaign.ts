import type { Area } from '#core/areas/schema';
import { ValidationFailed } from '#core/errors';
import type { Election, MobileBoxArea, MobileBoxConfig } from '#core/elections/schema';
import { getArea } from '#functions/elections/areas';
import { namedElection } from '#functions/elections/choose';
import { ELECTIONS } from '#functions/elections/registry';

/**
 * One election's mobile ballot box in one area (a municipality): what every mobile-box, staff and
 * route function works on. Both come from content/: the election's `mobileBox` and the area file.
 */
export interface Campaign {
  election: Election;
  config: MobileBoxConfig;
  area: Area;
  /** The election's sections in this area (one per district that has a mobile section). */
  sections: MobileBoxArea['sections'];
  /** The settlements of the area where the election has a mobile commission appointed. */
  commissions: MobileBoxArea['commissions'];
}

/** The election's campaign in an area, when it takes applications there. */
export function campaignOf(election: Election, areaId: string): Campaign | undefined {
  const entry = election.mobileBox?.areas.find((candidate) => candidate.area === areaId);
  const area = entry && getArea(entry.area);
  return entry && area ? { election, config: election.mobileBox!, area, sections: entry.sections, commissions: entry.commissions } : undefined;
}

/** Every campaign of an election (one per area it takes applications in). */
export function campaignsOf(election: Election): Campaign[] {
  return (election.mobileBox?.areas ?? []).flatMap((entry) => campaignOf(election, entry.area) ?? []);
}

/** Every campaign of every election in an area, the most recent voting day first. */
export function areaCampaigns(areaId: string): Campaign[] {
  return ELECTIONS.flatMap((election) => campaignOf(election, areaId) ?? []).reverse();
}

/**
 * The campaign a request names: its election (which must take mobile-box applications) and its
 * area (which may be left out when the election has only one). Unknown ones are refused on
 * their field, like any other wrong choice.
 */
export function namedCampaign(electionId: string, areaId?: string | undefined): Campaign {
  const election = namedElection(electionId, 'BG');
  if (!election.mobileBox) throw new ValidationFailed([{ field: 'election', code: 'invalid_choice', label: 'common.field.election' }]);
  const all = campaignsOf(election);
  const chosen = areaId === undefined ? (all.length === 1 ? all[0] : undefined) : all.find((campaign) => campaign.area.id === areaId);
  if (!chosen) throw new ValidationFailed([{ field: 'area', code: areaId === undefined ? 'required' : 'invalid_choice', label: 'mobileBox.field.area' }]);
  return chosen;
}

/** The campaign a stored row belongs to, found by its election and district (district ids are unique within an election). */
export function campaignOfDistrict(election: Election, districtId: string): Campaign | undefined {
  return campaignsOf(election).find((campaign) => campaign.area.districts.some((district) => district.id === districtId));
}
