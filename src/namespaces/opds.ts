/**
 * `client.opds`: the OPDs this backend serves.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions, RequestSender } from '../request.js';
import { opd, opdList, type Opd, type OpdSummary } from '../schemas/opds.js';
import { resolveOpd } from './shared.js';

/** Calls about OPDs. */
export interface OpdsNamespace {
  /** Every OPD of the regency with its enabled modules. */
  list(options?: CallOptions): Paginated<OpdSummary>;
  /** One OPD (default: the client's) with its consultation categories. */
  get(slug?: string, options?: CallOptions): Promise<Opd>;
}

/** @internal */
export function opdsNamespace(sender: RequestSender, defaultOpd: string | undefined): OpdsNamespace {
  return {
    list(options) {
      return paginate((cursor) =>
        sender.send({
          method: 'GET',
          path: 'api/v1/opds',
          query: { cursor },
          response: opdList,
          what: 'the list of OPDs',
          signal: options?.signal,
        }),
      );
    },
    async get(slug, options) {
      const target = resolveOpd(slug, defaultOpd);
      return sender.send({
        method: 'GET',
        path: `api/v1/opds/${encodeURIComponent(target)}`,
        response: opd,
        what: `OPD ${target}`,
        signal: options?.signal,
      });
    },
  };
}
