/**
 * The regency's calendar: its days off (national holidays, cuti bersama, regional days),
 * which every module's service level skips, and the staff endpoints that keep them. Apart
 * from the OPD shapes so that no citizen-facing widget ships these staff-only schemas.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage } from './common.js';
import { endpoint } from './endpoint.js';

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
  /** `PUT /api/v1/holidays/{date}`: adds a day off, or renames the one on that date (regency admin). */
  put: endpoint({
    id: 'putHoliday',
    method: 'PUT',
    path: '/api/v1/holidays/{date}',
    params: holidayParams,
    body: holidayInput,
    response: holiday,
    access: 'regency-admin',
  }),
  /** `DELETE /api/v1/holidays/{date}`: the day is a working day again (regency admin). */
  remove: endpoint({
    id: 'deleteHoliday',
    method: 'DELETE',
    path: '/api/v1/holidays/{date}',
    params: holidayParams,
    response: z.undefined(),
    status: 204,
    access: 'regency-admin',
  }),
};
