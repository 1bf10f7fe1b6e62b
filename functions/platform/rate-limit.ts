import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Bindings } from '../env';
import { RateLimited } from './errors';

/** Limits per client and minute; wrangler.toml's [[ratelimits]] say the same (a test checks). */
export const RATE_LIMITS = {
  LOOKUP: { binding: 'LOOKUP_LIMITER', limit: 10, period: 60 },
  REPORT: { binding: 'REPORT_LIMITER', limit: 5, period: 60 },
} as const;
export type LimitName = keyof typeof RATE_LIMITS;

export interface Limiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * A fixed-window counter in the isolate's memory: the local equivalent of Workers Rate
 * Limiting. Exact under `wrangler dev` (one isolate); not for production, where requests
 * spread over many isolates and the binding is used instead.
 */
export class MemoryRateLimiter implements Limiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(
    private readonly max: number,
    private readonly periodSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async limit({ key }: { key: string }): Promise<{ success: boolean }> {
    const now = this.now();
    const start = now - (now % (this.periodSeconds * 1000));
    const window = this.windows.get(key);
    if (!window || window.start !== start) {
      if (this.windows.size > 10_000) this.windows.clear();
      this.windows.set(key, { start, count: 1 });
      return { success: 1 <= this.max };
    }
    window.count++;
    return { success: window.count <= this.max };
  }
}

const memoryLimiters = new Map<string, MemoryRateLimiter>();

/**
 * The limiter for a purpose: the Workers Rate Limiting binding, or with
 * `RATE_LIMIT_MODE=memory` (set in .dev.vars for `wrangler dev`) the in-memory equivalent,
 * whose limit `<NAME>_RATE_LIMIT` may raise (the load benchmark does).
 */
export function limiterFor(env: Bindings, name: LimitName): Limiter {
  const config = RATE_LIMITS[name];
  if (env.RATE_LIMIT_MODE !== 'memory') return env[config.binding];
  const max = Number(env[`${name}_RATE_LIMIT`] ?? config.limit);
  const cacheKey = `${name}:${max}`;
  let limiter = memoryLimiters.get(cacheKey);
  if (!limiter) {
    limiter = new MemoryRateLimiter(max, config.period);
    memoryLimiters.set(cacheKey, limiter);
  }
  return limiter;
}

/** Counts one attempt for the client; over the limit it throws RateLimited (429 with Retry-After). */
export async function enforceRateLimit(env: Bindings, name: LimitName, clientKey: string): Promise<void> {
  const { success } = await limiterFor(env, name).limit({ key: clientKey });
  if (!success) throw new RateLimited(RATE_LIMITS[name].period);
}

/** Route middleware: counts the attempt before the body is parsed, so invalid requests count too. */
export const rateLimit =
  (name: LimitName): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await enforceRateLimit(c.env, name, clientKey(c.req.raw.headers));
    await next();
  };

/** The client a request comes from: Cloudflare's connecting IP (wrangler dev sets it too). */
export function clientKey(headers: Headers): string {
  return headers.get('cf-connecting-ip') ?? headers.get('x-real-ip') ?? 'unknown-client';
}
