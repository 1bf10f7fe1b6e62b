import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '#test/api/helpers';
import { postJson, seedFixtures } from '#test/api/fixtures';

const search = (body: Record<string, unknown>) => api('/api/stations/search', postJson(body, '10.3.0.1'));
const near = (body: Record<string, unknown>) => api('/api/stations/near', postJson(body, '10.3.0.2'));

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

type AddressJson = { street: string; matches: { station: { number: string }; ranges: { fromNumber: number; toNumber: number; parity: string }[] }[] };

describe('GET /api/stations (by address)', () => {
  it('goes down to the house number on a street split by side', async () => {
    const odd = (await (await search({ country: 'BG', settlement: 'София', street: 'Витоша', number: '15' })).json()) as AddressJson;
    expect(odd.matches.map((m) => m.station.number)).toEqual(['231502001']);
    const even = (await (await search({ country: 'BG', settlement: 'софия', street: 'бул. витоша', number: '24А' })).json()) as AddressJson;
    expect(even.matches.map((m) => m.station.number)).toEqual(['231502002']);
    expect(even.street).toBe('бул. Витоша');
  });

  it('lists every station of the street without a number, and none past the last range', async () => {
    const all = (await (await search({ country: 'BG', settlement: 'София', street: 'Витоша' })).json()) as AddressJson;
    expect(all.matches.map((m) => m.station.number).sort()).toEqual(['231502001', '231502002']);
    const none = (await (await search({ country: 'BG', settlement: 'София', street: 'Витоша', number: '501' })).json()) as AddressJson;
    expect(none.matches).toEqual([]);
  });

  it('422 names the missing field in the requested language', async () => {
    const response = await search({ country: 'BG', lang: 'ky' });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Айрым жоопторду оңдоо керек.',
        fields: [{ field: 'settlement', code: 'required', message: '«Калктуу конуш» талаасын толтуруңуз.' }],
      },
    });
  });

  it('scopes the answer to one election: another election’s stations are not mixed in', async () => {
    const named = await search({ country: 'BG', settlement: 'София', street: 'Витоша', election: 'bg-2024-06-09' });
    expect(((await named.json()) as AddressJson).matches).toHaveLength(2);
    const other = await search({ country: 'BG', settlement: 'София', election: 'kg-2024-voter-list' });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { error: { fields: { field: string; code: string }[] } }).error.fields).toEqual([
      expect.objectContaining({ field: 'election', code: 'invalid_choice' }),
    ]);
  });

  it('422 for a house number that is not one', async () => {
    const response = await search({ country: 'BG', settlement: 'София', street: 'Витоша', number: 'abc' });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { fields: { field: string; code: string }[] } }).error.fields).toEqual([
      expect.objectContaining({ field: 'number', code: 'invalid_format' }),
    ]);
  });
});

describe('suggestions', () => {
  it('suggests settlements and streets', async () => {
    expect(await (await api('/api/stations/settlements?country=BG&q=со')).json()).toEqual({ settlements: ['София'] });
    expect(await (await api('/api/stations/streets?country=BG&settlement=София&q=вит')).json()).toEqual({ streets: ['бул. Витоша'] });
  });
});

describe('GET /api/stations/near', () => {
  it('lists the nearest stations with distances in metres, nearest first', async () => {
    const response = await near({ lat: 42.6977, lon: 23.3219, limit: 2 });
    const body = (await response.json()) as { stations: { station: { number: string }; distance: number }[] };
    expect(body.stations.map((s) => s.station.number)).toEqual(['231502001', '231502002']);
    // The position is rounded to about 100 m (42.698, 23.322) before it is used.
    expect(body.stations[0]!.distance).toBe(34);
    expect(body.stations[1]!.distance).toBeGreaterThan(900);
    expect(body.stations[1]!.distance).toBeLessThan(1200);
  });

  it('only lists stations of one election per country: the current one, or the one named', async () => {
    type Near = { stations: { station: { number: string; electionId: string } }[] };
    const sofia = (await (await near({ lat: 42.6977, lon: 23.3219 })).json()) as Near;
    expect(sofia.stations.map((s) => s.station.electionId)).toEqual(['bg-2024-06-09', 'bg-2024-06-09']);
    const otherElection = (await (await near({ lat: 42.6977, lon: 23.3219, election: 'kg-2024-voter-list' })).json()) as Near;
    expect(otherElection.stations).toEqual([]);
    const bishkek = (await (await near({ lat: 42.8746, lon: 74.5698, country: 'KG' })).json()) as Near;
    expect(bishkek.stations.map((s) => s.station.number)).toEqual(['1001']);
    const mismatch = await near({ lat: 42.8746, lon: 74.5698, country: 'KG', election: 'bg-2024-06-09' });
    expect(mismatch.status).toBe(422);
  });

  it('422 lists every wrong number with its limit', async () => {
    const response = await near({ lat: 95, lon: 'abc', limit: 50 });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { fields: { field: string; code: string; message: string }[] } }).error.fields).toEqual([
      { field: 'lat', code: 'too_big', message: '“Latitude” must be at most 90.' },
      { field: 'lon', code: 'not_a_number', message: '“Longitude” must be a number.' },
      { field: 'limit', code: 'too_big', message: '“Number of results” must be at most 20.' },
    ]);
  });

  it('reads a number or the text of one, and nothing else: an empty latitude is not the equator (found by the fuzz run)', async () => {
    const fields = async (body: Record<string, unknown>) => {
      const response = await near(body);
      return [
        response.status,
        ((await response.json()) as { error?: { fields: { field: string; code: string }[] } }).error?.fields.map((f) => `${f.field} ${f.code}`),
      ];
    };
    expect(await fields({ lat: '', lon: ' ' })).toEqual([422, ['lat required', 'lon required']]);
    expect(await fields({ lat: null, lon: false })).toEqual([422, ['lat required', 'lon not_a_number']]);
    expect(await fields({ lat: true, lon: [23.32] })).toEqual([422, ['lat not_a_number', 'lon not_a_number']]);
    expect(await fields({ lat: 42.6977, lon: 23.3219, limit: '0x10' })).toEqual([422, ['limit not_a_number']]);
    // Text that spells a number is read, as a form sends it.
    expect(await fields({ lat: ' 42.6977 ', lon: '23.3219', limit: '1' })).toEqual([200, undefined]);
  });
});

describe('GET /api/stations/:id', () => {
  it('returns one station, or a JSON 404', async () => {
    const found = await api(`/api/stations/${ids.almaty}`);
    expect(((await found.json()) as { station: { number: string } }).station.number).toBe('101');
    const missing = await api('/api/stations/999999');
    expect(missing.status).toBe(404);
  });
});
