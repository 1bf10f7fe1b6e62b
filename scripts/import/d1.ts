import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where the importer writes: the local D1 that `npm start` serves, or the production one. */
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
 * Runs SQL statements as one file (wrangler sends a file as a single batch; a failing
 * statement stops it) and returns each statement's rows.
 */
export async function executeStatements<T = unknown>(statements: string[], target: D1Target): Promise<T[][]> {
  if (statements.length === 0) return [];
  const dir = await mkdtemp(join(tmpdir(), 'voter-desk-import-'));
  const file = join(dir, 'batch.sql');
  try {
    await writeFile(file, statements.join('\n') + '\n');
    const out = await wrangler(['--json', `--file=${file}`], target);
    const start = out.indexOf('[');
    const results = start === -1 ? [] : (JSON.parse(out.slice(start)) as { results?: T[] }[]);
    return results.map((result) => result.results ?? []);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs SQL statements as one batch and returns the rows of the last statement, so a batch can
 * end with the SELECT the next step needs instead of paying for another wrangler call.
 */
export async function executeSql<T = unknown>(statements: string[], target: D1Target): Promise<T[]> {
  return (await executeStatements<T>(statements, target)).at(-1) ?? [];
}

/** Runs one read query and returns its rows. */
export async function queryRows<T>(sql: string, target: D1Target): Promise<T[]> {
  const out = await wrangler(['--json', `--command=${sql}`], target);
  const parsed = JSON.parse(out.slice(out.indexOf('['))) as { results: T[] }[];
  return parsed.flatMap((result) => result.results);
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
