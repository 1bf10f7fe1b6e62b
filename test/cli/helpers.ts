import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { D1Target } from '#scripts/import/d1';

export const TEST_LOOKUP_KEY = 'aW1wb3J0LXRlc3Qta2V5LWltcG9ydC10ZXN0LWtleS0xMjM0';
export const OTHER_LOOKUP_KEY = 'b3RoZXItaW1wb3J0LWtleS1vdGhlci1pbXBvcnQta2V5LTk4';
const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true' };

let template: string | undefined;

/** A migrated local D1, made once per test file; each test gets a copy. */
function migratedTemplate(): string {
  if (!template) {
    template = join(mkdtempSync(join(tmpdir(), 'voter-desk-cli-template-')), 'state');
    const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', template], { env: baseEnv, encoding: 'utf8' });
    expect(migrate.status, migrate.stderr).toBe(0);
  }
  return template;
}

/** A real local D1 of its own (a copy of a freshly migrated one): no test shares another's data. */
export function freshDatabase(): { dir: string; state: string; target: D1Target; file: (name: string, text: string | Buffer) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'voter-desk-cli-'));
  const state = join(dir, 'state');
  cpSync(migratedTemplate(), state, { recursive: true });
  return {
    dir,
    state,
    target: { remote: false, persistTo: state },
    file: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}

/** `npm run import` for Bulgaria's 2024 election into a database, with a LOOKUP_KEY. */
export function importCli(state: string, args: string[], lookupKey = TEST_LOOKUP_KEY) {
  return spawnSync('tsx', ['scripts/cli/import.ts', '--country', 'BG', '--election', 'bg-2024-06-09', '--persist-to', state, ...args], {
    env: { ...baseEnv, LOOKUP_KEY: lookupKey },
    encoding: 'utf8',
  });
}

/** Runs a tool; `input` is piped to its standard input (without it, stdin is an empty pipe). */
export function runTool(script: string, args: string[], extraEnv: Record<string, string> = {}, input?: string) {
  return spawnSync('tsx', [script, ...args], { env: { ...baseEnv, ...extraEnv }, encoding: 'utf8', ...(input === undefined ? {} : { input }) });
}

/**
 * The local D1's own SQLite file, opened directly for the test's checks: the same data the CLI
 * wrote through wrangler, read in milliseconds instead of a wrangler call each.
 */
export function sqliteOf(state: string): DatabaseSync {
  const dir = join(state, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((name) => name.endsWith('.sqlite'));
  if (!file) throw new Error(`no local D1 in ${state}`);
  return new DatabaseSync(join(dir, file));
}

export function rows<T>(state: string, sql: string): T[] {
  const db = sqliteOf(state);
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

export const count = (state: string, sql: string) => rows<{ n: number }>(state, `SELECT count(*) AS n FROM ${sql}`)[0]!.n;

export function exec(state: string, sql: string): void {
  const db = sqliteOf(state);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

export const STATIONS_HEADER = 'number,name,address,settlement,district,constituency,lat,lon,step_free,mobile\n';
/** Two polling sections and a mobile section of Sofia's Средец district. */
export const STATIONS =
  STATIONS_HEADER +
  '234601001,Секция 001,бул. Витоша 17,София,Средец,23 МИР,42.69,23.32,yes,no\n' +
  '234601002,Секция 002,бул. Витоша 24,София,Средец,23 МИР,,,,no\n' +
  '234601900,Подвижна секция,Средец,София,Средец,23 МИР,,,,yes\n';
export const register = (...rows: [string, string][]) => 'id_number,station_number\n' + rows.map((r) => r.join(',')).join('\n') + '\n';
