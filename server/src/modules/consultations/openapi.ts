/**
 * OpenAPI description of the SIAP routes.
 *
 * @module
 */
import {
  consultationAnswerInput,
  consultationCreate,
  consultationListQuery,
  consultationPublic,
  consultationReceipt,
  consultationStaff,
  consultationStaffList,
  consultationStatusInput,
} from '../../../../src/schemas/index.js';
import {
  commonProblems,
  headers,
  idempotencyKeyHeader,
  jsonBody,
  jsonResponse,
  pathParam,
  publicAccess,
  queryParams,
  staffAccess,
  type JsonObject,
  type OpenApiPart,
} from '../../openapi/builder.js';
import { opdParam } from '../opds/openapi.js';

const trackingCodeParam = pathParam(
  'trackingCode',
  'The tracking code from the receipt, e.g. `SIAP-7K3F-9QX2`. Case, spaces and look-alikes (O for 0, I or L for 1) do not matter.',
);

/** SIAP routes and shapes. */
export const consultationsOpenApi: OpenApiPart = {
  tags: [
    {
      name: 'SIAP',
      description:
        'Consultations: a citizen asks an agency a question and gets a tracking code; staff answer within 3 working days.',
    },
  ],
  schemas: {
    ConsultationCreate: {
      schema: consultationCreate,
      io: 'input',
      description: 'A question. Give an e-mail address, a mobile number, or both.',
      patch: (schema) => {
        const properties = schema.properties as Record<string, JsonObject>;
        // The number is normalized (0812… → +62812…) before it is checked, so any common way of writing it is fine.
        if (properties.phone) {
          delete properties.phone.pattern;
          properties.phone.description = 'Indonesian mobile number, e.g. `0812 3456 7890` or `+6281234567890`.';
        }
        if (properties.category) properties.category.description = 'A category id of the agency (see `GET /api/v1/opds/{opd}`).';
        if (properties.consent) properties.consent.description = 'Agreement to the processing of the data (UU 27/2022).';
      },
    },
    ConsultationReceipt: { schema: consultationReceipt, io: 'output', description: 'The receipt of a question.' },
    ConsultationPublic: {
      schema: consultationPublic,
      io: 'output',
      description: 'What anyone with the tracking code sees: status, timeline and answer; no personal data.',
    },
    ConsultationStaff: { schema: consultationStaff, io: 'output', description: 'The staff view, with the citizen’s contact.' },
    ConsultationStaffList: { schema: consultationStaffList, io: 'output', description: 'A page of consultations, newest first.' },
    ConsultationAnswerInput: { schema: consultationAnswerInput, io: 'input', description: 'The staff answer.' },
    ConsultationStatusInput: { schema: consultationStatusInput, io: 'input', description: 'A status change with an optional note.' },
  },
  paths: {
    '/api/v1/opds/{opd}/consultations': {
      post: {
        operationId: 'createConsultation',
        security: publicAccess,
        tags: ['SIAP'],
        summary: 'Ask a question',
        description:
          'Stores a citizen’s question and answers a receipt with the tracking code and the due date of the first response (3 working days, Asia/Jakarta). Limited per client per minute.',
        parameters: [opdParam, idempotencyKeyHeader],
        requestBody: jsonBody('ConsultationCreate'),
        responses: {
          '201': jsonResponse('Stored.', 'ConsultationReceipt', {
            Location: headers.location,
            'Idempotent-Replayed': headers.idempotentReplayed,
          }),
          ...commonProblems(400, 404, 413, 415, 422, 429),
        },
      },
      get: {
        operationId: 'listConsultations',
        tags: ['SIAP'],
        summary: 'List consultations (staff)',
        description:
          'The agency’s consultations, newest first, with filters. `q` searches subject, question and tracking code. Pass `nextCursor` back as `cursor` for the next page.',
        security: staffAccess,
        parameters: [
          opdParam,
          ...queryParams(consultationListQuery, {
            limit: 'Items per page (1–100, default 20).',
            cursor: 'The `nextCursor` of the previous page.',
            status: 'Only consultations with this status.',
            overdue: '`true`: only those past the due date without a first response.',
            category: 'Only this category id.',
            q: 'Search text.',
          }),
        ],
        responses: { '200': jsonResponse('A page of consultations.', 'ConsultationStaffList'), ...commonProblems(400, 401, 404) },
      },
    },
    '/api/v1/consultations/{trackingCode}': {
      get: {
        operationId: 'getConsultationStatus',
        security: publicAccess,
        tags: ['SIAP'],
        summary: 'Track a question',
        description: 'Status, timeline and answer of a question by its tracking code. Holds no personal data.',
        parameters: [trackingCodeParam],
        responses: { '200': jsonResponse('The public view.', 'ConsultationPublic'), ...commonProblems(404) },
      },
    },
    '/api/v1/opds/{opd}/consultations/{trackingCode}': {
      get: {
        operationId: 'getConsultation',
        tags: ['SIAP'],
        summary: 'Read a consultation (staff)',
        description: 'Everything about one consultation, including the citizen’s contact. The read is recorded in the audit log.',
        security: staffAccess,
        parameters: [opdParam, trackingCodeParam],
        responses: { '200': jsonResponse('The staff view.', 'ConsultationStaff'), ...commonProblems(401, 404) },
      },
    },
    '/api/v1/opds/{opd}/consultations/{trackingCode}/answer': {
      post: {
        operationId: 'answerConsultation',
        tags: ['SIAP'],
        summary: 'Answer a consultation (staff)',
        description:
          'Stores the answer: the status becomes `answered`, the first response is recorded and the citizen is notified.',
        security: staffAccess,
        parameters: [opdParam, trackingCodeParam],
        requestBody: jsonBody('ConsultationAnswerInput'),
        responses: {
          '200': jsonResponse('The answered consultation.', 'ConsultationStaff'),
          ...commonProblems(400, 401, 404, 409, 413, 415, 422),
        },
      },
    },
    '/api/v1/opds/{opd}/consultations/{trackingCode}/status': {
      post: {
        operationId: 'changeConsultationStatus',
        tags: ['SIAP'],
        summary: 'Change the status (staff)',
        description:
          'received → in_progress or closed; in_progress → closed; answered → in_progress or closed. A note with `in_progress` counts as the first response.',
        security: staffAccess,
        parameters: [opdParam, trackingCodeParam],
        requestBody: jsonBody('ConsultationStatusInput'),
        responses: {
          '200': jsonResponse('The consultation with its new status.', 'ConsultationStaff'),
          ...commonProblems(400, 401, 404, 409, 413, 415, 422),
        },
      },
    },
  },
};
