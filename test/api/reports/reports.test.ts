import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { stationReports } from '#db/schema';
import { unseal } from '#functions/platform/crypto';
import { reportSeal } from '#functions/reports/reports';
import { api, startOfSteadyWindow } from '#test/api/helpers';
import { postJson, seedFixtures } from '#test/api/fixtures';

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
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
    // Details and contact are both encrypted under DATA_KEY, bound to this report.
    expect(row.details).toBeNull();
    expect(row.detailsSealed).not.toContain('school');
    expect(row.contactSealed).not.toContain('voter@example.org');
    const keys = { current: env.DATA_KEY };
    expect(await unseal(keys, reportSeal('details', row.recordKey!), row.detailsSealed!)).toBe('The school moved to the next street.');
    expect(await unseal(keys, reportSeal('contact', row.recordKey!), row.contactSealed!)).toBe('voter@example.org');
    expect(Date.parse(row.expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
  });

  it('422 names the field; 404 for an unknown station', async () => {
    const bad = await api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'nonsense', details: 'x', lang: 'kk' }, '10.1.0.2'));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      error: {
        code: 'validation',
        message: 'Кейбір жауаптарды түзету керек.',
        fields: [{ field: 'kind', code: 'invalid_choice', message: '«Не дұрыс емес» үшін нұсқалардың бірін таңдаңыз.' }],
      },
    });
    const empty = await api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'other', details: '   ', contact: 'x'.repeat(201) }, '10.1.0.2'));
    expect(((await empty.json()) as { error: { fields: unknown[] } }).error.fields).toEqual([
      { field: 'details', code: 'required', message: 'Fill in “What is wrong?”.' },
      { field: 'contact', code: 'too_long', message: '“How can we reach you? (optional)” can have at most 200 characters.' },
    ]);
    const missing = await api('/api/stations/999999/reports', postJson({ kind: 'other', details: 'x' }, '10.1.0.2'));
    expect(missing.status).toBe(404);
  });

  it('429 after 5 reports a minute from one client', async () => {
    await startOfSteadyWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await api(`/api/stations/${ids.sofia2}/reports`, postJson({ kind: 'other', details: `note ${i}` }, '10.1.0.3'))).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });
});
