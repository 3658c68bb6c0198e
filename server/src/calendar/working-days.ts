/**
 * Working days in the regency's time zone, for every module's service level: Monday to
 * Friday, except the days off in the `holidays` table. Indonesia's zones have fixed offsets
 * (WIB +07:00, WITA +08:00, WIT +09:00; no daylight saving), so a day in the regency is an
 * exact span of UTC time and no time-zone database is needed.
 *
 * Days are `YYYY-MM-DD` strings (a day, not a moment); moments are `Date`s.
 *
 * @module
 */
import { indonesianTimeZones, type IndonesianTimeZone } from '../../../src/schemas/index.js';

/** A calendar day, `YYYY-MM-DD`. */
export type CalendarDay = string;

const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** The offset of `zone` from UTC, in milliseconds. */
function offsetMs(zone: IndonesianTimeZone): number {
  return indonesianTimeZones[zone].utcOffsetMinutes * MINUTE_MS;
}

/** The day `instant` falls on in `zone`: 2025-03-06T23:00Z is Friday 7 March in WIB. */
export function dayIn(instant: Date, zone: IndonesianTimeZone): CalendarDay {
  return new Date(instant.getTime() + offsetMs(zone)).toISOString().slice(0, 10);
}

/** The first moment of `day` in `zone`. */
export function startOfDayIn(day: CalendarDay, zone: IndonesianTimeZone): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - offsetMs(zone));
}

/** The last millisecond of `day` in `zone` (23:59:59.999 there). */
export function endOfDayIn(day: CalendarDay, zone: IndonesianTimeZone): Date {
  return new Date(startOfDayIn(day, zone).getTime() + DAY_MS - 1);
}

/** `day` plus `days` calendar days (negative: back). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Saturday or Sunday. */
export function isWeekend(day: CalendarDay): boolean {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * The day that is `count` working days after `day` (`day` itself not counted, whether or
 * not it is a working day). A working day is Monday–Friday and not `isHoliday`.
 */
export function addWorkingDays(day: CalendarDay, count: number, isHoliday: (day: CalendarDay) => boolean = () => false): CalendarDay {
  let current = day;
  let counted = 0;
  while (counted < count) {
    current = addDays(current, 1);
    if (isWeekend(current) || isHoliday(current)) continue;
    counted += 1;
  }
  return current;
}
