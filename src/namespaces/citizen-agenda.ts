/**
 * The public half of `client.agenda` (`citizenAgenda`): the council, the events of a range, one
 * event and the iCalendar text of the feed or of one event. It imports only the public schemas
 * (`schemas/agenda.ts`), so a page that only shows the calendar carries none of the staff's;
 * `agenda.ts` adds the staff calls.
 *
 * @module
 */
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import { agendaPublicEndpoints as endpoints, type AgendaEvent, type Council, type EventKind } from '../schemas/agenda.js';
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
