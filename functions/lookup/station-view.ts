import { z } from 'zod';
import type { Election } from '#core/elections/schema';
import { COUNTRIES } from '#core/countries';
import type { StationRow } from './stations';

const clockTime = z.string().regex(/^\d{2}:\d{2}$/);

/**
 * What anyone may be shown about a polling station: declared field by field, so a column added
 * to the table for staff never reaches a citizen by accident (`stationView` parses through it,
 * which drops anything not listed here).
 */
export const publicStation = z
  .object({
    id: z.number().int().meta({ description: 'Our id for the station; use it for /api/stations/{id}.' }),
    country: z.enum(COUNTRIES),
    electionId: z.string(),
    number: z.string().meta({ description: 'The official number: a 9-digit section code in Bulgaria, a precinct number elsewhere.', example: '244601001' }),
    name: z.string(),
    address: z.string(),
    settlement: z.string(),
    district: z.string(),
    constituency: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    stepFree: z.boolean().nullable().meta({ description: 'Step-free access; null when nobody has checked.' }),
    mobile: z.boolean().meta({ description: 'A mobile section, which visits voters who applied for a mobile ballot box.' }),
    hours: z.object({ opens: clockTime, closes: clockTime }).nullable().meta({ description: 'Polling hours on voting day, from the election data.' }),
    timeZone: z.string().meta({ example: 'Europe/Sofia' }),
  })
  .meta({ id: 'Station' });
export type StationView = z.infer<typeof publicStation>;

/**
 * A station row as published, with its election's polling hours: the fields of `publicStation`,
 * in its order, copied one by one (a column added to the table never reaches an answer). The
 * row comes from our own D1 and the hours from the checked election data, so it is built
 * directly rather than parsed again on every request (a test checks both agree).
 */
export function stationView(row: StationRow, election: Election): StationView {
  return {
    id: row.id,
    country: row.country,
    electionId: row.electionId,
    number: row.number,
    name: row.name,
    address: row.address,
    settlement: row.settlement,
    district: row.district,
    constituency: row.constituency,
    lat: row.lat,
    lon: row.lon,
    stepFree: row.stepFree,
    mobile: row.mobile,
    hours: election.pollingHours ? { opens: election.pollingHours.opens, closes: election.pollingHours.closes } : null,
    timeZone: election.timeZone,
  };
}

/**
 * A station as the answer to a personal number: without `mobile`. That a number's station is a
 * mobile section would tell anyone who knows the number that its owner asked to vote from home
 * (a disability); the importer also refuses register rows that point at a mobile section.
 */
export const personalStation = publicStation.omit({ mobile: true }).meta({ id: 'PersonalStation' });
export type PersonalStationView = z.infer<typeof personalStation>;

export function personalStationView(row: StationRow, election: Election): PersonalStationView {
  const { mobile: _mobile, ...personal } = stationView(row, election);
  return personal;
}
