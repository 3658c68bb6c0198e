/**
 * `<opd-consultation-inbox>`: SIAP's page in the staff console — the queues, the list, one
 * question with the citizen's contact, answering, status, assignment and internal notes.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../src/errors.js';
import { accountEndpoints, type StaffUser } from '../../src/schemas/accounts.js';
import {
  consultationTransitions,
  type ConsultationStatus,
} from '../../src/schemas/consultations.js';
import {
  consultationEndpoints as endpoints,
  type AnswerTemplate,
  type ConsultationCounts,
  type ConsultationListQuery,
  type ConsultationStaff,
} from '../../src/schemas/consultation-staff.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../console/kit/failure.js';
import { errorFor, summaryErrors } from '../console/kit/forms.js';
import { ConsolePageElement } from '../console/page.js';
import { opdErrorDetail } from '../shared/error-detail.js';
import { focusTemporarily, renderErrorSummary, type SummaryError } from '../shared/error-summary.js';
import { selectField, textareaField, textField } from '../shared/fields.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { consultationInboxStyles } from './consultation-inbox.styles.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';

/** The queues, in the order the inbox shows them. */
export const INBOX_QUEUES = ['received', 'in_progress', 'answered', 'closed', 'today', 'overdue', 'mine', 'all'] as const;

/** A queue of the inbox, see {@link INBOX_QUEUES}. */
export type InboxQueue = (typeof INBOX_QUEUES)[number];

/** The list filter of each queue (the counts endpoint counts the same). */
const QUEUE_FILTERS: Readonly<Record<InboxQueue, ConsultationListQuery>> = {
  received: { status: 'received' },
  in_progress: { status: 'in_progress' },
  answered: { status: 'answered' },
  closed: { status: 'closed' },
  today: { due: 'today' },
  overdue: { due: 'overdue' },
  mine: { due: 'open', assignee: 'me' },
  all: {},
};

/** How many of each queue the counts say. */
function countOf(counts: ConsultationCounts, queue: InboxQueue): number {
  switch (queue) {
    case 'today':
      return counts.dueToday;
    case 'overdue':
      return counts.overdue;
    case 'mine':
      return counts.assignedToMe;
    case 'all':
      return counts.total;
    default:
      return counts.byStatus[queue];
  }
}

/** Milliseconds between two looks at the counts while the tab is visible. */
export const POLL_INTERVAL_MS = 15_000;

/** Questions per page of the list. */
const PAGE_SIZE = 25;

/** The statuses a question can still be answered from. */
const ANSWERABLE: readonly ConsultationStatus[] = ['received', 'in_progress'];

/** What the staff member typed for one question, kept while they look at others and while the list refreshes. */
interface Draft {
  answer: string;
  template: string;
  status: string;
  note: string;
  internalNote: string;
  noteText: string;
  assignee: string | null;
}

const emptyDraft = (c: ConsultationStaff | null): Draft => ({
  answer: '',
  template: '',
  status: '',
  note: '',
  internalNote: '',
  noteText: '',
  assignee: c?.assignee?.id ?? null,
});

/** Which form of the detail pane an action belongs to (each has its own error summary). */
type DetailForm = 'answer' | 'status' | 'note' | 'assign';

/** True when a key press goes to a field the person is typing in. */
function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'file', 'image', 'range', 'color'].includes(target.type);
  }
  return false;
}

/**
 * SIAP's console page: the day's work on an OPD's questions.
 *
 * - Queues with counts: Baru, Diproses, Dijawab, Ditutup, Jatuh tempo hari ini, Terlambat,
 *   Ditugaskan ke saya, Semua; a search within the chosen queue.
 * - The list, and one question beside it (under it on a narrow screen): the citizen's contact
 *   (every read is audited by the server), the question, assignment to a colleague, the answer
 *   (from a template if wanted), status changes with a note to the citizen and an internal
 *   note, internal notes, and the history the citizen sees.
 * - Keyboard: `j`/`k` next/previous question, Enter opens it, `r` answer, `/` search, `?` the
 *   list of shortcuts. None fires while typing in a field.
 * - New questions appear without a reload: the counts are read every 15 seconds while the tab
 *   is visible; new ones are announced ("2 pertanyaan baru") and the list is read again,
 *   leaving what the staff member is typing as it is.
 *
 * Shown by `<opd-console>` at `#/siap/inbox` (`#/siap/inbox/<tracking code>` for one
 * question); outside a console it says so.
 *
 * @summary SIAP's inbox in the staff console.
 *
 * @attr api - The backend's base URL; the console sets it (its calls go through the console's session).
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the pane headings (the console sets it one below its page title).
 *
 * @event opd-error - Something failed and the staff member was told. `detail: { code, action, requestId?, error }`; `action` is `list`, `open`, `answer`, `status`, `note` or `assign`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart queues - The queue buttons.
 * @csspart list - The list of questions.
 * @csspart detail - The open question.
 * @csspart internal-note - Every internal note (never visible to citizens).
 * @csspart button - Every button.
 * @csspart notice - Messages.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the chosen queue and question.
 * @cssproperty --opd-color-warning-surface - Internal notes, due today.
 * @cssproperty --opd-color-warning-border - The dashed edge of internal notes.
 * @cssproperty --opd-color-info-surface - Notes to the citizen, the open question in the list.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdConsultationInbox extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consultationInboxStyles];

  static override properties: PropertyDeclarations = {
    queue: { state: true, attribute: false },
    query: { state: true, attribute: false },
    typedQuery: { state: true, attribute: false },
    counts: { state: true, attribute: false },
    items: { state: true, attribute: false },
    nextCursor: { state: true, attribute: false },
    listState: { state: true, attribute: false },
    listError: { state: true, attribute: false },
    loadingMore: { state: true, attribute: false },
    detail: { state: true, attribute: false },
    detailState: { state: true, attribute: false },
    detailError: { state: true, attribute: false },
    colleagues: { state: true, attribute: false },
    colleaguesFailed: { state: true, attribute: false },
    templates: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    formErrors: { state: true, attribute: false },
    done: { state: true, attribute: false },
    pendingNew: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
  };

  private queue: InboxQueue = 'received';
  private query = '';
  private typedQuery = '';
  private counts: ConsultationCounts | null = null;
  private items: ConsultationStaff[] = [];
  private nextCursor: string | null = null;
  private listState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  private listError = '';
  private loadingMore = false;
  private detail: ConsultationStaff | null = null;
  private detailState: 'none' | 'loading' | 'ready' | 'failed' = 'none';
  private detailError = '';
  private colleagues: StaffUser[] = [];
  private colleaguesFailed = false;
  private templates: AnswerTemplate[] = [];
  private busy: DetailForm | '' = '';
  private formErrors: { form: DetailForm; errors: SummaryError[] } | null = null;
  private done: { form: DetailForm; message: string } | null = null;
  private pendingNew = 0;
  /** What was typed, per tracking code. */
  private drafts = new Map<string, Draft>();

  private readonly localize = new LocalizeController(this, { id, en });
  #opd = '';
  #openCode = '';
  #pollTimer: ReturnType<typeof setInterval> | undefined;
  #listAbort: AbortController | undefined;
  #detailAbort: AbortController | undefined;
  /** The newest question the inbox has seen (from the counts). */
  #latestSeen: string | null = null;
  #totalSeen = 0;
  /** Focus the open question's heading after it renders (it was opened by the person). */
  #focusDetail = false;
  /** Focus this question of the list after it renders (the person came back from it). */
  #focusItem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeyDown);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.startPolling();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeyDown);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopPolling();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    const opd = this.context.opd?.slug ?? '';
    if (opd !== this.#opd) {
      this.#opd = opd;
      this.resetForOpd();
    }
    const code = this.context.route[0] ?? '';
    if (code !== this.#openCode) {
      this.#openCode = code;
      void this.open(code);
    }
  }

  protected override updated(): void {
    if (this.#focusDetail && this.detailState === 'ready') {
      this.#focusDetail = false;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#detail-title'));
    }
    if (this.#focusItem && this.detailState === 'none') {
      // Back to the list: to the question just left.
      this.itemLink(this.#focusItem)?.focus();
      this.#focusItem = '';
    }
  }

  /** Another OPD: nothing of the last one stays. */
  private resetForOpd(): void {
    this.items = [];
    this.counts = null;
    this.detail = null;
    this.detailState = 'none';
    this.drafts = new Map();
    this.colleagues = [];
    this.templates = [];
    this.pendingNew = 0;
    this.#latestSeen = null;
    this.#totalSeen = 0;
    if (!this.#opd) return;
    void this.loadList();
    void this.poll(true);
    void this.loadColleagues();
    void this.loadTemplates();
  }

  private get session() {
    return this.context!.session;
  }

  // --- Reading ---------------------------------------------------------------------------

  /** Reads the first page of the current queue (and search) again; keeps what is typed. */
  private async loadList(): Promise<void> {
    const opd = this.#opd;
    if (!opd) return;
    this.#listAbort?.abort();
    const abort = new AbortController();
    this.#listAbort = abort;
    if (this.items.length === 0) this.listState = 'loading';
    try {
      const page = await this.session.call(endpoints.list, {
        params: { opd },
        query: { ...QUEUE_FILTERS[this.queue], ...(this.query ? { q: this.query } : {}), limit: PAGE_SIZE },
        what: 'the consultation list',
        signal: abort.signal,
      });
      if (abort.signal.aborted || opd !== this.#opd) return;
      this.items = page.data;
      this.nextCursor = page.nextCursor;
      this.listState = 'ready';
      this.listError = '';
      this.pendingNew = 0;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.listState = 'failed';
      this.listError = failureMessage(error, this.localize);
      this.emit('opd-error', opdErrorDetail(error, 'list'));
    }
  }

  private readonly loadMore = async (): Promise<void> => {
    const opd = this.#opd;
    if (!this.nextCursor || this.loadingMore) return;
    this.loadingMore = true;
    try {
      const page = await this.session.call(endpoints.list, {
        params: { opd },
        query: { ...QUEUE_FILTERS[this.queue], ...(this.query ? { q: this.query } : {}), limit: PAGE_SIZE, cursor: this.nextCursor },
        what: 'the consultation list',
      });
      if (opd !== this.#opd) return;
      const known = new Set(this.items.map((item) => item.trackingCode));
      const first = page.data.find((item) => !known.has(item.trackingCode));
      this.items = [...this.items, ...page.data.filter((item) => !known.has(item.trackingCode))];
      this.nextCursor = page.nextCursor;
      await this.updateComplete;
      if (first) this.itemLink(first.trackingCode)?.focus();
    } catch (error) {
      this.listError = failureMessage(error, this.localize);
    } finally {
      this.loadingMore = false;
    }
  };

  /** Opens one question (or none for `''`). */
  private async open(code: string): Promise<void> {
    this.#detailAbort?.abort();
    this.formErrors = null;
    this.done = null;
    if (!code || !this.#opd) {
      this.detail = null;
      this.detailState = 'none';
      return;
    }
    const abort = new AbortController();
    this.#detailAbort = abort;
    if (this.detail?.trackingCode !== code) this.detailState = 'loading';
    try {
      const consultation = await this.session.call(endpoints.get, {
        params: { opd: this.#opd, trackingCode: code },
        what: `consultation ${code}`,
        signal: abort.signal,
      });
      if (abort.signal.aborted) return;
      this.show(consultation);
      this.#focusDetail = true;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.detailState = 'failed';
      this.detailError = failureMessage(error, this.localize);
      this.emit('opd-error', opdErrorDetail(error, 'open'));
    }
  }

  /** Shows `c` in the detail pane and in the list. */
  private show(c: ConsultationStaff): void {
    this.detail = c;
    this.detailState = 'ready';
    this.items = this.items.map((item) => (item.trackingCode === c.trackingCode ? c : item));
    if (!this.drafts.has(c.trackingCode)) this.drafts = new Map(this.drafts).set(c.trackingCode, emptyDraft(c));
  }

  private async loadColleagues(): Promise<void> {
    const opd = this.#opd;
    try {
      const users: StaffUser[] = [];
      let cursor: string | undefined;
      do {
        const page = await this.session.call(accountEndpoints.listOpdUsers, {
          params: { opd },
          query: { limit: 100, ...(cursor ? { cursor } : {}) },
          what: 'the colleagues',
        });
        users.push(...page.data);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && users.length < 500);
      if (opd !== this.#opd) return;
      this.colleagues = users.filter((user) => !user.disabled);
      this.colleaguesFailed = false;
    } catch {
      if (opd === this.#opd) this.colleaguesFailed = true;
    }
  }

  private async loadTemplates(): Promise<void> {
    const opd = this.#opd;
    try {
      const list = await this.session.call(endpoints.listTemplates, { params: { opd }, what: 'the answer templates' });
      if (opd === this.#opd) this.templates = list.data;
    } catch {
      // Answering works without templates.
    }
  }

  // --- New questions without a reload --------------------------------------------------------

  private startPolling(): void {
    this.stopPolling();
    this.#pollTimer = setInterval(() => {
      if (document.visibilityState === 'visible') void this.poll(false);
    }, POLL_INTERVAL_MS);
  }

  private stopPolling(): void {
    clearInterval(this.#pollTimer);
    this.#pollTimer = undefined;
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible' && this.isConnected) void this.poll(false);
  };

  /**
   * Reads the counts. Newer questions than the inbox has seen are announced and the list is
   * read again (what is typed stays: it lives in the drafts, not in the list).
   */
  async poll(first = false): Promise<void> {
    const opd = this.#opd;
    if (!opd || !this.context) return;
    let counts: ConsultationCounts;
    try {
      counts = await this.session.call(endpoints.counts, { params: { opd }, what: 'the queue counts' });
    } catch {
      return; // the next look tries again
    }
    if (opd !== this.#opd) return;
    const previous = this.counts;
    this.counts = counts;
    const latest = counts.latestSubmittedAt;
    const newer = !first && latest !== null && (this.#latestSeen === null || latest > this.#latestSeen);
    const added = Math.max(1, counts.total - this.#totalSeen);
    this.#latestSeen = latest;
    this.#totalSeen = counts.total;
    if (first) return;
    if (newer) {
      this.context.announce(this.localize.t('new.some', added));
      this.pendingNew = added;
      await this.loadList();
    } else if (previous && countOf(previous, this.queue) !== countOf(counts, this.queue)) {
      // A colleague answered or moved one: the queue changed under us.
      await this.loadList();
    }
  }

  // --- Acting --------------------------------------------------------------------------------

  private draftOf(code: string): Draft {
    return this.drafts.get(code) ?? emptyDraft(this.detail?.trackingCode === code ? this.detail : null);
  }

  private setDraft(code: string, change: Partial<Draft>): void {
    this.drafts = new Map(this.drafts).set(code, { ...this.draftOf(code), ...change });
  }

  /** Runs one action of the detail pane: its error summary on failure, its message on success. */
  private async act(
    form: DetailForm,
    run: () => Promise<ConsultationStaff>,
    success: (c: ConsultationStaff) => string,
    fields: { order: readonly string[]; paths?: Record<string, string> },
  ): Promise<boolean> {
    if (this.busy) return false;
    this.busy = form;
    this.formErrors = null;
    this.done = null;
    try {
      const updated = await run();
      this.show(updated);
      this.done = { form, message: success(updated) };
      this.context?.announce(this.done.message);
      void this.poll(false);
      return true;
    } catch (error) {
      this.formErrors = { form, errors: this.actionErrors(form, error, fields) };
      if (!fieldErrorsOf(error)) this.emit('opd-error', opdErrorDetail(error, form));
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
      return false;
    } finally {
      this.busy = '';
    }
  }

  private actionErrors(form: DetailForm, error: unknown, fields: { order: readonly string[]; paths?: Record<string, string> }): SummaryError[] {
    const t = this.localize;
    if (error instanceof ApiError && error.status === 409) {
      // Someone else changed it meanwhile: read it again so the pane shows where it is now.
      if (this.detail) void this.open(this.detail.trackingCode);
      return [{ field: '', message: t.t(form === 'answer' ? 'error.conflict.answer' : 'error.conflict.status') }];
    }
    const rejected = fieldErrorsOf(error);
    if (rejected) {
      const renamed = rejected.map((field) => ({ ...field, path: fields.paths?.[field.path] ?? field.path }));
      return summaryErrors(renamed, fields.order, (field, code) => t.lookup(`error.${field}.${code}`) ?? t.lookup(`error.${field}.invalid`) ?? failureMessage(error, t));
    }
    return [{ field: '', message: failureMessage(error, t) }];
  }

  private readonly onAnswer = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const c = this.detail;
    if (!c) return;
    const text = this.draftOf(c.trackingCode).answer;
    const sent = await this.act(
      'answer',
      () => this.session.call(endpoints.answer, { params: { opd: this.#opd, trackingCode: c.trackingCode }, body: { text }, what: `the answer to ${c.trackingCode}` }),
      () => this.localize.t('answer.done'),
      { order: ['answer'], paths: { text: 'answer' } },
    );
    if (sent) this.setDraft(c.trackingCode, { answer: '', template: '' });
  };

  private readonly onStatus = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const c = this.detail;
    if (!c) return;
    const draft = this.draftOf(c.trackingCode);
    if (!draft.status) {
      this.formErrors = { form: 'status', errors: [{ field: 'status', message: this.localize.t('error.status.required') }] };
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#status-summary .error-summary'));
      return;
    }
    const status = draft.status as ConsultationStatus;
    const sent = await this.act(
      'status',
      () =>
        this.session.call(endpoints.setStatus, {
          params: { opd: this.#opd, trackingCode: c.trackingCode },
          body: {
            status,
            ...(draft.note.trim() ? { note: draft.note } : {}),
            ...(draft.internalNote.trim() ? { internalNote: draft.internalNote } : {}),
          },
          what: `the status of ${c.trackingCode}`,
        }),
      (updated) => this.localize.t('status.done', this.localize.t(`status.${updated.status}`)),
      { order: ['status', 'note', 'internalNote'] },
    );
    if (sent) this.setDraft(c.trackingCode, { status: '', note: '', internalNote: '' });
  };

  private readonly onNote = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const c = this.detail;
    if (!c) return;
    const text = this.draftOf(c.trackingCode).noteText;
    const sent = await this.act(
      'note',
      () => this.session.call(endpoints.addNote, { params: { opd: this.#opd, trackingCode: c.trackingCode }, body: { text }, what: `a note on ${c.trackingCode}` }),
      () => this.localize.t('notes.done'),
      { order: ['noteText'], paths: { text: 'noteText' } },
    );
    if (sent) this.setDraft(c.trackingCode, { noteText: '' });
  };

  private async assign(userId: string | null): Promise<void> {
    const c = this.detail;
    if (!c) return;
    await this.act(
      'assign',
      () => this.session.call(endpoints.assign, { params: { opd: this.#opd, trackingCode: c.trackingCode }, body: { userId }, what: `the assignment of ${c.trackingCode}` }),
      (updated) => (updated.assignee ? this.localize.t('assign.done', updated.assignee.name) : this.localize.t('assign.cleared')),
      { order: ['userId'] },
    );
  }

  private readonly onAssign = (event: SubmitEvent): void => {
    event.preventDefault();
    const c = this.detail;
    if (!c) return;
    void this.assign(this.draftOf(c.trackingCode).assignee);
  };

  private readonly onAssignMe = (): void => {
    const me = this.context?.user.id;
    if (!me || !this.detail) return;
    this.setDraft(this.detail.trackingCode, { assignee: me });
    void this.assign(me);
  };

  private readonly onUseTemplate = (): void => {
    const c = this.detail;
    if (!c) return;
    const draft = this.draftOf(c.trackingCode);
    const template = this.templates.find((item) => item.id === draft.template);
    if (!template) return;
    // Added after what is there, never over it.
    const answer = draft.answer.trim() ? `${draft.answer.replace(/\s+$/, '')}\n\n${template.text}` : template.text;
    this.setDraft(c.trackingCode, { answer });
    this.context?.announce(this.localize.t('answer.templateReplaced'));
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>('#answer')?.focus());
  };

  // --- Queues, search, list ------------------------------------------------------------------

  private pickQueue(queue: InboxQueue): void {
    if (queue === this.queue) return;
    this.queue = queue;
    this.items = [];
    this.nextCursor = null;
    void this.loadList();
  }

  private readonly onSearch = (event: SubmitEvent): void => {
    event.preventDefault();
    this.query = this.typedQuery.trim();
    this.items = [];
    void this.loadList();
  };

  private readonly onClearSearch = (): void => {
    this.typedQuery = '';
    this.query = '';
    this.items = [];
    void this.loadList();
    this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
  };

  private readonly onShowNew = (): void => {
    this.pendingNew = 0;
    if (this.queue !== 'received' && this.queue !== 'all') this.pickQueue('received');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.item a')?.focus());
  };

  private itemLink(code: string): HTMLAnchorElement | null {
    return this.renderRoot.querySelector<HTMLAnchorElement>(`.item[data-code="${CSS.escape(code)}"] a`);
  }

  /** The address of the list (no code) or of one question. */
  private hrefFor(code: string): string {
    const opd = this.context?.opd?.slug;
    return `#/siap/inbox${code ? `/${encodeURIComponent(code)}` : ''}${opd ? `?opd=${encodeURIComponent(opd)}` : ''}`;
  }

  private readonly onItemClick = (event: MouseEvent): void => {
    // The shell routes on the address; a plain click with no modifier stays in the console.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const code = (event.currentTarget as HTMLElement).closest<HTMLElement>('.item')?.dataset.code;
    if (!code || !this.context) return;
    event.preventDefault();
    // The question's heading takes focus once it is open.
    this.context.navigate(`siap/inbox/${code}`, { keepFocus: true });
  };

  private readonly onBack = (event: Event): void => {
    event.preventDefault();
    this.#focusItem = this.detail?.trackingCode ?? '';
    this.context?.navigate('siap/inbox', { keepFocus: true });
  };

  // --- Keyboard ------------------------------------------------------------------------------

  /** The console (or this page) around the event, or the page's body: shortcuts work there only. */
  private ownsEvent(event: KeyboardEvent): boolean {
    const path = event.composedPath();
    if (path.includes(this)) return true;
    const shell = (this.getRootNode() as ShadowRoot).host;
    if (shell && path.includes(shell)) return true;
    const target = path[0];
    return target === document.body || target === document.documentElement || target === document;
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!this.context || !this.ownsEvent(event)) return;
    if (isTyping(event.composedPath()[0])) return;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts');
    if (dialog?.open) return;
    switch (event.key) {
      case 'j':
        event.preventDefault();
        this.moveInList(1);
        return;
      case 'k':
        event.preventDefault();
        this.moveInList(-1);
        return;
      case '/':
        event.preventDefault();
        this.renderRoot.querySelector<HTMLInputElement>('#q')?.focus();
        return;
      case 'r': {
        const answer = this.renderRoot.querySelector<HTMLTextAreaElement>('#answer');
        if (!answer) return;
        event.preventDefault();
        answer.focus();
        answer.scrollIntoView({ block: 'center' });
        return;
      }
      case '?':
        event.preventDefault();
        this.showShortcuts();
        return;
      default:
        return;
    }
  };

  /** Moves focus to the next (`1`) or previous (`-1`) question of the list. */
  private moveInList(step: 1 | -1): void {
    const links = [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('.item a')];
    if (links.length === 0) return;
    const active = this.shadowRoot?.activeElement;
    let index = links.findIndex((link) => link === active);
    if (index < 0) {
      const open = this.detail ? links.findIndex((link) => link.closest<HTMLElement>('.item')?.dataset.code === this.detail?.trackingCode) : -1;
      index = open >= 0 ? open : step === 1 ? -1 : links.length;
    }
    const next = links[Math.min(links.length - 1, Math.max(0, index + step))];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  }

  private readonly showShortcuts = (): void => {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts');
    if (dialog && !dialog.open) dialog.showModal();
  };

  private readonly closeShortcuts = (): void => {
    this.renderRoot.querySelector<HTMLDialogElement>('#shortcuts')?.close();
  };

  // --- Rendering -----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) {
      return html`<div part="base" class="base" lang=${t.lang}>${renderOutsideConsole(t.lang)}</div>`;
    }
    const open = this.detailState !== 'none';
    return html`<div part="base" class=${`base inbox${open ? ' inbox--open' : ''}`} lang=${t.lang}>
      ${this.renderQueues()}
      <div class="toolbar">
        ${this.renderSearch()}
        <button part="button" type="button" class="button button--secondary button--small" @click=${this.showShortcuts} aria-keyshortcuts="?">
          ${t.t('shortcuts.open')} <kbd>?</kbd>
        </button>
      </div>
      ${this.pendingNew > 0 && this.queue !== 'received' && this.queue !== 'all'
        ? renderNotice({ message: t.t('new.some', this.pendingNew), action: { label: t.t('new.show'), onClick: this.onShowNew, look: 'secondary' } })
        : nothing}
      <div class="panes">
        <section class="list-pane" aria-labelledby="list-title">${this.renderList()}</section>
        <section part="detail" class="detail-pane" aria-labelledby=${open ? 'detail-title' : 'detail-empty'}>${this.renderDetail()}</section>
      </div>
      ${this.renderShortcuts()}
    </div>`;
  }

  private renderQueues(): TemplateResult {
    const t = this.localize;
    return html`<div part="queues" class="queues" role="group" aria-label=${t.t('inbox.queues')}>
      ${INBOX_QUEUES.map((queue) => {
        const count = this.counts ? countOf(this.counts, queue) : null;
        const warn = (queue === 'overdue' || queue === 'today') && (count ?? 0) > 0;
        return html`<button
          type="button"
          part="button"
          class=${`queue${queue === this.queue ? ' queue--current' : ''}${warn ? ' queue--warn' : ''}`}
          aria-pressed=${queue === this.queue ? 'true' : 'false'}
          @click=${() => this.pickQueue(queue)}
        >
          <span class="queue-name">${t.t(`queue.${queue}`)}</span>
          <span class="queue-count">${count === null ? '…' : t.number(count)}<span class="visually-hidden"> ${count === null ? '' : t.t('queue.count', count)}</span></span>
        </button>`;
      })}
    </div>`;
  }

  private renderSearch(): TemplateResult {
    const t = this.localize;
    return html`<form class="search" role="search" novalidate @submit=${this.onSearch}>
      ${textField({
        name: 'q',
        label: t.t('search.label'),
        hint: t.t('search.hint'),
        type: 'search',
        value: this.typedQuery,
        autocomplete: 'off',
        spellcheck: false,
        errorPrefix: t.t('error.prefix'),
        after: html`<button part="button" class="button" type="submit">${t.t('search.submit')}</button>
          ${this.query
            ? html`<button part="button" class="button button--secondary" type="button" @click=${this.onClearSearch}>${t.t('search.clear')}</button>`
            : nothing}`,
      })}
    </form>`;
  }

  private renderList(): TemplateResult {
    const t = this.localize;
    const queueName = t.t(`queue.${this.queue}`);
    const total = this.counts && !this.query ? countOf(this.counts, this.queue) : null;
    const heading = html`<div role="heading" aria-level=${this.level} class="heading heading--pane" id="list-title">
      ${t.t('list.label', queueName)}
    </div>`;
    if (this.listState === 'loading' || this.listState === 'idle') return html`${heading}<p class="muted">${t.t('list.loading')}</p>`;
    if (this.listState === 'failed') {
      return html`${heading}${renderNotice({ message: this.listError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadList(), look: 'secondary' } })}`;
    }
    if (this.items.length === 0) {
      return html`${heading}<p class="muted empty">${this.query ? t.t('list.emptySearch', this.query) : t.t('list.empty')}</p>`;
    }
    const open = this.detail?.trackingCode;
    return html`${heading}
      <ol part="list" class="list" aria-labelledby="list-title">
        ${repeat(
          this.items,
          (item) => item.trackingCode,
          (item) => this.renderItem(item, item.trackingCode === open),
        )}
      </ol>
      ${total !== null && total > this.items.length ? html`<p class="muted shown">${t.t('list.shown', this.items.length, total)}</p>` : nothing}
      ${this.nextCursor
        ? html`<button part="button" type="button" class="button button--secondary" @click=${this.loadMore} ?disabled=${this.loadingMore}>
            ${this.loadingMore ? ck(t.lang)['ck.loading'] : t.t('list.more')}
          </button>`
        : nothing}`;
  }

  private dueState(c: ConsultationStaff): 'overdue' | 'today' | '' {
    if (c.status === 'answered' || c.status === 'closed' || c.firstResponseAt) return '';
    if (c.overdue) return 'overdue';
    return this.localize.date(c.dueAt) === this.localize.date(new Date()) ? 'today' : '';
  }

  private renderItem(c: ConsultationStaff, current: boolean): TemplateResult {
    const t = this.localize;
    const due = this.dueState(c);
    return html`<li class=${current ? 'item item--current' : 'item'} data-code=${c.trackingCode}>
      <a href=${this.hrefFor(c.trackingCode)} @click=${this.onItemClick} aria-current=${current ? 'true' : 'false'}>
        <span class="item-subject">${c.subject}</span>
        <span class="item-meta">
          <span class="code">${c.trackingCode}</span>
          <span class="badge badge--${c.status}">${t.t(`status.${c.status}`)}</span>
          ${due ? html`<span class="badge badge--${due}">${t.t(due === 'overdue' ? 'list.overdue' : 'list.dueToday')}</span>` : nothing}
        </span>
        <span class="item-meta muted">
          <span>${c.category.name}</span>
          <span><time datetime=${c.submittedAt}>${t.t('list.submitted', t.date(c.submittedAt))}</time></span>
          <span>${c.assignee ? t.t('list.assignee', c.assignee.name) : t.t('list.unassigned')}</span>
        </span>
      </a>
    </li>`;
  }

  private renderDetail(): TemplateResult {
    const t = this.localize;
    switch (this.detailState) {
      case 'none':
        return html`<p class="muted empty" id="detail-empty">${t.t('detail.none')}</p>`;
      case 'loading':
        return html`<p class="muted" id="detail-title">${t.t('detail.loading')}</p>`;
      case 'failed':
        return html`<div id="detail-title">
          ${renderNotice({ message: this.detailError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.open(this.#openCode), look: 'secondary' } })}
        </div>`;
      case 'ready':
        return this.detail ? this.renderConsultation(this.detail) : html``;
    }
  }

  private renderFormSummary(form: DetailForm): TemplateResult {
    const errors = this.formErrors?.form === form ? this.formErrors.errors : [];
    const done = this.done?.form === form ? this.done.message : '';
    return html`<div id="${form}-summary">
      ${errors.length
        ? renderErrorSummary({ title: this.localize.t('summary.title'), errors, headingLevel: this.level + 2, root: () => this.shadowRoot })
        : nothing}
      ${done ? html`<p class="done">${done}</p>` : nothing}
    </div>`;
  }

  private fieldError(form: DetailForm, field: string): string | undefined {
    return this.formErrors?.form === form ? errorFor(this.formErrors.errors, field) : undefined;
  }

  private renderConsultation(c: ConsultationStaff): TemplateResult {
    const t = this.localize;
    const sub = this.level + 1;
    const due = this.dueState(c);
    return html`
      <a class="back" href=${this.hrefFor('')} @click=${this.onBack}>← ${t.t('detail.back')}</a>
      <div role="heading" aria-level=${this.level} class="heading heading--pane" id="detail-title">${c.subject}</div>
      <p class="detail-meta">
        <span class="code">${c.trackingCode}</span>
        <span class="badge badge--${c.status}">${t.t(`status.${c.status}`)}</span>
        ${due ? html`<span class="badge badge--${due}">${t.t(due === 'overdue' ? 'list.overdue' : 'list.dueToday')}</span>` : nothing}
      </p>
      ${due === 'overdue' ? renderNotice({ message: t.t('detail.overdue'), tone: 'warning' }) : nothing}

      <div role="heading" aria-level=${sub} class="heading heading--small">${t.t('detail.citizen')}</div>
      <p class="audited">${t.t('detail.audited')}</p>
      ${c.contactErasedAt ? renderNotice({ message: t.t('detail.erased', t.date(c.contactErasedAt)) }) : nothing}
      <dl class="facts">
        <div><dt>${t.t('detail.name')}</dt><dd>${c.name}</dd></div>
        <div><dt>${t.t('detail.email')}</dt><dd>${c.email ? html`<a href="mailto:${c.email}">${c.email}</a>` : t.t('detail.noContact')}</dd></div>
        <div><dt>${t.t('detail.phone')}</dt><dd>${c.phone ? html`<a href="tel:${c.phone}">${c.phone}</a>` : t.t('detail.noContact')}</dd></div>
        <div>
          <dt>${t.t('detail.consent')}</dt>
          <dd>
            ${c.consent.text ? html`<q>${c.consent.text}</q>` : html`<span class="muted">${t.t('detail.consentUnknown')}</span>`}
            <span class="muted">${t.t('detail.consentAt', t.dateTime(c.consent.at))}</span>
          </dd>
        </div>
      </dl>

      <div role="heading" aria-level=${sub} class="heading heading--small">${t.t('detail.question')}</div>
      <dl class="facts">
        <div><dt>${t.t('detail.category')}</dt><dd>${c.category.name}</dd></div>
        <div><dt>${t.t('detail.submitted')}</dt><dd><time datetime=${c.submittedAt}>${t.dateTime(c.submittedAt)}</time></dd></div>
        <div><dt>${t.t('detail.due')}</dt><dd><time datetime=${c.dueAt}>${t.date(c.dueAt)}</time></dd></div>
        <div>
          <dt>${t.t('detail.firstResponse')}</dt>
          <dd>${c.firstResponseAt ? html`<time datetime=${c.firstResponseAt}>${t.dateTime(c.firstResponseAt)}</time>` : t.t('detail.noFirstResponse')}</dd>
        </div>
      </dl>
      <div class="message">${c.message}</div>

      ${this.renderAssign(c)} ${this.renderAnswer(c)} ${this.renderStatus(c)} ${this.renderNotes(c)} ${this.renderTimeline(c)}
    `;
  }

  private renderAssign(c: ConsultationStaff): TemplateResult {
    const t = this.localize;
    const draft = this.draftOf(c.trackingCode);
    const me = this.context!.user;
    const options = this.colleagues.map((user) => ({ value: user.id, label: user.id === me.id ? t.t('assign.you', user.name) : user.name }));
    if (!options.some((option) => option.value === me.id)) options.push({ value: me.id, label: t.t('assign.you', me.name) });
    // A colleague since disabled, or a regency admin: still named.
    if (c.assignee && !options.some((option) => option.value === c.assignee!.id)) options.push({ value: c.assignee.id, label: c.assignee.name });
    return html`<form class="subform" novalidate @submit=${this.onAssign} aria-labelledby="assign-title">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="assign-title">${t.t('assign.title')}</div>
      ${this.renderFormSummary('assign')}
      <div class="field-row field-row--end">
        ${selectField({
          name: 'userId',
          label: t.t('assign.label'),
          placeholder: t.t('assign.nobody'),
          value: draft.assignee ?? '',
          options,
          hint: this.colleaguesFailed ? t.t('assign.loadFailed') : undefined,
          error: this.fieldError('assign', 'userId'),
          errorPrefix: t.t('error.prefix'),
        })}
        <button part="button" class="button" type="submit" ?disabled=${this.busy === 'assign'}>${t.t('assign.submit')}</button>
        ${c.assignee?.id === me.id
          ? nothing
          : html`<button part="button" class="button button--secondary" type="button" @click=${this.onAssignMe} ?disabled=${this.busy === 'assign'}>
              ${t.t('assign.me')}
            </button>`}
      </div>
    </form>`;
  }

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLElement;
    if (!(target instanceof HTMLSelectElement) && !(target instanceof HTMLInputElement) && !(target instanceof HTMLTextAreaElement)) return;
    const value = target.value;
    if (target.id === 'q') {
      this.typedQuery = value;
      return;
    }
    const code = this.detail?.trackingCode;
    if (!code) return;
    switch (target.id) {
      case 'userId':
        this.setDraft(code, { assignee: value || null });
        return;
      case 'answer':
        this.setDraft(code, { answer: value });
        return;
      case 'template':
        this.setDraft(code, { template: value });
        return;
      case 'status':
        this.setDraft(code, { status: value });
        return;
      case 'note':
        this.setDraft(code, { note: value });
        return;
      case 'internalNote':
        this.setDraft(code, { internalNote: value });
        return;
      case 'noteText':
        this.setDraft(code, { noteText: value });
        return;
    }
  };

  private renderAnswer(c: ConsultationStaff): TemplateResult {
    const t = this.localize;
    const heading = html`<div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="answer-title">${t.t('answer.title')}</div>`;
    const given = c.answer
      ? html`<div class="answer">${c.answer.text}</div>
          <p class="muted">${t.t('answer.by', c.answer.answeredBy, t.dateTime(c.answer.answeredAt))}</p>`
      : nothing;
    if (!ANSWERABLE.includes(c.status)) {
      return html`<div class="subform">${heading}${this.renderFormSummary('answer')}${given}
        <p class="muted">${c.status === 'closed' ? t.t('answer.closed') : t.t('answer.again')}</p></div>`;
    }
    const draft = this.draftOf(c.trackingCode);
    return html`<form class="subform" novalidate @submit=${this.onAnswer} aria-labelledby="answer-title">
      ${heading}${given}${this.renderFormSummary('answer')}
      ${this.templates.length
        ? html`<div class="field-row field-row--end">
            ${selectField({
              name: 'template',
              label: t.t('answer.template'),
              placeholder: t.t('answer.templateNone'),
              value: draft.template,
              options: this.templates.map((item) => ({ value: item.id, label: item.title })),
              errorPrefix: t.t('error.prefix'),
            })}
            <button part="button" class="button button--secondary" type="button" @click=${this.onUseTemplate} ?disabled=${!draft.template}>
              ${t.t('answer.templateUse')}
            </button>
          </div>`
        : nothing}
      ${textareaField({
        name: 'answer',
        label: t.t('answer.label'),
        hint: t.t('answer.hint'),
        value: draft.answer,
        rows: 8,
        error: this.fieldError('answer', 'answer'),
        errorPrefix: t.t('error.prefix'),
      })}
      <button part="button" class="button" type="submit" aria-keyshortcuts="r" ?disabled=${this.busy === 'answer'}>
        ${this.busy === 'answer' ? t.t('answer.sending') : t.t('answer.submit')}
      </button>
    </form>`;
  }

  private renderStatus(c: ConsultationStaff): TemplateResult {
    const t = this.localize;
    const next = consultationTransitions[c.status];
    const heading = html`<div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="status-title">${t.t('status.title')}</div>`;
    if (next.length === 0) return html`<div class="subform">${heading}${this.renderFormSummary('status')}<p class="muted">${t.t('status.final')}</p></div>`;
    const draft = this.draftOf(c.trackingCode);
    return html`<form class="subform" novalidate @submit=${this.onStatus} aria-labelledby="status-title">
      ${heading}${this.renderFormSummary('status')}
      ${selectField({
        name: 'status',
        label: t.t('status.label'),
        placeholder: t.t('status.choose'),
        value: draft.status,
        options: next.map((status) => ({ value: status, label: t.t(`status.${status}`) })),
        error: this.fieldError('status', 'status'),
        errorPrefix: t.t('error.prefix'),
      })}
      <div class="public-note">
        ${textareaField({
          name: 'note',
          label: t.t('status.publicNote'),
          hint: t.t('status.publicNoteHint'),
          value: draft.note,
          rows: 3,
          error: this.fieldError('status', 'note'),
          errorPrefix: t.t('error.prefix'),
        })}
      </div>
      <div part="internal-note" class="internal">
        ${textareaField({
          name: 'internalNote',
          label: t.t('status.internalNote'),
          hint: t.t('status.internalNoteHint'),
          value: draft.internalNote,
          rows: 3,
          error: this.fieldError('status', 'internalNote'),
          errorPrefix: t.t('error.prefix'),
        })}
      </div>
      <button part="button" class="button" type="submit" ?disabled=${this.busy === 'status'}>
        ${this.busy === 'status' ? t.t('status.sending') : t.t('status.submit')}
      </button>
    </form>`;
  }

  private renderNotes(c: ConsultationStaff): TemplateResult {
    const t = this.localize;
    const draft = this.draftOf(c.trackingCode);
    // Internal notes: those added on their own and those given with a status change, oldest first.
    const notes = [
      ...c.notes.map((note) => ({ at: note.at, by: note.by, text: note.text })),
      ...c.timeline.filter((entry) => entry.internalNote).map((entry) => ({ at: entry.at, by: entry.by ?? '', text: entry.internalNote! })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return html`<form class="subform" novalidate @submit=${this.onNote} aria-labelledby="notes-title">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="notes-title">${t.t('notes.title')}</div>
      ${notes.length
        ? html`<ul class="notes">
            ${notes.map(
              (note) => html`<li part="internal-note" class="internal internal-note">
                <span class="internal-badge">${t.t('notes.badge')}</span>
                <span class="note-text">${note.text}</span>
                <span class="muted">${t.t('notes.by', note.by, t.dateTime(note.at))}</span>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t.t('notes.empty')}</p>`}
      ${this.renderFormSummary('note')}
      <div part="internal-note" class="internal">
        ${textareaField({
          name: 'noteText',
          label: t.t('notes.label'),
          hint: t.t('notes.hint'),
          value: draft.noteText,
          rows: 3,
          error: this.fieldError('note', 'noteText'),
          errorPrefix: t.t('error.prefix'),
        })}
      </div>
      <button part="button" class="button button--secondary" type="submit" ?disabled=${this.busy === 'note'}>${t.t('notes.submit')}</button>
    </form>`;
  }

  private renderTimeline(c: ConsultationStaff): TemplateResult {
    const t = this.localize;
    return html`<div class="subform">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small">${t.t('timeline.title')}</div>
      <ol class="timeline">
        ${c.timeline.map(
          (entry) => html`<li>
            <span class="timeline-status">${t.t(`status.${entry.status}`)}</span>
            <span class="muted"><time datetime=${entry.at}>${t.dateTime(entry.at)}</time>${entry.by ? ` · ${t.t('timeline.by', entry.by === 'citizen' ? t.t('timeline.citizen') : entry.by)}` : ''}</span>
            ${entry.note
              ? html`<span class="public"><span class="public-badge">${t.t('timeline.publicBadge')}</span><span class="note-text">${entry.note}</span></span>`
              : nothing}
            ${entry.internalNote
              ? html`<span part="internal-note" class="internal internal-note"
                  ><span class="internal-badge">${t.t('notes.badge')}</span><span class="note-text">${entry.internalNote}</span></span
                >`
              : nothing}
          </li>`,
        )}
      </ol>
    </div>`;
  }

  private renderShortcuts(): TemplateResult {
    const t = this.localize;
    const rows: [string, string][] = [
      ['j', t.t('shortcuts.next')],
      ['k', t.t('shortcuts.previous')],
      ['Enter', t.t('shortcuts.open.item')],
      ['r', t.t('shortcuts.answer')],
      ['/', t.t('shortcuts.search')],
      ['?', t.t('shortcuts.help')],
    ];
    return html`<dialog id="shortcuts" class="shortcuts" aria-labelledby="shortcuts-title">
      <div role="heading" aria-level=${this.level} class="heading" id="shortcuts-title">${t.t('shortcuts.title')}</div>
      <p class="muted">${t.t('shortcuts.intro')}</p>
      <dl class="keys">
        ${rows.map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${what}</dd></div>`)}
      </dl>
      <button part="button" class="button" type="button" @click=${this.closeShortcuts}>${t.t('shortcuts.close')}</button>
    </dialog>`;
  }

  /** Every typed value goes to its draft (one listener for the pane; `live()` keeps the fields as typed). */
  protected override firstUpdated(): void {
    this.renderRoot.addEventListener('input', this.onInput);
    this.renderRoot.addEventListener('change', this.onInput);
  }
}
