/**
 * `client.agenda`: e-Agenda, the council (DPRD) agenda. Anyone reads the council (its bodies,
 * kinds and feed links: `council`), the events of a range (`events.list`, at most 366 days,
 * filtered by body and kind; pages itself), one event (`events.get`) and the iCalendar text of
 * the council's feed (`feed`) or of one event (`ics`). Staff schedule, edit, postpone and
 * cancel events (`events.create`, `edit`, `postpone`, `cancel`); OPD admins set the council's
 * bodies (`bodies.put`). Each method is a thin call of one endpoint of `agendaEndpoints`.
 *
 * `citizenAgenda` (in `citizen-agenda.ts`, re-exported here) is the public half alone, for a
 * page that only shows the calendar: it imports only the public schemas (`schemas/agenda.ts`),
 * none of the staff's (`schemas/agenda-staff.ts`).
 *
 * @module
 */
import type { AgendaEvent, CouncilBody } from '../schemas/agenda.js';
import {
  agendaStaffEndpoints as staffEndpoints,
  type AgendaEventInput,
  type AgendaEventPatch,
  type AgendaPostponeInput,
  type CouncilBodyInput,
} from '../schemas/agenda-staff.js';
import { citizenAgenda, type AgendaCallOptions, type CitizenAgendaNamespace } from './citizen-agenda.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

export { citizenAgenda, type AgendaCallOptions, type AgendaEventRange, type CitizenAgendaNamespace } from './citizen-agenda.js';

/** Options of {@link AgendaNamespace.events}' `create`. */
export interface AgendaCreateOptions extends AgendaCallOptions {
  /** The Idempotency-Key to send (default: a new one per call). A form keeps one per draft, so sending it again after a lost answer schedules the event once. */
  idempotencyKey?: string;
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
