import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { database } from '#db/client';
import { registerEntries, stationReports } from '#db/schema';
import { scheduled } from '#functions/scheduled';
import { seedFixtures } from '#test/api/fixtures';

const run = (at: string) => scheduled(createScheduledController({ scheduledTime: new Date(at), cron: '17 3 * * *' }), env, createExecutionContext());

let ids: Awaited<ReturnType<typeof seedFixtures>>;
beforeAll(async () => {
  ids = await seedFixtures();
});

describe('the Cron Trigger (the Worker’s scheduled handler)', () => {
  it('deletes what is past retention, day by day, and keeps the rest', async () => {
    const db = database(env.DB);
    await db.insert(stationReports).values([
      {
        stationId: ids.sofia1,
        kind: 'other',
        details: 'expires 2024-07-15',
        locale: 'en',
        createdAt: '2024-04-16T00:00:00.000Z',
        expiresAt: '2024-07-15T00:00:00.000Z',
      },
      {
        stationId: ids.sofia1,
        kind: 'other',
        details: 'expires 2027-02-28',
        locale: 'en',
        createdAt: '2026-11-30T00:00:00.000Z',
        expiresAt: '2027-02-28T00:00:00.000Z',
      },
    ]);
    const registered = async (electionId: string) => (await db.select().from(registerEntries)).filter((r) => r.electionId === electionId).length;

    // 1 July 2024: Bulgaria voted on 9 June, well inside the 90 days; nothing has expired.
    await run('2024-07-01T03:17:00Z');
    expect(await registered('bg-2024-06-09')).toBe(2);
    expect((await db.select().from(stationReports)).length).toBe(2);

    // 1 October 2024: more than 90 days after 9 June (Bulgaria) and 19 June (Kyrgyz list check); one report expired.
    await run('2024-10-01T03:17:00Z');
    expect(await registered('bg-2024-06-09')).toBe(0);
    expect(await registered('kg-2024-voter-list')).toBe(0);
    expect(await registered('kz-2026-referendum')).toBe(1);
    expect((await db.select().from(stationReports)).map((r) => r.details)).toEqual(['expires 2027-02-28']);

    // 1 December 2026: the Kazakh referendum of 15 March 2026 is past its 90 days too.
    await run('2026-12-01T03:17:00Z');
    expect(await db.select().from(registerEntries)).toEqual([]);
    expect((await db.select().from(stationReports)).map((r) => r.details)).toEqual(['expires 2027-02-28']);
  });
});
