import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { DemoStaff } from '#scripts/seed/demo-staff';
import { build } from '#scripts/build';
import { assertChromiumInstalled } from '#scripts/chromium';
import { startDevServer } from '#scripts/dev-server';
import { localLimitVars } from '#scripts/local-limits';
import { demoStaff, prepareLocalDatabase } from '#scripts/local-db';
import { FIXED_HOST_PORT, startEmbedHost } from './embed-host';
import { processIo, runCommand } from '#scripts/cli/command';
import { userCommand } from '#scripts/cli/user';
import { generatePassword } from '#functions/staff/passwords';

/** Adds an officer through `npm run user:add`, as an operator would: it enrols at its first sign-in. */
async function addNewOfficer(persistTo: string): Promise<{ email: string; password: string }> {
  const officer = { email: 'new-officer@demo.voter-desk.local', password: generatePassword() };
  const args = ['add', '--email', officer.email, '--role', 'district', '--district', 'mladost', '--persist-to', persistTo];
  const code = await runCommand(userCommand, args, { ...processIo, stdin: async () => officer.password, out: () => {} });
  if (code !== 0) throw new Error(`user:add for the e2e officer exited with ${code}`);
  return officer;
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The demo staff accounts of this run's database, with their passwords and TOTP secrets. */
    demoStaff: DemoStaff[];
    /** An account `npm run user:add` saved for this run, not enrolled yet: its first sign-in enrols a second factor. */
    newStaff: { email: string; password: string };
    /** A municipality's page on another 127.0.0.1 origin, the only one EMBED_ORIGINS lists. */
    embedHost: string;
  }
}

export const E2E_NOW = '2024-05-20T10:00:00+03:00';

/** Per-minute limits for the one client all the browser tests are (in-memory limiter, local only). */
const SHARED_CLIENT_LIMITS = localLimitVars({ LOOKUP: 200, MOBILE_BOX: 200, REPORT: 100, STATIONS: 200, LOGIN: 100, SERVICE: 200 });

export default async function setup(project: TestProject) {
  assertChromiumInstalled();
  // A server you started yourself on a fresh state folder (`wrangler dev --persist-to`), for quick iterations.
  // Your server then needs `--var EMBED_ORIGINS:http://127.0.0.1:4319` for the embed tests.
  if (process.env.E2E_BASE_URL && process.env.E2E_PERSIST_TO) {
    const host = await startEmbedHost(FIXED_HOST_PORT);
    project.provide('baseUrl', process.env.E2E_BASE_URL);
    project.provide('demoStaff', demoStaff({ persistTo: process.env.E2E_PERSIST_TO }));
    project.provide('newStaff', await addNewOfficer(process.env.E2E_PERSIST_TO));
    project.provide('embedHost', host.origin);
    return host.close;
  }
  if (process.env.E2E_SKIP_BUILD !== '1') await build();
  const persistTo = await mkdtemp(join(tmpdir(), 'voter-desk-e2e-'));
  const staff = await prepareLocalDatabase({ persistTo });
  const newStaff = await addNewOfficer(persistTo);
  // The municipality's page that may frame the embeddable lookup: its origin is the one listed.
  const host = await startEmbedHost();
  // The mobile-box pages judge the 2024 campaign's deadlines at this moment (20 May 2024).
  // Every browser test comes from 127.0.0.1, one client to the rate limits: a file's lookups
  // would otherwise use up the next file's minute. The limits themselves are tested in test/api/.
  const { baseUrl, stop } = await startDevServer({ persistTo, vars: { NOW: E2E_NOW, EMBED_ORIGINS: host.origin, ...SHARED_CLIENT_LIMITS } });
  project.provide('baseUrl', baseUrl);
  project.provide('demoStaff', staff);
  project.provide('newStaff', newStaff);
  project.provide('embedHost', host.origin);
  return async () => {
    stop();
    await host.close();
  };
}
