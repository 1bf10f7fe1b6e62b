import { beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMITS } from '#functions/http/rate-limit';
import { seedFixtures } from '#test/api/fixtures';
import { api, startOfSteadyWindow } from '#test/api/helpers';

// The public station searches read many rows each ("near me" up to 2,000): each is limited per
// client like the lookup, counted before the body is parsed.
beforeAll(async () => {
  await seedFixtures();
});

const post = (path: string, body: unknown, client: string) =>
  api(path, { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': client }, body: JSON.stringify(body) });

describe('rate limits on the public station searches', () => {
  it.each([
    ['/api/stations/near', { lat: 42.69771, lon: 23.32189 }, '10.61.0.1'],
    ['/api/stations/search', { country: 'BG', settlement: 'София', street: 'бул. Витоша', number: '17' }, '10.61.0.2'],
  ])('%s: the per-client limit, then 429 with Retry-After (invalid bodies count too)', async (path, body, client) => {
    await startOfSteadyWindow();
    const limit = RATE_LIMITS.STATIONS.limit;
    const statuses: number[] = [];
    for (let i = 0; i < limit; i++) statuses.push((await post(path, i % 2 ? body : { nonsense: true }, client)).status);
    expect(statuses.every((status) => status === 200 || status === 422)).toBe(true);
    const limited = await post(path, body, client);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect((await post(path, body, '10.61.0.99')).status).toBe(200);
  });
});

describe('the health check and the OpenAPI document', () => {
  it('are limited per client too (the health check queries D1 each time)', async () => {
    await startOfSteadyWindow();
    const statuses: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.SERVICE.limit; i++) statuses.push((await api('/api/health', { headers: { 'cf-connecting-ip': '10.61.1.1' } })).status);
    expect(statuses.slice(0, -1).every((status) => status === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
