import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { stations } from '#db/schema';
import { BOOKMARK_HEADER } from '#functions/platform/d1-sessions';
import { api } from '#test/api/helpers';
import { IDS, postJson, seedFixtures } from '#test/api/fixtures';

// The test pool turns the edge cache off (vitest.api.config.ts) so other files read D1 every
// time; here it is on, as in production.
const CACHED = { PUBLIC_CACHE_SECONDS: '300' };
let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

const rename = (id: number, name: string) => database(env.DB).update(stations).set({ name }).where(eq(stations.id, id));
type StationJson = { station: { name: string } };

describe('public answers at the edge (Workers Cache API)', () => {
  it('serves a station by id from the edge cache for PUBLIC_CACHE_SECONDS, then from D1 once it is off', async () => {
    const first = await api(`/api/stations/${ids.sofia1}`, {}, CACHED);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    expect(((await first.json()) as StationJson).station.name).toBe('Секция 001, 15 СУ');

    await rename(ids.sofia1, 'Секция 001, преместена');
    const cached = await api(`/api/stations/${ids.sofia1}`, {}, CACHED);
    expect(((await cached.json()) as StationJson).station.name).toBe('Секция 001, 15 СУ');
    expect(cached.headers.get('x-content-type-options')).toBe('nosniff');

    const off = await api(`/api/stations/${ids.sofia1}`, {}, { PUBLIC_CACHE_SECONDS: '0' });
    expect(off.headers.get('cache-control')).toBe('no-cache');
    expect(((await off.json()) as StationJson).station.name).toBe('Секция 001, преместена');
  });

  it('takes the lifetime from configuration, and ignores a value that is not a number of seconds', async () => {
    const url = '/api/stations/settlements?country=BG&q=%D0%A1%D0%BE';
    expect((await api(url, {}, { PUBLIC_CACHE_SECONDS: '45' })).headers.get('cache-control')).toBe('public, max-age=45');
    expect((await api(`${url}&lang=en`, {}, { PUBLIC_CACHE_SECONDS: 'a lot' })).headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('never keeps an error, nor a POST: the address search and the personal lookup always read D1', async () => {
    expect((await api('/api/stations/abc', {}, CACHED)).headers.get('cache-control')).toBe('no-store');
    const search = async () =>
      (await (
        await api('/api/stations/search', postJson({ country: 'BG', settlement: 'София', street: 'Витоша', number: '17' }, '10.9.0.1'), CACHED)
      ).json()) as { matches: StationJson[] };
    const before = (await search()).matches[0]!.station.name;
    await rename(ids.sofia1, `${before} (2)`);
    expect((await search()).matches[0]!.station.name).toBe(`${before} (2)`);

    const lookup = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.9.0.2'), CACHED);
    expect(lookup.status).toBe(200);
    expect(lookup.headers.get('cache-control')).toBe('no-store');
  });
});

describe('D1 read replication (Sessions API)', () => {
  it('answers the read-only lookup paths with a session bookmark, and takes it back', async () => {
    const first = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.9.1.1'));
    const bookmark = first.headers.get(BOOKMARK_HEADER);
    expect(bookmark).toMatch(/^[0-9a-f]+(?:-[0-9a-f]+)*$/i);
    const body = await first.json();

    const again = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.9.1.1', { [BOOKMARK_HEADER]: bookmark! }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(body);
    // A bookmark is never older than the one sent (D1 compares them as strings).
    expect(again.headers.get(BOOKMARK_HEADER)! >= bookmark!).toBe(true);

    for (const path of [`/api/stations/${ids.sofia2}`, '/api/stations/streets?country=BG&settlement=%D0%A1%D0%BE%D1%84%D0%B8%D1%8F&q=vit']) {
      expect((await api(path)).headers.get(BOOKMARK_HEADER), path).toMatch(/^[0-9a-f-]+$/i);
    }
    const near = await api('/api/stations/near', postJson({ lat: 42.7, lon: 23.33 }, '10.9.1.2'));
    expect(near.headers.get(BOOKMARK_HEADER)).toMatch(/^[0-9a-f-]+$/i);
  });

  it('ignores a bookmark that is not one instead of failing the lookup', async () => {
    for (const junk of ['first-primary', "'; DROP TABLE stations; --", 'x'.repeat(300)]) {
      const response = await api(
        '/api/stations/search',
        postJson({ country: 'BG', settlement: 'София', street: 'Витоша' }, '10.9.2.1', { [BOOKMARK_HEADER]: junk }),
      );
      expect(response.status, junk).toBe(200);
    }
  });

  it('keeps what voters write, and the status they read back, on the primary: no bookmark there', async () => {
    const districts = await api('/api/mobile-box-requests/districts');
    expect(districts.headers.get(BOOKMARK_HEADER)).toBeNull();
    const status = await api('/api/mobile-box-requests/status', postJson({ reference: 'AAAAA-AAAAA', idNumber: IDS.bgRegistered }, '10.9.3.1'));
    expect(status.headers.get(BOOKMARK_HEADER)).toBeNull();
  });
});
