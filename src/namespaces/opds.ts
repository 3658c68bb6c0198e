/**
 * `client.opds`: the OPDs this backend serves. Anyone lists them and reads one (`list`, `get`);
 * admins read and change their settings (`settings`, `update`), and the regency admin adds
 * OPDs, switches modules per OPD and reads the rollout board (`create`, `setModules`,
 * `overview`). A call beyond the signed-in user's role rejects with an `ApiError` of status 403
 * (`code` `forbidden`).
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import {
  opdEndpoints as endpoints,
  type ModuleName,
  type Opd,
  type OpdCreate,
  type OpdSettings,
  type OpdSummary,
  type OpdUpdate,
  type RegencyOverview,
} from '../schemas/opds.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of the admin calls about one OPD. */
export interface OpdCallOptions extends CallOptions {
  /** The OPD (default: the client's). */
  opd?: string;
}

/** Calls about OPDs. */
export interface OpdsNamespace {
  /** Anyone: every OPD of the regency with its enabled modules. */
  list(options?: CallOptions): Paginated<OpdSummary>;
  /** Anyone: one OPD (default: the client's) with its consultation categories. */
  get(slug?: string, options?: CallOptions): Promise<Opd>;
  /**
   * The OPD's admin or a regency admin: the OPD (default: the client's) as its admins see it,
   * with the website origins allowed to embed its widgets.
   */
  settings(options?: OpdCallOptions): Promise<OpdSettings>;
  /**
   * Regency admin: adds an OPD (modules default to none). A slug in use rejects with an
   * `ApiError` of status 409 naming `slug`. Its allowed origins may embed widgets at once.
   */
  create(input: OpdCreate, options?: CallOptions): Promise<OpdSettings>;
  /**
   * The OPD's admin or a regency admin: renames the OPD (default: the client's) or sets the
   * whole list of website origins allowed to embed its widgets (an empty `nameEn` removes it).
   */
  update(changes: OpdUpdate, options?: OpdCallOptions): Promise<OpdSettings>;
  /**
   * Regency admin: sets the whole list of modules the OPD (default: the client's) has on. A
   * module switched off answers 404 `module-disabled` on the OPD's paths from then on.
   */
  setModules(modules: readonly ModuleName[], options?: OpdCallOptions): Promise<OpdSettings>;
  /**
   * Regency admin: the rollout board, every OPD with its modules and each module's figures for
   * `month` (`YYYY-MM`, default this month in the regency's time zone).
   */
  overview(month?: string, options?: CallOptions): Promise<RegencyOverview>;
}

/** Builds `client.opds`; every client has it. */
export const opds: NamespaceFactory<OpdsNamespace> = (sender, defaults) => {
  const opd = (named: string | undefined) => resolveOpd(named, defaults.opd);
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
    async settings(options) {
      const target = opd(options?.opd);
      return sender.call(endpoints.getSettings, { params: { opd: target }, what: `the settings of ${target}`, signal: options?.signal });
    },
    async create(input, options) {
      return sender.call(endpoints.create, { body: input, what: `a new OPD ${input.slug}`, signal: options?.signal });
    },
    async update(changes, options) {
      const target = opd(options?.opd);
      return sender.call(endpoints.update, { params: { opd: target }, body: changes, what: `the settings of ${target}`, signal: options?.signal });
    },
    async setModules(modules, options) {
      const target = opd(options?.opd);
      return sender.call(endpoints.setModules, {
        params: { opd: target },
        body: { modules: [...modules] },
        what: `the modules of ${target}`,
        signal: options?.signal,
      });
    },
    async overview(month, options) {
      return sender.call(endpoints.overview, { query: { month }, what: 'the rollout board', signal: options?.signal });
    },
  };
};
