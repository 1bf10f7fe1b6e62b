import { describe, expect, it } from 'vitest';
import { purgeCommand } from '#scripts/cli/purge';
import { count, exec, importCli, register, rows, runInProcess, spawnTool, sqliteDatabase, STATIONS, wranglerDatabase, type TestDatabase } from './helpers';

// The purge command in-process against SQLite through the tools' D1 interface, a fresh
// database per test; then once for real, through wrangler on a local D1.
const T = 120_000;

/** Three mobile-box requests of Младост past their retention (and a count of 5 for one ballot), one of Люлин not yet. */
function fileRequests(db: TestDatabase): void {
  const request = (reference: string, ballot: string, district: string, purgeAfter: string) =>
    `('bg-2024-06-09', '${ballot}', '${reference}', 'hash-${reference}', '${district}', 'BG', 'self', 'online', 0, 'received', 'record-${reference}', 'sealed', '2024-05-20T07:00:00.000Z', '2024-05-20T07:00:00.000Z', '${purgeAfter}')`;
  exec(
    db,
    `INSERT INTO mobile_box_requests (election_id, ballot, reference, id_hash, district, citizenship, submitted_by, channel, late, status, record_key, person_sealed, created_at, updated_at, purge_after) VALUES
      ${[request('AAAAA-AAAAA', 'ep', 'mladost', '2024-09-07'), request('BBBBB-BBBBB', 'ns', 'mladost', '2024-09-07'), request('CCCCC-CCCCC', 'ns', 'mladost', '2024-09-07'), request('DDDDD-DDDDD', 'ep', 'lyulin', '2999-01-01')].join(',\n')};
     INSERT INTO mobile_box_counts (election_id, district, ballot, status, count) VALUES ('bg-2024-06-09', 'mladost', 'ns', 'received', 5);`,
  );
}

/** After the purge: only the request not yet due, and the three deleted ones added to the counts per district, ballot and status. */
function expectRequestsPurged(db: TestDatabase): void {
  expect(rows<{ reference: string }>(db, 'SELECT reference FROM mobile_box_requests')).toEqual([{ reference: 'DDDDD-DDDDD' }]);
  expect(rows(db, 'SELECT district, ballot, status, count FROM mobile_box_counts ORDER BY ballot')).toEqual([
    { district: 'mladost', ballot: 'ep', status: 'received', count: 1 },
    { district: 'mladost', ballot: 'ns', status: 'received', count: 7 },
  ]);
}

describe('npm run purge', () => {
  it(
    'deletes the register of elections long over, and expired reports',
    async () => {
      const db = sqliteDatabase();
      expect(
        (await importCli(db, ['--stations', db.file('stations.csv', STATIONS), '--register', db.file('r.csv', register(['7501020018', '234601001']))])).status,
      ).toBe(0);
      const run = await runInProcess(purgeCommand, ['--keep-days', '30'], db);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Deleted 1 register entries');
      expect(count(db, 'register_entries')).toBe(0);
      expect(count(db, 'stations')).toBe(3);
    },
    T,
  );

  it(
    'deletes mobile-box requests past their retention and keeps their counts; --dry-run only counts',
    async () => {
      const db = sqliteDatabase();
      fileRequests(db);
      const dry = await runInProcess(purgeCommand, ['--dry-run'], db);
      expect(dry.status, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('Would delete 0 register entries, 0 expired problem reports and 3 mobile-box requests');
      expect(count(db, 'mobile_box_requests')).toBe(4);

      const run = await runInProcess(purgeCommand, [], db);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('3 mobile-box requests (their counts kept)');
      expectRequestsPurged(db);
    },
    T,
  );
});

describe('npm run purge through wrangler', () => {
  it(
    'deletes mobile-box requests past their retention in a local D1 and keeps their counts',
    () => {
      const db = wranglerDatabase();
      fileRequests(db);
      const run = spawnTool('scripts/cli/purge.ts', ['--persist-to', db.state]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain('Deleted 0 register entries, 0 expired problem reports and 3 mobile-box requests (their counts kept).');
      expectRequestsPurged(db);
    },
    T,
  );
});
