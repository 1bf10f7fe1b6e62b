import { FINGERPRINT_KEY } from '#functions/lookup/register-key';
import type { Country } from '#core/countries';
import { addressRanges, appMeta, importGenerations, registerEntries, stations } from '#db/schema';
import { columns, tableName } from './columns';
import { sqlValue, type D1 } from './d1';
import type { Dataset } from './generations';

export interface StationRef {
  id: number;
  number: string;
  mobile: boolean;
}

export interface ImportState {
  /** The fingerprint of the LOOKUP_KEY the register was hashed with, if there is a register. */
  fingerprint: string | undefined;
  stations: StationRef[];
  /** Per dataset: the generation that answers (undefined before the first import) and the highest written. */
  generations: Record<Dataset, { active: number | undefined; highest: number }>;
}

const TABLES = { register: registerEntries, ranges: addressRanges } as const;

/** The election's stations (id, number, mobile) as JSON: one query however many there are. */
function stationsJson(country: Country, electionId: string): string {
  const s = (key: 'id' | 'number' | 'mobile') => columns(stations, [key]);
  return `(SELECT json_group_array(json_object('id', ${s('id')}, 'number', ${s('number')}, 'mobile', ${s('mobile')})) FROM ${tableName(stations)}
    WHERE ${columns(stations, ['country'])} = ${sqlValue(country)} AND ${columns(stations, ['electionId'])} = ${sqlValue(electionId)})`;
}

function generationSql(electionId: string, dataset: Dataset) {
  const table = TABLES[dataset];
  return {
    active: `(SELECT ${columns(importGenerations, ['active'])} FROM ${tableName(importGenerations)} WHERE ${columns(importGenerations, ['electionId'])} = ${sqlValue(electionId)} AND ${columns(importGenerations, ['dataset'])} = ${sqlValue(dataset)})`,
    highest: `(SELECT max(${columns(table, ['generation'])}) FROM ${tableName(table)} WHERE ${columns(table, ['electionId'])} = ${sqlValue(electionId)})`,
  };
}

/** Everything the importer needs to know before it writes, in one query (each wrangler call costs seconds). */
export async function importState(db: D1, country: Country, electionId: string): Promise<ImportState> {
  const register = generationSql(electionId, 'register');
  const ranges = generationSql(electionId, 'ranges');
  const [row] = await db.query<{ fingerprint: string | null; stations: string; ra: number | null; rh: number | null; ga: number | null; gh: number | null }>(
    `SELECT (SELECT ${columns(appMeta, ['value'])} FROM ${tableName(appMeta)} WHERE ${columns(appMeta, ['key'])} = ${sqlValue(FINGERPRINT_KEY)}) AS fingerprint,
            ${stationsJson(country, electionId)} AS stations,
            ${register.active} AS ra, ${register.highest} AS rh, ${ranges.active} AS ga, ${ranges.highest} AS gh`,
  );
  const generation = (active: number | null | undefined, highest: number | null | undefined) => ({
    active: active ?? undefined,
    highest: Math.max(active ?? 0, highest ?? 0),
  });
  return {
    fingerprint: row?.fingerprint ?? undefined,
    stations: parseStations(row?.stations),
    generations: { register: generation(row?.ra, row?.rh), ranges: generation(row?.ga, row?.gh) },
  };
}

/** A SELECT of the election's stations, to end the batch that wrote them; read its rows with `parseStationRows`. */
export function selectStations(country: Country, electionId: string): string {
  return `SELECT ${stationsJson(country, electionId)} AS stations;`;
}

export function parseStationRows(rows: { stations?: string }[]): StationRef[] {
  return parseStations(rows[0]?.stations);
}

function parseStations(json: string | undefined): StationRef[] {
  const rows = JSON.parse(json ?? '[]') as { id: number; number: string; mobile: number }[];
  return rows.map((r) => ({ id: r.id, number: r.number, mobile: r.mobile === 1 }));
}
