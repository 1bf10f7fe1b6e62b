import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { ApiError } from '../platform/errors';
import { database } from '../../db/client';
import { checkDatabase } from './checks';

/** GET /api/health: 200 {"ok":true} after a real D1 query, 503 when D1 cannot answer. */
export const healthApi = new Hono<AppEnv>().get('/', async (c) => {
  try {
    await checkDatabase(database(c.env.DB));
  } catch {
    throw new ApiError(503, 'db_unavailable');
  }
  c.header('Cache-Control', 'no-store');
  return c.json({ ok: true as const });
});
