import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { D1_MAX_STATEMENT_BYTES, type D1 } from './d1';

export { D1_MAX_STATEMENT_BYTES };

export interface SqliteD1 extends D1 {
  /** The database itself, for a test's own reads and writes. */
  readonly sqlite: DatabaseSync;
  close(): void;
}

/**
 * A `D1` on a SQLite file (or `:memory:`) with node:sqlite: the tools' logic runs in-process,
 * without a wrangler run per call, so the CLI tests take milliseconds instead of seconds. The
 * migrations of `migrationsDir` are applied in order first, each once, recorded in
 * `d1_migrations` as `wrangler d1 migrations apply` records them.
 *
 * Where plain SQLite would differ from D1, it behaves like D1 for what the tools and tests
 * rely on:
 * - `batch` is one transaction, as D1's batch is: a failing statement rolls back the whole
 *   batch (plain SQLite would keep the statements before it);
 * - a statement over D1's 100,000 bytes is refused, as D1 refuses it;
 * - foreign keys are enforced (node:sqlite's default; D1 enforces them too);
 * - rows are plain objects (node:sqlite's have no prototype), as wrangler's JSON gives them;
 * - a string holding more than one statement is refused, where SQLite would quietly run only
 *   the first (wrangler splits it).
 * Not modelled: D1's other limits (database size, rows per batch, CPU time) and wrangler's
 * rendering of BLOBs; the tools store none.
 *
 * @example const db = sqliteD1(); await importLists({ db, … }); db.sqlite.prepare('SELECT count(*) AS n FROM stations').get()
 */
export function sqliteD1(path = ':memory:', migrationsDir = 'db/migrations'): SqliteD1 {
  const sqlite = new DatabaseSync(path, { enableForeignKeyConstraints: true });
  applyMigrations(sqlite, migrationsDir);

  const run = (sql: string) => {
    if (Buffer.byteLength(sql) > D1_MAX_STATEMENT_BYTES)
      throw new Error(`statement too long: D1 refuses an SQL statement over ${D1_MAX_STATEMENT_BYTES} bytes`);
    const statement = sqlite.prepare(sql);
    if (sql.slice(statement.sourceSQL.length).trim() !== '') throw new Error(`one statement at a time, not: ${sql.slice(0, 200)}`);
    return statement.all().map((row) => ({ ...row }));
  };

  return {
    sqlite,
    close: () => sqlite.close(),
    // async: an error rejects the promise, as a failing wrangler run does, instead of throwing at the call.
    async batch<T>(statements: string[]): Promise<T[][]> {
      if (statements.length === 0) return [];
      sqlite.exec('BEGIN');
      try {
        const results = statements.map((sql) => run(sql) as T[]);
        sqlite.exec('COMMIT');
        return results;
      } catch (error) {
        sqlite.exec('ROLLBACK');
        throw error;
      }
    },
    async query<T>(sql: string): Promise<T[]> {
      return run(sql) as T[];
    },
  };
}

/** Applies the `.sql` files of `dir` that `d1_migrations` does not list yet, in name order, each in one transaction. */
function applyMigrations(sqlite: DatabaseSync, dir: string): void {
  // The table wrangler keeps, as wrangler creates it, so the schema is the same either way.
  sqlite.exec(`CREATE TABLE IF NOT EXISTS "d1_migrations"(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`);
  const applied = new Set(
    sqlite
      .prepare('SELECT name FROM d1_migrations')
      .all()
      .map((row) => row.name as string),
  );
  const record = sqlite.prepare('INSERT INTO d1_migrations (name) VALUES (?)');
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()) {
    if (applied.has(name)) continue;
    sqlite.exec('BEGIN');
    try {
      sqlite.exec(readFileSync(join(dir, name), 'utf8'));
      record.run(name);
      sqlite.exec('COMMIT');
    } catch (error) {
      sqlite.exec('ROLLBACK');
      throw new Error(`migration ${name} failed: ${(error as Error).message}`);
    }
  }
}
