#!/usr/bin/env node
// `npm run test:load` (not part of `npm test`): bounded, loopback only, stops by itself.
// Serves the build with `wrangler dev` on 127.0.0.1 against a fresh local D1 with the demo data
// and accounts (the demo clock, inside the 2024 campaign), then sends LOAD_SECONDS (60 by
// default; `--seconds N` too) of mixed traffic with autocannon, one instance per endpoint, all at
// once and as fast as the local runtime answers: personal-number and address lookups, station
// suggestions and details, staff list downloads, and 1,000 mobile-box submissions (every tenth
// request an identical repeat of an answered one under a new Idempotency-Key, or a retry with
// the same key and body). Afterwards it reads the requests table and proves every accepted
// submission is stored exactly once: each answered reference once, both ballots of a person
// under one personal-number HMAC, nothing stored that no answer accounts for; repeats answered
// 201 with references of their own, stored folded into the first (one application for staff),
// and retries with the first answer byte for byte.
// Prints requests/s and p50/p99 per endpoint and the answers by status. Exits non-zero when a
// submission is missing or doubled, an answer is wrong, or any 5xx occurred.
// The limiters (the in-memory ones wrangler dev uses) are raised for this run only, since one
// client sends everything; every request still calls them.
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type autocannon from 'autocannon';
import { z } from 'zod';
import { sectionList } from '#functions/sections/schemas';
import { startDevServer } from '#scripts/dev-server';
import { localLimitVars, sameLimit } from '#scripts/local-limits';
import { totpCode } from '#functions/staff/totp';
import { prepareLocalDatabase } from '#scripts/local-db';
import type { DemoStaff } from '#scripts/seed/demo-staff';
import { benchApplication, benchSetup, createdReferences, load as loadUrl } from './bench-helpers';
import { demoData } from '#scripts/seed/demo-data';
import { queryRows } from '#scripts/import/d1';

const flag = process.argv.indexOf('--seconds');
const SECONDS = Number(flag > 0 ? process.argv[flag + 1] : (process.env.LOAD_SECONDS ?? 60));
const SUBMISSIONS = Number(process.env.LOAD_SUBMISSIONS ?? 1000);
const NOW = '2024-05-20T10:00:00+03:00';
const HIGH = 1_000_000_000;
if (!(SECONDS > 0) || !(SUBMISSIONS > 0)) throw new Error('LOAD_SECONDS and LOAD_SUBMISSIONS must be positive numbers');

const bg = demoData().find((country) => country.country === 'BG');
if (!bg) throw new Error('the demo data has no Bulgarian register');
const registerNumbers = bg.register.map(([idNumber]) => idNumber);
const addresses = bg.ranges.map(([settlement, street, from]) => ({ settlement, street, number: from }));
const streets = [...new Set(bg.ranges.flatMap(([, street]) => (street === undefined ? [] : [street])))];

/** The n-th item, going round the list. */
function cycle<T>(list: readonly T[], n: number): T {
  const item = list[n % list.length];
  if (item === undefined) throw new Error('nothing to go round: the list is empty');
  return item;
}

/** The i-th distinct application: its own voter (ЕГН from 1985 on, apart from the demo ones), both ballots. */
const application = (i: number) => benchApplication(i, 16_500_000);

/** Rows of mobile_box_requests as wrangler prints them: before the run, and the proof's after it. */
const storedReferences = z.array(z.object({ reference: z.string() }));
const storedRequests = z.array(
  z.object({ id: z.number(), reference: z.string(), idHash: z.string(), closedAs: z.string().nullable(), mergedInto: z.number().nullable() }),
);

const json = { 'content-type': 'application/json' };
/** Answers by status for every endpoint, counted from the responses themselves. */
const statuses = new Map<string, Map<number, number>>();
const count = (name: string, status: number) => {
  const byStatus = statuses.get(name) ?? new Map<number, number>();
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  statuses.set(name, byStatus);
};
/** A request whose body or path changes each time (`next(n)`), its answers counted under `name`. */
function varied(name: string, method: 'GET' | 'POST', next: (n: number) => autocannon.Request, headers: Record<string, string> = {}): autocannon.Request[] {
  let sent = 0;
  return [
    {
      method,
      headers: { ...(method === 'POST' ? json : {}), ...headers },
      setupRequest: (request) => ({ ...request, ...next(++sent) }),
      onResponse: (status) => count(name, status),
    },
  ];
}

/** What a connection's submission in flight was: new, a duplicate or a retry, of the i-th application. */
interface Attempt {
  kind: 'new' | 'duplicate' | 'retry';
  i: number;
}

/** The mobile-box traffic: distinct applications, duplicates (new key) and retries (same key). */
function submissions() {
  const state = {
    distinct: 0,
    sent: 0,
    answered: [] as number[],
    firstAnswers: new Map<number, string>(),
    /** The answers to identical repeats of the i-th application (new keys). */
    repeatAnswers: new Map<number, string[]>(),
    wrong: [] as string[],
    counts: { created: 0, duplicates: 0, duplicatesRight: 0, retries: 0, retriesSame: 0 },
  };
  const pick = () => state.answered[Math.floor(Math.random() * state.answered.length)]!;
  // autocannon hands each connection's request and answer the same context object.
  const attempts = new WeakMap<object, Attempt>();
  const requests: autocannon.Request[] = [
    {
      method: 'POST',
      path: '/api/mobile-box-requests',
      setupRequest: (request, context) => {
        const n = ++state.sent;
        const canRepeat = state.answered.length > 0;
        // Of every 12 requests, 10 new, one duplicate and one retry: 10% of the distinct ones each.
        let kind: Attempt['kind'] = n % 12 === 6 && canRepeat ? 'duplicate' : n % 12 === 0 && canRepeat ? 'retry' : 'new';
        if (kind === 'new' && state.distinct >= SUBMISSIONS) kind = canRepeat ? (n % 2 ? 'duplicate' : 'retry') : 'new';
        const i = kind === 'new' ? state.distinct++ : pick();
        attempts.set(context, { kind, i });
        const key = kind === 'duplicate' ? `load-${i}-again-${n}` : `load-${i}`;
        return { ...request, headers: { ...json, 'idempotency-key': key }, body: JSON.stringify(application(i)) };
      },
      onResponse: (status, body, context) => {
        count('POST /api/mobile-box-requests', status);
        const attempt = attempts.get(context);
        if (!attempt) throw new Error('an answer to no request sent');
        const { kind, i } = attempt;
        const first = state.firstAnswers.get(i);
        if (kind === 'new') {
          if (status !== 201) return;
          state.counts.created++;
          state.firstAnswers.set(i, body);
          state.answered.push(i);
        } else if (kind === 'retry') {
          state.counts.retries++;
          if (status === 201 && body === first) state.counts.retriesSame++;
          else state.wrong.push(`retry of #${i} answered ${status} ${body.slice(0, 200)}`);
        } else {
          state.counts.duplicates++;
          // Answered like a first application: 201, references of its own (never the first's).
          const firstReferences = first === undefined ? [] : createdReferences(first);
          const references = status === 201 ? createdReferences(body) : [];
          if (references.length === firstReferences.length && references.every((reference) => !firstReferences.includes(reference))) {
            state.counts.duplicatesRight++;
            state.repeatAnswers.set(i, [...(state.repeatAnswers.get(i) ?? []), body]);
          } else state.wrong.push(`repeat of #${i} answered ${status} ${body.slice(0, 200)} (first references ${firstReferences.join(', ')})`);
        }
      },
    },
  ];
  return { state, requests };
}

/** Signs in as a demo account (password, then its authenticator app's code) and returns its session cookie. */
async function signIn(base: string, account: DemoStaff | undefined): Promise<string> {
  if (!account?.password || !account.totpSecret) throw new Error(`no demo ${account ? `password for ${account.email}` : 'account'} to sign in with`);
  const cookieOf = (response: Response) =>
    response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0])
      .join('; ');
  const password = await fetch(`${base}/api/admin/session`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (password.status !== 200) throw new Error(`sign-in as ${account.email} answered ${password.status}: ${await password.text()}`);
  const response = await fetch(`${base}/api/admin/session/totp`, {
    method: 'POST',
    headers: { ...json, cookie: cookieOf(password) },
    body: JSON.stringify({ code: totpCode(account.totpSecret, Date.now()) }),
  });
  if (response.status !== 200) throw new Error(`second step as ${account.email} answered ${response.status}: ${await response.text()}`);
  const cookie = cookieOf(response);
  if (!cookie) throw new Error(`sign-in as ${account.email} set no cookie`);
  return cookie;
}

const pct = (n: number | undefined) => String(n ?? '-').padStart(6);
/** One line of the results table. */
function row(name: string, result: autocannon.Result): string {
  const byStatus = [...(statuses.get(name) ?? new Map())]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}×${n}`)
    .join(' ');
  const problems = result.errors + result.timeouts > 0 ? `  errors ${result.errors} (timeouts ${result.timeouts})` : '';
  return `${name.padEnd(44)} ${(result.requests.total / (result.duration || 1)).toFixed(1).padStart(8)} ${pct(result.latency.p50)} ${pct(result.latency.p99)} ${String(result.requests.total).padStart(8)}   ${byStatus}${problems}`;
}

const { work, state: persistTo } = await benchSetup();
let stopServer = () => {};
const interrupted = () => {
  stopServer();
  rmSync(work, { recursive: true, force: true });
  process.exit(130);
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);
let failures: string[] = [];
try {
  const staff = await prepareLocalDatabase({ persistTo });
  const before = new Set(
    storedReferences.parse(await queryRows('SELECT reference FROM mobile_box_requests', { remote: false, persistTo })).map((r) => r.reference),
  );

  const dev = await startDevServer({
    persistTo,
    vars: {
      ...localLimitVars(
        sameLimit(HIGH, [
          'LOOKUP',
          'LOOKUP_WIDE',
          'LOOKUP_GLOBAL',
          'MOBILE_BOX',
          'MOBILE_BOX_WIDE',
          'MOBILE_BOX_GLOBAL',
          'STATIONS',
          'STATIONS_WIDE',
          'SERVICE',
          'SERVICE_WIDE',
        ]),
      ),
      NOW,
    },
    logLevel: 'error',
  });
  stopServer = dev.stop;
  const base = dev.baseUrl;

  const police = await signIn(
    base,
    staff.find((account) => account.role === 'police'),
  );
  const city = await signIn(
    base,
    staff.find((account) => account.role === 'city'),
  );
  const sections = sectionList.parse(await (await fetch(`${base}/api/admin/sections`, { headers: { cookie: city } })).json());
  const sectionIds = sections.sections.map((section) => section.id);
  if (sectionIds.length === 0) throw new Error('the demo data has no mobile sections for the city account');
  const stationCount = bg.stations.length;

  const mobileBox = submissions();
  const endpoints: [name: string, connections: number, requests: autocannon.Request[]][] = [
    [
      'POST /api/lookup',
      4,
      varied('POST /api/lookup', 'POST', (n) => ({ path: '/api/lookup', body: JSON.stringify({ country: 'BG', idNumber: cycle(registerNumbers, n) }) })),
    ],
    [
      'POST /api/stations/search',
      3,
      varied('POST /api/stations/search', 'POST', (n) => ({ path: '/api/stations/search', body: JSON.stringify({ country: 'BG', ...cycle(addresses, n) }) })),
    ],
    [
      'GET /api/stations/settlements',
      2,
      varied('GET /api/stations/settlements', 'GET', (n) => ({
        path: `/api/stations/settlements?country=BG&q=${encodeURIComponent('Софи'.slice(0, 1 + (n % 4)))}`,
      })),
    ],
    [
      'GET /api/stations/streets',
      2,
      varied('GET /api/stations/streets', 'GET', (n) => {
        const street = cycle(streets, n).replace(/^(бул|ул)\. /, '');
        return { path: `/api/stations/streets?country=BG&settlement=${encodeURIComponent('София')}&q=${encodeURIComponent(street.slice(0, 2 + (n % 4)))}` };
      }),
    ],
    ['GET /api/stations/:id', 2, varied('GET /api/stations/:id', 'GET', (n) => ({ path: `/api/stations/${1 + (n % stationCount)}` }))],
    [
      'GET /api/admin/routes.zip (police)',
      1,
      varied('GET /api/admin/routes.zip (police)', 'GET', () => ({ path: '/api/admin/routes.zip' }), { cookie: police }),
    ],
    [
      'GET /api/admin/sections/:id/route.csv (city)',
      1,
      varied('GET /api/admin/sections/:id/route.csv (city)', 'GET', (n) => ({ path: `/api/admin/sections/${cycle(sectionIds, n)}/route.csv` }), {
        cookie: city,
      }),
    ],
  ];

  // Warm every path so none pays for the first compilation in the measured run (not counted).
  for (const [, , requests] of endpoints)
    await loadUrl(base, 'warm-up', { amount: 20, connections: 2, requests: requests.map(({ onResponse: _, ...r }) => r) });
  await fetch(`${base}/api/health`);

  const total = SUBMISSIONS + 2 * Math.ceil(SUBMISSIONS / 10);
  console.log(
    `\n== Load: wrangler dev on 127.0.0.1, ${SECONDS} s of mixed traffic, ${endpoints.reduce((sum, [, c]) => sum + c, 0) + 4} connections, ${SUBMISSIONS} submissions + ${total - SUBMISSIONS} duplicates and retries ==`,
  );
  const started = performance.now();
  const [endpointRuns, mobileRun] = await Promise.all([
    Promise.all(
      endpoints.map(async ([name, connections, requests]) => ({ name, result: await loadUrl(base, name, { connections, duration: SECONDS, requests }) })),
    ),
    loadUrl(base, 'POST /api/mobile-box-requests', { connections: 4, amount: total, requests: mobileBox.requests }),
  ]);
  const runs = [...endpointRuns.map((run) => run.result), mobileRun];
  const wall = (performance.now() - started) / 1000;
  stopServer();

  // The proof: read every request row written during the run.
  const rows = storedRequests
    .parse(
      await queryRows('SELECT id, reference, id_hash AS idHash, closed_as AS closedAs, merged_into AS mergedInto FROM mobile_box_requests', {
        remote: false,
        persistTo,
      }),
    )
    .filter((r) => !before.has(r.reference));
  type Row = (typeof rows)[number];
  const byReference = new Map<string, Row[]>();
  for (const r of rows) byReference.set(r.reference, [...(byReference.get(r.reference) ?? []), r]);
  const byPerson = new Map<string, Row[]>();
  for (const r of rows) byPerson.set(r.idHash, [...(byPerson.get(r.idHash) ?? []), r]);
  const answered = [...mobileBox.state.firstAnswers.entries()].map(([i, body]) => ({ i, references: createdReferences(body) }));
  const repeats = new Map([...mobileBox.state.repeatAnswers].map(([i, bodies]) => [i, bodies.flatMap(createdReferences)]));
  const accounted = new Set([...answered.flatMap(({ references }) => references), ...[...repeats.values()].flat()]);
  const missing: string[] = [];
  const doubled: string[] = [];
  const split: string[] = [];
  const notFolded: string[] = [];
  for (const { i, references } of answered) {
    const again = repeats.get(i) ?? [];
    for (const reference of [...references, ...again]) {
      const stored = byReference.get(reference) ?? [];
      if (stored.length === 0) missing.push(reference);
      if (stored.length > 1) doubled.push(reference);
    }
    const people = new Set([...references, ...again].flatMap((reference) => (byReference.get(reference) ?? []).map((r) => r.idHash)));
    const [person, ...others] = people;
    if (person === undefined || others.length > 0 || byPerson.get(person)?.length !== references.length + again.length) split.push(references.join('+'));
    // An identical repeat is folded into the first application: staff have one to review.
    const firstIds = new Set(references.flatMap((reference) => (byReference.get(reference) ?? []).map((r) => r.id)));
    for (const reference of again) {
      const row = byReference.get(reference)?.[0];
      if (row && (row.closedAs !== 'folded' || row.mergedInto === null || !firstIds.has(row.mergedInto))) notFolded.push(reference);
    }
  }
  const unaccounted = rows.filter((r) => !accounted.has(r.reference));

  console.log(`\nResults (${wall.toFixed(1)} s wall clock)`);
  console.log(`${'endpoint'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(6)} ${'p99 ms'.padStart(6)} ${'requests'.padStart(8)}   answers by status`);
  for (const { name, result } of endpointRuns) console.log(row(name, result));
  console.log(row('POST /api/mobile-box-requests', mobileRun));
  const all = runs.reduce((sum, r) => sum + r.requests.total, 0);
  console.log(`${'all together'.padEnd(44)} ${(all / wall).toFixed(1).padStart(8)}`);

  const { counts, wrong } = mobileBox.state;
  console.log(
    `\nsubmissions   ${counts.created} accepted (201) of ${mobileBox.state.distinct} distinct; ${counts.duplicates} identical repeats, ${counts.duplicatesRight} answered 201 with references of their own (${notFolded.length} not folded into the first); ${counts.retries} retries, ${counts.retriesSame} answered with the first answer byte for byte`,
  );
  console.log(
    `stored        ${rows.length} new rows for ${byPerson.size} people; expected ${accounted.size} references of ${answered.length} accepted submissions: ${missing.length} missing, ${doubled.length} doubled, ${split.length} not stored as one person's ballots, ${unaccounted.length} rows no answer accounts for`,
  );

  const serverErrors = [...statuses].flatMap(([name, byStatus]) =>
    [...byStatus].filter(([status]) => status >= 500).map(([status, n]) => `${name}: ${n} × ${status}`),
  );
  const clientErrors = runs.reduce((sum, r) => sum + r.errors, 0);
  if (missing.length) failures.push(`${missing.length} accepted references missing from D1`);
  if (doubled.length) failures.push(`${doubled.length} references stored more than once`);
  if (notFolded.length) failures.push(`${notFolded.length} identical repeats not folded into the first application`);
  if (split.length) failures.push(`${split.length} accepted submissions not stored as exactly one person's ballots`);
  // A row without an answer can only come from a request whose answer was lost (a client error or timeout).
  if (unaccounted.length > 2 * mobileRun.errors) failures.push(`${unaccounted.length} stored rows that no answer accounts for`);
  if (wrong.length) failures.push(`${wrong.length} wrong answers to duplicates or retries, e.g. ${wrong[0]}`);
  if (counts.created < mobileBox.state.distinct) failures.push(`${mobileBox.state.distinct - counts.created} distinct submissions not accepted`);
  if (serverErrors.length) failures.push(`5xx answers: ${serverErrors.join(', ')}`);
  if (clientErrors) console.log(`client-side errors (connection resets, timeouts): ${clientErrors}`);
} catch (error) {
  failures = [String((error instanceof Error ? error.stack : undefined) ?? error)];
} finally {
  stopServer();
  await rm(work, { recursive: true, force: true });
}
if (failures.length) {
  console.error(`\nFAILED:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nOK: every accepted submission stored exactly once, no 5xx.');
