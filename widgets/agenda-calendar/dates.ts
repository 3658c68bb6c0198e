/**
 * Calendar arithmetic of `<opd-agenda-calendar>` on days written `YYYY-MM-DD` (a day of the
 * council's calendar, no time, no zone), and the days an event covers in a time zone.
 *
 * Days are computed in UTC on purpose: a day key is a date, not an instant, and UTC has no
 * daylight saving, so adding days never lands on the wrong one whatever the browser's zone.
 *
 * @module
 */

/** A day of the calendar, `YYYY-MM-DD`. */
export type DayKey = string;

const DAY_MS = 86_400_000;

/** The UTC midnight of `day`. */
export function dayDate(day: DayKey): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The key of a UTC date. */
export function keyOf(date: Date): DayKey {
  return date.toISOString().slice(0, 10);
}

/** `day` moved by `n` days. */
export function addDays(day: DayKey, n: number): DayKey {
  return keyOf(new Date(dayDate(day).getTime() + n * DAY_MS));
}

/** `day` moved by `n` months, kept within the month (31 January + 1 month = 28 February). */
export function addMonths(day: DayKey, n: number): DayKey {
  const date = dayDate(day);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), last));
  return keyOf(target);
}

/** The first day of `day`'s month. */
export function monthStart(day: DayKey): DayKey {
  return `${day.slice(0, 7)}-01`;
}

/** The weekday of `day`, ISO style: 1 Monday … 7 Sunday. */
export function isoWeekday(day: DayKey): number {
  return dayDate(day).getUTCDay() || 7;
}

/** The first day of the week holding `day`, for weeks starting on `firstDay` (1 Monday … 7 Sunday). */
export function weekStart(day: DayKey, firstDay: number): DayKey {
  return addDays(day, -((isoWeekday(day) - firstDay + 7) % 7));
}

/** Whole days from `a` to `b`. */
export function daysBetween(a: DayKey, b: DayKey): number {
  return Math.round((dayDate(b).getTime() - dayDate(a).getTime()) / DAY_MS);
}

/** Whether `day` is a valid date written `YYYY-MM-DD`. */
export function isDayKey(day: string | null | undefined): day is DayKey {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = dayDate(day);
  return !Number.isNaN(date.getTime()) && keyOf(date) === day;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** Days already worked out, by zone and instant: a month of a council's meetings starts and ends at few distinct times. */
const dayMemo = new Map<string, Map<number, DayKey>>();

/** The day an instant falls on in `timeZone`. */
export function dayIn(instant: string | number | Date, timeZone: string): DayKey {
  const ms = new Date(instant).getTime();
  let memo = dayMemo.get(timeZone);
  if (!memo) dayMemo.set(timeZone, (memo = new Map()));
  let day = memo.get(ms);
  if (day === undefined) {
    let format = dayFormats.get(timeZone);
    if (!format) {
      // en-CA writes dates as YYYY-MM-DD.
      format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
      dayFormats.set(timeZone, format);
    }
    day = format.format(ms);
    // Kept small: a long session browsing years of agenda does not grow it without end.
    if (memo.size >= 20_000) memo.clear();
    memo.set(ms, day);
  }
  return day;
}

/** What {@link eventDays} reads of an event. */
export interface Dated {
  allDay: boolean;
  startsAt: string;
  endsAt: string;
  startDate: string | null;
  endDate: string | null;
}

/** {@link eventDays}' answers by event and zone (an event's times do not change: a changed event arrives as a new object). */
const daysMemo = new WeakMap<Dated, { zone: string; days: [DayKey, DayKey] }>();

/**
 * The first and last day (included) an event covers in `timeZone`: an all-day event's own days
 * (the council decided them), a timed one the days its start and its last moment fall on.
 */
export function eventDays(event: Dated, timeZone: string): [DayKey, DayKey] {
  const known = daysMemo.get(event);
  if (known?.zone === timeZone) return known.days;
  let days: [DayKey, DayKey];
  if (event.allDay && isDayKey(event.startDate)) days = [event.startDate, isDayKey(event.endDate) ? event.endDate : event.startDate];
  else {
    const first = dayIn(event.startsAt, timeZone);
    const start = new Date(event.startsAt).getTime();
    const end = new Date(event.endsAt).getTime();
    const last = end > start ? dayIn(end - 1, timeZone) : first;
    days = [first, last < first ? first : last];
  }
  daysMemo.set(event, { zone: timeZone, days });
  return days;
}
