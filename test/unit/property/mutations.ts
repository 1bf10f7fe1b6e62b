import fc from 'fast-check';
import { fullWidthDigits, hugeString, mixScripts, trickyString, wrongValue } from './arbitraries';

type Path = (string | number)[];
type Container = Record<string | number, unknown>;

/** One change to a valid example: a value replaced, a field dropped or added, a string twisted. */
export type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'delete'; pick: number }
  | { kind: 'extra'; pick: number; key: string; value: unknown }
  | { kind: 'twist'; pick: number; twist: (value: string) => string };

const isContainer = (value: unknown): value is Container => value !== null && typeof value === 'object';

/** Every path to a value inside `value` (not the root itself). */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (!isContainer(value)) return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...paths(value[key], [...prefix, key])]);
}

function parentOf(root: Container, path: Path): Container {
  let current: unknown = root;
  for (const key of path.slice(0, -1)) current = (current as Container)[key];
  return current as Container;
}

const stringTwists: fc.Arbitrary<(value: string) => string> = fc.oneof(
  fc.constant(fullWidthDigits),
  fc.constant(mixScripts),
  fc.constant((value: string) => `\u200f${value}\u200e`),
  fc.constant((value: string) => `\u202e${value}`),
  fc.constant((value: string) => `${value}\u0000`),
  fc.constant((value: string) => `\t${value}\r\n`),
  fc.constant((value: string) => value.toUpperCase()),
  fc.constant((value: string) => value.normalize('NFD')),
  fc.tuple(fc.nat(), trickyString).map(
    ([at, piece]) =>
      (value: string) =>
        value.slice(0, at % (value.length + 1)) + piece + value.slice(at % (value.length + 1)),
  ),
  hugeString.map((huge) => (value: string) => value + huge),
);

/**
 * Changes for a valid example. `leaf` is what may replace a value: any JSON for a body, strings
 * only for a query, path or header (that is all those can carry).
 */
export function mutation(leaf: fc.Arbitrary<unknown> = wrongValue): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: leaf }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    fc.record({
      kind: fc.constant('extra' as const),
      pick: fc.nat(),
      key: fc.oneof(trickyString, fc.constantFrom('__proto__', 'constructor', 'toString', 'lang', 'id')),
      value: leaf,
    }),
    fc.record({ kind: fc.constant('twist' as const), pick: fc.nat(), twist: stringTwists }),
  );
}

/** The example with the mutations applied, on a copy (JSON-shaped examples only). */
export function mutated(example: unknown, mutations: readonly Mutation[]): unknown {
  let root: unknown = structuredClone(example);
  for (const original of mutations) {
    // A copy of the new value too: constants are shared between runs and must never be changed.
    const change = 'value' in original ? { ...original, value: structuredClone(original.value) } : original;
    const all = paths(root);
    if (!isContainer(root) || all.length === 0) {
      root =
        change.kind === 'replace' || change.kind === 'extra' ? change.value : change.kind === 'twist' && typeof root === 'string' ? change.twist(root) : root;
      continue;
    }
    const path = all[change.pick % all.length]!;
    const parent = parentOf(root, path);
    const key = path.at(-1)!;
    if (change.kind === 'replace') parent[key] = change.value;
    else if (change.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (change.kind === 'extra') {
      const target = isContainer(parent[key]) && !Array.isArray(parent[key]) ? (parent[key] as Container) : parent;
      // defineProperty, so "__proto__" becomes an own field as JSON.parse would make it.
      if (!Array.isArray(target)) Object.defineProperty(target, change.key, { value: change.value, enumerable: true, writable: true, configurable: true });
    } else {
      const value = parent[key];
      if (typeof value === 'string') parent[key] = change.twist(value);
      else if (typeof value === 'number') parent[key] = change.twist(String(value));
    }
  }
  return root;
}
