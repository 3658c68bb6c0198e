/**
 * The events opd-kit widgets emit, in one typed map that each widget extends. All are
 * `CustomEvent`s named `opd-<verb>` that bubble and are composed, so a host page can listen
 * on the element or on `document`.
 *
 * The kit declares only what every widget may emit (`opd-error`). A widget declares its own
 * events in its folder by merging them into {@link OpdEventMap}, and they become typed for
 * `emit()` and for `addEventListener` at once:
 *
 * ```ts
 * // widgets/road-map/events.ts
 * declare module '../shared/events.js' {
 *   interface OpdEventMap {
 *     'opd-segment-selected': OpdSegmentSelectedDetail;
 *   }
 * }
 * ```
 *
 * A name means one thing across widgets: a second widget that emits an existing name uses
 * that name's detail type.
 *
 * @module
 */

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

/** Every opd-kit event name with its detail type; widgets add theirs by declaration merging. */
export interface OpdEventMap {
  /** Something failed that the citizen was told about; see {@link OpdErrorDetail}. */
  'opd-error': OpdErrorDetail;
}

/** The name of an opd-kit event. */
export type OpdEventName = keyof OpdEventMap;

/** Every opd-kit event name with its `CustomEvent` type, as `addEventListener` sees it. */
export type OpdEvents = { [K in OpdEventName]: CustomEvent<OpdEventMap[K]> };

declare global {
  // Merged with the DOM's map, so `element.addEventListener('opd-…', e => e.detail)` is typed.
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface HTMLElementEventMap extends OpdEvents {}
}
