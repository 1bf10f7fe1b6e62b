#!/usr/bin/env node
// `npm run bench:costs`: prints figures, asserts nothing.
// 1. Prepares a fresh local D1 exactly as `npm start` does (migrations, demo data, demo staff
//    and applications; scripts/local-db.ts) in a temporary folder, and reads its rows from the
//    demo's own SQLite file (node:sqlite).
// 2. Runs test/bench/costs/ inside workerd (vitest.costs.config.ts) on a D1 holding those rows:
//    for each API endpoint, the statements one warm request runs with the rows D1 reports read
//    and written (meta.rows_read / rows_written), its time in workerd by Node's clock with the
//    local D1 included, and the time of its read statements replayed alone; the difference is
//    the estimate of the Worker's own CPU per request. Then the database size D1 reports and
//    the bytes one more register entry, address range and station add.
// 3. Prints those, and what they come to for a national register and an election's peak.
//    Measured figures and arithmetic on them are labelled as such.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { z } from 'zod';
import { prepareLocalDatabase } from '#scripts/local-db';
import { printTable } from './table';
import { runVitestBench } from './vitest-bench';

const D1_MAX_BYTES = 10 * 1000 ** 3; // 10 GB per database on the Workers Paid plan (D1 limits)
const REGISTERS: [country: string, entries: number][] = [
  ['Bulgaria', 6.6e6],
  ['Kazakhstan', 12e6],
];

const statement = z.object({ sql: z.string(), rowsRead: z.number(), rowsWritten: z.number() });
/** Per call: workerd's CPU ms (median and p95) and wall ms. */
const timing = z.object({ cpu: z.number(), cpuP95: z.number(), wall: z.number() });
/** What test/bench/costs/request-costs.costs.ts leaves in its meta. */
const costsMeta = z.object({
  costs: z
    .object({
      seededBytes: z.number(),
      tables: z.array(z.object({ name: z.string(), rows: z.number() })),
      coldLookup: z.array(statement),
      figures: z.array(
        z.object({
          what: z.string(),
          status: z.number(),
          statements: z.array(statement),
          rowsRead: z.number(),
          rowsWritten: z.number(),
          request: timing,
          /** Its read statements replayed alone; none for requests that write. */
          d1: timing.optional(),
        }),
      ),
      perRow: z.object({ registerBytes: z.number(), rangeBytes: z.number(), stationBytes: z.number() }),
    })
    .optional(),
});
type Costs = NonNullable<z.infer<typeof costsMeta>['costs']>;
type Figure = Costs['figures'][number];

/** A column of SQLite rows that must hold text (names in sqlite_master and the pragmas). */
const names = z.array(z.object({ name: z.string() }));
const parentTables = z.array(z.object({ parent: z.string() }));

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/** The demo database's rows, table by table, parents before children. */
function readSeed(sqliteFile: string): { name: string; columns: string[]; rows: unknown[][] }[] {
  const db = new DatabaseSync(sqliteFile, { readOnly: true });
  try {
    // settlement_names and street_names are filled by triggers as stations and ranges go in (migrations 0008, 0009): not copied.
    const tables = names.parse(
      db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'settlement_names', 'street_names') ORDER BY rowid",
        )
        .all(),
    );
    // Parents before children: the order the foreign keys need (a rebuilt table may come late in sqlite_master).
    const parents = new Map(
      tables.map(({ name }) => [
        name,
        parentTables
          .parse(db.prepare('SELECT "table" AS parent FROM pragma_foreign_key_list(?)').all(name))
          .map((r) => r.parent)
          .filter((p) => p !== name),
      ]),
    );
    const ordered: string[] = [];
    const visit = (name: string) => {
      const ownParents = parents.get(name);
      if (ordered.includes(name) || !ownParents) return;
      for (const parent of ownParents) visit(parent);
      ordered.push(name);
    };
    for (const { name } of tables) visit(name);
    return ordered.map((name) => {
      const columns = names.parse(db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).all(name)).map((c) => c.name);
      const rows = db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => columns.map((c) => row[c]));
      return { name, columns, rows };
    });
  } finally {
    db.close();
  }
}

const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-costs-'));
let costs: Costs | undefined;
try {
  console.log('\n== Seeding a fresh local D1 as `npm start` does ==');
  await prepareLocalDatabase({ persistTo });
  let sqliteFile: string | undefined;
  for await (const file of files(join(persistTo, 'v3', 'd1'))) if (file.endsWith('.sqlite') && !file.endsWith('metadata.sqlite')) sqliteFile = file;
  if (!sqliteFile) throw new Error(`no D1 SQLite file under ${persistTo}`);
  const seedFile = join(persistTo, 'seed.json');
  await writeFile(seedFile, JSON.stringify(readSeed(sqliteFile)));
  process.env.BENCH_COSTS_SEED = seedFile;

  console.log('\n== Requests inside workerd (vitest pool) against a copy of it ==');
  const { metas, errors } = await runVitestBench('vitest.costs.config.ts');
  for (const meta of metas) costs = costsMeta.parse(meta).costs ?? costs;
  if (errors.length > 0 || !costs) {
    console.error(errors.join('\n\n') || 'The bench measured nothing.');
    process.exitCode = 1;
  }
} finally {
  await rm(persistTo, { recursive: true, force: true });
}

if (costs) {
  const ms = (value: number | undefined) => (value === undefined ? '–' : value >= 10 ? value.toFixed(1) : value.toFixed(2));
  const int = (value: number) => Math.round(value).toLocaleString('en');

  console.log(`\nMeasured on ${new Date().toISOString().slice(0, 10)}. Seeded demo D1: ${costs.tables.map((t) => `${t.name} ${int(t.rows)}`).join(', ')}.`);
  console.log(`Its size as D1 reports it (meta.size_after): ${int(costs.seededBytes)} bytes.`);

  const own = (f: Figure) => (f.d1 ? Math.max(0, f.request.cpu - f.d1.cpu) : undefined);
  console.log('\nPer request: rows as D1 reports them for one warm request; CPU per call as workerd used it (from /proc), median (p95) of 7 batches:');
  printTable(
    ['endpoint', 'status', 'statements', 'rows read', 'rows written', 'workerd CPU ms', 'its reads alone', 'Worker CPU ≈ ms', 'wall ms'],
    costs.figures.map((f) => [
      f.what,
      f.status,
      f.statements.length,
      int(f.rowsRead),
      int(f.rowsWritten),
      `${ms(f.request.cpu)} (${ms(f.request.cpuP95)})`,
      ms(f.d1?.cpu),
      f.d1 ? ms(own(f)) : 'n/a (writes)',
      ms(f.request.wall),
    ]),
    new Set([1, 2, 3, 4, 5, 6, 7, 8]),
  );
  console.log('workerd CPU = the Worker and the local D1 (SQLite) together; "its reads alone" = the same read statements run');
  console.log("through the binding without the app; the difference estimates the Worker's own CPU. Wall time depends on the machine's other load.");
  console.log('\nStatements of each request:');
  for (const f of costs.figures) {
    console.log(`  ${f.what}`);
    for (const s of f.statements) console.log(`    read ${String(s.rowsRead).padStart(5)}  wrote ${String(s.rowsWritten).padStart(3)}  ${s.sql}`);
  }
  console.log('  first lookup in a new isolate (the register key check runs then, and once a minute after):');
  for (const s of costs.coldLookup) console.log(`    read ${String(s.rowsRead).padStart(5)}  wrote ${String(s.rowsWritten).padStart(3)}  ${s.sql}`);

  const { registerBytes, rangeBytes, stationBytes } = costs.perRow;
  console.log('\nBytes one more row adds to the database (measured: size before and after adding rows):');
  console.log(`  register entry ${ms(registerBytes)} B (50,000 added), address range ${ms(rangeBytes)} B (10,000), station ${ms(stationBytes)} B (2,000)`);
  console.log('\nArithmetic on the measured bytes per register entry (an estimate, not a measurement):');
  for (const [country, voters] of REGISTERS) {
    const bytes = voters * registerBytes;
    console.log(
      `  ${country}, ${(voters / 1e6).toFixed(1)} million entries: ${(bytes / 1e9).toFixed(2)} GB, ${((100 * bytes) / D1_MAX_BYTES).toFixed(1)} % of D1's 10 GB per database`,
    );
  }
  const found = costs.figures.find((f) => f.what.startsWith('POST /api/lookup (BG, found)'));
  if (found) {
    // A lookup writes nothing, so it has its replayed reads and an estimate.
    const foundCpu = own(found) ?? Number.NaN;
    const seasons: [label: string, searches: number][] = [
      ["5.5 million lookups (a polling week at WhereDoIVote's 2024 scale)", 5.5e6],
      ['14.5 million (its six weeks)', 14.5e6],
    ];
    for (const [label, searches] of seasons) {
      console.log(
        `  ${label}: ${int(searches * found.rowsRead)} rows read, ${int(searches * found.rowsWritten)} written, ≈ ${int((searches * foundCpu) / 1000)} Worker CPU seconds`,
      );
    }
  }
  console.log(`\nLocal workerd and SQLite on this machine, not Cloudflare's: treat CPU figures as ±30 %.`);
}
