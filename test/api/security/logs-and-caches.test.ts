import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { api } from '#test/api/helpers';
import { IDS, postJson, seedFixtures } from '#test/api/fixtures';

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

const ADDRESS = { country: 'BG', settlement: 'София', street: 'бул. Витоша', number: '17' };
const POSITION = { lat: 42.69771, lon: 23.32189 };

describe('what the logs see', () => {
  it('no address, house number or position in a URL: they travel in POST bodies only', async () => {
    expect((await api(`/api/stations?country=BG&settlement=${encodeURIComponent('София')}&street=x&number=17`)).status).toBe(404);
    // GET .../near reads "near" as a station id and refuses it: a position in a URL never gets an answer.
    const near = await api('/api/stations/near?lat=42.69&lon=23.32');
    expect(near.status).toBe(422);
    expect(await near.text()).not.toContain('stations');
    expect((await api('/api/stations/search', postJson(ADDRESS, '10.40.0.1'))).status).toBe(200);
    expect((await api('/api/stations/near', postJson(POSITION, '10.40.0.1'))).status).toBe(200);
  });

  it('no address, coordinate or number in any line we log, also when the database fails', async () => {
    const lines: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' '))),
    );
    try {
      for (const bindings of [{}, { DB: env.EMPTY_DB }]) {
        await api('/api/stations/search', postJson(ADDRESS, '10.40.0.2'), bindings);
        await api('/api/stations/near', postJson(POSITION, '10.40.0.2'), bindings);
        await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.40.0.2'), bindings);
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    const log = lines.join('\n');
    expect(log).toContain('api error on'); // the database failures were logged, by kind only
    expect(log).not.toMatch(/Витоша|витоша|София|42\.69|23\.32|7501020018|SELECT|select/);
  });
});

describe('what caches may keep', () => {
  it('every personal answer, errors included, is no-store', async () => {
    const answers = [
      await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.41.0.1')),
      await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgNotRegistered }, '10.41.0.1')),
      await api('/api/lookup', postJson({ country: 'BG', idNumber: '7501020019' }, '10.41.0.1')),
      await api('/api/lookup', postJson({}, '10.41.0.1')),
      await api('/api/stations/search', postJson(ADDRESS, '10.41.0.1')),
      await api('/api/stations/search', postJson({ country: 'BG' }, '10.41.0.1')),
      await api('/api/stations/near', postJson(POSITION, '10.41.0.1')),
      await api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'other', details: 'x' }, '10.41.0.1')),
      await api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'nonsense' }, '10.41.0.1')),
    ];
    for (const response of answers) expect(response.headers.get('cache-control'), `${response.status}`).toBe('no-store');
  });

  it('public station answers may be cached for a short time (PUBLIC_CACHE_SECONDS, as wrangler.toml sets it)', async () => {
    for (const path of [
      `/api/stations/${ids.sofia1}`,
      '/api/stations/settlements?country=BG&q=со',
      `/api/stations/streets?country=BG&settlement=${encodeURIComponent('София')}&q=вит`,
    ]) {
      expect((await api(path, {}, { PUBLIC_CACHE_SECONDS: '300' })).headers.get('cache-control'), path).toBe('public, max-age=300');
    }
  });
});
