/**
 * The OpenAPI 3.1 document of the whole API, put together from the modules' parts and
 * generated from the shared zod/mini schemas: what `/openapi.json` serves and `/docs` renders.
 *
 * @module
 */
import { problem } from '../../../src/schemas/index.js';
import type { ServerModule } from '../modules/index.js';
import { publicAccess, toJsonSchema, type JsonObject, type SchemaSource } from './builder.js';

/** The API version in the document. */
export const API_VERSION = '0.1.0';

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

/** Builds the OpenAPI 3.1 document for the given modules. */
export function buildOpenApiDocument(modules: readonly ServerModule[]): JsonObject {
  const sources: Record<string, SchemaSource> = {
    Problem: {
      schema: problem,
      io: 'output',
      description:
        'An error (RFC 9457, `application/problem+json`). `type` is `/problems/<code>`; `errors` names the fields at fault.',
    },
  };
  const paths: JsonObject = { ...health };
  const tags = [{ name: 'Service', description: 'Health of the deployment.' }];
  for (const module of modules) {
    Object.assign(sources, module.openapi.schemas);
    Object.assign(paths, module.openapi.paths);
    tags.push(...(module.openapi.tags ?? []));
  }
  const schemas = Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, toJsonSchema(source)]));

  return {
    openapi: '3.1.0',
    info: {
      title: 'opd-kit API',
      version: API_VERSION,
      summary: 'Citizen-facing public services for Indonesian regional agencies (OPD).',
      description:
        'One backend for every agency (OPD) of a regency. Public routes need no sign-in; staff routes need `Authorization: Bearer <token>`. Errors are `application/problem+json`; lists are `{ data, nextCursor }`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This deployment' }],
    tags,
    paths,
    components: {
      schemas,
      securitySchemes: {
        staffToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The staff token of the deployment (`STAFF_TOKEN`).',
        },
      },
    },
  };
}
