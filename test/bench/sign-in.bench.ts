import { it } from 'vitest';
import { hashPassword, PASSWORD_ITERATIONS, verifyPassword } from '#functions/staff/passwords';
import { newTotpSecret, totpCode, totpStep } from '#functions/staff/totp';
import { nodeNow } from './timing';

// Times the CPU work of one staff sign-in inside workerd for scripts/bench/bench-sign-in.ts,
// which prints the figures: the password check (HMAC-SHA-256 under the pepper, then PBKDF2 at
// 100,000 iterations), a rehash (once per account, when an old hash is upgraded), and the TOTP
// check of the second step. Each call is awaited and timed by Node's clock around a batch (one
// round trip to NODE_CLOCK, measured and subtracted), since workerd's own clock may stand still.

const PEPPER = 'NSf+xOzTdY/Fr0+NTfrh8ReOQUJzfXmCFA8Ukw6rYCY=';
const RUNS = 15;

async function timed(what: string, calls: number, run: () => Promise<unknown>) {
  const trips: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = await nodeNow();
    trips.push((await nodeNow()) - start);
  }
  const overhead = trips.sort((a, b) => a - b)[2]!;
  await run();
  const perCall: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = await nodeNow();
    for (let i = 0; i < calls; i++) await run();
    perCall.push(((await nodeNow()) - start - overhead) / calls);
  }
  const sorted = perCall.sort((a, b) => a - b);
  return { what, calls, runs: RUNS, medianMs: sorted[Math.floor(RUNS / 2)]!, p95Ms: sorted[Math.ceil(0.95 * RUNS) - 1]!, maxMs: sorted.at(-1)! };
}

it('times the CPU work of a staff sign-in inside workerd', async ({ task }) => {
  const stored = await hashPassword('a long staff password', PEPPER);
  const secret = newTotpSecret();
  const figures = [
    await timed(`verifyPassword (pepper + PBKDF2-SHA-256, ${PASSWORD_ITERATIONS.toLocaleString('en')} iterations)`, 1, () =>
      verifyPassword('a long staff password', stored, PEPPER),
    ),
    await timed('hashPassword (the rehash at the next sign-in)', 1, () => hashPassword('a long staff password', PEPPER)),
    await timed('verifyPassword without the pepper (the old hashes)', 1, () =>
      verifyPassword('a long staff password', stored.replace('-peppered', ''), undefined),
    ),
    await timed('totpStep (the second step, a code from the app)', 50, async () => totpStep(secret, totpCode(secret, Date.now()), Date.now())),
  ];
  task.meta.signIn = { figures };
});
