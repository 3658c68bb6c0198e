/**
 * The event dialog of `<opd-agenda-calendar>`: one event's details (when, where, the body and
 * kind, the online link, documents, the change log, "add to my calendar" and its page) or the
 * list of one day's events, with its styles and its copy. A chunk of its own: the calendar
 * imports it when the citizen points at or focuses the calendar, at the latest on opening an
 * event or a day, so a page that only shows the agenda carries none of it up front.
 *
 * @module
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { AgendaEvent } from '../../src/schemas/agenda.js';
import type { LocalizeController } from '../shared/localize.js';
import { dayDate, eventDays, type DayKey } from './dates.js';
import { dialogEn } from './i18n/dialog-en.js';
import { dialogId, type DialogMessages } from './i18n/dialog-id.js';
import type { AgendaCalendarMessages } from './i18n/id.js';

/** The dialog's copy in the calendar's language. */
const words = (host: DialogHost): DialogMessages => (host.t.lang === 'en' ? dialogEn : dialogId);

/** What the dialog shows: one event (opened from a day, or from the list), or a day's events. */
export type Dialog = { kind: 'event'; event: AgendaEvent; day: DayKey | null } | { kind: 'day'; day: DayKey };

/** What the dialog reads of the calendar and asks it to do. */
export interface DialogHost {
  readonly t: LocalizeController<AgendaCalendarMessages>;
  /** The council's zone. */
  readonly zone: string;
  /** A kept formatter in the language. */
  format(options: Intl.DateTimeFormatOptions, zone?: string): Intl.DateTimeFormat;
  /** `Rabu, 9 Desember 2026`. */
  fullDay(day: DayKey): string;
  /** `10.00` in a zone. */
  time(instant: string, zone: string): string;
  /** `10.00–12.00`, with the zone when not the council's. */
  shortTime(event: AgendaEvent): string;
  /** `WIB` for Asia/Jakarta. */
  zoneLabel(zone: string): string;
  /** The event's parts and classes (`event cancelled closed`). */
  eventParts(event: AgendaEvent): string;
  /** "Diundur" / "Dimajukan" when it was moved. */
  movedLabel(event: AgendaEvent): string | undefined;
  /** The kind's name in the language. */
  kindName(event: AgendaEvent): string;
  /** The events shown on a day. */
  dayEvents(day: DayKey): AgendaEvent[];
  /** Shows an event's details (from a day's list: `day`); `opener` takes the focus back. */
  openEvent(event: AgendaEvent, opener: HTMLElement | undefined, day: DayKey | null): void;
  /** Goes back to the day's list. */
  openDayList(day: DayKey): void;
  /** Closes the dialog. */
  close(): void;
}

/** The dialog's content. */
export function renderDialog(host: DialogHost, dialog: Dialog): TemplateResult {
  const w = words(host);
  return html`<div class="dialog-box">
    <div class="dialog-head">
      ${dialog.kind === 'event'
        ? html`<h2 class=${`dialog-title heading${dialog.event.status === 'cancelled' ? ' struck' : ''}`} id="dialog-title" tabindex="-1">${dialog.event.title}</h2>`
        : html`<h2 class="dialog-title heading" id="dialog-title" tabindex="-1">${w['dialog.dayTitle'](host.fullDay(dialog.day))}</h2>`}
      <button part="button" type="button" class="button button--secondary close" @click=${() => host.close()}>${w['dialog.close']}</button>
    </div>
    ${dialog.kind === 'event' ? renderEventDetails(host, dialog.event, dialog.day) : renderDayEvents(host, dialog.day)}
  </div>`;
}

function renderDayEvents(host: DialogHost, day: DayKey): TemplateResult {
  const t = host.t;
  return html`<ul class="list-events" role="list">
    ${host.dayEvents(day).map((event) => {
      const parts = host.eventParts(event);
      return html`<li>
        <button part=${parts} type="button" class=${`list-event ${parts}`} data-event=${event.id} @click=${() => host.openEvent(event, undefined, day)}>
          <span class="list-time">${host.shortTime(event)}</span>
          <span class="list-title">${event.title}</span>
          <span class="list-meta">${event.body.name}</span>
          <span class="flags">
            ${event.status === 'cancelled' ? html`<span class="flag flag--cancelled">${t.t('event.cancelled')}</span>` : nothing}
            ${event.openToPublic ? nothing : html`<span class="flag flag--closed">${t.t('event.closed')}</span>`}
          </span>
        </button>
      </li>`;
    })}
  </ul>`;
}

/** When an event is, in words: its day(s) and times in its zone, and in the council's when that differs. */
function when(host: DialogHost, event: AgendaEvent): string {
  const t = host.t;
  const w = words(host);
  const [first, last] = eventDays(event, event.timeZone);
  const days = first === last ? host.fullDay(first) : host.format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).formatRange(dayDate(first), dayDate(last));
  if (event.allDay) return `${days}, ${t.t('event.allDay').toLowerCase()}`;
  const own = `${host.time(event.startsAt, event.timeZone)}–${host.time(event.endsAt, event.timeZone)}`;
  const text = `${days}, ${w['dialog.ownZone'](own, host.zoneLabel(event.timeZone))}`;
  if (event.timeZone === host.zone) return text;
  const council = `${host.time(event.startsAt, host.zone)}–${host.time(event.endsAt, host.zone)}`;
  return `${text} ${w['dialog.inCouncilZone'](council, host.zoneLabel(host.zone))}`;
}

function statusLabel(host: DialogHost, event: AgendaEvent): string {
  const t = host.t;
  switch (event.status) {
    case 'cancelled':
      return t.t('event.cancelled');
    case 'tentative':
      return t.t('event.tentative');
    case 'passed':
      return t.t('event.passed');
    default:
      return t.t('event.confirmed');
  }
}

function renderEventDetails(host: DialogHost, event: AgendaEvent, day: DayKey | null): TemplateResult {
  const t = host.t;
  const w = words(host);
  const cancelled = event.status === 'cancelled';
  const moved = host.movedLabel(event);
  const changeAt = host.format({ day: 'numeric', month: 'long', year: 'numeric' }, host.zone);
  return html`
    <p class="flags">
      <span class=${`flag${cancelled ? ' flag--cancelled' : ''}`}>${statusLabel(host, event)}</span>
      ${moved ? html`<span class="flag">${moved}</span>` : nothing}
      ${event.openToPublic ? nothing : html`<span class="flag flag--closed">${t.t('event.closed')}</span>`}
    </p>
    ${cancelled && event.cancelReason ? html`<p class="cancel-reason">${w['dialog.cancelReason'](event.cancelReason)}</p>` : nothing}
    <dl class="details">
      <div><dt>${w['dialog.when']}</dt><dd class="when">${when(host, event)}</dd></div>
      ${event.place ? html`<div><dt>${w['dialog.where']}</dt><dd>${event.place}</dd></div>` : nothing}
      <div><dt>${w['dialog.body']}</dt><dd>${event.body.name}</dd></div>
      <div><dt>${w['dialog.kind']}</dt><dd>${host.kindName(event)}</dd></div>
      ${event.onlineUrl && !cancelled
        ? html`<div><dt>${w['dialog.online']}</dt><dd><a href=${event.onlineUrl} target="_blank" rel="noopener">${w['dialog.onlineOpen']}</a></dd></div>`
        : nothing}
    </dl>
    ${event.openToPublic ? nothing : html`<p class="muted">${w['dialog.closedNote']}</p>`}
    ${event.description ? html`<p class="description">${event.description}</p>` : nothing}
    ${event.openToPublic
      ? html`<div role="heading" aria-level="3" class="heading heading--small">${w['dialog.documents']}</div>
          ${event.documents.length > 0
            ? html`<ul class="documents" role="list">
                ${event.documents.map((doc) => html`<li><a href=${doc.url} target="_blank" rel="noopener">${doc.title}</a></li>`)}
              </ul>`
            : html`<p class="muted">${w['dialog.noDocuments']}</p>`}`
      : nothing}
    <div role="heading" aria-level="3" class="heading heading--small">${w['dialog.changes']}</div>
    <ol class="changes">
      ${event.changes.map((change) => html`<li class=${`change change--${change.kind}`}>${change.text} <span class="muted">(${w['dialog.changeAt'](changeAt.format(new Date(change.at)))})</span></li>`)}
    </ol>
    <p class="dialog-actions">
      <a part="ics-link" class="button ics-link" href=${event.icsUrl} download=${`agenda-${event.id}.ics`}>${w['dialog.addToCalendar']}</a>
      <a class="page-link" href=${event.url} target="_blank" rel="noopener">${w['dialog.page']}</a>
    </p>
    ${day && host.dayEvents(day).length > 1
      ? html`<p><button part="button" type="button" class="link-button back" @click=${() => host.openDayList(day)}>${w['dialog.back']}</button></p>`
      : nothing}
  `;
}

/** The dialog's styles, added to the calendar's when this chunk arrives. */
export const dialogStyles = css`
  .dialog { width: min(40em, calc(100vw - 1em)); max-width: none; max-height: calc(100vh - 2em); margin: auto; padding: 0; color: var(--_text); background: var(--_surface); border: 0.125em solid var(--_border); border-radius: var(--_radius); font-size: 1em }
  .dialog::backdrop { background: rgb(0 0 0 / 0.5) }
  .dialog-box { display: block; margin: 0; padding: var(--_space) }
  .dialog-head { display: flex; align-items: flex-start; justify-content: space-between; gap: var(--_space); margin: 0 0 0.5em }
  .dialog-head .heading { margin: 0; font-size: 1.25em; overflow-wrap: break-word; min-width: 0 }
  .dialog-head .close { flex: none; margin: 0 }
  .dialog .flags { margin: 0 0 0.5em }
  .cancel-reason { display: block; margin: 0 0 0.75em; padding: 0.5em 0.75em; border-inline-start: 0.3125em solid var(--opd-agenda-cancelled, var(--_error)); font-weight: 700 }
  .details { display: block; margin: 0 0 0.75em }
  .details > div { display: block; margin: 0 0 0.5em }
  .details dt { display: block; margin: 0; color: var(--_muted); font-size: 0.9375em }
  .details dd { display: block; margin: 0; overflow-wrap: break-word }
  .description { display: block; margin: 0 0 0.75em }
  .documents, .changes { display: block; margin: 0 0 0.75em; padding: 0 0 0 1.25em }
  .documents { list-style: none; padding: 0 }
  .documents li, .changes li { display: list-item; margin: 0 0 0.375em }
  .documents li { display: block }
  .dialog-actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em var(--_space); margin: var(--_space) 0 0.5em }
  .dialog-actions .button { margin: 0; text-decoration: none }
`;
