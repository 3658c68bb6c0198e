/**
 * `client.opds` with the admins' calls: an OPD's admin reads and changes its settings
 * (`settings`, `update`); the regency admin adds OPDs, switches modules per OPD and reads the
 * rollout board (`create`, `setModules`, `overview`). A call beyond the signed-in user's role
 * rejects with an `ApiError` of status 403 (`code` `forbidden`). `createClient()` has it;
 * `buildClient(options, { opds: opdsAdmin })` adds it to a smaller client.
 *
 * @module
 */
import type { CallOptions } from '../request.js';
import type { ModuleName } from '../schemas/opds.js';
import { opdAdminEndpoints as endpoints, type OpdCreate, type OpdSettings, type OpdUpdate, type RegencyOverview } from '../schemas/opd-admin.js';
import { opds, type OpdsNamespace } from './opds.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of the admin calls about one OPD. */
export interface OpdCallOptions extends CallOptions {
  /** The OPD (default: the client's). */
  opd?: string;
}

/** Calls about OPDs, the admins' included. */
export interface OpdsAdminNamespace extends OpdsNamespace {
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

/** Builds `client.opds` with the admins' calls. */
export const opdsAdmin: NamespaceFactory<OpdsAdminNamespace> = (sender, defaults) => {
  const opd = (named: string | undefined) => resolveOpd(named, defaults.opd);
  return {
    ...opds(sender, defaults),
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
