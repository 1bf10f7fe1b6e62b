import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { BODY_ERRORS, errorResponses, featureApi, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { challenge } from '#functions/http/challenge-middleware';
import { BOOKMARK_HEADER, readReplicas } from '#functions/platform/d1-sessions';
import { edgeCache, publicCacheControl } from '#functions/http/edge-cache';
import { rateLimit } from '#functions/http/rate-limit';
import { clock } from '#functions/platform/clock';
import { lookupByAddress, lookupByPersonalNumber, nearbyStations, stationDetails, suggestions } from './lookup';
import { addressQuery, lookupRequest, nearQuery, stationIdParam, suggestionQuery } from './schemas';
import { countLookupOutcome } from './outcome-middleware';
import { personalStation, publicStation } from './station-view';

const parity = z.enum(['all', 'odd', 'even']);
const addressAnswer = z
  .object({
    settlement: z.string(),
    street: z.string().optional(),
    number: z.string().optional(),
    matches: z.array(
      z.object({
        station: publicStation,
        ranges: z
          .array(z.object({ fromNumber: z.number().int(), toNumber: z.number().int(), parity }))
          .meta({ description: 'The house-number ranges of this street the station serves.' }),
      }),
    ),
  })
  .meta({ id: 'AddressAnswer' });

/** Declared on every answer read through a D1 session (functions/platform/d1-sessions.ts). */
const sessionBookmark = z
  .string()
  .optional()
  .meta({ description: 'The D1 session bookmark: send it back in the same header so the next answer reads data at least this new.' });

const lookupRoute = createRoute({
  method: 'post',
  path: '/',
  operationId: 'lookupByPersonalNumber',
  tags: ['lookup'],
  summary: summary('developers.op.lookupByPersonalNumber'),
  description:
    'Counts against the per-client limits (10 a minute per IPv4 address or IPv6 /64, 40 per IPv6 /48) and the global ceiling before the body is read. One D1 query, found or not. The answer never says whether the station is a mobile section.',
  middleware: [countLookupOutcome, rateLimit('LOOKUP'), challenge('lookup'), readReplicas] as const,
  request: { body: jsonBody(lookupRequest) },
  responses: {
    200: {
      ...jsonResponse(z.object({ station: personalStation }), 'The station the number is registered at.'),
      headers: z.object({ 'Cache-Control': z.literal('no-store'), [BOOKMARK_HEADER]: sessionBookmark }),
    },
    ...errorResponses(...BODY_ERRORS, 403, 404, 429, 503),
  },
});

/** POST /api/lookup: the station for a personal number (sent only in the body, never the URL). */
export const lookupApi = featureApi().openapi(
  lookupRoute,
  async (c) => {
    const station = await lookupByPersonalNumber(c.env, c.req.valid('json'), clock(c.env));
    c.header('Cache-Control', 'no-store');
    return c.json({ station }, 200);
  },
  validationHook(lookupRoute),
);

const noStore = { headers: z.object({ 'Cache-Control': z.literal('no-store'), [BOOKMARK_HEADER]: sessionBookmark }) };

const byAddressRoute = createRoute({
  method: 'post',
  path: '/search',
  operationId: 'stationsByAddress',
  tags: ['stations'],
  summary: summary('developers.op.stationsByAddress'),
  description: 'A POST, so the address never appears in a URL or a request log. Not stored. Rate limited per client.',
  middleware: [rateLimit('STATIONS'), readReplicas] as const,
  request: { body: jsonBody(addressQuery) },
  responses: {
    200: { ...jsonResponse(addressAnswer, 'Stations of the address, with the ranges they serve.'), ...noStore },
    ...errorResponses(...BODY_ERRORS, 429),
  },
});

const nearRoute = createRoute({
  method: 'post',
  path: '/near',
  operationId: 'stationsNear',
  tags: ['stations'],
  summary: summary('developers.op.stationsNear'),
  description: 'A POST, so the position never appears in a URL or a request log; it is rounded to about 100 m and not stored. Rate limited per client.',
  middleware: [rateLimit('STATIONS'), readReplicas] as const,
  request: { body: jsonBody(nearQuery) },
  responses: {
    200: {
      ...jsonResponse(
        z.object({ stations: z.array(z.object({ station: publicStation, distance: z.number().int().meta({ description: 'Metres.' }) })) }),
        'Nearest stations, nearest first.',
      ),
      ...noStore,
    },
    ...errorResponses(...BODY_ERRORS, 429),
  },
});

/** Public, not personal: the edge and browsers keep it for PUBLIC_CACHE_SECONDS (functions/http/edge-cache.ts). */
const publicCache = {
  headers: z.object({
    'Cache-Control': z.string().meta({ description: 'public, max-age=<PUBLIC_CACHE_SECONDS> (300 by default)', example: 'public, max-age=300' }),
    [BOOKMARK_HEADER]: sessionBookmark,
  }),
};
const cachedReads = () => [edgeCache, readReplicas];

const suggestionRoute = (kind: 'settlements' | 'streets') =>
  createRoute({
    method: 'get',
    path: `/${kind}`,
    operationId: kind === 'settlements' ? 'settlementSuggestions' : 'streetSuggestions',
    tags: ['stations'],
    summary: summary(kind === 'settlements' ? 'developers.op.settlementSuggestions' : 'developers.op.streetSuggestions'),
    middleware: cachedReads(),
    request: { query: suggestionQuery },
    responses: {
      200: {
        ...jsonResponse(
          kind === 'settlements' ? z.object({ settlements: z.array(z.string()) }) : z.object({ streets: z.array(z.string()) }),
          'Up to 10 names.',
        ),
        ...publicCache,
      },
      ...errorResponses(422),
    },
  });
const settlementsRoute = suggestionRoute('settlements');
const streetsRoute = suggestionRoute('streets');

const stationRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'station',
  tags: ['stations'],
  summary: summary('developers.op.station'),
  middleware: cachedReads(),
  request: { params: stationIdParam },
  responses: { 200: { ...jsonResponse(z.object({ station: publicStation }), 'The station.'), ...publicCache }, ...errorResponses(404, 422) },
});

/** Stations by address, by position and by id; suggestions for the address form. */
export const stationsApi = featureApi()
  .openapi(
    byAddressRoute,
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await lookupByAddress(c.env, c.req.valid('json'), clock(c.env)), 200);
    },
    validationHook(byAddressRoute),
  )
  .openapi(
    nearRoute,
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ stations: await nearbyStations(c.env, c.req.valid('json'), clock(c.env)) }, 200);
    },
    validationHook(nearRoute),
  )
  .openapi(
    settlementsRoute,
    async (c) => {
      c.header('Cache-Control', publicCacheControl(c.env));
      return c.json({ settlements: await suggestions(c.env, 'settlements', c.req.valid('query'), clock(c.env)) }, 200);
    },
    validationHook(settlementsRoute),
  )
  .openapi(
    streetsRoute,
    async (c) => {
      c.header('Cache-Control', publicCacheControl(c.env));
      return c.json({ streets: await suggestions(c.env, 'streets', c.req.valid('query'), clock(c.env)) }, 200);
    },
    validationHook(streetsRoute),
  )
  .openapi(
    stationRoute,
    async (c) => {
      const station = await stationDetails(c.env, c.req.valid('param').id);
      c.header('Cache-Control', publicCacheControl(c.env));
      return c.json({ station }, 200);
    },
    validationHook(stationRoute),
  );
