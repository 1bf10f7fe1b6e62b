import type { AreaSettlement } from '#core/areas/schema';
import type { Locale } from '#core/i18n';
import { commissionAppointed } from '#core/mobile-box/rules';
import type { Campaign } from './campaign';

/**
 * The settlements of a campaign's area (a city, its towns and villages): the late mobile-box rule
 * and the ten-application threshold go by settlement, not by district (seed 004, lines 97, 99 and
 * 110). The first one is the main settlement, which a form offers first and a request without a
 * settlement (made before settlements were asked) belongs to.
 */
export const settlementsOf = (campaign: Pick<Campaign, 'area'>): readonly AreaSettlement[] => campaign.area.settlements;

export const mainSettlement = (campaign: Pick<Campaign, 'area'>): AreaSettlement => campaign.area.settlements[0]!;

export const settlementById = (campaign: Pick<Campaign, 'area'>, id: string): AreaSettlement | undefined =>
  campaign.area.settlements.find((settlement) => settlement.id === id);

/** The settlement a stored request or a form names; none (an older request): the main one. */
export const settlementOf = (campaign: Pick<Campaign, 'area'>, id: string | null | undefined): AreaSettlement =>
  (id ? settlementById(campaign, id) : undefined) ?? mainSettlement(campaign);

/** Whether a settlement may lie in a district, as far as the data knows (a settlement without districts spans them all). */
export const liesIn = (settlement: AreaSettlement, district: string): boolean => !settlement.districts || settlement.districts.includes(district);

/** The settlements the form offers for a district: the main one first, then those the data places in it (all, without a district). */
export function settlementsFor(campaign: Pick<Campaign, 'area'>, district?: string): AreaSettlement[] {
  return settlementsOf(campaign).filter((settlement) => district === undefined || liesIn(settlement, district));
}

/** Whether the campaign has a mobile commission appointed in a settlement on the day of `now`. */
export const hasMobileCommission = (campaign: Pick<Campaign, 'election' | 'commissions'>, settlement: string, now: Date): boolean =>
  commissionAppointed(campaign.commissions, settlement, campaign.election.timeZone, now);

/** The settlements with a mobile commission appointed on the day of `now`, by name in `locale`. */
export const settlementsWithCommission = (campaign: Campaign, locale: Locale, now: Date): string[] =>
  settlementsOf(campaign)
    .filter((settlement) => hasMobileCommission(campaign, settlement.id, now))
    .map((settlement) => settlement.name[locale]);
