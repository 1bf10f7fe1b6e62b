import type { AstroGlobal } from 'astro';
import { env } from 'cloudflare:workers';
import type { z } from 'zod';
import type { Bindings } from '#functions/env';
import { isLocale, type Locale } from '#core/i18n';
import { ValidationFailed } from '#core/errors';
import { formInput, readFormPost } from '#functions/http/form-post';
import { errorAnswer, type ErrorBody } from '#functions/http/http-errors';
import { enforceRateLimit, type LimitedAction } from '#functions/http/rate-limit';
import { TOKEN_FIELD, verifyChallenge } from '#functions/http/turnstile';
import { parseInput, problemMessage } from '#core/validation';

/** One line of the error summary: the message, linked to its field when it has one. */
export interface SummaryError {
  field?: string | undefined;
  href?: string | undefined;
  text: string;
}

/** What was typed, to put back into the form: one value per name, and every value of a repeated name. */
export interface Typed {
  values: Record<string, string>;
  all: URLSearchParams;
}

export type FormOutcome<T> =
  /** The page was opened, not submitted. */
  | ({ kind: 'idle' } & Typed)
  | ({ kind: 'done'; result: T } & Typed)
  /** Errors to show: each field's message beside it and all of them in the summary. */
  | ({ kind: 'errors'; errors: SummaryError[]; fieldErrors: Record<string, string>; error: ErrorBody['error'] } & Typed);

export interface FormOptions<S extends z.ZodType, T> {
  locale: Locale;
  schema: S;
  /** The id of a field's input in this page, for the summary's links. */
  fieldId: (field: string, values: Record<string, string>) => string;
  /** Counted before the body is parsed, like the API. */
  limit?: LimitedAction;
  /** The Turnstile action checked (when Turnstile is on) before the body is parsed. */
  challenge?: string;
  /** Values the form does not send but the schema needs (e.g. the page's language). */
  extra?: Record<string, string>;
  /** Field names that come repeated (checkbox groups) and become arrays. */
  lists?: readonly string[];
  /** The same feature function the API calls (with what was typed, for values the schema does not keep). */
  action: (input: z.output<S>, bindings: Bindings, typed: Typed) => Promise<T>;
  /** Called with the answer's status once it is known (e.g. to count lookup outcomes). */
  answered?: (status: number, bindings: Bindings) => Promise<void>;
}

/**
 * Everything a page that receives a form does, once: read the submission (415 for other
 * content types and 413 over 16 KB, both before reading; Astro's `security.checkOrigin`
 * has already refused a foreign Origin with 403), count the rate limit, parse with the
 * shared schema, run the feature function and turn any error into the API's wording. It sets
 * the page's status (and Retry-After, and no-store for posted answers).
 */
export async function handleForm<S extends z.ZodType, T>(astro: AstroGlobal, options: FormOptions<S, T>): Promise<FormOutcome<T>> {
  const { locale } = options;
  let all = new URLSearchParams();
  let values: Record<string, string> = {};
  // Every form answer is personal (a number, an address, a report): no cache may keep it.
  astro.response.headers.set('Cache-Control', 'no-store');
  try {
    if (astro.request.method !== 'POST') return { kind: 'idle', values, all };
    all = await readFormPost(astro.request);
    values = Object.fromEntries(all);
    if (options.limit) await enforceRateLimit(env, options.limit, astro.request.headers);
    if (options.challenge) {
      await verifyChallenge(env, {
        token: values[TOKEN_FIELD],
        action: options.challenge,
        hostname: astro.url.hostname,
        remoteIp: astro.request.headers.get('cf-connecting-ip'),
      });
    }
    const input = parseInput(options.schema, { ...formInput(all, options.lists), ...options.extra });
    const result = await options.action(input, env, { values, all });
    await options.answered?.(200, env);
    return { kind: 'done', result, values, all };
  } catch (caught) {
    const answer = errorAnswer(caught, locale);
    await options.answered?.(answer.status, env);
    // The kind of failure only: a database error's message can hold its parameters (a hash).
    if (answer.body.error.code === 'internal') console.error(`form error on ${astro.url.pathname}: ${caught instanceof Error ? caught.name : typeof caught}`);
    astro.response.status = answer.status;
    for (const [name, value] of Object.entries(answer.headers)) astro.response.headers.set(name, value);
    const errors: SummaryError[] =
      caught instanceof ValidationFailed
        ? caught.problems.map((problem) => ({
            field: problem.field,
            href: `#${options.fieldId(problem.field, values)}`,
            text: problemMessage(locale, problem),
          }))
        : [
            {
              field: answer.body.error.field,
              href: answer.body.error.field ? `#${options.fieldId(answer.body.error.field, values)}` : undefined,
              text: answer.body.error.message,
            },
          ];
    const fieldErrors = Object.fromEntries(errors.filter((e) => e.field).map((e) => [e.field!, e.text]));
    return { kind: 'errors', values, all, errors, fieldErrors, error: answer.body.error };
  }
}

/** The locale of an on-demand page, or undefined for a path outside the locales (a 404). */
export function pageLocale(params: Record<string, string | undefined>): Locale | undefined {
  return isLocale(params.lang) ? params.lang : undefined;
}
