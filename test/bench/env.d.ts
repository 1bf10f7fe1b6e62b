import type { Figure, ClockBehaviour } from './timing';

declare global {
  namespace Cloudflare {
    interface Env {
      /** Node's performance.now() as text (vitest.bench.config.ts). */
      NODE_CLOCK: Fetcher;
    }
  }
}

declare module 'vitest' {
  interface TaskMeta {
    /** What a bench measured, read by scripts/bench/bench-routes.ts. */
    bench?: { clock: ClockBehaviour; figures: Figure[] };
  }
}
