/**
 * `<opd-agenda-calendar>`: e-Agenda's council (DPRD) agenda for citizens.
 *
 * @module
 */
import { adoptStyles, html, nothing, type CSSResultOrNative, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenAgenda } from '../../src/namespaces/citizen-agenda.js';
import type { AgendaEvent, Council, FeedLinks } from '../../src/schemas/agenda.js';
import { indonesianTimeZones, type IndonesianTimeZone } from '../../src/schemas/opds.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { baseControlStyles, themeStyles } from '../shared/theme.js';
import { agendaCalendarStyles } from './agenda-calendar.styles.js';
import {
  addDays,
  addMonths,
  dayDate,
  dayIn,
  daysBetween,
  eventDays,
  isDayKey,
  monthStart,
  weekStart,
  type DayKey,
} from './dates.js';
import type { DialogHost, Dialog } from './event-dialog.js';
import type { OpdAgendaLoadedDetail, OpdEventOpenedDetail } from './events.js';
import { id, type AgendaCalendarMessages } from './i18n/id.js';

export type { OpdAgendaLoadedDetail, OpdEventOpenedDetail };

/** The event dialog's chunk (`event-dialog.ts`), imported when the citizen points at the calendar or first opens an event. */
type DialogModule = typeof import('./event-dialog.js');

/** The calendar's views. */
export type AgendaView = 'month' | 'week' | 'list';

const VIEWS: readonly AgendaView[] = ['month', 'week', 'list'];

/** The council's zone until it has been read. */
const FALLBACK_ZONE = 'Asia/Jakarta';

/** Days fetched beyond what is shown, on each side, so the next week or a day's neighbours need no request. */
const MARGIN_DAYS = 7;

/** The most events one period holds (ten pages of the API's largest). */
const MAX_EVENTS = 5000;

/** Events shown in a day of the month grid before "+n more"; a week's day shows more. */
const MONTH_CHIPS = 3;
const WEEK_CHIPS = 12;

/** Below this width (in the widget's em) the calendar opens as a list. */
const NARROW_EM = 40;

type Failure =
  | { state: 'unknown-opd'; slug: string }
  | { state: 'unavailable' }
  | { state: 'offline' }
  | { state: 'rate-limited'; retryAfter: number }
  | { state: 'failed'; requestId: string };

type Status = { state: 'idle' } | { state: 'loading' } | { state: 'ready' } | Failure;

/** The events of one fetched range and filter. */
interface Loaded {
  key: string;
  from: DayKey;
  to: DayKey;
  events: AgendaEvent[];
}


/** The week's first day in the council's locale (Indonesia: Sunday), 1 Monday … 7 Sunday. */
function firstWeekday(): number {
  try {
    const locale = new Intl.Locale('id-ID') as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    return locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 7;
  } catch {
    return 7;
  }
}

/** Resolves in a task of its own (the browser may paint and handle input before). */
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** `WIB`, `WITA`, `WIT` for Indonesia's zones; the IANA name otherwise. */
function zoneLabel(zone: string): string {
  return Object.hasOwn(indonesianTimeZones, zone) ? indonesianTimeZones[zone as IndonesianTimeZone].abbreviation : zone;
}

/**
 * The council (DPRD) agenda of a Sekretariat DPRD (issue 17): a month grid, a week and a list
 * of the plenaries, commission meetings, hearings, working visits and reses; filters by body
 * and kind; each event's details in a dialog — when (in the council's zone, WIB/WITA/WIT, and
 * in its own when it is elsewhere), where, documents, the change log ("Diundur dari …"), "add
 * to my calendar" (its `.ics`) — and the links to subscribe to the council's (or one body's)
 * feed in a calendar app. Cancelled events stay on the calendar, struck through and labelled;
 * meetings closed to the public are labelled as such.
 *
 * ```html
 * <opd-agenda-calendar api="https://layanan.example-kab.go.id" opd="sekretariat-dprd"></opd-agenda-calendar>
 * <opd-agenda-calendar opd="sekretariat-dprd" view="list" body="komisi-3" lang="en"></opd-agenda-calendar>
 * ```
 *
 * The month grid is an ARIA grid: one day holds the focus (Tab reaches it, roving tabindex),
 * the arrow keys move by day and week, Home/End to the week's ends, Page Up/Page Down by month
 * (with Shift by year), Enter opens the day's events; a screen reader hears the day's full
 * date and its events. Day and month names come from `Intl` in the language. Without a `view`,
 * the calendar opens as a list when the widget itself (not the window) is narrower than 40em.
 * Only the shown period (and a week each side) is fetched. The event dialog is a chunk of its
 * own (`event-dialog.js`), fetched when the pointer or the focus first reaches the calendar.
 *
 * @summary The council agenda: month, week and list, event details, .ics and subscribe links.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The slug of the OPD (the Sekretariat DPRD) whose council agenda this is, e.g. `sekretariat-dprd`.
 * @attr lang - `id` (default) or `en`.
 * @attr view - `month`, `week` or `list`; default: `month`, or `list` when the widget is narrow.
 * @attr date - The day to open at, `YYYY-MM-DD`; default: today in the council's zone.
 * @attr body - Show only this council body's events (its id, e.g. `komisi-3`); the body select changes it.
 * @attr kind - Show only events of this kind (e.g. `rapat-paripurna`); the kind select changes it.
 * @attr heading-level - The level of the calendar's heading (default 2); the period's is one deeper.
 *
 * @event opd-agenda-loaded - A period's events are shown. `detail: { opd, view, from, to, events }`.
 * @event opd-event-opened - The citizen opened an event's details. `detail: { id, title }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action: 'load-agenda', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The council's name, the time zone note and the toolbar.
 * @csspart toolbar - Previous, today, next, the period and the view buttons.
 * @csspart period - The period shown (`Desember 2026`).
 * @csspart nav-button - The previous and next buttons.
 * @csspart view-button - Each view button (Bulan, Minggu, Daftar); `aria-pressed` marks the one shown.
 * @csspart filters - The body and kind selects.
 * @csspart select - Each select.
 * @csspart grid - The month or week grid (`table`).
 * @csspart day - A day of the grid; `day today` today's, `day outside` one of the next or last month.
 * @csspart event - An event in the grid or the list; `event cancelled`, `event closed`, `event tentative`.
 * @csspart more - The "+n lainnya" button of a full day.
 * @csspart list - The list view.
 * @csspart dialog - The event dialog (`<dialog>`).
 * @csspart ics-link - "Tambahkan ke kalender saya": the event's `.ics`.
 * @csspart subscribe - The subscribe links (`webcal:`, Google Calendar, the feed's address).
 * @csspart notice - Loading, errors, an empty period.
 * @csspart button - Every button.
 *
 * @cssproperty --opd-agenda-today - Today's day in the grid. Default: the info surface colour.
 * @cssproperty --opd-agenda-event - An event's background. Default `#e3edf8`.
 * @cssproperty --opd-agenda-event-border - An event's edge. Default: the primary colour.
 * @cssproperty --opd-agenda-cancelled - A cancelled event's text and edge. Default: the error colour.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes, days outside the month.
 * @cssproperty --opd-color-surface - Panel background.
 * @cssproperty --opd-color-surface-alt - Days outside the month, the list's day headings.
 * @cssproperty --opd-color-border - Borders and rules.
 * @cssproperty --opd-color-primary - Links, buttons, today's mark.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-error - Errors, cancelled events.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdAgendaCalendar extends OpdElement {
  static override styles = [themeStyles, baseControlStyles, agendaCalendarStyles];

  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    date: {},
    body: {},
    kind: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    status: { state: true, attribute: false },
    council: { state: true, attribute: false },
    focusDay: { state: true, attribute: false },
    narrow: { state: true, attribute: false },
    dialog: { state: true, attribute: false },
    rangeBusy: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** `month`, `week` or `list`; `''` (no attribute) picks by the widget's width. */
  view = '';

  /** The day to open at, `YYYY-MM-DD`; `''` for today. */
  date = '';

  /** The council body shown (its id), `''` for all. */
  body = '';

  /** The kind of events shown, `''` for all. */
  kind = '';

  /** The level of the calendar's heading (2 by default), so it fits the page's outline. */
  headingLevel = 2;

  private status: Status = { state: 'idle' };
  private council: Council | undefined = undefined;
  /** The day holding the grid's focus, and so the period shown. */
  private focusDay: DayKey = '';
  private narrow = false;
  private dialog: Dialog | undefined = undefined;
  private rangeBusy = false;
  private announcement = '';

  private readonly localize = new LocalizeController<AgendaCalendarMessages>(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { agenda: citizenAgenda });
  #firstDay: number | undefined;
  /** Fetched ranges, newest last (a few are kept, so going back a month needs no request). */
  #loaded: Loaded[] = [];
  #abort: AbortController | undefined;
  #rangeAbort: AbortController | undefined;
  #resize: ResizeObserver | undefined;
  /** Move the focus to the focused day after the next render (the keyboard moved it). */
  #focusAfterRender = false;
  /** What to focus when the dialog closes. */
  #opener: HTMLElement | undefined;
  /** The dialog's chunk, once here. */
  #dialogModule: DialogModule | undefined;
  #dialogLoading: Promise<DialogModule> | undefined;
  #dialogPreloaded = false;
  /** The period last reported by `opd-agenda-loaded`. */
  #reported = '';
  /** Whether a period has been shown since the council was read (later ones are announced). */
  #shownOnce = false;
  /** Date formatters by language, zone and options. */
  readonly #formats = new Map<string, Intl.DateTimeFormat>();
  /** Texts by language and what they say (see `memo`). */
  readonly #texts = new Map<string, string>();
  /** What `opd-agenda-loaded` says after the next render. */
  #report: OpdAgendaLoadedDetail | undefined;

  /** The week's first day, read when first needed (off the element's creation: a first `Intl` use costs). */
  private get firstDay(): number {
    return (this.#firstDay ??= firstWeekday());
  }

  /** {@link headingLevel} kept within 1–5 (the period is one deeper). */
  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  private get zone(): string {
    return this.council?.timeZone ?? FALLBACK_ZONE;
  }

  /** The view shown: the attribute's, else by the widget's width. */
  get shownView(): AgendaView {
    return VIEWS.includes(this.view as AgendaView) ? (this.view as AgendaView) : this.narrow ? 'list' : 'month';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver(() => this.measure());
    this.#resize.observe(this);
    if (this.hasUpdated && this.status.state !== 'ready') void this.load();
    else if (this.hasUpdated) void this.ensureRange();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#abort?.abort();
    this.#rangeAbort?.abort();
    this.rangeBusy = false;
  }

  /** Reads the widget's own width: narrow below {@link NARROW_EM} of its font size. */
  private measure(): void {
    const width = this.getBoundingClientRect().width;
    if (width === 0) return;
    const em = parseFloat(getComputedStyle(this).fontSize) || 16;
    this.narrow = width < NARROW_EM * em;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.hasUpdated) this.measure();
    if (changed.has('date') || !this.focusDay) {
      if (isDayKey(this.date)) this.focusDay = this.date;
      else if (!this.focusDay) this.focusDay = dayIn(Date.now(), this.zone);
    }
    if (changed.has('opd') || changed.has('api')) {
      this.#loaded = [];
      this.#shownOnce = false;
      void this.load();
    } else if (this.status.state === 'ready' && (changed.has('focusDay') || changed.has('body') || changed.has('kind') || changed.has('view') || changed.has('narrow'))) {
      void this.ensureRange();
    }
    this.report();
  }

  protected override updated(): void {
    if (this.#focusAfterRender) {
      this.#focusAfterRender = false;
      this.shadowRoot?.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
    }
    const report = this.#report;
    this.#report = undefined;
    if (report) this.emit('opd-agenda-loaded', report);
  }

  private readonly retry = (): void => {
    void this.load();
  };

  // ---- periods ----

  /** The days shown, `[from, to)`: the month's whole weeks, the week, or the month as a list. */
  private shownRange(view = this.shownView, day = this.focusDay): [DayKey, DayKey] {
    if (view === 'week') {
      const start = weekStart(day, this.firstDay);
      return [start, addDays(start, 7)];
    }
    const first = monthStart(day);
    const next = addMonths(first, 1);
    if (view === 'list') return [first, next];
    const start = weekStart(first, this.firstDay);
    const weeks = Math.ceil(daysBetween(start, next) / 7);
    return [start, addDays(start, weeks * 7)];
  }

  /** The body filter, if it is one of the council's (an unknown one is ignored, not an error). */
  private get bodyFilter(): string {
    return this.body && this.council?.bodies.some((b) => b.id === this.body) ? this.body : '';
  }

  private get kindFilter(): string {
    return this.kind && this.council?.kinds.some((k) => k.id === this.kind) ? this.kind : '';
  }

  private get filterKey(): string {
    return `${this.bodyFilter}|${this.kindFilter}`;
  }

  /** The fetched events covering the period shown, if they are here. */
  private get covering(): Loaded | undefined {
    const [from, to] = this.shownRange();
    const key = this.filterKey;
    return [...this.#loaded].reverse().find((loaded) => loaded.key === key && loaded.from <= from && loaded.to >= to);
  }

  // ---- loading ----

  /** Reads the council (bodies, kinds, zone, feeds), then the events of the period shown. */
  private async load(): Promise<void> {
    this.#abort?.abort();
    this.#rangeAbort?.abort();
    const opd = this.opd;
    if (!opd) {
      this.status = { state: 'idle' };
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.status = { state: 'loading' };
    try {
      const council = await this.clients.client.agenda.council({ signal: abort.signal });
      if (abort.signal.aborted) return;
      const todayBefore = dayIn(Date.now(), this.zone);
      this.council = council;
      // "Today" is the council's: read again in its zone.
      if (!isDayKey(this.date) && this.focusDay === todayBefore) this.focusDay = dayIn(Date.now(), council.timeZone);
      await this.ensureRange(true);
    } catch (error) {
      if (abort.signal.aborted) return;
      await this.fail(error, opd, abort.signal);
    }
  }

  /** Fetches the period shown (and {@link MARGIN_DAYS} each side) unless it is here already. */
  private async ensureRange(first = false): Promise<void> {
    if (!this.council) return;
    if (this.covering) {
      if (first) this.status = { state: 'ready' };
      this.rangeBusy = false;
      this.#rangeAbort?.abort();
      return;
    }
    const [shownFrom, shownTo] = this.shownRange('month');
    const [weekFrom, weekTo] = this.shownRange();
    const from = addDays(shownFrom < weekFrom ? shownFrom : weekFrom, -MARGIN_DAYS);
    const to = addDays(shownTo > weekTo ? shownTo : weekTo, MARGIN_DAYS);
    const key = this.filterKey;
    this.#rangeAbort?.abort();
    const abort = new AbortController();
    this.#rangeAbort = abort;
    this.rangeBusy = true;
    if (!first) this.announcement = this.localize.t('cal.loadingRange', this.periodTitle());
    const opd = this.opd;
    try {
      const list = this.clients.client.agenda.events.list(
        { from, to, ...(this.bodyFilter ? { body: this.bodyFilter } : {}), ...(this.kindFilter ? { kind: this.kindFilter as AgendaEvent['kind'] } : {}) },
        { signal: abort.signal },
      );
      const events: AgendaEvent[] = [];
      const zone = this.zone;
      for await (const event of list) {
        // Each event's days worked out as its page arrives (they are kept), not all in the render.
        eventDays(event, zone);
        if (events.push(event) >= MAX_EVENTS) break;
      }
      // The last page's check and the period's render in two tasks, so that neither holds the page long.
      await nextTask();
      if (abort.signal.aborted) return;
      this.#loaded = [...this.#loaded.filter((loaded) => loaded.key !== key || loaded.from !== from || loaded.to !== to).slice(-5), { key, from, to, events }];
      this.rangeBusy = false;
      this.status = { state: 'ready' };
      this.#reported = '';
      this.requestUpdate();
    } catch (error) {
      if (abort.signal.aborted) return;
      this.rangeBusy = false;
      await this.fail(error, opd, abort.signal);
    }
  }

  /**
   * What the citizen is told when the agenda cannot be loaded. A 404 is an OPD that does not
   * exist (the page is set up wrong) or one without e-Agenda; the OPD's own read tells which.
   */
  private async fail(error: unknown, opd: string, signal: AbortSignal): Promise<void> {
    const reading = readError(error);
    let failure: Failure;
    switch (reading.kind) {
      case 'unavailable':
        failure = { state: 'unavailable' };
        break;
      case 'fields':
        failure = { state: 'unknown-opd', slug: opd };
        break;
      case 'not-found':
        try {
          const found = await this.clients.client.opds.get(opd, { signal });
          failure = found.modules.includes('agenda') ? { state: 'failed', requestId: '' } : { state: 'unavailable' };
        } catch (second) {
          const again = readError(second);
          failure =
            again.kind === 'not-found' || again.kind === 'fields' ? { state: 'unknown-opd', slug: opd } : again.kind === 'offline' ? { state: 'offline' } : { state: 'failed', requestId: '' };
        }
        break;
      case 'offline':
        failure = { state: 'offline' };
        break;
      case 'rate-limited':
        failure = { state: 'rate-limited', retryAfter: reading.retryAfter };
        break;
      case 'conflict':
      case 'server':
        failure = { state: 'failed', requestId: reading.requestId };
        break;
    }
    if (signal.aborted) return;
    this.status = failure;
    this.announcement = '';
    const code = failure.state === 'unknown-opd' ? 'config' : readError(error).code;
    this.emit('opd-error', opdErrorDetail(error, 'load-agenda', code));
  }

  /**
   * Before a render: once per period shown, what a screen reader is told (not for the first
   * period, which the page shows as it loads), and what `opd-agenda-loaded` says after it.
   */
  private report(): void {
    if (this.status.state !== 'ready' || !this.covering) return;
    const [from, to] = this.shownRange();
    const key = `${this.shownView}|${from}|${to}|${this.filterKey}`;
    if (key === this.#reported) return;
    const first = this.#reported === '' && !this.#shownOnce;
    this.#reported = key;
    this.#shownOnce = true;
    const count = this.eventsBetween(from, to).length;
    this.announcement = first ? '' : this.localize.t('cal.shown', this.periodTitle(), count);
    this.#report = { opd: this.opd, view: this.shownView, from, to, events: count };
  }

  // ---- the events of days ----

  /** The events shown overlapping `[from, to)`, in start order. */
  private eventsBetween(from: DayKey, to: DayKey): AgendaEvent[] {
    const zone = this.zone;
    return (this.covering?.events ?? []).filter((event) => {
      const [first, last] = eventDays(event, zone);
      return first < to && last >= from;
    });
  }

  /** The events of each day in `[from, to)`. */
  private byDay(from: DayKey, to: DayKey): Map<DayKey, AgendaEvent[]> {
    const days = new Map<DayKey, AgendaEvent[]>();
    const zone = this.zone;
    for (const event of this.covering?.events ?? []) {
      const [first, last] = eventDays(event, zone);
      if (first >= to || last < from) continue;
      let day = first < from ? from : first;
      const end = last >= to ? addDays(to, -1) : last;
      for (; day <= end; day = addDays(day, 1)) {
        const list = days.get(day);
        if (list) list.push(event);
        else days.set(day, [event]);
      }
    }
    return days;
  }

  // ---- words ----

  /** A formatter in the language, kept: making one costs more than formatting with it, and a month formats hundreds of times. */
  private format(options: Intl.DateTimeFormatOptions, zone = 'UTC'): Intl.DateTimeFormat {
    const locale = this.localize.locale;
    const key = `${locale}|${zone}|${JSON.stringify(options)}`;
    let format = this.#formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone: zone });
      this.#formats.set(key, format);
    }
    return format;
  }

  /** `Rabu, 9 Desember 2026`. */
  private fullDay(day: DayKey): string {
    return this.memo(`d|${day}`, () => this.format({ weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(dayDate(day)));
  }

  /** A text worked out once per language: a month's cells and chips repeat the same days and times. */
  private memo(key: string, make: () => string): string {
    const full = `${this.localize.locale}|${key}`;
    let text = this.#texts.get(full);
    if (text === undefined) {
      if (this.#texts.size >= 5000) this.#texts.clear();
      this.#texts.set(full, (text = make()));
    }
    return text;
  }

  /** `Desember 2026`, or the week `6–12 Desember 2026`. */
  private periodTitle(): string {
    const view = this.shownView;
    if (view === 'week') {
      const [from, to] = this.shownRange();
      return this.format({ day: 'numeric', month: 'long', year: 'numeric' }).formatRange(dayDate(from), dayDate(addDays(to, -1)));
    }
    return this.format({ month: 'long', year: 'numeric' }).format(dayDate(monthStart(this.focusDay)));
  }

  /** `10.00` in `zone`. */
  private time(instant: string, zone: string): string {
    return this.memo(`t|${zone}|${instant}`, () => this.format({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, zone).format(new Date(instant)));
  }

  /** An event's time as the grid and the list show it: `10.00–12.00`, with its zone when not the council's. */
  private shortTime(event: AgendaEvent): string {
    if (event.allDay) return this.localize.t('event.allDay');
    const zone = event.timeZone;
    const text = `${this.time(event.startsAt, zone)}–${this.time(event.endsAt, zone)}`;
    return zone === this.zone ? text : `${text} ${zoneLabel(zone)}`;
  }

  /** The label of a move in time, when the event was postponed or brought forward. */
  private movedLabel(event: AgendaEvent): string | undefined {
    const moved = [...event.changes].reverse().find((change) => change.kind === 'postponed' || change.kind === 'brought-forward');
    if (!moved || event.status === 'cancelled') return undefined;
    return this.localize.t(moved.kind === 'postponed' ? 'event.postponed' : 'event.broughtForward');
  }

  private kindName(event: AgendaEvent): string {
    const t = this.localize;
    const known = t.lookup(`kind.${event.kind}`);
    return known ?? this.council?.kinds.find((k) => k.id === event.kind)?.name ?? event.kind;
  }

  // ---- actions ----

  private go(day: DayKey, focus = false): void {
    this.focusDay = day;
    this.#focusAfterRender = focus;
    if (!focus) this.announcement = '';
  }

  private step(direction: 1 | -1): void {
    const view = this.shownView;
    this.go(view === 'week' ? addDays(this.focusDay, 7 * direction) : addMonths(this.focusDay, direction));
  }

  private readonly onPrevious = (): void => this.step(-1);
  private readonly onNext = (): void => this.step(1);
  private readonly onToday = (): void => this.go(dayIn(Date.now(), this.zone));

  private setView(view: AgendaView): void {
    this.view = view;
  }

  private readonly onBody = (event: Event): void => {
    this.body = (event.target as HTMLSelectElement).value;
  };

  private readonly onKind = (event: Event): void => {
    this.kind = (event.target as HTMLSelectElement).value;
  };

  /** The grid's keys (ARIA grid pattern, as the APG date picker). */
  private readonly onGridKey = (event: KeyboardEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-day]');
    if (!cell) return;
    const day = cell.dataset.day!;
    const week = this.shownView === 'week';
    let next: DayKey | undefined;
    switch (event.key) {
      case 'ArrowLeft':
        next = addDays(day, -1);
        break;
      case 'ArrowRight':
        next = addDays(day, 1);
        break;
      case 'ArrowUp':
        next = week ? undefined : addDays(day, -7);
        break;
      case 'ArrowDown':
        next = week ? undefined : addDays(day, 7);
        break;
      case 'Home':
        next = weekStart(day, this.firstDay);
        break;
      case 'End':
        next = addDays(weekStart(day, this.firstDay), 6);
        break;
      case 'PageUp':
        next = week ? addDays(day, -7) : addMonths(day, event.shiftKey ? -12 : -1);
        break;
      case 'PageDown':
        next = week ? addDays(day, 7) : addMonths(day, event.shiftKey ? 12 : 1);
        break;
      case 'Enter':
      case ' ':
        if (event.target !== cell) return;
        event.preventDefault();
        this.openDay(day, cell);
        return;
      default:
        return;
    }
    event.preventDefault();
    if (!next) return;
    this.go(next, true);
    // Within the period shown the render keeps the cells: move the focus now.
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('td[tabindex="0"]')?.focus());
  };

  private readonly onCellClick = (event: MouseEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-day]');
    if (!cell || (event.target as HTMLElement).closest('button')) return;
    this.focusDay = cell.dataset.day!;
  };

  /** Opens a day's events: the event itself when there is one, else the day's list. */
  private openDay(day: DayKey, opener: HTMLElement): void {
    const events = this.byDay(day, addDays(day, 1)).get(day) ?? [];
    if (events.length === 0) return;
    if (events.length === 1) this.openEvent(events[0]!, opener, null);
    else void this.showDialog({ kind: 'day', day }, opener);
  }

  private openEvent(event: AgendaEvent, opener: HTMLElement | undefined, day: DayKey | null): void {
    void this.showDialog({ kind: 'event', event, day }, opener);
    this.emit('opd-event-opened', { id: event.id, title: event.title });
  }

  /** Loads the dialog's chunk (once; again after a failure) and adds its styles. */
  private loadDialog(): Promise<DialogModule> {
    this.#dialogLoading ??= import('./event-dialog.js').then(
      (module) => {
        const root = this.renderRoot;
        if (root instanceof ShadowRoot) adoptStyles(root, [...(this.constructor as typeof OpdElement).elementStyles, module.dialogStyles] as CSSResultOrNative[]);
        return (this.#dialogModule = module);
      },
      (error: unknown) => {
        this.#dialogLoading = undefined;
        throw error;
      },
    );
    return this.#dialogLoading;
  }

  /** Fetches the dialog's chunk ahead of a first open (the citizen points at or focuses the calendar). */
  private readonly preloadDialog = (): void => {
    if (this.#dialogPreloaded) return;
    this.#dialogPreloaded = true;
    this.loadDialog().catch(() => undefined);
  };

  /** What the dialog's chunk reads of the calendar. */
  private dialogHost(): DialogHost {
    return {
      t: this.localize,
      zone: this.zone,
      format: (options, zone) => this.format(options, zone),
      fullDay: (day) => this.fullDay(day),
      time: (instant, zone) => this.time(instant, zone),
      shortTime: (event) => this.shortTime(event),
      zoneLabel,
      eventParts: (event) => this.eventParts(event),
      movedLabel: (event) => this.movedLabel(event),
      kindName: (event) => this.kindName(event),
      dayEvents: (day) => this.byDay(day, addDays(day, 1)).get(day) ?? [],
      openEvent: (event, opener, day) => this.openEvent(event, opener, day),
      openDayList: (day) => void this.showDialog({ kind: 'day', day }, undefined),
      close: this.closeDialog,
    };
  }

  private async showDialog(dialog: Dialog, opener: HTMLElement | undefined): Promise<void> {
    if (opener) this.#opener = opener;
    try {
      await this.loadDialog();
    } catch {
      this.announcement = this.localize.t('dialog.unavailable');
      return;
    }
    this.dialog = dialog;
    await this.updateComplete;
    const element = this.shadowRoot?.querySelector<HTMLDialogElement>('dialog');
    if (!element) return;
    if (!element.open) element.showModal();
    element.querySelector<HTMLElement>('.dialog-title')?.focus();
  }

  private readonly closeDialog = (): void => {
    this.shadowRoot?.querySelector<HTMLDialogElement>('dialog')?.close();
  };

  private readonly onDialogClose = (): void => {
    this.dialog = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
    else this.shadowRoot?.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
  };

  /** A click on the backdrop (outside the dialog's box) closes it, as Escape does. */
  private readonly onDialogClick = (event: MouseEvent): void => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  };

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.localize;
    const busy = this.status.state === 'loading' || this.rangeBusy;
    return html`
      <div part="base" class="base" lang=${t.lang} aria-busy=${busy ? 'true' : 'false'}>
        ${this.renderBody()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const t = this.localize;
    if (!this.opd) return renderNotice({ message: t.t('config.missingOpd', t.t('config.thisWidget')), tone: 'error' });
    const status = this.status;
    const retry = { label: t.t('retry'), onClick: this.retry, look: 'secondary' as const };
    switch (status.state) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<div part="notice" class="notice loading"><p>${t.t('cal.loading')}</p></div>`;
      case 'unknown-opd':
        return renderNotice({ message: t.t('cal.unknownOpd', status.slug), tone: 'error', alert: true, className: 'cal-notice' });
      case 'unavailable':
        return renderNotice({ message: t.t('cal.unavailable'), tone: 'warning', className: 'cal-notice' });
      case 'offline':
        return renderNotice({ message: t.t('cal.offline'), tone: 'warning', alert: true, className: 'cal-notice', action: retry });
      case 'rate-limited':
        return renderNotice({ message: t.t('rateLimited', t.wait(status.retryAfter)), tone: 'warning', alert: true, className: 'cal-notice', action: retry });
      case 'failed':
        return renderNotice({ message: t.t('server.error', status.requestId), tone: 'error', alert: true, className: 'cal-notice', action: retry });
      case 'ready':
        return this.renderCalendar(this.council!);
    }
  }

  private renderCalendar(council: Council): TemplateResult {
    const t = this.localize;
    const view = this.shownView;
    const [from, to] = this.shownRange();
    const here = this.covering !== undefined;
    const events = here ? this.eventsBetween(from, to) : [];
    return html`
      <section class="calendar" aria-labelledby="cal-title" @pointerover=${this.preloadDialog} @focusin=${this.preloadDialog}>
        <div part="header" class="header">
          <div role="heading" aria-level=${this.level} class="heading" id="cal-title">${t.t('cal.label', council.name)}</div>
          <p class="muted note">
            ${t.t('cal.timesIn', zoneLabel(council.timeZone), council.timeZone)} ${council.synthetic ? t.t('cal.synthetic') : nothing}
          </p>
        </div>
        ${this.renderToolbar(view)} ${this.renderFilters(council)}
        ${here && events.length === 0
          ? renderNotice({ message: this.bodyFilter || this.kindFilter ? t.t('cal.emptyFiltered') : t.t('cal.empty'), className: 'empty-notice' })
          : nothing}
        ${view === 'list' ? this.renderList(from, to, here) : this.renderGrid(view, from, to)} ${this.renderSubscribe(council)}
        <dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @click=${this.onDialogClick}>
          ${this.dialog && this.#dialogModule ? this.#dialogModule.renderDialog(this.dialogHost(), this.dialog) : nothing}
        </dialog>
      </section>
    `;
  }

  private renderToolbar(view: AgendaView): TemplateResult {
    const t = this.localize;
    const week = view === 'week';
    return html`
      <div part="toolbar" class="toolbar">
        <div class="nav">
          <button part="button nav-button" type="button" class="button button--secondary nav-button prev" aria-label=${week ? t.t('nav.previousWeek') : t.t('nav.previousMonth')} @click=${this.onPrevious}>
            <span aria-hidden="true">‹</span>
          </button>
          <button part="button" type="button" class="button button--secondary today" @click=${this.onToday}>${t.t('nav.today')}</button>
          <button part="button nav-button" type="button" class="button button--secondary nav-button next" aria-label=${week ? t.t('nav.nextWeek') : t.t('nav.nextMonth')} @click=${this.onNext}>
            <span aria-hidden="true">›</span>
          </button>
        </div>
        <div part="period" role="heading" aria-level=${this.level + 1} class="period" id="period">${this.periodTitle()}</div>
        <div class="views" role="group" aria-label=${t.t('view.label')}>
          ${VIEWS.map(
            (v) => html`<button
              part="button view-button"
              type="button"
              class="button button--secondary view-button"
              data-view=${v}
              aria-pressed=${v === view ? 'true' : 'false'}
              @click=${() => this.setView(v)}
            >
              ${t.t(`view.${v}`)}
            </button>`,
          )}
        </div>
      </div>
    `;
  }

  private renderFilters(council: Council): TemplateResult {
    const t = this.localize;
    const body = this.bodyFilter;
    const kind = this.kindFilter;
    return html`
      <div part="filters" class="filters" role="group" aria-label=${t.t('filter.title')}>
        <div class="filter">
          <label class="label" for="filter-body">${t.t('filter.body')}</label>
          <select part="select" class="input" id="filter-body" name="body" @change=${this.onBody}>
            <option value="" .selected=${body === ''}>${t.t('filter.allBodies')}</option>
            ${council.bodies.map((b) => html`<option value=${b.id} .selected=${b.id === body}>${b.name}</option>`)}
          </select>
        </div>
        <div class="filter">
          <label class="label" for="filter-kind">${t.t('filter.kind')}</label>
          <select part="select" class="input" id="filter-kind" name="kind" @change=${this.onKind}>
            <option value="" .selected=${kind === ''}>${t.t('filter.allKinds')}</option>
            ${council.kinds.map((k) => html`<option value=${k.id} .selected=${k.id === kind}>${t.lookup(`kind.${k.id}`) ?? k.name}</option>`)}
          </select>
        </div>
      </div>
    `;
  }

  /** The month (whole weeks) or one week as an ARIA grid. */
  private renderGrid(view: AgendaView, from: DayKey, to: DayKey): TemplateResult {
    const t = this.localize;
    const days = this.byDay(from, to);
    const month = this.focusDay.slice(0, 7);
    const today = dayIn(Date.now(), this.zone);
    const weekdays = Array.from({ length: 7 }, (_, i) => addDays(from, i));
    const long = this.format({ weekday: 'long' });
    const short = this.format({ weekday: 'short' });
    const rows: DayKey[][] = [];
    for (let day = from; day < to; day = addDays(day, 7)) rows.push(Array.from({ length: 7 }, (_, i) => addDays(day, i)));
    const limit = view === 'week' ? WEEK_CHIPS : MONTH_CHIPS;
    const focusDay = days.size >= 0 && this.focusDay >= from && this.focusDay < to ? this.focusDay : from;
    return html`
      <p class="visually-hidden" id="grid-help">${view === 'week' ? t.t('grid.helpWeek') : t.t('grid.help')}</p>
      <table
        part="grid"
        class=${`grid grid--${view}`}
        role="grid"
        aria-labelledby="period"
        aria-describedby="grid-help"
        @keydown=${this.onGridKey}
        @click=${this.onCellClick}
      >
        <thead>
          <tr>
            ${weekdays.map((day) => html`<th scope="col" abbr=${long.format(dayDate(day))}><span aria-hidden="true">${short.format(dayDate(day))}</span><span class="visually-hidden">${long.format(dayDate(day))}</span></th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              ${row.map((day) => this.renderDay(day, days.get(day) ?? [], { outside: view === 'month' && day.slice(0, 7) !== month, today: day === today, focus: day === focusDay, limit }))}
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  }

  private renderDay(day: DayKey, events: AgendaEvent[], o: { outside: boolean; today: boolean; focus: boolean; limit: number }): TemplateResult {
    const t = this.localize;
    const shown = events.length > o.limit ? events.slice(0, o.limit - 1) : events;
    const more = events.length - shown.length;
    const parts = ['day', o.today ? 'today' : '', o.outside ? 'outside' : ''].filter(Boolean).join(' ');
    const label = `${this.fullDay(day)}${o.today ? `, ${t.t('grid.today')}` : ''}. ${events.length === 0 ? t.t('grid.none') : `${t.t('grid.count', events.length)}:`}`;
    return html`<td part=${parts} class=${parts} role="gridcell" data-day=${day} tabindex=${o.focus ? '0' : '-1'} aria-current=${o.today ? 'date' : nothing}>
      <span class="visually-hidden">${label}</span>
      <span class="day-number" aria-hidden="true">${Number(day.slice(8))}</span>
      ${shown.length > 0
        ? html`<ul class="chips" role="list">
            ${shown.map((event) => html`<li>${this.renderChip(event, day)}</li>`)}
          </ul>`
        : nothing}
      ${more > 0
        ? html`<button part="button more" type="button" class="more" tabindex="-1" aria-label=${t.t('grid.moreLabel', more, this.fullDay(day))} @click=${(e: Event) => void this.showDialog({ kind: 'day', day }, (e.currentTarget as HTMLElement).closest('td') ?? undefined)}>
            ${t.t('grid.more', more)}
          </button>`
        : nothing}
    </td>`;
  }

  /** The parts and classes of an event: `event`, with `cancelled`, `closed`, `tentative`. */
  private eventParts(event: AgendaEvent): string {
    return ['event', event.status === 'cancelled' ? 'cancelled' : '', event.openToPublic ? '' : 'closed', event.status === 'tentative' ? 'tentative' : '', event.status === 'passed' ? 'passed' : '']
      .filter(Boolean)
      .join(' ');
  }

  /** An event in the grid: its time and title, and whether it was cancelled or is closed. */
  private renderChip(event: AgendaEvent, day: DayKey): TemplateResult {
    const t = this.localize;
    const parts = this.eventParts(event);
    return html`<button
      part=${parts}
      type="button"
      class=${`chip ${parts}`}
      tabindex="-1"
      data-event=${event.id}
      @click=${(e: Event) => this.openEvent(event, (e.currentTarget as HTMLElement).closest('td') ?? undefined, day)}
    >
      <span class="chip-text">
        <span class="chip-time">${this.shortTime(event)}</span>
        ${event.status === 'cancelled' ? html`<span class="flag flag--cancelled">${t.t('event.cancelled')}</span>` : nothing}
        ${event.openToPublic ? nothing : html`<span class="flag flag--closed">${t.t('event.closedShort')}</span>`}
        <span class="chip-title">${event.title}</span>
      </span>
    </button>`;
  }

  /** The month's events day by day; a multi-day event under its first day shown. */
  private renderList(from: DayKey, to: DayKey, here: boolean): TemplateResult | typeof nothing {
    if (!here) return html`<div part="notice" class="notice loading"><p>${this.localize.t('cal.loading')}</p></div>`;
    const zone = this.zone;
    const groups = new Map<DayKey, AgendaEvent[]>();
    for (const event of this.eventsBetween(from, to)) {
      const [first] = eventDays(event, zone);
      const day = first < from ? from : first;
      const list = groups.get(day);
      if (list) list.push(event);
      else groups.set(day, [event]);
    }
    const today = dayIn(Date.now(), zone);
    const days = [...groups.keys()].sort();
    if (days.length === 0) return nothing;
    return html`<ol part="list" class="list" aria-labelledby="period">
      ${days.map(
        (day) => html`<li class=${`list-day${day === today ? ' list-day--today' : ''}`}>
          <div role="heading" aria-level=${this.level + 2} class="list-date">
            ${this.fullDay(day)}${day === today ? html` <span class="today-mark">${this.localize.t('grid.today')}</span>` : nothing}
          </div>
          <ul class="list-events" role="list">
            ${groups.get(day)!.map((event) => html`<li>${this.renderListEvent(event)}</li>`)}
          </ul>
        </li>`,
      )}
    </ol>`;
  }

  private renderListEvent(event: AgendaEvent): TemplateResult {
    const t = this.localize;
    const parts = this.eventParts(event);
    const [first, last] = eventDays(event, this.zone);
    const span = first !== last ? this.format({ day: 'numeric', month: 'long' }).formatRange(dayDate(first), dayDate(last)) : '';
    const moved = this.movedLabel(event);
    return html`<button part=${parts} type="button" class=${`list-event ${parts}`} data-event=${event.id} @click=${(e: Event) => this.openEvent(event, e.currentTarget as HTMLElement, null)}>
      <span class="list-time">${span ? `${span} · ` : ''}${this.shortTime(event)}</span>
      <span class="list-title">${event.title}</span>
      <span class="list-meta">${event.body.name}${event.place ? ` · ${event.place}` : ''}</span>
      <span class="flags">
        ${event.status === 'cancelled' ? html`<span class="flag flag--cancelled">${t.t('event.cancelled')}</span>` : nothing}
        ${event.status === 'tentative' ? html`<span class="flag">${t.t('event.tentative')}</span>` : nothing}
        ${moved ? html`<span class="flag">${moved}</span>` : nothing}
        ${event.openToPublic ? nothing : html`<span class="flag flag--closed">${t.t('event.closed')}</span>`}
      </span>
    </button>`;
  }

  /** The subscribe links of the council's feed, or of the body filtered on. */
  private renderSubscribe(council: Council): TemplateResult {
    const t = this.localize;
    const body = this.bodyFilter;
    const feed: FeedLinks = (body && council.bodyFeeds.find((b) => b.body === body)?.feed) || council.feed;
    const bodyName = body ? council.bodies.find((b) => b.id === body)?.name : undefined;
    const google = `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(feed.webcal)}`;
    return html`<div part="subscribe" class="subscribe">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small">${bodyName ? t.t('subscribe.titleBody', bodyName) : t.t('subscribe.title')}</div>
      <ul class="subscribe-links" role="list">
        <li><a class="webcal-link" href=${feed.webcal}>${t.t('subscribe.webcal')}</a></li>
        <li><a class="google-link" href=${google} target="_blank" rel="noopener">${t.t('subscribe.google')}</a></li>
        <li><a class="feed-link" href=${feed.ics}>${t.t('subscribe.ics')}</a> <code class="feed-url">${feed.ics}</code></li>
      </ul>
      <p class="muted note">${t.t('subscribe.hint')}</p>
    </div>`;
  }

}
