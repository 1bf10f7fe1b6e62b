import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { stationReports } from '../../../db/schema';
import { database } from '../../../db/client';
import { unseal } from '../../../functions/platform/crypto';
import { api } from '../helpers';
import { postJson, seedFixtures } from '../fixtures';

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

type AddressJson = { street: string; matches: { station: { number: string }; ranges: { fromNumber: number; toNumber: number; parity: string }[] }[] };

describe('GET /api/stations (by address)', () => {
  it('goes down to the house number on a street split by side', async () => {
    const odd = (await (await api('/api/stations?country=BG&settlement=София&street=Витоша&number=15')).json()) as AddressJson;
    expect(odd.matches.map((m) => m.station.number)).toEqual(['231502001']);
    const even = (await (await api('/api/stations?country=BG&settlement=софия&street=бул.%20витоша&number=24А')).json()) as AddressJson;
    expect(even.matches.map((m) => m.station.number)).toEqual(['231502002']);
    expect(even.street).toBe('бул. Витоша');
  });

  it('lists every station of the street without a number, and none past the last range', async () => {
    const all = (await (await api('/api/stations?country=BG&settlement=София&street=Витоша')).json()) as AddressJson;
    expect(all.matches.map((m) => m.station.number).sort()).toEqual(['231502001', '231502002']);
    const none = (await (await api('/api/stations?country=BG&settlement=София&street=Витоша&number=501')).json()) as AddressJson;
    expect(none.matches).toEqual([]);
  });

  it('422 names the missing field in the requested language', async () => {
    const response = await api('/api/stations?country=BG&lang=ky');
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ error: { code: 'invalid_input', field: 'settlement', message: '«Калктуу конуш» талаасын толтуруңуз.' } });
  });
});

describe('suggestions', () => {
  it('suggests settlements and streets', async () => {
    expect(await (await api('/api/stations/settlements?country=BG&q=со')).json()).toEqual({ settlements: ['София'] });
    expect(await (await api('/api/stations/streets?country=BG&settlement=София&q=вит')).json()).toEqual({ streets: ['бул. Витоша'] });
  });
});

describe('GET /api/stations/near', () => {
  it('lists the nearest stations with distances in metres, nearest first', async () => {
    const response = await api('/api/stations/near?lat=42.6977&lon=23.3219&limit=2');
    const body = (await response.json()) as { stations: { station: { number: string }; distance: number }[] };
    expect(body.stations.map((s) => s.station.number)).toEqual(['231502001', '231502002']);
    expect(body.stations[0]!.distance).toBe(0);
    expect(body.stations[1]!.distance).toBeGreaterThan(900);
    expect(body.stations[1]!.distance).toBeLessThan(1200);
  });

  it('422 for a latitude out of range', async () => {
    const response = await api('/api/stations/near?lat=95&lon=23');
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { field: string } }).error.field).toBe('lat');
  });
});

describe('GET /api/stations/:id', () => {
  it('returns one station, or a JSON 404', async () => {
    const found = await api(`/api/stations/${ids.almaty}`);
    expect(((await found.json()) as { station: { number: string } }).station.number).toBe('101');
    const missing = await api('/api/stations/999999');
    expect(missing.status).toBe(404);
  });
});

describe('POST /api/stations/:id/reports', () => {
  it('201: stores the report with the contact encrypted and an expiry', async () => {
    const response = await api(
      `/api/stations/${ids.sofia1}/reports`,
      postJson({ kind: 'wrong_address', details: 'The school moved to the next street.', contact: 'voter@example.org' }, '10.1.0.1'),
    );
    expect(response.status).toBe(201);
    const { report } = (await response.json()) as { report: { id: number } };
    const rows = await database(env.DB).select().from(stationReports);
    const row = rows.find((r) => r.id === report.id)!;
    expect(row.details).toBe('The school moved to the next street.');
    expect(row.contactSealed).not.toContain('voter@example.org');
    expect(await unseal(env.LOOKUP_KEY, 'report-contact', row.contactSealed!)).toBe('voter@example.org');
    expect(Date.parse(row.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
  });

  it('422 names the field; 404 for an unknown station', async () => {
    const bad = await api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'nonsense', details: 'x', lang: 'kk' }, '10.1.0.2'));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({ error: { code: 'invalid_input', field: 'kind', message: '«Не дұрыс емес» өрісін тексеріңіз: мәні жарамсыз.' } });
    const empty = await api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'other', details: '   ' }, '10.1.0.2'));
    expect(((await empty.json()) as { error: { field: string; message: string } }).error).toMatchObject({ field: 'details', message: 'Fill in “Details”.' });
    const missing = await api('/api/stations/999999/reports', postJson({ kind: 'other', details: 'x' }, '10.1.0.2'));
    expect(missing.status).toBe(404);
  });

  it('429 after 5 reports a minute from one client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api(`/api/stations/${ids.sofia2}/reports`, postJson({ kind: 'other', details: `note ${i}` }, '10.1.0.3'))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
