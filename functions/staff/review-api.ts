import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { clock } from '../platform/clock';
import { BODY_ERRORS, errorResponses, jsonBody, jsonResponse, summary, validationHook } from '../platform/openapi';
import { staffOnly, type StaffEnv } from './guard';
import { decideRequest, listRequests, openRequest } from './review';
import { decisionRequest, requestDetails, requestIdParam, requestList, requestListQuery } from './schemas';

const reviewers = staffOnly('district', 'city');
const csrfHeader = z.object({ 'x-csrf-token': z.string().max(100).optional() });

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'staffRequests',
  tags: ['staff'],
  summary: summary('developers.op.staffRequests'),
  description: 'A district user sees their own district only; city sees all; police get 404. No personal data in the list.',
  middleware: [reviewers] as const,
  request: { query: requestListQuery },
  responses: { 200: jsonResponse(requestList, 'The requests, newest first, and counts by ballot and status.'), ...errorResponses(401, 404, 422, 503) },
});

const openRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'staffRequest',
  tags: ['staff'],
  summary: summary('developers.op.staffRequest'),
  description: 'Another district’s request answers 404, exactly like one that does not exist.',
  middleware: [reviewers] as const,
  request: { params: requestIdParam },
  responses: { 200: jsonResponse(requestDetails, 'The request with its personal data, for this answer only.'), ...errorResponses(401, 404, 422, 503) },
});

const decideRoute = createRoute({
  method: 'post',
  path: '/{id}/decision',
  operationId: 'staffDecision',
  tags: ['staff'],
  summary: summary('developers.op.staffDecision'),
  description: 'A rejection needs a `reason`, which the applicant reads on the status page. Needs `X-CSRF-Token`.',
  middleware: [reviewers] as const,
  request: { params: requestIdParam, headers: csrfHeader, body: jsonBody(decisionRequest) },
  responses: {
    200: jsonResponse(z.object({ id: z.number().int(), status: z.enum(['accepted', 'rejected']) }), 'Decided.'),
    ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409, 503),
  },
});

/** /api/admin/requests: the review of mobile-box requests. */
export const reviewApi = new OpenAPIHono<StaffEnv>()
  .openapi(listRoute, async (c) => c.json(await listRequests(c.env, c.get('staff').user, c.req.valid('query')), 200), validationHook(listRoute))
  .openapi(openRoute, async (c) => c.json(await openRequest(c.env, c.get('staff').user, c.req.valid('param').id, clock(c.env)), 200), validationHook(openRoute))
  .openapi(decideRoute, async (c) => c.json(await decideRequest(c.env, c.get('staff').user, c.req.valid('param').id, c.req.valid('json'), clock(c.env)), 200), validationHook(decideRoute));
