import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '#test/api/helpers';
import { CAMPAIGN, status, submit, VOTER, type Created } from '#test/api/mobile-box/fixtures';
import { checkDigits } from '#core/lookup/personal-numbers';
import { account, signIn } from './fixtures';

type Who = 'anonymous' | 'own district' | 'other district' | 'city' | 'police';
const who: Partial<Record<Who, { cookie: string; csrf: string }>> = {};
let mladost: number; // a request in Младост
let lyulinRequest: Created;

async function requestId(reference: string): Promise<number> {
  const row = await env.DB.prepare('SELECT id FROM mobile_box_requests WHERE reference = ?').bind(reference).first<{ id: number }>();
  return row!.id;
}

function as(person: Who, path: string, init: RequestInit = {}, csrf = true) {
  const session = who[person];
  const headers = new Headers(init.headers);
  if (session) {
    headers.set('cookie', session.cookie);
    if (csrf) headers.set('x-csrf-token', session.csrf);
  }
  // The campaign's clock, so that paper entries meet the deadlines like the online ones.
  return api(`/api/admin/requests${path}`, { ...init, headers }, { NOW: CAMPAIGN });
}
const decide = (person: Who, id: number, body: unknown, csrf = true) =>
  as(person, `/${id}/decision`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, csrf);

beforeAll(async () => {
  await account('mladost@example.org', { district: 'mladost', iterations: 1_000 });
  await account('lyulin@example.org', { district: 'lyulin', iterations: 1_000 });
  await account('city@example.org', { role: 'city', iterations: 1_000 });
  await account('police@example.org', { role: 'police', iterations: 1_000 });
  who['own district'] = await signIn('mladost@example.org');
  who['other district'] = await signIn('lyulin@example.org');
  who.city = await signIn('city@example.org');
  who.police = await signIn('police@example.org');
  const created = (await (await submit({ ...VOTER, idNumber: '8912315676', ballots: ['ep'] })).json()) as Created;
  mladost = await requestId(created.requests[0]!.reference);
  lyulinRequest = (await (
    await submit({ ...VOTER, idNumber: '7501020018', ballots: ['ns'], address: { district: 'lyulin', street: 'ж.к. Люлин 5', block: '517' } })
  ).json()) as Created;
});

describe('staff review: who gets what', () => {
  const table: [Who, number, number, number][] = [
    // who, GET list, GET the Младост request, POST a decision on it
    ['anonymous', 401, 401, 401],
    ['own district', 200, 200, 200],
    ['other district', 200, 404, 404],
    ['city', 200, 200, 200],
    ['police', 404, 404, 404],
  ];
  it.each(table)('%s: list %i, open %i, decide %i', async (person, list, open, decision) => {
    expect((await as(person, '')).status).toBe(list);
    expect((await as(person, `/${mladost}`)).status).toBe(open);
    expect((await decide(person, mladost, { decision: 'accept' })).status).toBe(decision);
  });

  it('a district sees only its own district in the list and the counts; the city sees all', async () => {
    const own = (await (await as('own district', '')).json()) as { requests: { district: string; reference: string }[]; counts: { count: number }[] };
    expect(new Set(own.requests.map((r) => r.district))).toEqual(new Set(['mladost']));
    expect(own.counts.reduce((sum, c) => sum + c.count, 0)).toBe(own.requests.length);
    expect(JSON.stringify(own)).not.toContain('8912315676');
    const city = (await (await as('city', '?ballot=ns')).json()) as { requests: { reference: string }[] };
    expect(city.requests.map((r) => r.reference)).toContain(lyulinRequest.requests[0]!.reference);
  });

  it('another district’s request by id is a 404 exactly like an id that does not exist', async () => {
    const other = await as('other district', `/${mladost}`);
    const missing = await as('other district', '/999999');
    expect([other.status, missing.status]).toEqual([404, 404]);
    expect(await other.text()).toBe(await missing.text());
  });
});

describe('staff review: opening and deciding', () => {
  it('opens a request decrypted, and writes the read to the audit log', async () => {
    const response = await as('own district', `/${mladost}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const details = (await response.json()) as { person: { idNumber: string; fullName: string } };
    expect(details.person).toMatchObject({ idNumber: '8912315676', fullName: VOTER.fullName });
    const audit = await env.DB.prepare("SELECT records FROM staff_audit WHERE action = 'request.read' ORDER BY id DESC LIMIT 1").first<{ records: string }>();
    expect(JSON.parse(audit!.records)).toEqual({ requests: [mladost] });
  });

  it('a change without the CSRF token is 403; a rejection needs a reason, which the applicant then reads', async () => {
    expect((await decide('own district', mladost, { decision: 'reject', reason: 'x' }, false)).status).toBe(403);
    const noReason = await decide('own district', mladost, { decision: 'reject' });
    expect(noReason.status).toBe(422);
    expect(((await noReason.json()) as { error: { fields: { field: string; code: string }[] } }).error.fields).toEqual([
      expect.objectContaining({ field: 'reason', code: 'required' }),
    ]);
    const rejected = await decide('own district', mladost, { decision: 'reject', reason: 'Адресът е извън София.' });
    expect(rejected.status).toBe(200);
    const reference = ((await (await as('own district', `/${mladost}`)).json()) as { reference: string }).reference;
    const seen = await status({ reference, idNumber: '8912315676' });
    expect(await seen.json()).toEqual({ status: 'rejected', receivedOn: '2024-05-20', reason: 'Адресът е извън София.' });
    const row = await env.DB.prepare('SELECT reason_sealed FROM mobile_box_requests WHERE id = ?').bind(mladost).first<{ reason_sealed: string }>();
    expect(row!.reason_sealed).not.toContain('София');
    expect((await decide('own district', mladost, { decision: 'accept' })).status).toBe(200);
    expect(await (await status({ reference, idNumber: '8912315676' })).json()).toEqual({ status: 'accepted', receivedOn: '2024-05-20' });
  });
});

describe('paper entry and the district summary', () => {
  const paper = (idNumber: string, district: string, channel = 'post') => ({
    ...VOTER,
    idNumber,
    ballots: ['ep'],
    address: { district, street: 'ул. Шипка', number: '6' },
    channel,
    receivedOn: '2024-05-20',
    incomingNumber: `94-00-${idNumber.slice(-3)}`,
  });
  const enter = (person: Who, body: unknown, csrf = true) =>
    as(person, '', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, csrf);
  const egn = (serial: number) => {
    const first9 = `900101${String(serial).padStart(3, '0')}`;
    return first9 + checkDigits.egn(first9);
  };

  it('enters an application that came by post through the same checks, recording the channel, for the own district only', async () => {
    const response = await enter('own district', paper(egn(1), 'mladost'));
    expect(response.status).toBe(201);
    const created = (await response.json()) as Created;
    const row = await env.DB.prepare('SELECT channel, district, received_on, incoming_number FROM mobile_box_requests WHERE reference = ?')
      .bind(created.requests[0]!.reference)
      .first();
    expect(row).toEqual({ channel: 'post', district: 'mladost', received_on: '2024-05-20', incoming_number: `94-00-${egn(1).slice(-3)}` });
    const audit = await env.DB.prepare("SELECT records FROM staff_audit WHERE action = 'request.enter' ORDER BY id DESC LIMIT 1").first<{ records: string }>();
    expect(JSON.parse(audit!.records)).toEqual({ references: [created.requests[0]!.reference] });

    // The same paper again: entered (folded into the first), and staff are told which one it repeats.
    const again = await enter('own district', paper(egn(1), 'mladost'));
    expect(again.status).toBe(201);
    expect(((await again.json()) as { repeats: { folded: boolean; earlier: { reference?: string } }[] }).repeats).toEqual([
      expect.objectContaining({ folded: true, earlier: expect.objectContaining({ reference: created.requests[0]!.reference }) }),
    ]);
    const elsewhere = await enter('own district', paper(egn(2), 'lyulin'));
    expect(elsewhere.status).toBe(422);
    expect(((await elsewhere.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field)).toEqual(['address.district']);
    const bad = await enter('own district', { ...paper(egn(3), 'mladost'), channel: 'pigeon', phone: '' });
    expect(((await bad.json()) as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort()).toEqual(['channel', 'phone']);
    expect((await enter('own district', paper(egn(4), 'mladost'), false)).status).toBe(403);
    expect((await enter('police', paper(egn(5), 'mladost'))).status).toBe(404);
    expect((await enter('anonymous', paper(egn(6), 'mladost'))).status).toBe(401);
  });

  it('seed 004, line 97 ("Когато са подадени поне 10 заявления, които отговарят на изискванията …, кметът на общината уведомява Районната избирателна комисия"): the threshold is reached on the date of receipt of the tenth accepted application of a settlement, per ballot; per district for information', async () => {
    // Eleven voters of the village of Lozen, received on 10 to 20 May: none counts until accepted.
    const received: { id: number; on: string }[] = [];
    for (let day = 10; day <= 20; day++) {
      const on = `2024-05-${day}T09:00:00+03:00`;
      const answer = await submit(
        {
          ...VOTER,
          idNumber: egn(100 + day),
          ballots: ['ep'],
          address: { district: 'pancharevo', settlement: 'lozen', street: 'ул. Първа', number: String(day) },
        },
        { now: on },
      );
      expect(answer.status).toBe(201);
      received.push({ id: await requestId(((await answer.json()) as Created).requests[0]!.reference), on });
    }
    const summary = async (person: Who) =>
      (await (await api('/api/admin/summary', { headers: { cookie: who[person]!.cookie } })).json()) as {
        notifyAt: number;
        settlements: { settlement: string; ballot: string; accepted: number; reachedAt: string | null }[];
        districts: { district: string; ballot: string; received: number; accepted: number }[];
      };
    const lozen = async () => (await summary('city')).settlements.find((row) => row.settlement === 'lozen' && row.ballot === 'ep');
    expect(await lozen()).toBeUndefined();
    // Staff read the settlement back with the address (the threshold and late applications go by it).
    const details = (await (await api(`/api/admin/requests/${received[0]!.id}`, { headers: { cookie: who.city!.cookie } })).json()) as {
      person: { address: { settlement?: string; district: string } };
    };
    expect(details.person.address).toMatchObject({ settlement: 'lozen', district: 'pancharevo' });
    // Accepted out of the order they came in: the latest received (20 May) first, then eight of the others.
    const order = [10, 0, 1, 2, 3, 4, 5, 6, 7];
    for (const i of order) expect((await decide('city', received[i]!.id, { decision: 'accept' })).status).toBe(200);
    expect(await lozen()).toEqual({ settlement: 'lozen', ballot: 'ep', accepted: 9, reachedAt: null });
    // A rejected one never counts.
    expect((await decide('city', received[8]!.id, { decision: 'reject', reason: 'Адресът е в друга община.' })).status).toBe(200);
    expect((await lozen())?.accepted).toBe(9);
    // The tenth accepted: received on 19 May, but the tenth by date of receipt is the one of 20 May.
    expect((await decide('city', received[9]!.id, { decision: 'accept' })).status).toBe(200);
    const city = await summary('city');
    expect(city.notifyAt).toBe(10);
    expect(city.settlements.find((row) => row.settlement === 'lozen')).toEqual({
      settlement: 'lozen',
      ballot: 'ep',
      accepted: 10,
      // The date of receipt of the tenth (its day in Sofia).
      reachedAt: received[10]!.on.slice(0, 10),
    });
    expect(city.districts.find((row) => row.district === 'pancharevo')).toEqual({ district: 'pancharevo', ballot: 'ep', received: 0, accepted: 10 });
    // The threshold is the municipality's: a district user gets their own district's breakdown only.
    const own = await summary('own district');
    expect(own.settlements).toEqual([]);
    expect(new Set(own.districts.map((d) => d.district))).toEqual(new Set(['mladost']));
    expect((await api('/api/admin/summary', { headers: { cookie: who.police!.cookie } })).status).toBe(404);
    expect((await api('/api/admin/summary')).status).toBe(401);
  });
});
