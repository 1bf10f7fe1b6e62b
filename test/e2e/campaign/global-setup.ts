import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '#scripts/build';
import { assertChromiumInstalled } from '#scripts/chromium';
import { startDevServer } from '#scripts/dev-server';
import { offlineEnv } from '#scripts/env';
import { localLimitVars } from '#scripts/local-limits';
import { prepareLocalDatabase } from '#scripts/local-db';

declare module 'vitest' {
  export interface ProvidedContext {
    campaignBaseUrl: string;
    /** The invented municipality's staff accounts of this run, with their passwords. */
    campaignStaff: { email: string; password: string }[];
  }
}

/** Inside the invented election's application window (test/fixtures/content/elections/test-2024-05-12-pvr.json). */
export const CAMPAIGN_NOW = '2024-04-20T10:00:00+03:00';
export const CAMPAIGN_STAFF = [
  { email: 'sever@primerovo.example', args: ['--role', 'district', '--area', 'bg-primerovo', '--district', 'sever'] },
  { email: 'police@primerovo.example', args: ['--role', 'police', '--area', 'bg-primerovo'] },
];

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  // The site with the tests' invented election and municipalities beside content/ (astro.config.mjs).
  process.env.VOTER_DESK_TEST_CONTENT = '1';
  if (process.env.E2E_SKIP_BUILD !== '1') await build();
  const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-e2e-campaign-'));
  await prepareLocalDatabase({ persistTo });
  // The municipality's accounts, made the way an operator makes them: `npm run user:add`, reading
  // the areas from the tests' content folder (CONTENT_DIR), the password piped in.
  const staff = CAMPAIGN_STAFF.map(({ email, args }, i) => {
    const password = `a long test password ${i + 1}`;
    const run = spawnSync('tsx', ['scripts/cli/user.ts', 'add', '--email', email, ...args, '--persist-to', persistTo], {
      input: password,
      encoding: 'utf8',
      env: { ...process.env, ...offlineEnv, CONTENT_DIR: 'test/fixtures/content' },
    });
    if (run.status !== 0) throw new Error(`user:add ${email}: ${run.stderr}`);
    return { email, password };
  });
  const { baseUrl, stop } = await startDevServer({ persistTo, vars: { NOW: CAMPAIGN_NOW, ...localLimitVars({ LOOKUP: 200, MOBILE_BOX: 200, REPORT: 100 }) } });
  project.provide('campaignBaseUrl', baseUrl);
  project.provide('campaignStaff', staff);
  return () => stop();
}
