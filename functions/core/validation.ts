import { z } from 'zod';
import type { Locale, PlainKey } from './i18n';
import { label, t } from './i18n';
import { idLength, type IdKind, type IdProblem } from './lookup/personal-numbers';
import { ValidationFailed } from './errors';

/** How a field is called and typed in forms; registered on the field's schema with `field()`. */
export interface FieldMeta {
  label: PlainKey;
  hint?: PlainKey;
  autocomplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text' | 'tel' | 'email' | 'search';
  /** Messages that say more than the general one for a code (e.g. what "required" means here). */
  messages?: Partial<Record<FieldCode, PlainKey>>;
}

/** Field metadata, kept beside the schemas (zod's registry), so forms, API and errors read one source. */
export const fieldMeta = z.registry<FieldMeta>();

/** Labels a field's schema: `field(z.string().max(40), { label: 'lookup.field.idNumber' })`. */
export function field<S extends z.ZodType>(schema: S, meta: FieldMeta): S {
  fieldMeta.add(schema, meta);
  return schema;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number sent as a JSON number or as the text of one in decimal (forms send text):
 * `numberInput(z.number().min(-90).max(90))`. Anything else stays what it was and fails the
 * check, where `z.coerce.number()` would read "", blanks, null, false and [] as 0 and true as 1.
 */
export function numberInput<S extends z.ZodNumber>(schema: S) {
  return z.preprocess((value) => (typeof value === 'string' && DECIMAL.test(value.trim()) ? Number(value) : value), schema);
}

/** Stable codes of field problems, the same in the API, the pages and the tests. */
export const FIELD_CODES = [
  'required',
  'too_long',
  'too_short',
  'invalid_format',
  'invalid_choice',
  'invalid_date',
  'not_a_number',
  'too_small',
  'too_big',
  'invalid',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/** One wrong input: its dotted path (`address.street`), code, label and the limit it broke. */
export interface FieldProblem {
  field: string;
  code: FieldCode;
  label?: PlainKey | undefined;
  limit?: number | undefined;
  /** For a personal number: which rule it breaks, so the message says what is wrong. */
  personalNumber?: { problem: IdProblem; kind: IdKind } | undefined;
  /** The field's own message for this code, when it has one. */
  message?: PlainKey | undefined;
}

type AnySchema = z.core.$ZodType;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional']);

/** The schemas on the way from the outer one to what is really checked (optional → pipe → string…). */
function layers(schema: AnySchema): AnySchema[] {
  const out: AnySchema[] = [schema];
  let current = schema;
  for (let depth = 0; depth < 10; depth++) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema; out?: AnySchema };
    // A pipe checks its input first, unless that is a preprocessing transform (z.preprocess).
    const pipeInner = def.in && (def.in._zod.def as { type: string }).type === 'transform' ? def.out : def.in;
    const next = WRAPPERS.has(def.type) ? def.innerType : def.type === 'pipe' ? pipeInner : undefined;
    if (!next) break;
    out.push(next);
    current = next;
  }
  return out;
}

/** The schema of one field, by its path inside an object schema. */
export function schemaAt(schema: AnySchema, path: readonly PropertyKey[]): AnySchema | undefined {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    if (!current) return undefined;
    let next: AnySchema | undefined;
    for (const layer of layers(current)) {
      const def = layer._zod.def as { type: string; shape?: Record<string, AnySchema>; element?: AnySchema };
      if (def.type === 'object' && def.shape && typeof segment === 'string') next = def.shape[segment];
      else if (def.type === 'array' && typeof segment === 'number') next = def.element;
      if (next) break;
    }
    current = next;
  }
  return current;
}

/** The metadata registered on a field's schema or on any schema it wraps. */
export function metaOf(schema: AnySchema | undefined): FieldMeta | undefined {
  if (!schema) return undefined;
  for (const layer of layers(schema)) {
    const meta = fieldMeta.get(layer as z.ZodType);
    if (meta) return meta;
  }
  return undefined;
}

/** What a form input needs from a field's schema: its limits, whether it is required, its meta. */
export function inputAttributes(schema: AnySchema, name: string) {
  const fieldSchema = schemaAt(schema, name.split('.'));
  if (!fieldSchema) throw new Error(`no field ${name} in the schema`);
  const meta = metaOf(fieldSchema);
  let maxlength: number | undefined;
  let minlength: number | undefined;
  for (const layer of layers(fieldSchema)) {
    if (layer instanceof z.ZodString) {
      maxlength ??= layer.maxLength ?? undefined;
      minlength ??= layer.minLength ?? undefined;
    }
  }
  return {
    required: !z.safeParse(fieldSchema, undefined).success,
    ...(maxlength !== undefined && Number.isFinite(maxlength) ? { maxlength } : {}),
    ...(minlength !== undefined && minlength > 1 ? { minlength } : {}),
    ...(meta?.autocomplete ? { autocomplete: meta.autocomplete } : {}),
    ...(meta?.inputMode ? { inputmode: meta.inputMode } : {}),
    label: meta?.label,
    hint: meta?.hint,
  };
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The stable code of one zod issue, from its data (never from zod's English message). */
function codeOf(issue: z.core.$ZodIssue, value: unknown): { code: FieldCode; limit?: number } {
  if (isEmpty(value)) return { code: 'required' };
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.expected === 'number' || issue.expected === 'int' ? 'not_a_number' : 'invalid' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'int') return { code: 'too_small', limit: minimum };
      return minimum <= 1 ? { code: 'required' } : { code: 'too_short', limit: minimum };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'int') return { code: 'too_big', limit: maximum };
      return { code: 'too_long', limit: maximum };
    }
    case 'invalid_format':
      return { code: ['date', 'datetime', 'time'].includes(issue.format) ? 'invalid_date' : 'invalid_format' };
    case 'invalid_value':
      return { code: 'invalid_choice' };
    case 'custom': {
      const custom = (issue.params as { code?: unknown } | undefined)?.code;
      return { code: (FIELD_CODES as readonly unknown[]).includes(custom) ? (custom as FieldCode) : 'invalid' };
    }
    default:
      return { code: 'invalid' };
  }
}

/** Every problem zod found, one per field (the first issue of a field wins), in schema order. */
export function fieldProblems(schema: AnySchema, error: z.core.$ZodError, input: unknown): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path : ['body'];
    const name = path.map(String).join('.');
    if (byField.has(name)) continue;
    const { code, limit } = codeOf(issue, valueAt(input, issue.path));
    const personalNumber =
      issue.code === 'custom' ? (issue.params as { personalNumber?: FieldProblem['personalNumber'] } | undefined)?.personalNumber : undefined;
    const meta = metaOf(schemaAt(schema, issue.path));
    byField.set(name, { field: name, code, label: meta?.label, limit, personalNumber, message: meta?.messages?.[code] });
  }
  return [...byField.values()];
}

/**
 * Parses input with a shared schema: the value, or a ValidationFailed with every problem.
 *
 * @example parseInput(lookupRequest, {}) // throws ValidationFailed([country: required, idNumber: required])
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw new ValidationFailed(fieldProblems(schema, result.error, input));
}

/** A field problem in the reader's words, naming the field by its label. */
export function problemMessage(locale: Locale, problem: FieldProblem): string {
  if (problem.personalNumber) {
    const { problem: rule, kind } = problem.personalNumber;
    return t(locale, `lookup.invalid.${rule}`, { name: t(locale, `lookup.idName.${kind === 'LNCH' ? 'EGN' : kind}`), length: idLength(kind) });
  }
  if (problem.message) return label(locale, problem.message);
  const fieldName = problem.label ? label(locale, problem.label) : problem.field;
  const limit = problem.limit ?? 0;
  switch (problem.code) {
    case 'required':
      return t(locale, 'errors.field.required', { fieldName });
    case 'too_long':
      return t(locale, 'errors.field.too_long', { fieldName, count: limit });
    case 'too_short':
      return t(locale, 'errors.field.too_short', { fieldName, count: limit });
    case 'invalid_format':
      return t(locale, 'errors.field.invalid_format', { fieldName });
    case 'invalid_choice':
      return t(locale, 'errors.field.invalid_choice', { fieldName });
    case 'invalid_date':
      return t(locale, 'errors.field.invalid_date', { fieldName });
    case 'not_a_number':
      return t(locale, 'errors.field.not_a_number', { fieldName });
    case 'too_small':
      return t(locale, 'errors.field.too_small', { fieldName, min: limit });
    case 'too_big':
      return t(locale, 'errors.field.too_big', { fieldName, max: limit });
    case 'invalid':
      return t(locale, 'errors.field.invalid', { fieldName });
  }
}
