import { OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import type { ZodType } from 'zod';
import type { AppEnv } from '#functions/env';
import { t, type MessageKey } from '#core/i18n';
import { ValidationFailed } from '#core/errors';
import { errorBody } from './http-errors';
import { refusalsDocumented } from './refusals';
import { fieldProblems } from '#core/validation';

/** A feature's sub-app: routes declared with `createRoute`, so validation, types and OpenAPI share one source. */
export const featureApi = () => new OpenAPIHono<AppEnv>();

/** An operation's summary: English in the document, every locale on /<locale>/developers/. */
export const summary = (key: Extract<MessageKey, `developers.op.${string}`>) => t('en', key);

/** A required JSON request body. */
export const jsonBody = <S extends ZodType>(schema: S) => ({ required: true, content: { 'application/json': { schema } } }) as const;

/** A JSON response with its published schema. */
export const jsonResponse = <S extends ZodType>(schema: S, description: string) => ({ description, content: { 'application/json': { schema } } }) as const;

const ERROR_DESCRIPTIONS = {
  400: 'The body is not valid JSON (`bad_request`).',
  401: 'No staff session: not signed in, signed out, idle too long, or a wrong e-mail or password (`unauthorized`).',
  403: 'With Turnstile on: the token is missing, invalid, reused or for another action (`challenge_failed`); for staff changes: no or a wrong `X-CSRF-Token` (`forbidden`).',
  404: 'Nothing matches (`not_found`).',
  409: `A feature’s rules refuse the request, which conflicts with what is stored: ${refusalsDocumented(409)}.`,
  405: 'The path exists under other methods (`method_not_allowed`, with `Allow`).',
  413: 'The body is over 16 KB (`payload_too_large`); refused before it is read.',
  415: 'The body is not `application/json` (`unsupported_media_type`).',
  422: `Invalid input: \`validation\` lists every field problem; \`invalid_id\` says which rule a personal number breaks; a feature’s rules may refuse a valid request: ${refusalsDocumented(422)}.`,
  429: 'Too many attempts from this client (`rate_limited`, with `Retry-After`).',
  500: 'Something failed on our side (`internal`).',
  503: 'The database cannot answer (`db_unavailable`), a secret is unusable (`misconfigured`), LOOKUP_KEY is not the register’s (`key_mismatch`), all clients together passed the ceiling (`busy`, with Retry-After) or Turnstile cannot be reached (`challenge_unavailable`).',
} as const;
export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** Error responses in the shared envelope; every route lists the ones it can give (500 always). */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const all = [...new Set<ErrorStatus>([...statuses, 500])];
  return Object.fromEntries(all.map((status) => [status, jsonResponse(errorBody, ERROR_DESCRIPTIONS[status])])) as Record<
    S | 500,
    ReturnType<typeof jsonResponse<typeof errorBody>>
  >;
}

/** The errors any route with a JSON body can give before its handler runs. */
export const BODY_ERRORS = [400, 413, 415, 422] as const;

function schemaOf(route: RouteConfig, target: string): ZodType | undefined {
  const request = route.request;
  if (target === 'json') {
    const media = request?.body?.content?.['application/json'];
    return media && 'schema' in media ? (media.schema as ZodType) : undefined;
  }
  if (target === 'form') {
    const media = request?.body?.content?.['application/x-www-form-urlencoded'];
    return media && 'schema' in media ? (media.schema as ZodType) : undefined;
  }
  if (target === 'query') return request?.query as ZodType | undefined;
  if (target === 'param') return request?.params as ZodType | undefined;
  return undefined;
}

/**
 * The validation hook for a route: a failed parse throws ValidationFailed with every problem,
 * labelled from the route's own schema; `app.onError` words and sends it.
 */
export function validationHook(route: RouteConfig) {
  return (result: { success: boolean; target: string; error?: unknown; data?: unknown }): undefined => {
    if (result.success) return undefined;
    const schema = schemaOf(route, result.target);
    const error = result.error as Parameters<typeof fieldProblems>[1];
    throw new ValidationFailed(schema ? fieldProblems(schema, error, result.data) : [{ field: 'body', code: 'invalid' }]);
  };
}
