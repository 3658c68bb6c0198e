/**
 * From an SDK error to the `opd-error` event's detail, the same way in every widget.
 *
 * @module
 */
import { ApiError, NetworkError, RateLimitError, TimeoutError, ValidationError } from '../../src/index.js';
import type { OpdErrorCode, OpdErrorDetail } from './events.js';

/** The `opd-error` code for an SDK error. */
export function opdErrorCode(error: unknown): OpdErrorCode {
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof NetworkError) return 'network';
  if (error instanceof RateLimitError) return 'rate-limited';
  if (error instanceof ValidationError) return 'validation';
  if (error instanceof ApiError) {
    // A module switched off answers 404 too: check its own code first.
    if (error.code === 'module-disabled') return 'unavailable';
    if (error.status === 404) return 'not-found';
    if (error.fieldErrors.length > 0) return 'validation';
  }
  return 'server';
}

/** The `opd-error` detail for `error` met while doing `action`; `code` overrides the derived one. */
export function opdErrorDetail(
  error: unknown,
  action: string,
  code: OpdErrorCode = opdErrorCode(error),
): OpdErrorDetail {
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return { code, action, ...(requestId ? { requestId } : {}), error };
}
