import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '#test/api/helpers';
import { type Created, type ErrorJson, status, submit, VOTER } from '#test/api/mobile-box/fixtures';
import { freshEgn } from '#test/api/sections/fixtures';
import { account, signIn } from '#test/api/staff/fixtures';

// A campaign that exists only as data: the invented election test/fixtures/content/elections/
// test-2024-05-12-pvr.json (one ballot, `pvr`, form 30-ПВР) in two invented municipalities
// (test/fixtures/content/areas/bg-primerovo.json, bg-drugovo.json). No code names any of them:
// the whole flow below runs on what those files say, with the clock moved into their window.
const ELECTION = 'test-2024-05-12-pvr';
const OPEN = '2024-04-20T10:00:00+03:00';
const LATE = '2024-05-02T10:00:00+03:00';
const PAST_HANDOVER = '2024-05-09T00:00:01+03:00';
const APPLICATION = {
  ...VOTER,
  election: ELECTION,
  area: 'bg-primerovo',
  ballots: ['pvr'],
  address: { district: 'sever', street: 'ул. Първа', number: '3' },
};

type Session = { cookie: string; csrf: string };
const sessions: Record<string, Session> = {};

function staff(who: string, path: string, init: RequestInit & { json?: unknown; now?: string } = {}) {
  const headers = new Headers(init.headers);
  headers.set('cookie', sessions[who]!.cookie);
  headers.set('x-csrf-token', sessions[who]!.csrf);
  if (init.json !== undefined) headers.set('content-type', 'application/json');
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  return api(
    `/api/admin${path}`,
    { method: init.method ?? (init.json !== undefined ? 'POST' : 'GET'), headers, ...(body ? { body } : {}) },
    { NOW: init.now ?? OPEN },
  );
}

async function requestId(reference: string): Promise<number> {
  return (await env.DB.prepare('SELECT id FROM mobile_box_requests WHERE reference = ?').bind(reference).first<{ id: number }>())!.id;
}

beforeAll(async () => {
  await account('sever@primerovo.example', { area: 'bg-primerovo', district: 'sever', iterations: 1_000 });
  await account('iztok@primerovo.example', { area: 'bg-primerovo', district: 'iztok', iterations: 1_000 });
  await account('city@primerovo.example', { role: 'city', area: 'bg-primerovo', iterations: 1_000 });
  await account('police@primerovo.example', { role: 'police', area: 'bg-primerovo', iterations: 1_000 });
  await account('mladost@sofia.example', { district: 'mladost', iterations: 1_000 });
  for (const [who, email] of [
    ['sever', 'sever@primerovo.example'],
    ['iztok', 'iztok@primerovo.example'],
    ['city', 'city@primerovo.example'],
    ['police', 'police@primerovo.example'],
    ['sofia', 'mladost@sofia.example'],
  ] as const)
    sessions[who] = await signIn(email);
});

describe('an election and municipalities added as data only (test/fixtures/content)', () => {
  it('the form data: the area must be named (the election has two), then its districts and its one ballot', async () => {
    const noArea = await api(`/api/mobile-box-requests/districts?election=${ELECTION}`);
    expect(noArea.status).toBe(422);
    expect(((await noArea.json()) as ErrorJson).error.fields).toEqual([expect.objectContaining({ field: 'area', code: 'required' })]);
    const response = await api(`/api/mobile-box-requests/districts?election=${ELECTION}&area=bg-primerovo&lang=en`, {}, { NOW: OPEN });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      districts: [
        { id: 'sever', name: 'North', mobileSection: true },
        { id: 'yug', name: 'South', mobileSection: false },
        { id: 'iztok', name: 'East', mobileSection: false },
      ],
      // Its commission is appointed on 29 April (the data dates the decision): not yet on 20 April.
      settlements: [
        { id: 'primerovo', name: 'Primerovo', mobileCommission: false },
        { id: 'gorno-primerovo', name: 'Gorno Primerovo', districts: ['iztok'], mobileCommission: false },
        { id: 'dolno-primerovo', name: 'Dolno Primerovo', districts: ['iztok'], mobileCommission: false },
      ],
      ballots: [{ id: 'pvr', name: 'President and Vice-President', form: '30-ПВР' }],
    });
  });

  it('applies for its own ballot, stores the ballot id as text, and gives the status', async () => {
    const idNumber = freshEgn();
    const response = await submit({ ...APPLICATION, idNumber }, { now: OPEN });
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    expect(created.requests).toEqual([{ reference: expect.any(String), ballot: 'pvr', form: '30-ПВР', status: 'received', late: false }]);
    const row = await env.DB.prepare('SELECT election_id, ballot, district FROM mobile_box_requests WHERE reference = ?')
      .bind(created.requests[0]!.reference)
      .first();
    expect(row).toEqual({ election_id: ELECTION, ballot: 'pvr', district: 'sever' });
    const answer = await status({ reference: created.requests[0]!.reference, idNumber }, '10.62.0.1');
    expect(await answer.json()).toEqual({ status: 'received', receivedOn: '2024-04-20' });
    // A second application for the same ballot, another phone: answered like the first, linked to it for staff, as for any election.
    const again = await submit({ ...APPLICATION, idNumber, phone: '0877 000 999' }, { now: OPEN });
    expect(again.status).toBe(201);
    const repeat = await env.DB.prepare('SELECT repeat_of AS repeatOf FROM mobile_box_requests WHERE reference = ?')
      .bind(((await again.json()) as Created).requests[0]!.reference)
      .first<{ repeatOf: number }>();
    expect(repeat?.repeatOf).toBe(await requestId(created.requests[0]!.reference));
  });

  it('refuses, each on its field and all at once: a ballot of another election, a district of another area, no area', async () => {
    const wrong = await submit(
      { ...APPLICATION, idNumber: freshEgn(), ballots: ['pvr', 'ep'], address: { ...APPLICATION.address, district: 'mladost' } },
      { now: OPEN },
    );
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as ErrorJson).error.fields?.map((f) => [f.field, f.code])).toEqual([
      ['ballots.1', 'invalid_choice'],
      ['address.district', 'invalid_choice'],
    ]);
    const { area: _area, ...withoutArea } = APPLICATION;
    const none = await submit({ ...withoutArea, idNumber: freshEgn() }, { now: OPEN });
    expect(((await none.json()) as ErrorJson).error.fields?.map((f) => [f.field, f.code])).toEqual([['area', 'required']]);
  });

  it('late applications only from a settlement where the election appointed a mobile commission (its data: the town of Primerovo, in all its districts; not its villages), from the day of that decision', async () => {
    const late = await submit({ ...APPLICATION, idNumber: freshEgn() }, { now: LATE });
    expect(late.status).toBe(201);
    expect(((await late.json()) as Created).requests[0]!.late).toBe(true);
    // `yug` has no section of its own, but lies in the town that has a commission.
    const yug = await submit({ ...APPLICATION, idNumber: freshEgn(), address: { ...APPLICATION.address, district: 'yug' } }, { now: LATE });
    expect(yug.status).toBe(201);
    const village = { ...APPLICATION, address: { ...APPLICATION.address, district: 'iztok', settlement: 'gorno-primerovo' } };
    const refused = await submit({ ...village, idNumber: freshEgn() }, { now: LATE });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorJson).error.code).toBe('no_mobile_commission');
    // The commission was appointed on 29 April: a late application a day earlier is refused.
    const early = await submit({ ...APPLICATION, idNumber: freshEgn() }, { now: '2024-04-28T10:00:00+03:00' });
    expect(((await early.json()) as ErrorJson).error.code).toBe('no_mobile_commission');
  });

  it('its staff review, register and hand over on the section its data gives (number and base included)', async () => {
    const idNumber = freshEgn();
    const created = (await (await submit({ ...APPLICATION, idNumber }, { now: OPEN })).json()) as Created;
    const id = await requestId(created.requests[0]!.reference);

    const list = (await (await staff('sever', '/requests')).json()) as { election: string; editable: boolean; requests: { id: number; ballot: string }[] };
    expect(list.election).toBe(ELECTION);
    expect(list.editable).toBe(true);
    expect(list.requests.find((request) => request.id === id)?.ballot).toBe('pvr');
    expect((await staff('sever', `/requests/${id}/decision`, { json: { decision: 'accept' } })).status).toBe(200);

    const sections = (await (await staff('city', '/sections')).json()) as {
      election: string;
      sections: { id: number; district: string; number: string; label: string; baseAddress: string }[];
    };
    expect(sections.election).toBe(ELECTION);
    expect(sections.sections).toEqual([
      expect.objectContaining({ district: 'sever', number: '319900001', label: '319900001', baseAddress: 'Примерово, пл. „Централен“ 1' }),
    ]);
    const section = sections.sections[0]!;
    expect((await staff('sever', `/sections/${section.id}/stops`, { json: { requestIds: [id] } })).status).toBe(200);
    const csv = await (await staff('sever', `/sections/${section.id}/route.csv`)).text();
    expect(csv).toContain('30-ПВР');
    expect((await staff('sever', `/sections/${section.id}/handover`, { json: {} })).status).toBe(200);
    const zip = await staff('police', '/routes.zip');
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const answer = await status({ reference: created.requests[0]!.reference, idNumber }, '10.62.0.2');
    expect(await answer.json()).toEqual({ status: 'assigned', receivedOn: '2024-04-20', section: '319900001' });
  });

  it('keeps each area to its own staff: another municipality, and another district, learn nothing', async () => {
    const created = (await (await submit({ ...APPLICATION, idNumber: freshEgn() }, { now: OPEN })).json()) as Created;
    const id = await requestId(created.requests[0]!.reference);
    expect((await staff('sofia', `/requests/${id}`)).status).toBe(404);
    expect((await staff('iztok', `/requests/${id}`)).status).toBe(404);
    expect((await staff('city', `/requests/${id}`)).status).toBe(200);
    // A Sofia account at the same moment is shown Sofia's election, and cannot name this one.
    expect(((await (await staff('sofia', '/requests')).json()) as { election: string }).election).toBe('bg-2024-06-09');
    expect((await staff('sofia', `/requests?election=${ELECTION}`)).status).toBe(422);
  });

  it('an account serves every election of its area: an older one is shown on request (its own ballots and section), read only', async () => {
    const older = (await (await staff('city', '/requests?election=test-2023-10-29-mi')).json()) as { election: string; editable: boolean; requests: unknown[] };
    expect(older).toEqual({ election: 'test-2023-10-29-mi', editable: false, requests: [], counts: [] });
    const sections = (await (await staff('city', '/sections?election=test-2023-10-29-mi')).json()) as { editable: boolean; sections: { district: string }[] };
    expect(sections.editable).toBe(false);
    expect(sections.sections.map((section) => section.district)).toEqual(['yug']);
    const summary = (await (await staff('city', '/summary?election=test-2023-10-29-mi')).json()) as { election: string; notifyAt: number };
    expect(summary).toMatchObject({ election: 'test-2023-10-29-mi', notifyAt: 10 });
  });

  it('after its hand-over deadline the election is read only: lists and requests open (audited), nothing is decided', async () => {
    const created = (await (await submit({ ...APPLICATION, idNumber: freshEgn() }, { now: OPEN })).json()) as Created;
    const id = await requestId(created.requests[0]!.reference);
    const list = (await (await staff('city', '/requests', { now: PAST_HANDOVER })).json()) as { election: string; editable: boolean };
    expect(list).toMatchObject({ election: ELECTION, editable: false });
    expect((await staff('city', `/requests/${id}`, { now: PAST_HANDOVER })).status).toBe(200);
    // Reading a closed election's request is still written to the audit log, by whom and which request.
    const read = await env.DB.prepare(
      "SELECT records, outcome FROM staff_audit WHERE action = 'request.read' AND user_id = (SELECT id FROM staff_users WHERE email = 'city@primerovo.example') ORDER BY id DESC LIMIT 1",
    ).first<{ records: string; outcome: string }>();
    expect(read && { records: JSON.parse(read.records) as unknown, outcome: read.outcome }).toEqual({ records: { requests: [id] }, outcome: 'ok' });
    const refused = await staff('city', `/requests/${id}/decision`, { json: { decision: 'accept' }, now: PAST_HANDOVER });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as ErrorJson).error.code).toBe('election_closed');
    const entry = await staff('city', '/requests', {
      json: { ...APPLICATION, idNumber: freshEgn(), channel: 'post', receivedOn: '2024-05-07', incomingNumber: 'ПР-17' },
      now: PAST_HANDOVER,
    });
    expect(entry.status).toBe(409);
    expect(((await entry.json()) as ErrorJson).error.code).toBe('election_closed');
  });
});
