import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseToml } from 'smol-toml';
import { MemoryRateLimiter, RATE_LIMITS } from '#functions/http/rate-limit';

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
  it('match the [[ratelimits]] bindings in wrangler.toml', () => {
    const config = parseToml(readFileSync('wrangler.toml', 'utf8')) as { ratelimits: { name: string; simple: { limit: number; period: number } }[] };
    for (const limit of Object.values(RATE_LIMITS)) {
      const binding = config.ratelimits.find((r) => r.name === limit.binding);
      expect(binding?.simple, limit.binding).toEqual({ limit: limit.limit, period: limit.period });
    }
  });
});
