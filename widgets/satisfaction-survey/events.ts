/**
 * The events `<opd-satisfaction-survey>` emits besides the kit's `opd-error`, merged into the
 * kit's `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-survey-submitted`: a citizen's answers were recorded; nothing about the citizen, the code or the scores is in the detail. */
export interface OpdSurveySubmittedDetail {
  /** The OPD's slug, e.g. `disdukcapil`. */
  opd: string;
  /** The service's slug, e.g. `ktp-el`. */
  service: string;
  /** The year the answers count in, or `null` when they were recorded by an earlier send (its receipt lost). */
  year: number | null;
  /** The semester (1–2) they count in, or `null` as for {@link year}. */
  semester: number | null;
  /** The quarter (1–4) they count in, or `null` as for {@link year}. */
  quarter: number | null;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-survey-submitted': OpdSurveySubmittedDetail;
  }
}
