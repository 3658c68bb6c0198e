/**
 * Styles of `<opd-innovation-list>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The search form and filters, the count line, the results, the "more" button and the details
 * dialog.
 *
 * - `.base` is a container: the filters sit two or four to a row by the widget's own width,
 *   one under another on a phone.
 * - The count line keeps its height whether it is empty or not (one short line; "Menampilkan
 *   10 dari 29" sits by the more button), the clear button keeps its room while hidden, and
 *   the first load reserves room for the results, so nothing jumps while a search is on its
 *   way; stale results are dimmed while the next ones come.
 * - A badge says its state in words (Digital, Non digital, Penerapan) — not colour alone.
 * - Everything is in `em` of the host's size, so a page's 10 px root font changes nothing.
 */
export const innovationListStyles = css`
  .base { container-type: inline-size }
  .header { display: block; margin: 0 0 var(--_space) }
  .header .heading { margin-bottom: 0.25em; overflow-wrap: break-word }
  .note { display: block; margin: 0; font-size: 0.9375em }
  .muted { color: var(--_muted) }
  .search { display: block; margin: 0 0 calc(var(--_space) * 0.5) }
  .search-field { margin-bottom: var(--_space) }
  .search-row { display: flex; flex-wrap: nowrap; gap: 0.5em; margin: 0 }
  .search-input { flex: 1 1 auto; min-width: 0 }
  .search-input::-webkit-search-cancel-button { appearance: auto }
  .search-row .button { flex: none; margin: 0 }
  .filters { display: grid; grid-template-columns: 1fr; gap: calc(var(--_space) * 0.75) var(--_space); margin: 0 }
  .filter { display: block; min-width: 0; margin: 0 }
  .filter .input { width: 100% }
  @container (min-width: 30em) { .filters { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  @container (min-width: 60em) { .filters { grid-template-columns: repeat(4, minmax(0, 1fr)) } }
  .count-row { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25em var(--_space); min-height: 2.5em; margin: 0 0 0.5em; padding: 0.5em 0 0; border-top: 0.0625em solid var(--_border) }
  .count-line { display: block; min-height: 1.5em; margin: 0; font-weight: 700 }
  .clear { flex: none }
  .clear--hidden { visibility: hidden }
  .shown { display: block; margin: 0 0 0.5em }
  .results { display: block; margin: 0 }
  .results--loading { min-height: 20em }
  .results--stale .list { opacity: 0.55 }
  .synthetic { margin: 0 0 0.5em }
  .list { display: block; list-style: none; margin: 0 0 var(--_space); padding: 0 }
  .list > li { display: block; margin: 0 0 0.75em; padding: 0 }
  .result { display: block; margin: 0; padding: 0.75em var(--_space); background: var(--_surface); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius) }
  .result-heading { display: block; margin: 0 0 0.25em; font-size: 1.125em; line-height: 1.3; font-weight: 700 }
  .result-title { display: inline; margin: 0; padding: 0; font: inherit; font-weight: 700; text-align: start; color: var(--_primary); background: none; border: 0; text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer; overflow-wrap: anywhere }
  .result-title:hover { text-decoration-thickness: 0.125em }
  .result-title:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
  .meta { display: block; margin: 0 0 0.25em; color: var(--_muted); font-size: 0.9375em; overflow-wrap: break-word }
  .meta--type { color: var(--_text) }
  .excerpt { display: block; margin: 0.25em 0 0; overflow-wrap: break-word }
  .badges { display: inline-flex; flex-wrap: wrap; gap: 0.25em; margin: 0 0 0 0.25em; vertical-align: baseline }
  .badge { display: inline-block; margin: 0; padding: 0 0.4em; border: 0.0625em solid var(--_border); border-radius: 0.2em; font-size: 0.875em; font-weight: 700; line-height: 1.4; white-space: nowrap; color: var(--_text); background: var(--opd-innovation-badge, var(--_surface-alt)) }
  .badge--digital { background: var(--opd-innovation-digital, #e3edf8); border-color: var(--_primary) }
  .more-row { display: block; margin: 0 0 var(--_space) }
  .more-row .button { margin: 0 }
  .more-notice { margin-bottom: 0.5em }
  .empty-notice, .list-notice { margin-bottom: var(--_space) }
  .dialog { width: min(44em, calc(100vw - 1em)); max-width: none; max-height: calc(100vh - 2em); margin: auto; padding: 0; color: var(--_text); background: var(--_surface); border: 0.125em solid var(--_border); border-radius: var(--_radius); font-size: 1em }
  .dialog::backdrop { background: rgb(0 0 0 / 0.5) }
  .dialog-box { display: block; margin: 0; padding: var(--_space) }
  .dialog-head { display: flex; align-items: flex-start; justify-content: space-between; gap: var(--_space); margin: 0 0 0.5em }
  .dialog-head .heading { margin: 0; font-size: 1.25em; overflow-wrap: break-word; min-width: 0 }
  .dialog-head .close { flex: none; margin: 0 }
  .flags { display: block; margin: 0 0 0.5em }
  .flags .badges { margin: 0 }
  .details { display: grid; grid-template-columns: 1fr; gap: 0.5em var(--_space); margin: 0.75em 0 0 }
  @container (min-width: 30em) { .details { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  .dialog .details { grid-template-columns: repeat(auto-fit, minmax(min(10em, 45%), 1fr)) }
  .details > div { display: block; margin: 0 }
  .details dt { display: block; margin: 0; color: var(--_muted); font-size: 0.9375em }
  .details dd { display: block; margin: 0; overflow-wrap: break-word }
  .section { display: block; margin: 0 }
  .section .heading--small { margin-block: calc(var(--_space) * 1.25) 0.25em; font-size: 1.0625em }
  .prose { display: block; margin: 0; white-space: pre-line; overflow-wrap: break-word }
  .stages { display: block; list-style: none; margin: 0; padding: 0 }
  .stage { display: block; margin: 0 0 0.25em; padding: 0 0 0 1.25em; position: relative }
  .stage::before { content: ''; position: absolute; left: 0.25em; top: 0.45em; width: 0.625em; height: 0.625em; border: 0.125em solid var(--_border); border-radius: 50% }
  .stage--reached::before { background: var(--_primary); border-color: var(--_primary) }
  .stage-name { font-weight: 700 }
  .evidence { display: block; list-style: none; margin: 0; padding: 0 }
  .indicator { display: block; margin: 0 0 0.5em; padding: 0 }
  .indicator-name { display: block; margin: 0; font-weight: 700; overflow-wrap: break-word }
  .indicator-name::first-letter { text-transform: uppercase }
  .files { display: block; list-style: none; margin: 0; padding: 0 0 0 0.75em }
  .files li { display: block; margin: 0 0 0.125em; overflow-wrap: anywhere }
  .file-meta { font-size: 0.875em; white-space: nowrap }
  @media (forced-colors: active) {
    .result, .badge { border: 0.0625em solid CanvasText }
    .stage--reached::before { forced-color-adjust: none; background: CanvasText }
  }
`;
