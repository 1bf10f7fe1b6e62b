import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Created, type ErrorJson, status, VOTER } from '#test/api/mobile-box/fixtures';
import { as, freshEgn, sectionOf, staffAccounts } from '#test/api/sections/fixtures';

// Paper applications (post, fax, e-mail, eDelivery, in person) entered by staff: seed 004
// line 93 asks that they be "подадени до 25 май 2024 г., по пощата, чрез факс или електронно",
// so the day the administration received one decides, not the day staff type it in.

const sofia = (day: string, time = '11:00') => `${day}T${time}:00+03:00`;
const paper = (overrides: Record<string, unknown> = {}) => ({
  ...VOTER,
  idNumber: freshEgn(),
  ballots: ['ns'],
  channel: 'post',
  receivedOn: '2024-05-25',
  incomingNumber: 'РМЛ24-ВК08-1234',
  ...overrides,
});
const enter = (body: unknown, now: string, who: 'mladost' | 'lyulin' | 'city' = 'mladost') => as(who, '/requests', { json: body, now });
const fieldsOf = async (response: Response) => ((await response.json()) as ErrorJson).error.fields?.map((f) => `${f.field}:${f.code}`);
type PaperCreated = Created & { receivedOn: string; afterHandover: boolean };

beforeAll(staffAccounts);

describe('seed 004 line 93, "подадени до 25 май 2024 г., по пощата, чрез факс или електронно": the date of receipt governs', () => {
  it('received on 25 May and keyed in on 27 May: accepted, not late, and dated 25 May in the list and on the status page', async () => {
    const application = paper();
    const response = await enter(application, sofia('2024-05-27'));
    expect(response.status).toBe(201);
    const created = (await response.json()) as PaperCreated;
    expect(created).toMatchObject({ receivedOn: '2024-05-25', afterHandover: false });
    expect(created.requests.map(({ form, late }) => ({ form, late }))).toEqual([{ form: '31-НС', late: false }]);
    const reference = created.requests[0]!.reference;
    const row = await env.DB.prepare('SELECT received_on, incoming_number, channel, late, created_at FROM mobile_box_requests WHERE reference = ?')
      .bind(reference)
      .first<{ received_on: string; incoming_number: string; channel: string; late: number; created_at: string }>();
    expect(row).toMatchObject({ received_on: '2024-05-25', incoming_number: 'РМЛ24-ВК08-1234', channel: 'post', late: 0 });
    expect(row!.created_at.startsWith('2024-05-27')).toBe(true);

    const list = (await (await as('mladost', '/requests', { now: sofia('2024-05-27') })).json()) as {
      requests: { reference: string; receivedOn: string; incomingNumber: string | null; createdAt: string }[];
    };
    expect(list.requests.find((request) => request.reference === reference)).toMatchObject({ receivedOn: '2024-05-25', incomingNumber: 'РМЛ24-ВК08-1234' });
    expect(await (await status({ reference, idNumber: application.idNumber }, '10.61.9.1')).json()).toEqual({ status: 'received', receivedOn: '2024-05-25' });
  });

  it('the same application received on 27 May is late (the window for districts with a mobile section)', async () => {
    const created = (await (await enter(paper({ receivedOn: '2024-05-27' }), sofia('2024-05-27'))).json()) as PaperCreated;
    expect(created.requests[0]!.late).toBe(true);
  });

  it('received on 3 June and keyed in on 4 June, the hand-over day: still entered, late; received on 4 June: too late', async () => {
    const entered = await enter(paper({ receivedOn: '2024-06-03' }), sofia('2024-06-04'));
    expect(entered.status).toBe(201);
    expect(((await entered.json()) as PaperCreated).requests[0]!.late).toBe(true);
    const tooLate = await enter(paper({ receivedOn: '2024-06-04' }), sofia('2024-06-04'));
    expect(tooLate.status).toBe(422);
    expect(((await tooLate.json()) as ErrorJson).error.code).toBe('deadline_passed');
  });

  it('after the hand-over deadline (4 June) nothing can be entered any more: 409 election_closed', async () => {
    const closed = await enter(paper({ receivedOn: '2024-05-24' }), sofia('2024-06-05', '09:00'));
    expect(closed.status).toBe(409);
    expect(((await closed.json()) as ErrorJson).error.code).toBe('election_closed');
  });

  it('the date of receipt is required, not later than today and not earlier than the first day the election data names (the seed gives no day of calling)', async () => {
    expect(await fieldsOf(await enter(paper({ receivedOn: '', incomingNumber: '' }), sofia('2024-05-27')))).toEqual([
      'receivedOn:required',
      'incomingNumber:required',
    ]);
    const future = await enter(paper({ receivedOn: '2024-05-28' }), sofia('2024-05-27'));
    expect(future.status).toBe(422);
    expect(await fieldsOf(future)).toEqual(['receivedOn:too_big']);
    expect(await fieldsOf(await enter(paper({ receivedOn: '2024-04-28' }), sofia('2024-05-27')))).toEqual(['receivedOn:too_small']);
    expect((await enter(paper({ receivedOn: '2024-04-29' }), sofia('2024-05-27'))).status).toBe(201);
  });

  it('is flagged when entered after its district’s route list was sent to the police', async () => {
    const mladost = await sectionOf('mladost');
    expect((await as('mladost', `/sections/${mladost.id}/handover`, { json: {}, now: sofia('2024-05-26') })).status).toBe(200);
    const after = (await (await enter(paper(), sofia('2024-05-27'))).json()) as PaperCreated;
    expect(after.afterHandover).toBe(true);
    const list = (await (await as('city', '/requests', { now: sofia('2024-05-27') })).json()) as { requests: { reference: string; afterHandover: boolean }[] };
    expect(list.requests.find((request) => request.reference === after.requests[0]!.reference)?.afterHandover).toBe(true);
    // Люлин's list has not gone yet.
    const lyulin = (await (
      await enter(paper({ address: { district: 'lyulin', street: 'ж.к. Люлин 5', block: '517' } }), sofia('2024-05-27'), 'lyulin')
    ).json()) as PaperCreated;
    expect(lyulin.afterHandover).toBe(false);
  });
});

describe('seed 004 line 93, "чрез упълномощено лице (пълномощното не е необходимо да е нотариално заверено)": the representative’s power of attorney', () => {
  const representative = { fullName: 'Илиана Стоянова Костадинова', idNumber: '6802140737', phone: '0899 201 774' };

  it('a paper application by a representative without the power-of-attorney confirmation: 422 naming the field', async () => {
    const response = await enter(paper({ submittedBy: 'representative', representative }), sofia('2024-05-27'));
    expect(response.status).toBe(422);
    expect(await fieldsOf(response)).toEqual(['representative.powerOfAttorney:required']);
    const confirmed = await enter(paper({ submittedBy: 'representative', representative: { ...representative, powerOfAttorney: true } }), sofia('2024-05-27'));
    expect(confirmed.status).toBe(201);
  });
});

describe('seed 004 lines 85 and 104: the voter’s declaration of a permanent disability that keeps them from the polling room', () => {
  it('a paper application without the declaration: 422 naming the field', async () => {
    const response = await enter(paper({ declaration: undefined }), sofia('2024-05-27'));
    expect(response.status).toBe(422);
    expect(await fieldsOf(response)).toEqual(['declaration:required']);
    expect(await fieldsOf(await enter(paper({ declaration: false }), sofia('2024-05-27')))).toEqual(['declaration:invalid_choice']);
  });
});
