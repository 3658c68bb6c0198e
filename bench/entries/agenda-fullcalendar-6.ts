/**
 * Browser-benchmark entries of the agenda calendar's peers (bench/sections/agenda.ts):
 * FullCalendar 6 (core + daygrid + list; its CSS injected by its JS) showing the same month of events, given as objects already in the page
 * (`{ id, title, start, end, allDay }`, mapped from the same API events before the clock
 * starts), month view, at most 3 events a day with a "+n more" link as opd-kit shows them
 * (`dayMaxEvents: 3`; without it FullCalendar draws every event and does more work). Timing as
 * `agenda-opd-kit.ts`: from `new Calendar()` to the paint of the frame after `render()`.
 *
 * @module
 */
import { Calendar } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import listPlugin from '@fullcalendar/list';
import { afterPaint, type DrawResult } from './agenda-opd-kit.js';

/** An event as FullCalendar takes it. */
export interface CalendarEvent {
  id: string;
  title: string;
  start: string;
  end: string;
  allDay: boolean;
}

/** The options both versions get: the month of December 2026, at most 3 events a day. */
export const calendarOptions = (events: CalendarEvent[]) => ({ initialView: 'dayGridMonth', initialDate: '2026-12-01', dayMaxEvents: 3, events });

/** Shows December 2026 in `container` with FullCalendar 6. */
export async function drawWithFullCalendar(container: HTMLElement, events: CalendarEvent[]): Promise<DrawResult> {
  const started = performance.now();
  const calendar = new Calendar(container, { ...calendarOptions(events), plugins: [dayGridPlugin, listPlugin] });
  calendar.render();
  await afterPaint();
  return { drawMs: performance.now() - started, events: calendar.getEvents().length };
}
