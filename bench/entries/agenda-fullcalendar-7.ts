/**
 * Browser-benchmark entries of the agenda calendar's peers (bench/sections/agenda.ts):
 * FullCalendar 7 (`fullcalendar` + daygrid + list + the classic theme, its CSS files linked by the page) showing the same month of events, given as objects already in the page
 * (`{ id, title, start, end, allDay }`, mapped from the same API events before the clock
 * starts), month view, at most 3 events a day with a "+n more" link as opd-kit shows them
 * (`dayMaxEvents: 3`; without it FullCalendar draws every event and does more work). Timing as
 * `agenda-opd-kit.ts`: from `new Calendar()` to the paint of the frame after `render()`.
 *
 * @module
 */
import { Calendar } from 'fullcalendar-7';
import dayGridPlugin from 'fullcalendar-7/daygrid';
import listPlugin from 'fullcalendar-7/list';
import classicThemePlugin from 'fullcalendar-7/themes/classic';
import { afterPaint, type DrawResult } from './agenda-opd-kit.js';
import type { CalendarEvent } from './agenda-fullcalendar-6.js';

/** Shows December 2026 in `container` with FullCalendar 7. */
export async function drawWithFullCalendar(container: HTMLElement, events: CalendarEvent[]): Promise<DrawResult> {
  const started = performance.now();
  const calendar = new Calendar(container, {
    initialView: 'dayGridMonth',
    initialDate: '2026-12-01',
    dayMaxEvents: 3,
    events,
    plugins: [dayGridPlugin, listPlugin, classicThemePlugin],
  });
  calendar.render();
  await afterPaint();
  return { drawMs: performance.now() - started, events: calendar.getEvents().length };
}
