import { placeKey } from '#core/lookup/normalize';
import { searchKey } from '#core/lookup/search-key';
import { checkPersonalNumber } from '#core/lookup/personal-numbers';
import type { Country } from '#core/countries';

/** A row either parses into a value or is refused with a reason a person can act on. */
export type RowResult<T> = { ok: true; value: T } | { ok: false; reason: string };

/** One CSV format: its exact header, the longest value each column may hold, and how a row becomes a value. */
export interface CsvFormat<T> {
  name: string;
  columns: readonly string[];
  maxLength: Readonly<Record<string, number>>;
  parse(row: Record<string, string>, context: { country: Country }): RowResult<T>;
}

const fail = (reason: string) => ({ ok: false as const, reason });
const required = (row: Record<string, string>, ...names: string[]) => names.find((n) => (row[n] ?? '').trim() === '');

function optionalNumber(value: string, min: number, max: number): number | null | undefined {
  if (value.trim() === '') return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= min && number <= max ? number : undefined;
}

function optionalBoolean(value: string): boolean | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return null;
  if (['1', 'true', 'yes', 'y', 'да'].includes(v)) return true;
  if (['0', 'false', 'no', 'n', 'не', 'нет'].includes(v)) return false;
  return undefined;
}

const STATION_NUMBER: Record<Country, RegExp> = {
  BG: /^\d{9}$/,
  KG: /^\d{1,5}$/,
  KZ: /^\d{1,5}$/,
};

export interface StationRecord {
  number: string;
  name: string;
  address: string;
  settlement: string;
  settlementKey: string;
  settlementSearchKey: string;
  district: string;
  constituency: string;
  lat: number | null;
  lon: number | null;
  stepFree: boolean | null;
  mobile: boolean;
}

export const stationsFormat: CsvFormat<StationRecord> = {
  name: 'stations',
  columns: ['number', 'name', 'address', 'settlement', 'district', 'constituency', 'lat', 'lon', 'step_free', 'mobile'],
  maxLength: { number: 20, name: 200, address: 300, settlement: 120, district: 120, constituency: 120, lat: 20, lon: 20, step_free: 10, mobile: 10 },
  parse(row, { country }) {
    const missing = required(row, 'number', 'name', 'address', 'settlement');
    if (missing) return fail(`${missing} is empty`);
    const number = row.number!.trim();
    if (!STATION_NUMBER[country].test(number))
      return fail(country === 'BG' ? `number "${number}" is not a 9-digit section code` : `number "${number}" is not a precinct number`);
    const lat = optionalNumber(row.lat!, -90, 90);
    const lon = optionalNumber(row.lon!, -180, 180);
    if (lat === undefined) return fail(`lat "${row.lat}" is not a latitude`);
    if (lon === undefined) return fail(`lon "${row.lon}" is not a longitude`);
    if ((lat === null) !== (lon === null)) return fail('lat and lon must both be given or both be empty');
    const stepFree = optionalBoolean(row.step_free!);
    if (stepFree === undefined) return fail(`step_free "${row.step_free}" is not yes/no`);
    const mobile = optionalBoolean(row.mobile!);
    if (mobile === undefined) return fail(`mobile "${row.mobile}" is not yes/no`);
    const settlement = row.settlement!.trim();
    return {
      ok: true,
      value: {
        number,
        name: row.name!.trim(),
        address: row.address!.trim(),
        settlement,
        settlementKey: placeKey(settlement),
        settlementSearchKey: searchKey(settlement, country),
        district: row.district!.trim(),
        constituency: row.constituency!.trim(),
        lat,
        lon,
        stepFree,
        mobile: mobile ?? false,
      },
    };
  },
};

export interface RangeRecord {
  settlementKey: string;
  settlementSearchKey: string;
  street: string;
  streetKey: string;
  streetSearchKey: string;
  from: number;
  to: number;
  parity: 'all' | 'odd' | 'even';
  stationNumber: string;
}

export const rangesFormat: CsvFormat<RangeRecord> = {
  name: 'ranges',
  columns: ['settlement', 'street', 'from', 'to', 'parity', 'station_number'],
  maxLength: { settlement: 120, street: 160, from: 6, to: 6, parity: 4, station_number: 20 },
  parse(row, { country }) {
    const missing = required(row, 'settlement', 'street', 'from', 'to', 'parity', 'station_number');
    if (missing) return fail(`${missing} is empty`);
    const from = Number(row.from);
    const to = Number(row.to);
    if (!Number.isInteger(from) || from < 0) return fail(`from "${row.from}" is not a house number`);
    if (!Number.isInteger(to) || to < 0) return fail(`to "${row.to}" is not a house number`);
    if (from > to) return fail(`from ${from} is after to ${to}`);
    const parity = row.parity!.trim().toLowerCase();
    if (parity !== 'all' && parity !== 'odd' && parity !== 'even') return fail(`parity "${row.parity}" is not all, odd or even`);
    const street = row.street!.trim();
    return {
      ok: true,
      value: {
        settlementKey: placeKey(row.settlement!),
        settlementSearchKey: searchKey(row.settlement!, country),
        street,
        streetKey: placeKey(street),
        streetSearchKey: searchKey(street, country),
        from,
        to,
        parity,
        stationNumber: row.station_number!.trim(),
      },
    };
  },
};

export interface RegisterRecord {
  normalized: string;
  stationNumber: string;
}

export const registerFormat: CsvFormat<RegisterRecord> = {
  name: 'register',
  columns: ['id_number', 'station_number'],
  maxLength: { id_number: 40, station_number: 20 },
  parse(row, { country }) {
    const missing = required(row, 'id_number', 'station_number');
    if (missing) return fail(`${missing} is empty`);
    const check = checkPersonalNumber(country, row.id_number!);
    // The reason names the rule, never the number itself: import logs must not hold personal data.
    if (!check.ok) return fail(`id_number is not a valid ${check.kind} (${check.problem})`);
    return { ok: true, value: { normalized: check.normalized, stationNumber: row.station_number!.trim() } };
  },
};
