/**
 * The citizen's half of `client.consultations`: `create` (ask a question) and `track` (follow
 * it by its tracking code). The form and the status widget build their client with it, so a
 * citizen's page carries none of SIAP's staff schemas; `consultations` adds the staff calls.
 *
 * @module
 */
import type { CallOptions } from '../request.js';
import {
  consultationPublicEndpoints as endpoints,
  type ConsultationCreateInput,
  type ConsultationPublic,
  type ConsultationReceipt,
} from '../schemas/consultations.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of {@link CitizenConsultationsNamespace.create}. */
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

/** SIAP's calls for citizens. */
export interface CitizenConsultationsNamespace {
  /**
   * Sends a citizen's question and returns its receipt with the `trackingCode`.
   * The input is checked against the shared schema first ({@link ValidationError}). When
   * `idempotencyKey` was already used for a different question, it rejects with an
   * `IdempotencyConflictError` whose `stored` is that question's receipt.
   */
  create(input: ConsultationCreateInput, options?: CreateConsultationOptions): Promise<ConsultationReceipt>;
  /** The public view of a consultation: status, timeline, answer; no personal data. */
  track(trackingCode: string, options?: CallOptions): Promise<ConsultationPublic>;
}

/** Builds the citizen's SIAP calls; `buildClient(options, { consultations: citizenConsultations })`. */
export const citizenConsultations: NamespaceFactory<CitizenConsultationsNamespace> = (sender, defaults) => ({
  async create(input, options) {
    const slug = resolveOpd(options?.opd, defaults.opd);
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
});
