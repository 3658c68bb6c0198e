/**
 * The events `<opd-consultation-status>` emits besides the kit's `opd-error`, merged into the
 * kit's `OpdEventMap` (`widgets/shared/events.ts`).
 *
 * @module
 */
import type { ConsultationStatus } from '../../src/index.js';

/** `opd-status-loaded`: the status widget shows a consultation. */
export interface OpdStatusLoadedDetail {
  /** The tracking code shown. */
  trackingCode: string;
  /** Its status, e.g. `answered`. */
  status: ConsultationStatus;
  /** The slug of the OPD that handles it. */
  opd: string;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-status-loaded': OpdStatusLoadedDetail;
  }
}
