/**
 * `<opd-consultation-form>`: a citizen asks an OPD a question (SIAP) and gets a tracking code.
 *
 * @module
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  ApiError,
  NetworkError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  type ConsultationCreateInput,
  type ConsultationReceipt,
  type FieldError,
  type Opd,
} from '../../src/index.js';
import { consultationCreate, MESSAGE_MAX_LENGTH, toFieldErrors } from '../../src/schemas/index.js';
import { consultations } from '../../src/namespaces/consultations.js';
import { ClientController } from '../shared/client-controller.js';
import { DraftController } from '../shared/draft-controller.js';
import {
  focusField,
  focusTemporarily,
  renderErrorSummary,
  type SummaryError,
} from '../shared/error-summary.js';
import { opdErrorCode, opdErrorDetail } from '../shared/error-detail.js';
import type { OpdErrorCode } from '../shared/events.js';
import { LocalizeController, type PlainMessageKey } from '../shared/localize.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { consultationFormStyles } from './consultation-form.styles.js';

/** What the citizen enters; also the shape of the stored draft. */
export interface ConsultationFormValues {
  name: string;
  email: string;
  phone: string;
  category: string;
  subject: string;
  message: string;
  consent: boolean;
}

type FieldName = keyof ConsultationFormValues;

/** The fields in the order the form shows them (the error summary follows it). */
const FIELD_ORDER: readonly FieldName[] = ['name', 'email', 'phone', 'category', 'subject', 'message', 'consent'];

const FIELD_LABELS: Record<FieldName, PlainMessageKey> = {
  name: 'form.name',
  email: 'form.email',
  phone: 'form.phone',
  category: 'form.category',
  subject: 'form.subject',
  message: 'form.message',
  consent: 'form.consent',
};

const EMPTY: ConsultationFormValues = {
  name: '',
  email: '',
  phone: '',
  category: '',
  subject: '',
  message: '',
  consent: false,
};

/** Milliseconds of quiet typing before the remaining characters are announced. */
const COUNT_ANNOUNCE_DELAY = 1000;

type Notice =
  | { kind: 'restored' }
  | { kind: 'discarded' }
  | { kind: 'offline' }
  | { kind: 'rate-limited'; retryAfter: number }
  | { kind: 'server'; requestId: string }
  | { kind: 'conflict' }
  | { kind: 'unavailable' };

type Catalog =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; opd: Opd }
  | { state: 'failed' }
  | { state: 'unavailable' };

function isBlank(values: ConsultationFormValues): boolean {
  return FIELD_ORDER.every((field) => values[field] === EMPTY[field]);
}

/** Keeps only known fields of the right type from a stored draft. */
function fromDraft(data: unknown): ConsultationFormValues {
  const stored = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const values = { ...EMPTY };
  for (const field of FIELD_ORDER) {
    const value = stored[field];
    if (field === 'consent') values.consent = value === true;
    else if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/**
 * A citizen's question to an OPD (SIAP). Native fields with labels and hints, a GOV.UK error
 * summary, a draft kept on the device until the question is sent, a safe resend when the
 * connection drops (one idempotency key per draft: the OPD never gets the question twice),
 * and a receipt with the tracking code.
 *
 * ```html
 * <script type="module" src="https://layanan.example-kab.go.id/cdn/opd-kit.js"></script>
 * <opd-consultation-form api="https://layanan.example-kab.go.id" opd="bpkad"></opd-consultation-form>
 * ```
 *
 * @summary Ask an OPD a question and receive a tracking code.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The OPD's slug, e.g. `bpkad` (required).
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the widget's headings (default 2), to fit the page's outline.
 *
 * @event opd-submitted - The question was received. `detail: { trackingCode, opd }`; never personal data.
 * @event opd-error - Something failed and the citizen was told. `detail: { code, action, requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The `<form>`.
 * @csspart field - Each field's wrapper (label, hint, error, control).
 * @csspart label - Each label and the contact group's legend.
 * @csspart hint - Each hint, and the character count.
 * @csspart input - Each input, select and textarea.
 * @csspart error - Each inline error message.
 * @csspart error-summary - The "Ada masalah" box at the top.
 * @csspart notice - Messages about the draft, the connection or the server.
 * @csspart button - Every button.
 * @csspart success - The receipt panel shown after sending.
 * @csspart tracking-code - The tracking code on the receipt.
 *
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-font-family-mono - The tracking code's font.
 * @cssproperty --opd-line-height - Default `1.5`.
 * @cssproperty --opd-color-text - Body text. Default `#1b1f24`.
 * @cssproperty --opd-color-muted - Hints. Default `#4a5560`.
 * @cssproperty --opd-color-surface - Field and panel background. Default `#ffffff`.
 * @cssproperty --opd-color-border - Field borders. Default `#5f6b76`.
 * @cssproperty --opd-color-primary - Buttons and links. Default `#0b5cab`.
 * @cssproperty --opd-color-primary-hover - Buttons on hover.
 * @cssproperty --opd-color-on-primary - Text on primary buttons. Default `#ffffff`.
 * @cssproperty --opd-color-secondary - Secondary buttons. Default `#e8ecef`.
 * @cssproperty --opd-color-on-secondary - Text on secondary buttons.
 * @cssproperty --opd-color-error - Errors. Default `#b3261e`.
 * @cssproperty --opd-color-success - The receipt's border. Default `#1d6b3a`.
 * @cssproperty --opd-color-success-surface - The receipt's background.
 * @cssproperty --opd-color-info-surface - Notices' background.
 * @cssproperty --opd-color-warning-surface - Warnings' background.
 * @cssproperty --opd-color-warning-border - Warnings' border.
 * @cssproperty --opd-color-focus - The focus ring. Default `#ffbf47`.
 * @cssproperty --opd-color-focus-text - Text on the focus colour. Default `#0b0c0c`.
 * @cssproperty --opd-radius - Button corners. Default `0.25em`.
 * @cssproperty --opd-space - The spacing unit. Default `1em`.
 */
export class OpdConsultationForm extends OpdElement {
  static override styles = [themeStyles, controlStyles, consultationFormStyles];

  /** The level of the widget's headings (2 by default), so they fit the page's outline. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** {@link headingLevel} kept within 1–6. */
  private get level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  @state() private values: ConsultationFormValues = { ...EMPTY };
  /** The rejected fields, one per field in form order; translated at render time, so `lang` may change. */
  @state() private problems: FieldError[] = [];
  @state() private notice: Notice | null = null;
  @state() private sending = false;
  @state() private receipt: ConsultationReceipt | null = null;
  @state() private catalog: Catalog = { state: 'idle' };
  @state() private announcement = '';
  @state() private copyStatus = '';

  private readonly localize = new LocalizeController(this);
  private readonly clients = new ClientController(this, { consultations });
  private readonly draft = new DraftController<ConsultationFormValues>(this, {
    widget: 'consultation-form',
    opd: () => this.opd,
  });

  #catalogAbort: AbortController | undefined;
  #countTimer: ReturnType<typeof setTimeout> | undefined;
  #waitingForOnline = false;
  readonly #onOnline = (): void => {
    if (this.notice?.kind === 'offline' && !this.sending) void this.send();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#waitingForOnline) globalThis.addEventListener('online', this.#onOnline);
    // Reconnected after a removal: reload what the removal cancelled.
    if (this.hasUpdated && this.catalog.state === 'loading') void this.loadCatalog();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#catalogAbort?.abort();
    clearTimeout(this.#countTimer);
    globalThis.removeEventListener('online', this.#onOnline);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('opd')) this.restoreDraft();
    if (changed.has('opd') || changed.has('api')) void this.loadCatalog();
  }

  /** Puts the stored draft of this OPD back into an untouched form. */
  private restoreDraft(): void {
    if (!this.opd || this.receipt || !isBlank(this.values)) return;
    const stored = this.draft.load();
    if (!stored) return;
    const values = fromDraft(stored.data);
    if (isBlank(values)) return;
    this.values = values;
    this.notice = { kind: 'restored' };
  }

  /** Loads the OPD with its consultation categories. */
  private async loadCatalog(): Promise<void> {
    this.#catalogAbort?.abort();
    if (!this.opd) {
      this.catalog = { state: 'idle' };
      return;
    }
    const abort = new AbortController();
    this.#catalogAbort = abort;
    this.catalog = { state: 'loading' };
    try {
      const opd = await this.clients.client.opds.get(this.opd, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.catalog = opd.modules.includes('siap') ? { state: 'ready', opd } : { state: 'unavailable' };
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof ApiError && error.status === 404) {
        this.catalog = { state: 'unavailable' };
        this.reportError('unavailable', 'load-categories', error);
      } else {
        this.catalog = { state: 'failed' };
        this.reportError(opdErrorCode(error), 'load-categories', error);
      }
    }
  }

  private reportError(code: OpdErrorCode, action: string, error: unknown): void {
    this.emit('opd-error', opdErrorDetail(error, action, code));
  }

  private readonly onInput = (event: Event): void => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    const name = target.name as FieldName;
    if (!FIELD_ORDER.includes(name)) return;
    const value = target instanceof HTMLInputElement && target.type === 'checkbox' ? target.checked : target.value;
    this.values = { ...this.values, [name]: value };
    if (isBlank(this.values)) this.draft.clear();
    else this.draft.save(this.values);
    if (name === 'message') this.scheduleCountAnnouncement();
  };

  private scheduleCountAnnouncement(): void {
    clearTimeout(this.#countTimer);
    this.#countTimer = setTimeout(() => {
      this.announcement = this.countText();
    }, COUNT_ANNOUNCE_DELAY);
  }

  private countText(): string {
    const left = MESSAGE_MAX_LENGTH - this.values.message.length;
    return left >= 0 ? this.localize.t('form.countLeft', left) : this.localize.t('form.countOver', -left);
  }

  /** The SDK input: trimmed-empty optional contacts are left out. */
  private toInput(): ConsultationCreateInput {
    const { name, email, phone, category, subject, message, consent } = this.values;
    return {
      name,
      ...(email.trim() ? { email } : {}),
      ...(phone.trim() ? { phone } : {}),
      category,
      subject,
      message,
      consent: consent as true,
    };
  }

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.send();
  };

  /** Checks and sends the question; safe to call again (it reuses the draft's idempotency key). */
  private async send(): Promise<void> {
    if (this.sending || !this.opd) return;
    const input = this.toInput();
    const checked = consultationCreate.safeParse(input);
    if (!checked.success) {
      await this.showErrors(toFieldErrors(checked.error.issues));
      return;
    }
    this.problems = [];
    this.notice = null;
    this.sending = true;
    this.announcement = this.localize.t('form.sending');
    this.draft.saveNow(this.values);
    try {
      const receipt = await this.clients.client.consultations.create(input, {
        opd: this.opd,
        idempotencyKey: this.draft.idempotencyKey,
      });
      this.sending = false;
      await this.succeed(receipt);
    } catch (error) {
      this.sending = false;
      await this.fail(error);
    }
  }

  private async succeed(receipt: ConsultationReceipt): Promise<void> {
    this.stopWaitingForOnline();
    this.draft.clear();
    this.values = { ...EMPTY };
    this.problems = [];
    this.notice = null;
    this.copyStatus = '';
    this.announcement = '';
    this.receipt = receipt;
    this.emit('opd-submitted', { trackingCode: receipt.trackingCode, opd: receipt.opd });
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#success-title'));
  }

  private async fail(error: unknown): Promise<void> {
    if (error instanceof ValidationError) {
      await this.showErrors(error.fieldErrors);
      return;
    }
    if (error instanceof ApiError && !(error instanceof RateLimitError) && error.fieldErrors.length > 0) {
      this.reportError('validation', 'submit', error);
      await this.showErrors(error.fieldErrors);
      return;
    }
    if (error instanceof NetworkError || error instanceof TimeoutError) {
      this.notice = { kind: 'offline' };
      this.startWaitingForOnline();
    } else if (error instanceof RateLimitError) {
      this.notice = { kind: 'rate-limited', retryAfter: error.retryAfter };
    } else if (error instanceof ApiError && error.code === 'idempotency-conflict') {
      // The key was used for a different version of this question: the next send is a new question.
      this.draft.renewKey();
      this.draft.saveNow(this.values);
      this.notice = { kind: 'conflict' };
    } else if (error instanceof ApiError && (error.status === 404 || error.code === 'module-disabled')) {
      this.notice = { kind: 'unavailable' };
    } else {
      this.notice = { kind: 'server', requestId: error instanceof ApiError ? (error.requestId ?? '') : '' };
    }
    this.announcement = '';
    this.reportError(opdErrorCode(error), 'submit', error);
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('.notice'));
  }

  private startWaitingForOnline(): void {
    this.#waitingForOnline = true;
    globalThis.addEventListener('online', this.#onOnline);
  }

  private stopWaitingForOnline(): void {
    this.#waitingForOnline = false;
    globalThis.removeEventListener('online', this.#onOnline);
  }

  private async showErrors(fieldErrors: readonly FieldError[]): Promise<void> {
    const byField = new Map<string, FieldError>();
    const other: FieldError[] = [];
    for (const error of fieldErrors) {
      const field = error.path.split('.')[0] as FieldName;
      if (!FIELD_ORDER.includes(field)) other.push({ ...error, path: '' });
      else if (!byField.has(field)) byField.set(field, { ...error, path: field });
    }
    this.problems = [
      ...FIELD_ORDER.flatMap((field) => byField.get(field) ?? []),
      ...other,
    ];
    this.notice = null;
    this.announcement = '';
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('.error-summary'));
  }

  /** Every problem as the summary lists it, in the current language. */
  private summaryErrors(): SummaryError[] {
    return this.problems.map((problem) => ({
      field: problem.path,
      message: problem.path ? this.errorMessage(problem.path as FieldName, problem) : problem.message,
    }));
  }

  /** The message for a rejected field, in the widget's language, chosen by field and code. */
  private errorMessage(field: FieldName, error: FieldError): string {
    const code = error.code ?? 'invalid';
    if (field === 'message' && code === 'tooLong') {
      return this.localize.t('error.message.tooLong', MESSAGE_MAX_LENGTH);
    }
    return (
      this.localize.lookup(`error.${field}.${code}`) ??
      this.localize.t('error.generic', this.localize.t(FIELD_LABELS[field]))
    );
  }

  private fieldError(field: FieldName): string | undefined {
    const problem = this.problems.find((candidate) => candidate.path === field);
    return problem ? this.errorMessage(field, problem) : undefined;
  }

  private readonly discardDraft = async (): Promise<void> => {
    this.draft.clear();
    this.stopWaitingForOnline();
    this.values = { ...EMPTY };
    this.problems = [];
    this.notice = { kind: 'discarded' };
    await this.updateComplete;
    focusField(this.renderRoot as ShadowRoot, 'name');
  };

  private readonly retryCatalog = (): void => {
    void this.loadCatalog();
  };

  private readonly resend = (): void => {
    void this.send();
  };

  private readonly startAgain = async (): Promise<void> => {
    this.receipt = null;
    this.values = { ...EMPTY };
    this.copyStatus = '';
    await this.updateComplete;
    focusField(this.renderRoot as ShadowRoot, 'name');
  };

  private readonly copyCode = async (): Promise<void> => {
    const code = this.receipt?.trackingCode;
    if (!code) return;
    let copied = false;
    try {
      // Absent on plain-HTTP pages, whatever the types say.
      const clipboard = globalThis.navigator?.clipboard as Clipboard | undefined;
      if (clipboard) {
        await clipboard.writeText(code);
        copied = true;
      }
    } catch {
      copied = false; // no permission or not a secure context: try the old way
    }
    if (!copied) copied = this.copyBySelection(code);
    this.copyStatus = copied ? this.localize.t('success.copied') : this.localize.t('success.copyManual');
    if (!copied) {
      // Leave the code selected so Ctrl+C works.
      const target = this.renderRoot.querySelector('.tracking-code');
      const selection = globalThis.getSelection?.();
      if (target && selection) {
        const range = document.createRange();
        range.selectNodeContents(target);
        selection.removeAllRanges();
        selection.addRange(range);
      }
    }
  };

  /** The pre-Clipboard-API way: select a hidden textarea and ask the browser to copy. */
  private copyBySelection(text: string): boolean {
    const button = (this.renderRoot as ShadowRoot).activeElement as HTMLElement | null;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.setAttribute('aria-hidden', 'true');
    area.className = 'visually-hidden';
    this.renderRoot.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand('copy');
    } catch {
      copied = false;
    }
    area.remove();
    button?.focus();
    return copied;
  }

  protected override render(): TemplateResult {
    return html`
      <div
        part="base"
        class=${classMap({ base: true, 'base--sending': this.sending, 'base--sent': this.receipt !== null })}
        lang=${this.localize.lang}
      >
        ${this.receipt ? this.renderReceipt(this.receipt) : this.renderForm()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    if (!this.opd) {
      return html`<div part="notice" class="notice notice--error"><p>${t.t('config.missingOpd')}</p></div>`;
    }
    if (this.catalog.state === 'unavailable') {
      return html`<div part="notice" class="notice notice--warning"><p>${t.t('unavailable')}</p></div>`;
    }
    return html`
      ${this.problems.length > 0
        ? renderErrorSummary({
            title: t.t('summary.title'),
            errors: this.summaryErrors(),
            headingLevel: this.level,
            root: () => this.shadowRoot,
          })
        : nothing}
      ${this.renderNotice()}
      <form part="form" class="form" novalidate aria-busy=${this.sending ? 'true' : 'false'} @submit=${this.onSubmit} @input=${this.onInput}>
        ${this.renderText('name', { label: t.t('form.name'), autocomplete: 'name', spellcheck: false })}
        <fieldset part="field" class="field contact" aria-describedby="contact-hint">
          <legend part="label" class="legend">${t.t('form.contact')}</legend>
          <div part="hint" class="hint" id="contact-hint">${t.t('form.contactHint')}</div>
          ${this.renderText('email', {
            label: t.t('form.email'),
            type: 'email',
            autocomplete: 'email',
            inputmode: 'email',
            spellcheck: false,
          })}
          ${this.renderText('phone', {
            label: t.t('form.phone'),
            hint: t.t('form.phoneHint'),
            type: 'tel',
            autocomplete: 'tel',
            inputmode: 'tel',
            short: true,
          })}
        </fieldset>
        ${this.renderCategory()}
        ${this.renderText('subject', { label: t.t('form.subject'), hint: t.t('form.subjectHint') })}
        ${this.renderMessage()} ${this.renderConsent()}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>
            ${this.sending ? t.t('form.sending') : t.t('form.submit')}
          </button>
        </div>
      </form>
    `;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.notice;
    if (!notice) return nothing;
    const t = this.localize;
    switch (notice.kind) {
      case 'restored':
        return html`<div part="notice" class="notice">
          <p>${t.t('form.draftRestored')}</p>
          <p><button part="button" type="button" class="link-button" @click=${this.discardDraft}>${t.t('form.draftDiscard')}</button></p>
        </div>`;
      case 'discarded':
        return html`<div part="notice" class="notice"><p>${t.t('form.draftDiscarded')}</p></div>`;
      case 'offline':
        return html`<div part="notice" class="notice notice--warning" role="alert">
          <p>${t.t('form.offline')}</p>
          <button part="button" type="button" class="button" @click=${this.resend}>${t.t('form.resend')}</button>
        </div>`;
      case 'rate-limited':
        return html`<div part="notice" class="notice notice--warning" role="alert">
          <p>${t.t('rateLimited', t.wait(notice.retryAfter))}</p>
        </div>`;
      case 'conflict':
        return html`<div part="notice" class="notice notice--warning" role="alert"><p>${t.t('form.conflict')}</p></div>`;
      case 'unavailable':
        return html`<div part="notice" class="notice notice--warning" role="alert"><p>${t.t('unavailable')}</p></div>`;
      case 'server':
        return html`<div part="notice" class="notice notice--error" role="alert">
          <p>${t.t('server.error', notice.requestId)}</p>
          <button part="button" type="button" class="button" @click=${this.resend}>${t.t('form.resend')}</button>
        </div>`;
    }
  }

  private renderError(field: FieldName, message: string | undefined): TemplateResult | typeof nothing {
    if (!message) return nothing;
    return html`<p part="error" class="error" id="${field}-error">
      <span class="visually-hidden">${this.localize.t('error.prefix')}</span> ${message}
    </p>`;
  }

  private renderText(
    field: 'name' | 'email' | 'phone' | 'subject',
    options: {
      label: string;
      hint?: string;
      type?: string;
      autocomplete?: string;
      inputmode?: string;
      spellcheck?: boolean;
      short?: boolean;
    },
  ): TemplateResult {
    const error = this.fieldError(field);
    const describedBy = [options.hint ? `${field}-hint` : '', error ? `${field}-error` : ''].filter(Boolean).join(' ');
    return html`
      <div part="field" class=${classMap({ field: true, 'field--error': !!error })}>
        <label part="label" class="label" for=${field}>${options.label}</label>
        ${options.hint ? html`<div part="hint" class="hint" id="${field}-hint">${options.hint}</div>` : nothing}
        ${this.renderError(field, error)}
        <input
          part="input"
          class=${classMap({ input: true, 'input--short': !!options.short })}
          id=${field}
          name=${field}
          type=${options.type ?? 'text'}
          autocomplete=${ifDefined(options.autocomplete)}
          inputmode=${ifDefined(options.inputmode)}
          spellcheck=${ifDefined(options.spellcheck === false ? 'false' : undefined)}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
          .value=${live(this.values[field])}
        />
      </div>
    `;
  }

  private renderCategory(): TemplateResult {
    const t = this.localize;
    const error = this.fieldError('category');
    const catalog = this.catalog;
    const categories = catalog.state === 'ready' ? catalog.opd.consultationCategories : [];
    const chosen = this.values.category;
    const known = categories.some((category) => category.id === chosen);
    const describedBy = [
      catalog.state === 'loading' || catalog.state === 'failed' ? 'category-hint' : '',
      error ? 'category-error' : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`
      <div part="field" class=${classMap({ field: true, 'field--error': !!error })}>
        <label part="label" class="label" for="category">${t.t('form.category')}</label>
        ${catalog.state === 'loading'
          ? html`<div part="hint" class="hint" id="category-hint">${t.t('form.categoryLoading')}</div>`
          : nothing}
        ${catalog.state === 'failed'
          ? html`<div part="notice" class="notice notice--error" id="category-hint">
              <p>${t.t('form.categoryFailed')}</p>
              <button part="button" type="button" class="button button--secondary" @click=${this.retryCatalog}>
                ${t.t('retry')}
              </button>
            </div>`
          : nothing}
        ${this.renderError('category', error)}
        <select
          part="input"
          class="input"
          id="category"
          name="category"
          ?disabled=${catalog.state !== 'ready'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy || undefined)}
        >
          <option value="" .selected=${!known}>${t.t('form.categoryChoose')}</option>
          ${categories.map(
            (category) => html`<option value=${category.id} .selected=${category.id === chosen}>${category.name}</option>`,
          )}
        </select>
      </div>
    `;
  }

  private renderMessage(): TemplateResult {
    const t = this.localize;
    const error = this.fieldError('message');
    const over = this.values.message.length > MESSAGE_MAX_LENGTH;
    const describedBy = ['message-hint', error ? 'message-error' : ''].filter(Boolean).join(' ');
    return html`
      <div part="field" class=${classMap({ field: true, 'field--error': !!error })}>
        <label part="label" class="label" for="message">${t.t('form.message')}</label>
        <div part="hint" class="hint" id="message-hint">${t.t('form.messageHint', MESSAGE_MAX_LENGTH)}</div>
        ${this.renderError('message', error)}
        <textarea
          part="input"
          class="input"
          id="message"
          name="message"
          rows="8"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${describedBy}
          .value=${live(this.values.message)}
        ></textarea>
        <div part="hint" class=${classMap({ count: true, 'count--over': over })} aria-hidden="true">
          ${this.countText()}
        </div>
      </div>
    `;
  }

  private renderConsent(): TemplateResult {
    const t = this.localize;
    const error = this.fieldError('consent');
    const describedBy = ['consent-hint', error ? 'consent-error' : ''].filter(Boolean).join(' ');
    return html`
      <div part="field" class=${classMap({ field: true, 'field--error': !!error })}>
        ${this.renderError('consent', error)}
        <div class="choice">
          <input
            part="input"
            class="checkbox"
            type="checkbox"
            id="consent"
            name="consent"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${describedBy}
            .checked=${live(this.values.consent)}
          />
          <label part="label" class="label" for="consent">${t.t('form.consent')}</label>
        </div>
        <div part="hint" class="hint consent-hint" id="consent-hint">${t.t('form.consentHint')}</div>
      </div>
    `;
  }

  private renderReceipt(receipt: ConsultationReceipt): TemplateResult {
    const t = this.localize;
    return html`
      <section part="success" class="success" aria-labelledby="success-title">
        <div role="heading" aria-level=${this.level} class="heading" id="success-title">
          ${t.t('success.title')}
        </div>
        <p class="code-label" id="code-label">${t.t('success.codeLabel')}</p>
        <p part="tracking-code" class="tracking-code">${receipt.trackingCode}</p>
        <p>${t.t('success.keep')}</p>
        <p>${t.t('success.due', t.date(receipt.dueAt, 'full'))}</p>
        <div class="copy-row">
          <button part="button" type="button" class="button" @click=${this.copyCode}>${t.t('success.copy')}</button>
          <span class="copy-status" role="status">${this.copyStatus}</span>
        </div>
        <button part="button" type="button" class="button button--secondary" @click=${this.startAgain}>
          ${t.t('success.another')}
        </button>
      </section>
    `;
  }
}

