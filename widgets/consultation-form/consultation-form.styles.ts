/**
 * Styles of `<opd-consultation-form>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * What only the question form needs: the receipts kept on the device, the receipt and its
 * print. The tracking code stays on one line, on a phone and on paper however narrow the
 * page: it shrinks with the panel (`cqi`) instead of breaking in two.
 */
export const consultationFormStyles = css`
  .actions { display: block; margin: 0 }
  .inline-code { font-family: var(--_mono); font-weight: 700; letter-spacing: 0.04em; white-space: nowrap }
  .receipts { display: block; margin: 0 0 calc(var(--_space) * 1.25); padding: calc(var(--_space) * 0.75) var(--_space); border-inline-start: 0.3125em solid var(--_success); background: var(--_success-surface) }
  .receipts .heading { margin-block: 0 calc(var(--_space) * 0.5) }
  .receipt-list { list-style: none }
  .receipt-item { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0 calc(var(--_space) * 0.75); margin: 0 0 calc(var(--_space) * 0.5) }
  .receipt-item:last-child { margin-bottom: 0 }
  .receipt-when { color: var(--_muted) }
  .receipt-links { display: flex; flex-wrap: wrap; gap: 0 var(--_space) }
  .success { display: block; margin: 0; padding: calc(var(--_space) * 1.25); border: 0.1875em solid var(--_success); background: var(--_success-surface); container-type: inline-size }
  .success p { margin: 0 0 calc(var(--_space) * 0.75) }
  .code-label { font-weight: 700 }
  .tracking-code { display: block; margin: 0 0 calc(var(--_space) * 0.75); padding: 0.25em 0.5em; font-family: var(--_mono); font-size: min(2em, 8.5cqi); white-space: nowrap; font-weight: 700; line-height: 1.2; letter-spacing: 0.06em; color: var(--_text); background: var(--_surface); border: 0.0625em dashed var(--_border); user-select: all }
  .facts { margin: 0 0 calc(var(--_space) * 0.75) }
  .facts div { display: flex; flex-wrap: wrap; gap: 0 0.5em }
  .facts dt { font-weight: 700 }
  .facts dt::after { content: ':' }
  .facts dd { min-inline-size: 0; overflow-wrap: anywhere }
  .copy-row, .leave-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0 calc(var(--_space) * 0.25); margin: 0 0 calc(var(--_space) * 0.5) }
  .leave-row { gap: 0 var(--_space) }
  .leave-row .button { margin-inline-end: 0 }
  a.button { text-decoration: none }
  .copy-status { display: inline-block; margin: 0 0 calc(var(--_space) * 0.75); color: var(--_success); font-weight: 700 }
  .print-only { display: none }
  @media print {
    .success { padding: 0.5cm; color: #000; background: #fff; border: 2pt solid #000 }
    .success .heading, .success .tracking-code { color: #000; background: #fff }
    .tracking-code { font-size: min(22pt, 8.5cqi); border: 1pt solid #000 }
    .success .print-only { display: block; overflow-wrap: anywhere }
    .copy-row, .leave-row, .receipts, .base > [role='status'] { display: none !important }
  }
`;
