import { database } from '../../db/client';
import { stationReports } from '../../db/schema';
import { lt } from 'drizzle-orm';
import type { Bindings } from '../env';
import { ELECTIONS, getElection } from '../elections/registry';
import type { Election } from '../elections/schema';
import type { Country } from '../platform/countries';
import { personalNumberHash, seal } from '../platform/crypto';
import { ApiError } from '../platform/errors';
import type { Locale } from '../platform/locale';
import { enforceRateLimit } from '../platform/rate-limit';
import { notFoundHelp } from './help';
import { houseNumber, placeKey } from './normalize';
import { checkPersonalNumber, ID_FORMATS } from './personal-numbers';
import type { AddressQuery, LookupRequest, NearQuery, ReportRequest } from './schemas';
import { nearestStations, stationById, stationForPersonalNumber, stationsForAddress, stationsInSettlement, type StationRow } from './stations';

/** What a citizen is shown about a station: its row without internal keys, plus the election's hours. */
export type StationView = Omit<StationRow, 'settlementKey' | 'source' | 'updatedAt'> & {
  hours: { opens: string; closes: string } | null;
  timeZone: string;
};

/** The newest election of a country: the default when a request names none. */
export function defaultElection(country: Country): Election {
  const ofCountry = ELECTIONS.filter((e) => e.country === country);
  return ofCountry[ofCountry.length - 1]!;
}

export function resolveElection(country: Country, electionId: string | undefined): Election {
  if (!electionId) return defaultElection(country);
  const election = getElection(electionId);
  if (!election || election.country !== country) throw new ApiError(422, 'invalid_input', { field: 'election', messageKey: 'error.field.invalid' });
  return election;
}

export function stationView(row: StationRow, election: Election): StationView {
  const { settlementKey: _key, source: _source, updatedAt: _updated, ...publicFields } = row;
  return { ...publicFields, hours: election.pollingHours ?? null, timeZone: election.timeZone };
}

function electionOf(row: StationRow): Election {
  return getElection(row.electionId) ?? defaultElection(row.country);
}

/**
 * Where a voter votes, by personal number. Counts the attempt against the client's limit
 * first, checks the number (a wrong one says what is wrong, never "not found"), then runs
 * one query on the number's HMAC. The number itself is never stored or logged.
 */
export async function lookupByPersonalNumber(env: Bindings, input: LookupRequest, client: string): Promise<StationView> {
  await enforceRateLimit(env, 'LOOKUP', client);
  const check = checkPersonalNumber(input.country, input.idNumber);
  if (!check.ok) {
    const kind = ID_FORMATS[input.country];
    throw new ApiError(422, 'invalid_id', {
      field: 'idNumber',
      problem: check.problem,
      messageKey: `lookup.invalid.${check.problem}`,
      vars: { length: kind.length },
      varKeys: { name: `lookup.idName.${kind.kind === 'LNCH' ? 'EGN' : kind.kind}` },
    });
  }
  const election = resolveElection(input.country, input.election);
  const hash = await personalNumberHash(env.LOOKUP_KEY, input.country, check.normalized);
  const row = await stationForPersonalNumber(database(env.DB), election.id, hash);
  if (!row) {
    throw new ApiError(404, 'not_found', {
      messageKey: `lookup.notFound.${input.country}`,
      help: (locale: Locale) => notFoundHelp(input.country, locale),
    });
  }
  return stationView(row, election);
}

export interface AddressResult {
  settlement: string;
  street?: string;
  number?: string;
  /** Each station with the ranges of this street it serves. */
  matches: { station: StationView; ranges: { fromNumber: number; toNumber: number; parity: 'all' | 'odd' | 'even' }[] }[];
}

/** Stations for an address, down to the house number when one is given. */
export async function lookupByAddress(env: Bindings, query: AddressQuery): Promise<AddressResult> {
  const election = resolveElection(query.country, query.election);
  const db = database(env.DB);
  const base = { country: query.country, electionId: election.id, settlementKey: placeKey(query.settlement) };
  const number = query.number === undefined ? undefined : houseNumber(query.number);
  if (query.number !== undefined && number === undefined) throw new ApiError(422, 'invalid_input', { field: 'number', messageKey: 'error.field.invalid' });
  if (!query.street) {
    const rows = await stationsInSettlement(db, base);
    return { settlement: query.settlement, matches: rows.map((row) => ({ station: stationView(row, election), ranges: [] })) };
  }
  const found = await stationsForAddress(db, { ...base, streetKey: placeKey(query.street), ...(number === undefined ? {} : { number }) });
  const byStation = new Map<number, AddressResult['matches'][number]>();
  for (const match of found) {
    const entry = byStation.get(match.station.id) ?? { station: stationView(match.station, election), ranges: [] };
    entry.ranges.push({ fromNumber: match.fromNumber, toNumber: match.toNumber, parity: match.parity });
    byStation.set(match.station.id, entry);
  }
  return {
    settlement: query.settlement,
    street: found[0]?.street ?? query.street,
    ...(query.number ? { number: query.number } : {}),
    matches: [...byStation.values()],
  };
}

export async function nearbyStations(env: Bindings, query: NearQuery): Promise<{ station: StationView; distance: number }[]> {
  const rows = await nearestStations(database(env.DB), query);
  return rows.map(({ station, distance }) => ({ station: stationView(station, electionOf(station)), distance }));
}

export async function stationDetails(env: Bindings, id: number): Promise<StationView> {
  const row = await stationById(database(env.DB), id);
  if (!row) throw new ApiError(404, 'not_found');
  return stationView(row, electionOf(row));
}

/** Reports are kept for staff for 90 days, then deleted with any contact in them. */
export const REPORT_RETENTION_DAYS = 90;

/**
 * Stores "report a problem with this answer". The optional contact is encrypted; no
 * personal number is ever attached. Expired reports are deleted on the way.
 */
export async function reportProblem(env: Bindings, stationId: number, input: ReportRequest, locale: Locale, client: string, now = new Date()): Promise<{ id: number }> {
  await enforceRateLimit(env, 'REPORT', client);
  const db = database(env.DB);
  if (!(await stationById(db, stationId))) throw new ApiError(404, 'not_found');
  const contactSealed = input.contact ? await seal(env.LOOKUP_KEY, 'report-contact', input.contact) : null;
  const expiresAt = new Date(now.getTime() + REPORT_RETENTION_DAYS * 86_400_000).toISOString();
  const [, inserted] = await db.batch([
    db.delete(stationReports).where(lt(stationReports.expiresAt, now.toISOString())),
    db
      .insert(stationReports)
      .values({ stationId, kind: input.kind, details: input.details, contactSealed, locale, createdAt: now.toISOString(), expiresAt })
      .returning({ id: stationReports.id }),
  ]);
  return { id: inserted[0]!.id };
}
