/**
 * Tenancy, the spine's part every OPD has: `GET /api/v1/opds` and `GET /api/v1/opds/{opd}`,
 * the admins' routes (`./admin.ts`: settings, adding OPDs, modules, the rollout board), the
 * `opds` table's demo rows, and its part of the API reference.
 *
 * @module
 */
import {
  opd,
  opdCreate,
  opdEndpoints,
  opdList,
  opdModulesInput,
  opdSettings,
  opdUpdate,
  regencyOverview,
} from '../../../src/schemas/index.js';
import { defineModule, route } from '../http/module.js';
import { tenancyAdminRoutes } from './admin.js';
import { seedOpds } from './seed.js';

/**
 * Public and the same for everyone: browsers and shared caches may keep it a minute, then
 * revalidate with the ETag (a 304 when nothing changed). The server itself sees a change
 * within a second (the directory); a browser that read it just before, within the minute.
 */
const CACHE = { 'Cache-Control': 'public, max-age=60' };

const listRoute = route({
  endpoint: opdEndpoints.list,
  summary: 'List the agencies',
  description: 'Every agency (OPD) of the deployment with the modules it has switched on. One page holds all.',
  returns: 'The agencies.',
  conditional: true,
  async handler({ deps }) {
    // Every OPD fits one page (a regency has some 40); the list shape leaves room for paging.
    return { prepared: await deps.directory.list(), headers: CACHE };
  },
});

const getRoute = route({
  endpoint: opdEndpoints.get,
  summary: 'Get one agency',
  description:
    'One agency with its modules, the regency’s time zone (`timeZone`, the one every date is shown in) and what each module’s widgets need (SIAP: its consultation categories).',
  returns: 'The agency.',
  conditional: true,
  docs: { opd: 'The agency (OPD) slug, e.g. `bpkad`.' },
  async handler({ opd, deps }) {
    // Every widget's first read: the OPD, the regency's time zone (the widgets show every date
    // in it) and each module's fields, prepared once per directory version.
    return { prepared: (await deps.directory.view(opd)).prepared, headers: CACHE };
  },
});

/** Tenancy: the agencies this deployment serves. Not switched per OPD. */
export const tenancyModule = defineModule({
  id: 'tenancy',
  perOpd: false,
  routes: [listRoute, getRoute, ...tenancyAdminRoutes],
  seed: (db, { now }) => seedOpds(db, now),
  openapi: {
    tag: { name: 'OPD', description: 'The agencies (OPD) this deployment serves and the modules each has on; for admins, their settings, the module switch and the rollout board.' },
    schemas: {
      OpdList: { schema: opdList, io: 'output', description: 'Every agency with its modules.' },
      Opd: { schema: opd, io: 'output', description: 'One agency with what its widgets need.' },
      OpdSettings: { schema: opdSettings, io: 'output', description: 'An agency as its admins see it, with its allowed website origins.' },
      OpdCreate: { schema: opdCreate, io: 'input', description: 'A new agency: slug, names, allowed website origins, modules (default none).' },
      OpdUpdate: { schema: opdUpdate, io: 'input', description: 'New names or the whole new list of allowed website origins (at least one field).' },
      OpdModulesInput: { schema: opdModulesInput, io: 'input', description: 'The whole list of modules the agency has on.' },
      RegencyOverview: { schema: regencyOverview, io: 'output', description: 'The rollout board: every agency, its modules and each module’s figures for the month.' },
    },
  },
});
