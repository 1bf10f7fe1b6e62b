import { database } from '#db/client';
import { currentElection, electionFor, electionOfRow, namedElection } from '#functions/elections/choose';
import type { Bindings } from '#functions/env';
import { t } from '#core/i18n';
import { COUNTRIES, type Country } from '#core/countries';
import { personalNumberHash } from '#functions/platform/crypto';
import { InvalidPersonalNumber, NotFound, ValidationFailed } from '#core/errors';
import { notFoundHelp } from './help';
import { houseNumber } from '#core/lookup/normalize';
import { queryKeys } from '#core/lookup/search-key';
import { checkPersonalNumber, ID_FORMATS, type IdProblem } from '#core/lookup/personal-numbers';
import type { AddressQuery, LookupRequest, NearQuery, SuggestionQuery } from './schemas';
import { personalStationView, stationView, type PersonalStationView, type StationView } from './station-view';
import { assertRegisterKey } from './register-key';
import { requireKey } from '#functions/platform/keys';
import {
  nearestStations,
  settlementSuggestions,
  stationById,
  stationForPersonalNumber,
  stationsForAddress,
  stationsInSettlement,
  streetSuggestions,
} from './stations';

function invalidNumber(country: Country, problem: IdProblem): InvalidPersonalNumber {
  const { kind, length } = ID_FORMATS[country];
  return new InvalidPersonalNumber(problem, (locale) =>
    t(locale, `lookup.invalid.${problem}`, { name: t(locale, `lookup.idName.${kind === 'LNCH' ? 'EGN' : kind}`), length }),
  );
}

/**
 * Where a voter votes, by personal number. Checks the number first (a wrong one says what is
 * wrong, never "not found"), then runs one query on the number's HMAC. The number itself is
 * never stored or logged. Rate limits are counted at the edge, before the body is parsed.
 */
export async function lookupByPersonalNumber(env: Bindings, input: LookupRequest, now: Date): Promise<PersonalStationView> {
  const lookupKey = requireKey(env, 'LOOKUP_KEY');
  const check = checkPersonalNumber(input.country, input.idNumber);
  if (!check.ok) throw invalidNumber(input.country, check.problem);
  const election = electionFor(input.country, input.election, now);
  await assertRegisterKey(env.DB, lookupKey, now.getTime());
  const hash = await personalNumberHash(lookupKey, input.country, check.normalized);
  const row = await stationForPersonalNumber(env.DB, election.id, hash);
  if (!row)
    throw new NotFound(
      (locale) => t(locale, `lookup.notFound.${input.country}`),
      (locale) => notFoundHelp(election, locale),
    );
  return personalStationView(row, election);
}

export interface AddressResult {
  settlement: string;
  street?: string | undefined;
  number?: string | undefined;
  /** Each station with the ranges of this street it serves. */
  matches: { station: StationView; ranges: { fromNumber: number; toNumber: number; parity: 'all' | 'odd' | 'even' }[] }[];
}

/**
 * Stations for an address in one election, down to the house number when one is given. The
 * settlement and street may be typed in Cyrillic or in Latin, in any usual romanisation
 * (search-key.ts); still one query.
 */
export async function lookupByAddress(env: Bindings, query: AddressQuery, now: Date): Promise<AddressResult> {
  const election = electionFor(query.country, query.election, now);
  const db = env.DB;
  const base = { country: query.country, electionId: election.id, settlementKeys: queryKeys(query.settlement, query.country) };
  const number = query.number === undefined ? undefined : houseNumber(query.number);
  if (query.number !== undefined && number === undefined) {
    throw new ValidationFailed([{ field: 'number', code: 'invalid_format', label: 'lookup.field.number' }]);
  }
  if (!query.street) {
    const rows = await stationsInSettlement(db, base);
    return { settlement: query.settlement, matches: rows.map((row) => ({ station: stationView(row, election), ranges: [] })) };
  }
  const found = await stationsForAddress(db, { ...base, streetKeys: queryKeys(query.street, query.country), ...(number === undefined ? {} : { number }) });
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

/** Settlement and street names for the address form's suggestions, in one election, matched in Cyrillic or Latin. */
export async function suggestions(env: Bindings, kind: 'settlements' | 'streets', query: SuggestionQuery, now: Date): Promise<string[]> {
  const election = electionFor(query.country, query.election, now);
  const db = database(env.DB);
  if (kind === 'settlements')
    return settlementSuggestions(db, { country: query.country, electionId: election.id, prefixKeys: queryKeys(query.q, query.country) });
  if (!query.settlement) return [];
  return streetSuggestions(db, {
    country: query.country,
    electionId: election.id,
    settlementKeys: queryKeys(query.settlement, query.country),
    partKeys: queryKeys(query.q, query.country),
  });
}

/**
 * Stations near a position, in one election per country: the named one, or each country's
 * current election (only the given country's when `country` is set).
 */
export async function nearbyStations(env: Bindings, query: NearQuery, now: Date): Promise<{ station: StationView; distance: number }[]> {
  const countries = query.country ? [query.country] : COUNTRIES;
  const elections = query.election ? [namedElection(query.election, query.country)] : countries.map((country) => currentElection(country, now));
  const byId = new Map(elections.map((election) => [election.id, election]));
  const rows = await nearestStations(database(env.DB), { ...query, electionIds: [...byId.keys()] });
  return rows.map(({ station, distance }) => ({ station: stationView(station, byId.get(station.electionId)!), distance }));
}

export async function stationDetails(env: Bindings, id: number): Promise<StationView> {
  const row = await stationById(database(env.DB), id);
  if (!row) throw new NotFound();
  return stationView(row, electionOfRow(row.electionId));
}
