/**
 * Styles of `<opd-satisfaction-index>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The headline (index, grade, respondents), the tables with a bar in each row's header cell,
 * and the note on how the index is computed. `.board` is a container: the semester and quarter
 * tables sit side by side when the widget is wide. The loading frame has the headline's height.
 * Bars are SVG rects drawn in percent of 25–100 (no inline style: a strict CSP holds).
 */
export const satisfactionIndexStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .board { display: block; container-type: inline-size; margin: 0 }
  .muted { color: var(--_muted) }
  .heading { overflow-wrap: break-word }
  .heading--placeholder { visibility: hidden }
  .opd-name { display: block; margin: 0 0 0.5em; color: var(--_muted) }
  .headline { display: block; margin: 0 0 calc(var(--_space) * 1.5); padding: calc(var(--_space) * 0.75); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius); background: var(--_surface) }
  .headline--loading { display: flex; align-items: center; min-height: 7.5em }
  .loading, .none { margin: 0 }
  .figure-row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25em 0.75em; margin: 0 }
  .figure-label { display: inline-block; font-weight: 700; color: var(--_muted) }
  .figure { display: inline-block; font-size: 2.75em; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; white-space: nowrap }
  .grade { display: inline-flex; align-items: baseline; gap: 0.375em; margin: 0; padding: 0.125em 0.5em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt) }
  .grade-letter { display: inline-block; font-size: 1.5em; font-weight: 700; line-height: 1.1 }
  .grade-name { display: inline-block; font-weight: 700 }
  .grade--c, .grade--d { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .respondents { display: block; margin: 0.25em 0 0; color: var(--_muted) }
  .section { display: block; margin: 0 0 calc(var(--_space) * 1.5) }
  .section > .heading--small { margin-top: 0 }
  .periods { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--_space) calc(var(--_space) * 1.5); margin: 0 }
  @container (min-width: 44em) { .periods { grid-template-columns: repeat(2, minmax(0, 1fr)) } .headline { padding: calc(var(--_space) * 1.25) } }
  .table-wrap { display: block; max-width: 100%; margin: 0; overflow-x: auto }
  .table { display: table; width: 100%; margin: 0; border-collapse: collapse; font-variant-numeric: tabular-nums }
  .caption { display: table-caption; margin: 0; padding: 0 0 0.375em; text-align: start; font-weight: 700 }
  .table th, .table td { display: table-cell; margin: 0; padding: 0.375em 0.5em; border-bottom: 0.0625em solid var(--_secondary); text-align: start; vertical-align: top }
  .table th:first-child, .table td:first-child { padding-inline-start: 0 }
  .table thead th { border-bottom: 0.125em solid var(--_border); font-weight: 700; vertical-align: bottom }
  .table tbody th { font-weight: 400; overflow-wrap: break-word }
  .table .num { text-align: end; white-space: nowrap }
  .table thead th.num { white-space: normal; min-width: 4.5em }
  .cell-grade { color: var(--_muted) }
  .cell-category { display: block; margin: 0; color: var(--_muted); font-size: 0.875em; white-space: normal }
  .row-bar { display: block; width: 100%; max-width: 14em; height: 0.625em; margin: 0.25em 0 0 }
  .bar-track { fill: var(--_surface-alt); stroke: var(--_border); stroke-width: 0.0625em }
  .bar-fill { fill: var(--opd-ikm-fill, var(--_primary)) }
  .how { display: block; margin: 0 0 0.75em; max-width: 44em }
  .categories { max-width: 28em }
  .categories tbody th { font-weight: 700; width: 2em }
  .model { display: block; margin: 0.5em 0 0; font-size: 0.875em }
  @media (forced-colors: active) { .bar-fill { forced-color-adjust: none; fill: Highlight } .headline, .grade { border: 0.0625em solid CanvasText } }
`;
