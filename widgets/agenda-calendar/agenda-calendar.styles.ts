/**
 * Styles of `<opd-agenda-calendar>` on top of the shared theme.
 *
 * @module
 */
import { css } from 'lit';

/**
 * The header and toolbar, the filters, the month and week grid, the list and the subscribe
 * links; the event dialog's are in its chunk (`event-dialog.ts`).
 *
 * - `.calendar` is a container: the toolbar, the filters and the grid's events lay themselves
 *   out by the widget's own width (below 36em a month's events shrink to marks, their text
 *   still read by a screen reader).
 * - The grid is a fixed-layout table: seven equal columns whatever the titles; a title is cut
 *   with an ellipsis in the month and wraps in the week.
 * - A cancelled event is struck through and labelled ("Dibatalkan") — not colour alone; a
 *   closed meeting is labelled; a tentative one has a dashed edge and its label in the list.
 * - Everything is in `em` of the host's size, so a page's 10 px root font changes nothing.
 */
export const agendaCalendarStyles = css`
  .base { line-height: var(--opd-line-height, 1.5) }
  .calendar { display: block; container-type: inline-size; margin: 0 }
  .header { display: block; margin: 0 0 calc(var(--_space) * 0.75) }
  .header .heading { margin-bottom: 0.25em; overflow-wrap: break-word }
  .note { display: block; margin: 0; font-size: 0.9375em }
  .muted { color: var(--_muted) }
  .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: calc(var(--_space) * 0.5) var(--_space); margin: 0 0 calc(var(--_space) * 0.75) }
  .toolbar .button { margin: 0 }
  .nav { display: flex; flex-wrap: nowrap; gap: 0.375em; margin: 0 }
  .nav-button { min-width: 2.75em; padding-inline: 0.5em; font-size: 1em }
  .nav-button span { display: inline-block; font-size: 1.375em; line-height: 0.9 }
  .period { display: block; flex: 1 1 10em; margin: 0; font-size: 1.25em; font-weight: 700; line-height: 1.25 }
  .views { display: flex; flex-wrap: nowrap; gap: 0; margin: 0 }
  .view-button { border-radius: 0; box-shadow: none; border: 0.125em solid var(--_border); margin: 0 }
  .view-button + .view-button { border-inline-start-width: 0 }
  .view-button:first-child { border-start-start-radius: var(--_radius); border-end-start-radius: var(--_radius) }
  .view-button:last-child { border-start-end-radius: var(--_radius); border-end-end-radius: var(--_radius) }
  .view-button[aria-pressed='true'] { color: var(--_on-primary); background: var(--_primary); border-color: var(--_primary) }
  /* On a 320px phone the three view buttons overran the widget's edge: narrower padding there. */
  @container (max-width: 20em) { .view-button { padding-inline: 0.625em } }
  .filters { display: flex; flex-wrap: wrap; gap: calc(var(--_space) * 0.5) var(--_space); margin: 0 0 var(--_space) }
  .filter { display: block; flex: 1 1 14em; min-width: 0; margin: 0 }
  .empty-notice { margin-bottom: var(--_space) }
  .grid { display: table; width: 100%; margin: 0 0 var(--_space); table-layout: fixed; border-collapse: collapse; border: 0.0625em solid var(--_border) }
  .grid th { display: table-cell; margin: 0; padding: 0.25em; border: 0.0625em solid var(--_border); background: var(--_surface-alt); font-weight: 700; font-size: 0.875em; text-align: center; overflow: hidden; text-overflow: ellipsis; white-space: nowrap }
  .grid td { display: table-cell; position: relative; height: 6.5em; margin: 0; padding: 0.25em; border: 0.0625em solid var(--_border); vertical-align: top; background: var(--_surface); cursor: default; overflow: hidden }
  .grid--week td { height: 14em }
  .grid td:focus { outline: 0.1875em solid var(--_focus); outline-offset: -0.1875em; z-index: 1 }
  .grid td:focus .day-number { color: var(--_focus-text); background: var(--_focus) }
  .grid td.outside { background: var(--_surface-alt) }
  .grid td.outside .day-number { color: var(--_muted); font-weight: 400 }
  .grid td.today { background: var(--opd-agenda-today, var(--_info-surface)) }
  .grid td.today .day-number { color: var(--_on-primary); background: var(--_primary) }
  .day-number { display: inline-block; min-width: 1.75em; margin: 0 0 0.125em; padding: 0 0.25em; border-radius: 1em; font-weight: 700; text-align: center; font-variant-numeric: tabular-nums }
  .chips { display: block; list-style: none; margin: 0; padding: 0 }
  .chips li { display: block; margin: 0 0 0.125em; padding: 0 }
  .chip, .more { display: block; width: 100%; margin: 0; padding: 0.0625em 0.25em; font: inherit; font-size: 0.8125em; line-height: 1.3; text-align: start; color: var(--_text); background: var(--opd-agenda-event, #e3edf8); border: 0; border-inline-start: 0.25em solid var(--opd-agenda-event-border, var(--_primary)); border-radius: 0.125em; cursor: pointer }
  .chip-text { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap }
  .grid--week .chip-text { white-space: normal; overflow-wrap: anywhere }
  .chip-time { font-weight: 700; font-variant-numeric: tabular-nums }
  .chip:hover .chip-title, .list-event:hover .list-title { text-decoration: underline }
  .chip:focus-visible, .more:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0 }
  .more { border-inline-start-color: transparent; background: none; color: var(--_primary); text-decoration: underline; font-weight: 700 }
  .event.cancelled { border-inline-start-color: var(--opd-agenda-cancelled, var(--_error)); background: var(--_surface-alt) }
  .event.cancelled .chip-title, .event.cancelled .list-title, .struck { text-decoration: line-through; text-decoration-thickness: 0.0625em }
  .event.tentative { border-inline-start-style: dashed }
  .event.passed { opacity: 0.85 }
  .flag { display: inline-block; margin: 0 0.25em 0 0; padding: 0 0.3em; border: 0.0625em solid var(--_border); border-radius: 0.2em; font-size: 0.875em; font-weight: 700; line-height: 1.35; text-decoration: none; white-space: nowrap; color: var(--_text); background: var(--_surface) }
  .chip .flag { font-size: 0.9em; padding: 0 0.2em }
  .flag--cancelled { color: var(--opd-agenda-cancelled, var(--_error)); border-color: currentColor }
  .flag--closed { border-style: dashed }
  @container (max-width: 36em) {
    .grid td { height: 4em; padding: 0.125em }
    .grid th { font-size: 0.75em; padding: 0.25em 0 }
    .day-number { min-width: 1.5em; font-size: 0.875em; padding: 0 }
    .grid--month .chips { display: flex; flex-wrap: wrap; gap: 0.125em }
    .grid--month .chips li { margin: 0 }
    .grid--month .chip { width: 0.625em; height: 0.625em; padding: 0; border: 0; border-radius: 50%; background: var(--opd-agenda-event-border, var(--_primary)) }
    .grid--month .chip.cancelled { background: none; border: 0.125em solid var(--opd-agenda-cancelled, var(--_error)) }
    .grid--month .chip-text { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap }
    .grid--month .more { padding: 0; font-size: 0.6875em; text-decoration: none }
    .grid--week td { height: 10em }
    .grid--week .chip { font-size: 0.6875em }
  }
  .list { display: block; list-style: none; margin: 0 0 var(--_space); padding: 0 }
  .list-day { display: block; margin: 0 0 var(--_space); padding: 0 }
  .list-date { display: block; margin: 0 0 0.375em; padding: 0.25em 0.5em; font-weight: 700; background: var(--_surface-alt); border-inline-start: 0.25em solid var(--_border) }
  .list-day--today .list-date { border-inline-start-color: var(--_primary) }
  .today-mark { display: inline-block; margin: 0 0 0 0.25em; padding: 0 0.35em; border-radius: 0.2em; font-size: 0.875em; color: var(--_on-primary); background: var(--_primary) }
  .list-events { display: block; list-style: none; margin: 0; padding: 0 }
  .list-events li { display: block; margin: 0 0 0.5em; padding: 0 }
  .list-event { display: block; width: 100%; margin: 0; padding: 0.5em 0.75em; font: inherit; text-align: start; color: var(--_text); background: var(--_surface); border: 0.0625em solid var(--_border); border-inline-start: 0.3125em solid var(--opd-agenda-event-border, var(--_primary)); border-radius: var(--_radius); cursor: pointer }
  .list-event:focus-visible { outline: 0.1875em solid var(--_focus); outline-offset: 0; box-shadow: inset 0 0 0 0.125em var(--_focus-text) }
  .list-time { display: block; margin: 0; font-weight: 700; font-variant-numeric: tabular-nums }
  .list-title { display: block; margin: 0; color: var(--_primary); font-weight: 700; overflow-wrap: break-word }
  .list-meta { display: block; margin: 0; color: var(--_muted); font-size: 0.9375em; overflow-wrap: break-word }
  .flags { display: block; margin: 0.25em 0 0 }
  .flags:empty { display: none }
  .subscribe { display: block; margin: 0; padding: calc(var(--_space) * 0.75); border: 0.0625em solid var(--_border); border-radius: var(--_radius); background: var(--_surface) }
  .subscribe .heading--small { margin-top: 0 }
  .subscribe-links { display: block; list-style: none; margin: 0 0 0.5em; padding: 0 }
  .subscribe-links li { display: block; margin: 0 0 0.375em; overflow-wrap: anywhere }
  .feed-url { display: block; margin: 0.125em 0 0; font-family: var(--_mono); font-size: 0.8125em; color: var(--_muted); overflow-wrap: anywhere }
  .loading { margin: 0 0 var(--_space) }
  @media (forced-colors: active) {
    .chip, .list-event, .grid td, .subscribe { border: 0.0625em solid CanvasText }
    .grid td.today .day-number { forced-color-adjust: none; color: Canvas; background: CanvasText }
  }
`;
