import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { it } from 'vitest';
import { demoData } from '#scripts/seed/demo-data';
import { app } from '#functions/app';
import { personalNumberHash } from '#functions/platform/crypto';
import { watchedD1, type StatementCost } from './observed-d1';

// What one request costs, for scripts/bench/bench-costs.ts (`npm run bench:costs`), which prints it.
// Runs inside workerd against a local D1 holding a copy of the seeded demo database (the
// script copies its rows in as SEED). For each endpoint:
// - the statements it runs, with the rows D1 reports read and written (meta.rows_read /
//   rows_written), from one warm request through a watched binding (observed-d1.ts);
// - the CPU time workerd uses per request (the Worker and the local D1 together, read from
//   /proc by CPU_CLOCK, so other load on the machine does not count), and the CPU time of its
//   read statements replayed alone through the same binding: the difference estimates the
//   Worker's own CPU time per request, the figure Workers bills.
// Then the database size (meta.size_after) and the bytes each extra register entry, address
// range and station adds. Never fails on a figure: a bench reports, it does not judge.

interface SeedTable {
  name: string;
  columns: string[];
  rows: unknown[][];
}

const RUNS = 7;
/** Each timed batch runs until workerd has used this much CPU (10 ms ticks, so ±3 %). */
const MIN_BATCH_CPU_MS = 300;
const [bg, kg, kz] = demoData();

interface Reading {
  now: number;
  workerdCpuMs: number;
}

async function read(): Promise<Reading> {
  return (await env.CPU_CLOCK.fetch('http://clock/')).json<Reading>();
}

async function seed(): Promise<void> {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  for (const table of env.SEED as SeedTable[]) {
    const insert = `INSERT INTO "${table.name}" (${table.columns.map((c) => `"${c}"`).join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`;
    for (let start = 0; start < table.rows.length; start += 500) {
      await env.DB.batch(table.rows.slice(start, start + 500).map((row) => env.DB.prepare(insert).bind(...row)));
    }
  }
}

/** A valid ЕГН from its first nine digits (the tenth is the checksum). */
function egn(first9: string): string {
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...first9].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 11;
  return `${first9}${sum === 10 ? 0 : sum}`;
}

/** Ever new applicants: born in 1940–1949 (months 01–12), a serial that counts up. */
let applicant = 0;
function nextApplicant(): string {
  const n = applicant++;
  return egn(
    `4${n % 10}${String((n % 12) + 1).padStart(2, '0')}${String((Math.floor(n / 120) % 28) + 1).padStart(2, '0')}${String(Math.floor(n / 12) % 1000).padStart(3, '0')}`,
  );
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.7' },
  body: JSON.stringify(body),
});
const get = (): RequestInit => ({ headers: { 'cf-connecting-ip': '198.51.100.7' } });

interface Case {
  what: string;
  path: string;
  init: () => RequestInit;
  /** Writes: its statements cannot be replayed, so no CPU estimate. */
  writes?: boolean;
  /** Bindings for this case (the edge cache on, for a cache hit). */
  bindings?: Partial<Cloudflare.Env>;
}

function cases(stationId: number, status: { reference: string; idNumber: string }): Case[] {
  const mobileBox = () =>
    json({
      election: 'bg-2024-06-09',
      ballots: ['ep', 'ns'],
      citizenship: 'BG',
      idNumber: nextApplicant(),
      fullName: 'Мария Иванова Петрова',
      address: { district: 'mladost', street: 'ж.к. Младост 1', block: '12', entrance: 'А', floor: '3', apartment: '9' },
      phone: '0888 123 456',
      submittedBy: 'self',
      declaration: true,
      consent: true,
    });
  return [
    { what: 'GET /api/health', path: '/api/health', init: get },
    { what: 'POST /api/lookup (BG, found)', path: '/api/lookup', init: () => json({ country: 'BG', idNumber: bg!.register[0]![0] }) },
    { what: 'POST /api/lookup (BG, not found)', path: '/api/lookup', init: () => json({ country: 'BG', idNumber: '7501020018' }) },
    { what: 'POST /api/lookup (KZ, found)', path: '/api/lookup', init: () => json({ country: 'KZ', idNumber: kz!.register[0]![0] }) },
    {
      what: 'POST /api/stations/search (street + number)',
      path: '/api/stations/search',
      init: () => json({ country: 'BG', settlement: 'София', street: 'бул. Витоша', number: '24' }),
    },
    { what: 'POST /api/stations/search (settlement only)', path: '/api/stations/search', init: () => json({ country: 'KG', settlement: 'Бишкек' }) },
    {
      what: 'POST /api/stations/near (5 nearest)',
      path: '/api/stations/near',
      init: () => json({ lat: Number(kz!.stations[0]![6]), lon: Number(kz!.stations[0]![7]), limit: 5 }),
    },
    { what: 'GET /api/stations/settlements?q=', path: `/api/stations/settlements?country=BG&q=${encodeURIComponent('Соф')}`, init: get },
    {
      what: 'GET /api/stations/streets?q=',
      path: `/api/stations/streets?country=BG&settlement=${encodeURIComponent('София')}&q=${encodeURIComponent('Ви')}`,
      init: get,
    },
    { what: 'GET /api/stations/:id', path: `/api/stations/${stationId}`, init: get },
    // The cases above reach D1 every time (PUBLIC_CACHE_SECONDS=0); these are edge-cache hits.
    {
      what: 'GET /api/stations/settlements (cached)',
      path: `/api/stations/settlements?country=BG&q=${encodeURIComponent('Соф')}`,
      init: get,
      bindings: { PUBLIC_CACHE_SECONDS: '300' },
    },
    { what: 'GET /api/stations/:id (cached)', path: `/api/stations/${stationId}`, init: get, bindings: { PUBLIC_CACHE_SECONDS: '300' } },
    { what: 'POST /api/mobile-box-requests/status', path: '/api/mobile-box-requests/status', init: () => json(status) },
    { what: 'POST /api/mobile-box-requests (2 ballots)', path: '/api/mobile-box-requests', init: mobileBox, writes: true },
  ];
}

async function send(c: Case, bindings: Partial<Cloudflare.Env> = {}): Promise<{ status: number; body: string }> {
  const response = await app.request(c.path, c.init(), { ...env, ...c.bindings, ...bindings });
  return { status: response.status, body: await response.text() };
}

interface Timing {
  /** workerd's CPU milliseconds per call (the Worker and the local D1 together): median and p95 of RUNS batches. */
  cpu: number;
  cpuP95: number;
  /** Wall milliseconds per call by Node's clock: moves with the machine's other load. */
  wall: number;
  calls: number;
}

/** Times `run` in batches: enough calls for each batch to use MIN_BATCH_CPU_MS of workerd's CPU. */
async function time(run: () => Promise<unknown>): Promise<Timing> {
  const batch = async (calls: number) => {
    const start = await read();
    for (let i = 0; i < calls; i++) await run();
    const end = await read();
    return { cpu: end.workerdCpuMs - start.workerdCpuMs, wall: end.now - start.now };
  };
  let calls = 4;
  for (let cpu = (await batch(calls)).cpu; cpu < MIN_BATCH_CPU_MS / 3 && calls < 4096; cpu = (await batch(calls)).cpu) calls *= 2;
  const probe = await batch(calls);
  calls = Math.max(4, Math.ceil((calls * MIN_BATCH_CPU_MS) / Math.max(probe.cpu, 10)));
  const runs: { cpu: number; wall: number }[] = [];
  for (let r = 0; r < RUNS; r++) {
    const timed = await batch(calls);
    runs.push({ cpu: timed.cpu / calls, wall: timed.wall / calls });
  }
  const cpu = runs.map((r) => r.cpu).sort((a, b) => a - b);
  const wall = runs.map((r) => r.wall).sort((a, b) => a - b);
  return { cpu: cpu[Math.floor(RUNS / 2)]!, cpuP95: cpu[Math.ceil(RUNS * 0.95) - 1]!, wall: wall[Math.floor(RUNS / 2)]!, calls };
}

const sizeNow = async () => (await env.DB.prepare('SELECT 1').run()).meta.size_after ?? 0;

/** Bytes per row a table grows by, measured by adding `count` rows made by `row(i)`. */
async function growth(table: string, columns: string[], count: number, row: (i: number) => Promise<unknown[]> | unknown[]): Promise<number> {
  const before = await sizeNow();
  const perStatement = Math.floor(99 / columns.length);
  const statements: D1PreparedStatement[] = [];
  for (let start = 0; start < count; start += perStatement) {
    const rows = await Promise.all(Array.from({ length: Math.min(perStatement, count - start) }, (_, k) => row(start + k)));
    statements.push(
      env.DB.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`).bind(
        ...rows.flat(),
      ),
    );
  }
  for (let start = 0; start < statements.length; start += 200) await env.DB.batch(statements.slice(start, start + 200));
  return ((await sizeNow()) - before) / count;
}

it('measures what each request costs in D1 rows and time', async ({ task }) => {
  await seed();
  const seededBytes = await sizeNow();
  const tables = (env.SEED as SeedTable[]).map((table) => ({ name: table.name, rows: table.rows.length }));

  const stationId = (await env.DB.prepare("SELECT id FROM stations WHERE country = 'BG' AND mobile = 0 LIMIT 1").first<number>('id'))!;
  const statusId = nextApplicant();
  const watched = watchedD1(env.DB);
  // The first lookup in an isolate also reads the register key's fingerprint (then once a minute).
  await send({ what: '', path: '/api/lookup', init: () => json({ country: 'BG', idNumber: bg!.register[1]![0] }) }, { DB: watched.db });
  const coldLookup = watched.take();
  const filed = await send({
    what: '',
    path: '/api/mobile-box-requests',
    init: () =>
      json({
        election: 'bg-2024-06-09',
        ballots: ['ns'],
        citizenship: 'BG',
        idNumber: statusId,
        fullName: 'Иван Петров',
        address: { district: 'lozenets', street: 'ул. Кричим', number: '5' },
        phone: '0888 000 111',
        submittedBy: 'self',
        declaration: true,
        consent: true,
      }),
  });
  const { requests } = JSON.parse(filed.body) as { requests: { reference: string }[] };

  const figures = [];
  for (const c of cases(stationId, { reference: requests[0]!.reference, idNumber: statusId })) {
    for (let i = 0; i < 3; i++) await send(c);
    const response = await send(c, { DB: watched.db });
    const statements: StatementCost[] = watched.take();
    const request = await time(() => send(c));
    const reads = statements.filter((s) => /^\s*(select|with)\b/i.test(s.sql));
    const replay = c.writes
      ? undefined
      : await time(async () => {
          for (const s of reads)
            await env.DB.prepare(s.sql)
              .bind(...s.params)
              .raw();
        });
    figures.push({
      what: c.what,
      status: response.status,
      statements: statements.map(({ sql, rowsRead, rowsWritten }) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 90), rowsRead, rowsWritten })),
      rowsRead: statements.reduce((n, s) => n + s.rowsRead, 0),
      rowsWritten: statements.reduce((n, s) => n + s.rowsWritten, 0),
      request,
      d1: replay,
    });
  }

  // Growth per row, in a generation that never answers (999) so nothing else changes.
  const now = new Date().toISOString();
  const registerBytes = await growth('register_entries', ['election_id', 'generation', 'id_hash', 'station_id'], 50_000, async (i) => [
    'bg-2024-06-09',
    999,
    await personalNumberHash(env.LOOKUP_KEY, 'BG', String(1_000_000_000 + i)),
    stationId,
  ]);
  const rangeBytes = await growth(
    'address_ranges',
    ['generation', 'station_id', 'country', 'election_id', 'settlement_key', 'street', 'street_key', 'from_number', 'to_number', 'parity', 'source'],
    10_000,
    (i) => [999, stationId, 'BG', 'bg-2024-06-09', 'софия', `ул. Синтетична ${i}`, `синтетична ${i}`, 1, 99, 'odd', 'bench-costs.csv'],
  );
  const stationBytes = await growth(
    'stations',
    [
      'country',
      'election_id',
      'number',
      'name',
      'address',
      'settlement',
      'settlement_key',
      'district',
      'constituency',
      'lat',
      'lon',
      'step_free',
      'mobile',
      'source',
      'updated_at',
    ],
    2_000,
    (i) => [
      'BG',
      'bench-costs',
      String(900_000_000 + i),
      `Секция ${i}, 150 СУ „Цар Симеон Първи“`,
      `ул. Синтетична ${i} 12`,
      'София',
      'софия',
      'Младост',
      '23 МИР',
      42.65 + i / 1e5,
      23.37,
      1,
      0,
      'bench-costs.csv',
      now,
    ],
  );

  task.meta.costs = {
    seededBytes,
    tables,
    coldLookup: coldLookup.map(({ sql, rowsRead, rowsWritten }) => ({ sql: sql.replace(/\s+/g, ' ').slice(0, 90), rowsRead, rowsWritten })),
    figures,
    perRow: { registerBytes, rangeBytes, stationBytes },
    demo: { bg: bg!.register.length, kg: kg!.register.length, kz: kz!.register.length },
  };
});
