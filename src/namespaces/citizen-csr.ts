/**
 * `citizenCsr`: SIP BENAR's public calls alone, for a page that only shows where CSR money
 * goes (the `<opd-csr-board>` widget): an OPD's programmes with filters (`programs.list`,
 * pages itself; `programs.search` for the first page with its total), one programme with its
 * spending entries and evidence (`programs.get`), the summary of committed against spent by
 * field, kecamatan, company and year with the villages' needs not yet funded (`summary`), and
 * the companies (`companies`). It imports only the public schemas (`schemas/csr.ts`), none of
 * the staff's; `csr.ts` re-exports it and adds the staff calls.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import { csrEndpoints as endpoints, type CsrCompany, type CsrProgram, type CsrProgramDetail, type CsrProgramList, type CsrProgramQuery, type CsrSummary } from '../schemas/csr.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of a SIP BENAR call: the OPD (Bappeda) whose programmes these are (default: the client's). */
export interface CsrCallOptions extends CallOptions {
  /** The OPD that runs SIP BENAR, e.g. `bappeda`. */
  opd?: string;
}

/** The programme list's filters (field, kecamatan, company, year, status) and page size, without the cursor: the list pages itself. */
export type CsrProgramSearch = Omit<CsrProgramQuery, 'cursor'>;

/** SIP BENAR's public calls. */
export interface CitizenCsrNamespace {
  /** The OPD's programmes. */
  readonly programs: {
    /** The programmes matching the filters, newest year first; pages itself. */
    list(search?: CsrProgramSearch, options?: CsrCallOptions): Paginated<CsrProgram>;
    /** One page of the same with the count of every match (`total`, for "50 program"); pass its `nextCursor` back for the next. */
    search(search?: CsrProgramQuery, options?: CsrCallOptions): Promise<CsrProgramList>;
    /** One programme with its spending entries, oldest first, and their evidence files. */
    get(id: number, options?: CsrCallOptions): Promise<CsrProgramDetail>;
  };
  /**
   * Committed against spent (whole rupiah) over the counted programmes (approved, running, done,
   * postponed) by field, kecamatan, company and year; beneficiaries; the programmes over budget;
   * the villages' needs not yet funded. `year` narrows it to one budget year (default: every year).
   */
  summary(options?: CsrCallOptions & { year?: number }): Promise<CsrSummary>;
  /** The companies funding the OPD's programmes, by name (no contact person). */
  companies(options?: CsrCallOptions): Promise<CsrCompany[]>;
}

/** Builds SIP BENAR's public calls; `buildClient(options, { csr: citizenCsr })`. */
export const citizenCsr: NamespaceFactory<CitizenCsrNamespace> = (sender, defaults) => {
  const opdOf = (options?: CsrCallOptions) => resolveOpd(options?.opd, defaults.opd);
  return {
    programs: {
      list(search, options) {
        const opd = opdOf(options);
        return paginate((cursor) =>
          sender.call(endpoints.listPrograms, {
            params: { opd },
            query: { ...search, ...(cursor ? { cursor } : {}) },
            what: `the CSR programmes of ${opd}`,
            signal: options?.signal,
          }),
        );
      },
      async search(search, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.listPrograms, { params: { opd }, query: search ?? {}, what: `the CSR programmes of ${opd}`, signal: options?.signal });
      },
      async get(id, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.getProgram, { params: { opd, id }, what: `CSR programme ${id}`, signal: options?.signal });
      },
    },
    async summary(options) {
      const opd = opdOf(options);
      const year = options?.year;
      return sender.call(endpoints.summary, { params: { opd }, query: year === undefined ? {} : { year }, what: `the CSR summary of ${opd}`, signal: options?.signal });
    },
    async companies(options) {
      const opd = opdOf(options);
      const { data } = await sender.call(endpoints.listCompanies, { params: { opd }, what: `the CSR companies of ${opd}`, signal: options?.signal });
      return data;
    },
  };
};
