/**
 * The events every opd-kit widget may emit, in one typed map. All are `CustomEvent`s that
 * bubble and are composed, so a host page can listen on the element or on `document`.
 *
 * ```js
 * form.addEventListener('opd-submitted', (event) => console.log(event.detail.trackingCode));
 * ```
 *
 * @module
 */
import type { ConsultationStatus } from '../../src/index.js';

/** `opd-submitted`: a citizen's question was received; no personal data is in the detail. */
export interface OpdSubmittedDetail {
  /** The tracking code the citizen received, e.g. `SIAP-7K3F-9QX2`. */
  trackingCode: string;
  /** The slug of the OPD asked, e.g. `bpkad`. */
  opd: string;
}

/** What went wrong, as a short stable code a host page can branch on. */
export type OpdErrorCode =
  | 'network'
  | 'timeout'
  | 'rate-limited'
  | 'validation'
  | 'not-found'
  | 'unavailable'
  | 'server'
  | 'config';

/** `opd-error`: something failed that the citizen was told about (for host-page logging). */
export interface OpdErrorDetail {
  /** What kind of failure, see {@link OpdErrorCode}. */
  code: OpdErrorCode;
  /** What the widget was doing, e.g. `load-categories`, `submit`, `track`. */
  action: string;
  /** The server's request id, when the server answered. */
  requestId?: string;
  /** The original error (an `OpdError` from the SDK). */
  error: unknown;
}

/** `opd-status-loaded`: the status widget shows a consultation. */
export interface OpdStatusLoadedDetail {
  /** The tracking code shown. */
  trackingCode: string;
  /** Its status, e.g. `answered`. */
  status: ConsultationStatus;
  /** The slug of the OPD that handles it. */
  opd: string;
}

/** Every opd-kit event name with its detail type. */
export interface OpdEventMap {
  'opd-submitted': OpdSubmittedDetail;
  'opd-error': OpdErrorDetail;
  'opd-status-loaded': OpdStatusLoadedDetail;
}

/** The name of an opd-kit event. */
export type OpdEventName = keyof OpdEventMap;

declare global {
  interface HTMLElementEventMap {
    'opd-submitted': CustomEvent<OpdSubmittedDetail>;
    'opd-error': CustomEvent<OpdErrorDetail>;
    'opd-status-loaded': CustomEvent<OpdStatusLoadedDetail>;
  }
}
