/**
 * `citizenInnovations`: One OPD One Innovation's public calls alone, for a page that only shows
 * the catalogue or the progress board (the `<opd-innovation-list>` and
 * `<opd-innovation-progress>` widgets): search the catalogue of verified innovations (`list`,
 * `search`), read one (`get`), the progress board (`progress`), the IID scoring model of a year
 * (`model`) and the export (`exportCsv`, `exportXlsxPath`). It imports only the public schemas
 * (`schemas/innovations.ts`), none of the staff's; `innovations.ts` re-exports it.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import { innovationEndpoints as endpoints, type Innovation, type InnovationProgress, type InnovationQuery, type ScoringModel } from '../schemas/innovations.js';
import type { NamespaceFactory } from './shared.js';

/** The catalogue's search and filters (see `innovationQuery`), without the page: the list pages itself. */
export type InnovationSearch = Omit<InnovationQuery, 'cursor'>;

/** One OPD One Innovation's public calls. */
export interface CitizenInnovationsNamespace {
  /** Verified innovations matching words and filters, best match first (newest first without words); pages itself. */
  list(search?: InnovationSearch, options?: CallOptions): Paginated<Innovation>;
  /** The first page of a search with the count of every match (for "12 inovasi ditemukan"). */
  search(search?: InnovationSearch & { cursor?: string }, options?: CallOptions): Promise<{ data: Innovation[]; nextCursor: string | null; total: number }>;
  /** One verified innovation with its evidence. */
  get(id: number, options?: CallOptions): Promise<Innovation>;
  /** The progress board of an assessment year (default: the configured one). */
  progress(year?: number, options?: CallOptions): Promise<InnovationProgress>;
  /** The IID scoring model a year is scored with (its own, else the latest before it). */
  model(year: number, options?: CallOptions): Promise<ScoringModel>;
  /** The export for the Kemendagri submission as CSV text. */
  exportCsv(year?: number, options?: CallOptions): Promise<string>;
  /** The path (below the backend's base URL) of the same export as XLSX, for a download link. */
  exportXlsxPath(year: number): string;
}

/** Builds the public calls; `buildClient(options, { innovations: citizenInnovations })`. */
export const citizenInnovations: NamespaceFactory<CitizenInnovationsNamespace> = (sender) => ({
  list(search, options) {
    return paginate((cursor) => sender.call(endpoints.list, { query: { ...search, ...(cursor ? { cursor } : {}) }, what: 'the innovation catalogue', signal: options?.signal }));
  },
  async search(search, options) {
    return sender.call(endpoints.list, { query: search ?? {}, what: 'the innovation catalogue', signal: options?.signal });
  },
  async get(id, options) {
    return sender.call(endpoints.get, { params: { id }, what: `innovation ${id}`, signal: options?.signal });
  },
  async progress(year, options) {
    return sender.call(endpoints.progress, { query: year === undefined ? {} : { year }, what: 'the innovation progress board', signal: options?.signal });
  },
  async model(year, options) {
    return sender.call(endpoints.model, { params: { year }, what: `the IID scoring model of ${year}`, signal: options?.signal });
  },
  async exportCsv(year, options) {
    return sender.call(endpoints.exportCsv, { query: year === undefined ? {} : { year }, what: 'the innovation export', signal: options?.signal });
  },
  exportXlsxPath(year) {
    return `/media/innovation-export/${Math.trunc(year)}.xlsx`;
  },
});
