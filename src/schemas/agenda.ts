/**
 * e-Agenda's public shapes and endpoints (`agendaPublicEndpoints`): the council (DPRD) agenda of a
 * Sekretariat DPRD — its bodies (Paripurna, Komisi I–IV, Badan Anggaran, …), events with their
 * times and time zone, statuses, documents and public change log — and its iCalendar feeds.
 *
 * The SDK's `agenda` namespace and the server's `agenda` module both read it. These are the
 * public shapes and endpoints (`agendaPublicEndpoints`); what only staff send or see — the
 * inputs of scheduling, editing, postponing and cancelling, the bodies as an OPD admin sets
 * them, the staff's view of an event — is in `agenda-staff.ts`, so a citizen's calendar
 * carries none of it.
 *
 * Times travel as instants (`startsAt`, `endsAt`, ISO 8601) with the event's IANA time zone
 * (`timeZone`: Asia/Jakarta, Asia/Makassar or Asia/Jayapura); an all-day or multi-day event
 * (a reses) also carries its days (`startDate`, `endDate`, the last day included). A status
 * of `passed` is never stored: it follows from the end.
 *
 * @module
 */
import * as z from 'zod/mini';
import { MAX_PAGE_SIZE } from './common.js';
import { endpoint } from './endpoint.js';
import { indonesianTimeZones, opdParams, opdSlug } from './opds.js';

/**
 * @internal One zod check made of a function saying what is wrong with a value (the issue
 * zod's own check raises, or nothing) and what it records for the JSON Schema (`bag`, as
 * zod's own check records it). The calendar's page checks every event it reads against these
 * schemas; zod's number-format, range and ISO date-time classes would weigh 1 KB min+gzip in
 * its bundle for the few checks below, which say the same in a few lines each.
 */
function lightCheck<T>(issue: (input: T) => z.core.$ZodRawIssue | undefined, bag: object): z.core.$ZodCheck<T> {
  const check = z.check<T>((payload) => {
    const found = issue(payload.value);
    if (found) payload.issues.push({ inst: check, continue: true, ...found });
  });
  check._zod.onattach.push((schema) => Object.assign(schema._zod.bag, bag));
  return check;
}

/**
 * @internal A whole number within `[min, max]`: what `z.int()`, `z.minimum(min)` and
 * `z.maximum(max)` check, with their issues (`invalid_type` expecting `int`, `too_small`,
 * `too_big`) and their JSON Schema (`type: integer`, `minimum`, `maximum`).
 */
const wholeNumber = (min: number, max: number, message: string) =>
  lightCheck<number>(
    (input) =>
      !Number.isInteger(input)
        ? { input, message, code: 'invalid_type', expected: 'int', continue: false }
        : input < min
          ? { input, message, code: 'too_small', origin: 'number', minimum: min, inclusive: true }
          : input > max
            ? { input, message, code: 'too_big', origin: 'number', maximum: max, inclusive: true }
            : undefined,
    { format: 'safeint', minimum: min, maximum: max },
  );

/** zod's own pattern of `z.iso.datetime({ offset: true })`: an RFC 3339 instant with seconds and `Z` or an offset. */
const INSTANT_PATTERN = z.core.regexes.datetime({ offset: true });

/**
 * An instant as the API writes them (`2026-11-25T03:00:00.000Z`, `2026-12-07T10:00:00+07:00`):
 * the spine's `timestamp` (`z.iso.datetime({ offset: true })`, schemas/common.ts) as a
 * {@link lightCheck} with zod's own pattern, its issue (`invalid_format`, `datetime`) and its
 * JSON Schema (`format: date-time`, the pattern).
 */
const instant = z.string().check(
  lightCheck<string>((input) => (INSTANT_PATTERN.test(input) ? undefined : { input, code: 'invalid_format', format: 'datetime', origin: 'string', pattern: String(INSTANT_PATTERN) }), {
    format: 'datetime',
    patterns: new Set([INSTANT_PATTERN]),
  }),
);

/** What an event's status may be: `passed` follows from its end (a cancelled event stays cancelled). */
export const eventStatuses = ['tentative', 'confirmed', 'cancelled', 'passed'] as const;

/** An event's status, see {@link eventStatuses}. */
export type EventStatus = (typeof eventStatuses)[number];

/** The statuses staff set on a scheduled event (cancelling is its own call). */
export const settableEventStatuses = ['tentative', 'confirmed'] as const;

/** The kinds of council events, by id; their Indonesian names come with the council (`kinds`). */
export const eventKinds = [
  'rapat-paripurna',
  'rapat-komisi',
  'rapat-kerja',
  'rapat-dengar-pendapat',
  'rapat-gabungan',
  'kunjungan-kerja',
  'reses',
  'konsultasi',
  'lainnya',
] as const;

/** A kind of event, see {@link eventKinds}. */
export type EventKind = (typeof eventKinds)[number];

/** The Indonesian name of each kind, as the council read gives them. */
export const eventKindNames: Readonly<Record<EventKind, string>> = {
  'rapat-paripurna': 'Rapat paripurna',
  'rapat-komisi': 'Rapat komisi',
  'rapat-kerja': 'Rapat kerja',
  'rapat-dengar-pendapat': 'Rapat dengar pendapat',
  'rapat-gabungan': 'Rapat gabungan',
  'kunjungan-kerja': 'Kunjungan kerja',
  reses: 'Reses',
  konsultasi: 'Konsultasi',
  lainnya: 'Lainnya',
};

/** The time zones an event may be in: Indonesia's (WIB, WITA, WIT). */
export const agendaTimeZones = Object.keys(indonesianTimeZones) as Array<keyof typeof indonesianTimeZones>;

/** What a body id looks like: lowercase letters and digits joined by single hyphens, e.g. `komisi-1`. */
export const BODY_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A council body's id, e.g. `paripurna`, `komisi-1`, `banggar`. */
export const bodyId = z.string().check(
  z.minLength(1, 'Choose the council body'),
  z.maxLength(40, 'A body id has at most 40 characters'),
  z.regex(BODY_ID_PATTERN, 'Use the body’s id, e.g. komisi-1 or banggar (lowercase letters, digits and hyphens)'),
);

/** The largest event id (a PostgreSQL integer). */
const MAX_EVENT_ID = 2_147_483_647;

const eventIdMessage = 'An event id is a whole number, e.g. 12';

/** An event id in a path: a whole number. */
export const eventId = z.coerce.number(eventIdMessage).check(wholeNumber(1, MAX_EVENT_ID, eventIdMessage));

/**
 * An event id with the `.ics` of `GET /api/v1/events/{id}.ics`: the server's router hands the
 * path segment over whole (`12.ics`), the SDK sends the id alone (`12`).
 */
export const eventIcsId = z.string().check(z.regex(/^[1-9][0-9]{0,9}(?:\.ics)?$/, eventIdMessage));

/** A council body as the public sees it: `{ id: 'komisi-3', name: 'Komisi III', description: 'Pembangunan' }`. */
export const councilBody = z.object({
  id: z.string(),
  name: z.string(),
  /** What it covers, e.g. the commission's field. */
  description: z.nullable(z.string()),
});

/** A council body, see {@link councilBody}. */
export type CouncilBody = z.infer<typeof councilBody>;

/** A kind with its Indonesian name. */
export const eventKindInfo = z.object({ id: z.enum(eventKinds), name: z.string() });

/** Where to subscribe to a feed: its `https:` (or `http:`) address and the same as `webcal:`, which calendar apps open. */
export const feedLinks = z.object({
  /** The iCalendar feed (`text/calendar`), to download or to paste into "subscribe by URL". */
  ics: z.string(),
  /** The same feed as a `webcal:` link: clicking it opens the calendar app's subscribe dialog. */
  webcal: z.string(),
});

/** A feed's links, see {@link feedLinks}. */
export type FeedLinks = z.infer<typeof feedLinks>;

/** The council whose agenda an OPD (its Sekretariat DPRD) publishes: `GET /api/v1/opds/{opd}/agenda`. */
export const council = z.object({
  opd: opdSlug,
  /** The council's name, e.g. `DPRD Kabupaten Lahat`. */
  name: z.string(),
  /** The time zone its events are in unless an event says otherwise. */
  timeZone: z.string(),
  /** Its bodies, in the council's order. */
  bodies: z.array(councilBody),
  /** Every kind of event, with its Indonesian name. */
  kinds: z.array(eventKindInfo),
  /** The whole agenda as an iCalendar feed. */
  feed: feedLinks,
  /** One feed per body. */
  bodyFeeds: z.array(z.object({ body: z.string(), feed: feedLinks })),
  /** A note on the data, e.g. that a demo agenda is synthetic. */
  note: z.nullable(z.string()),
  /** True for made-up data (the demo). */
  synthetic: z.boolean(),
});

/** The council, see {@link council}. */
export type Council = z.infer<typeof council>;

/** A document of an event (invitation, agenda, minutes): its title and address. */
export const eventDocument = z.object({
  title: z.string(),
  url: z.string(),
});

/** A document, see {@link eventDocument}. */
export type EventDocument = z.infer<typeof eventDocument>;

/** A period: the instants, and for an all-day event its days (the last included). */
export const eventPeriod = z.object({
  startsAt: instant,
  endsAt: instant,
  startDate: z.nullable(z.string()),
  endDate: z.nullable(z.string()),
});

/** A period, see {@link eventPeriod}. */
export type EventPeriod = z.infer<typeof eventPeriod>;

/** What a change did. */
export const eventChangeKinds = ['scheduled', 'edited', 'postponed', 'brought-forward', 'cancelled'] as const;

/** A change's kind, see {@link eventChangeKinds}. */
export type EventChangeKind = (typeof eventChangeKinds)[number];

/**
 * One change of an event, as the public sees it: when, what (`kind`, and `text`, the
 * Indonesian sentence the calendar shows, e.g. "Diundur dari Senin, 7 Desember 2026 pukul
 * 10.00 WIB ke Rabu, 9 Desember 2026 pukul 13.00 WIB: …"), why, the event's sequence after it
 * and, for a move in time, the period before and after. Who made it is not public.
 */
export const eventChange = z.object({
  at: instant,
  kind: z.enum(eventChangeKinds),
  sequence: z.number(),
  text: z.string(),
  reason: z.nullable(z.string()),
  /** The fields it changed, by their names in the input (`place`, `startsAt`, …). */
  fields: z.array(z.string()),
  from: z.nullable(eventPeriod),
  to: z.nullable(eventPeriod),
});

/** A change, see {@link eventChange}. */
export type EventChange = z.infer<typeof eventChange>;

/**
 * An event of the council agenda as the public sees it. A meeting closed to the public
 * (`openToPublic: false`, *rapat tertutup*) is listed like any other — the public may know
 * that and when it meets — but its online link and documents are not shown.
 */
export const agendaEvent = z.object({
  id: z.number(),
  opd: opdSlug,
  title: z.string(),
  body: councilBody,
  kind: z.enum(eventKinds),
  /** `passed` once it has ended, unless cancelled. */
  status: z.enum(eventStatuses),
  openToPublic: z.boolean(),
  allDay: z.boolean(),
  startsAt: instant,
  endsAt: instant,
  /** All-day events: the first day, `YYYY-MM-DD` in the event's zone; null otherwise. */
  startDate: z.nullable(z.string()),
  /** All-day events: the last day, included; null otherwise. */
  endDate: z.nullable(z.string()),
  timeZone: z.string(),
  place: z.nullable(z.string()),
  /** The meeting's online link; null when it has none or is closed to the public. */
  onlineUrl: z.nullable(z.string()),
  description: z.nullable(z.string()),
  documents: z.array(eventDocument),
  /** Grows by one with every change (the iCalendar `SEQUENCE`). */
  sequence: z.number(),
  /** The reason given when it was cancelled. */
  cancelReason: z.nullable(z.string()),
  /** Every change, oldest first, starting with its scheduling. */
  changes: z.array(eventChange),
  /** The event's page (the council's website, or its JSON here when the council names none). */
  url: z.string(),
  /** The event alone as iCalendar, for "add to my calendar". */
  icsUrl: z.string(),
  updatedAt: instant,
});

/** An event, see {@link agendaEvent}. */
export type AgendaEvent = z.infer<typeof agendaEvent>;

/**
 * A page of events in start order (a list page, `{ data, nextCursor }`), with the feed of the
 * same filter. Written out rather than `z.extend(listPage(…))`: `z.extend` brings zod's object
 * merging into the calendar's bundle (0.4 KB min+gzip) for these two fields.
 */
export const agendaEventList = z.object({
  data: z.array(agendaEvent),
  nextCursor: z.nullable(z.string()),
  /** The range answered: `[from, to)`. */
  from: instant,
  to: instant,
  /** The feed of the same body (or of the whole agenda). */
  feed: feedLinks,
});

/** A page of events, see {@link agendaEventList}. */
export type AgendaEventList = z.infer<typeof agendaEventList>;

/** The widest range one events query may ask for. */
export const MAX_RANGE_DAYS = 366;

/**
 * A `from` or `to` of a range query, or a start or end of an event: a day (`2026-12-01`, its
 * first moment in the council's zone), a local time (`2026-12-07T10:00`, in the event's or the
 * council's zone), or an instant with its offset (`2026-12-07T03:00:00Z`, `…+07:00`).
 */
export const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** A day, `YYYY-MM-DD`. */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** @internal A day, local time or instant as {@link DATE_TIME_PATTERN} reads it; `what` names it in the messages. */
export const dateTimeText = (what: string) =>
  z.string(`Enter ${what}`).check(
    z.maxLength(40, `Write ${what} as 2026-12-07T10:00 or 2026-12-07T03:00:00Z`),
    z.regex(DATE_TIME_PATTERN, `Write ${what} as a date (2026-12-07), a local time (2026-12-07T10:00) or an instant (2026-12-07T03:00:00Z)`),
  );

/** @internal A day, `YYYY-MM-DD`; `what` names it in the message. */
export const dateText = (what: string) => z.string(`Enter ${what}`).check(z.regex(DATE_PATTERN, `Write ${what} as YYYY-MM-DD, e.g. 2026-12-14`));

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;

/** `GET /api/v1/opds/{opd}/events`: a range `[from, to)` of at most {@link MAX_RANGE_DAYS} days, filters and a page. */
export const agendaEventQuery = z.object({
  from: z.optional(dateTimeText('the start of the range')),
  to: z.optional(dateTimeText('the end of the range')),
  body: z.optional(bodyId),
  kind: z.optional(z.enum(eventKinds, `Use a kind: ${eventKinds.join(', ')}`)),
  limit: z.optional(z.coerce.number(limitMessage).check(wholeNumber(1, MAX_PAGE_SIZE, limitMessage))),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** The query of a list, see {@link agendaEventQuery}. */
export type AgendaEventQuery = z.input<typeof agendaEventQuery>;

/** The path of one event of an OPD's agenda. */
export const agendaEventParams = z.object({ opd: opdSlug, id: eventId });

/**
 * e-Agenda's public endpoints: the council, events in a range, one event and the iCalendar
 * feeds. The staff's (schedule, edit, postpone, cancel, bodies) are in `agenda-staff.ts`,
 * whose `agendaEndpoints` has them all.
 */
export const agendaPublicEndpoints = {
  council: endpoint({
    id: 'getCouncil',
    method: 'GET',
    path: '/api/v1/opds/{opd}/agenda',
    params: opdParams,
    response: council,
    access: 'public',
  }),
  listEvents: endpoint({
    id: 'listAgendaEvents',
    method: 'GET',
    path: '/api/v1/opds/{opd}/events',
    params: opdParams,
    query: agendaEventQuery,
    response: agendaEventList,
    access: 'public',
  }),
  getEvent: endpoint({
    id: 'getAgendaEvent',
    method: 'GET',
    path: '/api/v1/opds/{opd}/events/{id}',
    params: agendaEventParams,
    response: agendaEvent,
    access: 'public',
  }),
  feed: endpoint({
    id: 'getAgendaFeed',
    method: 'GET',
    path: '/api/v1/opds/{opd}/events.ics',
    params: opdParams,
    query: z.object({ body: z.optional(bodyId) }),
    response: z.string(),
    produces: 'text/calendar; charset=utf-8',
    access: 'public',
  }),
  eventIcs: endpoint({
    id: 'getAgendaEventIcs',
    method: 'GET',
    path: '/api/v1/events/{id}.ics',
    params: z.object({ id: eventIcsId }),
    response: z.string(),
    produces: 'text/calendar; charset=utf-8',
    access: 'public',
  }),
} as const;
