/**
 * Size-benchmark entry, peer of `<opd-agenda-calendar>`: FullCalendar 6 with its month grid and
 * its list view (core + daygrid + list), what a page showing a council's month and list imports.
 * FullCalendar 6 injects its own CSS from JS, so there is no stylesheet to add; preact comes
 * inside. (`fullcalendar.ts` is the same without the list.)
 *
 * @module
 */
export { Calendar } from '@fullcalendar/core';
export { default as dayGridPlugin } from '@fullcalendar/daygrid';
export { default as listPlugin } from '@fullcalendar/list';
