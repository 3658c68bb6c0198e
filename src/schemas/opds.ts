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
};

/** A calendar day, `YYYY-MM-DD` (no time, no zone), e.g. `2026-03-20`. */
export const CALENDAR_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** True when `value` is a `YYYY-MM-DD` day that exists (not `2025-02-29`). */
export function isCalendarDate(value: string): boolean {
  if (!CALENDAR_DATE_PATTERN.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}

/** A calendar day, see {@link isCalendarDate}. */
export const calendarDate = z.string().check(
  z.refine(isCalendarDate, { message: 'Enter a date that exists, as YYYY-MM-DD, like 2026-03-20', params: { code: 'format' } }),
);

/**
 * What kind of day off a holiday is: a national holiday (*hari libur nasional*), a joint
 * leave day (*cuti bersama*; both set each year by the SKB of three ministers), or a day off
 * of the regency only (`regional`).
 */
export const holidayKinds = ['national', 'cuti-bersama', 'regional'] as const;

/** A kind of day off, see {@link holidayKinds}. */
export type HolidayKind = (typeof holidayKinds)[number];

/**
 * A day off of the regency besides Saturday and Sunday: no working day for any service level
 * (SIAP's first response, and the modules to come).
 */
export const holiday = z.object({
  date: calendarDate,
  name: z.string(),
  kind: z.enum(holidayKinds),
});

/** A day off, see {@link holiday}. */
export type Holiday = z.infer<typeof holiday>;

/** `PUT /api/v1/holidays/{date}`: the name and kind of a day off (staff). */
export const holidayInput = z.object({
  name: z.string('Enter the name of the day off').check(
    z.trim(),
    z.minLength(1, 'Enter the name of the day off'),
    z.maxLength(200, 'Name must be 200 characters or fewer'),
  ),
  kind: z.enum(holidayKinds, 'Choose national, cuti-bersama or regional'),
});

/** The name and kind of a day off, see {@link holidayInput}. */
export type HolidayInput = z.input<typeof holidayInput>;

/** The first and last year the holiday list takes. */
export const HOLIDAY_YEARS = { min: 2000, max: 2100 } as const;

/** `?year=` of the holiday list. */
export const holidayListQuery = z.object({
  year: z.coerce
    .number('Give the year, like ?year=2026')
    .check(
      z.int(`Give a year from ${HOLIDAY_YEARS.min} to ${HOLIDAY_YEARS.max}`),
      z.minimum(HOLIDAY_YEARS.min, `Give a year from ${HOLIDAY_YEARS.min} to ${HOLIDAY_YEARS.max}`),
      z.maximum(HOLIDAY_YEARS.max, `Give a year from ${HOLIDAY_YEARS.min} to ${HOLIDAY_YEARS.max}`),
    ),
});

/** `GET /api/v1/holidays?year=`: the days off of one year, in date order (one page holds all). */
export const holidayList = listPage(holiday);

/** A day the holiday list can hold: a calendar day within {@link HOLIDAY_YEARS}. */
const holidayDate = calendarDate.check(
  z.refine((value) => Number(value.slice(0, 4)) >= HOLIDAY_YEARS.min && Number(value.slice(0, 4)) <= HOLIDAY_YEARS.max, {
    message: `Enter a day from ${HOLIDAY_YEARS.min} to ${HOLIDAY_YEARS.max}, as YYYY-MM-DD`,
    params: { code: 'format' },
  }),
);

const holidayParams = z.object({ date: holidayDate });

/**
 * The regency's days off (one list per deployment, as the regency runs one backend): staff
 * list them per year, add or rename one, and remove one.
 */
export const holidayEndpoints = {
  /** `GET /api/v1/holidays?year=`: the days off of a year (staff). */
  list: endpoint({
    id: 'listHolidays',
    method: 'GET',
    path: '/api/v1/holidays',
    query: holidayListQuery,
    response: holidayList,
    access: 'staff',
  }),
  /** `PUT /api/v1/holidays/{date}`: adds a day off, or renames the one on that date (staff). */
  put: endpoint({
    id: 'putHoliday',
    method: 'PUT',
    path: '/api/v1/holidays/{date}',
    params: holidayParams,
    body: holidayInput,
    response: holiday,
    access: 'staff',
  }),
  /** `DELETE /api/v1/holidays/{date}`: the day is a working day again (staff). */
  remove: endpoint({
    id: 'deleteHoliday',
    method: 'DELETE',
    path: '/api/v1/holidays/{date}',
    params: holidayParams,
    response: z.undefined(),
    status: 204,
    access: 'staff',
  }),
};
