/**
 * `<opd-agenda-events>`: e-Agenda's events in the staff console — the council's events by
 * month, scheduling and editing an event, postponing and cancelling it, and the council's bodies.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { agenda, type AgendaNamespace } from '../../../src/namespaces/agenda.js';
import type { AgendaEvent, Council, EventKind } from '../../../src/schemas/agenda.js';
import { agendaCancelInput, agendaEventInput, agendaPostponeInput, councilBodyInput, type AgendaEventInput } from '../../../src/schemas/agenda-staff.js';
import { toFieldErrors, type FieldError } from '../../../src/schemas/common.js';
import { indonesianTimeZones, type IndonesianTimeZone } from '../../../src/schemas/opds.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../console/kit/failure.js';
import { renderFormOutcome, outcomeFieldError, summaryErrors, type FormOutcome } from '../../console/kit/forms.js';
import { OpdNamespace } from '../../console/kit/opd-namespace.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { checkboxField, selectField, textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { agendaEventsStyles } from './agenda-events.styles.js';
import { agendaEventsPage } from './console-page.js';
import { id, type AgendaEventsMessages } from './i18n/id.js';

/** The page's views, by the first part of its route. */
type View = 'list' | 'new' | 'event' | 'bodies';

/** Which form a message belongs to (each has its own error summary). */
type Form = 'event' | 'postpone' | 'cancel' | 'bodies';

/** An event as typed in the form: text as the controls hold it. */
export interface EventDraft {
  title: string;
  body: string;
  kind: string;
  allDay: boolean;
  /** `YYYY-MM-DDTHH:MM` in {@link timeZone}. */
  startsAt: string;
  endsAt: string;
  /** `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  timeZone: string;
  status: 'tentative' | 'confirmed';
  openToPublic: boolean;
  place: string;
  onlineUrl: string;
  description: string;
  documents: { title: string; url: string }[];
}

/** New times and a reason, as typed. */
interface PostponeDraft {
  startsAt: string;
  endsAt: string;
  startDate: string;
  endDate: string;
  reason: string;
}

/** The event form's fields, in the order the summary lists them. */
const EVENT_FIELDS = ['title', 'body', 'kind', 'startsAt', 'endsAt', 'startDate', 'endDate', 'timeZone', 'status', 'place', 'onlineUrl', 'description', 'documents'] as const;

/** The Indonesian names of the fields an edit may change, as the public log says them (the server's words). */
const LOG_FIELD_NAMES: Readonly<Record<string, string>> = {
  title: 'judul',
  body: 'alat kelengkapan',
  kind: 'jenis kegiatan',
  place: 'tempat',
  onlineUrl: 'tautan daring',
  description: 'keterangan',
  documents: 'dokumen',
  openToPublic: 'keterbukaan untuk umum',
};

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DDTHH:MM` of `instant` in `zone`. */
export function localTimeOf(instant: string, zone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The abbreviation of an Indonesian zone (`WIB`), else the zone's name. */
function abbreviationOf(zone: string): string {
  return (indonesianTimeZones as Record<string, { abbreviation: string } | undefined>)[zone]?.abbreviation ?? zone;
}

const dayFormat = new Intl.DateTimeFormat('id-ID', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** `Senin, 7 Desember 2026` of a `YYYY-MM-DD`. */
function sayDay(day: string): string {
  return dayFormat.format(new Date(`${day}T12:00:00Z`));
}

/**
 * A period as the public log says it (the server's words): `Selasa, 12 Januari 2027 pukul
 * 09.00–11.00 WIB`, `… s.d. …` across days, days alone for an all-day event.
 */
export function sayPeriod(period: { allDay: boolean; startsAt: string; endsAt: string; startDate: string; endDate: string }, zone: string): string {
  if (period.allDay) {
    const end = period.endDate || period.startDate;
    return end === period.startDate ? sayDay(period.startDate) : `${sayDay(period.startDate)} s.d. ${sayDay(end)}`;
  }
  const [startDay = '', startTime = ''] = period.startsAt.split('T');
  const [endDay = '', endTime = ''] = period.endsAt.split('T');
  const time = (text: string) => text.slice(0, 5).replace(':', '.');
  const abbreviation = abbreviationOf(zone);
  if (startDay === endDay) return `${sayDay(startDay)} pukul ${time(startTime)}–${time(endTime)} ${abbreviation}`;
  return `${sayDay(startDay)} pukul ${time(startTime)} ${abbreviation} s.d. ${sayDay(endDay)} pukul ${time(endTime)} ${abbreviation}`;
}

/** The draft of an event as it is. */
export function draftOfEvent(event: AgendaEvent): EventDraft {
  return {
    title: event.title,
    body: event.body.id,
    kind: event.kind,
    allDay: event.allDay,
    startsAt: event.allDay ? '' : localTimeOf(event.startsAt, event.timeZone),
    endsAt: event.allDay ? '' : localTimeOf(event.endsAt, event.timeZone),
    startDate: event.startDate ?? '',
    endDate: event.endDate ?? '',
    timeZone: event.timeZone,
    status: event.status === 'tentative' ? 'tentative' : 'confirmed',
    openToPublic: event.openToPublic,
    place: event.place ?? '',
    onlineUrl: event.onlineUrl ?? '',
    description: event.description ?? '',
    documents: event.documents.map((document) => ({ ...document })),
  };
}

function emptyDraft(zone: string): EventDraft {
  return { title: '', body: '', kind: '', allDay: false, startsAt: '', endsAt: '', startDate: '', endDate: '', timeZone: zone, status: 'confirmed', openToPublic: true, place: '', onlineUrl: '', description: '', documents: [] };
}

/** What the form sends: the draft in the API's words (empty texts as null, times as the draft's kind of event has them). */
export function inputOfDraft(draft: EventDraft): AgendaEventInput {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    title: draft.title,
    body: draft.body,
    kind: draft.kind as EventKind,
    allDay: draft.allDay,
    ...(draft.allDay ? { startDate: draft.startDate, endDate: draft.endDate || draft.startDate } : { startsAt: draft.startsAt, endsAt: draft.endsAt }),
    timeZone: draft.timeZone as IndonesianTimeZone,
    status: draft.status,
    openToPublic: draft.openToPublic,
    place: text(draft.place),
    onlineUrl: text(draft.onlineUrl),
    description: text(draft.description),
    documents: draft.documents.filter((document) => document.title.trim() || document.url.trim()),
  };
}

/** The public log line an edit from `event` to `draft` will write (the server's words), or null when nothing changes. */
export function editLogLine(event: AgendaEvent, draft: EventDraft): string | null {
  const before = draftOfEvent(event);
  const input = inputOfDraft(draft);
  const changed: string[] = [];
  if (draft.title.trim() !== before.title) changed.push('title');
  if (draft.body !== before.body) changed.push('body');
  if (draft.kind !== before.kind) changed.push('kind');
  if ((input.place ?? null) !== event.place) changed.push('place');
  if (draft.openToPublic && (input.onlineUrl ?? null) !== event.onlineUrl) changed.push('onlineUrl');
  if ((input.description ?? null) !== event.description) changed.push('description');
  const documents = input.documents ?? [];
  if (draft.openToPublic && (documents.length !== event.documents.length || documents.some((document, i) => document.title.trim() !== event.documents[i]?.title || document.url.trim() !== event.documents[i]?.url))) changed.push('documents');
  if (draft.openToPublic !== event.openToPublic) changed.push('openToPublic');
  const parts: string[] = [];
  const named = changed.map((field) => LOG_FIELD_NAMES[field]!);
  if (named.length) parts.push(named.join(', '));
  if (draft.status !== before.status) parts.push(draft.status === 'confirmed' ? 'jadwal dipastikan' : 'jadwal menjadi sementara');
  const timing = (value: EventDraft) => ({ allDay: value.allDay, startsAt: value.startsAt, endsAt: value.endsAt, startDate: value.startDate, endDate: value.endDate || value.startDate });
  const moved = JSON.stringify(timing(before)) !== JSON.stringify(timing(draft)) || before.timeZone !== draft.timeZone;
  if (moved) parts.push(`waktu dari ${sayPeriod(timing(before), before.timeZone)} ke ${sayPeriod(timing(draft), draft.timeZone)}`);
  return parts.length ? `Diubah: ${parts.join('; ')}.` : null;
}

/** The field errors `schema` finds in `input`, as the SDK and the server would give them. */
function check(schema: { safeParse: (input: unknown, options?: { reportInput?: boolean }) => { success: boolean; error?: { issues: unknown[] } } }, input: unknown): FieldError[] {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success || !result.error ? [] : toFieldErrors(result.error.issues as Parameters<typeof toFieldErrors>[0]);
}

/** `problems` with the one of a field left empty said as "required" (not as too short). */
function requiredWhenEmpty(problems: FieldError[], input: Record<string, string | undefined>): FieldError[] {
  return problems.map((problem) => ((input[problem.path] ?? '').trim() === '' ? { ...problem, code: 'required' } : problem));
}

/** The month (`YYYY-MM`) `months` after `month`. */
function addMonths(month: string, months: number): string {
  const [year = 2000, number = 1] = month.split('-').map(Number);
  const date = new Date(Date.UTC(year, number - 1 + months, 1));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}`;
}

const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * e-Agenda for one Sekretariat DPRD, as its staff keep the council's agenda:
 *
 * - **Events** (`#/agenda/events`, `#/agenda/events/<YYYY-MM>`): a month of the council's
 *   events in start order, filtered by body and kind, with their status and SEQUENCE.
 * - **A new event** (`#/agenda/events/baru`) and **one event** (`#/agenda/events/acara/<id>`):
 *   title, body, kind, timed (start and end in the event's zone, the council's shown) or whole
 *   days, status, open or closed, place, online link, description and documents; the line the
 *   public change log will get and the SEQUENCE subscribers' calendars will see are shown before
 *   saving. One event also has its postponement (new times and the reason), its cancellation
 *   (the reason, after asking) and its whole change log. Scheduling sends one Idempotency-Key
 *   per draft, so sending again after a lost answer schedules it once.
 * - **Bodies** (`#/agenda/events/badan`): the council's bodies; OPD admins rename, describe and
 *   add them, other staff are told who can.
 *
 * A refused form lists its problems in an error summary that takes focus, and keeps what was
 * typed. Calls go through the SDK's `agenda` namespace over the console's session. Shown by
 * `<opd-console>`; outside a console it says so.
 *
 * @summary The council agenda's events in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart views - The links between events, a new event and the bodies.
 * @csspart events - The table of a month's events.
 * @csspart preview - The log line a change will write and the SEQUENCE it brings.
 * @csspart log - The event's public change log.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the view shown.
 * @cssproperty --opd-color-error - Refused fields, the cancellation.
 * @cssproperty --opd-color-info-surface - The preview of a change.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdAgendaEvents extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, agendaEventsStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    month: { state: true, attribute: false },
    filterBody: { state: true, attribute: false },
    filterKind: { state: true, attribute: false },
    council: { state: true, attribute: false },
    councilError: { state: true, attribute: false },
    events: { state: true, attribute: false },
    listError: { state: true, attribute: false },
    event: { state: true, attribute: false },
    eventError: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    postponeDraft: { state: true, attribute: false },
    cancelReason: { state: true, attribute: false },
    confirmingCancel: { state: true, attribute: false },
    bodyDrafts: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    logged: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: View = 'list';
  /** The month listed, `YYYY-MM`. */
  private month = '';
  private filterBody = '';
  private filterKind = '';
  private council: Council | null = null;
  private councilError = '';
  private events: AgendaEvent[] | null = null;
  private listError = '';
  /** The event open in its view (`id` is in the route), read as staff see it. */
  private event: { id: number; data: AgendaEvent | null } | null = null;
  private eventError = '';
  /** What was typed in the event form: `new`, or an event's id. */
  private drafts = new Map<string, EventDraft>();
  private postponeDraft: PostponeDraft = { startsAt: '', endsAt: '', startDate: '', endDate: '', reason: '' };
  private cancelReason = '';
  private confirmingCancel = false;
  /** What an OPD admin typed for each body, by id (`''`: the new one). */
  private bodyDrafts = new Map<string, { id: string; name: string; description: string }>();
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  /** The log line the last change wrote, and the sequence it reached. */
  private logged: { text: string; sequence: number } | null = null;
  private busy: Form | '' = '';

  // English is fetched only for a page set to English: the Sekretariat DPRD works in Indonesian.
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  /** The SDK's agenda calls for the console's OPD: another OPD's data is forgotten, and the OPD's read again. */
  readonly #namespace = new OpdNamespace(agenda, ({ opd, sameOpd }) => {
    if (!sameOpd) this.resetForOpd();
    if (opd) void this.loadCouncil();
  });
  get #api(): AgendaNamespace | null {
    return this.#namespace.api;
  }
  /** The Idempotency-Key of the new event's draft: the same until it is scheduled. */
  #newKey = crypto.randomUUID();
  /** Bumped for each load of the list, so a stale one stops. */
  #listRun = 0;
  #focusTitle = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    this.#namespace.follow(this.context);
    this.followRoute(this.context.route);
  }

  private resetForOpd(): void {
    this.council = null;
    this.events = null;
    this.event = null;
    this.drafts = new Map();
    this.bodyDrafts = new Map();
    this.outcome = { errors: null, done: null };
    this.logged = null;
    this.month = '';
  }

  /** The month it is now in the council's zone. */
  private get thisMonth(): string {
    return localTimeOf(new Date().toISOString(), this.council?.timeZone ?? 'Asia/Jakarta').slice(0, 7);
  }

  /** Shows the view the route names: `[]`, `[YYYY-MM]`, `['baru']`, `['acara', id]`, `['badan']`. */
  private followRoute(route: readonly string[]): void {
    const [head, second] = route;
    const previous = this.view;
    if (head === 'baru') this.view = 'new';
    else if (head === 'badan') this.view = 'bodies';
    else if (head === 'acara' && second && /^\d+$/.test(second)) {
      this.view = 'event';
      const eventId = Number(second);
      if (this.event?.id !== eventId) {
        this.event = { id: eventId, data: null };
        this.eventError = '';
        this.outcome = { errors: null, done: null };
        this.logged = null;
        this.confirmingCancel = false;
        void this.loadEvent(eventId);
      }
    } else {
      this.view = 'list';
      const month = head && MONTH_PATTERN.test(head) ? head : this.month || '';
      if (month !== this.month || this.events === null) {
        this.month = month;
        if (this.council) void this.loadEvents();
      }
    }
    if (previous !== this.view && this.view !== 'event') this.outcome = { errors: null, done: null };
  }

  private async loadCouncil(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    this.councilError = '';
    try {
      this.council = await api.council();
      if (!this.month) this.month = this.thisMonth;
      if (this.view === 'list') void this.loadEvents();
    } catch (error) {
      this.councilError = failureMessage(error, this.localize);
    }
  }

  private async loadEvents(): Promise<void> {
    const api = this.#api;
    if (!api || !this.council) return;
    if (!this.month) this.month = this.thisMonth;
    const run = ++this.#listRun;
    this.events = null;
    this.listError = '';
    const read: AgendaEvent[] = [];
    try {
      const range = { from: `${this.month}-01`, to: `${addMonths(this.month, 1)}-01`, ...(this.filterBody ? { body: this.filterBody } : {}), ...(this.filterKind ? { kind: this.filterKind as EventKind } : {}) };
      for await (const item of api.events.list(range)) {
        if (run !== this.#listRun) return;
        read.push(item);
      }
      if (run === this.#listRun) this.events = read;
    } catch (error) {
      if (run === this.#listRun) this.listError = failureMessage(error, this.localize);
    }
  }

  private async loadEvent(eventId: number): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      const data = await api.events.read(eventId);
      if (this.event?.id !== eventId) return;
      this.showEvent(data);
    } catch (error) {
      if (this.event?.id !== eventId) return;
      this.eventError = error instanceof ApiError && error.status === 404 && error.code !== 'module-disabled' ? this.localize.t('event.notFound', eventId) : failureMessage(error, this.localize);
    }
  }

  /** Shows an event as the server has it now; the forms start from it (what was typed stays). */
  private showEvent(data: AgendaEvent, fresh = false): void {
    this.event = { id: data.id, data };
    this.eventError = '';
    if (fresh || !this.drafts.has(String(data.id))) this.setDraft(String(data.id), draftOfEvent(data));
    if (fresh || (!this.postponeDraft.startsAt && !this.postponeDraft.startDate)) {
      const draft = draftOfEvent(data);
      this.postponeDraft = { startsAt: draft.startsAt, endsAt: draft.endsAt, startDate: draft.startDate, endDate: draft.endDate, reason: fresh ? '' : this.postponeDraft.reason };
    }
  }

  private setDraft(key: string, draft: EventDraft): void {
    const drafts = new Map(this.drafts);
    drafts.set(key, draft);
    this.drafts = drafts;
  }

  private get draftKey(): string {
    return this.view === 'new' ? 'new' : String(this.event?.id ?? '');
  }

  private get currentDraft(): EventDraft {
    return this.drafts.get(this.draftKey) ?? emptyDraft(this.council?.timeZone ?? 'Asia/Jakarta');
  }

  /** OPD admins (their OPD) and regency admins set the bodies; the server says so too. */
  private get maySetBodies(): boolean {
    const role = this.context?.user.role;
    return role === 'regency_admin' || role === 'opd_admin';
  }

  private go(event: Event, route: string): void {
    event.preventDefault();
    this.#focusTitle = true;
    this.context?.navigate(route ? `${agendaEventsPage.id}/${route}` : agendaEventsPage.id, { keepFocus: true });
  }

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  /** The summary's lines for rejected fields of the event, postpone or cancel form. */
  private summaryOf(fields: readonly FieldError[], order: readonly string[], prefix = ''): SummaryError[] {
    const t = this.localize;
    return summaryErrors(
      fields.map((field) => ({ ...field, path: `${prefix}${field.path}` })),
      order.map((field) => `${prefix}${field}`),
      (field, code) => t.lookup(`error.${field.slice(prefix.length).split('.')[0]}.${code}`) ?? t.t('error.generic', this.labelOf(field.slice(prefix.length))),
    );
  }

  private labelOf(field: string): string {
    const t = this.localize;
    const key = `form.${field.split('.')[0]}`;
    return t.lookup(key) ?? field;
  }

  /** A refusal the server gave: its fields in the summary, else one sentence. */
  private async refused(form: Form, error: unknown, order: readonly string[], prefix = ''): Promise<void> {
    const t = this.localize;
    if (error instanceof ApiError && error.status === 409) {
      await this.showErrors(form, [{ field: '', message: t.t('error.conflict') }]);
      if (this.event) void this.loadEvent(this.event.id);
      return;
    }
    const fields = fieldErrorsOf(error);
    await this.showErrors(form, fields?.length ? this.summaryOf(fields, order, prefix) : [{ field: '', message: failureMessage(error, t) }]);
  }

  // ——— the event form ———

  private readonly onEventInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) || !target.name) return;
    const draft = { ...this.currentDraft, documents: this.currentDraft.documents.map((document) => ({ ...document })) };
    const documentField = /^document-(title|url)-(\d+)$/.exec(target.name);
    if (documentField) {
      const row = draft.documents[Number(documentField[2])];
      if (row) row[documentField[1] as 'title' | 'url'] = target.value;
    } else if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      if (target.name === 'allDay' || target.name === 'openToPublic') draft[target.name] = target.checked;
    } else if (target.name in draft && target.name !== 'documents') {
      (draft as unknown as Record<string, string>)[target.name] = target.value;
    }
    this.setDraft(this.draftKey, draft);
  };

  private addDocument(): void {
    const draft = this.currentDraft;
    this.setDraft(this.draftKey, { ...draft, documents: [...draft.documents, { title: '', url: '' }] });
    const index = draft.documents.length;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`#document-title-${index}`)?.focus());
  }

  private removeDocument(index: number): void {
    const draft = this.currentDraft;
    this.setDraft(this.draftKey, { ...draft, documents: draft.documents.filter((_, i) => i !== index) });
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#add-document')?.focus());
  }

  /** The problems of the draft found here, before sending: an empty field is "required", whatever else the schema says of it. */
  private draftProblems(draft: EventDraft): FieldError[] {
    const empty = new Set<string>();
    if (draft.title.trim() === '') empty.add('title');
    if (draft.allDay && !draft.startDate) empty.add('startDate');
    if (!draft.allDay && !draft.startsAt) empty.add('startsAt');
    if (!draft.allDay && !draft.endsAt) empty.add('endsAt');
    const problems = check(agendaEventInput, inputOfDraft(draft)).filter((problem) => !empty.has(problem.path));
    for (const path of empty) problems.push({ path, message: '', code: 'required' });
    if (draft.allDay && draft.startDate && draft.endDate && draft.endDate < draft.startDate) problems.push({ path: 'endDate', message: '', code: 'tooSmall' });
    if (!draft.allDay && draft.startsAt && draft.endsAt && draft.endsAt <= draft.startsAt) problems.push({ path: 'endsAt', message: '', code: 'tooSmall' });
    return problems;
  }

  private readonly onSaveEvent = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const draft = this.currentDraft;
    const problems = this.draftProblems(draft);
    this.outcome = { errors: null, done: null };
    if (problems.length) {
      await this.showErrors('event', this.summaryOf(problems, EVENT_FIELDS));
      return;
    }
    const input = inputOfDraft(draft);
    this.busy = 'event';
    try {
      if (this.view === 'new') {
        const created = await api.events.create(input, { idempotencyKey: this.#newKey });
        this.#newKey = crypto.randomUUID();
        const drafts = new Map(this.drafts);
        drafts.delete('new');
        this.drafts = drafts;
        this.events = null;
        const last = created.changes.at(-1);
        this.logged = last ? { text: last.text, sequence: created.sequence } : null;
        const message = t.t('done.scheduled', created.title);
        this.context?.announce(message);
        this.event = { id: created.id, data: created };
        this.showEvent(created, true);
        this.outcome = { errors: null, done: { form: 'event', message } };
        this.#focusTitle = true;
        this.context?.navigate(`${agendaEventsPage.id}/acara/${created.id}`, { keepFocus: true });
      } else if (this.event?.data) {
        const before = this.event.data;
        const saved = await api.events.edit(before.id, input);
        this.afterChange(before, saved);
      }
    } catch (error) {
      await this.refused('event', error, EVENT_FIELDS);
    } finally {
      this.busy = '';
    }
  };

  /** Shows a changed event: the done sentence with the log line it wrote, and a fresh list next time. */
  private afterChange(before: AgendaEvent, saved: AgendaEvent, form: Form = 'event'): void {
    const t = this.localize;
    const message = saved.sequence === before.sequence ? t.t('done.unchanged') : t.t('done.changed', saved.sequence);
    const last = saved.changes.at(-1);
    this.logged = saved.sequence !== before.sequence && last ? { text: last.text, sequence: saved.sequence } : null;
    this.showEvent(saved, true);
    this.events = null;
    this.outcome = { errors: null, done: { form, message } };
    this.context?.announce(this.logged ? `${message} ${this.logged.text}` : message);
  }

  // ——— postpone and cancel ———

  private readonly onPostponeInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) || !target.name) return;
    const name = target.name.replace(/^postpone-/, '');
    if (name in this.postponeDraft) this.postponeDraft = { ...this.postponeDraft, [name]: target.value };
  };

  /** The postponement as it would be sent. */
  private get postponeInput(): { startsAt?: string; endsAt?: string; startDate?: string; endDate?: string; reason: string } {
    const event = this.event?.data;
    const draft = this.postponeDraft;
    return event?.allDay
      ? { startDate: draft.startDate, endDate: draft.endDate || draft.startDate, reason: draft.reason }
      : { startsAt: draft.startsAt, endsAt: draft.endsAt, reason: draft.reason };
  }

  /** The log line the postponement will write, or null while its times are those it has. */
  private postponeLine(): string | null {
    const event = this.event?.data;
    if (!event) return null;
    const before = draftOfEvent(event);
    const draft = { ...this.postponeDraft, endDate: this.postponeDraft.endDate || this.postponeDraft.startDate };
    const timing = (value: { startsAt: string; endsAt: string; startDate: string; endDate: string }) => ({ allDay: event.allDay, startsAt: value.startsAt, endsAt: value.endsAt, startDate: value.startDate, endDate: value.endDate || value.startDate });
    if (JSON.stringify(timing(before)) === JSON.stringify(timing(draft))) return null;
    const later = event.allDay ? draft.startDate > before.startDate : draft.startsAt > before.startsAt;
    return `${later ? 'Diundur' : 'Dimajukan'} dari ${sayPeriod(timing(before), event.timeZone)} ke ${sayPeriod(timing(draft), event.timeZone)}: ${draft.reason.trim() || '…'}`;
  }

  private readonly onPostpone = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    const event = this.event?.data;
    if (!api || !event || this.busy) return;
    const input = this.postponeInput;
    const order = event.allDay ? ['startDate', 'endDate', 'reason'] : ['startsAt', 'endsAt', 'reason'];
    const problems = requiredWhenEmpty(check(agendaPostponeInput, input), input);
    if (!event.allDay && input.startsAt && input.endsAt && input.endsAt <= input.startsAt) problems.push({ path: 'endsAt', message: '', code: 'tooSmall' });
    this.outcome = { errors: null, done: null };
    if (problems.length) {
      await this.showErrors('postpone', this.summaryOf(problems, order, 'postpone-'));
      return;
    }
    this.busy = 'postpone';
    try {
      const saved = await api.events.postpone(event.id, input);
      this.afterChange(event, saved, 'postpone');
    } catch (error) {
      await this.refused('postpone', error, order, 'postpone-');
    } finally {
      this.busy = '';
    }
  };

  private readonly onAskCancel = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const problems = requiredWhenEmpty(check(agendaCancelInput, { reason: this.cancelReason }), { reason: this.cancelReason });
    this.outcome = { errors: null, done: null };
    if (problems.length) {
      await this.showErrors('cancel', this.summaryOf(problems, ['reason'], 'cancel-'));
      return;
    }
    this.confirmingCancel = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#cancel-yes')?.focus();
  };

  private readonly onCancel = async (): Promise<void> => {
    const api = this.#api;
    const event = this.event?.data;
    if (!api || !event || this.busy) return;
    this.busy = 'cancel';
    try {
      const saved = await api.events.cancel(event.id, this.cancelReason);
      this.confirmingCancel = false;
      this.cancelReason = '';
      this.afterChange(event, saved, 'cancel');
    } catch (error) {
      this.confirmingCancel = false;
      await this.refused('cancel', error, ['reason'], 'cancel-');
    } finally {
      this.busy = '';
    }
  };

  // ——— bodies ———

  private bodyDraft(key: string): { id: string; name: string; description: string } {
    const known = this.council?.bodies.find((body) => body.id === key);
    return this.bodyDrafts.get(key) ?? { id: key, name: known?.name ?? '', description: known?.description ?? '' };
  }

  private readonly onBodyInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement)) return;
    const match = /^body-(id|name|description)-(.*)$/.exec(target.name);
    if (!match) return;
    const key = match[2] ?? '';
    const drafts = new Map(this.bodyDrafts);
    drafts.set(key, { ...this.bodyDraft(key), [match[1]!]: target.value });
    this.bodyDrafts = drafts;
  };

  private async saveBody(key: string): Promise<void> {
    const api = this.#api;
    const council = this.council;
    if (!api || !council || this.busy || !this.maySetBodies) return;
    const t = this.localize;
    const draft = this.bodyDraft(key);
    const bodyKey = key === '' ? draft.id.trim() : key;
    const field = (name: string) => `body-${name}-${key}`;
    // A new body goes last in the council's order.
    const input = { name: draft.name, description: draft.description.trim() || null, ...(key === '' ? { position: (council.bodies.length + 1) * 10 } : {}) };
    const problems: SummaryError[] = [];
    if (key === '' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(bodyKey)) problems.push({ field: field('id'), message: t.t('error.bodyId.format') });
    for (const problem of check(councilBodyInput, input)) problems.push({ field: field(problem.path), message: t.lookup(`error.${problem.path}.${problem.code ?? 'invalid'}`) ?? t.t('error.generic', t.t(`bodies.${problem.path === 'name' ? 'name' : 'description'}`)) });
    this.outcome = { errors: null, done: null };
    if (problems.length) {
      await this.showErrors('bodies', problems);
      return;
    }
    this.busy = 'bodies';
    try {
      const saved = await api.bodies.put(bodyKey, input);
      const drafts = new Map(this.bodyDrafts);
      drafts.delete(key);
      this.bodyDrafts = drafts;
      this.council = await api.council();
      const message = t.t('bodies.saved', saved.name);
      this.outcome = { errors: null, done: { form: 'bodies', message } };
      this.context?.announce(message);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      await this.showErrors('bodies', fields?.length ? fields.map((problem) => ({ field: field(problem.path), message: t.lookup(`error.${problem.path}.${problem.code ?? 'invalid'}`) ?? problem.message })) : [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  }

  // ——— rendering ———

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusTitle && ((changed as Map<PropertyKey, unknown>).has('view') || changed.has('context'))) {
      this.#focusTitle = false;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#view-title'));
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    if (!this.context.opd) return html`<div part="base" class="base" lang=${t.lang}>${renderNotice({ message: t.t('page.pickOpd') })}</div>`;
    let body: TemplateResult;
    if (!this.council) {
      body = this.councilError
        ? renderNotice({ message: this.councilError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadCouncil(), look: 'secondary' } })
        : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    } else if (this.view === 'new') body = this.renderEventForm(null);
    else if (this.view === 'event') body = this.renderEvent();
    else if (this.view === 'bodies') body = this.renderBodies();
    else body = this.renderList();
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderViews()} ${body}</div>`;
  }

  private renderViews(): TemplateResult {
    const t = this.localize;
    const current = this.view === 'event' ? 'list' : this.view;
    const link = (view: View, route: string, label: string) =>
      html`<li><a class="view-link" href="#/${agendaEventsPage.id}${route ? `/${route}` : ''}" aria-current=${current === view ? 'page' : nothing} @click=${(event: Event) => this.go(event, route)}>${label}</a></li>`;
    return html`<nav part="views" class="views" aria-label=${t.t('views.label')}>
      <ul>
        ${link('list', this.month, t.t('views.events'))} ${link('new', 'baru', t.t('views.new'))} ${link('bodies', 'badan', t.t('views.bodies'))}
      </ul>
    </nav>`;
  }

  private heading(text: string, idName = 'view-title', level = this.level): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  private monthName(month: string): string {
    return new Intl.DateTimeFormat(this.localize.locale, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${month}-15T00:00:00Z`));
  }

  /** When an event is, in its own zone, in the page's language. */
  private whenOf(event: AgendaEvent): string {
    const locale = this.localize.locale;
    if (event.allDay && event.startDate) {
      const day = (value: string) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' }).format(new Date(`${value}T12:00:00Z`));
      return event.endDate && event.endDate !== event.startDate ? `${day(event.startDate)} – ${day(event.endDate)}` : day(event.startDate);
    }
    const format = new Intl.DateTimeFormat(locale, { timeZone: event.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: event.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return `${format.format(new Date(event.startsAt))}–${time.format(new Date(event.endsAt))} ${abbreviationOf(event.timeZone)}`;
  }

  private statusTag(event: AgendaEvent): TemplateResult {
    const t = this.localize;
    const tone = event.status === 'cancelled' ? ' tag--off' : event.status === 'tentative' ? ' tag--warn' : '';
    return html`<span class=${`tag status status--${event.status}${tone}`}>${t.t(`status.${event.status}`)}</span>`;
  }

  private readonly onFilter = (event: Event): void => {
    const target = event.target as HTMLSelectElement;
    if (target.name === 'filter-body') this.filterBody = target.value;
    if (target.name === 'filter-kind') this.filterKind = target.value;
    void this.loadEvents();
  };

  private renderList(): TemplateResult {
    const t = this.localize;
    const council = this.council!;
    const month = this.month || this.thisMonth;
    const events = this.events;
    let list: TemplateResult;
    if (!events && this.listError) list = renderNotice({ message: this.listError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadEvents(), look: 'secondary' } });
    else if (!events) list = html`<p class="muted">${t.t('list.loading')}</p>`;
    else if (events.length === 0) list = html`<p class="muted empty">${t.t('list.none')}</p>`;
    else {
      list = html`<div part="events" class="table-box" tabindex="0" role="region" aria-labelledby="events-caption">
        <table>
          <caption id="events-caption">${t.t('list.caption', this.monthName(month))}</caption>
          <thead>
            <tr>
              <th scope="col">${t.t('list.when')}</th>
              <th scope="col" class="name">${t.t('list.event')}</th>
              <th scope="col">${t.t('list.status')}</th>
              <th scope="col" class="number">${t.t('list.sequence')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              events,
              (event) => event.id,
              (event) => html`<tr class=${event.status === 'cancelled' ? 'cancelled' : ''}>
                <td class="when">${this.whenOf(event)}</td>
                <th scope="row" class="name">
                  <a href="#/${agendaEventsPage.id}/acara/${event.id}" id="open-${event.id}" @click=${(click: Event) => this.go(click, `acara/${event.id}`)}>${event.title}</a>
                  <span class="muted small">${event.body.name} · ${council.kinds.find((kind) => kind.id === event.kind)?.name ?? event.kind}${event.openToPublic ? '' : ` · ${t.t('list.closed')}`}</span>
                </th>
                <td>${this.statusTag(event)}</td>
                <td class="number">${event.sequence}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('list.title', this.monthName(month)))}
      <p class="intro">${t.t('list.intro')} ${t.t('zone.council', t.t('zone.of', abbreviationOf(council.timeZone), council.timeZone))}</p>
      <nav class="pager" aria-label=${t.t('views.events')}>
        <a part="button" class="button button--secondary button--small" id="previous-month" href="#/${agendaEventsPage.id}/${addMonths(month, -1)}" @click=${(event: Event) => this.go(event, addMonths(month, -1))}>${t.t('list.previous')}</a>
        <a part="button" class="button button--secondary button--small" id="next-month" href="#/${agendaEventsPage.id}/${addMonths(month, 1)}" @click=${(event: Event) => this.go(event, addMonths(month, 1))}>${t.t('list.next')}</a>
      </nav>
      <div class="filters" @change=${this.onFilter}>
        ${selectField({ name: 'filter-body', label: t.t('list.body'), value: this.filterBody, placeholder: t.t('list.all'), options: council.bodies.map((body) => ({ value: body.id, label: body.name })), errorPrefix: t.t('error.prefix') })}
        ${selectField({ name: 'filter-kind', label: t.t('list.kind'), value: this.filterKind, placeholder: t.t('list.all'), options: council.kinds.map((kind) => ({ value: kind.id, label: kind.name })), errorPrefix: t.t('error.prefix') })}
      </div>
      <p class="muted status" role="status">${events ? t.t('list.count', events.length) : ''}</p>
      ${list}
    </section>`;
  }

  private renderEvent(): TemplateResult {
    const t = this.localize;
    const back = html`<p class="back"><a href="#/${agendaEventsPage.id}/${this.month}" id="back" @click=${(event: Event) => this.go(event, this.month)}>${t.t('event.back')}</a></p>`;
    const event = this.event?.data;
    if (!event) {
      return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(String(this.event?.id ?? ''))}
        ${this.eventError ? renderNotice({ message: this.eventError, tone: 'warning', alert: true }) : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`}
      </section>`;
    }
    const cancelled = event.status === 'cancelled';
    return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(event.title)}
        <p class="facts">${this.statusTag(event)} <span>${this.whenOf(event)}</span> <span>SEQUENCE ${event.sequence}</span></p>
        <p class="links">
          <a href=${event.icsUrl} download>${t.t('event.ics')}</a>
          <a href=${event.url} target="_blank" rel="noopener">${t.t('event.public')}</a>
        </p>
        ${cancelled ? renderNotice({ message: t.t('event.cancelled', event.cancelReason ?? ''), tone: 'warning' }) : nothing}
        ${cancelled ? this.renderDone('cancel') : nothing}
      </section>
      ${cancelled ? nothing : this.renderEventForm(event)} ${cancelled ? nothing : this.renderPostpone(event)} ${cancelled ? nothing : this.renderCancel(event)} ${this.renderLog(event)}`;
  }

  /** The done sentence of `form` with the log line the change wrote. */
  private renderDone(form: Form): TemplateResult | typeof nothing {
    const t = this.localize;
    if (this.outcome.done?.form !== form) return nothing;
    return html`<div class="done" id="${form}-done">
      <p>${this.outcome.done.message}</p>
      ${this.logged ? html`<p>${t.t('done.logged')} <q class="log-line">${this.logged.text}</q></p>` : nothing}
    </div>`;
  }

  private renderPreview(line: string | null, sequence: number | null): TemplateResult {
    const t = this.localize;
    return html`<div part="preview" class="preview" id="event-preview" aria-live="polite">
      ${line
        ? html`<p>${t.t('log.willRead')} <q class="log-line">${line}</q></p>
            <p>${sequence === null ? t.t('log.newSubscribers') : t.t('log.subscribers', sequence, sequence + 1)}</p>`
        : html`<p>${t.t('log.nothing')}</p>`}
    </div>`;
  }

  private renderEventForm(event: AgendaEvent | null): TemplateResult {
    const t = this.localize;
    const council = this.council!;
    const draft = this.currentDraft;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'event', field);
    const zone = t.t('zone.of', abbreviationOf(draft.timeZone), draft.timeZone);
    const line = event ? editLogLine(event, draft) : draft.allDay ? (draft.startDate ? `Dijadwalkan: ${sayPeriod({ ...draft, endDate: draft.endDate || draft.startDate }, draft.timeZone)}.` : 'Dijadwalkan: …') : draft.startsAt && draft.endsAt ? `Dijadwalkan: ${sayPeriod(draft, draft.timeZone)}.` : 'Dijadwalkan: …';
    const documentsError = error('documents');
    return html`<section class="section" aria-labelledby=${event ? 'edit-title' : 'view-title'}>
      ${event ? this.heading(t.t('form.editTitle', event.title), 'edit-title') : this.heading(t.t('form.newTitle'))}
      ${renderFormOutcome({ ...this.outcome, done: null }, 'event', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      ${this.renderDone('event')}
      <form class="form-grid" novalidate @submit=${this.onSaveEvent} @input=${this.onEventInput} @change=${this.onEventInput}>
        ${textField({ name: 'title', label: t.t('form.title'), hint: t.t('form.titleHint'), value: draft.title, autocomplete: 'off', error: error('title'), errorPrefix: prefix })}
        <div class="pair">
          ${selectField({ name: 'body', label: t.t('form.body'), value: draft.body, placeholder: t.t('form.bodyPick'), options: council.bodies.map((body) => ({ value: body.id, label: body.name })), error: error('body'), errorPrefix: prefix })}
          ${selectField({ name: 'kind', label: t.t('form.kind'), value: draft.kind, placeholder: t.t('form.kindPick'), options: council.kinds.map((kind) => ({ value: kind.id, label: kind.name })), error: error('kind'), errorPrefix: prefix })}
        </div>
        ${checkboxField({ name: 'allDay', label: t.t('form.allDay'), checked: draft.allDay, errorPrefix: prefix })}
        <p class="muted zone-note" id="zone-note">${t.t('zone.council', t.t('zone.of', abbreviationOf(council.timeZone), council.timeZone))}</p>
        <div class="pair">
          ${draft.allDay
            ? html`${textField({ name: 'startDate', type: 'date', label: t.t('form.startDate'), value: draft.startDate, error: error('startDate'), errorPrefix: prefix })}
              ${textField({ name: 'endDate', type: 'date', label: t.t('form.endDate'), hint: t.t('form.endDateHint'), value: draft.endDate, error: error('endDate'), errorPrefix: prefix })}`
            : html`${textField({ name: 'startsAt', type: 'datetime-local', label: t.t('form.startsAt'), hint: t.t('form.timeHint', zone), value: draft.startsAt, error: error('startsAt'), errorPrefix: prefix })}
              ${textField({ name: 'endsAt', type: 'datetime-local', label: t.t('form.endsAt'), hint: t.t('form.timeHint', zone), value: draft.endsAt, error: error('endsAt'), errorPrefix: prefix })}`}
        </div>
        <div class="pair">
          ${selectField({ name: 'timeZone', label: t.t('form.timeZone'), value: draft.timeZone, placeholder: '—', options: Object.keys(indonesianTimeZones).map((name) => ({ value: name, label: t.t('zone.of', abbreviationOf(name), name) })), error: error('timeZone'), errorPrefix: prefix })}
          ${selectField({ name: 'status', label: t.t('form.status'), value: draft.status, placeholder: '—', options: (['confirmed', 'tentative'] as const).map((status) => ({ value: status, label: t.t(`status.${status}`) })), error: error('status'), errorPrefix: prefix })}
        </div>
        ${checkboxField({ name: 'openToPublic', label: t.t('form.open'), hint: t.t('form.openHint'), checked: draft.openToPublic, errorPrefix: prefix })}
        ${textField({ name: 'place', label: t.t('form.place'), value: draft.place, error: error('place'), errorPrefix: prefix })}
        ${textField({ name: 'onlineUrl', type: 'url', label: t.t('form.onlineUrl'), hint: t.t('form.onlineUrlHint'), value: draft.onlineUrl, autocomplete: 'off', spellcheck: false, error: error('onlineUrl'), errorPrefix: prefix })}
        ${textareaField({ name: 'description', label: t.t('form.description'), value: draft.description, rows: 4, error: error('description'), errorPrefix: prefix })}
        <fieldset part="field" class=${documentsError ? 'field group field--error' : 'field group'} id="documents" tabindex="-1" aria-describedby=${documentsError ? 'documents-hint documents-error' : 'documents-hint'}>
          <legend part="label" class="legend">${t.t('form.documents')}</legend>
          <div part="hint" class="hint" id="documents-hint">${t.t('form.documentsHint')}</div>
          ${documentsError ? html`<p part="error" class="error" id="documents-error"><span class="visually-hidden">${prefix}</span> ${documentsError}</p>` : nothing}
          ${draft.documents.map(
            (document, index) => html`<div class="document-row">
              ${textField({ name: `document-title-${index}`, label: t.t('form.documentTitle', index + 1), value: document.title, autocomplete: 'off', errorPrefix: prefix })}
              ${textField({ name: `document-url-${index}`, type: 'url', label: t.t('form.documentUrl', index + 1), value: document.url, autocomplete: 'off', spellcheck: false, errorPrefix: prefix })}
              <button part="button" type="button" class="button button--secondary button--small" @click=${() => this.removeDocument(index)}>${t.t('form.removeDocument', index + 1)}</button>
            </div>`,
          )}
          <button part="button" type="button" id="add-document" class="button button--secondary button--small" @click=${() => this.addDocument()}>${t.t('form.addDocument')}</button>
        </fieldset>
        ${this.renderPreview(line, event ? event.sequence : null)}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy === 'event'}>${this.busy === 'event' ? t.t('form.saving') : event ? t.t('form.save') : t.t('form.schedule')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderPostpone(event: AgendaEvent): TemplateResult {
    const t = this.localize;
    const draft = this.postponeDraft;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'postpone', `postpone-${field}`);
    const zone = t.t('zone.of', abbreviationOf(event.timeZone), event.timeZone);
    const line = this.postponeLine();
    return html`<section class="section" aria-labelledby="postpone-title">
      ${this.heading(t.t('postpone.title'), 'postpone-title')}
      <p class="intro">${t.t('postpone.intro')}</p>
      ${renderFormOutcome({ ...this.outcome, done: null }, 'postpone', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      ${this.renderDone('postpone')}
      <form class="form-grid" novalidate @submit=${this.onPostpone} @input=${this.onPostponeInput}>
        <div class="pair">
          ${event.allDay
            ? html`${textField({ name: 'postpone-startDate', type: 'date', label: t.t('form.startDate'), value: draft.startDate, error: error('startDate'), errorPrefix: prefix })}
              ${textField({ name: 'postpone-endDate', type: 'date', label: t.t('form.endDate'), value: draft.endDate, error: error('endDate'), errorPrefix: prefix })}`
            : html`${textField({ name: 'postpone-startsAt', type: 'datetime-local', label: t.t('form.startsAt'), hint: t.t('form.timeHint', zone), value: draft.startsAt, error: error('startsAt'), errorPrefix: prefix })}
              ${textField({ name: 'postpone-endsAt', type: 'datetime-local', label: t.t('form.endsAt'), hint: t.t('form.timeHint', zone), value: draft.endsAt, error: error('endsAt'), errorPrefix: prefix })}`}
        </div>
        ${textareaField({ name: 'postpone-reason', label: t.t('postpone.reason'), hint: t.t('postpone.reasonHint'), value: draft.reason, rows: 2, error: error('reason'), errorPrefix: prefix })}
        <div part="preview" class="preview" id="postpone-preview" aria-live="polite">
          ${line ? html`<p>${t.t('log.willRead')} <q class="log-line">${line}</q></p><p>${t.t('log.subscribers', event.sequence, event.sequence + 1)}</p>` : html`<p>${t.t('log.nothing')}</p>`}
        </div>
        <div class="actions"><button part="button" class="button" type="submit" ?disabled=${this.busy === 'postpone'}>${this.busy === 'postpone' ? t.t('form.saving') : t.t('postpone.submit')}</button></div>
      </form>
    </section>`;
  }

  private renderCancel(event: AgendaEvent): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const reason = this.cancelReason.trim();
    return html`<section class="section" aria-labelledby="cancel-title">
      ${this.heading(t.t('cancel.title'), 'cancel-title')}
      <p class="intro">${t.t('cancel.intro')}</p>
      ${renderFormOutcome({ ...this.outcome, done: null }, 'cancel', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onAskCancel} @input=${(input: Event) => (this.cancelReason = (input.composedPath()[0] as HTMLTextAreaElement).value)}>
        ${textareaField({ name: 'cancel-reason', label: t.t('cancel.reason'), hint: t.t('postpone.reasonHint'), value: this.cancelReason, rows: 2, error: outcomeFieldError(this.outcome, 'cancel', 'cancel-reason'), errorPrefix: prefix })}
        <div part="preview" class="preview" aria-live="polite">
          <p>${t.t('log.willRead')} <q class="log-line">Dibatalkan: ${reason || '…'}</q></p>
          <p>${t.t('log.subscribers', event.sequence, event.sequence + 1)}</p>
        </div>
        ${this.confirmingCancel
          ? html`<div class="confirm confirm--danger" role="group" aria-labelledby="cancel-question">
              <p id="cancel-question">${t.t('cancel.confirm', event.title)}</p>
              <div class="actions">
                <button part="button" type="button" class="button button--danger" id="cancel-yes" ?disabled=${this.busy === 'cancel'} @click=${this.onCancel}>${this.busy === 'cancel' ? t.t('form.saving') : t.t('cancel.yes')}</button>
                <button part="button" type="button" class="button button--secondary" @click=${() => (this.confirmingCancel = false)}>${t.t('cancel.no')}</button>
              </div>
            </div>`
          : html`<div class="actions"><button part="button" class="button button--secondary" type="submit">${t.t('cancel.submit')}</button></div>`}
      </form>
    </section>`;
  }

  private renderLog(event: AgendaEvent): TemplateResult {
    const t = this.localize;
    const at = new Intl.DateTimeFormat(t.locale, { timeZone: event.timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    return html`<section class="section" aria-labelledby="log-title">
      ${this.heading(t.t('log.title'), 'log-title')}
      <div part="log" class="table-box" tabindex="0" role="region" aria-labelledby="log-caption">
        <table>
          <caption id="log-caption">${t.t('log.caption')}</caption>
          <thead><tr><th scope="col">${t.t('log.at')}</th><th scope="col">${t.t('log.text')}</th><th scope="col" class="number">${t.t('log.sequence')}</th></tr></thead>
          <tbody>
            ${event.changes.map((change) => html`<tr><td class="when">${at.format(new Date(change.at))}</td><td class="log-text">${change.text}</td><td class="number">${change.sequence}</td></tr>`)}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  private renderBodies(): TemplateResult {
    const t = this.localize;
    const council = this.council!;
    const prefix = t.t('error.prefix');
    const admin = this.maySetBodies;
    const error = (field: string) => outcomeFieldError(this.outcome, 'bodies', field);
    const newDraft = this.bodyDraft('');
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('bodies.title'))}
      <p class="intro">${t.t('bodies.intro')}</p>
      ${admin ? nothing : renderNotice({ message: t.t('bodies.adminOnly') })}
      ${renderFormOutcome(this.outcome, 'bodies', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <div class="table-box" tabindex="0" role="region" aria-labelledby="bodies-caption" @input=${this.onBodyInput}>
        <table class=${admin ? 'edit-table' : ''}>
          <caption id="bodies-caption">${t.t('bodies.caption')}</caption>
          <thead><tr><th scope="col">${t.t('bodies.id')}</th><th scope="col">${t.t('bodies.name')}</th><th scope="col">${t.t('bodies.description')}</th>${admin ? html`<th scope="col"><span class="visually-hidden">${t.t('bodies.save')}</span></th>` : nothing}</tr></thead>
          <tbody>
            ${council.bodies.map((body) => {
              const draft = this.bodyDraft(body.id);
              return admin
                ? html`<tr>
                    <td class="code">${body.id}</td>
                    <td><input part="input" class="input" name="body-name-${body.id}" id="body-name-${body.id}" aria-label=${t.t('bodies.nameOf', body.id)} aria-invalid=${error(`body-name-${body.id}`) ? 'true' : 'false'} .value=${draft.name} /></td>
                    <td><input part="input" class="input" name="body-description-${body.id}" id="body-description-${body.id}" aria-label=${t.t('bodies.descriptionOf', body.id)} .value=${draft.description} /></td>
                    <td><button part="button" type="button" class="button button--secondary button--small" ?disabled=${this.busy === 'bodies'} @click=${() => void this.saveBody(body.id)}>${t.t('bodies.save')}<span class="visually-hidden"> ${t.t('bodies.saveWhich', body.id)}</span></button></td>
                  </tr>`
                : html`<tr><td class="code">${body.id}</td><td>${body.name}</td><td>${body.description ?? '—'}</td></tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${admin
        ? html`<div class="section" @input=${this.onBodyInput}>
            ${this.heading(t.t('bodies.newTitle'), 'new-body-title', this.level + 1)}
            <div class="inline-form">
              ${textField({ name: 'body-id-', label: t.t('bodies.newId'), hint: t.t('bodies.newIdHint'), value: newDraft.id, autocomplete: 'off', spellcheck: false, error: error('body-id-'), errorPrefix: prefix })}
              ${textField({ name: 'body-name-', label: t.t('bodies.name'), value: newDraft.name, autocomplete: 'off', error: error('body-name-'), errorPrefix: prefix })}
              <button part="button" type="button" class="button" ?disabled=${this.busy === 'bodies'} @click=${() => void this.saveBody('')}>${t.t('bodies.add')}</button>
            </div>
          </div>`
        : nothing}
    </section>`;
  }
}

/** The copy's type, for tests that read a message. */
export type { AgendaEventsMessages };
