import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../scripts/build.mjs';
import { startDevServer } from '../../scripts/dev-server.mjs';
import { prepareLocalDatabase } from '../../scripts/local-db.mjs';
import { assertChromiumInstalled } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export const E2E_NOW = '2024-05-20T10:00:00+03:00';

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  if (process.env.E2E_SKIP_BUILD !== '1') await build();
  const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-e2e-'));
  await prepareLocalDatabase({ persistTo });
  // The mobile-box pages judge the 2024 campaign's deadlines at this moment (20 May 2024).
  const { baseUrl, stop } = await startDevServer({ persistTo, vars: { NOW: E2E_NOW } });
  project.provide('baseUrl', baseUrl);
  return stop;
}
