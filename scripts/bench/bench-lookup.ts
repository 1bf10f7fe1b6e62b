#!/usr/bin/env node
// `npm run bench:lookup`: prints figures, asserts nothing.
// 1. Imports 1,000,000 register rows (synthetic, valid ЕГН) into a fresh local D1 with
//    `npm run import` and prints the time (target < 60 s on 2 cores).
// 2. Serves the build with `wrangler dev` on 127.0.0.1 against that D1 and loads it with
//    autocannon (10 s, 50 connections): GET /api/health, then POST /api/lookup, and prints
//    requests/s and p50/p99 latency for both (target: lookup >= 70% of health's throughput).
// The lookup limiter (the in-memory one wrangler dev uses) is raised for this run only, since
// one client sends everything; the lookup still calls it, so its cost is measured.
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type autocannon from 'autocannon';
import { stringify } from 'csv-stringify';
import { run } from '#scripts/env';
import { startDevServer } from '#scripts/dev-server';
import { localLimitVars, sameLimit } from '#scripts/local-limits';
import { benchSetup, egn, load as loadUrl, resultRow, type LoadOptions } from './bench-helpers';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;

/** Streams `count` rows through csv-stringify (quoting as RFC 4180 needs) into a file. */
async function writeRows(path: string, header: string[], count: number, row: (i: number) => string[]): Promise<void> {
  const csv = stringify({ header: true, columns: header });
  const done = pipeline(csv, createWriteStream(path));
  for (let i = 0; i < count; i++) if (!csv.write(row(i))) await once(csv, 'drain');
  csv.end();
  await done;
}

const { work, state } = await benchSetup();
let stopServer = () => {};
try {
  console.log(`\n== Import: ${ROWS.toLocaleString('en')} register rows into a fresh local D1 ==`);
  const stationCount = 100;
  const station = (i: number) => `2346${String(Math.floor(i / 10) + 1).padStart(2, '0')}${String((i % 10) + 1).padStart(3, '0')}`;
  await writeRows(
    join(work, 'stations.csv'),
    ['number', 'name', 'address', 'settlement', 'district', 'constituency', 'lat', 'lon', 'step_free', 'mobile'],
    stationCount,
    (i) => [station(i), `Секция ${i + 1}`, `бул. Витоша ${i + 1}`, 'София', 'Средец', '23 МИР', '42.69', '23.32', 'yes', 'no'],
  );
  await writeRows(join(work, 'register.csv'), ['id_number', 'station_number'], ROWS, (i) => [egn(i), station(i % stationCount)]);
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { CI: 'true' });
  await run('tsx', [
    'scripts/cli/import.ts',
    '--country',
    'BG',
    '--election',
    'bg-2024-06-09',
    '--stations',
    join(work, 'stations.csv'),
    '--persist-to',
    state,
  ]);
  const started = performance.now();
  await run('tsx', [
    'scripts/cli/import.ts',
    '--country',
    'BG',
    '--election',
    'bg-2024-06-09',
    '--register',
    join(work, 'register.csv'),
    '--persist-to',
    state,
  ]);
  const importSeconds = (performance.now() - started) / 1000;

  console.log(`\n== Load: wrangler dev on 127.0.0.1, ${DURATION} s, ${CONNECTIONS} connections ==`);
  const dev = await startDevServer({
    persistTo: state,
    vars: localLimitVars(sameLimit(1_000_000_000, ['LOOKUP', 'LOOKUP_GLOBAL', 'SERVICE', 'SERVICE_WIDE'])),
    logLevel: 'error',
  });
  stopServer = dev.stop;
  const base = dev.baseUrl;
  const sample = Array.from({ length: 5000 }, (_, i) => egn(Math.floor((i * ROWS) / 5000)));
  let next = 0;
  const load = (title: string, options: LoadOptions) => loadUrl(base, title, { connections: CONNECTIONS, duration: DURATION, ...options });
  // Warm both paths so neither run pays for the first compilation.
  const lookupRequests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/api/lookup',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify({ country: 'BG', idNumber: sample[next++ % sample.length] }) }),
    },
  ];
  await load('warm-up', { duration: 2, connections: 10, requests: [{ path: '/api/health' }] });
  await load('warm-up', { duration: 2, connections: 10, requests: lookupRequests });
  const health = await load('GET /api/health', { requests: [{ path: '/api/health' }] });
  const lookup = await load('POST /api/lookup', { requests: lookupRequests });

  console.log('\nResults');
  console.log(`import                     ${ROWS.toLocaleString('en')} register rows in ${importSeconds.toFixed(1)} s (target < 60 s)`);
  console.log(resultRow('GET /api/health', health));
  console.log(resultRow('POST /api/lookup', lookup));
  const ratio = lookup.requests.average / health.requests.average;
  console.log(`lookup / health            ${(ratio * 100).toFixed(0)}% of health's throughput (target >= 70%); one D1 query per lookup`);
} finally {
  stopServer();
  await rm(work, { recursive: true, force: true });
}
