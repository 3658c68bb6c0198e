/**
 * What an SDK error means, read in one place for every widget: the `opd-error` code a host
 * page logs and the kind of message the citizen reads. Widgets branch on the reading, never
 * on the SDK's error classes.
 *
 * @module
 */
import {
  ApiError,
  IdempotencyConflictError,
  NetworkError,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../../src/errors.js';
import type { FieldError } from '../../src/schemas/common.js';
import type { OpdErrorCode, OpdErrorDetail } from './events.js';

/**
 * An SDK error as a widget acts on it: `kind` is what the citizen is told, `code` what the
 * `opd-error` event says.
 *
 * - `fields`: the input was refused field by field (show the error summary); `sent` is `false`
 *   when the SDK's own check refused it before anything was sent (a `ValidationError`: the
 *   citizen's mistake, not a failure to report to the host page) and `true` when the server did;
 * - `offline`: no answer (send again when the connection is back);
 * - `rate-limited`: wait `retryAfter` seconds;
 * - `conflict`: the idempotency key was used for other content; `stored` is what the server
 *   stored under it (the first version's answer, e.g. its receipt) when it says, else `undefined`
 *   (the SDK checked it against the endpoint's answer schema);
 * - `unavailable`: the module is switched off for this OPD;
 * - `not-found`: the thing asked for does not exist;
 * - `server`: anything else; `requestId` is what to quote (`''` when none).
 */
export type ErrorReading =
  | { kind: 'fields'; code: 'validation'; fieldErrors: readonly FieldError[]; sent: boolean }
  | { kind: 'offline'; code: 'network' | 'timeout' }
  | { kind: 'rate-limited'; code: 'rate-limited'; retryAfter: number }
  | { kind: 'conflict'; code: 'server'; requestId: string; stored?: unknown }
  | { kind: 'unavailable'; code: 'unavailable' }
  | { kind: 'not-found'; code: 'not-found' }
  | { kind: 'server'; code: 'server'; requestId: string };

/** Reads an SDK error (or anything thrown); see {@link ErrorReading}. */
export function readError(error: unknown): ErrorReading {
  if (error instanceof TimeoutError) return { kind: 'offline', code: 'timeout' };
  if (error instanceof NetworkError) return { kind: 'offline', code: 'network' };
  if (error instanceof RateLimitError) {
    return { kind: 'rate-limited', code: 'rate-limited', retryAfter: error.retryAfter };
  }
  if (error instanceof ValidationError) {
    return { kind: 'fields', code: 'validation', fieldErrors: error.fieldErrors, sent: false };
  }
  const requestId = error instanceof ApiError ? (error.requestId ?? '') : '';
  if (error instanceof ApiError) {
    // A module switched off answers 404 too: check its own code first.
    if (error.code === 'module-disabled') return { kind: 'unavailable', code: 'unavailable' };
    // Only the API's own 404 means "no such thing": a 404 page of some other site (an `api`
    // attribute that points at the host's CMS, or none) is a failure to reach the backend.
    if (error.status === 404 && error.code === 'not-found') return { kind: 'not-found', code: 'not-found' };
    // Before the field errors: the server names the key as the rejected "field", which is no
    // field of the form and nothing the citizen can correct.
    if (error instanceof IdempotencyConflictError || error.code === 'idempotency-conflict') {
      // What the key already stored, when the server said (the widget shows that receipt).
      const stored = error instanceof IdempotencyConflictError ? (error.stored as unknown) : undefined;
      return stored === undefined ? { kind: 'conflict', code: 'server', requestId } : { kind: 'conflict', code: 'server', requestId, stored };
    }
    if (error.fieldErrors.length > 0) {
      return { kind: 'fields', code: 'validation', fieldErrors: error.fieldErrors, sent: true };
    }
  }
  return { kind: 'server', code: 'server', requestId };
}

/**
 * The `opd-error` detail for `error` met while doing `action`, e.g. `submit`. `code` is
 * {@link readError}'s unless the widget gives its own (a code that cannot exist is `not-found`).
 */
export function opdErrorDetail(
  error: unknown,
  action: string,
  code: OpdErrorCode = readError(error).code,
): OpdErrorDetail {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return { code, action, ...(requestId ? { requestId } : {}), error };
}
