/**
 * An iCalendar (RFC 5545) writer for e-Agenda's feeds: `METHOD:PUBLISH`, one `VTIMEZONE` per
 * zone the events use, and per event `UID`, `DTSTAMP`, `SEQUENCE`, `STATUS`, the page link in
 * `URL` and again in `DESCRIPTION` (many apps ignore `URL`), all-day events as `VALUE=DATE`
 * with the exclusive `DTEND` the RFC asks for; text escaped (§3.3.11), lines folded at 75
 * octets without splitting a UTF-8 character (§3.1), every line ended by CRLF.
 *
 * Times are local with a `TZID` and its `VTIMEZONE`, not UTC: the council decided "10.00 WIB",
 * and an app shows that as the meeting's own time (and converts it for a reader elsewhere).
 * Indonesia's zones have had one offset all year since the 1960s and 1988 (no daylight saving),
 * so each `VTIMEZONE` is a single `STANDARD` rule and exact for every date the agenda holds.
 *
 * Written here, not with a library: the writers on npm want Node 22 (ical-generator) or write
 * no `VTIMEZONE`; the tests read what this writes with ical.js and validate it with libical.
 *
 * @module
 */
import { indonesianTimeZones, type IndonesianTimeZone } from '../../../../src/schemas/index.js';

/** The `PRODID` of every calendar opd-kit writes. */
export const PRODUCT_ID = '-//opd-kit//e-Agenda DPRD//ID';

/** How often calendar apps are asked to poll (RFC 7986 `REFRESH-INTERVAL`, and Outlook's `X-PUBLISHED-TTL`). */
export const REFRESH_INTERVAL = 'PT1H';

/** One event as the writer needs it. */
export interface IcsEvent {
  uid: string;
  /** Who publishes it (`ORGANIZER`, which iTIP's PUBLISH requires): the council's name and address. */
  organizer: { name: string; email: string };
  sequence: number;
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';
  /** The event's last change: `DTSTAMP` and `LAST-MODIFIED` (see the feed's docs: it keeps the feed's bytes, and its ETag, still between changes). */
  updatedAt: Date;
  createdAt: Date;
  summary: string;
  description: string;
  location: string | null;
  url: string;
  categories: readonly string[];
  timeZone: IndonesianTimeZone;
  /** An all-day event's days: the first and the day after the last (exclusive). */
  days: { start: string; endExclusive: string } | null;
  startsAt: Date;
  endsAt: Date;
}

/** A calendar: its name and description and its events. */
export interface IcsCalendar {
  name: string;
  description: string;
  /** The zone the calendar is read in by default (`X-WR-TIMEZONE`). */
  timeZone: IndonesianTimeZone;
  events: readonly IcsEvent[];
}

/** Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds one content line at 75 octets (§3.1): the first line holds up to 75, each following
 * one a space and up to 74; a UTF-8 character is never split. Ends with CRLF.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return `${line}\r\n`;
  const parts: string[] = [];
  let current = '';
  let currentBytes = 0;
  let limit = 75;
  for (const char of line) {
    const bytes = encoder.encode(char).length;
    if (currentBytes + bytes > limit) {
      parts.push(current);
      current = '';
      currentBytes = 0;
      limit = 74;
    }
    current += char;
    currentBytes += bytes;
  }
  parts.push(current);
  return `${parts.join('\r\n ')}\r\n`;
}

/** `20261207T030000Z`. */
function utc(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** `20261207T100000`, the local time of `instant` in `zone`. */
function local(instant: Date, zone: IndonesianTimeZone): string {
  return utc(new Date(instant.getTime() + indonesianTimeZones[zone].utcOffsetMinutes * 60_000)).slice(0, 15);
}

/** `+0700`. */
function offset(zone: IndonesianTimeZone): string {
  const minutes = indonesianTimeZones[zone].utcOffsetMinutes;
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** The `VTIMEZONE` of an Indonesian zone: one `STANDARD` rule, its offset all year. */
function vtimezone(zone: IndonesianTimeZone): string[] {
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${offset(zone)}`,
    `TZOFFSETTO:${offset(zone)}`,
    `TZNAME:${indonesianTimeZones[zone].abbreviation}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ];
}

function vevent(event: IcsEvent): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${event.uid}`,
    `DTSTAMP:${utc(event.updatedAt)}`,
    `CREATED:${utc(event.createdAt)}`,
    `LAST-MODIFIED:${utc(event.updatedAt)}`,
    `ORGANIZER;CN="${event.organizer.name.replace(/["\r\n]/g, '')}":mailto:${event.organizer.email}`,
    `SEQUENCE:${event.sequence}`,
    `STATUS:${event.status}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.days) {
    lines.push(`DTSTART;VALUE=DATE:${event.days.start.replace(/-/g, '')}`, `DTEND;VALUE=DATE:${event.days.endExclusive.replace(/-/g, '')}`, 'TRANSP:TRANSPARENT');
  } else {
    lines.push(`DTSTART;TZID=${event.timeZone}:${local(event.startsAt, event.timeZone)}`, `DTEND;TZID=${event.timeZone}:${local(event.endsAt, event.timeZone)}`);
  }
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push(`DESCRIPTION:${escapeText(event.description)}`, `URL;VALUE=URI:${event.url}`);
  if (event.categories.length > 0) lines.push(`CATEGORIES:${event.categories.map(escapeText).join(',')}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The calendar as iCalendar text: CRLF lines, folded, one `VTIMEZONE` per zone its timed events use. */
export function writeCalendar(calendar: IcsCalendar): string {
  const zones = new Set<IndonesianTimeZone>();
  for (const event of calendar.events) if (!event.days) zones.add(event.timeZone);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODUCT_ID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `DESCRIPTION:${escapeText(calendar.description)}`,
    `X-WR-CALDESC:${escapeText(calendar.description)}`,
    `X-WR-TIMEZONE:${calendar.timeZone}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH_INTERVAL}`,
    `X-PUBLISHED-TTL:${REFRESH_INTERVAL}`,
    ...[...zones].sort().flatMap(vtimezone),
    ...calendar.events.flatMap(vevent),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('');
}
