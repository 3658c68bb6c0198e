/**
 * `client.consultations`: SIAP, the consultation service. Citizens `create` and `track`;
 * signed-in staff `list`, `counts`, `get`, `answer`, `setStatus`, `assign` and `addNote`,
 * keep the OPD's answer `templates`, and read and (OPD admins) set its categories
 * (`getCategories`, `setCategories`). Each method is a thin call of one endpoint in
 * {@link consultationEndpoints}.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import type { ConsultationStatus } from '../schemas/consultations.js';
import {
  consultationEndpoints as endpoints,
  type AnswerTemplate,
  type AnswerTemplateCreate,
  type AnswerTemplateUpdate,
  type ConsultationCategoriesInput,
  type ConsultationCategorySettings,
  type ConsultationCounts,
  type ConsultationListQuery,
  type ConsultationStaff,
} from '../schemas/consultation-staff.js';
import { citizenConsultations, type CitizenConsultationsNamespace } from './citizen-consultations.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of the staff calls about one consultation. */
export interface StaffCallOptions extends CallOptions {
  /** The OPD the consultation belongs to (default: the client's). */
  opd?: string;
}

/** Options of {@link ConsultationsNamespace.setStatus}. */
export interface SetStatusOptions extends StaffCallOptions {
  /**
   * A note to the citizen. **Public**: the public timeline shows it to anyone holding the
   * tracking code. With `in_progress` it counts as the first response.
   */
  note?: string;
  /** A remark for staff only: staff views show it, no public response ever does. */
  internalNote?: string;
}

/** Calls about an OPD's answer templates (staff), `client.consultations.templates`. */
export interface AnswerTemplatesNamespace {
  /** Every answer template of the OPD (at most 100), by title. */
  list(options?: StaffCallOptions): Promise<AnswerTemplate[]>;
  /** Adds a template; a title another template of the OPD has (ignoring case) rejects with a 409 naming `title`. */
  create(input: AnswerTemplateCreate, options?: StaffCallOptions): Promise<AnswerTemplate>;
  /** Changes a template's title, text or both. */
  update(templateId: string, changes: AnswerTemplateUpdate, options?: StaffCallOptions): Promise<AnswerTemplate>;
  /** Deletes a template; answers sent from it stay as they are. */
  remove(templateId: string, options?: StaffCallOptions): Promise<void>;
}

/** Calls of the SIAP consultation service. */
export interface ConsultationsNamespace extends CitizenConsultationsNamespace {  /**
   * Staff: an OPD's consultations, newest first, filtered (filters combine): `status`, `due`
   * (`today`, `overdue`, `open`), `assignee` (`me`, `none` or a user id), `category`, `q`.
   */
  list(query?: ConsultationListQuery & { opd?: string }, options?: CallOptions): Paginated<ConsultationStaff>;
  /** Staff: one consultation with the citizen's contact. */
  get(trackingCode: string, options?: StaffCallOptions): Promise<ConsultationStaff>;
  /** Staff: answers a consultation (status becomes `answered`). */
  answer(trackingCode: string, text: string, options?: StaffCallOptions): Promise<ConsultationStaff>;
  /**
   * Staff: moves a consultation to another status, with an optional note to the citizen
   * (public) and an optional internal note (staff only), see {@link SetStatusOptions}.
   */
  setStatus(trackingCode: string, status: ConsultationStatus, options?: SetStatusOptions): Promise<ConsultationStaff>;
  /**
   * Staff: the queue counters of the OPD — per status, due today, overdue, still to be answered
   * and assigned to the signed-in user or to nobody, and when the newest question arrived. Cheap:
   * poll it (every 15 seconds or so) to show new questions without reloading the list.
   */
  counts(options?: StaffCallOptions): Promise<ConsultationCounts>;
  /**
   * Staff: gives a consultation to a colleague (a staff user id: an active user of the OPD or a
   * regency admin; anyone else rejects with a 422 naming `userId`), or to nobody with `null`.
   */
  assign(trackingCode: string, userId: string | null, options?: StaffCallOptions): Promise<ConsultationStaff>;
  /**
   * Staff: adds an internal note for colleagues. It changes neither the status nor the first
   * response and is never shown to the public; the staff view lists it in `notes`.
   */
  addNote(trackingCode: string, text: string, options?: StaffCallOptions): Promise<ConsultationStaff>;
  /** Staff: the OPD's answer templates. */
  readonly templates: AnswerTemplatesNamespace;
  /** Staff: the categories the form offers, in order, and the retired ones, each with how many consultations use it. */
  getCategories(options?: StaffCallOptions): Promise<ConsultationCategorySettings>;
  /**
   * OPD admin: sets the categories the form offers, the whole ordered list. One left out that
   * consultations use is retired (no longer offered, still named in views; listing it again
   * brings it back); one nobody uses is deleted.
   */
  setCategories(
    categories: ConsultationCategoriesInput['categories'],
    options?: StaffCallOptions,
  ): Promise<ConsultationCategorySettings>;
}

/** Builds `client.consultations`; pass it to {@link buildClient} to include SIAP in a client. */
export const consultations: NamespaceFactory<ConsultationsNamespace> = (sender, defaults) => {
  const opd = (named: string | undefined) => resolveOpd(named, defaults.opd);
  return {
    ...citizenConsultations(sender, defaults),

    list(query = {}, options) {
      const { opd: named, ...filters } = query;
      // Checked on the first page fetch, so a bad filter rejects like any other call.
      return paginate((cursor) =>
        sender.call(endpoints.list, {
          params: { opd: opd(named) },
          query: { ...filters, cursor: cursor ?? filters.cursor },
          what: 'the consultation list',
          signal: options?.signal,
        }),
      );
    },

    async get(trackingCode, options) {
      return sender.call(endpoints.get, {
        params: { opd: opd(options?.opd), trackingCode },
        what: `consultation ${trackingCode}`,
        signal: options?.signal,
      });
    },

    async answer(trackingCode, text, options) {
      return sender.call(endpoints.answer, {
        params: { opd: opd(options?.opd), trackingCode },
        body: { text },
        what: `the answer to ${trackingCode}`,
        signal: options?.signal,
      });
    },

    async setStatus(trackingCode, status, options) {
      return sender.call(endpoints.setStatus, {
        params: { opd: opd(options?.opd), trackingCode },
        body: { status, note: options?.note, internalNote: options?.internalNote },
        what: `the status of ${trackingCode}`,
        signal: options?.signal,
      });
    },

    async counts(options) {
      return sender.call(endpoints.counts, {
        params: { opd: opd(options?.opd) },
        what: 'the consultation counts',
        signal: options?.signal,
      });
    },

    async assign(trackingCode, userId, options) {
      return sender.call(endpoints.assign, {
        params: { opd: opd(options?.opd), trackingCode },
        body: { userId },
        what: `the assignee of ${trackingCode}`,
        signal: options?.signal,
      });
    },

    async addNote(trackingCode, text, options) {
      return sender.call(endpoints.addNote, {
        params: { opd: opd(options?.opd), trackingCode },
        body: { text },
        what: `a note on ${trackingCode}`,
        signal: options?.signal,
      });
    },

    templates: {
      async list(options) {
        const page = await sender.call(endpoints.listTemplates, {
          params: { opd: opd(options?.opd) },
          what: 'the answer templates',
          signal: options?.signal,
        });
        return page.data;
      },

      async create(input, options) {
        return sender.call(endpoints.createTemplate, {
          params: { opd: opd(options?.opd) },
          body: input,
          what: 'a new answer template',
          signal: options?.signal,
        });
      },

      async update(templateId, changes, options) {
        return sender.call(endpoints.updateTemplate, {
          params: { opd: opd(options?.opd), templateId },
          body: changes,
          what: `answer template ${templateId}`,
          signal: options?.signal,
        });
      },

      async remove(templateId, options) {
        await sender.call(endpoints.deleteTemplate, {
          params: { opd: opd(options?.opd), templateId },
          what: `answer template ${templateId}`,
          signal: options?.signal,
        });
      },
    },

    async getCategories(options) {
      return sender.call(endpoints.getCategories, {
        params: { opd: opd(options?.opd) },
        what: 'the consultation categories',
        signal: options?.signal,
      });
    },

    async setCategories(categories, options) {
      return sender.call(endpoints.setCategories, {
        params: { opd: opd(options?.opd) },
        body: { categories },
        what: 'the consultation categories',
        signal: options?.signal,
      });
    },
  };
};
