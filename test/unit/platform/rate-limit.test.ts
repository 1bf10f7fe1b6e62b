import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bindings } from '#functions/env';
import { limiterFor, LIMITERS, MemoryRateLimiter, RATE_LIMITS } from '#functions/http/rate-limit';
import { localLimitVars, sameLimit } from '#scripts/local-limits';
import { readWranglerToml } from '#scripts/wrangler-toml';

describe('MemoryRateLimiter', () => {
  it('allows the limit per key and window, then refuses until the next window', async () => {
    let now = Date.UTC(2026, 0, 1, 12, 0, 0);
    const limiter = new MemoryRateLimiter(3, 60, () => now);
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await limiter.limit({ key: 'a' })).success);
    expect(results).toEqual([true, true, true, false]);
    expect((await limiter.limit({ key: 'b' })).success).toBe(true);
    now += 60_000;
    expect((await limiter.limit({ key: 'a' })).success).toBe(true);
  });
});

describe('rate limits', () => {
  it('are the [[ratelimits]] bindings of wrangler.toml, name for name and number for number', () => {
    const declared = Object.fromEntries(readWranglerToml().ratelimits.map((binding) => [binding.name, binding.simple]));
    const coded = Object.fromEntries(LIMITERS.map((name) => [`${name}_LIMITER`, RATE_LIMITS[name]]));
    expect(coded).toEqual(declared);
  });
});

describe('local limit overrides', () => {
  const local = (vars: Record<string, string>) => ({ ENVIRONMENT: 'test', ...vars }) as Partial<Bindings> as Bindings;
  const allowed = async (env: Bindings, name: (typeof LIMITERS)[number], times: number) => {
    const limiter = limiterFor(env, name);
    let passed = 0;
    for (let i = 0; i < times; i++) if ((await limiter.limit({ key: `local-limits-${name}-${times}` })).success) passed++;
    return passed;
  };

  // One fixed minute: the in-memory limiter's window must not turn over during a test.
  beforeEach(() => void vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 12, 0, 30), toFake: ['Date'] }));
  afterEach(() => void vi.useRealTimers());

  it('raise the named limits of the in-memory limiter, and only those', async () => {
    const env = local(localLimitVars({ REPORT: 7 }));
    expect(await allowed(env, 'REPORT', 9)).toBe(7);
    expect(await allowed(env, 'REPORT_WIDE', RATE_LIMITS.REPORT_WIDE.limit + 2)).toBe(RATE_LIMITS.REPORT_WIDE.limit);
  });

  it('name every limiter of wrangler.toml when none is named', () => {
    expect(Object.keys(sameLimit(1)).sort()).toEqual([...LIMITERS].sort());
  });

  it('refuse a limiter wrangler.toml does not declare', () => {
    expect(() => localLimitVars({ NOT_A_LIMIT: 1 } as Parameters<typeof localLimitVars>[0])).toThrow(/NOT_A_LIMIT_LIMITER/);
  });
});
