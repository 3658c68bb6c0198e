/**
 * Size-benchmark entry, peer of the coming `<opd-agenda-calendar>`: FullCalendar 6 with its
 * month grid, what a page showing a month of events imports (`new Calendar(el, { plugins:
 * [dayGridPlugin] })`). FullCalendar 6 injects its own CSS from JS, so there is no stylesheet
 * to add; preact comes inside.
 *
 * @module
 */
export { Calendar } from '@fullcalendar/core';
export { default as dayGridPlugin } from '@fullcalendar/daygrid';
