import { and, asc, between, eq, gte, inArray, like, lt, lte, or, sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Database } from '#db/client';
import { columnCount, decodeTable, decodeValue, placeholders, placeholderValues, rawRows } from './prepared';
import { addressRanges, importGenerations, registerEntries, settlementNames, stations, streetNames } from '#db/schema';
import type { Country } from '#core/countries';
import { inRange } from '#core/lookup/normalize';

export type StationRow = typeof stations.$inferSelect;

/**
 * The generation of an election's register or ranges that answers, as a scalar subquery, so a
 * read stays one statement. While an import loads a new generation, the old one keeps answering.
 */
function activeGeneration(electionId: string | Placeholder, dataset: 'register' | 'ranges'): SQL<number> {
  return sql<number>`(SELECT ${importGenerations.active} FROM ${importGenerations} WHERE ${importGenerations.electionId} = ${electionId} AND ${importGenerations.dataset} = ${dataset})`;
}

/**
 * The station a hashed personal number is registered at: one indexed query, whether or not
 * the number exists, so neither the work nor the time tells the two apart. Built once per
 * isolate (./prepared.ts); each lookup binds its two values.
 */
export async function stationForPersonalNumber(d1: D1Database, electionId: string, idHash: string): Promise<StationRow | undefined> {
  const [row] = await rawRows(d1, 'register', (db) => stationForPersonalNumberQuery(db, sql.placeholder('electionId'), sql.placeholder('idHash')), {
    electionId,
    idHash,
  });
  return row ? decodeTable(stations, row) : undefined;
}

/** The statement behind stationForPersonalNumber (`npm run bench:register` reads D1's rows-read for it). */
export const stationForPersonalNumberQuery = (db: Database, electionId: string | Placeholder, idHash: string | Placeholder) =>
  db
    .select({ station: stations })
    .from(registerEntries)
    .innerJoin(stations, eq(stations.id, registerEntries.stationId))
    .where(
      and(
        eq(registerEntries.electionId, electionId),
        eq(registerEntries.generation, activeGeneration(electionId, 'register')),
        eq(registerEntries.idHash, idHash),
      ),
    )
    .limit(1);

export async function stationById(db: Database, id: number): Promise<StationRow | undefined> {
  const rows = await db.select().from(stations).where(eq(stations.id, id)).limit(1);
  return rows[0];
}

export interface AddressMatch {
  station: StationRow;
  street: string;
  fromNumber: number;
  toNumber: number;
  parity: 'all' | 'odd' | 'even';
}

/**
 * The search keys of what a visitor typed (`queryKeys` in search-key.ts), compared with `IN`,
 * so each query stays one indexed statement whatever the number of readings. No key, no query.
 */
interface PlaceKeys {
  settlementKeys: string[];
}

/**
 * Stations serving a street of a settlement; with a house number, only the range that
 * contains it (a street is often split between stations by number and side). One statement,
 * built once per isolate for each number of readings (./prepared.ts).
 */
export async function stationsForAddress(
  d1: D1Database,
  query: PlaceKeys & { country: Country; electionId: string; streetKeys: string[]; number?: number },
): Promise<AddressMatch[]> {
  if (query.settlementKeys.length === 0 || query.streetKeys.length === 0) return [];
  const raw = await rawRows(
    d1,
    `address:${query.settlementKeys.length}:${query.streetKeys.length}:${query.number === undefined ? '' : 'number'}`,
    (db) =>
      db
        .select({
          station: stations,
          street: addressRanges.street,
          fromNumber: addressRanges.fromNumber,
          toNumber: addressRanges.toNumber,
          parity: addressRanges.parity,
        })
        .from(addressRanges)
        .innerJoin(stations, eq(stations.id, addressRanges.stationId))
        .where(
          and(
            eq(addressRanges.country, sql.placeholder('country')),
            eq(addressRanges.electionId, sql.placeholder('electionId')),
            eq(addressRanges.generation, activeGeneration(sql.placeholder('electionId'), 'ranges')),
            inArray(addressRanges.settlementSearchKey, placeholders('s', query.settlementKeys.length)),
            inArray(addressRanges.streetSearchKey, placeholders('t', query.streetKeys.length)),
            // With a house number, only the ranges that hold it (as inRange decides), so only their stations are read.
            query.number === undefined
              ? undefined
              : and(
                  lte(addressRanges.fromNumber, sql.placeholder('number')),
                  gte(addressRanges.toNumber, sql.placeholder('number')),
                  inArray(addressRanges.parity, ['all', sql.placeholder('parity')]),
                ),
          ),
        )
        .orderBy(asc(addressRanges.fromNumber)),
    {
      country: query.country,
      electionId: query.electionId,
      ...placeholderValues('s', query.settlementKeys),
      ...placeholderValues('t', query.streetKeys),
      ...(query.number === undefined ? {} : { number: query.number, parity: query.number % 2 === 1 ? 'odd' : 'even' }),
    },
  );
  const at = columnCount(stations);
  const rows: AddressMatch[] = raw.map((values) => ({
    station: decodeTable(stations, values),
    street: decodeValue(addressRanges.street, values[at]) as string,
    fromNumber: decodeValue(addressRanges.fromNumber, values[at + 1]) as number,
    toNumber: decodeValue(addressRanges.toNumber, values[at + 2]) as number,
    parity: decodeValue(addressRanges.parity, values[at + 3]) as AddressMatch['parity'],
  }));
  const number = query.number;
  return number === undefined ? rows : rows.filter((row) => inRange(number, row.fromNumber, row.toNumber, row.parity));
}

/** Stations of a settlement (used when no street is given). */
export async function stationsInSettlement(d1: D1Database, query: PlaceKeys & { country: Country; electionId: string }): Promise<StationRow[]> {
  if (query.settlementKeys.length === 0) return [];
  const raw = await rawRows(
    d1,
    `settlement:${query.settlementKeys.length}`,
    (db) =>
      db
        .select()
        .from(stations)
        .where(
          and(
            eq(stations.country, sql.placeholder('country')),
            eq(stations.electionId, sql.placeholder('electionId')),
            inArray(stations.settlementSearchKey, placeholders('s', query.settlementKeys.length)),
          ),
        )
        .orderBy(asc(stations.number))
        .limit(200),
    { country: query.country, electionId: query.electionId, ...placeholderValues('s', query.settlementKeys) },
  );
  return raw.map((values) => decodeTable(stations, values));
}

/**
 * Settlement names starting with what was typed (any of its readings), for suggestions: a range
 * on the search key in `settlement_names` (one row per name, kept by triggers on `stations`),
 * so a prefix reads the names that match, not their stations. A range, not LIKE: SQLite's LIKE
 * ignores case and so cannot use a binary index.
 */
export async function settlementSuggestions(db: Database, query: SettlementQuery): Promise<string[]> {
  const rows = await settlementSuggestionsQuery(db, query);
  return rows.map((row) => row.settlement);
}

type SettlementQuery = { country: Country; electionId: string; prefixKeys: string[] };
/** The statement behind settlementSuggestions (the API tests read D1's rows-read for it). */
export const settlementSuggestionsQuery = (db: Database, query: SettlementQuery) =>
  db
    .selectDistinct({ settlement: settlementNames.name })
    .from(settlementNames)
    .where(
      and(
        eq(settlementNames.country, query.country),
        eq(settlementNames.electionId, query.electionId),
        startsWithAny(settlementNames.searchKey, query.prefixKeys),
      ),
    )
    .orderBy(asc(settlementNames.name))
    .limit(10);

/**
 * Street names of a settlement containing what was typed (any of its readings), for suggestions:
 * from `street_names` (one row per street of a settlement, kept by triggers on `address_ranges`),
 * so a suggestion reads the settlement's streets once each, not every house-number range.
 */
export async function streetSuggestions(db: Database, query: StreetQuery): Promise<string[]> {
  if (query.settlementKeys.length === 0) return [];
  const rows = await streetSuggestionsQuery(db, query);
  return rows.map((row) => row.street);
}

type StreetQuery = PlaceKeys & { country: Country; electionId: string; partKeys: string[] };
/** The statement behind streetSuggestions (the API tests read D1's rows-read for it). */
export const streetSuggestionsQuery = (db: Database, query: StreetQuery) =>
  db
    .selectDistinct({ street: streetNames.name })
    .from(streetNames)
    .where(
      and(
        eq(streetNames.country, query.country),
        eq(streetNames.electionId, query.electionId),
        eq(streetNames.generation, activeGeneration(query.electionId, 'ranges')),
        inArray(streetNames.settlementSearchKey, query.settlementKeys),
        likeAny(streetNames.searchKey, query.partKeys, (key) => `%${key}%`),
      ),
    )
    .orderBy(asc(streetNames.name))
    .limit(10);

/** The highest code point: every string that starts with a key sorts below key + this. */
const AFTER_EVERY_CHARACTER = String.fromCodePoint(0x10ffff);

/** `column` starts with one of `keys`, as index ranges; nothing typed matches everything. */
function startsWithAny(column: SQLiteColumn, keys: string[]): SQL | undefined {
  if (keys.length === 0) return undefined;
  return or(...keys.map((key) => and(gte(column, key), lt(column, key + AFTER_EVERY_CHARACTER))));
}

/** `column LIKE p1 OR column LIKE p2…`; nothing typed matches everything, as before. */
function likeAny(column: SQLiteColumn, keys: string[], pattern: (key: string) => string): SQL | undefined {
  const patterns = (keys.length === 0 ? [''] : keys).map((key) => like(column, pattern(escapeLike(key))));
  return or(...patterns);
}

function escapeLike(value: string): string {
  return value.replace(/[%_]/g, '');
}

const EARTH_RADIUS_M = 6_371_008.8;

/** Great-circle distance in metres. */
export function distanceMetres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Nearest stations of the given elections with known coordinates: a bounding box that widens until it holds
 * enough stations (or reaches ~200 km), then exact distances.
 */
export async function nearestStations(
  db: Database,
  query: { lat: number; lon: number; limit: number; electionIds: string[] },
): Promise<{ station: StationRow; distance: number }[]> {
  for (const km of [2, 10, 50, 200]) {
    const dLat = km / 111;
    const dLon = km / (111 * Math.max(0.1, Math.cos((query.lat * Math.PI) / 180)));
    const rows = await db
      .select()
      .from(stations)
      .where(
        and(
          inArray(stations.electionId, query.electionIds),
          between(stations.lat, query.lat - dLat, query.lat + dLat),
          between(stations.lon, query.lon - dLon, query.lon + dLon),
          eq(stations.mobile, false),
        ),
      )
      .limit(500);
    const withDistance = rows
      .map((station) => ({ station, distance: Math.round(distanceMetres(query, { lat: station.lat!, lon: station.lon! })) }))
      .filter((row) => row.distance <= km * 1000)
      .sort((a, b) => a.distance - b.distance);
    if (withDistance.length >= query.limit || km === 200) return withDistance.slice(0, query.limit);
  }
  return [];
}
