import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { settlementNames, stations } from '#db/schema';
import { placeKey } from '#core/lookup/normalize';
import { queryKeys, searchKey } from '#core/lookup/search-key';
import { settlementSuggestionsQuery } from '#functions/lookup/stations';
import { api } from '#test/api/helpers';
import { seedFixtures } from '#test/api/fixtures';

const ELECTION = 'bg-2024-06-09';
const db = database(env.DB);
const station = (number: string, settlement: string) => ({
  country: 'BG' as const,
  electionId: ELECTION,
  number,
  name: `Секция ${number}`,
  address: 'ул. Главна 1',
  settlement,
  settlementKey: placeKey(settlement),
  settlementSearchKey: searchKey(settlement, 'BG'),
  district: settlement,
  constituency: '16 МИР',
  source: 'fixture.csv',
  updatedAt: '2024-05-01T00:00:00.000Z',
});
const suggest = async (q: string): Promise<string[]> =>
  ((await (await api(`/api/stations/settlements?${new URLSearchParams({ country: 'BG', q })}`)).json()) as { settlements: string[] }).settlements;
const names = async () =>
  (
    await db
      .select({ name: settlementNames.name })
      .from(settlementNames)
      .where(and(eq(settlementNames.country, 'BG'), eq(settlementNames.electionId, ELECTION)))
  )
    .map((row) => row.name)
    .sort();

beforeAll(async () => {
  await seedFixtures();
  // 200 stations in Plovdiv: the suggestions must not read them one by one.
  const [first, ...rest] = Array.from({ length: 200 }, (_, i) => db.insert(stations).values(station(`16220${String(i).padStart(4, '0')}`, 'Пловдив')));
  await db.batch([first!, ...rest]);
});

describe('settlement names for the suggestions', () => {
  it('holds each settlement of an election once, whatever wrote its stations', async () => {
    expect(await names()).toEqual(['Пловдив', 'София']);
    expect(await suggest('Plov')).toEqual(['Пловдив']);
    expect(await suggest('Соф')).toEqual(['София']);
  });

  it('reads the names that match, not their stations (D1 rows_read)', async () => {
    const rowsRead = async (q: string) => {
      const { sql, params } = settlementSuggestionsQuery(db, { country: 'BG', electionId: ELECTION, prefixKeys: queryKeys(q, 'BG') }).toSQL();
      return (
        await env.DB.prepare(sql)
          .bind(...params)
          .all()
      ).meta.rows_read;
    };
    // A row or two per reading of the query (its Latin and Cyrillic keys), against 200 stations.
    expect(await rowsRead('Plov')).toBeLessThanOrEqual(4);
    expect(await rowsRead('Sofi')).toBeLessThanOrEqual(4);
  });

  it('follows an import that moves a station to another settlement, and drops a name with its last station', async () => {
    // The importer upserts stations by their number (ON CONFLICT DO UPDATE), as here.
    const move = (number: string, settlement: string) =>
      db
        .insert(stations)
        .values(station(number, settlement))
        .onConflictDoUpdate({
          target: [stations.country, stations.electionId, stations.number],
          set: { settlement, settlementKey: placeKey(settlement), settlementSearchKey: searchKey(settlement, 'BG') },
        });
    await move('162200000', 'Асеновград');
    expect(await names()).toEqual(['Асеновград', 'Пловдив', 'София']);
    // Unchanged fields in the update leave the name alone.
    await move('162200001', 'Пловдив');
    expect(await names()).toEqual(['Асеновград', 'Пловдив', 'София']);
    await move('162200000', 'Пловдив');
    expect(await names()).toEqual(['Пловдив', 'София']);
    expect(await suggest('Asen')).toEqual([]);

    await db.insert(stations).values(station('190000001', 'Велинград'));
    expect(await suggest('Velin')).toEqual(['Велинград']);
    await db.delete(stations).where(eq(stations.number, '190000001'));
    expect(await names()).toEqual(['Пловдив', 'София']);
  });
});
