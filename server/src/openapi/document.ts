/**
 * The OpenAPI 3.1 document of the whole API, put together from the modules' parts and
 * generated from the shared zod/mini schemas: what `/openapi.json` serves and `/docs` renders.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { problem } from '../../../src/schemas/index.js';
import type { ServerModule } from '../http/module.js';
import type { ProblemRegistry } from '../http/problem.js';
import { publicAccess, toJsonSchema, type JsonObject, type SchemaSource } from './builder.js';
import { operationOf } from './operation.js';
import { webhookSignatureScheme, webhooksPart } from './webhooks.js';

/** The API version in the document: the package's (`package.json`; see CHANGELOG.md). */
const API_VERSION = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const health: JsonObject = {
  '/healthz': {
    get: {
      operationId: 'health',
      security: publicAccess,
      tags: ['Service'],
      summary: 'Health check',
      description: 'Answers `{"status":"ok"}` when the server can reach its database.',
      responses: {
        '200': {
          description: 'Healthy.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { status: { type: 'string', enum: ['ok'] } },
                required: ['status'],
              },
            },
          },
        },
        '503': {
          description: 'The database cannot be reached.',
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      },
    },
  },
};

/** Builds the OpenAPI 3.1 document for the given modules: their routes' operations, mounts' parts and shapes. */
export function buildOpenApiDocument(modules: readonly ServerModule[], problems: ProblemRegistry): JsonObject {
  const sources: Record<string, SchemaSource> = {
    Problem: {
      schema: problem,
      io: 'output',
      description:
        'An error (RFC 9457, `application/problem+json`). `type` is `/problems/<code>`; `errors` names the fields at fault.',
      patch: (schema) => {
        const stored = (schema.properties as Record<string, JsonObject> | undefined)?.stored;
        if (stored) {
          stored.description =
            'On an idempotency-conflict: what the first request with this Idempotency-Key answered (for a question, its receipt).';
        }
      },
    },
  };
  const paths: JsonObject = { ...health };
  const tags = [{ name: 'Service', description: 'Health of the deployment.' }];
  for (const module of modules) Object.assign(sources, module.openapi?.schemas);
  const names = new Map(Object.entries(sources).map(([name, source]) => [source.schema, name]));
  for (const module of modules) {
    const tag = module.openapi?.tag;
    if (tag) tags.push(tag);
    for (const route of module.routes ?? []) {
      const { endpoint } = route;
      const item = ((paths[endpoint.path] as JsonObject | undefined) ??= {}) as JsonObject;
      item[endpoint.method.toLowerCase()] = operationOf(module, route, { names, problems, tag: tag?.name });
    }
    for (const mount of module.mounts ?? []) {
      Object.assign(sources, mount.openapi?.schemas);
      Object.assign(paths, mount.openapi?.paths);
      tags.push(...(mount.openapi?.tags ?? []));
    }
  }
  const events = webhooksPart();
  const schemas = { ...Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, toJsonSchema(source)])), ...events.schemas };

  return {
    openapi: '3.1.0',
    info: {
      title: 'opd-kit API',
      version: API_VERSION,
      summary: 'Citizen-facing public services for Indonesian regional agencies (OPD).',
      description:
        'One backend for every agency (OPD) of a regency. Public routes need no sign-in; staff routes need `Authorization: Bearer <token>` from `POST /api/v1/auth/login`, and each says the role it needs. Errors are `application/problem+json`; lists are `{ data, nextCursor }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This deployment' }],
    tags,
    paths,
    webhooks: events.webhooks,
    components: {
      schemas,
      securitySchemes: {
        webhookSignature: webhookSignatureScheme,
        staffBearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'A staff user’s token from `POST /api/v1/auth/login` (valid 12 hours). What the user may call follows from their role: regency admin (every OPD), OPD admin (their OPD’s settings and users), OPD staff (their OPD’s work).',
        },
        consoleCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'opd_session',
          description:
            'The console’s sign-in (`POST /api/v1/auth/login` with `session: "cookie"`): httpOnly, SameSite=Strict; a write must come from the backend’s own origin.',
        },
      },
    },
  };
}
