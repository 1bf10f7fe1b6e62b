import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The database the operator tools (the importer, purge, rekey, user:add/disable, the demo
 * loaders) write to, as SQL text: D1's batch and a read query, nothing more. `wranglerD1` runs
 * it through `wrangler d1 execute` (what users get); `sqliteD1` (./d1-sqlite.ts) runs it
 * in-process on node:sqlite, for the tests.
 */
export interface D1 {
  /**
   * Runs statements, one SQL statement each, as one batch and returns each statement's rows
   * ([] for a write without RETURNING). Like D1's batch, all or nothing: the first failing
   * statement stops the batch, nothing of it stays, and the promise rejects.
   */
  batch<T = unknown>(statements: string[]): Promise<T[][]>;
  /** Runs one read query and returns its rows. */
  query<T>(sql: string): Promise<T[]>;
}

/** D1 refuses an SQL statement longer than this many bytes (its published limit); local SQLite would take it. */
export const D1_MAX_STATEMENT_BYTES = 100_000;

/** Where wrangler writes: the local D1 that `npm start` serves, or the production one. */
export interface D1Target {
  remote: boolean;
  /** A local state folder other than .wrangler/state (the bench and the tests use their own). */
  persistTo?: string | undefined;
}

const OFFLINE_ENV = { ASTRO_TELEMETRY_DISABLED: '1', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true' };

function wrangler(args: string[], target: D1Target): Promise<string> {
  const where = target.remote ? ['--remote'] : ['--local', ...(target.persistTo ? ['--persist-to', target.persistTo] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn('wrangler', ['d1', 'execute', 'DB', ...where, ...args], { env: { ...process.env, ...OFFLINE_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`wrangler d1 execute failed (${code}):\n${err || out}`))));
  });
}

/**
 * The D1 binding `DB` of wrangler.toml through `wrangler d1 execute`, local (`--persist-to`) or
 * `--remote`: each call is one wrangler run (seconds), so the tools read and write in as few
 * batches as they can.
 *
 * - `batch` writes the statements to a file and sends it with `--file`: wrangler runs a file as
 *   one batch, and a failing statement stops it.
 * - `query` sends one statement with `--command`.
 */
export function wranglerD1(target: D1Target): D1 {
  return {
    async batch<T>(statements: string[]): Promise<T[][]> {
      if (statements.length === 0) return [];
      const dir = await mkdtemp(join(tmpdir(), 'voter-desk-import-'));
      const file = join(dir, 'batch.sql');
      try {
        await writeFile(file, `${statements.join('\n')}\n`);
        const out = await wrangler(['--json', `--file=${file}`], target);
        const start = out.indexOf('[');
        const results = start === -1 ? [] : (JSON.parse(out.slice(start)) as { results?: T[] }[]);
        return results.map((result) => result.results ?? []);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async query<T>(sql: string): Promise<T[]> {
      const out = await wrangler(['--json', `--command=${sql}`], target);
      const parsed = JSON.parse(out.slice(out.indexOf('['))) as { results: T[] }[];
      return parsed.flatMap((result) => result.results);
    },
  };
}

/**
 * Runs statements as one batch and returns the rows of the last statement, so a batch can end
 * with the SELECT the next step needs instead of paying for another wrangler call.
 */
export async function executeSql<T = unknown>(db: D1, statements: string[]): Promise<T[]> {
  return (await db.batch<T>(statements)).at(-1) ?? [];
}

/** One read query through wrangler (for the bench scripts; the tools take a `D1`). */
export async function queryRows<T>(sql: string, target: D1Target): Promise<T[]> {
  return wranglerD1(target).query<T>(sql);
}

/** A SQL literal. */
export function sqlValue(value: string | number | boolean | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not a finite number');
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}
