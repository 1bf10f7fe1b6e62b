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

  it('a district with a section sees its own; a district without one, whose МИР nobody has set, sees none and is told so', async () => {
    const own = (await (await as('mladost', '/sections')).json()) as { sections: SectionJson[] };
    expect(own.sections.map((section) => [section.district, section.reach])).toEqual([['mladost', 'full']]);
    const sending = (await (await as('lozenets', '/sections')).json()) as {
      transferOpen: boolean;
      sections: SectionJson[];
      constituencies: { district: string; source: string }[];
    };
    expect(sending.transferOpen).toBe(true);
    expect(sending.sections).toEqual([]);
    expect(sending.constituencies).toEqual([{ district: 'lozenets', constituency: null, source: 'unknown', setBy: null, setAt: null }]);
    // The city sees the ten districts without a station, none of them with a МИР from the data.
    const city = (await (await as('city', '/sections')).json()) as { constituencies: { district: string; source: string }[] };
    expect(city.constituencies).toHaveLength(10);
    expect(new Set(city.constituencies.map((entry) => entry.source))).toEqual(new Set(['unknown']));
  });
});

describe('who may do what with a section', () => {
  // who, GET route, CSV, register, reorder, hand over, PATCH section. Seed 004, line 137: the
  // district registers and hands over; the police (СДВР) order the route once they have it (the
  // district hands it over in its row, before the police's).
  const table: [Who, number, number, number, number, number, number][] = [
    ['anonymous', 401, 401, 401, 401, 401, 401],
    ['mladost', 200, 200, 409, 404, 200, 404],
    ['lyulin', 404, 404, 404, 404, 404, 404],
    // Its МИР is not set yet: it reaches no section, and registering says why (409 constituency_unknown).
    ['lozenets', 404, 404, 409, 404, 404, 404],
    ['city', 200, 200, 409, 404, 200, 200],
    ['police', 200, 200, 404, 200, 404, 404],
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
    const order = await as('police', `/sections/${mladost.id}/order`, { method: 'PUT', json: { stopIds: [false] } });
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
  it('seed 004, line 136 ("Така тези избиратели ще бъдат включени в списъците за гласуване на мобилните секции"): registration is refused while the district’s МИР is unknown, saying who sets it; allowed once the city has set it', async () => {
    await accept('lozenets', lozenetsVoter);
    for (const who of ['lozenets', 'city'] as const) {
      const refused = await as(who, `/sections/${mladost.id}/stops`, { json: { requestIds: lozenetsVoter.ids } });
      expect(refused.status).toBe(409);
      const error = ((await refused.json()) as ErrorJson).error;
      expect(error.code).toBe('constituency_unknown');
      expect(error.message).toContain('city role');
    }
    // Only the city sets it, to a МИР the election's stations serve, for a district without a station.
    expect((await as('lozenets', '/constituencies/lozenets', { method: 'PUT', json: { constituency: '23' } })).status).toBe(404);
    const wrong = await as('city', '/constituencies/lozenets', { method: 'PUT', json: { constituency: '26' } });
    expect([wrong.status, ((await wrong.json()) as ErrorJson).error.fields?.map((f) => `${f.field} ${f.code}`)]).toEqual([
      422,
      ['constituency invalid_choice'],
    ]);
    const withStation = await as('city', '/constituencies/mladost', { method: 'PUT', json: { constituency: '23' } });
    expect([withStation.status, ((await withStation.json()) as ErrorJson).error.fields?.map((f) => `${f.field} ${f.code}`)]).toEqual([
      422,
      ['district invalid_choice'],
    ]);
    const set = await as('city', '/constituencies/lozenets', { method: 'PUT', json: { constituency: '23' } });
    expect([set.status, await set.json()]).toEqual([200, { district: 'lozenets', constituency: '23' }]);
    const listed = (await (await as('lozenets', '/sections')).json()) as { constituencies: unknown[]; sections: SectionJson[] };
    expect(listed.constituencies).toEqual([
      { district: 'lozenets', constituency: '23', source: 'set', setBy: 'city@example.org', setAt: '2024-05-20T07:00:00.000Z' },
    ]);
    // The sections of МИР 23 only, and only its own voters on them.
    expect(new Set(listed.sections.map((section) => section.constituency))).toEqual(new Set(['23']));
    expect(listed.sections.every((section) => section.reach === 'own-voters')).toBe(true);
    const audit = (await (await as('city', '/audit?from=2024-05-20&to=2024-05-20')).json()) as { entries: { action: string; records: unknown }[] };
    expect(audit.entries.filter((entry) => entry.action === 'district.constituency').map((entry) => entry.records)).toEqual([
      { districts: ['lozenets'], constituency: '23' },
    ]);
  });

  it('registers them by 3 June; the receiving district sees where they came from, the sender only its own', async () => {
    expect((await as('lozenets', `/sections/${mladost.id}/stops`, { json: { requestIds: lozenetsVoter.ids } })).status).toBe(200);
    const received = (await routeOf('mladost', mladost.id)).find((stop) => stop.requests?.some((r) => r.id === lozenetsVoter.ids[0]))!;
    expect(received.district).toBe('lozenets');
    const csv = await (await as('mladost', `/sections/${mladost.id}/route.csv`)).text();
    expect(csv).toContain('изпратен от район „Лозенец“');
    const sendersView = await routeOf('lozenets', mladost.id);
    expect(sendersView.map((stop) => stop.district)).toEqual(['lozenets']);
  });

  it('a МИР set once cannot change while its voters are on a route; a section of another МИР is refused', async () => {
    const changed = await as('city', '/constituencies/lozenets', { method: 'PUT', json: { constituency: '24' } });
    expect([changed.status, ((await changed.json()) as ErrorJson).error.code]).toEqual([409, 'constituency_fixed']);
    const sredets = await sectionOf('sredets');
    const other = await apply({ ballots: ['ep'], address: { district: 'lozenets', street: 'ул. Златовръх', number: '2' } });
    await accept('lozenets', other);
    const refused = await as('city', `/sections/${sredets.id}/stops`, { json: { requestIds: other.ids } });
    expect([refused.status, ((await refused.json()) as ErrorJson).error.code]).toEqual([409, 'not_this_section']);
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

describe('СДВР prepares the routes', () => {
  it('seed 004, line 137 ("Районните администрации с образувани подвижни секции трябва да информират СДВР за адресите … Директорът на СДВР ще изготви специализирани маршрути"): the police order a route once it is handed over to them; a district or the city cannot', async () => {
    const izgrev = await sectionOf('izgrev');
    const one = await apply({ ballots: ['ep'], address: { district: 'izgrev', street: 'ул. Тинтява', number: '15' } });
    const two = await apply({ ballots: ['ep'], address: { district: 'izgrev', street: 'бул. Драган Цанков', number: '36' } });
    for (const voter of [one, two]) await accept('city', voter);
    expect((await as('city', `/sections/${izgrev.id}/stops`, { json: { requestIds: [...one.ids, ...two.ids] } })).status).toBe(200);
    // Not handed over yet: the police see no stops and cannot prepare the route.
    expect(await routeOf('police', izgrev.id)).toEqual([]);
    const early = await as('police', `/sections/${izgrev.id}/order`, { method: 'PUT', json: { automatic: true } });
    expect([early.status, ((await early.json()) as ErrorJson).error.code]).toEqual([409, 'not_handed_over']);
    expect((await as('city', `/sections/${izgrev.id}/handover`, { json: {} })).status).toBe(200);
    const received = await routeOf('police', izgrev.id);
    expect(received).toHaveLength(2);
    const reversed = received.map((stop) => stop.id).reverse();
    expect((await as('police', `/sections/${izgrev.id}/order`, { method: 'PUT', json: { stopIds: reversed } })).status).toBe(200);
    // The city reads the police's order; neither it nor a district may set one.
    expect((await routeOf('city', izgrev.id)).map((stop) => stop.id)).toEqual(reversed);
    expect((await as('city', `/sections/${izgrev.id}/order`, { method: 'PUT', json: { automatic: true } })).status).toBe(404);
    expect((await as('mladost', `/sections/${mladost.id}/order`, { method: 'PUT', json: { automatic: true } })).status).toBe(404);
    // After the districts' hand-over deadline the police still prepare it, until the end of voting day.
    expect((await as('police', `/sections/${izgrev.id}/order`, { method: 'PUT', json: { automatic: true }, now: '2024-06-06T10:00:00+03:00' })).status).toBe(
      200,
    );
    const after = await as('police', `/sections/${izgrev.id}/order`, { method: 'PUT', json: { automatic: true }, now: '2024-06-10T00:00:01+03:00' });
    expect([after.status, ((await after.json()) as ErrorJson).error.code]).toEqual([409, 'election_closed']);
    const audit = (await (await as('city', '/audit?from=2024-05-20&to=2024-06-06')).json()) as {
      entries: { action: string; user: string; records: unknown }[];
    };
    expect(audit.entries.filter((entry) => entry.action === 'section.reorder').map((entry) => entry.user)).toContain('police@example.org');
  });

  it('seed 004, line 137 ("до 4 юни 2024 г."): from 5 June a section not handed over is overdue, to its district and to the city', async () => {
    const overdue = async (who: Who, now: string) =>
      ((await (await as(who, '/sections', { now })).json()) as { sections: (SectionJson & { overdue: boolean })[] }).sections.map(
        (section) => [section.district, section.overdue] as const,
      );
    expect(await overdue('mladost', '2024-06-04T23:59:59+03:00')).toEqual([['mladost', false]]);
    const city = new Map(await overdue('city', '2024-06-05T00:00:01+03:00'));
    expect(city.get('izgrev')).toBe(false);
    expect(city.get('krasno-selo')).toBe(true);
    expect(await overdue('mladost', '2024-06-05T00:00:01+03:00')).toEqual([['mladost', !(await sectionOf('mladost')).handedOverAt]]);
  });
});
