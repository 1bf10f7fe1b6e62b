import type { MiddlewareHandler } from 'hono';
import { database } from '#db/client';
import type { AppEnv } from '#functions/env';
import { recordLookupOutcome } from './outcomes';

/**
 * Counts each personal-number lookup by its outcome (found, not found, invalid, limited) once
 * it is answered, and adds the counts to D1 after the answer has gone (`waitUntil`).
 */
export const countLookupOutcome: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const flush = recordLookupOutcome(database(c.env.DB), c.res.status, new Date());
  try {
    c.executionCtx.waitUntil(flush);
  } catch {
    await flush; // no execution context (app.request in tests)
  }
};
