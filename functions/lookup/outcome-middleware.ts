import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '#functions/env';
import { clock } from '#functions/platform/clock';
import { flushDue, recordLookupOutcome } from './outcomes';

/**
 * Counts each personal-number lookup by its outcome (found, not found, invalid, limited) once
 * it is answered, and adds the counts to D1 after the answer has gone (`waitUntil`).
 */
export const countLookupOutcome: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // Most lookups only add to the isolate's counts: nothing to wait for.
  const due = flushDue();
  const flush = recordLookupOutcome(c.env, c.res.status, clock(c.env));
  if (!due) return;
  try {
    c.executionCtx.waitUntil(flush);
  } catch {
    await flush; // no execution context (app.request in tests)
  }
};
