/**
 * The notice above a form, for each {@link FormNotice}: the kit's copy where it is the same
 * for every form (discarded draft, rate limit, server failure, the resend and discard
 * buttons), the widget's copy where it names the widget's thing ("your question").
 *
 * @module
 */
import { nothing, type TemplateResult } from 'lit';
import type { FormController, FormValues } from './form-controller.js';
import type { KitLocalize } from './localize.js';
import { renderNotice } from './notice.js';

/** The widget's own words for the notices that name what it sends. */
export interface FormNoticeCopy {
  /** The draft was put back, e.g. "Your unsent question has been restored." */
  restored: string;
  /** No connection; it is kept and sent when the connection is back. */
  offline: string;
  /** The idempotency key was used for an earlier version; send again as new. */
  conflict: string;
  /** The service is not available for this OPD. */
  unavailable: string;
}

/** The form's current notice, or `nothing`. A notice about a failed send is an alert and takes focus. */
export function renderFormNotice<V extends FormValues<V>, R>(
  form: FormController<V, R>,
  t: KitLocalize,
  copy: FormNoticeCopy,
): TemplateResult | typeof nothing {
  const notice = form.notice;
  if (!notice) return nothing;
  const resend = { label: t.t('form.resend'), onClick: form.resend };
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
      return renderNotice({ message: t.t('rateLimited', t.wait(notice.retryAfter)), tone: 'warning', alert: true });
    case 'conflict':
      return renderNotice({ message: copy.conflict, tone: 'warning', alert: true });
    case 'unavailable':
      return renderNotice({ message: copy.unavailable, tone: 'warning', alert: true });
    case 'server':
      return renderNotice({ message: t.t('server.error', notice.requestId), tone: 'error', alert: true, action: resend });
  }
}
