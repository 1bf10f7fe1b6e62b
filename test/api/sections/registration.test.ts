import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { status, type ErrorJson } from '#test/api/mobile-box/fixtures';
import { accept, apply, as, routeOf, sectionOf, staffAccounts, type Applicant, type SectionJson, type Who } from './fixtures';

const AFTER_TRANSFER = '2024-06-04T00:00:01+03:00';
let mladost: SectionJson, lyulin: SectionJson, izgrev: SectionJson;
let maria: Applicant; // Младост, both ballots
let lozenetsVoter: Applicant;

beforeAll(async () => {
  await staffAccounts();
  mladost = await sectionOf('mladost');
  lyulin = await sectionOf('lyulin');
  izgrev = await sectionOf('izgrev');
  maria = await apply();
  lozenetsVoter = await apply({ ballots: ['ns'], address: { district: 'lozenets', street: 'ул. Крум Попов', number: '20' } });
});

describe('sections', () => {
  it('are seeded from the election data: 14, by МИР 23, 24 and 25', async () => {
    const { sections } = (await (await as('city', '/sections')).json()) as { sections: SectionJson[] };
    expect(sections).toHaveLength(14);
    const byMir = Object.groupBy(sections, (section) => section.constituency);
    expect(Object.fromEntries(Object.entries(byMir).map(([mir, list]) => [mir, list!.map((section) => section.district).sort()]))).toEqual({
      '23': ['izgrev', 'krasno-selo', 'mladost', 'triaditsa', 'vitosha'],
      '24': ['iskar', 'oborishte', 'poduyane', 'slatina', 'sredets'],
      '25': ['krasna-polyana', 'lyulin', 'nadezhda', 'ovcha-kupel'],
    });
    expect(mladost.label).toBe('Младост (МИР 23)');
  });

  it('a district with a section sees its own; a district without one sees where it may send voters', async () => {
    const own = (await (await as('mladost', '/sections')).json()) as { sections: SectionJson[] };
    expect(own.sections.map((section) => [section.district, section.reach])).toEqual([['mladost', 'full']]);
    const sending = (await (await as('lozenets', '/sections')).json()) as { transferOpen: boolean; sections: SectionJson[] };
    expect(sending.transferOpen).toBe(true);
    expect(sending.sections.every((section) => section.reach === 'own-voters')).toBe(true);
  });
});

describe('who may do what with a section', () => {
  // who, GET route, CSV, register, reorder, hand over, PATCH section
  const table: [Who, number, number, number, number, number, number][] = [
    ['anonymous', 401, 401, 401, 401, 401, 401],
    ['mladost', 200, 200, 409, 200, 200, 404],
    ['lyulin', 404, 404, 404, 404, 404, 404],
    ['lozenets', 200, 200, 422, 404, 404, 404],
    ['city', 200, 200, 409, 200, 200, 200],
    ['police', 200, 200, 404, 404, 404, 404],
  ];
  it.each(table)('%s: route %i, csv %i, register %i, reorder %i, handover %i, patch %i', async (who, route, csv, register, reorder, handover, patch) => {
    const id = (await sectionOf('mladost')).id;
    const received = await apply({ ballots: ['ep'] });
    expect((await as(who, `/sections/${id}`)).status).toBe(route);
    expect((await as(who, `/sections/${id}/route.csv`)).status).toBe(csv);
    // Not accepted yet: 409 for those allowed to register, 422 for a district that cannot see the request.
    expect((await as(who, `/sections/${id}/stops`, { json: { requestIds: received.ids } })).status).toBe(register);
    expect((await as(who, `/sections/${id}/order`, { method: 'PUT', json: { automatic: true } })).status).toBe(reorder);
    expect((await as(who, `/sections/${id}/handover`, { json: {} })).status).toBe(handover);
    expect((await as(who, `/sections/${id}`, { method: 'PATCH', json: { baseAddress: 'Районна администрация „Младост“' } })).status).toBe(patch);
  });

  it('refuses a change without the CSRF token, or with another session’s', async () => {
    expect((await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: maria.ids }, csrf: false })).status).toBe(403);
    const wrong = await as('mladost', `/sections/${mladost.id}/stops`, {
      json: { requestIds: maria.ids },
      csrf: false,
      headers: { 'x-csrf-token': 'not-the-token' },
    });
    expect(wrong.status).toBe(403);
  });
});

describe('registering voters on a route', () => {
  it('takes ids as numbers or the text of one: true is not request 1, nor "" request 0', async () => {
    const response = await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: [true, '', null, '0x1'] } });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorJson).error.fields?.map((f) => `${f.field} ${f.code}`)).toEqual([
      'requestIds.0 not_a_number',
      'requestIds.1 required',
      'requestIds.2 required',
      'requestIds.3 not_a_number',
    ]);
    const order = await as('mladost', `/sections/${mladost.id}/order`, { method: 'PUT', json: { stopIds: [false] } });
    expect(((await order.json()) as ErrorJson).error.fields?.map((f) => `${f.field} ${f.code}`)).toEqual(['stopIds.0 not_a_number']);
  });

  it('only accepted requests', async () => {
    const response = await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: maria.ids } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorJson).error.code).toBe('not_accepted');
  });

  it('one stop for both ballots, the requests assigned with the section, the status page says so', async () => {
    await accept('mladost', maria);
    const response = await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: maria.ids } });
    expect(response.status).toBe(200);
    const stops = await routeOf('mladost', mladost.id);
    const stop = stops.find((s) => s.requests?.some((r) => r.id === maria.ids[0]))!;
    expect(stop.requests!.map((r) => r.form).sort()).toEqual(['30-ЕП', '31-НС']);
    const answer = (await (await status({ reference: maria.references[0], idNumber: maria.idNumber })).json()) as { status: string; section: string };
    expect(answer).toMatchObject({ status: 'assigned', section: 'Младост (МИР 23)' });
    // Again: nothing changes, nothing doubles.
    expect((await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: maria.ids } })).status).toBe(200);
    expect((await routeOf('mladost', mladost.id)).filter((s) => s.requests?.some((r) => maria.ids.includes(r.id)))).toHaveLength(1);
  });

  it('a voter’s second ballot, accepted later, joins the stop they already have', async () => {
    const voter = await apply();
    await as('mladost', `/requests/${voter.ids[0]}/decision`, { json: { decision: 'accept' } });
    await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: [voter.ids[0]] } });
    await as('mladost', `/requests/${voter.ids[1]}/decision`, { json: { decision: 'accept' } });
    expect((await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: [voter.ids[1]] } })).status).toBe(200);
    const mine = (await routeOf('mladost', mladost.id)).filter((s) => s.requests?.some((r) => voter.ids.includes(r.id)));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.requests!.map((r) => r.id).sort()).toEqual([...voter.ids].sort());
  });

  it('another district’s request id is refused like one that does not exist', async () => {
    const mine = await as('lyulin', `/sections/${lyulin.id}/stops`, { json: { requestIds: [maria.ids[0]] } });
    const missing = await as('lyulin', `/sections/${lyulin.id}/stops`, { json: { requestIds: [999999] } });
    expect([mine.status, missing.status]).toEqual([422, 422]);
    expect(((await mine.json()) as ErrorJson).error.fields).toEqual(((await missing.json()) as ErrorJson).error.fields);
  });

  it('a district with a section cannot send its voters elsewhere, not even through the city', async () => {
    const voter = await apply({ ballots: ['ep'] });
    await accept('mladost', voter);
    const response = await as('city', `/sections/${lyulin.id}/stops`, { json: { requestIds: voter.ids } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorJson).error.code).toBe('not_this_section');
  });
});

describe('a district without a section sends its applicants to one in the same МИР', () => {
  it('registers them by 3 June; the receiving district sees where they came from, the sender only its own', async () => {
    await accept('lozenets', lozenetsVoter);
    expect((await as('lozenets', `/sections/${mladost.id}/stops`, { json: { requestIds: lozenetsVoter.ids } })).status).toBe(200);
    const received = (await routeOf('mladost', mladost.id)).find((stop) => stop.requests?.some((r) => r.id === lozenetsVoter.ids[0]))!;
    expect(received.district).toBe('lozenets');
    const csv = await (await as('mladost', `/sections/${mladost.id}/route.csv`)).text();
    expect(csv).toContain('изпратен от район „Лозенец“');
    const sendersView = await routeOf('lozenets', mladost.id);
    expect(sendersView.map((stop) => stop.district)).toEqual(['lozenets']);
  });

  it('a voter is on at most one route', async () => {
    const response = await as('city', `/sections/${izgrev.id}/stops`, { json: { requestIds: lozenetsVoter.ids } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorJson).error.code).toBe('on_another_route');
  });

  it('after 3 June the transfer is closed', async () => {
    const late = await apply({ ballots: ['ep'], address: { district: 'lozenets', street: 'ул. Богатица', number: '7' } });
    await accept('lozenets', late);
    const response = await as('lozenets', `/sections/${mladost.id}/stops`, { json: { requestIds: late.ids }, now: AFTER_TRANSFER });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorJson).error.code).toBe('transfer_closed');
    const sections = (await (await as('lozenets', '/sections', { now: AFTER_TRANSFER })).json()) as { transferOpen: boolean };
    expect(sections.transferOpen).toBe(false);
  });

  it('taking a stop off puts the requests back to accepted and closes the gap', async () => {
    const before = await routeOf('mladost', mladost.id);
    const stop = before.find((s) => s.requests?.some((r) => r.id === lozenetsVoter.ids[0]))!;
    expect((await as('lozenets', `/sections/${mladost.id}/stops/${stop.id}`, { method: 'DELETE' })).status).toBe(200);
    const after = await routeOf('mladost', mladost.id);
    expect(after.map((s) => s.position)).toEqual(after.map((_, i) => i + 1));
    const row = await env.DB.prepare('SELECT status, section, stop_id FROM mobile_box_requests WHERE id = ?').bind(lozenetsVoter.ids[0]).first();
    expect(row).toEqual({ status: 'accepted', section: null, stop_id: null });
    // The receiving district cannot be emptied by others: Люлин has no business here.
    expect((await as('lyulin', `/sections/${mladost.id}/stops/${after[0]!.id}`, { method: 'DELETE' })).status).toBe(404);
  });
});
