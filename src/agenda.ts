/**
 * `opd-kit/agenda`: e-Agenda's namespace for a client, kept out of the main entry so a page
 * without the council calendar carries none of it. Add it to a client with `buildClient()`:
 *
 * ```ts
 * import { buildClient } from 'opd-kit';
 * import { citizenAgenda } from 'opd-kit/agenda';
 * const client = buildClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'sekretariat-dprd' }, { agenda: citizenAgenda });
 * for await (const event of client.agenda.events.list({ from: '2026-12-01', to: '2027-01-01' })) console.log(event.startsAt, event.title);
 * const { feed } = await client.agenda.council(); // feed.webcal opens the calendar app's subscribe dialog
 * ```
 *
 * `agenda` adds the staff calls (schedule, edit, postpone, cancel, bodies).
 *
 * @module
 */
export {
  agenda,
  citizenAgenda,
  type AgendaNamespace,
  type CitizenAgendaNamespace,
  type AgendaCallOptions,
  type AgendaCreateOptions,
  type AgendaEventRange,
} from './namespaces/agenda.js';
export type { AgendaEventInput, AgendaEventPatch, AgendaPostponeInput, AgendaCancelInput, CouncilBodyInput } from './schemas/agenda-staff.js';
export type {
  AgendaEvent,
  AgendaEventList,
  Council,
  CouncilBody,
  EventChange,
  EventChangeKind,
  EventDocument,
  EventKind,
  EventPeriod,
  EventStatus,
  FeedLinks,
} from './schemas/agenda.js';
