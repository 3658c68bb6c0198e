/**
 * The notice template every widget uses for what the citizen must know: a draft restored,
 * no connection, a wait, a server failure. `part="notice"`, styled by `controlStyles`.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';

/** A button in a notice. */
export interface NoticeAction {
  /** The button's text. */
  label: string;
  /** What a click does. */
  onClick: () => void;
  /** `primary` (default), `secondary`, or `link` (a button that looks like a link, in its own paragraph). */
  look?: 'primary' | 'secondary' | 'link';
}

/** What a notice says and how it looks. */
export interface NoticeProps {
  /** The text (in a paragraph), or a template of your own that brings its paragraphs. */
  message: string | TemplateResult;
  /** `info` (default), `warning` or `error`. */
  tone?: 'info' | 'warning' | 'error';
  /** Announce it at once (`role="alert"`): for what just went wrong. */
  alert?: boolean;
  /** An id, e.g. to describe a field with it. */
  id?: string;
  /** Extra classes for the widget's own styles or focus target, e.g. `result-notice`. */
  className?: string;
  /** One button, e.g. "Kirim ulang". */
  action?: NoticeAction | undefined;
  /** More than one button, in order, after {@link action}; shown in one row that wraps. */
  actions?: readonly NoticeAction[];
}

function renderAction(action: NoticeAction): TemplateResult {
  if (action.look === 'link') {
    return html`<p><button part="button" type="button" class="link-button" @click=${action.onClick}>${action.label}</button></p>`;
  }
  const classes = action.look === 'secondary' ? 'button button--secondary' : 'button';
  return html`<button part="button" type="button" class=${classes} @click=${action.onClick}>${action.label}</button>`;
}

/** A notice box with its message and, optionally, its buttons. */
export function renderNotice(props: NoticeProps): TemplateResult {
  const classes = ['notice', props.tone && props.tone !== 'info' ? `notice--${props.tone}` : '', props.className ?? '']
    .filter(Boolean)
    .join(' ');
  const actions = [...(props.action ? [props.action] : []), ...(props.actions ?? [])];
  return html`<div part="notice" class=${classes} id=${props.id ?? nothing} role=${props.alert ? 'alert' : nothing}>
    ${typeof props.message === 'string' ? html`<p>${props.message}</p>` : props.message}
    ${actions.length > 1
      ? html`<div class="notice-actions">${actions.map(renderAction)}</div>`
      : actions.map(renderAction)}
  </div>`;
}
