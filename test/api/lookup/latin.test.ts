import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { addressRanges } from '#db/schema';
import { placeKey } from '#core/lookup/normalize';
import { searchKey } from '#core/lookup/search-key';
import type { Country } from '#core/countries';
import { api, countingDatabase } from '#test/api/helpers';
import { postJson, seedFixtures } from '#test/api/fixtures';

type AddressJson = { settlement: string; street?: string; matches: { station: { number: string } }[] };
const search = async (body: Record<string, unknown>, bindings: Partial<Cloudflare.Env> = {}) => {
  const response = await api('/api/stations/search', postJson(body, '10.4.0.1'), bindings);
  expect(response.status).toBe(200);
  return (await response.json()) as AddressJson;
};
const numbers = (answer: AddressJson) => answer.matches.map((m) => m.station.number).sort();
const suggest = async (kind: 'settlements' | 'streets', query: Record<string, string>) =>
  ((await (await api(`/api/stations/${kind}?${new URLSearchParams(query)}`)).json()) as Record<string, string[]>)[kind];

/** A range the way the importer writes it, with its search keys. */
const range = (country: Country, electionId: string, settlement: string, street: string, stationId: number) => ({
  country,
  electionId,
  stationId,
  settlementKey: placeKey(settlement),
  settlementSearchKey: searchKey(settlement, country),
  street,
  streetKey: placeKey(street),
  streetSearchKey: searchKey(street, country),
  fromNumber: 1,
  toNumber: 99,
  parity: 'all' as const,
  source: 'fixture.csv',
});

beforeAll(async () => {
  const ids = await seedFixtures();
  await database(env.DB)
    .insert(addressRanges)
    .values([
      range('BG', 'bg-2024-06-09', 'София', 'ж.к. Младост 1', ids.sofia2),
      range('KG', 'kg-2024-voter-list', 'Бишкек', 'Чүй проспекти', ids.bishkek),
      range('KZ', 'kz-2026-referendum', 'Алматы', 'Абай даңғылы', ids.almaty),
      // A row loaded before migration 0007: it holds its Cyrillic keys as search keys until the next import.
      { ...range('BG', 'bg-2024-06-09', 'София', 'ул. Шипка', ids.sofia1), settlementSearchKey: placeKey('София'), streetSearchKey: placeKey('ул. Шипка') },
    ]);
});

describe('address search typed in Latin', () => {
  it('finds the station "София, бул. Витоша 17" finds, in the official and the usual romanisations', async () => {
    const cyrillic = await search({ country: 'BG', settlement: 'София', street: 'бул. Витоша', number: '17' });
    expect(numbers(cyrillic)).toEqual(['231502001']);
    for (const [settlement, street] of [
      ['Sofia', 'Vitosha'],
      ['Sofiya', 'bul. Vitosha'],
      ['SOFIA', 'Vitosha Blvd.'],
      ['gr. Sofia', 'Witosha'],
    ]) {
      const latin = await search({ country: 'BG', settlement, street, number: '17' });
      expect(numbers(latin), `${settlement}, ${street}`).toEqual(['231502001']);
      expect(latin.street).toBe('бул. Витоша');
    }
    expect(numbers(await search({ country: 'BG', settlement: 'Sofia', street: 'Vitosha', number: '24' }))).toEqual(['231502002']);
  });

  it('finds a settlement without a street, and a housing estate typed with "zhk" or "j.k."', async () => {
    expect(numbers(await search({ country: 'BG', settlement: 'Sofia' }))).toEqual(['231502001', '231502002']);
    for (const street of ['Zhk Mladost 1', 'j.k. Mladost 1', 'ж.к. Младост 1']) {
      expect(numbers(await search({ country: 'BG', settlement: 'Sofia', street, number: '5' })), street).toEqual(['231502002']);
    }
  });

  it('finds Kyrgyz and Kazakh streets typed in Latin', async () => {
    for (const street of ['Chui', 'Chuy prospekti', 'Чүй проспекти']) {
      expect(numbers(await search({ country: 'KG', settlement: 'Bishkek', street, number: '7' })), street).toEqual(['1001']);
    }
    for (const street of ['Abai', 'Abay avenue', 'Abai dañğyly', 'Абай даңғылы']) {
      expect(numbers(await search({ country: 'KZ', settlement: 'Almaty', street, number: '2', election: 'kz-2026-referendum' })), street).toEqual(['101']);
    }
  });

  it('still finds rows loaded before the Latin keys, by their Cyrillic name (until they are imported again)', async () => {
    expect(numbers(await search({ country: 'BG', settlement: 'София', street: 'ул. Шипка', number: '3' }))).toEqual(['231502001']);
  });

  it('finds nothing when only a street type was typed', async () => {
    expect((await search({ country: 'BG', settlement: 'Sofia', street: 'bul.' })).matches).toEqual([]);
  });

  it('is one D1 query, in Latin as in Cyrillic', async () => {
    const counter = countingDatabase();
    const sequences: number[] = [];
    for (const body of [
      { country: 'BG', settlement: 'Sofia', street: 'Vitosha', number: '17' },
      { country: 'BG', settlement: 'София', street: 'бул. Витоша', number: '17' },
      { country: 'BG', settlement: 'Sofija', street: 'Car Jordan' }, // four readings
      { country: 'BG', settlement: 'Sofia' },
    ]) {
      counter.reset();
      await search(body, { DB: counter.db });
      sequences.push(counter.prepared);
    }
    expect(sequences).toEqual([1, 1, 1, 1]);
  });
});

describe('suggestions typed in Latin', () => {
  it('suggest settlements and streets by their Cyrillic names', async () => {
    expect(await suggest('settlements', { country: 'BG', q: 'sof' })).toEqual(['София']);
    expect(await suggest('settlements', { country: 'KZ', q: 'Alm', election: 'kz-2026-referendum' })).toEqual(['Алматы']);
    expect(await suggest('streets', { country: 'BG', settlement: 'Sofia', q: 'vit' })).toEqual(['бул. Витоша']);
    expect(await suggest('streets', { country: 'BG', settlement: 'Sofia', q: 'bul. Wit' })).toEqual(['бул. Витоша']);
    expect(await suggest('streets', { country: 'BG', settlement: 'Sofia', q: 'mlad' })).toEqual(['ж.к. Младост 1']);
    expect(await suggest('streets', { country: 'KG', settlement: 'Bishkek', q: 'chu' })).toEqual(['Чүй проспекти']);
    expect(await suggest('streets', { country: 'KZ', settlement: 'Almaty', q: 'Aba', election: 'kz-2026-referendum' })).toEqual(['Абай даңғылы']);
  });

  it('still suggest in Cyrillic, and everything when nothing is typed yet', async () => {
    expect(await suggest('streets', { country: 'BG', settlement: 'София', q: 'вит' })).toEqual(['бул. Витоша']);
    expect(await suggest('streets', { country: 'BG', settlement: 'Sofia', q: '' })).toEqual(['бул. Витоша', 'ж.к. Младост 1']);
  });

  it('are one D1 query each', async () => {
    const counter = countingDatabase();
    await api('/api/stations/streets?country=BG&settlement=Sofia&q=Car%20J', {}, { DB: counter.db });
    expect(counter.prepared).toBe(1);
    counter.reset();
    await api('/api/stations/settlements?country=BG&q=Sofi', {}, { DB: counter.db });
    expect(counter.prepared).toBe(1);
  });
});
