/**
 * `<opd-service-standards>`: Layanan in the staff console, for an OPD's staff — its services'
 * standards (PermenPAN-RB 15/2014) with their versions and effective days, the compliance gaps,
 * and the unit's service pledge.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import { services, type ServicesNamespace } from '../../../src/namespaces/services.js';
import type { FieldError } from '../../../src/schemas/common.js';
import { serviceCategories, type ComplianceReport, type ServiceComponent, type ServicePledge } from '../../../src/schemas/services.js';
import type { ServiceHistory, ServiceStaff, ServiceStandard } from '../../../src/schemas/services-staff.js';
import { ck, failureMessage, fieldErrorsOf, isOffline, renderOutsideConsole } from '../../console/kit/failure.js';
import { FormMemory, formValues, outcomeFieldError, renderFormOutcome, summaryErrors, type FormOutcome } from '../../console/kit/forms.js';
import { OpdNamespace } from '../../console/kit/opd-namespace.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { DraftController } from '../../shared/draft-controller.js';
import { focusField, focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { renderFieldError, selectField, textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { categoryName, componentName } from '../component-names.js';
import { serviceStandardsPage } from './console-page.js';
import { id, type ServiceStandardsMessages } from './i18n/id.js';
import { serviceStandardsStyles } from './service-standards.styles.js';
import {
  createInputOf,
  draftOfStandard,
  emptyStandard,
  fieldOfComponent,
  HOURS_ROWS,
  inputOfStandard,
  problemsOnStandard,
  STANDARD_FIELDS,
  type StandardDraft,
  type StandardField,
} from './standard-draft.js';

/** The page's views, by its route: the list, a new service, one service. */
type View = 'list' | 'new' | 'one';

/** Which form a message belongs to. */
type Form = 'standard' | 'pledge';

/** The pledge form's fields, in the summary's order. */
const PLEDGE_FIELDS = ['pledgeText', 'pledgeBy', 'pledgeOn'] as const;

/** What the device keeps while a standard is unsaved: each form's draft, by `new` or the service's slug. */
interface StoredDrafts {
  drafts: Record<string, StandardDraft>;
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * One OPD's service standards, as its staff keep them for the Ombudsman's compliance check:
 *
 * - **The list** (`#/layanan/standards`): each service with the version in force (what citizens
 *   see) and the one scheduled, and the components the regency's compliance checklist finds
 *   missing, each a link that opens the service at that component; the unit's service pledge
 *   (*maklumat pelayanan*), which the checklist counts for every service.
 * - **A new service** (`…/baru`): its slug and first standard — the six published components
 *   (requirements, procedure, time, cost in whole rupiah or free with its legal basis, product,
 *   complaint channels), online/offline, opening hours, location, and the eight the unit keeps.
 * - **One service** (`…/<slug>`, `…/<slug>/<component>`): the version in force and the one
 *   scheduled, its gaps, every version in a history table, and a new version (the whole
 *   standard, prefilled from the latest) with its effective day: a future day leaves citizens on
 *   the version in force until then.
 *
 * A refused form lists its problems in an error summary that takes focus and links to each
 * field; what was typed stays, on the page and on the device (a reload restores an unsaved
 * standard). Calls go through the SDK's `services` namespace over the console's session. Shown
 * by `<opd-console>`; outside a console it says so.
 *
 * @summary An OPD's service standards in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart views - The links between the list and a new service.
 * @csspart services - The table of the OPD's services.
 * @csspart gaps - The missing components of a service, as links.
 * @csspart versions - The in-force and scheduled versions of one service.
 * @csspart history - The table of every version.
 * @csspart pledge - The service pledge and its form.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the view shown.
 * @cssproperty --opd-color-error - Refused fields.
 * @cssproperty --opd-color-warning-surface - A scheduled version, a missing component.
 * @cssproperty --opd-color-success-surface - The version in force, a complete standard.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdServiceStandards extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, serviceStandardsStyles];

  static override properties: PropertyDeclarations = {
    view: { state: true, attribute: false },
    list: { state: true, attribute: false },
    listError: { state: true, attribute: false },
    compliance: { state: true, attribute: false },
    complianceError: { state: true, attribute: false },
    pledge: { state: true, attribute: false },
    current: { state: true, attribute: false },
    drafts: { state: true, attribute: false },
    restored: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private view: View = 'list';
  private list: ServiceStaff[] | null = null;
  private listError = '';
  private compliance: ComplianceReport | null = null;
  private complianceError = '';
  /** The OPD's pledge as last read or saved (`undefined`: not known yet). */
  private pledge: ServicePledge | null | undefined = undefined;
  /** The service open (its slug is in the route) and its history. */
  private current: { slug: string; history: ServiceHistory | null; error: string } | null = null;
  private drafts: Record<string, StandardDraft> = {};
  private restored = new Set<string>();
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: Form | '' = '';

  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  readonly #stored = new DraftController<StoredDrafts>(this, { widget: 'service-standards', opd: () => this.#namespace.opd });
  readonly #namespace = new OpdNamespace(services, ({ opd, sameOpd }) => {
    if (!sameOpd) this.resetForOpd();
    if (opd) void this.loadList();
  });
  get #api(): ServicesNamespace | null {
    return this.#namespace.api;
  }
  readonly #pledgeMemory = new FormMemory();
  #listRun = 0;
  #focusTitle = false;
  /** A field to focus once the view shows it (a compliance gap opened). */
  #focusField = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    this.#namespace.follow(this.context);
    this.followRoute(this.context.route);
  }

  private resetForOpd(): void {
    this.list = null;
    this.compliance = null;
    this.pledge = undefined;
    this.current = null;
    this.outcome = { errors: null, done: null };
    this.#pledgeMemory.forget();
    const stored = this.#namespace.opd ? this.#stored.load() : null;
    this.drafts = stored ? { ...stored.data.drafts } : {};
    this.restored = new Set(Object.keys(this.drafts));
  }

  /** Shows the view the route names: `[]`, `['baru']`, `[slug]`, `[slug, component]`. */
  private followRoute(route: readonly string[]): void {
    const [head, component] = route;
    const previous = this.view;
    if (head === 'baru') this.view = 'new';
    else if (head) {
      this.view = 'one';
      if (this.current?.slug !== head) {
        this.current = { slug: head, history: null, error: '' };
        this.outcome = { errors: null, done: null };
        if (this.#namespace.opd) void this.loadCurrent(head);
      }
      if (component) this.#focusField = component === 'pledge' ? '' : fieldOfComponent(component as ServiceComponent, this.drafts[head]);
    } else {
      this.view = 'list';
    }
    if (previous !== this.view) this.outcome = { errors: null, done: null };
  }

  private async loadList(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#listRun;
    this.listError = '';
    this.complianceError = '';
    const opd = this.#namespace.opd;
    const [listed, report] = await Promise.allSettled([api.opd.list(), api.compliance(opd)]);
    if (run !== this.#listRun) return;
    if (listed.status === 'fulfilled') {
      this.list = listed.value;
      const shown = listed.value.map((item) => item.inForce ?? item.upcoming).find(Boolean);
      if (this.pledge === undefined && shown) this.pledge = shown.pledge;
    } else this.listError = failureMessage(listed.reason, this.localize);
    if (report.status === 'fulfilled') this.compliance = report.value;
    else this.complianceError = this.localize.t('compliance.failed');
  }

  private async loadCurrent(slug: string): Promise<void> {
    const api = this.#api;
    if (!api) return;
    try {
      const history = await api.opd.history(slug);
      if (this.current?.slug !== slug) return;
      this.current = { slug, history, error: '' };
    } catch (error) {
      if (this.current?.slug !== slug) return;
      const missing = error instanceof ApiError && error.status === 404 && error.code !== 'module-disabled';
      this.current = { slug, history: null, error: missing ? this.localize.t('one.notFound', slug) : failureMessage(error, this.localize) };
    }
  }

  // ——— drafts ———

  private get draftKey(): string {
    return this.view === 'new' ? 'new' : (this.current?.slug ?? '');
  }

  /** The latest version of the open service (the scheduled one, else the one in force). */
  private get latest(): ServiceStandard | null {
    return this.current?.history?.versions[0] ?? null;
  }

  /** The form as typed, else from the latest version, else empty. */
  private get currentDraft(): StandardDraft {
    const typed = this.drafts[this.draftKey];
    if (typed) return typed;
    const latest = this.view === 'one' ? this.latest : null;
    return latest ? draftOfStandard(latest) : emptyStandard();
  }

  private setDraft(key: string, draft: StandardDraft | null): void {
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
    const draft = this.currentDraft;
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      const day = /^hours(\d)Day(\d)$/.exec(target.dataset.day ?? '');
      if (day) {
        const name = `hours${day[1]}Days` as StandardField;
        const days = new Set(draft[name].split(',').filter(Boolean).map(Number));
        if (target.checked) days.add(Number(day[2]));
        else days.delete(Number(day[2]));
        this.setDraft(this.draftKey, { ...draft, [name]: [...days].sort().join(',') });
      } else if (target.name === 'online' || target.name === 'offline') this.setDraft(this.draftKey, { ...draft, [target.name]: target.checked ? 'true' : '' });
      return;
    }
    if (!(STANDARD_FIELDS as readonly string[]).includes(target.name)) return;
    this.setDraft(this.draftKey, { ...draft, [target.name]: target.value });
  };

  private discardDraft(): void {
    this.setDraft(this.draftKey, null);
    this.outcome = { errors: null, done: null };
  }

  // ——— moving and telling ———

  private go(event: Event, route: string): void {
    event.preventDefault();
    this.#focusTitle = true;
    this.context?.navigate(route ? `${serviceStandardsPage.id}/${route}` : serviceStandardsPage.id, { keepFocus: true });
  }

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  /** A field's message in the page's language: its own for the code, else its label and the reason. */
  private fieldMessage(field: string, code: string, serverMessage: string): string {
    const t = this.localize;
    const own = t.lookup(`error.${field}.${code}`);
    if (own) return own;
    const label = t.lookup(`form.${field}`) ?? t.lookup(`pledge.${field}`) ?? (/^hours(\d)/.test(field) ? t.t('form.hours', Number(field.charAt(5)) + 1) : '');
    if (!label) return serverMessage;
    return t.t('error.field', label, t.lookup(`error.reason.${code}`) ?? t.t('error.reason.invalid'));
  }

  /** What a refusal of `form` says: its fields in the summary, else one sentence. */
  private async refused(form: Form, error: unknown, toFields: (problems: readonly FieldError[]) => SummaryError[]): Promise<void> {
    const t = this.localize;
    const fields = fieldErrorsOf(error);
    if (fields?.length) return this.showErrors(form, toFields(fields));
    await this.showErrors(form, [{ field: '', message: isOffline(error) && form === 'standard' ? t.t('error.offlineKept') : failureMessage(error, t) }]);
  }

  // ——— saving ———

  private readonly onSaveStandard = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const draft = this.currentDraft;
    const key = this.draftKey;
    const isNew = this.view === 'new';
    this.outcome = { errors: null, done: null };
    this.busy = 'standard';
    try {
      const saved = isNew ? await api.opd.create(createInputOf(draft)) : await api.opd.addVersion(this.current!.slug, inputOfStandard(draft));
      this.setDraft(key, null);
      const latest = saved.upcoming ?? saved.inForce;
      const message = isNew ? t.t('done.created', latest?.name ?? saved.slug) : t.t('done.version', saved.versions, this.day(draft.effectiveOn || (saved.inForce?.versionInfo.effectiveOn ?? '')));
      this.list = null;
      void this.loadList();
      this.current = { slug: saved.slug, history: null, error: '' };
      await this.loadCurrent(saved.slug);
      this.outcome = { errors: null, done: { form: 'standard', message } };
      this.context?.announce(message);
      if (isNew) {
        this.#focusTitle = true;
        this.context?.navigate(`${serviceStandardsPage.id}/${saved.slug}`, { keepFocus: true });
      }
    } catch (error) {
      await this.refused('standard', error, (problems) => summaryErrors(problemsOnStandard(problems, draft), STANDARD_FIELDS, (field, code, message) => this.fieldMessage(field, code, message)));
    } finally {
      this.busy = '';
    }
  };

  private readonly onSavePledge = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const values = formValues(submit.target as HTMLFormElement);
    this.outcome = { errors: null, done: null };
    this.busy = 'pledge';
    try {
      const saved = await api.opd.setPledge({ text: values.pledgeText ?? '', by: values.pledgeBy ?? '', on: values.pledgeOn ? values.pledgeOn : null });
      this.pledge = saved.pledge;
      this.#pledgeMemory.forget();
      const message = this.localize.t('pledge.saved');
      this.outcome = { errors: null, done: { form: 'pledge', message } };
      this.context?.announce(message);
      void this.loadList();
    } catch (error) {
      const paths: Record<string, string> = { text: 'pledgeText', by: 'pledgeBy', on: 'pledgeOn' };
      await this.refused('pledge', error, (problems) =>
        summaryErrors(
          problems.map((problem) => {
            const field = paths[problem.path] ?? problem.path;
            return { ...problem, path: field, code: (values[field] ?? '').trim() === '' && field !== 'pledgeOn' ? 'required' : (problem.code ?? 'invalid') };
          }),
          PLEDGE_FIELDS,
          (field, code, message) => this.fieldMessage(field, code, message),
        ),
      );
    } finally {
      this.busy = '';
    }
  };

  // ——— words ———

  private day(iso: string): string {
    return iso ? new Intl.DateTimeFormat(this.localize.locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`)) : '';
  }

  private heading(text: string, idName = 'view-title', level = this.level): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  private gapsOf(slug: string): ServiceComponent[] | null {
    return this.compliance?.items.find((item) => item.slug === slug)?.missing ?? null;
  }

  // ——— rendering ———

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusTitle && ((changed as Map<PropertyKey, unknown>).has('view') || changed.has('context') || (changed as Map<PropertyKey, unknown>).has('current'))) {
      this.#focusTitle = false;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#view-title'));
    }
    if (this.#focusField && this.view === 'one' && this.current?.history) {
      const field = this.#focusField;
      this.#focusField = '';
      this.#focusTitle = false;
      void this.updateComplete.then(() => focusField(this.renderRoot as ShadowRoot, field));
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    let body: TemplateResult;
    if (this.view === 'new') body = this.renderNew();
    else if (this.view === 'one') body = this.renderOne();
    else body = this.renderList();
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderViews()} ${body}</div>`;
  }

  private renderViews(): TemplateResult {
    const t = this.localize;
    const current = this.view === 'one' ? 'list' : this.view;
    const link = (view: View, route: string, label: string) =>
      html`<li><a class="view-link" href="#/${serviceStandardsPage.id}${route ? `/${route}` : ''}" aria-current=${current === view ? 'page' : nothing} @click=${(event: Event) => this.go(event, route)}>${label}</a></li>`;
    return html`<nav part="views" class="views" aria-label=${t.t('views.label')}>
      <ul>
        ${link('list', '', t.t('views.list'))} ${link('new', 'baru', t.t('views.new'))}
      </ul>
    </nav>`;
  }

  private renderGaps(slug: string, name: string, missing: readonly ServiceComponent[]): TemplateResult {
    const t = this.localize;
    if (missing.length === 0) return html`<span class="tag tag--done">${t.t('list.complete')}</span>`;
    return html`<ul part="gaps" class="tags gaps">
      ${missing.map(
        (component) => html`<li>
          <a class="tag tag--warn gap" href="#/${serviceStandardsPage.id}/${slug}/${component}" data-component=${component} @click=${(event: Event) => this.openGap(event, slug, component)}
            >${componentName(component, t.lang)}<span class="visually-hidden"> (${t.t('compliance.gapLink', componentName(component, t.lang), name)})</span></a
          >
        </li>`,
      )}
    </ul>`;
  }

  private openGap(event: Event, slug: string, component: ServiceComponent): void {
    event.preventDefault();
    if (component === 'pledge') {
      if (this.view !== 'list') this.context?.navigate(serviceStandardsPage.id, { keepFocus: true });
      void this.updateComplete.then(() => focusField(this.renderRoot as ShadowRoot, 'pledgeText'));
      return;
    }
    if (this.view === 'one' && this.current?.slug === slug) {
      focusField(this.renderRoot as ShadowRoot, fieldOfComponent(component, this.currentDraft));
      return;
    }
    this.context?.navigate(`${serviceStandardsPage.id}/${slug}/${component}`, { keepFocus: true });
  }

  private renderList(): TemplateResult {
    const t = this.localize;
    const items = this.list;
    let list: TemplateResult;
    if (!items && this.listError) list = renderNotice({ message: this.listError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadList(), look: 'secondary' } });
    else if (!items) list = html`<p class="muted">${t.t('list.loading')}</p>`;
    else if (items.length === 0) list = html`<p class="muted empty">${t.t('list.none')}</p>`;
    else {
      list = html`<div part="services" class="table-box" tabindex="0" role="region" aria-labelledby="services-caption">
        <table>
          <caption id="services-caption">${t.t('list.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="name">${t.t('list.service')}</th>
              <th scope="col">${t.t('list.inForce')}</th>
              <th scope="col">${t.t('list.upcoming')}</th>
              <th scope="col" class="gaps-col">${t.t('list.gaps')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(
              items,
              (item) => item.slug,
              (item) => {
                const shown = item.inForce ?? item.upcoming;
                const name = shown?.name ?? item.slug;
                const missing = item.inForce ? this.gapsOf(item.slug) : null;
                return html`<tr id="service-${item.slug}">
                  <th scope="row" class="name">
                    <a href="#/${serviceStandardsPage.id}/${item.slug}" id="open-${item.slug}" @click=${(click: Event) => this.go(click, item.slug)}>${name}</a>
                    <span class="muted small">${shown ? categoryName(shown.category, t.lang) : ''} · ${item.slug}</span>
                  </th>
                  <td class="in-force">${item.inForce ? t.t('version.since', item.inForce.versionInfo.number, this.day(item.inForce.versionInfo.effectiveOn)) : html`<span class="tag tag--off">${t.t('list.notYet')}</span>`}</td>
                  <td class="upcoming">${item.upcoming ? html`<span class="tag tag--warn">${t.t('version.from', item.upcoming.versionInfo.number, this.day(item.upcoming.versionInfo.effectiveOn))}</span>` : t.t('list.noUpcoming')}</td>
                  <td class="gaps-col">${missing ? this.renderGaps(item.slug, name, missing) : '—'}</td>
                </tr>`;
              },
            )}
          </tbody>
        </table>
      </div>`;
    }
    const report = this.compliance;
    return html`<section class="section" aria-labelledby="view-title">
        ${this.heading(t.t('list.title', this.context?.opd?.name ?? ''))}
        <p class="intro">${t.t('list.intro')}</p>
        <p class="actions"><a part="button" class="button" id="add-service" href="#/${serviceStandardsPage.id}/baru" @click=${(event: Event) => this.go(event, 'baru')}>${t.t('views.new')}</a></p>
        ${report
          ? html`<p class="compliance-summary" id="compliance-summary">${t.t('compliance.summary', report.complete, report.services, t.number(report.percent))} <span class="muted">${t.t('compliance.checklist', report.checklist.name)}</span></p>`
          : this.complianceError
            ? renderNotice({ message: this.complianceError, tone: 'warning' })
            : nothing}
        <p class="muted status" role="status">${items ? t.t('list.count', items.length) : ''}</p>
        ${list}
      </section>
      ${this.renderPledge()}`;
  }

  private renderPledge(): TemplateResult {
    const t = this.localize;
    const pledge = this.pledge ?? null;
    const memory = this.#pledgeMemory;
    const error = (field: string) => outcomeFieldError(this.outcome, 'pledge', field);
    const prefix = t.t('error.prefix');
    return html`<section part="pledge" class="section pledge" aria-labelledby="pledge-title">
      ${this.heading(t.t('pledge.title'), 'pledge-title', this.level + 1)}
      <p class="intro">${t.t('pledge.intro')}</p>
      ${pledge
        ? html`<blockquote class="pledge-text" id="pledge-current">${pledge.text}</blockquote>
            <p class="muted">${t.t('pledge.current', pledge.by, this.day(pledge.on ?? ''))}</p>`
        : this.pledge === null
          ? html`<p class="muted" id="pledge-current">${t.t('pledge.none')}</p>`
          : nothing}
      ${renderFormOutcome(this.outcome, 'pledge', { title: t.t('summary.title'), headingLevel: this.level + 2, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate aria-labelledby="pledge-title" @submit=${this.onSavePledge} @input=${memory.onInput}>
        ${textareaField({ name: 'pledgeText', label: t.t('pledge.pledgeText'), hint: t.t('pledge.pledgeTextHint'), value: memory.value('pledgeText', pledge?.text ?? ''), rows: 4, error: error('pledgeText'), errorPrefix: prefix })}
        <div class="pair">
          ${textField({ name: 'pledgeBy', label: t.t('pledge.pledgeBy'), value: memory.value('pledgeBy', pledge?.by ?? ''), autocomplete: 'off', error: error('pledgeBy'), errorPrefix: prefix })}
          ${textField({ name: 'pledgeOn', type: 'date', label: t.t('pledge.pledgeOn'), value: memory.value('pledgeOn', pledge?.on ?? ''), error: error('pledgeOn'), errorPrefix: prefix })}
        </div>
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'pledge' ? ck(t.lang)['ck.saving'] : t.t('pledge.save')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderNew(): TemplateResult {
    const t = this.localize;
    return html`<section class="section" aria-labelledby="view-title">
      ${this.heading(t.t('form.newTitle'))}
      <p class="intro">${t.t('form.newIntro')}</p>
      ${this.renderForm(true)}
    </section>`;
  }

  private renderOne(): TemplateResult {
    const t = this.localize;
    const back = html`<p class="back"><a href="#/${serviceStandardsPage.id}" id="back" @click=${(event: Event) => this.go(event, '')}>${t.t('one.back')}</a></p>`;
    const history = this.current?.history;
    if (!history) {
      return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(this.current?.slug ?? '')}
        ${this.current?.error ? renderNotice({ message: this.current.error, tone: 'warning', alert: true }) : html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`}
      </section>`;
    }
    const inForce = history.versions.find((version) => version.versionInfo.state === 'in-force') ?? null;
    const upcoming = history.versions.filter((version) => version.versionInfo.state === 'upcoming');
    const missing = inForce ? this.gapsOf(history.slug) : null;
    return html`<section class="section" aria-labelledby="view-title">
        ${back} ${this.heading(this.latest?.name ?? history.slug)}
        <ul part="versions" class="versions">
          <li class="version version--in-force" id="in-force">${inForce ? t.t('one.inForce', inForce.versionInfo.number, this.day(inForce.versionInfo.effectiveOn)) : t.t('one.noneInForce')}</li>
          ${upcoming
            .slice()
            .reverse()
            .map((version) => html`<li class="version version--upcoming" id="upcoming-${version.versionInfo.number}">${t.t('one.upcoming', version.versionInfo.number, this.day(version.versionInfo.effectiveOn))}</li>`)}
        </ul>
        ${missing
          ? html`<div class="gaps-box" id="gaps">
              <p class="gaps-title">${t.t('one.gapsTitle')}</p>
              ${missing.length ? this.renderGaps(history.slug, this.latest?.name ?? history.slug, missing) : html`<p class="muted">${t.t('one.noGaps')}</p>`}
              ${upcoming.length ? html`<p class="muted small">${t.t('one.gapsUpcoming')}</p>` : nothing}
            </div>`
          : nothing}
      </section>
      <section class="section" aria-labelledby="edit-title">
        ${this.heading(t.t('one.editTitle'), 'edit-title', this.level + 1)}
        <p class="intro">${t.t('one.editIntro')}</p>
        ${this.renderForm(false)}
      </section>
      ${this.renderHistory(history)}`;
  }

  private renderHistory(history: ServiceHistory): TemplateResult {
    const t = this.localize;
    return html`<section class="section" aria-labelledby="history-title">
      ${this.heading(t.t('history.title'), 'history-title', this.level + 1)}
      <div part="history" class="table-box" tabindex="0" role="region" aria-labelledby="history-caption">
        <table>
          <caption id="history-caption">${t.t('history.caption')}</caption>
          <thead>
            <tr><th scope="col" class="number">${t.t('history.number')}</th><th scope="col">${t.t('history.effective')}</th><th scope="col">${t.t('history.state')}</th><th scope="col">${t.t('history.by')}</th><th scope="col">${t.t('history.note')}</th></tr>
          </thead>
          <tbody>
            ${history.versions.map((version) => {
              const info = version.versionInfo;
              const tone = info.state === 'in-force' ? ' tag--done' : info.state === 'upcoming' ? ' tag--warn' : ' tag--off';
              return html`<tr id="version-${info.number}">
                <td class="number">${info.number}</td>
                <td class="when">${this.day(info.effectiveOn)}</td>
                <td><span class=${`tag${tone}`}>${t.t(`state.${info.state}`)}</span></td>
                <td>${info.createdBy ?? '—'}</td>
                <td class="note">${info.changeNote ?? '—'}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  /** The standard's form: a new service (`isNew`, with its slug) or a new version of the open one. */
  private renderForm(isNew: boolean): TemplateResult {
    const t = this.localize;
    const draft = this.currentDraft;
    const prefix = t.t('error.prefix');
    const error = (field: string) => outcomeFieldError(this.outcome, 'standard', field);
    const restored = this.restored.has(this.draftKey) && !!this.drafts[this.draftKey];
    const hint = (name: string) => t.lookup(`form.${name}Hint`);
    const label = (name: string) => t.lookup(`form.${name}`) ?? name;
    const text = (name: StandardField, options: { type?: string; short?: boolean; inputmode?: string } = {}) =>
      textField({ name, label: label(name), hint: hint(name), value: draft[name], error: error(name), errorPrefix: prefix, autocomplete: 'off', ...options });
    const area = (name: StandardField, rows = 3) => textareaField({ name, label: label(name), hint: hint(name), value: draft[name], rows, error: error(name), errorPrefix: prefix });
    const check = (name: 'online' | 'offline') => html`<div class="choice">
      <input part="input" class="checkbox" type="checkbox" id=${name} name=${name} .checked=${live(draft[name] === 'true')} aria-invalid=${error(name) ? 'true' : 'false'} />
      <label part="label" class="label" for=${name}>${t.t(`form.${name}`)}</label>
    </div>`;
    return html`${renderFormOutcome(this.outcome, 'standard', { title: t.t('summary.title'), headingLevel: this.level + (isNew ? 1 : 2), root: () => this.shadowRoot })}
      ${restored ? renderNotice({ message: t.t('form.restored'), id: 'restored', action: { label: t.t('form.discard'), onClick: () => this.discardDraft(), look: 'secondary' } }) : nothing}
      <form class="form-grid standard-form" novalidate @submit=${this.onSaveStandard} @input=${this.onFormInput} @change=${this.onFormInput}>
        ${isNew ? text('slug', { short: true }) : nothing} ${text('name')}
        ${selectField({ name: 'category', label: t.t('form.category'), value: draft.category, placeholder: t.t('form.pick'), options: serviceCategories.map((value) => ({ value, label: categoryName(value, t.lang) })), error: error('category'), errorPrefix: prefix })}
        ${area('summary', 2)}
        <fieldset part="field" class="field group">
          <legend part="label" class="legend">${t.t('form.publishedGroup')}</legend>
          ${area('requirements', 5)} ${area('procedure', 5)}
          <div class="pair">${text('durationText')} ${text('durationDays', { type: 'number', inputmode: 'numeric', short: true })}</div>
          ${selectField({ name: 'costFree', label: t.t('form.costFree'), value: draft.costFree, placeholder: t.t('form.pick'), options: [{ value: 'true', label: t.t('form.costFreeYes') }, { value: 'false', label: t.t('form.costFreeNo') }], error: error('costFree'), errorPrefix: prefix })}
          ${draft.costFree === 'false' ? html`<div class="pair">${text('costAmount', { inputmode: 'numeric', short: true })} ${text('costNote')}</div>` : nothing}
          ${text('costBasis')} ${text('product')} ${area('complaints', 3)}
        </fieldset>
        <fieldset part="field" class="field group">
          <legend part="label" class="legend">${t.t('form.channelsGroup')}</legend>
          <div part="field" class=${error('online') ? 'field field--error' : 'field'}>${renderFieldError({ name: 'online', error: error('online'), errorPrefix: prefix })} ${check('offline')} ${check('online')}</div>
          ${draft.online === 'true' ? text('onlineUrl') : nothing}
          ${Array.from({ length: HOURS_ROWS }, (_, row) => this.renderHours(row, draft))} ${text('hoursNote')}
          <div class="pair">${text('locationName')} ${text('locationAddress')}</div>
        </fieldset>
        <fieldset part="field" class="field group" aria-describedby="internal-hint">
          <legend part="label" class="legend">${t.t('form.internalGroup')}</legend>
          <div part="hint" class="hint" id="internal-hint">${t.t('form.internalHint')}</div>
          ${area('legalBasis', 3)} ${area('facilities')} ${area('facilitiesDisability')} ${area('competence')} ${area('internalOversight')}
          ${text('staffCount', { type: 'number', inputmode: 'numeric', short: true })} ${area('serviceGuarantee')} ${area('securityGuarantee')} ${area('performanceEvaluation')}
        </fieldset>
        <fieldset part="field" class="field group">
          <legend part="label" class="legend">${t.t('form.effectGroup')}</legend>
          ${text('effectiveOn', { type: 'date' })} ${text('changeNote')}
        </fieldset>
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy === 'standard' ? ck(t.lang)['ck.saving'] : isNew ? t.t('form.create') : t.t('form.saveVersion')}</button>
        </div>
      </form>`;
  }

  /** One set of opening hours: the weekdays ticked, opening and closing time. */
  private renderHours(row: number, draft: StandardDraft): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const days = new Set(draft[`hours${row}Days` as StandardField].split(',').filter(Boolean).map(Number));
    const daysField = `hours${row}Days`;
    const daysError = outcomeFieldError(this.outcome, 'standard', daysField);
    const time = (which: 'Opens' | 'Closes') => {
      const name = `hours${row}${which}` as StandardField;
      return textField({ name, type: 'time', short: true, label: t.t(`form.hours${which}`), value: draft[name], error: outcomeFieldError(this.outcome, 'standard', name), errorPrefix: prefix });
    };
    return html`<fieldset part="field" class="field group hours" id="hours-${row}">
      <legend part="label" class="legend">${t.t('form.hours', row + 1)}</legend>
      ${renderFieldError({ name: daysField, error: daysError, errorPrefix: prefix })}
      <div class="weekdays" role="group" aria-label=${`${t.t('form.hours', row + 1)}: ${t.t('form.hoursDays')}`}>
        ${WEEKDAYS.map((day) => {
          const idName = day === 1 ? daysField : `${daysField}-${day}`;
          return html`<span class="choice">
            <input part="input" class="checkbox" type="checkbox" id=${idName} data-day="hours${row}Day${day}" .checked=${live(days.has(day))} />
            <label part="label" class="label" for=${idName}>${t.t(`day.${day}`)}</label>
          </span>`;
        })}
      </div>
      <div class="pair">${time('Opens')} ${time('Closes')}</div>
    </fieldset>`;
  }
}

/** The copy's type, for tests that read a message. */
export type { ServiceStandardsMessages };
