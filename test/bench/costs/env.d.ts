import type { D1Migration } from 'cloudflare:test';

declare global {
  namespace Cloudflare {
    interface Env {
      /** The migrations, applied before the seed (vitest.costs.config.ts). */
      TEST_MIGRATIONS: D1Migration[];
      /** The seeded demo database's rows, table by table in creation order (scripts/bench/bench-costs.ts). */
      SEED: unknown;
      /** `{ now, workerdCpuMs }`: Node's clock and workerd's CPU time so far (vitest.costs.config.ts). */
      CPU_CLOCK: Fetcher;
    }
  }
}

declare module 'vitest' {
  interface TaskMeta {
    /** What the costs bench measured, read by scripts/bench/bench-costs.ts. */
    costs?: unknown;
  }
}
