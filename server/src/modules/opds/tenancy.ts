/**
 * Tenancy at the route edge: `/opds/{opd}/…` routes load their OPD first. An unknown OPD
 * answers 404 `not-found`; a module the OPD has not switched on answers 404 `module-disabled`.
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import type { ModuleName } from '../../../../src/schemas/index.js';
import type { AppEnv } from '../../http/env.js';
import { ProblemError } from '../../http/problem.js';
import { enabledModules, findOpd } from './queries.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Loads the `:opd` of the route into `c.get('opd')`; with `module`, also checks it is enabled. */
export function withOpd(module?: ModuleName): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const slug = c.req.param('opd') ?? '';
    const row = SLUG.test(slug) ? await findOpd(c.get('deps').db, slug) : undefined;
    if (!row) {
      throw new ProblemError('not-found', { detail: `There is no agency (OPD) "${slug.slice(0, 64)}" here` });
    }
    if (module && !enabledModules(row).includes(module)) {
      throw new ProblemError('module-disabled', {
        detail: `${row.name} does not offer ${module} here`,
      });
    }
    c.set('opd', row);
    await next();
  };
}
