/**
 * The privacy page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.reveal`: the number of days, shown under its option when that option is chosen (GOV.UK's
 *   conditional reveal: indented, with a bar on its start side).
 * - `.note`: what the audit log records, set apart from the intro.
 * - `.erase-panel`: the confirmation before an erasure; `.button--warning` its button.
 * - `.record`: one case of an export, its data as a list of names and values.
 */
export const privacyStyles = css`
  .note { margin: 0 0 var(--_space); max-width: 48em; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_primary); background: var(--_info-surface) }
  .current { margin: 0 0 var(--_space); font-weight: 700 }
  .reveal { margin: 0 0 var(--_space) 1.125em; padding-inline-start: 1.25em; border-inline-start: 0.25em solid var(--_border) }
  .reveal .field { margin-bottom: 0 }
  .unit { align-self: center }
  .erase-panel { display: block; max-width: 44em; margin: 0 0 var(--_space); padding: var(--_space); border: 0.1875em solid var(--_error); border-radius: var(--_radius); background: var(--_surface) }
  .erase-panel p { margin: 0 0 0.5em }
  .erase-panel .heading { margin-top: 0 }
  .erase-panel .actions { margin: var(--_space) 0 0 }
  .button--warning { color: var(--_on-primary); background: var(--_error); border-color: var(--_error) }
  .button--warning:hover { color: var(--_on-primary); background: var(--_error); text-decoration: underline }
  .cases, .counts { margin: 0 0 0.5em; padding-inline-start: 1.25em }
  .erased { max-width: 44em }
  .erased .heading { margin-top: 0 }
  .export { display: block; margin: calc(var(--_space) * 1.5) 0 0 }
  .export > .heading { margin-top: 0 }
  .export > p { margin: 0 0 0.5em }
  .download { margin-top: var(--_space) }
  .download p { max-width: 32em }
  .module { display: block; margin: var(--_space) 0 0 }
  .record { display: block; margin: 0 0 var(--_space); padding: 0.75em var(--_space); border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  .record-title { font-weight: 700; margin: 0 }
  .record-meta { margin: 0 0 0.5em }
  .record-data { display: block; margin: 0 }
  .pair { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 var(--_space); padding: 0.375em 0; border-top: 0.0625em solid var(--_border) }
  .pair dt { font-weight: 700; margin: 0 }
  .pair dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere }
  .empty { color: var(--_muted); font-style: italic }
  .items { margin: 0; padding-inline-start: 1.25em }
  .items > li { margin: 0 0 0.375em }
  .item { display: block }
  .item-name { font-weight: 700 }
  @container (min-width: 40em) {
    .pair { grid-template-columns: minmax(0, 14em) minmax(0, 1fr) }
  }
`;
