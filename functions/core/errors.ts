import type { Locale } from './i18n';
import { t } from './i18n';
import type { FieldProblem } from './validation';

/**
 * What features throw. They say what went wrong in domain terms; `functions/http/http-errors.ts`
 * is the one place that turns them into HTTP statuses and the JSON envelope (and pages into
 * error summaries). Each error words itself per locale when asked, never earlier.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode | string;
}

/** The codes of the errors below; a feature's own refusal codes live in its `errors.ts`. */
export type DomainErrorCode =
  | 'validation'
  | 'invalid_id'
  | 'not_found'
  | 'rate_limited'
  | 'busy'
  | 'challenge_failed'
  | 'challenge_unavailable'
  | 'db_unavailable'
  | 'misconfigured'
  | 'key_mismatch'
  | 'unauthorized'
  | 'forbidden';

/** A link the client can offer as the next step (a phone number, a guide). */
export interface HelpLink {
  label: string;
  href: string;
}

/** One or more inputs are wrong: every problem at once, each with its dotted field path. */
export class ValidationFailed extends DomainError {
  override name = 'ValidationFailed';
  readonly code = 'validation';
  constructor(readonly problems: readonly FieldProblem[]) {
    super('validation');
  }
}

/** A personal number that cannot be right, with the rule it breaks (`check-digit`, `length`…). */
export class InvalidPersonalNumber extends DomainError {
  override name = 'InvalidPersonalNumber';
  readonly code = 'invalid_id';
  readonly field = 'idNumber';
  constructor(
    readonly problem: string,
    readonly wording: (locale: Locale) => string,
  ) {
    super('invalid_id');
  }
}

/** Nothing matches: optionally worded for the case, with next steps. */
export class NotFound extends DomainError {
  override name = 'NotFound';
  readonly code = 'not_found';
  constructor(
    readonly wording: (locale: Locale) => string = (locale) => t(locale, 'errors.not_found'),
    readonly help?: (locale: Locale) => HelpLink[],
  ) {
    super('not_found');
  }
}

/** Too many attempts from one client; try again after `retryAfter` seconds. */
export class RateLimited extends DomainError {
  override name = 'RateLimited';
  readonly code = 'rate_limited';
  constructor(readonly retryAfter: number) {
    super('rate_limited');
  }
}

/** The database cannot answer. */
export class DatabaseUnavailable extends DomainError {
  override name = 'DatabaseUnavailable';
  readonly code = 'db_unavailable';
  constructor() {
    super('db_unavailable');
  }
}

/** Too many lookups from everyone together: the global ceiling (503 with Retry-After). */
export class Busy extends DomainError {
  override name = 'Busy';
  readonly code = 'busy';
  constructor(readonly retryAfter: number) {
    super('busy');
  }
}

/** The secrets and settings the Worker checks before use. */
export type SecretName =
  | 'LOOKUP_KEY'
  | 'DATA_KEY'
  | 'DATA_KEY_PREVIOUS'
  | 'STAFF_PEPPER'
  | 'TURNSTILE_SECRET'
  | 'TURNSTILE_SITE_KEY'
  | 'ACCESS_TEAM_DOMAIN'
  | 'ACCESS_AUD'
  | 'SMS_AUTH_TOKEN';
/** `not_random`: base64 of printable text (a passphrase), not of random bytes; `unpaired`: one of two settings that only work together. */
export type KeyProblem = 'missing' | 'too_short' | 'development_key' | 'not_random' | 'unpaired';

/** A secret that cannot be used here: the service fails closed (503), never quietly. */
export class KeyUnusable extends DomainError {
  override name = 'KeyUnusable';
  readonly code = 'misconfigured';
  constructor(
    readonly secret: SecretName,
    readonly problem: KeyProblem,
  ) {
    super(`${secret} is ${problem.replace('_', ' ')}`);
  }
}

/** The Worker's LOOKUP_KEY is not the key the register was hashed with: every answer would be "not found". */
export class KeyMismatch extends DomainError {
  override name = 'KeyMismatch';
  readonly code = 'key_mismatch';
  constructor() {
    super('key_mismatch');
  }
}

/** The Turnstile check failed: no token, an invalid or reused one, or one for another page. */
export class ChallengeFailed extends DomainError {
  override name = 'ChallengeFailed';
  readonly code = 'challenge_failed';
  constructor() {
    super('challenge_failed');
  }
}

/** The Turnstile check could not be made: we refuse rather than let the request through. */
export class ChallengeUnavailable extends DomainError {
  override name = 'ChallengeUnavailable';
  readonly code = 'challenge_unavailable';
  constructor() {
    super('challenge_unavailable');
  }
}

export interface RefusalDetails {
  help?: (locale: Locale) => HelpLink[];
  /** The message for this case, naming what the code alone cannot (a settlement, a district); `errors.<code>` otherwise. */
  wording?: (locale: Locale) => string;
}

/**
 * A well-formed request that a feature's rules refuse, e.g. a mobile-box application after the
 * deadline (422) or a decision on a request already on a route (409). Its code is one of the
 * feature's own (`refusals()` below).
 */
export class Refused extends DomainError {
  override name = 'Refused';
  constructor(
    readonly code: string,
    readonly details: RefusalDetails = {},
  ) {
    super(code);
  }
}

/** The statuses a refusal may answer with: a conflict with what is stored, or a rule. */
export type RefusalStatus = 409 | 422;

/** What the API reference says of a refusal code, and its status. */
export interface RefusalEntry {
  status: RefusalStatus;
  /** When the code is given, in a few English words for the OpenAPI document. */
  when: string;
}

/**
 * A feature's refusal codes, each with its status and when it is given, and a `refuse()` that
 * accepts only those codes. The feature keeps them in its own `errors.ts`; the API's error
 * mapping (`functions/http/refusals.ts`) merges every feature's table; each code's wording is
 * `errors.<code>` in the dictionaries.
 *
 * @example const { codes, refuse } = refusals({ transfer_closed: { status: 409, when: 'the transfer deadline has passed' } }); throw refuse('transfer_closed');
 */
export function refusals<const Table extends Record<string, RefusalEntry>>(codes: Table) {
  return { codes, refuse: (code: keyof Table & string, details?: RefusalDetails) => new Refused(code, details) };
}

/** No staff session (never signed in, signed out, idle too long, or the account disabled). */
export class Unauthenticated extends DomainError {
  override name = 'Unauthenticated';
  readonly code = 'unauthorized';
  constructor() {
    super('unauthorized');
  }
}

/** A state-changing staff request without its session's CSRF token. */
export class Forbidden extends DomainError {
  override name = 'Forbidden';
  readonly code = 'forbidden';
  constructor() {
    super('forbidden');
  }
}
