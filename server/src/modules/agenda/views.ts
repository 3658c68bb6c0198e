/**
 * What e-Agenda's reads answer, built from rows: the council, an event (the public's view and
 * the staff's), its change log, the feed links, and an event as the iCalendar writer takes it.
 * Who made a change (`created_by`, `updated_by`, `actor_id`) stays in the database.
 *
 * @module
 */
import { eventKindNames, eventKinds, indonesianTimeZones, type AgendaEvent, type Council, type CouncilBody, type EventChange, type EventDocument, type EventKind, type EventPeriod, type EventStatus, type FeedLinks } from '../../../../src/schemas/index.js';
import { addDays } from '../../calendar/working-days.js';
import type { IcsEvent } from './ical.js';
import { sayPeriod, zoneOf } from './time.js';

/** The council as read (a default one for an OPD that has e-Agenda on but has set nothing yet). */
export interface CouncilFacts {
  opd: string;
  name: string;
  timeZone: string;
  uidDomain: string | null;
  email: string | null;
  eventUrl: string | null;
  note: string | null;
  synthetic: boolean;
  updatedAt: Date | null;
}

/** A body as read. */
export interface BodyFacts {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  updated_at: Date;
}

/** An event row as the views read it (dates as `YYYY-MM-DD`). */
export interface EventFacts {
  id: number;
  opd_slug: string;
  body_id: string;
  kind: string;
  title: string;
  status: string;
  open_to_public: boolean;
  all_day: boolean;
  starts_at: Date;
  ends_at: Date;
  start_on: string | null;
  end_on: string | null;
  time_zone: string;
  place: string | null;
  online_url: string | null;
  description: string | null;
  documents: EventDocument[];
  sequence: number;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

/** A change row as the views read it. */
export interface ChangeFacts {
  event_id: number;
  at: Date;
  kind: string;
  sequence: number;
  text: string;
  reason: string | null;
  fields: string[];
  from_period: EventPeriod | null;
  to_period: EventPeriod | null;
}

/** Where links point: the origin the API is read at (`https://api.lahatkab.go.id`). */
export interface LinkBase {
  origin: string;
}

/** The feed of an OPD's agenda, or of one body. */
export function feedLinksOf(base: LinkBase, opd: string, body?: string): FeedLinks {
  const ics = `${base.origin}/api/v1/opds/${encodeURIComponent(opd)}/events.ics${body ? `?body=${encodeURIComponent(body)}` : ''}`;
  return { ics, webcal: ics.replace(/^https?:/, 'webcal:') };
}

/** The event's page: the council's website page of it, or its JSON here. */
export function eventPageOf(base: LinkBase, council: Pick<CouncilFacts, 'eventUrl'>, opd: string, id: number): string {
  if (council.eventUrl) return council.eventUrl.replace('{id}', String(id));
  return `${base.origin}/api/v1/opds/${encodeURIComponent(opd)}/events/${id}`;
}

/** The status shown: `passed` once ended (a cancelled event stays cancelled). */
export function statusAt(row: Pick<EventFacts, 'status' | 'ends_at'>, now: Date): EventStatus {
  if (row.status === 'cancelled') return 'cancelled';
  if (row.ends_at.getTime() <= now.getTime()) return 'passed';
  return row.status === 'tentative' ? 'tentative' : 'confirmed';
}

/** An event's period. */
export function periodOf(row: Pick<EventFacts, 'starts_at' | 'ends_at' | 'start_on' | 'end_on'>): EventPeriod {
  return { startsAt: row.starts_at.toISOString(), endsAt: row.ends_at.toISOString(), startDate: row.start_on, endDate: row.end_on };
}

/** A change as the public sees it. */
export function toChange(row: ChangeFacts): EventChange {
  return {
    at: row.at.toISOString(),
    kind: row.kind as EventChange['kind'],
    sequence: row.sequence,
    text: row.text,
    reason: row.reason,
    fields: row.fields,
    from: row.from_period,
    to: row.to_period,
  };
}

/** A body as the public sees it; an id no longer in the council shows as itself. */
export function toBody(bodies: ReadonlyMap<string, BodyFacts>, id: string): CouncilBody {
  const body = bodies.get(id);
  return body ? { id: body.id, name: body.name, description: body.description } : { id, name: id, description: null };
}

/**
 * An event: the public's view (`staff` false: a meeting closed to the public shows no online
 * link and no documents) or the staff's (everything).
 */
export function toEvent(
  row: EventFacts,
  context: { bodies: ReadonlyMap<string, BodyFacts>; changes: readonly ChangeFacts[]; council: CouncilFacts; base: LinkBase; now: Date; staff: boolean },
): AgendaEvent {
  const shown = context.staff || row.open_to_public;
  return {
    id: row.id,
    opd: row.opd_slug,
    title: row.title,
    body: toBody(context.bodies, row.body_id),
    kind: row.kind as EventKind,
    status: statusAt(row, context.now),
    openToPublic: row.open_to_public,
    allDay: row.all_day,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    startDate: row.start_on,
    endDate: row.end_on,
    timeZone: row.time_zone,
    place: row.place,
    onlineUrl: shown ? row.online_url : null,
    description: row.description,
    documents: shown ? row.documents : [],
    sequence: row.sequence,
    cancelReason: row.cancel_reason,
    changes: context.changes.map(toChange),
    url: eventPageOf(context.base, context.council, row.opd_slug, row.id),
    icsUrl: `${context.base.origin}/api/v1/events/${row.id}.ics`,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The council as the public sees it. */
export function toCouncil(council: CouncilFacts, bodies: readonly BodyFacts[], base: LinkBase): Council {
  const active = bodies.filter((body) => body.active);
  return {
    opd: council.opd,
    name: council.name,
    timeZone: council.timeZone,
    bodies: active.map((body) => ({ id: body.id, name: body.name, description: body.description })),
    kinds: eventKinds.map((id) => ({ id, name: eventKindNames[id] })),
    feed: feedLinksOf(base, council.opd),
    bodyFeeds: active.map((body) => ({ body: body.id, feed: feedLinksOf(base, council.opd, body.id) })),
    note: council.note,
    synthetic: council.synthetic,
  };
}

/** The domain of the events' UIDs: the council's, else the host the feed is read at. */
export function uidDomainOf(council: Pick<CouncilFacts, 'uidDomain'>, base: LinkBase): string {
  return council.uidDomain ?? new URL(base.origin).hostname;
}

/**
 * The event as iCalendar: a cancelled one keeps its place in the feed with `STATUS:CANCELLED`
 * (so an app that has it removes or strikes it) and says so in its title too, for the apps
 * that show every status alike; the description carries the body, kind, whether it is open,
 * the online link and documents (when public), the change log and the page link.
 */
export function toIcsEvent(row: EventFacts, context: { bodies: ReadonlyMap<string, BodyFacts>; changes: readonly ChangeFacts[]; council: CouncilFacts; base: LinkBase }): IcsEvent {
  const zone = zoneOf(row.time_zone);
  const page = eventPageOf(context.base, context.council, row.opd_slug, row.id);
  const body = toBody(context.bodies, row.body_id);
  const kindName = eventKindNames[row.kind as EventKind] ?? row.kind;
  const lines: string[] = [];
  if (row.status === 'cancelled') lines.push(`DIBATALKAN${row.cancel_reason ? `: ${row.cancel_reason}` : ''}`, '');
  if (row.description) lines.push(row.description, '');
  lines.push(`${body.name} · ${kindName}${row.status === 'tentative' ? ' · jadwal sementara' : ''}`);
  lines.push(`Waktu: ${sayPeriod(periodOf(row), row.time_zone)}`);
  if (!row.open_to_public) lines.push('Rapat tertutup untuk umum.');
  if (row.open_to_public && row.online_url) lines.push(`Tautan daring: ${row.online_url}`);
  if (row.open_to_public && row.documents.length > 0) {
    lines.push('', 'Dokumen:');
    for (const document of row.documents) lines.push(`- ${document.title}: ${document.url}`);
  }
  const later = context.changes.filter((change) => change.kind !== 'scheduled');
  if (later.length > 0) {
    lines.push('', 'Perubahan:');
    for (const change of later) lines.push(`- ${change.text}`);
  }
  lines.push('', `Selengkapnya: ${page}`);
  return {
    uid: `${row.id}@${uidDomainOf(context.council, context.base)}`,
    organizer: { name: context.council.name, email: context.council.email ?? `agenda@${uidDomainOf(context.council, context.base)}` },
    sequence: row.sequence,
    status: row.status === 'cancelled' ? 'CANCELLED' : row.status === 'tentative' ? 'TENTATIVE' : 'CONFIRMED',
    updatedAt: row.updated_at,
    createdAt: row.created_at,
    summary: row.status === 'cancelled' ? `[Dibatalkan] ${row.title}` : row.title,
    description: lines.join('\n'),
    location: row.place,
    url: page,
    categories: [body.name, kindName],
    timeZone: zone,
    days: row.all_day && row.start_on && row.end_on ? { start: row.start_on, endExclusive: addDays(row.end_on, 1) } : null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
  };
}

/** The abbreviation of a zone (WIB, WITA, WIT). */
export function zoneAbbreviation(zone: string): string {
  return indonesianTimeZones[zoneOf(zone)].abbreviation;
}
