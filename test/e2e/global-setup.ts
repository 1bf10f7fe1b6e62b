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

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  if (process.env.E2E_SKIP_BUILD !== '1') await build();
  const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-e2e-'));
  await prepareLocalDatabase({ persistTo });
  const { baseUrl, stop } = await startDevServer({ persistTo });
  project.provide('baseUrl', baseUrl);
  return stop;
}
