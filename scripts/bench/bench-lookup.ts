#!/usr/bin/env node
// `npm run bench:lookup`: prints figures, asserts nothing.
// 1. Imports 1,000,000 register rows (synthetic, valid ЕГН) into a fresh local D1 with
//    `npm run import` and prints the time (target < 60 s on 2 cores).
//    The same D1 also holds the demo stations and address ranges (`npm start`'s), for the
//    address lookup.
// 2. Serves the build with `wrangler dev` on 127.0.0.1 against that D1 and loads it with
//    autocannon (10 s, 50 connections each): GET /api/health, POST /api/lookup and
//    POST /api/stations/search, one after another, and prints requests/s and p50/p99 latency
//    for each and both lookups' throughput against health's (target: >= 90% each), then the
//    CPU time workerd used per answered request (from /proc, so the machine's other load
//    weighs on it much less than on throughput) and both lookups' CPU against health's.
// Every limiter (the in-memory ones wrangler dev uses) is raised for this run only, since one
// client sends everything; the routes still call theirs, so their cost is measured.
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
import { workerdCpuMs } from './workerd-cpu';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/** Each endpoint's time is cut into this many rounds, taken in turn, so a machine whose other load changes weighs on all three alike. */
const ROUNDS = 5;
const CONNECTIONS = 50;

/** Streams `count` rows through csv-stringify (quoting as RFC 4180 needs) into a file. */
async function writeRows(path: string, header: string[], count: number, row: (i: number) => string[]): Promise<void> {
  const csv = stringify({ header: true, columns: header });
  const done = pipeline(csv, createWriteStream(path));
  for (let i = 0; i < count; i++) if (!csv.write(row(i))) await once(csv, 'drain');
  csv.end();
  await done;
}

/**
 * The rounds of one endpoint as one result: requests/s over all of them, p50 the median of the
 * rounds' p50s, p99 the highest of their p99s (autocannon gives no histogram to merge).
 */
function combined(results: autocannon.Result[]): autocannon.Result {
  const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
  const p50s = results.map((r) => r.latency.p50).sort((a, b) => a - b);
  const [first] = results;
  if (!first) throw new Error('no rounds');
  return {
    ...first,
    requests: { ...first.requests, average: sum((r) => r.requests.total) / sum((r) => r.duration), total: sum((r) => r.requests.total) },
    latency: { ...first.latency, p50: p50s[Math.floor(p50s.length / 2)]!, p99: Math.max(...results.map((r) => r.latency.p99)) },
    non2xx: sum((r) => r.non2xx),
    errors: sum((r) => r.errors),
  };
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
  await run('tsx', ['scripts/seed/load-demo.ts', '--persist-to', state]);
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

  console.log(`\n== Load: wrangler dev on 127.0.0.1, ${DURATION} s each in ${ROUNDS} rounds taken in turn, ${CONNECTIONS} connections ==`);
  const dev = await startDevServer({ persistTo: state, vars: localLimitVars(sameLimit(1_000_000_000)), logLevel: 'error' });
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
  // The demo's streets of Sofia, each with a house number (scripts/seed/demo-data.ts).
  const addresses = ['бул. Витоша 17', 'бул. Витоша 24', 'бул. Витоша 71', 'ул. Граф Игнатиев 5', 'ул. Шипка 12'];
  const searchRequests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/api/stations/search',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => {
        const address = addresses[next++ % addresses.length]!;
        const split = address.lastIndexOf(' ');
        return { ...request, body: JSON.stringify({ country: 'BG', settlement: 'София', street: address.slice(0, split), number: address.slice(split + 1) }) };
      },
    },
  ];
  await load('warm-up', { duration: 2, connections: 10, requests: [{ path: '/api/health' }] });
  await load('warm-up', { duration: 2, connections: 10, requests: lookupRequests });
  await load('warm-up', { duration: 2, connections: 10, requests: searchRequests });
  const rounds: Record<'health' | 'lookup' | 'search', autocannon.Result[]> = { health: [], lookup: [], search: [] };
  /** workerd's CPU milliseconds over each endpoint's rounds (wrangler dev's runtime and the local D1 together). */
  const cpu = { health: 0, lookup: 0, search: 0 };
  const measured = async (name: keyof typeof rounds, title: string, options: LoadOptions) => {
    const before = workerdCpuMs();
    rounds[name].push(await load(title, options));
    cpu[name] += workerdCpuMs() - before;
  };
  for (let round = 0; round < ROUNDS; round++) {
    const duration = DURATION / ROUNDS;
    await measured('health', 'GET /api/health', { duration, requests: [{ path: '/api/health' }] });
    await measured('lookup', 'POST /api/lookup', { duration, requests: lookupRequests });
    await measured('search', 'POST /api/stations/search', { duration, requests: searchRequests });
  }
  const health = combined(rounds.health);
  const lookup = combined(rounds.lookup);
  const search = combined(rounds.search);

  console.log('\nResults');
  console.log(`import                     ${ROWS.toLocaleString('en')} register rows in ${importSeconds.toFixed(1)} s (target < 60 s)`);
  console.log(resultRow('GET /api/health', health));
  console.log(resultRow('POST /api/lookup', lookup));
  console.log(resultRow('POST /api/stations/search', search));
  const ratio = (result: autocannon.Result) => ((result.requests.average / health.requests.average) * 100).toFixed(0);
  console.log(`lookup / health            ${ratio(lookup)}% of health's throughput (target >= 90%); one D1 query per lookup`);
  console.log(`search / health            ${ratio(search)}% of health's throughput (target >= 90%); one D1 query per search`);
  const perRequest = (name: keyof typeof rounds, result: autocannon.Result) => cpu[name] / result.requests.total;
  console.log(
    `workerd CPU per request    health ${perRequest('health', health).toFixed(2)} ms, lookup ${perRequest('lookup', lookup).toFixed(2)} ms, search ${perRequest('search', search).toFixed(2)} ms (from /proc, 10 ms ticks)`,
  );
  const cpuRatio = (name: 'lookup' | 'search', result: autocannon.Result) => ((perRequest('health', health) / perRequest(name, result)) * 100).toFixed(0);
  console.log(
    `by CPU per request         lookup ${cpuRatio('lookup', lookup)}% of health's throughput, search ${cpuRatio('search', search)}% (health's CPU per request over each one's: the throughput ratio of a CPU-bound workerd alone on the machine)`,
  );
} finally {
  stopServer();
  await rm(work, { recursive: true, force: true });
}
