// Local settings for `wrangler dev`: .dev.vars (git-ignored). Missing entries are added, so
// `npm start` works on a fresh machine. The keys here are fixed development values: their
// `voter-desk-dev-` prefix makes a deployed Worker refuse them (functions/platform/keys.ts);
// production keys are Worker secrets (`wrangler secret put LOOKUP_KEY`, `… DATA_KEY`, `… STAFF_PEPPER`).
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { localLimitVars } from './local-limits.ts';

export const DEV_LOOKUP_KEY = 'voter-desk-dev-lookup-key-for-local-development-only';
export const DEV_DATA_KEY = 'voter-desk-dev-data-key-for-local-development-only';
export const DEV_STAFF_PEPPER = 'voter-desk-dev-staff-pepper-for-local-development-only';
const DEV_SECRETS = { LOOKUP_KEY: DEV_LOOKUP_KEY, DATA_KEY: DEV_DATA_KEY, STAFF_PEPPER: DEV_STAFF_PEPPER };
/** The demo's clock: inside the 2024 campaign (the demo applications are dated before it). */
export const DEMO_NOW = '2024-05-20T10:00:00+03:00';

function devDefaults(): Record<string, string> {
  return {
    // Local conveniences (the in-memory limiter, development keys) apply only here.
    ENVIRONMENT: 'development',
    LOOKUP_KEY: DEV_LOOKUP_KEY,
    DATA_KEY: DEV_DATA_KEY,
    STAFF_PEPPER: DEV_STAFF_PEPPER,
    // wrangler dev runs one isolate, so an in-memory limiter is exact and much cheaper locally
    // than the simulated Workers Rate Limiting binding.
    ...localLimitVars(),
    // The demo's clock: inside the 2024 campaign, so a mobile-box application can be made at once
    // (README: "Moving the clock"). Only ENVIRONMENT=development|test honours it.
    NOW: DEMO_NOW,
  };
}

/** The `NAME=value` lines of a vars file (.dev.vars or one like it); {} when it does not exist. */
export function readVars(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  return Object.fromEntries(
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line.includes('=') && !line.trimStart().startsWith('#'))
      .map((line) => [
        line.slice(0, line.indexOf('=')).trim(),
        line
          .slice(line.indexOf('=') + 1)
          .trim()
          .replace(/^"|"$/g, ''),
      ]),
  );
}

/**
 * Sets entries in a vars file: a line with the same name is replaced, a new one is appended, and
 * a missing file is created readable by its owner only (it may hold passwords).
 * @example setVars('.dev.vars', { DEMO_PASSWORD_CITY: 'Hk3…' })
 */
export function setVars(path: string, entries: Record<string, string>): void {
  const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
  if (lines.at(-1) === '') lines.pop();
  const seen = new Set<string>();
  const updated = lines.map((line) => {
    const name = line.includes('=') && !line.trimStart().startsWith('#') ? line.slice(0, line.indexOf('=')).trim() : '';
    if (!Object.hasOwn(entries, name)) return line;
    seen.add(name);
    return `${name}=${entries[name]}`;
  });
  const added = Object.entries(entries).filter(([name]) => !seen.has(name));
  const text = `${[...updated, ...added.map(([name, value]) => `${name}=${value}`)].join('\n')}\n`;
  writeFileSync(path, text, { mode: 0o600 });
}

export function ensureDevVars(path = '.dev.vars'): void {
  const vars = readVars(path);
  const missing = Object.entries(devDefaults()).filter(([name]) => !(name in vars));
  if (missing.length > 0) appendFileSync(path, missing.map(([name, value]) => `${name}=${value}\n`).join(''));
}

/** A secret as `wrangler dev` will see it: the environment, else .dev.vars, else the development value. */
export function localSecret(name: keyof typeof DEV_SECRETS, path = '.dev.vars'): string {
  return process.env[name] ?? readVars(path)[name] ?? DEV_SECRETS[name];
}

/** The LOOKUP_KEY `wrangler dev` will use: $LOOKUP_KEY, else .dev.vars, else the dev key. */
export function localLookupKey(path = '.dev.vars'): string {
  return localSecret('LOOKUP_KEY', path);
}
