/**
 * e-Agenda's reads: the council and its bodies, a range of events in start order (paged by
 * `(starts_at, id)`), one event, their change logs and the events of a feed.
 *
 * @module
 */
import { sql } from 'kysely';
import type { AgendaDb } from './tables.js';
import type { BodyFacts, ChangeFacts, CouncilFacts, EventFacts } from './views.js';

/** The columns of an event as the views read them, dates as `YYYY-MM-DD`. */
const eventColumns = [
  'id',
  'opd_slug',
  'body_id',
  'kind',
  'title',
  'status',
  'open_to_public',
  'all_day',
  'starts_at',
  'ends_at',
  sql<string | null>`to_char(start_on, 'YYYY-MM-DD')`.as('start_on'),
  sql<string | null>`to_char(end_on, 'YYYY-MM-DD')`.as('end_on'),
  'time_zone',
  'place',
  'online_url',
  'description',
  'documents',
  'sequence',
  'cancel_reason',
  'created_at',
  'updated_at',
] as const;

/** The council of `opd`, or a default one (named after the OPD, in the regency's zone) when it has set none. */
export async function councilOf(db: AgendaDb, opd: { slug: string; name: string }, defaultZone: string): Promise<CouncilFacts> {
  const row = await db.selectFrom('agenda_councils').selectAll().where('opd_slug', '=', opd.slug).executeTakeFirst();
  if (!row) return { opd: opd.slug, name: opd.name, timeZone: defaultZone, uidDomain: null, email: null, eventUrl: null, note: null, synthetic: false, updatedAt: null };
  return {
    opd: opd.slug,
    name: row.name,
    timeZone: row.time_zone,
    uidDomain: row.uid_domain,
    email: row.email,
    eventUrl: row.event_url,
    note: row.note,
    synthetic: row.synthetic,
    updatedAt: row.updated_at,
  };
}

/** Every body of `opd`'s council (inactive ones too), in the council's order. */
export async function bodiesOf(db: AgendaDb, opd: string): Promise<BodyFacts[]> {
  return db
    .selectFrom('agenda_bodies')
    .select(['id', 'name', 'description', 'active', 'updated_at'])
    .where('opd_slug', '=', opd)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The events of `opd` overlapping `[from, to)`, in start order, after `after`, with one more than `limit`. */
export async function eventPage(
  db: AgendaDb,
  opd: string,
  options: { from: Date; to: Date; body?: string; kind?: string; after?: { at: Date; id: number }; limit: number },
): Promise<EventFacts[]> {
  let query = db
    .selectFrom('agenda_events')
    .select(eventColumns)
    .where('opd_slug', '=', opd)
    .where('starts_at', '<', options.to)
    .where('ends_at', '>', options.from);
  if (options.body) query = query.where('body_id', '=', options.body);
  if (options.kind) query = query.where('kind', '=', options.kind);
  if (options.after) {
    const { at, id } = options.after;
    query = query.where((eb) => eb.or([eb('starts_at', '>', at), eb.and([eb('starts_at', '=', at), eb('id', '>', id)])]));
  }
  return query.orderBy('starts_at').orderBy('id').limit(options.limit + 1).execute();
}

/** One event by id (any OPD), locked for the transaction with `forUpdate`. */
export async function eventById(db: AgendaDb, id: number, forUpdate = false): Promise<EventFacts | undefined> {
  let query = db.selectFrom('agenda_events').select(eventColumns).where('id', '=', id);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The change logs of the given events, oldest first, by event id. */
export async function changesOf(db: AgendaDb, eventIds: readonly number[]): Promise<Map<number, ChangeFacts[]>> {
  const byEvent = new Map<number, ChangeFacts[]>();
  if (eventIds.length === 0) return byEvent;
  const rows = await db
    .selectFrom('agenda_event_changes')
    .select(['event_id', 'at', 'kind', 'sequence', 'text', 'reason', 'fields', 'from_period', 'to_period'])
    .where('event_id', 'in', eventIds)
    .orderBy('event_id')
    .orderBy('sequence')
    .orderBy('id')
    .execute();
  for (const row of rows) {
    const list = byEvent.get(row.event_id) ?? [];
    list.push(row);
    byEvent.set(row.event_id, list);
  }
  return byEvent;
}

/** The most events one feed holds. */
export const FEED_MAX_EVENTS = 5000;

/** The events of a feed: those of `opd` (or of one body) ending after `since`, in start order. */
export async function feedEvents(db: AgendaDb, opd: string, since: Date, body?: string): Promise<EventFacts[]> {
  let query = db.selectFrom('agenda_events').select(eventColumns).where('opd_slug', '=', opd).where('ends_at', '>', since);
  if (body) query = query.where('body_id', '=', body);
  return query.orderBy('starts_at').orderBy('id').limit(FEED_MAX_EVENTS).execute();
}
