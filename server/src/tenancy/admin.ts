/**
 * Tenancy for admins: an OPD's settings (its admin: names and the websites allowed to embed its
 * widgets), adding OPDs and switching modules per OPD (the regency admin), and the rollout
 * board of every OPD (`GET /api/v1/overview`), to which each module adds its month's figures
 * (`ServerModule.overview`). Every write is in the audit log with the person.
 *
 * A change shows at once: the OPD is read afresh by every request (CORS, the module switch),
 * so a new OPD's website may embed the form right away and a module switched off answers
 * `module-disabled` from the next request on.
 *
 * @module
 */
import { opdAdminEndpoints as endpoints, type OpdOverview } from '../../../src/schemas/index.js';
import { dayIn, startOfDayIn } from '../calendar/working-days.js';
import { audit } from '../db/audit.js';
import type { OpdRow } from '../db/schema.js';
import { route } from '../http/module.js';
import { ProblemError } from '../http/problem.js';
import { rememberOpd } from './load.js';
import {
  distinctOrigins,
  enabledModules,
  insertOpd,
  listOpds,
  lockOpd,
  orderedModules,
  toOpdSettings,
  updateOpd,
  type OpdChanges,
} from './queries.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** The audit subject of an OPD. */
function subjectOf(slug: string): string {
  return `opd:${slug}`;
}

function opdGone(slug: string): ProblemError {
  return new ProblemError('not-found', { detail: `There is no agency (OPD) "${slug}" here` });
}

const getSettings = route({
  endpoint: endpoints.getSettings,
  summary: 'Get an agency’s settings',
  description: 'The agency as its admins see it: names, the modules it has on and the website origins allowed to embed its widgets. For the OPD’s admin or a regency admin.',
  returns: 'The settings.',
  docs: { opd: 'The agency (OPD) slug, e.g. `bpkad`.' },
  async handler({ opd }) {
    return { body: toOpdSettings(opd), headers: NO_STORE };
  },
});

const create = route({
  endpoint: endpoints.create,
  summary: 'Add an agency',
  description:
    'Adds an agency (OPD) with its names, the website origins allowed to embed its widgets (CORS) and the modules it has on (default none: switch them on when its rollout begins). The slug is its address in every path and cannot be changed later; a slug in use answers 409 naming `slug`. Its websites may call the API at once. For a regency admin.',
  returns: 'Added.',
  async handler({ body, deps, now, actor, c }) {
    const modules = orderedModules(body.modules ?? []);
    const allowedOrigins = distinctOrigins(body.allowedOrigins ?? []);
    const row = await deps.db.transaction().execute(async (trx) => {
      const added = await insertOpd(trx, { slug: body.slug, name: body.name, nameEn: body.nameEn || null, modules, allowedOrigins }, now);
      if (!added) {
        throw new ProblemError('conflict', {
          detail: `An agency with the slug "${body.slug}" exists already; choose another slug or change that agency`,
          errors: [{ path: 'slug', message: 'Another agency has this slug', code: 'alreadyUsed' }],
        });
      }
      await audit(trx, { actor, action: 'opd.create', subject: subjectOf(added.slug), opd: added.slug, detail: { modules, allowedOrigins } }, now);
      return added;
    });
    rememberOpd(c, row);
    deps.log.info('agency added', { opd: row.slug, user: actor.id });
    return { body: toOpdSettings(row), headers: { ...NO_STORE, Location: `/api/v1/opds/${row.slug}/settings` } };
  },
});

/** What changed between two rows, for the audit entry: names and origins, before and after. */
function changesOf(before: OpdRow, after: OpdRow): Record<string, { from: unknown; to: unknown }> {
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  if (before.name !== after.name) changed.name = { from: before.name, to: after.name };
  if (before.name_en !== after.name_en) changed.nameEn = { from: before.name_en, to: after.name_en };
  if (JSON.stringify(before.allowed_origins) !== JSON.stringify(after.allowed_origins)) {
    changed.allowedOrigins = { from: before.allowed_origins, to: after.allowed_origins };
  }
  if (JSON.stringify(before.modules) !== JSON.stringify(after.modules)) changed.modules = { from: before.modules, to: after.modules };
  return changed;
}

const update = route({
  endpoint: endpoints.update,
  summary: 'Change an agency’s names or websites',
  description:
    'Renames the agency (`name`, `nameEn`; an empty `nameEn` removes it) or sets the whole list of website origins allowed to embed its widgets (`allowedOrigins`, e.g. `https://bpkad.lahatkab.go.id`), at once for every request after this one. For the OPD’s admin or a regency admin; its modules are the regency admin’s (`PUT …/modules`).',
  returns: 'The new settings.',
  docs: { opd: 'The agency (OPD) slug, e.g. `bpkad`.' },
  async handler({ opd, body, deps, now, actor, c }) {
    const changes: OpdChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.nameEn !== undefined) changes.nameEn = body.nameEn || null;
    if (body.allowedOrigins !== undefined) changes.allowedOrigins = distinctOrigins(body.allowedOrigins);
    const row = await deps.db.transaction().execute(async (trx) => {
      const before = await lockOpd(trx, opd.slug);
      if (!before) throw opdGone(opd.slug);
      const after = await updateOpd(trx, opd.slug, changes);
      const changed = changesOf(before, after);
      if (Object.keys(changed).length > 0) {
        await audit(trx, { actor, action: 'opd.update', subject: subjectOf(opd.slug), opd: opd.slug, detail: changed }, now);
      }
      return after;
    });
    rememberOpd(c, row);
    return { body: toOpdSettings(row), headers: NO_STORE };
  },
});

const setModules = route({
  endpoint: endpoints.setModules,
  summary: 'Switch modules on and off for an agency',
  description:
    'Sets the whole list of modules the agency has on. A module switched off answers 404 `module-disabled` on the agency’s paths from the next request on (its data stays); switched on again, it works as before. For a regency admin.',
  returns: 'The new settings.',
  docs: { opd: 'The agency (OPD) slug, e.g. `bpkad`.' },
  async handler({ opd, body, deps, now, actor, c }) {
    const modules = orderedModules(body.modules);
    const row = await deps.db.transaction().execute(async (trx) => {
      const before = await lockOpd(trx, opd.slug);
      if (!before) throw opdGone(opd.slug);
      const after = await updateOpd(trx, opd.slug, { modules });
      const on = modules.filter((name) => !before.modules.includes(name));
      const off = before.modules.filter((name) => !(modules as readonly string[]).includes(name));
      if (on.length > 0 || off.length > 0) {
        await audit(trx, { actor, action: 'opd.modules', subject: subjectOf(opd.slug), opd: opd.slug, detail: { on, off, modules } }, now);
      }
      return after;
    });
    rememberOpd(c, row);
    deps.log.info('agency modules set', { opd: row.slug, modules: modules.join(','), user: actor.id });
    return { body: toOpdSettings(row), headers: NO_STORE };
  },
});

/** The month after `month` (`YYYY-MM`). */
function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

const overview = route({
  endpoint: endpoints.overview,
  summary: 'The rollout board',
  description:
    'Every agency with the modules it has on and, per module, that module’s figures for the month (`month=YYYY-MM`, default this month in the regency’s time zone). SIAP: `consultations` — questions received in the month, the share of those due in the month whose first response came within the service level (null when none was due), and questions overdue now. An agency with no modules on is listed too (not yet rolled out). For a regency admin.',
  returns: 'The board.',
  docs: { month: 'The month, `YYYY-MM` (default: this month in the regency’s time zone).' },
  async handler({ query, deps, now }) {
    const { timeZone } = deps.settings;
    const month = query.month ?? dayIn(now, timeZone).slice(0, 7);
    const from = startOfDayIn(`${month}-01`, timeZone);
    const to = startOfDayIn(`${nextMonth(month)}-01`, timeZone);
    const rows = await listOpds(deps.db);
    const board = new Map<string, OpdOverview & Record<string, unknown>>(
      rows.map((row) => [row.slug, { slug: row.slug, name: row.name, modules: enabledModules(row) }]),
    );
    for (const module of deps.modules) {
      if (!module.overview) continue;
      const on = rows.filter((row) => row.modules.includes(module.id));
      if (on.length === 0) continue;
      const figures = await module.overview(deps.db, { opds: on, from, to, now, timeZone });
      for (const row of on) {
        const entry = board.get(row.slug);
        const own = figures.get(row.slug);
        if (entry && own) Object.assign(entry, own);
      }
    }
    return { body: { month, opds: [...board.values()] }, headers: NO_STORE };
  },
});

/** The admins' tenancy routes, mounted with the public ones by `tenancyModule`. */
export const tenancyAdminRoutes = [getSettings, create, update, setModules, overview];
