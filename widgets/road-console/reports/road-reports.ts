/**
 * `<opd-road-reports>`: Perjaka's citizen road reports in the staff console — the inbox, and
 * one report with its contact, moderation, merging of duplicates, status and updates.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { roads, type RoadsNamespace } from '../../../src/namespaces/roads.js';
import type { FieldError } from '../../../src/schemas/common.js';
import {
  reportResolutions,
  reportStatuses,
  stakeholderRoles,
  type ReportResolution,
  type ReportStatus,
  type RoadReportService,
  type RoadReportUpdate,
} from '../../../src/schemas/open311.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../console/kit/failure.js';
import { outcomeFieldError, renderFormOutcome, summaryErrors, type FormOutcome } from '../../console/kit/forms.js';
import { OpdNamespace } from '../../console/kit/opd-namespace.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { checkboxField, selectField, textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { roadDataPage } from '../network/console-page.js';
import { roadReportsPage } from './console-page.js';
import { id, type RoadReportsMessages } from './i18n/id.js';
import { roadReportsStyles } from './road-reports.styles.js';

/** A report as staff see it (the SDK's `roads.moderation` answers). */
export type StaffReport = Awaited<ReturnType<RoadsNamespace['moderation']['get']>>;

/** Reports read per step of the inbox (one page of the API). */
export const REPORTS_PER_STEP = 50;

/** The page's forms on one report (each has its own error summary). */
type Form = 'moderate' | 'status' | 'update' | 'merge';

/** The inbox's filters, all asked of the API (a report whose resolution changes while shown leaves the list at once). */
interface Filters {
  status: ReportStatus | '';
  service: string;
  /** A resolution, `none` (no resolution yet) or `''` (any). */
  resolution: ReportResolution | 'none' | '';
  duplicates: boolean;
}

/** What a staff member typed on one report, by field name; kept while they look at other reports. */
type Draft = Readonly<Record<string, string>>;

/** Each form's fields, in the order its summary lists them. */
const FORM_FIELDS: Readonly<Record<Form, readonly string[]>> = {
  moderate: ['hideDescription', 'hidePhoto', 'hideAddress', 'publicText', 'reason'],
  status: ['status', 'resolution', 'statusNotes'],
  update: ['role', 'author', 'updateText'],
  merge: ['into'],
};

/** The API's field names in each form's terms. */
const API_FIELDS: Readonly<Record<Form, Readonly<Record<string, string>>>> = {
  moderate: { hide_description: 'hideDescription', hide_photo: 'hidePhoto', hide_address: 'hideAddress', description: 'publicText', reason: 'reason' },
  status: { status: 'status', resolution: 'resolution', status_notes: 'statusNotes' },
  update: { role: 'role', author: 'author', description: 'updateText', status: 'status', resolution: 'resolution' },
  merge: { into: 'into' },
};

/** The longest public reason of a moderation (the API's limit). */
const REASON_MAX = 300;

/** True when a key press goes to a field the person is typing in. */
function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'submit', 'reset', 'checkbox', 'radio', 'file'].includes(target.type);
}

/** The parts of a report hidden from the public, in the order the page names them. */
function hiddenParts(report: StaffReport): Array<'description' | 'photo' | 'address'> {
  const parts: Array<'description' | 'photo' | 'address'> = [];
  if (report.moderation.description_hidden) parts.push('description');
  if (report.moderation.photo_hidden) parts.push('photo');
  if (report.moderation.address_hidden) parts.push('address');
  return parts;
}

/**
 * Perjaka's citizen reports for one OPD, as Dinas PUPR's staff answer them:
 *
 * - **The inbox** (`#/perjaka/reports`): reports newest first, 50 at a time, filtered by status,
 *   service, resolution and possible duplicates; each row says the service, the matched segment
 *   and its distance, when, status, resolution, whether there is a photo and what is hidden
 *   from the public. `j`/`k` move between reports, Enter opens one.
 * - **One report** (`#/perjaka/reports/<id>`): what the citizen wrote, where (coordinates and
 *   the segment, linked to the road data page), the photo (shown to staff even when hidden),
 *   the reporter's contact marked as personal data (each read is audited by the server), the
 *   possible duplicates with a merge, moderation (hide the description, photo or address, or
 *   show an edited text, with a reason the public sees), status and resolution (closing asks
 *   first: closed is not fixed), an update posted with a stakeholder's role, and the timeline.
 *
 * Every form has its own error summary, which takes focus; what was typed stays, per report,
 * on a refusal and while looking at other reports. Calls go through the SDK's `roads`
 * namespace over the console's session. Shown by `<opd-console>`; outside a console it says so.
 *
 * @summary Perjaka's road reports inbox and moderation in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart filters - The inbox's filters.
 * @csspart list - The list of reports.
 * @csspart report - The open report.
 * @csspart personal - The reporter's contact (personal data, staff only).
 * @csspart photo - The report's photo.
 * @csspart timeline - The report's timeline of updates.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the open report in the list.
 * @cssproperty --opd-color-warning-surface - The personal data box, hidden parts, the closing question.
 * @cssproperty --opd-color-warning-border - Their edge.
 * @cssproperty --opd-color-info-surface - The open report in the list.
 * @cssproperty --opd-color-success - Open reports' and done messages' edge.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdRoadReports extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, roadReportsStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    services: { state: true, attribute: false },
    items: { state: true, attribute: false },
    listState: { state: true, attribute: false },
    listError: { state: true, attribute: false },
    complete: { state: true, attribute: false },
    loadingMore: { state: true, attribute: false },
    openId: { state: true, attribute: false },
    report: { state: true, attribute: false },
    updates: { state: true, attribute: false },
    updatesError: { state: true, attribute: false },
    detailError: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: 'inbox' | 'report' = 'inbox';
  private filters: Filters = { status: '', service: '', resolution: '', duplicates: false };
  private services: RoadReportService[] = [];
  /** The reports read so far for the current filters, newest first. */
  private items: StaffReport[] = [];
  private listState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  private listError = '';
  /** Every report of the filters has been read. */
  private complete = false;
  private loadingMore = false;
  /** The report in the route, its staff view once read, and its updates. */
  private openId = '';
  private report: StaffReport | null = null;
  private updates: RoadReportUpdate[] | null = null;
  private updatesError = '';
  private detailError = '';
  private drafts = new Map<string, Draft>();
  /** A question before a write that is not easily undone: closing, or merging into `into`. */
  private confirming: { form: 'status' } | { form: 'merge'; into: string } | null = null;
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: Form | '' = '';

  // English is fetched only for a page set to English: PUPR's staff work in Indonesian.
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  /** The SDK's roads calls for the console's OPD: another OPD's data is forgotten, and the OPD's read again. */
  readonly #namespace = new OpdNamespace(roads, ({ opd, sameOpd }) => {
    if (!sameOpd) this.resetForOpd();
    if (opd) {
      void this.loadInbox();
      void this.loadServices();
    }
    this.openId = '';
  });
  get #api(): RoadsNamespace | null {
    return this.#namespace.api;
  }
  /** The inbox's reader for the current filters; bumped `#listRun` stops a stale one. */
  #reader: AsyncIterator<StaffReport> | null = null;
  #listRun = 0;
  /** Focus the report's heading once it renders (opened by the person). */
  #focusReport = false;
  /** Focus this report's link in the list once it renders (back from it). */
  #focusItem = '';

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.onKeyDown);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    this.#namespace.follow(this.context);
    this.followRoute(this.context.route);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusReport && this.view === 'report' && (this.report || this.detailError)) {
      this.#focusReport = false;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#view-title'));
    }
    if (this.#focusItem && this.view === 'inbox' && this.listState === 'ready') {
      const link = this.renderRoot.querySelector<HTMLElement>(`#open-${CSS.escape(this.#focusItem)}`);
      this.#focusItem = '';
      if (link) link.focus();
      else focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#view-title'));
    }
  }

  /** Forgets what belongs to another OPD (a regency admin switched). */
  private resetForOpd(): void {
    this.items = [];
    this.services = [];
    this.listState = 'idle';
    this.report = null;
    this.updates = null;
    this.drafts = new Map();
    this.confirming = null;
    this.outcome = { errors: null, done: null };
    this.filters = { status: '', service: '', resolution: '', duplicates: false };
  }

  /** Shows the view the route names: `[]` the inbox, `[id]` one report. */
  private followRoute(route: readonly string[]): void {
    const [reportId] = route;
    if (reportId) {
      this.view = 'report';
      if (reportId !== this.openId) {
        this.openId = reportId;
        this.report = this.items.find((item) => item.service_request_id === reportId) ?? null;
        this.updates = null;
        this.detailError = '';
        this.confirming = null;
        this.outcome = { errors: null, done: null };
        void this.loadReport(reportId);
      }
    } else {
      this.view = 'inbox';
      this.openId = '';
    }
  }

  // ——— reading ———

  /** Reads the inbox again for the current filters: the first 50. */
  private async loadInbox(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#listRun;
    const { status, service, resolution, duplicates } = this.filters;
    const query = { ...(status ? { status } : {}), ...(service ? { serviceCode: service } : {}), ...(resolution ? { resolution } : {}), ...(duplicates ? { duplicates: true } : {}) };
    this.#reader = api.moderation.list(query)[Symbol.asyncIterator]();
    this.listState = 'loading';
    this.complete = false;
    this.listError = '';
    try {
      const read = await this.readMore(run);
      if (run !== this.#listRun) return;
      this.items = read;
      this.listState = 'ready';
    } catch (error) {
      if (run !== this.#listRun) return;
      this.listState = 'failed';
      this.listError = failureMessage(error, this.localize);
    }
  }

  /** The next {@link REPORTS_PER_STEP} reports of the reader (fewer at the end, which sets {@link complete}). */
  private async readMore(run: number): Promise<StaffReport[]> {
    const reader = this.#reader;
    const read: StaffReport[] = [];
    if (!reader) return read;
    while (read.length < REPORTS_PER_STEP) {
      const next = await reader.next();
      if (run !== this.#listRun) return read;
      if (next.done) {
        this.complete = true;
        break;
      }
      read.push(next.value);
    }
    return read;
  }

  private readonly onMore = async (): Promise<void> => {
    if (this.loadingMore || this.complete) return;
    const run = this.#listRun;
    this.loadingMore = true;
    try {
      const more = await this.readMore(run);
      if (run !== this.#listRun) return;
      const known = new Set(this.items.map((item) => item.service_request_id));
      const fresh = more.filter((item) => !known.has(item.service_request_id));
      this.items = [...this.items, ...fresh];
      this.listError = '';
      await this.updateComplete;
      const first = fresh.find((item) => this.matchesResolution(item));
      if (first) this.renderRoot.querySelector<HTMLElement>(`#open-${CSS.escape(first.service_request_id)}`)?.focus();
    } catch (error) {
      this.listError = failureMessage(error, this.localize);
    } finally {
      this.loadingMore = false;
    }
  };

  private async loadServices(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      this.services = await api.reports.services();
    } catch {
      // The filter then offers the services of the reports read; nothing else needs them.
      this.services = [];
    }
  }

  private async loadReport(reportId: string): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const [report, updates] = await Promise.allSettled([api.moderation.get(reportId), api.reports.updates(reportId)]);
    if (this.openId !== reportId) return;
    if (report.status === 'fulfilled') {
      this.showReport(report.value);
      this.detailError = '';
    } else {
      const error = report.reason;
      this.report = null;
      this.detailError =
        error instanceof ApiError && (error.status === 404 || error.status === 400) && error.code !== 'module-disabled' ? this.localize.t('report.notFound', reportId) : failureMessage(error, this.localize);
    }
    if (updates.status === 'fulfilled') {
      this.updates = updates.value;
      this.updatesError = '';
    } else if (report.status === 'fulfilled') {
      this.updatesError = failureMessage(updates.reason, this.localize);
    }
  }

  /** Shows a report the server answered, and puts it in the list in place of the older one. */
  private showReport(report: StaffReport): void {
    if (this.openId === report.service_request_id) this.report = report;
    this.items = this.items.map((item) => (item.service_request_id === report.service_request_id ? report : item));
  }

  private async reloadUpdates(reportId: string): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      const updates = await api.reports.updates(reportId);
      if (this.openId === reportId) {
        this.updates = updates;
        this.updatesError = '';
      }
    } catch (error) {
      if (this.openId === reportId) this.updatesError = failureMessage(error, this.localize);
    }
  }

  // ——— the inbox ———

  private matchesResolution(report: StaffReport): boolean {
    const wanted = this.filters.resolution;
    if (!wanted) return true;
    return wanted === 'none' ? report.resolution === null : report.resolution === wanted;
  }

  private readonly onFilter = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLSelectElement || target instanceof HTMLInputElement)) return;
    const before = this.filters;
    switch (target.name) {
      case 'filterStatus':
        this.filters = { ...before, status: target.value as Filters['status'] };
        break;
      case 'filterService':
        this.filters = { ...before, service: target.value };
        break;
      case 'filterResolution':
        this.filters = { ...before, resolution: target.value as Filters['resolution'] };
        break;
      case 'filterDuplicates':
        this.filters = { ...before, duplicates: (target as HTMLInputElement).checked };
        break;
      default:
        return;
    }
    void this.loadInbox();
  };

  private readonly onItemClick = (event: MouseEvent): void => {
    // The shell routes on the address; a plain click with no modifier stays in the console.
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const reportId = (event.currentTarget as HTMLElement).dataset.id;
    if (!reportId || !this.context) return;
    event.preventDefault();
    this.#focusReport = true;
    this.context.navigate(`${roadReportsPage.id}/${reportId}`, { keepFocus: true });
  };

  private readonly onBack = (event: Event): void => {
    event.preventDefault();
    this.#focusItem = this.openId;
    this.context?.navigate(roadReportsPage.id, { keepFocus: true });
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (!this.context || this.view !== 'inbox' || !this.isConnected) return;
    const path = event.composedPath();
    const shell = (this.getRootNode() as ShadowRoot).host;
    const target = path[0];
    const ours = path.includes(this) || (shell && path.includes(shell)) || target === document.body || target === document.documentElement;
    if (!ours || isTyping(target)) return;
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      this.moveInList(event.key === 'j' ? 1 : -1);
    }
  };

  /** Moves focus to the next (`1`) or previous (`-1`) report of the list. */
  private moveInList(step: 1 | -1): void {
    const links = [...this.renderRoot.querySelectorAll<HTMLAnchorElement>('.item a')];
    if (links.length === 0) return;
    const index = links.findIndex((link) => link === this.shadowRoot?.activeElement);
    const next = links[index < 0 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, index + step))];
    next?.focus();
    next?.scrollIntoView({ block: 'nearest' });
  }

  // ——— the forms ———

  private draftOf(reportId: string): Draft {
    return this.drafts.get(reportId) ?? {};
  }

  private setDraft(reportId: string, change: Draft): void {
    const drafts = new Map(this.drafts);
    drafts.set(reportId, { ...this.draftOf(reportId), ...change });
    this.drafts = drafts;
  }

  /** Forgets what was typed in `names` on `reportId` (after it was saved). */
  private forget(reportId: string, ...names: string[]): void {
    const draft = { ...this.draftOf(reportId) };
    for (const name of names) delete draft[name];
    const drafts = new Map(this.drafts);
    drafts.set(reportId, draft);
    this.drafts = drafts;
  }

  /** What `name` holds on the open report: what was typed, else `saved`. */
  private value(name: string, saved: string): string {
    return this.draftOf(this.openId)[name] ?? saved;
  }

  private readonly onFormInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) || !target.name || !this.openId) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? (target.checked ? 'true' : 'false') : target.value;
    this.setDraft(this.openId, { [target.name]: value });
    if (this.confirming?.form === 'status' && (target.name === 'status' || target.name === 'resolution')) this.confirming = null;
  };

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

  /** The summary's lines for `fields` of `form` (in the API's names or the form's own). */
  private summary(form: Form, fields: readonly FieldError[]): SummaryError[] {
    const t = this.localize;
    const named = fields.map((field) => {
      const [head = '', ...rest] = field.path.split('.');
      return { ...field, path: [API_FIELDS[form][head] ?? head, ...rest].join('.') };
    });
    return summaryErrors(named, FORM_FIELDS[form], (field, code) => t.lookup(`error.${field}.${code}`) ?? t.lookup(`error.${field}.invalid`) ?? t.t('error.generic', t.lookup(`field.${field}`) ?? field));
  }

  /** Says why a write failed: its fields in the summary, or one sentence. */
  private async refused(form: Form, error: unknown, sentence?: string): Promise<void> {
    const fields = fieldErrorsOf(error);
    await this.showErrors(form, fields ? this.summary(form, fields) : [{ field: '', message: sentence ?? failureMessage(error, this.localize) }]);
  }

  private readonly onModerate = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.#api;
    const report = this.report;
    if (!api || !report || this.busy) return;
    const t = this.localize;
    const flag = (name: string, saved: boolean) => this.value(name, String(saved)) === 'true';
    const reason = this.value('reason', '').trim();
    const publicText = this.value('publicText', '').trim();
    const problems: FieldError[] = [];
    if (!reason) problems.push({ path: 'reason', message: '', code: 'required' });
    else if (reason.length > REASON_MAX) problems.push({ path: 'reason', message: '', code: 'tooLong' });
    if (problems.length) {
      await this.showErrors('moderate', this.summary('moderate', problems));
      return;
    }
    const input = {
      // An edited text replaces the original for the public: the original is then hidden.
      hide_description: flag('hideDescription', report.moderation.description_hidden) || publicText !== '',
      hide_address: flag('hideAddress', report.moderation.address_hidden),
      ...(report.photo_url ? { hide_photo: flag('hidePhoto', report.moderation.photo_hidden) } : {}),
      ...(publicText ? { description: publicText } : {}),
      reason,
    };
    this.busy = 'moderate';
    try {
      const saved = await api.moderation.moderate(report.service_request_id, input);
      this.showReport(saved);
      this.forget(saved.service_request_id, ...FORM_FIELDS.moderate);
      const hidden = hiddenParts(saved);
      await this.showDone('moderate', hidden.length ? t.t('moderate.saved', this.partsText(hidden), reason) : t.t('moderate.savedNone'));
    } catch (error) {
      await this.refused('moderate', error);
    } finally {
      this.busy = '';
    }
  };

  private readonly onStatus = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const report = this.report;
    if (!report || this.busy) return;
    const status = this.value('status', report.status) as ReportStatus;
    const resolution = this.value('resolution', report.resolution ?? '');
    if (status === 'closed' && !resolution) {
      await this.showErrors('status', this.summary('status', [{ path: 'resolution', message: '', code: 'required' }]));
      return;
    }
    this.outcome = { errors: null, done: null };
    if (status === 'closed' && report.status !== 'closed') {
      // Closing is what a citizen reads as "done": ask first.
      this.confirming = { form: 'status' };
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#confirm-status'));
      return;
    }
    await this.saveStatus();
  };

  private readonly saveStatus = async (): Promise<void> => {
    const api = this.#api;
    const report = this.report;
    if (!api || !report || this.busy) return;
    const t = this.localize;
    const status = this.value('status', report.status) as ReportStatus;
    const resolution = this.value('resolution', report.resolution ?? '');
    const notes = this.value('statusNotes', report.status_notes ?? '').trim();
    this.busy = 'status';
    try {
      const saved = await api.moderation.setStatus(report.service_request_id, {
        status,
        resolution: resolution ? (resolution as ReportResolution) : null,
        status_notes: notes || null,
      });
      this.confirming = null;
      this.showReport(saved);
      this.forget(saved.service_request_id, ...FORM_FIELDS.status);
      await this.showDone('status', t.t('status.saved', this.statusText(saved.status), saved.resolution ? this.resolutionText(saved.resolution) : t.t('resolution.none')));
    } catch (error) {
      this.confirming = null;
      await this.refused('status', error);
    } finally {
      this.busy = '';
    }
  };

  private readonly onCancelConfirm = (): void => {
    const form = this.confirming?.form;
    this.confirming = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(form === 'merge' ? '#merge-into' : '#save-status')?.focus());
  };

  private readonly onUpdate = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const api = this.#api;
    const report = this.report;
    if (!api || !report || this.busy) return;
    const t = this.localize;
    const description = this.value('updateText', '').trim();
    const role = this.value('role', 'petugas');
    const author = this.value('author', '').trim();
    const problems: FieldError[] = [];
    if (!role) problems.push({ path: 'role', message: '', code: 'required' });
    if (!description) problems.push({ path: 'updateText', message: '', code: 'required' });
    if (problems.length) {
      await this.showErrors('update', this.summary('update', problems));
      return;
    }
    this.busy = 'update';
    try {
      const posted = await api.moderation.postUpdate(report.service_request_id, { description, role: role as (typeof stakeholderRoles)[number], ...(author ? { author } : {}) });
      this.forget(report.service_request_id, 'updateText');
      this.updates = [...(this.updates ?? []), posted];
      await this.showDone('update', t.t('update.posted', this.roleText(posted.role), posted.author));
      void this.reloadUpdates(report.service_request_id);
    } catch (error) {
      await this.refused('update', error);
    } finally {
      this.busy = '';
    }
  };

  /** Asks before merging the open report into `into` (a candidate's button, or the form's number). */
  private async askMerge(into: string): Promise<void> {
    const report = this.report;
    if (!report || this.busy) return;
    const target = into.trim().replace(/^#/, '');
    let problem: FieldError['code'] | '' = '';
    if (!target) problem = 'required';
    else if (!/^[1-9][0-9]{0,15}$/.test(target)) problem = 'format';
    else if (target === report.service_request_id) problem = 'invalid';
    if (problem) {
      await this.showErrors('merge', this.summary('merge', [{ path: 'into', message: '', code: problem }]));
      return;
    }
    this.outcome = { errors: null, done: null };
    this.confirming = { form: 'merge', into: target };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#confirm-merge'));
  }

  private readonly onMergeForm = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.askMerge(this.value('into', ''));
  };

  private readonly onMerge = async (): Promise<void> => {
    const api = this.#api;
    const report = this.report;
    const confirming = this.confirming;
    if (!api || !report || this.busy || confirming?.form !== 'merge') return;
    const t = this.localize;
    this.busy = 'merge';
    try {
      const saved = await api.moderation.merge(report.service_request_id, confirming.into);
      this.confirming = null;
      this.showReport(saved);
      this.forget(saved.service_request_id, 'into', ...FORM_FIELDS.status);
      await this.showDone('merge', t.t('merge.done', saved.service_request_id, confirming.into));
    } catch (error) {
      this.confirming = null;
      const conflict = error instanceof ApiError && error.status === 409;
      await this.refused('merge', error, conflict ? t.t('merge.conflict', confirming.into) : undefined);
    } finally {
      this.busy = '';
    }
  };

  // ——— words ———

  private statusText(status: ReportStatus): string {
    return this.localize.t(`status.${status}`);
  }

  private resolutionText(resolution: ReportResolution): string {
    return this.localize.t(`resolution.${resolution}`);
  }

  private roleText(role: string): string {
    return this.localize.lookup(`role.${role}`) ?? role;
  }

  private partsText(parts: ReadonlyArray<'description' | 'photo' | 'address'>): string {
    return parts.map((part) => this.localize.t(`part.${part}`)).join(', ');
  }

  private serviceName(code: string, fallback?: string): string {
    return this.services.find((service) => service.service_code === code)?.service_name ?? fallback ?? code;
  }

  private distance(metres: number): string {
    return this.localize.t('unit.m', this.localize.number(metres));
  }

  private coordinate(value: number): string {
    return value.toLocaleString(this.localize.locale, { minimumFractionDigits: 5, maximumFractionDigits: 6 });
  }

  private heading(text: string, idName: string, level = this.level + 1): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    if (!this.context.opd) return html`<div part="base" class="base" lang=${t.lang}>${renderNotice({ message: t.t('page.pickOpd') })}</div>`;
    return html`<div part="base" class="base" lang=${t.lang}>${this.view === 'report' ? this.renderReport() : this.renderInbox()}</div>`;
  }

  private renderInbox(): TemplateResult {
    const t = this.localize;
    const shown = this.items.filter((item) => this.matchesResolution(item));
    let list: TemplateResult;
    if (this.listState === 'idle' || this.listState === 'loading') {
      list = html`<p class="muted">${t.t('inbox.loading')}</p>`;
    } else if (this.listState === 'failed') {
      list = renderNotice({ message: this.listError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadInbox(), look: 'secondary' } });
    } else if (shown.length === 0) {
      list = html`<p class="muted empty">${this.items.length === 0 && !this.filtered ? t.t('inbox.none') : t.t('inbox.noMatch')}</p>`;
    } else {
      list = html`<ol part="list" class="list" aria-labelledby="view-title">
        ${repeat(
          shown,
          (item) => item.service_request_id,
          (item) => this.renderItem(item),
        )}
      </ol>`;
    }
    const services = this.services.length
      ? this.services.map((service) => ({ value: service.service_code, label: service.service_name }))
      : [...new Map(this.items.map((item) => [item.service_code, item.service_name])).entries()].map(([value, label]) => ({ value, label }));
    return html`<section class="section" aria-labelledby="view-title">
      <div role="heading" aria-level=${this.level} class="heading" id="view-title" tabindex="-1">${t.t('inbox.title')}</div>
      <p class="intro">${t.t('inbox.intro')}</p>
      <form part="filters" class="filters" role="search" aria-label=${t.t('filters.label')} @change=${this.onFilter} @submit=${(event: Event) => event.preventDefault()}>
        ${selectField({
          name: 'filterStatus',
          label: t.t('filters.status'),
          placeholder: t.t('filters.any'),
          value: this.filters.status,
          options: reportStatuses.map((status) => ({ value: status, label: this.statusText(status) })),
          errorPrefix: t.t('error.prefix'),
        })}
        ${selectField({ name: 'filterService', label: t.t('filters.service'), placeholder: t.t('filters.any'), value: this.filters.service, options: services, errorPrefix: t.t('error.prefix') })}
        ${selectField({
          name: 'filterResolution',
          label: t.t('filters.resolution'),
          placeholder: t.t('filters.any'),
          value: this.filters.resolution,
          options: [{ value: 'none', label: t.t('resolution.none') }, ...reportResolutions.map((resolution) => ({ value: resolution, label: this.resolutionText(resolution) }))],
          errorPrefix: t.t('error.prefix'),
        })}
        <div class="filter-check">
          ${checkboxField({ name: 'filterDuplicates', label: t.t('filters.duplicates'), checked: this.filters.duplicates, errorPrefix: t.t('error.prefix') })}
        </div>
      </form>
      <p class="muted status" role="status">${this.listState === 'ready' ? this.countText(shown.length) : ''}</p>
      <p class="muted keys">${t.t('inbox.keys')}</p>
      ${this.listState === 'ready' && this.listError ? renderNotice({ message: this.listError, tone: 'warning' }) : nothing}
      ${list}
      ${this.listState === 'ready' && !this.complete
        ? html`<button part="button" type="button" class="button button--secondary" id="more" ?disabled=${this.loadingMore} @click=${this.onMore}>
            ${this.loadingMore ? ck(t.lang)['ck.loading'] : t.t('inbox.more', REPORTS_PER_STEP)}
          </button>`
        : nothing}
    </section>`;
  }

  private get filtered(): boolean {
    const { status, service, resolution, duplicates } = this.filters;
    return !!(status || service || resolution || duplicates);
  }

  private countText(shown: number): string {
    const t = this.localize;
    // Every filter is the server's: what is loaded all matches.
    if (this.filtered) return this.complete ? t.t('inbox.countMatching', shown) : t.t('inbox.countMatchingSoFar', shown);
    return this.complete ? t.t('inbox.count', shown) : t.t('inbox.countSoFar', shown);
  }

  private renderItem(report: StaffReport): TemplateResult {
    const t = this.localize;
    const current = report.service_request_id === this.#focusItem;
    const hidden = hiddenParts(report);
    const open = report.status === 'open';
    const duplicates = report.duplicate_of === null ? report.possible_duplicates.length : 0;
    return html`<li class=${current ? 'item item--current' : 'item'}>
      <a href="#/${roadReportsPage.id}/${report.service_request_id}" id="open-${report.service_request_id}" data-id=${report.service_request_id} @click=${this.onItemClick}>
        <span class="item-title"><span class="code">#${report.service_request_id}</span> ${this.serviceName(report.service_code, report.service_name)}</span>
        <span class="item-line">${report.segment ? t.t('item.segment', report.segment.number, report.segment.name, this.distance(report.segment.distance_m)) : t.t('item.noSegment')}</span>
        <span class="item-line muted"><time datetime=${report.requested_datetime}>${t.t('item.when', t.dateTime(report.requested_datetime))}</time></span>
        <span class="item-tags">
          <span class=${open ? 'badge badge--open' : 'badge badge--closed'}>${this.statusText(report.status)}</span>
          <span class="badge">${report.resolution ? this.resolutionText(report.resolution) : t.t('resolution.none')}</span>
          <span class=${report.photo_url ? 'badge' : 'badge badge--off'}>${report.photo_url ? t.t('item.photo') : t.t('item.noPhoto')}</span>
          ${hidden.length ? html`<span class="badge badge--hidden">${t.t('item.hidden', this.partsText(hidden))}</span>` : nothing}
          ${duplicates ? html`<span class="badge badge--warn">${t.t('item.duplicates', duplicates)}</span>` : nothing}
          ${report.duplicate_of ? html`<span class="badge">${t.t('item.mergedInto', report.duplicate_of)}</span>` : nothing}
        </span>
      </a>
    </li>`;
  }

  private renderReport(): TemplateResult {
    const t = this.localize;
    const back = html`<p class="back"><a href="#/${roadReportsPage.id}" id="back" @click=${this.onBack}>${t.t('report.back')}</a></p>`;
    const report = this.report;
    if (!report) {
      return html`<section class="section" aria-labelledby="view-title">
        ${back}
        <div role="heading" aria-level=${this.level} class="heading" id="view-title" tabindex="-1">${t.t('report.title', this.openId)}</div>
        ${this.detailError
          ? renderNotice({ message: this.detailError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadReport(this.openId), look: 'secondary' } })
          : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`}
      </section>`;
    }
    const hidden = hiddenParts(report);
    return html`<article part="report" class="report" aria-labelledby="view-title" @input=${this.onFormInput} @change=${this.onFormInput}>
      ${back}
      <div role="heading" aria-level=${this.level} class="heading" id="view-title" tabindex="-1">${t.t('report.titleWith', report.service_request_id, this.serviceName(report.service_code, report.service_name))}</div>
      <p class="item-tags report-tags">
        <span class=${report.status === 'open' ? 'badge badge--open' : 'badge badge--closed'}>${this.statusText(report.status)}</span>
        <span class="badge">${report.resolution ? this.resolutionText(report.resolution) : t.t('resolution.none')}</span>
        ${hidden.length ? html`<span class="badge badge--hidden">${t.t('item.hidden', this.partsText(hidden))}</span>` : nothing}
        ${report.duplicate_of ? html`<span class="badge">${t.t('item.mergedInto', report.duplicate_of)}</span>` : nothing}
      </p>
      ${this.renderJumps()} ${this.renderWritten(report)} ${this.renderLocation(report)} ${this.renderPhoto(report)} ${this.renderContact(report)} ${this.renderDuplicates(report)}
      ${this.renderModeration(report)} ${this.renderStatus(report)} ${this.renderUpdateForm()} ${this.renderTimeline(report)}
    </article>`;
  }

  /** Buttons to the page's forms: the hash is the console's route, so these scroll and focus instead of linking. */
  private renderJumps(): TemplateResult {
    const t = this.localize;
    const jump = (target: string, label: string) =>
      html`<li><button part="button" type="button" class="link-button" @click=${() => this.jumpTo(target)}>${label}</button></li>`;
    return html`<nav class="jumps" aria-label=${t.t('jumps.label')}>
      <ul>
        ${jump('contact-title', t.t('contact.title'))} ${jump('merge-title', t.t('merge.title'))} ${jump('moderate-title', t.t('moderate.title'))}
        ${jump('status-title', t.t('status.title'))} ${jump('update-title', t.t('update.title'))} ${jump('timeline-title', t.t('timeline.title'))}
      </ul>
    </nav>`;
  }

  private jumpTo(target: string): void {
    const heading = this.renderRoot.querySelector<HTMLElement>(`#${target}`);
    heading?.scrollIntoView({ block: 'start' });
    focusTemporarily(heading);
  }

  private renderWritten(report: StaffReport): TemplateResult {
    const t = this.localize;
    const original = report.moderation.original_description;
    const attributes = Object.entries(report.attributes);
    const service = this.services.find((candidate) => candidate.service_code === report.service_code);
    const attributeName = (code: string) => service?.attributes.find((attribute) => attribute.code === code)?.description ?? code;
    const answer = (code: string, value: string | string[]) => {
      const values = (Array.isArray(value) ? value : [value]).map((key) => service?.attributes.find((attribute) => attribute.code === code)?.values.find((option) => option.key === key)?.name ?? key);
      return values.join(', ');
    };
    return html`<section class="section" aria-labelledby="written-title">
      ${this.heading(t.t('written.title'), 'written-title')}
      <dl class="facts">
        <div><dt>${t.t('written.when')}</dt><dd><time datetime=${report.requested_datetime}>${t.dateTime(report.requested_datetime)}</time></dd></div>
        <div><dt>${t.t('written.updated')}</dt><dd><time datetime=${report.updated_datetime}>${t.dateTime(report.updated_datetime)}</time></dd></div>
        <div><dt>${t.t('written.source')}</dt><dd>${report.source ? t.t('written.sourceApp', report.source) : t.t('written.sourceOwn')}</dd></div>
      </dl>
      ${original
        ? html`<blockquote class="message" id="citizen-text">${original}</blockquote>`
        : html`<p class="muted" id="citizen-text">${t.t('written.noText')}</p>`}
      ${report.moderation.description_hidden
        ? html`<p class="public-view"><strong>${t.t('written.publicSees')}</strong> ${report.description ? html`<q>${report.description}</q>` : t.t('written.publicNothing')}</p>`
        : nothing}
      ${attributes.length
        ? html`<dl class="facts">
            ${attributes.map(([code, value]) => html`<div><dt>${attributeName(code)}</dt><dd>${answer(code, value)}</dd></div>`)}
          </dl>`
        : nothing}
    </section>`;
  }

  private renderLocation(report: StaffReport): TemplateResult {
    const t = this.localize;
    const address = report.moderation.original_address;
    return html`<section class="section" aria-labelledby="location-title">
      ${this.heading(t.t('location.title'), 'location-title')}
      <dl class="facts">
        <div>
          <dt>${t.t('location.coordinates')}</dt>
          <dd id="coordinates">${report.lat !== null && report.long !== null ? t.t('location.latLong', this.coordinate(report.lat), this.coordinate(report.long)) : t.t('location.noCoordinates')}</dd>
        </div>
        <div>
          <dt>${t.t('location.segment')}</dt>
          <dd id="segment">
            ${report.segment
              ? html`<a href="#/${roadDataPage.id}/ruas/${encodeURIComponent(report.segment.number)}" @click=${(event: Event) => this.toSegment(event, report.segment!.number)}
                    >${t.t('location.segmentName', report.segment.number, report.segment.name)}</a
                  >
                  <span class="muted small">${t.t('location.distance', this.distance(report.segment.distance_m))}</span>`
              : t.t('location.noSegment')}
          </dd>
        </div>
        ${address
          ? html`<div>
              <dt>${t.t('location.address')}</dt>
              <dd>${address} ${report.moderation.address_hidden ? html`<span class="badge badge--hidden">${t.t('hidden.fromPublic')}</span>` : nothing}</dd>
            </div>`
          : nothing}
      </dl>
    </section>`;
  }

  private toSegment(event: Event, number: string): void {
    event.preventDefault();
    this.context?.navigate(`${roadDataPage.id}/ruas/${number}`);
  }

  private renderPhoto(report: StaffReport): TemplateResult {
    const t = this.localize;
    return html`<section class="section" aria-labelledby="photo-title">
      ${this.heading(t.t('photo.title'), 'photo-title')}
      ${report.photo_url
        ? html`${report.moderation.photo_hidden ? renderNotice({ message: t.t('photo.hidden'), tone: 'warning', id: 'photo-hidden' }) : nothing}
            <figure class="figure">
              <img part="photo" class="photo" src=${report.photo_url} alt=${t.t('photo.alt', report.service_request_id)} loading="lazy" />
              <figcaption><a href=${report.photo_url} target="_blank" rel="noopener">${t.t('photo.open')}</a></figcaption>
            </figure>`
        : html`<p class="muted">${t.t('photo.none')}</p>`}
    </section>`;
  }

  private renderContact(report: StaffReport): TemplateResult {
    const t = this.localize;
    const who = report.reporter;
    const name = [who.first_name, who.last_name].filter(Boolean).join(' ');
    const any = name || who.email || who.phone || who.device_id;
    return html`<section part="personal" class="section personal" aria-labelledby="contact-title">
      ${this.heading(t.t('contact.title'), 'contact-title')}
      <p class="personal-note" id="contact-note"><strong>${t.t('contact.personal')}</strong> ${t.t('contact.note')}</p>
      ${any
        ? html`<dl class="facts" aria-describedby="contact-note">
            <div><dt>${t.t('contact.name')}</dt><dd>${name || '—'}</dd></div>
            <div><dt>${t.t('contact.email')}</dt><dd>${who.email ? html`<a href="mailto:${who.email}">${who.email}</a>` : '—'}</dd></div>
            <div><dt>${t.t('contact.phone')}</dt><dd>${who.phone ? html`<a href="tel:${who.phone}">${who.phone}</a>` : '—'}</dd></div>
            ${who.device_id ? html`<div><dt>${t.t('contact.device')}</dt><dd class="code">${who.device_id}</dd></div>` : nothing}
          </dl>`
        : html`<p class="muted">${t.t('contact.none')}</p>`}
    </section>`;
  }

  private renderDuplicates(report: StaffReport): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const candidates = report.possible_duplicates.filter((candidate) => candidate.service_request_id !== report.service_request_id);
    const confirming = this.confirming?.form === 'merge' ? this.confirming : null;
    const summary = renderFormOutcome(this.outcome, 'merge', { title: t.t('summary.title'), headingLevel: this.level + 2, root: () => this.shadowRoot });
    if (report.duplicate_of) {
      return html`<section class="section" aria-labelledby="merge-title">
        ${this.heading(t.t('merge.title'), 'merge-title')} ${summary}
        <p>
          ${t.t('merge.mergedInto')}
          <a href="#/${roadReportsPage.id}/${report.duplicate_of}" @click=${(event: Event) => this.toReport(event, report.duplicate_of!)}>#${report.duplicate_of}</a>
        </p>
      </section>`;
    }
    return html`<section class="section" aria-labelledby="merge-title">
      ${this.heading(t.t('merge.title'), 'merge-title')}
      <p class="intro">${candidates.length ? t.t('merge.intro', candidates.length) : t.t('merge.noneNear')}</p>
      ${summary}
      ${candidates.length
        ? html`<ul class="plain-list candidates">
            ${candidates.map(
              (candidate) => html`<li class="candidate">
                <a href="#/${roadReportsPage.id}/${candidate.service_request_id}" @click=${(event: Event) => this.toReport(event, candidate.service_request_id)}>#${candidate.service_request_id}</a>
                <span class="muted inline">${t.t('merge.away', this.distance(candidate.distance_m))}</span>
                <button part="button" type="button" class="button button--secondary button--small" id="merge-${candidate.service_request_id}" @click=${() => void this.askMerge(candidate.service_request_id)}>
                  ${t.t('merge.into', candidate.service_request_id)}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <form class="inline-form" novalidate @submit=${this.onMergeForm} aria-labelledby="merge-title">
        ${textField({
          name: 'into',
          label: t.t('merge.other'),
          hint: t.t('merge.otherHint'),
          value: this.value('into', ''),
          inputmode: 'numeric',
          autocomplete: 'off',
          error: outcomeFieldError(this.outcome, 'merge', 'into'),
          errorPrefix: prefix,
        })}
        <button part="button" class="button button--secondary" type="submit" id="merge-into">${t.t('merge.submit')}</button>
      </form>
      ${confirming
        ? html`<div class="confirm-box" id="confirm-merge" role="group" tabindex="-1" aria-labelledby="confirm-merge-text">
            <p id="confirm-merge-text">${t.t('merge.confirm', report.service_request_id, confirming.into)}</p>
            <div class="row-actions">
              <button part="button" type="button" class="button" id="merge-yes" ?disabled=${this.busy === 'merge'} @click=${this.onMerge}>${this.busy === 'merge' ? ck(t.lang)['ck.saving'] : t.t('merge.yes', confirming.into)}</button>
              <button part="button" type="button" class="button button--secondary" @click=${this.onCancelConfirm}>${ck(t.lang)['ck.cancel']}</button>
            </div>
          </div>`
        : nothing}
    </section>`;
  }

  private toReport(event: Event, reportId: string): void {
    event.preventDefault();
    this.#focusReport = true;
    this.context?.navigate(`${roadReportsPage.id}/${reportId}`, { keepFocus: true });
  }

  private renderModeration(report: StaffReport): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'moderate', field);
    const hidden = hiddenParts(report);
    const flag = (name: string, saved: boolean) => this.value(name, String(saved)) === 'true';
    const reason = this.value('reason', '');
    return html`<section class="section" aria-labelledby="moderate-title">
      ${this.heading(t.t('moderate.title'), 'moderate-title')}
      <p class="intro">${t.t('moderate.intro')}</p>
      ${hidden.length
        ? html`<p class="state" id="moderation-state">
            ${t.t('moderate.current', this.partsText(hidden))} <q>${report.moderation.reason ?? ''}</q>
            ${report.moderation.moderated_at ? html`<span class="muted">${t.t('moderate.by', report.moderation.moderated_by ?? '—', t.dateTime(report.moderation.moderated_at))}</span>` : nothing}
          </p>`
        : html`<p class="muted state" id="moderation-state">${t.t('moderate.nothingHidden')}</p>`}
      ${renderFormOutcome(this.outcome, 'moderate', { title: t.t('summary.title'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onModerate} aria-labelledby="moderate-title">
        <fieldset part="field" class="field group">
          <legend part="label" class="legend">${t.t('moderate.hide')}</legend>
          ${checkboxField({ name: 'hideDescription', label: t.t('moderate.hideDescription'), checked: flag('hideDescription', report.moderation.description_hidden), errorPrefix: prefix, error: error('hideDescription') })}
          ${report.photo_url
            ? checkboxField({ name: 'hidePhoto', label: t.t('moderate.hidePhoto'), checked: flag('hidePhoto', report.moderation.photo_hidden), errorPrefix: prefix, error: error('hidePhoto') })
            : nothing}
          ${report.moderation.original_address || report.address
            ? checkboxField({ name: 'hideAddress', label: t.t('moderate.hideAddress'), checked: flag('hideAddress', report.moderation.address_hidden), errorPrefix: prefix, error: error('hideAddress') })
            : nothing}
        </fieldset>
        ${textareaField({ name: 'publicText', label: t.t('moderate.publicText'), hint: t.t('moderate.publicTextHint'), value: this.value('publicText', ''), rows: 3, error: error('publicText'), errorPrefix: prefix })}
        ${textField({
          name: 'reason',
          label: t.t('moderate.reason'),
          hint: t.t('moderate.reasonHint', REASON_MAX),
          value: reason,
          autocomplete: 'off',
          error: error('reason'),
          errorPrefix: prefix,
        })}
        <div class="actions">
          <button part="button" class="button" type="submit" id="save-moderation" ?disabled=${this.busy === 'moderate'}>${this.busy === 'moderate' ? ck(t.lang)['ck.saving'] : t.t('moderate.save')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderStatus(report: StaffReport): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'status', field);
    const status = this.value('status', report.status);
    const resolution = this.value('resolution', report.resolution ?? '');
    return html`<section class="section" aria-labelledby="status-title">
      ${this.heading(t.t('status.title'), 'status-title')}
      <p class="intro">${t.t('status.intro')}</p>
      ${renderFormOutcome(this.outcome, 'status', { title: t.t('summary.title'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onStatus} aria-labelledby="status-title">
        <div class="pair">
          ${selectField({
            name: 'status',
            label: t.t('status.status'),
            placeholder: t.t('status.choose'),
            value: status,
            options: reportStatuses.map((value) => ({ value, label: this.statusText(value) })),
            error: error('status'),
            errorPrefix: prefix,
          })}
          ${selectField({
            name: 'resolution',
            label: t.t('status.resolution'),
            hint: t.t('status.resolutionHint'),
            placeholder: t.t('resolution.none'),
            value: resolution,
            options: reportResolutions.map((value) => ({ value, label: this.resolutionText(value) })),
            error: error('resolution'),
            errorPrefix: prefix,
          })}
        </div>
        ${textareaField({ name: 'statusNotes', label: t.t('status.notes'), hint: t.t('status.notesHint'), value: this.value('statusNotes', report.status_notes ?? ''), rows: 2, error: error('statusNotes'), errorPrefix: prefix })}
        <div class="actions">
          <button part="button" class="button" type="submit" id="save-status" ?disabled=${this.busy === 'status'}>${this.busy === 'status' ? ck(t.lang)['ck.saving'] : t.t('status.save')}</button>
        </div>
      </form>
      ${this.confirming?.form === 'status'
        ? html`<div class="confirm-box" id="confirm-status" role="group" tabindex="-1" aria-labelledby="confirm-status-text">
            <p id="confirm-status-text">${t.t('status.confirm', report.service_request_id, resolution ? this.resolutionText(resolution as ReportResolution) : '')}</p>
            <div class="row-actions">
              <button part="button" type="button" class="button" id="close-yes" ?disabled=${this.busy === 'status'} @click=${this.saveStatus}>${this.busy === 'status' ? ck(t.lang)['ck.saving'] : t.t('status.confirmYes')}</button>
              <button part="button" type="button" class="button button--secondary" @click=${this.onCancelConfirm}>${ck(t.lang)['ck.cancel']}</button>
            </div>
          </div>`
        : nothing}
    </section>`;
  }

  private renderUpdateForm(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'update', field);
    return html`<section class="section" aria-labelledby="update-title">
      ${this.heading(t.t('update.title'), 'update-title')}
      <p class="intro">${t.t('update.intro')}</p>
      ${renderFormOutcome(this.outcome, 'update', { title: t.t('summary.title'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onUpdate} aria-labelledby="update-title">
        <div class="pair">
          ${selectField({
            name: 'role',
            label: t.t('update.role'),
            placeholder: t.t('update.chooseRole'),
            value: this.value('role', 'petugas'),
            options: stakeholderRoles.map((value) => ({ value, label: this.roleText(value) })),
            error: error('role'),
            errorPrefix: prefix,
          })}
          ${textField({ name: 'author', label: t.t('update.author'), hint: t.t('update.authorHint', this.context?.opd?.name ?? ''), value: this.value('author', ''), autocomplete: 'off', error: error('author'), errorPrefix: prefix })}
        </div>
        ${textareaField({ name: 'updateText', label: t.t('update.text'), hint: t.t('update.textHint'), value: this.value('updateText', ''), rows: 4, error: error('updateText'), errorPrefix: prefix })}
        <div class="actions">
          <button part="button" class="button" type="submit" id="post-update" ?disabled=${this.busy === 'update'}>${this.busy === 'update' ? ck(t.lang)['ck.saving'] : t.t('update.post')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderTimeline(report: StaffReport): TemplateResult {
    const t = this.localize;
    type Entry = { at: string; key: string; body: TemplateResult };
    const entries: Entry[] = [
      {
        at: report.requested_datetime,
        key: 'filed',
        body: html`<span class="entry-what">${t.t('timeline.filed')}</span>`,
      },
      ...(this.updates ?? []).map((update) => ({
        at: update.updated_datetime,
        key: `update-${update.update_id}`,
        body: html`<span class="entry-what">${t.t('timeline.update', this.roleText(update.role), update.author)}</span>
          <span class="item-tags">
            <span class=${update.status === 'open' ? 'badge badge--open' : 'badge badge--closed'}>${this.statusText(update.status)}</span>
            ${update.resolution ? html`<span class="badge">${this.resolutionText(update.resolution)}</span>` : nothing}
          </span>
          <span class="entry-text">${update.description}</span>
          ${update.media_url ? html`<a href=${update.media_url} target="_blank" rel="noopener">${t.t('timeline.photo')}</a>` : nothing}`,
      })),
      ...(report.moderation.moderated_at
        ? [{ at: report.moderation.moderated_at, key: 'moderated', body: html`<span class="entry-what">${t.t('timeline.moderated', report.moderation.moderated_by ?? '—', report.moderation.reason ?? '')}</span>` }]
        : []),
    ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    return html`<section part="timeline" class="section" aria-labelledby="timeline-title">
      ${this.heading(t.t('timeline.title'), 'timeline-title')}
      ${this.updatesError ? renderNotice({ message: this.updatesError, tone: 'warning', action: { label: t.t('retry'), onClick: () => void this.reloadUpdates(report.service_request_id), look: 'secondary' } }) : nothing}
      ${this.updates === null && !this.updatesError ? html`<p class="muted">${ck(t.lang)['ck.loading']}</p>` : nothing}
      <ol class="timeline">
        ${repeat(
          entries,
          (entry) => entry.key,
          (entry) => html`<li class="entry" data-key=${entry.key}><time class="muted small" datetime=${entry.at}>${t.dateTime(entry.at)}</time> ${entry.body}</li>`,
        )}
      </ol>
      <p class="muted small">${t.t('timeline.public')}</p>
    </section>`;
  }
}

/** The messages of this page, for tests and other languages. */
export type { RoadReportsMessages };
