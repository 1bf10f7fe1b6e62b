/**
 * The OpenAPI document as rows a page can render: each operation with its parameters, body
 * fields and responses. Pure data work on the document the API itself serves.
 */

import { isStaffPath } from '#functions/http/openapi-security';

interface SchemaObject {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  maxLength?: number;
  minLength?: number;
  minimum?: number;
  maximum?: number;
  description?: string;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  anyOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  default?: unknown;
}

interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: SchemaObject; description?: string }[];
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

export interface FieldRow {
  name: string;
  type: string;
  required: boolean;
  about: string;
}

export interface OperationView {
  id: string;
  method: string;
  path: string;
  description: string;
  parameters: FieldRow[];
  body: FieldRow[];
  responses: { status: string; description: string }[];
}

function resolve(document: OpenApiDocument, schema: SchemaObject | undefined): SchemaObject {
  if (!schema) return {};
  if (schema.$ref) return resolve(document, document.components?.schemas?.[schema.$ref.split('/').pop()!]);
  return schema;
}

/** A schema's type in a few words: `string ≤ 40`, `"BG" | "KG" | "KZ"`, `integer 1–20`, `Station[]`. */
export function typeOf(document: OpenApiDocument, raw: SchemaObject | undefined): string {
  if (raw?.$ref) return raw.$ref.split('/').pop()!;
  const schema = resolve(document, raw);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((v) => typeOf(document, v)).join(' | ');
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array') return `${typeOf(document, schema.items)}[]`;
  const limits = [
    schema.format,
    schema.minLength !== undefined && schema.minLength > 0 ? `≥ ${schema.minLength}` : undefined,
    schema.maxLength !== undefined ? `≤ ${schema.maxLength}` : undefined,
    schema.minimum !== undefined || schema.maximum !== undefined ? `${schema.minimum ?? '…'}–${schema.maximum ?? '…'}` : undefined,
  ].filter(Boolean);
  return limits.length > 0 ? `${type} (${limits.join(', ')})` : type;
}

function fields(document: OpenApiDocument, raw: SchemaObject | undefined): FieldRow[] {
  const schema = resolve(document, raw);
  return Object.entries(schema.properties ?? {}).map(([name, property]) => ({
    name,
    type: typeOf(document, property),
    required: schema.required?.includes(name) ?? false,
    about: resolve(document, property).description ?? property.description ?? '',
  }));
}

/** Every operation of the document, in the document's order. */
export function operations(document: OpenApiDocument): OperationView[] {
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      id: operation.operationId ?? `${method} ${path}`,
      method: method.toUpperCase(),
      path,
      description: operation.description ?? '',
      parameters: (operation.parameters ?? []).map((p) => ({
        name: `${p.name} (${p.in})`,
        type: typeOf(document, p.schema),
        required: p.required ?? false,
        about: p.description ?? resolve(document, p.schema).description ?? '',
      })),
      body: fields(document, operation.requestBody?.content?.['application/json']?.schema),
      responses: Object.entries(operation.responses ?? {}).map(([status, response]) => ({ status, description: response.description ?? '' })),
    })),
  );
}

/** The staff area's operations (`/api/admin/…`), which the reference lists on a page of their own. */
export const isStaffOperation = (op: Pick<OperationView, 'path'>): boolean => isStaffPath(op.path);
