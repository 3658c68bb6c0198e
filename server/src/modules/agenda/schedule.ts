/**
 * e-Agenda's writes, shared by the staff routes and the demo seed: scheduling an event,
 * editing it, postponing (or bringing forward) and cancelling it. Each change raises the
 * event's `sequence` by one and adds a line to its public change log, in Indonesian
 * ("Diundur dari … ke …: …", "Dibatalkan: …"); a change that changes nothing is not one.
 * A cancelled event is final (409). The callers write the audit entry.
 *
 * @module
 */
import {
  MAX_RANGE_DAYS,
  type AgendaEventInput,
  type AgendaEventPatch,
  type AgendaPostponeInput,
  type EventChangeKind,
  type EventDocument,
  type EventPeriod,
  type FieldError,
  type IndonesianTimeZone,
} from '../../../../src/schemas/index.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { eventById } from './queries.js';
import type { AgendaDb } from './tables.js';
import { addDays } from '../../calendar/working-days.js';
import { dayOf, daysBetween, daysToInstants, isDay, readMoment, sayPeriod, zoneOf } from './time.js';
import { periodOf, type BodyFacts, type EventFacts } from './views.js';

/** The longest an event may last, in days (a reses is about a week). */
export const MAX_EVENT_DAYS = 31;

/** When an event is, as resolved from what staff sent. */
export interface Timing {
  allDay: boolean;
  startsAt: Date;
  endsAt: Date;
  startDate: string | null;
  endDate: string | null;
  timeZone: IndonesianTimeZone;
}

/** What staff sent about when: any of these. */
type TimingInput = Pick<AgendaEventInput, 'allDay' | 'startsAt' | 'endsAt' | 'startDate' | 'endDate' | 'timeZone'>;

/** Throws the 422 of `errors` (each naming its field). */
function refuse(errors: FieldError[]): never {
  throw validationProblem(errors, errors.length === 1 ? errors[0]!.message : undefined);
}

/**
 * When an event is, from `input` on top of `current` (an edit or a postponement: what is not
 * sent stays, and a new start keeps the length) or on its own (a new event). Every problem is
 * a 422 naming the field.
 */
export function resolveTiming(input: TimingInput, current: Timing | undefined, defaultZone: IndonesianTimeZone): Timing {
  const zone = input.timeZone ?? current?.timeZone ?? defaultZone;
  const allDay = input.allDay ?? current?.allDay ?? false;
  const errors: FieldError[] = [];
  if (allDay) {
    for (const field of ['startsAt', 'endsAt'] as const) {
      if (input[field] !== undefined) errors.push({ path: field, message: 'An all-day event takes startDate and endDate, not times', code: 'notAllowed' });
    }
    let startDate = input.startDate ?? current?.startDate ?? undefined;
    if (startDate === undefined && current) startDate = currentDay(current);
    if (startDate === undefined) errors.push({ path: 'startDate', message: 'Enter the first day, e.g. 2026-12-14', code: 'required' });
    else if (!isDay(startDate)) errors.push({ path: 'startDate', message: `${startDate} is not a day of the calendar`, code: 'invalid' });
    if (errors.length > 0) refuse(errors);
    const currentLength = current?.allDay && current.startDate && current.endDate ? daysBetween(current.startDate, current.endDate) : 0;
    const endDate = input.endDate ?? (input.startDate !== undefined ? addDays(startDate!, currentLength) : (current?.endDate ?? startDate!));
    if (!isDay(endDate)) refuse([{ path: 'endDate', message: `${endDate} is not a day of the calendar`, code: 'invalid' }]);
    if (endDate < startDate!) refuse([{ path: 'endDate', message: 'The last day cannot be before the first', code: 'tooSmall' }]);
    if (daysBetween(startDate!, endDate) + 1 > MAX_EVENT_DAYS) refuse([{ path: 'endDate', message: `An event lasts at most ${MAX_EVENT_DAYS} days`, code: 'tooLarge' }]);
    return { allDay, ...daysToInstants(startDate!, endDate, zone), startDate: startDate!, endDate, timeZone: zone };
  }
  for (const field of ['startDate', 'endDate'] as const) {
    if (input[field] !== undefined) errors.push({ path: field, message: 'Set allDay to true for an event of whole days, or give startsAt and endsAt', code: 'notAllowed' });
  }
  const start = momentOf('startsAt', input.startsAt, zone, errors);
  const end = momentOf('endsAt', input.endsAt, zone, errors);
  if (errors.length > 0) refuse(errors);
  const keepsTimes = current && !current.allDay;
  const startsAt = start ?? (keepsTimes ? current.startsAt : undefined);
  if (!startsAt) refuse([{ path: 'startsAt', message: 'Enter when it starts, e.g. 2026-12-07T10:00', code: 'required' }]);
  let endsAt = end;
  if (!endsAt && keepsTimes) endsAt = new Date(startsAt.getTime() + (current.endsAt.getTime() - current.startsAt.getTime()));
  if (!endsAt) refuse([{ path: 'endsAt', message: 'Enter when it ends, e.g. 2026-12-07T12:00', code: 'required' }]);
  if (endsAt.getTime() <= startsAt.getTime()) refuse([{ path: 'endsAt', message: 'It must end after it starts', code: 'tooSmall' }]);
  if (endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000) refuse([{ path: 'endsAt', message: `An event lasts at most ${MAX_EVENT_DAYS} days`, code: 'tooLarge' }]);
  return { allDay: false, startsAt, endsAt, startDate: null, endDate: null, timeZone: zone };
}

function currentDay(current: Timing): string {
  return dayOf(current.startsAt, current.timeZone);
}

/** A start or end as sent: a local time (in `zone`) or an instant; a day alone is refused (give the time, or make it all-day). */
function momentOf(field: 'startsAt' | 'endsAt', text: string | undefined, zone: IndonesianTimeZone, errors: FieldError[]): Date | undefined {
  if (text === undefined) return undefined;
  const moment = readMoment(text, zone);
  if (!moment) {
    errors.push({ path: field, message: `${text} is not a time of the calendar`, code: 'invalid' });
    return undefined;
  }
  if (moment.kind === 'day') {
    errors.push({ path: field, message: 'Give the time too, e.g. 2026-12-07T10:00, or set allDay to true', code: 'format' });
    return undefined;
  }
  return moment.at;
}

/** An event's timing as stored. */
export function timingOf(row: EventFacts): Timing {
  return { allDay: row.all_day, startsAt: row.starts_at, endsAt: row.ends_at, startDate: row.start_on, endDate: row.end_on, timeZone: zoneOf(row.time_zone) };
}

function periodOfTiming(timing: Timing): EventPeriod {
  return { startsAt: timing.startsAt.toISOString(), endsAt: timing.endsAt.toISOString(), startDate: timing.startDate, endDate: timing.endDate };
}

function samePeriod(a: Timing, b: Timing): boolean {
  return a.allDay === b.allDay && a.startsAt.getTime() === b.startsAt.getTime() && a.endsAt.getTime() === b.endsAt.getTime() && a.timeZone === b.timeZone;
}

/** The body an event is for: one of the council's active bodies, else a 422 naming `body` with those there are. */
function checkBody(bodies: readonly BodyFacts[], id: string, current?: string): void {
  if (id === current) return;
  if (bodies.some((body) => body.id === id && body.active)) return;
  const known = bodies.filter((body) => body.active).map((body) => body.id);
  refuse([
    {
      path: 'body',
      message: known.length > 0 ? `The council has no body "${id}"; use one of: ${known.join(', ')}` : 'The council has no bodies yet: an OPD admin adds them first',
      code: 'notAllowed',
    },
  ]);
}

/** What a write is about: the OPD, its council's zone and bodies, who and when. */
export interface WriteContext {
  opd: string;
  councilZone: IndonesianTimeZone;
  bodies: readonly BodyFacts[];
  /** The staff user id; null for the demo seed. */
  actorId: string | null;
  now: Date;
}

/** Adds a line to an event's change log. */
async function logChange(
  db: AgendaDb,
  eventId: number,
  change: { kind: EventChangeKind; sequence: number; text: string; reason?: string | null; fields?: string[]; from?: EventPeriod | null; to?: EventPeriod | null },
  context: WriteContext,
): Promise<void> {
  await db
    .insertInto('agenda_event_changes')
    .values({
      event_id: eventId,
      at: context.now,
      kind: change.kind,
      sequence: change.sequence,
      text: change.text,
      reason: change.reason ?? null,
      fields: JSON.stringify(change.fields ?? []),
      from_period: change.from ? JSON.stringify(change.from) : null,
      to_period: change.to ? JSON.stringify(change.to) : null,
      actor_id: context.actorId,
    })
    .execute();
}

/** Schedules a new event (sequence 0, its log starting "Dijadwalkan …"); returns it. */
export async function scheduleEvent(db: AgendaDb, input: AgendaEventInput, context: WriteContext): Promise<EventFacts> {
  checkBody(context.bodies, input.body);
  const timing = resolveTiming(input, undefined, context.councilZone);
  const { id } = await db
    .insertInto('agenda_events')
    .values({
      opd_slug: context.opd,
      body_id: input.body,
      kind: input.kind,
      title: input.title,
      status: input.status ?? 'confirmed',
      open_to_public: input.openToPublic ?? true,
      all_day: timing.allDay,
      starts_at: timing.startsAt,
      ends_at: timing.endsAt,
      start_on: timing.startDate,
      end_on: timing.endDate,
      time_zone: timing.timeZone,
      place: input.place ?? null,
      online_url: input.onlineUrl ?? null,
      description: input.description ?? null,
      documents: JSON.stringify(input.documents ?? []),
      sequence: 0,
      created_at: context.now,
      updated_at: context.now,
      created_by: context.actorId,
      updated_by: context.actorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const period = periodOfTiming(timing);
  await logChange(db, id, { kind: 'scheduled', sequence: 0, text: `Dijadwalkan: ${sayPeriod(period, timing.timeZone)}.`, to: period }, context);
  return (await eventById(db, id))!;
}

/** The event `id` of `opd`, locked, or a 404; a cancelled one is a 409 for any change. */
async function changeable(db: AgendaDb, opd: string, id: number): Promise<EventFacts> {
  const row = await eventById(db, id, true);
  if (!row || row.opd_slug !== opd) throw new ProblemError('not-found', { detail: `The agenda has no event ${id}` });
  if (row.status === 'cancelled') {
    throw new ProblemError('conflict', { detail: `Event ${id} was cancelled${row.cancel_reason ? ` (${row.cancel_reason})` : ''}; a cancelled event is not changed: schedule a new one` });
  }
  return row;
}

/** The Indonesian names of the fields an edit may change, for the log. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'judul',
  body: 'alat kelengkapan',
  kind: 'jenis kegiatan',
  place: 'tempat',
  onlineUrl: 'tautan daring',
  description: 'keterangan',
  documents: 'dokumen',
  openToPublic: 'keterbukaan untuk umum',
  status: 'status',
};

function sameDocuments(a: readonly EventDocument[], b: readonly EventDocument[]): boolean {
  return a.length === b.length && a.every((document, i) => document.title === b[i]!.title && document.url === b[i]!.url);
}

/** Edits an event; what changed goes to its log ("Diubah: tempat, dokumen; waktu dari … ke …") and its sequence grows. Nothing changed: nothing happens. */
export async function editEvent(db: AgendaDb, id: number, patch: AgendaEventPatch, context: WriteContext): Promise<{ row: EventFacts; changed: string[] }> {
  const row = await changeable(db, context.opd, id);
  if (patch.body !== undefined) checkBody(context.bodies, patch.body, row.body_id);
  const timingSent = (['allDay', 'startsAt', 'endsAt', 'startDate', 'endDate', 'timeZone'] as const).some((field) => patch[field] !== undefined);
  const before = timingOf(row);
  const timing = timingSent ? resolveTiming(patch, before, context.councilZone) : before;
  const next = {
    title: patch.title ?? row.title,
    body: patch.body ?? row.body_id,
    kind: patch.kind ?? row.kind,
    place: patch.place === undefined ? row.place : patch.place,
    onlineUrl: patch.onlineUrl === undefined ? row.online_url : patch.onlineUrl,
    description: patch.description === undefined ? row.description : patch.description,
    documents: patch.documents ?? row.documents,
    openToPublic: patch.openToPublic ?? row.open_to_public,
    status: patch.status ?? row.status,
  };
  const changed: string[] = [];
  if (next.title !== row.title) changed.push('title');
  if (next.body !== row.body_id) changed.push('body');
  if (next.kind !== row.kind) changed.push('kind');
  if (next.place !== row.place) changed.push('place');
  if (next.onlineUrl !== row.online_url) changed.push('onlineUrl');
  if (next.description !== row.description) changed.push('description');
  if (!sameDocuments(next.documents, row.documents)) changed.push('documents');
  if (next.openToPublic !== row.open_to_public) changed.push('openToPublic');
  if (next.status !== row.status) changed.push('status');
  const moved = !samePeriod(before, timing);
  if (changed.length === 0 && !moved) return { row, changed: [] };
  const sequence = row.sequence + 1;
  const parts: string[] = [];
  const named = changed.filter((field) => field !== 'status').map((field) => FIELD_NAMES[field]!);
  if (named.length > 0) parts.push(named.join(', '));
  if (changed.includes('status')) parts.push(next.status === 'confirmed' ? 'jadwal dipastikan' : 'jadwal menjadi sementara');
  if (moved) parts.push(`waktu dari ${sayPeriod(periodOfTiming(before), before.timeZone)} ke ${sayPeriod(periodOfTiming(timing), timing.timeZone)}`);
  const fields = [...changed, ...(moved ? timingFields(before, timing) : [])];
  await db
    .updateTable('agenda_events')
    .set({
      title: next.title,
      body_id: next.body,
      kind: next.kind,
      place: next.place,
      online_url: next.onlineUrl,
      description: next.description,
      documents: JSON.stringify(next.documents),
      open_to_public: next.openToPublic,
      status: next.status,
      all_day: timing.allDay,
      starts_at: timing.startsAt,
      ends_at: timing.endsAt,
      start_on: timing.startDate,
      end_on: timing.endDate,
      time_zone: timing.timeZone,
      sequence,
      updated_at: context.now,
      updated_by: context.actorId,
    })
    .where('id', '=', id)
    .execute();
  await logChange(
    db,
    id,
    { kind: 'edited', sequence, text: `Diubah: ${parts.join('; ')}.`, fields, from: moved ? periodOfTiming(before) : null, to: moved ? periodOfTiming(timing) : null },
    context,
  );
  return { row: (await eventById(db, id))!, changed: fields };
}

function timingFields(before: Timing, after: Timing): string[] {
  const fields: string[] = [];
  if (before.allDay !== after.allDay) fields.push('allDay');
  if (after.allDay) {
    if (before.startDate !== after.startDate) fields.push('startDate');
    if (before.endDate !== after.endDate) fields.push('endDate');
  } else {
    if (before.startsAt.getTime() !== after.startsAt.getTime()) fields.push('startsAt');
    if (before.endsAt.getTime() !== after.endsAt.getTime()) fields.push('endsAt');
  }
  if (before.timeZone !== after.timeZone) fields.push('timeZone');
  return fields;
}

/**
 * Moves an event to new times with the reason: "Diundur dari … ke …: …" (or "Dimajukan …" when
 * it moves earlier). The status stays; the sequence grows. New times equal to the old are a 422.
 */
export async function postponeEvent(db: AgendaDb, id: number, input: AgendaPostponeInput, context: WriteContext): Promise<{ row: EventFacts; kind: EventChangeKind; from: EventPeriod; to: EventPeriod }> {
  const row = await changeable(db, context.opd, id);
  const before = timingOf(row);
  if ([input.startsAt, input.endsAt, input.startDate, input.endDate].every((value) => value === undefined)) {
    const field = before.allDay ? 'startDate' : 'startsAt';
    refuse([{ path: field, message: before.allDay ? 'Enter the new first day' : 'Enter the new start, e.g. 2026-12-09T13:00', code: 'required' }]);
  }
  const timing = resolveTiming(input, before, context.councilZone);
  if (samePeriod(before, timing)) refuse([{ path: before.allDay ? 'startDate' : 'startsAt', message: 'These are the times it already has', code: 'invalid' }]);
  const later = timing.startsAt.getTime() > before.startsAt.getTime() || (timing.startsAt.getTime() === before.startsAt.getTime() && timing.endsAt.getTime() > before.endsAt.getTime());
  const kind: EventChangeKind = later ? 'postponed' : 'brought-forward';
  const from = periodOfTiming(before);
  const to = periodOfTiming(timing);
  const sequence = row.sequence + 1;
  await db
    .updateTable('agenda_events')
    .set({ starts_at: timing.startsAt, ends_at: timing.endsAt, start_on: timing.startDate, end_on: timing.endDate, sequence, updated_at: context.now, updated_by: context.actorId })
    .where('id', '=', id)
    .execute();
  const verb = later ? 'Diundur' : 'Dimajukan';
  await logChange(
    db,
    id,
    { kind, sequence, text: `${verb} dari ${sayPeriod(from, before.timeZone)} ke ${sayPeriod(to, timing.timeZone)}: ${input.reason}`, reason: input.reason, fields: timingFields(before, timing), from, to },
    context,
  );
  return { row: (await eventById(db, id))!, kind, from, to };
}

/** Cancels an event with the reason ("Dibatalkan: …"); it stays on the agenda as cancelled. */
export async function cancelEvent(db: AgendaDb, id: number, reason: string, context: WriteContext): Promise<EventFacts> {
  const row = await changeable(db, context.opd, id);
  const sequence = row.sequence + 1;
  await db
    .updateTable('agenda_events')
    .set({ status: 'cancelled', cancel_reason: reason, sequence, updated_at: context.now, updated_by: context.actorId })
    .where('id', '=', id)
    .execute();
  await logChange(db, id, { kind: 'cancelled', sequence, text: `Dibatalkan: ${reason}`, reason, fields: ['status'], from: periodOf(row), to: null }, context);
  return (await eventById(db, id))!;
}

/** The widest range a query may span, in milliseconds. */
export const MAX_RANGE_MS = MAX_RANGE_DAYS * 86_400_000;
