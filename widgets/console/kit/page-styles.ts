/**
 * Styles every console page shares on top of the widget kit's: sections, tables that scroll
 * by themselves on a narrow screen, rows of actions, a one-time secret. Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.base` sets the line height again: a page's `* { line-height: 1 }` reaches the host only.
 * - `.section` is one block of a page under its heading; `.table-box` scrolls a wide table by
 *   itself, so the page never scrolls sideways.
 * - `.secret` shows a one-time password in a monospaced, selectable box.
 */
export const consolePageStyles = css`
  .base { line-height: var(--opd-line-height, 1.5); container-type: inline-size }
  .muted { display: block; margin: 0; color: var(--_muted) }
  .section { display: block; margin: 0 0 calc(var(--_space) * 2); padding: 0 }
  .section > .heading { margin-top: 0 }
  .intro { margin: 0 0 var(--_space); max-width: 48em }
  .table-box { position: relative; display: block; max-width: 100%; overflow-x: auto; margin: 0 0 var(--_space); border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .table-box:focus-visible { outline: 0.1875em solid var(--_focus) }
  table { width: 100%; border-collapse: collapse; font-size: 0.9375em }
  caption { padding: 0.5em 0.75em; text-align: start; font-weight: 700; background: var(--_surface-alt) }
  th, td { padding: 0.5em 0.75em; border-top: 0.0625em solid var(--_border); text-align: start; vertical-align: top }
  thead th { border-top: 0; background: var(--_surface-alt); white-space: nowrap }
  th.name { min-width: 12em }
  .number .wrap { display: inline-block; min-width: 6em; white-space: normal; text-align: end }
  td.number, th.number { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap }
  .tags { display: flex; flex-wrap: wrap; gap: 0.25em; margin: 0; padding: 0; list-style: none }
  .tag { display: inline-block; padding: 0 0.5em; border: 0.0625em solid var(--_border); border-radius: 0.75em; font-size: 0.875em; white-space: nowrap; background: var(--_surface-alt) }
  .tag--warn { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .tag--off { color: var(--_muted); border-style: dashed; background: var(--_surface) }
  .actions { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) * 0.5) var(--_space); margin: 0 0 var(--_space) }
  .actions .button, .actions p { margin: 0 }
  .row-actions { display: flex; flex-wrap: wrap; gap: 0.375em; margin: 0 }
  .button--small { min-height: 2.25em; padding: 0.3125em 0.75em; margin: 0; font-size: 0.9375em }
  .done { margin: 0 0 var(--_space); padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_success); background: var(--_success-surface) }
  .done p { margin: 0 0 0.25em }
  .secret-panel { display: block; margin: 0 0 var(--_space); padding: var(--_space); border: 0.1875em solid var(--_success); border-radius: var(--_radius); background: var(--_success-surface) }
  .secret-panel p { margin: 0 0 0.5em }
  .secret { display: inline-block; margin: 0 0.5em 0.5em 0; padding: 0.25em 0.625em; border: 0.0625em solid var(--_border); background: var(--_surface); font-family: var(--_mono); font-size: 1.125em; letter-spacing: 0.04em; user-select: all; overflow-wrap: anywhere }
  .form-grid { display: block; max-width: 40em }
  .inline-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5em var(--_space); margin: 0 0 var(--_space) }
  .inline-form .field { margin: 0; flex: 0 1 14em; min-width: 0 }
  .inline-form .button { margin: 0 }
  .checks { display: grid; grid-template-columns: repeat(auto-fill, minmax(16em, 1fr)); gap: 0.5em var(--_space) }
  .checks .field { margin: 0 }
  .confirm { display: block; min-width: 16em; max-width: 28em }
  .confirm p { margin: 0 0 0.5em }
  .filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(14em, 1fr)); align-items: end; gap: 0 var(--_space) }
  .filters .field { margin-bottom: var(--_space) }
  .filters-actions { grid-column: 1 / -1 }
  .embed-grid { display: block }
  .preview { display: block; padding: var(--_space); border: 0.125em dashed var(--_border); border-radius: var(--_radius) }
  .copy-row { margin-top: 0.75em }
  @container (min-width: 56em) {
    .embed-grid { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 calc(var(--_space) * 2) }
  }
  .edit-table td { padding: 0.375em 0.5em }
  .edit-table .input { min-width: 9em }
  .plain-list { display: block; margin: 0 0 var(--_space); padding: 0; list-style: none }
  .plain-list > li { display: block; margin: 0 0 0.5em }
  .inline { display: inline }
  .template { padding: 0.75em 0; border-top: 0.0625em solid var(--_border) }
  .template-title { font-weight: 700; margin: 0 0 0.25em }
  .template-text { margin: 0 0 0.5em; white-space: pre-wrap; overflow-wrap: anywhere; color: var(--_text) }
  pre { margin: 0; padding: 0.75em var(--_space); overflow-x: auto; background: var(--_surface-alt); border: 0.0625em solid var(--_border); border-radius: var(--_radius); font-family: var(--_mono); font-size: 0.875em; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere }
  code { font-family: var(--_mono) }
`;
