/**
 * Styles of `<opd-csr-board>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The figures, the over-budget list, the charts with their tables, the filters, the list of
 * programmes and the details dialog.
 *
 * - `.base` sets the line height again, not only `:host`: a page rule such as
 *   `* { line-height: 1 }` reaches the host element, never inside.
 * - `.board` is a container: figures, charts and filters lay themselves out by the widget's own
 *   width (one column on a phone, side by side on a wide page).
 * - The loading frame has the figures' height, the count line keeps its height, the clear
 *   button keeps its room while hidden, and the list's first load reserves room, so nothing
 *   jumps.
 * - Bars are SVG rects drawn in percent (no inline style: the widget works under a strict
 *   Content-Security-Policy). Committed is the upper, outlined bar; spent the lower, solid one;
 *   "Melebihi anggaran" is written, with a border, never colour alone.
 * - The map view's rules (its box, legend, Leaflet's) come with its lazy chunk (`map-view.ts`).
 * - Everything is in `em` of the host's size, so a page's 10 px root font changes nothing.
 */
export const csrBoardStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .board { display: block; container-type: inline-size; margin: 0 }
  .muted { color: var(--_muted) }
  .note { display: block; margin: 0 0 0.5em; font-size: 0.9375em }
  .header { display: block; margin: 0 0 var(--_space) }
  .header .heading { margin-bottom: 0.25em; overflow-wrap: break-word }
  .figures { display: grid; grid-template-columns: minmax(0, 1fr); gap: calc(var(--_space) * 0.75); margin: 0 0 var(--_space) }
  @container (min-width: 30em) { .figures { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  @container (min-width: 60em) { .figures { grid-template-columns: repeat(5, minmax(0, 1fr)) } }
  .figure { display: block; margin: 0; padding: 0.75em; border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius); background: var(--_surface) }
  .figure dt { display: block; margin: 0; font-weight: 700 }
  .figure dd { display: block; margin: 0 }
  .figure-value { display: block; margin: 0.125em 0 0; font-size: 1.75em; font-weight: 700; line-height: 1.15; font-variant-numeric: tabular-nums; overflow-wrap: anywhere }
  .figure-value--loading { display: flex; align-items: flex-end; min-height: 2.0125em; font-size: 1em; font-weight: 400; color: var(--_muted) }
  .figure-exact, .figure-note { display: block; margin: 0.25em 0 0; color: var(--_muted); font-size: 0.875em; font-variant-numeric: tabular-nums; overflow-wrap: anywhere }
  .overspent { display: block; margin: 0 0 calc(var(--_space) * 1.5); padding: 0.75em var(--_space); border: 0.0625em solid var(--_warning-border); border-inline-start: 0.3125em solid var(--_warning-border); background: var(--_warning-surface) }
  .overspent--none { border-color: var(--_border); background: var(--_surface) }
  .over-title { display: block; margin: 0 0 0.5em; font-weight: 700 }
  .over-list { display: block; margin: 0; padding: 0; list-style: none }
  .over-list li { display: block; margin: 0; padding: 0.375em 0; border-top: 0.0625em solid var(--_warning-border); overflow-wrap: break-word }
  .over-open { display: block; font-weight: 700; text-align: start; overflow-wrap: anywhere }
  .over-row { display: block; margin: 0; font-variant-numeric: tabular-nums }
  .flag { display: inline-block; margin: 0; padding: 0 0.4em; border: 0.125em solid var(--_warning-border); border-radius: 0.2em; font-weight: 700; font-size: 0.875em; line-height: 1.4; color: var(--_text); background: var(--_surface); white-space: nowrap }
  .flag--small { font-size: 0.75em; padding: 0 0.3em }
  .section { display: block; margin: 0 0 calc(var(--_space) * 1.5) }
  .section > .heading--small { margin-top: 0 }
  .charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: calc(var(--_space) * 1.5); margin: 0 }
  @container (min-width: 60em) { .charts { grid-template-columns: repeat(3, minmax(0, 1fr)) } }
  .chart { display: block; min-width: 0; margin: 0; padding: 0; container-type: inline-size }
  .chart-title { display: block; margin: 0 0 0.25em; font-size: 1.125em; font-weight: 700; line-height: 1.3 }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25em 1em; margin: 0 0 0.5em; font-size: 0.875em; color: var(--_muted) }
  .legend-item { display: inline-flex; align-items: center; gap: 0.375em; margin: 0 }
  .swatch { display: inline-block; width: 1.5em; height: 0.9em; flex: none }
  .bars { display: block; margin: 0 }
  /* In a narrow chart (a phone, or one of three side by side) the figures go under the name, so a name is not broken inside its words; beside it from 24em of chart. */
  .bar-row { display: grid; grid-template-columns: minmax(0, 1fr); grid-template-areas: 'name' 'values' 'bar'; gap: 0 0.5em; margin: 0 0 0.375em }
  @container (min-width: 24em) { .bar-row { grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: 'name values' 'bar bar' } }
  .bar-name { grid-area: name; display: block; min-width: 0; margin: 0; font-size: 0.9375em; overflow-wrap: break-word }
  .bar-values { grid-area: values; display: block; margin: 0; font-size: 0.875em; color: var(--_muted); white-space: nowrap; font-variant-numeric: tabular-nums }
  @container (min-width: 24em) { .bar-values { text-align: end } }
  .bar-svg { grid-area: bar; display: block; width: 100%; height: 1.75em; overflow: visible }
  .bar-committed { fill: var(--opd-csr-committed, #dbe7f3); stroke: var(--_border); stroke-width: 1px }
  .bar-spent { fill: var(--opd-csr-spent, var(--_primary)) }
  .show-all { display: inline-block; min-height: 2.75em; margin: 0; padding: 0.5em 0 }
  .table-details { display: block; margin: 0.5em 0 0 }
  .table-details > summary { display: list-item; min-height: 2.75em; padding: 0.5em 0; color: var(--_primary); text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer }
  .table-details > summary:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
  .table-wrap { display: block; max-width: 100%; margin: 0; overflow-x: auto }
  .table { display: table; width: 100%; margin: 0; border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9375em }
  .table th, .table td { display: table-cell; margin: 0; padding: 0.375em 0.5em; border-bottom: 0.0625em solid var(--_secondary); text-align: start; vertical-align: top }
  .table th:first-child, .table td:first-child { padding-inline-start: 0 }
  .table thead th { border-bottom: 0.125em solid var(--_border); font-weight: 700; vertical-align: bottom }
  .table tbody th { font-weight: 400; overflow-wrap: break-word }
  .table tfoot th, .table tfoot td { font-weight: 700; border-top: 0.125em solid var(--_border); border-bottom: 0 }
  .table .num { text-align: end; white-space: nowrap }
  .filters { display: grid; grid-template-columns: minmax(0, 1fr); gap: calc(var(--_space) * 0.75) var(--_space); margin: 0 0 calc(var(--_space) * 0.75) }
  @container (min-width: 30em) { .filters { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  @container (min-width: 60em) { .filters { grid-template-columns: repeat(5, minmax(0, 1fr)) } }
  .filter { display: block; min-width: 0; margin: 0 }
  .filter .input { width: 100% }
  .count-row { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25em var(--_space); min-height: 2.5em; margin: 0 0 0.5em; padding: 0.5em 0 0; border-top: 0.0625em solid var(--_border) }
  .count-line { display: block; min-height: 1.5em; margin: 0; font-weight: 700 }
  .clear { flex: none }
  .clear--hidden { visibility: hidden }
  .results { display: block; margin: 0 }
  .results--loading { min-height: 20em }
  .list { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75em var(--_space); list-style: none; margin: 0 0 var(--_space); padding: 0 }
  @container (min-width: 48em) { .list { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  .list > li { display: block; margin: 0; padding: 0; min-width: 0 }
  .program { display: block; height: 100%; margin: 0; padding: 0.75em var(--_space); background: var(--_surface); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius) }
  .program--over { border-inline-start-color: var(--_warning-border) }
  .program-heading { display: block; margin: 0 0 0.25em; font-size: 1.0625em; line-height: 1.3; font-weight: 700 }
  .program-title { display: inline; margin: 0; padding: 0; font: inherit; font-weight: 700; text-align: start; color: var(--_primary); background: none; border: 0; text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer; overflow-wrap: anywhere }
  .program-title:hover { text-decoration-thickness: 0.125em }
  .program-title:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
  .meta { display: block; margin: 0 0 0.125em; color: var(--_muted); font-size: 0.9375em; overflow-wrap: break-word }
  .money { display: block; margin: 0.25em 0; font-variant-numeric: tabular-nums; overflow-wrap: break-word }
  .flags { display: block; margin: 0 }
  .badges { display: inline-flex; flex-wrap: wrap; gap: 0.25em; margin: 0 }
  .badge { display: inline-block; margin: 0; padding: 0 0.4em; border: 0.0625em solid var(--_border); border-radius: 0.2em; font-size: 0.875em; font-weight: 700; line-height: 1.4; color: var(--_text); background: var(--_surface-alt); overflow-wrap: anywhere }
  .badge--over { border: 0.125em solid var(--_warning-border); background: var(--_warning-surface) }
  .more-row { display: block; margin: 0 0 var(--_space) }
  .more-row .button { margin: 0 }
  .shown { display: block; margin: 0 0 0.5em }
  .more-notice, .empty-notice, .list-notice { margin-bottom: var(--_space) }
  .dialog { width: min(48em, calc(100vw - 1em)); max-width: none; max-height: calc(100vh - 2em); margin: auto; padding: 0; color: var(--_text); background: var(--_surface); border: 0.125em solid var(--_border); border-radius: var(--_radius); font-size: 1em; line-height: var(--opd-line-height, 1.5) }
  .dialog::backdrop { background: rgb(0 0 0 / 0.5) }
  .dialog-box { display: block; margin: 0; padding: var(--_space) }
  .dialog-head { display: flex; align-items: flex-start; justify-content: space-between; gap: var(--_space); margin: 0 0 0.5em }
  .dialog-head .heading { margin: 0; font-size: 1.25em; overflow-wrap: break-word; min-width: 0 }
  .dialog-head .close { flex: none; margin: 0 }
  .details { display: grid; grid-template-columns: repeat(auto-fit, minmax(10em, 1fr)); gap: 0.5em var(--_space); margin: 0.75em 0 0 }
  .details > div { display: block; margin: 0 }
  .details dt { display: block; margin: 0; color: var(--_muted); font-size: 0.9375em }
  .details dd { display: block; margin: 0; overflow-wrap: break-word; font-variant-numeric: tabular-nums }
  .over-note { display: block; margin: 0.75em 0 0; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_warning-border); background: var(--_warning-surface) }
  .dialog .section { margin: 0 }
  .dialog .section .heading--small { margin-block: calc(var(--_space) * 1.25) 0.25em; font-size: 1.0625em }
  .prose { display: block; margin: 0; white-space: pre-line; overflow-wrap: break-word }
  .spending .date { white-space: nowrap }
  .spending .evidence a { display: inline-block; margin: 0 0.5em 0 0 }
  .detail-loading { min-height: 8em }
  .views { display: flex; flex-wrap: wrap; margin: 0 0 0.75em }
  .views .button { margin: 0; border-radius: 0; box-shadow: none }
  .views .button:first-child { border-start-start-radius: var(--_radius); border-end-start-radius: var(--_radius) }
  .views .button:last-child { border-start-end-radius: var(--_radius); border-end-end-radius: var(--_radius) }
  .views .button[aria-pressed='false'] { color: var(--_on-secondary); background: var(--_secondary) }
  .views .button:focus-visible { color: var(--_focus-text); background: var(--_focus) }
  .map-status { display: block; margin: 0.5em 0 }
  .choose-list { list-style: none; margin: var(--_space) 0 0; padding: 0 }
  .choose-list li { margin: 0 0 0.5em }
  @media (max-width: 40em) {
    .spending thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%) }
    .spending tr { display: grid; grid-template-columns: minmax(0, 1fr) auto; gap: 0.125em 0.75em; padding: 0.5em 0; border-bottom: 0.0625em solid var(--_secondary) }
    .table.spending th, .table.spending td { display: block; padding: 0; border: 0 }
    .spending .date { grid-column: 1; font-weight: 700 }
    .spending .amount, .spending .total { grid-column: 2; grid-row: 1 }
    .spending .amount::before, .spending .total::before { content: 'Rp\\a0' }
    .spending .what, .spending .evidence { grid-column: 1 / -1 }
    .spending tfoot tr { border-bottom: 0; border-top: 0.125em solid var(--_border) }
    .spending tfoot td:empty { display: none }
  }
  @media (forced-colors: active) {
    .bar-spent { forced-color-adjust: none; fill: CanvasText }
    .bar-committed { forced-color-adjust: none; fill: Canvas; stroke: CanvasText }
    .figure, .program, .badge, .flag, .overspent { border: 0.0625em solid CanvasText }
  }
`;
