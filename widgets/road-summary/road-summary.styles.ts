/**
 * Styles of `<opd-road-summary>` on top of the shared theme and the road palette.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The header with the year select, the headline (figure, gauge, km to go, totals), the class
 * bar and its table, the trend chart, and the per-kecamatan table.
 *
 * - `.base` sets the line height again, not only `:host`: a page rule such as
 *   `* { line-height: 1 }` reaches the host element, never inside.
 * - `.board` is a container: the header and the totals lay themselves out by the widget's own
 *   width, wherever the page puts it.
 * - The SVGs are drawn in percent of their width and `em` of the widget's size, so their text
 *   stays the widget's size at any width (a `viewBox` would shrink it on a phone). The trend's
 *   `padding-inline-start` is the gutter its axis labels are drawn into (`overflow: visible`).
 * - A table wider than the widget scrolls in its own box (`.table-wrap`, focusable so a
 *   keyboard can scroll it), never the page; the kecamatan column stays in view.
 */
export const roadSummaryStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .board { display: block; container-type: inline-size; margin: 0 }
  .header { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: calc(var(--_space) * 0.5) var(--_space); margin: 0 0 var(--_space) }
  .title-block { display: block; flex: 1 1 16em; min-width: 0 }
  .title-block .heading { margin-bottom: 0.25em; overflow-wrap: break-word }
  .note { display: block; margin: 0; font-size: 0.9375em }
  .muted { color: var(--_muted) }
  .year-field { display: block; flex: none; margin: 0 }
  .year-select { width: auto; min-width: 7em }
  .year-notice { margin-bottom: var(--_space) }
  .headline { display: block; margin: 0 0 calc(var(--_space) * 1.5); padding: calc(var(--_space) * 0.75); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius); background: var(--_surface) }
  .figure-label { display: block; margin: 0; font-weight: 700 }
  .figure-row { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.25em 1em; margin: 0 }
  .figure { display: inline-block; font-size: 2.75em; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; white-space: nowrap }
  .target { display: inline-block; font-size: 1.125em; font-weight: 700; white-space: nowrap }
  .gauge { display: block; width: 100%; height: 2.25em; margin: 0.5em 0 0; overflow: visible }
  .gauge-track { fill: var(--_surface-alt); stroke: var(--_border); stroke-width: 0.0625em }
  .gauge-fill { fill: var(--_road) }
  .gauge-target { stroke: var(--opd-road-target, var(--_text)); stroke-width: 0.1875em }
  .gauge-scale { display: flex; justify-content: space-between; margin: 0; font-size: 0.875em }
  .what { display: block; margin: 0.25em 0 0.75em; font-size: 0.9375em }
  .to-go { display: block; margin: 0 0 0.75em; font-weight: 700 }
  .to-go--met { color: var(--_success) }
  .facts { display: block; margin: 0 }
  .facts > div { display: block; margin: 0 0 0.5em }
  .facts dt { display: block; margin: 0; color: var(--_muted) }
  .facts dd { display: block; margin: 0; font-weight: 700; font-variant-numeric: tabular-nums }
  .facts dd .muted { font-weight: 400 }
  @container (min-width: 36em) {
    .headline { padding: calc(var(--_space) * 1.25) }
    .facts { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0 var(--_space) }
    .facts > div { margin: 0 }
  }
  .section { display: block; margin: 0 0 calc(var(--_space) * 1.5) }
  .section > .heading--small { margin-top: 0 }
  .class-bar { display: block; width: 100%; height: 2em; margin: 0 0 0.75em }
  .class-rect { fill: var(--_road); stroke: var(--_surface); stroke-width: 0.125em }
  .swatch { display: inline-block; flex: none; width: 0.875em; height: 0.875em; margin: 0 0.4em 0 0; vertical-align: -0.05em; border-radius: 0.125em; background: var(--_road) }
  .swatch--target { height: 0.1875em; vertical-align: 0.3em; background: var(--opd-road-target, var(--_text)) }
  .legend { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; margin: 0 0 0.5em; font-size: 0.9375em }
  .legend-item { display: inline-flex; align-items: center; margin: 0 }
  .chart { display: block; box-sizing: border-box; width: 100%; max-width: 48em; height: 11.5em; margin: 0 0 0.5em; padding-inline-start: 3.5em; overflow: visible; font-size: 1em }
  .grid { stroke: var(--_border); stroke-width: 0.0625em; stroke-dasharray: 0.25em 0.25em }
  .axis { fill: var(--_muted); font-size: 0.8125em }
  .year { fill: var(--_text); font-size: 0.875em }
  .value { fill: var(--_text); font-size: 0.875em; font-weight: 700 }
  .trend-bar { fill: var(--_road); opacity: 0.75 }
  .trend-bar--shown { opacity: 1 }
  .trend-target { stroke: var(--opd-road-target, var(--_text)); stroke-width: 0.1875em }
  .details { display: block; margin: 0 }
  .details summary { display: list-item; margin: 0; padding: 0.25em 0; color: var(--_primary); text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer }
  .details summary:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
  .details[open] summary { margin-bottom: 0.5em }
  .table-wrap { display: block; max-width: 100%; margin: 0; overflow-x: auto }
  .table-wrap--wide { border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .table-wrap:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0.125em }
  .table { display: table; width: 100%; margin: 0; border-collapse: collapse; font-variant-numeric: tabular-nums }
  .caption { display: table-caption; margin: 0; padding: 0.5em 0.625em; text-align: start; font-weight: 700 }
  .table th, .table td { display: table-cell; margin: 0; padding: 0.375em 0.625em; border-bottom: 0.0625em solid var(--_secondary); text-align: start; vertical-align: top }
  .table thead th { border-bottom: 0.125em solid var(--_border); font-weight: 700; vertical-align: bottom }
  .table tbody th { font-weight: 400 }
  .table .num { text-align: end; white-space: nowrap }
  .classes { width: auto; min-width: 0 }
  .classes th, .classes td { padding-inline: 0.4em }
  .classes thead th.num { white-space: normal }
  .classes tbody th { white-space: nowrap }
  /* On a 320px phone the class's name may wrap, so the three columns fit without scrolling. */
  @container (max-width: 20em) { .classes tbody th { white-space: normal } }
  .kecamatan-table tbody tr:nth-child(even) > * { background: var(--_surface-alt) }
  .kecamatan-table .sticky { position: sticky; inset-inline-start: 0; z-index: 1; background: var(--_surface); min-width: 8em }
  .kecamatan-table thead th { padding: 0 }
  .sort { display: inline-flex; align-items: center; justify-content: inherit; gap: 0.25em; width: 100%; min-height: 2.75em; margin: 0; padding: 0.375em 0.625em; font: inherit; font-weight: 700; color: var(--_text); background: none; border: 0; text-align: inherit; cursor: pointer; white-space: nowrap }
  .num .sort { justify-content: flex-end }
  .sort:hover span:not(.swatch, .sort-mark) { text-decoration: underline }
  .sort:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: -0.1875em; background: var(--_focus); color: var(--_focus-text) }
  .sort-mark { display: inline-block; margin: 0; color: var(--_muted); font-size: 0.8em }
  .loading { margin: 0 }
  @media (forced-colors: active) {
    .gauge-fill, .class-rect, .trend-bar, .swatch { forced-color-adjust: none }
    .table-wrap--wide, .headline { border: 0.0625em solid CanvasText }
  }
`;
