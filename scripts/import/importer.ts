import { createHmac } from 'node:crypto';
import { basename } from 'node:path';
import type { Country } from '#core/countries';
import { addressRanges, registerEntries, stations } from '#db/schema';
import { BatchWriter, DEFAULT_BATCH_ROWS } from './batch-writer';
import { columns, insertInto, tableName, upsert } from './columns';
import type { Encoding } from './csv';
import { sqlValue, type D1 } from './d1';
import { rangesFormat, registerFormat, stationsFormat } from './formats';
import { clearOtherGenerations, deleteGeneration, switchTo, type Dataset } from './generations';
import { checkImportKey, recordKey } from './register-key';
import { rowsOf, type BadRow } from './rows';
import { importState, parseStationRows, selectStations, type ImportState, type StationRef } from './state';

export type { BadRow };

export interface ImportOptions {
  country: Country;
  electionId: string;
  stations?: string | undefined;
  ranges?: string | undefined;
  register?: string | undefined;
  /** Where the lists go: the local or remote D1 through wrangler (`wranglerD1`), or SQLite in the tests. */
  db: D1;
  /** The LOOKUP_KEY the Worker uses; personal numbers are stored only as HMACs under it. */
  lookupKey: string;
  /** Re-key on purpose: accept a LOOKUP_KEY other than the register's (other elections' registers are dropped). */
  newKey?: boolean;
  encoding?: Encoding;
  /** Rows per batch (one SQL file, one wrangler run) sent to D1; DEFAULT_BATCH_ROWS by default. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface ImportReport {
  loaded: Record<'stations' | 'ranges' | 'register', number>;
  bad: BadRow[];
  /** Station numbers of this election in D1 that the stations file no longer lists (kept, reported). */
  missingStations: string[];
  /** Datasets whose new generation was not switched to, because rows were bad (the previous one still answers). */
  notSwitched: Dataset[];
  /** Nothing was written: the stations file marks stations mobile that the register still sends voters to (the lines are in `bad`). */
  refused: boolean;
}

/** Station columns in the order the importer writes them. */
const STATION_COLUMNS = [
  'country',
  'electionId',
  'number',
  'name',
  'address',
  'settlement',
  'settlementKey',
  'settlementSearchKey',
  'district',
  'constituency',
  'lat',
  'lon',
  'stepFree',
  'mobile',
  'source',
  'updatedAt',
] as const;
/** The facts whose change moves a station's `updated_at`. */
const STATION_FACTS = ['name', 'address', 'lat', 'lon', 'stepFree', 'mobile', 'district', 'constituency'] as const;

const tuple = (values: (string | number | boolean | null)[]) => `(${values.map(sqlValue).join(',')})`;

/**
 * Loads official lists into D1: stations, then address ranges and register entries that point
 * at them by station number.
 *
 * - Stations are upserted on their number; one that the file no longer lists is reported.
 * - Ranges and the register *replace* the election's previous ones: they load into a new
 *   generation, and one statement at the end switches to it (the old rows go with it). While
 *   the import runs, if a batch fails, or if any row was bad, the previous generation keeps
 *   answering and the new rows are deleted.
 * - Every bad row is reported with its line and reason; the encoding is checked before
 *   anything is written; a register row that points at a mobile section is refused; a
 *   LOOKUP_KEY other than the register's is refused unless `newKey`.
 * - Files are streamed, at most one batch is held in memory.
 */
export async function importLists(options: ImportOptions): Promise<ImportReport> {
  const { country, electionId, db } = options;
  const encoding = options.encoding ?? 'utf-8';
  const batchSize = options.batchSize ?? DEFAULT_BATCH_ROWS;
  const log = options.log ?? (() => {});
  const bad: BadRow[] = [];
  const report: ImportReport = { loaded: { stations: 0, ranges: 0, register: 0 }, bad, missingStations: [], notSwitched: [], refused: false };
  const now = new Date().toISOString();
  const state = await importState(db, country, electionId);
  const keyMode = options.register ? await checkImportKey(state.fingerprint, options.lookupKey, options.newKey ?? false) : 'same';

  if (options.stations) {
    const stillRegistered = await mobileStationsStillInRegister(options, state, encoding);
    if (stillRegistered.length > 0) {
      bad.push(...stillRegistered);
      report.refused = true;
      return report;
    }
    const source = basename(options.stations);
    const table = tableName(stations);
    const changed = STATION_FACTS.map((key) => columns(stations, [key]))
      .map((name) => `${table}.${name} IS excluded.${name}`)
      .join(' AND ');
    const updatedAt = columns(stations, ['updatedAt']);
    const writer = new BatchWriter(
      db,
      batchSize,
      insertInto(stations, STATION_COLUMNS),
      upsert(
        stations,
        ['country', 'electionId', 'number'],
        [...STATION_FACTS, 'settlement', 'settlementKey', 'settlementSearchKey', 'source'],
        `${updatedAt} = CASE WHEN ${changed} THEN ${table}.${updatedAt} ELSE excluded.${updatedAt} END`,
      ),
    );
    const listed = new Set<string>();
    for await (const { value: s } of rowsOf(options.stations, stationsFormat, country, encoding, bad)) {
      listed.add(s.number);
      await writer.add(
        tuple([
          country,
          electionId,
          s.number,
          s.name,
          s.address,
          s.settlement,
          s.settlementKey,
          s.settlementSearchKey,
          s.district,
          s.constituency,
          s.lat,
          s.lon,
          s.stepFree,
          s.mobile,
          source,
          now,
        ]),
      );
      report.loaded.stations++;
    }
    // The batch ends by reading the stations back, with the ids of the new ones.
    state.stations = parseStationRows(await writer.finish<{ stations?: string }>([selectStations(country, electionId)]));
    report.missingStations = state.stations.map((s) => s.number).filter((number) => !listed.has(number));
    log(
      `stations: ${report.loaded.stations} loaded${report.missingStations.length > 0 ? `; ${report.missingStations.length} in D1 are not in this file (kept)` : ''}`,
    );
  }

  if (!options.ranges && !options.register) return report;

  // Station numbers → ids (and whether each is a mobile section) for this election: thousands, read once.
  const known = new Map<string, StationRef>(state.stations.map((s) => [s.number, s]));
  const stationFor = (stationNumber: string, file: string, line: number, dataset: Dataset): number | undefined => {
    const station = known.get(stationNumber);
    if (!station) bad.push({ file, line, reason: `station_number ${stationNumber} is not a station of ${country} ${electionId}` });
    else if (dataset === 'register' && station.mobile) {
      // That a number belongs to a mobile section would say its owner asked to vote from home.
      bad.push({ file, line, reason: `station_number ${stationNumber} is a mobile section: a register row must name the voter's own polling section` });
    } else return station.id;
    return undefined;
  };

  if (options.ranges) {
    const file = basename(options.ranges);
    await replaceDataset(options, state, 'ranges', report, async (generation, writerFor) => {
      const writer = writerFor(
        insertInto(addressRanges, [
          'generation',
          'stationId',
          'country',
          'electionId',
          'settlementKey',
          'settlementSearchKey',
          'street',
          'streetKey',
          'streetSearchKey',
          'fromNumber',
          'toNumber',
          'parity',
          'source',
        ]),
        upsert(
          addressRanges,
          ['country', 'electionId', 'generation', 'settlementKey', 'streetKey', 'fromNumber', 'toNumber', 'parity'],
          ['stationId', 'street', 'settlementSearchKey', 'streetSearchKey', 'source'],
        ),
      );
      for await (const { line, value: r } of rowsOf(options.ranges!, rangesFormat, country, encoding, bad)) {
        const stationId = stationFor(r.stationNumber, file, line, 'ranges');
        if (stationId === undefined) continue;
        await writer.add(
          tuple([
            generation,
            stationId,
            country,
            electionId,
            r.settlementKey,
            r.settlementSearchKey,
            r.street,
            r.streetKey,
            r.streetSearchKey,
            r.from,
            r.to,
            r.parity,
            file,
          ]),
        );
        report.loaded.ranges++;
      }
      return { writer, extra: [] };
    });
    log(`ranges: ${report.loaded.ranges} loaded`);
  }

  if (options.register) {
    const file = basename(options.register);
    await replaceDataset(options, state, 'register', report, async (generation, writerFor) => {
      const writer = writerFor(
        insertInto(registerEntries, ['electionId', 'generation', 'idHash', 'stationId']),
        upsert(registerEntries, ['electionId', 'generation', 'idHash'], ['stationId']),
        true,
      );
      // Each person once: a number listed again with another station is two bad lines, never a silent overwrite.
      const seen = new Map<number | string, { line: number; stationId: number; reported: boolean }>();
      for await (const { line, value: r } of rowsOf(options.register!, registerFormat, country, encoding, bad)) {
        const stationId = stationFor(r.stationNumber, file, line, 'register');
        if (stationId === undefined) continue;
        const key = /^\d{1,15}$/.test(r.normalized) ? Number(r.normalized) : r.normalized;
        const first = seen.get(key);
        if (first && first.stationId !== stationId) {
          const reason = (other: number) => `the same personal number is listed on line ${other} with another station`;
          if (!first.reported) bad.push({ file, line: first.line, reason: reason(line) });
          first.reported = true;
          bad.push({ file, line, reason: reason(first.line) });
          continue;
        }
        if (!first) seen.set(key, { line, stationId, reported: false });
        // Same as functions/platform/crypto.ts personalNumberHash(), with node:crypto for speed.
        const hash = createHmac('sha256', options.lookupKey).update(`${country}:${r.normalized}`).digest('base64url');
        await writer.add(`(${sqlValue(electionId)},${generation},${sqlValue(hash)},${stationId})`);
        report.loaded.register++;
        if (report.loaded.register % 100_000 === 0) log(`register: ${report.loaded.register} rows…`);
      }
      return { writer, extra: await recordKey(options.lookupKey, keyMode, electionId, now) };
    });
    log(`register: ${report.loaded.register} loaded`);
  }
  return report;
}

/**
 * The lines of a stations file that mark a station mobile while the active register still sends
 * voters to it: public `GET /api/stations/{id}` would then say `mobile: true` of a station some
 * voter's personal answer names. Read before anything is written; the register must be imported
 * without those voters first.
 */
async function mobileStationsStillInRegister(options: ImportOptions, state: ImportState, encoding: Encoding): Promise<BadRow[]> {
  const active = state.generations.register.active;
  if (active === undefined) return [];
  const mobile = new Map<string, number>();
  for await (const { line, value } of rowsOf(options.stations!, stationsFormat, options.country, encoding, []))
    if (value.mobile) mobile.set(value.number, line);
  if (mobile.size === 0) return [];
  const numbers = [...mobile.keys()].map(sqlValue).join(',');
  const rows = await options.db.query<{ number: string }>(
    `SELECT DISTINCT s.number AS number FROM stations s JOIN register_entries r ON r.station_id = s.id AND r.election_id = s.election_id AND r.generation = ${active} WHERE s.country = ${sqlValue(options.country)} AND s.election_id = ${sqlValue(options.electionId)} AND s.number IN (${numbers})`,
  );
  const file = basename(options.stations!);
  return rows.map(({ number }) => ({
    file,
    line: mobile.get(number)!,
    reason: `station ${number} is marked mobile, but the register still sends voters to it: import a register without them first (nothing was imported)`,
  }));
}

type WriterFor = (insert: string, conflict: string, sortByKey?: boolean) => BatchWriter;

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/**
 * Loads a dataset into a new generation. The first batch first clears what a failed import may
 * have left. Once every row is written, one statement switches to the new generation (with
 * `extra`), and the previous generation is deleted; a dataset that fits in one batch does all
 * of it in that batch, a larger one in two more batches after its rows, so the switch waits
 * for no deletion. Nothing switches unless every row before it was written. On a failure, or
 * when rows were bad, the new rows are deleted and the old generation keeps answering.
 */
async function replaceDataset(
  options: ImportOptions,
  state: ImportState,
  dataset: Dataset,
  report: ImportReport,
  load: (generation: number, writerFor: WriterFor) => Promise<{ writer: BatchWriter; extra: string[] }>,
): Promise<void> {
  const { electionId, db } = options;
  const log = options.log ?? (() => {});
  const { active, highest } = state.generations[dataset];
  const generation = highest + 1;
  const clearLeftovers = clearOtherGenerations(electionId, dataset, active);
  const writerFor: WriterFor = (insert, conflict, sortByKey = false) =>
    new BatchWriter(db, options.batchSize ?? DEFAULT_BATCH_ROWS, insert, conflict, sortByKey).before(clearLeftovers);
  const badBefore = report.bad.length;
  try {
    const { writer, extra } = await load(generation, writerFor);
    if (report.bad.length !== badBefore) {
      await writer.finish(clearLeftovers);
      report.notSwitched.push(dataset);
      return;
    }
    const switchOver = [...extra, switchTo(electionId, dataset, generation, new Date().toISOString())];
    const cleanUp = [...(active === undefined ? [] : deleteGeneration(electionId, dataset, active)), ...clearOtherGenerations(electionId, dataset, generation)];
    if (writer.sent === 0) {
      await writer.finish([...switchOver, ...cleanUp]);
      return;
    }
    await writer.finish();
    let started = performance.now();
    await db.batch(switchOver);
    log(`${dataset}: switched to generation ${generation} in ${seconds(started)}`);
    started = performance.now();
    // The new generation answers already: if this fails, the next import deletes what is left.
    await db.batch(cleanUp).then(
      () => log(`${dataset}: removed the previous generation in ${seconds(started)}`),
      (error: Error) => log(`${dataset}: the previous generation is left for the next import to delete (${error.message.split('\n')[0]})`),
    );
  } catch (error) {
    await db.batch(clearLeftovers).catch(() => {});
    throw new Error(`${dataset}: the import failed, so the previous ${dataset} still answers (${(error as Error).message.split('\n')[0]})`);
  }
}
