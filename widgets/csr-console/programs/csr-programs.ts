/**
 * `<opd-csr-programs>`: SIP BENAR's programmes page of the staff console (`#/csr/programs`),
 * for the CSR forum's secretariat at Bappeda — the companies, the programmes with their
 * double-funding reasons, and each programme's spending entries with their evidence files.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { newIdempotencyKey } from '../../../src/idempotency.js';
import { csr, type CsrNamespace } from '../../../src/namespaces/csr.js';
import type { FieldError } from '../../../src/schemas/common.js';
import { CSR_EVIDENCE_MAX_BYTES, type CsrCompanyStaff, type CsrProgramStaff, type CsrProposalStaff, type CsrSpendingStaff } from '../../../src/schemas/csr-staff.js';
import { csrProgramStatuses, csrSectors, type CsrEvidenceFile, type CsrField } from '../../../src/schemas/csr.js';
import { ck, failureMessage, fieldErrorsOf, isOffline, renderOutsideConsole } from '../../console/kit/failure.js';
import { CSV_BOM, saveFile } from '../../console/kit/download.js';
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
import { csrConsoleStyles } from '../shared/csr-console.styles.js';
import { rupiahField } from '../shared/fields.js';
import { formatRupiah, parseRupiah, regroupRupiah } from '../shared/money.js';
import { normal, today } from '../shared/words.js';
import { csrProgramsPage } from './console-page.js';
import { id, type CsrProgramsMessages } from './i18n/id.js';
import { emptyProgramDraft, PROGRAM_FIELDS, programDraftOf, programDraftOfProposal, programInputOf, programProblems, sameProgramDraft, type ProgramDraft } from './program-draft.js';

/** The page's views: the programmes (one open, or a new one beside the list) and the companies. */
type View = 'list' | 'new' | 'one' | 'companies';

/** Which form a message belongs to (each has its own error summary). */
type Form = 'program' | 'spending' | 'evidence' | 'company' | 'export';

/** A spending entry as typed. */
interface SpendingDraft {
  date: string;
  amount: string;
  /** What the money was spent on (the API's `description`). */
  what: string;
  /** Why it may pass the commitment (the API's `overBudgetReason`). */
  spendingReason: string;
}

/** A company as typed. */
interface CompanyDraft {
  companyName: string;
  sector: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

const SPENDING_FIELDS = ['date', 'amount', 'what', 'spendingReason', 'spendingFile'] as const;
const SPENDING_PATHS: Readonly<Record<string, string>> = { description: 'what', overBudgetReason: 'spendingReason' };
const COMPANY_FIELDS = ['companyName', 'sector', 'contactName', 'contactPhone', 'contactEmail'] as const;
const COMPANY_PATHS: Readonly<Record<string, string>> = { name: 'companyName', 'contact.name': 'contactName', 'contact.phone': 'contactPhone', 'contact.email': 'contactEmail', contact: 'contactName' };

/** What the device keeps while a programme form is unsaved: each draft, by `new`, `new-<proposal>` or the programme's id. */
interface StoredDrafts {
  drafts: Record<string, ProgramDraft>;
}

/** Filters of the programme list. */
interface Filters {
  q: string;
  status: string;
  year: string;
  field: string;
  flag: '' | 'over' | 'double';
}


const emptySpending = (): SpendingDraft => ({ date: today(), amount: '', what: '', spendingReason: '' });
const emptyCompany = (): CompanyDraft => ({ companyName: '', sector: '', contactName: '', contactPhone: '', contactEmail: '' });

/**
 * SIP BENAR's programmes, companies and spending, as Bappeda's staff keep them:
 *
 * - **Programmes** (`#/csr/programs`): a list with search (title, company, kecamatan, desa) and
 *   filters (status, year, field, flagged), beside a detail pane. Each shows spent against
 *   committed; spending past the commitment and possible double funding are flagged in the list.
 * - **A new programme** (`#/csr/programs/baru`, or `…/baru/usulan-<id>` from an approved village
 *   proposal, filled from it) and **one programme** (`#/csr/programs/<id>`): title, company,
 *   field, kecamatan and desa with an optional point, year, committed budget (whole rupiah, typed
 *   `1250000` or `1.250.000`, read back as `Rp 1.250.000`), beneficiaries, status, RPJMD
 *   priority, SDG. When the server answers possible double funding, the page lists the other
 *   programmes of that desa, field and year and asks for the written reason, then sends again.
 *   A half-typed form is kept on the device, per OPD, so a reload loses nothing.
 * - **Spending entries** of a programme: day, amount, what for, and evidence files (PDF, JPEG,
 *   PNG, at most 2 MB each) uploaded with the entry or after, removed with a confirmation; an
 *   entry that passes the commitment asks for the reason first.
 * - **Companies** (`#/csr/programs/perusahaan`): name, sector and the contact person (staff only).
 * - The programme and spending **CSV exports**, for the year filtered or every year.
 *
 * A refused form lists its problems in an error summary that takes focus and links to each
 * field. Calls go through the SDK's `csr` namespace over the console's session.
 *
 * @summary SIP BENAR's programmes, companies and spending in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings.
 *
 * @csspart base - The wrapper of everything.
 * @csspart views - The links between the programmes, a new programme and the companies.
 * @csspart programs - The programme list.
 * @csspart detail - The detail pane.
 * @csspart money - A programme's committed, spent and left figures.
 * @csspart double-funding - The other programmes of the same desa, field and year.
 * @csspart spending - The spending entries.
 * @csspart companies - The companies' table.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the view shown.
 * @cssproperty --opd-color-error - Refused fields, spending past the commitment.
 * @cssproperty --opd-color-warning-surface - Flags: over the commitment, possible double funding.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdCsrPrograms extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, csrConsoleStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    fields: { state: true, attribute: false },
    companies: { state: true, attribute: false },
    programs: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    currentId: { state: true, attribute: false },
    fromProposal: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    restored: { state: true, attribute: false },
    doubleFunding: { state: true, attribute: false },
    askOverBudget: { state: true, attribute: false },
    spending: { state: true, attribute: false },
    company: { state: true, attribute: false },
    editingCompany: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: View = 'list';
  private fields: CsrField[] = [];
  private companies: CsrCompanyStaff[] | null = null;
  private programs: CsrProgramStaff[] | null = null;
  private loadError = '';
  /** The programme open (its id is in the route). */
  private currentId: number | null = null;
  /** The approved proposal a new programme answers (`…/baru/usulan-<id>`), once read. */
  private fromProposal: { id: number; data: CsrProposalStaff | null; error: string } | null = null;
  private drafts: Record<string, ProgramDraft> = {};
  private restored = new Set<string>();
  /** The other programmes the server said fund the same desa, field and year, for the draft `key`. */
  private doubleFunding: { key: string; others: CsrProgramStaff[]; message: string } | null = null;
  /** The draft `key` whose edit lowers the commitment below what was spent (the reason is asked). */
  private askOverBudget = '';
  private spending: SpendingDraft = emptySpending();
  private company: CompanyDraft = emptyCompany();
  private editingCompany: number | null = null;
  private filters: Filters = { q: '', status: '', year: '', field: '', flag: '' };
  /** What a "really remove?" is asked about: `entry-<id>`, `file-<id>` or `company-<id>`. */
  private confirming = '';
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: '' | 'save' | 'spending' | 'evidence' | 'remove' | 'company' | 'export' = '';

  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  readonly #stored = new DraftController<StoredDrafts>(this, { widget: 'csr-programs', opd: () => this.#namespace.opd });
  readonly #namespace = new OpdNamespace(csr, ({ opd, sameOpd }) => {
    if (!sameOpd) this.resetForOpd();
    if (opd) void this.loadAll();
  });
  get #api(): CsrNamespace | null {
    return this.#namespace.api;
  }
  /** The spending form's idempotency key: one per entry typed, so an entry sent again after a lost answer is counted once. */
  #spendingKey = newIdempotencyKey();
  #loadRun = 0;
  #focusTitle = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    this.#namespace.follow(this.context);
    this.followRoute(this.context.route);
  }

  private resetForOpd(): void {
    this.programs = null;
    this.companies = null;
    this.fields = [];
    this.outcome = { errors: null, done: null };
    this.doubleFunding = null;
    this.confirming = '';
    const stored = this.#namespace.opd ? this.#stored.load() : null;
    this.drafts = stored ? { ...stored.data.drafts } : {};
    this.restored = new Set(Object.keys(this.drafts));
  }

  /** Shows the view the route names: `[]`, `['baru']`, `['baru', 'usulan-<id>']`, `['perusahaan']`, `[id]`. */
  private followRoute(route: readonly string[]): void {
    const [head, second] = route;
    const previous = `${this.view}:${this.currentId ?? ''}`;
    if (head === 'baru') {
      this.view = 'new';
      const proposal = /^usulan-(\d{1,10})$/.exec(second ?? '');
      const proposalId = proposal ? Number(proposal[1]) : null;
      if (proposalId === null) this.fromProposal = null;
      else if (this.fromProposal?.id !== proposalId) {
        this.fromProposal = { id: proposalId, data: null, error: '' };
        if (this.#api) void this.loadProposal(proposalId);
      }
    } else if (head === 'perusahaan') this.view = 'companies';
    else if (head && /^\d{1,10}$/.test(head)) {
      this.view = 'one';
      if (this.currentId !== Number(head)) {
        this.currentId = Number(head);
        this.spending = emptySpending();
        this.#spendingKey = newIdempotencyKey();
      }
    } else this.view = 'list';
    if (this.view !== 'one') this.currentId = null;
    if (previous !== `${this.view}:${this.currentId ?? ''}`) {
      this.outcome = { errors: null, done: null };
      this.confirming = '';
    }
  }

  private async loadAll(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#loadRun;
    this.loadError = '';
    try {
      const [summary, companies, programs] = await Promise.all([api.summary(), api.opd.companies.list(), this.readPrograms(api)]);
      if (run !== this.#loadRun) return;
      this.fields = summary.fields;
      this.companies = companies;
      this.programs = programs;
      if (this.fromProposal && !this.fromProposal.data) void this.loadProposal(this.fromProposal.id);
    } catch (error) {
      if (run === this.#loadRun) this.loadError = failureMessage(error, this.localize);
    }
  }

  private async readPrograms(api: CsrNamespace): Promise<CsrProgramStaff[]> {
    const read: CsrProgramStaff[] = [];
    for await (const program of api.opd.programs.list({ limit: 100 })) read.push(program);
    return read;
  }

  /** The approved proposal a new programme answers (the proposals' list is the only way to read one). */
  private async loadProposal(proposalId: number): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      let found: CsrProposalStaff | null = null;
      for await (const proposal of api.opd.proposals.list({ status: 'approved', limit: 100 })) {
        if (proposal.id === proposalId) {
          found = proposal;
          break;
        }
      }
      if (this.fromProposal?.id !== proposalId) return;
      this.fromProposal = { id: proposalId, data: found, error: found ? '' : this.localize.t('new.proposalMissing', proposalId) };
    } catch (error) {
      if (this.fromProposal?.id === proposalId) this.fromProposal = { id: proposalId, data: null, error: failureMessage(error, this.localize) };
    }
  }

  private get current(): CsrProgramStaff | null {
    return this.programs?.find((program) => program.id === this.currentId) ?? null;
  }

  private replaceProgram(saved: CsrProgramStaff): void {
    const list = this.programs ?? [];
    this.programs = list.some((program) => program.id === saved.id) ? list.map((program) => (program.id === saved.id ? saved : program)) : [saved, ...list];
  }

  // ——— drafts ———

  private get draftKey(): string {
    if (this.view === 'new') return this.fromProposal ? `new-${this.fromProposal.id}` : 'new';
    return String(this.currentId ?? '');
  }

  private get currentDraft(): ProgramDraft {
    const typed = this.drafts[this.draftKey];
    if (typed) return typed;
    if (this.view === 'one' && this.current) return programDraftOf(this.current);
    if (this.view === 'new' && this.fromProposal?.data) return programDraftOfProposal(this.fromProposal.data);
    return emptyProgramDraft();
  }

  private setDraft(key: string, draft: ProgramDraft | null): void {
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

  /** Keeps what is typed; an amount is grouped (`1.250.000`) once the field is left. */
  private readonly onProgramInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
    if (!(PROGRAM_FIELDS as readonly string[]).includes(target.name)) return;
    const value = event.type === 'change' && target.name === 'committed' ? regroupRupiah(target.value, this.localize.locale) : target.value;
    this.setDraft(this.draftKey, { ...this.currentDraft, [target.name]: value });
  };

  private readonly onSpendingInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) return;
    if (!(target.name in this.spending)) return;
    const value = event.type === 'change' && target.name === 'amount' ? regroupRupiah(target.value, this.localize.locale) : target.value;
    this.spending = { ...this.spending, [target.name]: value };
  };

  private readonly onCompanyInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (!(target.name in this.company)) return;
    this.company = { ...this.company, [target.name]: target.value };
  };

  private discardDraft(): void {
    this.setDraft(this.draftKey, null);
    this.outcome = { errors: null, done: null };
    this.doubleFunding = null;
  }

  // ——— moving and telling ———

  private go(event: Event, route: string): void {
    event.preventDefault();
    this.#focusTitle = true;
    this.context?.navigate(route ? `${csrProgramsPage.id}/${route}` : csrProgramsPage.id, { keepFocus: true });
  }

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  private done(form: Form, message: string): void {
    this.outcome = { errors: null, done: { form, message } };
    this.context?.announce(message);
  }

  /** The summary's lines for `problems` on `fields`, in the page's language (the field's own message, else the server's). */
  private lines(problems: readonly FieldError[], fields: readonly string[]): SummaryError[] {
    const t = this.localize;
    return summaryErrors(problems, fields, (field, code, serverMessage) => t.lookup(`error.${field}.${code}`) ?? t.lookup(`error.${field}`) ?? serverMessage);
  }

  /** A refusal as summary lines: the fields named, else one sentence. */
  private refusal(error: unknown, fields: readonly string[], paths: (path: string) => string = (path) => path): SummaryError[] {
    const problems = fieldErrorsOf(error);
    if (problems?.length) return this.lines(problems.map((problem) => ({ ...problem, path: paths(problem.path) })), fields);
    return [{ field: '', message: isOffline(error) ? this.localize.t('error.offlineKept') : failureMessage(error, this.localize) }];
  }

  private fieldError(form: Form, field: string): string | undefined {
    return this.outcome.errors?.form === form ? errorFor(this.outcome.errors.errors, field) : undefined;
  }

  // ——— programmes ———

  private readonly onSaveProgram = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const key = this.draftKey;
    const draft = this.currentDraft;
    const isNew = this.view === 'new';
    const { input, problems } = programInputOf(draft);
    this.outcome = { errors: null, done: null };
    if (problems.length) {
      await this.showErrors('program', this.lines(problems.map(({ field, code }) => ({ path: field, code: code as FieldError['code'], message: '' })), PROGRAM_FIELDS));
      return;
    }
    this.busy = 'save';
    try {
      let saved: CsrProgramStaff;
      if (isNew) {
        const proposalId = this.fromProposal?.id;
        saved = await api.opd.programs.create(proposalId ? { ...input, proposalId } : input, { idempotencyKey: this.#stored.idempotencyKey });
        this.#stored.renewKey();
      } else {
        saved = await api.opd.programs.edit(this.currentId!, input);
      }
      this.setDraft(key, null);
      this.doubleFunding = null;
      this.askOverBudget = '';
      this.replaceProgram(saved);
      if (isNew && this.fromProposal) this.fromProposal = null;
      if (isNew) void this.refreshCompanies();
      this.done('program', isNew ? t.t('done.created', saved.title) : t.t('done.saved', saved.title));
      if (isNew) {
        this.#focusTitle = true;
        this.context?.navigate(`${csrProgramsPage.id}/${saved.id}`, { keepFocus: true });
      }
    } catch (error) {
      await this.programRefused(error, key, draft);
    } finally {
      this.busy = '';
    }
  };

  /** Possible double funding: the other programmes listed and the reason asked; a commitment below the spending: its reason asked; else the fields. */
  private async programRefused(error: unknown, key: string, draft: ProgramDraft): Promise<void> {
    const t = this.localize;
    if (error instanceof ApiError && error.code === 'csr-double-funding') {
      const others = await this.othersAt(draft);
      this.doubleFunding = { key, others, message: error.detail ?? '' };
      await this.showErrors('program', [{ field: 'doubleFundingReason', message: t.t('error.doubleFundingReason.required', others.length) }]);
      return;
    }
    const problems = fieldErrorsOf(error);
    if (problems?.some((problem) => problem.path === 'overBudgetReason')) this.askOverBudget = key;
    await this.showErrors('program', this.refusal(error, PROGRAM_FIELDS, (path) => programProblems([{ path, message: '' }])[0]!.path));
  }

  /** The OPD's other non-cancelled programmes in the draft's desa, field and year, read again (someone may have just added one). */
  private async othersAt(draft: ProgramDraft): Promise<CsrProgramStaff[]> {
    const api = this.#api;
    if (api) {
      try {
        this.programs = await this.readPrograms(api);
      } catch {
        // the list as it was read before
      }
    }
    return (this.programs ?? []).filter(
      (program) =>
        program.id !== this.currentId &&
        program.status !== 'cancelled' &&
        program.field === draft.field.trim() &&
        String(program.year) === draft.year.trim() &&
        normal(program.location.desa) === normal(draft.desa) &&
        normal(program.location.kecamatan) === normal(draft.kecamatan),
    );
  }

  private async refreshCompanies(): Promise<void> {
    try {
      const companies = await this.#api?.opd.companies.list();
      if (companies) this.companies = companies;
    } catch {
      // the counts as they were
    }
  }

  // ——— spending ———

  /** What the entry typed would bring the spending to, and whether that passes the commitment. */
  private spendingAfter(program: CsrProgramStaff): { amount: number | null; over: number } {
    const parsed = parseRupiah(this.spending.amount);
    if (!parsed.ok) return { amount: null, over: 0 };
    return { amount: parsed.value, over: Math.max(0, program.spent + parsed.value - program.committed) };
  }

  private readonly onAddSpending = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    const program = this.current;
    if (!api || !program || this.busy) return;
    const t = this.localize;
    const draft = this.spending;
    const fileInput = this.renderRoot.querySelector<HTMLInputElement>('#spendingFile');
    const file = fileInput?.files?.[0];
    const problems: SummaryError[] = [];
    const amount = parseRupiah(draft.amount);
    if (!amount.ok && amount.reason !== 'empty') problems.push({ field: 'amount', message: t.t(`error.amount.${amount.reason}`) });
    if (file && file.size > CSR_EVIDENCE_MAX_BYTES) problems.push({ field: 'spendingFile', message: t.t('error.file.tooLarge') });
    this.outcome = { errors: null, done: null };
    if (problems.length) {
      await this.showErrors('spending', problems);
      return;
    }
    this.busy = 'spending';
    try {
      const reason = draft.spendingReason.trim();
      let saved = await api.opd.spending.add(
        program.id,
        { date: draft.date.trim(), amount: amount.ok ? amount.value : (undefined as unknown as number), description: draft.what.trim(), ...(reason ? { overBudgetReason: reason } : {}) },
        { idempotencyKey: this.#spendingKey },
      );
      this.#spendingKey = newIdempotencyKey();
      this.spending = emptySpending();
      this.replaceProgram(saved);
      const entry = saved.spending.find((item) => !program.spending.some((before) => before.id === item.id));
      let message = t.t('done.spending', formatRupiah(entry?.amount ?? 0, t.locale));
      if (file && entry) {
        try {
          saved = await api.opd.spending.uploadEvidence(entry.id, file);
          this.replaceProgram(saved);
          if (fileInput) fileInput.value = '';
          message = t.t('done.spendingWithFile', formatRupiah(entry.amount, t.locale));
        } catch (error) {
          // The entry is kept; the file is asked for again at the entry.
          await this.showErrors('evidence', this.evidenceProblems(error, `file-${entry.id}`));
          return;
        }
      }
      this.done('spending', message);
    } catch (error) {
      await this.showErrors('spending', this.refusal(error, SPENDING_FIELDS, (path) => SPENDING_PATHS[path] ?? path));
    } finally {
      this.busy = '';
    }
  };

  private async uploadEvidence(entry: CsrSpendingStaff): Promise<void> {
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const field = `file-${entry.id}`;
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${field}`);
    const file = input?.files?.[0];
    this.outcome = { errors: null, done: null };
    if (!file) return this.showErrors('evidence', [{ field, message: t.t('error.file.required') }]);
    if (file.size > CSR_EVIDENCE_MAX_BYTES) return this.showErrors('evidence', [{ field, message: t.t('error.file.tooLarge') }]);
    this.busy = 'evidence';
    try {
      this.replaceProgram(await api.opd.spending.uploadEvidence(entry.id, file));
      if (input) input.value = '';
      this.done('evidence', t.t('done.uploaded', file.name, t.date(`${entry.date}T12:00:00Z`)));
    } catch (error) {
      await this.showErrors('evidence', this.evidenceProblems(error, field));
    } finally {
      this.busy = '';
    }
  }

  /** A refused upload: too large (413), not a PDF, JPEG or PNG (415, with the server's reason), or one sentence. */
  private evidenceProblems(error: unknown, field: string): SummaryError[] {
    const t = this.localize;
    if (error instanceof ApiError && error.status === 413) return [{ field, message: t.t('error.file.tooLarge') }];
    if (error instanceof ApiError && error.status === 415) return [{ field, message: t.t('error.file.type', error.detail ?? '') }];
    if (error instanceof ApiError && error.status === 409) return [{ field, message: t.t('error.file.tooMany') }];
    return [{ field: '', message: failureMessage(error, t) }];
  }

  private async removeEntry(entry: CsrSpendingStaff): Promise<void> {
    const api = this.#api;
    if (!api || this.busy) return;
    this.busy = 'remove';
    try {
      this.replaceProgram(await api.opd.spending.remove(entry.id));
      this.confirming = '';
      this.done('spending', this.localize.t('done.entryRemoved', formatRupiah(entry.amount, this.localize.locale)));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#date')?.focus();
    } catch (error) {
      this.confirming = '';
      await this.showErrors('spending', this.refusal(error, SPENDING_FIELDS, (path) => SPENDING_PATHS[path] ?? path));
    } finally {
      this.busy = '';
    }
  }

  private async removeFile(file: CsrEvidenceFile): Promise<void> {
    const api = this.#api;
    if (!api || this.busy) return;
    this.busy = 'remove';
    try {
      this.replaceProgram(await api.opd.spending.removeEvidence(file.id));
      this.confirming = '';
      this.done('evidence', this.localize.t('done.fileRemoved'));
    } catch (error) {
      this.confirming = '';
      await this.showErrors('evidence', this.evidenceProblems(error, ''));
    } finally {
      this.busy = '';
    }
  }

  private async ask(what: string, focus: string): Promise<void> {
    this.confirming = what;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  }

  private async keep(focus: string): Promise<void> {
    this.confirming = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  }

  // ——— companies ———

  private editCompany(company: CsrCompanyStaff | null): void {
    this.editingCompany = company?.id ?? null;
    this.company = company
      ? { companyName: company.name, sector: company.sector, contactName: company.contact?.name ?? '', contactPhone: company.contact?.phone ?? '', contactEmail: company.contact?.email ?? '' }
      : emptyCompany();
    this.outcome = { errors: null, done: null };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#companyName')?.focus());
  }

  private readonly onSaveCompany = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const draft = this.company;
    const contactName = draft.contactName.trim();
    const contact = contactName || draft.contactPhone.trim() || draft.contactEmail.trim() ? { name: contactName, phone: draft.contactPhone.trim() || null, email: draft.contactEmail.trim() || null } : null;
    const body = { name: draft.companyName.trim(), sector: draft.sector as CsrCompanyStaff['sector'], contact };
    this.outcome = { errors: null, done: null };
    this.busy = 'company';
    try {
      const saved = this.editingCompany ? await api.opd.companies.edit(this.editingCompany, body) : await api.opd.companies.create(body);
      this.companies = [...(this.companies ?? []).filter((company) => company.id !== saved.id), saved].sort((a, b) => a.name.localeCompare(b.name, 'id'));
      this.done('company', this.editingCompany ? t.t('done.companySaved', saved.name) : t.t('done.companyAdded', saved.name));
      this.editingCompany = null;
      this.company = emptyCompany();
    } catch (error) {
      const taken = error instanceof ApiError && error.status === 409;
      await this.showErrors('company', taken ? [{ field: 'companyName', message: t.t('error.companyName.taken') }] : this.refusal(error, COMPANY_FIELDS, (path) => COMPANY_PATHS[path] ?? path));
    } finally {
      this.busy = '';
    }
  };

  private async removeCompany(company: CsrCompanyStaff): Promise<void> {
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    this.busy = 'remove';
    try {
      await api.opd.companies.remove(company.id);
      this.companies = (this.companies ?? []).filter((item) => item.id !== company.id);
      this.confirming = '';
      this.done('company', t.t('done.companyRemoved', company.name));
    } catch (error) {
      this.confirming = '';
      await this.showErrors('company', [{ field: '', message: error instanceof ApiError && error.status === 409 ? t.t('error.companyInUse', company.name) : failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  }

  // ——— exports ———

  private async download(kind: 'programs' | 'spending'): Promise<void> {
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const year = /^\d{4}$/.test(this.filters.year) ? Number(this.filters.year) : undefined;
    this.busy = 'export';
    try {
      const options = year ? { year } : {};
      const text = kind === 'programs' ? await api.opd.exportProgramsCsv(options) : await api.opd.exportSpendingCsv(options);
      // The BOM back in front, so a spreadsheet reads the file as UTF-8.
      saveFile(this.renderRoot, `sip-benar-${kind === 'programs' ? 'program' : 'realisasi'}-${year ?? t.t('export.allYearsFile')}.csv`, `${CSV_BOM}${text}`, 'text/csv;charset=utf-8');
      this.done('export', t.t(kind === 'programs' ? 'export.programsDone' : 'export.spendingDone'));
    } catch (error) {
      await this.showErrors('export', [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  }

  // ——— words ———

  private money(value: number): string {
    return formatRupiah(value, this.localize.locale);
  }

  private fieldName(fieldId: string): string {
    const field = this.fields.find((item) => item.id === fieldId);
    if (!field) return fieldId;
    return this.localize.lang === 'en' && field.nameEn ? field.nameEn : field.name;
  }

  private statusTag(status: string): TemplateResult {
    const tone = status === 'cancelled' || status === 'postponed' ? ' tag--off' : status === 'done' ? ' tag--done' : '';
    return html`<span class=${`tag${tone}`}>${this.localize.lookup(`status.${status}`) ?? status}</span>`;
  }

  private flags(program: CsrProgramStaff): TemplateResult {
    const t = this.localize;
    return html`${program.overspent ? html`<span class="tag tag--over">${t.t('flag.over', this.money(program.overspentBy))}</span>` : nothing}
    ${program.doubleFunding ? html`<span class="tag tag--warn">${t.t('flag.double')}</span>` : nothing}`;
  }

  private heading(text: string, idName = 'view-title', level = this.level): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  private filtered(): CsrProgramStaff[] {
    const { q, status, year, field, flag } = this.filters;
    const words = normal(q).split(' ').filter(Boolean);
    return (this.programs ?? []).filter((program) => {
      if (status && program.status !== status) return false;
      if (year && String(program.year) !== year) return false;
      if (field && program.field !== field) return false;
      if (flag === 'over' && !program.overspent) return false;
      if (flag === 'double' && !program.doubleFunding) return false;
      const haystack = normal(`${program.title} ${program.company.name} ${program.location.kecamatan} ${program.location.desa} ${program.id}`);
      return words.every((word) => haystack.includes(word));
    });
  }

  private readonly onFilter = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    const name = target.name.replace(/^filter-/, '');
    if (name in this.filters) this.filters = { ...this.filters, [name]: target.value };
  };

  // ——— rendering ———

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const map = changed as Map<PropertyKey, unknown>;
    if (this.#focusTitle && (map.has('view') || map.has('currentId') || changed.has('context'))) {
      this.#focusTitle = false;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#view-title'));
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    if (!this.context.opd) return html`<div part="base" class="base" lang=${t.lang}>${renderNotice({ message: t.t('common.pickOpd') })}</div>`;
    let body: TemplateResult;
    if (!this.programs || !this.companies) {
      body = this.loadError
        ? renderNotice({ message: this.loadError, tone: 'warning', alert: true, action: { label: t.t('common.retry'), onClick: () => void this.loadAll(), look: 'secondary' } })
        : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    } else if (this.view === 'companies') body = this.renderCompanies(this.companies);
    else {
      body = html`<div class=${this.view === 'list' ? 'panes' : 'panes panes--open'}>
        <div class="pane pane--list">${this.renderList(this.programs)}</div>
        <div part="detail" class="pane pane--detail">${this.view === 'new' ? this.renderNew() : this.view === 'one' ? this.renderOne() : this.renderPick()}</div>
      </div>`;
    }
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderViews()} ${body}</div>`;
  }

  private renderViews(): TemplateResult {
    const t = this.localize;
    const current = this.view === 'one' ? 'list' : this.view;
    const link = (view: View, route: string, label: string) =>
      html`<li><a class="view-link" href="#/${csrProgramsPage.id}${route ? `/${route}` : ''}" aria-current=${current === view ? 'page' : nothing} @click=${(event: Event) => this.go(event, route)}>${label}</a></li>`;
    return html`<nav part="views" class="views" aria-label=${t.t('views.label')}>
      <ul>
        ${link('list', '', t.t('views.list'))} ${link('new', 'baru', t.t('views.new'))} ${link('companies', 'perusahaan', t.t('views.companies'))}
      </ul>
    </nav>`;
  }

  private renderList(programs: readonly CsrProgramStaff[]): TemplateResult {
    const t = this.localize;
    const shown = this.filtered();
    const years = [...new Set(programs.map((program) => program.year))].sort((a, b) => b - a);
    const over = programs.filter((program) => program.overspent).length;
    const choice = (name: keyof Filters, label: string, options: { value: string; label: string }[]) =>
      selectField({ name: `filter-${name}`, label, value: this.filters[name], placeholder: t.t('common.all'), options, errorPrefix: '' });
    return html`<section class="section" aria-labelledby="list-title">
      ${this.heading(t.t('list.title'), 'list-title', this.level)}
      ${over ? html`<p class="over-note" id="over-count">${t.t('list.overCount', over)}</p>` : nothing}
      <form class="filters" role="search" aria-label=${t.t('list.filters')} @input=${this.onFilter} @change=${this.onFilter} @submit=${(event: Event) => event.preventDefault()}>
        ${textField({ name: 'filter-q', label: t.t('list.search'), hint: t.t('list.searchHint'), value: this.filters.q, type: 'search', autocomplete: 'off', errorPrefix: '' })}
        ${choice('status', t.t('form.status'), csrProgramStatuses.map((value) => ({ value, label: t.t(`status.${value}`) })))}
        ${choice('year', t.t('form.year'), years.map((year) => ({ value: String(year), label: String(year) })))}
        ${choice('field', t.t('form.field'), this.fields.map((field) => ({ value: field.id, label: this.fieldName(field.id) })))}
        ${choice('flag', t.t('list.flag'), [
          { value: 'over', label: t.t('list.flagOver') },
          { value: 'double', label: t.t('list.flagDouble') },
        ])}
      </form>
      <p class="muted" role="status" id="list-count">${t.t('common.filterCount', shown.length, programs.length)}</p>
      ${shown.length === 0
        ? html`<p class="muted empty">${programs.length ? t.t('list.noMatch') : t.t('list.none')}</p>`
        : html`<ul part="programs" class="program-list" aria-labelledby="list-title">
            ${repeat(
              shown,
              (program) => program.id,
              (program) => html`<li class=${program.id === this.currentId ? 'program program--open' : 'program'}>
                <a href="#/${csrProgramsPage.id}/${program.id}" id="open-${program.id}" aria-current=${program.id === this.currentId ? 'true' : nothing} @click=${(event: Event) => this.go(event, String(program.id))}>${program.title}</a>
                <span class="muted small">${program.company.name} · ${program.location.desa}, ${program.location.kecamatan} · ${this.fieldName(program.field)} ${program.year}</span>
                <span class="small money-line">${t.t('list.money', this.money(program.spent), this.money(program.committed))}</span>
                <span class="tags">${this.statusTag(program.status)} ${this.flags(program)}</span>
              </li>`,
            )}
          </ul>`}
      ${this.renderExports()}
    </section>`;
  }

  private renderExports(): TemplateResult {
    const t = this.localize;
    const year = /^\d{4}$/.test(this.filters.year) ? this.filters.year : '';
    return html`<div class="exports" role="group" aria-labelledby="export-title">
      ${this.heading(t.t('export.title'), 'export-title', this.level + 1)}
      ${renderFormOutcome(this.outcome, 'export', { title: t.t('common.summaryTitle'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <p class="muted">${year ? t.t('export.year', year) : t.t('export.allYears')}</p>
      <p class="actions">
        <button part="button" type="button" class="button button--secondary" id="export-programs" ?disabled=${this.busy !== ''} @click=${() => void this.download('programs')}>${t.t('export.programs')}</button>
        <button part="button" type="button" class="button button--secondary" id="export-spending" ?disabled=${this.busy !== ''} @click=${() => void this.download('spending')}>${t.t('export.spending')}</button>
      </p>
    </div>`;
  }

  private renderPick(): TemplateResult {
    const t = this.localize;
    return html`<section class="section pick" aria-labelledby="view-title">
      ${this.heading(t.t('pick.title'))}
      <p class="intro">${t.t('pick.intro')}</p>
      <p class="actions"><a part="button" class="button" href="#/${csrProgramsPage.id}/baru" @click=${(event: Event) => this.go(event, 'baru')}>${t.t('views.new')}</a></p>
    </section>`;
  }

  private renderNew(): TemplateResult {
    const t = this.localize;
    const proposal = this.fromProposal;
    let note: TemplateResult | typeof nothing = nothing;
    if (proposal?.error) note = renderNotice({ message: proposal.error, tone: 'warning' });
    else if (proposal && !proposal.data) note = html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    else if (proposal?.data) note = html`<p class="intro" id="from-proposal">${t.t('new.fromProposal', proposal.data.title, proposal.data.proposer, proposal.data.decision?.company?.name ?? '')}</p>`;
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('new.title'))} <p class="intro">${t.t('new.intro')}</p> ${note}
      ${this.companies?.length ? this.renderProgramForm(null, this.level + 1) : renderNotice({ message: t.t('new.noCompanies'), action: { label: t.t('views.companies'), onClick: () => this.context?.navigate(`${csrProgramsPage.id}/perusahaan`) } })}
    </section>`;
  }

  private renderOne(): TemplateResult {
    const t = this.localize;
    const program = this.current;
    const back = html`<p class="back"><a href="#/${csrProgramsPage.id}" id="back" @click=${(event: Event) => this.go(event, '')}>${t.t('one.back')}</a></p>`;
    if (!program) {
      return html`<section class="section" aria-labelledby="view-title">${back} ${this.heading(t.t('one.missingTitle', this.currentId ?? 0))} ${renderNotice({ message: t.t('one.missing'), tone: 'warning' })}</section>`;
    }
    const left = program.committed - program.spent;
    return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(program.title)}
        <p class="facts">${this.statusTag(program.status)} <span>${program.company.name}</span> <span>${this.fieldName(program.field)} ${program.year}</span> <span>${program.location.desa}, ${program.location.kecamatan}</span></p>
        <dl part="money" class=${program.overspent ? 'money money--over' : 'money'} id="money">
          <div><dt>${t.t('one.committed')}</dt><dd id="committed">${this.money(program.committed)}</dd></div>
          <div><dt>${t.t('one.spent')}</dt><dd id="spent">${this.money(program.spent)}</dd></div>
          <div><dt>${program.overspent ? t.t('one.over') : t.t('one.left')}</dt><dd id="left">${this.money(Math.abs(left))}</dd></div>
        </dl>
        ${program.overspent ? html`<p class="over-note" id="over-note" role="note">${t.t('one.overNote', this.money(program.overspentBy))}</p>` : nothing}
        ${program.overBudgetReason ? html`<p class="muted">${t.t('one.overBudgetReason')} <q>${program.overBudgetReason}</q></p>` : nothing}
        ${program.doubleFunding
          ? html`<div part="double-funding" class="flag-box" id="double-note">
              <p><strong>${t.t('one.doubleTitle')}</strong> ${t.t('one.doubleWith', program.doubleFunding.with.map((other) => `#${other.id} ${other.title} (${other.company})`).join('; '))}</p>
              <p>${t.t('one.doubleReason')} <q>${program.doubleFunding.reason}</q> — ${program.doubleFunding.by}, ${t.dateTime(program.doubleFunding.at)}</p>
            </div>`
          : nothing}
        ${this.outcome.done?.form === 'program' ? html`<p class="done" id="program-done">${this.outcome.done.message}</p>` : nothing}
      </section>
      ${this.renderSpending(program)}
      <section class="section" aria-labelledby="edit-title">${this.heading(t.t('one.edit'), 'edit-title', this.level + 1)} ${this.renderProgramForm(program, this.level + 2)}</section>`;
  }

  /** The programme form: a new one (`null`) or the edit of `program`. */
  private renderProgramForm(program: CsrProgramStaff | null, headingLevel: number): TemplateResult {
    const t = this.localize;
    const key = this.draftKey;
    const draft = this.currentDraft;
    const prefix = t.t('common.errorPrefix');
    const error = (field: string) => this.fieldError('program', field);
    const text = (name: keyof ProgramDraft, options: { hint?: string; type?: string; inputmode?: string; short?: boolean } = {}) =>
      textField({ name, label: t.t(`form.${name}`), value: draft[name], error: error(name), errorPrefix: prefix, autocomplete: 'off', ...options });
    const choice = (name: keyof ProgramDraft, options: { value: string; label: string }[], hint?: string) =>
      selectField({ name, label: t.t(`form.${name}`), hint, value: draft[name], placeholder: t.t('common.pick'), options, error: error(name), errorPrefix: prefix });
    const double = this.doubleFunding?.key === key ? this.doubleFunding : null;
    const askReason = !!double || !!draft.doubleFundingReason;
    const restored = this.restored.has(key) && !!this.drafts[key];
    return html`${renderFormOutcome({ ...this.outcome, done: null }, 'program', { title: t.t('common.summaryTitle'), headingLevel, root: () => this.shadowRoot })}
      ${restored ? renderNotice({ message: t.t('form.restored'), id: 'restored', action: { label: t.t('form.discard'), onClick: () => this.discardDraft(), look: 'secondary' } }) : nothing}
      <form class="form-grid" novalidate @submit=${this.onSaveProgram} @input=${this.onProgramInput} @change=${this.onProgramInput}>
        ${text('title')}
        <div class="pair">
          ${choice('companyId', (this.companies ?? []).map((company) => ({ value: String(company.id), label: company.name })))}
          ${choice('field', this.fields.map((field) => ({ value: field.id, label: this.fieldName(field.id) })))}
        </div>
        <div class="pair">${text('kecamatan')} ${text('desa')}</div>
        <fieldset part="field" class="field group" aria-describedby="point-hint">
          <legend part="label" class="legend">${t.t('form.point')}</legend>
          <div part="hint" class="hint" id="point-hint">${t.t('form.pointHint')}</div>
          <div class="pair">${text('lon', { inputmode: 'decimal', short: true })} ${text('lat', { inputmode: 'decimal', short: true })}</div>
        </fieldset>
        <div class="pair">
          ${text('year', { inputmode: 'numeric', short: true })}
          ${rupiahField({ name: 'committed', label: t.t('form.committed'), value: draft.committed, error: error('committed'), errorPrefix: prefix, hint: t.t('common.rupiahHint'), shown: (shown) => t.t('common.rupiahShown', shown), unread: t.t('common.rupiahUnread'), locale: t.locale })}
        </div>
        <div class="pair">
          ${choice('status', csrProgramStatuses.map((value) => ({ value, label: t.t(`status.${value}`) })))}
          ${text('beneficiaries', { inputmode: 'numeric', short: true, hint: t.t('form.beneficiariesHint') })}
        </div>
        <div class="pair">${text('rpjmdPriority', { hint: t.t('form.rpjmdHint') })} ${text('sdg', { inputmode: 'numeric', short: true, hint: t.t('form.sdgHint') })}</div>
        ${textareaField({ name: 'description', label: t.t('form.description'), value: draft.description, rows: 3, error: error('description'), errorPrefix: prefix })}
        ${askReason ? this.renderDoubleFunding(double, draft, error('doubleFundingReason'), prefix) : nothing}
        ${this.askOverBudget === key || draft.overBudgetReason
          ? textareaField({ name: 'overBudgetReason', label: t.t('form.overBudgetReason'), hint: t.t('form.overBudgetReasonHint'), value: draft.overBudgetReason, rows: 3, error: error('overBudgetReason'), errorPrefix: prefix })
          : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>
            ${this.busy === 'save' ? ck(t.lang)['ck.saving'] : program ? t.t('form.save') : askReason ? t.t('form.createAnyway') : t.t('form.create')}
          </button>
          ${program && this.drafts[key] && !sameProgramDraft(draft, programDraftOf(program))
            ? html`<button part="button" type="button" class="button button--secondary" @click=${() => this.discardDraft()}>${t.t('form.undo')}</button>`
            : nothing}
        </div>
      </form>`;
  }

  private renderDoubleFunding(double: { others: CsrProgramStaff[]; message: string } | null, draft: ProgramDraft, error: string | undefined, prefix: string): TemplateResult {
    const t = this.localize;
    return html`<div part="double-funding" class="flag-box" id="double-funding">
      ${double
        ? html`<p><strong>${t.t('double.title')}</strong> ${t.t('double.intro', draft.desa, this.fieldName(draft.field), draft.year)}</p>
            ${double.others.length
              ? html`<ul class="others" id="double-others">
                  ${double.others.map(
                    (other) => html`<li>
                      <a href="#/${csrProgramsPage.id}/${other.id}" target="_blank" rel="noopener">#${other.id} ${other.title}</a>
                      <span class="muted small">${other.company.name} · ${this.statusTag(other.status)} · ${t.t('list.money', this.money(other.spent), this.money(other.committed))}</span>
                    </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${double.message}</p>`}`
        : nothing}
      ${textareaField({ name: 'doubleFundingReason', label: t.t('form.doubleFundingReason'), hint: t.t('form.doubleFundingReasonHint'), value: draft.doubleFundingReason, rows: 3, error, errorPrefix: prefix })}
    </div>`;
  }

  private renderSpending(program: CsrProgramStaff): TemplateResult {
    const t = this.localize;
    const entries = program.spending;
    return html`<section class="section" aria-labelledby="spending-title">
      ${this.heading(t.t('spending.title'), 'spending-title', this.level + 1)}
      ${renderFormOutcome(this.outcome, 'evidence', { title: t.t('common.summaryTitle'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      ${entries.length === 0
        ? html`<p class="muted">${t.t('spending.none')}</p>`
        : html`<ol part="spending" class="entries" id="entries">
            ${repeat(entries, (entry) => entry.id, (entry) => this.renderEntry(entry))}
          </ol>
          <p class="entries-total" id="entries-total">${t.t('spending.total', this.money(program.spent), this.money(program.committed))}</p>`}
      ${program.status === 'proposed' || program.status === 'cancelled'
        ? renderNotice({ message: t.t('spending.notYet', t.t(`status.${program.status}`)), id: 'spending-not-yet' })
        : this.renderSpendingForm(program)}
    </section>`;
  }

  private renderEntry(entry: CsrSpendingStaff): TemplateResult {
    const t = this.localize;
    const asking = this.confirming === `entry-${entry.id}`;
    const fileField = `file-${entry.id}`;
    const fileError = this.fieldError('evidence', fileField);
    return html`<li class="entry" id="entry-${entry.id}">
      <p class="entry-head"><span class="entry-date">${t.date(`${entry.date}T12:00:00Z`)}</span> <strong class="entry-amount">${this.money(entry.amount)}</strong></p>
      <p class="entry-text">${entry.description}</p>
      ${entry.overBudgetReason ? html`<p class="muted small">${t.t('spending.overReason')} <q>${entry.overBudgetReason}</q></p>` : nothing}
      <ul class="files" aria-label=${t.t('spending.files')}>
        ${entry.evidence.length === 0 ? html`<li class="muted small">${t.t('spending.noFile')}</li>` : nothing}
        ${entry.evidence.map((file) => this.renderFile(file))}
      </ul>
      <div class=${fileError ? 'entry-upload field--error' : 'entry-upload'}>
        <label class="label" for=${fileField}>${t.t('spending.addFile')}</label>
        ${renderFieldError({ name: fileField, error: fileError, errorPrefix: t.t('common.errorPrefix') })}
        <span class="field-row">
          <input part="input" class="input file-input" type="file" id=${fileField} accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby="file-hint-${entry.id}${fileError ? ` ${fileField}-error` : ''}" />
          <button part="button" type="button" class="button button--secondary button--small" id="upload-${entry.id}" ?disabled=${this.busy !== ''} @click=${() => void this.uploadEvidence(entry)}>${this.busy === 'evidence' ? t.t('spending.uploading') : t.t('spending.upload')}</button>
        </span>
        <span class="hint" id="file-hint-${entry.id}">${t.t('spending.fileHint')}</span>
      </div>
      ${asking
        ? html`<p class="confirm-remove" role="group" aria-labelledby="entry-question-${entry.id}">
            <span id="entry-question-${entry.id}">${t.t('spending.removeQuestion', this.money(entry.amount))}</span>
            <button part="button" type="button" class="button button--danger button--small" id="remove-entry-yes-${entry.id}" ?disabled=${this.busy !== ''} @click=${() => void this.removeEntry(entry)}>${t.t('spending.removeYes')}</button>
            <button part="button" type="button" class="button button--secondary button--small" @click=${() => void this.keep(`remove-entry-${entry.id}`)}>${t.t('spending.keep')}</button>
          </p>`
        : html`<p class="row-actions">
            <button part="button" type="button" class="button button--secondary button--small" id="remove-entry-${entry.id}" ?disabled=${this.busy !== ''} @click=${() => void this.ask(`entry-${entry.id}`, `remove-entry-yes-${entry.id}`)}>
              ${t.t('spending.remove')}<span class="visually-hidden"> ${this.money(entry.amount)}, ${entry.date}</span>
            </button>
          </p>`}
    </li>`;
  }

  private renderFile(file: CsrEvidenceFile): TemplateResult {
    const t = this.localize;
    const kind = file.mediaType === 'application/pdf' ? 'PDF' : file.mediaType === 'image/png' ? 'PNG' : 'JPEG';
    const size = `${new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 }).format(Math.max(0.1, file.bytes / 1024))} KB`;
    const asking = this.confirming === `file-${file.id}`;
    return html`<li class="file">
      <a href=${file.url} target="_blank" rel="noopener" class="file-link">${t.t('spending.fileLink', kind)}</a> <span class="muted small">${size}</span>
      ${asking
        ? html`<span class="confirm-remove" role="group" aria-label=${t.t('spending.removeFileQuestion')}>
            <span>${t.t('spending.removeFileQuestion')}</span>
            <button part="button" type="button" class="button button--danger button--small" id="remove-file-yes-${file.id}" ?disabled=${this.busy !== ''} @click=${() => void this.removeFile(file)}>${t.t('spending.removeYes')}</button>
            <button part="button" type="button" class="button button--secondary button--small" @click=${() => void this.keep(`remove-file-${file.id}`)}>${t.t('spending.keep')}</button>
          </span>`
        : html`<button part="button" type="button" class="button button--secondary button--small" id="remove-file-${file.id}" ?disabled=${this.busy !== ''} @click=${() => void this.ask(`file-${file.id}`, `remove-file-yes-${file.id}`)}>
            ${t.t('spending.removeFile')}<span class="visually-hidden"> ${kind}</span>
          </button>`}
    </li>`;
  }

  private renderSpendingForm(program: CsrProgramStaff): TemplateResult {
    const t = this.localize;
    const prefix = t.t('common.errorPrefix');
    const error = (field: string) => this.fieldError('spending', field);
    const draft = this.spending;
    const { over } = this.spendingAfter(program);
    const askReason = over > 0 || !!draft.spendingReason || !!error('spendingReason');
    const fileError = error('spendingFile');
    return html`<div class="upload">
      ${this.heading(t.t('spending.addTitle'), 'spending-form-title', this.level + 2)}
      ${renderFormOutcome(this.outcome, 'spending', { title: t.t('common.summaryTitle'), headingLevel: this.level + 3, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate aria-labelledby="spending-form-title" @submit=${this.onAddSpending} @input=${this.onSpendingInput} @change=${this.onSpendingInput}>
        <div class="pair">
          ${textField({ name: 'date', type: 'date', label: t.t('spending.date'), value: draft.date, error: error('date'), errorPrefix: prefix })}
          ${rupiahField({ name: 'amount', label: t.t('spending.amount'), value: draft.amount, error: error('amount'), errorPrefix: prefix, hint: t.t('common.rupiahHint'), shown: (shown) => t.t('common.rupiahShown', shown), unread: t.t('common.rupiahUnread'), locale: t.locale })}
        </div>
        ${textareaField({ name: 'what', label: t.t('spending.what'), hint: t.t('spending.whatHint'), value: draft.what, rows: 2, error: error('what'), errorPrefix: prefix })}
        ${over > 0 ? html`<p class="over-note" id="spending-over">${t.t('spending.willPass', this.money(over))}</p>` : nothing}
        ${askReason ? textareaField({ name: 'spendingReason', label: t.t('form.overBudgetReason'), hint: t.t('spending.reasonHint'), value: draft.spendingReason, rows: 2, error: error('spendingReason'), errorPrefix: prefix }) : nothing}
        <div part="field" class=${fileError ? 'field field--error' : 'field'}>
          <label part="label" class="label" for="spendingFile">${t.t('spending.file')}</label>
          <div part="hint" class="hint" id="spendingFile-hint">${t.t('spending.fileHint')}</div>
          ${renderFieldError({ name: 'spendingFile', error: fileError, errorPrefix: prefix })}
          <input part="input" class="input file-input" type="file" id="spendingFile" name="spendingFile" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" aria-describedby=${fileError ? 'spendingFile-hint spendingFile-error' : 'spendingFile-hint'} />
        </div>
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'spending' ? ck(t.lang)['ck.saving'] : t.t('spending.submit')}</button>
        </div>
      </form>
    </div>`;
  }

  private renderCompanies(companies: readonly CsrCompanyStaff[]): TemplateResult {
    const t = this.localize;
    const prefix = t.t('common.errorPrefix');
    const error = (field: string) => this.fieldError('company', field);
    const draft = this.company;
    const editing = companies.find((company) => company.id === this.editingCompany) ?? null;
    const text = (name: keyof CompanyDraft, options: { type?: string; autocomplete?: string; inputmode?: string; hint?: string } = {}) =>
      textField({ name, label: t.t(`company.${name}`), value: draft[name], error: error(name), errorPrefix: prefix, autocomplete: 'off', ...options });
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('company.title'))}
      <p class="intro">${t.t('company.intro')}</p>
      ${renderFormOutcome(this.outcome, 'company', { title: t.t('common.summaryTitle'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      ${companies.length === 0
        ? html`<p class="muted">${t.t('company.none')}</p>`
        : html`<div part="companies" class="table-box" tabindex="0" role="region" aria-labelledby="companies-caption">
            <table>
              <caption id="companies-caption">${t.t('company.caption', companies.length)}</caption>
              <thead><tr><th scope="col" class="name">${t.t('company.companyName')}</th><th scope="col">${t.t('company.sector')}</th><th scope="col">${t.t('company.contact')}</th><th scope="col" class="number">${t.t('company.programs')}</th><th scope="col">${t.t('company.actions')}</th></tr></thead>
              <tbody>
                ${repeat(
                  companies,
                  (company) => company.id,
                  (company) => html`<tr id="company-${company.id}">
                    <th scope="row" class="name">${company.name}</th>
                    <td>${t.t(`sector.${company.sector}`)}</td>
                    <td class="contact">${company.contact ? [company.contact.name, company.contact.phone, company.contact.email].filter(Boolean).join(' · ') : t.t('common.none')}</td>
                    <td class="number">${company.programs}</td>
                    <td>
                      ${this.confirming === `company-${company.id}`
                        ? html`<span class="confirm-remove" role="group" aria-label=${t.t('company.removeQuestion', company.name)}>
                            <span>${t.t('company.removeQuestion', company.name)}</span>
                            <button part="button" type="button" class="button button--danger button--small" id="remove-company-yes-${company.id}" @click=${() => void this.removeCompany(company)}>${t.t('spending.removeYes')}</button>
                            <button part="button" type="button" class="button button--secondary button--small" @click=${() => void this.keep(`remove-company-${company.id}`)}>${t.t('spending.keep')}</button>
                          </span>`
                        : html`<span class="row-actions">
                            <button part="button" type="button" class="button button--secondary button--small" id="edit-company-${company.id}" @click=${() => this.editCompany(company)}>${t.t('company.edit')}<span class="visually-hidden"> ${company.name}</span></button>
                            ${company.programs === 0
                              ? html`<button part="button" type="button" class="button button--secondary button--small" id="remove-company-${company.id}" @click=${() => void this.ask(`company-${company.id}`, `remove-company-yes-${company.id}`)}>${t.t('company.remove')}<span class="visually-hidden"> ${company.name}</span></button>`
                              : nothing}
                          </span>`}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      <div class="upload">
        ${this.heading(editing ? t.t('company.editTitle', editing.name) : t.t('company.addTitle'), 'company-form-title', this.level + 1)}
        <form class="form-grid" novalidate aria-labelledby="company-form-title" @submit=${this.onSaveCompany} @input=${this.onCompanyInput} @change=${this.onCompanyInput}>
          <div class="pair">
            ${text('companyName')}
            ${selectField({ name: 'sector', label: t.t('company.sector'), value: draft.sector, placeholder: t.t('common.pick'), options: csrSectors.map((value) => ({ value, label: t.t(`sector.${value}`) })), error: error('sector'), errorPrefix: prefix })}
          </div>
          <fieldset part="field" class="field group" aria-describedby="contact-hint">
            <legend part="label" class="legend">${t.t('company.contact')}</legend>
            <div part="hint" class="hint" id="contact-hint">${t.t('company.contactHint')}</div>
            ${text('contactName', { autocomplete: 'name' })}
            <div class="pair">${text('contactPhone', { type: 'tel', inputmode: 'tel', autocomplete: 'tel' })} ${text('contactEmail', { type: 'email', autocomplete: 'email' })}</div>
          </fieldset>
          <div class="actions">
            <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'company' ? ck(t.lang)['ck.saving'] : editing ? t.t('company.save') : t.t('company.add')}</button>
            ${editing ? html`<button part="button" type="button" class="button button--secondary" @click=${() => this.editCompany(null)}>${ck(t.lang)['ck.cancel']}</button>` : nothing}
          </div>
        </form>
      </div>
    </section>`;
  }
}

/** The copy's type, for tests that read a message. */
export type { CsrProgramsMessages };
