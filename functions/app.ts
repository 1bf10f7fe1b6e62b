import { Hono } from 'hono';
import type { AppEnv } from './env';
import { healthApi } from './health/api';
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
  .use(localeMiddleware)
  .route('/health', healthApi);

app.notFound((c) => errorResponse(c, new ApiError(404, 'not_found')));
app.onError((error, c) => {
  if (error instanceof ApiError) return errorResponse(c, error);
  // Log the kind of failure only: request bodies may hold personal data.
  console.error(`api error on ${c.req.method} ${c.req.routePath}: ${error.name}`);
  return errorResponse(c, new ApiError(500, 'internal'));
});

export type AppType = typeof app;
