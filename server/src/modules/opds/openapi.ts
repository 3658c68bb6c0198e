/**
 * OpenAPI description of the tenancy routes.
 *
 * @module
 */
import { opd, opdList } from '../../../../src/schemas/index.js';
import { commonProblems, jsonResponse, pathParam, publicAccess, type OpenApiPart } from '../../openapi/builder.js';

/** The `{opd}` path parameter, shared by every OPD-scoped route. */
export const opdParam = pathParam('opd', 'The agency (OPD) slug, e.g. `bpkad`.', {
  type: 'string',
  pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$',
});

/** Tenancy routes and shapes. */
export const opdsOpenApi: OpenApiPart = {
  tags: [{ name: 'OPD', description: 'The agencies (OPD) this deployment serves and the modules each has on.' }],
  schemas: {
    OpdList: { schema: opdList, io: 'output', description: 'Every agency with its modules.' },
    Opd: { schema: opd, io: 'output', description: 'One agency with what its widgets need.' },
  },
  paths: {
    '/api/v1/opds': {
      get: {
        operationId: 'listOpds',
        security: publicAccess,
        tags: ['OPD'],
        summary: 'List the agencies',
        description: 'Every agency (OPD) of the deployment with the modules it has switched on. One page holds all.',
        responses: { '200': jsonResponse('The agencies.', 'OpdList') },
      },
    },
    '/api/v1/opds/{opd}': {
      get: {
        operationId: 'getOpd',
        security: publicAccess,
        tags: ['OPD'],
        summary: 'Get one agency',
        description: 'One agency with its modules and its consultation categories.',
        parameters: [opdParam],
        responses: { '200': jsonResponse('The agency.', 'Opd'), ...commonProblems(404) },
      },
    },
  },
};
