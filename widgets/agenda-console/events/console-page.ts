/**
 * e-Agenda's events page in the staff console, at `#/agenda/events`: the council's events by
 * month (`#/agenda/events/<YYYY-MM>`), a new one (`#/agenda/events/baru`), one event with its
 * edit, postponement and cancellation (`#/agenda/events/acara/<id>`) and the council's bodies
 * (`#/agenda/events/badan`). Listed in `widgets/console/pages.ts`; its code is loaded only
 * when the page is first opened.
 *
 * @module
 */
import type { ConsolePage } from '../../console/page.js';

/**
 * The events page. Every staff role of the OPD sees it (the event endpoints are `staff`);
 * editing the council's bodies is for OPD admins, which the page says to the others.
 */
export const agendaEventsPage: ConsolePage = {
  id: 'agenda/events',
  title: { id: 'Agenda DPRD', en: 'Council agenda' },
  roles: ['regency_admin', 'opd_admin', 'opd_staff'],
  scope: 'opd',
  module: 'agenda',
  tag: 'opd-agenda-events',
  load: () => import('./define.js'),
};
