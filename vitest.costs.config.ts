import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { DEMO_NOW, DEV_DATA_KEY, DEV_LOOKUP_KEY, DEV_STAFF_PEPPER } from './scripts/dev-vars.ts';
import { localLimitVars, sameLimit } from './scripts/local-limits.ts';
import { workerdCompatibility } from './scripts/wrangler-toml.ts';
import { workerdCpuMs } from './scripts/bench/workerd-cpu.ts';

// `npm run bench:costs` (scripts/bench/bench-costs.ts) runs test/bench/costs/ inside workerd against a
// local D1 that gets the migrations and then the rows of the seeded demo database, which the
// script reads from the demo's own SQLite file and names in BENCH_COSTS_SEED. The keys are the
// development ones the demo was loaded with; the in-memory limiter with raised limits keeps rate
// limiting out of the figures (in production it is the Workers Rate Limiting bindings, not D1).
// CPU_CLOCK answers with Node's clock and the CPU time used by the workerd processes this run
// started, read from /proc (Linux).
export default defineConfig(async () => {
  const seedFile = process.env.BENCH_COSTS_SEED;
  if (!seedFile) throw new Error('run this through `npm run bench:costs`, which prepares the seed');
  return {
    // The #core, #functions, #db… aliases of tsconfig.json.
    resolve: { tsconfigPaths: true },
    plugins: [
      cloudflareTest({
        miniflare: {
          ...workerdCompatibility(),
          d1Databases: ['DB'],
          // Node's clock and the CPU time workerd has used (from /proc): a CPU figure that other
          // load on the machine does not inflate the way it inflates wall time.
          serviceBindings: { CPU_CLOCK: () => Response.json({ now: performance.now(), workerdCpuMs: workerdCpuMs() }) },
          bindings: {
            TEST_MIGRATIONS: await readD1Migrations('./db/migrations'),
            SEED: JSON.parse(readFileSync(seedFile, 'utf8')),
            ENVIRONMENT: 'test',
            NOW: DEMO_NOW,
            LOOKUP_KEY: DEV_LOOKUP_KEY,
            DATA_KEY: DEV_DATA_KEY,
            STAFF_PEPPER: DEV_STAFF_PEPPER,
            ...localLimitVars(sameLimit(1_000_000)),
            // Every request reaches D1 (the figures are per request the edge cache does not
            // answer); the cached cases turn it on for themselves.
            PUBLIC_CACHE_SECONDS: '0',
          },
        },
      }),
    ],
    test: {
      name: 'costs',
      include: ['test/bench/costs/**/*.costs.ts'],
      testTimeout: 900_000,
    },
  };
});
