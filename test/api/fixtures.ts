import { env } from 'cloudflare:workers';
import { database } from '#db/client';
import { addressRanges, importGenerations, registerEntries, stations } from '#db/schema';
import { placeKey } from '#core/lookup/normalize';
import { searchKey } from '#core/lookup/search-key';
import { personalNumberHash } from '#functions/platform/crypto';

/** Valid personal numbers (checksums right) used by the API tests. */
export const IDS = {
  bgRegistered: '7501020018',
  bgNotRegistered: '8001010008',
  bgLnchRegistered: '1000000001',
  kgRegistered: '21503198512345',
  kzRegistered: '900101300017',
};

const now = '2026-11-22T00:00:00.000Z';
const base = {
  electionId: 'bg-2024-06-09',
  source: 'fixture.csv',
  updatedAt: now,
  settlement: 'София',
  settlementKey: placeKey('София'),
  settlementSearchKey: searchKey('София', 'BG'),
} as const;

/** A few real rows in the real local D1: two Sofia sections sharing a street, one in Bishkek, one in Almaty. */
export async function seedFixtures() {
  const db = database(env.DB);
  const [s1, s2, kg, kz] = await db
    .insert(stations)
    .values([
      {
        ...base,
        country: 'BG',
        number: '231502001',
        name: 'Секция 001, 15 СУ',
        address: 'бул. Витоша 17',
        district: 'район Младост',
        constituency: '23 МИР',
        lat: 42.6977,
        lon: 23.3219,
        stepFree: true,
      },
      {
        ...base,
        country: 'BG',
        number: '231502002',
        name: 'Секция 002, 16 СУ',
        address: 'бул. Витоша 24',
        district: 'район Младост',
        constituency: '23 МИР',
        lat: 42.705,
        lon: 23.33,
        stepFree: false,
      },
      {
        country: 'KG',
        electionId: 'kg-2024-voter-list',
        number: '1001',
        name: '№1001 шайлоо участогу',
        address: 'Бишкек, Чүй проспекти, 20',
        settlement: 'Бишкек',
        settlementKey: placeKey('Бишкек'),
        settlementSearchKey: searchKey('Бишкек', 'KG'),
        district: 'Ленин району',
        constituency: 'Ленин району',
        lat: 42.8746,
        lon: 74.5698,
        stepFree: null,
        source: 'fixture.csv',
        updatedAt: now,
      },
      {
        country: 'KZ',
        electionId: 'kz-2026-referendum',
        number: '101',
        name: '№101 референдум учаскесі',
        address: 'Алматы, Абай даңғылы, 20',
        settlement: 'Алматы',
        settlementKey: placeKey('Алматы'),
        settlementSearchKey: searchKey('Алматы', 'KZ'),
        district: 'Алмалы ауданы',
        constituency: 'Алмалы ауданы',
        lat: 43.2389,
        lon: 76.8897,
        stepFree: true,
        source: 'fixture.csv',
        updatedAt: now,
      },
    ])
    .returning({ id: stations.id });
  const street = {
    country: 'BG' as const,
    electionId: 'bg-2024-06-09',
    settlementKey: placeKey('София'),
    settlementSearchKey: searchKey('София', 'BG'),
    street: 'бул. Витоша',
    streetKey: placeKey('бул. Витоша'),
    streetSearchKey: searchKey('бул. Витоша', 'BG'),
    source: 'fixture.csv',
  };
  await db.insert(addressRanges).values([
    { ...street, stationId: s1!.id, fromNumber: 1, toNumber: 99, parity: 'odd' },
    { ...street, stationId: s2!.id, fromNumber: 2, toNumber: 100, parity: 'even' },
  ]);
  const hash = (country: string, id: string) => personalNumberHash(env.LOOKUP_KEY, country, id);
  await db.insert(registerEntries).values([
    { electionId: 'bg-2024-06-09', idHash: await hash('BG', IDS.bgRegistered), stationId: s2!.id },
    { electionId: 'bg-2024-06-09', idHash: await hash('BG', IDS.bgLnchRegistered), stationId: s1!.id },
    { electionId: 'kg-2024-voter-list', idHash: await hash('KG', IDS.kgRegistered), stationId: kg!.id },
    { electionId: 'kz-2026-referendum', idHash: await hash('KZ', IDS.kzRegistered), stationId: kz!.id },
  ]);
  // The rows above are generation 0 of each election's register and ranges: make it the one that answers.
  await db
    .insert(importGenerations)
    .values(
      ['bg-2024-06-09', 'kg-2024-voter-list', 'kz-2026-referendum'].flatMap((electionId) =>
        (['register', 'ranges'] as const).map((dataset) => ({ electionId, dataset, active: 0, updatedAt: now })),
      ),
    );
  return { sofia1: s1!.id, sofia2: s2!.id, bishkek: kg!.id, almaty: kz!.id };
}

/** JSON POST with a client address, so each test has its own rate-limit bucket. */
export function postJson(body: unknown, client: string, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', 'cf-connecting-ip': client, ...headers }, body: JSON.stringify(body) };
}
