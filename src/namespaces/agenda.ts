/**
 * `client.agenda`: e-Agenda, the council (DPRD) agenda. Anyone reads the council (its bodies,
 * kinds and feed links: `council`), the events of a range (`events.list`, at most 366 days,
 * filtered by body and kind; pages itself), one event (`events.get`) and the iCalendar text of
 * the council's feed (`feed`) or of one event (`ics`). Staff schedule, edit, postpone and
 * cancel events (`events.create`, `edit`, `postpone`, `cancel`); OPD admins set the council's
 * bodies (`bodies.put`). Each method is a thin call of one endpoint in {@link agendaEndpoints}.
 *
 * `citizenAgenda` is the public half alone, for a page that only shows the calendar.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import {
  agendaEndpoints as endpoints,
  type AgendaEvent,
  type AgendaEventInput,
  type AgendaEventPatch,
  type AgendaPostponeInput,
  type Council,
  type CouncilBody,
  type CouncilBodyInput,
  type EventKind,
} from '../schemas/agenda.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** Options of an agenda call: the OPD whose council it is (default: the client's). */
export interface AgendaCallOptions extends CallOptions {
  /** The OPD (the Sekretariat DPRD) that publishes the agenda. */
  opd?: string;
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
    /** Schedules an event (staff); its log starts with its scheduling. */
    create(input: AgendaEventInput, options?: AgendaCallOptions): Promise<AgendaEvent>;
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
      async create(input, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.createEvent, { params: { opd }, body: input, what: `a new agenda event of ${opd}`, signal: options?.signal });
      },
      async edit(id, patch, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.editEvent, { params: { opd, id }, body: patch, what: `agenda event ${id}`, signal: options?.signal });
      },
      async postpone(id, input, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.postponeEvent, { params: { opd, id }, body: input, what: `the postponement of agenda event ${id}`, signal: options?.signal });
      },
      async cancel(id, reason, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.cancelEvent, { params: { opd, id }, body: { reason }, what: `the cancellation of agenda event ${id}`, signal: options?.signal });
      },
    },
    bodies: {
      async put(id, input, options) {
        const opd = opdOf(options);
        return sender.call(endpoints.putBody, { params: { opd, body: id }, body: input, what: `council body ${id}`, signal: options?.signal });
      },
    },
  };
};
