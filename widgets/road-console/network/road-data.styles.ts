/**
 * The road data page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.views`: the links between segments, targets and imports; the one shown is underlined thick.
 * - `.search` and `.status`: the search field and the count under it.
 * - `.condition--<class>`: a segment's dominant class as a tag, with a mark that is not only colour.
 * - `.facts`: a segment's facts as a row of terms that wraps.
 * - `.km-grid`: the four class fields, two a row from 30em; `.sum` their running total.
 * - `.report`, `.problems`: the dry run's report and its table of problems.
 */
export const roadDataStyles = css`
  .views { display: block; margin: 0 0 calc(var(--_space) * 1.5); border-bottom: 0.0625em solid var(--_border) }
  .views ul { display: flex; flex-wrap: wrap; gap: 0 calc(var(--_space) * 1.25); margin: 0; padding: 0; list-style: none }
  .views li { display: block; margin: 0 }
  .view-link { display: inline-block; padding: 0.5em 0.125em; text-decoration: none; font-weight: 700 }
  .view-link[aria-current='page'] { color: var(--_text); box-shadow: inset 0 -0.25em 0 var(--_primary) }
  .view-link:hover { text-decoration: underline }
  .search { display: block; max-width: 36em }
  .search .field { margin-bottom: 0.5em }
  .status { margin: 0 0 var(--_space) }
  .empty { max-width: 48em; margin: 0 0 var(--_space) }
  td.code { font-family: var(--_mono); white-space: nowrap }
  tbody th.name { font-weight: 400 }
  .small { font-size: 0.875em }
  .condition { display: inline-block; margin: 0 0.375em 0.125em 0; padding: 0 0.5em; border: 0.0625em solid var(--_border); border-radius: 0.75em; font-size: 0.875em; white-space: nowrap; background: var(--_surface-alt) }
  .condition::before { content: ''; display: inline-block; width: 0.625em; height: 0.625em; margin-inline-end: 0.375em; border: 0.0625em solid var(--_text); vertical-align: 0 }
  .condition--baik::before { background: #1a9850; border-radius: 50% }
  .condition--sedang::before { background: #91bfdb }
  .condition--rusakRingan::before { background: #fc8d59; transform: rotate(45deg) }
  .condition--rusakBerat::before { background: #762a83; border-radius: 0 }
  .pager { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em var(--_space); margin: 0 0 var(--_space) }
  .pager .button { margin: 0 }
  .pager-text { font-variant-numeric: tabular-nums }
  caption:focus { outline: 0.1875em solid var(--_focus) }
  .back { margin: 0 0 var(--_space) }
  .facts { display: flex; flex-wrap: wrap; gap: 0.5em calc(var(--_space) * 1.5); margin: 0 0 var(--_space); padding: 0 }
  .facts > div { display: block; min-width: 8em }
  .facts dt { display: block; margin: 0; color: var(--_muted); font-size: 0.875em }
  .facts dd { display: block; margin: 0; font-weight: 700 }
  .note-cell { min-width: 10em; overflow-wrap: anywhere }
  tr.editing > * { background: var(--_info-surface) }
  .km-grid { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 var(--_space) }
  .km-grid .field { margin-bottom: var(--_space) }
  @container (min-width: 30em) {
    .km-grid { grid-template-columns: repeat(2, minmax(0, 1fr)) }
  }
  .sum { display: block; margin: 0; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_border); background: var(--_surface-alt); font-variant-numeric: tabular-nums }
  .sum--ok { border-color: var(--_success); background: var(--_success-surface) }
  .sum--off { border-color: var(--_error); background: var(--_surface) }
  .sum-line { display: block }
  .sum-state { display: block; font-weight: 700 }
  .sum-state--ok { color: var(--_success) }
  .sum-state--off { color: var(--_error) }
  .choices { display: flex; flex-wrap: wrap; gap: 0.5em calc(var(--_space) * 1.5) }
  .choices .choice { flex: 1 1 16em }
  .choice-hint-inline { display: block; margin: 0; font-size: 0.9375em }
  .file-input { display: block; max-width: 100%; margin: 0 0 0.5em; font: inherit }
  .file-input:focus-visible { outline: 0.1875em solid var(--_focus) }
  .chosen { margin: 0 }
  .report { padding-top: var(--_space); border-top: 0.1875em solid var(--_border) }
  .report--problems { border-top-color: var(--_error) }
  .problems td.message { min-width: 12em; overflow-wrap: anywhere }
  .ignored { margin: 0 0 var(--_space) }
  .confirm { max-width: 40em; margin: 0 0 var(--_space); padding: 0.75em; border-inline-start: 0.3125em solid var(--_warning-border); background: var(--_warning-surface) }
  .confirm .button { margin: 0 }
  .inline-form .field { flex: 0 1 16em }
`;
