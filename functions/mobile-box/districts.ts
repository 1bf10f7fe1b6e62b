import type { Locale } from '#core/i18n';
import type { LocalizedText } from '#core/localized';
import type { Campaign } from './campaign';

export interface District {
  /** A stable id: `krasno-selo`. */
  id: string;
  name: LocalizedText;
  /** The election appointed it a mobile section of its own (late applications go by settlement: see settlements.ts). */
  mobileSection: boolean;
  /** Its multi-member constituency (МИР) number, e.g. `23`, where the area's data names it. */
  constituency?: string;
}

const cache = new Map<string, District[]>();

/** The districts of a campaign's area, in the area file's order, each knowing whether the election appointed it a section. */
export function districtsOf(campaign: Campaign): District[] {
  const key = `${campaign.election.id}|${campaign.area.id}`;
  let districts = cache.get(key);
  if (!districts) {
    const withSection = new Set(campaign.sections.map((section) => section.district));
    districts = campaign.area.districts.map(({ id, name, constituency }) => ({
      id,
      name,
      mobileSection: withSection.has(id),
      ...(constituency ? { constituency } : {}),
    }));
    cache.set(key, districts);
  }
  return districts;
}

export function districtById(campaign: Campaign, id: string): District | undefined {
  return districtsOf(campaign).find((district) => district.id === id);
}

export const districtName = (district: District, locale: Locale) => district.name[locale];
