/**
 * Styles of `<opd-service-directory>` on top of the shared theme and the standard's own
 * ({@link standardViewStyles}).
 *
 * @module
 */
import { css } from 'lit';

/**
 * The search form and filters, the count line, the service cards, the "more" button and the
 * standard shown in place of the list.
 *
 * - `.base` is a container: the filters sit two or four to a row by the widget's own width,
 *   one under another on a phone; the cards two to a row on a wide page.
 * - The count line keeps its height whether it is empty or not, the clear button keeps its
 *   room while hidden, and the first load reserves room for the results, so nothing jumps
 *   while a search is on its way; stale results are dimmed while the next ones come.
 * - A badge says its state in words (Daring, Di loket, Gratis, Rp 50.000) — not colour alone.
 * - Printing: the directory's search and list never print while a standard is open; with
 *   the print button, only its checklist prints (the standard's stylesheet).
 * - Everything is in `em` of the host's size, so a page's 10 px root font changes nothing.
 */
export const serviceDirectoryStyles = css`
  .base { container-type: inline-size }
  .header { display: block; margin: 0 0 var(--_space) }
  .header .heading { margin-bottom: 0.25em; overflow-wrap: break-word }
  .note { display: block; margin: 0; font-size: 0.9375em }
  .muted { color: var(--_muted) }
  .directory[hidden] { display: none }
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
  .list { display: grid; grid-template-columns: 1fr; gap: 0.75em var(--_space); list-style: none; margin: 0 0 var(--_space); padding: 0 }
  @container (min-width: 48em) { .list { grid-template-columns: repeat(2, minmax(0, 1fr)) } }
  .list > li { display: block; margin: 0; padding: 0; min-width: 0 }
  .result { display: block; height: 100%; box-sizing: border-box; margin: 0; padding: 0.75em var(--_space); background: var(--_surface); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--_primary); border-radius: var(--_radius) }
  .result-heading { display: block; margin: 0 0 0.25em; font-size: 1.125em; line-height: 1.3; font-weight: 700 }
  .result-title { display: inline; margin: 0; padding: 0; font: inherit; font-weight: 700; text-align: start; color: var(--_primary); background: none; border: 0; text-decoration: underline; text-underline-offset: 0.15em; cursor: pointer; overflow-wrap: anywhere }
  .result-title:hover { text-decoration-thickness: 0.125em }
  .result-title:focus-visible { outline: 0.1875em solid transparent; color: var(--_focus-text); background: var(--_focus); box-shadow: 0 -2px var(--_focus), 0 0.25em var(--_focus-text); text-decoration: none }
  .result .meta { display: block; margin: 0 0 0.375em; color: var(--_muted); font-size: 0.9375em; overflow-wrap: break-word }
  .result .badges { display: flex; flex-wrap: wrap; gap: 0.375em; margin: 0 0 0.375em }
  .result .badge { display: inline-block; margin: 0; padding: 0 0.4em; border: 0.0625em solid var(--_border); border-radius: 0.2em; font-size: 0.875em; font-weight: 700; line-height: 1.5; white-space: nowrap; color: var(--_text); background: var(--opd-service-badge, var(--_surface-alt)) }
  .result .badge--online { background: var(--opd-service-online, #e3edf8); border-color: var(--_primary) }
  .result .badge--free { background: var(--opd-service-free, #e6f4ea); border-color: #2e7d32 }
  .result-time { display: block; margin: 0; font-size: 0.9375em; overflow-wrap: break-word }
  .more-row { display: block; margin: 0 0 var(--_space) }
  .more-row .button { margin: 0 }
  .more-notice { margin-bottom: 0.5em }
  .empty-notice, .list-notice { margin-bottom: var(--_space) }
  .detail { display: block; margin: 0 }
  .detail .back { margin: 0 0 var(--_space) }
  @media print {
    .base--detail .header { display: none }
    .visually-hidden { display: none }
  }
  @media (forced-colors: active) {
    .result, .result .badge { border: 0.0625em solid CanvasText }
  }
`;
