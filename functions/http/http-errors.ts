import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import type { Locale } from '#core/i18n';
import { t } from '#core/i18n';
import {
  Busy,
  ChallengeFailed,
  ChallengeUnavailable,
  DomainError,
  Forbidden,
  type DomainErrorCode,
  InvalidPersonalNumber,
  KeyMismatch,
  KeyUnusable,
  NotFound,
  RateLimited,
  Refused,
  Unauthenticated,
  ValidationFailed,
  type HelpLink,
} from '#core/errors';
import { FIELD_CODES, problemMessage } from '#core/validation';
import { isRefusalCode, REFUSAL_CODES, REFUSALS } from './refusals';

/** Every `code` the API answers with; stable, so clients may branch on them. */
export const ERROR_CODES = [
  'validation',
  'invalid_id',
  'not_found',
  'rate_limited',
  'busy',
  'challenge_failed',
  'challenge_unavailable',
  'db_unavailable',
  'misconfigured',
  'key_mismatch',
  ...REFUSAL_CODES,
  'bad_request',
  'unauthorized',
  'forbidden',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

const helpLink = z.object({ label: z.string(), href: z.string() }).meta({ id: 'HelpLink', description: 'A next step: a phone number, an SMS or a guide.' });
const fieldError = z
  .object({
    field: z.string().meta({ description: 'Dotted path of the input, e.g. `address.street`.', example: 'idNumber' }),
    code: z.enum(FIELD_CODES),
    message: z.string(),
  })
  .meta({ id: 'FieldError' });

/** The one error envelope of the API (also the OpenAPI component `Error`). */
export const errorBody = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string().meta({ description: 'Worded in the request’s locale (`lang`, else Accept-Language, else English).' }),
      fields: z.array(fieldError).optional().meta({ description: 'With `validation`: every problem at once.' }),
      field: z.string().optional().meta({ description: 'With `invalid_id`: the field that holds the number.' }),
      problem: z.string().optional().meta({ description: 'With `invalid_id`: which rule failed, e.g. `check-digit`.' }),
      help: z
        .array(helpLink)
        .optional()
        .meta({ description: 'With `not_found`, `deadline_passed` and `no_mobile_commission`: official channels and the guide.' }),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;

export interface ErrorAnswer {
  status: ContentfulStatusCode;
  body: ErrorBody;
  headers: Record<string, string>;
}

const DOMAIN_STATUS: Record<DomainErrorCode, ContentfulStatusCode> = {
  validation: 422,
  invalid_id: 422,
  not_found: 404,
  rate_limited: 429,
  busy: 503,
  challenge_failed: 403,
  challenge_unavailable: 503,
  db_unavailable: 503,
  misconfigured: 503,
  key_mismatch: 503,
  unauthorized: 401,
  forbidden: 403,
};

/** A domain error's status: its own code's, or its feature's for a refusal (an unknown code is a 500). */
function statusOf(code: string): ContentfulStatusCode {
  if (isRefusalCode(code)) return REFUSALS[code].status;
  if (Object.hasOwn(DOMAIN_STATUS, code)) return DOMAIN_STATUS[code as DomainErrorCode];
  throw new Error(`no status for the domain error code ${code}`);
}

const HTTP_CODES: Partial<Record<number, Exclude<ErrorCode, 'validation' | 'invalid_id'>>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

function domainAnswer(error: DomainError, locale: Locale): ErrorAnswer {
  const status = statusOf(error.code);
  const answer = (body: ErrorBody['error'], headers: Record<string, string> = {}): ErrorAnswer => ({ status, headers, body: { error: body } });
  if (error instanceof ValidationFailed) {
    const fields = error.problems.map((problem) => ({ field: problem.field, code: problem.code, message: problemMessage(locale, problem) }));
    return answer({ code: 'validation', message: t(locale, 'errors.validation'), fields });
  }
  if (error instanceof InvalidPersonalNumber) return answer({ code: 'invalid_id', field: error.field, problem: error.problem, message: error.wording(locale) });
  if (error instanceof NotFound) {
    const help = error.help?.(locale);
    return answer({ code: 'not_found', message: error.wording(locale), ...(help ? { help } : {}) });
  }
  if (error instanceof RateLimited)
    return answer({ code: 'rate_limited', message: t(locale, 'errors.rate_limited') }, { 'Retry-After': String(error.retryAfter) });
  if (error instanceof Busy) return answer({ code: 'busy', message: t(locale, 'errors.busy') }, { 'Retry-After': String(error.retryAfter) });
  if (error instanceof ChallengeFailed) return answer({ code: 'challenge_failed', message: t(locale, 'errors.challenge_failed') });
  if (error instanceof ChallengeUnavailable) return answer({ code: 'challenge_unavailable', message: t(locale, 'errors.challenge_unavailable') });
  if (error instanceof Refused && isRefusalCode(error.code)) {
    const help = error.details.help?.(locale);
    return answer({
      code: error.code,
      message: error.details.wording?.(locale) ?? t(locale, `errors.${error.code}`),
      ...(help ? { help } : {}),
    });
  }
  if (error instanceof Unauthenticated || error instanceof Forbidden) return answer({ code: error.code, message: t(locale, `errors.${error.code}`) });
  if (error instanceof KeyUnusable) return answer({ code: 'misconfigured', message: t(locale, 'errors.misconfigured') });
  if (error instanceof KeyMismatch) return answer({ code: 'key_mismatch', message: t(locale, 'errors.key_mismatch') });
  return answer({ code: 'db_unavailable', message: t(locale, 'errors.db_unavailable') });
}

/**
 * The HTTP answer for anything thrown while handling a request: domain errors by their code,
 * Hono's HTTPException with its own status (a 413 stays a 413), anything else as a 500 that
 * says nothing about its cause.
 */
export function errorAnswer(error: unknown, locale: Locale): ErrorAnswer {
  // Classifying runs the thrown value's own code (`instanceof` asks a Proxy's traps): if that
  // throws too, the answer is still our 500 envelope, never a second exception.
  try {
    if (error instanceof DomainError) return domainAnswer(error, locale);
    if (error instanceof HTTPException && error.status < 500) {
      const status = error.status as ContentfulStatusCode;
      const code = HTTP_CODES[status] ?? 'bad_request';
      const headers = Object.fromEntries([...(error.res?.headers ?? new Headers())].filter(([name]) => name.toLowerCase() !== 'content-type'));
      return { status, headers, body: { error: { code, message: t(locale, `errors.${code}`) } } };
    }
  } catch {
    // fall through to the internal error
  }
  return { status: 500, headers: {}, body: { error: { code: 'internal', message: t(locale, 'errors.internal') } } };
}

/** Sends an error answer through Hono. */
export function errorResponse(c: Context, answer: ErrorAnswer) {
  // An error may answer a personal request: no cache keeps it.
  c.header('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(answer.headers)) c.header(name, value);
  return c.json(answer.body, answer.status);
}

export type { HelpLink };
