/**
 * The rupiah field both SIP BENAR console pages use: a text input that takes `1250000` or
 * `1.250.000`, with the amount as it was read (`Terbaca: Rp 1.250.000`) under its label, so a
 * staff member sees the figure before saving it.
 *
 * @module
 */
import { html, type TemplateResult } from 'lit';
import { textField } from '../../shared/fields.js';
import { formatRupiah, parseRupiah } from './money.js';

/** What {@link rupiahField} takes. */
export interface RupiahFieldProps {
  name: string;
  label: string;
  value: string;
  error: string | undefined;
  errorPrefix: string;
  /** How to type it, e.g. "Rupiah utuh, boleh diketik 1250000 atau 1.250.000." */
  hint: string;
  /** The line for an amount read, given the formatted amount. */
  shown: (formatted: string) => string;
  /** The line for text not (yet) readable. */
  unread: string;
  locale: string;
}

/** The rupiah input, its hint and the amount as read (a polite live region). */
export function rupiahField(props: RupiahFieldProps): TemplateResult {
  const parsed = parseRupiah(props.value);
  const reading = parsed.ok ? props.shown(formatRupiah(parsed.value, props.locale)) : props.value.trim() ? props.unread : '';
  const hint = html`<div part="hint" class="hint" id="${props.name}-hint">
    ${props.hint} <span class="rupiah-read" id="${props.name}-read" aria-live="polite">${reading}</span>
  </div>`;
  return textField({ name: props.name, label: props.label, value: props.value, hint, error: props.error, errorPrefix: props.errorPrefix, inputmode: 'numeric', autocomplete: 'off', short: true });
}
