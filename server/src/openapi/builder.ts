/**
 * Small helpers for OpenAPI 3.1, with schemas generated from the shared zod/mini schemas
 * (`z.toJSONSchema`): routes' operations are derived from their endpoints (`operation.ts`);
 * a mount of a standard with its own formats writes its paths with these.
 *
 * @module
 */
import { z } from 'zod/mini';

/** A JSON Schema / OpenAPI object, loosely typed. */
export type JsonObject = Record<string, unknown>;

/** A component schema made from a zod schema, as a request (`input`) or response (`output`) shape. */
export interface SchemaSource {
  schema: z.core.$ZodType;
  io: 'input' | 'output';
  /** Short description shown in the docs. */
  description?: string;
  /** Adjusts the generated JSON Schema (e.g. a field normalized before it is checked). */
  patch?: (schema: JsonObject) => void;
}

/** Paths written out by hand (a mount's, e.g. Open311 with XML), and their shapes. */
export interface OpenApiPart {
  tags?: { name: string; description: string }[];
  schemas?: Record<string, SchemaSource>;
  paths: Record<string, JsonObject>;
}

/** A JSON Schema from a zod schema, without the `$schema` line (OpenAPI 3.1 dialect). */
export function toJsonSchema(source: SchemaSource): JsonObject {
  const schema = z.toJSONSchema(source.schema, { io: source.io, unrepresentable: 'any' }) as JsonObject;
  delete schema.$schema;
  if (source.description) schema.description = source.description;
  source.patch?.(schema);
  return schema;
}

/** `security` of a route anyone may call: no sign-in. */
export const publicAccess: JsonObject[] = [];

/** `security` of a staff route: a bearer token from `POST /api/v1/auth/login`, or the console's cookie. */
export const staffAccess: JsonObject[] = [{ staffBearer: [] }, { consoleCookie: [] }];

/** `{ $ref: '#/components/schemas/<name>' }`. */
export function ref(name: string): JsonObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** A problem+json error response. */
export function problemResponse(description: string, headers?: JsonObject): JsonObject {
  return {
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/problem+json': { schema: ref('Problem') } },
  };
}

/** Optional query parameters, one per property of a zod object schema. */
export function queryParams(schema: z.core.$ZodType, descriptions: Record<string, string> = {}): JsonObject[] {
  const json = toJsonSchema({ schema, io: 'input' });
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    ...(descriptions[name] ? { description: descriptions[name] } : {}),
    schema: property,
  }));
}

/** The `Idempotency-Key` request header. */
export const idempotencyKeyHeader: JsonObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'A unique key per logical request (1–255 characters). Sending the same request again with the same key answers the first response again with `Idempotent-Replayed: true` instead of writing twice.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

/** Response headers used by several routes. */
export const headers = {
  retryAfter: { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } },
  location: { description: 'Where the created resource can be read.', schema: { type: 'string' } },
  etag: { description: 'A strong tag of these bytes: send it back in `If-None-Match` to get a 304 while they have not changed.', schema: { type: 'string' } },
  idempotentReplayed: {
    description: '`true` when this is the stored answer of an earlier request with the same Idempotency-Key.',
    schema: { type: 'string', enum: ['true'] },
  },
} satisfies Record<string, JsonObject>;
