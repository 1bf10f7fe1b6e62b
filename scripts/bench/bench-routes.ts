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
import { startVitest } from 'vitest/node';

const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));

function clockLine({ busyWorkerdMs, busyNodeMs, stepMs, overhead }) {
  const seen = stepMs === undefined
    ? `stood still through ${ms(busyNodeMs)} ms of CPU work (by Node's clock): only readings after I/O count`
    : `moved during CPU work in steps of ${ms(stepMs)} ms: a loop with no I/O took ${ms(busyWorkerdMs)} ms by workerd's clock, ${ms(busyNodeMs)} ms by Node's`;
  return `workerd's clock ${seen}; a round trip to NODE_CLOCK (${ms(overhead.workerd)} ms by workerd, ${ms(overhead.node)} ms by Node) is subtracted from each batch`;
}

const results = [];
const errors = [];
const collector = {
  onTestCaseResult(testCase) {
    const { bench } = testCase.meta();
    if (bench) results.push(bench);
    for (const error of testCase.result().errors ?? []) errors.push(error.stack ?? error.message);
  },
  onTestRunEnd(testModules, unhandledErrors) {
    for (const module of testModules) for (const error of module.errors()) errors.push(error.stack ?? error.message);
    for (const error of unhandledErrors) errors.push(error.stack ?? error.message);
  },
};

console.log('\n== Route functions inside workerd (vitest pool): 3 warm-up calls, then 20 timed batches each ==');
const vitest = await startVitest('test', [], { config: 'vitest.bench.config.ts', watch: false, reporters: [collector] });
await vitest?.close();
if (errors.length > 0 || results.length !== 1) {
  console.error(errors.join('\n\n') || 'The bench measured nothing.');
  process.exit(1);
}

const [{ clock, figures }] = results;
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
const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => row[i].length)));
const right = new Set([1, 2, 3, 4, 7]);
for (const row of [header, ...rows]) console.log(row.map((cell, i) => (right.has(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd());
