// Loads the synthetic demo dataset into the local D1 through the same importer as
// `npm run import`; idempotent (upserts on natural keys). Used by `npm start`.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { localLookupKey } from '#scripts/dev-vars';
import { main, type CommandIo } from '#scripts/cli/command';
import { sqlValue, type D1 } from '#scripts/import/d1';
import { importLists } from '#scripts/import/importer';
import { demoData, DEMO_HEADERS } from './demo-data';

/** Bump when the generator changes, or what the importer stores (4: Latin search keys; 5: each personal number once), so local databases load again. */
export const DEMO_VERSION = '5';

const csv = (header: string[], rows: string[][]) => stringify([header, ...rows]);

/**
 * Loads the demo data unless this version is loaded and its register is still there (`npm run
 * purge` empties it); `log` tells what it did.
 */
export async function loadDemo(db: D1, lookupKey: string, log: (line: string) => void): Promise<void> {
  const loaded = await db.query<{ value: string; register: number }>(
    "SELECT value, (SELECT count(*) FROM register_entries) AS register FROM app_meta WHERE key = 'demo_version'",
  );
  if (loaded[0]?.value === DEMO_VERSION && loaded[0].register > 0) {
    log(`demo data version ${DEMO_VERSION} is already loaded`);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'voter-desk-demo-'));
  try {
    for (const data of demoData()) {
      const files = {
        stations: join(dir, `${data.country}-stations.csv`),
        ranges: join(dir, `${data.country}-ranges.csv`),
        register: join(dir, `${data.country}-register.csv`),
      };
      await writeFile(files.stations, csv(DEMO_HEADERS.stations, data.stations));
      await writeFile(files.ranges, csv(DEMO_HEADERS.ranges, data.ranges));
      await writeFile(files.register, csv(DEMO_HEADERS.register, data.register));
      const report = await importLists({ country: data.country, electionId: data.electionId, ...files, db, lookupKey });
      if (report.bad.length > 0) throw new Error(`demo data for ${data.country} has bad rows: ${JSON.stringify(report.bad.slice(0, 3))}`);
      log(`demo ${data.country}: ${report.loaded.stations} stations, ${report.loaded.ranges} ranges, ${report.loaded.register} register entries`);
    }
    const now = new Date().toISOString();
    await db.batch([
      `INSERT INTO app_meta (key, value, updated_at) VALUES ('demo_version', ${sqlValue(DEMO_VERSION)}, ${sqlValue(now)}) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at;`,
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `tsx scripts/seed/load-demo.ts [--persist-to DIR]`: always the local D1. */
export async function loadDemoCommand(args: string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'persist-to': { type: 'string' } } });
  await loadDemo(io.d1({ remote: false, persistTo: values['persist-to'] }), io.env.LOOKUP_KEY ?? localLookupKey(), io.out);
  return 0;
}

await main(import.meta.url, loadDemoCommand);
