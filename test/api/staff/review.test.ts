import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { api } from '../helpers';
import { status, submit, VOTER, type Created } from '../mobile-box/fixtures';
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
  return api(`/api/admin/requests${path}`, { ...init, headers });
}
const decide = (person: Who, id: number, body: unknown, csrf = true) => as(person, `/${id}/decision`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, csrf);

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
  lyulinRequest = (await (await submit({ ...VOTER, idNumber: '7501020018', ballots: ['ns'], address: { district: 'lyulin', street: 'ж.к. Люлин 5', block: '517' } })).json()) as Created;
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
    expect(((await noReason.json()) as { error: { fields: { field: string; code: string }[] } }).error.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
    const rejected = await decide('own district', mladost, { decision: 'reject', reason: 'Адресът е извън София.' });
    expect(rejected.status).toBe(200);
    const reference = ((await (await as('own district', `/${mladost}`)).json()) as { reference: string }).reference;
    const seen = await status({ reference, idNumber: '8912315676' });
    expect(await seen.json()).toEqual({ status: 'rejected', reason: 'Адресът е извън София.' });
    const row = await env.DB.prepare('SELECT reason_sealed FROM mobile_box_requests WHERE id = ?').bind(mladost).first<{ reason_sealed: string }>();
    expect(row!.reason_sealed).not.toContain('София');
    expect((await decide('own district', mladost, { decision: 'accept' })).status).toBe(200);
    expect(await (await status({ reference, idNumber: '8912315676' })).json()).toEqual({ status: 'accepted' });
  });
});
