import { describe, expect, it } from 'vitest';
import { deployCommand, type DeploySteps } from '#scripts/deploy';
import { readWranglerToml } from '#scripts/wrangler-toml';

// `npm run deploy` is safe by default: it refuses to deploy without Turnstile unless told to, and
// without the secrets the Worker needs. The steps that reach Cloudflare are replaced by a
// recorder; what is checked is the decision and what the operator reads.
function recorder(secrets: string[], vars: string[] = []) {
  const done: string[] = [];
  const steps: DeploySteps = { secretNames: async () => secrets, varNames: () => vars, deploy: async () => void done.push('deployed') };
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    d1: () => undefined as never,
    env: {},
    stdin: async () => undefined,
    out: (line: string) => out.push(line),
    err: (line: string) => err.push(line),
  };
  return { steps, io, done, out, err };
}
const KEYS = ['LOOKUP_KEY', 'DATA_KEY', 'STAFF_PEPPER'];

describe('npm run deploy', () => {
  it('refuses without Turnstile keys, naming the flag that allows it, and deploys nothing', async () => {
    const run = recorder(KEYS);
    await expect(deployCommand([], run.io, run.steps)).rejects.toThrow(/Turnstile is not configured.*--allow-without-turnstile/s);
    expect(run.done).toEqual([]);
  });

  it('deploys without Turnstile only with --allow-without-turnstile, and says so', async () => {
    const run = recorder(KEYS);
    expect(await deployCommand(['--allow-without-turnstile'], run.io, run.steps)).toBe(0);
    expect(run.done).toEqual(['deployed']);
    expect(run.err.join('\n')).toMatch(/WITHOUT Turnstile/);
  });

  it('deploys with both Turnstile keys (the site key may be a var), refuses one of them alone and a missing secret even with the flag', async () => {
    const both = recorder([...KEYS, 'TURNSTILE_SECRET'], ['TURNSTILE_SITE_KEY']);
    expect(await deployCommand([], both.io, both.steps)).toBe(0);
    expect(both.done).toEqual(['deployed']);
    const half = recorder([...KEYS, 'TURNSTILE_SECRET']);
    await expect(deployCommand(['--allow-without-turnstile'], half.io, half.steps)).rejects.toThrow(/TURNSTILE_SECRET only/);
    const noPepper = recorder(['LOOKUP_KEY', 'DATA_KEY'], []);
    await expect(deployCommand(['--allow-without-turnstile'], noPepper.io, noPepper.steps)).rejects.toThrow(/STAFF_PEPPER is not set/);
    expect([...half.done, ...noPepper.done]).toEqual([]);
  });
});

describe('wrangler.toml', () => {
  it('serves no workers.dev address and no preview URLs (Access covers the custom host only), and keeps no invocation logs (they record addresses)', () => {
    const config = readWranglerToml();
    expect(config.workers_dev).toBe(false);
    expect(config.preview_urls).toBe(false);
    expect(config.observability?.logs?.invocation_logs).toBe(false);
  });
});
