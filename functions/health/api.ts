import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { database } from '#db/client';
import { registerKeyStatus } from '#functions/lookup/register-key';
import { DatabaseUnavailable, KeyMismatch } from '#core/errors';
import { dataKeys, requireKey } from '#functions/platform/keys';
import { turnstileSiteKey } from '#functions/http/turnstile';
import { errorResponses, featureApi, jsonResponse, summary } from '#functions/http/openapi';
import { rateLimit } from '#functions/http/rate-limit';

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'health',
  tags: ['service'],
  summary: summary('developers.op.health'),
  description:
    '503 `db_unavailable` when D1 cannot answer, `misconfigured` when a secret is missing or too weak (or Turnstile has only one of its two keys), `key_mismatch` when LOOKUP_KEY is not the key the register was imported with.',
  middleware: [rateLimit('SERVICE')] as const,
  responses: {
    200: jsonResponse(z.object({ ok: z.literal(true) }).meta({ id: 'Health' }), 'The Worker answers, its secrets are usable and D1 ran a real query.'),
    ...errorResponses(429, 503),
  },
});

/** GET /api/health: 200 {"ok":true} after a real D1 query and the key checks; 503 with the reason otherwise. */
export const healthApi = featureApi().openapi(healthRoute, async (c) => {
  c.header('Cache-Control', 'no-store');
  const lookupKey = requireKey(c.env, 'LOOKUP_KEY');
  dataKeys(c.env);
  requireKey(c.env, 'STAFF_PEPPER');
  turnstileSiteKey(c.env);
  const db = database(c.env.DB);
  let status: Awaited<ReturnType<typeof registerKeyStatus>>;
  try {
    // One real query on our own table (app_meta): it proves D1 and the migrations, and reads the key's fingerprint.
    status = await registerKeyStatus(db, lookupKey);
  } catch {
    throw new DatabaseUnavailable();
  }
  if (status === 'mismatch') throw new KeyMismatch();
  return c.json({ ok: true as const }, 200);
});
