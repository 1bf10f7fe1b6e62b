import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { accept, apply, as, sectionOf, staffAccounts, type Applicant, type SectionJson } from '#test/api/sections/fixtures';

// Security events and every read of personal data reach the audit log: the police's reads of a
// route (which show the applicants' addresses), and refusals outside a user's reach (the wrong
// role, another district's request, station or stop), with who, what, when and the outcome.
let mladost: SectionJson;
let voter: Applicant;

beforeAll(async () => {
  await staffAccounts();
  mladost = await sectionOf('mladost');
  voter = await apply({ ballots: ['ep'], address: { district: 'mladost', street: 'ж.к. Младост 3', number: '8' } });
  await accept('mladost', voter);
  const registered = await as('mladost', `/sections/${mladost.id}/stops`, { json: { requestIds: voter.ids } });
  if (registered.status !== 200) throw new Error(`register: ${registered.status}`);
  // The police see a route once its district has handed the list over to them.
  const handedOver = await as('mladost', `/sections/${mladost.id}/handover`, { json: {} });
  if (handedOver.status !== 200) throw new Error(`handover: ${handedOver.status}`);
});

const entriesOf = async (email: string, action: string) =>
  (
    await env.DB.prepare('SELECT records, outcome FROM staff_audit WHERE action = ? AND user_id = (SELECT id FROM staff_users WHERE email = ?) ORDER BY id')
      .bind(action, email)
      .all<{ records: string; outcome: string }>()
  ).results.map((row) => ({ records: JSON.parse(row.records) as Record<string, unknown>, outcome: row.outcome }));

describe('the audit log', () => {
  it('records the police reading a route (JSON), like every read of personal data', async () => {
    expect((await as('police', `/sections/${mladost.id}`)).status).toBe(200);
    const reads = await entriesOf('police@example.org', 'route.read');
    expect(reads).toEqual([{ records: { sections: [String(mladost.id)], stops: [expect.any(Number)] }, outcome: 'ok' }]);
  });

  it('records a request of another district, asked for by id, as refused (the caller still gets a plain 404)', async () => {
    const response = await as('lyulin', `/requests/${voter.ids[0]}`);
    expect(response.status).toBe(404);
    expect(await entriesOf('lyulin@example.org', 'scope.refused')).toContainEqual({ records: { requests: [voter.ids[0]] }, outcome: 'refused' });
    // A request that does not exist at all is a 404 with nothing to record.
    const before = (await entriesOf('lyulin@example.org', 'scope.refused')).length;
    expect((await as('lyulin', '/requests/999999')).status).toBe(404);
    expect(await entriesOf('lyulin@example.org', 'scope.refused')).toHaveLength(before);
  });

  it('records another district’s station and a route the role may not change, with the route pattern and never a value', async () => {
    expect((await as('lyulin', `/sections/${mladost.id}`)).status).toBe(404);
    expect(await entriesOf('lyulin@example.org', 'scope.refused')).toContainEqual({ records: { sections: [String(mladost.id)] }, outcome: 'refused' });
    expect((await as('police', `/requests/${voter.ids[0]}/decision`, { json: { decision: 'reject', reason: 'no' } })).status).toBe(404);
    expect(await entriesOf('police@example.org', 'scope.refused')).toContainEqual({
      records: { route: 'POST /api/admin/requests/:id/decision' },
      outcome: 'refused',
    });
  });

  it('the city reads the events with their outcome in GET /api/admin/audit', async () => {
    const response = await as('city', '/audit?from=2024-01-01&to=2030-12-31');
    const { entries } = (await response.json()) as { entries: { action: string; user: string | null; outcome: string; source: string | null }[] };
    expect(entries).toContainEqual(expect.objectContaining({ action: 'scope.refused', user: 'lyulin@example.org', outcome: 'refused' }));
    expect(entries).toContainEqual(expect.objectContaining({ action: 'login', outcome: 'ok', source: expect.any(String) }));
  });
});
