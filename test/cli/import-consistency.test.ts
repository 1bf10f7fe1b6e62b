import { describe, expect, it } from 'vitest';
import { checkDigits } from '#core/lookup/personal-numbers';
import { importCli, register, rows, sqliteDatabase, STATIONS } from './helpers';

// What an import must not let through: a station made mobile while the register still sends
// voters to it (the public station answer would then say `mobile: true` of a station a voter's
// personal answer names), and one person listed twice with two stations.
const T = 120_000;
const mobileAgain = STATIONS.replace(
  '234601002,Секция 002,бул. Витоша 24,София,Средец,23 МИР,,,,no',
  '234601002,Секция 002,бул. Витоша 24,София,Средец,23 МИР,,,,yes',
);

describe('npm run import keeps the register and the stations consistent', () => {
  it(
    'refuses a stations file that marks a station mobile while the register still points voters at it, naming the line, and writes nothing',
    async () => {
      const db = sqliteDatabase();
      const first = await importCli(db, [
        '--stations',
        db.file('stations.csv', STATIONS),
        '--register',
        db.file('register.csv', register(['7501020018', '234601002'])),
      ]);
      expect(first.status, first.stderr).toBe(0);
      const before = rows(db, 'SELECT number, mobile FROM stations ORDER BY number');

      const refused = await importCli(db, ['--stations', db.file('stations-2.csv', mobileAgain)]);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('stations-2.csv:3: station 234601002 is marked mobile, but the register still sends voters to it');
      expect(refused.stderr).toContain('Refused: nothing was imported.');
      expect(rows(db, 'SELECT number, mobile FROM stations ORDER BY number')).toEqual(before);

      // Once the register no longer names it, the station may become mobile.
      expect((await importCli(db, ['--register', db.file('register-2.csv', register(['7501020018', '234601001']))])).status).toBe(0);
      expect((await importCli(db, ['--stations', db.file('stations-3.csv', mobileAgain)])).status).toBe(0);
      expect(rows(db, "SELECT mobile FROM stations WHERE number = '234601002'")).toEqual([{ mobile: 1 }]);
    },
    T,
  );

  it(
    'reports both lines of a personal number listed twice with different stations, and keeps the previous register',
    async () => {
      const db = sqliteDatabase();
      const stations = db.file('stations.csv', STATIONS);
      expect((await importCli(db, ['--stations', stations, '--register', db.file('register.csv', register(['7501020018', '234601001']))])).status).toBe(0);
      const before = rows(db, 'SELECT * FROM register_entries');
      const other = `800101000${checkDigits.egn('800101000')}`;
      const twice = register(['7501020018', '234601001'], [other, '234601001'], ['7501020018', '234601002'], [other, '234601001']);
      const run = await importCli(db, ['--register', db.file('register-2.csv', twice)]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('register-2.csv:2: the same personal number is listed on line 4 with another station');
      expect(run.stderr).toContain('register-2.csv:4: the same personal number is listed on line 2 with another station');
      // The same person twice with the same station is no conflict.
      expect(run.stderr).not.toContain('register-2.csv:3:');
      expect(run.stderr).not.toContain('register-2.csv:5:');
      expect(rows(db, 'SELECT * FROM register_entries')).toEqual(before);
    },
    T,
  );
});
