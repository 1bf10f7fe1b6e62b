import { describe, expect, it } from 'vitest';
import { startOfSteadyWindow } from '#test/api/helpers';
import { CLOSED, LATE, submit, VOTER, type Created, type ErrorJson } from './fixtures';

const REFERENCE = /^[A-HJKMNP-TW-Z2-9]{5}-[A-HJKMNP-TW-Z2-9]{5}$/;
const voter = (idNumber: string, extra: Record<string, unknown> = {}) => ({ ...VOTER, idNumber, ...extra });

describe('POST /api/mobile-box-requests', () => {
  it('201: both ballots make two requests, each with its own reference and form', async () => {
    const response = await submit(voter('8912315676'));
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Created;
    expect(body.requests.map(({ ballot, form, status, late }) => ({ ballot, form, status, late }))).toEqual([
      { ballot: 'ep', form: '30-ЕП', status: 'received', late: false },
      { ballot: 'ns', form: '31-НС', status: 'received', late: false },
    ]);
    for (const request of body.requests) expect(request.reference).toMatch(REFERENCE);
    expect(body.requests[0]!.reference).not.toBe(body.requests[1]!.reference);
  });

  it('422 not_eligible: a citizen of another EU state asks for the National Assembly', async () => {
    const response = await submit(voter('1234567893', { citizenship: 'EU', ballots: ['ns'] }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorJson).error.code).toBe('not_eligible');
    expect((await submit(voter('1234567893', { citizenship: 'EU', ballots: ['ep'] }))).status).toBe(201);
  });

  it('late requests: accepted where a mobile section is appointed, refused elsewhere with the phone and its hours', async () => {
    const late = await submit(voter('9945123752', { ballots: ['ns'] }), { now: LATE });
    expect(late.status).toBe(201);
    expect(((await late.json()) as Created).requests[0]!.late).toBe(true);
    const refused = await submit(voter('5523156787', { ballots: ['ns'], address: { ...VOTER.address, district: 'lozenets' } }), { now: LATE });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as ErrorJson;
    expect(body.error.code).toBe('no_mobile_section');
    expect(body.error.help?.[0]).toEqual({ label: 'Call 02 904 1351 (free, working days 09:00–17:30)', href: 'tel:+35929041351' });
  });

  it('422 deadline_passed after 3 June, with the same help', async () => {
    const response = await submit(voter('7322154195'), { now: CLOSED });
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe('deadline_passed');
    expect(body.error.help?.map((h) => h.href)).toContain('tel:+35929041351');
  });

  it('Idempotency-Key: a retry gets the first answer with the same status; the key with another body is refused', async () => {
    const key = crypto.randomUUID();
    const body = voter('8001010008');
    const first = await submit(body, { key });
    const retry = await submit(body, { key });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(await retry.json()).toEqual(await first.json());
    const other = await submit(voter('8001010008', { phone: '0899 000 000' }), { key });
    expect(other.status).toBe(422);
    expect(((await other.json()) as ErrorJson).error.code).toBe('idempotency_key_reused');
    // Concurrent retries with one key: one set of requests, the same answer for all.
    const concurrentKey = crypto.randomUUID();
    const together = await Promise.all(Array.from({ length: 10 }, () => submit(voter('7523169263'), { key: concurrentKey })));
    expect(together.map((r) => r.status)).toEqual(Array(10).fill(201));
    const bodies = await Promise.all(together.map((r) => r.json()));
    for (const answer of bodies) expect(answer).toEqual(bodies[0]);
  });

  it('422 validation lists every bad field at once, with dotted paths', async () => {
    const response = await submit({
      election: 'bg-2024-06-09',
      ballots: [],
      citizenship: 'BG',
      address: { district: 'mladost' },
      submittedBy: 'representative',
      representative: { fullName: 'Иван', idNumber: '7501020019' },
    });
    expect(response.status).toBe(422);
    const fields = ((await response.json()) as ErrorJson).error.fields!.map((f) => `${f.field}:${f.code}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'ballots:required',
        'idNumber:required',
        'fullName:required',
        'address.street:required',
        'address.number:required',
        'phone:required',
        'consent:required',
        'representative.phone:required',
        'representative.idNumber:invalid_format',
      ]),
    );
    const bad = await submit(voter('7501020019', { address: { district: 'atlantis', street: 'x', number: '1' } }));
    const problems = ((await bad.json()) as ErrorJson).error.fields!;
    expect(problems.find((p) => p.field === 'idNumber')).toMatchObject({
      code: 'invalid_format',
      message: 'The last digit of this ЕГН / ЛНЧ does not match the others: a digit is probably mistyped.',
    });
  });

  it('422 on a district the election does not know, 413 over 16 KB, 415 for other types', async () => {
    const unknown = await submit(voter('9945123752', { address: { district: 'atlantis', street: 'x', number: '1' } }));
    expect(((await unknown.json()) as ErrorJson).error.fields).toEqual([expect.objectContaining({ field: 'address.district', code: 'invalid_choice' })]);
    expect((await submit(voter('9945123752', { fullName: 'x'.repeat(17 * 1024) }))).status).toBe(413);
    const form = await (await import('#test/api/helpers')).api('/api/mobile-box-requests', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(form.status).toBe(415);
  });

  it('429 after 10 applications a minute from one client; MOBILE_BOX_RATE_LIMIT raises it in local development only', async () => {
    await startOfSteadyWindow();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await submit({}, { client: '10.63.0.1' })).status);
    expect(statuses).toEqual([...Array(10).fill(422), 429]);
    const raised = { RATE_LIMIT_MODE: 'memory', MOBILE_BOX_RATE_LIMIT: '100' };
    const local: number[] = [];
    for (let i = 0; i < 11; i++) local.push((await submit({}, { client: '10.63.0.2', bindings: raised })).status);
    expect(local).toEqual(Array(11).fill(422));
  });

  it('NOW is ignored outside development: in production the real clock says the campaign is over', async () => {
    const response = await submit(voter('7811294568'), { bindings: { ENVIRONMENT: 'production' } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorJson).error.code).toBe('deadline_passed');
  });
});
