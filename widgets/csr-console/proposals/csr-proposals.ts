/**
 * `<opd-csr-proposals>`: SIP BENAR's village proposals page of the staff console
 * (`#/csr/proposals`) — the needs desa and kecamatan submit, and the CSR forum's decisions on them.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { csr, type CsrNamespace } from '../../../src/namespaces/csr.js';
import type { CsrCompanyStaff, CsrDecisionInput, CsrProposalInput, CsrProposalStaff } from '../../../src/schemas/csr-staff.js';
import { csrProposalStatuses, type CsrField } from '../../../src/schemas/csr.js';
import { ck, failureMessage, fieldErrorsOf, isOffline, renderOutsideConsole } from '../../console/kit/failure.js';
import { errorFor, summaryErrors, type FormOutcome, renderFormOutcome } from '../../console/kit/forms.js';
import { OpdNamespace } from '../../console/kit/opd-namespace.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { renderFieldError, selectField, textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { csrProgramsPage } from '../programs/console-page.js';
import { csrConsoleStyles } from '../shared/csr-console.styles.js';
import { rupiahField } from '../shared/fields.js';
import { formatRupiah, parseRupiah, regroupRupiah } from '../shared/money.js';
import { normal, today } from '../shared/words.js';
import { csrProposalsPage } from './console-page.js';
import { id, type CsrProposalsMessages } from './i18n/id.js';

type View = 'list' | 'new' | 'one';
type Form = 'decision' | 'proposal';

/** A proposal as typed. */
interface ProposalDraft {
  title: string;
  field: string;
  kecamatan: string;
  desa: string;
  year: string;
  estimatedCost: string;
  beneficiaries: string;
  proposer: string;
  contactName: string;
  contactPhone: string;
  submittedOn: string;
  description: string;
}

/** The forum's decision as typed. */
interface DecisionDraft {
  decision: '' | 'approve' | 'reject';
  companyId: string;
  note: string;
}

const PROPOSAL_FIELDS = ['title', 'field', 'kecamatan', 'desa', 'year', 'estimatedCost', 'beneficiaries', 'proposer', 'contactName', 'contactPhone', 'submittedOn', 'description'] as const;
const PROPOSAL_PATHS: Readonly<Record<string, string>> = { 'contact.name': 'contactName', 'contact.phone': 'contactPhone', contact: 'contactName' };
const DECISION_FIELDS = ['decision', 'companyId', 'note'] as const;

const emptyProposal = (): ProposalDraft => ({ title: '', field: '', kecamatan: '', desa: '', year: String(new Date().getFullYear() + 1), estimatedCost: '', beneficiaries: '', proposer: '', contactName: '', contactPhone: '', submittedOn: today(), description: '' });
const emptyDecision = (): DecisionDraft => ({ decision: '', companyId: '', note: '' });

/**
 * The villages' proposals (*usulan desa*) and the CSR forum's decisions, as Bappeda's staff
 * record them:
 *
 * - **The list** (`#/csr/proposals`), searchable by title, proposer, kecamatan and desa and
 *   filtered by status, beside the **detail pane** (`#/csr/proposals/<id>`): what is asked, where,
 *   the estimate, who proposed it (the contact person, staff only) and the forum's decision.
 * - **The decision** of one awaiting the forum: approve, matched to a company, or reject with the
 *   forum's reason. An approved one opens the programmes page's new programme filled from it
 *   (`#/csr/programs/baru/usulan-<id>`), where saving makes it funded.
 * - **A new proposal** (`#/csr/proposals/baru`), as a desa sent it.
 *
 * Proposals and decisions live apart from the programmes page: the forum decides them at its
 * meetings, in batches, while programmes and spending are recorded every day. A refused form lists
 * its problems in an error summary that takes focus and links to each field.
 *
 * @summary SIP BENAR's village proposals and the CSR forum's decisions in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings.
 *
 * @csspart base - The wrapper of everything.
 * @csspart views - The links between the list and a new proposal.
 * @csspart proposals - The proposal list.
 * @csspart detail - The detail pane.
 * @csspart decision - The forum's decision, or its form.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the view shown.
 * @cssproperty --opd-color-error - Refused fields.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdCsrProposals extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, csrConsoleStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    fields: { state: true, attribute: false },
    companies: { state: true, attribute: false },
    proposals: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    currentId: { state: true, attribute: false },
    proposal: { state: true, attribute: false },
    decision: { state: true, attribute: false },
    query: { state: true, attribute: false },
    status: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: View = 'list';
  private fields: CsrField[] = [];
  private companies: CsrCompanyStaff[] = [];
  private proposals: CsrProposalStaff[] | null = null;
  private loadError = '';
  private currentId: number | null = null;
  private proposal: ProposalDraft = emptyProposal();
  private decision: DecisionDraft = emptyDecision();
  private query = '';
  private status = 'submitted';
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: '' | 'decide' | 'save' = '';

  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  readonly #namespace = new OpdNamespace(csr, ({ opd, sameOpd }) => {
    if (!sameOpd) {
      this.proposals = null;
      this.proposal = emptyProposal();
      this.decision = emptyDecision();
      this.outcome = { errors: null, done: null };
    }
    if (opd) void this.loadAll();
  });
  get #api(): CsrNamespace | null {
    return this.#namespace.api;
  }
  #loadRun = 0;
  #focusTitle = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    this.#namespace.follow(this.context);
    const [head] = this.context.route;
    const previous = `${this.view}:${this.currentId ?? ''}`;
    if (head === 'baru') this.view = 'new';
    else if (head && /^\d{1,10}$/.test(head)) {
      this.view = 'one';
      if (this.currentId !== Number(head)) this.decision = emptyDecision();
      this.currentId = Number(head);
    } else this.view = 'list';
    if (this.view !== 'one') this.currentId = null;
    if (previous !== `${this.view}:${this.currentId ?? ''}`) this.outcome = { errors: null, done: null };
  }

  private async loadAll(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#loadRun;
    this.loadError = '';
    try {
      const read: CsrProposalStaff[] = [];
      const [summary, companies] = await Promise.all([
        api.summary(),
        api.opd.companies.list(),
        (async () => {
          for await (const proposal of api.opd.proposals.list({ limit: 100 })) read.push(proposal);
        })(),
      ]);
      if (run !== this.#loadRun) return;
      this.fields = summary.fields;
      this.companies = companies;
      this.proposals = read;
    } catch (error) {
      if (run === this.#loadRun) this.loadError = failureMessage(error, this.localize);
    }
  }

  private get current(): CsrProposalStaff | null {
    return this.proposals?.find((proposal) => proposal.id === this.currentId) ?? null;
  }

  private replace(saved: CsrProposalStaff): void {
    const list = this.proposals ?? [];
    this.proposals = list.some((proposal) => proposal.id === saved.id) ? list.map((proposal) => (proposal.id === saved.id ? saved : proposal)) : [saved, ...list];
  }

  private go(event: Event, route: string): void {
    event.preventDefault();
    this.#focusTitle = true;
    this.context?.navigate(route ? `${csrProposalsPage.id}/${route}` : csrProposalsPage.id, { keepFocus: true });
  }

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  private refusal(error: unknown, fields: readonly string[], paths: Readonly<Record<string, string>> = {}): SummaryError[] {
    const t = this.localize;
    const problems = fieldErrorsOf(error);
    if (problems?.length) {
      return summaryErrors(
        problems.map((problem) => ({ ...problem, path: paths[problem.path] ?? problem.path })),
        fields,
        (field, code, serverMessage) => t.lookup(`error.${field}.${code}`) ?? t.lookup(`error.${field}`) ?? serverMessage,
      );
    }
    if (error instanceof ApiError && error.status === 409) return [{ field: '', message: t.t('error.decided') }];
    return [{ field: '', message: isOffline(error) ? t.t('error.offlineKept') : failureMessage(error, t) }];
  }

  private fieldError(form: Form, field: string): string | undefined {
    return this.outcome.errors?.form === form ? errorFor(this.outcome.errors.errors, field) : undefined;
  }

  private readonly onDecisionInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    if (target instanceof HTMLInputElement && target.type === 'radio' && !target.checked) return;
    if (target.name in this.decision) this.decision = { ...this.decision, [target.name]: target.value };
  };

  private readonly onDecide = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    const proposal = this.current;
    if (!api || !proposal || this.busy) return;
    const t = this.localize;
    const draft = this.decision;
    const problems: SummaryError[] = [];
    if (!draft.decision) problems.push({ field: 'decision-approve', message: t.t('error.decision') });
    if (draft.decision === 'approve' && !draft.companyId) problems.push({ field: 'companyId', message: t.t('error.companyId') });
    if (draft.decision === 'reject' && draft.note.trim().length < 5) problems.push({ field: 'note', message: t.t('error.note') });
    this.outcome = { errors: null, done: null };
    if (problems.length) return this.showErrors('decision', problems);
    this.busy = 'decide';
    try {
      const note = draft.note.trim();
      const body: CsrDecisionInput = draft.decision === 'approve' ? { decision: 'approve', companyId: Number(draft.companyId), ...(note ? { note } : {}) } : { decision: 'reject', note };
      const saved = await api.opd.proposals.decide(proposal.id, body);
      this.replace(saved);
      this.decision = emptyDecision();
      const message = saved.status === 'approved' ? t.t('done.approved', saved.title, saved.decision?.company?.name ?? '') : t.t('done.rejected', saved.title);
      this.outcome = { errors: null, done: { form: 'decision', message } };
      this.context?.announce(message);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(saved.status === 'approved' ? '#make-program' : '#decision-done')?.focus();
    } catch (error) {
      await this.showErrors('decision', this.refusal(error, DECISION_FIELDS));
    } finally {
      this.busy = '';
    }
  };

  private readonly onProposalInput = (event: Event): void => {
    const target = event.composedPath()[0];
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    if (!(target.name in this.proposal)) return;
    const value = event.type === 'change' && target.name === 'estimatedCost' ? regroupRupiah(target.value, this.localize.locale) : target.value;
    this.proposal = { ...this.proposal, [target.name]: value };
  };

  private readonly onSaveProposal = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const draft = this.proposal;
    const cost = parseRupiah(draft.estimatedCost);
    this.outcome = { errors: null, done: null };
    if (!cost.ok && cost.reason !== 'empty') return this.showErrors('proposal', [{ field: 'estimatedCost', message: t.t('error.estimatedCost') }]);
    const whole = (text: string) => (/^\d+$/.test(text.trim().replace(/\./g, '')) ? Number(text.trim().replace(/\./g, '')) : text.trim() ? Number.NaN : null);
    const contactName = draft.contactName.trim();
    const body = {
      title: draft.title.trim(),
      field: draft.field,
      kecamatan: draft.kecamatan.trim(),
      desa: draft.desa.trim(),
      year: whole(draft.year) ?? (undefined as unknown as number),
      estimatedCost: cost.ok ? cost.value : null,
      beneficiaries: whole(draft.beneficiaries),
      proposer: draft.proposer.trim(),
      contact: contactName || draft.contactPhone.trim() ? { name: contactName, phone: draft.contactPhone.trim() || null } : null,
      submittedOn: draft.submittedOn,
      description: draft.description.trim() || null,
    } as CsrProposalInput;
    this.busy = 'save';
    try {
      const saved = await api.opd.proposals.create(body);
      this.replace(saved);
      this.proposal = emptyProposal();
      this.status = '';
      const message = t.t('done.recorded', saved.title);
      this.outcome = { errors: null, done: { form: 'decision', message } };
      this.context?.announce(message);
      this.#focusTitle = true;
      this.context?.navigate(`${csrProposalsPage.id}/${saved.id}`, { keepFocus: true });
    } catch (error) {
      await this.showErrors('proposal', this.refusal(error, PROPOSAL_FIELDS, PROPOSAL_PATHS));
    } finally {
      this.busy = '';
    }
  };

  // ——— words ———

  private fieldName(fieldId: string): string {
    const field = this.fields.find((item) => item.id === fieldId);
    if (!field) return fieldId;
    return this.localize.lang === 'en' && field.nameEn ? field.nameEn : field.name;
  }

  private statusTag(status: string): TemplateResult {
    const tone = status === 'rejected' ? ' tag--off' : status === 'funded' ? ' tag--done' : status === 'submitted' ? ' tag--warn' : '';
    return html`<span class=${`tag${tone}`}>${this.localize.lookup(`proposal.${status}`) ?? status}</span>`;
  }

  private heading(text: string, idName = 'view-title', level = this.level): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  private readonly onFilter = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement && target.name === 'filter-q') this.query = target.value;
    if (target instanceof HTMLSelectElement && target.name === 'filter-status') this.status = target.value;
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
    if (!this.proposals) {
      body = this.loadError
        ? renderNotice({ message: this.loadError, tone: 'warning', alert: true, action: { label: t.t('common.retry'), onClick: () => void this.loadAll(), look: 'secondary' } })
        : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    } else {
      body = html`<div class=${this.view === 'list' ? 'panes' : 'panes panes--open'}>
        <div class="pane pane--list">${this.renderList(this.proposals)}</div>
        <div part="detail" class="pane pane--detail">${this.view === 'new' ? this.renderNew() : this.view === 'one' ? this.renderOne() : this.renderPick()}</div>
      </div>`;
    }
    const link = (view: View, route: string, label: string) =>
      html`<li><a class="view-link" href="#/${csrProposalsPage.id}${route ? `/${route}` : ''}" aria-current=${(this.view === 'one' ? 'list' : this.view) === view ? 'page' : nothing} @click=${(event: Event) => this.go(event, route)}>${label}</a></li>`;
    return html`<div part="base" class="base" lang=${t.lang}>
      <nav part="views" class="views" aria-label=${t.t('views.label')}><ul>${link('list', '', t.t('views.list'))} ${link('new', 'baru', t.t('views.new'))}</ul></nav>
      ${body}
    </div>`;
  }

  private renderList(proposals: readonly CsrProposalStaff[]): TemplateResult {
    const t = this.localize;
    const words = normal(this.query).split(' ').filter(Boolean);
    const shown = proposals.filter(
      (proposal) =>
        (!this.status || proposal.status === this.status) &&
        words.every((word) => normal(`${proposal.title} ${proposal.proposer} ${proposal.location.kecamatan} ${proposal.location.desa} ${proposal.id}`).includes(word)),
    );
    const waiting = proposals.filter((proposal) => proposal.status === 'submitted').length;
    return html`<section class="section" aria-labelledby="list-title">
      ${this.heading(t.t('list.title'), 'list-title')}
      <p class="muted">${t.t('list.waiting', waiting)}</p>
      <form class="filters" role="search" aria-label=${t.t('list.filters')} @input=${this.onFilter} @change=${this.onFilter} @submit=${(event: Event) => event.preventDefault()}>
        ${textField({ name: 'filter-q', label: t.t('common.search'), hint: t.t('list.searchHint'), value: this.query, type: 'search', autocomplete: 'off', errorPrefix: '' })}
        ${selectField({ name: 'filter-status', label: t.t('list.status'), value: this.status, placeholder: t.t('common.all'), options: csrProposalStatuses.map((value) => ({ value, label: t.t(`proposal.${value}`) })), errorPrefix: '' })}
      </form>
      <p class="muted" role="status" id="list-count">${t.t('common.filterCount', shown.length, proposals.length)}</p>
      ${shown.length === 0
        ? html`<p class="muted empty">${t.t('list.none')}</p>`
        : html`<ul part="proposals" class="program-list" aria-labelledby="list-title">
            ${repeat(
              shown,
              (proposal) => proposal.id,
              (proposal) => html`<li class=${proposal.id === this.currentId ? 'program program--open' : 'program'}>
                <a href="#/${csrProposalsPage.id}/${proposal.id}" id="open-${proposal.id}" aria-current=${proposal.id === this.currentId ? 'true' : nothing} @click=${(event: Event) => this.go(event, String(proposal.id))}>${proposal.title}</a>
                <span class="muted small">${proposal.proposer} · ${proposal.location.desa}, ${proposal.location.kecamatan} · ${this.fieldName(proposal.field)} ${proposal.year}</span>
                ${proposal.estimatedCost !== null ? html`<span class="small">${t.t('list.estimate', formatRupiah(proposal.estimatedCost, t.locale))}</span>` : nothing}
                <span class="tags">${this.statusTag(proposal.status)}</span>
              </li>`,
            )}
          </ul>`}
    </section>`;
  }

  private renderPick(): TemplateResult {
    const t = this.localize;
    return html`<section class="section" aria-labelledby="view-title">${this.heading(t.t('pick.title'))}<p class="intro">${t.t('pick.intro')}</p></section>`;
  }

  private renderOne(): TemplateResult {
    const t = this.localize;
    const proposal = this.current;
    const back = html`<p class="back"><a href="#/${csrProposalsPage.id}" id="back" @click=${(event: Event) => this.go(event, '')}>${t.t('one.back')}</a></p>`;
    if (!proposal) return html`<section class="section" aria-labelledby="view-title">${back} ${this.heading(t.t('one.missingTitle', this.currentId ?? 0))} ${renderNotice({ message: t.t('one.missing'), tone: 'warning' })}</section>`;
    const none = t.t('common.none');
    const row = (label: string, value: string, long = false) => html`<div class=${long ? 'detail detail--long' : 'detail'}><dt>${label}</dt><dd>${value || none}</dd></div>`;
    return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(proposal.title)}
        <p class="facts">${this.statusTag(proposal.status)} <span>${this.fieldName(proposal.field)} ${proposal.year}</span> <span>${proposal.location.desa}, ${proposal.location.kecamatan}</span></p>
        <dl class="details" id="details">
          ${row(t.t('form.proposer'), proposal.proposer)} ${row(t.t('form.submittedOn'), t.date(`${proposal.submittedOn}T12:00:00Z`))}
          ${row(t.t('form.estimatedCost'), proposal.estimatedCost === null ? '' : formatRupiah(proposal.estimatedCost, t.locale))}
          ${row(t.t('form.beneficiaries'), proposal.beneficiaries === null ? '' : t.number(proposal.beneficiaries))}
          ${row(t.t('one.contact'), proposal.contact ? [proposal.contact.name, proposal.contact.phone].filter(Boolean).join(' · ') : '')}
          ${row(t.t('form.description'), proposal.description ?? '', true)}
        </dl>
      </section>
      <section part="decision" class="section" aria-labelledby="decision-title">
        ${this.heading(t.t('decision.title'), 'decision-title', this.level + 1)}
        ${this.outcome.done?.form === 'decision' ? html`<p class="done" id="decision-done" tabindex="-1">${this.outcome.done.message}</p>` : nothing}
        ${proposal.status === 'submitted' ? this.renderDecisionForm() : this.renderDecision(proposal)}
      </section>`;
  }

  private renderDecision(proposal: CsrProposalStaff): TemplateResult {
    const t = this.localize;
    const decision = proposal.decision;
    return html`${decision
        ? html`<p id="decision-said">${decision.decision === 'approved' ? t.t('decision.approvedWith', decision.company?.name ?? '') : t.t('decision.rejected')}
            ${decision.note ? html`<q>${decision.note}</q>` : nothing} — ${decision.by}, ${t.dateTime(decision.at)}</p>`
        : nothing}
      ${proposal.status === 'approved'
        ? html`<p class="actions"><a part="button" class="button" id="make-program" href="#/${csrProgramsPage.id}/baru/usulan-${proposal.id}" @click=${(event: Event) => {
            event.preventDefault();
            this.context?.navigate(`${csrProgramsPage.id}/baru/usulan-${proposal.id}`);
          }}>${t.t('decision.makeProgram')}</a></p>`
        : nothing}
      ${proposal.status === 'funded' && proposal.programId
        ? html`<p><a id="funded-program" href="#/${csrProgramsPage.id}/${proposal.programId}" @click=${(event: Event) => {
            event.preventDefault();
            this.context?.navigate(`${csrProgramsPage.id}/${proposal.programId}`);
          }}>${t.t('decision.openProgram', proposal.programId)}</a></p>`
        : nothing}`;
  }

  private renderDecisionForm(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('common.errorPrefix');
    const draft = this.decision;
    const decisionError = this.fieldError('decision', 'decision-approve') ?? this.fieldError('decision', 'decision');
    const radio = (value: 'approve' | 'reject') => html`<div class="choice">
      <input part="input" class="radio" type="radio" id="decision-${value}" name="decision" value=${value} .checked=${draft.decision === value} aria-invalid=${decisionError ? 'true' : 'false'} />
      <label part="label" class="label" for="decision-${value}">${t.t(`decision.${value}`)}</label>
    </div>`;
    return html`${renderFormOutcome({ ...this.outcome, done: null }, 'decision', { title: t.t('common.summaryTitle'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate aria-labelledby="decision-title" @submit=${this.onDecide} @input=${this.onDecisionInput} @change=${this.onDecisionInput}>
        <fieldset part="field" class=${decisionError ? 'field group field--error' : 'field group'}>
          <legend part="label" class="legend">${t.t('decision.legend')}</legend>
          ${renderFieldError({ name: 'decision', error: decisionError, errorPrefix: prefix })}
          <div class="choices">${radio('approve')} ${radio('reject')}</div>
        </fieldset>
        ${draft.decision === 'approve'
          ? selectField({ name: 'companyId', label: t.t('decision.company'), hint: t.t('decision.companyHint'), value: draft.companyId, placeholder: t.t('common.pick'), options: this.companies.map((company) => ({ value: String(company.id), label: company.name })), error: this.fieldError('decision', 'companyId'), errorPrefix: prefix })
          : nothing}
        ${draft.decision
          ? textareaField({ name: 'note', label: draft.decision === 'reject' ? t.t('decision.reason') : t.t('decision.note'), hint: draft.decision === 'reject' ? t.t('decision.reasonHint') : undefined, value: draft.note, rows: 3, error: this.fieldError('decision', 'note'), errorPrefix: prefix })
          : nothing}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'decide' ? ck(t.lang)['ck.saving'] : t.t('decision.submit')}</button>
        </div>
      </form>`;
  }

  private renderNew(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('common.errorPrefix');
    const draft = this.proposal;
    const error = (field: string) => this.fieldError('proposal', field);
    const text = (name: keyof ProposalDraft, options: { type?: string; inputmode?: string; short?: boolean; hint?: string; autocomplete?: string } = {}) =>
      textField({ name, label: t.t(`form.${name}`), value: draft[name], error: error(name), errorPrefix: prefix, autocomplete: 'off', ...options });
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('new.title'))}
      <p class="intro">${t.t('new.intro')}</p>
      ${renderFormOutcome(this.outcome, 'proposal', { title: t.t('common.summaryTitle'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onSaveProposal} @input=${this.onProposalInput} @change=${this.onProposalInput}>
        ${text('title')}
        <div class="pair">
          ${selectField({ name: 'field', label: t.t('form.field'), value: draft.field, placeholder: t.t('common.pick'), options: this.fields.map((field) => ({ value: field.id, label: this.fieldName(field.id) })), error: error('field'), errorPrefix: prefix })}
          ${text('year', { inputmode: 'numeric', short: true })}
        </div>
        <div class="pair">${text('kecamatan')} ${text('desa')}</div>
        <div class="pair">
          ${rupiahField({ name: 'estimatedCost', label: t.t('form.estimatedCost'), value: draft.estimatedCost, error: error('estimatedCost'), errorPrefix: prefix, hint: t.t('common.rupiahHint'), shown: (shown) => t.t('common.rupiahShown', shown), unread: t.t('common.rupiahUnread'), locale: t.locale })}
          ${text('beneficiaries', { inputmode: 'numeric', short: true })}
        </div>
        <div class="pair">${text('proposer', { hint: t.t('form.proposerHint') })} ${text('submittedOn', { type: 'date' })}</div>
        <div class="pair">${text('contactName', { autocomplete: 'name' })} ${text('contactPhone', { type: 'tel', inputmode: 'tel' })}</div>
        ${textareaField({ name: 'description', label: t.t('form.description'), value: draft.description, rows: 3, error: error('description'), errorPrefix: prefix })}
        <div class="actions"><button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'save' ? ck(t.lang)['ck.saving'] : t.t('new.submit')}</button></div>
      </form>
    </section>`;
  }
}

/** The copy's type, for tests that read a message. */
export type { CsrProposalsMessages };
