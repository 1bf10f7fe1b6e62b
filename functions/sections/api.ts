import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { clock } from '#functions/platform/clock';
import { BODY_ERRORS, errorResponses, jsonBody, jsonResponse, summary, validationHook } from '#functions/http/openapi';
import { isEditable, staffCampaign } from '#functions/staff/campaign';
import { staffOnly, type StaffEnv } from '#functions/staff/guard';
import { csrfHeader, electionQuery } from '#functions/staff/schemas';
import { handOver, locateStop, setOrder, updateSection } from './changes';
import { allPoliceLists, listSections, routeFile, sectionRoute, type RouteFormat } from './lists';
import {
  handedOver,
  locationRequest,
  located,
  ordered,
  orderRequest,
  registered,
  registerRequest,
  removed,
  sectionIdParam,
  sectionList,
  sectionRoute as routeSchema,
  sectionSummary,
  sectionUpdate,
  stopIdParam,
  constituencyRequest,
  districtParam,
} from './schemas';
import { registerStops, removeStop } from './stops';
import { setConstituency } from './constituencies';

const readers = staffOnly('district', 'city', 'police');
/** The districts (and the city for them) register voters, check the addresses and hand the list over. */
const editors = staffOnly('district', 'city');
/** The police prepare the route of each section handed over to them (seed 004, line 137). */
const police = staffOnly('police');
const tags = ['sections'];
const CHANGE_ERRORS = [...BODY_ERRORS, 401, 403, 404, 409, 503] as const;

const listRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'sections',
  tags,
  summary: summary('developers.op.sections'),
  description:
    'The mobile polling stations of one election in the account’s area (`election`, else the current one), seeded from the election data, in the caller’s reach, with stop counts and hand-over state (`overdue` from the day after the hand-over deadline), and the constituency (МИР) of the districts without a station (the city: all; a district: its own).',
  middleware: [readers] as const,
  request: { query: electionQuery },
  responses: { 200: jsonResponse(sectionList, 'The sections.'), ...errorResponses(401, 422, 503) },
});

const routeRoute = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'sectionRoute',
  tags,
  summary: summary('developers.op.sectionRoute'),
  description:
    'The route in visiting order (audited). District and city staff get the details for the mobile commission; the police get where to go only, and only once the district has handed the list over.',
  middleware: [readers] as const,
  request: { params: sectionIdParam },
  responses: { 200: jsonResponse(routeSchema, 'The route.'), ...errorResponses(401, 404, 422, 503) },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'sectionUpdate',
  tags,
  summary: summary('developers.op.sectionUpdate'),
  description: 'City only: the number the commission gave, the base address, its coordinates. Needs `X-CSRF-Token`.',
  middleware: [staffOnly('city')] as const,
  request: { params: sectionIdParam, headers: csrfHeader, body: jsonBody(sectionUpdate) },
  responses: {
    200: jsonResponse(sectionSummary.pick({ id: true, number: true, baseAddress: true, lat: true, lon: true }), 'Updated.'),
    ...errorResponses(...CHANGE_ERRORS),
  },
});

const registerRoute = createRoute({
  method: 'post',
  path: '/{id}/stops',
  operationId: 'sectionRegister',
  tags,
  summary: summary('developers.op.sectionRegister'),
  description:
    'District and city. Accepted requests only; one stop per voter (both ballots on one stop); a voter on at most one route. A district without its own section registers on a section of its МИР until the transfer deadline, once its МИР is known (`constituency_unknown` before the city sets it). The requests become `assigned`. Needs `X-CSRF-Token`.',
  middleware: [editors] as const,
  request: { params: sectionIdParam, headers: csrfHeader, body: jsonBody(registerRequest) },
  responses: { 200: jsonResponse(registered, 'Registered (requests already on this route are left as they are).'), ...errorResponses(...CHANGE_ERRORS) },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/{id}/stops/{stopId}',
  operationId: 'sectionRemoveStop',
  tags,
  summary: summary('developers.op.sectionRemoveStop'),
  description: 'The stop’s requests go back to `accepted`. Needs `X-CSRF-Token`.',
  middleware: [editors] as const,
  request: { params: stopIdParam, headers: csrfHeader },
  responses: { 200: jsonResponse(removed, 'Removed.'), ...errorResponses(401, 403, 404, 422, 503) },
});

const locateRoute = createRoute({
  method: 'put',
  path: '/{id}/stops/{stopId}/location',
  operationId: 'sectionLocateStop',
  tags,
  summary: summary('developers.op.sectionLocateStop'),
  description:
    'Police only, once the list is handed over (`not_handed_over` before), until the end of voting day: a stop’s coordinates (sealed at rest), for the route order and the map files; `null` clears them. Needs `X-CSRF-Token`.',
  middleware: [police] as const,
  request: { params: stopIdParam, headers: csrfHeader, body: jsonBody(locationRequest) },
  responses: { 200: jsonResponse(located, 'Saved.'), ...errorResponses(...CHANGE_ERRORS) },
});

const orderRoute = createRoute({
  method: 'put',
  path: '/{id}/order',
  operationId: 'sectionOrder',
  tags,
  summary: summary('developers.op.sectionOrder'),
  description:
    'Police only, once the list is handed over (`not_handed_over` before), until the end of voting day. `{"stopIds":[…]}` sets the order by hand and keeps it; `{"automatic":true}` hands it back to the suggested route (nearest neighbour and 2-opt where the base and every stop have coordinates, else by street and number). The districts and the city read the order. Needs `X-CSRF-Token`.',
  middleware: [police] as const,
  request: { params: sectionIdParam, headers: csrfHeader, body: jsonBody(orderRequest) },
  responses: { 200: jsonResponse(ordered, 'Ordered.'), ...errorResponses(...CHANGE_ERRORS) },
});

const handoverRoute = createRoute({
  method: 'post',
  path: '/{id}/handover',
  operationId: 'sectionHandover',
  tags,
  summary: summary('developers.op.sectionHandover'),
  description:
    'District and city: records that the list was handed over to the police (time and user); from then the police see its stops and prepare its route. Later changes by the district flag the list until it is handed over again. Needs `X-CSRF-Token`.',
  middleware: [editors] as const,
  request: {
    params: sectionIdParam,
    headers: csrfHeader,
    body: jsonBody(z.object({}).strict().meta({ id: 'Handover', description: 'An empty object: like every POST, it is sent as JSON.' })),
  },
  responses: { 200: jsonResponse(handedOver, 'Recorded.'), ...errorResponses(...CHANGE_ERRORS) },
});

const fileRoute = (format: RouteFormat, contentType: string, operationId: string, key: Parameters<typeof summary>[0], description: string) =>
  createRoute({
    method: 'get',
    path: `/{id}/route.${format}`,
    operationId,
    tags,
    summary: summary(key),
    description,
    middleware: [readers] as const,
    request: { params: sectionIdParam },
    responses: {
      200: { description: 'The file (an attachment).', content: { [contentType]: { schema: z.string() } } },
      ...errorResponses(401, 404, 409, 422, 503),
    },
  });

const csvRoute = fileRoute(
  'csv',
  'text/csv',
  'sectionRouteCsv',
  'developers.op.sectionRouteCsv',
  'In Bulgarian, for the mobile commission and the police: UTF-8 with BOM, one row per stop in order. The police get order, address, district and section; district and city staff the full list. Never a personal number; cells are neutralised against formula injection. Audited.',
);
const xlsxRoute = fileRoute(
  'xlsx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'sectionRouteXlsx',
  'developers.op.sectionRouteXlsx',
  'The same list as the CSV, by reader, as an Excel workbook (one sheet, headings frozen): every cell is text, so nothing in it is a formula, whatever the regional settings. Audited.',
);
const geoJsonRoute = fileRoute(
  'geojson',
  'application/geo+json',
  'sectionRouteGeoJson',
  'developers.op.sectionRouteGeoJson',
  'The base and the stops with coordinates (numbered as on the list) and the line through them; `X-Stops-Without-Coordinates` counts the rest. Audited.',
);
const gpxRoute = fileRoute(
  'gpx',
  'application/gpx+xml',
  'sectionRouteGpx',
  'developers.op.sectionRouteGpx',
  'GPX 1.1 with one route: base, stops with coordinates, base. Audited.',
);

type FileRoute = typeof csvRoute;

/** /api/admin/sections: an area's mobile polling stations (sections), the route registrations and the route lists. */
export const sectionsApi = new OpenAPIHono<StaffEnv>()
  .openapi(
    listRoute,
    async (c) => {
      const user = c.get('staff').user;
      const now = clock(c.env);
      const campaign = staffCampaign(user, c.req.valid('query').election, now);
      return c.json({ election: campaign.election.id, editable: isEditable(campaign, now), ...(await listSections(c.env, user, campaign, now)) }, 200);
    },
    validationHook(listRoute),
  )
  .openapi(
    routeRoute,
    async (c) => {
      const { campaign: _campaign, ...route } = await sectionRoute(c.env, c.get('staff').user, c.req.valid('param').id, clock(c.env));
      return c.json(route, 200);
    },
    validationHook(routeRoute),
  )
  .openapi(
    updateRoute,
    async (c) => {
      const next = await updateSection(c.env, c.get('staff').user, c.req.valid('param').id, c.req.valid('json'), clock(c.env));
      return c.json({ id: next.id, number: next.number, baseAddress: next.baseAddress, lat: next.lat, lon: next.lon }, 200);
    },
    validationHook(updateRoute),
  )
  .openapi(
    registerRoute,
    async (c) => c.json(await registerStops(c.env, c.get('staff').user, c.req.valid('param').id, c.req.valid('json').requestIds, clock(c.env)), 200),
    validationHook(registerRoute),
  )
  .openapi(
    removeRoute,
    async (c) => c.json(await removeStop(c.env, c.get('staff').user, c.req.valid('param').id, c.req.valid('param').stopId, clock(c.env)), 200),
    validationHook(removeRoute),
  )
  .openapi(
    locateRoute,
    async (c) =>
      c.json(
        await locateStop(c.env, c.get('staff').user, c.req.valid('param').id, c.req.valid('param').stopId, c.req.valid('json').location, clock(c.env)),
        200,
      ),
    validationHook(locateRoute),
  )
  .openapi(
    orderRoute,
    async (c) => {
      const body = c.req.valid('json');
      return c.json(
        await setOrder(c.env, c.get('staff').user, c.req.valid('param').id, body.stopIds ? { stopIds: body.stopIds } : { automatic: true }, clock(c.env)),
        200,
      );
    },
    validationHook(orderRoute),
  )
  .openapi(
    handoverRoute,
    async (c) => c.json(await handOver(c.env, c.get('staff').user, c.req.valid('param').id, clock(c.env)), 200),
    validationHook(handoverRoute),
  );

for (const [route, format] of [
  [csvRoute, 'csv'],
  [xlsxRoute, 'xlsx'],
  [geoJsonRoute, 'geojson'],
  [gpxRoute, 'gpx'],
] as [FileRoute, RouteFormat][]) {
  sectionsApi.openapi(
    route,
    async (c) => {
      const file = await routeFile(c.env, c.get('staff').user, c.req.valid('param').id, format, clock(c.env));
      c.header('Content-Disposition', `attachment; filename="${file.fileName}"`);
      c.header('X-Stops-Without-Coordinates', String(file.skipped));
      return c.body(typeof file.body === 'string' ? file.body : file.body.slice().buffer, 200, { 'Content-Type': file.contentType });
    },
    validationHook(route),
  );
}

const zipRoute = createRoute({
  method: 'get',
  path: '/',
  operationId: 'routesZip',
  tags,
  summary: summary('developers.op.routesZip'),
  description:
    'Every section’s police list (order, address, district, section) as CSV files in one zip: for the police, the sections handed over to them. Police and city. Audited.',
  middleware: [staffOnly('police', 'city')] as const,
  request: { query: electionQuery },
  responses: {
    200: { description: 'The zip (an attachment).', content: { 'application/zip': { schema: z.string().meta({ format: 'binary' }) } } },
    ...errorResponses(401, 404, 422, 503),
  },
});

/** /api/admin/routes.zip */
export const routesZipApi = new OpenAPIHono<StaffEnv>().openapi(
  zipRoute,
  async (c) => {
    const user = c.get('staff').user;
    const now = clock(c.env);
    const zip = await allPoliceLists(c.env, user, staffCampaign(user, c.req.valid('query').election, now), now);
    c.header('Content-Disposition', 'attachment; filename="routes-police.zip"');
    return c.body(zip.slice().buffer, 200, { 'Content-Type': 'application/zip' });
  },
  validationHook(zipRoute),
);

const constituencyRoute = createRoute({
  method: 'put',
  path: '/{district}',
  operationId: 'districtConstituency',
  tags,
  summary: summary('developers.op.districtConstituency'),
  description:
    'City only: the constituency (МИР) of a district without a mobile polling station of its own, for one election (`election`, else the current one), one of the МИР its stations serve. Until it is set, that district’s applicants cannot be registered on any station (`constituency_unknown`); nothing is guessed. A МИР the area’s data gives, or one whose voters are already on a route, cannot be changed (`constituency_fixed`). Audited. Needs `X-CSRF-Token`.',
  middleware: [staffOnly('city')] as const,
  request: { params: districtParam, query: electionQuery, headers: csrfHeader, body: jsonBody(constituencyRequest) },
  responses: {
    200: jsonResponse(z.object({ district: z.string(), constituency: z.string() }), 'Set.'),
    ...errorResponses(...CHANGE_ERRORS),
  },
});

/** /api/admin/constituencies: the МИР of the districts without a station, set by the city. */
export const constituenciesApi = new OpenAPIHono<StaffEnv>().openapi(
  constituencyRoute,
  async (c) => {
    const user = c.get('staff').user;
    const now = clock(c.env);
    const campaign = staffCampaign(user, c.req.valid('query').election, now);
    return c.json(await setConstituency(c.env, user, campaign, c.req.valid('param').district, c.req.valid('json').constituency, now), 200);
  },
  validationHook(constituencyRoute),
);
