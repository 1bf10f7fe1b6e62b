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
    /** What the sign-in bench measured, read by scripts/bench/bench-sign-in.ts (ms per call, by Node's clock). */
    signIn?: { figures: { what: string; calls: number; runs: number; medianMs: number; p95Ms: number; maxMs: number }[] };
  }
}
