/**
 * `<opd-innovation-registry>`: One OPD One Innovation in the staff console, for an OPD's own
 * staff — its innovations with their review status, registering and editing one, its
 * evidence per indicator of the year's IID model, and submitting it to Bappeda.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { innovations, type InnovationsNamespace } from '../../../src/namespaces/innovations.js';
import type { FieldError } from '../../../src/schemas/common.js';
import { innovationInitiators, innovationStages, innovationTypes, type InnovationEvidenceFile, type ScoringIndicator, type ScoringModel } from '../../../src/schemas/innovations.js';
import { EVIDENCE_MAX_BYTES, type InnovationSettings, type InnovationStaff } from '../../../src/schemas/innovations-staff.js';
import { ck, failureMessage, fieldErrorsOf, isOffline, renderOutsideConsole } from '../../console/kit/failure.js';
import { errorFor, summaryErrors, type FormOutcome, renderFormOutcome } from '../../console/kit/forms.js';
import { OpdNamespace } from '../../console/kit/opd-namespace.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { DraftController } from '../../shared/draft-controller.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { renderFieldError, selectField, textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { innovationRegistryPage } from './console-page.js';
import { id, type InnovationRegistryMessages } from './i18n/id.js';
import { innovationRegistryStyles } from './innovation-registry.styles.js';
import { draftOf, emptyDraft, INNOVATION_FIELDS, inputOf, problemsOnFields, sameDraft, stageDateField, type InnovationDraft } from './registry-draft.js';

/** The page's views, by its route: the list, a new innovation, one innovation. */
type View = 'list' | 'new' | 'one';

/** Which form a message belongs to (each has its own error summary). */
type Form = 'innovation' | 'submit' | 'evidence';

/** The evidence form's fields, in the summary's order. */
const EVIDENCE_FIELDS = ['evidenceIndicator', 'evidenceTitle', 'evidenceFile'] as const;

/** The evidence form's field for an API path (`file`, `indicator`, `title`). */
const EVIDENCE_PATHS: Readonly<Record<string, string>> = { indicator: 'evidenceIndicator', title: 'evidenceTitle', file: 'evidenceFile' };

/** What the device keeps while a form is unsaved: each form's draft, by `new` or the innovation's id. */
interface StoredDrafts {
  drafts: Record<string, InnovationDraft>;
}

/** The evidence indicators of a model (the innovation part's, which carry files), in the guide's order. */
function evidenceIndicators(model: ScoringModel): ScoringIndicator[] {
  return model.indicators.filter((indicator) => indicator.evidence).sort((a, b) => a.number - b.number);
}

/**
 * One OPD's innovation registry, as its staff keep it for *Satu OPD Satu Inovasi*:
 *
 * - **The list** (`#/innovation/registry`): the OPD's innovations, newest first, each with its
 *   review status — draft, submitted, returned (the reviewer's comment shown with it) or verified.
 * - **A new innovation** (`#/innovation/registry/baru`) and **one innovation**
 *   (`#/innovation/registry/<id>`): every field the API takes (name, form, digital, stage and the
 *   day each stage was reached, start date, problem, novelty, benefits, results, goal, budget
 *   source, initiator, COVID-19, the contact person, the assessment year). A draft or a returned
 *   one is edited; its evidence is uploaded per indicator of the year's IID model (PDF, JPEG or
 *   PNG, at most 2 MB, the type told by the server from the content) and removed; it is sent to
 *   the reviewer with "Ajukan ke Bappeda". A submitted or verified one is read only, and says why.
 *
 * A refused form lists its problems in an error summary that takes focus and links to each
 * field; what was typed stays, on the page and on the device (a reload restores an unsaved form).
 * A regency admin reads any OPD's registry; registering and editing are for the OPD's staff.
 * Calls go through the SDK's `innovations` namespace over the console's session. Shown by
 * `<opd-console>`; outside a console it says so.
 *
 * @summary An OPD's innovation registry in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart views - The links between the list and a new innovation.
 * @csspart innovations - The table of the OPD's innovations.
 * @csspart review-note - The reviewer's comment on a returned innovation, and the note on a submitted or verified one.
 * @csspart evidence - The evidence per indicator.
 * @csspart log - The review log.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the view shown.
 * @cssproperty --opd-color-error - Refused fields.
 * @cssproperty --opd-color-warning-surface - A returned innovation's comment.
 * @cssproperty --opd-color-success-surface - A verified innovation's note.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdInnovationRegistry extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, innovationRegistryStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    settings: { state: true, attribute: false },
    settingsError: { state: true, attribute: false },
    list: { state: true, attribute: false },
    listError: { state: true, attribute: false },
    current: { state: true, attribute: false },
    currentError: { state: true, attribute: false },
    models: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    restored: { state: true, attribute: false },
    evidenceIndicator: { state: true, attribute: false },
    evidenceTitle: { state: true, attribute: false },
    confirmingRemove: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: View = 'list';
  private settings: InnovationSettings | null = null;
  private settingsError = '';
  private list: InnovationStaff[] | null = null;
  private listError = '';
  /** The innovation open (its id is in the route), as staff see it. */
  private current: { id: number; data: InnovationStaff | null } | null = null;
  private currentError = '';
  /** The IID model of each year read so far (`null`: the year has none). */
  private models = new Map<number, ScoringModel | null>();
  /** What was typed in the form: `new`, or an innovation's id. */
  private drafts: Record<string, InnovationDraft> = {};
  /** Drafts restored from the device, not yet saved or thrown away (a note says so). */
  private restored = new Set<string>();
  private evidenceIndicator = '';
  private evidenceTitle = '';
  /** The evidence file whose removal is being asked about. */
  private confirmingRemove = '';
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: 'save' | 'submit' | 'upload' | 'remove' | '' = '';

  // English is fetched only for a page set to English: OPD staff work in Indonesian.
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  /** Unsaved forms on the device, per OPD, so a reload loses nothing. */
  readonly #stored = new DraftController<StoredDrafts>(this, { widget: 'innovation-registry', opd: () => this.#namespace.opd });
  /** The SDK's innovation calls for the console's OPD: another OPD's data is forgotten, and the OPD's read again. */
  readonly #namespace = new OpdNamespace(innovations, ({ opd, sameOpd }) => {
    if (!sameOpd) this.resetForOpd();
    if (opd) void this.loadStart();
  });
  get #api(): InnovationsNamespace | null {
    return this.#namespace.api;
  }
  /** Bumped for each load of the list, so a stale one stops. */
  #listRun = 0;
  #focusTitle = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    this.#namespace.follow(this.context);
    this.followRoute(this.context.route);
  }

  private resetForOpd(): void {
    this.list = null;
    this.current = null;
    this.outcome = { errors: null, done: null };
    this.confirmingRemove = '';
    const stored = this.#namespace.opd ? this.#stored.load() : null;
    this.drafts = stored ? { ...stored.data.drafts } : {};
    this.restored = new Set(Object.keys(this.drafts));
  }

  /** Registering and editing are the OPD's staff's; a regency admin reads. */
  private get mayWrite(): boolean {
    const role = this.context?.user.role;
    return role === 'opd_admin' || role === 'opd_staff';
  }

  /** Shows the view the route names: `[]`, `['baru']`, `[id]`. */
  private followRoute(route: readonly string[]): void {
    const [head] = route;
    const previous = this.view;
    if (head === 'baru') this.view = 'new';
    else if (head && /^\d{1,10}$/.test(head)) {
      this.view = 'one';
      const innovationId = Number(head);
      if (this.current?.id !== innovationId) {
        this.current = { id: innovationId, data: null };
        this.currentError = '';
        this.outcome = { errors: null, done: null };
        this.confirmingRemove = '';
        this.evidenceTitle = '';
        this.evidenceIndicator = '';
        if (this.settings) void this.loadCurrent(innovationId);
      }
    } else {
      this.view = 'list';
      if (this.list === null && this.settings) void this.loadList();
    }
    if (previous !== this.view && this.view !== 'one') this.outcome = { errors: null, done: null };
  }

  /** The settings first (the assessment year, the reviewer), then what the route shows. */
  private async loadStart(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    this.settingsError = '';
    try {
      this.settings = await api.settings.get();
    } catch (error) {
      this.settingsError = failureMessage(error, this.localize);
      return;
    }
    if (this.view === 'list') void this.loadList();
    if (this.view === 'one' && this.current) void this.loadCurrent(this.current.id);
  }

  private async loadList(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#listRun;
    this.list = null;
    this.listError = '';
    const read: InnovationStaff[] = [];
    try {
      for await (const item of api.opd.list({ limit: 100 })) {
        if (run !== this.#listRun) return;
        read.push(item);
      }
      if (run === this.#listRun) this.list = read;
    } catch (error) {
      if (run === this.#listRun) this.listError = failureMessage(error, this.localize);
    }
  }

  private async loadCurrent(innovationId: number): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      const data = await api.opd.get(innovationId);
      if (this.current?.id !== innovationId) return;
      this.current = { id: innovationId, data };
      this.currentError = '';
      void this.loadModel(data.year);
    } catch (error) {
      if (this.current?.id !== innovationId) return;
      this.currentError = error instanceof ApiError && error.status === 404 && error.code !== 'module-disabled' ? this.localize.t('one.notFound', innovationId) : failureMessage(error, this.localize);
    }
  }

  private async loadModel(year: number): Promise<void> {
    const api = this.#api;
    if (!api || this.models.has(year)) return;
    let model: ScoringModel | null = null;
    try {
      model = await api.model(year);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) return;
    }
    this.models = new Map(this.models).set(year, model);
  }

  // ——— drafts ———

  private get draftKey(): string {
    return this.view === 'new' ? 'new' : String(this.current?.id ?? '');
  }

  /** The form as typed, else as the server has it, else empty. */
  private get currentDraft(): InnovationDraft {
    const typed = this.drafts[this.draftKey];
    if (typed) return typed;
    const data = this.view === 'one' ? this.current?.data : null;
    return data ? draftOf(data) : emptyDraft(this.settings?.year ?? null);
  }

  private setDraft(key: string, draft: InnovationDraft | null): void {
    const drafts = { ...this.drafts };
    if (draft) drafts[key] = draft;
    else delete drafts[key];
    this.drafts = drafts;
    if (!draft && this.restored.has(key)) {
      const restored = new Set(this.restored);
      restored.delete(key);
      this.restored = restored;
    }
    if (Object.keys(drafts).length === 0) this.#stored.clear();
    else this.#stored.save({ drafts });
  }

  private readonly onFormInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
    if (!(INNOVATION_FIELDS as readonly string[]).includes(target.name)) return;
    this.setDraft(this.draftKey, { ...this.currentDraft, [target.name]: target.value });
  };

  private discardDraft(): void {
    this.setDraft(this.draftKey, null);
    this.outcome = { errors: null, done: null };
  }

  // ——— moving and telling ———

  private go(event: Event, route: string): void {
    event.preventDefault();
    this.#focusTitle = true;
    this.context?.navigate(route ? `${innovationRegistryPage.id}/${route}` : innovationRegistryPage.id, { keepFocus: true });
  }

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  /** The summary's lines for problems on the innovation's fields, in the form's order, in the page's language. */
  private summaryOf(problems: readonly FieldError[], draft: InnovationDraft): SummaryError[] {
    const t = this.localize;
    return summaryErrors(problemsOnFields(problems, draft), INNOVATION_FIELDS, (field, code, serverMessage) =>
      (INNOVATION_FIELDS as readonly string[]).includes(field) ? (t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', t.lookup(`form.${field}`) ?? field)) : serverMessage,
    );
  }

  /** A field's inline error: the registration's or the submission's, whichever was refused last. */
  private fieldError(field: string): string | undefined {
    const refused = this.outcome.errors;
    return refused && (refused.form === 'innovation' || refused.form === 'submit') ? errorFor(refused.errors, field) : undefined;
  }

  /** A refusal of the innovation or submit form: its fields in the summary, else one sentence (a 409 reads the innovation again). */
  private async refused(form: Form, error: unknown, draft: InnovationDraft): Promise<void> {
    const t = this.localize;
    if (error instanceof ApiError && error.status === 409) {
      await this.showErrors(form, [{ field: '', message: t.t('error.conflict') }]);
      if (this.current) void this.loadCurrent(this.current.id);
      return;
    }
    const fields = fieldErrorsOf(error);
    await this.showErrors(form, fields?.length ? this.summaryOf(fields, draft) : [{ field: '', message: isOffline(error) ? t.t('error.offlineKept') : failureMessage(error, t) }]);
  }

  // ——— saving and submitting ———

  /** Saves the form (a new draft, or the edit); the innovation saved, or `null` when refused (the summary shows why). */
  private async save(form: Form): Promise<InnovationStaff | null> {
    const api = this.#api;
    if (!api) return null;
    const draft = this.currentDraft;
    const key = this.draftKey;
    try {
      // A new draft goes with the stored key: sent again after a lost answer, it is registered once.
      const saved = this.view === 'new' ? await api.opd.create(inputOf(draft), { idempotencyKey: this.#stored.idempotencyKey }) : await api.opd.edit(this.current!.id, inputOf(draft));
      if (this.view === 'new') this.#stored.renewKey();
      this.setDraft(key, null);
      this.list = null;
      return saved;
    } catch (error) {
      await this.refused(form, error, draft);
      return null;
    }
  }

  private readonly onSave = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    if (this.busy || !this.mayWrite) return;
    const t = this.localize;
    this.outcome = { errors: null, done: null };
    this.busy = 'save';
    try {
      const isNew = this.view === 'new';
      const saved = await this.save('innovation');
      if (!saved) return;
      this.current = { id: saved.id, data: saved };
      void this.loadModel(saved.year);
      const message = isNew ? t.t('done.registered', saved.name) : t.t('done.saved');
      this.outcome = { errors: null, done: { form: 'innovation', message } };
      this.context?.announce(message);
      if (isNew) {
        this.#focusTitle = true;
        this.context?.navigate(`${innovationRegistryPage.id}/${saved.id}`, { keepFocus: true });
      }
    } finally {
      this.busy = '';
    }
  };

  /** "Ajukan ke Bappeda": saves what is typed first, then submits; the server's 422 names each missing field. */
  private readonly onSubmitForReview = async (): Promise<void> => {
    const api = this.#api;
    const innovation = this.current?.data;
    if (!api || !innovation || this.busy || !this.mayWrite) return;
    const t = this.localize;
    this.outcome = { errors: null, done: null };
    this.busy = 'submit';
    try {
      if (this.drafts[this.draftKey] && !sameDraft(this.currentDraft, draftOf(innovation))) {
        const saved = await this.save('submit');
        if (!saved) return;
        this.current = { id: saved.id, data: saved };
      }
      const submitted = await api.opd.submit(innovation.id);
      this.setDraft(String(innovation.id), null);
      this.current = { id: submitted.id, data: submitted };
      this.list = null;
      const message = t.t('done.submitted', submitted.name, this.reviewerName);
      this.outcome = { errors: null, done: { form: 'submit', message } };
      this.context?.announce(message);
      this.#focusTitle = true;
      this.requestUpdate('view');
    } catch (error) {
      await this.refused('submit', error, this.currentDraft);
    } finally {
      this.busy = '';
    }
  };

  // ——— evidence ———

  private readonly onEvidenceInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLSelectElement && target.name === 'evidenceIndicator') this.evidenceIndicator = target.value;
    if (target instanceof HTMLInputElement && target.name === 'evidenceTitle') this.evidenceTitle = target.value;
  };

  private readonly onUpload = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    const innovation = this.current?.data;
    if (!api || !innovation || this.busy || !this.mayWrite) return;
    const t = this.localize;
    const fileInput = this.renderRoot.querySelector<HTMLInputElement>('#evidenceFile');
    const file = fileInput?.files?.[0];
    const problems: SummaryError[] = [];
    if (!this.evidenceIndicator) problems.push({ field: 'evidenceIndicator', message: t.t('error.evidenceIndicator.required') });
    if (!file) problems.push({ field: 'evidenceFile', message: t.t('error.evidenceFile.required') });
    else if (file.size > EVIDENCE_MAX_BYTES) problems.push({ field: 'evidenceFile', message: t.t('error.evidenceFile.tooLarge', this.sizeOf(file.size)) });
    this.outcome = { errors: null, done: null };
    if (problems.length || !file) {
      await this.showErrors('evidence', problems);
      return;
    }
    this.busy = 'upload';
    try {
      const title = this.evidenceTitle.trim();
      const saved = await api.opd.uploadEvidence(innovation.id, this.evidenceIndicator, file, title ? { title } : {});
      this.current = { id: saved.id, data: saved };
      this.list = null;
      const added = saved.evidence.filter((item) => !innovation.evidence.some((before) => before.id === item.id))[0];
      this.evidenceTitle = '';
      if (fileInput) fileInput.value = '';
      const message = t.t('done.uploaded', added?.title ?? file.name, this.indicatorName(added?.indicator ?? this.evidenceIndicator, saved.year));
      this.outcome = { errors: null, done: { form: 'evidence', message } };
      this.context?.announce(message);
    } catch (error) {
      await this.showErrors('evidence', this.evidenceProblems(error));
    } finally {
      this.busy = '';
    }
  };

  /** What a refused upload says: too large (413), not a PDF/JPEG/PNG or broken (415, with the server's reason), a field, or one sentence. */
  private evidenceProblems(error: unknown): SummaryError[] {
    const t = this.localize;
    if (error instanceof ApiError && error.status === 413) return [{ field: 'evidenceFile', message: t.t('error.evidenceFile.serverTooLarge') }];
    if (error instanceof ApiError && error.status === 415) return [{ field: 'evidenceFile', message: t.t('error.evidenceFile.type', error.detail ?? '') }];
    if (error instanceof ApiError && error.status === 409) return [{ field: '', message: t.t('error.conflict') }];
    const fields = fieldErrorsOf(error);
    if (fields?.length) {
      return summaryErrors(
        fields.map((field) => ({ ...field, path: EVIDENCE_PATHS[field.path] ?? field.path })),
        EVIDENCE_FIELDS,
        (field, code, serverMessage) => t.lookup(`error.${field}.${code}`) ?? serverMessage,
      );
    }
    return [{ field: '', message: failureMessage(error, t) }];
  }

  private async removeEvidence(file: InnovationEvidenceFile): Promise<void> {
    const api = this.#api;
    const innovation = this.current?.data;
    if (!api || !innovation || this.busy || !this.mayWrite) return;
    const t = this.localize;
    this.busy = 'remove';
    try {
      const saved = await api.opd.removeEvidence(innovation.id, file.id);
      this.current = { id: saved.id, data: saved };
      this.list = null;
      this.confirmingRemove = '';
      const message = t.t('done.removed', file.title);
      this.outcome = { errors: null, done: { form: 'evidence', message } };
      this.context?.announce(message);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#evidenceIndicator')?.focus();
    } catch (error) {
      this.confirmingRemove = '';
      await this.showErrors('evidence', this.evidenceProblems(error));
    } finally {
      this.busy = '';
    }
  }

  private async askRemove(file: InnovationEvidenceFile): Promise<void> {
    this.confirmingRemove = file.id;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#remove-yes-${file.id}`)?.focus();
  }

  private async keepFile(file: InnovationEvidenceFile): Promise<void> {
    this.confirmingRemove = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#remove-${file.id}`)?.focus();
  }

  // ——— words ———

  /** The reviewer as the page names it: Bappeda, else the configured OPD's slug. */
  private get reviewerName(): string {
    const slug = this.settings?.reviewerOpd ?? 'bappeda';
    return slug === 'bappeda' ? 'Bappeda' : slug;
  }

  private sizeOf(bytes: number): string {
    const locale = this.localize.locale;
    if (bytes >= 1024 * 1024) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: bytes < 10 * 1024 ? 1 : 0 }).format(Math.max(0.1, bytes / 1024))} KB`;
  }

  private indicatorName(indicatorId: string, year: number): string {
    const indicator = this.models.get(year)?.indicators.find((item) => item.id === indicatorId);
    return indicator ? `${indicator.number}. ${indicator.name}` : indicatorId;
  }

  private typeName(type: string): string {
    return this.localize.lookup(`type.${type}`) ?? type;
  }

  private stageName(stage: string): string {
    return this.localize.lookup(`stage.${stage}`) ?? stage;
  }

  private statusTag(innovation: InnovationStaff): TemplateResult {
    const tone = { draft: ' tag--off', submitted: '', returned: ' tag--warn', verified: ' tag--done' }[innovation.status];
    return html`<span class=${`tag status status--${innovation.status}${tone}`}>${this.localize.t(`status.${innovation.status}`)}</span>`;
  }

  private heading(text: string, idName = 'view-title', level = this.level): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  // ——— rendering ———

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusTitle && ((changed as Map<PropertyKey, unknown>).has('view') || changed.has('context') || (changed as Map<PropertyKey, unknown>).has('current'))) {
      this.#focusTitle = false;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#view-title'));
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    if (!this.context.opd) return html`<div part="base" class="base" lang=${t.lang}>${renderNotice({ message: t.t('page.pickOpd') })}</div>`;
    let body: TemplateResult;
    if (!this.settings) {
      body = this.settingsError
        ? renderNotice({ message: this.settingsError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadStart(), look: 'secondary' } })
        : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    } else if (this.view === 'new') body = this.mayWrite ? this.renderNew() : renderNotice({ message: t.t('page.readOnly') });
    else if (this.view === 'one') body = this.renderOne();
    else body = this.renderList();
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderViews()} ${body}</div>`;
  }

  private renderViews(): TemplateResult {
    const t = this.localize;
    const current = this.view === 'one' ? 'list' : this.view;
    const link = (view: View, route: string, label: string) =>
      html`<li><a class="view-link" href="#/${innovationRegistryPage.id}${route ? `/${route}` : ''}" aria-current=${current === view ? 'page' : nothing} @click=${(event: Event) => this.go(event, route)}>${label}</a></li>`;
    return html`<nav part="views" class="views" aria-label=${t.t('views.label')}>
      <ul>
        ${link('list', '', t.t('views.list'))} ${this.mayWrite ? link('new', 'baru', t.t('views.new')) : nothing}
      </ul>
    </nav>`;
  }

  private renderList(): TemplateResult {
    const t = this.localize;
    const items = this.list;
    let list: TemplateResult;
    if (!items && this.listError) list = renderNotice({ message: this.listError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadList(), look: 'secondary' } });
    else if (!items) list = html`<p class="muted">${t.t('list.loading')}</p>`;
    else if (items.length === 0) list = html`<p class="muted empty">${this.mayWrite ? t.t('list.noneWrite') : t.t('list.none')}</p>`;
    else {
      list = html`<div part="innovations" class="table-box" tabindex="0" role="region" aria-labelledby="innovations-caption">
        <table>
          <caption id="innovations-caption">${t.t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="name">${t.t('list.innovation')}</th>
              <th scope="col">${t.t('list.status')}</th>
              <th scope="col" class="number">${t.t('list.evidence')}</th>
              <th scope="col">${t.t('list.updated')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              items,
              (item) => item.id,
              (item) => html`<tr>
                <th scope="row" class="name">
                  <a href="#/${innovationRegistryPage.id}/${item.id}" id="open-${item.id}" @click=${(click: Event) => this.go(click, String(item.id))}>${item.name}</a>
                  <span class="muted small">${this.typeName(item.type)} · ${this.stageName(item.stage)} · ${t.t('list.year', item.year)}</span>
                  ${item.status === 'returned' && item.reviewComment
                    ? html`<span class="returned-comment"><strong>${t.t('list.returnedComment', this.reviewerName)}</strong> ${item.reviewComment}</span>`
                    : nothing}
                </th>
                <td>${this.statusTag(item)}</td>
                <td class="number">${item.evidence.length}</td>
                <td class="when">${new Intl.DateTimeFormat(t.locale, { timeZone: t.timeZone, day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(item.updatedAt))}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('list.title', this.context?.opd?.name ?? ''))}
      <p class="intro">${t.t('list.intro', this.reviewerName)}</p>
      ${this.mayWrite ? nothing : renderNotice({ message: t.t('page.readOnly') })}
      ${this.mayWrite
        ? html`<p class="actions"><a part="button" class="button" id="register" href="#/${innovationRegistryPage.id}/baru" @click=${(event: Event) => this.go(event, 'baru')}>${t.t('views.new')}</a></p>`
        : nothing}
      <p class="muted status" role="status">${items ? t.t('list.count', items.length) : ''}</p>
      ${list}
    </section>`;
  }

  private renderNew(): TemplateResult {
    const t = this.localize;
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('form.newTitle'))}
      <p class="intro">${t.t('form.newIntro')}</p>
      ${this.renderForm(null)}
    </section>`;
  }

  private renderOne(): TemplateResult {
    const t = this.localize;
    const back = html`<p class="back"><a href="#/${innovationRegistryPage.id}" id="back" @click=${(event: Event) => this.go(event, '')}>${t.t('one.back')}</a></p>`;
    const innovation = this.current?.data;
    if (!innovation) {
      return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(t.t('one.titleOf', this.current?.id ?? 0))}
        ${this.currentError ? renderNotice({ message: this.currentError, tone: 'warning', alert: true }) : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`}
      </section>`;
    }
    const editable = this.mayWrite && (innovation.status === 'draft' || innovation.status === 'returned');
    return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(innovation.name)}
        <p class="facts">${this.statusTag(innovation)} <span>${this.typeName(innovation.type)}</span> <span>${innovation.digital ? t.t('digital.true') : t.t('digital.false')}</span> <span>${this.stageName(innovation.stage)}</span> <span>${t.t('list.year', innovation.year)}</span></p>
        ${this.renderReviewNote(innovation)} ${this.outcome.done?.form === 'submit' ? html`<p class="done" id="submit-done">${this.outcome.done.message}</p>` : nothing}
      </section>
      ${editable ? this.renderEditSection(innovation) : this.renderDetails(innovation)} ${this.renderEvidence(innovation, editable)} ${editable ? this.renderSubmit(innovation) : nothing}
      ${this.renderLog(innovation)}`;
  }

  /** The reviewer's comment on a returned innovation, or why a submitted or verified one is read only. */
  private renderReviewNote(innovation: InnovationStaff): TemplateResult | typeof nothing {
    const t = this.localize;
    const reviewer = this.reviewerName;
    if (innovation.status === 'returned') {
      return html`<div part="review-note" class="review-note review-note--returned" id="review-note" role="group" aria-labelledby="review-note-title">
        <p class="review-note-title" id="review-note-title">${t.t('note.returnedTitle', reviewer)}</p>
        <blockquote class="review-comment">${innovation.reviewComment ?? t.t('note.noComment')}</blockquote>
        <p>${this.mayWrite ? t.t('note.returnedAct', reviewer) : t.t('note.returnedRead')}</p>
      </div>`;
    }
    if (innovation.status === 'submitted') {
      const at = innovation.submittedAt ? this.localize.date(innovation.submittedAt) : '';
      return html`<div part="review-note" class="review-note" id="review-note"><p>${t.t('note.submitted', reviewer, at)}</p></div>`;
    }
    if (innovation.status === 'verified') {
      return html`<div part="review-note" class="review-note review-note--verified" id="review-note">
        <p>${t.t('note.verified', reviewer)}</p>
        ${innovation.reviewComment ? html`<p>${t.t('note.verifiedComment')} <q>${innovation.reviewComment}</q></p>` : nothing}
      </div>`;
    }
    return nothing;
  }

  private renderEditSection(innovation: InnovationStaff): TemplateResult {
    const t = this.localize;
    return html`<section class="section" aria-labelledby="edit-title">
      ${this.heading(t.t('form.editTitle'), 'edit-title', this.level + 1)} ${this.renderForm(innovation)}
    </section>`;
  }

  /** The registration form: a new innovation (`null`) or the edit of a draft or returned one. */
  private renderForm(innovation: InnovationStaff | null): TemplateResult {
    const t = this.localize;
    const draft = this.currentDraft;
    const prefix = t.t('error.prefix');
    const error = (field: string) => this.fieldError(field);
    const stage = (innovationStages as readonly string[]).includes(draft.stage) ? (draft.stage as (typeof innovationStages)[number]) : null;
    const restored = this.restored.has(this.draftKey) && !!this.drafts[this.draftKey];
    const text = (name: keyof InnovationDraft, options: { hint?: string; type?: string; autocomplete?: string; short?: boolean; inputmode?: string } = {}) =>
      textField({ name, label: t.t(`form.${name}`), value: draft[name], error: error(name), errorPrefix: prefix, autocomplete: options.autocomplete ?? 'off', ...options });
    const area = (name: keyof InnovationDraft, rows: number, hint?: string) =>
      textareaField({ name, label: t.t(`form.${name}`), hint, value: draft[name], rows, error: error(name), errorPrefix: prefix });
    const choice = (name: keyof InnovationDraft, placeholder: string, options: { value: string; label: string }[], hint?: string) =>
      selectField({ name, label: t.t(`form.${name}`), hint, value: draft[name], placeholder, options, error: error(name), errorPrefix: prefix });
    return html`${renderFormOutcome(this.outcome, 'innovation', { title: t.t('summary.title'), headingLevel: this.level + (innovation ? 2 : 1), root: () => this.shadowRoot })}
      ${restored
        ? renderNotice({ message: t.t('form.restored'), id: 'restored', action: { label: t.t('form.discard'), onClick: () => this.discardDraft(), look: 'secondary' } })
        : nothing}
      <form class="form-grid" novalidate @submit=${this.onSave} @input=${this.onFormInput} @change=${this.onFormInput}>
        <p class="muted required-note">${t.t('form.requiredNote')}</p>
        ${text('name', { hint: t.t('form.nameHint') })}
        <div class="pair">
          ${choice('type', t.t('form.pick'), innovationTypes.map((value) => ({ value, label: this.typeName(value) })))}
          ${choice('digital', t.t('form.pick'), [
            { value: 'true', label: t.t('digital.true') },
            { value: 'false', label: t.t('digital.false') },
          ])}
        </div>
        <fieldset part="field" class="field group" aria-describedby="stage-group-hint">
          <legend part="label" class="legend">${t.t('form.stageGroup')}</legend>
          <div part="hint" class="hint" id="stage-group-hint">${t.t('form.stageGroupHint')}</div>
          ${choice('stage', t.t('form.pick'), innovationStages.map((value) => ({ value, label: this.stageName(value) })))}
          <div class="triple">
            ${innovationStages.map((value) => {
              const name = stageDateField(value);
              return textField({
                name,
                type: 'date',
                label: t.t(`form.${name}`),
                hint: stage === value ? t.t('form.stageDateNeeded') : undefined,
                value: draft[name],
                error: error(name),
                errorPrefix: prefix,
              });
            })}
          </div>
        </fieldset>
        ${text('startDate', { type: 'date', hint: t.t('form.startDateHint') })}
        ${area('problem', 4, t.t('form.problemHint'))} ${area('solution', 4, t.t('form.solutionHint'))}
        ${area('benefits', 3)} ${area('results', 3)} ${area('goal', 3)}
        <div class="pair">
          ${text('budgetSource', { hint: t.t('form.budgetSourceHint') })}
          ${choice('initiator', t.t('form.notSaid'), innovationInitiators.map((value) => ({ value, label: t.t(`initiator.${value}`) })))}
        </div>
        <div class="pair">
          ${choice('covid19', t.t('form.notSaid'), [
            { value: 'true', label: t.t('covid19.true') },
            { value: 'false', label: t.t('covid19.false') },
          ])}
          ${text('year', { type: 'number', inputmode: 'numeric', short: true, hint: t.t('form.yearHint', this.settings?.year ?? '') })}
        </div>
        <fieldset part="field" class="field group" aria-describedby="contact-group-hint">
          <legend part="label" class="legend">${t.t('form.contactGroup')}</legend>
          <div part="hint" class="hint" id="contact-group-hint">${t.t('form.contactGroupHint')}</div>
          ${text('contactName', { autocomplete: 'name' })}
          <div class="pair">
            ${text('contactPhone', { type: 'tel', autocomplete: 'tel', inputmode: 'tel', hint: t.t('form.contactPhoneHint') })}
            ${text('contactEmail', { type: 'email', autocomplete: 'email', hint: t.t('form.contactEmailHint') })}
          </div>
        </fieldset>
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'save' ? ck(t.lang)['ck.saving'] : innovation ? t.t('form.save') : t.t('form.register')}</button>
        </div>
      </form>`;
  }

  /** A submitted or verified innovation (or any, for a regency admin): what it says, read only. */
  private renderDetails(innovation: InnovationStaff): TemplateResult {
    const t = this.localize;
    const none = t.t('details.none');
    const dates = innovationStages
      .filter((stage) => innovation.stageDates[stage])
      .map((stage) => `${this.stageName(stage)}: ${this.localize.date(`${innovation.stageDates[stage]}T12:00:00Z`)}`)
      .join('; ');
    const yesNo = (value: boolean | null, key: 'covid19') => (value === null ? none : t.t(`${key}.${value}`));
    const contact = innovation.contact ? [innovation.contact.name, innovation.contact.phone, innovation.contact.email].filter(Boolean).join(' · ') : none;
    const row = (label: string, value: string, long = false) => html`<div class=${long ? 'detail detail--long' : 'detail'}><dt>${label}</dt><dd>${value || none}</dd></div>`;
    return html`<section class="section" aria-labelledby="details-title">
      ${this.heading(t.t('details.title'), 'details-title', this.level + 1)}
      <dl class="details" id="details">
        ${row(t.t('form.type'), this.typeName(innovation.type))} ${row(t.t('form.digital'), innovation.digital ? t.t('digital.true') : t.t('digital.false'))}
        ${row(t.t('form.stage'), this.stageName(innovation.stage))} ${row(t.t('details.stageDates'), dates)}
        ${row(t.t('form.startDate'), innovation.startDate ? this.localize.date(`${innovation.startDate}T12:00:00Z`) : '')}
        ${row(t.t('form.problem'), innovation.problem, true)} ${row(t.t('form.solution'), innovation.solution, true)}
        ${row(t.t('form.benefits'), innovation.benefits ?? '', true)} ${row(t.t('form.results'), innovation.results ?? '', true)} ${row(t.t('form.goal'), innovation.goal ?? '', true)}
        ${row(t.t('form.budgetSource'), innovation.budgetSource ?? '')} ${row(t.t('form.initiator'), innovation.initiator ? t.t(`initiator.${innovation.initiator}`) : '')}
        ${row(t.t('form.covid19'), yesNo(innovation.covid19, 'covid19'))} ${row(t.t('form.year'), String(innovation.year))}
        ${row(t.t('details.contact'), contact)}
      </dl>
    </section>`;
  }

  private renderEvidence(innovation: InnovationStaff, editable: boolean): TemplateResult {
    const t = this.localize;
    const model = this.models.get(innovation.year);
    let body: TemplateResult;
    if (model === undefined) body = html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    else if (model === null) body = renderNotice({ message: t.t('evidence.noModel', innovation.year) });
    else {
      const indicators = evidenceIndicators(model);
      const covered = indicators.filter((indicator) => innovation.evidence.some((file) => file.indicator === indicator.id)).length;
      const score = innovation.estimatedScore;
      body = html`<p class="intro">${t.t('evidence.intro', model.name)}</p>
        <p class="muted" id="evidence-count">${t.t('evidence.count', covered, indicators.length)}
          ${score ? html` ${t.t('evidence.score', t.number(Math.round(score.value * 100) / 100), score.category, score.model)}` : nothing}</p>
        ${editable ? this.renderUpload(indicators, innovation) : nothing}
        <ul part="evidence" class="indicator-list" id="evidence-list" aria-label=${t.t('evidence.listLabel')}>
          ${indicators.map((indicator) => {
            const files = innovation.evidence.filter((file) => file.indicator === indicator.id);
            return html`<li class=${files.length ? 'indicator' : 'indicator indicator--gap'} id="indicator-${indicator.id}">
              <span class="indicator-name">${indicator.number}. ${indicator.name}</span>
              ${files.length
                ? html`<ul class="files">
                    ${files.map((file) => this.renderFile(file, editable))}
                  </ul>`
                : html`<span class="muted gap">${t.t('evidence.gap')}</span>`}
            </li>`;
          })}
        </ul>`;
    }
    return html`<section class="section" aria-labelledby="evidence-title">${this.heading(t.t('evidence.title'), 'evidence-title', this.level + 1)} ${body}</section>`;
  }

  private renderFile(file: InnovationEvidenceFile, editable: boolean): TemplateResult {
    const t = this.localize;
    const kind = file.mediaType === 'application/pdf' ? 'PDF' : file.mediaType === 'image/png' ? 'PNG' : 'JPEG';
    const asking = this.confirmingRemove === file.id;
    return html`<li class="file">
      <a href=${file.url} target="_blank" rel="noopener" class="file-link">${file.title}</a>
      <span class="muted file-facts">${kind} · ${this.sizeOf(file.bytes)}</span>
      ${editable && !asking
        ? html`<button part="button" type="button" class="button button--secondary button--small" id="remove-${file.id}" ?disabled=${this.busy !== ''} @click=${() => void this.askRemove(file)}>
            ${t.t('evidence.remove')}<span class="visually-hidden"> ${file.title}</span>
          </button>`
        : nothing}
      ${editable && asking
        ? html`<span class="confirm-remove" role="group" aria-labelledby="remove-question-${file.id}">
            <span id="remove-question-${file.id}">${t.t('evidence.removeQuestion', file.title)}</span>
            <button part="button" type="button" class="button button--danger button--small" id="remove-yes-${file.id}" ?disabled=${this.busy !== ''} @click=${() => void this.removeEvidence(file)}>${t.t('evidence.removeYes')}</button>
            <button part="button" type="button" class="button button--secondary button--small" @click=${() => void this.keepFile(file)}>${t.t('evidence.removeNo')}</button>
          </span>`
        : nothing}
    </li>`;
  }

  private renderUpload(indicators: readonly ScoringIndicator[], innovation: InnovationStaff): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const refused = this.outcome.errors?.form === 'evidence' ? this.outcome.errors.errors : [];
    const fileError = errorFor(refused, 'evidenceFile');
    const held = (indicator: ScoringIndicator) => innovation.evidence.filter((file) => file.indicator === indicator.id).length;
    return html`<div class="upload">
      ${this.heading(t.t('upload.title'), 'upload-title', this.level + 2)}
      ${renderFormOutcome(this.outcome, 'evidence', { title: t.t('summary.title'), headingLevel: this.level + 3, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate aria-labelledby="upload-title" @submit=${this.onUpload} @input=${this.onEvidenceInput} @change=${this.onEvidenceInput}>
        ${selectField({
          name: 'evidenceIndicator',
          label: t.t('upload.indicator'),
          value: this.evidenceIndicator,
          placeholder: t.t('upload.indicatorPick'),
          options: indicators.map((indicator) => ({ value: indicator.id, label: `${indicator.number}. ${indicator.name}${held(indicator) ? ` (${t.t('upload.held', held(indicator))})` : ''}` })),
          error: errorFor(refused, 'evidenceIndicator'),
          errorPrefix: prefix,
        })}
        ${textField({ name: 'evidenceTitle', label: t.t('upload.fileTitle'), hint: t.t('upload.fileTitleHint'), value: this.evidenceTitle, autocomplete: 'off', error: errorFor(refused, 'evidenceTitle'), errorPrefix: prefix })}
        <div part="field" class=${fileError ? 'field field--error' : 'field'}>
          <label part="label" class="label" for="evidenceFile">${t.t('upload.file')}</label>
          <div part="hint" class="hint" id="evidenceFile-hint">${t.t('upload.fileHint')}</div>
          ${renderFieldError({ name: 'evidenceFile', error: fileError, errorPrefix: prefix })}
          <input
            part="input"
            class="input file-input"
            type="file"
            id="evidenceFile"
            name="evidenceFile"
            accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
            aria-invalid=${fileError ? 'true' : 'false'}
            aria-describedby=${fileError ? 'evidenceFile-hint evidenceFile-error' : 'evidenceFile-hint'}
          />
        </div>
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'upload' ? t.t('upload.sending') : t.t('upload.submit')}</button>
        </div>
      </form>
    </div>`;
  }

  private renderSubmit(innovation: InnovationStaff): TemplateResult {
    const t = this.localize;
    const reviewer = this.reviewerName;
    const unsaved = !!this.drafts[this.draftKey] && !sameDraft(this.currentDraft, draftOf(innovation));
    return html`<section class="section submit-section" aria-labelledby="submit-title">
      ${this.heading(t.t('submit.title', reviewer), 'submit-title', this.level + 1)}
      ${renderFormOutcome({ ...this.outcome, done: null }, 'submit', { title: t.t('summary.title'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <p class="intro">${t.t('submit.intro', reviewer)}</p>
      ${innovation.evidenceGaps.length ? html`<p class="muted">${t.t('submit.gaps', innovation.evidenceGaps.length)}</p>` : nothing}
      ${unsaved ? html`<p class="muted">${t.t('submit.unsaved')}</p>` : nothing}
      <div class="actions">
        <button part="button" type="button" class="button" id="submit-review" ?disabled=${this.busy !== ''} @click=${this.onSubmitForReview}>${this.busy === 'submit' ? t.t('submit.sending') : t.t('submit.button', reviewer)}</button>
      </div>
    </section>`;
  }

  private renderLog(innovation: InnovationStaff): TemplateResult | typeof nothing {
    const t = this.localize;
    if (innovation.reviews.length === 0) return nothing;
    return html`<section class="section" aria-labelledby="log-title">
      ${this.heading(t.t('log.title'), 'log-title', this.level + 1)}
      <div part="log" class="table-box" tabindex="0" role="region" aria-labelledby="log-caption">
        <table>
          <caption id="log-caption">${t.t('log.caption')}</caption>
          <thead><tr><th scope="col">${t.t('log.at')}</th><th scope="col">${t.t('log.action')}</th><th scope="col">${t.t('log.by')}</th><th scope="col">${t.t('log.comment')}</th></tr></thead>
          <tbody>
            ${innovation.reviews.map(
              (step) => html`<tr><td class="when">${this.localize.dateTime(step.at)}</td><td>${t.t(`log.${step.action}`)}</td><td>${step.by}</td><td class="log-text">${step.comment ?? '—'}</td></tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>`;
  }
}

/** The copy's type, for tests that read a message. */
export type { InnovationRegistryMessages };
