#!/usr/bin/env node
// `npm run bench:register -- --rows 6600000 [--no-build] [--no-reimport]`: prints figures, asserts nothing.
// 1. Writes a synthetic national register (scripts/bench/national-register.ts: about 12,000
//    sections, one valid and unique ЕГН per voter) as streamed CSV into a temporary folder.
// 2. Imports its stations, then the register, into a fresh local D1 with `npm run import`, as
//    an operator would, sampling the memory of the import and of everything it starts.
// 3. Prints rows/s, the peak memory, the D1 file size, and a lookup on the full register:
//    D1's rows read for the Worker's own statement, and POST /api/lookup's p50/p99 through
//    `wrangler dev`. Then imports the same file again (a new generation, the switch, the
//    removal of the old one) and prints the switch and the same lookup figures after it.
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { database } from '#db/client';
import { stationForPersonalNumberQuery } from '#functions/lookup/stations';
import { personalNumberHash } from '#functions/platform/crypto';
import { startDevServer } from '#scripts/dev-server';
import { localLookupKey } from '#scripts/dev-vars';
import { offlineEnv, run } from '#scripts/env';
import { localLimitVars, sameLimit } from '#scripts/local-limits';
import { localD1Id } from '#scripts/wrangler-toml';
import { benchSetup, load, resultRow } from './bench-helpers';
import { nationalSections, voterEgn, writeRegister, writeStations } from './national-register';
import { watchMemory, type MemoryPeak } from './process-memory';

const { values } = parseArgs({
  options: { rows: { type: 'string', default: '6600000' }, 'no-build': { type: 'boolean' }, 'no-reimport': { type: 'boolean' } },
  strict: true,
});
const ROWS = Number(values.rows);
const ELECTION = 'bg-2024-06-09';
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const int = (n: number) => Math.round(n).toLocaleString('en');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

interface ImportRun {
  seconds: number;
  memory: MemoryPeak;
  lines: string[];
}

/** `npm run import -- …`, its output echoed and kept, its process tree's memory sampled. */
function npmImport(args: string[]): Promise<ImportRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('npm', ['run', '-s', 'import', '--', '--country', 'BG', '--election', ELECTION, ...args], {
      env: { ...process.env, ...offlineEnv, CI: 'true' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const memory = watchMemory(child.pid!);
    const lines: string[] = [];
    let partial = '';
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(chunk);
      const text = partial + chunk.toString();
      const parts = text.split('\n');
      partial = parts.pop()!;
      lines.push(...parts);
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const peak = memory.stop();
      if (code !== 0) reject(new Error(`npm run import ${args.join(' ')} exited with ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, memory: peak, lines: [...lines, partial].filter(Boolean) });
    });
  });
}

/** The local D1's SQLite file and its write-ahead log, in bytes. */
function d1Bytes(state: string): { file: number; wal: number } {
  const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const name = readdirSync(dir).find((file) => file.endsWith('.sqlite') && file !== 'metadata.sqlite');
  if (!name) throw new Error(`no local D1 under ${dir}`);
  const size = (file: string) => {
    try {
      return statSync(join(dir, file)).size;
    } catch {
      return 0;
    }
  };
  return { file: size(name), wal: size(`${name}-wal`) };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

interface LookupFigures {
  rowsRead: number[];
  statementP50: number;
  statementP99: number;
  http?: autocannon.Result;
}

/**
 * The Worker's lookup statement for `count` registered numbers, run on the local D1 itself
 * (Miniflare, the engine `wrangler dev` runs): D1's rows read and the statement's own time.
 */
async function lookupStatement(state: string, count: number): Promise<Omit<LookupFigures, 'http'>> {
  const mf = new Miniflare(
    convertV4MiniflareOptions({ modules: true, script: '', resourcePersistencePath: join(state, 'v3'), d1Databases: { DB: localD1Id() } }),
  );
  try {
    const d1 = await mf.getD1Database('DB');
    const db = database(d1 as unknown as D1Database);
    const key = localLookupKey();
    const rowsRead: number[] = [];
    const durations: number[] = [];
    for (let i = 0; i < count; i++) {
      const hash = await personalNumberHash(key, 'BG', voterEgn(Math.floor((i * ROWS) / count)));
      const { sql, params } = stationForPersonalNumberQuery(db, ELECTION, hash).toSQL();
      const result = await d1
        .prepare(sql)
        .bind(...params)
        .all();
      if (result.results.length !== 1) throw new Error('a registered number was not found');
      rowsRead.push(result.meta.rows_read);
      durations.push(result.meta.duration);
    }
    durations.sort((a, b) => a - b);
    return { rowsRead: [...new Set(rowsRead)].sort((a, b) => a - b), statementP50: percentile(durations, 50), statementP99: percentile(durations, 99) };
  } finally {
    await mf.dispose();
  }
}

/** POST /api/lookup through `wrangler dev` on the same D1: LOAD_SECONDS, CONNECTIONS connections, 5,000 numbers in turn. */
async function lookupOverHttp(state: string): Promise<autocannon.Result> {
  const dev = await startDevServer({ persistTo: state, vars: localLimitVars(sameLimit(1_000_000_000, ['LOOKUP', 'LOOKUP_GLOBAL'])), logLevel: 'error' });
  try {
    const sample = Array.from({ length: 5000 }, (_, i) => voterEgn(Math.floor((i * ROWS) / 5000)));
    let next = 0;
    const requests: autocannon.Request[] = [
      {
        method: 'POST',
        path: '/api/lookup',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify({ country: 'BG', idNumber: sample[next++ % sample.length] }) }),
      },
    ];
    await load(dev.baseUrl, 'warm-up', { duration: 2, connections: CONNECTIONS, requests });
    return await load(dev.baseUrl, 'POST /api/lookup', { duration: LOAD_SECONDS, connections: CONNECTIONS, requests });
  } finally {
    dev.stop();
  }
}

async function lookupFigures(state: string): Promise<LookupFigures> {
  const statement = await lookupStatement(state, 1000);
  return { ...statement, http: await lookupOverHttp(state) };
}

function printLookup(label: string, figures: LookupFigures): void {
  const reads = figures.rowsRead.join(' or ');
  console.log(
    `lookup ${label.padEnd(20)} D1 rows read ${reads} per lookup (1,000 numbers); its statement p50 ${figures.statementP50.toFixed(2)} ms, p99 ${figures.statementP99.toFixed(2)} ms`,
  );
  if (figures.http) console.log(`  ${resultRow('POST /api/lookup', figures.http)}`);
}

function printMemory(run: ImportRun): void {
  const names = [...run.memory.byName.entries()].sort((a, b) => b[1] - a[1]);
  console.log(
    `peak memory                ${mb(run.memory.totalBytes)} for the import and everything it started together; the largest of each kind: ${names
      .slice(0, 3)
      .map(([name, bytes]) => `${name} ${mb(bytes)}`)
      .join(', ')}`,
  );
}

const switchLine = (lines: string[], what: RegExp) => lines.find((line) => what.test(line))?.replace(/^register: /, '') ?? 'not reported';

const setup = await benchSetup();
const { work, state } = setup;
try {
  console.log(`\n== A synthetic national register: ${int(ROWS)} voters ==`);
  const started = performance.now();
  const sections = nationalSections(ROWS);
  const stationsCsv = join(work, 'stations.csv');
  const registerCsv = join(work, 'register.csv');
  await writeStations(stationsCsv, sections);
  await writeRegister(registerCsv, sections);
  const sizes = sections.map((s) => s.voters).sort((a, b) => a - b);
  console.log(
    `${int(sections.length)} sections (voters per section: min ${sizes[0]}, median ${percentile(sizes, 50)}, max ${sizes.at(-1)}); ` +
      `register.csv ${mb(statSync(registerCsv).size)}, written in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  console.log('\n== npm run import into a fresh local D1 ==');
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { CI: 'true' });
  const stationsRun = await npmImport(['--stations', stationsCsv, '--persist-to', state]);
  const first = await npmImport(['--register', registerCsv, '--persist-to', state]);
  const afterFirst = d1Bytes(state);

  console.log('\n== The lookup on the full register ==');
  const before = await lookupFigures(state);

  let second: ImportRun | undefined;
  let after: LookupFigures | undefined;
  let afterSecond: { file: number; wal: number } | undefined;
  if (!values['no-reimport']) {
    console.log('\n== The same file again: a new generation, the switch, the old one removed ==');
    second = await npmImport(['--register', registerCsv, '--persist-to', state]);
    afterSecond = d1Bytes(state);
    after = await lookupFigures(state);
  }

  console.log(`\nResults (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`);
  console.log(`stations                   ${int(sections.length)} in ${stationsRun.seconds.toFixed(1)} s`);
  console.log(`import  ${int(ROWS)} register rows in ${first.seconds.toFixed(1)} s (target < 150 s for 6.6M): ${int(ROWS / first.seconds)} rows/s`);
  printMemory(first);
  console.log(
    `D1 file                    ${mb(afterFirst.file)} (+ ${mb(afterFirst.wal)} write-ahead log), ${(afterFirst.file / ROWS).toFixed(1)} bytes per voter`,
  );
  printLookup('before the switch', before);
  if (second && after && afterSecond) {
    console.log(`re-import ${int(ROWS)} rows in ${second.seconds.toFixed(1)} s: ${int(ROWS / second.seconds)} rows/s`);
    printMemory(second);
    console.log(`switch                     ${switchLine(second.lines, /switched to generation/)}`);
    console.log(`old generation             ${switchLine(second.lines, /previous generation/)}`);
    console.log(`D1 file                    ${mb(afterSecond.file)} (+ ${mb(afterSecond.wal)} write-ahead log) after the re-import`);
    printLookup('after the switch', after);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
