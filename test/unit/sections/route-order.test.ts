import { describe, expect, it } from 'vitest';
import { moveStop, nearestNeighbourOrder, orderRoute, tourLength, type RouteBase, type RouteStop } from '#core/sections/route-order';

// One unit is 0.01° of latitude (≈ 1.1 km). Points on one meridian are exactly collinear on the sphere.
const LAT = 42.6;
const LON = 23.3;
const UNIT = 0.01;
const base: RouteBase = { lat: LAT, lon: LON };
const onLine = (id: string, units: number): RouteStop => ({ id, street: 'ул. Шипка', lat: LAT + units * UNIT, lon: LON });
const unitMetres = tourLength({ lat: 0, lon: 0 }, [{ id: 'x', street: '', lat: UNIT / 2, lon: 0 }], ['x'])!;

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
const length = (stops: readonly RouteStop[], order: readonly string[]) => tourLength(base, stops, order)!;
const optimum = (stops: readonly RouteStop[]) => Math.min(...permutations(stops.map((s) => s.id)).map((order) => length(stops, order)));
/** Optimal up to the half millimetre each hop is rounded to: "equal" tours on a line differ by that. */
const expectOptimal = (stops: readonly RouteStop[], order: readonly string[]) =>
  expect(length(stops, order)).toBeLessThanOrEqual(optimum(stops) + (stops.length + 1) * 0.0005);

/** A seeded PRNG (mulberry32): the random cases are the same on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const randomStops = (next: () => number, count: number): RouteStop[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `s${String(i).padStart(2, '0')}`,
    street: 'x',
    lat: LAT + (next() - 0.5) * 0.1,
    lon: LON + (next() - 0.5) * 0.1,
  }));
const shuffled = <T>(items: readonly T[], next: () => number): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

describe('route order with coordinates', () => {
  it('undoes the detour nearest neighbour takes on a line (0 → 1 → −1.1 → 3.5 → 0 is 11.2 units, the best is 9.2)', () => {
    const stops = [onLine('a', 1), onLine('b', -1.1), onLine('c', 3.5)];
    expect(nearestNeighbourOrder(base, stops)).toEqual(['a', 'b', 'c']);
    expect(length(stops, ['a', 'b', 'c']) / unitMetres).toBeCloseTo(11.2, 3);
    // Out to the far end and back, picking up 1 on either sweep: four tours of 9.2.
    const order = orderRoute(base, stops);
    expect([
      ['a', 'c', 'b'],
      ['c', 'a', 'b'],
      ['b', 'c', 'a'],
      ['b', 'a', 'c'],
    ]).toContainEqual(order);
    expect(length(stops, order) / unitMetres).toBeCloseTo(9.2, 3);
    expectOptimal(stops, order);
  });

  it('goes round a square instead of crossing it', () => {
    const side = UNIT / Math.cos((LAT * Math.PI) / 180);
    const stops: RouteStop[] = [
      { id: 'ne', street: 'x', lat: LAT + UNIT, lon: LON + side },
      { id: 'n', street: 'x', lat: LAT + UNIT, lon: LON },
      { id: 'e', street: 'x', lat: LAT, lon: LON + side },
    ];
    // Given as a bow tie: base → ne → n → e → base crosses itself.
    const order = orderRoute(base, stops);
    expect([
      ['n', 'ne', 'e'],
      ['e', 'ne', 'n'],
    ]).toContainEqual(order);
    expectOptimal(stops, order);
  });

  it('visits five stops on a line out and back, the best tour, whatever order they come in', () => {
    const stops = [onLine('a', 2), onLine('b', -1), onLine('c', 4), onLine('d', -3), onLine('e', 1)];
    const next = random(7);
    for (let i = 0; i < 10; i++) {
      const order = orderRoute(base, shuffled(stops, next));
      expectOptimal(stops, order);
      expect(length(stops, order) / unitMetres).toBeCloseTo(14, 3);
    }
  });

  it('breaks ties by id: two stops as near as each other, the lower id first', () => {
    const stops = [onLine('b', 1), onLine('a', -1), onLine('d', 2), onLine('c', -2)];
    expect(nearestNeighbourOrder(base, stops)).toEqual(['a', 'c', 'b', 'd']);
    const next = random(11);
    const first = orderRoute(base, stops);
    expect(first[0]).toBe('a');
    for (let i = 0; i < 10; i++) expect(orderRoute(base, shuffled(stops, next))).toEqual(first);
  });

  it('is deterministic: the same stops give the same route twice and in any input order', () => {
    const next = random(42);
    for (let round = 0; round < 20; round++) {
      const stops = randomStops(next, 25);
      const first = orderRoute(base, stops);
      expect(orderRoute(base, stops)).toEqual(first);
      expect(orderRoute(base, shuffled(stops, next))).toEqual(first);
      expect([...first].sort()).toEqual(stops.map((s) => s.id).sort());
    }
  });

  it('is never longer than the nearest-neighbour start nor than the input order', () => {
    const next = random(2024);
    for (let round = 0; round < 200; round++) {
      const stops = randomStops(next, 1 + Math.floor(next() * 40));
      const order = orderRoute(base, stops);
      expect(length(stops, order)).toBeLessThanOrEqual(length(stops, nearestNeighbourOrder(base, stops)!));
      expect(length(stops, order)).toBeLessThanOrEqual(
        length(
          stops,
          stops.map((s) => s.id),
        ),
      );
    }
  });

  it('keeps a better hand-made order: given the optimal order, returns an optimal tour', () => {
    const next = random(99);
    let heuristicMissed = 0;
    for (let round = 0; round < 60; round++) {
      const stops = randomStops(next, 6);
      const best = permutations(stops.map((s) => s.id)).reduce((a, b) => (length(stops, b) < length(stops, a) ? b : a));
      if (length(stops, orderRoute(base, stops)) > length(stops, best)) heuristicMissed++;
      const given = best.map((id) => stops.find((s) => s.id === id)!);
      expect(length(stops, orderRoute(base, given))).toBe(length(stops, best));
    }
    // Some of these cases must defeat nearest neighbour + 2-opt, or the test proves nothing.
    expect(heuristicMissed).toBeGreaterThan(0);
  });

  it('orders 300 stops quickly', () => {
    const stops = randomStops(random(300), 300);
    const started = performance.now();
    orderRoute(base, stops);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('route order without coordinates', () => {
  const stops: RouteStop[] = [
    { id: '1', street: 'ул. Шипка', number: '10А' },
    { id: '2', street: 'ж.к. Младост 1', block: '12' },
    { id: '3', street: 'ул. Шипка', number: '2' },
    { id: '4', street: 'бул. Витоша', number: '10' },
    { id: '5', street: 'ул. шипка', number: '10' },
    { id: '6', street: 'ж.к. Младост 10', block: '3' },
    { id: '7', street: 'ж.к. Младост 1', block: '2' },
    { id: '8', street: 'ул. Шипка' },
  ];

  it('groups by street in Bulgarian order, then house number and block in natural order, unknown last', () => {
    expect(orderRoute(base, stops)).toEqual(['4', '7', '2', '6', '3', '5', '1', '8']);
  });

  it('is used as soon as one stop lacks coordinates, or the base does', () => {
    const located = stops.map((stop, i) => ({ ...stop, lat: LAT + i * UNIT, lon: LON }));
    const expected = ['4', '7', '2', '6', '3', '5', '1', '8'];
    expect(orderRoute(base, [...located.slice(1), stops[0]!])).toEqual(expected);
    expect(orderRoute({}, located)).toEqual(expected);
    expect(nearestNeighbourOrder({}, located)).toBeUndefined();
  });

  it('does not depend on the input order', () => {
    expect(orderRoute(base, [...stops].reverse())).toEqual(orderRoute(base, stops));
  });
});

describe('tourLength', () => {
  it('measures base → stops → base in metres, or nothing without coordinates', () => {
    const stops = [onLine('a', 1), onLine('b', 3)];
    expect(tourLength(base, stops, ['a', 'b'])! / unitMetres).toBeCloseTo(6, 3);
    expect(unitMetres).toBeCloseTo(1111.95, 1);
    expect(tourLength(base, [...stops, { id: 'c', street: 'x' }], ['a', 'b', 'c'])).toBeUndefined();
    expect(() => tourLength(base, stops, ['z'])).toThrow(RangeError);
  });
});

describe('moveStop', () => {
  const order = ['a', 'b', 'c'];

  it('moves one stop a place up or down without changing the order it was given', () => {
    expect(moveStop(order, 'c', 'up')).toEqual(['a', 'c', 'b']);
    expect(moveStop(order, 'a', 'down')).toEqual(['b', 'a', 'c']);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('leaves the first stop at the top and the last at the bottom', () => {
    expect(moveStop(order, 'a', 'up')).toEqual(order);
    expect(moveStop(order, 'c', 'down')).toEqual(order);
    expect(moveStop(['a'], 'a', 'down')).toEqual(['a']);
  });

  it('refuses a stop that is not on the route', () => {
    expect(() => moveStop(order, 'z', 'up')).toThrow(RangeError);
  });
});
