/**
 * The SKM page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.token-list`: the codes just made, each a slip with the service's name and the code in a
 *   monospaced box, several to a row on a wide screen; printing shows the slips only (`.no-print`
 *   hides the rest of the page).
 * - `.ikm`: the OPD's index as one large figure with its grade.
 * - `.suggestions`: the citizens' texts, each under its service and quarter.
 */
export const serviceSatisfactionStyles = css`
  .inline-form .field { flex: 0 1 12em }
  .tokens-form .field:first-child { flex: 1 1 16em }
  .token-sheet { padding: var(--_space); border: 0.1875em solid var(--_success); border-radius: var(--_radius); background: var(--_success-surface) }
  .token-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(15em, 1fr)); gap: 0.5em; margin: 0; padding: 0; list-style: none }
  .slip { display: block; margin: 0; padding: 0.5em 0.75em; border: 0.0625em dashed var(--_border); background: var(--_surface); break-inside: avoid }
  .slip-title { display: block; font-size: 0.875em; overflow-wrap: anywhere }
  .token { display: inline-block; margin: 0.25em 0 0; font-family: var(--_mono); font-size: 1.25em; letter-spacing: 0.06em; user-select: all }
  .ikm { display: block; max-width: 48em; margin: 0 0 var(--_space); padding: 0.75em var(--_space); border-inline-start: 0.3125em solid var(--_primary); background: var(--_surface-alt) }
  .ikm p { margin: 0 }
  .ikm-label { font-weight: 700 }
  .ikm-figure { font-size: 2em; font-weight: 700; line-height: 1.2; font-variant-numeric: tabular-nums }
  .ikm-grade { font-size: 0.5em; font-weight: 400 }
  .categories { margin: 0 0 var(--_space); max-width: 48em; font-size: 0.9375em }
  .suggestions { display: block; max-width: 48em; margin: 0 0 var(--_space); padding: 0; list-style: none }
  .suggestion { display: block; margin: 0; padding: 0.5em 0; border-top: 0.0625em solid var(--_border) }
  .suggestion-text { display: block; white-space: pre-wrap; overflow-wrap: anywhere }
  .small { display: block; font-size: 0.875em }
  @media print {
    .no-print { display: none !important }
    .token-sheet { border: 0; padding: 0; background: none }
  }
`;
