import { env } from 'cloudflare:workers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDigits } from '#core/lookup/personal-numbers';
import { MAX_BODY_BYTES } from '#functions/http/api-middleware';
import { RATE_LIMITS } from '#functions/http/rate-limit';
import { seedFixtures } from '#test/api/fixtures';
import { api, tableRowCounts } from '#test/api/helpers';
import { CAMPAIGN, VOTER } from '#test/api/mobile-box/fixtures';
import { envelopeProblem, fillPath, missingSecurityHeaders, operationsOf, servedDocument, type Operation, type Parameter } from '#test/api/openapi-operations';
import { apply } from '#test/api/sections/fixtures';
import { inboundFields, signedForm } from '#test/api/sms/fixtures';
import { account, pendingCookie, signIn } from '#test/api/staff/fixtures';
import { fieldPaths, longText, nested, oddStrings, random, sample, surelyInvalid, withField, WRONG_TYPES, type Random } from './generator';

/**
 * An API fuzz run over every operation of the OpenAPI document the app serves: malformed JSON,
 * wrong types, bodies over and just under the limit, deep nesting, unknown fields, control
 * characters, mixed scripts, bidi marks, full-width digits, empty and very long strings, in
 * every body field (JSON, or the SMS gateway's signed form), query, path and header parameter.
 * Every refusal must be a 4xx in the envelope
 * (never a 5xx) that leaves every table's row count as it was; an input the document's schema
 * surely refuses must be refused; anything else may also get the operation's declared success.
 * Staff operations run with the city's session and CSRF token (the police's for the route they
 * prepare), so the fuzz reaches validation.
 */

const SEED = Number(env.FUZZ_SEED || 20261202);
/** Hostile values tried per field (drawn from 45 by the seed): the run stays well under a minute. */
const PER_FIELD = 5;
console.log(`openapi fuzz: seed ${SEED} (FUZZ_SEED=${SEED} repeats this run)`);

const document = await servedDocument();
const operations = operationsOf(document);

// Every limit out of the way (the in-memory limiter of local runs, raised): the fuzz is about validation, not 429s.
const UNLIMITED = Object.fromEntries(Object.keys(RATE_LIMITS).map((name) => [`${name}_RATE_LIMIT`, '100000000']));
const BINDINGS: Partial<Cloudflare.Env> = { NOW: CAMPAIGN, RATE_LIMIT_MODE: 'memory', ...UNLIMITED };

/**
 * Tables whose rows may change on a refusal, by design: every personal-number lookup is counted
 * by outcome, refused ones too (`lookup_outcomes`); a failed sign-in is counted to slow guessing
 * (`login_failures`); security events are audited (`staff_audit`: a failed sign-in or code, a
 * refused CSRF token, a refusal outside a user's reach).
 */
const COUNTED_ON_REFUSAL: Record<string, string[]> = { lookupByPersonalNumber: ['lookup_outcomes'], staffLogin: ['login_failures', 'staff_audit'] };
const isStaffPath = (operation: Operation) => operation.path.startsWith('/api/admin/');

let city: { cookie: string; csrf: string };
let police: { cookie: string; csrf: string };
/** The operations only the police may call (seed 004, line 137: СДВР prepares the routes). */
const POLICE_ONLY = new Set(['sectionOrder', 'sectionLocateStop']);

/** Real records for path parameters, so a fuzzed body meets a record that exists. */
const RECORDS: Record<string, Record<string, number>> = {};
let clients = 0;

interface Case {
  label: string;
  params: Record<string, string | number>;
  query: Record<string, string | string[]>;
  /** A JSON value, or raw text for malformed bodies. */
  body?: { json: unknown } | { raw: string };
  /** A form's fields, or its raw text: signed as the gateway signs it unless `headers` sets the signature. */
  form?: { fields: Record<string, string | string[]> } | { raw: string };
  /** The document's schema surely refuses this input. */
  mustRefuse: boolean;
  /** The one status this case must get. */
  exactly?: number;
  /** Request headers to set (a string) or leave out (null), over the session's. */
  headers?: Record<string, string | null>;
}

function paramsOf(operation: Operation, where: Parameter['in']) {
  return operation.parameters.filter((parameter) => parameter.in === where);
}

/** The values an operation's inputs start from: real records, the document's examples, a seed body for what examples cannot make valid. */
function baseCase(operation: Operation): Case {
  const params = Object.fromEntries(
    paramsOf(operation, 'path').map((parameter) => [
      parameter.name,
      RECORDS[operation.operationId]?.[parameter.name] ?? (sample(document, parameter.schema) as number),
    ]),
  );
  const query = Object.fromEntries(
    paramsOf(operation, 'query')
      .filter((parameter) => parameter.required || parameter.schema.example !== undefined)
      .map((parameter) => [parameter.name, String(sample(document, parameter.schema))]),
  );
  const body = operation.body ? { json: SEED_BODIES[operation.operationId] ?? sample(document, operation.body) } : undefined;
  const form = operation.form ? { fields: SEED_FORMS[operation.operationId] ?? (sample(document, operation.form) as Record<string, string>) } : undefined;
  return { label: 'as documented', params, query, ...(body ? { body } : {}), ...(form ? { form } : {}), mustRefuse: false };
}

/** Nobody else's in this file (the mobile-box fuzz meets 7501020018 as full-width digits). */
const PAPER_EGN = `900101777${checkDigits.egn('900101777')}`;

/**
 * Applied through a representative, so that mutations of `representative` are checked (when the
 * voter applies, the form's empty representative fields are ignored, whatever they hold).
 */
const REPRESENTED = {
  submittedBy: 'representative',
  representative: { fullName: 'Иван Петров', idNumber: '1234567893', phone: '+359 2 123 4567', powerOfAttorney: true },
};

/** Valid bodies where the document's examples do not make one (a personal number, an order), so mutations reach past the first check. */
const SEED_BODIES: Record<string, unknown> = {
  // sectionRegister and mobileBoxRequestStatus: set in beforeAll, from records made there.
  lookupByPersonalNumber: { country: 'BG', idNumber: '7501020018' },
  createMobileBoxRequests: { ...VOTER, idNumber: '5510239849', ...REPRESENTED },
  staffPaperEntry: {
    ...VOTER,
    idNumber: PAPER_EGN,
    ballots: ['ep'],
    address: { district: 'mladost', street: 'ул. Шипка', number: '6' },
    channel: 'post',
    receivedOn: '2024-05-17',
    incomingNumber: '94-00-17',
    ...REPRESENTED,
  },
  staffLogin: { email: 'nobody@example.org', password: 'not the password' },
  staffTotp: { code: '000000' },
  staffRecovery: { code: 'AAAAA-BBBBB' },
  staffAccountSignOut: { email: 'nobody@example.org' },
  staffDecision: { decision: 'accept' },
  staffResolvePair: { resolution: 'merge', take: ['phone'] },
  sectionOrder: { automatic: true },
  sectionHandover: {},
};

/** Valid forms where the document's examples do not make one. */
const SEED_FORMS: Record<string, Record<string, string>> = {
  smsInbound: Object.fromEntries(inboundFields('ПИН 21503198512345')),
};

/** Header parameters whose every wrong value is refused with one status: the CSRF token and a gateway's signature. */
const GUARD_HEADERS: Record<string, number> = { 'x-csrf-token': 403, 'x-twilio-signature': 403 };

function hostileValues(rng: Random): [string, unknown][] {
  return [...WRONG_TYPES, ...oddStrings(rng), ['long text', longText(5_000)], ['text of 15 000 bytes', longText(7_400)]];
}

/** Every case for one operation, drawn from the seed. */
function casesFor(operation: Operation, rng: Random): Case[] {
  const base = baseCase(operation);
  const cases: Case[] = [base];
  const add = (label: string, change: Partial<Case>, mustRefuse: boolean, exactly?: number) =>
    cases.push({ ...base, label, ...change, mustRefuse, ...(exactly ? { exactly } : {}) });

  for (const parameter of paramsOf(operation, 'path')) {
    for (const [name, value] of rng.some(
      hostileValues(rng).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
      PER_FIELD,
    )) {
      const text = String(value);
      // An empty segment changes the route itself (another path, or none): still a 4xx, whatever the schema says.
      add(
        `path ${parameter.name}: ${name}`,
        { params: { ...base.params, [parameter.name]: text } },
        text === '' || surelyInvalid(document, parameter.schema, text, true),
      );
    }
  }
  for (const parameter of paramsOf(operation, 'query')) {
    for (const [name, value] of rng.some(
      hostileValues(rng).filter(([, v]) => typeof v === 'string' || typeof v === 'number'),
      PER_FIELD,
    )) {
      add(
        `query ${parameter.name}: ${name}`,
        { query: { ...base.query, [parameter.name]: String(value) } },
        surelyInvalid(document, parameter.schema, String(value), true),
      );
    }
    add(`query ${parameter.name}: repeated`, { query: { ...base.query, [parameter.name]: [String(base.query[parameter.name] ?? 'x'), 'other'] } }, false);
    if (parameter.required)
      add(`query ${parameter.name}: missing`, { query: Object.fromEntries(Object.entries(base.query).filter(([name]) => name !== parameter.name)) }, true);
  }
  for (const parameter of paramsOf(operation, 'header')) {
    const name = parameter.name.toLowerCase();
    // A value of the wrong CSRF token or signature is refused whatever it is; other headers meet their schema.
    const guard = GUARD_HEADERS[name];
    const refuse = (value: string) => guard !== undefined || surelyInvalid(document, parameter.schema, value, true);
    // Only what an HTTP client sends: no line breaks, NUL or text beyond ASCII (browsers refuse it).
    const sendable = hostileValues(rng)
      .map(([label, value]) => [label, String(value)] as const)
      .filter(([, value]) => canSendAsHeader(value));
    for (const [label, value] of rng.some(sendable, PER_FIELD)) add(`header ${name}: ${label}`, { headers: { [name]: value } }, refuse(value.trim()), guard);
    add(`header ${name}: 300 characters`, { headers: { [name]: 'k'.repeat(300) } }, refuse('k'.repeat(300)), guard);
    if (guard !== undefined) add(`header ${name}: missing`, { headers: { [name]: null } }, true, guard);
  }
  add('query: unknown parameter', { query: { ...base.query, [`x${rng.int(1000)}`]: rng.pick(oddStrings(rng))[1] } }, false);

  if (operation.body && base.body && 'json' in base.body) {
    const json = base.body.json;
    const invalid = (value: unknown) => surelyInvalid(document, operation.body!, value);
    for (const [label, text] of [
      ['empty', ''],
      ['cut short', '{"a":'],
      ['trailing comma', '{"a":1,}'],
      ['single quotes', "{'a':1}"],
      ['NaN', '{"a":NaN}'],
      ['two objects', '{}{}'],
      ['bare word', 'undefined'],
    ] as const) {
      add(`body: malformed JSON (${label})`, { body: { raw: text } }, true, 400);
    }
    // Fetch decodes a body as UTF-8 and drops a byte-order mark first: this one is `{}`.
    add('body: byte-order mark', { body: { raw: '\ufeff{}' } }, invalid({}));
    for (const [label, value] of [
      ['null', null],
      ['number', 1],
      ['string', 'x'],
      ['array', [json]],
      ['true', true],
    ] as const)
      add(`body: ${label} instead of an object`, { body: { json: value } }, invalid(value));
    add(
      'body: prototype keys',
      { body: { raw: JSON.stringify(json).replace(/^\{/, '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},') } },
      invalid({ ...(json as object), constructor: {} }),
    );
    const unknown = { ...(json as object), [`unknown${rng.int(1000)}`]: rng.pick(hostileValues(rng))[1] };
    add('body: unknown fields', { body: { json: unknown } }, invalid(unknown));
    add('body: 5 000 levels deep', { body: { json: nested(5_000) } }, invalid(nested(5_000)));
    add('body: 7 000 levels of arrays', { body: { raw: `${'['.repeat(7_000)}${']'.repeat(7_000)}` } }, true);
    // Just under the limit, padded in an unknown field (a 413 there would be wrong), and one byte over it.
    const bytesOf = (text: string) => new TextEncoder().encode(text).length;
    const padding = (bytes: number) =>
      JSON.stringify({ ...(json as object), padding: 'x'.repeat(bytes - bytesOf(JSON.stringify({ ...(json as object), padding: '' }))) });
    add('body: 1 byte under the limit', { body: { raw: padding(MAX_BODY_BYTES - 1) } }, invalid({ ...(json as object), padding: '' }));
    add('body: 1 byte over the limit', { body: { raw: padding(MAX_BODY_BYTES + 1) } }, true, 413);
    add('body: 1 MB', { body: { raw: padding(1024 * 1024) } }, true, 413);

    for (const { path, schema } of fieldPaths(document, operation.body)) {
      add(`body ${path.join('.')}: missing`, { body: { json: withField(json, path, undefined) } }, invalid(withField(json, path, undefined)));
      for (const [name, value] of rng.some(hostileValues(rng), PER_FIELD)) {
        const mutated = withField(json, path, value);
        add(`body ${path.join('.')}: ${name}`, { body: { json: mutated } }, invalid(mutated) || surelyInvalid(document, schema, value));
      }
    }
  }
  if (operation.form && base.form && 'fields' in base.form) cases.push(...formCases(operation, base, base.form.fields, rng));
  return cases;
}

/** The cases of a form body (a gateway's webhook): every case is signed, so the fuzz reaches past the signature. */
function formCases(operation: Operation, base: Case, fields: Record<string, string | string[]>, rng: Random): Case[] {
  const cases: Case[] = [];
  const add = (label: string, form: Case['form'], mustRefuse: boolean, exactly?: number, headers?: Case['headers']) =>
    cases.push({ ...base, label, form, mustRefuse, ...(exactly ? { exactly } : {}), ...(headers ? { headers } : {}) });
  const invalid = (value: Record<string, unknown>) => surelyInvalid(document, operation.form!, value);
  for (const [label, raw] of [
    ['empty', ''],
    ['bare names', 'From&To&Body'],
    ['broken percent-encoding', '%zz=%&Body=%E0%A4%A'],
    ['JSON text', JSON.stringify(fields)],
  ] as const)
    add(`form: ${label}`, { raw }, true);
  add('form: sent as JSON', { raw: JSON.stringify(fields) }, true, 415, { 'content-type': 'application/json' });
  add('form: a field twice', { fields: { ...fields, Body: ['1', '2'] } }, false);
  const unknown = { ...fields, [`unknown${rng.int(1000)}`]: String(rng.pick(oddStrings(rng))[1]) };
  add('form: unknown fields', { fields: unknown }, invalid(unknown));
  add('form: prototype keys', { fields: { ...fields, ['__proto__']: 'x', 'constructor.prototype': 'y' } }, false);
  const bytesOf = (text: string) => new TextEncoder().encode(text).length;
  const padded = (bytes: number) => ({
    ...fields,
    padding: 'x'.repeat(bytes - bytesOf(new URLSearchParams({ ...(fields as Record<string, string>), padding: '' }).toString())),
  });
  add('form: 1 byte under the limit', { fields: padded(MAX_BODY_BYTES - 1) }, false);
  add('form: 1 byte over the limit', { fields: padded(MAX_BODY_BYTES + 1) }, true, 413);
  for (const { path, schema } of fieldPaths(document, operation.form!)) {
    const name = path[0]!;
    const { [name]: _, ...without } = fields;
    add(`form ${name}: missing`, { fields: without }, invalid(without));
    for (const [label, value] of rng.some(hostileValues(rng), PER_FIELD)) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      add(`form ${name}: ${label}`, { fields: { ...fields, [name]: text } }, surelyInvalid(document, schema, text));
    }
  }
  return cases;
}

/** A form's fields as sent, repeated names included. */
function formOf(fields: Record<string, string | string[]>): URLSearchParams {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
  return form;
}

/** Visible ASCII, spaces and tabs: a header value browsers and HTTP clients send as it is. */
const canSendAsHeader = (value: string) => /^[\t\x20-\x7e]*$/.test(value);

async function request(operation: Operation, fuzz: Case, session = city): Promise<Response> {
  const headers = new Headers({ 'cf-connecting-ip': `10.99.${Math.floor(++clients / 250) % 250}.${clients % 250}` });
  if (operation.path.startsWith('/api/admin/')) {
    headers.set('cookie', session.cookie);
    headers.set('x-csrf-token', session.csrf);
  }
  if (fuzz.body) headers.set('content-type', 'application/json');
  for (const [name, value] of Object.entries(fuzz.headers ?? {})) {
    if (value === null) headers.delete(name);
    else headers.set(name, value);
  }
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(fuzz.query)) for (const one of [value].flat()) search.append(name, one);
  const query = search.toString() ? `?${search}` : '';
  const path = fillPath(operation.path, fuzz.params) + query;
  let body = fuzz.body ? ('raw' in fuzz.body ? fuzz.body.raw : JSON.stringify(fuzz.body.json)) : undefined;
  if (fuzz.form) {
    const fields = 'raw' in fuzz.form ? new URLSearchParams(fuzz.form.raw) : formOf(fuzz.form.fields);
    const signed = new Headers();
    const text = await signedForm(path, fields, signed);
    body = 'raw' in fuzz.form ? fuzz.form.raw : text;
    for (const [name, value] of signed) if (!(fuzz.headers && name in fuzz.headers)) headers.set(name, value);
  }
  return api(path, { method: operation.method, headers, ...(body !== undefined ? { body } : {}) }, BINDINGS);
}

/** How often each status came back, per operation, for the run's summary. */
const statuses = new Map<number, number>();
const summary: string[] = [];
afterAll(() => console.log(`openapi fuzz, seed ${SEED}:\n${summary.join('\n')}`));

/** What is wrong with one answer (undefined when nothing is); `counts` is a write's row counts before it (kept up to date). */
async function problemOf(operation: Operation, fuzz: Case, response: Response, counts: { before?: Record<string, number> }): Promise<string | undefined> {
  const { status } = response;
  const type = response.headers.get('content-type') ?? '';
  // A zip, or an Excel workbook (a zip of XML files).
  const binary = type.startsWith('application/zip') || type.startsWith('application/vnd.openxmlformats');
  const text = binary ? `${(await response.arrayBuffer()).byteLength} bytes` : await response.text();
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  if (status >= 500) return `${status}: ${text.slice(0, 200)}`;
  // The city's session and token must hold for the whole run, or the fuzz never reaches validation.
  const csrfFuzzed = fuzz.headers !== undefined && 'x-csrf-token' in fuzz.headers;
  // A sign-in step answers a wrong code or passkey with 401: that is its refusal, once its input passed validation.
  const wrongFactor = status === 401 && operation.operationId in SIGN_IN_STEPS;
  if ((status === 401 || status === 403) && operation.path.startsWith('/api/admin/') && operation.operationId !== 'staffLogin' && !csrfFuzzed && !wrongFactor)
    return `${status}: the session or its CSRF token was refused`;
  if (fuzz.exactly && status !== fuzz.exactly) return `${status}, expected ${fuzz.exactly}`;
  const missing = missingSecurityHeaders(response);
  if (missing.length > 0) return `missing ${missing.join(', ')}`;
  if (status >= 400) {
    const envelope = envelopeProblem(response, text);
    if (envelope) return `${status} ${envelope}`;
    if (!counts.before) return undefined;
    const after = await tableRowCounts();
    const expected = (table: string) => COUNTED_ON_REFUSAL[operation.operationId]?.includes(table) || (isStaffPath(operation) && table === 'staff_audit');
    const changed = Object.keys(after).filter((table) => after[table] !== counts.before![table] && !expected(table));
    counts.before = after;
    if (changed.length > 0) return `${status}, yet rows changed in ${changed.join(', ')}`;
    return undefined;
  }
  // An accepted write may add rows: count again from here.
  if (counts.before) counts.before = await tableRowCounts();
  if (fuzz.mustRefuse) return `${status} for an input the document refuses: ${text.slice(0, 200)}`;
  if (!(String(status) in operation.responses)) return `${status}, which the document does not declare`;
  return undefined;
}

/** The operations whose fuzz would sign the city out. */
const OWN_SESSION = new Set(['staffLogout']);
/**
 * The steps that finish a sign-in, and the second factor their account needs: each case gets a
 * pending session of its own (the password step done), so the fuzz reaches their validation.
 */
const SIGN_IN_STEPS: Record<string, 'none' | 'totp' | 'passkey'> = {
  staffTotpSetup: 'none',
  staffTotp: 'totp',
  staffRecovery: 'totp',
  staffPasskeyRegistrationOptions: 'none',
  staffPasskeyRegistration: 'none',
  staffPasskeyOptions: 'passkey',
  staffPasskey: 'passkey',
};
let stepAccounts = 0;
async function pendingSessionFor(enrolled: 'none' | 'totp' | 'passkey') {
  const email = `step${++stepAccounts}@example.org`;
  await account(email, { district: 'mladost', iterations: 1_000, enrolled });
  return { cookie: await pendingCookie(email), csrf: '' };
}

beforeAll(async () => {
  const stations = await seedFixtures();
  await account('city@example.org', { role: 'city', iterations: 1_000 });
  city = await signIn('city@example.org');
  await account('police@example.org', { role: 'police', iterations: 1_000 });
  police = await signIn('police@example.org');
  const staff = async (method: string, path: string, body?: unknown) => {
    const response = await api(
      `/api/admin${path}`,
      {
        method,
        headers: { cookie: city.cookie, 'x-csrf-token': city.csrf, 'content-type': 'application/json' },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      },
      BINDINGS,
    );
    if (response.status >= 300) throw new Error(`${method} ${path}: ${response.status}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const sections = (await staff('GET', '/sections')) as { sections: { id: number; district: string }[] };
  const section = sections.sections.find((s) => s.district === 'mladost')!.id;
  // Two accepted requests on stops of Младост's route (one to remove, one to locate), one accepted
  // to register, and one received to decide on and ask the status of.
  const accepted = async () => {
    const made = await apply({ ballots: ['ep'] });
    await staff('POST', `/requests/${made.ids[0]}/decision`, { decision: 'accept' });
    return made;
  };
  const stops: number[] = [];
  for (let i = 0; i < 2; i++) {
    const made = await accepted();
    await staff('POST', `/sections/${section}/stops`, { requestIds: made.ids });
    const route = (await staff('GET', `/sections/${section}`)) as { stops: { id: number; requests: { id: number }[] }[] };
    stops.push(route.stops.find((stop) => stop.requests.some((request) => request.id === made.ids[0]))!.id);
  }
  SEED_BODIES.sectionRegister = { requestIds: (await accepted()).ids };
  // Handed over to the police, who prepare its route.
  await staff('POST', `/sections/${section}/handover`, {});
  const received = await apply({ ballots: ['ns'] });
  SEED_BODIES.mobileBoxRequestStatus = { reference: received.references[0], idNumber: received.idNumber };
  // A pair to open and resolve: the same applicant again for the same ballot, with another phone.
  const repeat = await apply({ idNumber: received.idNumber, ballots: ['ns'], phone: '0877 555 555' });
  for (const operation of operations) {
    const names = paramsOf(operation, 'path').map((parameter) => parameter.name);
    if (names.length === 0) continue;
    const id = operation.path.startsWith('/api/stations')
      ? stations.sofia1
      : operation.path.endsWith('/pair')
        ? repeat.ids[0]!
        : operation.path.startsWith('/api/admin/requests')
          ? received.ids[0]!
          : section;
    RECORDS[operation.operationId] = { id, ...(names.includes('stopId') ? { stopId: stops[operation.method === 'DELETE' ? 0 : 1]! } : {}) };
  }
});

/** The seed of one operation's cases: the run's seed and the operationId, so each operation draws the same cases run alone or with the rest. */
function seedOf(operationId: string): number {
  let hash = SEED >>> 0;
  for (const char of operationId) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  return hash;
}

describe(`openapi fuzz (seed ${SEED})`, () => {
  it.each(operations.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))('%s', async (_, operation) => {
    // Drawn here, after beforeAll: the cases start from the records it made.
    const cases = casesFor(operation, random(seedOf(operation.operationId)));
    const failures: string[] = [];
    statuses.clear();
    const counts = { before: operation.method === 'GET' ? undefined : await tableRowCounts() };
    for (const fuzz of cases) {
      // Signing out is sent with a session of its own: the city's must outlive it.
      let session = POLICE_ONLY.has(operation.operationId) ? police : city;
      if (OWN_SESSION.has(operation.operationId)) {
        session = await signIn('city@example.org');
        counts.before = await tableRowCounts();
      }
      const step = SIGN_IN_STEPS[operation.operationId];
      if (step) {
        session = await pendingSessionFor(step);
        counts.before = await tableRowCounts();
      }
      let problem: string | undefined;
      try {
        problem = await problemOf(operation, fuzz, await request(operation, fuzz, session), counts);
      } catch (error) {
        problem = `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      }
      if (problem) {
        failures.push(`${fuzz.label}: ${problem}`);
        if (counts.before) counts.before = await tableRowCounts();
      }
    }
    summary.push(
      `${operation.operationId}: ${cases.length} cases, ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([status, n]) => `${n}× ${status}`)
        .join(', ')}`,
    );
    expect(failures, `seed ${SEED}, ${cases.length} cases`).toEqual([]);
  });
});
