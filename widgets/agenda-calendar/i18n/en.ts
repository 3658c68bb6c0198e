/**
 * The English copy of `<opd-agenda-calendar>`. Typed as {@link AgendaCalendarMessages}, so the
 * compiler rejects a missing key.
 *
 * @module
 */
import type { EventKind } from '../../../src/schemas/agenda.js';
import type { AgendaCalendarMessages } from './id.js';

let numbers: Intl.NumberFormat | undefined;
// A day's count is below 1,000 (written alike in every language we ship): no formatter, whose
// first making costs a month's render several milliseconds; a larger number gets one, kept.
const num = (n: number): string => (Number.isInteger(n) && n >= 0 && n < 1000 ? String(n) : (numbers ??= new Intl.NumberFormat('en-GB')).format(n));

/** The council calendar's English copy, with the kinds' English names (the council read gives them in Indonesian). */
export const en: AgendaCalendarMessages & Readonly<Record<`kind.${EventKind}`, string>> = {
  'config.thisWidget': 'This agenda calendar',

  'cal.label': (council) => `Agenda of the ${council}`,
  'cal.loading': 'Loading the agenda…',
  'cal.loadingRange': (range) => `Loading the agenda of ${range}…`,
  'cal.shown': (range, n) => `Showing the agenda of ${range}: ${n === 0 ? 'no events' : `${num(n)} ${n === 1 ? 'event' : 'events'}`}.`,
  'cal.offline': 'The agenda could not be loaded: no connection. Check your internet connection, then try again.',
  'cal.unknownOpd': (slug) => `This agenda calendar is not set up correctly: the agency "${slug}" is not known. Contact the site’s administrator.`,
  'cal.unavailable': 'The council agenda (e-Agenda) is not available for this agency.',
  'cal.empty': 'There is nothing on the agenda in this period.',
  'cal.emptyFiltered': 'Nothing on the agenda matches the filters in this period.',
  'cal.synthetic': 'Sample (synthetic) data for the demo, not the official agenda.',
  'cal.timesIn': (zone, name) => `Times in ${zone} (${name}).`,

  'nav.previousMonth': 'Previous month',
  'nav.nextMonth': 'Next month',
  'nav.previousWeek': 'Previous week',
  'nav.nextWeek': 'Next week',
  'nav.today': 'Today',

  'view.label': 'View',
  'view.month': 'Month',
  'view.week': 'Week',
  'view.list': 'List',

  'filter.title': 'Filter the agenda',
  'filter.body': 'Council body',
  'filter.kind': 'Kind of event',
  'filter.allBodies': 'All bodies',
  'filter.allKinds': 'All kinds',

  'grid.today': 'today',
  'grid.none': 'Nothing on the agenda',
  'grid.count': (n) => `${num(n)} ${n === 1 ? 'event' : 'events'}`,
  'grid.more': (n) => `+${num(n)} more`,
  'grid.moreLabel': (n, day) => `${num(n)} more ${n === 1 ? 'event' : 'events'} on ${day}`,
  'grid.help': 'Use the arrow keys to move between days, Page Up and Page Down to change month, Enter to open the day’s events.',
  'grid.helpWeek': 'Use the arrow keys to move between days, Page Up and Page Down to change week, Enter to open the day’s events.',

  'event.allDay': 'All day',
  'event.cancelled': 'Cancelled',
  'event.closed': 'Closed to the public',
  'event.closedShort': 'Closed',
  'event.tentative': 'Tentative',
  'event.passed': 'Held',
  'event.confirmed': 'Scheduled',
  'event.postponed': 'Postponed',
  'event.broughtForward': 'Brought forward',

  'kind.rapat-paripurna': 'Plenary session',
  'kind.rapat-komisi': 'Commission meeting',
  'kind.rapat-kerja': 'Working meeting',
  'kind.rapat-dengar-pendapat': 'Public hearing',
  'kind.rapat-gabungan': 'Joint meeting',
  'kind.kunjungan-kerja': 'Working visit',
  'kind.reses': 'Recess (constituency visits)',
  'kind.konsultasi': 'Consultation',
  'kind.lainnya': 'Other',

  'dialog.unavailable': 'The event’s details could not be opened: no connection. Check your internet connection, then try again.',

  'subscribe.title': 'Subscribe in a calendar app',
  'subscribe.titleBody': (body) => `Subscribe to the agenda of ${body}`,
  'subscribe.webcal': 'Open in a calendar app (webcal)',
  'subscribe.google': 'Add to Google Calendar',
  'subscribe.ics': 'Feed address (.ics)',
  'subscribe.hint': 'Your calendar follows the agenda when an event is postponed or cancelled.',
};
