import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { database } from '#db/client';
import { mobileBoxCounts, mobileBoxRequests } from '#db/schema';
import { sealReason } from '#functions/mobile-box/seal';
import { scheduled } from '#functions/scheduled';
import { api, countingDatabase, startOfSteadyWindow } from '#test/api/helpers';
import { status, submit, VOTER, type Created, type ErrorJson } from './fixtures';

describe('POST /api/mobile-box-requests/status', () => {
  it('answers with the status by reference and personal number', async () => {
    const created = (await (await submit({ ...VOTER, idNumber: '6647182932', ballots: ['ns'] })).json()) as Created;
    const reference = created.requests[0]!.reference;
    const received = await status({ reference: reference.toLowerCase().replace('-', ' '), idNumber: '6647182932' });
    expect(received.status).toBe(200);
    expect(received.headers.get('cache-control')).toBe('no-store');
    expect(await received.json()).toEqual({ status: 'received', receivedOn: '2024-05-20' });

    const db = database(env.DB);
    const [row] = await db.select().from(mobileBoxRequests).where(eq(mobileBoxRequests.reference, reference));
    await db
      .update(mobileBoxRequests)
      .set({ status: 'rejected', reasonSealed: await sealReason({ current: env.DATA_KEY }, row!.recordKey, 'The address is outside Sofia.') })
      .where(eq(mobileBoxRequests.id, row!.id));
    expect(await (await status({ reference, idNumber: '6647182932' })).json()).toEqual({
      status: 'rejected',
      receivedOn: '2024-05-20',
      reason: 'The address is outside Sofia.',
    });
    await db.update(mobileBoxRequests).set({ status: 'assigned', section: '234600901' }).where(eq(mobileBoxRequests.id, row!.id));
    expect(await (await status({ reference, idNumber: '6647182932' })).json()).toEqual({ status: 'assigned', receivedOn: '2024-05-20', section: '234600901' });
  });

  it('a wrong number looks exactly like an unknown reference: same status, same body, same number of queries', async () => {
    const created = (await (await submit({ ...VOTER, idNumber: '8001010008', ballots: ['ep'] })).json()) as Created;
    const reference = created.requests[0]!.reference;
    const counter = countingDatabase();
    const counting = counter.db;
    const answers: { status: number; body: string; queries: number }[] = [];
    for (const body of [
      { reference, idNumber: '7501020018' },
      { reference: 'ABCDE-FGHJK', idNumber: '8001010008' },
      { reference: 'not a reference', idNumber: '8001010008' },
    ]) {
      counter.reset();
      const response = await status(body, '10.64.0.1', { DB: counting });
      answers.push({ status: response.status, body: await response.text(), queries: counter.prepared });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[1]).toEqual(answers[2]);
    expect(answers[0]!.status).toBe(404);
    expect(answers[0]!.queries).toBe(1);
    expect((JSON.parse(answers[0]!.body) as ErrorJson).error.code).toBe('not_found');
  });

  it('is limited with the lookups by personal number (one bucket, 10 a minute per client): then even the right pair gets 429 and nothing is looked up', async () => {
    const created = (await (await submit({ ...VOTER, idNumber: '5202290008', ballots: ['ns'] })).json()) as Created;
    const reference = created.requests[0]!.reference;
    const client = '10.64.0.9';
    await startOfSteadyWindow();
    for (let i = 0; i < 5; i++) {
      const lookup = await api('/api/lookup', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': client },
        body: JSON.stringify({ country: 'BG', idNumber: '7501020018' }),
      });
      expect(lookup.status).not.toBe(429);
      expect((await status({ reference: 'ABCDE-FGHJK', idNumber: '5202290008' }, client)).status).toBe(404);
    }
    const counter = countingDatabase();
    const limited = await status({ reference, idNumber: '5202290008' }, client, { DB: counter.db });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(((await limited.json()) as ErrorJson).error.code).toBe('rate_limited');
    expect(counter.prepared, 'D1 statements prepared').toBe(0);
    // Another client still gets the answer.
    expect((await status({ reference, idNumber: '5202290008' }, '10.64.0.10')).status).toBe(200);
  });
});

describe('what D1 holds', () => {
  it('no personal data in clear anywhere in the database', async () => {
    const person = {
      ...VOTER,
      idNumber: '5523156787',
      fullName: 'Цветана Георгиева Стоянова',
      phone: '0877 654 321',
      email: 'tsvetana@example.org',
      submittedBy: 'representative',
      representative: { fullName: 'Петър Стоянов Колев', idNumber: '7322154195', phone: '0899 111 222', powerOfAttorney: true },
      address: { district: 'lyulin', street: 'ж.к. Люлин 5', block: '517А', entrance: 'Б' },
    };
    expect((await submit(person)).status).toBe(201);
    const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{
      name: string;
    }>();
    let everything = '';
    for (const { name } of tables.results) everything += JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results);
    // Every needle either holds a character that base64url, ISO times and numbers never contain
    // (Cyrillic, a space, '@') or is a run of ten digits: none can turn up in sealed text by chance.
    for (const secret of [
      '5523156787',
      'Цветана',
      'Стоянова',
      '0877 654 321',
      '0877654321',
      'tsvetana@example.org',
      'Петър',
      '7322154195',
      '0899 111 222',
      'Люлин 5',
      '517А',
    ]) {
      expect(everything, secret).not.toContain(secret);
    }
  });

  it('after the retention, the Cron Trigger deletes the requests and keeps the counts per district, ballot and status', async () => {
    expect((await submit({ ...VOTER, idNumber: '9945123752', address: { ...VOTER.address, district: 'izgrev' } })).status).toBe(201);
    const db = database(env.DB);
    const before = (await db.select().from(mobileBoxRequests)).filter((row) => row.district === 'izgrev').length;
    expect(before).toBe(2);
    // 9 June 2024 + 90 days = 7 September: on 8 September the requests go.
    await scheduled(createScheduledController({ scheduledTime: new Date('2024-09-07T03:17:00Z'), cron: '17 3 * * *' }), env, createExecutionContext());
    expect((await db.select().from(mobileBoxRequests)).filter((row) => row.district === 'izgrev')).toHaveLength(2);
    await scheduled(createScheduledController({ scheduledTime: new Date('2024-09-08T03:17:00Z'), cron: '17 3 * * *' }), env, createExecutionContext());
    expect(await db.select().from(mobileBoxRequests)).toEqual([]);
    const counts = (await db.select().from(mobileBoxCounts)).filter((row) => row.district === 'izgrev');
    expect(counts.map(({ ballot, status: state, count }) => ({ ballot, status: state, count })).sort((a, b) => a.ballot.localeCompare(b.ballot))).toEqual([
      { ballot: 'ep', status: 'received', count: 1 },
      { ballot: 'ns', status: 'received', count: 1 },
    ]);
  });
});

describe('while DATA_KEY rotates (DATA_KEY_PREVIOUS set, `npm run rekey` not run yet)', () => {
  const OLD = 'b2xkLW1vYmlsZS1ib3gta2V5LW9sZC1tb2JpbGUtYm94LWtleQ';
  const NEW = 'bmV3LW1vYmlsZS1ib3gta2V5LW5ldy1tb2JpbGUtYm94LWtleQ';
  it('finds requests made under the old key: the status answers; an identical repeat is folded into it, another one is linked to it', async () => {
    const voter = { ...VOTER, idNumber: '7712126605', ballots: ['ep'] };
    const first = (await (await submit(voter, { bindings: { DATA_KEY: OLD } })).json()) as Created;
    const rotating = { DATA_KEY: NEW, DATA_KEY_PREVIOUS: OLD };
    expect(await (await status({ reference: first.requests[0]!.reference, idNumber: voter.idNumber }, '10.65.0.1', rotating)).json()).toEqual({
      status: 'received',
      receivedOn: '2024-05-20',
    });
    const idOf = async (reference: string) =>
      env.DB.prepare('SELECT id, repeat_of AS repeatOf, merged_into AS mergedInto, closed_as AS closedAs FROM mobile_box_requests WHERE reference = ?')
        .bind(reference)
        .first<{ id: number; repeatOf: number | null; mergedInto: number | null; closedAs: string | null }>();
    const firstRow = (await idOf(first.requests[0]!.reference))!;
    const again = await submit(voter, { bindings: rotating });
    expect(again.status).toBe(201);
    const identical = (await idOf(((await again.json()) as Created).requests[0]!.reference))!;
    expect(identical).toMatchObject({ mergedInto: firstRow.id, closedAs: 'folded' });
    // Both ballots, another phone: the one filed under the old key is linked, the other one is new.
    const both = (await (await submit({ ...voter, ballots: ['ep', 'ns'], phone: '0899 111 222' }, { bindings: rotating })).json()) as Created;
    expect(both.requests.map((request) => request.ballot)).toEqual(['ep', 'ns']);
    expect(await idOf(both.requests[0]!.reference)).toMatchObject({ repeatOf: firstRow.id, closedAs: null });
    expect(await idOf(both.requests[1]!.reference)).toMatchObject({ repeatOf: null, closedAs: null });
  });
});
