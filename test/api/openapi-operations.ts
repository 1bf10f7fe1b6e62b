import { errorBody } from '#functions/http/http-errors';
import { SECURITY_HEADERS } from '#functions/http/security-headers';
import { api } from './helpers';

/**
 * The operations of the OpenAPI document the app serves (GET /api/openapi.json), for the suites
 * that are generated from it (test/api/security/route-table.test.ts, test/api/fuzz/): nothing
 * here lists a route by hand.
 */

/** The part of JSON Schema (OpenAPI 3.1) that our document uses. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  example?: unknown;
  examples?: unknown[];
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

interface DocumentOperation {
  operationId: string;
  tags?: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses: Record<string, { headers?: Record<string, { schema: JsonSchema }>; content?: Record<string, unknown> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
  components: { schemas: Record<string, JsonSchema> };
}

export interface Operation {
  /** Upper case, as on the wire. */
  method: string;
  /** The OpenAPI path template, e.g. `/api/admin/sections/{id}`. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: JsonSchema;
  /** The form body's schema (`application/x-www-form-urlencoded`), when the operation takes a form instead: a gateway's webhook. */
  form?: JsonSchema;
  responses: DocumentOperation['responses'];
}

export const FORM_TYPE = 'application/x-www-form-urlencoded';

/** The document exactly as the app serves it. */
export async function servedDocument(): Promise<OpenApiDocument> {
  const response = await api('/api/openapi.json');
  if (response.status !== 200) throw new Error(`GET /api/openapi.json: ${response.status}`);
  return (await response.json()) as OpenApiDocument;
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      operationId: operation.operationId,
      parameters: operation.parameters ?? [],
      ...(operation.requestBody?.content['application/json'] ? { body: operation.requestBody.content['application/json'].schema } : {}),
      ...(operation.requestBody?.content[FORM_TYPE] ? { form: operation.requestBody.content[FORM_TYPE].schema } : {}),
      responses: operation.responses,
    })),
  );
}

/** Follows `$ref`s into `components.schemas`. */
export function resolve(document: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 20; depth++) current = document.components.schemas[current.$ref.replace('#/components/schemas/', '')]!;
  return current;
}

/** The operation's success status (the lowest 2xx it declares). */
export function successStatus(operation: Operation): number {
  return Math.min(
    ...Object.keys(operation.responses)
      .map(Number)
      .filter((status) => status >= 200 && status < 300),
  );
}

/** The `Cache-Control` the document promises on the success answer, if it promises one. */
export function declaredCacheControl(operation: Operation): string | undefined {
  const header = operation.responses[String(successStatus(operation))]?.headers?.['Cache-Control']?.schema;
  return typeof header?.const === 'string' ? header.const : typeof header?.enum?.[0] === 'string' ? header.enum[0] : undefined;
}

/** A path template with its parameters filled in (each URL-encoded). */
export function fillPath(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for {${name}} in ${template}`);
    // Lone surrogates (a fuzz case) become U+FFFD, as a browser would send them.
    return [...new TextEncoder().encode(String(values[name]))]
      .map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
      .join('');
  });
}

/** The routes a Hono app answers, in OpenAPI form (`get /api/stations/{id}`). */
export function routesOf(routes: readonly { method: string; path: string }[]): string[] {
  return [
    ...new Set(routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`)),
  ].sort();
}

/** What is wrong with an answer's security headers (empty when every one is there). */
export function missingSecurityHeaders(response: Response): string[] {
  return Object.entries(SECURITY_HEADERS)
    .filter(([name, value]) => response.headers.get(name) !== value)
    .map(([name]) => name);
}

/** What is wrong with an error answer (undefined when it is a JSON error in the envelope). */
export function envelopeProblem(response: Response, text: string): string | undefined {
  if (!(response.headers.get('content-type') ?? '').startsWith('application/json')) return `content-type ${response.headers.get('content-type')}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'not JSON';
  }
  const parsed = errorBody.strict().safeParse(body);
  return parsed.success ? undefined : `not the envelope: ${text.slice(0, 200)}`;
}
