/**
 * `<opd-service-satisfaction>`: Layanan's satisfaction survey (SKM, PermenPAN-RB 14/2017) in the
 * staff console — codes for the counter, the index (IKM) per year, the citizens' suggestions.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { services, type ServicesNamespace, type SurveySuggestions } from '../../../src/namespaces/services.js';
import type { FieldError } from '../../../src/schemas/common.js';
import type { IkmFigure, SatisfactionReport } from '../../../src/schemas/services.js';
import type { ServiceStaff, SurveyTokenBatch } from '../../../src/schemas/services-staff.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../console/kit/failure.js';
import { FormMemory, formValues, outcomeFieldError, renderFormOutcome, summaryErrors, type FormOutcome } from '../../console/kit/forms.js';
import { OpdNamespace } from '../../console/kit/opd-namespace.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { copyText } from '../../shared/clipboard.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { selectField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { id, type ServiceSatisfactionMessages } from './i18n/id.js';
import { serviceSatisfactionStyles } from './service-satisfaction.styles.js';

/** Which form a message belongs to. */
type Form = 'tokens' | 'report';

const TOKEN_FIELDS = ['service', 'count', 'validDays'] as const;

/** A whole number as typed, or the text itself (the SDK's check names it), or `undefined` when empty. */
function wholeOf(value: string | undefined): number | undefined {
  const typed = (value ?? '').trim();
  if (typed === '') return undefined;
  return /^\d+$/.test(typed) ? Number(typed) : (typed as unknown as number);
}

/**
 * One OPD's satisfaction survey, as its staff run it:
 *
 * - **Codes for the counter**: pick a service in force, how many codes (1–200) and for how many
 *   days; the codes the server issues are listed once, monospaced, to print (only the list
 *   prints) or copy. A citizen types one into `<opd-satisfaction-survey>`.
 * - **The index (IKM)** of a year, as `GET …/satisfaction` computes it: the OPD's IKM with its
 *   grade and category and the respondents, each service's, each element's mean, per semester
 *   and quarter, and the categories' ranges, with the rule that the rounded IKM is classified.
 * - **The suggestions** citizens wrote, read on request (the read is audited), with the service
 *   and quarter only.
 *
 * A refused form lists its problems in an error summary that takes focus and links to each
 * field. Calls go through the SDK's `services` namespace over the console's session.
 *
 * @summary An OPD's satisfaction survey (SKM) and index (IKM) in the staff console.
 *
 * @attr lang - `id` (default) or `en`; the console sets it.
 * @attr heading-level - The level of the page's headings (the console sets it one below its page title).
 *
 * @csspart base - The wrapper of everything.
 * @csspart tokens - The list of codes just made.
 * @csspart ikm - The OPD's index for the year.
 * @csspart services - The table of each service's index.
 * @csspart elements - The table of each element's score.
 * @csspart periods - The table of each semester's and quarter's index.
 * @csspart suggestions - The citizens' suggestions.
 * @csspart field - Every field; `label`, `hint`, `error` and `input` its pieces.
 * @csspart button - Every button.
 * @csspart notice - Messages.
 * @csspart error-summary - The list of problems above a refused form.
 *
 * @cssproperty --opd-font-size - The base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-color-primary - Buttons, links, the index's figure.
 * @cssproperty --opd-color-error - Refused fields.
 * @cssproperty --opd-color-success-surface - The codes just made.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdServiceSatisfaction extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, serviceSatisfactionStyles];

  static override properties: PropertyDeclarations = {
    list: { state: true, attribute: false },
    listError: { state: true, attribute: false },
    batch: { state: true, attribute: false },
    year: { state: true, attribute: false },
    report: { state: true, attribute: false },
    reportError: { state: true, attribute: false },
    suggestions: { state: true, attribute: false },
    suggestionsError: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private list: ServiceStaff[] | null = null;
  private listError = '';
  /** The codes just made, with the service's name. */
  private batch: (SurveyTokenBatch & { name: string }) | null = null;
  private year = new Date().getFullYear();
  private report: SatisfactionReport | null = null;
  private reportError = '';
  private suggestions: SurveySuggestions | 'loading' | null = null;
  private suggestionsError = '';
  private outcome: FormOutcome<Form> = { errors: null, done: null };
  private busy: 'tokens' | '' = '';

  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((module) => module.en) });
  readonly #namespace = new OpdNamespace(services, ({ opd, sameOpd }) => {
    if (!sameOpd) {
      this.list = null;
      this.batch = null;
      this.report = null;
      this.suggestions = null;
      this.outcome = { errors: null, done: null };
      this.#memory.forget();
    }
    if (opd) {
      void this.loadServices();
      void this.loadReport();
    }
  });
  get #api(): ServicesNamespace | null {
    return this.#namespace.api;
  }
  readonly #memory = new FormMemory();
  #reportRun = 0;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('context') && this.context) this.#namespace.follow(this.context);
  }

  private async loadServices(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    this.listError = '';
    try {
      this.list = (await api.opd.list()).filter((item) => item.inForce);
    } catch (error) {
      this.listError = failureMessage(error, this.localize);
    }
  }

  private async loadReport(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    const run = ++this.#reportRun;
    this.report = null;
    this.reportError = '';
    try {
      const report = await api.satisfaction(this.#namespace.opd, { year: this.year });
      if (run === this.#reportRun) this.report = report;
    } catch (error) {
      if (run === this.#reportRun) this.reportError = failureMessage(error, this.localize);
    }
  }

  private async showErrors(form: Form, errors: SummaryError[]): Promise<void> {
    this.outcome = { errors: { form, errors }, done: null };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  private summaryOf(problems: readonly FieldError[], order: readonly string[]): SummaryError[] {
    const t = this.localize;
    return summaryErrors(problems, order, (field, code, message) => t.lookup(`error.${field}.${code}`) ?? t.lookup(`error.${field}.invalid`) ?? message);
  }

  private readonly onMakeTokens = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const api = this.#api;
    if (!api || this.busy) return;
    const t = this.localize;
    const values = formValues(submit.target as HTMLFormElement);
    const service = values.service ?? '';
    this.outcome = { errors: null, done: null };
    if (!service) return this.showErrors('tokens', [{ field: 'service', message: t.t('error.service.required') }]);
    const count = wholeOf(values.count);
    if (count === undefined) return this.showErrors('tokens', [{ field: 'count', message: t.t('error.count.required') }]);
    const validDays = wholeOf(values.validDays);
    this.busy = 'tokens';
    try {
      const batch = await api.opd.issueTokens(service, validDays === undefined ? { count } : { count, validDays });
      const name = this.list?.find((item) => item.slug === service)?.inForce?.name ?? service;
      this.batch = { ...batch, name };
      const message = t.t('tokens.made', batch.tokens.length, name, this.localize.date(batch.expiresAt));
      this.outcome = { errors: null, done: { form: 'tokens', message } };
      this.context?.announce(message);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      await this.showErrors('tokens', fields?.length ? this.summaryOf(fields, TOKEN_FIELDS) : [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  };

  private readonly onYear = async (submit: SubmitEvent): Promise<void> => {
    submit.preventDefault();
    const typed = (formValues(submit.target as HTMLFormElement).year ?? '').trim();
    const year = Number(typed);
    this.outcome = { errors: null, done: null };
    if (!/^\d{4}$/.test(typed) || year < 2017 || year > 2100) return this.showErrors('report', [{ field: 'year', message: this.localize.t('error.year.invalid') }]);
    this.year = year;
    this.suggestions = null;
    await this.loadReport();
  };

  private async loadSuggestions(): Promise<void> {
    const api = this.#api;
    if (!api) return;
    this.suggestions = 'loading';
    this.suggestionsError = '';
    try {
      this.suggestions = await api.opd.suggestions({ year: this.year });
    } catch (error) {
      this.suggestions = null;
      this.suggestionsError = failureMessage(error, this.localize);
    }
  }

  private async copyAll(): Promise<void> {
    const list = this.renderRoot.querySelector('#token-list');
    if (!this.batch || !list) return;
    const copied = await copyText(this.batch.tokens.join('\n'), this.renderRoot as ShadowRoot, list);
    this.context?.announce(copied ? ck(this.localize.lang)['ck.copied'] : ck(this.localize.lang)['ck.copyFailed']);
  }

  // ——— words ———

  private heading(text: string, idName: string, level = this.level): TemplateResult {
    return html`<div role="heading" aria-level=${level} class="heading" id=${idName}>${text}</div>`;
  }

  private figure(value: number | null, digits: number): string {
    return value === null ? '—' : new Intl.NumberFormat(this.localize.locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }

  private grade(figure: Pick<IkmFigure, 'grade' | 'category'>): string {
    return figure.grade ? this.localize.t('report.gradeOf', figure.grade, figure.category ?? '') : '—';
  }

  // ——— rendering ———

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderTokens()} ${this.renderReport()} ${this.renderSuggestions()}</div>`;
  }

  private renderTokens(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const memory = this.#memory;
    const error = (field: string) => outcomeFieldError(this.outcome, 'tokens', field);
    const items = this.list;
    let form: TemplateResult;
    if (!items && this.listError) form = renderNotice({ message: this.listError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadServices(), look: 'secondary' } });
    else if (!items) form = html`<p class="muted">${ck(t.lang)['ck.loading']}</p>`;
    else if (items.length === 0) form = html`<p class="muted">${t.t('tokens.noServices')}</p>`;
    else {
      form = html`<form class="inline-form tokens-form" novalidate aria-labelledby="tokens-title" @submit=${this.onMakeTokens} @input=${memory.onInput} @change=${memory.onInput}>
        ${selectField({ name: 'service', label: t.t('tokens.service'), value: memory.value('service'), placeholder: t.t('tokens.pick'), options: items.map((item) => ({ value: item.slug, label: item.inForce?.name ?? item.slug })), error: error('service'), errorPrefix: prefix })}
        ${textField({ name: 'count', label: t.t('tokens.count'), hint: t.t('tokens.countHint'), value: memory.value('count', '20'), inputmode: 'numeric', short: true, autocomplete: 'off', error: error('count'), errorPrefix: prefix })}
        ${textField({ name: 'validDays', label: t.t('tokens.validDays'), hint: t.t('tokens.validDaysHint'), value: memory.value('validDays'), inputmode: 'numeric', short: true, autocomplete: 'off', error: error('validDays'), errorPrefix: prefix })}
        <button part="button" class="button" type="submit" ?disabled=${this.busy !== ''}>${this.busy ? t.t('tokens.sending') : t.t('tokens.submit')}</button>
      </form>`;
    }
    const batch = this.batch;
    return html`<section class="section no-print" aria-labelledby="tokens-title">
        ${this.heading(t.t('tokens.title'), 'tokens-title')}
        <p class="intro">${t.t('tokens.intro')}</p>
        ${renderFormOutcome(this.outcome, 'tokens', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })} ${form}
      </section>
      ${batch
        ? html`<section part="tokens" class="section token-sheet" aria-labelledby="token-sheet-title">
            ${this.heading(t.t('tokens.listLabel', batch.name), 'token-sheet-title', this.level + 1)}
            <div class="actions no-print">
              <button part="button" type="button" class="button button--secondary" id="print-tokens" @click=${() => window.print()}>${t.t('tokens.print')}</button>
              <button part="button" type="button" class="button button--secondary" id="copy-tokens" @click=${() => void this.copyAll()}>${t.t('tokens.copyAll')}</button>
            </div>
            <ol class="token-list" id="token-list">
              ${batch.tokens.map((token) => html`<li class="slip"><span class="slip-title">${t.t('tokens.slip', batch.name)}</span> <code class="token">${token}</code></li>`)}
            </ol>
          </section>`
        : nothing}`;
  }

  private renderReport(): TemplateResult {
    const t = this.localize;
    const report = this.report;
    let body: TemplateResult;
    if (!report && this.reportError) body = renderNotice({ message: this.reportError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadReport(), look: 'secondary' } });
    else if (!report) body = html`<p class="muted">${t.t('report.loading')}</p>`;
    else body = this.renderFigures(report);
    return html`<section class="section no-print" aria-labelledby="report-title">
      ${this.heading(t.t('report.title'), 'report-title')}
      ${renderFormOutcome(this.outcome, 'report', { title: t.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="inline-form" novalidate aria-labelledby="report-title" @submit=${this.onYear}>
        ${textField({ name: 'year', label: t.t('report.year'), value: String(this.year), inputmode: 'numeric', short: true, autocomplete: 'off', error: outcomeFieldError(this.outcome, 'report', 'year'), errorPrefix: t.t('error.prefix') })}
        <button part="button" class="button button--secondary" type="submit">${t.t('report.show')}</button>
      </form>
      ${body}
    </section>`;
  }

  private renderFigures(report: SatisfactionReport): TemplateResult {
    const t = this.localize;
    const overall = report.overall;
    const row = (name: string, figure: IkmFigure) =>
      html`<td class="number">${t.number(figure.respondents)}</td><td class="number">${this.figure(figure.mean, 4)}</td><td class="number">${this.figure(figure.ikm, 2)}</td><td>${this.grade(figure)}</td>`;
    const head = (first: string) =>
      html`<tr><th scope="col">${first}</th><th scope="col" class="number">${t.t('report.count')}</th><th scope="col" class="number">${t.t('report.mean')}</th><th scope="col" class="number">${t.t('report.ikm')}</th><th scope="col">${t.t('report.grade')}</th></tr>`;
    const table = (part: string, caption: string, content: TemplateResult) => html`<div part=${part} class="table-box" id="ikm-${part}" tabindex="0" role="region" aria-labelledby="${part}-caption">
      <table>
        <caption id="${part}-caption">${caption}</caption>
        ${content}
      </table>
    </div>`;
    return html`<div part="ikm" class="ikm" id="ikm-overall">
        <p class="ikm-label">${t.t('report.overall', report.opd.name, report.year)}</p>
        <p class="ikm-figure">${this.figure(overall.ikm, 2)} <span class="ikm-grade">${overall.grade ? this.grade(overall) : ''}</span></p>
        <p class="muted">${overall.respondents ? t.t('report.respondents', overall.respondents) : t.t('report.noResponses')}</p>
      </div>
      <p class="intro muted" id="ikm-rounding">${t.t('report.rounding')}</p>
      <p class="muted categories">${t.t('report.categories')}: ${report.categories.map((c) => `${c.grade} ${this.figure(c.min, 2)}–${this.figure(c.max, 2)} (${c.name})`).join('; ')}</p>
      ${table(
        'services',
        t.t('report.servicesCaption'),
        html`<thead>${head(t.t('report.service'))}</thead>
          <tbody>
            ${report.services.map((service) => html`<tr id="ikm-service-${service.slug}"><th scope="row">${service.name}</th>${row(service.name, service)}</tr>`)}
          </tbody>`,
      )}
      ${table(
        'elements',
        t.t('report.elementsCaption'),
        html`<thead><tr><th scope="col">${t.t('report.element')}</th><th scope="col" class="number">${t.t('report.mean')}</th><th scope="col" class="number">${t.t('report.ikm')}</th></tr></thead>
          <tbody>
            ${report.elements.map((element) => html`<tr><th scope="row">${element.name}</th><td class="number">${this.figure(element.mean, 4)}</td><td class="number">${this.figure(element.ikm, 2)}</td></tr>`)}
          </tbody>`,
      )}
      ${table(
        'periods',
        t.t('report.periodsCaption'),
        html`<thead>${head(t.t('report.period'))}</thead>
          <tbody>
            ${report.semesters.map((period) => html`<tr><th scope="row">${t.t('report.semester', period.period)}</th>${row('', period)}</tr>`)}
            ${report.quarters.map((period) => html`<tr><th scope="row">${t.t('report.quarter', period.period)}</th>${row('', period)}</tr>`)}
          </tbody>`,
      )}`;
  }

  private renderSuggestions(): TemplateResult {
    const t = this.localize;
    const shown = this.suggestions;
    const names = new Map((this.report?.services ?? []).map((service) => [service.slug, service.name]));
    let body: TemplateResult | typeof nothing = nothing;
    if (shown === 'loading') body = html`<p class="muted">${t.t('suggestions.loading')}</p>`;
    else if (shown && shown.data.length === 0) body = html`<p class="muted" id="suggestions-status">${t.t('suggestions.none', shown.year)}</p>`;
    else if (shown) {
      body = html`<p class="muted" id="suggestions-status">${t.t('suggestions.count', shown.data.length, shown.year)}</p>
        <ul part="suggestions" class="suggestions" id="suggestion-list">
          ${shown.data.map((item) => html`<li class="suggestion"><span class="muted small">${t.t('suggestions.meta', names.get(item.service) ?? item.service, item.quarter)}</span><q class="suggestion-text">${item.text}</q></li>`)}
        </ul>`;
    }
    return html`<section class="section no-print" aria-labelledby="suggestions-title">
      ${this.heading(t.t('suggestions.title'), 'suggestions-title')}
      <p class="intro">${t.t('suggestions.intro')}</p>
      ${this.suggestionsError ? renderNotice({ message: this.suggestionsError, tone: 'warning', alert: true }) : nothing}
      ${shown && shown !== 'loading' && shown.year === this.year
        ? nothing
        : html`<p class="actions"><button part="button" type="button" class="button button--secondary" id="show-suggestions" ?disabled=${shown === 'loading'} @click=${() => void this.loadSuggestions()}>${t.t('suggestions.show', this.year)}</button></p>`}
      ${body}
    </section>`;
  }
}

/** The copy's type, for tests that read a message. */
export type { ServiceSatisfactionMessages };
