import { createRoute } from '@hono/zod-openapi';
import { stationIdParam } from '#functions/lookup/schemas';
import { BODY_ERRORS, errorResponses, featureApi, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { rateLimit } from '#functions/http/rate-limit';
import { clock } from '#functions/platform/clock';
import { reportProblem } from './reports';
import { reportCreated, reportRequest } from './schemas';

const createReportRoute = createRoute({
  method: 'post',
  path: '/{id}/reports',
  operationId: 'createReport',
  tags: ['reports'],
  summary: summary('developers.op.createReport'),
  description: 'At most 5 a minute per client, counted before the body is read. The report is deleted after 90 days.',
  middleware: [rateLimit('REPORT')] as const,
  request: { params: stationIdParam, body: jsonBody(reportRequest) },
  responses: { 201: jsonResponse(reportCreated, 'The report is stored.'), ...errorResponses(...BODY_ERRORS, 404, 429) },
});

/** POST /api/stations/{id}/reports: "report a problem with this answer". */
export const reportsApi = featureApi().openapi(
  createReportRoute,
  async (c) => {
    const report = await reportProblem(c.env, c.req.valid('param').id, c.req.valid('json'), c.get('locale'), clock(c.env));
    c.header('Cache-Control', 'no-store');
    return c.json({ report }, 201);
  },
  validationHook(createReportRoute),
);
