#!/usr/bin/env node
// `npm run bench:routes`: prints figures, asserts nothing.
// Runs test/bench/routes.bench.ts inside workerd (vitest.bench.config.ts, the same pool as the
// API tests) and prints the time per call of:
// 1. orderRoute for 300 stops spread over Sofia, with coordinates (nearest neighbour + 2-opt)
//    and without (address order); target < 50 ms;
// 2. routeCsv of 5,000 stops for the district and for the police; target < 1 s.
// Each gets 3 warm-up calls, then 20 timed batches; a figure passes when its p95 is under the
// target. How time is read inside workerd, whose clock may stand still during CPU work, is
// explained in test/bench/timing.ts; Node's clock is printed beside workerd's as a check.
import { z } from 'zod';
import { printTable } from './table';
import { runVitestBench } from './vitest-bench';

/** Milliseconds by workerd's clock and by Node's. */
const byBothClocks = z.object({ workerd: z.number(), node: z.number() });
const clockBehaviour = z.object({ busyWorkerdMs: z.number(), busyNodeMs: z.number(), stepMs: z.number().optional(), overhead: byBothClocks });
/** What test/bench/routes.bench.ts leaves in its meta (test/bench/timing.ts: ClockBehaviour, Figure). */
const benchMeta = z.object({
  bench: z
    .object({
      clock: clockBehaviour,
      figures: z.array(
        z.object({
          what: z.string(),
          n: z.number(),
          calls: z.number(),
          targetMs: z.number(),
          medianMs: z.number(),
          p95Ms: z.number(),
          maxMs: z.number(),
          nodeMedianMs: z.number(),
          detail: z.string(),
        }),
      ),
    })
    .optional(),
});

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function clockLine({ busyWorkerdMs, busyNodeMs, stepMs, overhead }: z.infer<typeof clockBehaviour>): string {
  const seen =
    stepMs === undefined
      ? `stood still through ${ms(busyNodeMs)} ms of CPU work (by Node's clock): only readings after I/O count`
      : `moved during CPU work in steps of ${ms(stepMs)} ms: a loop with no I/O took ${ms(busyWorkerdMs)} ms by workerd's clock, ${ms(busyNodeMs)} ms by Node's`;
  return `workerd's clock ${seen}; a round trip to NODE_CLOCK (${ms(overhead.workerd)} ms by workerd, ${ms(overhead.node)} ms by Node) is subtracted from each batch`;
}

console.log('\n== Route functions inside workerd (vitest pool): 3 warm-up calls, then 20 timed batches each ==');
const { metas, errors } = await runVitestBench('vitest.bench.config.ts', ['test/bench/routes.bench.ts']);
const results = metas.flatMap((meta) => benchMeta.parse(meta).bench ?? []);
const [result] = results;
if (errors.length > 0 || results.length !== 1 || !result) {
  console.error(errors.join('\n\n') || 'The bench measured nothing.');
  process.exit(1);
}

const { clock, figures } = result;
console.log(clockLine(clock));
console.log('\nResults (ms per call; pass = p95 under the target)');
const header = ['what', 'n', 'calls/batch', 'median', 'p95 / max', 'target', '', 'Node clock median', 'result'];
const rows = figures.map((f) => [
  f.what,
  f.n.toLocaleString('en'),
  String(f.calls),
  ms(f.medianMs),
  `${ms(f.p95Ms)} / ${ms(f.maxMs)}`,
  `< ${f.targetMs.toLocaleString('en')} ms`,
  f.p95Ms < f.targetMs ? 'pass' : 'FAIL',
  ms(f.nodeMedianMs),
  f.detail,
]);
printTable(header, rows, new Set([1, 2, 3, 4, 7]));
