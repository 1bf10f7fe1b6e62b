import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationFailed } from '#core/errors';
import { field, fieldProblems, inputAttributes, parseInput, problemMessage } from '#core/validation';

// A nested form like the ones to come (an address inside a request), labelled like ours.
const schema = z.object({
  fullName: field(z.string().trim().min(1).max(10), { label: 'lookup.field.street' }),
  address: z.object({
    street: field(z.string().trim().min(1).max(20), { label: 'lookup.field.street', autocomplete: 'address-line1' }),
    number: field(z.string().trim().min(2).optional(), { label: 'lookup.field.number', inputMode: 'numeric' }),
  }),
  ballots: z.array(z.enum(['ep', 'ns'])).min(1),
  day: z.iso.date(),
  count: z.coerce.number().int().min(1).max(5),
  email: z.email().optional(),
  consent: z.literal(true),
});

function problems(input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) throw new Error('expected a failure');
  return fieldProblems(schema, result.error, input).map(({ field: name, code, limit }) => ({ field: name, code, ...(limit === undefined ? {} : { limit }) }));
}

describe('fieldProblems', () => {
  it('lists every problem at once with dotted paths and codes from zod’s issue data', () => {
    expect(problems({})).toEqual([
      { field: 'fullName', code: 'required' },
      { field: 'address', code: 'required' },
      { field: 'ballots', code: 'required' },
      { field: 'day', code: 'required' },
      { field: 'count', code: 'required' },
      { field: 'consent', code: 'required' },
    ]);
    expect(
      problems({
        fullName: 'x'.repeat(11),
        address: { street: '  ', number: '1' },
        ballots: ['xx'],
        day: '2024-02-30',
        count: 'many',
        email: 'nope',
        consent: false,
      }),
    ).toEqual([
      { field: 'fullName', code: 'too_long', limit: 10 },
      { field: 'address.street', code: 'required' },
      { field: 'address.number', code: 'too_short', limit: 2 },
      { field: 'ballots.0', code: 'invalid_choice' },
      { field: 'day', code: 'invalid_date' },
      { field: 'count', code: 'not_a_number' },
      { field: 'email', code: 'invalid_format' },
      { field: 'consent', code: 'invalid_choice' },
    ]);
    expect(problems({ fullName: 'Ana', address: { street: 'Vitosha' }, ballots: [], day: '2024-06-09', count: 9, consent: true })).toEqual([
      { field: 'ballots', code: 'required' },
      { field: 'count', code: 'too_big', limit: 5 },
    ]);
  });

  it('never reads zod’s English messages: the same codes come out whatever zod says', () => {
    const custom = z.object({ a: z.string({ error: 'Tapez quelque chose' }).min(3, { error: 'Trop court' }) });
    const result = custom.safeParse({ a: 'x' });
    expect(fieldProblems(custom, result.error!, { a: 'x' })).toEqual([{ field: 'a', code: 'too_short', label: undefined, limit: 3 }]);
  });

  it('words each problem in the reader’s language with the field’s label', () => {
    const [first] = fieldProblems(schema, schema.safeParse({ fullName: 'x'.repeat(11) }).error!, { fullName: 'x'.repeat(11) });
    expect(problemMessage('en', first!)).toBe('“Street” can have at most 10 characters.');
    expect(problemMessage('ru', first!)).toBe('В поле «Улица» может быть не больше 10 знаков.');
  });

  it('parseInput throws ValidationFailed with the problems', () => {
    expect(() => parseInput(schema, {})).toThrow(ValidationFailed);
  });
});

describe('inputAttributes', () => {
  it('takes the HTML limits and hints from the schema', () => {
    expect(inputAttributes(schema, 'address.street')).toMatchObject({
      required: true,
      maxlength: 20,
      autocomplete: 'address-line1',
      label: 'lookup.field.street',
    });
    expect(inputAttributes(schema, 'address.number')).toMatchObject({ required: false, minlength: 2, inputmode: 'numeric' });
    expect(() => inputAttributes(schema, 'address.nothing')).toThrow(/no field/);
  });
});
