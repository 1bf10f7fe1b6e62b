import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '#functions/app';
import { IDS, seedFixtures } from '#test/api/fixtures';
import { api, tableRowCounts } from '#test/api/helpers';
import { CAMPAIGN, VOTER } from '#test/api/mobile-box/fixtures';
import {
  declaredCacheControl,
  envelopeProblem,
  fillPath,
  missingSecurityHeaders,
  operationsOf,
  routesOf,
  servedDocument,
  successStatus,
  type Operation,
} from '#test/api/openapi-operations';
import { apply, freshEgn, textWithBom, type Applicant } from '#test/api/sections/fixtures';
import { inboundFields, signedForm } from '#test/api/sms/fixtures';
import { account, enrolWithTotp, newPasskey, ORIGIN, PASSWORD, passkeyOf, pendingCookie, post, signIn, totpNow } from '#test/api/staff/fixtures';

/**
 * Every route of the OpenAPI document the app serves × every role × every method: the status the
 * staff guard must give, the 405s, the security headers, `Cache-Control: no-store` on personal
 * and staff answers, the CSRF token on every staff change, and no personal number in any answer
 * but its owner's. The routes come from the document; what each role may do is the policy
 * below, one line per operationId (a route missing from it fails the suite).
 */

const document = await servedDocument();
const operations = operationsOf(document);

type Role = 'anonymous' | 'own district' | 'other district' | 'city' | 'police';
const ROLES: Role[] = ['anonymous', 'own district', 'other district', 'city', 'police'];
type StaffRole = 'district' | 'city' | 'police';
type Session = { cookie: string; csrf: string };

/**
 * Who may do what. `public`: anyone, signed in or not. `sign-in step`: only a pending session
 * (the password was right; no CSRF token exists yet), which the preparation opens for each role's
 * try; anonymous gets 401, and so does a signed-in session. Otherwise the staff roles allowed; a
 * district user reaches their own district only, and `otherDistrict` says what the other
 * district gets for a record of the own one (404 like a missing record, 422 for a paper entry
 * naming a district that is not theirs; `own data` for a list, which they get filtered).
 */
const POLICY: Record<string, 'public' | 'sign-in step' | { roles: StaffRole[]; otherDistrict?: 404 | 422 | 'own data' }> = {
  health: 'public',
  openapi: 'public',
  lookupByPersonalNumber: 'public',
  stationsByAddress: 'public',
  stationsNear: 'public',
  settlementSuggestions: 'public',
  streetSuggestions: 'public',
  station: 'public',
  createReport: 'public',
  createMobileBoxRequests: 'public',
  mobileBoxRequestStatus: 'public',
  mobileBoxDistricts: 'public',
  staffLogin: 'public',
  staffTotpSetup: 'sign-in step',
  staffTotp: 'sign-in step',
  staffRecovery: 'sign-in step',
  staffPasskeyRegistrationOptions: 'sign-in step',
  staffPasskeyRegistration: 'sign-in step',
  staffPasskeyOptions: 'sign-in step',
  staffPasskey: 'sign-in step',
  staffSessions: { roles: ['district', 'city', 'police'], otherDistrict: 'own data' },
  staffSessionEnd: { roles: ['district', 'city', 'police'], otherDistrict: 'own data' },
  staffAccountSignOut: { roles: ['city'] },
  staffSession: { roles: ['district', 'city', 'police'], otherDistrict: 'own data' },
  staffLogout: { roles: ['district', 'city', 'police'], otherDistrict: 'own data' },
  staffAudit: { roles: ['city'] },
  staffRequests: { roles: ['district', 'city'], otherDistrict: 'own data' },
  staffPaperEntry: { roles: ['district', 'city'], otherDistrict: 422 },
  staffRequest: { roles: ['district', 'city'], otherDistrict: 404 },
  staffDecision: { roles: ['district', 'city'], otherDistrict: 404 },
  staffRequestPair: { roles: ['district', 'city'], otherDistrict: 404 },
  staffResolvePair: { roles: ['district', 'city'], otherDistrict: 404 },
  staffSummary: { roles: ['district', 'city'], otherDistrict: 'own data' },
  sections: { roles: ['district', 'city', 'police'], otherDistrict: 'own data' },
  sectionRoute: { roles: ['district', 'city', 'police'], otherDistrict: 404 },
  sectionUpdate: { roles: ['city'] },
  sectionRegister: { roles: ['district', 'city'], otherDistrict: 404 },
  sectionRemoveStop: { roles: ['district', 'city'], otherDistrict: 404 },
  // Seed 004, line 137: the districts hand the addresses over; СДВР prepares the routes.
  sectionLocateStop: { roles: ['police'] },
  sectionOrder: { roles: ['police'] },
  sectionHandover: { roles: ['district', 'city'], otherDistrict: 404 },
  sectionRouteCsv: { roles: ['district', 'city', 'police'], otherDistrict: 404 },
  sectionRouteXlsx: { roles: ['district', 'city', 'police'], otherDistrict: 404 },
  sectionRouteGeoJson: { roles: ['district', 'city', 'police'], otherDistrict: 404 },
  sectionRouteGpx: { roles: ['district', 'city', 'police'], otherDistrict: 404 },
  routesZip: { roles: ['police', 'city'] },
  districtConstituency: { roles: ['city'] },
  // Signed by the SMS gateway instead: test/api/sms/ checks the signature.
  smsInbound: 'public',
};

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const isSignInStep = (operation: Operation) => POLICY[operation.operationId] === 'sign-in step';
const isStaff = (operation: Operation) => POLICY[operation.operationId] !== 'public' && !isSignInStep(operation);
const changes = (operation: Operation) => !SAFE.has(operation.method);

/** The status a role must get for a well-formed request with the right CSRF token. */
function expectedStatus(operation: Operation, role: Role): number {
  const policy = POLICY[operation.operationId]!;
  const success = successStatus(operation);
  if (policy === 'public') return success;
  if (policy === 'sign-in step') return role === 'anonymous' ? 401 : success;
  if (role === 'anonymous') return 401;
  const staffRole: StaffRole = role === 'city' ? 'city' : role === 'police' ? 'police' : 'district';
  if (!policy.roles.includes(staffRole)) return 404;
  if (role === 'other district' && policy.otherDistrict !== 'own data') return policy.otherDistrict ?? 404;
  return success;
}

// Fixtures: stations and register entries, one account per role (Младост is "own", Люлин "other").
const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  'own district': 'mladost@example.org',
  'other district': 'lyulin@example.org',
  city: 'city@example.org',
  police: 'police@example.org',
};
const sessions: Partial<Record<Role, Session>> = {};
let stations: Awaited<ReturnType<typeof seedFixtures>>;
let mladostSection: number;
/** Every personal number the fixtures use: none may appear in an answer that is not its owner's. */
const NUMBERS = new Set<string>([...Object.values(IDS), VOTER.idNumber]);
let clients = 0;
const nextClient = () => `10.90.${Math.floor(++clients / 250)}.${clients % 250}`;

interface Prepared {
  params?: Record<string, string | number>;
  query?: Record<string, string>;
  body?: unknown;
  /** A form body, signed as the SMS gateway signs it (instead of `body`). */
  form?: URLSearchParams;
  /** The session to use instead of the role's (sign-out ends it). */
  session?: Session;
  /** Personal numbers this answer may carry: the caller's own, or the applicant's in the request a reviewer opens. */
  mayCarry?: string[];
}

async function send(operation: Operation, prepared: Prepared, session: Session | undefined, csrf: 'right' | 'none' | 'wrong' = 'right') {
  const headers = new Headers({ 'cf-connecting-ip': nextClient() });
  if (session) {
    headers.set('cookie', session.cookie);
    if (csrf === 'right') headers.set('x-csrf-token', session.csrf);
    if (csrf === 'wrong') headers.set('x-csrf-token', `${session.csrf.slice(0, -2)}xx`);
  }
  if (prepared.body !== undefined) headers.set('content-type', 'application/json');
  const query = prepared.query ? `?${new URLSearchParams(prepared.query)}` : '';
  const path = fillPath(operation.path, prepared.params ?? {}) + query;
  const body = prepared.form ? await signedForm(path, prepared.form, headers) : prepared.body !== undefined ? JSON.stringify(prepared.body) : undefined;
  return api(path, { method: operation.method, headers, ...(body !== undefined ? { body } : {}) }, { NOW: CAMPAIGN });
}

/** A staff call outside the table (to set up records). */
async function asCity(method: string, path: string, body?: unknown) {
  const headers = new Headers({ cookie: sessions.city!.cookie, 'x-csrf-token': sessions.city!.csrf });
  if (body !== undefined) headers.set('content-type', 'application/json');
  const response = await api(`/api/admin${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }, { NOW: CAMPAIGN });
  if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<unknown>;
}

async function applicant(overrides: Record<string, unknown> = {}): Promise<Applicant> {
  const made = await apply(overrides);
  NUMBERS.add(made.idNumber);
  return made;
}

/** The same applicant applies again for the same ballot, with another phone: the repeat's id (linked to the first, a pair to resolve). */
async function repeatOf(made: Applicant): Promise<number> {
  const again = await apply({ idNumber: made.idNumber, ballots: ['ep'], phone: '0877 555 555' });
  return again.ids[0]!;
}

async function accepted(): Promise<Applicant> {
  const made = await applicant({ ballots: ['ep'] });
  for (const id of made.ids) await asCity('POST', `/requests/${id}/decision`, { decision: 'accept' });
  return made;
}

/** A fresh stop on Младост's route (an accepted applicant, registered by the city). */
async function freshStop(): Promise<number> {
  const made = await accepted();
  await asCity('POST', `/sections/${mladostSection}/stops`, { requestIds: made.ids });
  const route = (await asCity('GET', `/sections/${mladostSection}`)) as { stops: { id: number; requests?: { id: number }[] }[] };
  return route.stops.find((stop) => stop.requests?.some((request) => made.ids.includes(request.id)))!.id;
}

const PREPARE: Record<string, (role: Role) => Promise<Prepared>> = {
  health: async () => ({}),
  // The document's examples are published constants (invented numbers), the same for everyone.
  openapi: async () => ({ mayCarry: examplesIn(document) }),
  lookupByPersonalNumber: async () => ({ body: { country: 'BG', idNumber: IDS.bgRegistered }, mayCarry: [IDS.bgRegistered] }),
  stationsByAddress: async () => ({ body: { country: 'BG', settlement: 'София', street: 'бул. Витоша', number: '17' } }),
  stationsNear: async () => ({ body: { lat: 42.69771, lon: 23.32189 } }),
  settlementSuggestions: async () => ({ query: { country: 'BG', q: 'со' } }),
  streetSuggestions: async () => ({ query: { country: 'BG', settlement: 'София', q: 'вит' } }),
  station: async () => ({ params: { id: stations.sofia1 } }),
  createReport: async () => ({ params: { id: stations.sofia1 }, body: { kind: 'closed_or_moved', details: 'Входът откъм улицата е затворен.' } }),
  createMobileBoxRequests: async () => {
    const idNumber = freshEgn();
    NUMBERS.add(idNumber);
    return { body: { ...VOTER, idNumber }, mayCarry: [idNumber] };
  },
  mobileBoxRequestStatus: async () => {
    const made = await applicant();
    return { body: { reference: made.references[0], idNumber: made.idNumber }, mayCarry: [made.idNumber] };
  },
  mobileBoxDistricts: async () => ({ query: { election: 'bg-2024-06-09' } }),
  // Signing in ends the session the request came with: a second session of the role's account, not the one the table uses.
  staffLogin: async (role) => ({
    body: { email: ACCOUNTS['own district'], password: PASSWORD },
    ...(role === 'anonymous' ? {} : { session: await signIn(ACCOUNTS[role]) }),
  }),
  // Each sign-in step on a pending session of a fresh account, opened for this try (anonymous tries without one).
  staffTotpSetup: async (role) => (role === 'anonymous' ? { body: {} } : { body: {}, session: await pending('none') }),
  staffTotp: async (role) => {
    const email = await fresh('totp');
    return { body: { code: totpNow(email) }, ...(role === 'anonymous' ? {} : { session: await pendingOf(email) }) };
  },
  staffRecovery: async (role) => {
    const email = await fresh('none');
    const { recoveryCodes } = await enrolWithTotp(email);
    return { body: { code: recoveryCodes[0] }, ...(role === 'anonymous' ? {} : { session: await pendingOf(email) }) };
  },
  staffPasskeyRegistrationOptions: async (role) => (role === 'anonymous' ? { body: {} } : { body: {}, session: await pending('none') }),
  staffPasskeyRegistration: async (role) => {
    if (role === 'anonymous') return { body: { response: await (await newPasskey('nobody@example.org')).register({ challenge: 'AAAA' }, ORIGIN) } };
    const email = await fresh('none');
    const session = await pendingOf(email);
    const options = (await (await post('/api/admin/session/passkey/registration/options', {}, { cookie: session.cookie })).json()) as {
      options: { challenge: string };
    };
    return { body: { response: await (await newPasskey(email)).register(options.options, ORIGIN) }, session };
  },
  staffPasskeyOptions: async (role) => (role === 'anonymous' ? { body: {} } : { body: {}, session: await pending('passkey') }),
  staffPasskey: async (role) => {
    const email = await fresh('passkey');
    if (role === 'anonymous') return { body: { response: await passkeyOf(email)!.assert({ challenge: 'AAAA' }, ORIGIN) } };
    const session = await pendingOf(email);
    const options = (await (await post('/api/admin/session/passkey/options', {}, { cookie: session.cookie })).json()) as { options: { challenge: string } };
    return { body: { response: await passkeyOf(email)!.assert(options.options, ORIGIN) }, session };
  },
  staffSessions: async () => ({}),
  staffSessionEnd: async (role) => {
    if (role === 'anonymous') return { params: { id: 'aBcDeFgHiJkLmNoP' } };
    // Another session of the same account, which the role's own session ends.
    const other = await signIn(ACCOUNTS[role]);
    const listed = await api('/api/admin/sessions', { headers: { cookie: other.cookie } });
    const { sessions: own } = (await listed.json()) as { sessions: { id: string; current: boolean }[] };
    return { params: { id: own.find((row) => row.current)!.id } };
  },
  staffAccountSignOut: async () => ({ body: { email: await fresh('passkey') } }),
  staffSession: async () => ({}),
  staffLogout: async (role) => (role === 'anonymous' ? {} : { session: await signIn(ACCOUNTS[role]) }),
  staffAudit: async () => ({ query: { from: '2024-05-01', to: '2024-06-30' } }),
  staffRequests: async () => ({ query: { ballot: 'ep' } }),
  staffPaperEntry: async () => {
    const idNumber = freshEgn();
    NUMBERS.add(idNumber);
    return {
      body: {
        ...VOTER,
        idNumber,
        ballots: ['ep'],
        address: { district: 'mladost', street: 'ул. Шипка', number: '6' },
        channel: 'post',
        receivedOn: '2024-05-17',
        incomingNumber: '94-00-17',
      },
    };
  },
  staffRequest: async () => {
    const made = await applicant({ ballots: ['ns'] });
    return { params: { id: made.ids[0]! }, mayCarry: [made.idNumber] };
  },
  staffDecision: async () => ({ params: { id: (await applicant({ ballots: ['ep'] })).ids[0]! }, body: { decision: 'accept' } }),
  // A pair in Младост: the applicant applied again for the same ballot with another phone.
  staffRequestPair: async () => ({ params: { id: await repeatOf(await applicant({ ballots: ['ep'] })) } }),
  staffResolvePair: async () => ({ params: { id: await repeatOf(await applicant({ ballots: ['ep'] })) }, body: { resolution: 'keep_first' } }),
  staffSummary: async () => ({}),
  sections: async () => ({}),
  sectionRoute: async () => ({ params: { id: mladostSection } }),
  sectionUpdate: async () => ({ params: { id: mladostSection }, body: { baseAddress: 'Районна администрация „Младост“, бул. Андрей Ляпчев 51' } }),
  sectionRegister: async () => ({ params: { id: mladostSection }, body: { requestIds: (await accepted()).ids } }),
  sectionRemoveStop: async () => ({ params: { id: mladostSection, stopId: await freshStop() } }),
  sectionLocateStop: async () => ({ params: { id: mladostSection, stopId: await freshStop() }, body: { location: { lat: 42.6505, lon: 23.3792 } } }),
  sectionOrder: async () => ({ params: { id: mladostSection }, body: { automatic: true } }),
  sectionHandover: async () => ({ params: { id: mladostSection }, body: {} }),
  sectionRouteCsv: async () => ({ params: { id: mladostSection } }),
  sectionRouteXlsx: async () => ({ params: { id: mladostSection } }),
  sectionRouteGeoJson: async () => ({ params: { id: mladostSection } }),
  sectionRouteGpx: async () => ({ params: { id: mladostSection } }),
  routesZip: async () => ({}),
  districtConstituency: async () => ({ params: { district: 'lozenets' }, body: { constituency: '23' } }),
  // The reply names the station, never the number.
  smsInbound: async () => ({ form: inboundFields(`ПИН ${IDS.kgRegistered}`) }),
};

let freshAccounts = 0;
/** A new district account (Младост), enrolled as asked. */
async function fresh(enrolled: 'none' | 'totp' | 'passkey'): Promise<string> {
  const email = `fresh${++freshAccounts}@example.org`;
  await account(email, { district: 'mladost', iterations: 1_000, enrolled });
  return email;
}
/** A pending session (the password step done) of an account, as the table's session. */
const pendingOf = async (email: string): Promise<Session> => ({ cookie: await pendingCookie(email), csrf: '' });
const pending = async (enrolled: 'none' | 'totp' | 'passkey') => pendingOf(await fresh(enrolled));

/** Every `example` string of the document. */
function examplesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(examplesIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => (key === 'example' && typeof item === 'string' ? [item] : examplesIn(item)));
}

/** The text of an answer; a zip is read file by file (its bytes are deflated). */
async function readable(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  // A zip, or an Excel workbook (a zip of XML files).
  if (type.startsWith('application/zip') || type.startsWith('application/vnd.openxmlformats')) {
    return Object.values(unzipSync(new Uint8Array(await response.arrayBuffer())))
      .map((file) => new TextDecoder().decode(file))
      .join('\n');
  }
  return textWithBom(response);
}

/** Everything an answer must be, whoever asked: the problems found (empty when none). */
async function answerProblems(operation: Operation, prepared: Prepared, response: Response, role: Role): Promise<string[]> {
  const problems: string[] = [];
  const missing = missingSecurityHeaders(response);
  if (missing.length > 0) problems.push(`missing security headers: ${missing.join(', ')}`);
  const text = await readable(response);
  const cache = response.headers.get('cache-control');
  if (response.status >= 400) {
    const problem = envelopeProblem(response, text);
    if (problem) problems.push(problem);
    if (cache !== 'no-store') problems.push(`error with Cache-Control ${cache}`);
  } else if (isStaff(operation) || changes(operation)) {
    if (cache !== 'no-store') problems.push(`personal or staff answer with Cache-Control ${cache}`);
  } else if (declaredCacheControl(operation) && cache !== declaredCacheControl(operation)) {
    problems.push(`Cache-Control ${cache}, the document says ${declaredCacheControl(operation)}`);
  }
  const allowed = new Set(response.status < 300 ? (prepared.mayCarry ?? []) : []);
  // The only staff answer that may carry a number is the request a reviewer opens (decrypted for that answer, audited).
  if (operation.operationId !== 'staffRequest' && isStaff(operation)) allowed.clear();
  for (const number of NUMBERS) if (!allowed.has(number) && text.includes(number)) problems.push(`personal number ${number} in the answer`);
  // A district user's answers hold their own district only.
  if (response.status === 200 && role.endsWith('district') && isStaff(operation) && operation.method === 'GET' && text.startsWith('{')) {
    const own = role === 'own district' ? 'mladost' : 'lyulin';
    const districts = [...text.matchAll(/"district":"([^"]*)"/g)].map((match) => match[1]);
    if (districts.some((district) => district !== own)) problems.push(`another district in the answer: ${[...new Set(districts)].join(', ')}`);
  }
  return problems;
}

beforeAll(async () => {
  stations = await seedFixtures();
  await account(ACCOUNTS['own district'], { district: 'mladost', iterations: 1_000 });
  await account(ACCOUNTS['other district'], { district: 'lyulin', iterations: 1_000 });
  await account(ACCOUNTS.city, { role: 'city', iterations: 1_000 });
  await account(ACCOUNTS.police, { role: 'police', iterations: 1_000 });
  for (const role of ROLES) if (role !== 'anonymous') sessions[role] = await signIn(ACCOUNTS[role]);
  const list = (await asCity('GET', '/sections')) as { sections: { id: number; district: string }[] };
  mladostSection = list.sections.find((section) => section.district === 'mladost')!.id;
  // Base coordinates, so the map files (GeoJSON, GPX) have something to draw.
  await asCity('PATCH', `/sections/${mladostSection}`, { location: { lat: 42.6505, lon: 23.3792 } });
  // Handed over to the police, who then prepare its route (their order and coordinates).
  await asCity('POST', `/sections/${mladostSection}/handover`, {});
});

describe('the route table comes from the served OpenAPI document', () => {
  it('lists every route the Hono app answers, and nothing else', () => {
    const documented = operations.map((operation) => `${operation.method.toLowerCase()} ${operation.path}`).sort();
    expect(documented).toEqual(routesOf(app.routes));
  });

  it('has a policy and a well-formed request for every operation, and no policy for an operation that is gone', () => {
    const ids = operations.map((operation) => operation.operationId).sort();
    expect(Object.keys(POLICY).sort()).toEqual(ids);
    expect(Object.keys(PREPARE).sort()).toEqual(ids);
  });

  it('declares who may call each operation as the policy says: public ones none, staff ones the session cookie, staff changes the CSRF header too', () => {
    const raw = document as unknown as {
      paths: Record<string, Record<string, { security?: unknown }>>;
      components: { securitySchemes?: Record<string, unknown> };
    };
    expect(Object.keys(raw.components.securitySchemes ?? {}).sort()).toEqual(['csrfToken', 'staffSession']);
    for (const operation of operations) {
      const declared = raw.paths[operation.path]![operation.method.toLowerCase()]!.security;
      const expected =
        !isStaff(operation) && !isSignInStep(operation)
          ? []
          : isSignInStep(operation) || !changes(operation)
            ? [{ staffSession: [] }]
            : [{ staffSession: [], csrfToken: [] }];
      expect({ operation: operation.operationId, security: declared }).toEqual({ operation: operation.operationId, security: expected });
    }
  });

  it('lets the police change only the routes they prepare (the order, the coordinates of a stop) and their own sign-out and sessions', () => {
    const policeChanges = operations.filter((operation) => changes(operation) && isStaff(operation) && expectedStatus(operation, 'police') < 400);
    expect(policeChanges.map((operation) => operation.operationId).sort()).toEqual(['sectionLocateStop', 'sectionOrder', 'staffLogout', 'staffSessionEnd']);
  });

  it('seed 004, line 137 ("Директорът на СДВР ще изготви специализирани маршрути"): only the police order a route; the districts and the city register and hand over', () => {
    const byRole = (role: Role) =>
      operations
        .filter((operation) => changes(operation) && operation.path.includes('/sections/') && expectedStatus(operation, role) < 400)
        .map((operation) => operation.operationId)
        .sort();
    expect(byRole('police')).toEqual(['sectionLocateStop', 'sectionOrder']);
    expect(byRole('own district')).toEqual(['sectionHandover', 'sectionRegister', 'sectionRemoveStop']);
    expect(byRole('city')).toEqual(['sectionHandover', 'sectionRegister', 'sectionRemoveStop', 'sectionUpdate']);
  });
});

describe.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))('%s', (_, operation) => {
  it.each(ROLES)('as %s', async (role) => {
    const prepared = await PREPARE[operation.operationId]!(role);
    const session = prepared.session ?? sessions[role];
    const problems: string[] = [];
    if (session && isStaff(operation) && changes(operation)) {
      // Without the token and with a wrong one: 403, and nothing is stored (the right one still works below).
      const before = await tableRowCounts();
      for (const csrf of ['none', 'wrong'] as const) {
        const refused = await send(operation, prepared, session, csrf);
        if (refused.status !== 403) problems.push(`CSRF ${csrf}: ${refused.status}`);
        problems.push(...(await answerProblems(operation, prepared, refused, role)).map((problem) => `CSRF ${csrf}: ${problem}`));
      }
      const after = await tableRowCounts();
      // Nothing stored but the two refusals in the audit log.
      const changed = Object.keys(after).filter((table) => after[table] !== (before[table] ?? 0) + (table === 'staff_audit' ? 2 : 0));
      if (changed.length > 0) problems.push(`CSRF refused, yet rows changed in ${changed.join(', ')}`);
    }
    const response = await send(operation, prepared, session);
    const status = response.status;
    problems.push(...(await answerProblems(operation, prepared, response, role)));
    expect({ status, problems }).toEqual({ status: expectedStatus(operation, role), problems: [] });
  });
});

describe('methods a path does not declare', () => {
  const paths = Object.keys(document.paths);
  const sample = (path: string) => fillPath(path, { id: 1, stopId: 1, district: 'lozenets' });

  it.each(paths)('%s: 405 in the envelope with Allow, OPTIONS 204 with Allow, 404 with a trailing slash', async (path) => {
    // The methods of every template this URL matches: GET /api/stations/near is GET /api/stations/{id} (a 422).
    const url = sample(path);
    const templates = paths.filter((template) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`).test(url));
    const declared = [...new Set(templates.flatMap((template) => Object.keys(document.paths[template]!).map((method) => method.toUpperCase())))];
    const allow = [...new Set([...declared, ...(declared.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');
    for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !declared.includes(m))) {
      const init: RequestInit = {
        method,
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': nextClient() },
        ...(method === 'GET' ? {} : { body: '{}' }),
      };
      for (const session of [undefined, sessions.city]) {
        const headers = new Headers(init.headers);
        if (session) {
          headers.set('cookie', session.cookie);
          headers.set('x-csrf-token', session.csrf);
        }
        const response = await api(sample(path), { ...init, headers });
        const text = await response.text();
        expect({
          method,
          status: response.status,
          allow: response.headers.get('allow'),
          envelope: envelopeProblem(response, text),
          headers: missingSecurityHeaders(response),
        }).toEqual({ method, status: 405, allow, envelope: undefined, headers: [] });
        expect((JSON.parse(text) as { error: { code: string } }).error.code).toBe('method_not_allowed');
      }
    }
    const options = await api(sample(path), { method: 'OPTIONS' });
    expect([options.status, options.headers.get('allow'), missingSecurityHeaders(options)]).toEqual([204, allow, []]);
    // With a trailing slash it is another path, which no route has.
    for (const method of declared) {
      const slashed = await api(`${url}/`, {
        method,
        headers: { 'content-type': 'application/json', 'cf-connecting-ip': nextClient() },
        ...(SAFE.has(method) ? {} : { body: '{}' }),
      });
      expect({ method, status: slashed.status, envelope: envelopeProblem(slashed, await slashed.text()) }).toEqual({
        method,
        status: 404,
        envelope: undefined,
      });
    }
  });

  it('a path no route has is a JSON 404 for every method, signed in or not', async () => {
    for (const path of ['/api', '/api/admin', '/api/admin/nothing', '/api/stations/1/nothing', '/api/admin/sections/1/route.pdf']) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        for (const session of [undefined, sessions.city]) {
          const headers = new Headers({ 'content-type': 'application/json' });
          if (session) headers.set('cookie', session.cookie);
          const response = await api(path, { method, headers, ...(method === 'GET' ? {} : { body: '{}' }) });
          const text = await response.text();
          expect({ path, method, status: response.status, envelope: envelopeProblem(response, text), headers: missingSecurityHeaders(response) }).toEqual({
            path,
            method,
            status: 404,
            envelope: undefined,
            headers: [],
          });
        }
      }
    }
  });
});
