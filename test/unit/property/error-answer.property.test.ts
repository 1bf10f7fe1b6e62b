import fc from 'fast-check';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { describe, expect, it } from 'vitest';
import { LOCALES, type PlainKey } from '#core/i18n';
import type { IdKind, IdProblem } from '#core/lookup/personal-numbers';
import {
  Busy,
  ChallengeFailed,
  ChallengeUnavailable,
  DatabaseUnavailable,
  Forbidden,
  InvalidPersonalNumber,
  KeyMismatch,
  KeyUnusable,
  NotFound,
  RateLimited,
  Refused,
  Unauthenticated,
  ValidationFailed,
  type DomainError,
  type DomainErrorCode,
} from '#core/errors';
import { REFUSAL_CODES, type RefusalCode } from '#functions/http/refusals';
import { ERROR_CODES, errorAnswer, errorBody } from '#functions/http/http-errors';
import { FIELD_CODES, problemMessage, type FieldProblem } from '#core/validation';
import { trickyString } from './arbitraries';

// Statuses written here from the contract in docs/api.md, not read from the mapping under test.
const DOMAIN_STATUSES = [401, 403, 404, 409, 422, 429, 503];
const ENVELOPE_KEYS = ['code', 'message', 'fields', 'field', 'problem', 'help', 'reference'];

const locale = fc.constantFrom(...LOCALES);
const LABELS: PlainKey[] = ['lookup.field.idNumber', 'mobileBox.field.phone', 'mobileBox.field.street', 'sections.field.lat', 'staff.field.email'];
const ID_PROBLEMS: IdProblem[] = ['empty', 'not-digits', 'length', 'date', 'sex-digit', 'century-digit', 'check-digit'];
const ID_KINDS: IdKind[] = ['EGN', 'LNCH', 'IIN', 'PIN'];

const dotted = fc
  .array(fc.oneof(fc.constantFrom('address', 'street', 'idNumber', 'ballots', '0', 'representative'), fc.string({ minLength: 1, maxLength: 8 })), {
    minLength: 1,
    maxLength: 3,
  })
  .map((parts) => parts.join('.'));
const problem: fc.Arbitrary<FieldProblem> = fc.record(
  {
    field: dotted,
    code: fc.constantFrom(...FIELD_CODES),
    label: fc.constantFrom(...LABELS),
    limit: fc.nat({ max: 5000 }),
    personalNumber: fc.record({ problem: fc.constantFrom(...ID_PROBLEMS), kind: fc.constantFrom(...ID_KINDS) }),
    message: fc.constantFrom<PlainKey>('mobileBox.error.phone', 'mobileBox.error.consent', 'mobileBox.error.district'),
  },
  { requiredKeys: ['field', 'code'] },
);
const help = fc.array(fc.record({ label: trickyString, href: fc.webUrl() }), { maxLength: 3 });
const seconds = fc.integer({ min: 0, max: 86_400 });
const refused = (code: RefusalCode) =>
  fc
    .record({ help: fc.option(help, { nil: undefined }), reference: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }) })
    .map((d) => new Refused(code, { ...(d.help ? { help: () => d.help! } : {}), ...(d.reference ? { reference: d.reference } : {}) }));

/** One arbitrary per core domain code: the Record type makes a new code fail to compile until it is added here. */
const DOMAIN_ERRORS: Record<DomainErrorCode, fc.Arbitrary<DomainError>> = {
  validation: fc.array(problem, { maxLength: 6 }).map((problems) => new ValidationFailed(problems)),
  invalid_id: fc
    .tuple(fc.constantFrom(...ID_PROBLEMS), trickyString)
    .map(([rule, words]) => new InvalidPersonalNumber(rule, () => `The number breaks ${rule}: ${words}`)),
  not_found: fc.option(help, { nil: undefined }).map((links) => (links ? new NotFound(undefined, () => links) : new NotFound())),
  rate_limited: seconds.map((s) => new RateLimited(s)),
  busy: seconds.map((s) => new Busy(s)),
  challenge_failed: fc.constant(new ChallengeFailed()),
  challenge_unavailable: fc.constant(new ChallengeUnavailable()),
  db_unavailable: fc.constant(new DatabaseUnavailable()),
  misconfigured: fc
    .tuple(fc.constantFrom('LOOKUP_KEY', 'DATA_KEY'), fc.constantFrom('missing', 'too_short', 'development_key'))
    .map(([secret, why]) => new KeyUnusable(secret, why)),
  key_mismatch: fc.constant(new KeyMismatch()),
  unauthorized: fc.constant(new Unauthenticated()),
  forbidden: fc.constant(new Forbidden()),
};
/** Every feature's refusal codes, read from the merged table: a feature's new code is covered without editing this file. */
const REFUSED_ERRORS: fc.Arbitrary<DomainError>[] = REFUSAL_CODES.map((code: RefusalCode) => refused(code));
const domainError = fc.oneof(...Object.values(DOMAIN_ERRORS), ...REFUSED_ERRORS);

/** A secret-looking marker put into every non-domain error: it must never reach the body. */
const SECRET = fc.bigInt({ min: 2n ** 63n, max: 2n ** 64n - 1n }).map((n) => `LEAK${n.toString(16)}`);
const httpStatus = fc.oneof(fc.constantFrom(400, 401, 403, 404, 405, 413, 415, 418, 429, 500, 502, 503), fc.integer({ min: 400, max: 599 }));
/** A thrown Proxy whose every trap throws, and a revoked one: `instanceof` runs their traps. */
const hostile = (secret: string): unknown[] => {
  const trap = () => {
    throw new Error(secret);
  };
  const revocable = Proxy.revocable({}, {});
  revocable.revoke();
  return [new Proxy({}, { get: trap, getPrototypeOf: trap, has: trap, ownKeys: trap, getOwnPropertyDescriptor: trap }), revocable.proxy];
};
const foreign = (secret: string): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constant(new Error(secret)),
    fc.constant(new TypeError(`Cannot read properties of undefined (reading '${secret}')`)),
    fc.constant(Object.assign(new Error('D1_ERROR: UNIQUE constraint failed'), { cause: secret, sql: `SELECT * FROM people WHERE id = '${secret}'` })),
    fc.constant(secret),
    fc.constant({ message: secret, code: 'validation', status: 422, name: 'ValidationFailed' }),
    fc.constant({ error: { code: 'not_found', message: secret } }),
    fc.constant(Object.assign(Object.create(null) as object, { message: secret })),
    fc.constant(new AggregateError([new Error(secret)], secret)),
    httpStatus.map((status) => new HTTPException(status as ContentfulStatusCode, { message: secret, cause: secret })),
    fc.anything().map((value) => [secret, value]),
    fc.constantFrom(undefined, null, 0, false, Symbol('thrown'), 10n),
  );

/** `instanceof` on a hostile Proxy throws: such a value is no HTTPException. */
function isClientHttpException(value: unknown): value is HTTPException {
  try {
    return value instanceof HTTPException && value.status < 500;
  } catch {
    return false;
  }
}

function expectEnvelope(answer: ReturnType<typeof errorAnswer>): void {
  expect(errorBody.safeParse(answer.body).success, JSON.stringify(answer.body)).toBe(true);
  expect(Object.keys(answer.body)).toEqual(['error']);
  for (const key of Object.keys(answer.body.error)) expect(ENVELOPE_KEYS).toContain(key);
  expect(ERROR_CODES).toContain(answer.body.error.code);
  expect(answer.body.error.message.trim()).not.toBe('');
  // The body survives JSON unchanged (no undefined, functions or cycles in it).
  expect(JSON.parse(JSON.stringify(answer.body))).toEqual(answer.body);
  for (const [name, value] of Object.entries(answer.headers)) expect(typeof value, name).toBe('string');
}

describe('errorAnswer', () => {
  // Outside fast-check, which itself reads what it generates.
  it('answers a thrown Proxy whose traps throw, or a revoked one, with 500 internal', () => {
    for (const thrown of hostile('LEAK-proxy')) {
      const answer = errorAnswer(thrown, 'bg');
      expectEnvelope(answer);
      expect(answer.status).toBe(500);
      expect(answer.body.error.code).toBe('internal');
      expect(JSON.stringify(answer.body)).not.toContain('LEAK-proxy');
    }
  });

  it('answers every domain error in every locale with its status and the envelope', () => {
    fc.assert(
      fc.property(domainError, locale, (error, lang) => {
        const answer = errorAnswer(error, lang);
        expectEnvelope(answer);
        expect(DOMAIN_STATUSES).toContain(answer.status);
        expect(answer.body.error.code).toBe(error.code);
        if (error instanceof ValidationFailed) {
          expect(answer.status).toBe(422);
          expect(answer.body.error.fields?.map(({ field, code }) => ({ field, code }))).toEqual(error.problems.map(({ field, code }) => ({ field, code })));
          for (const field of answer.body.error.fields ?? []) expect(field.message.trim()).not.toBe('');
        }
        if (error instanceof RateLimited || error instanceof Busy) expect(answer.headers['Retry-After']).toBe(String(error.retryAfter));
      }),
      { numRuns: 250 },
    );
  });

  it('answers anything else without letting it through: 500 internal, or an HTTPException’s own 4xx, and nothing of its message', () => {
    fc.assert(
      fc.property(
        SECRET.chain((secret) => fc.tuple(fc.constant(secret), foreign(secret))),
        locale,
        ([secret, thrown], lang) => {
          const answer = errorAnswer(thrown, lang);
          expectEnvelope(answer);
          expect(JSON.stringify(answer.body)).not.toContain(secret);
          if (isClientHttpException(thrown)) {
            expect(answer.status).toBe(thrown.status);
            expect(answer.body.error.code).not.toBe('internal');
          } else {
            expect(answer.status).toBe(500);
            expect(answer.body.error.code).toBe('internal');
            expect(answer.headers).toEqual({});
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('words every field problem in every locale, naming the field', () => {
    fc.assert(
      fc.property(problem, locale, (one, lang) => {
        expect(problemMessage(lang, one).trim()).not.toBe('');
      }),
      { numRuns: 150 },
    );
  });
});
