import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

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
