import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// `npm run check:content [-- <folder>]`: what an operator runs after adding a campaign's files.
const dir = mkdtempSync(join(tmpdir(), 'voter-desk-content-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const check = (folder?: string) => spawnSync('tsx', ['scripts/check-content.ts', ...(folder ? [folder] : [])], { encoding: 'utf8' });

describe('npm run check:content', () => {
  it('lists the elections and areas it found, with their ballots and mobile sections', () => {
    const run = check();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('bg-2024-06-09, voting day 2024-06-09: mobile box in bg-sofia (14 mobile sections); ballots ep (30-ЕП), ns (31-НС)');
  });

  it('adding a campaign is adding files: the invented election and municipalities of the tests pass as a content folder of their own', () => {
    const run = check('test/fixtures/content');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'test-2024-05-12-pvr, voting day 2024-05-12: mobile box in bg-primerovo (1 mobile sections), bg-drugovo (0 mobile sections); ballots pvr (30-ПВР)',
    );
  });

  it('a wrong field stops it with exit code 1, naming the file and the field', () => {
    cpSync('content', join(dir, 'content'), { recursive: true });
    const file = join(dir, 'content/elections/bg-2024-06-09.json');
    const election = JSON.parse(readFileSync(file, 'utf8')) as { mobileBox: { ballots: { form: string }[] } };
    election.mobileBox.ballots[1]!.form = '';
    writeFileSync(file, JSON.stringify(election));
    const run = check(join(dir, 'content'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^content\/elections\/bg-2024-06-09\.json: mobileBox\.ballots\.1\.form: /);
  });
});
