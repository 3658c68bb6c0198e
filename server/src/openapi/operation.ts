/**
 * The OpenAPI operation of a route, derived from its endpoint description (method, path,
 * params, query, body, response, access, idempotency, errors), the spine's work on it
 * (body limit, rate limit, tenancy) and the route's prose. Error statuses follow from what
 * the endpoint has: a body can be malformed, a staff route refuses a missing token, and so on.
 *
 * @module
 */
import { JSON_MEDIA_TYPE, needsSignIn, pathParameterNames, type Access } from '../../../src/schemas/index.js';
import type { z } from 'zod/mini';
import { bodyBytesOf } from '../http/mount.js';
import { formatBytes } from '../http/body.js';
import type { Route, ServerModule } from '../http/module.js';
import type { ProblemRegistry } from '../http/problem.js';
import {
  headers,
  idempotencyKeyHeader,
  problemResponse,
  publicAccess,
  queryParams,
  ref,
  staffAccess,
  toJsonSchema,
  type JsonObject,
} from './builder.js';

/** What the operation builder needs besides the route. */
export interface OperationContext {
  /** Component names of the schemas modules named, by schema. */
  names: ReadonlyMap<z.core.$ZodType, string>;
  problems: ProblemRegistry;
  /** The module's tag. */
  tag?: string;
}

/** What a `{opd}` path value is, on every route that has one. */
const OPD_DOCS = 'The agency (OPD) slug, e.g. `bpkad`.';

/** The operation object of `route`. */
export function operationOf(module: ServerModule, route: Route, context: OperationContext): JsonObject {
  const { endpoint } = route;
  const docs = route.docs ?? {};
  const parameters: JsonObject[] = [];
  if (endpoint.params) {
    const properties = (toJsonSchema({ schema: endpoint.params, io: 'input' }).properties ?? {}) as Record<string, JsonObject>;
    for (const name of pathParameterNames(endpoint.path)) {
      const doc = docs[name] ?? (name === 'opd' ? OPD_DOCS : undefined);
      const override = typeof doc === 'object' ? doc : undefined;
      parameters.push({
        name,
        in: 'path',
        required: true,
        ...(doc ? { description: override ? override.description : doc } : {}),
        schema: override?.schema ?? properties[name] ?? { type: 'string' },
      });
    }
  }
  if (endpoint.idempotent) parameters.push(idempotencyKeyHeader);
  if (endpoint.query) {
    const descriptions = Object.fromEntries(
      Object.entries(docs).map(([name, doc]) => [name, typeof doc === 'string' ? doc : doc.description]),
    );
    parameters.push(...queryParams(endpoint.query, descriptions));
  }

  const status = String(endpoint.status ?? 200);
  const responseHeaders: JsonObject = {};
  if (endpoint.status === 201) responseHeaders.Location = headers.location;
  if (endpoint.idempotent) responseHeaders['Idempotent-Replayed'] = headers.idempotentReplayed;
  if (route.conditional) responseHeaders.ETag = headers.etag;
  const success: JsonObject = {
    description: route.returns ?? 'OK',
    ...(Object.keys(responseHeaders).length > 0 ? { headers: responseHeaders } : {}),
    ...(endpoint.status === 204
      ? {}
      : { content: { [endpoint.produces ?? JSON_MEDIA_TYPE]: { schema: schemaRef(endpoint.response, 'output', context) } } }),
  };

  return {
    operationId: endpoint.id,
    ...(context.tag ? { tags: [context.tag] } : {}),
    summary: route.summary,
    ...(route.description || needsSignIn(endpoint.access)
      ? { description: [route.description, needsSignIn(endpoint.access) ? `**Who may call it:** ${ACCESS_NEEDED[endpoint.access]}` : ''].filter(Boolean).join('\n\n') }
      : {}),
    'x-access': endpoint.access,
    security: needsSignIn(endpoint.access) ? staffAccess : publicAccess,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(endpoint.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: schemaRef(endpoint.body, 'input', context) } } } }
      : {}),
    responses: {
      [status]: success,
      ...(route.conditional
        ? { '304': { description: 'Not modified: the `If-None-Match` tag (or the `If-Modified-Since` date, where the answer has a `Last-Modified`) is still current; no body.', headers: { ETag: headers.etag } } }
        : {}),
      ...problemResponses(module, route, context.problems),
    },
  };
}

function schemaRef(schema: z.core.$ZodType, io: 'input' | 'output', context: OperationContext): JsonObject {
  const name = context.names.get(schema);
  return name ? ref(name) : toJsonSchema({ schema, io });
}

/** Who may call an endpoint of each access, for the reference (see `Access`). */
const ACCESS_NEEDED: Readonly<Record<Access, string>> = {
  public: 'anyone.',
  staff: 'signed-in staff: on an `{opd}` path, that OPD’s staff or admin, or a regency admin.',
  'opd-admin': 'the OPD’s admin, or a regency admin.',
  'regency-admin': 'a regency admin.',
};

/** The problem codes a route can answer, by status, each status described by its codes. */
function problemResponses(module: ServerModule, route: Route, problems: ProblemRegistry): JsonObject {
  const { endpoint } = route;
  const byStatus = new Map<number, Map<string, string>>();
  const add = (code: string, why: string) => {
    const status = problems.get(code)?.status ?? 500;
    const reasons = byStatus.get(status) ?? new Map<string, string>();
    if (!reasons.has(code)) reasons.set(code, why);
    byStatus.set(status, reasons);
  };
  if (endpoint.body) {
    add('payload-too-large', `The request body is larger than ${formatBytes(bodyBytesOf(module, route))}.`);
    add('unsupported-media-type', 'The body is not sent as `application/json`.');
  }
  if (needsSignIn(endpoint.access)) {
    add('unauthorized', 'Not signed in, or the sign-in has expired.');
    add('forbidden', ACCESS_NEEDED[endpoint.access]);
    add('password-change-required', 'The user signed in with a one-time password and must choose their own first.');
  }
  if (endpoint.params) add('not-found', 'Unknown agency or item.');
  if (pathParameterNames(endpoint.path).includes('opd') && module.perOpd !== false) {
    add('module-disabled', 'The module is off for this agency.');
  }
  // Every route belongs to a rate-limit class (`http/rate-limit.ts`; docs/self-hosting.md).
  if (route.rateLimit) add('rate-limited', 'Too many writes from this client address (`RATE_LIMIT_PER_MINUTE`).');
  else if (needsSignIn(endpoint.access)) add('rate-limited', 'Too many requests by this user (`RATE_LIMIT_STAFF_PER_MINUTE`; uploads also `RATE_LIMIT_UPLOADS_PER_MINUTE`).');
  else add('rate-limited', 'Too many requests from this client address (`RATE_LIMIT_READS_PER_MINUTE` for reads).');
  if (endpoint.body || endpoint.query || endpoint.idempotent) {
    add('validation', 'Fields that need fixing; `errors` names each field.');
  }
  if (endpoint.idempotent) add('idempotency-conflict', 'The Idempotency-Key was used for a different request.');
  for (const code of endpoint.errors ?? []) add(code, problems.get(code)?.title ?? code);

  const responses: JsonObject = {};
  // Bad input is 422 for bodies but 400 for malformed JSON, query values and a bad Idempotency-Key.
  if (endpoint.body || endpoint.query || endpoint.idempotent) {
    responses['400'] = problemResponse(
      'Malformed request (not JSON, a bad query value or header); `errors` names the fields (`validation`).',
    );
  }
  for (const [status, reasons] of [...byStatus.entries()].sort(([a], [b]) => a - b)) {
    if (status === 422 && !endpoint.body && !endpoint.idempotent) continue;
    const description = [...reasons.entries()].map(([code, why]) => `${why} (\`${code}\`)`).join(' ');
    responses[String(status)] = problemResponse(
      description,
      status === 429 ? { 'Retry-After': headers.retryAfter } : status === 401 ? { 'WWW-Authenticate': { description: 'Bearer challenge.', schema: { type: 'string' } } } : undefined,
    );
  }
  return responses;
}
