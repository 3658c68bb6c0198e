/**
 * Styles of `<opd-road-map>` on top of the shared theme, and the condition colours.
 *
 * @module
 */
import { css } from 'lit';
import { ROAD_PALETTE, ROAD_PROPERTIES } from '../shared/road-palette.js';
import type { SegmentClass } from './layer-types.js';

/**
 * The colour of each class: the road widgets' shared palette (`widgets/shared/road-palette.ts`:
 * blues for the steady classes, oranges for the damaged, told apart with red–green colour
 * blindness and in greyscale, each at least 3:1 on white), and grey for a segment without a
 * survey. A page sets `--opd-road-baik`, `--opd-road-sedang`, `--opd-road-rusak-ringan`,
 * `--opd-road-rusak-berat` and `--opd-road-none` to change them; the canvas reads them from the
 * element's computed style when the map is made.
 */
export const ROAD_COLOURS: Readonly<Record<SegmentClass, string>> = { ...ROAD_PALETTE, none: '#6b7580' };

/** The custom property that sets each class's colour. */
export const ROAD_COLOUR_PROPERTIES: Readonly<Record<SegmentClass, string>> = { ...ROAD_PROPERTIES, none: '--opd-road-none' };

/**
 * The toolbar (view switch and filters), the legend, the map box, the details panel and the
 * list.
 *
 * - `.frame` is a container: the filters sit side by side, and the table keeps its columns,
 *   only where the widget itself is wide enough (36em); on a phone each row of the table is a
 *   small card whose cells carry their column's name (`data-label`).
 * - The map's height is `--opd-road-map-height`, in `em` like everything else.
 */
export const roadMapStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .frame { display: block; container-type: inline-size; margin: 0 }
  .toolbar { display: flex; flex-wrap: wrap; align-items: flex-end; gap: calc(var(--_space) * 0.75) calc(var(--_space) * 1.25); margin: 0 0 var(--_space) }
  .toolbar .field { margin: 0 }
  .views { display: flex; flex-wrap: wrap; gap: 0; margin: 0; padding: 0; border: 0 }
  .views .legend { flex: 1 0 100% }
  .views .button { margin: 0; border-radius: 0; box-shadow: none }
  .views .button:first-of-type { border-start-start-radius: var(--_radius); border-end-start-radius: var(--_radius) }
  .views .button:last-of-type { border-start-end-radius: var(--_radius); border-end-end-radius: var(--_radius) }
  .views .button[aria-pressed='false'] { color: var(--_on-secondary); background: var(--_secondary) }
  .views .button:focus-visible { color: var(--_focus-text); background: var(--_focus) }
  .select { min-width: 12em }
  .classes { display: flex; flex-wrap: wrap; gap: 0.25em var(--_space); margin: 0; padding: 0; border: 0 }
  .classes .legend { flex: 1 0 100% }
  .classes .choice { align-items: center }
  .summary { display: block; margin: 0 0 calc(var(--_space) * 0.75); font-weight: 700 }
  .swatch { display: inline-block; flex: none; width: 1.75em; height: 0.375em; margin: 0; border-radius: 0.1875em; background: var(--_swatch, currentColor); vertical-align: middle }
  .swatch--baik { --_swatch: var(--_road-baik) }
  .swatch--sedang { --_swatch: var(--_road-sedang) }
  .swatch--rusakRingan { --_swatch: var(--_road-rusak-ringan) }
  .swatch--rusakBerat { --_swatch: var(--_road-rusak-berat) }
  .swatch--none { --_swatch: var(--opd-road-none, #6b7580) }
  .key { display: flex; flex-wrap: wrap; gap: 0.25em var(--_space); list-style: none; margin: calc(var(--_space) * 0.5) 0 var(--_space); padding: 0 }
  .key li { display: flex; align-items: center; gap: 0.5em; margin: 0 }
  .key-title { flex: 1 0 100%; font-weight: 700 }
  .map { display: block; width: 100%; height: var(--opd-road-map-height, 28em); margin: 0; border: 0.125em solid var(--_border); --_map-background: var(--opd-road-map-background, #f4f1ea) }
  .map[hidden] { display: none !important }
  .map-status { display: block; margin: 0.5em 0 0; color: var(--_muted) }
  .details { display: block; margin: var(--_space) 0 0; padding: calc(var(--_space) * 0.75); border: 0.0625em solid var(--_border); border-inline-start: 0.375em solid var(--_swatch, var(--_border)); border-radius: var(--_radius); background: var(--_surface) }
  .details-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5em var(--_space) }
  .details-head .heading { margin: 0 0 0.5em; overflow-wrap: anywhere }
  .details-head .button { margin: 0 0 0.5em }
  .facts { display: block; margin: 0 }
  .facts > div { display: block; margin: 0 0 0.5em }
  .facts dt { display: block; margin: 0; font-weight: 700 }
  .facts dd { display: block; margin: 0; overflow-wrap: anywhere }
  .km { display: block; list-style: none; margin: 0; padding: 0 }
  .km li { display: flex; align-items: center; gap: 0.5em; margin: 0 }
  .name { font-weight: 700 }
  .table-wrap { display: block; margin: 0 }
  .table { width: 100%; margin: 0; border-collapse: collapse; font-variant-numeric: tabular-nums }
  .table caption { margin: 0 0 0.5em; text-align: start; font-weight: 700 }
  .table th, .table td { margin: 0; padding: 0.5em; border-bottom: 0.0625em solid var(--_border); text-align: start; vertical-align: top }
  .table thead th { border-bottom-width: 0.125em; white-space: nowrap }
  .table .numeric { text-align: end }
  .sort { display: inline-flex; align-items: center; gap: 0.25em; margin: 0; padding: 0; font: inherit; font-weight: 700; color: var(--_primary); background: none; border: 0; text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer }
  .sort:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
  .condition { display: inline-flex; align-items: center; gap: 0.5em; white-space: nowrap }
  .table .link-button { text-align: start }
  .muted { display: block; margin: 0; color: var(--_muted) }
  .toolbar .report-toggle { margin: 0 }
  .report { display: block; margin: var(--_space) 0 0; padding: calc(var(--_space) * 0.75); border: 0.125em solid var(--_border); border-radius: var(--_radius); background: var(--_surface) }
  .report .heading:focus { outline: none }
  .report-form { display: block; margin: 0 }
  .questions { display: block; margin: 0 }
  .questions:focus { outline: 0.1875em solid var(--_focus); outline-offset: 0.25em }
  .coordinates { display: flex; flex-wrap: wrap; gap: calc(var(--_space) * 0.75) var(--_space); margin: var(--_space) 0 0 }
  .coordinates .field { flex: 1 1 12em; margin-bottom: 0 }
  .coordinates .label { font-weight: 400 }
  .file { display: block; max-width: 100%; margin: 0; padding: 0.25em 0; font: inherit }
  .file:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0.125em }
  .photo { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5em var(--_space); margin: 0 }
  .photo-preview { display: block; max-width: min(100%, 16em); max-height: 12em; margin: 0; border: 0.0625em solid var(--_border) }
  .receipt p { margin: 0 0 0.75em }
  .tracking { font-family: var(--_mono); font-size: 1.25em; letter-spacing: 0.02em }
  @container (max-width: 35.99em) {
    .table caption { display: block }
    .table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%) }
    .table, .table tbody, .table tr, .table td, .table th[scope='row'] { display: block; width: 100% }
    .table tr { margin: 0 0 0.75em; padding: 0.5em 0.75em; border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
    .table td, .table th[scope='row'] { display: flex; gap: 0.75em; padding: 0.125em 0; border: 0; text-align: start }
    .table td::before, .table th[scope='row']::before { content: attr(data-label); flex: 0 0 7.5em; font-weight: 700 }
    .table .numeric { text-align: start }
  }
  @container (min-width: 36em) {
    .facts { display: grid; grid-template-columns: minmax(7em, 11em) minmax(0, 1fr); gap: 0.375em var(--_space) }
    .facts > div { display: contents }
  }
  @media (forced-colors: active) {
    .swatch { forced-color-adjust: none }
  }
`;
