import type { Election, MobileBoxConfig } from '#core/elections/schema';
import type { Locale } from '#core/i18n';
import { dataTableById } from '#functions/elections/data-tables';
import type { LocalizedText } from '#core/localized';

export interface District {
  /** A stable id from the English name: `krasno-selo`. */
  id: string;
  name: LocalizedText;
  /** A mobile section is appointed for it: late requests are possible here only. */
  mobileSection: boolean;
  /**
   * Its multi-member constituency (МИР) number, e.g. `23`, where a data file names it (the
   * sections file does for the districts with a section; the sources name none for the others).
   */
  constituency?: string;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const cache = new Map<string, District[]>();

function districtColumn(id: string): { name: LocalizedText; constituency?: string }[] {
  return dataTableById(id).rows.map((row) => {
    const cell = row.district;
    if (!cell || typeof cell === 'string') throw new Error(`content/data/${id}.json: every row needs a localized "district"`);
    const constituency = typeof row.constituency === 'object' ? /\d+/.exec(row.constituency.bg)?.[0] : undefined;
    return constituency ? { name: cell, constituency } : { name: cell };
  });
}

/** The districts of the election's mobile-box area, from its data files, in their order. */
export function districtsOf(config: MobileBoxConfig): District[] {
  const key = `${config.districts}|${config.mobileSections}`;
  let districts = cache.get(key);
  if (!districts) {
    const withSection = new Map(districtColumn(config.mobileSections).map((row) => [row.name.bg, row.constituency]));
    districts = districtColumn(config.districts).map(({ name, constituency }) => {
      const known = withSection.get(name.bg) ?? constituency;
      return { id: slug(name.en), name, mobileSection: withSection.has(name.bg), ...(known ? { constituency: known } : {}) };
    });
    const unknown = [...withSection.keys()].filter((bg) => !districts!.some((d) => d.name.bg === bg));
    if (unknown.length > 0)
      throw new Error(`content/data/${config.mobileSections}.json names districts that ${config.districts}.json lacks: ${unknown.join(', ')}`);
    cache.set(key, districts);
  }
  return districts;
}

export function districtById(config: MobileBoxConfig, id: string): District | undefined {
  return districtsOf(config).find((district) => district.id === id);
}

/** The election's mobile-box configuration; an election without one has no mobile-box requests. */
export function mobileBoxOf(election: Election): MobileBoxConfig | undefined {
  return election.mobileBox;
}

export const districtName = (district: District, locale: Locale) => district.name[locale];
