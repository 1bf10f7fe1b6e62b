import { describe, expect, it } from 'vitest';
import {
  count,
  exec,
  importCli,
  register,
  rows,
  spawnTool,
  sqliteDatabase,
  STATIONS,
  STATIONS_HEADER,
  TEST_LOOKUP_KEY,
  wranglerDatabase,
  type TestDatabase,
} from './helpers';

// The import command in-process against SQLite through the tools' D1 interface, a fresh
// database per test; then once for real, through wrangler into a local D1.
const T = 120_000;
const ACTIVE = "(SELECT active FROM import_generations WHERE election_id = 'bg-2024-06-09' AND dataset = 'register')";
const ACTIVE_RANGES = "(SELECT active FROM import_generations WHERE election_id = 'bg-2024-06-09' AND dataset = 'ranges')";
const answering = (db: TestDatabase) => count(db, `register_entries WHERE generation = ${ACTIVE}`);

describe('npm run import', () => {
  it(
    'reports every bad row with its line and reason, loads good stations, and replaces nothing while rows are bad',
    async () => {
      const db = sqliteDatabase();
      const stations = db.file(
        'stations.csv',
        '\ufeff' +
          STATIONS_HEADER.replace('\n', '\r\n') +
          '234601001,"Секция 001, ""12 СУ""",бул. Витоша 17,София,Средец,23 МИР,42.69,23.32,yes,no\r\n\r\n' +
          '234601002,Секция 002,бул. Витоша 24,София,Средец,23 МИР,,,,\r\n' +
          '12345,Bad number,x,София,Средец,23 МИР,,,,\r\n' +
          '234601003,Bad lat,x,София,Средец,23 МИР,95,23.3,,\r\n',
      );
      const ranges = db.file(
        'ranges.csv',
        'settlement,street,from,to,parity,station_number\nСофия,бул. Витоша,1,99,odd,234601001\nСофия,бул. Витоша,50,10,all,234601001\n',
      );
      const reg = db.file('register.csv', register(['7501020018', '234601001'], ['7501020019', '234601001']));
      const run = await importCli(db, ['--stations', stations, '--ranges', ranges, '--register', reg]);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toEqual([
        'stations.csv:5: number "12345" is not a 9-digit section code',
        'stations.csv:6: lat "95" is not a latitude',
        'ranges.csv:3: from 50 is after to 10',
        'register.csv:3: id_number is not a valid EGN (check-digit)',
        'ranges: not replaced because rows were bad; the previous ranges still answers. Fix the rows and import again.',
        'register: not replaced because rows were bad; the previous register still answers. Fix the rows and import again.',
      ]);
      expect(run.stdout + run.stderr).not.toContain('7501020019');
      expect(count(db, 'stations')).toBe(2);
      expect(count(db, 'address_ranges')).toBe(0);
      expect(count(db, 'register_entries')).toBe(0);
      expect(rows<{ name: string }>(db, "SELECT name FROM stations WHERE number = '234601001'")[0]!.name).toBe('Секция 001, "12 СУ"');
    },
    T,
  );

  it(
    'replaces the register: the same file changes nothing, a person missing from a new file is gone, a station missing is reported',
    async () => {
      const db = sqliteDatabase();
      const stations = db.file('stations.csv', STATIONS);
      const both = db.file('both.csv', register(['7501020018', '234601001'], ['8001010008', '234601002']));
      expect((await importCli(db, ['--stations', stations, '--register', both])).status).toBe(0);
      const hashes = rows<{ id_hash: string; station_id: number }>(db, 'SELECT id_hash, station_id FROM register_entries ORDER BY id_hash');
      expect(hashes).toHaveLength(2);
      expect(JSON.stringify(hashes)).not.toContain('7501020018');

      expect((await importCli(db, ['--register', both])).status).toBe(0);
      expect(rows(db, 'SELECT id_hash, station_id FROM register_entries ORDER BY id_hash')).toEqual(hashes);

      const one = db.file('one.csv', register(['7501020018', '234601001']));
      expect((await importCli(db, ['--register', one])).status).toBe(0);
      expect(count(db, 'register_entries')).toBe(1);
      expect(answering(db)).toBe(1);

      const fewer = db.file('fewer.csv', `${STATIONS_HEADER}234601001,Секция 001,бул. Витоша 17,София,Средец,23 МИР,42.69,23.32,yes,no\n`);
      const run = await importCli(db, ['--stations', fewer]);
      expect(run.status).toBe(0);
      expect(run.stderr).toContain('stations: 2 stations in D1 are not in this file (kept): 234601002, 234601900');
    },
    T,
  );

  it(
    'leaves the previous register answering when a batch fails half-way, and clears the half-loaded rows',
    async () => {
      const db = sqliteDatabase();
      const stations = db.file('stations.csv', STATIONS);
      expect((await importCli(db, ['--stations', stations, '--register', db.file('v1.csv', register(['7501020018', '234601001']))])).status).toBe(0);
      // A failure in the second batch: a trigger refuses any row for section 002 (the batch is
      // undone as a whole, on SQLite as on D1).
      const id = rows<{ id: number }>(db, "SELECT id FROM stations WHERE number = '234601002'")[0]!.id;
      exec(db, `CREATE TRIGGER refuse_002 BEFORE INSERT ON register_entries WHEN NEW.station_id = ${id} BEGIN SELECT RAISE(ABORT, 'refused'); END;`);
      const v2 = db.file('v2.csv', register(['8001010008', '234601001'], ['8912315676', '234601001'], ['9945123752', '234601002']));
      const run = await importCli(db, ['--register', v2, '--batch-size', '2']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('register: the import failed, so the previous register still answers');
      expect(answering(db)).toBe(1);
      expect(count(db, 'register_entries')).toBe(1);
    },
    T,
  );

  it(
    "keeps the street suggestions' names in step with each import of the ranges (the triggers of migration 0009)",
    async () => {
      const db = sqliteDatabase();
      const header = 'settlement,street,from,to,parity,station_number\n';
      const v1 = db.file(
        'v1.csv',
        `${header}София,бул. Витоша,1,99,odd,234601001\nСофия,бул. Витоша,2,100,even,234601002\nСофия,ул. Шипка,1,40,all,234601002\n`,
      );
      expect((await importCli(db, ['--stations', db.file('stations.csv', STATIONS), '--ranges', v1])).status).toBe(0);
      const streets = () =>
        rows<{ name: string }>(db, `SELECT name FROM street_names WHERE generation = ${ACTIVE_RANGES} ORDER BY name`).map((row) => row.name);
      expect(streets()).toEqual(['бул. Витоша', 'ул. Шипка']);
      // The next import drops ул. Шипка: the old generation's names go with its ranges.
      const v2 = db.file('v2.csv', `${header}София,бул. Витоша,1,99,odd,234601001\nСофия,ул. Граф Игнатиев,1,50,all,234601002\n`);
      expect((await importCli(db, ['--ranges', v2])).status).toBe(0);
      expect(streets()).toEqual(['бул. Витоша', 'ул. Граф Игнатиев']);
      expect(count(db, 'street_names')).toBe(2);
    },
    T,
  );
});

describe('npm run import through wrangler', () => {
  it(
    'loads stations, ranges and the register into a local D1, and exits 2 on a bad command line',
    () => {
      const db = wranglerDatabase();
      const ranges = db.file(
        'ranges.csv',
        'settlement,street,from,to,parity,station_number\nСофия,бул. Витоша,1,99,odd,234601001\nСофия,ул. Шипка,1,40,all,234601002\n',
      );
      const reg = db.file('register.csv', register(['7501020018', '234601001'], ['8001010008', '234601002']));
      const args = [
        '--country',
        'BG',
        '--election',
        'bg-2024-06-09',
        '--persist-to',
        db.state,
        '--stations',
        db.file('stations.csv', STATIONS),
        '--ranges',
        ranges,
        '--register',
        reg,
      ];
      const run = spawnTool('scripts/cli/import.ts', args, { LOOKUP_KEY: TEST_LOOKUP_KEY });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Loaded 3 stations, 2 address ranges, 2 register entries into the local D1 in [\d.]+ s; 0 bad rows\./);
      expect(count(db, 'stations')).toBe(3);
      expect(answering(db)).toBe(2);
      expect(JSON.stringify(rows(db, 'SELECT * FROM register_entries'))).not.toContain('7501020018');
      expect(rows<{ name: string }>(db, `SELECT name FROM street_names WHERE generation = ${ACTIVE_RANGES} ORDER BY name`).map((row) => row.name)).toEqual([
        'бул. Витоша',
        'ул. Шипка',
      ]);

      const wrong = spawnTool('scripts/cli/import.ts', ['--country', 'XX']);
      expect(wrong.status).toBe(2);
      expect(wrong.stderr).toContain('--country must be one of BG, KG, KZ');
    },
    T,
  );
});
