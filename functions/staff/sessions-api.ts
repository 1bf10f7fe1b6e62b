import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { BODY_ERRORS, errorResponses, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { clock } from '#functions/platform/clock';
import { staffOnly, type StaffEnv } from './guard';
import { accountSignOut, csrfHeader, sessionIdParam, sessionList } from './schemas';
import { endSession, listSessions, signOutAccount } from './session-admin';

const tags = ['staff'];
const anyStaff = staffOnly('district', 'city', 'police');

const listRoute = createRoute({
  method: 'get',
  path: '/sessions',
  operationId: 'staffSessions',
  tags,
  summary: summary('developers.op.staffSessions'),
  description: 'The caller’s own signed-in sessions, newest first: the device (browser and system) and when each was opened and last used.',
  middleware: [anyStaff] as const,
  responses: { 200: jsonResponse(sessionList, 'The sessions; `current` is this one.'), ...errorResponses(401, 503) },
});

const endRoute = createRoute({
  method: 'delete',
  path: '/sessions/{id}',
  operationId: 'staffSessionEnd',
  tags,
  summary: summary('developers.op.staffSessionEnd'),
  description: 'Ends one of the caller’s own sessions (another account’s session answers 404, like one that does not exist). Needs `X-CSRF-Token`.',
  middleware: [anyStaff] as const,
  request: { params: sessionIdParam, headers: csrfHeader },
  responses: { 200: jsonResponse(z.object({ ok: z.literal(true) }), 'Ended.'), ...errorResponses(401, 403, 404, 422, 503) },
});

const accountSignOutRoute = createRoute({
  method: 'post',
  path: '/accounts/sign-out',
  operationId: 'staffAccountSignOut',
  tags,
  summary: summary('developers.op.staffAccountSignOut'),
  description:
    'City only: ends every session of an account (a lost phone, someone who left). The account itself stays; `npm run user:disable` closes it. Needs `X-CSRF-Token`.',
  middleware: [staffOnly('city')] as const,
  request: { headers: csrfHeader, body: jsonBody(accountSignOut) },
  responses: {
    200: jsonResponse(z.object({ ended: z.number().int().meta({ description: 'How many sessions were ended.' }) }), 'Done.'),
    ...errorResponses(...BODY_ERRORS, 401, 403, 404, 503),
  },
});

/** /api/admin/sessions and /api/admin/accounts/sign-out: seeing and ending sessions. */
export const sessionsApi = new OpenAPIHono<StaffEnv>()
  .openapi(listRoute, async (c) => c.json({ sessions: await listSessions(c.env, c.get('staff'), clock(c.env)) }, 200))
  .openapi(
    endRoute,
    async (c) => {
      await endSession(c.env, c.get('staff').user, c.req.valid('param').id, clock(c.env));
      return c.json({ ok: true as const }, 200);
    },
    validationHook(endRoute),
  )
  .openapi(
    accountSignOutRoute,
    async (c) => c.json({ ended: await signOutAccount(c.env, c.get('staff').user, c.req.valid('json').email, clock(c.env)) }, 200),
    validationHook(accountSignOutRoute),
  );
