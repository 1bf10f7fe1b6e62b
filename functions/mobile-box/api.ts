import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { LOCALES } from '#core/i18n';
import { clock } from '#functions/platform/clock';
import { BODY_ERRORS, errorResponses, featureApi, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { rateLimit } from '#functions/http/rate-limit';
import { namedCampaign } from './campaign';
import { challenge } from '#functions/http/challenge-middleware';
import { districtsOf } from './districts';
import { hasMobileCommission, settlementsOf } from './settlements';
import { requestStatus, submitOnce } from './requests';
import { createdRequests, mobileBoxRequest, requestStatus as statusSchema, statusRequest } from './schemas';

const noStore = { headers: z.object({ 'Cache-Control': z.literal('no-store') }) };

const submitRoute = createRoute({
  method: 'post',
  path: '/',
  operationId: 'createMobileBoxRequests',
  tags: ['mobile-box'],
  summary: summary('developers.op.createMobileBoxRequests'),
  description:
    'One request per ballot, each with its own reference. The answer is the same whether or not the person already applied for that ballot: a repeated application is stored and linked to the earlier one for staff, and nobody learns from the answer that an application exists. Send an `Idempotency-Key` header to make retries safe: a retry gets the first answer with the same status. At most 10 a minute per client (30 per IPv6 /48), counted before the body is read, and a global ceiling. With Turnstile on, `turnstileToken` for the action `mobile_box` (403 `challenge_failed` without it).',
  middleware: [rateLimit('MOBILE_BOX'), challenge('mobile_box')] as const,
  request: {
    headers: z.object({ 'idempotency-key': z.string().max(200).optional().meta({ description: 'Any unique string per submission (e.g. a UUID).' }) }),
    body: jsonBody(mobileBoxRequest),
  },
  responses: {
    201: { ...jsonResponse(createdRequests, 'The requests are received.'), ...noStore },
    ...errorResponses(...BODY_ERRORS, 403, 429, 503),
  },
});

const statusRoute = createRoute({
  method: 'post',
  path: '/status',
  operationId: 'mobileBoxRequestStatus',
  tags: ['mobile-box'],
  summary: summary('developers.op.mobileBoxRequestStatus'),
  description:
    'A wrong pair and an unknown reference get the same 404 (same body, same work). Rate-limited like the lookup, and counted with it. With Turnstile on, `turnstileToken` for the action `mobile_box_status`.',
  middleware: [rateLimit('LOOKUP'), challenge('mobile_box_status')] as const,
  request: { body: jsonBody(statusRequest) },
  responses: { 200: { ...jsonResponse(statusSchema, 'The request’s status.'), ...noStore }, ...errorResponses(...BODY_ERRORS, 403, 404, 429, 503) },
});

const districtsRoute = createRoute({
  method: 'get',
  path: '/districts',
  operationId: 'mobileBoxDistricts',
  tags: ['mobile-box'],
  summary: summary('developers.op.mobileBoxDistricts'),
  request: {
    query: z.object({
      election: z.string().max(60).meta({ description: 'An election id that takes mobile-box applications.' }),
      area: z
        .string()
        .max(60)
        .optional()
        .meta({ description: 'The area (municipality) id; needed only when the election takes applications in more than one.' }),
      lang: z.enum(LOCALES).optional(),
    }),
  },
  responses: {
    200: jsonResponse(
      z.object({
        districts: z.array(z.object({ id: z.string(), name: z.string(), mobileSection: z.boolean() })),
        settlements: z
          .array(
            z.object({
              id: z.string(),
              name: z.string(),
              districts: z.array(z.string()).optional().meta({ description: 'The districts it lies in, where the data knows them.' }),
              mobileCommission: z.boolean().meta({ description: 'A mobile commission is appointed there today: late applications are taken from it.' }),
            }),
          )
          .meta({ description: 'The settlements of the area, the main one (the default) first.' }),
        ballots: z.array(z.object({ id: z.string(), name: z.string(), form: z.string() })),
      }),
      'The districts of the area (and which have a mobile section), its settlements (and which have a mobile commission), and the ballots one may apply for.',
    ),
    ...errorResponses(422),
  },
});

/** POST /api/mobile-box-requests, its status, and the districts the form offers. */
export const mobileBoxApi = featureApi()
  .openapi(
    submitRoute,
    async (c) => {
      const answer = await submitOnce(c.env, c.req.valid('json'), clock(c.env), c.req.valid('header')['idempotency-key'], c.get('locale'));
      c.header('Cache-Control', 'no-store');
      return c.json(answer.body, 201);
    },
    validationHook(submitRoute),
  )
  .openapi(
    statusRoute,
    async (c) => {
      const status = await requestStatus(c.env, c.req.valid('json'));
      c.header('Cache-Control', 'no-store');
      return c.json(status, 200);
    },
    validationHook(statusRoute),
  )
  .openapi(
    districtsRoute,
    (c) => {
      const query = c.req.valid('query');
      const campaign = namedCampaign(query.election, query.area);
      const locale = c.get('locale');
      const now = clock(c.env);
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(
        {
          districts: districtsOf(campaign).map((d) => ({ id: d.id, name: d.name[locale], mobileSection: d.mobileSection })),
          settlements: settlementsOf(campaign).map((s) => ({
            id: s.id,
            name: s.name[locale],
            ...(s.districts ? { districts: s.districts } : {}),
            mobileCommission: hasMobileCommission(campaign, s.id, now),
          })),
          ballots: campaign.config.ballots.map((ballot) => ({ id: ballot.id, name: ballot.name[locale], form: ballot.form })),
        },
        200,
      );
    },
    validationHook(districtsRoute),
  );
