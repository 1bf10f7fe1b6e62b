import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/import/d1';

// The real CLI against a real local D1 in a temporary folder (wrangler's own local D1).
const dir = mkdtempSync(join(tmpdir(), 'voter-desk-import-test-'));
const state = join(dir, 'state');
const target = { remote: false, persistTo: state };
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: 'true', LOOKUP_KEY: 'import-test-key' };

function cli(...args: string[]) {
  return spawnSync('tsx', ['db/cli/import.ts', '--country', 'BG', '--election', 'bg-2024-06-09', '--persist-to', state, ...args], { env, encoding: 'utf8' });
}

const files = {
  stations: join(dir, 'stations.csv'),
  ranges: join(dir, 'ranges.csv'),
  register: join(dir, 'register.csv'),
};

beforeAll(() => {
  const migrate = spawnSync('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { env, encoding: 'utf8' });
  expect(migrate.status, migrate.stderr).toBe(0);
  writeFileSync(
    files.stations,
    '\ufeffnumber,name,address,settlement,district,constituency,lat,lon,step_free,mobile\r\n' +
      '234601001,"Секция 001, ""12 СУ""",бул. Витоша 17,София,Средец,23 МИР,42.69,23.32,yes,no\r\n' +
      '\r\n' +
      '234601002,Секция 002,бул. Витоша 24,София,Средец,23 МИР,,,,\r\n' +
      '12345,Bad number,x,София,Средец,23 МИР,,,,\r\n' +
      '234601003,Bad lat,x,София,Средец,23 МИР,95,23.3,,\r\n',
  );
  writeFileSync(
    files.ranges,
    'settlement,street,from,to,parity,station_number\n' +
      'София,бул. Витоша,1,99,odd,234601001\n' +
      'София,бул. Витоша,2,100,even,234601002\n' +
      'София,бул. Витоша,50,10,all,234601001\n' +
      'София,ул. Шипка,1,20,all,999999999\n',
  );
  writeFileSync(
    files.register,
    'id_number,station_number\n7501020018,234601001\n8001010008,234601002\n7501020019,234601001\n1000000001,234601002\n',
  );
}, 60_000);

describe('npm run import', () => {
  it('loads the good rows, reports every bad row with its line and reason, and exits non-zero', async () => {
    const run = cli('--stations', files.stations, '--ranges', files.ranges, '--register', files.register);
    expect(run.status).toBe(1);
    const bad = run.stderr.trim().split('\n');
    expect(bad).toEqual([
      'stations.csv:5: number "12345" is not a 9-digit section code',
      'stations.csv:6: lat "95" is not a latitude',
      'ranges.csv:4: from 50 is after to 10',
      'ranges.csv:5: station_number 999999999 is not a station of BG bg-2024-06-09',
      'register.csv:4: id_number is not a valid EGN (check-digit)',
    ]);
    expect(run.stdout + run.stderr).not.toContain('7501020019');
    expect(run.stdout).toContain('Loaded 2 stations, 2 address ranges, 3 register entries');
    const counts = await queryRows<{ stations: number; ranges: number; register: number }>(
      'SELECT (SELECT count(*) FROM stations) AS stations, (SELECT count(*) FROM address_ranges) AS ranges, (SELECT count(*) FROM register_entries) AS register',
      target,
    );
    expect(counts[0]).toEqual({ stations: 2, ranges: 2, register: 3 });
    const names = await queryRows<{ name: string }>("SELECT name FROM stations WHERE number = '234601001'", target);
    expect(names[0]!.name).toBe('Секция 001, "12 СУ"');
  }, 60_000);

  it('changes nothing when the same files are imported again', async () => {
    const before = await queryRows<Record<string, unknown>>('SELECT * FROM stations ORDER BY id', target);
    const hashes = await queryRows<Record<string, unknown>>('SELECT * FROM register_entries ORDER BY id_hash', target);
    const run = cli('--stations', files.stations, '--ranges', files.ranges, '--register', files.register);
    expect(run.status).toBe(1);
    expect(await queryRows('SELECT * FROM stations ORDER BY id', target)).toEqual(before);
    expect(await queryRows('SELECT * FROM register_entries ORDER BY id_hash', target)).toEqual(hashes);
    expect(hashes.every((row) => !Object.values(row).includes('7501020018'))).toBe(true);
  }, 60_000);

  it('npm run purge deletes the register of elections long over, and expired reports', async () => {
    const run = spawnSync('tsx', ['db/cli/purge.ts', '--persist-to', state, '--keep-days', '30'], { env, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Deleting 3 register entries');
    expect(await queryRows('SELECT * FROM register_entries', target)).toEqual([]);
    expect((await queryRows('SELECT * FROM stations', target)).length).toBe(2);
  }, 30_000);

  it('refuses a file whose header lacks a column, and a bad command line', () => {
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'number,name\n1,x\n');
    const run = cli('--stations', broken);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('broken.csv: the header lacks address, settlement, district, constituency, lat, lon, step_free, mobile');
    const wrong = spawnSync('tsx', ['db/cli/import.ts', '--country', 'XX'], { env, encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--country must be one of BG, KG, KZ');
  }, 30_000);
});
