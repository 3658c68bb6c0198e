/**
 * `client.agenda`: e-Agenda, the council (DPRD) agenda. Anyone reads the council (its bodies,
 * kinds and feed links: `council`), the events of a range (`events.list`, at most 366 days,
 * filtered by body and kind; pages itself), one event (`events.get`) and the iCalendar text of
 * the council's feed (`feed`) or of one event (`ics`). Staff schedule, edit, postpone and
 * cancel events (`events.create`, `edit`, `postpone`, `cancel`); OPD admins set the council's
 * bodies (`bodies.put`). Each method is a thin call of one endpoint of `agendaEndpoints`.
 *
 * `citizenAgenda` is the public half alone, for a page that only shows the calendar: it imports
 * only the public schemas (`schemas/agenda.ts`), none of the staff's (`schemas/agenda-staff.ts`).
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import { agendaPublicEndpoints as endpoints, type AgendaEvent, type Council, type CouncilBody, type EventKind } from '../schemas/agenda.js';
import {
  agendaStaffEndpoints as staffEndpoints,
  type AgendaEventInput,
  type AgendaEventPatch,
  type AgendaPostponeInput,
  type CouncilBodyInput,
} from '../schemas/agenda-staff.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of an agenda call: the OPD whose council it is (default: the client's). */
export interface AgendaCallOptions extends CallOptions {
  /** The OPD (the Sekretariat DPRD) that publishes the agenda. */
  opd?: string;
}

/** Options of {@link AgendaNamespace.events}' `create`. */
export interface AgendaCreateOptions extends AgendaCallOptions {
  /** The Idempotency-Key to send (default: a new one per call). A form keeps one per draft, so sending it again after a lost answer schedules the event once. */
  idempotencyKey?: string;
}

/** A range and filters of {@link CitizenAgendaNamespace.events}' `list`. */
export interface AgendaEventRange {
  /** The start: a day (`2026-12-01`, in the council's zone), a local time or an instant. Default: today. */
  from?: string;
  /** The end, excluded (`from: '2026-12-01', to: '2027-01-01'` is December); at most 366 days after `from`. Default: 90 days on. */
  to?: string;
  /** Only this body's events (its id, e.g. `komisi-3`). */
  body?: string;
  /** Only events of this kind. */
  kind?: EventKind;
  /** Events per request (1–100, default 100); the list pages itself whatever the size. */
  limit?: number;
}

/** e-Agenda's public calls. */
export interface CitizenAgendaNamespace {
  /** The council: its bodies, kinds of events and the feeds to subscribe to (`https:` and `webcal:`). */
  council(options?: AgendaCallOptions): Promise<Council>;
  /** The council's events. */
  readonly events: {
    /** The events overlapping a range, in start order; pages itself. */
    list(range?: AgendaEventRange, options?: AgendaCallOptions): Paginated<AgendaEvent>;
    /** One event with its documents and change log. */
    get(id: number, options?: AgendaCallOptions): Promise<AgendaEvent>;
  };
  /** The council's iCalendar feed as text (or one body's). */
  feed(query?: { body?: string }, options?: AgendaCallOptions): Promise<string>;
  /** One event as iCalendar text, for "add to my calendar". */
  ics(id: number, options?: CallOptions): Promise<string>;
}

/** e-Agenda's calls: the public ones and the staff's. */
export interface AgendaNamespace extends CitizenAgendaNamespace {
  /** The council's events, with the staff's writes. */
  readonly events: CitizenAgendaNamespace['events'] & {
    /** One event as staff see it (staff): with the online link and documents of a meeting closed to the public. */
    read(id: number, options?: AgendaCallOptions): Promise<AgendaEvent>;
    /**
     * Schedules an event (staff); its log starts with its scheduling. Sends an Idempotency-Key
     * (one per call, reused by its retries), so a retry after a lost answer schedules it once.
     */
    create(input: AgendaEventInput, options?: AgendaCreateOptions): Promise<AgendaEvent>;
    /** Edits an event (staff): what changes is logged and its sequence grows. */
    edit(id: number, patch: AgendaEventPatch, options?: AgendaCallOptions): Promise<AgendaEvent>;
    /** Moves an event to new times with the reason (staff); its status stays. */
    postpone(id: number, input: AgendaPostponeInput, options?: AgendaCallOptions): Promise<AgendaEvent>;
    /** Cancels an event with the reason (staff); it stays on the agenda as cancelled. */
    cancel(id: number, reason: string, options?: AgendaCallOptions): Promise<AgendaEvent>;
  };
  /** OPD admins: the council's bodies. */
  readonly bodies: {
    /** Adds, renames, reorders or retires a body. */
    put(id: string, input: CouncilBodyInput, options?: AgendaCallOptions): Promise<CouncilBody>;
  };
}

/** Builds e-Agenda's public calls; `buildClient(options, { agenda: citizenAgenda })`. */
export const citizenAgenda: NamespaceFactory<CitizenAgendaNamespace> = (sender, defaults) => {
  const opdOf = (options?: AgendaCallOptions) => resolveOpd(options?.opd, defaults.opd);
  return {
    async council(options) {
      const opd = opdOf(options);
      return sender.call(endpoints.council, { params: { opd }, what: `the council agenda of ${opd}`, signal: options?.signal });
    },
    events: {
      list(range, options) {
        const opd = opdOf(options);
        return paginate((cursor) =>
          sender.call(endpoints.listEvents, {
            params: { opd },
            query: { ...range, ...(cursor ? { cursor } : {}) },
            what: `the agenda of ${opd}`,
            signal: options?.signal,
          }),
        );
      },
      async get(id, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.getEvent, { params: { opd, id }, what: `agenda event ${id}`, signal: options?.signal });
      },
    },
    async feed(query, options) {
      const opd = opdOf(options);
      return sender.call(endpoints.feed, { params: { opd }, query: query ?? {}, what: `the agenda feed of ${opd}`, signal: options?.signal });
    },
    async ics(id, options) {
      return sender.call(endpoints.eventIcs, { params: { id: String(id) }, what: `agenda event ${id} as iCalendar`, signal: options?.signal });
    },
  };
};

/** Builds `client.agenda` with the staff calls: `buildClient(options, { agenda })` (`createClient()`'s client has no agenda). */
export const agenda: NamespaceFactory<AgendaNamespace> = (sender, defaults) => {
  const opdOf = (options?: AgendaCallOptions) => resolveOpd(options?.opd, defaults.opd);
  const citizen = citizenAgenda(sender, defaults);
  return {
    ...citizen,
    events: {
      ...citizen.events,
      async read(id, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.getEventStaff, { params: { opd, id }, what: `agenda event ${id}`, signal: options?.signal });
      },
      async create(input, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.createEvent, {
          params: { opd },
          body: input,
          what: `a new agenda event of ${opd}`,
          signal: options?.signal,
          idempotencyKey: options?.idempotencyKey,
        });
      },
      async edit(id, patch, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.editEvent, { params: { opd, id }, body: patch, what: `agenda event ${id}`, signal: options?.signal });
      },
      async postpone(id, input, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.postponeEvent, { params: { opd, id }, body: input, what: `the postponement of agenda event ${id}`, signal: options?.signal });
      },
      async cancel(id, reason, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.cancelEvent, { params: { opd, id }, body: { reason }, what: `the cancellation of agenda event ${id}`, signal: options?.signal });
      },
    },
    bodies: {
      async put(id, input, options) {
        const opd = opdOf(options);
        return sender.call(staffEndpoints.putBody, { params: { opd, body: id }, body: input, what: `council body ${id}`, signal: options?.signal });
      },
    },
  };
};
