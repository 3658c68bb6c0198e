/**
 * `<opd-innovation-review>`: One OPD One Innovation in the staff console for the reviewer OPD
 * (Bappeda) — the queue of submitted innovations of every OPD, one innovation read whole with
 * its verify / return, the progress board with the Kemendagri export, and the module's settings.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { innovations, type InnovationsNamespace } from '../../../src/namespaces/innovations.js';
import type { FieldError } from '../../../src/schemas/common.js';
import type { InnovationStaff, InnovationSettings } from '../../../src/schemas/innovations-staff.js';
import {
  innovationStages,
  innovationTypes,
  type InnovationProgress,
  type InnovationStage,
  type ScoringModel,
} from '../../../src/schemas/innovations.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../console/kit/failure.js';
import { FormMemory, outcomeFieldError, renderFormOutcome, summaryErrors, type FormOutcome } from '../../console/kit/forms.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { selectField, textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { innovationReviewPage } from './console-page.js';
import { id, type InnovationReviewMessages } from './i18n/id.js';
import { innovationReviewStyles } from './innovation-review.styles.js';

/** The most submitted innovations the queue reads (40 OPDs rarely have more than a few dozen waiting). */
export const QUEUE_CAP = 500;

/** The page's forms (each has its own error summary or done sentence). */
type Form = 'review' | 'settings' | 'board';

/** What the page shows: the queue, one innovation, the progress board, the settings. */
type View = 'queue' | 'innovation' | 'board' | 'settings';

/** Each form's fields, in the order its summary lists them. */
const FORM_FIELDS: Readonly<Record<Form, readonly string[]>> = {
  review: ['comment'],
  settings: ['reviewerOpd', 'deadline', 'year'],
  board: ['boardYear'],
};

/** The sub-routes of the page (Indonesian, as the console's other pages name theirs). */
const BOARD_ROUTE = 'papan';
const SETTINGS_ROUTE = 'pengaturan';

/** How the signed-in person stands to the review: the reviewer OPD's staff, a regency admin (reads, sets), anyone else. */
type Access = 'reviewer' | 'admin' | 'other';

/** Oldest submission first; one never submitted (none should be) last, then by id. */
function byWaiting(a: InnovationStaff, b: InnovationStaff): number {
  const at = (item: InnovationStaff) => (item.submittedAt ? Date.parse(item.submittedAt) : Number.POSITIVE_INFINITY);
  return at(a) - at(b) || a.id - b.id;
}

/**
 * One OPD One Innovation as the reviewer OPD's staff (Bappeda) work on it:
 *
 * - **The queue** (`#/innovation/review`): submitted innovations of every OPD, the longest
 *   waiting first, each with its OPD, name, form, stage, digital or not, when it was submitted,
 *   its evidence count and evidence gaps; reloaded on demand.
 * - **One innovation** (`#/innovation/review/<id>`): every field of the staff view (profile,
 *   stage dates, initiator, COVID-19, problem, novelty, goal, benefits, results, budget), the
 *   contact person marked as personal data (each read is audited by the server), the evidence
 *   files by indicator (links) and the gaps, the estimate named with its model, the review log,
 *   and the decision: verify (optional comments) or return with comments (the server's 422 on
 *   the field). The queue updates and a notice, focused and announced, says what happened.
 * - **The progress board** (`#/innovation/review/papan`, `…/papan/<year>`): the public progress
 *   endpoint's figures as tables — OPDs done and not yet, the deadline and days left, by form
 *   and by stage, evidence gaps, the estimated score per OPD with the year's model named — and
 *   the Kemendagri export of the year as CSV and XLSX links.
 * - **Settings** (`#/innovation/review/pengaturan`): the reviewer OPD, the deadline and the
 *   assessment year; a form for a regency admin (the only role the API lets set them, with
 *   field errors on 422), read-only for everyone else.
 *
 * Only the reviewer OPD's own staff review: anyone else reads that plainly where the queue would
 * be (a regency admin sees the queue without the decision). Calls go through the SDK's
 * `innovations` namespace over the console's session. Shown by `<opd-console>`; outside a
 * console it says so.
 *
 * @summary Bappeda's innovation review queue, progress board and settings in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart views - The links between the queue, the board and the settings.
 * @csspart list - The queue.
 * @csspart innovation - The open innovation.
 * @csspart personal - The contact person (personal data, staff only).
 * @csspart evidence - The open innovation's evidence files.
 * @csspart log - The open innovation's review history.
 * @csspart board - The progress board.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the current view's link.
 * @cssproperty --opd-color-warning-surface - The personal data box, evidence gaps, OPDs not done yet.
 * @cssproperty --opd-color-warning-border - Their edge.
 * @cssproperty --opd-color-success - Verified figures' and done messages' edge.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdInnovationReview extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, innovationReviewStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    settings: { state: true, attribute: false },
    settingsError: { state: true, attribute: false },
    queue: { state: true, attribute: false },
    queueState: { state: true, attribute: false },
    queueError: { state: true, attribute: false },
    queueCapped: { state: true, attribute: false },
    notReviewer: { state: true, attribute: false },
    notice: { state: true, attribute: false },
    openId: { state: true, attribute: false },
    board: { state: true, attribute: false },
    boardYear: { state: true, attribute: false },
    boardError: { state: true, attribute: false },
    models: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: View = 'queue';
  /** The module's settings (who reviews, the deadline, the year); `null` until read. */
  private settings: InnovationSettings | null = null;
  private settingsError = '';
  /** Submitted innovations, the longest waiting first. */
  private queue: InnovationStaff[] = [];
  private queueState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  private queueError = '';
  /** More than {@link QUEUE_CAP} are waiting. */
  private queueCapped = false;
  /** The server says this OPD has no queue (the reviewer changed while the page was open). */
  private notReviewer = false;
  /** What the last decision did, shown above the queue. */
  private notice = '';
  /** The innovation in the route, 0 for none. */
  private openId = 0;
  /** The board of {@link boardYear}, `null` while it loads. */
  private board: InnovationProgress | null = null;
  private boardYear = 0;
  private boardError = '';
  /** The scoring models read so far, by year (the indicators' names). */
  private models = new Map<number, ScoringModel>();
  /** What was typed in the comments of each innovation, by id. */
  private drafts = new Map<number, string>();
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: 'verify' | 'return' | 'settings' | '' = '';

  // English is fetched only for a page set to English: Bappeda's staff work in Indonesian.
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  /** The settings form's typed values (kept across re-renders and a refusal). */
  readonly #settingsForm = new FormMemory();
  #api: InnovationsNamespace | null = null;
  /** The session and user the namespace and the data are for. */
  #session: unknown;
  #userId = '';
  /** Bumped to stop a stale read. */
  #queueRun = 0;
  #boardRun = 0;
  /** Move focus once rendered: the view's heading, or the notice above the queue. */
  #focus: 'title' | 'notice' | '' = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    const { session, user } = this.context;
    if (session !== this.#session || user.id !== this.#userId) {
      this.#session = session;
      this.#userId = user.id;
      this.#api = innovations(session.sender, {});
      this.reset();
      void this.loadSettings();
    }
    this.followRoute(this.context.route);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focus === 'notice') {
      const notice = this.renderRoot.querySelector<HTMLElement>('#review-notice');
      if (notice) {
        this.#focus = '';
        focusTemporarily(notice);
      }
    } else if (this.#focus === 'title') {
      const title = this.renderRoot.querySelector<HTMLElement>('#view-title');
      if (title) {
        this.#focus = '';
        focusTemporarily(title);
      }
    }
  }

  /** Forgets what belongs to another person's session. */
  private reset(): void {
    this.settings = null;
    this.settingsError = '';
    this.queue = [];
    this.queueState = 'idle';
    this.notReviewer = false;
    this.notice = '';
    this.board = null;
    this.boardYear = 0;
    this.drafts = new Map();
    this.outcome = { errors: null, done: null };
    this.#settingsForm.forget();
  }

  /** Shows the view the route names: `[]` the queue, `[id]` one innovation, `['papan', year?]` the board, `['pengaturan']` the settings. */
  private followRoute(route: readonly string[]): void {
    const [first = '', second = ''] = route;
    const before = this.view;
    if (first === BOARD_ROUTE) {
      this.view = 'board';
      this.openId = 0;
      const year = /^\d{4}$/.test(second) ? Number(second) : this.settings?.year ?? 0;
      if (year && (year !== this.boardYear || !this.board)) void this.loadBoard(year);
    } else if (first === SETTINGS_ROUTE) {
      this.view = 'settings';
      this.openId = 0;
    } else if (/^[1-9][0-9]{0,9}$/.test(first)) {
      this.view = 'innovation';
      const openId = Number(first);
      if (openId !== this.openId) {
        this.openId = openId;
        this.outcome = { errors: null, done: null };
        const open = this.queue.find((item) => item.id === openId);
        if (open) void this.loadModel(open.year);
      }
    } else {
      this.view = 'queue';
      this.openId = 0;
    }
    if (before !== this.view && this.view !== 'queue') this.notice = '';
  }

  // ——— reading ———

  private get access(): Access {
    const user = this.context?.user;
    if (user?.role === 'regency_admin') return 'admin';
    return this.settings && user?.opd === this.settings.reviewerOpd ? 'reviewer' : 'other';
  }

  private async loadSettings(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    this.settingsError = '';
    try {
      const settings = await api.settings.get();
      if (api !== this.#api) return;
      this.settings = settings;
      if (this.access !== 'other') void this.loadQueue();
      const [, second] = this.context?.route ?? [];
      void this.loadBoard(this.view === 'board' && second && /^\d{4}$/.test(second) ? Number(second) : settings.year);
    } catch (error) {
      if (api === this.#api) this.settingsError = failureMessage(error, this.localize);
    }
  }

  /** Reads the whole queue (up to {@link QUEUE_CAP}) and sorts it the longest waiting first. */
  private async loadQueue(): Promise<void> {
    const api = this.#api;
    const reviewer = this.settings?.reviewerOpd;
    if (!api || !reviewer) return;
    const run = ++this.#queueRun;
    this.queueState = this.queueState === 'ready' ? 'ready' : 'loading';
    this.queueError = '';
    try {
      const read: InnovationStaff[] = [];
      let capped = false;
      for await (const item of api.review.queue({ limit: 100 }, { opd: reviewer })) {
        if (read.length >= QUEUE_CAP) {
          capped = true;
          break;
        }
        read.push(item);
      }
      if (run !== this.#queueRun) return;
      this.queue = read.sort(byWaiting);
      this.queueCapped = capped;
      this.queueState = 'ready';
      this.notReviewer = false;
      const open = this.queue.find((item) => item.id === this.openId);
      if (open) void this.loadModel(open.year);
    } catch (error) {
      if (run !== this.#queueRun) return;
      if (error instanceof ApiError && error.status === 404 && error.code !== 'module-disabled') {
        // The reviewer changed since the settings were read: read them again.
        this.notReviewer = true;
        this.queueState = 'ready';
        this.queue = [];
        void this.refreshSettings();
        return;
      }
      this.queueState = 'failed';
      this.queueError = failureMessage(error, this.localize);
    }
  }

  /** Reads the settings again without starting over (after a 404 from the queue). */
  private async refreshSettings(): Promise<void> {
    try {
      const settings = await this.#api?.settings.get();
      if (settings) this.settings = settings;
    } catch {
      // The notice already says only the reviewer reviews.
    }
  }

  private async loadBoard(year: number): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#boardRun;
    this.boardYear = year;
    this.board = null;
    this.boardError = '';
    try {
      const board = await api.progress(year);
      if (run !== this.#boardRun) return;
      this.board = board;
      if (board.model) void this.loadModel(board.year);
    } catch (error) {
      if (run === this.#boardRun) this.boardError = failureMessage(error, this.localize);
    }
  }

  /** Reads the scoring model of `year` once, for the indicators' names (the ids stand in without it). */
  private async loadModel(year: number): Promise<void> {
    const api = this.#api;
    if (!api || this.models.has(year)) return;
    try {
      const model = await api.model(year);
      this.models = new Map(this.models).set(year, model);
    } catch {
      // Without the model the page names indicators by their ids.
    }
  }

  // ——— moving between views ———

  private go(event: Event, route: string): void {
    if (event instanceof MouseEvent && (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) return;
    event.preventDefault();
    this.#focus = 'title';
    this.context?.navigate(route ? `${innovationReviewPage.id}/${route}` : innovationReviewPage.id, { keepFocus: true });
  }

  // ——— the review ———

  private readonly onCommentInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLTextAreaElement) || target.name !== 'comment' || !this.openId) return;
    this.drafts = new Map(this.drafts).set(this.openId, target.value);
  };

  private readonly onReview = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.#api;
    const open = this.queue.find((item) => item.id === this.openId);
    const reviewer = this.settings?.reviewerOpd;
    if (!api || !open || !reviewer || this.busy) return;
    const decision = (event.submitter as HTMLButtonElement | null)?.value === 'return' ? 'return' : 'verify';
    const t = this.localize;
    const comment = (this.drafts.get(open.id) ?? '').trim();
    this.busy = decision;
    try {
      // No check of our own: the comment's rules are the API's (the SDK checks them with the same schema before sending).
      if (decision === 'verify') await api.review.verify(open.id, comment || null, { opd: reviewer });
      else await api.review.return(open.id, comment, { opd: reviewer });
      const drafts = new Map(this.drafts);
      drafts.delete(open.id);
      this.drafts = drafts;
      this.afterDecision(decision === 'verify' ? t.t('review.verified', open.name, open.opd.name) : t.t('review.returned', open.name, open.opd.name), open.id);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || (error.status === 404 && error.code === 'not-found'))) {
        this.afterDecision(t.t('review.gone', open.name), open.id);
        return;
      }
      const fields = fieldErrorsOf(error);
      await this.showErrors('review', fields ? this.summary('review', fields) : [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  };

  /** Takes the innovation out of the queue, goes back to it with `message` focused and announced, and reads the queue and board again. */
  private afterDecision(message: string, innovationId: number): void {
    this.queue = this.queue.filter((item) => item.id !== innovationId);
    this.outcome = { errors: null, done: null };
    this.notice = message;
    this.context?.announce(message);
    this.#focus = 'notice';
    this.context?.navigate(innovationReviewPage.id, { keepFocus: true });
    this.view = 'queue';
    this.openId = 0;
    void this.loadQueue();
    if (this.settings) void this.loadBoard(this.boardYear || this.settings.year);
  }

  // ——— the forms' outcomes ———

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  private async showDone(form: Form, message: string): Promise<void> {
    this.outcome = { errors: null, done: { form, message } };
    this.context?.announce(message);
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .done`));
  }

  /** The summary's lines for the rejected `fields` of `form`, in the page's language. */
  private summary(form: Form, fields: readonly FieldError[]): SummaryError[] {
    const t = this.localize;
    return summaryErrors(fields, FORM_FIELDS[form], (field, code) => t.lookup(`error.${field}.${code}`) ?? t.lookup(`error.${field}.invalid`) ?? t.t('error.generic', t.lookup(`field.${field}`) ?? field));
  }

  // ——— the board's year ———

  private readonly onBoardYear = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('boardYear') as HTMLInputElement | null;
    const value = input?.value.trim() ?? '';
    if (!/^\d{4}$/.test(value)) {
      await this.showErrors('board', this.summary('board', [{ path: 'boardYear', message: '', code: 'format' }]));
      return;
    }
    this.outcome = { errors: null, done: null };
    this.#focus = 'title';
    this.context?.navigate(`${innovationReviewPage.id}/${BOARD_ROUTE}/${value}`, { keepFocus: true });
  };

  // ——— the settings ———

  private readonly onSettings = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.#api;
    const saved = this.settings;
    if (!api || !saved || this.busy) return;
    const t = this.localize;
    const form = this.#settingsForm;
    const yearText = form.value('year', String(saved.year)).trim();
    const deadline = form.value('deadline', saved.deadline ?? '').trim();
    const body = {
      reviewerOpd: form.value('reviewerOpd', saved.reviewerOpd),
      deadline: deadline || null,
      // Anything but digits goes as NaN, which the API's schema refuses as no number (the field's error says how to write it).
      year: /^\d+$/.test(yearText) ? Number(yearText) : Number.NaN,
    };
    this.busy = 'settings';
    try {
      const next = await api.settings.put(body);
      this.settings = next;
      form.forget();
      await this.showDone('settings', t.t('settings.saved', this.opdName(next.reviewerOpd), next.deadline ? t.date(next.deadline) : t.t('settings.none'), next.year));
      void this.loadQueue();
      void this.loadBoard(next.year);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      await this.showErrors('settings', fields ? this.summary('settings', fields) : [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  };

  // ——— words ———

  /** An OPD's name: from the board, the console's OPD list, else its slug. */
  private opdName(slug: string): string {
    return this.board?.board.find((opd) => opd.slug === slug)?.name ?? this.context?.opds.find((opd) => opd.slug === slug)?.name ?? slug;
  }

  /** An indicator's number and name in the year's model, else its id. */
  private indicatorName(year: number, indicator: string): string {
    const found = this.models.get(year)?.indicators.find((candidate) => candidate.id === indicator);
    return found ? `${found.number}. ${found.name}` : indicator;
  }

  private decimal(value: number): string {
    return value.toLocaleString(this.localize.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }

  private size(bytes: number): string {
    const t = this.localize;
    if (bytes < 1024 * 1024) return t.t('size.kb', Math.max(1, Math.round(bytes / 1024)).toLocaleString(t.locale));
    return t.t('size.mb', (bytes / (1024 * 1024)).toLocaleString(t.locale, { maximumFractionDigits: 1 }));
  }

  private mediaName(type: string): string {
    return type === 'application/pdf' ? 'PDF' : type === 'image/png' ? 'PNG' : 'JPEG';
  }

  private daysText(days: number): string {
    const t = this.localize;
    if (days > 0) return t.t('board.daysLeft', days);
    return days === 0 ? t.t('board.lastDay') : t.t('board.passed', -days);
  }

  /** An address on the backend, for a download link. */
  private apiLink(path: string): string {
    const base = this.apiBaseUrl;
    return new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`).href;
  }

  private heading(text: string, idName: string, level = this.level + 1): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  private viewTitle(text: string): TemplateResult {
    return html`<div role="heading" aria-level=${this.level} class="heading" id="view-title" tabindex="-1">${text}</div>`;
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    let body: TemplateResult;
    if (!this.settings) {
      body = this.settingsError
        ? renderNotice({ message: this.settingsError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadSettings(), look: 'secondary' } })
        : html`<p class="muted">${t.t('settings.loading')}</p>`;
    } else if (this.view === 'board') body = this.renderBoard();
    else if (this.view === 'settings') body = this.renderSettings(this.settings);
    else if (this.view === 'innovation') body = this.renderInnovation();
    else body = this.renderQueue();
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderViews()} ${body}</div>`;
  }

  /** The links between the page's views, the current one marked. */
  private renderViews(): TemplateResult {
    const t = this.localize;
    const current = this.view === 'innovation' ? 'queue' : this.view;
    const link = (view: View, route: string, label: string) => {
      const href = `#/${innovationReviewPage.id}${route ? `/${route}` : ''}`;
      return html`<li>
        <a href=${href} class=${current === view ? 'view-link view-link--current' : 'view-link'} aria-current=${current === view ? 'page' : nothing} @click=${(event: Event) => this.go(event, route)}>${label}</a>
      </li>`;
    };
    return html`<nav part="views" class="views" aria-label=${t.t('nav.label')}>
      <ul>
        ${link('queue', '', t.t('nav.queue'))} ${link('board', BOARD_ROUTE, t.t('nav.board'))} ${link('settings', SETTINGS_ROUTE, t.t('nav.settings'))}
      </ul>
    </nav>`;
  }

  private renderQueue(): TemplateResult {
    const t = this.localize;
    const settings = this.settings!;
    const reviewer = this.opdName(settings.reviewerOpd);
    if (this.access === 'other' || this.notReviewer) {
      return html`<section class="section" aria-labelledby="view-title">
          ${this.viewTitle(t.t('notReviewer.title'))}
          ${renderNotice({ message: t.t('notReviewer.text', reviewer), id: 'not-reviewer' })}
        </section>
        ${this.renderBoardBody(false)}`;
    }
    let list: TemplateResult;
    if (this.queueState === 'idle' || this.queueState === 'loading') {
      list = html`<p class="muted">${t.t('queue.loading')}</p>`;
    } else if (this.queueState === 'failed') {
      list = renderNotice({ message: this.queueError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadQueue(), look: 'secondary' } });
    } else if (this.queue.length === 0) {
      list = html`<p class="muted empty" id="queue-empty">${t.t('queue.none')}</p>`;
    } else {
      list = html`<ol part="list" class="list" aria-labelledby="view-title">
        ${repeat(
          this.queue,
          (item) => item.id,
          (item) => this.renderItem(item),
        )}
      </ol>`;
    }
    return html`<section class="section" aria-labelledby="view-title">
      ${this.viewTitle(t.t('queue.title'))}
      <p class="intro">${t.t('queue.intro')}</p>
      ${this.access === 'admin' ? renderNotice({ message: t.t('admin.readOnly', reviewer), id: 'admin-read-only' }) : nothing}
      ${this.notice ? html`<p class="done" id="review-notice" tabindex="-1">${this.notice}</p>` : nothing}
      <div class="actions">
        <p class="muted status" role="status">${this.queueState === 'ready' && this.queue.length ? (this.queueCapped ? t.t('queue.countCapped', this.queue.length) : t.t('queue.count', this.queue.length)) : ''}</p>
        <button part="button" type="button" class="button button--secondary button--small" id="reload-queue" ?disabled=${this.queueState === 'loading'} @click=${() => void this.loadQueue()}>
          ${t.t('queue.reload')}
        </button>
      </div>
      ${list}
    </section>`;
  }

  private renderItem(item: InnovationStaff): TemplateResult {
    const t = this.localize;
    return html`<li class="item">
      <a href="#/${innovationReviewPage.id}/${item.id}" id="open-${item.id}" @click=${(event: Event) => this.go(event, String(item.id))}>
        <span class="item-title">${item.name}</span>
        <span class="item-line">${item.opd.name}</span>
        ${item.submittedAt ? html`<span class="item-line muted"><time datetime=${item.submittedAt}>${t.t('item.submitted', t.dateTime(item.submittedAt))}</time></span>` : nothing}
        <span class="item-tags">
          <span class="badge">${t.t(`type.${item.type}`)}</span>
          <span class="badge">${t.t(`stage.${item.stage}`)}</span>
          <span class="badge">${t.t(`digital.${item.digital}`)}</span>
          <span class=${item.evidence.length ? 'badge' : 'badge badge--warn'}>${t.t('item.evidence', item.evidence.length)}</span>
          ${item.evidenceGaps.length ? html`<span class="badge badge--warn">${t.t('item.gaps', item.evidenceGaps.length)}</span>` : nothing}
        </span>
      </a>
    </li>`;
  }

  private renderInnovation(): TemplateResult {
    const t = this.localize;
    const back = html`<p class="back"><a href="#/${innovationReviewPage.id}" id="back" @click=${(event: Event) => this.go(event, '')}>${t.t('innovation.back')}</a></p>`;
    // Only the reviewer's queue holds innovations to open: anyone else reads why.
    if (this.access === 'other' || this.notReviewer) return this.renderQueue();
    const open = this.queue.find((item) => item.id === this.openId);
    if (!open) {
      const waiting = this.queueState === 'idle' || this.queueState === 'loading';
      return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.viewTitle(t.t('innovation.title', this.openId))}
        ${waiting ? html`<p class="muted">${ck(t.lang)['ck.loading']}</p>` : renderNotice({ message: t.t('innovation.notInQueue', this.openId), tone: 'warning' })}
      </section>`;
    }
    return html`<article part="innovation" class="innovation" aria-labelledby="view-title">
      ${back} ${this.viewTitle(open.name)}
      <p class="item-tags report-tags">
        <span class="badge">${open.opd.name}</span>
        <span class="badge badge--open">${t.t(`status.${open.status}`)}</span>
      </p>
      ${this.renderFacts(open)} ${this.renderTexts(open)} ${this.renderContact(open)} ${this.renderEvidence(open)} ${this.renderLog(open)}
      ${this.access === 'reviewer' ? this.renderDecision(open) : renderNotice({ message: t.t('admin.readOnly', this.opdName(this.settings!.reviewerOpd)) })}
    </article>`;
  }

  private renderFacts(open: InnovationStaff): TemplateResult {
    const t = this.localize;
    const unknown = t.t('facts.unknown');
    const day = (value: string | null) => (value ? t.date(value) : unknown);
    const stageDate = (stage: InnovationStage) => html`<div><dt>${t.t('facts.stageDate', t.t(`stage.${stage}`))}</dt><dd>${day(open.stageDates[stage])}</dd></div>`;
    const score = open.estimatedScore;
    return html`<section class="section" aria-labelledby="facts-title">
      ${this.heading(t.t('facts.title'), 'facts-title')}
      <dl class="facts" id="facts">
        <div><dt>${t.t('facts.opd')}</dt><dd>${open.opd.name}</dd></div>
        <div><dt>${t.t('facts.type')}</dt><dd>${t.t(`type.${open.type}`)}</dd></div>
        <div><dt>${t.t('facts.digital')}</dt><dd>${t.t(`digital.${open.digital}`)}</dd></div>
        <div><dt>${t.t('facts.stage')}</dt><dd>${t.t(`stage.${open.stage}`)}</dd></div>
        ${innovationStages.map(stageDate)}
        <div><dt>${t.t('facts.startDate')}</dt><dd>${day(open.startDate)}</dd></div>
        <div><dt>${t.t('facts.initiator')}</dt><dd>${open.initiator ? t.t(`initiator.${open.initiator}`) : unknown}</dd></div>
        <div><dt>${t.t('facts.covid19')}</dt><dd>${open.covid19 === null ? unknown : open.covid19 ? ck(t.lang)['ck.yes'] : ck(t.lang)['ck.no']}</dd></div>
        <div><dt>${t.t('facts.budget')}</dt><dd>${open.budgetSource ?? unknown}</dd></div>
        <div><dt>${t.t('facts.year')}</dt><dd>${open.year}</dd></div>
        <div><dt>${t.t('facts.submitted')}</dt><dd>${open.submittedAt ? t.dateTime(open.submittedAt) : unknown}</dd></div>
        <div class="wide"><dt>${t.t('facts.score')}</dt><dd>${score ? t.t('facts.scoreValue', this.decimal(score.value), score.category, score.model) : t.t('facts.noScore')}</dd></div>
      </dl>
    </section>`;
  }

  private renderTexts(open: InnovationStaff): TemplateResult {
    const t = this.localize;
    const block = (key: 'problem' | 'solution' | 'goal' | 'benefits' | 'results', value: string | null) =>
      html`<div class="text-block">
        ${this.heading(t.t(`text.${key}`), `text-${key}`, this.level + 2)}
        ${value ? html`<p class="message" id="${key}-text">${value}</p>` : html`<p class="muted">${t.t('text.none')}</p>`}
      </div>`;
    return html`<section class="section texts">
      ${block('problem', open.problem)} ${block('solution', open.solution)} ${block('goal', open.goal)} ${block('benefits', open.benefits)} ${block('results', open.results)}
    </section>`;
  }

  private renderContact(open: InnovationStaff): TemplateResult {
    const t = this.localize;
    const who = open.contact;
    return html`<section part="personal" class="section personal" aria-labelledby="contact-title">
      ${this.heading(t.t('contact.title'), 'contact-title')}
      <p class="personal-note" id="contact-note"><strong>${t.t('contact.personal')}</strong> ${t.t('contact.note')}</p>
      ${who
        ? html`<dl class="facts" id="contact" aria-describedby="contact-note">
            <div><dt>${t.t('contact.name')}</dt><dd>${who.name}</dd></div>
            <div><dt>${t.t('contact.phone')}</dt><dd>${who.phone ? html`<a href="tel:${who.phone.replace(/[\s-]/g, '')}">${who.phone}</a>` : '—'}</dd></div>
            <div><dt>${t.t('contact.email')}</dt><dd>${who.email ? html`<a href="mailto:${who.email}">${who.email}</a>` : '—'}</dd></div>
          </dl>`
        : html`<p class="muted">${t.t('contact.none')}</p>`}
    </section>`;
  }

  private renderEvidence(open: InnovationStaff): TemplateResult {
    const t = this.localize;
    const byIndicator = new Map<string, InnovationStaff['evidence']>();
    // In the model's order (16, 17, …), as Kemendagri's form lists them; unknown indicators last.
    const number = (indicator: string) => this.models.get(open.year)?.indicators.find((candidate) => candidate.id === indicator)?.number ?? Number.MAX_SAFE_INTEGER;
    const files = [...open.evidence].sort((a, b) => number(a.indicator) - number(b.indicator));
    for (const file of files) byIndicator.set(file.indicator, [...(byIndicator.get(file.indicator) ?? []), file]);
    return html`<section part="evidence" class="section" aria-labelledby="evidence-title">
      ${this.heading(t.t('evidence.title'), 'evidence-title')}
      ${open.evidence.length
        ? html`<ul class="plain-list evidence" id="evidence">
            ${[...byIndicator.entries()].map(
              ([indicator, files]) => html`<li>
                <span class="evidence-indicator">${this.indicatorName(open.year, indicator)}</span>
                <ul class="plain-list files">
                  ${files.map(
                    (file) => html`<li>
                      <a href=${new URL(file.url, this.apiBaseUrl).href} target="_blank" rel="noopener">${file.title}</a>
                      <span class="muted inline small">${t.t('evidence.file', this.mediaName(file.mediaType), this.size(file.bytes))}</span>
                    </li>`,
                  )}
                </ul>
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t.t('evidence.none')}</p>`}
      ${open.evidenceGaps.length
        ? html`<div class="gaps" id="evidence-gaps">
            <p>${t.t('evidence.gaps', open.evidenceGaps.length)}</p>
            <ul class="gap-list">
              ${open.evidenceGaps.map((gap) => html`<li>${this.indicatorName(open.year, gap)}</li>`)}
            </ul>
          </div>`
        : html`<p class="muted">${t.t('evidence.noGaps')}</p>`}
    </section>`;
  }

  private renderLog(open: InnovationStaff): TemplateResult {
    const t = this.localize;
    return html`<section part="log" class="section" aria-labelledby="log-title">
      ${this.heading(t.t('log.title'), 'log-title')}
      ${open.reviews.length
        ? html`<ol class="timeline" id="review-log">
            ${open.reviews.map(
              (step) => html`<li class="entry">
                <time class="muted small" datetime=${step.at}>${t.dateTime(step.at)}</time>
                <span class="entry-what">${t.t(`log.${step.action}`, step.by)}</span>
                ${step.comment ? html`<span class="entry-text">${step.comment}</span>` : nothing}
              </li>`,
            )}
          </ol>`
        : html`<p class="muted">${t.t('log.none')}</p>`}
    </section>`;
  }

  private renderDecision(open: InnovationStaff): TemplateResult {
    const t = this.localize;
    return html`<section class="section decision" aria-labelledby="review-title">
      ${this.heading(t.t('review.title'), 'review-title')}
      <p class="intro">${t.t('review.intro')}</p>
      ${renderFormOutcome(this.outcome, 'review', { title: t.t('summary.title'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onReview} @input=${this.onCommentInput} aria-labelledby="review-title">
        ${textareaField({
          name: 'comment',
          label: t.t('review.comment'),
          hint: t.t('review.commentHint'),
          value: this.drafts.get(open.id) ?? '',
          rows: 4,
          error: outcomeFieldError(this.outcome, 'review', 'comment'),
          errorPrefix: t.t('error.prefix'),
        })}
        <div class="actions">
          <button part="button" class="button" type="submit" name="decision" value="verify" id="verify" ?disabled=${!!this.busy}>${this.busy === 'verify' ? ck(t.lang)['ck.saving'] : t.t('review.verify')}</button>
          <button part="button" class="button button--secondary" type="submit" name="decision" value="return" id="return" ?disabled=${!!this.busy}>${this.busy === 'return' ? ck(t.lang)['ck.saving'] : t.t('review.return')}</button>
        </div>
      </form>
    </section>`;
  }

  // ——— the board ———

  private renderBoard(): TemplateResult {
    const t = this.localize;
    const year = this.boardYear || this.settings!.year;
    return html`<section part="board" class="section" aria-labelledby="view-title">
      ${this.viewTitle(t.t('board.title', year))}
      <p class="intro">${t.t('board.intro')}</p>
      ${renderFormOutcome(this.outcome, 'board', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="inline-form" novalidate @submit=${this.onBoardYear} aria-label=${t.t('board.year')}>
        ${textField({
          name: 'boardYear',
          label: t.t('board.year'),
          hint: t.t('board.yearHint'),
          value: String(year),
          inputmode: 'numeric',
          autocomplete: 'off',
          short: true,
          error: outcomeFieldError(this.outcome, 'board', 'boardYear'),
          errorPrefix: t.t('error.prefix'),
        })}
        <button part="button" class="button button--secondary" type="submit" id="show-year">${t.t('board.show')}</button>
      </form>
      ${this.renderBoardBody(true)}
    </section>`;
  }

  /** The board's figures and tables; `full` adds the whole OPD table and the export (the page's board view). */
  private renderBoardBody(full: boolean): TemplateResult {
    const t = this.localize;
    const board = this.board;
    if (!board) {
      return this.boardError
        ? renderNotice({ message: this.boardError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadBoard(this.boardYear || this.settings!.year), look: 'secondary' } })
        : html`<p class="muted">${t.t('board.loading')}</p>`;
    }
    const level = this.level;
    const names = new Map(board.board.map((opd) => [opd.slug, opd.name]));
    return html`<div class="board" part=${full ? nothing : 'board'}>
      ${full ? nothing : this.heading(t.t('board.title', board.year), 'board-title', this.level)}
      <dl class="figures" id="board-figures">
        <div class="figure figure--main">
          <dt id="board-done-label">${t.t('board.doneLabel')}</dt>
          <dd id="board-done">${t.t('board.done', board.opdsDone, board.opds, this.decimal(board.percent))}</dd>
        </div>
        <div class="figure">
          <dt>${t.t('board.deadline')}</dt>
          <dd id="board-deadline">${board.deadline ? html`${t.date(board.deadline)}${board.daysLeft === null ? '' : html`, <span class="nowrap">${this.daysText(board.daysLeft)}</span>`}` : t.t('board.noDeadline')}</dd>
        </div>
        <div class="figure">
          <dt>${t.t('board.verified')}</dt>
          <dd>${t.t('board.digitalSplit', board.digital, board.nonDigital)}</dd>
        </div>
        <div class="figure">
          <dt>${t.t('board.model')}</dt>
          <dd id="board-model">${board.model ? board.model.name : t.t('board.noModel')}</dd>
        </div>
      </dl>
      <progress class="bar" max="100" .value=${board.percent} aria-labelledby="board-done-label" aria-describedby="board-done"></progress>
      <div class="pair-tables">
        <div class="table-box" tabindex="0" role="region" aria-labelledby="by-type-caption">
          <table id="by-type">
            <caption id="by-type-caption">${t.t('board.byType')}</caption>
            <thead><tr><th scope="col">${t.t('board.kind')}</th><th scope="col" class="number">${t.t('board.count')}</th></tr></thead>
            <tbody>
              ${innovationTypes.map((type) => html`<tr><th scope="row">${t.t(`type.${type}`)}</th><td class="number">${t.number(board.byType[type])}</td></tr>`)}
            </tbody>
          </table>
        </div>
        <div class="table-box" tabindex="0" role="region" aria-labelledby="by-stage-caption">
          <table id="by-stage">
            <caption id="by-stage-caption">${t.t('board.byStage')}</caption>
            <thead><tr><th scope="col">${t.t('board.stage')}</th><th scope="col" class="number">${t.t('board.count')}</th></tr></thead>
            <tbody>
              ${innovationStages.map((stage) => html`<tr><th scope="row">${t.t(`stage.${stage}`)}</th><td class="number">${t.number(board.byStage[stage])}</td></tr>`)}
            </tbody>
          </table>
        </div>
      </div>
      <div class="pair-lists">
        <div class="missing" id="board-missing">
          ${this.heading(t.t('board.missingTitle', board.missing.length), 'missing-title', level + 1)}
          ${board.missing.length
            ? html`<ul class="name-list" aria-labelledby="missing-title">${board.missing.map((slug) => html`<li>${names.get(slug) ?? slug}</li>`)}</ul>`
            : html`<p class="muted">${t.t('board.missingNone')}</p>`}
        </div>
        <div class="with-gaps" id="board-gaps">
          ${this.heading(t.t('board.gapsTitle', board.withEvidenceGaps.length), 'gaps-title', level + 1)}
          ${board.withEvidenceGaps.length
            ? html`<ul class="name-list" aria-labelledby="gaps-title">${board.withEvidenceGaps.map((slug) => html`<li>${names.get(slug) ?? slug}</li>`)}</ul>`
            : html`<p class="muted">${t.t('board.gapsNone')}</p>`}
        </div>
      </div>
      ${full ? this.renderBoardTable(board) : nothing} ${full ? this.renderExport(board.year, level) : nothing}
    </div>`;
  }

  private renderBoardTable(board: InnovationProgress): TemplateResult {
    const t = this.localize;
    return html`<div class="table-box" tabindex="0" role="region" aria-labelledby="board-caption">
      <table id="board-table">
        <caption id="board-caption">${board.model ? t.t('board.tableCaption', board.model.name) : t.t('board.tableCaptionNoModel')}</caption>
        <thead>
          <tr>
            <th scope="col" class="name">${t.t('board.col.opd')}</th>
            <th scope="col" class="number"><span class="wrap">${t.t('board.col.verified')}</span></th>
            <th scope="col" class="number"><span class="wrap">${t.t('board.col.submitted')}</span></th>
            <th scope="col" class="number"><span class="wrap">${t.t('board.col.inProgress')}</span></th>
            <th scope="col"><span class="wrap">${t.t('board.col.gaps')}</span></th>
            <th scope="col"><span class="wrap">${t.t('board.col.score')}</span></th>
          </tr>
        </thead>
        <tbody>
          ${repeat(
            board.board,
            (opd) => opd.slug,
            (opd) => html`<tr data-opd=${opd.slug} class=${opd.verified === 0 ? 'row--missing' : ''}>
              <th scope="row">${opd.name}</th>
              <td class="number">${t.number(opd.verified)}</td>
              <td class="number">${t.number(opd.submitted)}</td>
              <td class="number">${t.number(opd.inProgress)}</td>
              <td>
                ${opd.evidenceGaps.length
                  ? html`<details class="gap-details">
                      <summary>${t.t('board.gapCount', opd.evidenceGaps.length)}</summary>
                      <ul class="gap-list">${opd.evidenceGaps.map((gap) => html`<li>${this.indicatorName(board.year, gap)}</li>`)}</ul>
                    </details>`
                  : html`<span class="muted inline">${board.model && opd.verified + opd.submitted > 0 ? t.number(0) : '—'}</span>`}
              </td>
              <td class="score">${opd.estimatedScore ? t.t('board.score', this.decimal(opd.estimatedScore.value), opd.estimatedScore.category) : t.t('board.noScore')}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderExport(year: number, level: number): TemplateResult {
    const t = this.localize;
    const api = this.#api;
    const xlsx = api ? this.apiLink(api.exportXlsxPath(year)) : '';
    return html`<section class="section export" aria-labelledby="export-title">
      ${this.heading(t.t('board.export'), 'export-title', level + 1)}
      <p class="intro">${t.t('board.exportIntro', year)}</p>
      <p class="downloads">
        <a class="button button--secondary" id="export-csv" href=${this.apiLink(`api/v1/innovations/export.csv?year=${year}`)} download=${`inovasi-${year}.csv`}>${t.t('board.csv', year)}</a>
        <a class="button button--secondary" id="export-xlsx" href=${xlsx} download=${`inovasi-${year}.xlsx`}>${t.t('board.xlsx', year)}</a>
      </p>
    </section>`;
  }

  // ——— the settings ———

  private renderSettings(settings: InnovationSettings): TemplateResult {
    const t = this.localize;
    const admin = this.context?.user.role === 'regency_admin';
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'settings', field);
    const form = this.#settingsForm;
    return html`<section class="section" aria-labelledby="view-title">
      ${this.viewTitle(t.t('settings.title'))}
      <p class="intro">${t.t('settings.intro')}</p>
      ${renderFormOutcome(this.outcome, 'settings', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      ${admin
        ? html`<form class="form-grid" novalidate @submit=${this.onSettings} @input=${form.onInput} @change=${form.onInput} aria-labelledby="view-title">
            ${selectField({
              name: 'reviewerOpd',
              label: t.t('settings.reviewer'),
              hint: t.t('settings.reviewerHint'),
              placeholder: t.t('settings.chooseReviewer'),
              value: form.value('reviewerOpd', settings.reviewerOpd),
              options: [...(this.context?.opds ?? [])].sort((a, b) => a.name.localeCompare(b.name, t.locale)).map((opd) => ({ value: opd.slug, label: opd.name })),
              error: error('reviewerOpd'),
              errorPrefix: prefix,
            })}
            ${textField({ name: 'deadline', type: 'date', label: t.t('settings.deadline'), hint: t.t('settings.deadlineHint'), value: form.value('deadline', settings.deadline ?? ''), error: error('deadline'), errorPrefix: prefix })}
            ${textField({ name: 'year', label: t.t('settings.year'), hint: t.t('settings.yearHint'), value: form.value('year', String(settings.year)), inputmode: 'numeric', autocomplete: 'off', short: true, error: error('year'), errorPrefix: prefix })}
            <div class="actions">
              <button part="button" class="button" type="submit" id="save-settings" ?disabled=${this.busy === 'settings'}>${this.busy === 'settings' ? ck(t.lang)['ck.saving'] : t.t('settings.save')}</button>
            </div>
          </form>`
        : html`${renderNotice({ message: t.t('settings.readOnly'), id: 'settings-read-only' })}
            <dl class="facts" id="settings-facts">
              <div><dt>${t.t('settings.reviewer')}</dt><dd>${this.opdName(settings.reviewerOpd)}</dd></div>
              <div><dt>${t.t('field.deadline')}</dt><dd>${settings.deadline ? t.date(settings.deadline) : t.t('settings.none')}</dd></div>
              <div><dt>${t.t('settings.year')}</dt><dd>${settings.year}</dd></div>
            </dl>`}
    </section>`;
  }
}

/** The messages of this page, for tests and other languages. */
export type { InnovationReviewMessages };
