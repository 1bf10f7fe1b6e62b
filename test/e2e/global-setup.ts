import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { DemoStaff } from '../../db/seed/demo-staff';
import { build } from '../../scripts/build.mjs';
import { startDevServer } from '../../scripts/dev-server.mjs';
import { demoStaff, prepareLocalDatabase } from '../../scripts/local-db.mjs';
import { assertChromiumInstalled } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The demo staff accounts of this run's database, with their passwords. */
    demoStaff: DemoStaff[];
  }
}

export const E2E_NOW = '2024-05-20T10:00:00+03:00';

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  // A server you started yourself on a fresh state folder (`wrangler dev --persist-to`), for quick iterations.
  if (process.env.E2E_BASE_URL && process.env.E2E_PERSIST_TO) {
    project.provide('baseUrl', process.env.E2E_BASE_URL);
    project.provide('demoStaff', demoStaff({ persistTo: process.env.E2E_PERSIST_TO }));
    return () => {};
  }
  if (process.env.E2E_SKIP_BUILD !== '1') await build();
  const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-e2e-'));
  const staff = await prepareLocalDatabase({ persistTo });
  // The mobile-box pages judge the 2024 campaign's deadlines at this moment (20 May 2024).
  const { baseUrl, stop } = await startDevServer({ persistTo, vars: { NOW: E2E_NOW } });
  project.provide('baseUrl', baseUrl);
  project.provide('demoStaff', staff);
  return stop;
}
