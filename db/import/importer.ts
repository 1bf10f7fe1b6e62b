import { createHmac } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Country } from '../../functions/platform/countries';
import { addressRanges, registerEntries, stations } from '../schema';
import { columns, insertInto, tableName, upsert } from './columns';
import { readCsv } from './csv';
import { executeSql, queryRows, sqlValue, type D1Target } from './d1';
import { rangesFormat, registerFormat, stationsFormat, type CsvFormat } from './formats';

export interface ImportOptions {
  country: Country;
  electionId: string;
  stations?: string | undefined;
  ranges?: string | undefined;
  register?: string | undefined;
  target: D1Target;
  /** The LOOKUP_KEY the Worker uses; personal numbers are stored only as HMACs under it. */
  lookupKey: string;
  /** Rows per SQL file sent to D1. */
  batchSize?: number;
  log?: (line: string) => void;
}

export interface BadRow {
  file: string;
  line: number;
  reason: string;
}

export interface ImportReport {
  loaded: Record<'stations' | 'ranges' | 'register', number>;
  bad: BadRow[];
}

/** Station columns in the order the importer writes them. */
const STATION_COLUMNS = ['country', 'electionId', 'number', 'name', 'address', 'settlement', 'settlementKey', 'district', 'constituency', 'lat', 'lon', 'stepFree', 'mobile', 'source', 'updatedAt'] as const;
/** The facts whose change moves a station's `updated_at`. */
const STATION_FACTS = ['name', 'address', 'lat', 'lon', 'stepFree', 'mobile', 'district', 'constituency'] as const;

const tuple = (values: (string | number | boolean | null)[]) => `(${values.map(sqlValue).join(',')})`;

/** Rows per INSERT statement: well under SQLite's limits, large enough to be fast. */
const ROWS_PER_STATEMENT = 200;

/** Streams a CSV file through a format, yielding parsed rows and reporting bad ones. */
async function* rowsOf<T>(path: string, format: CsvFormat<T>, country: Country, bad: BadRow[]): AsyncGenerator<{ line: number; value: T }> {
  const file = basename(path);
  let header: string[] | undefined;
  for await (const record of readCsv(createReadStream(path))) {
    if (!header) {
      header = record.fields.map((f) => f.trim().toLowerCase());
      const missing = format.columns.filter((c) => !header!.includes(c));
      if (missing.length > 0) throw new Error(`${file}: the header lacks ${missing.join(', ')} (expected ${format.columns.join(',')})`);
      continue;
    }
    if (record.fields.length !== header.length) {
      bad.push({ file, line: record.line, reason: `${record.fields.length} fields, the header has ${header.length}` });
      continue;
    }
    const row = Object.fromEntries(header.map((name, i) => [name, record.fields[i]!]));
    const result = format.parse(row, { country });
    if (result.ok) yield { line: record.line, value: result.value };
    else bad.push({ file, line: record.line, reason: result.reason });
  }
  if (!header) throw new Error(`${file}: the file is empty (a header row is required)`);
}

/** Groups rows into multi-row upserts and sends `batchSize` rows at a time. */
class BatchWriter {
  private rows: string[] = [];
  constructor(
    private readonly target: D1Target,
    private readonly batchSize: number,
    private readonly insert: string,
    private readonly conflict: string,
    /**
     * Send each batch in key order. The register's key is an HMAC, random by design: inserted in
     * arrival order every row lands somewhere else in the WITHOUT ROWID B-tree; sorted, a batch
     * fills pages one after another. Tuples start with their key columns, so sorting the
     * tuples' text sorts by key.
     */
    private readonly sortByKey = false,
  ) {}

  async add(tuple: string): Promise<void> {
    this.rows.push(tuple);
    if (this.rows.length >= this.batchSize) await this.flush();
  }

  private statements(): string[] {
    if (this.sortByKey) this.rows.sort();
    const statements: string[] = [];
    for (let i = 0; i < this.rows.length; i += ROWS_PER_STATEMENT) {
      statements.push(`${this.insert} VALUES ${this.rows.slice(i, i + ROWS_PER_STATEMENT).join(',')} ${this.conflict};`);
    }
    this.rows = [];
    return statements;
  }

  /** The batch D1 is executing while the next one is parsed (at most one in flight). */
  private inFlight: Promise<void> = Promise.resolve();

  /** Sends the rows so far; returns once the previous batch is done, so reading overlaps writing. */
  async flush(): Promise<void> {
    const statements = this.statements();
    await this.inFlight;
    this.inFlight = executeSql(statements, this.target);
    // Handled when awaited by the next flush or finish; this only keeps Node from aborting first.
    this.inFlight.catch(() => {});
  }

  /** Sends the rest and waits until D1 has everything. */
  async finish(): Promise<void> {
    await this.flush();
    await this.inFlight;
  }
}

/**
 * Loads official lists into D1: stations, then address ranges and register entries that
 * point at them by station number. Every bad row is reported with its line and reason and
 * the good rows still load; re-running the same files changes nothing (upserts on natural
 * keys). Files are streamed, and at most one batch is held in memory.
 */
export async function importLists(options: ImportOptions): Promise<ImportReport> {
  const { country, electionId, target } = options;
  const batchSize = options.batchSize ?? 250_000;
  const log = options.log ?? (() => {});
  const bad: BadRow[] = [];
  const loaded = { stations: 0, ranges: 0, register: 0 };
  const now = new Date().toISOString();

  if (options.stations) {
    const source = basename(options.stations);
    const table = tableName(stations);
    const changed = STATION_FACTS.map((key) => columns(stations, [key])).map((name) => `${table}.${name} IS excluded.${name}`).join(' AND ');
    const updatedAt = columns(stations, ['updatedAt']);
    const writer = new BatchWriter(
      target,
      batchSize,
      insertInto(stations, STATION_COLUMNS),
      upsert(stations, ['country', 'electionId', 'number'], [...STATION_FACTS, 'settlement', 'settlementKey', 'source'], `${updatedAt} = CASE WHEN ${changed} THEN ${table}.${updatedAt} ELSE excluded.${updatedAt} END`),
    );
    for await (const { value: s } of rowsOf(options.stations, stationsFormat, country, bad)) {
      await writer.add(
        tuple([country, electionId, s.number, s.name, s.address, s.settlement, s.settlementKey, s.district, s.constituency, s.lat, s.lon, s.stepFree, s.mobile, source, now]),
      );
      loaded.stations++;
    }
    await writer.finish();
    log(`stations: ${loaded.stations} loaded`);
  }

  if (!options.ranges && !options.register) return { loaded, bad };

  // Station numbers → ids for this country and election: small (thousands), read once.
  const stationIds = new Map(
    (
      await queryRows<{ id: number; number: string }>(
        `SELECT ${columns(stations, ['id', 'number'])} FROM ${tableName(stations)} WHERE ${columns(stations, ['country'])} = ${sqlValue(country)} AND ${columns(stations, ['electionId'])} = ${sqlValue(electionId)}`,
        target,
      )
    ).map((row) => [row.number, row.id]),
  );

  /** The station id for a row's station number, or a bad-row report when it is unknown. */
  const stationIdFor = (stationNumber: string, file: string, line: number): number | undefined => {
    const id = stationIds.get(stationNumber);
    if (id === undefined) bad.push({ file, line, reason: `station_number ${stationNumber} is not a station of ${country} ${electionId}` });
    return id;
  };

  if (options.ranges) {
    const file = basename(options.ranges);
    const writer = new BatchWriter(
      target,
      batchSize,
      insertInto(addressRanges, ['stationId', 'country', 'electionId', 'settlementKey', 'street', 'streetKey', 'fromNumber', 'toNumber', 'parity', 'source']),
      upsert(addressRanges, ['country', 'electionId', 'settlementKey', 'streetKey', 'fromNumber', 'toNumber', 'parity'], ['stationId', 'street', 'source']),
    );
    for await (const { line, value: r } of rowsOf(options.ranges, rangesFormat, country, bad)) {
      const stationId = stationIdFor(r.stationNumber, file, line);
      if (stationId === undefined) continue;
      await writer.add(tuple([stationId, country, electionId, r.settlementKey, r.street, r.streetKey, r.from, r.to, r.parity, file]));
      loaded.ranges++;
    }
    await writer.finish();
    log(`ranges: ${loaded.ranges} loaded`);
  }

  if (options.register) {
    const file = basename(options.register);
    const writer = new BatchWriter(
      target,
      batchSize,
      insertInto(registerEntries, ['electionId', 'idHash', 'stationId']),
      upsert(registerEntries, ['electionId', 'idHash'], ['stationId']),
      true,
    );
    for await (const { line, value: r } of rowsOf(options.register, registerFormat, country, bad)) {
      const stationId = stationIdFor(r.stationNumber, file, line);
      if (stationId === undefined) continue;
      // Same as functions/platform/crypto.ts personalNumberHash(), with node:crypto for speed.
      const hash = createHmac('sha256', options.lookupKey).update(`${country}:${r.normalized}`).digest('base64url');
      await writer.add(`(${sqlValue(electionId)},${sqlValue(hash)},${stationId})`);
      loaded.register++;
      if (loaded.register % 100_000 === 0) log(`register: ${loaded.register} rows…`);
    }
    await writer.finish();
    log(`register: ${loaded.register} loaded`);
  }
  return { loaded, bad };
}
