/**
 * e-Agenda's routes, one per endpoint of `agendaEndpoints`:
 * - public: the council (bodies, kinds, feed links), events in a range (at most 366 days,
 *   filtered by body and kind, in pages), one event, the council's iCalendar feed (whole, or
 *   one body's with `?body=`) and one event's `.ics`;
 * - staff: read an event as staff see it; schedule (once per Idempotency-Key), edit, postpone
 *   and cancel an event; OPD admins: the council's bodies.
 * Who may call what is the endpoint's `access`; every staff write lands in the audit log.
 *
 * @module
 */
import type { Context } from 'hono';
import { agendaEndpoints as endpoints, MAX_RANGE_DAYS, type IndonesianTimeZone } from '../../../../src/schemas/index.js';
import { addDays, dayIn, startOfDayIn } from '../../calendar/working-days.js';
import { audit } from '../../db/audit.js';
import { emitEvent } from '../../jobs/contract.js';
import { decodeCursor, pageDocs, pageOf } from '../../http/cursor.js';
import type { AppEnv } from '../../http/env.js';
import { route } from '../../http/module.js';
import { publicBaseOf } from '../../http/origin.js';
import { claimedInTransaction } from '../../http/idempotency.js';
import { notModified, prepareBody } from '../../http/prepared.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import type { OpdRow } from '../../db/schema.js';
import { writeCalendar } from './ical.js';
import { bodiesOf, changesOf, councilOf, eventById, eventPage, feedEvents } from './queries.js';
import { cancelEvent, editEvent, postponeEvent, scheduleEvent, type WriteContext } from './schedule.js';
import { agendaDb, type AgendaDb } from './tables.js';
import { readMoment, zoneOf } from './time.js';
import { feedLinksOf, toCouncil, toEvent, toIcsEvent, type BodyFacts, type CouncilFacts, type EventFacts, type LinkBase } from './views.js';

/** Default page size of the events list: a month of a busy council. */
export const DEFAULT_PAGE_SIZE = 100;

/** The range of a query that gives none: from today, this many days. */
export const DEFAULT_RANGE_DAYS = 90;

/** How far back a feed reaches: events that ended within this many days stay in it. */
export const FEED_PAST_DAYS = 366;

/** The media type of an iCalendar answer. */
export const ICS_MEDIA_TYPE = 'text/calendar; charset=utf-8';

/** Feeds may be kept this long by browsers and shared caches, then asked again (a 304 when unchanged). */
const FEED_CACHE = 'public, max-age=300';

/** Where links in an answer point: `PUBLIC_URL`, else the address the request came to (behind `TRUST_PROXY` the forwarded one), never the instance's own behind a load balancer. */
function linkBase(c: Context<AppEnv>): LinkBase {
  return { origin: publicBaseOf(c) };
}

/** The council of an OPD and its bodies by id. */
async function councilFacts(db: AgendaDb, opd: Pick<OpdRow, 'slug' | 'name'>, defaultZone: string): Promise<{ council: CouncilFacts; bodies: BodyFacts[]; byId: Map<string, BodyFacts> }> {
  const [council, bodies] = await Promise.all([councilOf(db, opd, defaultZone), bodiesOf(db, opd.slug)]);
  return { council, bodies, byId: new Map(bodies.map((body) => [body.id, body])) };
}

/** A query's `body` that the council has, else a 400 naming `body` with those it has. */
function checkBodyFilter(body: string | undefined, bodies: readonly BodyFacts[]): void {
  if (body === undefined || bodies.some((known) => known.id === body)) return;
  throw validationProblem(
    [{ path: 'body', message: `The council has no body "${body}"; use one of: ${bodies.map((known) => known.id).join(', ')}`, code: 'notAllowed' }],
    undefined,
    400,
  );
}

const byEventId = {
  docs: { id: 'The event id, e.g. `12`.' },
  notFound: (_: string, value: string) => `No agenda event has the id "${value}": an event id is a whole number, e.g. 12`,
};

/** The 404 of an event id the OPD's agenda does not have. */
function noEvent(id: number): ProblemError {
  return new ProblemError('not-found', { detail: `The agenda has no event ${id}` });
}

const council = route({
  endpoint: endpoints.council,
  summary: 'Read the council',
  description:
    'The council whose agenda the OPD (its Sekretariat DPRD) publishes: its name and time zone, its bodies (Paripurna, Komisi I–IV, Badan Anggaran, …) in its own order, every kind of event with its Indonesian name, and the iCalendar feeds to subscribe to — the whole agenda and one per body — each as an `https:` address and a `webcal:` link that opens a calendar app’s subscribe dialog.',
  returns: 'The council.',
  async handler({ c, opd, deps }) {
    const { council: facts, bodies } = await councilFacts(agendaDb(deps.db), opd, deps.settings.timeZone);
    return { body: toCouncil(facts, bodies, linkBase(c)) };
  },
});

const listEvents = route({
  endpoint: endpoints.listEvents,
  summary: 'List agenda events',
  description: `The council’s events overlapping the range \`[from, to)\`, in start order: plenaries, commission meetings, hearings, working visits, reses, each with its body, kind, times and time zone, place, status (\`passed\` once ended; cancelled events stay, as cancelled), whether it is open to the public (a closed meeting is listed, without its online link and documents), documents and its change log. The range spans at most ${MAX_RANGE_DAYS} days (default: ${DEFAULT_RANGE_DAYS} days from today); a wider or reversed one is a 400 naming \`to\`. The answer carries the matching feed’s links. No personal data.`,
  returns: 'A page of events.',
  docs: {
    from: 'The start of the range: a day (`2026-12-01`, its first moment in the council’s zone), a local time (`2026-12-01T08:00`) or an instant (`2026-12-01T01:00:00Z`). Default: today.',
    to: `The end of the range, excluded, written as \`from\`: \`from=2026-12-01&to=2027-01-01\` is December. At most ${MAX_RANGE_DAYS} days after \`from\`; default ${DEFAULT_RANGE_DAYS}.`,
    body: 'Only events of this body (its id, e.g. `komisi-3`; the council read lists them).',
    kind: 'Only events of this kind.',
    ...pageDocs(DEFAULT_PAGE_SIZE),
  },
  async handler({ c, opd, query, deps, now }) {
    const db = agendaDb(deps.db);
    const { council: facts, bodies, byId } = await councilFacts(db, opd, deps.settings.timeZone);
    const zone = zoneOf(facts.timeZone);
    checkBodyFilter(query.body, bodies);
    const { from, to } = rangeOf(query.from, query.to, zone, now);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const rows = await eventPage(db, opd.slug, { from, to, body: query.body, kind: query.kind, after, limit });
    const { page, nextCursor } = pageOf(rows, limit, (row) => ({ at: row.starts_at, id: row.id }));
    const changes = await changesOf(db, page.map((row) => row.id));
    const base = linkBase(c);
    return {
      body: {
        data: page.map((row) => toEvent(row, { bodies: byId, changes: changes.get(row.id) ?? [], council: facts, base, now, staff: false })),
        nextCursor,
        from: from.toISOString(),
        to: to.toISOString(),
        feed: feedLinksOf(base, opd.slug, query.body),
      },
    };
  },
});

/** The range `[from, to)` of a query: each bound read in the council's zone; a bad one, a reversed one or one over the limit is a 400 naming it. */
function rangeOf(fromText: string | undefined, toText: string | undefined, zone: IndonesianTimeZone, now: Date): { from: Date; to: Date } {
  const read = (field: 'from' | 'to', text: string) => {
    const moment = readMoment(text, zone);
    if (!moment) throw validationProblem([{ path: field, message: `${text} is not a day or time of the calendar`, code: 'invalid' }], undefined, 400);
    return moment.at;
  };
  const from = fromText !== undefined ? read('from', fromText) : startOfDayIn(dayIn(now, zone), zone);
  const to = toText !== undefined ? read('to', toText) : startOfDayIn(addDays(dayIn(from, zone), DEFAULT_RANGE_DAYS), zone);
  if (to.getTime() <= from.getTime()) {
    throw validationProblem([{ path: 'to', message: 'The end of the range must come after its start (to is excluded: from=2026-12-01&to=2027-01-01 is December)', code: 'tooSmall' }], undefined, 400);
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * 86_400_000) {
    throw validationProblem([{ path: 'to', message: `A range spans at most ${MAX_RANGE_DAYS} days; ask for the rest in another request`, code: 'tooLarge' }], undefined, 400);
  }
  return { from, to };
}

const getEvent = route({
  endpoint: endpoints.getEvent,
  summary: 'Read an agenda event',
  description: 'One event with its documents and change log (every change, oldest first: scheduled, edited, postponed, cancelled, with the reason). A meeting closed to the public shows no online link and no documents. No personal data.',
  returns: 'The event.',
  ...byEventId,
  async handler({ c, opd, params, deps, now }) {
    const db = agendaDb(deps.db);
    const row = await eventById(db, params.id);
    if (!row || row.opd_slug !== opd.slug) throw noEvent(params.id);
    const { council: facts, byId } = await councilFacts(db, opd, deps.settings.timeZone);
    const changes = (await changesOf(db, [row.id])).get(row.id) ?? [];
    return { body: toEvent(row, { bodies: byId, changes, council: facts, base: linkBase(c), now, staff: false }) };
  },
});

/**
 * The iCalendar answer: the bytes, a strong ETag of them, `Last-Modified` (the latest change of
 * anything in it) and a 304 to a client that has them — by `If-None-Match`, or by
 * `If-Modified-Since` alone, which some calendar apps send — compressed only when sent.
 */
function calendarAnswer(c: Context<AppEnv>, text: string, lastModified: Date, headers: Record<string, string> = {}) {
  const bytes = Buffer.from(text, 'utf8');
  const plain = prepareBody(bytes, ICS_MEDIA_TYPE, { compress: false });
  const modified = new Date(Math.floor(lastModified.getTime() / 1000) * 1000).toUTCString();
  const all = { 'Cache-Control': FEED_CACHE, 'Last-Modified': modified, ...headers };
  // An app polling with the tag or date it has gets its 304 without the body being compressed first.
  if (notModified(plain, c.req.header('If-None-Match'), c.req.header('If-Modified-Since'), modified)) return { prepared: plain, headers: all };
  return { prepared: prepareBody(bytes, ICS_MEDIA_TYPE, { quick: true }), headers: all };
}

function latest(dates: Iterable<Date | null>): Date {
  let max = 0;
  for (const date of dates) if (date && date.getTime() > max) max = date.getTime();
  return new Date(max);
}

function calendarOf(
  facts: CouncilFacts,
  rows: readonly EventFacts[],
  context: { byId: Map<string, BodyFacts>; changes: Map<number, import('./views.js').ChangeFacts[]>; base: LinkBase },
  title: string,
): string {
  return writeCalendar({
    name: title,
    description: `Agenda ${facts.name}${facts.note ? `. ${facts.note}` : ''}`,
    timeZone: zoneOf(facts.timeZone),
    events: rows.map((row) => toIcsEvent(row, { bodies: context.byId, changes: context.changes.get(row.id) ?? [], council: facts, base: context.base })),
  });
}

const feed = route({
  endpoint: endpoints.feed,
  summary: 'Subscribe to the agenda (iCalendar)',
  description: `The council’s agenda as an iCalendar feed (RFC 5545, \`METHOD:PUBLISH\`), for Google Calendar, Thunderbird, iOS and any calendar app: every event that ended less than ${FEED_PAST_DAYS} days ago or is still to come, cancelled ones included with \`STATUS:CANCELLED\`. Each event has a stable \`UID\` (\`<id>@<domain>\`), a \`SEQUENCE\` that grows with each change, \`DTSTAMP\` and \`LAST-MODIFIED\` at its last change, its times in its own zone with a \`VTIMEZONE\` (WIB, WITA, WIT), whole-day events as dates, and the event’s page in \`URL\` and in \`DESCRIPTION\`. With \`body\`, one body’s events only. A strong \`ETag\` and \`Last-Modified\` let an app poll cheaply: \`If-None-Match\` with the tag it has answers 304, and so does \`If-Modified-Since\` alone (sent by apps that keep only the date) when nothing changed since; with both, \`If-None-Match\` decides (RFC 9110).`,
  returns: 'The feed (`text/calendar`).',
  conditional: true,
  docs: { body: 'Only this body’s events (its id, e.g. `komisi-3`).' },
  async handler({ c, opd, query, deps, now }) {
    const db = agendaDb(deps.db);
    const { council: facts, bodies, byId } = await councilFacts(db, opd, deps.settings.timeZone);
    checkBodyFilter(query.body, bodies);
    const rows = await feedEvents(db, opd.slug, new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000), query.body);
    const changes = await changesOf(db, rows.map((row) => row.id));
    const title = query.body ? `${byId.get(query.body)?.name ?? query.body} — ${facts.name}` : `Agenda ${facts.name}`;
    const text = calendarOf(facts, rows, { byId, changes, base: linkBase(c) }, title);
    const lastModified = latest([facts.updatedAt, ...bodies.map((body) => body.updated_at), ...rows.map((row) => row.updated_at)]);
    return calendarAnswer(c, text, lastModified);
  },
});

const eventIcs = route({
  endpoint: endpoints.eventIcs,
  summary: 'One event as iCalendar',
  description: 'One event as an iCalendar file, for “add to my calendar”: the same `UID`, `SEQUENCE` and content as in the council’s feed, so an app that has both keeps one copy. `ETag`, `Last-Modified` and 304 as the feed.',
  returns: 'The event (`text/calendar`).',
  conditional: true,
  ...byEventId,
  async handler({ c, params, deps, opdFor }) {
    const id = Number(params.id.replace(/\.ics$/, ''));
    const db = agendaDb(deps.db);
    const row = id <= 2_147_483_647 ? await eventById(db, id) : undefined;
    if (!row) throw noEvent(id);
    // The OPD's agenda must be on: an event of an OPD that switched e-Agenda off is not served.
    const opd = await opdFor(row.opd_slug);
    const { council: facts, byId } = await councilFacts(db, opd, deps.settings.timeZone);
    const changes = await changesOf(db, [row.id]);
    const text = calendarOf(facts, [row], { byId, changes, base: linkBase(c) }, row.title);
    return calendarAnswer(c, text, latest([row.updated_at, facts.updatedAt]), { 'Content-Disposition': `attachment; filename="agenda-${row.id}.ics"` });
  },
});

const getEventStaff = route({
  endpoint: endpoints.getEventStaff,
  summary: 'Read an agenda event as staff (staff)',
  description: 'One event as the Sekretariat DPRD’s staff see it, to edit it: as the public read, but a meeting closed to the public keeps its online link and documents.',
  returns: 'The event, as staff see it.',
  ...byEventId,
  async handler({ c, opd, params, deps, now }) {
    const db = agendaDb(deps.db);
    const row = await eventById(db, params.id);
    if (!row || row.opd_slug !== opd.slug) throw noEvent(params.id);
    const { council: facts, byId } = await councilFacts(db, opd, deps.settings.timeZone);
    return { body: await staffView(db, row, { council: facts, byId }, c, now), headers: { 'Cache-Control': 'private, no-store' } };
  },
});

/** What a staff write is about. */
async function writeContext(db: AgendaDb, opd: OpdRow, defaultZone: string, actorId: string, now: Date): Promise<WriteContext & { council: CouncilFacts; byId: Map<string, BodyFacts> }> {
  const { council: facts, bodies, byId } = await councilFacts(db, opd, defaultZone);
  return { opd: opd.slug, councilZone: zoneOf(facts.timeZone), bodies, actorId, now, council: facts, byId };
}

/** The staff's view of an event after a write. */
async function staffView(db: AgendaDb, row: EventFacts, context: { council: CouncilFacts; byId: Map<string, BodyFacts> }, c: Context<AppEnv>, now: Date) {
  const changes = (await changesOf(db, [row.id])).get(row.id) ?? [];
  return toEvent(row, { bodies: context.byId, changes, council: context.council, base: linkBase(c), now, staff: true });
}

/** Tells the outbox (webhooks) of an event's publication, change or cancellation: ids, status, start and `SEQUENCE` only. */
function emitAgendaEvent(trx: AgendaDb, topic: 'published' | 'changed' | 'cancelled', row: EventFacts, now: Date, changes?: string[]): Promise<void> {
  const payload: Record<string, unknown> = { opd: row.opd_slug, eventId: row.id, startsAt: row.starts_at.toISOString(), sequence: row.sequence };
  if (topic !== 'cancelled') payload.status = row.status;
  if (changes) payload.changes = changes;
  return emitEvent(trx, `agenda-event.${topic}`, payload, now);
}

const createEvent = route({
  endpoint: endpoints.createEvent,
  summary: 'Schedule an event (staff)',
  description:
    'Adds an event to the agenda. A timed event gives `startsAt` and `endsAt` — a local time in `timeZone` (default: the council’s) such as `2026-12-07T10:00`, or an instant with its offset; an all-day or multi-day one (a reses) gives `allDay: true`, `startDate` and `endDate` (the last day, included). It lasts at most 31 days. Honours `Idempotency-Key` (the same key and body answer the first scheduling again, with `Idempotent-Replayed: true`; the key with another body is a 422). Status `confirmed` unless `tentative` is sent; open to the public unless `openToPublic: false`. Its change log starts with its scheduling; the feed has it at `SEQUENCE:0`.',
  returns: 'The event, as staff see it.',
  async handler({ c, opd, body, deps, now, actor, onceInStatement }) {
    // The key commits with the event, or neither does.
    const result = await onceInStatement((base, claim) =>
      claimedInTransaction(agendaDb(base), claim, async (trx) => {
        const context = await writeContext(trx, opd, deps.settings.timeZone, actor.id, now);
        const row = await scheduleEvent(trx, body, context);
        await emitAgendaEvent(trx, 'published', row, now);
        await audit(trx, { actor, action: 'agenda.schedule', subject: `agenda-event:${row.id}`, opd: opd.slug, detail: { body: row.body_id, kind: row.kind } }, now);
        return staffView(trx, row, context, c, now);
      }),
    );
    const headers: Record<string, string> = { Location: `/api/v1/opds/${opd.slug}/events/${result.body.id}` };
    if (result.replayed) headers['Idempotent-Replayed'] = 'true';
    return { body: result.body, headers };
  },
});

const editEventRoute = route({
  endpoint: endpoints.editEvent,
  summary: 'Edit an event (staff)',
  description:
    'Changes any field of an event: what changed is written to its public change log (“Diubah: tempat, dokumen; waktu dari … ke …”) and its `SEQUENCE` grows by one; an edit that changes nothing changes nothing. Times follow the rules of scheduling; a new start alone keeps the event’s length. A cancelled event is not edited (409).',
  returns: 'The event, as staff see it.',
  ...byEventId,
  async handler({ c, opd, params, body, deps, now, actor }) {
    return agendaDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const context = await writeContext(trx, opd, deps.settings.timeZone, actor.id, now);
        const { row, changed } = await editEvent(trx, params.id, body, context);
        if (changed.length > 0) await emitAgendaEvent(trx, 'changed', row, now, changed);
        if (changed.length > 0) await audit(trx, { actor, action: 'agenda.edit', subject: `agenda-event:${row.id}`, opd: opd.slug, detail: { fields: changed, sequence: row.sequence } }, now);
        return { body: await staffView(trx, row, context, c, now) };
      });
  },
});

const postpone = route({
  endpoint: endpoints.postponeEvent,
  summary: 'Postpone an event (staff)',
  description:
    'Moves an event to new times (`startsAt`/`endsAt`, or `startDate`/`endDate` for an all-day one; a new start alone keeps its length) with the reason, which the public reads in its change log: “Diundur dari … ke …: …”, or “Dimajukan …” when it moves earlier. The status stays; `SEQUENCE` grows by one. A cancelled event is not moved (409).',
  returns: 'The event, as staff see it.',
  ...byEventId,
  async handler({ c, opd, params, body, deps, now, actor }) {
    return agendaDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const context = await writeContext(trx, opd, deps.settings.timeZone, actor.id, now);
        const { row, kind, from, to } = await postponeEvent(trx, params.id, body, context);
        await emitAgendaEvent(trx, 'changed', row, now, [kind]);
        await audit(trx, { actor, action: 'agenda.postpone', subject: `agenda-event:${row.id}`, opd: opd.slug, detail: { kind, from: from.startsAt, to: to.startsAt, sequence: row.sequence } }, now);
        return { body: await staffView(trx, row, context, c, now) };
      });
  },
});

const cancel = route({
  endpoint: endpoints.cancelEvent,
  summary: 'Cancel an event (staff)',
  description:
    'Cancels an event with the reason the public reads (“Dibatalkan: …”). It stays on the agenda and in the feeds as cancelled (`STATUS:CANCELLED`, `SEQUENCE` one higher), so calendars that have it strike or remove it. Cancelling is final (409 for a cancelled event).',
  returns: 'The event, as staff see it.',
  ...byEventId,
  async handler({ c, opd, params, body, deps, now, actor }) {
    return agendaDb(deps.db)
      .transaction()
      .execute(async (trx) => {
        const context = await writeContext(trx, opd, deps.settings.timeZone, actor.id, now);
        const row = await cancelEvent(trx, params.id, body.reason, context);
        await emitAgendaEvent(trx, 'cancelled', row, now);
        await audit(trx, { actor, action: 'agenda.cancel', subject: `agenda-event:${row.id}`, opd: opd.slug, detail: { sequence: row.sequence } }, now);
        return { body: await staffView(trx, row, context, c, now) };
      });
  },
});

const putBody = route({
  endpoint: endpoints.putBody,
  summary: 'Set a council body (OPD admin)',
  description:
    'Adds or renames one of the council’s bodies (a commission, a badan), sets its place in the council’s order, or retires it (`active: false`: no new events, not listed; its events stay). The bodies are the council’s own: a DPRD with five commissions adds a Komisi V.',
  returns: 'The body.',
  docs: { body: 'The body’s id, e.g. `komisi-5`.' },
  async handler({ opd, params, body, deps, now, actor }) {
    const db = agendaDb(deps.db);
    return db.transaction().execute(async (trx) => {
      // The council row the bodies hang on: made with the OPD's name and the regency's zone the first time.
      await trx
        .insertInto('agenda_councils')
        .values({ opd_slug: opd.slug, name: opd.name, time_zone: deps.settings.timeZone, updated_at: now })
        .onConflict((oc) => oc.column('opd_slug').doNothing())
        .execute();
      const values = { name: body.name, description: body.description ?? null, position: body.position ?? 0, active: body.active ?? true, updated_at: now };
      await trx
        .insertInto('agenda_bodies')
        .values({ opd_slug: opd.slug, id: params.body, ...values })
        .onConflict((oc) =>
          oc.columns(['opd_slug', 'id']).doUpdateSet({
            name: values.name,
            updated_at: now,
            ...(body.description !== undefined ? { description: values.description } : {}),
            ...(body.position !== undefined ? { position: values.position } : {}),
            ...(body.active !== undefined ? { active: values.active } : {}),
          }),
        )
        .execute();
      await audit(trx, { actor, action: 'agenda.body', subject: `agenda-body:${params.body}`, opd: opd.slug, detail: { name: body.name, active: body.active ?? true } }, now);
      const row = await trx.selectFrom('agenda_bodies').select(['id', 'name', 'description']).where('opd_slug', '=', opd.slug).where('id', '=', params.body).executeTakeFirstOrThrow();
      return { body: row };
    });
  },
});

/** Every e-Agenda route. */
export const agendaRoutes = [council, listEvents, getEvent, feed, eventIcs, getEventStaff, createEvent, editEventRoute, postpone, cancel, putBody];
