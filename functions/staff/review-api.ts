import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import { clock } from '#functions/platform/clock';
import { BODY_ERRORS, errorResponses, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { staffOnly, type StaffEnv } from './guard';
import { decideRequest, enterPaperRequest, listRequests, openRequest } from './review';
import { campaignSummary } from './summary';
import { paperRequest } from '#functions/mobile-box/schemas';
import { paperEntered, requestWithPairs } from './pair-schemas';
import { isEditable, staffCampaign } from './campaign';
import { csrfHeader, decisionRequest, electionQuery, requestIdParam, requestList, requestListQuery } from './schemas';

const reviewers = staffOnly('district', 'city');

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'staffRequests',
  tags: ['staff'],
  summary: summary('developers.op.staffRequests'),
  description:
    'One election of the account’s area (`election`, else the current one). A district user sees their own district only; city sees the area; police get 404. No personal data in the list.',
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
  responses: {
    200: jsonResponse(requestWithPairs, 'The request with its personal data, for this answer only, and its place in a pair.'),
    ...errorResponses(401, 404, 422, 503),
  },
});

const decideRoute = createRoute({
  method: 'post',
  path: '/{id}/decision',
  operationId: 'staffDecision',
  tags: ['staff'],
  summary: summary('developers.op.staffDecision'),
  description:
    'A rejection needs a `reason`, which the applicant reads on the status page. A repeat whose pair is not resolved yet is refused (`repeat_unresolved`: resolve it through `/requests/{id}/pair`), and so is a request closed when its pair was resolved (`request_closed`). Needs `X-CSRF-Token`.',
  middleware: [reviewers] as const,
  request: { params: requestIdParam, headers: csrfHeader, body: jsonBody(decisionRequest) },
  responses: {
    200: jsonResponse(z.object({ id: z.number().int(), status: z.enum(['accepted', 'rejected']) }), 'Decided.'),
    ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409, 503),
  },
});

const enterRoute = createRoute({
  method: 'post',
  path: '/',
  operationId: 'staffPaperEntry',
  tags: ['staff'],
  summary: summary('developers.op.staffPaperEntry'),
  description:
    'The public application body plus `channel`, `receivedOn` (the date of receipt) and `incomingNumber`; the same checks and answers as `POST /api/mobile-box-requests`, with the rules applied as of the date of receipt, plus `repeats`: which new requests repeat an earlier application of the same person (stored and linked for staff to resolve, as online). It can be entered until the election’s route hand-over deadline (then `409 election_closed`); `afterHandover` says the district’s route list had already gone to the police. A district user enters applications for their own district only. Needs `X-CSRF-Token`.',
  middleware: [reviewers] as const,
  request: { headers: csrfHeader, body: jsonBody(paperRequest) },
  responses: {
    201: jsonResponse(paperEntered, 'Entered: one request per ballot.'),
    ...errorResponses(...BODY_ERRORS, 401, 403, 404, 409, 503),
  },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'staffSummary',
  tags: ['staff'],
  summary: summary('developers.op.staffSummary'),
  description:
    'Seed 004: at 10 applications that meet the requirements, the mayor of the municipality notifies the district election commission (РИК). `settlements` counts accepted applications per settlement and ballot (the city only: the threshold is the municipality’s); `reachedAt` is the date of receipt of the `notifyAt`-th (10th). `districts` gives, for information, the received and accepted ones per district and ballot (a district user: their own).',
  middleware: [reviewers] as const,
  request: { query: electionQuery },
  responses: {
    200: jsonResponse(
      z.object({
        election: z.string(),
        notifyAt: z.number().int(),
        settlements: z.array(
          z.object({
            settlement: z.string(),
            ballot: z.string(),
            accepted: z.number().int(),
            reachedAt: z.string().nullable().meta({ description: 'The date of receipt of the `notifyAt`-th accepted application; null below it.' }),
          }),
        ),
        districts: z.array(
          z.object({
            district: z.string(),
            ballot: z.string(),
            received: z.number().int().meta({ description: 'Not yet decided.' }),
            accepted: z.number().int(),
          }),
        ),
      }),
      'The summary in the caller’s reach.',
    ),
    ...errorResponses(401, 404, 422, 503),
  },
});

/** /api/admin/requests: the review of mobile-box requests. */
export const reviewApi = new OpenAPIHono<StaffEnv>()
  .openapi(
    enterRoute,
    async (c) => {
      const answer = await enterPaperRequest(c.env, c.get('staff').user, c.req.valid('json'), clock(c.env), c.get('locale'));
      return c.json(answer.body, 201);
    },
    validationHook(enterRoute),
  )
  .openapi(
    listRoute,
    async (c) => {
      const { election, ...filter } = c.req.valid('query');
      const user = c.get('staff').user;
      const now = clock(c.env);
      const campaign = staffCampaign(user, election, now);
      return c.json({ election: campaign.election.id, editable: isEditable(campaign, now), ...(await listRequests(c.env, user, campaign, filter)) }, 200);
    },
    validationHook(listRoute),
  )
  .openapi(openRoute, async (c) => c.json(await openRequest(c.env, c.get('staff').user, c.req.valid('param').id, clock(c.env)), 200), validationHook(openRoute))
  .openapi(
    decideRoute,
    async (c) => c.json(await decideRequest(c.env, c.get('staff').user, c.req.valid('param').id, c.req.valid('json'), clock(c.env)), 200),
    validationHook(decideRoute),
  );

/** /api/admin/summary: accepted applications per settlement and ballot with the threshold, and per district for information. */
export const summaryApi = new OpenAPIHono<StaffEnv>().openapi(
  summaryRoute,
  async (c) => {
    const user = c.get('staff').user;
    const campaign = staffCampaign(user, c.req.valid('query').election, clock(c.env));
    return c.json({ election: campaign.election.id, ...(await campaignSummary(c.env, user, campaign)) }, 200);
  },
  validationHook(summaryRoute),
);
