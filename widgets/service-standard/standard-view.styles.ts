/**
 * Styles of a service standard ({@link renderServiceStandard}), shared by
 * `<opd-service-standard>` and `<opd-service-directory>`, on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The standard's head, facts, checklist, steps, hours, location, complaints and pledge, and
 * the print stylesheet.
 *
 * - The requirements are real checkboxes with their labels, so a citizen can tick them on a
 *   phone; printed, they are empty boxes to tick on paper.
 * - Steps are numbered by the list itself (an `ol`), in a circle that says the number.
 * - `@media print`: buttons never print; with the host's `.printing` class (set by the print
 *   button) only the requirements print, with the service's name and the OPD and version.
 * - Everything is in `em` of the host's size, so a page's 10 px root font changes nothing.
 */
export const standardViewStyles = css`
  .standard { display: block; margin: 0 }
  .standard-head { display: block; margin: 0 0 var(--_space) }
  .standard-title { margin: 0 0 0.25em; font-size: 1.375em; line-height: 1.25; overflow-wrap: break-word }
  .standard-title:focus { outline: none }
  .standard .meta { display: block; margin: 0 0 0.5em; color: var(--_muted); overflow-wrap: break-word }
  .standard .badges { display: flex; flex-wrap: wrap; gap: 0.375em; margin: 0 0 0.5em }
  .standard .badge { display: inline-block; margin: 0; padding: 0 0.4em; border: 0.0625em solid var(--_border); border-radius: 0.2em; font-size: 0.875em; font-weight: 700; line-height: 1.5; color: var(--_text); background: var(--opd-service-badge, var(--_surface-alt)) }
  .standard .badge--online { background: var(--opd-service-online, #e3edf8); border-color: var(--_primary) }
  .standard .badge--free { background: var(--opd-service-free, #e6f4ea); border-color: #2e7d32 }
  .standard .note { display: block; margin: 0 0 0.5em; font-size: 0.9375em }
  .standard .muted { color: var(--_muted) }
  .summary { display: block; margin: 0; overflow-wrap: break-word }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5em var(--_space); margin: 0 }
  .actions:empty { display: none }
  .actions .button { margin: 0 0 var(--_space); text-decoration: none }
  .facts { display: grid; grid-template-columns: 1fr; gap: 0.75em var(--_space); margin: 0 0 var(--_space); padding: 0.75em var(--_space); background: var(--_surface-alt); border-radius: var(--_radius) }
  @container (min-width: 36em) { .facts { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  .facts > div { display: block; margin: 0; min-width: 0 }
  .facts dt { display: block; margin: 0; color: var(--_muted); font-size: 0.9375em }
  .facts dd { display: block; margin: 0; overflow-wrap: break-word }
  .cost-basis { display: block; margin: 0.25em 0 0; font-size: 0.9375em; color: var(--_muted) }
  .section { display: block; margin: 0 0 var(--_space) }
  .section > .heading--small, .section-head .heading--small { margin: 0 0 0.375em; font-size: 1.125em; font-weight: 700 }
  .section-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25em var(--_space); margin: 0 0 0.25em }
  .section-head .heading--small { margin: 0 }
  .section-head .button { margin: 0 }
  .requirements { padding: 0.75em var(--_space); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius) }
  .requirements .hint { margin: 0 0 0.5em }
  .checklist { display: block; list-style: none; margin: 0; padding: 0 }
  .checklist .choice { margin: 0 0 0.5em }
  .checklist .label { overflow-wrap: break-word; min-width: 0 }
  .steps { display: block; list-style: none; counter-reset: step; margin: 0; padding: 0 }
  .step { display: block; position: relative; counter-increment: step; margin: 0 0 0.5em; padding: 0 0 0 2.25em; min-height: 1.75em; overflow-wrap: break-word }
  .step::before { content: counter(step); position: absolute; left: 0; top: 0; width: 1.625em; height: 1.625em; line-height: 1.625em; text-align: center; font-weight: 700; font-size: 0.9375em; color: var(--_on-primary); background: var(--_primary); border-radius: 50% }
  .columns { display: grid; grid-template-columns: 1fr; gap: 0 var(--_space) }
  @container (min-width: 36em) { .columns { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  .hours { display: block; margin: 0 }
  .hours-row { display: flex; flex-wrap: wrap; gap: 0 0.5em; margin: 0 0 0.125em }
  .hours-row dt { display: block; margin: 0; font-weight: 700; min-width: 8em }
  .hours-row dd { display: block; margin: 0 }
  .hours-note { display: block; margin: 0.25em 0 0; font-size: 0.9375em }
  .location { display: block; margin: 0; overflow-wrap: break-word }
  .channels { display: block; margin: 0 0 0.5em; padding: 0 0 0 1.25em; list-style: disc }
  .channels li { display: list-item; margin: 0 0 0.125em; overflow-wrap: anywhere }
  .ask-hint { display: block; margin: 0 }
  .pledge-text { display: block; margin: 0 0 0.25em; padding: 0.5em var(--_space); border-inline-start: 0.25em solid var(--_border); font-style: italic; white-space: pre-line; overflow-wrap: break-word }
  .pledge-by { display: block; margin: 0; color: var(--_muted) }
  .version { display: block; margin: 0; font-size: 0.9375em }
  .print-only { display: none }
  @media print {
    .button, .link-button, .screen-only { display: none !important }
    .printing .standard > :not(.requirements) { display: none !important }
    .printing .requirements { border: 0; padding: 0 }
    .printing .requirements .section-head { display: none }
    .printing .print-only { display: block; margin: 0 0 0.75em }
    .printing .print-title { font-size: 1.25em; font-weight: 700 }
    .printing .print-footer { margin: 1em 0 0; font-size: 0.875em }
    .checkbox { appearance: none; -webkit-appearance: none; width: 1.1em; height: 1.1em; border: 0.1em solid #000; background: #fff }
    .checklist .choice { break-inside: avoid }
  }
  @media (forced-colors: active) {
    .standard .badge, .requirements { border: 0.0625em solid CanvasText }
    .step::before { forced-color-adjust: none; background: CanvasText; color: Canvas }
  }
`;
