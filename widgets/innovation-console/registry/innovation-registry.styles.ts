/**
 * The innovation registry page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.views`: the links between the list and a new innovation; the one shown is underlined thick.
 * - `.returned-comment`, `.review-note--returned`: the reviewer's comment on a returned innovation,
 *   on a warning surface with a thick border, so it is the first thing read.
 * - `.pair`, `.triple`: fields side by side once the page is wide enough, one above the other on a phone.
 * - `.indicator-list`: each indicator of the year's model with its files; one without a file is marked.
 * - `.details`: a submitted or verified innovation's details, label above value.
 */
export const innovationRegistryStyles = css`
  .views { display: block; margin: 0 0 calc(var(--_space) * 1.5); border-bottom: 0.0625em solid var(--_border) }
  .views ul { display: flex; flex-wrap: wrap; gap: 0 calc(var(--_space) * 1.25); margin: 0; padding: 0; list-style: none }
  .views li { display: block; margin: 0 }
  .view-link { display: inline-block; padding: 0.5em 0.125em; text-decoration: none; font-weight: 700 }
  .view-link[aria-current='page'] { color: var(--_text); box-shadow: inset 0 -0.25em 0 var(--_primary) }
  .view-link:hover { text-decoration: underline }
  .actions a.button { text-decoration: none }
  .status { margin: 0 0 var(--_space) }
  .empty { max-width: 48em; margin: 0 0 var(--_space) }
  .small { display: block; font-size: 0.875em; font-weight: 400 }
  td.when { min-width: 7em; white-space: nowrap }
  th.name { min-width: 14em; font-weight: 400 }
  th.name a { font-weight: 700; overflow-wrap: anywhere }
  .tag--done { border-color: var(--_success); background: var(--_success-surface) }
  .returned-comment { display: block; margin: 0.5em 0 0; padding: 0.375em 0.625em; border-inline-start: 0.3125em solid var(--_warning-border); background: var(--_warning-surface); font-size: 0.9375em; overflow-wrap: anywhere }
  .back { margin: 0 0 var(--_space) }
  .facts { display: flex; flex-wrap: wrap; align-items: center; gap: 0.375em var(--_space); margin: 0 0 var(--_space) }
  .review-note { display: block; max-width: 48em; margin: 0 0 var(--_space); padding: 0.75em var(--_space); border-inline-start: 0.3125em solid var(--_primary); background: var(--_info-surface) }
  .review-note p { margin: 0 0 0.5em }
  .review-note p:last-child { margin: 0 }
  .review-note--returned { border: 0.1875em solid var(--_warning-border); border-inline-start-width: 0.5em; background: var(--_warning-surface) }
  .review-note--verified { border-color: var(--_success); background: var(--_success-surface) }
  .review-note-title { font-weight: 700 }
  .review-comment { display: block; margin: 0 0 0.5em; padding: 0; font-size: 1.125em; font-weight: 700; white-space: pre-wrap; overflow-wrap: anywhere }
  .required-note { margin: 0 0 var(--_space); font-size: 0.9375em }
  .pair, .triple { display: grid; grid-template-columns: minmax(0, 1fr); align-items: end; gap: 0 var(--_space) }
  @container (min-width: 34em) {
    .pair { grid-template-columns: repeat(2, minmax(0, 1fr)) }
  }
  @container (min-width: 48em) {
    .triple { grid-template-columns: repeat(3, minmax(0, 1fr)) }
  }
  .form-grid { max-width: 44em }
  .file-input { padding: 0.375em; min-height: 2.75em; background: var(--_surface-alt) }
  .upload { display: block; max-width: 44em; margin: 0 0 calc(var(--_space) * 1.5); padding: var(--_space); border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .upload .heading { font-size: 1.125em }
  .indicator-list { display: block; max-width: 48em; margin: 0 0 var(--_space); padding: 0; list-style: none; border-top: 0.0625em solid var(--_border) }
  .indicator { display: block; margin: 0; padding: 0.5em 0; border-bottom: 0.0625em solid var(--_border) }
  .indicator-name { display: block; font-weight: 700; overflow-wrap: anywhere }
  .indicator--gap .indicator-name { font-weight: 400 }
  .gap { display: block; font-size: 0.875em }
  .files { display: block; margin: 0.25em 0 0; padding: 0; list-style: none }
  .file { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.75em; margin: 0 0 0.25em; padding: 0 }
  .file-link { overflow-wrap: anywhere }
  .file-facts { display: inline; font-size: 0.875em }
  .file .button { margin: 0 }
  .confirm-remove { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.375em 0.5em }
  .button--danger { background: var(--_error); border-color: var(--_error); color: #fff }
  .submit-section { max-width: 48em; padding: var(--_space); border: 0.125em solid var(--_primary); border-radius: var(--_radius) }
  .details { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75em var(--_space); max-width: 48em; margin: 0 0 var(--_space) }
  @container (min-width: 40em) {
    .details { grid-template-columns: repeat(2, minmax(0, 1fr)) }
    .detail--long { grid-column: 1 / -1 }
  }
  .detail { display: block; margin: 0 }
  .details dt { display: block; margin: 0; font-weight: 700 }
  .details dd { display: block; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere }
  .log-text { min-width: 14em; overflow-wrap: anywhere }
`;
