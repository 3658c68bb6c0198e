/**
 * The events `<opd-satisfaction-index>` emits besides the kit's `opd-error`, merged into the
 * kit's `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-satisfaction-loaded`: the index of a year is shown (the OPD's, or one service's with `service`). */
export interface OpdSatisfactionLoadedDetail {
  /** The OPD's slug. */
  opd: string;
  /** The service's slug when the widget shows one service, else `null`. */
  service: string | null;
  /** The year shown. */
  year: number;
  /** How many responses the index is over. */
  respondents: number;
  /** The IKM (25–100, two decimals), or `null` without responses. */
  ikm: number | null;
  /** Its grade (A–D), or `null`. */
  grade: string | null;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-satisfaction-loaded': OpdSatisfactionLoadedDetail;
  }
}
