/**
 * Tenancy: the OPDs (regional agencies) one deployment serves, and the modules each has on.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, timestamp } from './common.js';
import { endpoint } from './endpoint.js';

/** Every module opd-kit knows; an OPD switches on the ones it runs. */
export const moduleNames = ['siap', 'perjaka', 'agenda', 'innovation', 'csr', 'layanan'] as const;

/** A module name, see {@link moduleNames}. */
export type ModuleName = (typeof moduleNames)[number];

/** What an OPD slug looks like: lowercase letters and digits in groups joined by single hyphens. */
export const OPD_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** An OPD's short, URL-safe name, e.g. `bpkad` or `dinas-pupr`. */
export const opdSlug = z.string().check(
  z.minLength(2),
  z.maxLength(64),
  z.regex(OPD_SLUG_PATTERN, 'Use lowercase letters, digits and single hyphens'),
);

/** The `{opd}` path parameter every OPD-scoped endpoint has. */
export const opdParams = z.object({ opd: opdSlug });

/**
 * Indonesia's time zones by IANA name, with the abbreviation Indonesians write after a time
 * and the offset from UTC (none of them has daylight saving). A regency runs in one of them:
 * WIB (Sumatra, Java, West and Central Kalimantan), WITA (Bali, Nusa Tenggara, South, East
 * and North Kalimantan, Sulawesi), WIT (Maluku, Papua).
 */
export const indonesianTimeZones = {
  'Asia/Jakarta': { abbreviation: 'WIB', utcOffsetMinutes: 7 * 60 },
  'Asia/Pontianak': { abbreviation: 'WIB', utcOffsetMinutes: 7 * 60 },
  'Asia/Makassar': { abbreviation: 'WITA', utcOffsetMinutes: 8 * 60 },
  'Asia/Jayapura': { abbreviation: 'WIT', utcOffsetMinutes: 9 * 60 },
} as const;

/** An Indonesian time zone, see {@link indonesianTimeZones}. */
export type IndonesianTimeZone = keyof typeof indonesianTimeZones;

/** The time zone of a deployment that names none: Asia/Jakarta (WIB). */
export const DEFAULT_TIME_ZONE: IndonesianTimeZone = 'Asia/Jakarta';

/**
 * The regency's time zone as the API gives it (`timeZone`): an IANA name such as
 * `Asia/Makassar`, to pass to `Intl.DateTimeFormat`'s `timeZone` option. A string, not a
 * closed list, so a client keeps working if a zone is ever added; today it is one of
 * {@link indonesianTimeZones}.
 */
export const timeZoneName = z.string().check(z.minLength(1));

/**
 * A consultation category an OPD offers, e.g. `{ id: 'aset-daerah', name: 'Aset daerah',
 * nameEn: 'Regional assets' }`. `name` is Indonesian; `nameEn`, the English name, is there
 * only when the OPD gave one (show `name` otherwise).
 */
export const consultationCategory = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.optional(z.string()),
});

/** A consultation category, see {@link consultationCategory}. */
export type ConsultationCategory = z.infer<typeof consultationCategory>;

/**
 * An OPD as `GET /api/v1/opds` lists it. `name` is its official (Indonesian) name; `nameEn`,
 * its English name, is there only when the OPD gave one (show `name` otherwise).
 */
export const opdSummary = z.object({
  slug: opdSlug,
  name: z.string(),
  nameEn: z.optional(z.string()),
  modules: z.array(z.enum(moduleNames)),
});

/** An OPD as listed, see {@link opdSummary}. */
export type OpdSummary = z.infer<typeof opdSummary>;

/**
 * One OPD with what its widgets need: `GET /api/v1/opds/{opd}`. `timeZone` is the regency's
 * (every date the widgets show is in it, e.g. `Asia/Makassar` → WITA); `nameEn` as in
 * {@link opdSummary}.
 */
export const opd = z.object({
  slug: opdSlug,
  name: z.string(),
  nameEn: z.optional(z.string()),
  modules: z.array(z.enum(moduleNames)),
  // Optional: a backend from before time zones answers without it (the widgets then use WIB).
  timeZone: z.optional(timeZoneName),
  consultationCategories: z.array(consultationCategory),
});

/** One OPD, see {@link opd}. */
export type Opd = z.infer<typeof opd>;

/** `GET /api/v1/opds`. */
export const opdList = listPage(opdSummary);

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

/** The tenancy endpoints. */
export const opdEndpoints = {
  /** `GET /api/v1/opds`: every OPD with its modules. */
  list: endpoint({
    id: 'listOpds',
    method: 'GET',
    path: '/api/v1/opds',
    response: opdList,
    access: 'public',
  }),
  /** `GET /api/v1/opds/{opd}`: one OPD with what its widgets need. */
  get: endpoint({
    id: 'getOpd',
    method: 'GET',
    path: '/api/v1/opds/{opd}',
    params: opdParams,
    response: opd,
    access: 'public',
  }),
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
