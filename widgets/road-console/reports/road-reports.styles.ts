/**
 * The road reports page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.filters`: the inbox's filters in a grid that wraps (from the kit), the checkbox aligned with the selects.
 * - `.list`, `.item`: the inbox, one link per report with its lines and tags; `j`/`k` move focus along them.
 * - `.badge--open`, `--closed`, `--hidden`, `--warn`, `--off`: status and flags, told by text and border, not colour alone.
 * - `.personal`: the reporter's contact, boxed in the warning colours so it reads as personal data.
 * - `.confirm-box`: the question before closing or merging.
 * - `.timeline`: the report's history, oldest first.
 * - `.jumps`: buttons to the report's parts (the hash is the console's route, so no fragment links).
 */
export const roadReportsStyles = css`
  .filter-check { display: flex; align-items: flex-end; min-height: 100% }
  .filter-check .field { margin-bottom: var(--_space) }
  .status { margin: 0 0 0.25em }
  .keys { margin: 0 0 var(--_space); font-size: 0.875em }
  .empty { padding: var(--_space) 0 }
  .small { font-size: 0.875em }
  .list { display: block; margin: 0 0 var(--_space); padding: 0; list-style: none; border-top: 0.0625em solid var(--_border) }
  .item { display: block; margin: 0; border-bottom: 0.0625em solid var(--_border) }
  .item a { display: block; padding: 0.625em 0.75em; color: var(--_text); text-decoration: none; border-inline-start: 0.3125em solid transparent }
  .item a:hover .item-title { text-decoration: underline }
  .item--current a { background: var(--_info-surface); border-inline-start-color: var(--_primary) }
  .item a:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: -0.1875em; background: var(--_surface-alt); box-shadow: none }
  .item-title { display: block; font-weight: 700; color: var(--_primary); overflow-wrap: anywhere }
  .item-line { display: block; margin: 0.125em 0 0; overflow-wrap: anywhere }
  .item-tags { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.375em; margin: 0.375em 0 0; padding: 0 }
  .report-tags { margin: 0 0 var(--_space) }
  .code { font-family: var(--_mono); white-space: nowrap }
  .badge { display: inline-block; padding: 0 0.5em; border: 0.0625em solid var(--_border); border-radius: 0.75em; font-size: 0.875em; line-height: 1.5; white-space: nowrap; color: var(--_text); background: var(--_surface-alt) }
  .badge--open { border-color: var(--_success); font-weight: 700; background: var(--_success-surface) }
  .badge--closed { border-style: solid; border-color: var(--_text); font-weight: 700; background: var(--_surface) }
  .badge--hidden { border-color: var(--_warning-border); border-style: dashed; background: var(--_warning-surface) }
  .badge--warn { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .badge--off { color: var(--_muted); border-style: dashed; background: var(--_surface) }
  .back { margin: 0 0 0.75em }
  .jumps { display: block; margin: 0 0 var(--_space); padding: 0.5em 0.75em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt) }
  .jumps ul { display: flex; flex-wrap: wrap; gap: 0.25em var(--_space); margin: 0; padding: 0; list-style: none }
  .jumps li { display: block; margin: 0 }
  .report { display: block }
  .report > .heading { margin: 0 0 0.5em }
  .facts { display: flex; flex-wrap: wrap; gap: 0.5em calc(var(--_space) * 1.5); margin: 0 0 var(--_space); padding: 0 }
  .facts > div { display: block; min-width: 10em; max-width: 100% }
  .facts dt { display: block; margin: 0; color: var(--_muted); font-size: 0.875em }
  .facts dd { display: block; margin: 0; font-weight: 700; overflow-wrap: anywhere }
  .message { display: block; margin: 0 0 var(--_space); padding: 0.75em var(--_space); border-inline-start: 0.3125em solid var(--_border); background: var(--_surface-alt); white-space: pre-wrap; overflow-wrap: anywhere }
  .public-view { margin: 0 0 var(--_space); overflow-wrap: anywhere }
  .figure { display: block; margin: 0 0 var(--_space) }
  .photo { display: block; max-width: min(100%, 32em); height: auto; border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .figure figcaption { margin: 0.375em 0 0 }
  .personal { padding: var(--_space); border: 0.1875em solid var(--_warning-border); border-radius: var(--_radius); background: var(--_warning-surface) }
  .personal .facts { margin-bottom: 0 }
  .personal-note { margin: 0 0 0.75em; max-width: 48em }
  .candidates { margin: 0 0 var(--_space) }
  .candidate { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.75em }
  .state { margin: 0 0 var(--_space); max-width: 48em; overflow-wrap: anywhere }
  .state .muted { display: inline }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr); align-items: end; gap: 0 var(--_space) }
  @container (min-width: 34em) {
    .pair { grid-template-columns: repeat(2, minmax(0, 1fr)) }
  }
  .confirm-box { max-width: 40em; margin: 0 0 var(--_space); padding: 0.75em; border-inline-start: 0.3125em solid var(--_warning-border); background: var(--_warning-surface) }
  .confirm-box p { margin: 0 0 0.5em }
  .confirm-box:focus { outline: 0.1875em solid var(--_focus) }
  .timeline { display: block; margin: 0 0 0.5em; padding: 0; list-style: none; border-inline-start: 0.1875em solid var(--_border) }
  .entry { display: block; margin: 0 0 0.75em; padding: 0 0 0 var(--_space) }
  .entry time { display: block }
  .entry-what { display: block; font-weight: 700; overflow-wrap: anywhere }
  .entry-text { display: block; margin: 0.25em 0 0; white-space: pre-wrap; overflow-wrap: anywhere }
  .entry .item-tags { margin: 0.125em 0 0 }
`;
