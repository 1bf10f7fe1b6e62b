import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject, onTestFinished } from 'vitest';
import { runCommand, type Command } from '#scripts/cli/command';
import { importCommand } from '#scripts/cli/import';
import type { D1Target } from '#scripts/import/d1';
import { sqliteD1, type SqliteD1 } from '#scripts/import/d1-sqlite';
import { TOOL_ENV } from './global-setup';

// Two kinds of database, one way to read them:
// - `sqliteDatabase()`: SQLite in memory through the tools' D1 interface (scripts/import/d1-sqlite.ts),
//   for the tools' logic, run in-process (`runInProcess`, `importCli`): milliseconds a test;
// - `wranglerDatabase()`: a real local D1 (a copy of the one test/cli/global-setup.ts migrated),
//   for the one test per command that spawns it end to end through wrangler (`spawnTool`).

export const TEST_LOOKUP_KEY = 'aW1wb3J0LXRlc3Qta2V5LWltcG9ydC10ZXN0LWtleS0xMjM0';
export const OTHER_LOOKUP_KEY = 'b3RoZXItaW1wb3J0LWtleS1vdGhlci1pbXBvcnQta2V5LTk4';

/** A test's database and a folder of its own for its files; removed when the test ends. */
export interface TestDatabase {
  dir: string;
  /** Writes a file into the test's folder and returns its path. */
  file(name: string, text: string | Buffer): string;
  /** Opens the database's SQLite for the test's own reads and writes. */
  open(): { db: DatabaseSync; done(): void };
}

export interface SqliteTestDatabase extends TestDatabase {
  d1: SqliteD1;
}

export interface WranglerTestDatabase extends TestDatabase {
  /** The wrangler state folder (`--persist-to`). */
  state: string;
  target: D1Target;
}

function testFolder(prefix: string): Pick<TestDatabase, 'dir' | 'file'> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

/** A migrated SQLite database in memory behind the tools' D1 interface: no test shares another's data. */
export function sqliteDatabase(): SqliteTestDatabase {
  const d1 = sqliteD1();
  onTestFinished(() => d1.close());
  return { ...testFolder('voter-desk-cli-'), d1, open: () => ({ db: d1.sqlite, done: () => {} }) };
}

/** A real local D1 of its own (a copy of a freshly migrated one), for a run through wrangler. */
export function wranglerDatabase(): WranglerTestDatabase {
  const folder = testFolder('voter-desk-cli-d1-');
  const state = join(folder.dir, 'state');
  cpSync(inject('d1Template'), state, { recursive: true });
  return {
    ...folder,
    state,
    target: { remote: false, persistTo: state },
    // The local D1's own SQLite file, opened directly: the same data the tool wrote through
    // wrangler, read in milliseconds instead of a wrangler call each.
    open: () => {
      const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
      const file = readdirSync(dir).find((name) => name.endsWith('.sqlite'));
      if (!file) throw new Error(`no local D1 in ${state}`);
      const db = new DatabaseSync(join(dir, file));
      return { db, done: () => db.close() };
    },
  };
}

export function rows<T>(database: TestDatabase, sql: string): T[] {
  const { db, done } = database.open();
  try {
    return db
      .prepare(sql)
      .all()
      .map((row) => ({ ...row }) as T);
  } finally {
    done();
  }
}

export const count = (database: TestDatabase, sql: string) => rows<{ n: number }>(database, `SELECT count(*) AS n FROM ${sql}`)[0]!.n;

export function exec(database: TestDatabase, sql: string): void {
  const { db, done } = database.open();
  try {
    db.exec(sql);
  } finally {
    done();
  }
}

/** What a run of a command gave: its exit code and its output, as spawnSync reports them. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command in-process against the test's SQLite database, as the program would run it
 * (scripts/cli/command.ts `main`): the same arguments, environment (the process's plus `env`) and
 * piped `input` (none: an empty pipe), the exit code and both outputs captured.
 */
export async function runInProcess(
  command: Command,
  args: string[],
  database: SqliteTestDatabase,
  env: Record<string, string> = {},
  input?: string,
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runCommand(command, args, {
    d1: (target) => {
      if (target.remote) throw new Error('a test never reaches the remote D1');
      return database.d1;
    },
    env: { ...process.env, ...TOOL_ENV, ...env },
    stdin: async () => input ?? '',
    out: (line) => (stdout += `${line}\n`),
    err: (line) => (stderr += `${line}\n`),
  });
  return { status, stdout, stderr };
}

/** `npm run import` for Bulgaria's 2024 election into the test's database, with a LOOKUP_KEY, in-process. */
export function importCli(database: SqliteTestDatabase, args: string[], lookupKey = TEST_LOOKUP_KEY): Promise<Run> {
  return runInProcess(importCommand, ['--country', 'BG', '--election', 'bg-2024-06-09', ...args], database, { LOOKUP_KEY: lookupKey });
}

/** Spawns a tool as `npm run …` does (tsx); `input` is piped to its standard input (without it, stdin is an empty pipe). */
export function spawnTool(script: string, args: string[], extraEnv: Record<string, string> = {}, input?: string): Run {
  return spawnSync('tsx', [script, ...args], {
    env: { ...process.env, ...TOOL_ENV, ...extraEnv },
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
}

export const STATIONS_HEADER = 'number,name,address,settlement,district,constituency,lat,lon,step_free,mobile\n';
/** Two polling sections and a mobile section of Sofia's Средец district. */
export const STATIONS =
  STATIONS_HEADER +
  '234601001,Секция 001,бул. Витоша 17,София,Средец,23 МИР,42.69,23.32,yes,no\n' +
  '234601002,Секция 002,бул. Витоша 24,София,Средец,23 МИР,,,,no\n' +
  '234601900,Подвижна секция,Средец,София,Средец,23 МИР,,,,yes\n';
export const register = (...rows: [string, string][]) => `id_number,station_number\n${rows.map((r) => r.join(',')).join('\n')}\n`;
