import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { lookupOutcomes } from '#db/schema';
import { flushOutcomes } from '#functions/lookup/outcomes';
import { api, startOfSteadyWindow } from '#test/api/helpers';
import { IDS, seedFixtures } from '#test/api/fixtures';

beforeAll(async () => {
  await seedFixtures();
});

const lookup = (headers: Record<string, string>, idNumber = IDS.bgNotRegistered, bindings: Partial<Cloudflare.Env> = {}) =>
  api(
    '/api/lookup',
    { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ country: 'BG', idNumber }) },
    bindings,
  );

async function statuses(count: number, headersFor: (i: number) => Record<string, string>, bindings: Partial<Cloudflare.Env> = {}) {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await lookup(headersFor(i), IDS.bgNotRegistered, bindings)).status);
  return out;
}

describe('enumeration of the register', () => {
  it('rotating IPv6 addresses inside one /64 share one bucket', async () => {
    await startOfSteadyWindow();
    const result = await statuses(11, (i) => ({ 'cf-connecting-ip': `2001:db8:aaaa:1::${(i + 1).toString(16)}` }));
    expect(result).toEqual([...Array(10).fill(404), 429]);
  });

  it('different /64s of one /48 are limited together, more loosely (40 a minute)', async () => {
    await startOfSteadyWindow();
    const result = await statuses(41, (i) => ({ 'cf-connecting-ip': `2001:db8:bbbb:${(i % 8) + 1}::${i + 1}` }));
    expect(result.slice(0, 40).every((s) => s === 404)).toBe(true);
    expect(result[40]).toBe(429);
  });

  it('a spoofed X-Forwarded-For or X-Real-IP changes nothing: only CF-Connecting-IP counts', async () => {
    await startOfSteadyWindow();
    const result = await statuses(11, (i) => ({
      'cf-connecting-ip': '198.51.100.7',
      'x-forwarded-for': `203.0.113.${i}`,
      'x-real-ip': `203.0.113.${100 + i}`,
    }));
    expect(result).toEqual([...Array(10).fill(404), 429]);
  });

  it('requests without CF-Connecting-IP all share one strict bucket', async () => {
    await startOfSteadyWindow();
    const result = await statuses(11, (i) => ({ 'x-forwarded-for': `192.0.2.${i}` }));
    expect(result).toEqual([...Array(10).fill(404), 429]);
  });

  it('IPv4-mapped IPv6 counts as the IPv4 client', async () => {
    await startOfSteadyWindow();
    const result = await statuses(11, (i) => ({ 'cf-connecting-ip': i % 2 === 0 ? '198.51.100.9' : '::ffff:198.51.100.9' }));
    expect(result).toEqual([...Array(10).fill(404), 429]);
  });

  it('limit overrides and the in-memory limiter work only in local development', async () => {
    await startOfSteadyWindow();
    const production = { ENVIRONMENT: 'production', RATE_LIMIT_MODE: 'memory', LOOKUP_RATE_LIMIT: '1000' };
    expect(await statuses(11, () => ({ 'cf-connecting-ip': '198.51.100.20' }), production)).toEqual([...Array(10).fill(404), 429]);
    const local = { ENVIRONMENT: 'test', RATE_LIMIT_MODE: 'memory', LOOKUP_RATE_LIMIT: '1000' };
    expect((await statuses(11, () => ({ 'cf-connecting-ip': '198.51.100.21' }), local)).every((s) => s === 404)).toBe(true);
  });

  it('a global ceiling holds whatever the addresses: 503 busy with Retry-After', async () => {
    await startOfSteadyWindow();
    const ceiling = { RATE_LIMIT_MODE: 'memory', LOOKUP_GLOBAL_RATE_LIMIT: '3' };
    const result = await statuses(4, (i) => ({ 'cf-connecting-ip': `203.0.113.${200 + i}` }), ceiling);
    expect(result).toEqual([404, 404, 404, 503]);
    const busy = await lookup({ 'cf-connecting-ip': '203.0.113.250' }, IDS.bgRegistered, ceiling);
    expect(busy.headers.get('retry-after')).toBe('60');
    expect(((await busy.json()) as { error: { code: string } }).error.code).toBe('busy');
  });

  it('counts answers by outcome for staff, with nothing about the person', async () => {
    const db = database(env.DB);
    await flushOutcomes(db);
    await db.delete(lookupOutcomes);
    await lookup({ 'cf-connecting-ip': '198.51.100.40' }, IDS.bgRegistered);
    await lookup({ 'cf-connecting-ip': '198.51.100.40' }, IDS.bgNotRegistered);
    await lookup({ 'cf-connecting-ip': '198.51.100.40' }, '7501020019');
    await flushOutcomes(db);
    const counted = await db.select().from(lookupOutcomes);
    const byOutcome = Object.fromEntries(counted.map((row) => [row.outcome, row.count]));
    expect(byOutcome).toMatchObject({ found: 1, not_found: 1, invalid: 1 });
    expect(JSON.stringify(counted)).not.toMatch(/7501020|198\.51/);
    // The API and the site count as the channel `web` (text messages as `sms`: test/api/sms/).
    expect(new Set(counted.map((row) => row.channel))).toEqual(new Set(['web']));
    expect(Object.keys(counted[0]!).sort()).toEqual(['channel', 'count', 'day', 'outcome']);
  });
});
