import { describe, expect, it } from 'vitest';
import { LIMITERS, MemoryRateLimiter, RATE_LIMITS } from '#functions/http/rate-limit';
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
