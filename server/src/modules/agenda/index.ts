/**
 * e-Agenda — the council (DPRD) agenda a Sekretariat DPRD publishes — as the spine sees it:
 * routes, migrations, demo seed and its part of the API reference. OPDs switch it on as
 * `agenda`; its code is named `agenda` too.
 *
 * @module
 */
import { defineModule } from '../../http/module.js';
import { councilAgendaTables } from './migrations/0001-council-agenda.js';
import { agendaRoutes } from './routes.js';
import { seedAgenda } from './seed.js';
import { agendaEvent, agendaEventList, council } from '../../../../src/schemas/agenda.js';
import { agendaCancelInput, agendaEventInput, agendaEventPatch, agendaPostponeInput, councilBodyInput } from '../../../../src/schemas/agenda-staff.js';
import { agendaEventsDataset } from './datasets.js';

/** e-Agenda: the council's events in ranges, filtered by body and kind, and as iCalendar feeds; staff schedule, edit, postpone and cancel. */
export const agendaModule = defineModule({
  id: 'agenda',
  routes: agendaRoutes,
  migrations: { '0001-council-agenda': councilAgendaTables },
  seed: seedAgenda,
  // The council's events as open data (Satu Data Indonesia).
  datasets: [agendaEventsDataset],
  openapi: {
    tag: {
      name: 'e-Agenda',
      description:
        'The council (DPRD) agenda: plenaries, commission meetings, hearings, working visits and reses of each body, with times in their own zone (WIB, WITA, WIT), statuses (tentative, confirmed, cancelled; passed once ended), documents and a public change log; iCalendar feeds of the whole council, of one body and of one event, to subscribe to in any calendar app.',
    },
    schemas: {
      Council: { schema: council, io: 'output', description: 'The council: its bodies, kinds of events and feed links (`https:` and `webcal:`).' },
      AgendaEvent: { schema: agendaEvent, io: 'output', description: 'An event of the agenda, with its change log.' },
      AgendaEventList: { schema: agendaEventList, io: 'output', description: 'A page of events in start order, the range answered and the matching feed.' },
      AgendaEventInput: { schema: agendaEventInput, io: 'input', description: 'A new event: timed (`startsAt`, `endsAt`) or all-day (`allDay`, `startDate`, `endDate`).' },
      AgendaEventPatch: { schema: agendaEventPatch, io: 'input', description: 'An edit: any field of a new event.' },
      AgendaPostponeInput: { schema: agendaPostponeInput, io: 'input', description: 'New times and the reason.' },
      AgendaCancelInput: { schema: agendaCancelInput, io: 'input', description: 'The reason the public reads.' },
      CouncilBodyInput: { schema: councilBodyInput, io: 'input', description: 'A body of the council as an OPD admin sets it.' },
    },
  },
});
