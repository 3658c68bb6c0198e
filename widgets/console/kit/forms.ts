/**
 * Small pieces for the console's forms: rejected fields as the GOV.UK error summary lists
 * them (one line per field, in the form's order, each in the page's language), and reading
 * a form's values by field name.
 *
 * @module
 */
import type { FieldError } from '../../../src/schemas/common.js';
import type { SummaryError } from '../../shared/error-summary.js';

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

/** The values of a `<form>`'s named controls (`FormData`, strings only). */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (typeof value === 'string') values[name] = value;
  return values;
}
