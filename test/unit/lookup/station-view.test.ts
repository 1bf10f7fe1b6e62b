import { describe, expect, it } from 'vitest';
import { getElection } from '#functions/elections/registry';
import type { StationRow } from '#functions/lookup/stations';
import { personalStation, personalStationView, publicStation, stationView } from '#functions/lookup/station-view';

// The answers build a station field by field instead of parsing it through the published schema
// on every request: they must be exactly what the schema would give, in the same key order.
const row: StationRow = {
  id: 7,
  country: 'BG',
  electionId: 'bg-2024-06-09',
  number: '244601001',
  name: 'Секция 001, 10 СУ',
  address: 'бул. Витоша 17',
  settlement: 'София',
  settlementKey: 'софия',
  settlementSearchKey: 'sofia',
  district: 'Средец',
  constituency: '24 МИР',
  lat: 42.69,
  lon: 23.32,
  stepFree: null,
  mobile: true,
  source: 'stations.csv',
  updatedAt: '2024-05-01T00:00:00.000Z',
} as StationRow;

describe('a station in an answer', () => {
  for (const id of ['bg-2024-06-09', 'kg-2024-voter-list', 'kz-2026-referendum']) {
    it(`is what the published schema gives, key for key and in order (${id})`, () => {
      const election = getElection(id)!;
      const view = stationView(row, election);
      expect(JSON.stringify(view)).toBe(JSON.stringify(publicStation.parse(view)));
      expect(JSON.stringify(view)).toBe(JSON.stringify(publicStation.parse({ ...row, hours: election.pollingHours ?? null, timeZone: election.timeZone })));
      const personal = personalStationView(row, election);
      expect(JSON.stringify(personal)).toBe(JSON.stringify(personalStation.parse(view)));
      expect(personal).not.toHaveProperty('mobile');
      expect(view).not.toHaveProperty('settlementKey');
    });
  }
});
