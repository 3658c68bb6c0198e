/**
 * `client.consultations`: SIAP, the consultation service. Citizens `create` and `track`;
 * staff (with a token) `list`, `get`, `answer` and `setStatus`. Each method is a thin call
 * of one endpoint in {@link consultationEndpoints}.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import {
  consultationEndpoints as endpoints,
  type ConsultationCreateInput,
  type ConsultationListQuery,
  type ConsultationPublic,
  type ConsultationReceipt,
  type ConsultationStaff,
  type ConsultationStatus,
} from '../schemas/consultations.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of {@link ConsultationsNamespace.create}. */
export interface CreateConsultationOptions extends CallOptions {
  /** The OPD asked (default: the client's). */
  opd?: string;
  /**
   * Reuse a key to make a retry of the same question safe across page reloads: the server
   * answers the same receipt again instead of storing a second question. Default: a new key
   * per call, reused across this call's own retries.
   */
  idempotencyKey?: string;
}

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

/** Calls of the SIAP consultation service. */
export interface ConsultationsNamespace {
  /**
   * Sends a citizen's question and returns its receipt with the `trackingCode`.
   * The input is checked against the shared schema first ({@link ValidationError}). When
   * `idempotencyKey` was already used for a different question, it rejects with an
   * `IdempotencyConflictError` whose `stored` is that question's receipt.
   */
  create(input: ConsultationCreateInput, options?: CreateConsultationOptions): Promise<ConsultationReceipt>;
  /** The public view of a consultation: status, timeline, answer; no personal data. */
  track(trackingCode: string, options?: CallOptions): Promise<ConsultationPublic>;
  /** Staff: an OPD's consultations, newest first, filtered. Needs a token. */
  list(query?: ConsultationListQuery & { opd?: string }, options?: CallOptions): Paginated<ConsultationStaff>;
  /** Staff: one consultation with the citizen's contact. Needs a token. */
  get(trackingCode: string, options?: StaffCallOptions): Promise<ConsultationStaff>;
  /** Staff: answers a consultation (status becomes `answered`). Needs a token. */
  answer(trackingCode: string, text: string, options?: StaffCallOptions): Promise<ConsultationStaff>;
  /**
   * Staff: moves a consultation to another status, with an optional note to the citizen
   * (public) and an optional internal note (staff only), see {@link SetStatusOptions}. Needs a token.
   */
  setStatus(trackingCode: string, status: ConsultationStatus, options?: SetStatusOptions): Promise<ConsultationStaff>;
}

/** Builds `client.consultations`; pass it to {@link buildClient} to include SIAP in a client. */
export const consultations: NamespaceFactory<ConsultationsNamespace> = (sender, defaults) => {
  const opd = (named: string | undefined) => resolveOpd(named, defaults.opd);
  return {
    async create(input, options) {
      const slug = opd(options?.opd);
      return sender.call(endpoints.create, {
        params: { opd: slug },
        body: input,
        idempotencyKey: options?.idempotencyKey,
        what: `a new consultation for ${slug}`,
        signal: options?.signal,
      });
    },

    async track(trackingCode, options) {
      return sender.call(endpoints.track, {
        params: { trackingCode },
        what: `consultation ${trackingCode}`,
        signal: options?.signal,
      });
    },

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
  };
};
