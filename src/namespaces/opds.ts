/**
 * `client.opds`: the OPDs this backend serves. Anyone lists them and reads one (`list`, `get`);
 * `createClient()`'s client adds the admins' calls (see `OpdsAdminNamespace`).
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import { opdEndpoints as endpoints, type Opd, type OpdSummary } from '../schemas/opds.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Calls about OPDs. */
export interface OpdsNamespace {
  /** Anyone: every OPD of the regency with its enabled modules. */
  list(options?: CallOptions): Paginated<OpdSummary>;
  /** Anyone: one OPD (default: the client's) with its consultation categories. */
  get(slug?: string, options?: CallOptions): Promise<Opd>;
}

/** Builds `client.opds`; every client has it. */
export const opds: NamespaceFactory<OpdsNamespace> = (sender, defaults) => {
  return {
    list(options) {
      // Every OPD fits one page (a regency has some 40) and the endpoint takes no cursor.
      return paginate(async () => ({
        ...(await sender.call(endpoints.list, { what: 'the list of OPDs', signal: options?.signal })),
        nextCursor: null,
      }));
    },
    async get(slug, options) {
      const target = resolveOpd(slug, defaults.opd);
      return sender.call(endpoints.get, { params: { opd: target }, what: `OPD ${target}`, signal: options?.signal });
    },
  };
};
