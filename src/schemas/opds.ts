/**
 * Tenancy: the OPDs (regional agencies) one deployment serves, and the modules each has on.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage } from './common.js';
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

/** The tenancy endpoints anyone may call (the admins' are `opdAdminEndpoints`, in `opd-admin.ts`). */
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
};
