/**
 * One OPD One Innovation's staff side: an innovation as staff see it (any status, with the
 * contact person and the review log), the registration and edit bodies, evidence uploads,
 * the review flow (submit; verify or return with comments, by the reviewer OPD — Bappeda),
 * the module's settings, and every endpoint of the module (`innovationStaffEndpoints`: the
 * public ones of `innovations.ts` and the staff's). Apart from `innovations.ts` so a citizen's
 * page carries none of these shapes.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, MAX_PAGE_SIZE, timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import {
  innovation,
  innovationEndpoints,
  innovationId,
  innovationInitiators,
  INNOVATION_DATE_PATTERN,
  innovationStages,
  innovationStatuses,
  innovationTypes,
  estimatedScore,
} from './innovations.js';
import { opdSlug } from './opds.js';

/** The largest evidence file accepted, in bytes: 2 MB (see the module's docs for why). */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

/** The most evidence files one innovation may hold. */
export const EVIDENCE_MAX_FILES = 60;

/** The evidence file types accepted, told by their content, never by name. */
export const evidenceMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

/** The contact person of an innovation: staff-only, never in a public answer or the export. */
export const innovationContact = z.object({
  name: z.string(),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
});

/** The contact person, see {@link innovationContact}. */
export type InnovationContact = z.infer<typeof innovationContact>;

/** One step of the review log: submitted, verified or returned (with the reviewer's comments). */
export const innovationReviewStep = z.object({
  at: timestamp,
  action: z.enum(['submitted', 'verified', 'returned']),
  comment: z.nullable(z.string()),
  /** Who did it (staff name). */
  by: z.string(),
});

/** An innovation as staff see it: any status, with the contact person, the reviewer's comment, the review log and its estimate. */
export const innovationStaff = z.extend(innovation, {
  /** Who started it (the IID form's *inisiator*); null until the OPD says. */
  initiator: z.nullable(z.enum(innovationInitiators)),
  /** Whether it is about the COVID-19 pandemic (the IID form's *Covid-19 / Non Covid-19*); null until the OPD says. */
  covid19: z.nullable(z.boolean()),
  /** Its goal (*tujuan inovasi daerah*). */
  goal: z.nullable(z.string()),
  status: z.enum(innovationStatuses),
  contact: z.nullable(innovationContact),
  /** The reviewer's last comment (why it was returned, or a note on verifying). */
  reviewComment: z.nullable(z.string()),
  submittedAt: z.nullable(timestamp),
  reviews: z.array(innovationReviewStep),
  /** Innovation-part indicators of the year's model it has no evidence for (ids). */
  evidenceGaps: z.array(z.string()),
  /** The estimate of its innovation part from the evidence it has, named with its model; null when the year has no model. */
  estimatedScore: z.nullable(estimatedScore),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** An innovation as staff see it, see {@link innovationStaff}. */
export type InnovationStaff = z.infer<typeof innovationStaff>;

/** A page of innovations as staff see them. */
export const innovationStaffList = listPage(innovationStaff);

const text = (min: number, max: number, what: string) =>
  z.string(`Enter ${what}`).check(
    z.trim(),
    z.minLength(min, min > 1 ? `Enter ${what}, at least ${min} characters` : `Enter ${what}`),
    z.maxLength(max, `${what[0]!.toUpperCase()}${what.slice(1)} has at most ${max.toLocaleString('en')} characters`),
  );

const day = (what: string) => z.string(`Enter ${what}`).check(z.regex(INNOVATION_DATE_PATTERN, `Write ${what} as YYYY-MM-DD, e.g. 2026-03-14`));

/** The contact person as staff give it: a name and a phone number or an e-mail address. */
export const innovationContactInput = z.object({
  name: text(2, 100, 'the contact person’s name'),
  phone: z.optional(z.nullable(z.string('Enter the phone number').check(z.trim(), z.regex(/^\+?[0-9][0-9 -]{6,18}$/, 'Write the phone number as digits, e.g. 0812 3456 7890')))),
  email: z.optional(z.nullable(z.string('Enter the e-mail address').check(z.trim(), z.maxLength(200, 'An e-mail address has at most 200 characters'), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter an e-mail address in the correct format, like name@example.com')))),
});

/**
 * A new innovation, registered as a draft: `POST /api/v1/opds/{opd}/innovations`. The stage
 * dates are the days it reached each stage (`stageDates`); the stage's own date is needed to
 * submit it.
 */
export const innovationInput = z.object({
  name: text(3, 200, 'the innovation’s name'),
  type: z.enum(innovationTypes, `Choose a type: ${innovationTypes.join(', ')}`),
  digital: z.boolean('Say whether it is digital: true or false'),
  stage: z.enum(innovationStages, `Choose a stage: ${innovationStages.join(', ')}`),
  stageDates: z.optional(
    z.object({
      inisiatif: z.optional(z.nullable(day('the day of the initiative'))),
      'uji-coba': z.optional(z.nullable(day('the day the trial began'))),
      penerapan: z.optional(z.nullable(day('the day it was applied'))),
    }),
  ),
  startDate: z.optional(z.nullable(day('the start date'))),
  problem: text(10, 5000, 'the problem it solves'),
  solution: text(10, 5000, 'what is new (the solution)'),
  benefits: z.optional(z.nullable(text(1, 5000, 'the benefits'))),
  results: z.optional(z.nullable(text(1, 5000, 'the results'))),
  budgetSource: z.optional(z.nullable(text(1, 100, 'the budget source'))),
  /** Who started it: `kepala-daerah`, `anggota-dprd`, `opd`, `asn` or `masyarakat`. */
  initiator: z.optional(z.nullable(z.enum(innovationInitiators, `Choose an initiator: ${innovationInitiators.join(', ')}`))),
  /** Whether it is about the COVID-19 pandemic. */
  covid19: z.optional(z.nullable(z.boolean('Say whether it is about COVID-19: true or false'))),
  /** Its goal (*tujuan*). */
  goal: z.optional(z.nullable(text(1, 5000, 'the goal'))),
  contact: z.optional(z.nullable(innovationContactInput)),
  /** The assessment year (default: the configured one). */
  year: z.optional(z.number('Give the year as a number').check(z.int('Give the year as a whole number'), z.minimum(2017, 'Use a year from 2017'), z.maximum(2100, 'Use a year up to 2100'))),
});

/** A new innovation, see {@link innovationInput}. */
export type InnovationInput = z.input<typeof innovationInput>;

/** An edit of a draft or a returned innovation: any field of {@link innovationInput}. */
export const innovationPatch = z.partial(innovationInput);

/** An edit, see {@link innovationPatch}. */
export type InnovationPatch = z.input<typeof innovationPatch>;

/** The reviewer's decision: verifying may carry a note; returning needs the comments the OPD is to act on. */
export const innovationVerifyInput = z.object({
  comment: z.optional(z.nullable(text(1, 2000, 'the note'))),
});

/** Returning an innovation to its OPD: what to fix. */
export const innovationReturnInput = z.object({
  comment: text(5, 2000, 'what the OPD should fix'),
});

/** The module's settings: the reviewer OPD, the deadline and the assessment year. */
export const innovationSettings = z.object({
  /** The OPD that verifies or returns (Bappeda). */
  reviewerOpd: opdSlug,
  /** The last day (included) for every OPD to have a verified innovation, `YYYY-MM-DD`. */
  deadline: z.nullable(z.string()),
  /** The assessment year new innovations and the board default to. */
  year: z.number(),
});

/** The settings, see {@link innovationSettings}. */
export type InnovationSettings = z.infer<typeof innovationSettings>;

/** The settings as a regency admin sets them. */
export const innovationSettingsInput = z.object({
  reviewerOpd: opdSlug,
  deadline: z.nullable(day('the deadline')),
  year: z.number('Give the year as a number').check(z.int('Give the year as a whole number'), z.minimum(2017, 'Use a year from 2017'), z.maximum(2100, 'Use a year up to 2100')),
});

/** The uploaded evidence's query: its title (default: the indicator's name). */
export const evidenceQuery = z.object({
  title: z.optional(z.string().check(z.trim(), z.minLength(1, 'Enter the title'), z.maxLength(200, 'A title has at most 200 characters'))),
});

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;

/** `?status=&limit=&cursor=` of the staff lists. */
export const innovationStaffQuery = z.object({
  status: z.optional(z.enum(innovationStatuses, `Use a status: ${innovationStatuses.join(', ')}`)),
  limit: z.optional(z.coerce.number(limitMessage).check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

const opdInnovationParams = z.object({ opd: opdSlug, id: innovationId });

/** An evidence file id: 20 lowercase letters and digits. */
export const evidenceFileId = z.string().check(z.regex(/^[a-z0-9]{20}$/, 'An evidence file id is 20 letters and digits'));

/** An indicator id of a scoring model, e.g. `regulasi`. */
export const indicatorId = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use the indicator’s id, e.g. regulasi'), z.maxLength(60));

/** Every endpoint of One OPD One Innovation: the public ones and the staff's. */
export const innovationStaffEndpoints = {
  ...innovationEndpoints,
  staffList: endpoint({
    id: 'listOpdInnovations',
    method: 'GET',
    path: '/api/v1/opds/{opd}/innovations',
    params: z.object({ opd: opdSlug }),
    query: innovationStaffQuery,
    response: innovationStaffList,
    access: 'staff',
  }),
  staffGet: endpoint({
    id: 'getOpdInnovation',
    method: 'GET',
    path: '/api/v1/opds/{opd}/innovations/{id}',
    params: opdInnovationParams,
    response: innovationStaff,
    access: 'staff',
  }),
  create: endpoint({
    id: 'createInnovation',
    method: 'POST',
    path: '/api/v1/opds/{opd}/innovations',
    params: z.object({ opd: opdSlug }),
    body: innovationInput,
    response: innovationStaff,
    status: 201,
    access: 'staff',
    idempotent: true,
  }),
  edit: endpoint({
    id: 'editInnovation',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}/innovations/{id}',
    params: opdInnovationParams,
    body: innovationPatch,
    response: innovationStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  submit: endpoint({
    id: 'submitInnovation',
    method: 'POST',
    path: '/api/v1/opds/{opd}/innovations/{id}/submit',
    params: opdInnovationParams,
    response: innovationStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  /** The body is the file's bytes as they are (any Content-Type: the content decides), at most 2 MB. */
  uploadEvidence: endpoint({
    id: 'uploadInnovationEvidence',
    method: 'POST',
    path: '/api/v1/opds/{opd}/innovations/{id}/evidence/{indicator}',
    params: z.object({ opd: opdSlug, id: innovationId, indicator: indicatorId }),
    query: evidenceQuery,
    response: innovationStaff,
    status: 201,
    access: 'staff',
    errors: ['conflict', 'unsupported-media-type', 'payload-too-large'],
  }),
  deleteEvidence: endpoint({
    id: 'deleteInnovationEvidence',
    method: 'DELETE',
    path: '/api/v1/opds/{opd}/innovations/{id}/evidence-files/{file}',
    params: z.object({ opd: opdSlug, id: innovationId, file: evidenceFileId }),
    response: innovationStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  reviewQueue: endpoint({
    id: 'listInnovationReviews',
    method: 'GET',
    path: '/api/v1/opds/{opd}/innovation-reviews',
    params: z.object({ opd: opdSlug }),
    query: innovationStaffQuery,
    response: innovationStaffList,
    access: 'staff',
  }),
  verify: endpoint({
    id: 'verifyInnovation',
    method: 'POST',
    path: '/api/v1/opds/{opd}/innovation-reviews/{id}/verify',
    params: opdInnovationParams,
    body: innovationVerifyInput,
    response: innovationStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  return: endpoint({
    id: 'returnInnovation',
    method: 'POST',
    path: '/api/v1/opds/{opd}/innovation-reviews/{id}/return',
    params: opdInnovationParams,
    body: innovationReturnInput,
    response: innovationStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  settings: endpoint({
    id: 'getInnovationSettings',
    method: 'GET',
    path: '/api/v1/innovation-settings',
    response: innovationSettings,
    access: 'staff',
  }),
  putSettings: endpoint({
    id: 'putInnovationSettings',
    method: 'PUT',
    path: '/api/v1/innovation-settings',
    body: innovationSettingsInput,
    response: innovationSettings,
    access: 'regency-admin',
  }),
} as const;
