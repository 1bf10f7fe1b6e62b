/**
 * The order in which a mobile section visits its stops: from the base address through every
 * stop and back. With coordinates everywhere: nearest neighbour improved by 2-opt; otherwise
 * by street, house number and block. Pure and deterministic: the same stops in the same order
 * always give the same route. The order they arrive in matters only when it is already shorter
 * than the nearest-neighbour start: it is then kept and improved, since the answer is never
 * longer than the order given (test/unit/property/route-order.property.test.ts shows a case).
 */

export interface RouteBase {
  lat?: number;
  lon?: number;
}

export interface RouteStop {
  id: string;
  street: string;
  number?: string;
  block?: string;
  lat?: number;
  lon?: number;
}

export interface Located {
  lat: number;
  lon: number;
}

export type MoveDirection = 'up' | 'down';

const EARTH_RADIUS_M = 6_371_008.8;

export const hasCoordinates = <T extends RouteBase>(point: T): point is T & Located => Number.isFinite(point.lat) && Number.isFinite(point.lon);

/** Great-circle distance in metres. */
export function haversineMetres(a: Located, b: Located): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

// Whole millimetres: tour lengths become sums of integers, so comparing two tours is exact and
// the result cannot flip on floating-point noise from summing in a different order.
const millimetres = (a: Located, b: Located) => Math.round(haversineMetres(a, b) * 1000);
const byId = (a: RouteStop, b: RouteStop) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Point 0 is the base, points 1…n the stops; `tour` lists stop points only. */
class Tour {
  private readonly matrix: number[][];
  constructor(points: Located[]) {
    this.matrix = points.map((a) => points.map((b) => millimetres(a, b)));
  }
  d(i: number, j: number): number {
    return this.matrix[i]![j]!;
  }
  length(tour: readonly number[]): number {
    let total = 0;
    let previous = 0;
    for (const point of tour) {
      total += this.d(previous, point);
      previous = point;
    }
    return total + this.d(previous, 0);
  }
  nearestNeighbour(count: number): number[] {
    const left = new Set(Array.from({ length: count }, (_, i) => i + 1));
    const tour: number[] = [];
    let current = 0;
    while (left.size > 0) {
      let best = -1;
      // Points are numbered in id order and only a strictly shorter hop wins: ties go to the lower id.
      for (const point of left) if (best === -1 || this.d(current, point) < this.d(current, best)) best = point;
      tour.push(best);
      left.delete(best);
      current = best;
    }
    return tour;
  }
  /** First-improvement 2-opt on the closed tour; every accepted move strictly shortens it. */
  twoOpt(start: readonly number[]): number[] {
    const t = [0, ...start];
    const n = t.length;
    let improved = true;
    while (improved) {
      improved = false;
      for (let i = 1; i < n - 1; i++) {
        for (let j = i + 1; j < n; j++) {
          const a = t[i - 1]!,
            b = t[i]!,
            c = t[j]!,
            e = t[(j + 1) % n]!;
          if (this.d(a, c) + this.d(b, e) < this.d(a, b) + this.d(c, e)) {
            reverse(t, i, j);
            improved = true;
          }
        }
      }
    }
    return t.slice(1);
  }
}

function reverse(values: number[], from: number, to: number): void {
  for (let i = from, j = to; i < j; i++, j--) [values[i], values[j]] = [values[j]!, values[i]!];
}

function located(base: RouteBase, stops: readonly RouteStop[]): { base: Located; stops: readonly (RouteStop & Located)[] } | undefined {
  if (!hasCoordinates(base) || !stops.every(hasCoordinates)) return undefined;
  return { base, stops };
}

/**
 * Stop ids in visiting order, as nearest neighbour would visit them from the base (ties by id);
 * `undefined` unless the base and every stop have coordinates. The start that 2-opt improves.
 */
export function nearestNeighbourOrder(base: RouteBase, stops: readonly RouteStop[]): string[] | undefined {
  const points = located(base, stops);
  if (!points) return undefined;
  const sorted = [...points.stops].sort(byId);
  return new Tour([points.base, ...sorted]).nearestNeighbour(sorted.length).map((point) => sorted[point - 1]!.id);
}

const natural = new Intl.Collator('bg', { numeric: true, sensitivity: 'base' });
const blankLast = (a: string | undefined, b: string | undefined) => {
  const x = a?.trim() ?? '',
    y = b?.trim() ?? '';
  if (!x || !y) return Number(!x) - Number(!y);
  return natural.compare(x, y);
};

/** By street (Bulgarian collation), then house number and block in natural order ("2" < "10" < "10А"); unknown last. */
export function addressOrder(stops: readonly RouteStop[]): string[] {
  return [...stops]
    .sort((a, b) => blankLast(a.street, b.street) || blankLast(a.number, b.number) || blankLast(a.block, b.block) || byId(a, b))
    .map((stop) => stop.id);
}

/**
 * Stop ids in visiting order; the route starts and ends at the base. Never longer than the
 * nearest-neighbour start nor than the order the stops came in.
 *
 * @example orderRoute({ lat: 42.65, lon: 23.38 }, stops) // ['s3', 's1', 's2']
 */
export function orderRoute(base: RouteBase, stops: readonly RouteStop[]): string[] {
  const points = located(base, stops);
  if (!points) return addressOrder(stops);
  const sorted = [...points.stops].sort(byId);
  const index = new Map(sorted.map((stop, i) => [stop.id, i + 1]));
  if (index.size !== sorted.length) throw new RangeError('stop ids must be unique');
  const tour = new Tour([points.base, ...sorted]);
  let best = tour.twoOpt(tour.nearestNeighbour(sorted.length));
  const given = stops.map((stop) => index.get(stop.id)!);
  // A heuristic can lose to a good hand-made order: then improve that one instead.
  if (tour.length(given) < tour.length(best)) best = tour.twoOpt(given);
  return best.map((point) => sorted[point - 1]!.id);
}

/**
 * Length in metres of base → stops in `order` → base (each hop rounded to the millimetre, as
 * `orderRoute` compares them); `undefined` when a coordinate is missing.
 */
export function tourLength(base: RouteBase, stops: readonly RouteStop[], order: readonly string[]): number | undefined {
  const byStopId = new Map(stops.map((stop) => [stop.id, stop]));
  const path = order.map((id) => {
    const stop = byStopId.get(id);
    if (!stop) throw new RangeError(`unknown stop ${id}`);
    return stop;
  });
  if (!hasCoordinates(base) || !path.every(hasCoordinates)) return undefined;
  return new Tour([base, ...path]).length(path.map((_, i) => i + 1)) / 1000;
}

/**
 * The order after staff move one stop a place up or down; the first stop cannot go up nor the
 * last down (the order comes back unchanged).
 *
 * @example moveStop(['a', 'b', 'c'], 'c', 'up') // ['a', 'c', 'b']
 */
export function moveStop(order: readonly string[], stopId: string, direction: MoveDirection): string[] {
  const from = order.indexOf(stopId);
  if (from === -1) throw new RangeError(`unknown stop ${stopId}`);
  const to = direction === 'up' ? from - 1 : from + 1;
  const moved = [...order];
  if (to < 0 || to >= order.length) return moved;
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}
