/**
 * Styles of `<opd-innovation-progress>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The headline (figure, progress bar, deadline, countdown), the lists of OPDs, the breakdown
 * tables, the evidence gaps and the estimates.
 *
 * - `.base` sets the line height again, not only `:host`: a page rule such as
 *   `* { line-height: 1 }` reaches the host element, never inside.
 * - `.board` is a container: the lists and the breakdown lay themselves out by the widget's own
 *   width (one column on a phone, two or three side by side on a wide page).
 * - The loading frame has the headline's height (`.headline--loading`), so the board does not
 *   jump when the figures arrive.
 * - The bars are SVG rects drawn in percent (no inline style: the widget works under a strict
 *   Content-Security-Policy); `forced-colors` keeps their fill.
 */
export const innovationProgressStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .board { display: block; container-type: inline-size; margin: 0 }
  .muted { color: var(--_muted) }
  .note { display: block; margin: 0 0 0.75em; font-size: 0.9375em }
  .heading { overflow-wrap: break-word }
  .heading--placeholder { visibility: hidden }
  .headline { display: block; margin: 0 0 calc(var(--_space) * 1.5); padding: calc(var(--_space) * 0.75); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius); background: var(--_surface) }
  .headline--loading { display: flex; align-items: center; min-height: 13.5em }
  @container (max-width: 30em) { .headline--loading { min-height: 17.5em } }
  .loading { margin: 0 }
  .figure-row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25em 0.75em; margin: 0 }
  .figure { display: inline-block; font-size: 2.75em; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; white-space: nowrap }
  .sentence { display: inline-block; flex: 1 1 14em; min-width: 0; font-weight: 700; font-size: 1.0625em }
  .progress-bar { display: block; margin: 0.75em 0 0.5em }
  .bar { display: block; width: 100%; height: 1.25em; overflow: visible }
  .bar-track { fill: var(--_surface-alt); stroke: var(--_border); stroke-width: 0.0625em }
  .bar-fill { fill: var(--opd-progress-fill, var(--_primary)) }
  .target { display: block; margin: 0 0 0.75em; font-size: 0.9375em }
  .deadline { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25em 1.5em; margin: 0 }
  .deadline > div { display: block; margin: 0 }
  .deadline dt { display: block; margin: 0; color: var(--_muted) }
  .deadline dd { display: block; margin: 0; font-weight: 700 }
  .countdown { display: inline-block; margin: 0; padding: 0.125em 0.5em; font-size: 1.125em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt) }
  .countdown--soon { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .countdown--passed { border-color: var(--_error); color: var(--_error); background: var(--_surface) }
  .section { display: block; margin: 0 0 calc(var(--_space) * 1.5) }
  .section > .heading--small { margin-top: 0 }
  .all-done { display: block; margin: 0; color: var(--_success); font-weight: 700 }
  .opd-list { display: block; list-style: none; margin: 0; padding: 0; border-top: 0.0625em solid var(--_secondary) }
  .opd { display: block; margin: 0; padding: 0.5em 0; border-bottom: 0.0625em solid var(--_secondary) }
  .opd-name { display: block; margin: 0; font-weight: 700; overflow-wrap: break-word }
  .opd-status { display: block; margin: 0; color: var(--_muted); font-size: 0.9375em }
  .gap-names { display: block; margin: 0.25em 0 0; color: var(--_muted); font-size: 0.875em; overflow-wrap: break-word }
  .section--missing .opd { border-inline-start: 0.25em solid var(--_warning-border); padding-inline-start: 0.625em }
  .show-all { display: inline-block; min-height: 2.75em; margin: 0.25em 0 0; padding: 0.5em 0 }
  @container (min-width: 40em) {
    .headline { padding: calc(var(--_space) * 1.25) }
    .opd-list { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); column-gap: calc(var(--_space) * 1.5) }
  }
  .breakdowns { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_space) calc(var(--_space) * 1.5); margin: 0 }
  @container (min-width: 52em) { .breakdowns { grid-template-columns: repeat(3, minmax(0, 1fr)) } }
  .table-wrap { display: block; max-width: 100%; margin: 0; overflow-x: auto }
  .table { display: table; width: 100%; margin: 0; border-collapse: collapse; font-variant-numeric: tabular-nums }
  .caption { display: table-caption; margin: 0; padding: 0 0 0.375em; text-align: start; font-weight: 700 }
  .table th, .table td { display: table-cell; margin: 0; padding: 0.375em 0.5em; border-bottom: 0.0625em solid var(--_secondary); text-align: start; vertical-align: top }
  .table th:first-child, .table td:first-child { padding-inline-start: 0 }
  .table thead th { border-bottom: 0.125em solid var(--_border); font-weight: 700; vertical-align: bottom }
  .table tbody th { font-weight: 400; overflow-wrap: break-word }
  .table .num { text-align: end; white-space: nowrap }
  .row-bar { display: block; width: 100%; max-width: 12em; height: 0.5em; margin: 0.25em 0 0 }
  .scores { max-width: 40em }
  .scores thead th.num { white-space: normal; min-width: 6em }
  .scores .score { display: block; margin: 0; font-weight: 700 }
  .scores .category { display: block; margin: 0; color: var(--_muted); font-size: 0.9375em; white-space: normal }
  .model { display: block; margin: 0 0 0.25em; font-weight: 700 }
  @media (forced-colors: active) {
    .bar-fill { forced-color-adjust: none; fill: Highlight }
    .headline, .countdown { border: 0.0625em solid CanvasText }
  }
`;
