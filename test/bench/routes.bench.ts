import { it } from 'vitest';
import { routeCsv } from '#core/sections/route-csv';
import { addressOrder, orderRoute, tourLength } from '#core/sections/route-order';
import { BASE, HEADERS, routeRows, seeded, sofiaStops } from './route-fixtures';
import { clockBehaviour, measure } from './timing';

// Times the route functions inside workerd for scripts/bench/bench-routes.ts, which prints the
// figures. Never fails on a slow figure: a bench reports, it does not judge.

const RUNS = 20;
const STOPS = 300;
const ROWS = 5_000;

const km = (metres: number | undefined) => `${((metres ?? NaN) / 1000).toFixed(1)} km`;
// A neutralised cell starts with the apostrophe safeCell adds, inside quotes or not.
const neutralised = (csv: string) => csv.match(/(?:^|,)"?'[=+\-@]/gm)?.length ?? 0;

it('times orderRoute and routeCsv inside workerd', async ({ task }) => {
  const clock = await clockBehaviour();
  const next = seeded(20240609);
  const located = sofiaStops(STOPS, next, true);
  const unlocated = sofiaStops(STOPS, next, false);
  const rows = routeRows(ROWS, next);

  const order = orderRoute(BASE, located);
  const routeDetail = `${km(tourLength(BASE, located, order))} against ${km(
    tourLength(
      BASE,
      located,
      located.map((stop) => stop.id),
    ),
  )} in arrival order`;
  const csv = (reader: 'district' | 'police') => {
    const text = routeCsv(rows, reader, HEADERS);
    return `${(new TextEncoder().encode(text).length / 1e6).toFixed(2)} MB, ${neutralised(text)} cells neutralised`;
  };
  const sameAsAddressOrder = orderRoute(BASE, unlocated).join() === addressOrder(unlocated).join();

  task.meta.bench = {
    clock,
    figures: [
      await measure({ what: 'orderRoute, coordinates', n: STOPS, targetMs: 50, runs: RUNS, detail: routeDetail, run: () => orderRoute(BASE, located) }, clock),
      await measure(
        {
          what: 'orderRoute, no coordinates',
          n: STOPS,
          targetMs: 50,
          runs: RUNS,
          detail: sameAsAddressOrder ? 'address order' : 'NOT the address order',
          run: () => orderRoute(BASE, unlocated),
        },
        clock,
      ),
      await measure(
        { what: "routeCsv 'district'", n: ROWS, targetMs: 1000, runs: RUNS, detail: csv('district'), run: () => routeCsv(rows, 'district', HEADERS) },
        clock,
      ),
      await measure(
        { what: "routeCsv 'police'", n: ROWS, targetMs: 1000, runs: RUNS, detail: csv('police'), run: () => routeCsv(rows, 'police', HEADERS) },
        clock,
      ),
    ],
  };
});
