import { env } from 'cloudflare:workers';

// How time is read inside workerd. On Cloudflare, Date.now() and performance.now() stand still
// while a request computes and move on only when I/O completes (a Spectre mitigation), so two
// readings around pure CPU work can show 0 ms. Here every reading is taken right after an
// awaited I/O, a fetch to NODE_CLOCK, at the start and at the end of a batch of calls: the end
// reading then includes the work whichever way the clock behaves. The same fetch brings Node's
// performance.now(), a clock outside workerd, to check the first; each batch pays one round
// trip, measured on empty batches and subtracted. What the workerd of @cloudflare/vitest-plugin
// does here (tried, and printed by `clockBehaviour` on every run): its clock moves during CPU
// work with no I/O at all, in whole milliseconds, within 2 % of Node's; so batches of at least
// MIN_BATCH_MS keep the rounding small for the fast functions.

const WARM_UP_CALLS = 3;
const MIN_BATCH_MS = 25;
const MAX_CALLS = 10_000;
const ROUND_TRIPS = 21;
const BUSY_READS = 1_000_000;

/** What workerd's clock did across CPU work without I/O, next to Node's. */
export interface ClockBehaviour {
  /** A loop of clock readings with no I/O, as workerd's clock saw it (ms). */
  busyWorkerdMs: number;
  /** The same loop by Node's clock (ms). */
  busyNodeMs: number;
  /** The smallest step workerd's clock took during that loop; undefined when it stood still. */
  stepMs: number | undefined;
  /** One round trip to NODE_CLOCK (median ms by each clock), subtracted from every batch. */
  overhead: Batch;
}

/** One measured function: per-call milliseconds, by workerd's clock unless named `node…`. */
export interface Figure {
  what: string;
  n: number;
  /** Calls per timed batch; a run's figure is the batch's time over this. */
  calls: number;
  runs: number;
  targetMs: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  nodeMedianMs: number;
  /** A fact about the result, showing the work was done (never a name or an address). */
  detail: string;
}

interface Batch {
  workerd: number;
  node: number;
}

export async function nodeNow(): Promise<number> {
  const response = await env.NODE_CLOCK.fetch('http://clock/');
  return Number(await response.text());
}

async function batch(run: () => unknown, calls: number): Promise<Batch> {
  const nodeStart = await nodeNow();
  const start = performance.now();
  for (let i = 0; i < calls; i++) run();
  const nodeEnd = await nodeNow();
  const end = performance.now();
  return { workerd: end - start, node: nodeEnd - nodeStart };
}

const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b);
/** Nearest-rank percentile of sorted values. */
const percentile = (values: readonly number[], p: number) => values[Math.max(0, Math.ceil(p * values.length) - 1)]!;
const median = (values: readonly number[]) => {
  const s = sorted(values),
    middle = s.length / 2;
  return Number.isInteger(middle) ? (s[middle - 1]! + s[middle]!) / 2 : s[Math.floor(middle)]!;
};

/**
 * Reads workerd's clock through a loop with no I/O, against Node's, and measures the round trip
 * every batch pays.
 *
 * @example const clock = await clockBehaviour(); // { busyWorkerdMs: 61, busyNodeMs: 61.4, stepMs: 1, … }
 */
export async function clockBehaviour(): Promise<ClockBehaviour> {
  const trips: Batch[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) trips.push(await batch(() => undefined, 0));
  const overhead = { workerd: median(trips.map((t) => t.workerd)), node: median(trips.map((t) => t.node)) };

  const nodeStart = await nodeNow();
  const start = performance.now();
  let last = start;
  let stepMs: number | undefined;
  for (let i = 0; i < BUSY_READS; i++) {
    const now = performance.now();
    if (now !== last) stepMs = Math.min(stepMs ?? Infinity, now - last);
    last = now;
  }
  const busyWorkerdMs = performance.now() - start;
  const busyNodeMs = (await nodeNow()) - nodeStart - overhead.node;
  return { busyWorkerdMs, busyNodeMs, stepMs, overhead };
}

/**
 * Times `run`: warm-up calls, then `runs` batches of enough calls to last MIN_BATCH_MS; each
 * run's figure is its batch's mean per call, so p95 and max are of batch means.
 *
 * @example await measure({ what: 'orderRoute', n: 300, targetMs: 50, runs: 20, detail: '', run: () => orderRoute(base, stops) }, clock)
 */
export async function measure(
  spec: Pick<Figure, 'what' | 'n' | 'targetMs' | 'runs' | 'detail'> & { run: () => unknown },
  clock: ClockBehaviour,
): Promise<Figure> {
  const { run, ...figure } = spec;
  for (let i = 0; i < WARM_UP_CALLS; i++) run();
  // Double the batch until it lasts a few ms by Node's clock, then scale it to MIN_BATCH_MS.
  let calls = 1;
  let elapsed = (await batch(run, calls)).node - clock.overhead.node;
  while (elapsed < MIN_BATCH_MS / 5 && calls < MAX_CALLS) {
    calls *= 2;
    elapsed = (await batch(run, calls)).node - clock.overhead.node;
  }
  calls = Math.min(MAX_CALLS, Math.max(1, Math.ceil((calls * MIN_BATCH_MS) / Math.max(elapsed, 0.001))));
  const workerd: number[] = [];
  const node: number[] = [];
  for (let i = 0; i < spec.runs; i++) {
    const timed = await batch(run, calls);
    workerd.push(Math.max(0, timed.workerd - clock.overhead.workerd) / calls);
    node.push(Math.max(0, timed.node - clock.overhead.node) / calls);
  }
  const byWorkerd = sorted(workerd);
  return {
    ...figure,
    calls,
    medianMs: median(workerd),
    p95Ms: percentile(byWorkerd, 0.95),
    maxMs: byWorkerd.at(-1)!,
    nodeMedianMs: median(node),
  };
}
