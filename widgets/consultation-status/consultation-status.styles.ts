/**
 * Styles of `<opd-consultation-status>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The lookup row, the status badge, the details list, the timeline and the answer.
 *
 * - `.base` sets the line height again, not only `:host`: a page rule such as
 *   `* { line-height: 1 }` reaches the host element, never inside.
 * - `.frame` is a container: the panel, its details and the code size themselves to the
 *   widget, wherever the page puts it. A container does not grow with its content: where the
 *   page sizes the widget by its content (a flex row, a float), the lookup form above gives it
 *   its width.
 * - The code is on one line, shrinking with a narrow panel rather than breaking at a dash.
 * - On a phone each label sits above its value, which gets the panel's whole width; side by
 *   side only when the values keep at least half of a wide panel (32em).
 */
export const consultationStatusStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .frame { display: block; container-type: inline-size; margin: 0 }
  .lookup { display: block; margin: 0 0 calc(var(--_space) * 1.5) }
  .lookup .field { margin-bottom: 0 }
  .field-row .input { flex: 1 1 12em; max-width: 16em; font-family: var(--_mono); letter-spacing: 0.04em; text-transform: uppercase }
  .result { display: block; min-width: 0; margin: 0; padding: calc(var(--_space) * 0.75); border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface) }
  .result .heading { overflow-wrap: break-word }
  .code { display: inline-block; margin: 0; font-family: var(--_mono); font-size: min(1em, 8.5cqi); letter-spacing: 0.02em; white-space: nowrap }
  .details { display: block; margin: 0 0 var(--_space) }
  .details > div { display: block; margin: 0 0 0.625em }
  .details dt { display: block; margin: 0; font-weight: 700 }
  .details dd { display: block; min-width: 0; margin: 0; overflow-wrap: break-word }
  @container (min-width: 24em) {
    .result { padding: calc(var(--_space) * 1.25) }
  }
  @container (min-width: 32em) {
    .details { display: grid; grid-template-columns: minmax(8em, 12em) minmax(0, 1fr); gap: 0.375em var(--_space) }
    .details > div { display: contents }
  }
  .badge { display: inline-block; max-width: 100%; margin: 0; padding: 0.0625em 0.625em; border: 0.125em solid currentColor; border-radius: 1em; font-weight: 700; line-height: 1.4; color: var(--_text); background: var(--_surface-alt) }
  .badge--received { color: var(--_primary); background: var(--_info-surface) }
  .badge--in_progress { color: var(--_text); border-color: var(--_warning-border); background: var(--_warning-surface) }
  .badge--answered { color: var(--_success); background: var(--_success-surface) }
  .timeline { display: block; list-style: none; margin: 0; padding: 0; border-inline-start: 0.1875em solid var(--_secondary) }
  .timeline li { display: block; position: relative; margin: 0 0 0.75em; padding: 0 0 0 1.25em }
  .timeline li::before { content: ''; position: absolute; inset-inline-start: -0.46875em; top: 0.45em; width: 0.75em; height: 0.75em; border-radius: 50%; background: var(--_primary) }
  .timeline-status { display: block; margin: 0; font-weight: 700 }
  .timeline-time { display: block; margin: 0; color: var(--_muted) }
  .timeline-note { display: block; margin: 0.25em 0 0; white-space: pre-wrap; overflow-wrap: anywhere }
  .answer { display: block; margin: 0 0 0.5em; padding: 0.75em var(--_space); border-inline-start: 0.3125em solid var(--_success); background: var(--_surface-alt); white-space: pre-wrap; overflow-wrap: anywhere }
  .now { display: block; margin: 0 }
  .muted + .now { margin-top: 0.75em }
  .nowrap { white-space: nowrap }
  .muted { display: block; margin: 0; color: var(--_muted) }
`;
