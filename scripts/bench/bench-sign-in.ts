#!/usr/bin/env node
// `npm run bench:sign-in`: prints figures, asserts nothing.
// Runs test/bench/sign-in.bench.ts inside workerd (vitest.bench.config.ts) and prints the time
// per call of the CPU work of a staff sign-in: the password check (pepper + PBKDF2 at 100,000
// iterations, the Workers maximum), a rehash, and the TOTP check. A sign-in costs about the
// password check plus a few milliseconds; docs/benchmarks.md keeps the dated figures.
import { z } from 'zod';
import { printTable } from './table';
import { runVitestBench } from './vitest-bench';

const benchMeta = z.object({
  signIn: z
    .object({
      figures: z.array(z.object({ what: z.string(), calls: z.number(), runs: z.number(), medianMs: z.number(), p95Ms: z.number(), maxMs: z.number() })),
    })
    .optional(),
});
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

console.log('\n== A staff sign-in inside workerd (vitest pool): 1 warm-up call, then 15 timed batches each, by Node’s clock ==');
const { metas, errors } = await runVitestBench('vitest.bench.config.ts', ['test/bench/sign-in.bench.ts']);
const result = metas.flatMap((meta) => benchMeta.parse(meta).signIn ?? [])[0];
if (errors.length > 0 || !result) {
  console.error(errors.join('\n\n') || 'The bench measured nothing.');
  process.exit(1);
}
printTable(
  ['what', 'calls/batch', 'median', 'p95', 'max'],
  result.figures.map((f) => [f.what, String(f.calls), ms(f.medianMs), ms(f.p95Ms), ms(f.maxMs)]),
  new Set([1, 2, 3, 4]),
);
