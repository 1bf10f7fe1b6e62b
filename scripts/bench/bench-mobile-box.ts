#!/usr/bin/env node
// `npm run bench:mobile-box`: prints figures, asserts nothing.
// Serves the build with `wrangler dev` on 127.0.0.1 against a fresh local D1 (the demo clock,
// inside the 2024 campaign) and loads it with autocannon: GET /api/health for scale, then a
// bounded load of POST /api/mobile-box-requests: distinct voters asking for both ballots, and
// every tenth request a retry of an answered one with the same Idempotency-Key and body.
// Prints submissions/s and p50/p99 for both (target: >= 50% of health's throughput), then the
// count check: rows in D1 = unique submissions × 2 ballots, none lost, none duplicated, and
// every retry answered exactly as the first time.
// The mobile-box limiter (the in-memory one wrangler dev uses) is raised for this run only,
// since one client sends everything; the submission still calls it, so its cost is measured.
import { rm } from 'node:fs/promises';
import type autocannon from 'autocannon';
import { z } from 'zod';
import { run } from '#scripts/env';
import { startDevServer } from '#scripts/dev-server';
import { localLimitVars, sameLimit } from '#scripts/local-limits';
import { benchApplication, benchSetup, createdReferences, load as loadUrl, resultRow, type LoadOptions } from './bench-helpers';
import { queryRows } from '#scripts/import/d1';

const SUBMISSIONS = Number(process.env.BENCH_SUBMISSIONS ?? 4000);
const CONNECTIONS = 20;
const RETRY_EVERY = 10;
const NOW = '2024-05-20T10:00:00+03:00';

/** The i-th distinct application: its own voter (ЕГН from 1990 on), both ballots. */
const application = (i: number) => benchApplication(i, 18_300_000);

/** What a connection's request in flight was: its voter's number and whether it repeats an answered one. */
interface Attempt {
  key: number;
  retry: boolean;
}

const { work, state } = await benchSetup();
let stopServer = () => {};
try {
  await run('wrangler', ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', state], { CI: 'true' });

  const total = SUBMISSIONS + Math.floor(SUBMISSIONS / (RETRY_EVERY - 1));
  console.log(`\n== Load: wrangler dev on 127.0.0.1, ${CONNECTIONS} connections, ${SUBMISSIONS} distinct submissions + ${total - SUBMISSIONS} retries ==`);
  const dev = await startDevServer({
    persistTo: state,
    vars: { ...localLimitVars(sameLimit(1_000_000_000, ['MOBILE_BOX', 'MOBILE_BOX_WIDE', 'MOBILE_BOX_GLOBAL', 'SERVICE', 'SERVICE_WIDE'])), NOW },
    logLevel: 'error',
  });
  stopServer = dev.stop;
  const base = dev.baseUrl;
  const load = (title: string, options: LoadOptions) => loadUrl(base, title, { connections: CONNECTIONS, ...options });

  let sent = 0;
  let distinct = 0;
  const answered: number[] = []; // keys whose first answer came back
  const firstAnswers = new Map<number, string>();
  const tally = { created: 0, retries: 0, retriesSame: 0, unexpected: new Map<number, number>() };
  // autocannon hands each connection's request and answer the same context object.
  const attempts = new WeakMap<object, Attempt>();
  const submissions = (offset: number): autocannon.Request[] => [
    {
      method: 'POST',
      path: '/api/mobile-box-requests',
      setupRequest: (request, context) => {
        const retry = ++sent % RETRY_EVERY === 0 && answered.length > 0;
        const i = retry ? answered[Math.floor(Math.random() * answered.length)]! : offset + distinct++;
        attempts.set(context, { key: i, retry });
        return { ...request, headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${i}` }, body: JSON.stringify(application(i)) };
      },
      onResponse: (status, body, context) => {
        const attempt = attempts.get(context);
        if (!attempt) throw new Error('an answer to no request sent');
        if (attempt.retry) {
          tally.retries++;
          if (status === 201 && body === firstAnswers.get(attempt.key)) tally.retriesSame++;
        } else if (status === 201) {
          tally.created++;
          firstAnswers.set(attempt.key, body);
          answered.push(attempt.key);
        }
        if (status !== 201) tally.unexpected.set(status, (tally.unexpected.get(status) ?? 0) + 1);
      },
    },
  ];

  // Warm both paths so neither run pays for the first compilation; the warm-up's voters are
  // numbered apart from the measured ones and counted too.
  await load('warm-up', { duration: 2, connections: CONNECTIONS, requests: [{ path: '/api/health' }] });
  await load('warm-up', { amount: 500, connections: CONNECTIONS, requests: submissions(10_000_000) });
  const warmUp = { distinct, created: tally.created };
  distinct = 0;
  sent = 0;
  answered.length = 0;
  Object.assign(tally, { created: 0, retries: 0, retriesSame: 0, unexpected: new Map() });

  const health = await load('GET /api/health', { duration: 10, requests: [{ path: '/api/health' }] });
  const mobileBox = await load('POST /api/mobile-box-requests', { amount: total, requests: submissions(0) });
  stopServer();

  const counts = await queryRows('SELECT count(*) AS rows, count(DISTINCT id_hash) AS people, count(DISTINCT reference) AS refs FROM mobile_box_requests', {
    remote: false,
    persistTo: state,
  });
  const [stored] = z.tuple([z.object({ rows: z.number(), people: z.number(), refs: z.number() })]).parse(counts);
  const references = [...firstAnswers.values()].flatMap(createdReferences);
  const people = warmUp.created + tally.created;

  console.log('\nResults');
  console.log(resultRow('GET /api/health', health));
  console.log(resultRow('POST /api/mobile-box-requests', mobileBox));
  console.log(`submissions / health      ${((mobileBox.requests.average / health.requests.average) * 100).toFixed(0)}% of health's throughput (target >= 50%)`);
  const unexpected = [...tally.unexpected].map(([status, n]) => `${n} × ${status}`).join(', ') || 'none';
  console.log(
    `answers                   ${tally.created} created (201), ${tally.retries} retries of which ${tally.retriesSame} got the first answer byte for byte; other answers: ${unexpected}`,
  );
  const expectedRows = people * 2;
  const ok = stored.rows === expectedRows && stored.people === people && stored.refs === stored.rows && new Set(references).size === references.length;
  console.log(
    `count check               ${people} unique submissions (incl. ${warmUp.created} warm-up) × 2 ballots = ${expectedRows} expected; D1 holds ${stored.rows} rows for ${stored.people} people with ${stored.refs} distinct references: ${ok ? 'none lost, none duplicated' : 'MISMATCH'}`,
  );
} finally {
  stopServer();
  await rm(work, { recursive: true, force: true });
}
