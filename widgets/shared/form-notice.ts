/**
 * The notice above a form, for each {@link FormNotice}: the kit's copy where it is the same
 * for every form (discarded draft, rate limit, server failure, the resend and discard
 * buttons), the widget's copy where it names the widget's thing ("your question", its code,
 * "send it as a new question").
 *
 * A rate limit's wait counts down in a `role="timer"` (not announced at each second; read
 * when the citizen reaches it); the notice itself is announced once, as an alert.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FormController, FormValues } from './form-controller.js';
import type { KitLocalize } from './localize.js';
import { renderNotice } from './notice.js';

/** The widget's own words for the notices that name what it sends. */
export interface FormNoticeCopy<R = unknown> {
  /** The draft was put back, e.g. "Your unsent question has been restored." */
  restored: string;
  /** No connection; it is kept and sent when the connection is back. */
  offline: string;
  /** The idempotency key was used for an earlier version the server does not name; the changes are in the form. */
  conflict: string;
  /** The service is not available for this OPD. */
  unavailable: string;
  /**
   * The server holds `stored`, an earlier version; the changes in the form were not sent.
   * Say what is stored (its code) — a string, or a template with its own paragraphs.
   */
  unsentChanges: (stored: R) => string | TemplateResult;
  /** The button that sends the changed values as a new one, e.g. "Kirim versi yang diubah sebagai pertanyaan baru". */
  sendAsNew: string;
}

/** The form's current notice, or `nothing`. A notice about a failed send is an alert and takes focus. */
export function renderFormNotice<V extends FormValues<V>, R>(
  form: FormController<V, R>,
  t: KitLocalize,
  copy: FormNoticeCopy<R>,
): TemplateResult | typeof nothing {
  const notice = form.notice;
  if (!notice) return nothing;
  const resend = { label: t.t('form.resend'), onClick: form.resend };
  const changed = [
    { label: copy.sendAsNew, onClick: form.resend },
    { label: t.t('form.dropChanges'), onClick: () => void form.discard(), look: 'link' as const },
  ];
  switch (notice.kind) {
    case 'restored':
      return renderNotice({
        message: copy.restored,
        action: { label: t.t('form.draftDiscard'), onClick: () => void form.discard(), look: 'link' },
      });
    case 'discarded':
      return renderNotice({ message: t.t('form.draftDiscarded') });
    case 'offline':
      return renderNotice({ message: copy.offline, tone: 'warning', alert: true, action: resend });
    case 'rate-limited':
      return renderNotice({
        message: html`<p>
          ${t.t('form.rateLimited')}
          <span role="timer" aria-live="off">${t.t('form.rateLimitedWait', t.wait(notice.retryAfter))}</span>
        </p>`,
        tone: 'warning',
        alert: true,
      });
    case 'unsent-changes':
      return renderNotice({
        message: copy.unsentChanges(notice.stored),
        tone: 'warning',
        alert: true,
        actions: changed,
      });
    case 'conflict':
      return renderNotice({ message: copy.conflict, tone: 'warning', alert: true, actions: changed });
    case 'unavailable':
      return renderNotice({ message: copy.unavailable, tone: 'warning', alert: true });
    case 'server':
      return renderNotice({ message: t.t('server.error', notice.requestId), tone: 'error', alert: true, action: resend });
  }
}
