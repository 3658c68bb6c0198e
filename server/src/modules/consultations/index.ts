/**
 * SIAP, the consultation service, as the spine sees it: routes, migrations, demo seed and
 * its part of the API reference.
 *
 * @module
 */
import {
  answerTemplate,
  answerTemplateCreate,
  answerTemplateList,
  answerTemplateUpdate,
  consultationAnswerInput,
  consultationAssignInput,
  consultationCategoriesInput,
  consultationCategorySettings,
  consultationCounts,
  consultationCreate,
  consultationPublic,
  consultationReceipt,
  consultationStaff,
  consultationStaffList,
  consultationStatusInput,
  internalNoteInput,
} from '../../../../src/schemas/index.js';
import { defineModule } from '../../http/module.js';
import type { JsonObject } from '../../openapi/builder.js';
import { consultationsTables } from './migrations/0001-consultations.js';
import { categoriesTable } from './migrations/0002-categories.js';
import { internalNotes } from './migrations/0003-internal-notes.js';
import { categoryEnglishNames } from './migrations/0004-english-names.js';
import { consentText } from './migrations/0005-consent-text.js';
import { assigneesAndNotes } from './migrations/0006-assignees-and-notes.js';
import { answerTemplates } from './migrations/0007-answer-templates.js';
import { retiredCategories } from './migrations/0008-retired-categories.js';
import { contactErasure } from './migrations/0009-contact-erasure.js';
import { auditSearchLength } from './migrations/0010-audit-search-length.js';
import { directoryCategories } from './migrations/0011-directory-categories.js';
import { languageAndReminders } from './migrations/0012-language-and-reminders.js';
import { categoryRoutes } from './categories.js';
import { mailCitizens, remindDueJob } from './mail.js';
import { overviewOf } from './overview.js';
import { siapPrivacy } from './privacy.js';
import { categoriesOf } from './queries.js';
import { consultationRoutes } from './routes.js';
import { templateRoutes } from './templates.js';
import { seedConsultations } from './seed.js';
import { siapDb } from './tables.js';

/** Describes the notes of a view's timeline steps: the public note, and in the staff view the internal one. */
function describeTimelineNotes(schema: JsonObject, staff: boolean): void {
  const timeline = (schema.properties as Record<string, JsonObject> | undefined)?.timeline;
  const step = ((timeline?.items as JsonObject | undefined)?.properties ?? {}) as Record<string, JsonObject>;
  if (step.note) step.note.description = 'The staff’s note to the citizen (public: the public timeline shows it).';
  if (staff && step.internalNote) step.internalNote.description = 'The staff’s internal note: staff views only, never in a public response.';
  if (staff && step.by) step.by.description = 'Who made the step (`citizen` for asking).';
}

/** SIAP: citizens ask an OPD, staff answer within the service level. */
export const siapModule = defineModule({
  id: 'siap',
  routes: [...consultationRoutes, ...templateRoutes, ...categoryRoutes],
  migrations: {
    '0001-consultations': consultationsTables,
    '0002-categories': categoriesTable,
    '0003-internal-notes': internalNotes,
    '0004-english-names': categoryEnglishNames,
    '0005-consent-text': consentText,
    '0006-assignees-and-notes': assigneesAndNotes,
    '0007-answer-templates': answerTemplates,
    '0008-retired-categories': retiredCategories,
    '0009-contact-erasure': contactErasure,
    '0010-audit-search-length': auditSearchLength,
    '0011-directory-categories': directoryCategories,
    '0012-language-and-reminders': languageAndReminders,
  },
  seed: seedConsultations,
  // `GET /api/v1/opds/{opd}` carries the categories the form offers (retired ones left out).
  opdView: async (db, opd) => ({ consultationCategories: await categoriesOf(siapDb(db), opd.slug) }),
  // Export and erasure on request, and the retention period (the spine runs them and audits).
  privacy: siapPrivacy,
  // The citizen's mails (received, answered), made from the outbox events (`./mail.ts`).
  onEvents: mailCitizens,
  // The staff's reminder of questions due today without a first response.
  jobs: [remindDueJob],
  // This month's questions, the share answered within the service level, and overdue now, per OPD.
  overview: (db, window) => overviewOf(siapDb(db), window),
  openapi: {
    tag: {
      name: 'SIAP',
      description:
        'Consultations: a citizen asks an agency a question and gets a tracking code; staff answer within 3 working days.',
    },
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
          if (properties.consentText) {
            properties.consentText.description =
              'The consent sentence exactly as the form showed it; stored with the question and shown to staff.';
          }
        },
      },
      ConsultationReceipt: { schema: consultationReceipt, io: 'output', description: 'The receipt of a question.' },
      ConsultationPublic: {
        schema: consultationPublic,
        io: 'output',
        description: 'What anyone with the tracking code sees: status, timeline and answer; no personal data.',
        patch: (schema) => describeTimelineNotes(schema, false),
      },
      ConsultationStaff: {
        schema: consultationStaff,
        io: 'output',
        description:
          'The staff view, with the citizen’s contact and consent, the assignee and the internal notes; staff are named by name. After an erasure `name` is `(dihapus)`, `email` and `phone` are null and `contactErasedAt` says when.',
        patch: (schema) => {
          describeTimelineNotes(schema, true);
          const properties = schema.properties as Record<string, JsonObject>;
          if (properties.consent) {
            properties.consent.description = 'When the citizen agreed, and the sentence the form showed (`text` null for older forms).';
          }
          if (properties.notes) {
            properties.notes.description = 'Internal notes added without a status change (`POST …/notes`), oldest first: staff only.';
          }
          if (properties.assignee) properties.assignee.description = 'The colleague handling it, or null.';
        },
      },
      ConsultationCounts: {
        schema: consultationCounts,
        io: 'output',
        description:
          'The console’s queue counters: per status, due today and overdue (regency’s time zone), still to be answered and assigned to the signed-in user or to nobody, all, and the newest question’s time.',
      },
      ConsultationAssignInput: {
        schema: consultationAssignInput,
        io: 'input',
        description: 'The colleague (a staff user id) to handle it, or null for nobody.',
      },
      InternalNoteInput: { schema: internalNoteInput, io: 'input', description: 'An internal note: staff only, never public.' },
      AnswerTemplate: { schema: answerTemplate, io: 'output', description: 'A reusable answer of the agency.' },
      AnswerTemplateList: { schema: answerTemplateList, io: 'output', description: 'Every answer template of the agency, by title.' },
      AnswerTemplateCreate: { schema: answerTemplateCreate, io: 'input', description: 'A new answer template; titles are unique within the agency.' },
      AnswerTemplateUpdate: { schema: answerTemplateUpdate, io: 'input', description: 'A new title, text or both.' },
      ConsultationCategoriesInput: {
        schema: consultationCategoriesInput,
        io: 'input',
        description: 'The whole ordered list of categories the form offers; one left out that consultations use is retired.',
      },
      ConsultationCategorySettings: {
        schema: consultationCategorySettings,
        io: 'output',
        description: 'The categories the form offers, in order, and the retired ones, each with how many consultations use it.',
      },
      ConsultationStaffList: { schema: consultationStaffList, io: 'output', description: 'A page of consultations, newest first.' },
      ConsultationAnswerInput: { schema: consultationAnswerInput, io: 'input', description: 'The staff answer.' },
      ConsultationStatusInput: {
        schema: consultationStatusInput,
        io: 'input',
        description: 'A status change, with an optional note to the citizen and an optional internal note.',
        patch: (schema) => {
          const properties = schema.properties as Record<string, JsonObject>;
          if (properties.note) {
            properties.note.description =
              'The note to the citizen. **Public**: shown on the public timeline to anyone with the tracking code. With `in_progress` it counts as the first response.';
          }
          if (properties.internalNote) {
            properties.internalNote.description = 'A remark for staff only: shown in staff views, never in a public response.';
          }
        },
      },
    },
  },
});
