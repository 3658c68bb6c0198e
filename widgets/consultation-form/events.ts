/**
 * The events `<opd-consultation-form>` emits besides the kit's `opd-error`, merged into the
 * kit's `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */

/** `opd-submitted`: a citizen's question was received; no personal data is in the detail. */
export interface OpdSubmittedDetail {
  /** The tracking code the citizen received, e.g. `SIAP-7K3F-9QX2`. */
  trackingCode: string;
  /** The slug of the OPD asked, e.g. `bpkad`. */
  opd: string;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-submitted': OpdSubmittedDetail;
  }
}
