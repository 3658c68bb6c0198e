/**
 * `client.consultations`: SIAP, the consultation service. Citizens `create` and `track`;
 * staff (with a token) `list`, `get`, `answer` and `setStatus`.
 *
 * @module
 */
import { newIdempotencyKey } from '../idempotency.js';
import { paginate, type Paginated } from '../pagination.js';
import { checkInput, type CallOptions, type RequestSender } from '../request.js';
import {
  consultationAnswerInput,
  consultationCreate,
  consultationListQuery,
  consultationPublic,
  consultationReceipt,
  consultationStaff,
  consultationStaffList,
  consultationStatusInput,
  normalizeTrackingCode,
  trackingCode as trackingCodeSchema,
  type ConsultationCreateInput,
  type ConsultationListQuery,
  type ConsultationPublic,
  type ConsultationReceipt,
  type ConsultationStaff,
  type ConsultationStatus,
} from '../schemas/consultations.js';
import { resolveOpd } from './shared.js';

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

/** Calls of the SIAP consultation service. */
export interface ConsultationsNamespace {
  /**
   * Sends a citizen's question and returns its receipt with the `trackingCode`.
   * The input is checked against the shared schema first ({@link ValidationError}).
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
  /** Staff: moves a consultation to another status, with an optional note. Needs a token. */
  setStatus(
    trackingCode: string,
    status: ConsultationStatus,
    options?: StaffCallOptions & { note?: string },
  ): Promise<ConsultationStaff>;
}

/** @internal */
export function consultationsNamespace(
  sender: RequestSender,
  defaultOpd: string | undefined,
): ConsultationsNamespace {
  const staffPath = (opd: string | undefined, code?: string) => {
    const slug = encodeURIComponent(resolveOpd(opd, defaultOpd));
    const base = `api/v1/opds/${slug}/consultations`;
    return code === undefined ? base : `${base}/${checkTrackingCode(code)}`;
  };

  return {
    async create(input, options) {
      const slug = resolveOpd(options?.opd, defaultOpd);
      const body = checkInput(consultationCreate, input);
      return sender.send({
        method: 'POST',
        path: `api/v1/opds/${encodeURIComponent(slug)}/consultations`,
        body,
        idempotencyKey: options?.idempotencyKey ?? newIdempotencyKey(),
        response: consultationReceipt,
        what: `a new consultation for ${slug}`,
        signal: options?.signal,
      });
    },

    async track(code, options) {
      const normalized = checkTrackingCode(code);
      return sender.send({
        method: 'GET',
        path: `api/v1/consultations/${normalized}`,
        response: consultationPublic,
        what: `consultation ${normalized}`,
        signal: options?.signal,
      });
    },

    list(query = {}, options) {
      const { opd, ...filters } = query;
      // Checked on the first page fetch, so a bad filter rejects like any other call.
      return paginate(async (cursor) => {
        const checked = checkInput(consultationListQuery, filters);
        return sender.send({
          method: 'GET',
          path: staffPath(opd),
          query: { ...checked, cursor: cursor ?? checked.cursor },
          response: consultationStaffList,
          what: 'the consultation list',
          signal: options?.signal,
        });
      });
    },

    async get(code, options) {
      return sender.send({
        method: 'GET',
        path: staffPath(options?.opd, code),
        response: consultationStaff,
        what: `consultation ${code}`,
        signal: options?.signal,
      });
    },

    async answer(code, text, options) {
      return sender.send({
        method: 'POST',
        path: `${staffPath(options?.opd, code)}/answer`,
        body: checkInput(consultationAnswerInput, { text }),
        response: consultationStaff,
        what: `the answer to ${code}`,
        signal: options?.signal,
      });
    },

    async setStatus(code, status, options) {
      const body = checkInput(consultationStatusInput, { status, note: options?.note });
      return sender.send({
        method: 'POST',
        path: `${staffPath(options?.opd, code)}/status`,
        body,
        response: consultationStaff,
        what: `the status of ${code}`,
        signal: options?.signal,
      });
    },
  };
}

function checkTrackingCode(code: string): string {
  return checkInput(trackingCodeSchema, normalizeTrackingCode(code));
}
