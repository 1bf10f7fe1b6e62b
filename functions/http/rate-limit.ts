import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Bindings } from '#functions/env';
import { clientBuckets } from './client';
import { Busy, RateLimited } from '#core/errors';
import { isLocalDevelopment } from '#functions/platform/keys';
import type { LimitName } from './limiters';

export { LIMITERS, type LimitName } from './limiters';

/**
 * wrangler.toml's limits (a test checks they agree; change them there and here): the bindings
 * enforce them in production, this copy gives Retry-After its period and the in-memory limiter
 * of local runs its defaults.
 */
export const RATE_LIMITS: Record<LimitName, { limit: number; period: 10 | 60 }> = {
  LOOKUP: { limit: 10, period: 60 },
  LOOKUP_WIDE: { limit: 40, period: 60 },
  LOOKUP_GLOBAL: { limit: 6000, period: 60 },
  REPORT: { limit: 5, period: 60 },
  REPORT_WIDE: { limit: 20, period: 60 },
  // A care home or a social worker may file for several residents from one connection.
  MOBILE_BOX: { limit: 10, period: 60 },
  MOBILE_BOX_WIDE: { limit: 30, period: 60 },
  MOBILE_BOX_GLOBAL: { limit: 600, period: 60 },
  // Per sender of a text message, and every reply together: each reply is paid for (docs/sms.md).
  SMS: { limit: 5, period: 60 },
  SMS_GLOBAL: { limit: 1200, period: 60 },
  // Address search and "near me": public data, but each may read up to 2,000 rows.
  STATIONS: { limit: 30, period: 60 },
  STATIONS_WIDE: { limit: 120, period: 60 },
  // Every step of a staff sign-in (password, code, passkey); the D1 throttle adds growing delays per account and source.
  LOGIN: { limit: 10, period: 60 },
  LOGIN_WIDE: { limit: 30, period: 60 },
  // The health check runs a D1 query each time; a monitor asks once a minute.
  SERVICE: { limit: 60, period: 60 },
  SERVICE_WIDE: { limit: 240, period: 60 },
};
/** What a client does that is limited. */
export type LimitedAction = 'LOOKUP' | 'REPORT' | 'MOBILE_BOX' | 'STATIONS' | 'LOGIN' | 'SERVICE';

export interface Limiter {
  limit(options: { key: string }): Promise<{ success: boolean }>;
}

/**
 * A fixed-window counter in the isolate's memory: the local equivalent of Workers Rate
 * Limiting. Exact under `wrangler dev` (one isolate); never used in production, where requests
 * spread over many isolates and the bindings are used instead.
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
 * The limiter for a purpose: the Workers Rate Limiting binding, or, in local development only
 * (ENVIRONMENT `development` or `test`) with `RATE_LIMIT_MODE=memory`, the in-memory
 * equivalent, whose limit `<NAME>_RATE_LIMIT` may change (the load benchmark raises it). A
 * deployed Worker ignores both settings.
 */
export function limiterFor(env: Bindings, name: LimitName): Limiter {
  const config = RATE_LIMITS[name];
  if (!isLocalDevelopment(env) || env.RATE_LIMIT_MODE !== 'memory') return env[`${name}_LIMITER`];
  const max = Number(env[`${name}_RATE_LIMIT`] ?? config.limit);
  const cacheKey = `${name}:${max}`;
  let limiter = memoryLimiters.get(cacheKey);
  if (!limiter) {
    limiter = new MemoryRateLimiter(max, config.period);
    memoryLimiters.set(cacheKey, limiter);
  }
  return limiter;
}

async function allowed(env: Bindings, name: LimitName, key: string): Promise<boolean> {
  return (await limiterFor(env, name).limit({ key })).success;
}

/**
 * Counts one attempt of an action: per client (IPv4 address or IPv6 /64; a request without
 * CF-Connecting-IP shares one strict bucket with every other such request), per IPv6 /48, and
 * for lookups and mobile-box applications against a global ceiling. Over a client limit: RateLimited (429); over the
 * ceiling: Busy (503). Both come with Retry-After.
 */
export async function enforceRateLimit(env: Bindings, action: LimitedAction, headers: Headers): Promise<void> {
  const client = clientBuckets(headers);
  if (!(await allowed(env, action, client.narrow))) throw new RateLimited(RATE_LIMITS[action].period);
  const wide = `${action}_WIDE` as const;
  if (client.wide && !(await allowed(env, wide, client.wide))) throw new RateLimited(RATE_LIMITS[wide].period);
  const global = action === 'LOOKUP' ? 'LOOKUP_GLOBAL' : action === 'MOBILE_BOX' ? 'MOBILE_BOX_GLOBAL' : undefined;
  if (global && !(await allowed(env, global, 'all'))) throw new Busy(RATE_LIMITS[global].period);
}

/** Route middleware: counts the attempt before the body is parsed, so invalid requests count too. */
export const rateLimit =
  (action: LimitedAction): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    await enforceRateLimit(c.env, action, c.req.raw.headers);
    await next();
  };
