/**
 * The events `<opd-service-standard>` emits besides the kit's `opd-error`, merged into the
 * kit's `OpdEventMap` (`widgets/shared/events.ts`). `<opd-service-directory>` emits
 * `opd-service-printed` too.
 *
 * @module
 */

/** `opd-service-loaded`: a service's standard is shown. */
export interface OpdServiceLoadedDetail {
  /** The slug of its OPD. */
  opd: string;
  /** The service's slug (`GET /api/v1/opds/{opd}/services/{service}`). */
  service: string;
  /** Its name. */
  name: string;
  /** The number of the standard's version in force. */
  version: number;
}

/** `opd-service-printed`: the citizen printed a service's requirements checklist. */
export interface OpdServicePrintedDetail {
  /** The slug of its OPD. */
  opd: string;
  /** The service's slug. */
  service: string;
}

declare module '../shared/events.js' {
  interface OpdEventMap {
    'opd-service-loaded': OpdServiceLoadedDetail;
    'opd-service-printed': OpdServicePrintedDetail;
  }
}
