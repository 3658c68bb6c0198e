/**
 * Running the regency's OPDs: an OPD's settings (names, allowed website origins), adding one,
 * switching its modules, and the rollout board. Apart from `opds.ts` so a citizen's page does
 * not carry these schemas.
 *
 * @module
 */
import * as z from 'zod/mini';
import { timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { moduleNames, opdParams, opdSlug } from './opds.js';

/**
 * A website origin allowed to call the API from a browser (CORS): scheme, host and port,
 * no path, e.g. `https://bpkad.lahatkab.go.id`.
 */
export const websiteOrigin = z.string().check(
  z.trim(),
  z.regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'Enter an origin like https://bpkad.lahatkab.go.id (no path, no trailing slash)'),
  z.maxLength(200),
  // As a browser sends it in `Origin`: lower case, without the scheme's default port.
  z.toLowerCase(),
  z.overwrite((origin) => origin.replace(/^(https:\/\/[^/]+):443$|^(http:\/\/[^/]+):80$/, (_, https, http) => https ?? http)),
);

/** An OPD as its admins see it: what {@link opdSummary} shows plus its allowed website origins. */
export const opdSettings = z.object({
  slug: opdSlug,
  name: z.string(),
  nameEn: z.optional(z.string()),
  modules: z.array(z.enum(moduleNames)),
  allowedOrigins: z.array(z.string()),
  createdAt: timestamp,
});

/** An OPD's settings, see {@link opdSettings}. */
export type OpdSettings = z.infer<typeof opdSettings>;

const opdName = z.string('Enter the name').check(z.trim(), z.minLength(1, 'Enter the name'), z.maxLength(200));

/** `POST /api/v1/opds` (regency admin): a new OPD. Modules default to none. */
export const opdCreate = z.object({
  slug: opdSlug,
  name: opdName,
  nameEn: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  modules: z.optional(z.array(z.enum(moduleNames))),
  allowedOrigins: z.optional(z.array(websiteOrigin).check(z.maxLength(20))),
});

/**
 * `PATCH /api/v1/opds/{opd}` (OPD admin): its names and allowed website origins, at least one
 * of them. An empty `nameEn` removes it; `allowedOrigins` is the whole new list.
 */
export const opdUpdate = z
  .object({
    name: z.optional(opdName),
    nameEn: z.optional(z.string().check(z.trim(), z.maxLength(200))),
    allowedOrigins: z.optional(z.array(websiteOrigin).check(z.maxLength(20))),
  })
  .check(
    z.refine((v) => v?.name !== undefined || v?.nameEn !== undefined || v?.allowedOrigins !== undefined, {
      path: ['name'],
      message: 'Send at least one of name, nameEn and allowedOrigins',
      params: { code: 'required' },
    }),
  );

/** A change to an OPD, see {@link opdUpdate}. */
export type OpdUpdate = z.input<typeof opdUpdate>;

/** A new OPD, see {@link opdCreate}. */
export type OpdCreate = z.input<typeof opdCreate>;

/** `PUT /api/v1/opds/{opd}/modules` (regency admin): the modules the OPD has on, the whole list. */
export const opdModulesInput = z.object({ modules: z.array(z.enum(moduleNames)) });

/**
 * One OPD on the regency's rollout board, `GET /api/v1/overview`: its modules and, per module
 * it has on, that module's figures for the month (SIAP: `consultations`).
 */
export const opdOverview = z.object({
  slug: opdSlug,
  name: z.string(),
  modules: z.array(z.enum(moduleNames)),
  /**
   * SIAP this month: questions received, the share of those due this month whose first
   * response came within the service level (null when none was due), and questions overdue now.
   */
  consultations: z.optional(
    z.object({ received: z.number(), withinServiceLevel: z.nullable(z.number()), overdueNow: z.number() }),
  ),
});

/** `GET /api/v1/overview?month=YYYY-MM` (regency admin): the rollout board. */
export const regencyOverview = z.object({
  month: z.string(),
  opds: z.array(opdOverview),
});

/** The rollout board, see {@link regencyOverview}. */
export type RegencyOverview = z.infer<typeof regencyOverview>;

/** One OPD on the rollout board, see {@link opdOverview}. */
export type OpdOverview = z.infer<typeof opdOverview>;

/** A month `YYYY-MM`, of the years 2000 to 2100. */
export const monthValue = z.string().check(z.regex(/^(20\d\d|2100)-(0[1-9]|1[0-2])$/, 'Use a month like 2025-03 (years 2000 to 2100)'));

/** The tenancy endpoints of OPD admins and the regency admin. */
export const opdAdminEndpoints = {
  /** `GET /api/v1/opds/{opd}/settings`: the OPD as its admins see it. */
  getSettings: endpoint({
    id: 'getOpdSettings',
    method: 'GET',
    path: '/api/v1/opds/{opd}/settings',
    params: opdParams,
    response: opdSettings,
    access: 'opd-admin',
  }),
  /** `POST /api/v1/opds` (regency admin): adds an OPD. */
  create: endpoint({
    id: 'createOpd',
    method: 'POST',
    path: '/api/v1/opds',
    body: opdCreate,
    response: opdSettings,
    status: 201,
    access: 'regency-admin',
    errors: ['conflict'],
  }),
  /** `PATCH /api/v1/opds/{opd}` (OPD admin): renames it or changes its allowed website origins. */
  update: endpoint({
    id: 'updateOpd',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}',
    params: opdParams,
    body: opdUpdate,
    response: opdSettings,
    access: 'opd-admin',
  }),
  /** `PUT /api/v1/opds/{opd}/modules` (regency admin): switches modules on and off for the OPD. */
  setModules: endpoint({
    id: 'setOpdModules',
    method: 'PUT',
    path: '/api/v1/opds/{opd}/modules',
    params: opdParams,
    body: opdModulesInput,
    response: opdSettings,
    access: 'regency-admin',
  }),
  /** `GET /api/v1/overview` (regency admin): every OPD's modules and this month's figures. */
  overview: endpoint({
    id: 'getRegencyOverview',
    method: 'GET',
    path: '/api/v1/overview',
    query: z.object({ month: z.optional(monthValue) }),
    response: regencyOverview,
    access: 'regency-admin',
  }),
};
