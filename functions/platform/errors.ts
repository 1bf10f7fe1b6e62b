import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { core } from 'zod';
import { t, type MessageKey } from '../../site/i18n';
import type { AppEnv } from '../env';
import type { Locale } from './locale';

/** Stable error codes of the API. */
export type ErrorCode = 'not_found' | 'internal' | 'db_unavailable' | 'invalid_input' | 'invalid_id' | 'rate_limited' | 'payload_too_large';

/** A link the client can offer as the next step (a phone number, a guide). */
export interface HelpLink {
  label: string;
  href: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; problem?: string; help?: HelpLink[] };
}

interface ApiErrorOptions {
  field?: string;
  /** Which rule failed, e.g. `check-digit`, for clients that word it themselves. */
  problem?: string;
  messageKey?: MessageKey;
  vars?: Record<string, string | number>;
  /** Placeholders whose words depend on the locale, as dictionary keys. */
  varKeys?: Record<string, MessageKey>;
  help?: (locale: Locale) => HelpLink[];
  retryAfter?: number;
}

/** An error a handler throws to answer with the shared envelope. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly options: ApiErrorOptions = {},
  ) {
    super(code);
  }

  /** The envelope, worded in `locale`. */
  body(locale: Locale): ErrorBody {
    const { field, problem, messageKey, vars, varKeys = {}, help } = this.options;
    return {
      error: {
        code: this.code,
        message: t(locale, messageKey ?? (`error.${this.code}` as MessageKey), {
          ...vars,
          ...Object.fromEntries(Object.entries(varKeys).map(([name, key]) => [name, t(locale, key)])),
          ...(field && field in FIELD_KEYS ? { fieldName: t(locale, FIELD_KEYS[field]!) } : {}),
        }),
        ...(field ? { field } : {}),
        ...(problem ? { problem } : {}),
        ...(help ? { help: help(locale) } : {}),
      },
    };
  }
}

/** How each input field is called in messages (`{fieldName}`). */
const FIELD_KEYS: Record<string, MessageKey> = {
  country: 'field.country',
  idNumber: 'field.idNumber',
  election: 'field.election',
  settlement: 'field.settlement',
  street: 'field.street',
  number: 'field.number',
  lat: 'field.lat',
  lon: 'field.lon',
  limit: 'field.limit',
  q: 'field.q',
  kind: 'field.kind',
  details: 'field.details',
  contact: 'field.contact',
  lang: 'field.lang',
  id: 'field.id',
};

/**
 * The first problem zod found, as a 422 naming the field in the reader's words.
 * Missing → "required", too long → "tooLong", anything else → "invalid".
 */
export function validationError(error: core.$ZodError): ApiError {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? 'body');
  const reason: MessageKey =
    issue?.code === 'invalid_type' && issue.message.includes('undefined')
      ? 'error.field.required'
      : issue?.code === 'too_big'
        ? 'error.field.tooLong'
        : issue?.code === 'too_small' && issue.minimum === 1
          ? 'error.field.required'
          : 'error.field.invalid';
  return new ApiError(422, 'invalid_input', { field, messageKey: reason, vars: { fieldName: field } });
}

/** The one JSON error envelope, worded in the request's locale. */
export function errorResponse(c: Context<AppEnv>, error: ApiError, locale: Locale = c.get('locale')) {
  if (error.options.retryAfter) c.header('Retry-After', String(error.options.retryAfter));
  return c.json(error.body(locale), error.status);
}

/** The same wording for pages rendered on the server (forms posted without JavaScript). */
export function errorText(locale: Locale, error: ApiError): string {
  return error.body(locale).error.message;
}
