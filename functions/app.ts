import { createRoute } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { AppEnv } from './env';
import { healthApi } from './health/api';
import { staffApi } from './staff/api';
import { lookupApi, stationsApi } from './lookup/api';
import { apiLocale, bodyLanguage, bodyTypes, limitBody, localeOf, methodNotAllowed, readBodyLanguage, securityHeaders } from './http/api-middleware';
import { errorAnswer, errorResponse } from './http/http-errors';
import { errorResponses, featureApi, jsonResponse, summary } from './http/openapi';
import { rateLimit } from './http/rate-limit';
import { withSecurity } from './http/openapi-security';
import { NotFound } from './core/errors';
import { mobileBoxApi } from './mobile-box/api';
import { reportsApi } from './reports/api';
import { SMS_FORM_PATHS, smsApi } from './sms/api';

export const OPENAPI_INFO: Parameters<typeof app.getOpenAPI31Document>[0] = {
  openapi: '3.1.0',
  info: {
    title: 'Voter Desk API',
    version: '1.0.0',
    description:
      'Polling-station lookup, problem reports and mobile-ballot-box requests for Bulgaria, Kyrgyzstan and Kazakhstan. Every error uses one JSON envelope; messages follow `lang` or Accept-Language. Staff operations need the session cookie of a sign-in finished with its second factor, and changes its `X-CSRF-Token` too (`security` on each operation).',
    license: { name: 'All rights reserved' },
  },
  servers: [{ url: '/' }],
};

/**
 * The API: one sub-app per feature, mounted under /api. Before any route: security headers,
 * the locale, 415 for bodies that are not JSON (a form for the SMS gateway's webhook) and 413
 * for bodies over 16 KB (both before reading); a body's own `lang` counts once the body is
 * parsed, after the route's rate limit. One `onError` turns every failure into the envelope.
 */
const api = featureApi().basePath('/api');
api.use(securityHeaders, apiLocale, bodyTypes(SMS_FORM_PATHS), limitBody, bodyLanguage);

export const app = api
  .route('/health', healthApi)
  .route('/lookup', lookupApi)
  .route('/stations', stationsApi)
  .route('/stations', reportsApi)
  .route('/mobile-box-requests', mobileBoxApi)
  .route('/admin', staffApi)
  .route('/sms', smsApi);

const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'openapi',
  tags: ['service'],
  summary: summary('developers.op.openapi'),
  middleware: [rateLimit('SERVICE')] as const,
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'This document.'), ...errorResponses(429) },
});

/** The OpenAPI 3.1 document, generated from the same route definitions that validate requests, with who may call each operation. */
export function openApiDocument() {
  return withSecurity(app.getOpenAPI31Document(OPENAPI_INFO));
}

app.openapi(openApiRoute, (c) => c.json(openApiDocument(), 200));

const allowedMethods = methodNotAllowed(app.routes);
app.notFound(async (c) => {
  await readBodyLanguage(c);
  const allow = allowedMethods(c.req.path);
  if (!allow) return errorResponse(c, errorAnswer(new NotFound(), localeOf(c)));
  if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: allow });
  return errorResponse(c, errorAnswer(new HTTPException(405, { res: new Response(null, { headers: { Allow: allow } }) }), localeOf(c)));
});
app.onError(async (error, c) => {
  await readBodyLanguage(c, error);
  const answer = errorAnswer(error, localeOf(c));
  // Log the kind of failure only: request bodies may hold personal data.
  if (answer.status >= 500) console.error(`api error on ${c.req.method} ${c.req.routePath}: ${error.name}`);
  return errorResponse(c, answer);
});

export type AppType = typeof app;
export type { AppEnv };
