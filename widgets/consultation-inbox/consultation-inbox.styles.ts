/**
 * Styles of `<opd-consultation-inbox>` on top of the shared theme. Everything in `em`; the
 * panes follow the inbox's own width (a container): the list and the open question side by
 * side when there is room (a desk, a tablet held across), one above the other otherwise,
 * where an open question takes the whole width and "Kembali ke daftar" leads back.
 *
 * @module
 */
import { css } from 'lit';

/**
 * Queues, toolbar, list, detail pane, internal notes, the shortcut dialog.
 *
 * - Internal notes (`.internal`) are never seen by citizens and must look it: a dashed warning
 *   border on a warning background, the words "tidak terlihat warga" on each; public notes
 *   (`.public`) carry the info colour and say they are shown on the status page.
 * - Narrow: one pane at a time, an open question hides the list. From 44em (the inbox's own
 *   width) the list and the question sit side by side.
 */
export const consultationInboxStyles = css`
  .base { line-height: var(--opd-line-height, 1.5); container-type: inline-size; container-name: inbox }
  .muted { display: block; margin: 0; color: var(--_muted) }
  .empty { padding: var(--_space) 0 }
  .queues { display: flex; flex-wrap: wrap; gap: 0.375em; margin: 0 0 var(--_space) }
  .queue { display: inline-flex; align-items: center; gap: 0.5em; min-height: 2.5em; margin: 0; padding: 0.3125em 0.75em; font: inherit; color: var(--_text); background: var(--_surface); border: 0.125em solid var(--_border); border-radius: 1.25em; cursor: pointer }
  .queue:hover { border-color: var(--_primary) }
  .queue--current { color: var(--_on-primary); background: var(--_primary); border-color: var(--_primary); font-weight: 700 }
  .queue-count { display: inline-block; min-width: 1.75em; padding: 0 0.375em; border-radius: 0.875em; background: var(--_surface-alt); color: var(--_text); font-weight: 700; text-align: center }
  .queue--warn .queue-count { background: var(--_warning-surface); outline: 0.0625em solid var(--_warning-border) }
  .queue:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0.0625em; box-shadow: inset 0 0 0 0.125em var(--_focus-text) }
  .toolbar { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 0.5em var(--_space); margin: 0 0 var(--_space) }
  .search { flex: 1 1 22em; min-width: 0; max-width: 44em }
  .search .field { margin-bottom: 0 }
  .search .input { flex: 1 1 12em; width: auto; min-width: 0 }
  .search .field-row .button { margin: 0 }
  .button--small { min-height: 2.25em; padding: 0.3125em 0.75em; margin: 0 }
  kbd { display: inline-block; min-width: 1.5em; padding: 0 0.3125em; border: 0.0625em solid currentColor; border-radius: 0.25em; font-family: var(--_mono); font-size: 0.875em; line-height: 1.4; text-align: center }
  .panes { display: block }
  .list-pane, .detail-pane { display: block; min-width: 0; margin: 0 }
  .heading--pane { font-size: 1.125em; margin: 0 0 0.5em }
  .list { display: block; margin: 0 0 var(--_space); padding: 0; list-style: none; border-top: 0.0625em solid var(--_border) }
  .item { display: block; margin: 0; border-bottom: 0.0625em solid var(--_border) }
  .item a { display: block; padding: 0.625em 0.75em; color: var(--_text); text-decoration: none; border-inline-start: 0.3125em solid transparent }
  .item a:hover .item-subject { text-decoration: underline }
  .item--current a { background: var(--_info-surface); border-inline-start-color: var(--_primary) }
  .item a:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: -0.1875em; color: var(--_text); background: var(--_surface-alt); box-shadow: none }
  .item-subject { display: block; font-weight: 700; color: var(--_primary); overflow-wrap: anywhere }
  .item-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.125em 0.625em; margin: 0.25em 0 0; font-size: 0.9375em }
  .code { font-family: var(--_mono); letter-spacing: 0.02em; white-space: nowrap }
  .badge { display: inline-block; padding: 0 0.5em; border: 0.0625em solid currentColor; border-radius: 0.75em; font-size: 0.875em; font-weight: 700; line-height: 1.5; white-space: nowrap; color: var(--_text); background: var(--_surface-alt) }
  .badge--received { color: var(--_primary); background: var(--_info-surface) }
  .badge--in_progress, .badge--today { border-color: var(--_warning-border); background: var(--_warning-surface) }
  .badge--answered { color: var(--_success); background: var(--_success-surface) }
  .badge--overdue { color: var(--_error); background: var(--_surface) }
  .shown { margin: 0 0 0.5em }
  .back { display: inline-block; margin: 0 0 0.75em }
  .detail-meta { display: flex; flex-wrap: wrap; align-items: center; gap: 0.25em 0.625em; margin: 0 0 var(--_space) }
  .audited { margin: 0 0 0.5em; font-size: 0.9375em; color: var(--_muted) }
  .facts { display: block; margin: 0 0 var(--_space) }
  .facts > div { display: block; margin: 0 0 0.5em }
  .facts dt { display: block; margin: 0; font-weight: 700 }
  .facts dd { display: block; min-width: 0; margin: 0; overflow-wrap: anywhere }
  .facts q { display: block; font-style: italic }
  .message, .answer { display: block; margin: 0 0 var(--_space); padding: 0.75em var(--_space); background: var(--_surface-alt); border-inline-start: 0.3125em solid var(--_border); white-space: pre-wrap; overflow-wrap: anywhere }
  .answer { margin-bottom: 0.25em; border-inline-start-color: var(--_success) }
  .subform { display: block; margin: calc(var(--_space) * 1.5) 0 0; padding: var(--_space) 0 0; border-top: 0.0625em solid var(--_border) }
  .subform .heading--small { margin-top: 0 }
  .field-row--end { align-items: flex-end; margin: 0 0 var(--_space) }
  .field-row--end .field { flex: 1 1 14em; min-width: 0; margin: 0 }
  .field-row--end .button { margin: 0 }
  .done { margin: 0 0 0.75em; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_success); background: var(--_success-surface); font-weight: 700 }
  .internal { display: block; margin: 0 0 var(--_space); padding: 0.625em 0.75em; border: 0.125em dashed var(--_warning-border); border-radius: var(--_radius); background: var(--_warning-surface) }
  .internal .field { margin: 0 }
  .internal-badge, .public-badge { display: block; margin: 0 0 0.25em; font-size: 0.875em; font-weight: 700 }
  .notes { display: block; margin: 0 0 var(--_space); padding: 0; list-style: none }
  .internal-note { margin: 0 0 0.5em }
  .note-text { display: block; white-space: pre-wrap; overflow-wrap: anywhere }
  .public { display: block; margin: 0.375em 0 0; padding: 0.5em 0.75em; border-inline-start: 0.25em solid var(--_primary); background: var(--_info-surface) }
  .public-note .field { margin-bottom: var(--_space) }
  .timeline { display: block; margin: 0; padding: 0; list-style: none; border-inline-start: 0.1875em solid var(--_secondary) }
  .timeline li { display: block; margin: 0 0 0.75em; padding: 0 0 0 1em }
  .timeline .internal-note { margin: 0.375em 0 0 }
  .timeline-status { display: block; font-weight: 700 }
  .shortcuts { max-width: min(32em, calc(100vw - 2em)); padding: calc(var(--_space) * 1.25); border: 0.125em solid var(--_border); border-radius: var(--_radius); color: var(--_text); background: var(--_surface) }
  .shortcuts::backdrop { background: rgb(0 0 0 / 0.45) }
  .keys { display: grid; grid-template-columns: auto 1fr; gap: 0.5em var(--_space); margin: var(--_space) 0 }
  .keys > div { display: contents }
  .keys dt, .keys dd { margin: 0 }
  .detail-pane { container-type: inline-size; container-name: detail }
  .inbox--open .list-pane { display: none }
  .inbox:not(.inbox--open) .detail-pane { display: none }
  @container inbox (min-width: 44em) {
    .panes { display: grid; grid-template-columns: minmax(16em, 2fr) minmax(0, 3fr); gap: calc(var(--_space) * 1.25); align-items: start }
    .inbox--open .list-pane, .inbox:not(.inbox--open) .detail-pane { display: block }
    .back { display: none }
    .detail-pane { padding: var(--_space); border: 0.0625em solid var(--_border); border-radius: var(--_radius) }
  }
  @container detail (min-width: 30em) {
    .facts { display: grid; grid-template-columns: minmax(7em, 11em) minmax(0, 1fr); gap: 0.25em var(--_space) }
    .facts > div { display: contents }
  }
  @media (forced-colors: active) {
    .queue--current, .item--current a { border-color: Highlight }
    .internal { border-style: dashed }
  }
`;
