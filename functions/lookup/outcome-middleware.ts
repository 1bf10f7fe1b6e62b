import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#functions/env';
import { clock } from '#functions/platform/clock';
import { recordLookupOutcome } from './outcomes';

/**
 * Counts each personal-number lookup by its outcome (found, not found, invalid, limited) once
 * it is answered, and adds the counts to D1 after the answer has gone (`waitUntil`).
 */
export const countLookupOutcome: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const flush = recordLookupOutcome(c.env, c.res.status, clock(c.env));
  try {
    c.executionCtx.waitUntil(flush);
  } catch {
    await flush; // no execution context (app.request in tests)
  }
};
