/**
 * The events page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.views`: the links between events, a new event and the bodies; the one shown is underlined thick.
 * - `.pair`: two fields side by side from 34em, one above the other on a phone.
 * - `.preview`: the log line a change will write, quoted, and what subscribers' calendars get.
 * - `.document-row`: a document's title, address and its remove button, wrapping.
 * - `tr.cancelled`: a cancelled event's row, struck through in its title, not only greyed.
 */
export const agendaEventsStyles = css`
  .views { display: block; margin: 0 0 calc(var(--_space) * 1.5); border-bottom: 0.0625em solid var(--_border) }
  .views ul { display: flex; flex-wrap: wrap; gap: 0 calc(var(--_space) * 1.25); margin: 0; padding: 0; list-style: none }
  .views li { display: block; margin: 0 }
  .view-link { display: inline-block; padding: 0.5em 0.125em; text-decoration: none; font-weight: 700 }
  .view-link[aria-current='page'] { color: var(--_text); box-shadow: inset 0 -0.25em 0 var(--_primary) }
  .view-link:hover { text-decoration: underline }
  .pager { display: flex; flex-wrap: wrap; gap: 0.5em; margin: 0 0 var(--_space) }
  .pager .button { margin: 0; text-decoration: none }
  .status { margin: 0 0 var(--_space) }
  .empty { max-width: 48em; margin: 0 0 var(--_space) }
  .small { display: block; font-size: 0.875em; font-weight: 400 }
  td.when { min-width: 9em }
  td.code { font-family: var(--_mono); white-space: nowrap }
  tr.cancelled th.name a { text-decoration: line-through }
  .back { margin: 0 0 var(--_space) }
  .facts { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em var(--_space); margin: 0 0 0.5em }
  .links { display: flex; flex-wrap: wrap; gap: 0.5em calc(var(--_space) * 1.5); margin: 0 0 var(--_space) }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 var(--_space) }
  @container (min-width: 34em) {
    .pair { grid-template-columns: repeat(2, minmax(0, 1fr)) }
  }
  .zone-note { margin: 0 0 0.75em; font-size: 0.9375em }
  .document-row { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0 var(--_space); margin: 0 0 0.5em; padding: 0 0 0.5em; border-bottom: 0.0625em solid var(--_border) }
  .document-row .field { flex: 1 1 14em; min-width: 0 }
  .document-row .button { margin: 0 0 var(--_space) }
  .preview { display: block; margin: 0 0 var(--_space); padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_primary); background: var(--_info-surface) }
  .preview p { margin: 0 0 0.25em }
  .preview p:last-child { margin: 0 }
  .log-line { font-style: italic; overflow-wrap: anywhere }
  .log-text { min-width: 14em; overflow-wrap: anywhere }
  .button--danger { background: var(--_error); border-color: var(--_error); color: #fff }
  .confirm--danger { max-width: 40em; margin: 0 0 var(--_space); padding: 0.75em; border-inline-start: 0.3125em solid var(--_error); background: var(--_surface-alt) }
`;
