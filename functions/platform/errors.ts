import type { Locale } from '../i18n';
import { t } from '../i18n';
import type { FieldProblem } from './validation';

/**
 * What features throw. They say what went wrong in domain terms; `http-errors.ts` is the one
 * place that turns them into HTTP statuses and the JSON envelope (and pages into error
 * summaries). Each error words itself per locale when asked, never earlier.
 */
export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

export type DomainErrorCode = 'validation' | 'invalid_id' | 'not_found' | 'rate_limited' | 'db_unavailable';

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
