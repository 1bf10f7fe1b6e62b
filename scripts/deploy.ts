#!/usr/bin/env node
// `npm run deploy [-- --allow-without-turnstile]`: check that the production Worker will be safe,
// build, apply migrations to the production D1, then deploy the Worker.
//
// Safe by default: a deploy without Cloudflare Turnstile (both TURNSTILE_SECRET and
// TURNSTILE_SITE_KEY, as Worker secrets or wrangler.toml vars) is refused, because without it the
// only brake on mass lookups and mass applications is the per-client rate limit, which many
// addresses together get around (docs/operations.md "Turnstile and the limits").
// `--allow-without-turnstile` deploys anyway, saying so. The other secrets the Worker needs
// (LOOKUP_KEY, DATA_KEY, STAFF_PEPPER) must be set too.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { build } from './build';
import { CommandError, main, type CommandIo } from './cli/command';
import { offlineEnv, run } from './env';
import { readWranglerToml } from './wrangler-toml';

export const REQUIRED_SECRETS = ['LOOKUP_KEY', 'DATA_KEY', 'STAFF_PEPPER'] as const;
export const TURNSTILE_SETTINGS = ['TURNSTILE_SECRET', 'TURNSTILE_SITE_KEY'] as const;

export interface DeploySteps {
  /** The names of the production Worker's secrets (`wrangler secret list`). */
  secretNames(): Promise<string[]>;
  /** The names of wrangler.toml's [vars]. */
  varNames(): string[];
  /** Build, migrate, deploy. */
  deploy(): Promise<void>;
}

/** What the deploy refuses, or an empty list: missing secrets, and Turnstile unless allowed. */
export function deployProblems(configured: ReadonlySet<string>, allowWithoutTurnstile: boolean): string[] {
  const problems = REQUIRED_SECRETS.filter((name) => !configured.has(name)).map(
    (name) => `${name} is not set: \`wrangler secret put ${name}\` (base64 of 32 random bytes: \`openssl rand -base64 32\`)`,
  );
  const turnstile = TURNSTILE_SETTINGS.filter((name) => configured.has(name));
  if (turnstile.length === 1) problems.push(`Turnstile has ${turnstile[0]} only: set both TURNSTILE_SECRET and TURNSTILE_SITE_KEY, or neither`);
  else if (turnstile.length === 0 && !allowWithoutTurnstile)
    problems.push(
      'Turnstile is not configured (TURNSTILE_SECRET and TURNSTILE_SITE_KEY): without it, many addresses together can read the register and file applications in bulk. Set both, or deploy with `npm run deploy -- --allow-without-turnstile`.',
    );
  return problems;
}

export async function deployCommand(args: string[], io: CommandIo, steps: DeploySteps = realSteps): Promise<number> {
  const { values } = parseArgs({ args, options: { 'allow-without-turnstile': { type: 'boolean', default: false } }, strict: true });
  const allow = values['allow-without-turnstile'];
  const configured = new Set([...(await steps.secretNames()), ...steps.varNames()]);
  const problems = deployProblems(configured, allow);
  if (problems.length > 0) throw new CommandError(`Not deploying:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  if (!TURNSTILE_SETTINGS.some((name) => configured.has(name))) io.err('Deploying WITHOUT Turnstile (--allow-without-turnstile).');
  await steps.deploy();
  return 0;
}

const realSteps: DeploySteps = {
  async secretNames() {
    const listed = execFileSync('npx', ['wrangler', 'secret', 'list', '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...offlineEnv } });
    return (JSON.parse(listed) as { name: string }[]).map((secret) => secret.name);
  },
  varNames: () =>
    Object.entries(readWranglerToml().vars)
      .filter(([, value]) => value !== '')
      .map(([name]) => name),
  async deploy() {
    await build();
    await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--remote']);
    await run('wrangler', ['deploy']);
  },
};

await main(import.meta.url, deployCommand);
