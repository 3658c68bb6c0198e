/**
 * The events `<opd-innovation-progress>` emits besides the kit's `opd-error`, merged into the
 * kit's `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-progress-loaded`: the board shows an assessment year's progress toward "one OPD, one innovation". */
export interface OpdProgressLoadedDetail {
  /** The assessment year shown. */
  year: number;
  /** Every OPD of the regency. */
  opds: number;
  /** The OPDs with at least one verified innovation of the year. */
  opdsDone: number;
  /** `opdsDone / opds` in percent (two decimals). */
  percent: number;
  /** The deadline (`YYYY-MM-DD`, the last day included), or `null` without one. */
  deadline: string | null;
  /** Whole days left in the regency's time zone (0 on the day, negative once passed), or `null`. */
  daysLeft: number | null;
  /** The slugs of the OPDs still without a verified innovation. */
  missing: string[];
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-progress-loaded': OpdProgressLoadedDetail;
  }
}
