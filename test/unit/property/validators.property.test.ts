import type { RouteConfig } from '@hono/zod-openapi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { app } from '#functions/app';
import { lookupRequest, addressQuery } from '#functions/lookup/schemas';
import { mobileBoxRequest, paperRequest, statusRequest } from '#functions/mobile-box/schemas';
import { ValidationFailed } from '#core/errors';
import { formInput } from '#functions/http/form-post';
import { validationHook } from '#functions/http/openapi';
import { FIELD_CODES, parseInput, schemaAt } from '#core/validation';
import { reportRequest } from '#functions/reports/schemas';
import { decisionRequest, loginRequest } from '#functions/staff/schemas';
import { trickyString } from './arbitraries';
import { EDGE_EXAMPLES, FORM_EXAMPLES } from './edge-examples';
import { mutated, mutation } from './mutations';

type Target = 'json' | 'form' | 'query' | 'param' | 'header';
interface Edge {
  name: string;
  route: RouteConfig;
  target: Target;
  schema: z.ZodType;
}

/** Every schema a route validates its input with, found in the OpenAPI registry (never listed by hand). */
function edgesOf(route: RouteConfig): Edge[] {
  const request = route.request ?? {};
  const body = request.body?.content['application/json'];
  const form = request.body?.content['application/x-www-form-urlencoded'];
  const candidates: [Target, unknown][] = [
    ['json', body && 'schema' in body ? body.schema : undefined],
    ['form', form && 'schema' in form ? form.schema : undefined],
    ['query', request.query],
    ['param', request.params],
    ['header', request.headers],
  ];
  return candidates.flatMap(([target, schema]) =>
    schema instanceof z.ZodType ? [{ name: `${route.method} ${route.path} ${target}`, route, target, schema }] : [],
  );
}
const edges = app.openAPIRegistry.definitions.flatMap((definition) => (definition.type === 'route' ? edgesOf(definition.route as RouteConfig) : []));

const keysOf = (schema: z.ZodType): string[] => {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
};
const segments = (field: string) => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/** A rejection is a ValidationFailed, with at least one problem, each on a field of the schema with a stable code. */
function expectWellFormedRejection(schema: z.ZodType, caught: unknown): void {
  if (!(caught instanceof ValidationFailed)) throw caught;
  expect(caught.problems.length, 'a rejection names at least one problem').toBeGreaterThan(0);
  for (const problem of caught.problems) {
    expect(FIELD_CODES, problem.field).toContain(problem.code);
    expect(
      problem.field.split('.').every((part) => part !== ''),
      `field "${problem.field}" is a dotted path`,
    ).toBe(true);
    expect(problem.field === 'body' || schemaAt(schema, segments(problem.field)) !== undefined, `field "${problem.field}" is in the schema`).toBe(true);
  }
}

/** Parses as the edge does: zod-openapi's safeParseAsync, then our route hook (which throws on failure). */
async function throughHook(edge: Edge, input: unknown): Promise<boolean> {
  const result = await edge.schema.safeParseAsync(input);
  try {
    validationHook(edge.route)({ ...result, data: input, target: edge.target });
  } catch (caught) {
    expectWellFormedRejection(edge.schema, caught);
    expect(result.success).toBe(false);
    return false;
  }
  expect(result.success, 'the hook lets only a successful parse through').toBe(true);
  return true;
}

/** Parses as the form pages and the feature code do (`parseInput`). */
function throughParseInput(schema: z.ZodType, input: unknown): boolean {
  try {
    parseInput(schema, input);
    return true;
  } catch (caught) {
    expectWellFormedRejection(schema, caught);
    return false;
  }
}

/** What each target can carry: any JSON for a body; strings (and repeated strings) for a query; strings for a form, a path or headers. */
function inputFor(edge: Edge): fc.Arbitrary<unknown> {
  const key = fc.oneof(fc.constantFrom(...keysOf(edge.schema), '__proto__', 'lang'), trickyString);
  if (edge.target === 'json') return fc.oneof(fc.jsonValue(), fc.dictionary(key, fc.jsonValue({ maxDepth: 2 })));
  if (edge.target === 'query') return fc.dictionary(key, fc.oneof(trickyString, fc.array(trickyString, { minLength: 2, maxLength: 3 })));
  return fc.dictionary(key, trickyString);
}
const leafFor = (edge: Edge): fc.Arbitrary<unknown> | undefined => (edge.target === 'json' ? undefined : trickyString);

describe('every validator at the edge', () => {
  it('is found in the registry, and each has a valid example here', () => {
    expect(edges.length).toBeGreaterThan(30);
    expect(edges.map((edge) => edge.name).filter((name) => !(name in EDGE_EXAMPLES))).toEqual([]);
    expect(
      Object.keys(EDGE_EXAMPLES).filter((name) => !edges.some((edge) => edge.name === name)),
      'examples of routes that are gone',
    ).toEqual([]);
  });

  it.each(edges.map((edge) => [edge.name, edge] as const))('%s: accepts its valid examples', async (_name, edge) => {
    for (const example of EDGE_EXAMPLES[edge.name] ?? []) {
      expect(await throughHook(edge, example), JSON.stringify(example)).toBe(true);
      expect(throughParseInput(edge.schema, example)).toBe(true);
    }
  });

  it.each(edges.map((edge) => [edge.name, edge] as const))('%s: arbitrary input is parsed or refused field by field, never thrown', async (_name, edge) => {
    await fc.assert(
      fc.asyncProperty(inputFor(edge), async (input) => {
        expect(await throughHook(edge, input)).toBe(throughParseInput(edge.schema, input));
      }),
      { numRuns: 30 },
    );
  });

  it.each(edges.map((edge) => [edge.name, edge] as const))(
    '%s: a valid example with wrong types, missing or extra fields and twisted strings',
    async (_name, edge) => {
      const examples = EDGE_EXAMPLES[edge.name] ?? [{}];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...examples), fc.array(mutation(leafFor(edge)), { minLength: 1, maxLength: 3 }), async (example, changes) => {
          const input = mutated(example, changes);
          expect(await throughHook(edge, input)).toBe(throughParseInput(edge.schema, input));
        }),
        { numRuns: 50 },
      );
    },
  );
});

describe('parseInput beyond JSON', () => {
  // Feature code calls parseInput on values that never were JSON: any JS value must still come out as a result or a ValidationFailed.
  const anything = fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withObjectString: true,
  });
  const schemas = edges.filter((edge) => edge.target === 'json');

  it('never throws anything but ValidationFailed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemas), anything, (edge, input) => {
        throughParseInput(edge.schema, input);
      }),
      { numRuns: 200 },
    );
  });
});

describe('forms posted without JavaScript', () => {
  const forms = [
    { schema: lookupRequest, lists: [] },
    { schema: addressQuery, lists: [] },
    { schema: statusRequest, lists: [] },
    { schema: reportRequest, lists: [] },
    { schema: loginRequest, lists: [] },
    { schema: decisionRequest, lists: [] },
    { schema: mobileBoxRequest, lists: ['ballots'] },
    { schema: paperRequest, lists: ['ballots'] },
  ] as const;
  const names = [
    'address.district',
    'address.street',
    'address.number',
    'address.block',
    'representative.fullName',
    'representative.idNumber',
    'representative.phone',
    ...new Set(forms.flatMap((form) => keysOf(form.schema))),
  ];
  const name = fc.oneof(fc.constantFrom(...names, '__proto__.polluted', 'constructor.prototype.x', 'a..b', '.', '', 'address'), trickyString);
  const posted = fc.array(fc.tuple(name, trickyString), { maxLength: 12 });

  it('formInput then parseInput: a result or a ValidationFailed, whatever was posted', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), posted, (form, pairs) => {
        throughParseInput(form.schema, formInput(new URLSearchParams(pairs), form.lists));
        expect(({} as Record<string, unknown>).polluted, 'no prototype is polluted').toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('a valid application as a form posts it still passes, and a twisted field is refused field by field', () => {
    const valid = new URLSearchParams(FORM_EXAMPLES.mobileBox.map(([key, value]) => [key, value]));
    expect(throughParseInput(mobileBoxRequest, formInput(valid, ['ballots']))).toBe(true);
    fc.assert(
      fc.property(fc.nat(), trickyString, (pick, value) => {
        const pairs = FORM_EXAMPLES.mobileBox.map(([key, old], i): [string, string] => [key, i === pick % FORM_EXAMPLES.mobileBox.length ? value : old]);
        throughParseInput(mobileBoxRequest, formInput(new URLSearchParams(pairs), ['ballots']));
      }),
      { numRuns: 100 },
    );
  });
});
