/**
 * e-Agenda's staff side: what the Sekretariat DPRD's staff send — a new event, an edit, a
 * postponement, a cancellation, a council body as an OPD admin sets it — the staff's view of an
 * event (with the online link and documents of a closed meeting), and every e-Agenda endpoint
 * (`agendaEndpoints`: the public ones of `agenda.ts` and the staff's). Apart from `agenda.ts`
 * so a citizen's calendar carries none of these shapes.
 *
 * @module
 */
import * as z from 'zod/mini';
import { endpoint } from './endpoint.js';
import {
  agendaEvent,
  agendaEventParams,
  agendaPublicEndpoints,
  agendaTimeZones,
  bodyId,
  councilBody,
  dateText,
  dateTimeText,
  eventKinds,
  settableEventStatuses,
} from './agenda.js';
import { opdParams, opdSlug } from './opds.js';

/** An event as staff see it: with its online link and documents even when closed to the public. */
export const agendaEventStaff = agendaEvent;

const text = (max: number, what: string) => z.string(`Enter ${what}`).check(z.trim(), z.maxLength(max, `${what[0]!.toUpperCase()}${what.slice(1)} has at most ${max} characters`));

const webAddress = (what: string) =>
  z.string(`Enter ${what}`).check(
    z.trim(),
    z.maxLength(2000, `${what[0]!.toUpperCase()}${what.slice(1)} has at most 2,000 characters`),
    z.regex(/^https?:\/\/[^\s/$.?#][^\s]*$/i, `Write ${what} as a web address starting with https://`),
  );

/** A document as staff attach it: title and address. */
export const eventDocumentInput = z.object({
  title: z.string('Enter the document’s title').check(z.trim(), z.minLength(1, 'Enter the document’s title'), z.maxLength(200, 'A document title has at most 200 characters')),
  url: webAddress('the document’s address'),
});

/** When an event is: a timed one (`startsAt`, `endsAt`) or an all-day one (`allDay`, `startDate`, `endDate`). */
const timing = {
  allDay: z.optional(z.boolean('Say whether it takes whole days: true or false')),
  startsAt: z.optional(dateTimeText('when it starts')),
  endsAt: z.optional(dateTimeText('when it ends')),
  startDate: z.optional(dateText('the first day')),
  endDate: z.optional(dateText('the last day')),
  timeZone: z.optional(z.enum(agendaTimeZones, `Use a time zone: ${agendaTimeZones.join(', ')}`)),
};

/**
 * A new event: `POST /api/v1/opds/{opd}/events`. A timed event gives `startsAt` and `endsAt`
 * (a local time in `timeZone`, default the council's, or an instant with offset); an all-day
 * or multi-day one (a reses) gives `allDay: true`, `startDate` and `endDate` (the last day,
 * included; default the first).
 */
export const agendaEventInput = z.object({
  title: z.string('Enter the title').check(z.trim(), z.minLength(3, 'Enter a title of at least 3 characters'), z.maxLength(200, 'A title has at most 200 characters')),
  body: bodyId,
  kind: z.enum(eventKinds, `Choose a kind: ${eventKinds.join(', ')}`),
  ...timing,
  status: z.optional(z.enum(settableEventStatuses, 'Use status tentative or confirmed')),
  openToPublic: z.optional(z.boolean('Say whether it is open to the public: true or false')),
  place: z.optional(z.nullable(text(200, 'the place'))),
  onlineUrl: z.optional(z.nullable(webAddress('the online link'))),
  description: z.optional(z.nullable(text(5000, 'the description'))),
  documents: z.optional(z.array(eventDocumentInput).check(z.maxLength(20, 'Attach at most 20 documents'))),
});

/** A new event, see {@link agendaEventInput}. */
export type AgendaEventInput = z.input<typeof agendaEventInput>;

/** An edit: any field of {@link agendaEventInput}; what changes is logged and the sequence grows. */
export const agendaEventPatch = z.partial(agendaEventInput);

/** An edit, see {@link agendaEventPatch}. */
export type AgendaEventPatch = z.input<typeof agendaEventPatch>;

const reason = z.string('Give the reason').check(z.trim(), z.minLength(3, 'Give the reason, at least 3 characters'), z.maxLength(500, 'A reason has at most 500 characters'));

/** A postponement (or moving earlier): the new times, as in {@link agendaEventInput}, and the reason. The status stays. */
export const agendaPostponeInput = z.object({
  startsAt: timing.startsAt,
  endsAt: timing.endsAt,
  startDate: timing.startDate,
  endDate: timing.endDate,
  reason,
});

/** A postponement, see {@link agendaPostponeInput}. */
export type AgendaPostponeInput = z.input<typeof agendaPostponeInput>;

/** A cancellation: the reason the public will read ("dibatalkan: …"). */
export const agendaCancelInput = z.object({ reason });

/** A cancellation, see {@link agendaCancelInput}. */
export type AgendaCancelInput = z.input<typeof agendaCancelInput>;

/** A council body as an OPD admin sets it: `PUT /api/v1/opds/{opd}/agenda/bodies/{body}`. */
export const councilBodyInput = z.object({
  name: z.string('Enter the body’s name').check(z.trim(), z.minLength(2, 'Enter the body’s name'), z.maxLength(100, 'A name has at most 100 characters')),
  description: z.optional(z.nullable(text(200, 'the description'))),
  /** Its place in the council's order (smaller first). */
  position: z.optional(z.number('Give the position as a number').check(z.int('Give the position as a whole number'), z.minimum(0, 'Use a position from 0'), z.maximum(1000, 'Use a position up to 1000'))),
  /** False hides it from new events and the council read; its events stay. */
  active: z.optional(z.boolean('Say whether it is active: true or false')),
});

/** A body as set, see {@link councilBodyInput}. */
export type CouncilBodyInput = z.input<typeof councilBodyInput>;

/** e-Agenda's staff endpoints: read one event as staff see it, schedule, edit, postpone, cancel; OPD admins: the bodies. */
export const agendaStaffEndpoints = {
  getEventStaff: endpoint({
    id: 'getAgendaEventStaff',
    method: 'GET',
    path: '/api/v1/opds/{opd}/agenda/events/{id}',
    params: agendaEventParams,
    response: agendaEventStaff,
    access: 'staff',
  }),
  createEvent: endpoint({
    id: 'createAgendaEvent',
    method: 'POST',
    path: '/api/v1/opds/{opd}/events',
    params: opdParams,
    body: agendaEventInput,
    response: agendaEventStaff,
    status: 201,
    access: 'staff',
    idempotent: true,
  }),
  editEvent: endpoint({
    id: 'editAgendaEvent',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}/events/{id}',
    params: agendaEventParams,
    body: agendaEventPatch,
    response: agendaEventStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  postponeEvent: endpoint({
    id: 'postponeAgendaEvent',
    method: 'POST',
    path: '/api/v1/opds/{opd}/events/{id}/postpone',
    params: agendaEventParams,
    body: agendaPostponeInput,
    response: agendaEventStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  cancelEvent: endpoint({
    id: 'cancelAgendaEvent',
    method: 'POST',
    path: '/api/v1/opds/{opd}/events/{id}/cancel',
    params: agendaEventParams,
    body: agendaCancelInput,
    response: agendaEventStaff,
    access: 'staff',
    errors: ['conflict'],
  }),
  putBody: endpoint({
    id: 'putCouncilBody',
    method: 'PUT',
    path: '/api/v1/opds/{opd}/agenda/bodies/{body}',
    params: z.object({ opd: opdSlug, body: bodyId }),
    body: councilBodyInput,
    response: councilBody,
    access: 'opd-admin',
  }),
} as const;

/** Every e-Agenda endpoint: the public ones ({@link agendaPublicEndpoints}) and the staff's. */
export const agendaEndpoints = { ...agendaPublicEndpoints, ...agendaStaffEndpoints } as const;
