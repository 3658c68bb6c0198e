/**
 * `<opd-satisfaction-survey>`: the public satisfaction survey (SKM) a citizen fills after a service.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import * as z from 'zod/mini';
import { ApiError, NetworkError, TimeoutError, ValidationError } from '../../src/errors.js';
import { citizenServices, type SurveyReceipt } from '../../src/namespaces/citizen-services.js';
import type { FieldError } from '../../src/schemas/common.js';
import { surveyToken, type Service, type SurveyModel } from '../../src/schemas/services.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError } from '../shared/error-detail.js';
import { focusTemporarily } from '../shared/error-summary.js';
import { renderFieldError, textareaField, textField } from '../shared/fields.js';
import { FormController } from '../shared/form-controller.js';
import { renderFormNotice } from '../shared/form-notice.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { deviceStorage } from '../shared/storage.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdSurveySubmittedDetail } from './events.js';
import { id } from './i18n/id.js';
import { satisfactionSurveyStyles } from './satisfaction-survey.styles.js';

export type { OpdSurveySubmittedDetail };

/** What the citizen enters: the code, one `score-<element>` per element of the model (`'1'`…`'4'`, `''` unanswered), the suggestion. */
export type SurveyFormValues = Record<string, string>;

/** What the thank-you shows: the receipt, or `null` when an earlier send of ours had recorded the answers (the code came back used). */
export interface SurveyResult {
  receipt: SurveyReceipt | null;
}

/** The most characters a suggestion may have (the schema's). */
const SUGGESTION_MAX = 1000;

/** A score's field name for an element id. */
const scoreField = (element: string): string => `score-${element}`;

/** A code as the server compares it: upper case, no hyphens or spaces (for remembering our own attempt). */
const normalized = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

type Survey =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; model: SurveyModel; service: Service }
  | { state: 'unknown-service' }
  | { state: 'unavailable' }
  | { state: 'offline' }
  | { state: 'rate-limited'; retryAfter: number }
  | { state: 'failed'; requestId: string };

/**
 * The public satisfaction survey (*Survei Kepuasan Masyarakat*, PermenPAN-RB 14/2017) for one
 * service of an OPD, filled by a citizen after the service with the one-use code from the
 * counter's slip: the code (from the `token` attribute, from `?kode=` in the page's address —
 * the link or QR code a slip carries — or typed), every element of the survey model in force
 * as a radio group with the model's question and answers (elements, scale and words are the
 * API's data), and an optional anonymous suggestion. The form behaves as the consultation
 * form does: an error summary that takes focus and names each unanswered element, the answers
 * kept on the device through errors, lost connections and reloads until they are recorded. A
 * code used before says so — and when it was our own earlier send whose answer never came
 * back, that the answers are recorded; an expired code or another service's is named on the
 * code field, and nothing chosen is lost. Then a thank-you naming the service.
 *
 * ```html
 * <opd-satisfaction-survey api="https://layanan.example-kab.go.id" opd="disdukcapil" service="ktp-el"></opd-satisfaction-survey>
 * ```
 *
 * @summary Rate a service with the nine SKM elements and a one-use survey code.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The OPD's slug, e.g. `disdukcapil` (required).
 * @attr service - The service's slug within the OPD, e.g. `ktp-el` (required).
 * @attr token - The survey code, when the page has it (else `?kode=` of the page's address, else typed).
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the widget's headings (default 2).
 *
 * @event opd-survey-submitted - The answers were recorded. `detail: { opd, service, year, semester, quarter }`; no code, no scores.
 * @event opd-error - Something failed and the citizen was told. `detail: { code, action: 'load-survey' | 'submit', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The `<form>`.
 * @csspart field - Each field's wrapper and each element's `<fieldset>`.
 * @csspart label - Each label and legend.
 * @csspart hint - Each hint (the code's, an element's question, the suggestion's note).
 * @csspart input - The code, each radio button and the suggestion.
 * @csspart option - Each answer (its radio button and words).
 * @csspart error - Each inline error message.
 * @csspart error-summary - The "Ada masalah" box at the top.
 * @csspart notice - Loading, the draft, the connection or the server.
 * @csspart button - Every button.
 * @csspart success - The thank-you panel.
 *
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-line-height - Default `1.5`.
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Hints.
 * @cssproperty --opd-color-surface - Field and panel background.
 * @cssproperty --opd-color-surface-alt - A chosen answer's background.
 * @cssproperty --opd-color-border - Field borders.
 * @cssproperty --opd-color-primary - Buttons, a chosen answer's border.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-success - The thank-you's border.
 * @cssproperty --opd-color-success-surface - The thank-you's background.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdSatisfactionSurvey extends OpdElement {
  static override styles = [themeStyles, controlStyles, satisfactionSurveyStyles];

  static override properties: PropertyDeclarations = {
    service: {},
    token: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    survey: { state: true, attribute: false },
  };

  /** The service's slug within the OPD, e.g. `ktp-el`. */
  service = '';

  /** The survey code when the page has it; else `?kode=` of the page's address; else the citizen types it. */
  token = '';

  /** The level of the widget's headings (2 by default). */
  headingLevel = 2;

  private survey: Survey = { state: 'idle' };

  get #level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  readonly #localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  readonly #clients = new ClientController(this, { services: citizenServices });
  /** The form, made when the model arrives: its fields and empty values follow the model. */
  #form: FormController<SurveyFormValues, SurveyResult> | undefined;

  #abort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.survey.state === 'loading') void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('opd') || changed.has('api') || changed.has('service')) void this.#load();
  }

  /** The code the page gives: the attribute, else `?kode=` of the address. */
  get #givenToken(): string {
    if (this.token) return this.token;
    try {
      return new URL(location.href).searchParams.get('kode') ?? '';
    } catch {
      return '';
    }
  }

  /** Loads the survey model and the service (for its name). */
  async #load(): Promise<void> {
    this.#abort?.abort();
    if (!this.opd || !this.service) {
      this.survey = { state: 'idle' };
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    const signal = abort.signal;
    this.survey = { state: 'loading' };
    const services = this.#clients.client.services;
    try {
      const [model, service] = await Promise.all([services.surveyModel({ signal }), services.get(this.opd, this.service, { signal })]);
      if (signal.aborted) return;
      this.#useModel(model);
      this.survey = { state: 'ready', model, service };
    } catch (error) {
      if (signal.aborted) return;
      const reading = readError(error);
      this.survey =
        reading.kind === 'not-found' || reading.kind === 'fields'
          ? { state: 'unknown-service' }
          : reading.kind === 'unavailable'
            ? { state: 'unavailable' }
            : reading.kind === 'offline'
              ? { state: 'offline' }
              : reading.kind === 'rate-limited'
                ? { state: 'rate-limited', retryAfter: reading.retryAfter }
                : { state: 'failed', requestId: reading.requestId };
      const code = this.survey.state === 'unknown-service' ? 'config' : reading.code;
      this.emit('opd-error', opdErrorDetail(error, 'load-survey', code));
    }
  }

  /** The form for `model`: a field per element between the code and the suggestion, checked against the model's scale. */
  #useModel(model: SurveyModel): void {
    const scores = model.elements.map((element) => scoreField(element.id));
    const values = model.scale.map((step) => String(step.value));
    const schema = z.object({
      token: surveyToken,
      ...Object.fromEntries(scores.map((field) => [field, z.enum(values as [string, ...string[]])])),
      suggestion: z.string().check(z.trim(), z.maxLength(SUGGESTION_MAX)),
    });
    if (this.#form) this.removeController(this.#form);
    this.#form = new FormController<SurveyFormValues, SurveyResult>(this, {
      widget: 'satisfaction-survey',
      // The draft belongs to the OPD's service.
      opd: () => `${this.opd}/${this.service}`,
      fields: ['token', ...scores, 'suggestion'],
      initial: { token: this.#givenToken, ...Object.fromEntries(scores.map((field) => [field, ''])), suggestion: '' },
      schema,
      // The draft's key goes with every send of these answers: a send again after a lost answer gets the first receipt back.
      submit: (input, idempotencyKey) => this.#submit(input, idempotencyKey),
      storedResult: (stored) => (typeof stored === 'object' && stored !== null && 'year' in stored ? { receipt: stored as SurveyReceipt } : null),
      localize: this.#localize,
      label: (field) => this.#label(field),
      errorMessage: (field, error) => this.#errorMessage(field, error),
      counted: { suggestion: { max: SUGGESTION_MAX, trimmed: true } },
      canSend: () => this.survey.state === 'ready',
      received: (result) => this.#received(result),
      sent: () => this.#sent(),
    });
  }

  /** Where this service's last unanswered send is remembered (its code), for a 409 that answers our own retry. */
  get #attemptKey(): string {
    return `opd-kit:survey-attempt:${this.opd}/${this.service}`;
  }

  /** Sends the answers; refusals of the code become the code field's errors, so nothing chosen is lost. */
  async #submit(values: SurveyFormValues, idempotencyKey: string): Promise<SurveyResult> {
    const survey = this.survey;
    if (survey.state !== 'ready') throw new Error('the survey is not loaded');
    const code = values.token ?? '';
    const suggestion = (values.suggestion ?? '').trim();
    const scores = Object.fromEntries(survey.model.elements.map((element) => [element.id, Number(values[scoreField(element.id)])]));
    const storage = deviceStorage();
    try {
      const receipt = await this.#clients.client.services.answerSurvey(this.opd, this.service, { token: code, scores, ...(suggestion ? { suggestion } : {}) }, { idempotencyKey });
      storage?.removeItem(this.#attemptKey);
      return { receipt };
    } catch (error) {
      if (error instanceof NetworkError || error instanceof TimeoutError || (error instanceof ApiError && error.status >= 500)) {
        // The answer may be stored: a "used" on the next send of this code is our own.
        try {
          storage?.setItem(this.#attemptKey, normalized(code));
        } catch {
          // storage full or blocked: remembered for this page only is not possible; the citizen is told it was used
        }
        throw error;
      }
      if (error instanceof ApiError && (error.code === 'survey-token-used' || error.code === 'survey-token-expired')) {
        const ours = error.code === 'survey-token-used' && storage?.getItem(this.#attemptKey) === normalized(code);
        storage?.removeItem(this.#attemptKey);
        if (ours) return { receipt: null };
        const reason = error.code === 'survey-token-used' ? 'used' : 'expired';
        throw new ApiError({
          status: error.status,
          code: error.code,
          title: error.title,
          ...(error.detail ? { detail: error.detail } : {}),
          ...(error.requestId ? { requestId: error.requestId } : {}),
          fieldErrors: [{ path: 'token', message: error.detail ?? error.title, code: reason as FieldError['code'] }],
        });
      }
      // A score the server or the SDK names as `scores.<element>` is that element's radio group.
      if (error instanceof ValidationError || error instanceof ApiError) {
        const fieldErrors = error.fieldErrors.map((problem) => ({ ...problem, path: problem.path.replace(/^scores\./, 'score-') }));
        if (error instanceof ValidationError) throw new ValidationError(fieldErrors);
        storage?.removeItem(this.#attemptKey);
        throw new ApiError({
          status: error.status,
          code: error.code,
          title: error.title,
          ...(error.detail ? { detail: error.detail } : {}),
          ...(error.requestId ? { requestId: error.requestId } : {}),
          fieldErrors,
        });
      }
      throw error;
    }
  }

  #elementName(field: string): string | undefined {
    const survey = this.survey;
    if (survey.state !== 'ready' || !field.startsWith('score-')) return undefined;
    return survey.model.elements.find((element) => scoreField(element.id) === field)?.name;
  }

  #label(field: string): string {
    const t = this.#localize;
    if (field === 'token') return t.t('form.token');
    if (field === 'suggestion') return t.t('form.suggestion');
    return this.#elementName(field) ?? field;
  }

  /** Every unanswered or refused score names its element; the code's refusals by what the server said. */
  #errorMessage(field: string, error: FieldError): string | undefined {
    const t = this.#localize;
    const element = this.#elementName(field);
    if (element) return t.t('error.score', element);
    if (field === 'token' && error.code === 'notAllowed' && /another service/i.test(error.message)) return t.t('error.token.otherService');
    if (field === 'token' && error.code === 'tooSmall') return t.t('error.token.required');
    return undefined;
  }

  #received(result: SurveyResult): void {
    const receipt = result.receipt;
    this.emit('opd-survey-submitted', {
      opd: this.opd,
      service: this.service,
      year: receipt?.year ?? null,
      semester: receipt?.semester ?? null,
      quarter: receipt?.quarter ?? null,
    });
  }

  async #sent(): Promise<void> {
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#success-title'));
  }

  readonly #retry = (): void => {
    void this.#load();
  };

  protected override render(): TemplateResult {
    const survey = this.survey;
    const busy = survey.state === 'loading' || !!this.#form?.sending;
    return html`<div part="base" class="base" lang=${this.#localize.lang} aria-busy=${busy ? 'true' : 'false'}>
      ${this.#renderBody()}
      <div class="visually-hidden" role="status">${this.#form?.announcement ?? ''}</div>
    </div>`;
  }

  #renderBody(): TemplateResult | typeof nothing {
    const t = this.#localize;
    const survey = this.survey;
    const retry = { label: t.t('retry'), onClick: this.#retry, look: 'secondary' as const };
    if (!this.opd) return renderNotice({ message: t.t('config.missingOpd', t.t('config.thisWidget')), tone: 'error' });
    if (!this.service) return renderNotice({ message: t.t('config.missingService'), tone: 'error' });
    switch (survey.state) {
      case 'idle':
      case 'loading':
        return html`<div class="loading-frame"><p part="notice" class="loading" role="status">${t.t('loading')}</p></div>`;
      case 'unknown-service':
        return renderNotice({ message: t.t('unknownService', this.service), tone: 'error', alert: true, className: 'survey-notice' });
      case 'unavailable':
        return renderNotice({ message: t.t('unavailable'), tone: 'warning', className: 'survey-notice' });
      case 'offline':
        return renderNotice({ message: t.t('offline'), tone: 'warning', alert: true, className: 'survey-notice', action: retry });
      case 'rate-limited':
        return renderNotice({ message: t.t('rateLimited', t.wait(survey.retryAfter)), tone: 'warning', alert: true, className: 'survey-notice', action: retry });
      case 'failed':
        return renderNotice({ message: t.t('server.error', survey.requestId), tone: 'error', alert: true, className: 'survey-notice', action: retry });
      case 'ready':
        if (!this.#form) return nothing;
        return this.#form.result ? this.#renderThanks(survey.service, this.#form.result) : this.#renderForm(this.#form, survey.model, survey.service);
    }
  }

  #renderForm(form: FormController<SurveyFormValues, SurveyResult>, model: SurveyModel, service: Service): TemplateResult {
    const t = this.#localize;
    const values = form.values;
    const sending = form.sending;
    return html`
      <section class="survey" aria-labelledby="survey-title">
        <div role="heading" aria-level=${this.#level} class="heading" id="survey-title">${t.t('title')}</div>
        <p class="intro">${t.t('intro', service.name)}</p>
        ${form.errorSummary(this.#level + 1)}
        ${renderFormNotice(form, t, {
          restored: t.t('form.draftRestored'),
          offline: t.t('form.offline'),
          conflict: t.t('form.conflict'),
          unavailable: t.t('unavailable'),
          unsentChanges: () => t.t('form.stored'),
          sendAsNew: t.t('form.sendAsNew'),
        })}
        <form part="form" class="form" novalidate aria-busy=${sending ? 'true' : 'false'} @submit=${form.onSubmit} @input=${form.onInput}>
          ${textField({
            ...form.field('token'),
            label: t.t('form.token'),
            hint: t.t('form.tokenHint'),
            value: values.token ?? '',
            autocomplete: 'off',
            autocapitalize: 'characters',
            spellcheck: false,
            short: true,
          })}
          <ol class="elements">
            ${model.elements.map((element) => html`<li class="element">${this.#renderElement(form, model, element)}</li>`)}
          </ol>
          ${textareaField({
            ...form.field('suggestion'),
            label: t.t('form.suggestion'),
            hint: t.t('form.suggestionHint'),
            value: values.suggestion ?? '',
            rows: 4,
            count: form.count('suggestion'),
          })}
          <p class="source muted">${t.t('source', model.source)}</p>
          <div class="actions">
            <button part="button" class="button" type="submit" ?disabled=${sending} aria-busy=${sending ? 'true' : 'false'}>
              ${sending ? t.t('form.sending') : t.t('form.submit')}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  /** One element as a radio group: its number and name as the legend, its question as the hint, the model's answers. */
  #renderElement(form: FormController<SurveyFormValues, SurveyResult>, model: SurveyModel, element: SurveyModel['elements'][number]): TemplateResult {
    const name = scoreField(element.id);
    const props = form.field(name);
    const value = form.values[name] ?? '';
    const describedBy = [`${name}-hint`, props.error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return html`<fieldset
      part="field"
      class=${props.error ? 'field group scale field--error' : 'field group scale'}
      aria-describedby=${describedBy}
      aria-invalid=${props.error ? 'true' : nothing}
    >
      <legend part="label" class="legend" lang="id">${element.number}. ${element.name}</legend>
      <div part="hint" class="hint" id="${name}-hint" lang="id">${element.question}</div>
      ${renderFieldError(props)}
      <div class="options">
        ${model.scale.map((step, index) => {
          const checked = value === String(step.value);
          const optionId = index === 0 ? name : `${name}-${step.value}`;
          return html`<label part="option" class=${checked ? 'option option--checked' : 'option'} for=${optionId}>
            <input part="input" class="radio" type="radio" id=${optionId} name=${name} value=${String(step.value)} .checked=${live(checked)} />
            <span class="option-value" aria-hidden="true">${step.value}</span>
            <span class="option-label" lang="id">${element.answers[index] ?? step.label}</span>
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  #renderThanks(service: Service, result: SurveyResult): TemplateResult {
    const t = this.#localize;
    const receipt = result.receipt;
    return html`<section part="success" class="success" aria-labelledby="success-title">
      <div role="heading" aria-level=${this.#level} class="heading" id="success-title">${t.t('success.title')}</div>
      <p class="recorded">${t.t('success.recorded', service.name)}</p>
      ${receipt ? html`<p>${t.t('success.period', receipt.semester, receipt.year)}</p>` : html`<p>${t.t('success.earlier')}</p>`}
      <p class="muted">${t.t('success.anonymous')}</p>
    </section>`;
  }
}
