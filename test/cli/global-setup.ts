import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A local D1 state folder migrated by `wrangler d1 migrations apply`, for the wrangler tests to copy. */
    d1Template: string;
  }
}

export const TOOL_ENV = {
  ASTRO_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  CI: 'true',
  // The pepper the tools hash staff passwords with, as an operator's environment would hold it.
  STAFF_PEPPER: 'Y2xpLXRlc3Qtc3RhZmYtcGVwcGVyLXRoYXQtaXMtbG9uZy1lbm91Z2g',
};

/** Migrates one local D1 for the whole run (seconds), instead of one per test file. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'voter-desk-cli-template-'));
  const state = join(dir, 'state');
  const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], {
    env: { ...process.env, ...TOOL_ENV },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`wrangler d1 migrations apply failed:\n${migrate.stderr || migrate.stdout}`);
  project.provide('d1Template', state);
  return () => rmSync(dir, { recursive: true, force: true });
}
