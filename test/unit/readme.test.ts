import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoData } from '#scripts/seed/demo-data';
import { inRange, placeKey } from '#core/lookup/normalize';

const readme = readFileSync('README.md', 'utf8');
const data = demoData();

describe('README', () => {
  it('starts with the two commands', () => {
    const commands = [...readme.matchAll(/```sh\n([^\n]+)\n```/g)].map((m) => m[1]);
    expect(commands.slice(0, 2)).toEqual(['npm install && npm start', 'npm test']);
  });

  it('lists demo personal numbers that the demo data registers at the stated stations', () => {
    const pairs = [...readme.matchAll(/`(\d{10,14})`(?: \| | → )(\d{3,9})/g)].map((m) => [m[1]!, m[2]!] as const);
    expect(pairs.length).toBeGreaterThanOrEqual(6);
    for (const [id, station] of pairs) {
      const entry = data.flatMap((d) => d.register).find((row) => row[0] === id);
      expect(entry, id).toBeDefined();
      expect(entry![1], id).toBe(station);
    }
  });

  it('gives demo addresses that resolve to the stated stations', () => {
    const checks: [string, string, number, string][] = [
      ['София', 'бул. Витоша', 17, '244601001'],
      ['София', 'бул. Витоша', 24, '244601003'],
      ['София', 'бул. Витоша', 71, '244601002'],
      ['Бишкек', 'Чүй проспекти', 7, '1001'],
      ['Алматы', 'Абай даңғылы', 2, '103'],
    ];
    for (const [settlement, street, number, station] of checks) {
      expect(readme).toContain(station);
      const range = data
        .flatMap((d) => d.ranges)
        .find((r) => placeKey(r[0]!) === placeKey(settlement) && placeKey(r[1]!) === placeKey(street) && inRange(number, Number(r[2]), Number(r[3]), r[4] as 'all'));
      expect(range?.[5], `${street} ${number}`).toBe(station);
    }
  });
});
