import { resolve, type JsonSchema, type OpenApiDocument } from '#test/api/openapi-operations';

/**
 * The fuzz run's inputs, from a seed: the same seed gives the same cases in the same order, so
 * a failure reproduces with `FUZZ_SEED=<seed> npm run test:api -- test/api/fuzz`.
 */

/** mulberry32: a small, fast, seeded generator (no package needed). */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (below: number) => Math.floor(next() * below),
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)]!;
    },
    /** `count` different items of `list` (all of them when it is shorter), in the list's order. */
    some<T>(list: readonly T[], count: number): T[] {
      const chosen = new Set<number>();
      while (chosen.size < Math.min(count, list.length)) chosen.add(Math.floor(next() * list.length));
      return [...chosen].sort((a, b) => a - b).map((index) => list[index]!);
    },
  };
}
export type Random = ReturnType<typeof random>;

export const nested = (depth: number, leaf: unknown = 1): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { a: value };
  return value;
};

/** Text that is odd but may be valid somewhere: control characters, mixed scripts, bidi marks, full-width digits… */
export function oddStrings(rng: Random): [string, string][] {
  const letters = 'абвгдежзийклмнопрстуфхцчшщъьюяaбcdeіїєґңөүұқғһәыАБВΣΩعربي中文';
  const noise = Array.from({ length: 12 }, () => letters[rng.int(letters.length)]).join('');
  return [
    ['empty', ''],
    ['blank', '   '],
    ['NUL', '\u0000'],
    ['C0 controls', 'a\u0001b\u0007c\u001bd\u001f'],
    ['tab, CR, LF', '\t\r\n'],
    ['DEL and C1', '\u007f\u0085\u009b'],
    ['line separators', 'a\u2028b\u2029c'],
    ['mixed scripts', 'Sofia София Σόφια Алматы'],
    ['Latin look-alikes in Cyrillic', 'Мlаdоst 1'],
    ['random letters', noise],
    ['right-to-left mark', '\u200fМладост'],
    ['right-to-left override', '\u202eтсодалМ\u202c'],
    ['bidi isolates', '\u2067abc\u2069\u2066'],
    ['full-width digits', '８９１２３１５６７６'],
    ['full-width registered ЕГН', '７５０１０２００１８'],
    ['Arabic-Indic digits', '٧٥٠١٠٢٠٠١٨'],
    ['zero-width', '\u200b\ufeff\u200d'],
    ['combining marks', `e${'\u0301'.repeat(200)}`],
    ['lone surrogate', 'a\ud800b'],
    ['emoji', '🗳️'.repeat(20)],
    ['SQL', "'; DROP TABLE stations; --"],
    ['markup', '<script>alert(1)</script>'],
    ['formula', '=HYPERLINK("http://example.org","x")'],
    ['path', '../../../etc/passwd%00'],
    ['prototype', '__proto__'],
    ['number-like', '1e309'],
    ['hex', '0x10'],
    ['negative', '-1'],
    ['fraction', '1.5'],
    ['many digits', '9'.repeat(400)],
  ];
}

/** Values of the wrong JSON type for most fields. */
export const WRONG_TYPES: [string, unknown][] = [
  ['zero', 0],
  ['negative number', -1],
  ['fraction', 1.5],
  ['huge number', 1e308],
  ['unsafe integer', 2 ** 53 + 1],
  ['true', true],
  ['false', false],
  ['null', null],
  ['empty array', []],
  ['array', ['x', 1]],
  ['empty object', {}],
  ['object', { a: 'b' }],
  ['nested 200 deep', nested(200)],
];

/** A long text: `length` characters, in Cyrillic so each is 2 bytes of UTF-8. */
export const longText = (length: number) => 'я'.repeat(length);

/** A plausible value for a schema, from the document's examples and defaults first. */
export function sample(document: OpenApiDocument, input: JsonSchema, depth = 0): unknown {
  const schema = resolve(document, input);
  if (schema.example !== undefined) return schema.example;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return sample(document, branches.find((branch) => resolve(document, branch).type !== 'null') ?? branches[0]!, depth);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sample(document, part, depth)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        const resolved = resolve(document, property);
        if (depth < 4 && (schema.required?.includes(name) || resolved.example !== undefined)) out[name] = sample(document, property, depth + 1);
      }
      return out;
    }
    case 'array':
      return schema.items ? Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(document, schema.items!, depth + 1)) : [];
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'string':
      if (schema.format === 'email') return 'fuzz@example.org';
      if (schema.format === 'date') return '2024-05-20';
      return 'x'.repeat(Math.max(3, schema.minLength ?? 0));
    default:
      return 'x';
  }
}

/** The fields of a body schema, as paths (`address.street`, `ballots.0`), outermost first. */
export function fieldPaths(document: OpenApiDocument, input: JsonSchema, prefix: string[] = [], depth = 0): { path: string[]; schema: JsonSchema }[] {
  const schema = resolve(document, input);
  if (depth > 3) return [];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const object = branches.find((branch) => resolve(document, branch).type === 'object');
    return object ? fieldPaths(document, object, prefix, depth) : [];
  }
  if (schema.type === 'object') {
    return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => [
      { path: [...prefix, name], schema: property },
      ...fieldPaths(document, property, [...prefix, name], depth + 1),
    ]);
  }
  if (schema.type === 'array' && schema.items)
    return [{ path: [...prefix, '0'], schema: schema.items }, ...fieldPaths(document, schema.items, [...prefix, '0'], depth + 1)];
  return [];
}

/** A copy of `value` with the field at `path` set (or deleted, for `undefined`); missing parents are made. */
export function withField(value: unknown, path: string[], next: unknown): unknown {
  const copy = structuredClone(value ?? {}) as Record<string, unknown>;
  let target: Record<string, unknown> = copy;
  path.slice(0, -1).forEach((segment, i) => {
    if (target[segment] === null || typeof target[segment] !== 'object') target[segment] = /^\d+$/.test(path[i + 1]!) ? [] : {};
    target = target[segment] as Record<string, unknown>;
  });
  const last = path[path.length - 1]!;
  if (next === undefined) delete target[last];
  else target[last] = next;
  return copy;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const jsonType = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : typeof value;

/**
 * True when the document's schema surely refuses the value (so the API must answer 4xx). Only
 * what JSON Schema says for certain counts: lengths of trimmed text by code points (our schemas
 * trim first), and, for `fromText` (path and query values, which the API coerces), the number
 * the text stands for.
 */
export function surelyInvalid(document: OpenApiDocument, input: JsonSchema, value: unknown, fromText = false): boolean {
  const schema = resolve(document, input);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return branches.every((branch) => surelyInvalid(document, branch, value, fromText));
  if (schema.allOf) return schema.allOf.some((part) => surelyInvalid(document, part, value, fromText));
  const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
  // A number may come as the text of a number: path and query values always do, and forms send
  // text (our schemas read it). Blank text, `0x10` or `1e309` are no numbers.
  if (typeof value === 'string' && types && (types.includes('integer') || types.includes('number')) && !types.includes('string')) {
    if (!fromText && !DECIMAL.test(value.trim())) return true;
    const number = Number(value);
    return Number.isNaN(number) || surelyInvalid(document, schema, number);
  }
  if (schema.const !== undefined) return value !== schema.const;
  if (schema.enum) return !schema.enum.includes(value);
  if (types) {
    const type = jsonType(value);
    if (!types.includes(type) && !(type === 'integer' && types.includes('number'))) return true;
  }
  if (typeof value === 'string') {
    const trimmed = [...value.trim()].length;
    if (schema.minLength !== undefined && [...value].length < schema.minLength) return true;
    if (schema.maxLength !== undefined && trimmed > schema.maxLength) return true;
    if (schema.pattern && value === value.trim() && !new RegExp(schema.pattern).test(value)) return true;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return true;
    if (schema.maximum !== undefined && value > schema.maximum) return true;
    if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return true;
    if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return true;
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) return true;
    if (schema.maxItems !== undefined && value.length > schema.maxItems) return true;
    if (schema.items && value.some((item) => surelyInvalid(document, schema.items!, item))) return true;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (schema.required?.some((name) => !(name in record))) return true;
    for (const [name, item] of Object.entries(record)) {
      const property = schema.properties?.[name];
      if (property ? surelyInvalid(document, property, item) : schema.additionalProperties === false) return true;
    }
  }
  return false;
}
