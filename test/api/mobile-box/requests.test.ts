import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { startOfSteadyWindow } from '#test/api/helpers';
import { freshEgn } from '#test/api/sections/fixtures';
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

  it('seed 004, line 99 ("при условие, че на територията на населеното място е назначена подвижна секционна избирателна комисия"): 201 late from Лозенец, a district of the city of Sofia without a section of its own; the settlement is stored with the request', async () => {
    const idNumber = freshEgn();
    const late = await submit(
      voter(idNumber, { ballots: ['ns'], address: { ...VOTER.address, district: 'lozenets', street: 'ул. Крум Попов', number: '20' } }),
      {
        now: LATE,
      },
    );
    expect(late.status).toBe(201);
    const created = (await late.json()) as Created;
    expect(created.requests.map(({ ballot, late }) => ({ ballot, late }))).toEqual([{ ballot: 'ns', late: true }]);
    const row = await env.DB.prepare('SELECT district, settlement, late FROM mobile_box_requests WHERE reference = ?')
      .bind(created.requests[0]!.reference)
      .first();
    expect(row).toEqual({ district: 'lozenets', settlement: 'sofia', late: 1 });
  });

  it('seed 004, line 110 ("при условие че на територията на населеното място е назначена подвижна избирателна комисия"): 422 no_mobile_commission from a village of the municipality without one, naming it, with the phone and its hours', async () => {
    const application = voter(freshEgn(), { ballots: ['ns'], address: { ...VOTER.address, district: 'pancharevo', settlement: 'lozen' } });
    const refused = await submit(application, { now: LATE });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as ErrorJson;
    expect(body.error.code).toBe('no_mobile_commission');
    expect(body.error.message).toBe(
      'The regular deadline (25 May 2024) has passed. After it, an application is accepted only from a settlement where a mobile sectional election commission has been appointed, and none has been appointed in Lozen.',
    );
    expect(body.error.help?.[0]).toEqual({ label: 'Call 02 904 1351 (free, working days 09:00–17:30)', href: 'tel:+35929041351' });
    // In time, the same application is taken.
    expect((await submit(application)).status).toBe(201);
  });

  it('422 on the settlement: one of another district, or not of this municipality, named with the district in one answer', async () => {
    const response = await submit(voter(freshEgn(), { address: { ...VOTER.address, district: 'mladost', settlement: 'lozen' } }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorJson).error.fields?.map((f) => `${f.field} ${f.code}`)).toEqual(['address.settlement invalid_choice']);
    const unknown = await submit(voter(freshEgn(), { address: { ...VOTER.address, settlement: 'primerovo' } }));
    expect(((await unknown.json()) as ErrorJson).error.fields?.map((f) => `${f.field} ${f.code}`)).toEqual(['address.settlement invalid_choice']);
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

  it('seed 004 line 93, "чрез упълномощено лице (пълномощното не е необходимо да е нотариално заверено)": 422 naming representative.powerOfAttorney when a representative does not confirm holding one', async () => {
    const representative = { fullName: 'Илиана Стоянова Костадинова', idNumber: '6802140737', phone: '0899 201 774' };
    const missing = await submit(voter('4103120572', { submittedBy: 'representative', representative }));
    expect(missing.status).toBe(422);
    const error = ((await missing.json()) as ErrorJson).error;
    expect(error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['representative.powerOfAttorney:required']);
    expect(error.fields?.[0]?.message).toBe(
      'Tick the box to confirm that you hold a power of attorney signed by the voter. Without one you cannot apply for them.',
    );
    expect((await submit(voter('4103120572', { submittedBy: 'representative', representative: { ...representative, powerOfAttorney: true } }))).status).toBe(
      201,
    );
  });

  it('seed 004 lines 85 and 104, "с трайни увреждания, които не могат да упражнят правото си на глас в изборното помещение": 422 naming declaration when it is missing', async () => {
    const { declaration: _declaration, ...withoutDeclaration } = voter('4405080973');
    const missing = await submit(withoutDeclaration);
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as ErrorJson).error.fields?.map((f) => `${f.field}:${f.code}`)).toEqual(['declaration:required']);
    expect((await submit(voter('4405080973', { declaration: 'false' }))).status).toBe(422);
    expect((await submit(voter('4405080973'))).status).toBe(201);
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
        'declaration:required',
        'consent:required',
        'representative.powerOfAttorney:required',
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
