import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie } from 'hono/cookie';
import { z } from 'zod';
import { clock } from '#functions/platform/clock';
import { errorResponses, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { staffOnly, type StaffEnv } from './guard';
import { logOut } from './login';
import { sessionsApi } from './sessions-api';
import { signInApi } from './sign-in-api';
import { reviewApi, summaryApi } from './review-api';
import { pairsApi } from './pairs-api';
import { readAudit } from './audit-log';
import { constituenciesApi, routesZipApi, sectionsApi } from '#functions/sections/api';
import { csrfHeader, staffUser } from './schemas';
import { SESSION_COOKIE } from './sessions';

const anyStaff = staffOnly('district', 'city', 'police');

const sessionRoute = createRoute({
  method: 'get',
  path: '/session',
  operationId: 'staffSession',
  tags: ['staff'],
  summary: summary('developers.op.staffSession'),
  middleware: [anyStaff] as const,
  responses: { 200: jsonResponse(z.object({ user: staffUser }), 'The staff member of this session.'), ...errorResponses(401, 503) },
});

const logoutRoute = createRoute({
  method: 'delete',
  path: '/session',
  operationId: 'staffLogout',
  tags: ['staff'],
  summary: summary('developers.op.staffLogout'),
  middleware: [anyStaff] as const,
  request: { headers: csrfHeader },
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Signed out; the session is ended in D1 too.'), ...errorResponses(401, 403, 503) },
});

const isoDay = z.iso.date();
const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  operationId: 'staffAudit',
  tags: ['staff'],
  summary: summary('developers.op.staffAudit'),
  description:
    'City only. Who read, changed or downloaded what, and when, and the security events (failed and throttled sign-ins, refused CSRF tokens, refusals outside a user’s reach), between `from` and `to` (days, UTC, both included; the last 7 days by default), at most 5,000 entries. Reading it is logged too.',
  middleware: [staffOnly('city')] as const,
  request: { query: z.object({ from: isoDay.optional().meta({ example: '2024-05-20' }), to: isoDay.optional().meta({ example: '2024-06-09' }) }) },
  responses: {
    200: jsonResponse(
      z
        .object({
          from: z.string(),
          to: z.string(),
          truncated: z.boolean(),
          entries: z.array(
            z.object({
              id: z.number().int(),
              at: z.string(),
              action: z.string(),
              user: z.string().nullable(),
              role: z.string().nullable(),
              records: z.record(z.string(), z.unknown()),
              outcome: z.enum(['ok', 'failed', 'refused', 'throttled']),
              source: z.string().nullable().meta({
                description: 'An HMAC of the client’s address (IPv4) or /64 (IPv6), on sign-in events: groups events from one source without naming it.',
              }),
            }),
          ),
        })
        .meta({ id: 'StaffAudit' }),
      'The entries, oldest first.',
    ),
    ...errorResponses(401, 404, 422, 503),
  },
});

/** /api/admin: staff sign-in (signInApi) and sessions (sessionsApi), the review, the mobile polling stations and their route lists, the districts' МИР, the audit log. */
export const staffApi = new OpenAPIHono<StaffEnv>()
  .route('/', signInApi)
  .route('/', sessionsApi)
  .openapi(sessionRoute, (c) => {
    const { email, role, area, district } = c.get('staff').user;
    return c.json({ user: { email, role, area, district } }, 200);
  })
  .openapi(
    logoutRoute,
    async (c) => {
      await logOut(c.env, c.get('staff'), clock(c.env));
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
      return c.json({ ok: true as const }, 200);
    },
    validationHook(logoutRoute),
  )
  .openapi(auditRoute, async (c) => c.json(await readAudit(c.env, c.get('staff').user, c.req.valid('query'), clock(c.env)), 200), validationHook(auditRoute))
  .route('/requests', reviewApi)
  .route('/requests', pairsApi)
  .route('/summary', summaryApi)
  .route('/sections', sectionsApi)
  .route('/routes.zip', routesZipApi)
  .route('/constituencies', constituenciesApi);
