/**
 * SIAP's staff side: the staff view of a consultation (with the citizen's contact), the inbox's
 * filters and queue counts, answering, status changes, assignment, internal notes, answer
 * templates and the category settings, and every SIAP endpoint (`consultationEndpoints`).
 * Apart from `consultations.ts` so a citizen's page (the form, the status widget) does not
 * carry these schemas.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, timestamp } from './common.js';
import { pageQuery } from './page-query.js';
import {
  consultationPublicEndpoints,
  consultationStatuses,
  trackingCode,
  trackingCodeParam,
  trimmed,
} from './consultations.js';
import { endpoint } from './endpoint.js';
import { opdParams, opdSlug } from './opds.js';

/** A staff user as SIAP's staff views name them: their id and their name. */
export const staffRef = z.object({ id: z.string(), name: z.string() });

/** A staff user named in a view, see {@link staffRef}. */
export type StaffRef = z.infer<typeof staffRef>;

/**
 * An internal note (`POST …/{trackingCode}/notes`): staff only, never in a public response;
 * it changes nothing else. `by` is the name of the staff user who wrote it.
 */
export const internalNote = z.object({
  at: timestamp,
  by: z.string(),
  text: z.string(),
});

/** An internal note, see {@link internalNote}. */
export type InternalNote = z.infer<typeof internalNote>;

/**
 * The staff view: everything, including the citizen's contact. Only staff endpoints return it.
 *
 * - `name` is `(dihapus)` and `email`/`phone` are null once the citizen's contact was erased
 *   (on request or after the retention period): `contactErasedAt` says when.
 * - `consent`: when the citizen agreed and the sentence the form showed them (`text` is null
 *   for questions from forms that did not send it).
 * - `assignee`: the colleague handling it, or null.
 * - `timeline`: every step; `by` is the name of the staff user who made it (`citizen` for
 *   asking); `internalNote` is the internal note given with a status change.
 * - `notes`: internal notes added without a status change (`POST …/notes`), oldest first.
 *   They are kept apart from the timeline, which is what the citizen's view is made of.
 * - `answer.answeredBy`: the name of the staff user who answered.
 */
export const consultationStaff = z.object({
  trackingCode,
  opd: opdSlug,
  name: z.string(),
  email: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  contactErasedAt: z.nullable(timestamp),
  consent: z.object({ text: z.nullable(z.string()), at: timestamp }),
  category: z.object({ id: z.string(), name: z.string() }),
  subject: z.string(),
  message: z.string(),
  status: z.enum(consultationStatuses),
  submittedAt: timestamp,
  dueAt: timestamp,
  overdue: z.boolean(),
  firstResponseAt: z.nullable(timestamp),
  assignee: z.nullable(staffRef),
  timeline: z.array(
    z.object({
      status: z.enum(consultationStatuses),
      at: timestamp,
      // Their descriptions in the API reference: SIAP's `openapi` (the server), not shipped to browsers.
      note: z.optional(z.string()),
      internalNote: z.optional(z.string()),
      by: z.optional(z.string()),
    }),
  ),
  notes: z.array(internalNote),
  answer: z.nullable(
    z.object({ text: z.string(), answeredAt: timestamp, answeredBy: z.string() }),
  ),
});

/** The staff view of a consultation, see {@link consultationStaff}. */
export type ConsultationStaff = z.infer<typeof consultationStaff>;

/** `GET /api/v1/opds/{opd}/consultations` (staff). */
export const consultationStaffList = listPage(consultationStaff);

/**
 * The service-level queues of the staff list (`?due=`), in the regency's time zone:
 * - `today`: the first response is due today and none was given yet (not closed);
 * - `overdue`: past its due date without a first response (not closed), as `overdue=true`;
 * - `open`: still to be answered (status `received` or `in_progress`), whatever its due date.
 */
export const consultationQueues = ['today', 'overdue', 'open'] as const;

/** A service-level queue, see {@link consultationQueues}. */
export type ConsultationQueue = (typeof consultationQueues)[number];

/**
 * Filters of the staff list: `?status=&overdue=&due=&assignee=&category=&q=&limit=&cursor=`.
 * `assignee` is `me` (the signed-in user), `none` (nobody) or a staff user's id. Filters combine
 * (all must hold), e.g. `?due=open&assignee=me` is "mine to answer".
 */
export const consultationListQuery = z.object({
  ...pageQuery.shape,
  status: z.optional(z.enum(consultationStatuses)),
  overdue: z.optional(z.enum(['true', 'false'])),
  due: z.optional(z.enum(consultationQueues)),
  assignee: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  category: z.optional(z.string().check(z.maxLength(64))),
  q: z.optional(z.string().check(z.maxLength(200))),
});

/** Filters of the staff list, see {@link consultationListQuery}. */
export type ConsultationListQuery = z.input<typeof consultationListQuery>;

/** `POST /api/v1/opds/{opd}/consultations/{trackingCode}/answer` (staff). */
export const consultationAnswerInput = z.object({
  text: trimmed(10000, 'Enter the answer', 'Answer must be 10,000 characters or fewer'),
});

/** The longest note (to the citizen or internal) of a status change, in characters. */
export const STATUS_NOTE_MAX_LENGTH = 1000;

/**
 * `POST /api/v1/opds/{opd}/consultations/{trackingCode}/status` (staff): the new status, a
 * `note` to the citizen (**public**: shown on the public timeline to anyone with the tracking
 * code; with `in_progress` it counts as the first response) and an `internalNote` for staff
 * (never in a public response).
 */
export const consultationStatusInput = z.object({
  status: z.enum(consultationStatuses),
  note: z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(STATUS_NOTE_MAX_LENGTH, `The note to the citizen must be ${STATUS_NOTE_MAX_LENGTH} characters or fewer`),
    ),
  ),
  internalNote: z.optional(
    z.string().check(
      z.trim(),
      z.maxLength(STATUS_NOTE_MAX_LENGTH, `The internal note must be ${STATUS_NOTE_MAX_LENGTH} characters or fewer`),
    ),
  ),
});

/** A status change, see {@link consultationStatusInput}. */
export type ConsultationStatusInput = z.input<typeof consultationStatusInput>;


const trackedPath = z.object({ opd: opdSlug, trackingCode: trackingCodeParam });

/**
 * `GET /api/v1/opds/{opd}/consultations/counts` (staff): the console's queue counters, cheap
 * enough to poll every 15 seconds (one query; `Cache-Control: no-store`; not audited, as it
 * shows no personal data). Each count matches a list filter:
 * - `byStatus.<status>`: `?status=<status>`;
 * - `dueToday`: `?due=today`; `overdue`: `?due=overdue` (or `?overdue=true`);
 * - `assignedToMe`: `?due=open&assignee=me`; `unassigned`: `?due=open&assignee=none`;
 * - `total`: every consultation of the OPD.
 * `latestSubmittedAt` is when the newest question arrived (null: none yet): a value later than
 * the one the console saw means new questions.
 */
export const consultationCounts = z.object({
  byStatus: z.object({
    received: z.number(),
    in_progress: z.number(),
    answered: z.number(),
    closed: z.number(),
  }),
  dueToday: z.number(),
  overdue: z.number(),
  assignedToMe: z.number(),
  unassigned: z.number(),
  total: z.number(),
  latestSubmittedAt: z.nullable(timestamp),
});

/** The queue counters, see {@link consultationCounts}. */
export type ConsultationCounts = z.infer<typeof consultationCounts>;

/**
 * `POST /api/v1/opds/{opd}/consultations/{trackingCode}/assign` (staff): the colleague to
 * handle it, by staff user id, or null to unassign. The user must be an active (not disabled)
 * user of that OPD or a regency admin; anyone else answers 422 naming `userId`.
 */
export const consultationAssignInput = z.object({
  userId: z.nullable(z.string('Choose a colleague, or null to unassign').check(z.minLength(1, 'Choose a colleague'), z.maxLength(64))),
});

/** An assignment, see {@link consultationAssignInput}. */
export type ConsultationAssignInput = z.input<typeof consultationAssignInput>;

/** The longest internal note (`POST …/notes`), in characters. */
export const INTERNAL_NOTE_MAX_LENGTH = 2000;

/**
 * `POST /api/v1/opds/{opd}/consultations/{trackingCode}/notes` (staff): an internal note for
 * colleagues. It changes neither the status nor the first response and is never in a public
 * response; the staff view lists it in `notes`.
 */
export const internalNoteInput = z.object({
  text: trimmed(
    INTERNAL_NOTE_MAX_LENGTH,
    'Enter the note',
    `The note must be ${INTERNAL_NOTE_MAX_LENGTH.toLocaleString('en')} characters or fewer`,
  ),
});

/** An internal note to add, see {@link internalNoteInput}. */
export type InternalNoteInput = z.input<typeof internalNoteInput>;

// Read by the server only (see consultation-rules.ts).
export { ANSWER_TEMPLATES_MAX } from './consultation-rules.js';

/**
 * A reusable answer of an OPD (`GET /api/v1/opds/{opd}/answer-templates`): staff pick one to
 * start an answer from. `updatedBy` is the name of the staff user who last saved it (null for
 * the demo seed's).
 */
export const answerTemplate = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string(),
  updatedAt: timestamp,
  updatedBy: z.nullable(z.string()),
});

/** An answer template, see {@link answerTemplate}. */
export type AnswerTemplate = z.infer<typeof answerTemplate>;

/**
 * Every answer template of the OPD (at most {@link ANSWER_TEMPLATES_MAX}), by title;
 * `nextCursor` is always null.
 */
export const answerTemplateList = listPage(answerTemplate);

const templateTitle = trimmed(120, 'Enter a title', 'Title must be 120 characters or fewer');
const templateText = trimmed(10000, 'Enter the text of the answer', 'The text must be 10,000 characters or fewer');

/**
 * `POST /api/v1/opds/{opd}/answer-templates` (staff): a new template. Titles are unique within
 * the OPD (ignoring case): a second one with a title in use answers 409 naming `title`.
 */
export const answerTemplateCreate = z.object({ title: templateTitle, text: templateText });

/** A new answer template, see {@link answerTemplateCreate}. */
export type AnswerTemplateCreate = z.input<typeof answerTemplateCreate>;

/** `PATCH /api/v1/opds/{opd}/answer-templates/{templateId}` (staff): a new title, text or both. */
export const answerTemplateUpdate = z.object({ title: z.optional(templateTitle), text: z.optional(templateText) });

/** A change to an answer template, see {@link answerTemplateUpdate}. */
export type AnswerTemplateUpdate = z.input<typeof answerTemplateUpdate>;

/** The `{templateId}` path value. */
export const answerTemplateParams = z.object({
  opd: opdSlug,
  templateId: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
});

/** What a category id looks like: lowercase letters and digits in groups joined by single hyphens, e.g. `aset-daerah`. */
export const CATEGORY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The most categories one OPD offers. */
export const CATEGORIES_MAX = 50;

/** One category of `PUT /api/v1/opds/{opd}/consultation-categories`. */
export const consultationCategoryInput = z.object({
  id: z.string('Enter an id').check(
    z.trim(),
    z.minLength(1, 'Enter an id'),
    z.maxLength(64, 'The id must be 64 characters or fewer'),
    z.regex(CATEGORY_ID_PATTERN, 'Use lowercase letters, digits and single hyphens, like aset-daerah'),
  ),
  name: trimmed(120, 'Enter the name', 'The name must be 120 characters or fewer'),
  nameEn: z.optional(z.string().check(z.trim(), z.maxLength(120, 'The English name must be 120 characters or fewer'))),
});

/**
 * `PUT /api/v1/opds/{opd}/consultation-categories` (OPD admin): the whole list the form
 * offers, in order (1 to {@link CATEGORIES_MAX}, ids unique). A category left out that no
 * consultation uses is deleted; one that consultations use is **retired**: the form no longer
 * offers it, staff and public views still name it, and listing its id again brings it back.
 * An empty `nameEn` removes the English name.
 */
export const consultationCategoriesInput = z.object({
  categories: z
    .array(consultationCategoryInput)
    .check(
      z.minLength(1, 'Keep at least one category: the form needs one'),
      z.maxLength(CATEGORIES_MAX, `Offer at most ${CATEGORIES_MAX} categories`),
    ),
});

/** The category list to set, see {@link consultationCategoriesInput}. */
export type ConsultationCategoriesInput = z.input<typeof consultationCategoriesInput>;

/** A category as its admins see it: what the form shows, and how many consultations use it. */
export const consultationCategorySetting = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.optional(z.string()),
  consultations: z.number(),
});

/**
 * `GET`/`PUT /api/v1/opds/{opd}/consultation-categories`: the categories the form offers, in
 * order, and the retired ones (no longer offered, still used by older consultations).
 */
export const consultationCategorySettings = z.object({
  categories: z.array(consultationCategorySetting),
  retired: z.array(consultationCategorySetting),
});

/** An OPD's categories as its admins see them, see {@link consultationCategorySettings}. */
export type ConsultationCategorySettings = z.infer<typeof consultationCategorySettings>;

/** Every SIAP endpoint, the public ones and the staff's, see {@link endpoint}. */
export const consultationEndpoints = {
  ...consultationPublicEndpoints,
  /** Staff list an OPD's consultations. */
  list: endpoint({
    id: 'listConsultations',
    method: 'GET',
    path: '/api/v1/opds/{opd}/consultations',
    params: opdParams,
    query: consultationListQuery,
    response: consultationStaffList,
    access: 'staff',
  }),
  /** Staff read one consultation with the citizen's contact. */
  get: endpoint({
    id: 'getConsultation',
    method: 'GET',
    path: '/api/v1/opds/{opd}/consultations/{trackingCode}',
    params: trackedPath,
    response: consultationStaff,
    access: 'staff',
  }),
  /** Staff answer. */
  answer: endpoint({
    id: 'answerConsultation',
    method: 'POST',
    path: '/api/v1/opds/{opd}/consultations/{trackingCode}/answer',
    params: trackedPath,
    body: consultationAnswerInput,
    response: consultationStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  /** Staff change the status. */
  setStatus: endpoint({
    id: 'changeConsultationStatus',
    method: 'POST',
    path: '/api/v1/opds/{opd}/consultations/{trackingCode}/status',
    params: trackedPath,
    body: consultationStatusInput,
    response: consultationStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  /** Staff: the queue counters (per status, due today, overdue, mine, unassigned, newest), see {@link consultationCounts}. */
  counts: endpoint({
    id: 'countConsultations',
    method: 'GET',
    path: '/api/v1/opds/{opd}/consultations/counts',
    params: opdParams,
    response: consultationCounts,
    access: 'staff',
  }),
  /** Staff assign a consultation to a colleague (or unassign it), see {@link consultationAssignInput}. */
  assign: endpoint({
    id: 'assignConsultation',
    method: 'POST',
    path: '/api/v1/opds/{opd}/consultations/{trackingCode}/assign',
    params: trackedPath,
    body: consultationAssignInput,
    response: consultationStaff,
    access: 'staff',
  }),
  /** Staff add an internal note, see {@link internalNoteInput}. */
  addNote: endpoint({
    id: 'addConsultationNote',
    method: 'POST',
    path: '/api/v1/opds/{opd}/consultations/{trackingCode}/notes',
    params: trackedPath,
    body: internalNoteInput,
    response: consultationStaff,
    access: 'staff',
  }),
  /** Staff list the OPD's answer templates, see {@link answerTemplateList}. */
  listTemplates: endpoint({
    id: 'listAnswerTemplates',
    method: 'GET',
    path: '/api/v1/opds/{opd}/answer-templates',
    params: opdParams,
    response: answerTemplateList,
    access: 'staff',
  }),
  /** Staff add an answer template (201), see {@link answerTemplateCreate}. */
  createTemplate: endpoint({
    id: 'createAnswerTemplate',
    method: 'POST',
    path: '/api/v1/opds/{opd}/answer-templates',
    params: opdParams,
    body: answerTemplateCreate,
    response: answerTemplate,
    status: 201,
    access: 'staff',
    errors: ['conflict'],
  }),
  /** Staff change an answer template's title or text. */
  updateTemplate: endpoint({
    id: 'updateAnswerTemplate',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}/answer-templates/{templateId}',
    params: answerTemplateParams,
    body: answerTemplateUpdate,
    response: answerTemplate,
    access: 'staff',
    errors: ['conflict'],
  }),
  /** Staff delete an answer template (204). */
  deleteTemplate: endpoint({
    id: 'deleteAnswerTemplate',
    method: 'DELETE',
    path: '/api/v1/opds/{opd}/answer-templates/{templateId}',
    params: answerTemplateParams,
    response: z.undefined(),
    status: 204,
    access: 'staff',
  }),
  /** Staff read the OPD's categories with the retired ones and their use, see {@link consultationCategorySettings}. */
  getCategories: endpoint({
    id: 'getConsultationCategories',
    method: 'GET',
    path: '/api/v1/opds/{opd}/consultation-categories',
    params: opdParams,
    response: consultationCategorySettings,
    access: 'staff',
  }),
  /** The OPD's admin sets the categories the form offers, the whole ordered list, see {@link consultationCategoriesInput}. */
  setCategories: endpoint({
    id: 'setConsultationCategories',
    method: 'PUT',
    path: '/api/v1/opds/{opd}/consultation-categories',
    params: opdParams,
    body: consultationCategoriesInput,
    response: consultationCategorySettings,
    access: 'opd-admin',
  }),
};

