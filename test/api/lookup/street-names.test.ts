import { env } from 'cloudflare:workers';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { addressRanges, importGenerations, stations, streetNames } from '#db/schema';
import { deleteOtherGenerations } from '#scripts/import/generations';
import { placeKey } from '#core/lookup/normalize';
import { queryKeys, searchKey } from '#core/lookup/search-key';
import { streetSuggestionsQuery } from '#functions/lookup/stations';
import { api } from '#test/api/helpers';
import { seedFixtures } from '#test/api/fixtures';

const ELECTION = 'bg-2024-06-09';
const db = database(env.DB);
let sofia1 = 0;
let sofia2 = 0;
const range = (street: string, fromNumber: number, generation = 0, stationId = sofia1) => ({
  generation,
  stationId,
  country: 'BG' as const,
  electionId: ELECTION,
  settlementKey: placeKey('София'),
  settlementSearchKey: searchKey('София', 'BG'),
  street,
  streetKey: placeKey(street),
  streetSearchKey: searchKey(street, 'BG'),
  fromNumber,
  toNumber: fromNumber,
  parity: 'all' as const,
  source: 'fixture.csv',
});
const insertRanges = async (rows: ReturnType<typeof range>[]) => {
  const [first, ...rest] = rows.map((row) => db.insert(addressRanges).values(row));
  await db.batch([first!, ...rest]);
};
const suggest = async (q: string): Promise<string[]> =>
  ((await (await api(`/api/stations/streets?${new URLSearchParams({ country: 'BG', settlement: 'Sofia', q })}`)).json()) as { streets: string[] }).streets;
const names = async (generation = 0) =>
  (
    await db
      .select({ name: streetNames.name })
      .from(streetNames)
      .where(and(eq(streetNames.electionId, ELECTION), eq(streetNames.generation, generation)))
  )
    .map((row) => row.name)
    .sort();

beforeAll(async () => {
  ({ sofia1, sofia2 } = await seedFixtures());
  // 300 single-house ranges of one long street: the suggestions must not read them one by one.
  await insertRanges([...Array.from({ length: 300 }, (_, i) => range('ул. Цар Симеон', i + 1)), range('ул. Граф Игнатиев', 1), range('ж.к. Младост 1', 1)]);
});

describe('street names for the suggestions', () => {
  it('holds each street of a settlement once, however many ranges it has', async () => {
    expect(await names()).toEqual(['бул. Витоша', 'ж.к. Младост 1', 'ул. Граф Игнатиев', 'ул. Цар Симеон']);
    expect(await suggest('Car S')).toEqual(['ул. Цар Симеон']);
    expect(await suggest('игнат')).toEqual(['ул. Граф Игнатиев']);
    expect(await suggest('')).toEqual(['бул. Витоша', 'ж.к. Младост 1', 'ул. Граф Игнатиев', 'ул. Цар Симеон']);
  });

  it("reads the settlement's streets, not their ranges (D1 rows_read)", async () => {
    const rowsRead = async (q: string) => {
      const query = { country: 'BG' as const, electionId: ELECTION, settlementKeys: queryKeys('София', 'BG'), partKeys: queryKeys(q, 'BG') };
      const { sql, params } = streetSuggestionsQuery(db, query).toSQL();
      return (
        await env.DB.prepare(sql)
          .bind(...params)
          .all()
      ).meta.rows_read;
    };
    const before = { all: await rowsRead(''), one: await rowsRead('Car S') };
    // A few rows per street (the index entries and the sort), against 303 ranges.
    expect(before.all).toBeLessThanOrEqual(3 * 4);
    // 300 more ranges of a street already there read nothing more.
    await insertRanges(Array.from({ length: 300 }, (_, i) => range('ул. Цар Симеон', 301 + i)));
    expect({ all: await rowsRead(''), one: await rowsRead('Car S') }).toEqual(before);
  });

  it('follows an upsert that renames a street, and drops a name with its last range', async () => {
    // The importer upserts ranges by their natural key (ON CONFLICT DO UPDATE), as here.
    const rename = (fromNumber: number, street: string) =>
      db
        .insert(addressRanges)
        .values(range(street, fromNumber))
        .onConflictDoUpdate({
          target: [
            addressRanges.country,
            addressRanges.electionId,
            addressRanges.generation,
            addressRanges.settlementKey,
            addressRanges.streetKey,
            addressRanges.fromNumber,
            addressRanges.toNumber,
            addressRanges.parity,
          ],
          set: { street, streetSearchKey: searchKey(street, 'BG') },
        });
    await rename(1, 'бул. Граф Игнатиев'); // the same key (the street-type word is not part of it)
    expect(await names()).toEqual(['бул. Витоша', 'бул. Граф Игнатиев', 'ж.к. Младост 1', 'ул. Цар Симеон']);
    // Unchanged values in the update leave the name alone.
    await rename(5, 'ул. Цар Симеон');
    expect(await names()).toContain('ул. Цар Симеон');

    await db.delete(addressRanges).where(and(eq(addressRanges.streetKey, placeKey('ж.к. Младост 1')), eq(addressRanges.generation, 0)));
    expect(await names()).toEqual(['бул. Витоша', 'бул. Граф Игнатиев', 'ул. Цар Симеон']);
    expect(await suggest('mlad')).toEqual([]);
  });

  it('keeps generations apart: a new import answers once switched, and the old one goes with its ranges', async () => {
    await insertRanges([range('бул. Витоша', 1, 1, sofia2), range('ул. Шипка', 1, 1)]);
    expect(await names(1)).toEqual(['бул. Витоша', 'ул. Шипка']);
    expect(await suggest('ship')).toEqual([]); // generation 0 still answers
    await db
      .update(importGenerations)
      .set({ active: 1 })
      .where(and(eq(importGenerations.electionId, ELECTION), eq(importGenerations.dataset, 'ranges')));
    expect(await suggest('')).toEqual(['бул. Витоша', 'ул. Шипка']);

    await env.DB.prepare(deleteOtherGenerations(ELECTION, 'ranges', 1)).run();
    expect(await names(0)).toEqual([]);
    expect(await names(1)).toEqual(['бул. Витоша', 'ул. Шипка']);
  });

  it('drops the names of a station deleted with its ranges (ON DELETE CASCADE)', async () => {
    await db.delete(stations).where(eq(stations.id, sofia1));
    expect(await names(1)).toEqual(['бул. Витоша']); // the other Sofia station's range keeps its street
  });
});
