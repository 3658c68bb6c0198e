/**
 * The styles both SIP BENAR console pages share, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.views`: the links between a page's parts; the one shown is underlined thick.
 * - `.panes`: the list and the detail pane side by side from 60em of page width; on a phone the
 *   detail comes first when something is open, the list under it.
 * - `.program-list`, `.program`: the compact list, the open one marked at its start.
 * - `.tag--over`, `.money--over`, `.over-note`: spending past the commitment, in the error colour
 *   and in words (never colour alone); `.flag-box`: possible double funding.
 * - `.entries`: spending entries stacked (day and amount, then what for, then evidence).
 * - `.pair`: two fields side by side once the pane is wide enough.
 */
export const csrConsoleStyles = css`
  .views { display: block; margin: 0 0 calc(var(--_space) * 1.5); border-bottom: 0.0625em solid var(--_border) }
  .views ul { display: flex; flex-wrap: wrap; gap: 0 calc(var(--_space) * 1.25); margin: 0; padding: 0; list-style: none }
  .views li { display: block; margin: 0 }
  .view-link { display: inline-block; padding: 0.5em 0.125em; text-decoration: none; font-weight: 700 }
  .view-link[aria-current='page'] { color: var(--_text); box-shadow: inset 0 -0.25em 0 var(--_primary) }
  .view-link:hover { text-decoration: underline }
  .actions a.button { text-decoration: none }
  .panes { display: flex; flex-direction: column; gap: 0 calc(var(--_space) * 1.5) }
  .panes--open .pane--detail { order: -1 }
  .pane { display: block; min-width: 0 }
  @container (min-width: 60em) {
    .panes { display: grid; grid-template-columns: minmax(18em, 2fr) minmax(0, 3fr); align-items: start }
    .panes--open .pane--detail { order: 0 }
    .program-list { max-height: 70vh; overflow-y: auto; border-bottom: 0.0625em solid var(--_border) }
  }
  .filters { grid-template-columns: repeat(auto-fill, minmax(10em, 1fr)) }
  .filters .field:first-child { grid-column: 1 / -1 }
  .program-list { display: block; margin: 0 0 var(--_space); padding: 0; list-style: none; border-top: 0.0625em solid var(--_border) }
  .program { display: block; margin: 0; padding: 0.5em 0.5em 0.5em 0.75em; border-bottom: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid transparent }
  .program--open { border-inline-start-color: var(--_primary); background: var(--_info-surface) }
  .program a { font-weight: 700; overflow-wrap: anywhere }
  .program .tags { margin-top: 0.25em }
  .small { display: block; font-size: 0.875em; font-weight: 400; overflow-wrap: anywhere }
  .tag--done { border-color: var(--_success); background: var(--_success-surface) }
  .tag--over { border-color: var(--_error); color: var(--_error); background: var(--_surface); font-weight: 700; white-space: normal }
  .over-note { display: block; max-width: 48em; margin: 0 0 var(--_space); padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_error); background: var(--_surface-alt); color: var(--_text); font-weight: 700 }
  .flag-box { display: block; max-width: 48em; margin: 0 0 var(--_space); padding: 0.75em var(--_space); border: 0.125em solid var(--_warning-border); border-inline-start-width: 0.5em; background: var(--_warning-surface) }
  .flag-box p { margin: 0 0 0.5em }
  .flag-box .field { margin-bottom: 0 }
  .others { margin: 0 0 0.75em; padding-inline-start: 1.25em }
  .others li { margin: 0 0 0.25em }
  .back { margin: 0 0 var(--_space) }
  .facts { display: flex; flex-wrap: wrap; align-items: center; gap: 0.375em var(--_space); margin: 0 0 var(--_space) }
  .money { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5em, 1fr)); gap: 0.5em var(--_space); max-width: 48em; margin: 0 0 var(--_space); padding: 0.75em var(--_space); border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .money div { margin: 0 }
  .money dt { margin: 0; font-size: 0.875em; color: var(--_muted) }
  .money dd { margin: 0; font-size: 1.125em; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap }
  .money--over { border: 0.1875em solid var(--_error) }
  .money--over div:last-child dd { color: var(--_error) }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr); align-items: start; gap: 0 var(--_space) }
  @container (min-width: 34em) {
    .pair { grid-template-columns: repeat(2, minmax(0, 1fr)) }
  }
  .form-grid { max-width: 44em }
  .rupiah-read { display: block; font-weight: 700; color: var(--_text) }
  .file-input { padding: 0.375em; min-height: 2.75em; max-width: 100%; background: var(--_surface-alt) }
  .upload { display: block; max-width: 44em; margin: 0 0 calc(var(--_space) * 1.5); padding: var(--_space); border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .upload .heading, .exports .heading { font-size: 1.125em }
  .exports { display: block; margin: var(--_space) 0 0 }
  .entries { display: block; max-width: 48em; margin: 0 0 0.5em; padding: 0; list-style: none; border-top: 0.0625em solid var(--_border) }
  .entry { display: block; margin: 0; padding: 0.75em 0; border-bottom: 0.0625em solid var(--_border) }
  .entry p { margin: 0 0 0.375em }
  .entry-head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 var(--_space) }
  .entry-amount { font-variant-numeric: tabular-nums }
  .entry-text { overflow-wrap: anywhere }
  .entries-total { max-width: 48em; margin: 0 0 var(--_space); font-weight: 700; text-align: end }
  .files { display: block; margin: 0 0 0.5em; padding: 0; list-style: none }
  .file { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.75em; margin: 0 0 0.25em }
  .file .small { display: inline }
  .file .button { margin: 0 }
  .entry-upload { display: block; margin: 0 0 0.5em }
  .entry-upload .label { font-size: 0.9375em }
  .entry-upload .field-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.375em }
  .entry-upload .hint { display: block; font-size: 0.875em }
  .confirm-remove { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 0.375em 0.5em; margin: 0 }
  .button--danger { background: var(--_error); border-color: var(--_error); color: #fff }
  td.contact { min-width: 12em; overflow-wrap: anywhere }
  th.name { font-weight: 700; overflow-wrap: anywhere }
  .empty { max-width: 48em; margin: 0 0 var(--_space) }
  .details { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5em var(--_space); max-width: 48em; margin: 0 0 var(--_space) }
  @container (min-width: 40em) {
    .details { grid-template-columns: repeat(2, minmax(0, 1fr)) }
    .detail--long { grid-column: 1 / -1 }
  }
  .details div { margin: 0 }
  .details dt { margin: 0; font-weight: 700 }
  .details dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere }
  .choices { display: flex; flex-wrap: wrap; gap: 0.5em calc(var(--_space) * 1.5); margin: 0 0 0.5em }
  .choices .choice { margin: 0 }
`;
