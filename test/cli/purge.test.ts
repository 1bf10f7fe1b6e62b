import { describe, expect, it } from 'vitest';
import { count, freshDatabase, importCli, register, runTool, STATIONS } from './helpers';

// The real CLI against a real local D1 (wrangler's own), a fresh database per test.
const T = 120_000;

describe('npm run purge', () => {
  it('deletes the register of elections long over, and expired reports', async () => {
    const db = freshDatabase();
    expect(importCli(db.state, ['--stations', db.file('stations.csv', STATIONS), '--register', db.file('r.csv', register(['7501020018', '234601001']))]).status).toBe(0);
    const run = runTool('db/cli/purge.ts', ['--persist-to', db.state, '--keep-days', '30']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Deleting 1 register entries');
    expect(count(db.state, 'register_entries')).toBe(0);
    expect(count(db.state, 'stations')).toBe(3);
  }, T);
});

