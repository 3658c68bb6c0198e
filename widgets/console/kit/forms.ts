/**
 * Small pieces for the console's forms: rejected fields as the GOV.UK error summary lists
 * them (one line per field, in the form's order, each in the page's language), and reading
 * a form's values by field name.
 *
 * @module
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldError } from '../../../src/schemas/common.js';
import { renderErrorSummary, type SummaryError } from '../../shared/error-summary.js';

/**
 * The summary's lines for `fieldErrors`: the first error of each field, in `order` (a path
 * not in `order` comes last, with no link). `message(field, code)` says it in the page's language.
 */
export function summaryErrors(
  fieldErrors: readonly FieldError[],
  order: readonly string[],
  message: (field: string, code: string, serverMessage: string) => string,
): SummaryError[] {
  const seen = new Map<string, SummaryError>();
  for (const error of fieldErrors) {
    const field = error.path.split('.')[0] ?? '';
    const known = order.includes(field) ? field : '';
    const key = known || `?${error.path}`;
    if (seen.has(key)) continue;
    seen.set(key, { field: known, message: message(known || error.path, error.code ?? 'invalid', error.message) });
  }
  const rank = (entry: SummaryError) => (entry.field ? order.indexOf(entry.field) : order.length);
  return [...seen.values()].sort((a, b) => rank(a) - rank(b));
}

/** The message of `field` in `errors`, or `undefined`. */
export function errorFor(errors: readonly SummaryError[], field: string): string | undefined {
  return errors.find((error) => error.field === field)?.message;
}

/** Which of a page's forms was last refused (its summary's lines) or last done (a sentence). */
export interface FormOutcome<F extends string> {
  errors: { form: F; errors: SummaryError[] } | null;
  done: { form: F; message: string } | null;
}

/** The place above `form` where its error summary (focused by the page) or its done sentence shows. */
export function renderFormOutcome<F extends string>(
  outcome: FormOutcome<F>,
  form: F,
  summary: { title: string; headingLevel: number; root: () => ShadowRoot | null },
): TemplateResult {
  const errors = outcome.errors?.form === form ? outcome.errors.errors : [];
  const done = outcome.done?.form === form ? outcome.done.message : '';
  return html`<div id="${form}-summary">
    ${errors.length ? renderErrorSummary({ ...summary, errors }) : nothing}
    ${done ? html`<p class="done">${done}</p>` : nothing}
  </div>`;
}

/** The message of `field` of `form` when that form was the one refused, or `undefined`. */
export function outcomeFieldError<F extends string>(outcome: FormOutcome<F>, form: F, field: string): string | undefined {
  return outcome.errors?.form === form ? errorFor(outcome.errors.errors, field) : undefined;
}

/** The values of a `<form>`'s named controls (`FormData`, strings only). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}

/**
 * What a person typed in a page's forms, by field name, so that a re-render (an error summary
 * appearing, a list arriving) never puts back an older value: the field templates bind their
 * value with `live()`, which writes whatever the template says. Listen with
 * `@input=${memory.onInput}` on the form and render `value: memory.value('name', saved)`.
 */
export class FormMemory {
  readonly #values = new Map<string, string>();

  /** Keeps the value of the text field, textarea or select an `input` event came from. */
  readonly onInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
    if (!target.name || (target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio'))) return;
    this.#values.set(target.name, target.value);
  };

  /** What was typed in `name`, else `fallback` (the saved value, or `''`). */
  value(name: string, fallback = ''): string {
    return this.#values.get(name) ?? fallback;
  }

  /** Forgets what was typed in the given fields (all without names), e.g. after saving. */
  forget(...names: string[]): void {
    if (names.length === 0) this.#values.clear();
    for (const name of names) this.#values.delete(name);
  }
}
