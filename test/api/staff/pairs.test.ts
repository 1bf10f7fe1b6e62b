import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDigits } from '#core/lookup/personal-numbers';
import { status, submit, VOTER, type Created } from '#test/api/mobile-box/fixtures';
import { api } from '#test/api/helpers';
import { as, sectionOf, staffAccounts, type Who } from '#test/api/sections/fixtures';
import { account, signIn } from './fixtures';

/** The day every application here is sent (the fixtures' clock, CAMPAIGN): the status answers with its date of receipt. */
const RECEIVED_ON = '2024-05-20';

// Staff resolve a pair: a repeated application of the same voter for the same ballot and the
// earlier one it is linked to. Keep one, merge, or reject one with a reason; each audited; the
// repeat cannot be accepted before; the same reach as the review (a district its own, the city
// its area, the police nothing).

let serial = 0;
function freshNumber(): string {
  const first9 = `660303${String(serial++).padStart(3, '0')}`;
  return first9 + checkDigits.egn(first9);
}

interface Pair {
  idNumber: string;
  first: { id: number; reference: string };
  repeat: { id: number; reference: string };
}
type ErrorJson = { error: { code: string; fields?: { field: string; code: string }[] } };

async function idOf(reference: string): Promise<number> {
  return (await env.DB.prepare('SELECT id FROM mobile_box_requests WHERE reference = ?').bind(reference).first<{ id: number }>())!.id;
}
const row = (id: number) =>
  env.DB.prepare('SELECT status, district, closed_as AS closedAs, merged_into AS mergedInto, resolved_at AS resolvedAt FROM mobile_box_requests WHERE id = ?')
    .bind(id)
    .first<{ status: string; district: string; closedAs: string | null; mergedInto: number | null; resolvedAt: string | null }>();

/** An application, then another of the same voter for the same ballot with other details (a Младост pair unless told). */
async function pair(first: Record<string, unknown> = {}, repeat: Record<string, unknown> = { phone: '0877 123 123' }): Promise<Pair> {
  const idNumber = freshNumber();
  const made = async (extra: Record<string, unknown>) => {
    const response = await submit({ ...VOTER, idNumber, ballots: ['ep'], ...extra });
    expect(response.status).toBe(201);
    const reference = ((await response.json()) as Created).requests[0]!.reference;
    return { id: await idOf(reference), reference };
  };
  const one = await made(first);
  return { idNumber, first: one, repeat: await made(repeat) };
}

const resolve = (who: Who, target: Pair, body: unknown, csrf = true) => as(who, `/requests/${target.repeat.id}/pair`, { json: body, csrf });
const lastAudit = async (action: string) =>
  env.DB.prepare('SELECT user_id AS userId, records FROM staff_audit WHERE action = ? ORDER BY id DESC LIMIT 1').bind(action).first<{ records: string }>();
let clients = 0;
const statusOf = async (target: Pair, reference: string) => (await status({ reference, idNumber: target.idNumber }, `10.71.0.${++clients}`)).json();

beforeAll(async () => {
  await staffAccounts();
});

describe('who may open and resolve a pair', () => {
  const table: [Who, number, number][] = [
    // who, GET the pair, POST a resolution (keep the first)
    ['anonymous', 401, 401],
    ['lyulin', 404, 404],
    ['police', 404, 404],
    ['mladost', 200, 200],
  ];
  it.each(table)('%s: open %i, resolve %i', async (who, open, resolved) => {
    const target = await pair();
    expect((await as(who, `/requests/${target.repeat.id}/pair`)).status).toBe(open);
    expect((await resolve(who, target, { resolution: 'keep_first' })).status).toBe(resolved);
  });

  it('the city resolves pairs of its area; another district’s refusal is audited and looks like a missing request', async () => {
    const target = await pair();
    const other = await as('lyulin', `/requests/${target.repeat.id}/pair`);
    const missing = await as('lyulin', '/requests/999999/pair');
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(await other.text()).toBe(await missing.text());
    expect(JSON.parse((await lastAudit('scope.refused'))!.records)).toEqual({ requests: [target.repeat.id] });
    expect((await resolve('city', target, { resolution: 'keep_first' })).status).toBe(200);
  });

  it('the city of another municipality gets 404 for a Sofia pair, audited, like a missing request', async () => {
    const target = await pair();
    await account('city@primerovo.example', { role: 'city', area: 'bg-primerovo', iterations: 1_000 });
    const elsewhere = await signIn('city@primerovo.example');
    const headers = { cookie: elsewhere.cookie, 'x-csrf-token': elsewhere.csrf, 'content-type': 'application/json' };
    const opened = await api(`/api/admin/requests/${target.repeat.id}/pair`, { headers });
    const resolved = await api(`/api/admin/requests/${target.repeat.id}/pair`, { method: 'POST', headers, body: JSON.stringify({ resolution: 'keep_first' }) });
    expect([opened.status, resolved.status]).toEqual([404, 404]);
    expect(await row(target.repeat.id)).toMatchObject({ closedAs: null, resolvedAt: null });
    expect(JSON.parse((await lastAudit('scope.refused'))!.records)).toEqual({ requests: [target.repeat.id] });
  });

  it('without the CSRF token 403 and nothing changes; a request that repeats nothing has no pair (404)', async () => {
    const target = await pair();
    expect((await resolve('mladost', target, { resolution: 'keep_first' }, false)).status).toBe(403);
    expect(await row(target.repeat.id)).toMatchObject({ closedAs: null, resolvedAt: null });
    expect((await as('mladost', `/requests/${target.first.id}/pair`)).status).toBe(404);
  });

  it('a pair across two districts is the city’s: the district of the repeat is told so, and cannot open the other’s details', async () => {
    const target = await pair({ address: { district: 'lyulin', street: 'ж.к. Люлин 5', block: '517' } }, {});
    const opened = (await (await as('mladost', `/requests/${target.repeat.id}`)).json()) as { earlier: unknown; repeatOf: number | null };
    expect(opened).toMatchObject({ repeatOf: target.first.id, earlier: { id: target.first.id, district: 'lyulin', inReach: false, resolved: false } });
    expect(JSON.stringify(opened.earlier)).not.toContain(target.first.reference);
    expect((await as('mladost', `/requests/${target.repeat.id}/pair`)).status).toBe(404);
    expect((await as('city', `/requests/${target.repeat.id}/pair`)).status).toBe(200);
    // Lyulin sees its (earlier) request and that a later one came in Младост.
    const earlier = (await (await as('lyulin', `/requests/${target.first.id}`)).json()) as { repeats: unknown[] };
    expect(earlier.repeats).toEqual([{ id: target.repeat.id, district: 'mladost', inReach: false, resolved: false }]);
  });
});

describe('resolving a pair', () => {
  it('shows both side by side with their differences, without the personal number; the read is audited', async () => {
    const target = await pair(
      { submittedBy: 'representative', representative: { fullName: 'Иван Петров', idNumber: '1234567893', phone: '0888 000 001', powerOfAttorney: true } },
      { phone: '0877 123 123', email: 'other@example.org', fullName: 'Мария Петрова' },
    );
    const response = await as('mladost', `/requests/${target.repeat.id}/pair`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    expect(text).not.toContain(target.idNumber);
    expect(text).not.toContain('1234567893');
    const shown = JSON.parse(text) as { resolved: boolean; differences: string[]; first: { representative?: unknown; sentTimes: number } };
    expect(shown.resolved).toBe(false);
    expect(shown.differences.sort()).toEqual(['email', 'fullName', 'phone', 'representative']);
    expect(shown.first.representative).toEqual({ fullName: 'Иван Петров', phone: '0888 000 001' });
    expect(JSON.parse((await lastAudit('request.read'))!.records)).toEqual({ requests: [target.first.id, target.repeat.id] });
  });

  it('the repeat cannot be accepted (or rejected) before the pair is resolved; the first may be reviewed as before', async () => {
    const target = await pair();
    for (const decision of [{ decision: 'accept' }, { decision: 'reject', reason: 'x' }]) {
      const refused = await as('mladost', `/requests/${target.repeat.id}/decision`, { json: decision });
      expect([refused.status, ((await refused.json()) as ErrorJson).error.code]).toEqual([409, 'repeat_unresolved']);
    }
    expect((await as('mladost', `/requests/${target.first.id}/decision`, { json: { decision: 'accept' } })).status).toBe(200);
  });

  it('keep the first: the repeat is closed, answers as the first, leaves the list; audited; a second resolution is 409', async () => {
    const target = await pair();
    const answer = await resolve('mladost', target, { resolution: 'keep_first' });
    expect(await answer.json()).toEqual({
      resolution: 'keep_first',
      first: { id: target.first.id, reference: target.first.reference, status: 'received', closedAs: null },
      repeat: { id: target.repeat.id, reference: target.repeat.reference, status: 'received', closedAs: 'superseded' },
    });
    expect(JSON.parse((await lastAudit('request.resolve'))!.records)).toEqual({ requests: [target.first.id, target.repeat.id], resolution: 'keep_first' });
    const list = (await (await as('mladost', '/requests')).json()) as { requests: { id: number }[] };
    expect(list.requests.map((request) => request.id)).not.toContain(target.repeat.id);
    expect((await as('mladost', `/requests/${target.first.id}/decision`, { json: { decision: 'accept' } })).status).toBe(200);
    expect(await statusOf(target, target.repeat.reference)).toEqual({ status: 'accepted', receivedOn: RECEIVED_ON });
    const again = await resolve('mladost', target, { resolution: 'keep_repeat' });
    expect([again.status, ((await again.json()) as ErrorJson).error.code]).toEqual([409, 'pair_resolved']);
    const closed = await as('mladost', `/requests/${target.repeat.id}/decision`, { json: { decision: 'accept' } });
    expect(((await closed.json()) as ErrorJson).error.code).toBe('request_closed');
  });

  it('keep the repeat: the first is closed and answers as the repeat, which can now be accepted', async () => {
    const target = await pair();
    expect((await resolve('mladost', target, { resolution: 'keep_repeat' })).status).toBe(200);
    expect(await row(target.first.id)).toMatchObject({ closedAs: 'superseded', mergedInto: target.repeat.id });
    expect((await as('mladost', `/requests/${target.repeat.id}/decision`, { json: { decision: 'accept' } })).status).toBe(200);
    expect(await statusOf(target, target.first.reference)).toEqual({ status: 'accepted', receivedOn: RECEIVED_ON });
  });

  it('merge: the first keeps its reference and takes the ticked details of the repeat (the address moves it to that district), the repeat is closed as merged', async () => {
    const target = await pair(
      {},
      {
        phone: '0877 123 123',
        email: 'new@example.org',
        address: { district: 'vitosha', street: 'кв. Бояна', number: '7' },
      },
    );
    expect((await resolve('city', target, { resolution: 'merge', take: ['phone', 'address'] })).status).toBe(200);
    const first = (await (await as('city', `/requests/${target.first.id}`)).json()) as {
      reference: string;
      district: string;
      person: { phone: string; email?: string; address: { district: string; street: string } };
    };
    expect(first.reference).toBe(target.first.reference);
    expect(first.person.phone).toBe('0877 123 123');
    expect(first.person.email).toBe(VOTER.email);
    expect([first.district, first.person.address.district, first.person.address.street]).toEqual(['vitosha', 'vitosha', 'кв. Бояна']);
    expect(await row(target.repeat.id)).toMatchObject({ closedAs: 'merged', mergedInto: target.first.id });
    expect(JSON.parse((await lastAudit('request.resolve'))!.records)).toEqual({
      requests: [target.first.id, target.repeat.id],
      resolution: 'merge',
      took: ['phone', 'address'],
    });
    expect(await statusOf(target, target.repeat.reference)).toEqual({ status: 'received', receivedOn: RECEIVED_ON });
  });

  it('reject one: it needs a reason, which its applicant reads; the other goes on as any request', async () => {
    const target = await pair();
    const noReason = await resolve('mladost', target, { resolution: 'reject_repeat' });
    expect([noReason.status, ((await noReason.json()) as ErrorJson).error.fields]).toEqual([
      422,
      [expect.objectContaining({ field: 'reason', code: 'required' })],
    ]);
    expect((await resolve('mladost', target, { resolution: 'reject_repeat', reason: 'Подадено без знанието на избирателя.' })).status).toBe(200);
    expect(await statusOf(target, target.repeat.reference)).toEqual({
      status: 'rejected',
      receivedOn: RECEIVED_ON,
      reason: 'Подадено без знанието на избирателя.',
    });
    expect(await statusOf(target, target.first.reference)).toEqual({ status: 'received', receivedOn: RECEIVED_ON });
    const sealed = await env.DB.prepare('SELECT reason_sealed AS reason FROM mobile_box_requests WHERE id = ?')
      .bind(target.repeat.id)
      .first<{ reason: string }>();
    expect(sealed!.reason).not.toContain('избирателя');
  });

  it('a request on a route is neither closed nor rewritten: take it off first (409 already_assigned); keeping it is fine', async () => {
    // The first was accepted and registered before the repeat came.
    const idNumber = freshNumber();
    const first = (await (await submit({ ...VOTER, idNumber, ballots: ['ep'] })).json()) as Created;
    const firstId = await idOf(first.requests[0]!.reference);
    await as('mladost', `/requests/${firstId}/decision`, { json: { decision: 'accept' } });
    const section = await sectionOf('mladost');
    expect((await as('mladost', `/sections/${section.id}/stops`, { json: { requestIds: [firstId] } })).status).toBe(200);
    const repeat = (await (await submit({ ...VOTER, idNumber, ballots: ['ep'], phone: '0877 321 321' })).json()) as Created;
    const routed: Pair = {
      idNumber,
      first: { id: firstId, reference: first.requests[0]!.reference },
      repeat: { id: await idOf(repeat.requests[0]!.reference), reference: '' },
    };
    for (const resolution of ['keep_repeat', 'merge', 'reject_first'] as const) {
      const refused = await resolve('mladost', routed, { resolution, reason: 'x', take: ['phone'] });
      expect([resolution, refused.status, ((await refused.json()) as ErrorJson).error.code]).toEqual([resolution, 409, 'already_assigned']);
    }
    expect((await resolve('mladost', routed, { resolution: 'keep_first' })).status).toBe(200);
  });

  it('two officers resolving the same pair at once: one resolution holds, the other is 409 pair_resolved, one audit entry', async () => {
    const target = await pair();
    const answers = await Promise.all([
      resolve('mladost', target, { resolution: 'keep_first' }),
      resolve('city', target, { resolution: 'keep_repeat' }),
      resolve('mladost', target, { resolution: 'reject_repeat', reason: 'x' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409]);
    const entries = await env.DB.prepare("SELECT count(*) AS n FROM staff_audit WHERE action = 'request.resolve' AND records LIKE ?")
      .bind(`%[${target.first.id},${target.repeat.id}]%`)
      .first<{ n: number }>();
    expect(entries?.n).toBe(1);
    const [first, repeat] = [await row(target.first.id), await row(target.repeat.id)];
    expect([first?.closedAs, repeat?.closedAs].filter(Boolean)).toHaveLength(1);
  });
});

describe('paper entry of a repeat', () => {
  const paper = (idNumber: string, extra: Record<string, unknown> = {}) => ({
    ...VOTER,
    idNumber,
    ballots: ['ep'],
    address: { district: 'mladost', street: 'ул. Шипка', number: '6' },
    channel: 'post',
    receivedOn: '2024-05-20',
    incomingNumber: '94-00-501',
    ...extra,
  });
  it('is stored and linked like an online one; staff are told which application it repeats, and of an identical one that it was folded', async () => {
    const idNumber = freshNumber();
    const online = (await (await submit({ ...VOTER, idNumber, ballots: ['ep'] })).json()) as Created;
    const entered = await as('mladost', '/requests', { json: paper(idNumber) });
    expect(entered.status).toBe(201);
    const body = (await entered.json()) as Created & { repeats: unknown[] };
    expect(body.repeats).toEqual([
      {
        reference: body.requests[0]!.reference,
        ballot: 'ep',
        folded: false,
        earlier: { id: await idOf(online.requests[0]!.reference), reference: online.requests[0]!.reference, district: 'mladost', inReach: true },
      },
    ]);
    const again = (await (await as('mladost', '/requests', { json: paper(idNumber) })).json()) as Created & {
      repeats: { folded: boolean; earlier: { reference: string } }[];
    };
    expect(again.repeats).toEqual([expect.objectContaining({ folded: true, earlier: expect.objectContaining({ reference: body.requests[0]!.reference }) })]);
    const fresh = (await (await as('mladost', '/requests', { json: paper(freshNumber()) })).json()) as { repeats: unknown[] };
    expect(fresh.repeats).toEqual([]);
  });
});
