/**
 * Styles of `<opd-satisfaction-survey>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The elements as a numbered list of radio groups, each answer a large target (at least
 * 2.75em tall) that wraps: four in a row where the widget is wide, two or one on a phone
 * (`container` queries on the form's own width). The loading frame keeps the height of the
 * form's top, so the page does not jump when the survey arrives.
 */
export const satisfactionSurveyStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .survey, .form { display: block; container-type: inline-size; margin: 0 }
  .muted { color: var(--_muted) }
  .intro { display: block; margin: 0 0 var(--_space) }
  .loading-frame { display: flex; align-items: center; min-height: 24em; margin: 0; padding: var(--_space); border: 0.0625em solid var(--_secondary); border-radius: var(--_radius) }
  .loading { margin: 0 }
  .elements { display: block; list-style: none; margin: 0; padding: 0 }
  .element { display: block; margin: 0 0 calc(var(--_space) * 1.25); padding: 0 }
  .scale { display: block; min-width: 0; margin: 0; padding: 0; border: 0 }
  .scale .legend { margin: 0 0 0.25em }
  .scale .hint { display: block; margin: 0 0 0.5em }
  .scale.field--error { padding-inline-start: 0.75em; border-inline-start: 0.3125em solid var(--_error) }
  .options { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5em; margin: 0 }
  @container (min-width: 26em) { .options { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  @container (min-width: 44em) { .options { grid-template-columns: repeat(4, minmax(0, 1fr)) } }
  .option { display: flex; align-items: center; gap: 0.5em; min-height: 2.75em; margin: 0; padding: 0.375em 0.625em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface); cursor: pointer; font-weight: 400 }
  .option--checked { border-color: var(--_primary); box-shadow: inset 0 0 0 0.0625em var(--_primary); background: var(--_surface-alt) }
  .radio { flex: none; width: 1.25em; height: 1.25em; margin: 0; accent-color: var(--_primary) }
  .radio:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0.125em }
  .option-value { flex: none; display: inline-block; min-width: 1em; font-weight: 700; font-variant-numeric: tabular-nums }
  .option-label { display: inline-block; min-width: 0; overflow-wrap: break-word }
  .source { display: block; margin: 0 0 var(--_space); font-size: 0.875em }
  .actions { display: block; margin: 0 }
  .success { display: block; margin: 0; padding: calc(var(--_space) * 1.25); border: 0.1875em solid var(--_success); background: var(--_success-surface) }
  .success p { display: block; margin: 0 0 0.75em }
  .success p:last-child { margin-bottom: 0 }
  @media (forced-colors: active) { .option--checked { border: 0.1875em solid Highlight } }
`;
