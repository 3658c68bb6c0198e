/**
 * e-Agenda's times: reading what staff and range queries write (a day, a local time in a zone,
 * or an instant with its offset), and saying a time as the public log does, in Indonesian
 * ("Senin, 7 Desember 2026 pukul 10.00 WIB"). Indonesia's zones keep one offset all year (no
 * daylight saving), so a local time is its instant minus the zone's offset.
 *
 * @module
 */
import { addDays, dayIn, startOfDayIn } from '../../calendar/working-days.js';
import { DATE_PATTERN, indonesianTimeZones, type EventPeriod, type IndonesianTimeZone } from '../../../../src/schemas/index.js';

/** A zone's name as stored, narrowed (the table's check allows only Indonesia's). */
export function zoneOf(name: string): IndonesianTimeZone {
  return (name in indonesianTimeZones ? name : 'Asia/Jakarta') as IndonesianTimeZone;
}

/** True when `text` is a real day `YYYY-MM-DD` (not 2026-02-30). */
export function isDay(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const parsed = new Date(`${text}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === text;
}

/** What a moment's text was: a day alone, a local time, or an instant with its offset. */
export type MomentKind = 'day' | 'local' | 'instant';

/**
 * Reads a moment written as {@link DATE_TIME_PATTERN} says: a day is its first moment in
 * `zone`, a local time is in `zone`, an instant is itself. Undefined when it is no real moment
 * (a 30 February, a 25th hour).
 */
export function readMoment(text: string, zone: IndonesianTimeZone): { at: Date; kind: MomentKind } | undefined {
  const day = text.slice(0, 10);
  if (!isDay(day)) return undefined;
  if (text.length === 10) return { at: startOfDayIn(day, zone), kind: 'day' };
  const match = /^T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.slice(10));
  if (!match) return undefined;
  const [, hh, mm, ss = '0', ms = '0', offset] = match;
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = Number(ss);
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  let offsetMinutes = indonesianTimeZones[zone].utcOffsetMinutes;
  if (offset === 'Z') offsetMinutes = 0;
  else if (offset) {
    const sign = offset.startsWith('-') ? -1 : 1;
    const [oh, om] = offset.slice(1).split(':').map(Number) as [number, number];
    if (oh > 14 || om > 59) return undefined;
    offsetMinutes = sign * (oh * 60 + om);
  }
  const utc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), hours, minutes, seconds, Number(ms.padEnd(3, '0')));
  return { at: new Date(utc - offsetMinutes * 60_000), kind: offset ? 'instant' : 'local' };
}

/** The instants of an all-day period: from the first moment of `startDate` to that of the day after `endDate`, in `zone`. */
export function daysToInstants(startDate: string, endDate: string, zone: IndonesianTimeZone): { startsAt: Date; endsAt: Date } {
  return { startsAt: startOfDayIn(startDate, zone), endsAt: startOfDayIn(addDays(endDate, 1), zone) };
}

/** The day `instant` falls on in `zone`. */
export function dayOf(instant: Date, zone: IndonesianTimeZone): string {
  return dayIn(instant, zone);
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const timeFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(zone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(zone);
  if (!format) dayFormats.set(zone, (format = new Intl.DateTimeFormat('id-ID', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })));
  return format;
}

function timeFormat(zone: string): Intl.DateTimeFormat {
  let format = timeFormats.get(zone);
  if (!format) timeFormats.set(zone, (format = new Intl.DateTimeFormat('id-ID', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return format;
}

/** `Senin, 7 Desember 2026` (a day in its own right: formatted at noon UTC, whatever the zone). */
export function sayDay(day: string): string {
  return dayFormat('UTC').format(new Date(`${day}T12:00:00Z`));
}

/**
 * A period as the public log says it: `Senin, 7 Desember 2026 pukul 10.00–12.00 WIB`, or for
 * whole days `Senin, 14 Desember 2026` / `Senin, 14 Desember 2026 s.d. Sabtu, 19 Desember 2026`.
 */
export function sayPeriod(period: EventPeriod, timeZone: string): string {
  if (period.startDate !== null) {
    const end = period.endDate ?? period.startDate;
    return end === period.startDate ? sayDay(period.startDate) : `${sayDay(period.startDate)} s.d. ${sayDay(end)}`;
  }
  const zone = zoneOf(timeZone);
  const abbreviation = indonesianTimeZones[zone].abbreviation;
  const start = new Date(period.startsAt);
  const end = new Date(period.endsAt);
  const sameDay = dayIn(start, zone) === dayIn(end, zone);
  const startText = `${dayFormat(zone).format(start)} pukul ${timeFormat(zone).format(start)}`;
  if (sameDay) return `${startText}–${timeFormat(zone).format(end)} ${abbreviation}`;
  return `${startText} ${abbreviation} s.d. ${dayFormat(zone).format(end)} pukul ${timeFormat(zone).format(end)} ${abbreviation}`;
}
