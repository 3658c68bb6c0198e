/**
 * `client.innovations`: One OPD One Innovation. Anyone searches the catalogue of verified
 * innovations (`list`, words and filters; pages itself), reads one (`get`), the progress board
 * (`progress`), the IID scoring model of a year (`model`) and the CSV export (`exportCsv`; the
 * XLSX is a link, `exportXlsxPath`). OPD staff register drafts, edit them, upload evidence and
 * submit (`opd.*`); the reviewer OPD (Bappeda) verifies or returns (`review.*`); regency admins
 * set the reviewer, deadline and year (`settings.put`). Each method is a thin call of one
 * endpoint of `innovationStaffEndpoints`.
 *
 * `citizenInnovations` (in `citizen-innovations.ts`, re-exported here) is the public half alone,
 * for a page that only shows the catalogue or the board: it imports only the public schemas
 * (`schemas/innovations.ts`), none of the staff's (`schemas/innovations-staff.ts`).
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import type { InnovationStatus } from '../schemas/innovations.js';
import {
  innovationStaff,
  innovationStaffEndpoints as staffEndpoints,
  type InnovationInput,
  type InnovationPatch,
  type InnovationSettings,
  type InnovationStaff,
} from '../schemas/innovations-staff.js';
import { citizenInnovations, type CitizenInnovationsNamespace } from './citizen-innovations.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

export { citizenInnovations, type CitizenInnovationsNamespace, type InnovationSearch } from './citizen-innovations.js';

/** Options of a staff call about an OPD's innovations: the OPD (default: the client's). */
export interface InnovationCallOptions extends CallOptions {
  opd?: string;
}

/** Options of {@link OpdInnovationsCalls.create}. */
export interface InnovationCreateOptions extends InnovationCallOptions {
  /** The Idempotency-Key to send (default: a new one per call). A form keeps one per draft, so sending it again after a lost answer registers the draft once. */
  idempotencyKey?: string;
}

/** The staff's calls about one OPD's innovations. */
export interface OpdInnovationsCalls {
  /** The OPD's innovations in any status, with the contact person; pages itself. */
  list(query?: { status?: InnovationStatus; limit?: number }, options?: InnovationCallOptions): Paginated<InnovationStaff>;
  /** One of the OPD's innovations as staff see it. */
  get(id: number, options?: InnovationCallOptions): Promise<InnovationStaff>;
  /** Registers a draft (once per `idempotencyKey`). */
  create(input: InnovationInput, options?: InnovationCreateOptions): Promise<InnovationStaff>;
  /** Edits a draft or a returned innovation. */
  edit(id: number, patch: InnovationPatch, options?: InnovationCallOptions): Promise<InnovationStaff>;
  /** Sends it to the reviewer. */
  submit(id: number, options?: InnovationCallOptions): Promise<InnovationStaff>;
  /** Uploads an evidence file (PDF, JPEG or PNG, at most 2 MB) for an indicator of the year's model. */
  uploadEvidence(id: number, indicator: string, file: Blob, options?: InnovationCallOptions & { title?: string }): Promise<InnovationStaff>;
  /** Removes an evidence file. */
  removeEvidence(id: number, fileId: string, options?: InnovationCallOptions): Promise<InnovationStaff>;
}

/** The reviewer OPD's calls (Bappeda); `opd` is the reviewer's slug (default: the client's). */
export interface InnovationReviewCalls {
  /** Submitted innovations of every OPD (or those of `status`); pages itself. */
  queue(query?: { status?: InnovationStatus; limit?: number }, options?: InnovationCallOptions): Paginated<InnovationStaff>;
  /** Verifies a submitted innovation, with an optional note. */
  verify(id: number, comment?: string | null, options?: InnovationCallOptions): Promise<InnovationStaff>;
  /** Returns a submitted innovation to its OPD with what to fix. */
  return(id: number, comment: string, options?: InnovationCallOptions): Promise<InnovationStaff>;
}

/** One OPD One Innovation's calls: the public ones and the staff's. */
export interface InnovationsNamespace extends CitizenInnovationsNamespace {
  readonly opd: OpdInnovationsCalls;
  readonly review: InnovationReviewCalls;
  readonly settings: {
    /** The reviewer OPD, the deadline and the assessment year (staff). */
    get(options?: CallOptions): Promise<InnovationSettings>;
    /** Sets them (regency admins). */
    put(settings: InnovationSettings, options?: CallOptions): Promise<InnovationSettings>;
  };
}

/** Builds `client.innovations` with the staff calls: `buildClient(options, { innovations })`. */
export const innovations: NamespaceFactory<InnovationsNamespace> = (sender, defaults) => {
  const opdOf = (options?: InnovationCallOptions) => resolveOpd(options?.opd, defaults.opd);
  return {
    ...citizenInnovations(sender, defaults),
    opd: {
      list(query, options) {
        const opd = opdOf(options);
        return paginate((cursor) => sender.call(staffEndpoints.staffList, { params: { opd }, query: { ...query, ...(cursor ? { cursor } : {}) }, what: `the innovations of ${opd}`, signal: options?.signal }));
      },
      async get(id, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.staffGet, { params: { opd, id }, what: `innovation ${id} of ${opd}`, signal: options?.signal });
      },
      async create(input, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.create, { params: { opd }, body: input, what: `a new innovation of ${opd}`, signal: options?.signal, idempotencyKey: options?.idempotencyKey });
      },
      async edit(id, patch, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.edit, { params: { opd, id }, body: patch, what: `innovation ${id}`, signal: options?.signal });
      },
      async submit(id, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.submit, { params: { opd, id }, what: `the submission of innovation ${id}`, signal: options?.signal });
      },
      async uploadEvidence(id, indicator, file, options) {
        const opd = opdOf(options);
        // The file's bytes as the body (the sender sends a Blob as it is); the server tells the type by content.
        return sender.send({
          method: 'POST',
          path: `api/v1/opds/${encodeURIComponent(opd)}/innovations/${Math.trunc(id)}/evidence/${encodeURIComponent(indicator)}`,
          query: { title: options?.title },
          body: file,
          response: innovationStaff,
          what: `evidence for innovation ${id}`,
          signal: options?.signal,
        });
      },
      async removeEvidence(id, fileId, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.deleteEvidence, { params: { opd, id, file: fileId }, what: `evidence file ${fileId}`, signal: options?.signal });
      },
    },
    review: {
      queue(query, options) {
        const opd = opdOf(options);
        return paginate((cursor) => sender.call(staffEndpoints.reviewQueue, { params: { opd }, query: { ...query, ...(cursor ? { cursor } : {}) }, what: 'the innovation review queue', signal: options?.signal }));
      },
      async verify(id, comment, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.verify, { params: { opd, id }, body: comment ? { comment } : {}, what: `the verification of innovation ${id}`, signal: options?.signal });
      },
      async return(id, comment, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.return, { params: { opd, id }, body: { comment }, what: `the return of innovation ${id}`, signal: options?.signal });
      },
    },
    settings: {
      async get(options) {
        return sender.call(staffEndpoints.settings, { what: 'the innovation settings', signal: options?.signal });
      },
      async put(settings, options) {
        return sender.call(staffEndpoints.putSettings, { body: settings, what: 'the innovation settings', signal: options?.signal });
      },
    },
  };
};
