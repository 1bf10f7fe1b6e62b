import { describe, expect, it } from 'vitest';
import { lookupKeyFingerprint } from '#functions/platform/crypto';
import { count, freshDatabase, importCli, OTHER_LOOKUP_KEY, register, rows, runTool, STATIONS, STATIONS_HEADER, TEST_LOOKUP_KEY } from './helpers';

// The real CLI against a real local D1 (wrangler's own), a fresh database per test.
const T = 120_000;

describe('npm run import refuses', () => {
  it('refuses a LOOKUP_KEY other than the register’s before writing anything; --new-key re-keys on purpose', async () => {
    const db = freshDatabase();
    const stations = db.file('stations.csv', STATIONS);
    const reg = db.file('register.csv', register(['7501020018', '234601001']));
    expect(importCli(db.state, ['--stations', stations, '--register', reg]).status).toBe(0);
    const fingerprint = async () => (rows<{ value: string }>(db.state, "SELECT value FROM app_meta WHERE key = 'lookup_key_fingerprint'"))[0]?.value;
    expect(await fingerprint()).toBe(await lookupKeyFingerprint(TEST_LOOKUP_KEY));
    const before = rows(db.state, 'SELECT * FROM register_entries');

    const wrong = importCli(db.state, ['--register', reg], OTHER_LOOKUP_KEY);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('LOOKUP_KEY is not the key this register was imported with: refused, nothing was written');
    expect(rows(db.state, 'SELECT * FROM register_entries')).toEqual(before);

    const rekey = importCli(db.state, ['--register', reg, '--new-key'], OTHER_LOOKUP_KEY);
    expect(rekey.status).toBe(0);
    expect(await fingerprint()).toBe(await lookupKeyFingerprint(OTHER_LOOKUP_KEY));
    expect(rows(db.state, 'SELECT * FROM register_entries')).not.toEqual(before);
  }, T);

  it('refuses register rows that point at a mobile section, with line and reason', async () => {
    const db = freshDatabase();
    const run = importCli(db.state, ['--stations', db.file('stations.csv', STATIONS), '--register', db.file('register.csv', register(['7501020018', '234601001'], ['8001010008', '234601900']))]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("register.csv:3: station_number 234601900 is a mobile section: a register row must name the voter's own polling section");
    expect(count(db.state, 'register_entries')).toBe(0);
  }, T);

  it('reads Windows-1251 with --encoding windows-1251, and refuses it clearly without, before writing', async () => {
    const db = freshDatabase();
    const cp1251 = Buffer.from(encode1251(STATIONS));
    const file = db.file('stations-1251.csv', cp1251);
    const refused = importCli(db.state, ['--stations', file]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('stations-1251.csv: the file is not valid UTF-8 text (an export in Windows-1251? then add --encoding windows-1251)');
    expect(count(db.state, 'stations')).toBe(0);
    expect(importCli(db.state, ['--stations', file, '--encoding', 'windows-1251']).status).toBe(0);
    expect((rows<{ name: string }>(db.state, "SELECT name FROM stations WHERE number = '234601900'"))[0]!.name).toBe('Подвижна секция');
  }, T);

  it('refuses control characters and over-long fields with their lines', async () => {
    const db = freshDatabase();
    const file = db.file(
      'stations.csv',
      STATIONS_HEADER + `234601001,Секция\u0007 001,бул. Витоша 17,София,Средец,23 МИР,,,,no\n234601002,${'x'.repeat(201)},бул. Витоша 24,София,Средец,23 МИР,,,,no\n`,
    );
    const run = importCli(db.state, ['--stations', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['stations.csv:2: name holds a control character', 'stations.csv:3: name is longer than 200 characters']);
  }, T);

  it('refuses a file whose header lacks a column, and a bad command line', () => {
    const db = freshDatabase();
    const run = importCli(db.state, ['--stations', db.file('broken.csv', 'number,name\n1,x\n')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('broken.csv: the header lacks address, settlement, district, constituency, lat, lon, step_free, mobile');
    const wrong = runTool('scripts/cli/import.ts', ['--country', 'XX']);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('--country must be one of BG, KG, KZ');
    const encoding = importCli(db.state, ['--stations', 'x.csv', '--encoding', 'koi8-r']);
    expect(encoding.stderr).toContain('--encoding must be one of utf-8, windows-1251');
  }, T);
});


/** Windows-1251 bytes of a text (Cyrillic and ASCII only), written by hand: Node encodes only UTF-8. */
function encode1251(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Uint8Array.from([...text].map((char) => {
    const byte = table.get(char);
    if (byte === undefined) throw new Error(`not in Windows-1251: ${char}`);
    return byte;
  }));
}
