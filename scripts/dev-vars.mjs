// Local secrets for `wrangler dev`: .dev.vars (git-ignored). Without one, a fixed development
// LOOKUP_KEY is written so that `npm start` works on a fresh machine. Never use it in production:
// there the key is a Worker secret (`wrangler secret put LOOKUP_KEY`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const DEV_LOOKUP_KEY = 'voter-desk-development-key-not-a-secret';

export function ensureDevVars(path = '.dev.vars') {
  if (!existsSync(path)) writeFileSync(path, `LOOKUP_KEY=${DEV_LOOKUP_KEY}\n`);
}

/** The LOOKUP_KEY `wrangler dev` will use: $LOOKUP_KEY, else .dev.vars, else the dev key. */
export function localLookupKey(path = '.dev.vars') {
  if (process.env.LOOKUP_KEY) return process.env.LOOKUP_KEY;
  if (existsSync(path)) {
    const line = readFileSync(path, 'utf8').split('\n').find((l) => l.startsWith('LOOKUP_KEY='));
    if (line) return line.slice('LOOKUP_KEY='.length).trim().replace(/^"|"$/g, '');
  }
  return DEV_LOOKUP_KEY;
}
