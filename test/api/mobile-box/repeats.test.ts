import { createExecutionContext, createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { scheduled } from '#functions/scheduled';
import { as, staffAccounts } from '#test/api/sections/fixtures';
import { status, submit, VOTER, type Created } from './fixtures';

/** The day every application here is sent (the fixtures' clock, CAMPAIGN): the status answers with its date of receipt. */
const RECEIVED_ON = '2024-05-20';

// Issue 24, High 1: nobody learns from the public answers who applied for a mobile ballot box.
// A repeated application of the same person for the same ballot is answered exactly like a
// first one, stored sealed with its own reference and linked to the earlier one for staff; an
// identical repeat of an application still received is folded into it.

const REFERENCE = /^[A-HJKMNP-TW-Z2-9]{5}-[A-HJKMNP-TW-Z2-9]{5}$/;
let serial = 0;
/** A valid ЕГН nobody else in this file uses (born 1 February 1977). */
function freshNumber(): string {
  const first9 = `770201${String(serial++).padStart(3, '0')}`;
  const weights = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  const sum = [...first9].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0) % 11;
  return `${first9}${sum === 10 ? 0 : sum}`;
}
const application = (idNumber: string, extra: Record<string, unknown> = {}) => ({ ...VOTER, idNumber, ballots: ['ep'], ...extra });

interface Stored {
  id: number;
  district: string;
  repeatOf: number | null;
  mergedInto: number | null;
  closedAs: string | null;
  personSealed: string;
}
const stored = (reference: string) =>
  env.DB.prepare(
    'SELECT id, district, repeat_of AS repeatOf, merged_into AS mergedInto, closed_as AS closedAs, person_sealed AS personSealed FROM mobile_box_requests WHERE reference = ?',
  )
    .bind(reference)
    .first<Stored>();

/** What an answer looks like, without its values: every key with the type of its value, and the references' format. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, shapeOf(item)]));
  if (typeof value === 'string' && REFERENCE.test(value)) return 'reference';
  return typeof value;
}

/** Everything an answer says but its references: status, headers, and the body's shape. */
async function answerOf(response: Response) {
  const body = (await response.json()) as Created;
  return {
    status: response.status,
    headers: [...response.headers].sort(([a], [b]) => a.localeCompare(b)),
    shape: shapeOf(body),
    // The values besides the references, which are the same for the same submission.
    values: body.requests.map(({ reference: _, ...rest }) => rest),
    body,
  };
}

/** The D1 binding, recording the text of every statement the Worker prepares on it, and its batches. */
function recordingDatabase() {
  const statements: string[] = [];
  let batches = 0;
  const db = new Proxy(env.DB, {
    get(on, property) {
      if (property === 'prepare')
        return (query: string) => {
          statements.push(query);
          return on.prepare(query);
        };
      if (property === 'batch') batches++;
      const value = Reflect.get(on, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(on) : value;
    },
  });
  return {
    db,
    take() {
      const taken = { statements: [...statements], batches };
      statements.length = 0;
      batches = 0;
      return taken;
    },
  };
}

beforeAll(async () => {
  await staffAccounts();
});

describe('a repeated application is answered like a first one', () => {
  it('the answers to a first and a repeated application cannot be told apart: status, headers, body keys and types, reference format', async () => {
    const idNumber = freshNumber();
    const first = await answerOf(await submit(application(idNumber, { ballots: ['ep', 'ns'] })));
    // Someone else, with this voter's number, another phone and address, and their own (third) try.
    const impostor = await answerOf(
      await submit(application(idNumber, { ballots: ['ep', 'ns'], phone: '0877 000 111', address: { district: 'mladost', street: 'ул. Друга', number: '1' } })),
    );
    const identical = await answerOf(await submit(application(idNumber, { ballots: ['ep', 'ns'] })));
    for (const repeat of [impostor, identical]) {
      expect(repeat.status).toBe(201);
      expect(repeat.headers).toEqual(first.headers);
      expect(repeat.shape).toEqual(first.shape);
      expect(repeat.values).toEqual(first.values);
      expect(Object.keys(repeat.body)).toEqual(['requests']);
      // Its own references, never the first's.
      for (const request of repeat.body.requests) {
        expect(request.reference).toMatch(REFERENCE);
        expect(first.body.requests.map((r) => r.reference)).not.toContain(request.reference);
      }
    }
    expect(first.shape).toEqual({
      requests: [{ reference: 'reference', ballot: 'string', form: 'string', status: 'string', late: 'boolean' }, expect.anything()],
    });
    // A status check right after each one says "received".
    for (const [index, answer] of [first, impostor, identical].entries()) {
      for (const request of answer.body.requests) {
        const seen = await status({ reference: request.reference, idNumber }, `10.66.${index}.${request.ballot === 'ep' ? 1 : 2}`);
        expect(await seen.json()).toEqual({ status: 'received', receivedOn: RECEIVED_ON });
      }
    }
  });

  it('runs the same SQL statements for a first and a repeated application (identical or not), with or without an Idempotency-Key: only the bound values differ', async () => {
    const recording = recordingDatabase();
    const bindings = { DB: recording.db };
    for (const key of [undefined, 'k']) {
      const idNumber = freshNumber();
      const withKey = (n: number) => (key ? { key: `${key}-${idNumber}-${n}` } : {});
      expect((await submit(application(idNumber), { bindings, ...withKey(1) })).status).toBe(201);
      const firstRun = recording.take();
      expect((await submit(application(idNumber, { phone: '0877 000 222' }), { bindings, ...withKey(2) })).status).toBe(201);
      const repeatRun = recording.take();
      expect((await submit(application(idNumber), { bindings, ...withKey(3) })).status).toBe(201);
      const identicalRun = recording.take();
      expect(firstRun.statements.some((query) => query.startsWith('insert into "mobile_box_requests"'))).toBe(true);
      expect(repeatRun).toEqual(firstRun);
      expect(identicalRun).toEqual(firstRun);
      // The repeat is stored, linked; the identical one folded: the same statements decided it.
      const rows = await env.DB.prepare(
        `SELECT repeat_of IS NOT NULL AS linked, closed_as AS closedAs FROM mobile_box_requests WHERE id_hash = (SELECT id_hash FROM mobile_box_requests WHERE reference = ?) ORDER BY id`,
      )
        .bind((await (await submit(application(idNumber), { key: `${idNumber}-status` })).json<Created>()).requests[0]!.reference)
        .all<{ linked: number; closedAs: string | null }>();
      expect(rows.results.slice(0, 3)).toEqual([
        { linked: 0, closedAs: null },
        { linked: 1, closedAs: null },
        { linked: 1, closedAs: 'folded' },
      ]);
    }
  });

  it('Idempotency-Key: a retry of a repeated application replays its first answer, byte for byte', async () => {
    const idNumber = freshNumber();
    const first = (await (await submit(application(idNumber))).json()) as Created;
    const key = crypto.randomUUID();
    const repeat = await submit(application(idNumber, { phone: '0877 000 333' }), { key });
    const retry = await submit(application(idNumber, { phone: '0877 000 333' }), { key });
    expect([repeat.status, retry.status]).toEqual([201, 201]);
    expect(await retry.text()).toBe(await repeat.text());
    // The retry stored nothing: the first application and its one repeat.
    const rows = await env.DB.prepare(
      'SELECT count(*) AS n FROM mobile_box_requests WHERE id_hash = (SELECT id_hash FROM mobile_box_requests WHERE reference = ?)',
    )
      .bind(first.requests[0]!.reference)
      .first<{ n: number }>();
    expect(rows?.n).toBe(2);
  });
});

describe('an application made in a voter’s name never blocks the voter', () => {
  it('the voter’s own application after an impostor’s is accepted (201); staff see the pair and resolve it; the voter’s request can then be accepted', async () => {
    const idNumber = freshNumber();
    // The impostor applies first, in another district, with their own phone.
    const impostor = (await (
      await submit(application(idNumber, { phone: '0877 666 666', address: { district: 'lyulin', street: 'ж.к. Люлин 5', block: '517' } }))
    ).json()) as Created;
    const own = await submit(application(idNumber));
    expect(own.status).toBe(201);
    const voter = (await own.json()) as Created;
    const [first, repeat] = [(await stored(impostor.requests[0]!.reference))!, (await stored(voter.requests[0]!.reference))!];
    expect(repeat).toMatchObject({ repeatOf: first.id, closedAs: null, district: 'mladost' });
    // Sealed like any other: nothing of the voter in clear.
    expect(repeat.personSealed).not.toContain(VOTER.fullName);
    expect(repeat.personSealed).not.toContain(idNumber);

    // Младост sees its voter's request, marked as an unresolved repeat, and cannot accept it yet.
    const list = (await (await as('mladost', '/requests?ballot=ep')).json()) as { requests: { id: number; repeatOf: number | null }[] };
    expect(list.requests.find((row) => row.id === repeat.id)).toMatchObject({ repeatOf: first.id });
    const refused = await as('mladost', `/requests/${repeat.id}/decision`, { json: { decision: 'accept' } });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('repeat_unresolved');
    // The earlier one is in Люлин: outside Младост's reach, the pair is the city's.
    const opened = (await (await as('mladost', `/requests/${repeat.id}`)).json()) as { earlier: { inReach: boolean; district: string; reference?: string } };
    expect(opened.earlier).toEqual({ id: first.id, district: 'lyulin', inReach: false, resolved: false });
    expect((await as('mladost', `/requests/${repeat.id}/pair`)).status).toBe(404);

    // The city sees both side by side, with their differences.
    const pair = (await (await as('city', `/requests/${repeat.id}/pair`)).json()) as {
      first: { reference: string; person: { phone: string } };
      repeat: { reference: string; person: { phone: string } };
      differences: string[];
    };
    expect([pair.first.reference, pair.repeat.reference]).toEqual([impostor.requests[0]!.reference, voter.requests[0]!.reference]);
    expect([pair.first.person.phone, pair.repeat.person.phone]).toEqual(['0877 666 666', VOTER.phone]);
    // Both came at the demo clock's one moment, online, from the same person's name.
    expect(pair.differences).toEqual(['address', 'phone']);

    // The city called the earlier number: nobody there asked. It rejects the impostor's application.
    const resolved = await as('city', `/requests/${repeat.id}/pair`, {
      json: { resolution: 'reject_first', reason: 'Подадено от името на избирателя без негово знание.' },
    });
    expect(resolved.status).toBe(200);
    expect((await as('mladost', `/requests/${repeat.id}/decision`, { json: { decision: 'accept' } })).status).toBe(200);
    expect(await (await status({ reference: voter.requests[0]!.reference, idNumber }, '10.67.0.1')).json()).toEqual({
      status: 'accepted',
      receivedOn: RECEIVED_ON,
    });
    expect(await (await status({ reference: impostor.requests[0]!.reference, idNumber }, '10.67.0.2')).json()).toEqual({
      status: 'rejected',
      receivedOn: RECEIVED_ON,
      reason: 'Подадено от името на избирателя без негово знание.',
    });
  });
});

describe('identical repeats are not new work', () => {
  it('50 identical submissions at once, without a key: 50 × 201 with 50 references, one application for staff sent 50 times, counted once', async () => {
    const idNumber = freshNumber();
    const body = application(idNumber, { address: { district: 'slatina', street: 'ул. Гео Милев', number: '20' } });
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => submit(body, { client: `10.68.${i}.1` })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(50).fill(201));
    const references = (await Promise.all(answers.map((answer) => answer.json() as Promise<Created>))).map((created) => created.requests[0]!.reference);
    expect(new Set(references).size).toBe(50);
    const rows = await Promise.all(references.map(async (reference) => (await stored(reference))!));
    const open = rows.filter((row) => row.closedAs === null);
    expect(open).toHaveLength(1);
    const target = open[0]!;
    expect(rows.filter((row) => row.closedAs === 'folded' && row.mergedInto === target.id)).toHaveLength(49);

    const list = (await (await as('city', '/requests?ballot=ep')).json()) as {
      requests: { id: number; district: string; sentTimes: number }[];
      counts: { ballot: string; status: string; count: number }[];
    };
    const slatina = list.requests.filter((row) => row.district === 'slatina');
    expect(slatina).toEqual([expect.objectContaining({ id: target.id, sentTimes: 50 })]);
    type Summary = { districts: { district: string; ballot: string; received: number; accepted: number }[] };
    const slatinaCounts = async () =>
      ((await (await as('city', '/summary')).json()) as Summary).districts.find((row) => row.district === 'slatina' && row.ballot === 'ep');
    expect(await slatinaCounts()).toEqual({ district: 'slatina', ballot: 'ep', received: 1, accepted: 0 });

    // Every folded reference answers as the application it was folded into, also once decided.
    const folded = references.filter((reference) => reference !== references[rows.indexOf(target)]);
    expect(await (await status({ reference: folded[0]!, idNumber }, '10.69.0.1')).json()).toEqual({ status: 'received', receivedOn: RECEIVED_ON });
    expect((await as('city', `/requests/${target.id}/decision`, { json: { decision: 'accept' } })).status).toBe(200);
    expect(await slatinaCounts()).toEqual({ district: 'slatina', ballot: 'ep', received: 0, accepted: 1 });
    expect(await (await status({ reference: folded[48]!, idNumber }, '10.69.0.2')).json()).toEqual({ status: 'accepted', receivedOn: RECEIVED_ON });
    // A folded copy is not a request to decide.
    const closed = await as('city', `/requests/${rows.find((row) => row.closedAs === 'folded')!.id}/decision`, { json: { decision: 'reject', reason: 'x' } });
    expect(((await closed.json()) as { error: { code: string } }).error.code).toBe('request_closed');
  });

  it('an identical repeat of an application already decided is a linked repeat for staff, and its status right after says "received"', async () => {
    const idNumber = freshNumber();
    const first = (await (await submit(application(idNumber))).json()) as Created;
    const firstRow = (await stored(first.requests[0]!.reference))!;
    expect((await as('mladost', `/requests/${firstRow.id}/decision`, { json: { decision: 'accept' } })).status).toBe(200);
    const again = (await (await submit(application(idNumber))).json()) as Created;
    expect(await stored(again.requests[0]!.reference)).toMatchObject({ repeatOf: firstRow.id, closedAs: null, mergedInto: null });
    expect(await (await status({ reference: again.requests[0]!.reference, idNumber }, '10.69.1.1')).json()).toEqual({
      status: 'received',
      receivedOn: RECEIVED_ON,
    });
  });

  it('after the retention, the counts kept count a person’s repeat and folded copies once', async () => {
    const idNumber = freshNumber();
    const body = application(idNumber, { address: { district: 'vrabnitsa', street: 'ул. Първа', number: '1' } });
    await submit(body);
    await submit(body);
    await submit({ ...body, phone: '0877 000 444' });
    const before = await env.DB.prepare("SELECT count(*) AS n FROM mobile_box_requests WHERE district = 'vrabnitsa'").first<{ n: number }>();
    expect(before?.n).toBe(3);
    await scheduled(createScheduledController({ scheduledTime: new Date('2024-09-08T03:17:00Z'), cron: '17 3 * * *' }), env, createExecutionContext());
    const counts = await env.DB.prepare("SELECT ballot, status, count FROM mobile_box_counts WHERE district = 'vrabnitsa'").all();
    expect(counts.results).toEqual([{ ballot: 'ep', status: 'received', count: 1 }]);
  });
});
