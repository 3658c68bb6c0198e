/**
 * The days-off page's own styles, on top of the console pages' (`kit/page-styles.ts`). Everything in `em`.
 *
 * @module
 */
import { css } from 'lit';

/**
 * - `.year-bar`: the year's heading with the links to the previous and next year beside it
 *   (under it on a narrow screen).
 * - `.note`: the one line on due dates, set apart from the intro.
 * - `tr.editing`: the day the form below is changing; `.confirm-row` the question before removing
 *   one, under its row and across the table.
 */
export const holidaysStyles = css`
  .note { margin: 0 0 calc(var(--_space) * 1.5); max-width: 48em; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--_primary); background: var(--_info-surface) }
  .year-bar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5em var(--_space); margin: 0 0 var(--_space) }
  .year-bar > .heading { margin: 0 }
  .year-nav { display: flex; flex-wrap: wrap; gap: 0.5em }
  .year-link { display: inline-block; min-width: 5.5em; padding: 0.375em 0.75em; border: 0.0625em solid var(--_border); border-radius: var(--_radius); text-align: center; font-variant-numeric: tabular-nums }
  td.date { white-space: nowrap }
  .actions-cell .row-actions { flex-wrap: nowrap }
  .weekday { display: block; color: var(--_muted); font-size: 0.9375em }
  .confirm-row > td { border-top: 0; padding-top: 0 }
  .confirm-row .confirm { max-width: 40em; padding: 0.75em; border-inline-start: 0.3125em solid var(--_error); background: var(--_surface) }
  tbody th.name { font-weight: 400 }
  tr.editing > * { background: var(--_info-surface) }
  .tag--regional { border-color: var(--_primary) }
  .fixed-date { margin: 0.25em 0 0; font-weight: 700 }
  .empty { max-width: 48em; margin: 0 0 var(--_space) }
`;
