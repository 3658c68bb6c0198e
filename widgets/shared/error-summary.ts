/**
 * The GOV.UK error-summary pattern, shared by the form widgets: a box at the top that takes
 * focus when it appears (so screen readers announce it) and lists every problem as a link;
 * a link moves focus to its field and scrolls the field's *label* into view, so the citizen
 * sees what the field is for, not just an empty box.
 *
 * @module
 */
import { html, type TemplateResult } from 'lit';

/** One problem as the summary lists it. */
export interface SummaryError {
  /** The id of the field inside the shadow root, e.g. `email`; `''` for a problem with no field. */
  field: string;
  /** What to do, in the widget's language. */
  message: string;
}

/** Focuses an element that is not normally focusable; it leaves the tab order again on blur. */
export function focusTemporarily(element: HTMLElement | null | undefined): void {
  if (!element) return;
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.focus();
}

/** Moves focus to a field and scrolls its label (or its group's legend) into view. */
export function focusField(root: ShadowRoot | DocumentFragment, field: string): void {
  const control = root.querySelector<HTMLElement>(`#${CSS.escape(field)}`);
  if (!control) return;
  const label =
    root.querySelector<HTMLElement>(`label[for="${CSS.escape(field)}"]`) ??
    control.closest('fieldset')?.querySelector<HTMLElement>('legend') ??
    control;
  label.scrollIntoView({ block: 'start' });
  control.focus({ preventScroll: true });
}

/** The summary box; `part="error-summary"`, focused by the caller once rendered. */
export function renderErrorSummary(options: {
  title: string;
  errors: readonly SummaryError[];
  headingLevel: number;
  root: () => ShadowRoot | null;
}): TemplateResult {
  const onClick = (event: Event, field: string): void => {
    event.preventDefault();
    const root = options.root();
    if (root) focusField(root, field);
  };
  return html`
    <div part="error-summary" class="error-summary">
      <div role="alert">
        <div role="heading" aria-level=${options.headingLevel} class="heading" id="error-summary-title">
          ${options.title}
        </div>
        <ul>
          ${options.errors.map(
            (error) =>
              error.field
                ? html`<li><a href="#${error.field}" @click=${(e: Event) => onClick(e, error.field)}>${error.message}</a></li>`
                : html`<li>${error.message}</li>`,
          )}
        </ul>
      </div>
    </div>
  `;
}
