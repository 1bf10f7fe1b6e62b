import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { sqliteD1 } from '#scripts/import/d1-sqlite';

// Migrations are the source of truth: drizzle-kit, run on db/schema.ts against a copy of
// db/migrations, must find nothing to generate.
describe('db/migrations and db/schema.ts', () => {
  it('agree: drizzle-kit would generate no new migration', () => {
    // drizzle-kit takes --out relative to the project (it prefixes "./"), so the copy lives under node_modules/.cache.
    mkdirSync('node_modules/.cache', { recursive: true });
    const out = join(relative(process.cwd(), mkdtempSync(join('node_modules/.cache', 'voter-desk-drift-'))), 'migrations');
    cpSync('db/migrations', out, { recursive: true });
    const before = readdirSync(out).sort();
    const result = spawnSync('drizzle-kit', ['generate', '--dialect', 'sqlite', '--schema', './db/schema.ts', '--out', out], { encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(before);
    expect(result.stdout + result.stderr).toMatch(/No schema changes/);
  });

  it('the custom changes (register_entries WITHOUT ROWID) are in migrations 0001 and 0003, and documented', () => {
    expect(readFileSync('db/migrations/0001_polling_stations.sql', 'utf8')).toMatch(/\) WITHOUT ROWID;/);
    expect(readFileSync('db/migrations/0003_generations_sealed_reports_outcomes.sql', 'utf8')).toMatch(/\) WITHOUT ROWID;/);
    expect(readFileSync('db/migrations/README.md', 'utf8')).toMatch(/WITHOUT ROWID/);
  });
});

describe('migration 0010 (lookup_outcomes by channel)', () => {
  it('keeps the counts made before it, as the channel `web`, and counts `sms` apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voter-desk-0010-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const before = join(dir, 'before');
    mkdirSync(before);
    for (const file of readdirSync('db/migrations').filter((name) => name.endsWith('.sql') && name < '0010'))
      cpSync(join('db/migrations', file), join(before, file));
    const path = join(dir, 'd1.sqlite');
    const old = sqliteD1(path, before);
    await old.batch(["INSERT INTO lookup_outcomes (day, outcome, count) VALUES ('2024-06-01', 'found', 7), ('2024-06-01', 'not_found', 2)"]);
    old.close();
    const migrated = sqliteD1(path, 'db/migrations');
    onTestFinished(() => migrated.close());
    await migrated.batch(["INSERT INTO lookup_outcomes (day, outcome, channel, count) VALUES ('2024-06-01', 'found', 'sms', 3)"]);
    const rows = await migrated.query<{ day: string; outcome: string; channel: string; count: number }>(
      'SELECT day, outcome, channel, count FROM lookup_outcomes ORDER BY channel, outcome',
    );
    expect(rows).toEqual([
      { day: '2024-06-01', outcome: 'found', channel: 'sms', count: 3 },
      { day: '2024-06-01', outcome: 'found', channel: 'web', count: 7 },
      { day: '2024-06-01', outcome: 'not_found', channel: 'web', count: 2 },
    ]);
  });
});
