import { Hono } from 'hono';
import type { AppEnv } from './env';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { healthApi } from './health/api';
import { lookupApi, stationsApi } from './lookup/api';
import { ApiError, errorResponse } from './platform/errors';
import { localeMiddleware } from './platform/locale-middleware';
import { SECURITY_HEADERS } from './platform/security-headers';

/** The API: every feature is a sub-app mounted under /api. */
export const app = new Hono<AppEnv>()
  .basePath('/api')
  .use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  })
  .use(bodyLimit({ maxSize: 16 * 1024, onError: () => { throw new ApiError(413, 'payload_too_large'); } }))
  .use(localeMiddleware)
  .route('/health', healthApi)
  .route('/lookup', lookupApi)
  .route('/stations', stationsApi);

app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found')));
app.onError((error, c) => {
  if (error instanceof ApiError) return errorResponse(c, error);
  // Malformed JSON and similar protocol errors from Hono's own validators.
  if (error instanceof HTTPException && error.status < 500) return errorResponse(c, new ApiError(400, 'invalid_input', { messageKey: 'error.bad_request' }));
  // Log the kind of failure only: request bodies may hold personal data.
  console.error(`api error on ${c.req.method} ${c.req.routePath}: ${error.name}`);
  return errorResponse(c, new ApiError(500, 'internal'));
});

export type AppType = typeof app;
