import { describe, expect, it } from 'vitest';
import { count, exec, freshDatabase, importCli, register, rows, runTool, STATIONS } from './helpers';

// The real CLI against a real local D1 (wrangler's own), a fresh database per test.
const T = 120_000;

describe('npm run purge', () => {
  it('deletes the register of elections long over, and expired reports', async () => {
    const db = freshDatabase();
    expect(importCli(db.state, ['--stations', db.file('stations.csv', STATIONS), '--register', db.file('r.csv', register(['7501020018', '234601001']))]).status).toBe(0);
    const run = runTool('scripts/cli/purge.ts', ['--persist-to', db.state, '--keep-days', '30']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Deleted 1 register entries');
    expect(count(db.state, 'register_entries')).toBe(0);
    expect(count(db.state, 'stations')).toBe(3);
  }, T);

  it('deletes mobile-box requests past their retention and keeps their counts; --dry-run only counts', async () => {
    const db = freshDatabase();
    const request = (reference: string, ballot: string, district: string, purgeAfter: string) =>
      `('bg-2024-06-09', '${ballot}', '${reference}', 'hash-${reference}', '${district}', 'BG', 'self', 'online', 0, 'received', 'record-${reference}', 'sealed', '2024-05-20T07:00:00.000Z', '2024-05-20T07:00:00.000Z', '${purgeAfter}')`;
    exec(
      db.state,
      `INSERT INTO mobile_box_requests (election_id, ballot, reference, id_hash, district, citizenship, submitted_by, channel, late, status, record_key, person_sealed, created_at, updated_at, purge_after) VALUES
        ${[request('AAAAA-AAAAA', 'ep', 'mladost', '2024-09-07'), request('BBBBB-BBBBB', 'ns', 'mladost', '2024-09-07'), request('CCCCC-CCCCC', 'ns', 'mladost', '2024-09-07'), request('DDDDD-DDDDD', 'ep', 'lyulin', '2999-01-01')].join(',\n')};
       INSERT INTO mobile_box_counts (election_id, district, ballot, status, count) VALUES ('bg-2024-06-09', 'mladost', 'ns', 'received', 5);`,
    );
    const dry = runTool('scripts/cli/purge.ts', ['--persist-to', db.state, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Would delete 0 register entries, 0 expired problem reports and 3 mobile-box requests');
    expect(count(db.state, 'mobile_box_requests')).toBe(4);

    const run = runTool('scripts/cli/purge.ts', ['--persist-to', db.state]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('3 mobile-box requests (their counts kept)');
    expect(rows<{ reference: string }>(db.state, 'SELECT reference FROM mobile_box_requests')).toEqual([{ reference: 'DDDDD-DDDDD' }]);
    expect(rows(db.state, 'SELECT district, ballot, status, count FROM mobile_box_counts ORDER BY ballot')).toEqual([
      { district: 'mladost', ballot: 'ep', status: 'received', count: 1 },
      { district: 'mladost', ballot: 'ns', status: 'received', count: 7 },
    ]);
  }, T);
});
