/**
 * `client.csr`: SIP BENAR, Bappeda's CSR development board. Anyone lists an OPD's programmes
 * with filters (`programs.list`, pages itself; `programs.search` with its total), reads one with
 * its spending and evidence (`programs.get`), the summary of committed against spent
 * (`summary`) and the companies (`companies`). The OPD's staff — the CSR forum's secretariat —
 * keep the companies with their contact persons (`opd.companies.*`), the programmes with the
 * double-funding reasons (`opd.programs.*`), the spending entries with their evidence files
 * (`opd.spending.*`), the village proposals and the forum's decisions (`opd.proposals.*`), the
 * fields (`opd.setFields`, OPD admins) and download the CSV exports (`opd.exportProgramsCsv`,
 * `opd.exportSpendingCsv`). Each method is a thin call of one endpoint of `csrStaffEndpoints`.
 *
 * Money is whole rupiah: a body with `1.5`, `-1`, `"100"` or more than Rp 1 trillion is a
 * `ValidationError` naming the field before anything is sent (the sender checks every body
 * against the endpoint's schema). No SIP BENAR write is idempotent on the server (none takes an
 * `Idempotency-Key`), so writes are not retried after a network failure: read the programme
 * again before sending once more.
 *
 * `citizenCsr` (in `citizen-csr.ts`, re-exported here) is the public half alone, for a page that
 * only shows the board: it imports only the public schemas (`schemas/csr.ts`), none of the
 * staff's (`schemas/csr-staff.ts`).
 *
 * @module
 */
import type * as z from 'zod/mini';
import { paginate, type Paginated } from '../pagination.js';
import type { CsrField, CsrProgramStatus, CsrProposalStatus } from '../schemas/csr.js';
import {
  csrProgramStaff,
  csrStaffEndpoints as staffEndpoints,
  type CsrCompanyInput,
  type csrCompanyPatch,
  type CsrCompanyStaff,
  type CsrDecisionInput,
  type CsrFieldsInput,
  type CsrProgramInput,
  type CsrProgramPatch,
  type CsrProgramStaff,
  type CsrProposalInput,
  type csrProposalPatch,
  type CsrProposalStaff,
  type CsrSpendingInput,
  type csrSpendingPatch,
} from '../schemas/csr-staff.js';
import { citizenCsr, type CitizenCsrNamespace, type CsrCallOptions } from './citizen-csr.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

export { citizenCsr, type CitizenCsrNamespace, type CsrCallOptions, type CsrProgramSearch } from './citizen-csr.js';

/** An edit of a company: any of name, sector, contact person. */
export type CsrCompanyPatch = z.input<typeof csrCompanyPatch>;

/** An edit of a spending entry: any of day, amount, description, and the reason when it now passes the commitment. */
export type CsrSpendingPatch = z.input<typeof csrSpendingPatch>;

/** An edit of a submitted proposal: any field of {@link CsrProposalInput}. */
export type CsrProposalPatch = z.input<typeof csrProposalPatch>;

/** The staff's programme list's filters and page size (it pages itself). */
export interface CsrStaffProgramSearch {
  status?: CsrProgramStatus;
  year?: number;
  /** Programmes per request (1–100); the list pages itself whatever the size. */
  limit?: number;
}

/** The proposals' filter and page size (the list pages itself). */
export interface CsrProposalSearch {
  status?: CsrProposalStatus;
  /** Proposals per request (1–100). */
  limit?: number;
}

/** Options of a SIP BENAR create: the OPD, and the Idempotency-Key to send (default: a new one per call). */
export interface CsrCreateOptions extends CsrCallOptions {
  /** A form keeps one per draft, so sending it again after a lost answer records the programme or the entry once. */
  idempotencyKey?: string;
}

/** The staff's SIP BENAR calls about one OPD (default: the client's; `{ opd }` names another). */
export interface OpdCsrCalls {
  readonly companies: {
    /** Every company with its contact person and how many programmes it funds (the read is audited). */
    list(options?: CsrCallOptions): Promise<CsrCompanyStaff[]>;
    /** Adds a company (a name unique in the OPD, any case: 409 `conflict` when taken). */
    create(input: CsrCompanyInput, options?: CsrCallOptions): Promise<CsrCompanyStaff>;
    /** Edits a company's name, sector or contact person. */
    edit(id: number, patch: CsrCompanyPatch, options?: CsrCallOptions): Promise<CsrCompanyStaff>;
    /** Removes a company that funds no programme and was matched to no proposal (else 409 `conflict`). */
    remove(id: number, options?: CsrCallOptions): Promise<void>;
  };
  readonly programs: {
    /** The OPD's programmes as staff see them (double-funding flag and reason, spending with reasons); pages itself. */
    list(search?: CsrStaffProgramSearch, options?: CsrCallOptions): Paginated<CsrProgramStaff>;
    /** One programme as staff see it. */
    get(id: number, options?: CsrCallOptions): Promise<CsrProgramStaff>;
    /**
     * Records a programme. One in the same desa, field and year as another non-cancelled
     * programme of the OPD is an `ApiError` 409 `csr-double-funding` whose detail names the
     * other and whose `fieldErrors` name `doubleFundingReason`; sent again with
     * `doubleFundingReason` (at least 10 characters) it is saved and flagged.
     */
    create(input: CsrProgramInput, options?: CsrCreateOptions): Promise<CsrProgramStaff>;
    /** Edits a programme; moving it onto another's desa, field and year needs `doubleFundingReason`, lowering `committed` below what was spent `overBudgetReason`. */
    edit(id: number, patch: CsrProgramPatch, options?: CsrCallOptions): Promise<CsrProgramStaff>;
  };
  readonly spending: {
    /**
     * Adds a spending entry to a programme. One that takes spending past the commitment is an
     * `ApiError` 422 naming `overBudgetReason` (its message says by how much) unless
     * `overBudgetReason` says why; then it is kept and the programme shows `overspent` to everyone.
     */
    add(programId: number, input: CsrSpendingInput, options?: CsrCreateOptions): Promise<CsrProgramStaff>;
    /** Corrects a spending entry (by its id); a new amount past the commitment needs `overBudgetReason`. */
    edit(id: number, patch: CsrSpendingPatch, options?: CsrCallOptions): Promise<CsrProgramStaff>;
    /** Removes a spending entry and its evidence; answers the programme as it is now. */
    remove(id: number, options?: CsrCallOptions): Promise<CsrProgramStaff>;
    /**
     * Uploads one evidence file of a spending entry (a PDF, JPEG or PNG, at most 2 MB; 10 per
     * entry): the file's bytes as they are, the server tells the type by content (415 naming
     * `file` for anything else, 413 when too large) and strips a photo's location.
     */
    uploadEvidence(spendingId: number, file: Blob, options?: CsrCallOptions): Promise<CsrProgramStaff>;
    /** Removes an evidence file (by its id). */
    removeEvidence(fileId: string, options?: CsrCallOptions): Promise<CsrProgramStaff>;
  };
  readonly proposals: {
    /** The village proposals with their proposer's contact person and the forum's decision (the read is audited); pages itself. */
    list(search?: CsrProposalSearch, options?: CsrCallOptions): Paginated<CsrProposalStaff>;
    /** Records a village's proposal (*usulan desa*). */
    create(input: CsrProposalInput, options?: CsrCallOptions): Promise<CsrProposalStaff>;
    /** Edits a proposal while it is submitted (409 `conflict` after the forum decided). */
    edit(id: number, patch: CsrProposalPatch, options?: CsrCallOptions): Promise<CsrProposalStaff>;
    /** Records the CSR forum's decision, once: `approve` with the `companyId` it is matched to, or `reject` with a `note`. */
    decide(id: number, decision: CsrDecisionInput, options?: CsrCallOptions): Promise<CsrProposalStaff>;
  };
  /** Sets the OPD's fields, in order (OPD admins; a field in use cannot be dropped: 409 `conflict`). */
  setFields(input: CsrFieldsInput, options?: CsrCallOptions): Promise<CsrField[]>;
  /**
   * The programmes as CSV text (every field quoted, CRLF, formula starts neutralised), of one budget
   * year or every year. The file's UTF-8 BOM is dropped as the text is decoded: prepend `'\uFEFF'` when
   * saving it for a spreadsheet that needs it.
   */
  exportProgramsCsv(options?: CsrCallOptions & { year?: number }): Promise<string>;
  /** The spending entries as CSV text, one row per entry with its programme, reason and evidence addresses. */
  exportSpendingCsv(options?: CsrCallOptions & { year?: number }): Promise<string>;
}

/** SIP BENAR's calls: the public ones and the staff's. */
export interface CsrNamespace extends CitizenCsrNamespace {
  readonly opd: OpdCsrCalls;
}

/** Builds `client.csr` with the staff calls: `buildClient(options, { csr })`. */
export const csr: NamespaceFactory<CsrNamespace> = (sender, defaults) => {
  const opdOf = (options?: CsrCallOptions) => resolveOpd(options?.opd, defaults.opd);
  const yearQuery = (options?: { year?: number }) => (options?.year === undefined ? {} : { year: options.year });
  return {
    ...citizenCsr(sender, defaults),
    opd: {
      companies: {
        async list(options) {
          const opd = opdOf(options);
          const { data } = await sender.call(staffEndpoints.staffCompanies, { params: { opd }, what: `the CSR companies of ${opd}`, signal: options?.signal });
          return data;
        },
        async create(input, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.createCompany, { params: { opd }, body: input, what: `a new CSR company of ${opd}`, signal: options?.signal });
        },
        async edit(id, patch, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.editCompany, { params: { opd, id }, body: patch, what: `CSR company ${id}`, signal: options?.signal });
        },
        async remove(id, options) {
          const opd = opdOf(options);
          await sender.call(staffEndpoints.deleteCompany, { params: { opd, id }, what: `CSR company ${id}`, signal: options?.signal });
        },
      },
      programs: {
        list(search, options) {
          const opd = opdOf(options);
          return paginate((cursor) =>
            sender.call(staffEndpoints.staffPrograms, { params: { opd }, query: { ...search, ...(cursor ? { cursor } : {}) }, what: `the CSR programme records of ${opd}`, signal: options?.signal }),
          );
        },
        async get(id, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.staffProgram, { params: { opd, id }, what: `CSR programme ${id} of ${opd}`, signal: options?.signal });
        },
        async create(input, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.createProgram, { params: { opd }, body: input, what: `a new CSR programme of ${opd}`, signal: options?.signal, idempotencyKey: options?.idempotencyKey });
        },
        async edit(id, patch, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.editProgram, { params: { opd, id }, body: patch, what: `CSR programme ${id}`, signal: options?.signal });
        },
      },
      spending: {
        async add(programId, input, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.addSpending, { params: { opd, id: programId }, body: input, what: `a spending entry of CSR programme ${programId}`, signal: options?.signal, idempotencyKey: options?.idempotencyKey });
        },
        async edit(id, patch, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.editSpending, { params: { opd, id }, body: patch, what: `CSR spending entry ${id}`, signal: options?.signal });
        },
        async remove(id, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.deleteSpending, { params: { opd, id }, what: `CSR spending entry ${id}`, signal: options?.signal });
        },
        async uploadEvidence(spendingId, file, options) {
          const opd = opdOf(options);
          // The file's bytes as the body (the sender sends a Blob as it is); the server tells the type by content.
          return sender.send({
            method: 'POST',
            path: `api/v1/opds/${encodeURIComponent(opd)}/csr/spending/${Math.trunc(spendingId)}/evidence`,
            body: file,
            response: csrProgramStaff,
            what: `evidence for CSR spending entry ${spendingId}`,
            signal: options?.signal,
          });
        },
        async removeEvidence(fileId, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.deleteEvidence, { params: { opd, file: fileId }, what: `CSR evidence file ${fileId}`, signal: options?.signal });
        },
      },
      proposals: {
        list(search, options) {
          const opd = opdOf(options);
          return paginate((cursor) =>
            sender.call(staffEndpoints.proposals, { params: { opd }, query: { ...search, ...(cursor ? { cursor } : {}) }, what: `the village proposals of ${opd}`, signal: options?.signal }),
          );
        },
        async create(input, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.createProposal, { params: { opd }, body: input, what: `a new village proposal of ${opd}`, signal: options?.signal });
        },
        async edit(id, patch, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.editProposal, { params: { opd, id }, body: patch, what: `village proposal ${id}`, signal: options?.signal });
        },
        async decide(id, decision, options) {
          const opd = opdOf(options);
          return sender.call(staffEndpoints.decide, { params: { opd, id }, body: decision, what: `the forum’s decision on village proposal ${id}`, signal: options?.signal });
        },
      },
      async setFields(input, options) {
        const opd = opdOf(options);
        const { fields } = await sender.call(staffEndpoints.putFields, { params: { opd }, body: input, what: `the CSR fields of ${opd}`, signal: options?.signal });
        return fields;
      },
      async exportProgramsCsv(options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.exportPrograms, { params: { opd }, query: yearQuery(options), what: `the CSR programme export of ${opd}`, signal: options?.signal });
      },
      async exportSpendingCsv(options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.exportSpending, { params: { opd }, query: yearQuery(options), what: `the CSR spending export of ${opd}`, signal: options?.signal });
      },
    },
  };
};
