import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { clock } from '#functions/platform/clock';
import { BODY_ERRORS, errorResponses, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { staffOnly, type StaffEnv } from './guard';
import { openPair, resolvePair } from './pair-resolution';
import { pairResolution, pairResolved, requestPair } from './pair-schemas';
import { csrfHeader, requestIdParam } from './schemas';

const reviewers = staffOnly('district', 'city');

const pairRoute = createRoute({
  method: 'get',
  path: '/{id}/pair',
  operationId: 'staffRequestPair',
  tags: ['staff'],
  summary: summary('developers.op.staffRequestPair'),
  description:
    '`id` is the repeat: a later application of the same person for the same election and ballot, linked to the earlier one (`first`). Both side by side, decrypted for this answer only (the read is audited), with what differs. 404 when the request repeats nothing, and when either request is outside the caller’s reach (a pair across two districts is the city’s to resolve).',
  middleware: [reviewers] as const,
  request: { params: requestIdParam },
  responses: { 200: jsonResponse(requestPair, 'The two applications and their differences.'), ...errorResponses(401, 404, 422, 503) },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/{id}/pair',
  operationId: 'staffResolvePair',
  tags: ['staff'],
  summary: summary('developers.op.staffResolvePair'),
  description:
    'Keep one (the other is closed; its reference then answers as the one kept), merge (the first keeps its reference and takes the details in `take` from the repeat, which is closed as merged), or reject one with a `reason`. Audited. Until then the repeat cannot be accepted. Needs `X-CSRF-Token`.',
  middleware: [reviewers] as const,
  request: { params: requestIdParam, headers: csrfHeader, body: jsonBody(pairResolution) },
  responses: { 200: jsonResponse(pairResolved, 'Resolved: the state of both requests.'), ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409, 503) },
});

/** /api/admin/requests/{id}/pair: a repeated application and the earlier one, side by side, and their resolution. */
export const pairsApi = new OpenAPIHono<StaffEnv>()
  .openapi(pairRoute, async (c) => c.json(await openPair(c.env, c.get('staff').user, c.req.valid('param').id, clock(c.env)), 200), validationHook(pairRoute))
  .openapi(
    resolveRoute,
    async (c) => c.json(await resolvePair(c.env, c.get('staff').user, c.req.valid('param').id, c.req.valid('json'), clock(c.env)), 200),
    validationHook(resolveRoute),
  );
