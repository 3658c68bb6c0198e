/**
 * The events `<opd-agenda-calendar>` emits besides the kit's `opd-error`, merged into the kit's
 * `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-agenda-loaded`: the calendar shows a period's events. */
export interface OpdAgendaLoadedDetail {
  /** The OPD (Sekretariat DPRD) whose council agenda it is, e.g. `sekretariat-dprd`. */
  opd: string;
  /** The view shown. */
  view: 'month' | 'week' | 'list';
  /** The first day shown, `YYYY-MM-DD` in the council's zone. */
  from: string;
  /** The day after the last shown, `YYYY-MM-DD` (excluded). */
  to: string;
  /** The events shown (after the body and kind filters). */
  events: number;
}

/** `opd-event-opened`: the citizen opened an event's details. */
export interface OpdEventOpenedDetail {
  /** The event's id (its `.ics` is `/api/v1/events/{id}.ics`). */
  id: number;
  /** Its title. */
  title: string;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-agenda-loaded': OpdAgendaLoadedDetail;
    'opd-event-opened': OpdEventOpenedDetail;
  }
}
