/**
 * The standards page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.views`: the links between the list and a new service; the one shown is underlined thick.
 * - `.versions`: the version in force (success) and the ones scheduled (warning), one a line.
 * - `.gaps`: missing components as links on a warning surface.
 * - `.pair`: two fields side by side once the page is wide enough, one above the other on a phone.
 * - `.weekdays`: the seven weekday boxes of a set of opening hours, wrapping on a phone.
 */
export const serviceStandardsStyles = css`
  .views { display: block; margin: 0 0 calc(var(--_space) * 1.5); border-bottom: 0.0625em solid var(--_border) }
  .views ul { display: flex; flex-wrap: wrap; gap: 0 calc(var(--_space) * 1.25); margin: 0; padding: 0; list-style: none }
  .views li { display: block; margin: 0 }
  .view-link { display: inline-block; padding: 0.5em 0.125em; text-decoration: none; font-weight: 700 }
  .view-link[aria-current='page'] { color: var(--_text); box-shadow: inset 0 -0.25em 0 var(--_primary) }
  .view-link:hover { text-decoration: underline }
  .actions a.button { text-decoration: none }
  .status, .back, .empty { margin: 0 0 var(--_space) }
  .small { display: block; font-size: 0.875em; font-weight: 400 }
  th.name { min-width: 12em; font-weight: 400 }
  th.name a { font-weight: 700; overflow-wrap: anywhere }
  td.when { white-space: nowrap }
  td.note { min-width: 12em; overflow-wrap: anywhere }
  .gaps-col { min-width: 14em }
  .tag--done { border-color: var(--_success); background: var(--_success-surface) }
  a.tag { color: var(--_text); white-space: normal }
  a.tag:hover { text-decoration: underline }
  .compliance-summary { max-width: 48em; margin: 0 0 var(--_space) }
  .versions { display: block; max-width: 48em; margin: 0 0 var(--_space); padding: 0; list-style: none }
  .version { display: block; margin: 0 0 0.5em; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_border) }
  .version--in-force { border-color: var(--_success); background: var(--_success-surface) }
  .version--upcoming { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .gaps-box { display: block; max-width: 48em; margin: 0 0 var(--_space) }
  .gaps-title { margin: 0 0 0.5em; font-weight: 700 }
  .pledge-text { display: block; max-width: 48em; margin: 0 0 0.5em; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_primary); background: var(--_surface-alt); white-space: pre-wrap; overflow-wrap: anywhere }
  .form-grid { max-width: 44em }
  .group { min-width: 0 }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr); align-items: end; gap: 0 var(--_space) }
  @container (min-width: 34em) {
    .pair { grid-template-columns: repeat(2, minmax(0, 1fr)) }
  }
  .weekdays { display: flex; flex-wrap: wrap; gap: 0.25em 1em; margin: 0 0 0.75em }
  .weekdays .choice { display: inline-flex; align-items: center; margin: 0 }
`;
