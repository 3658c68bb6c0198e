/**
 * The innovation review page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.views`: the links between the queue, the board and the settings; the current one underlined and bold.
 * - `.list`, `.item`: the queue, one link per innovation with its lines and tags.
 * - `.badge--warn`: no evidence or evidence gaps, told by text and border, not colour alone.
 * - `.personal`: the contact person, boxed in the warning colours so it reads as personal data.
 * - `.timeline`: the review history, oldest first.
 * - `.figures`, `.bar`: the board's headline figures and its progress bar (the figure says it in words).
 * - `.pair-tables`, `.pair-lists`: two by two on a wide page, one under the other on a narrow one.
 */
export const innovationReviewStyles = css`
  .views { display: block; margin: 0 0 var(--_space); border-bottom: 0.0625em solid var(--_border) }
  .views ul { display: flex; flex-wrap: wrap; gap: 0 calc(var(--_space) * 1.25); margin: 0; padding: 0; list-style: none }
  .views li { display: block; margin: 0 }
  .view-link { display: inline-block; padding: 0.5em 0.125em; color: var(--_primary); text-decoration: none; border-bottom: 0.25em solid transparent }
  .view-link:hover { text-decoration: underline }
  .view-link--current { color: var(--_text); font-weight: 700; border-bottom-color: var(--_primary) }
  .view-link:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0.125em }
  .status { margin: 0 }
  .empty { padding: var(--_space) 0 }
  .small { font-size: 0.875em }
  .nowrap { white-space: nowrap }
  .list { display: block; margin: 0 0 var(--_space); padding: 0; list-style: none; border-top: 0.0625em solid var(--_border) }
  .item { display: block; margin: 0; border-bottom: 0.0625em solid var(--_border) }
  .item a { display: block; padding: 0.625em 0.75em; color: var(--_text); text-decoration: none; border-inline-start: 0.3125em solid transparent }
  .item a:hover .item-title { text-decoration: underline }
  .item a:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: -0.1875em; background: var(--_surface-alt); box-shadow: none }
  .item-title { display: block; font-weight: 700; color: var(--_primary); overflow-wrap: anywhere }
  .item-line { display: block; margin: 0.125em 0 0; overflow-wrap: anywhere }
  .item-tags { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.375em; margin: 0.375em 0 0; padding: 0 }
  .report-tags { margin: 0 0 var(--_space) }
  .badge { display: inline-block; padding: 0 0.5em; border: 0.0625em solid var(--_border); border-radius: 0.75em; font-size: 0.875em; line-height: 1.5; color: var(--_text); background: var(--_surface-alt); overflow-wrap: anywhere }
  .badge--open { border-color: var(--_success); font-weight: 700; background: var(--_success-surface) }
  .badge--warn { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .back { margin: 0 0 0.75em }
  .innovation { display: block }
  .facts { display: flex; flex-wrap: wrap; gap: 0.5em calc(var(--_space) * 1.5); margin: 0 0 var(--_space); padding: 0 }
  .facts > div { display: block; min-width: 10em; max-width: 100% }
  .facts > .wide { flex-basis: 100% }
  .facts dt { display: block; margin: 0; color: var(--_muted); font-size: 0.875em }
  .facts dd { display: block; margin: 0; font-weight: 700; overflow-wrap: anywhere }
  .text-block { display: block; margin: 0 0 var(--_space) }
  .text-block .heading { margin: 0 0 0.25em }
  .message { display: block; margin: 0; padding: 0.75em var(--_space); border-inline-start: 0.3125em solid var(--_border); background: var(--_surface-alt); white-space: pre-wrap; overflow-wrap: anywhere; max-width: 48em }
  .personal { padding: var(--_space); border: 0.1875em solid var(--_warning-border); border-radius: var(--_radius); background: var(--_warning-surface) }
  .personal .facts { margin-bottom: 0 }
  .personal-note { margin: 0 0 0.75em; max-width: 48em }
  .evidence > li { margin: 0 0 0.75em }
  .evidence-indicator { display: block; font-weight: 700; overflow-wrap: anywhere }
  .files { margin: 0.25em 0 0; padding-inline-start: var(--_space) }
  .files > li { margin: 0 0 0.25em; overflow-wrap: anywhere }
  .gaps { max-width: 48em; margin: 0 0 var(--_space); padding: 0.75em; border-inline-start: 0.3125em solid var(--_warning-border); background: var(--_warning-surface) }
  .gaps p { margin: 0 0 0.25em }
  .gap-list { margin: 0; padding-inline-start: 1.25em }
  .gap-list li { margin: 0 0 0.125em; overflow-wrap: anywhere }
  .timeline { display: block; margin: 0 0 0.5em; padding: 0; list-style: none; border-inline-start: 0.1875em solid var(--_border) }
  .entry { display: block; margin: 0 0 0.75em; padding: 0 0 0 var(--_space) }
  .entry time { display: block }
  .entry-what { display: block; font-weight: 700; overflow-wrap: anywhere }
  .entry-text { display: block; margin: 0.25em 0 0; white-space: pre-wrap; overflow-wrap: anywhere }
  .decision { padding: var(--_space); border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface-alt) }
  .decision .actions { margin-bottom: 0 }
  .done:focus { outline: 0.1875em solid var(--_focus) }
  .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(13em, 1fr)); gap: 0.75em var(--_space); margin: 0 0 0.75em; padding: 0 }
  .figure { display: block; margin: 0; padding: 0.625em 0.75em; border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .figure--main { border-inline-start: 0.3125em solid var(--_success) }
  .figure dt { display: block; margin: 0; color: var(--_muted); font-size: 0.875em }
  .figure dd { display: block; margin: 0; font-weight: 700; font-size: 1.125em; overflow-wrap: anywhere }
  .bar { display: block; width: 100%; height: 0.75em; margin: 0 0 var(--_space); accent-color: var(--_success) }
  .pair-tables, .pair-lists { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 var(--_space) }
  @container (min-width: 40em) {
    .pair-tables, .pair-lists { grid-template-columns: repeat(2, minmax(0, 1fr)) }
  }
  .missing, .with-gaps { display: block; margin: 0 0 var(--_space) }
  .missing .heading, .with-gaps .heading { margin: 0 0 0.375em }
  .name-list { margin: 0; padding-inline-start: 1.25em }
  .name-list li { margin: 0 0 0.125em; overflow-wrap: anywhere }
  .row--missing th { border-inline-start: 0.3125em solid var(--_warning-border) }
  .gap-details summary { cursor: pointer; color: var(--_primary); white-space: nowrap }
  .gap-details summary:focus-visible { outline: 0.1875em solid var(--_focus) }
  .gap-details .gap-list { margin-top: 0.25em; min-width: 14em }
  td.score { min-width: 9em }
  .downloads { display: flex; flex-wrap: wrap; gap: 0.5em var(--_space); margin: 0 0 var(--_space) }
  .downloads .button { margin: 0; text-decoration: none }
`;
