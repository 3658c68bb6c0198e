/**
 * What a failed call means to a staff member, read in one place for the shell and every
 * console page: field errors go to the form's error summary, the rest is one sentence.
 *
 * @module
 */
import { ApiError, NetworkError, RateLimitError, TimeoutError, ValidationError } from '../../../src/errors.js';
import type { FieldError } from '../../../src/schemas/common.js';
import type { TemplateResult } from 'lit';
import type { KitLocalize, Lang } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { consoleKitEn } from './i18n/en.js';
import { consoleKitId, type ConsoleKitMessages } from './i18n/id.js';

/** The console kit's copy in `lang` (`ck(t.lang)['ck.saving']`). */
export function ck(lang: Lang): ConsoleKitMessages {
  return lang === 'en' ? consoleKitEn : consoleKitId;
}

/** What a console page says when it is put on a page without the console around it. */
export function renderOutsideConsole(lang: Lang): TemplateResult {
  return renderNotice({ message: ck(lang)['ck.outsideConsole'] });
}

/** The rejected fields of a failed call (the SDK's own check or the server's), or `null` when it was no field problem. */
export function fieldErrorsOf(error: unknown): readonly FieldError[] | null {
  if (error instanceof ValidationError) return error.fieldErrors;
  if (error instanceof ApiError && !(error instanceof RateLimitError) && error.fieldErrors.length > 0 && error.status < 500) {
    // An idempotency key is no field a person can correct.
    if (error.code === 'idempotency-conflict') return null;
    return error.fieldErrors;
  }
  return null;
}

/** True when the call failed because the backend could not be reached (worth trying again as it is). */
export function isOffline(error: unknown): boolean {
  return error instanceof NetworkError || error instanceof TimeoutError;
}

/** One sentence saying what went wrong and what to do, in the page's language. */
export function failureMessage(error: unknown, t: KitLocalize): string {
  const copy = ck(t.lang);
  if (isOffline(error)) return copy['ck.offline'];
  if (error instanceof RateLimitError) return t.t('rateLimited', t.wait(error.retryAfter));
  if (error instanceof ApiError) {
    if (error.status === 403) return copy['ck.forbidden'];
    if (error.code === 'module-disabled') return copy['ck.unavailable'];
    if (error.status === 404 && error.code === 'not-found') return copy['ck.notFound'];
    if (error.status === 409) return copy['ck.conflict'];
    return t.t('server.error', error.requestId ?? '');
  }
  return t.t('server.error', '');
}
