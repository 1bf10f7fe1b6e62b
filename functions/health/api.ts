import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { database } from '../../db/client';
import { DatabaseUnavailable } from '../platform/errors';
import { errorResponses, featureApi, jsonResponse, summary } from '../platform/openapi';
import { checkDatabase } from './checks';

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'health',
  tags: ['service'],
  summary: summary('developers.op.health'),
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }).meta({ id: 'Health' }), 'The Worker answers and D1 ran a real query.'), ...errorResponses(503) },
});

/** GET /api/health: 200 {"ok":true} after a real D1 query, 503 when D1 cannot answer. */
export const healthApi = featureApi().openapi(healthRoute, async (c) => {
  try {
    await checkDatabase(database(c.env.DB));
  } catch {
    throw new DatabaseUnavailable();
  }
  c.header('Cache-Control', 'no-store');
  return c.json({ ok: true as const }, 200);
});
