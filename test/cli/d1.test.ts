import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeSql } from '#scripts/import/d1';
import { D1_MAX_STATEMENT_BYTES, sqliteD1 } from '#scripts/import/d1-sqlite';
import { rows, sqliteDatabase, wranglerDatabase } from './helpers';

// The SQLite side of the tools' D1 interface, which the in-process CLI tests run on: the same
// schema as wrangler's migrated local D1, and D1's behaviour where plain SQLite differs.
const schema = (sql: string) => sql.replace(/\s+/g, ' ');
const MIGRATIONS = readdirSync('db/migrations')
  .filter((name) => name.endsWith('.sql'))
  .sort();

describe('sqliteD1: the tools on node:sqlite', () => {
  it('builds the schema that `wrangler d1 migrations apply` builds, from db/migrations in order', () => {
    const objects = "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY type, name";
    const ours = rows<{ sql: string | null }>(sqliteDatabase(), objects).map((row) => ({ ...row, sql: row.sql && schema(row.sql) }));
    const wranglers = rows<{ sql: string | null }>(wranglerDatabase(), objects).map((row) => ({ ...row, sql: row.sql && schema(row.sql) }));
    expect(ours).toEqual(wranglers);
    expect(rows<{ name: string }>(sqliteDatabase(), 'SELECT name FROM d1_migrations ORDER BY id').map((row) => row.name)).toEqual(MIGRATIONS);
  });

  it('runs a batch as one transaction, as D1 does: a failing statement leaves nothing of the batch', async () => {
    const { d1 } = sqliteDatabase();
    const insert = (key: string) => `INSERT INTO app_meta (key, value, updated_at) VALUES ('${key}', 'v', 'now');`;
    await expect(d1.batch([insert('first'), insert('second'), insert('first')])).rejects.toThrow(/UNIQUE constraint failed/);
    expect(await d1.query('SELECT key FROM app_meta')).toEqual([]);
    expect(await executeSql(d1, [insert('first'), 'SELECT key FROM app_meta;'])).toEqual([{ key: 'first' }]);
  });

  it('returns each statement’s rows as plain objects, [] for a write', async () => {
    const { d1 } = sqliteDatabase();
    const results = await d1.batch([
      "INSERT INTO app_meta (key, value, updated_at) VALUES ('k', 'v', 'now') RETURNING key;",
      "UPDATE app_meta SET value = 'w';",
      'SELECT key, value FROM app_meta;',
    ]);
    expect(results).toEqual([[{ key: 'k' }], [], [{ key: 'k', value: 'w' }]]);
    expect(Object.getPrototypeOf(results[2]![0])).toBe(Object.prototype);
  });

  it('refuses what D1 refuses and SQLite would take: a statement over 100,000 bytes, a foreign key to nothing', async () => {
    const { d1 } = sqliteDatabase();
    const long = `SELECT '${'x'.repeat(D1_MAX_STATEMENT_BYTES)}';`;
    await expect(d1.query(long)).rejects.toThrow(/statement too long/);
    await expect(d1.batch(["INSERT INTO register_entries (election_id, generation, id_hash, station_id) VALUES ('e', 1, 'h', 999);"])).rejects.toThrow(
      /FOREIGN KEY/,
    );
  });

  it('refuses two statements in one string instead of running only the first', async () => {
    const { d1 } = sqliteDatabase();
    await expect(d1.batch(["INSERT INTO app_meta (key, value, updated_at) VALUES ('a', 'v', 'now'); DELETE FROM app_meta;"])).rejects.toThrow(
      /one statement at a time/,
    );
    expect(await d1.query('SELECT count(*) AS n FROM app_meta')).toEqual([{ n: 0 }]);
  });

  it('keeps a file, and applies no migration twice when it is opened again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voter-desk-sqlite-'));
    try {
      const first = sqliteD1(join(dir, 'd1.sqlite'));
      await first.batch(["INSERT INTO app_meta (key, value, updated_at) VALUES ('kept', 'v', 'now');"]);
      first.close();
      const again = sqliteD1(join(dir, 'd1.sqlite'));
      expect(await again.query('SELECT key FROM app_meta')).toEqual([{ key: 'kept' }]);
      expect(await again.query('SELECT count(*) AS n FROM d1_migrations')).toEqual([{ n: MIGRATIONS.length }]);
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
