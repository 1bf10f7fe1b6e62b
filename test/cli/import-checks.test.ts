import { describe, expect, it } from 'vitest';
import { lookupKeyFingerprint } from '#functions/platform/crypto';
import { importCommand } from '#scripts/cli/import';
import { count, importCli, OTHER_LOOKUP_KEY, register, rows, runInProcess, sqliteDatabase, STATIONS, STATIONS_HEADER, TEST_LOOKUP_KEY } from './helpers';

// The import command in-process against SQLite through the tools' D1 interface, a fresh
// database per test (test/cli/import.test.ts runs it once through wrangler).
const T = 120_000;

describe('npm run import refuses', () => {
  it(
    'refuses a LOOKUP_KEY other than the register’s before writing anything; --new-key re-keys on purpose',
    async () => {
      const db = sqliteDatabase();
      const stations = db.file('stations.csv', STATIONS);
      const reg = db.file('register.csv', register(['7501020018', '234601001']));
      expect((await importCli(db, ['--stations', stations, '--register', reg])).status).toBe(0);
      const fingerprint = async () => rows<{ value: string }>(db, "SELECT value FROM app_meta WHERE key = 'lookup_key_fingerprint'")[0]?.value;
      expect(await fingerprint()).toBe(await lookupKeyFingerprint(TEST_LOOKUP_KEY));
      const before = rows(db, 'SELECT * FROM register_entries');

      const wrong = await importCli(db, ['--register', reg], OTHER_LOOKUP_KEY);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('LOOKUP_KEY is not the key this register was imported with: refused, nothing was written');
      expect(rows(db, 'SELECT * FROM register_entries')).toEqual(before);

      const rekey = await importCli(db, ['--register', reg, '--new-key'], OTHER_LOOKUP_KEY);
      expect(rekey.status).toBe(0);
      expect(await fingerprint()).toBe(await lookupKeyFingerprint(OTHER_LOOKUP_KEY));
      expect(rows(db, 'SELECT * FROM register_entries')).not.toEqual(before);
    },
    T,
  );

  it(
    'refuses register rows that point at a mobile section, with line and reason',
    async () => {
      const db = sqliteDatabase();
      const run = await importCli(db, [
        '--stations',
        db.file('stations.csv', STATIONS),
        '--register',
        db.file('register.csv', register(['7501020018', '234601001'], ['8001010008', '234601900'])),
      ]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("register.csv:3: station_number 234601900 is a mobile section: a register row must name the voter's own polling section");
      expect(count(db, 'register_entries')).toBe(0);
    },
    T,
  );

  it(
    'reads Windows-1251 with --encoding windows-1251, and refuses it clearly without, before writing',
    async () => {
      const db = sqliteDatabase();
      const cp1251 = Buffer.from(encode1251(STATIONS));
      const file = db.file('stations-1251.csv', cp1251);
      const refused = await importCli(db, ['--stations', file]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('stations-1251.csv: the file is not valid UTF-8 text (an export in Windows-1251? then add --encoding windows-1251)');
      expect(count(db, 'stations')).toBe(0);
      expect((await importCli(db, ['--stations', file, '--encoding', 'windows-1251'])).status).toBe(0);
      expect(rows<{ name: string }>(db, "SELECT name FROM stations WHERE number = '234601900'")[0]!.name).toBe('Подвижна секция');
    },
    T,
  );

  it(
    'refuses control characters and over-long fields with their lines',
    async () => {
      const db = sqliteDatabase();
      const file = db.file(
        'stations.csv',
        `${STATIONS_HEADER}234601001,Секция\u0007 001,бул. Витоша 17,София,Средец,23 МИР,,,,no\n234601002,${'x'.repeat(201)},бул. Витоша 24,София,Средец,23 МИР,,,,no\n`,
      );
      const run = await importCli(db, ['--stations', file]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual(['stations.csv:2: name holds a control character', 'stations.csv:3: name is longer than 200 characters']);
    },
    T,
  );

  it(
    'refuses a file whose header lacks a column, and a bad command line',
    async () => {
      const db = sqliteDatabase();
      const run = await importCli(db, ['--stations', db.file('broken.csv', 'number,name\n1,x\n')]);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('broken.csv: the header lacks address, settlement, district, constituency, lat, lon, step_free, mobile');
      const wrong = await runInProcess(importCommand, ['--country', 'XX'], db);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('--country must be one of BG, KG, KZ');
      const encoding = await importCli(db, ['--stations', 'x.csv', '--encoding', 'koi8-r']);
      expect(encoding.stderr).toContain('--encoding must be one of utf-8, windows-1251');
    },
    T,
  );
});

/** Windows-1251 bytes of a text (Cyrillic and ASCII only), written by hand: Node encodes only UTF-8. */
function encode1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from(
    [...text].map((char) => {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`not in Windows-1251: ${char}`);
      return byte;
    }),
  );
}
