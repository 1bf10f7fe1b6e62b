import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { app, openApiDocument } from '#functions/app';
import { ERROR_CODES } from '#functions/http/http-errors';

const document = openApiDocument() as unknown as {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        requestBody?: { content?: Record<string, unknown> };
        responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
      }
    >
  >;
  components: { schemas: Record<string, { properties?: Record<string, { properties?: Record<string, { enum?: string[] }> }> }> };
};
/** Every route the Hono app answers, as OpenAPI path templates. */
const routes = app.routes.filter((r) => r.method !== 'ALL').map((r) => ({ method: r.method.toLowerCase(), path: r.path.replace(/:(\w+)/g, '{$1}') }));
const unique = [...new Map(routes.map((r) => [`${r.method} ${r.path}`, r])).values()];

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator does refuse a broken document (so the check above can fail).
    const broken = structuredClone(document) as { paths: Record<string, Record<string, { responses?: unknown }>> };
    broken.paths['/api/lookup']!.post!.responses = { 200: { content: {} } };
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('lists every route the app answers, and nothing else', () => {
    const documented = Object.entries(document.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(documented.sort()).toEqual(unique.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('gives every operation an id and its error responses in the shared envelope', () => {
    for (const { method, path } of unique) {
      const operation = document.paths[path]![method]!;
      expect(operation.operationId, `${method} ${path}`).toBeTruthy();
      const statuses = Object.keys(operation.responses);
      expect(statuses, `${method} ${path}`).toContain('500');
      // A JSON body can be malformed (400); a gateway's form cannot, and its signature is checked first (403).
      const form = operation.requestBody?.content?.['application/x-www-form-urlencoded'] !== undefined;
      if (method === 'post')
        for (const status of form ? ['403', '413', '415', '422'] : ['400', '413', '415', '422']) expect(statuses, `${method} ${path}`).toContain(status);
      // The limited actions say so: personal-number lookups and problem reports.
      if (['/api/lookup', '/api/stations/{id}/reports'].includes(path)) expect(statuses, path).toContain('429');
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        expect(operation.responses[status]!.content?.['application/json']?.schema?.$ref, `${method} ${path} ${status}`).toBe('#/components/schemas/Error');
      }
    }
  });

  it('publishes the error codes clients may branch on', () => {
    const codes = document.components.schemas.Error!.properties!.error!.properties!.code!.enum;
    expect(codes).toEqual([...ERROR_CODES]);
  });

  it('says `null` where a field takes it: the coordinates a stop or a section may clear (found by the API fuzz run)', () => {
    // A nullable named schema used to come out as `allOf: [$ref, {type: [object, null]}]`, which refuses null.
    const schemas = document.components.schemas as unknown as Record<string, { properties: Record<string, { type?: string[]; allOf?: unknown }> }>;
    for (const location of [schemas.SectionUpdate!.properties.location!, schemas.StopLocation!.properties.location!]) {
      expect(location.allOf).toBeUndefined();
      expect(location.type).toEqual(['object', 'null']);
    }
  });

  it('publishes the station as its own schema, not as the table row', () => {
    const station = document.components.schemas.Station as { properties: Record<string, unknown> };
    expect(Object.keys(station.properties).sort()).toEqual(
      [
        'address',
        'constituency',
        'country',
        'district',
        'electionId',
        'hours',
        'id',
        'lat',
        'lon',
        'mobile',
        'name',
        'number',
        'settlement',
        'stepFree',
        'timeZone',
      ].sort(),
    );
  });

  it('answers a personal number with a station that does not say whether it is a mobile section', () => {
    const personal = document.components.schemas.PersonalStation as { properties: Record<string, unknown> };
    expect(personal.properties).not.toHaveProperty('mobile');
    const ok = document.paths['/api/lookup']!.post!.responses['200']!.content!['application/json']!.schema as unknown as {
      properties: { station: { $ref: string } };
    };
    expect(ok.properties.station.$ref).toBe('#/components/schemas/PersonalStation');
  });
});
