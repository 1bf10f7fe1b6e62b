import type { Locale } from './i18n';
import { t } from './i18n';
import type { FieldProblem } from './validation';

/**
 * What features throw. They say what went wrong in domain terms; `http-errors.ts` is the one
 * place that turns them into HTTP statuses and the JSON envelope (and pages into error
 * summaries). Each error words itself per locale when asked, never earlier.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

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
  | 'forbidden'
  | RefusalCode;

/** Why a request that is well formed is still refused by a feature's rules. */
export type RefusalCode = 'deadline_passed' | 'no_mobile_section' | 'not_eligible' | 'duplicate' | 'idempotency_key_reused' | 'already_assigned'
  | 'not_accepted' | 'on_another_route' | 'not_this_section' | 'transfer_closed' | 'no_coordinates';

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

export type SecretName = 'LOOKUP_KEY' | 'DATA_KEY';
export type KeyProblem = 'missing' | 'too_short' | 'development_key';

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

/**
 * A well-formed request that a feature's rules refuse, e.g. a mobile-box application after the
 * deadline (422) or a second one for the same ballot (409, with the first `reference`).
 */
export class Refused extends DomainError {
  override name = 'Refused';
  constructor(
    readonly code: RefusalCode,
    readonly details: { help?: (locale: Locale) => HelpLink[]; reference?: string } = {},
  ) {
    super(code);
  }
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
