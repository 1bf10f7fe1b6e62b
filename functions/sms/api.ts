import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { Forbidden } from '#core/errors';
import type { AppEnv } from '#functions/env';
import { errorBody } from '#functions/http/http-errors';
import { errorResponses, featureApi, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { RATE_LIMITS } from '#functions/http/rate-limit';
import { recordOutcome } from '#functions/lookup/outcomes';
import { clock } from '#functions/platform/clock';
import { smsAuthToken } from './auth-token';
import type { SmsGateway } from './gateway';
import { answerMessage } from './inbound';
import { twilio } from './twilio';

/** The gateway this Worker answers; another one is a file like `twilio.ts`, named here. */
const gateway = twilio;

export const SMS_INBOUND_PATH = '/api/sms/inbound';
/** The paths whose POST body is a form, not JSON (functions/http/api-middleware.ts `bodyTypes`). */
export const SMS_FORM_PATHS: ReadonlySet<string> = new Set([SMS_INBOUND_PATH]);

/**
 * Before anything is validated or looked up: the token must be usable (else 503 `misconfigured`)
 * and the gateway's signature must match the URL and every posted field (else 403 `forbidden`).
 * The body is read once; the form validator reads it again from Hono's cache.
 */
const signedByGateway =
  (from: SmsGateway): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    const token = smsAuthToken(c.env);
    // Read as bytes: workerd warns when a form body is read with text().
    const fields = new URLSearchParams(new TextDecoder().decode(await c.req.arrayBuffer()));
    if (!(await from.verify({ url: c.req.url, fields, signature: c.req.header(from.signatureHeader) }, token))) throw new Forbidden();
    await next();
  };

const inboundRoute = createRoute({
  method: 'post',
  path: '/inbound',
  operationId: 'smsInbound',
  tags: ['sms'],
  summary: summary('developers.op.smsInbound'),
  description: [
    `The webhook an SMS gateway (${gateway.name}) calls for each text message to the service's number; the reply travels back in the same answer, so nothing is sent or stored besides.`,
    'The text may hold a personal number (ЕГН/ЛНЧ, ПИН, ИИН) with spaces, dashes, full-width digits or words around it; its country is told by its length and checks, as on the web.',
    'The reply is worded in the language of the message, else the country’s first language (and Russian in Kyrgyzstan and Kazakhstan), and stays within 2 SMS segments: the station’s number and address (and settlement), or "not found" with the official channels, what to send, or "try again later".',
    `A missing or wrong signature is 403 before anything is looked up. Limited per sender (${RATE_LIMITS.SMS.limit} a minute, counted under an HMAC of the phone number) and for every sender together (${RATE_LIMITS.SMS_GLOBAL.limit} a minute); over a limit the reply says to try again later. The phone number and the text are never stored or logged.`,
  ].join(' '),
  middleware: [signedByGateway(gateway)] as const,
  request: {
    headers: z.object({
      [gateway.signatureHeader]: z.string().max(512).meta({ description: 'The gateway’s signature of the URL and every posted field under SMS_AUTH_TOKEN.' }),
    }),
    body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: gateway.form } } },
  },
  responses: {
    200: {
      description: 'The reply, for the gateway to send to the sender: found, not found, mistyped, what to send, or limited.',
      headers: z.object({ 'Cache-Control': z.literal('no-store') }),
      content: { [gateway.reply.contentType.split(';')[0]!]: { schema: gateway.reply.schema } },
    },
    ...errorResponses(413),
    422: jsonResponse(errorBody, 'A signed form that is not an inbound message (`validation`, every field named).'),
    503: jsonResponse(
      errorBody,
      '`SMS_AUTH_TOKEN` (or `LOOKUP_KEY`) is missing or unusable outside local development (`misconfigured`): nothing is looked up.',
    ),
    403: jsonResponse(errorBody, 'The signature header is missing or does not match (`forbidden`): nothing is looked up.'),
    415: jsonResponse(errorBody, 'The body is not `application/x-www-form-urlencoded` (`unsupported_media_type`).'),
  },
});

/** POST /api/sms/inbound: a text message in, the reply out (docs/sms.md). */
export const smsApi = featureApi().openapi(
  inboundRoute,
  async (c) => {
    const now = clock(c.env);
    const answer = await answerMessage(c.env, gateway.message(c.req.valid('form')), now);
    const flush = recordOutcome(c.env, answer.outcome, now, 'sms');
    try {
      c.executionCtx.waitUntil(flush);
    } catch {
      await flush; // no execution context (app.request in tests)
    }
    c.header('Cache-Control', 'no-store');
    return c.body(gateway.reply.body(answer.text), 200, { 'Content-Type': gateway.reply.contentType });
  },
  validationHook(inboundRoute),
);
