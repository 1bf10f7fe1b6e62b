import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { database } from '#db/client';
import { registerEntries, stationReports, stations } from '#db/schema';
import { personalNumberHash, unseal } from '#functions/platform/crypto';
import { reportSeal } from '#functions/reports/reports';
import { api } from '#test/api/helpers';
import { IDS, postJson, seedFixtures } from '#test/api/fixtures';

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

describe('health-related data', () => {
  it('an answer by personal number never says that the station is a mobile section', async () => {
    // Even a register row that points at a mobile section (the importer refuses those; here it
    // is written straight into D1) does not reveal it.
    const db = database(env.DB);
    await db.update(stations).set({ mobile: true }).where(eq(stations.id, ids.sofia2));
    await db
      .update(registerEntries)
      .set({ stationId: ids.sofia2 })
      .where(eq(registerEntries.idHash, await personalNumberHash(env.LOOKUP_KEY, 'BG', IDS.bgRegistered)));
    const response = await api('/api/lookup', postJson({ country: 'BG', idNumber: IDS.bgRegistered }, '10.20.0.1'));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { station: Record<string, unknown> };
    expect(body.station.id).toBe(ids.sofia2);
    expect(body.station).not.toHaveProperty('mobile');
    expect(JSON.stringify(body)).not.toMatch(/mobile|подвижн/i);
    // The public station answer (no personal number involved) may say it.
    const station = (await (await api(`/api/stations/${ids.sofia2}`)).json()) as { station: { mobile: boolean } };
    expect(station.station.mobile).toBe(true);
  });

  it('report details are encrypted at rest, and a sealed value moved to another report does not decrypt', async () => {
    const send = (details: string) => api(`/api/stations/${ids.sofia1}/reports`, postJson({ kind: 'access', details }, '10.20.0.2'));
    const a = ((await (await send('I use a wheelchair; the ramp is closed')).json()) as { report: { id: number } }).report.id;
    const b = ((await (await send('The entrance is on the other street')).json()) as { report: { id: number } }).report.id;
    const db = database(env.DB);
    const [rowA] = await db.select().from(stationReports).where(eq(stationReports.id, a));
    const [rowB] = await db.select().from(stationReports).where(eq(stationReports.id, b));
    expect(JSON.stringify(rowA)).not.toMatch(/wheelchair|ramp/);
    const keys = { current: env.DATA_KEY };
    expect(await unseal(keys, reportSeal('details', rowA!.recordKey!), rowA!.detailsSealed!)).toBe('I use a wheelchair; the ramp is closed');
    await expect(unseal(keys, reportSeal('details', rowB!.recordKey!), rowA!.detailsSealed!)).rejects.toThrow();
    await expect(unseal(keys, reportSeal('contact', rowA!.recordKey!), rowA!.detailsSealed!)).rejects.toThrow();
  });
});
