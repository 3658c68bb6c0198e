/**
 * `<opd-consultation-form>`: a citizen asks an OPD a question (SIAP) and gets a tracking code.
 *
 * @module
 */
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { ConsultationCreateInput, ConsultationReceipt, FieldError, Opd } from '../../src/index.js';
import { consultationCreate, MESSAGE_MAX_LENGTH } from '../../src/schemas/index.js';
import { consultations } from '../../src/namespaces/consultations.js';
import { ClientController } from '../shared/client-controller.js';
import { copyText } from '../shared/clipboard.js';
import { opdErrorDetail, readError } from '../shared/error-detail.js';
import { focusTemporarily } from '../shared/error-summary.js';
import { checkboxField, fieldGroup, selectField, textareaField, textField } from '../shared/fields.js';
import { FormController } from '../shared/form-controller.js';
import { renderFormNotice } from '../shared/form-notice.js';
import { LocalizeController, type PlainMessageKey } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { consultationFormStyles } from './consultation-form.styles.js';
import type { OpdSubmittedDetail } from './events.js';
import { en } from './i18n/en.js';
import { id, type ConsultationFormMessages } from './i18n/id.js';

export type { OpdSubmittedDetail };

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

const FIELD_LABELS: Record<FieldName, PlainMessageKey<ConsultationFormMessages>> = {
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

/** The SDK input: trimmed-empty optional contacts are left out. */
function toInput(values: ConsultationFormValues): ConsultationCreateInput {
  const { name, email, phone, category, subject, message, consent } = values;
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

type Catalog =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; opd: Opd }
  | { state: 'failed' }
  | { state: 'unavailable' };

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

  @state() private catalog: Catalog = { state: 'idle' };
  @state() private copyStatus = '';

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly clients = new ClientController(this, { consultations });
  private readonly form = new FormController<ConsultationFormValues, ConsultationReceipt>(this, {
    widget: 'consultation-form',
    opd: () => this.opd,
    fields: FIELD_ORDER,
    initial: EMPTY,
    schema: consultationCreate,
    toInput,
    submit: (values, idempotencyKey) =>
      this.clients.client.consultations.create(toInput(values), { opd: this.opd, idempotencyKey }),
    localize: this.localize,
    label: (field) => this.localize.t(FIELD_LABELS[field]),
    errorMessage: (field, error) => this.errorMessage(field, error),
    counted: { message: MESSAGE_MAX_LENGTH },
    canSend: () => !!this.opd,
    sent: (receipt) => this.sent(receipt),
  });

  #catalogAbort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a removal: reload what the removal cancelled.
    if (this.hasUpdated && this.catalog.state === 'loading') void this.loadCatalog();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#catalogAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('opd') || changed.has('api')) void this.loadCatalog();
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
      const reading = readError(error);
      // No such OPD, or SIAP switched off for it: the service is not available here.
      const unavailable = reading.kind === 'not-found' || reading.kind === 'unavailable';
      this.catalog = { state: unavailable ? 'unavailable' : 'failed' };
      this.emit('opd-error', opdErrorDetail(error, 'load-categories', unavailable ? 'unavailable' : reading.code));
    }
  }

  /** The question form's own messages for a rejected field (the rest are looked up by code). */
  private errorMessage(field: FieldName, error: FieldError): string | undefined {
    if (field === 'message' && error.code === 'tooLong') {
      return this.localize.t('error.message.tooLong', MESSAGE_MAX_LENGTH);
    }
    return undefined;
  }

  private async sent(receipt: ConsultationReceipt): Promise<void> {
    this.copyStatus = '';
    this.emit('opd-submitted', { trackingCode: receipt.trackingCode, opd: receipt.opd });
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#success-title'));
  }

  private readonly retryCatalog = (): void => {
    void this.loadCatalog();
  };

  private readonly startAgain = async (): Promise<void> => {
    this.copyStatus = '';
    await this.form.reset();
  };

  private readonly copyCode = async (): Promise<void> => {
    const code = this.form.result?.trackingCode;
    if (!code || !this.shadowRoot) return;
    const copied = await copyText(code, this.shadowRoot, this.renderRoot.querySelector('.tracking-code'));
    this.copyStatus = copied ? this.localize.t('success.copied') : this.localize.t('success.copyManual');
  };

  protected override render(): TemplateResult {
    const receipt = this.form.result;
    const sending = this.form.sending;
    return html`
      <div
        part="base"
        class=${classMap({ base: true, 'base--sending': sending, 'base--sent': receipt !== null })}
        lang=${this.localize.lang}
      >
        ${receipt ? this.renderReceipt(receipt) : this.renderForm()}
        <div class="visually-hidden" role="status">${this.form.announcement}</div>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    if (!this.opd) {
      return renderNotice({ message: t.t('config.missingOpd', t.t('config.thisWidget')), tone: 'error' });
    }
    if (this.catalog.state === 'unavailable') {
      return renderNotice({ message: t.t('unavailable'), tone: 'warning' });
    }
    const form = this.form;
    const values = form.values;
    const sending = form.sending;
    return html`
      ${form.errorSummary(this.level)}
      ${renderFormNotice(form, t, {
        restored: t.t('form.draftRestored'),
        offline: t.t('form.offline'),
        conflict: t.t('form.conflict'),
        unavailable: t.t('unavailable'),
      })}
      <form part="form" class="form" novalidate aria-busy=${sending ? 'true' : 'false'} @submit=${form.onSubmit} @input=${form.onInput}>
        ${textField({ ...form.field('name'), label: t.t('form.name'), value: values.name, autocomplete: 'name', spellcheck: false })}
        ${fieldGroup({
          name: 'contact',
          legend: t.t('form.contact'),
          hint: t.t('form.contactHint'),
          content: [
            textField({
              ...form.field('email'),
              label: t.t('form.email'),
              value: values.email,
              type: 'email',
              autocomplete: 'email',
              inputmode: 'email',
              spellcheck: false,
            }),
            textField({
              ...form.field('phone'),
              label: t.t('form.phone'),
              hint: t.t('form.phoneHint'),
              value: values.phone,
              type: 'tel',
              autocomplete: 'tel',
              inputmode: 'tel',
              short: true,
            }),
          ],
        })}
        ${this.renderCategory()}
        ${textField({ ...form.field('subject'), label: t.t('form.subject'), hint: t.t('form.subjectHint'), value: values.subject })}
        ${textareaField({
          ...form.field('message'),
          label: t.t('form.message'),
          hint: t.t('form.messageHint', MESSAGE_MAX_LENGTH),
          value: values.message,
          count: form.count('message'),
        })}
        ${checkboxField({ ...form.field('consent'), label: t.t('form.consent'), hint: t.t('form.consentHint'), checked: values.consent })}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${sending} aria-busy=${sending ? 'true' : 'false'}>
            ${sending ? t.t('form.sending') : t.t('form.submit')}
          </button>
        </div>
      </form>
    `;
  }

  /** The category select: disabled with a hint while the OPD's categories load, with a retry if they fail. */
  private renderCategory(): TemplateResult {
    const t = this.localize;
    const catalog = this.catalog;
    const hint =
      catalog.state === 'loading'
        ? t.t('form.categoryLoading')
        : catalog.state === 'failed'
          ? renderNotice({
              message: t.t('form.categoryFailed'),
              tone: 'error',
              id: 'category-hint',
              action: { label: t.t('retry'), onClick: this.retryCatalog, look: 'secondary' },
            })
          : undefined;
    const categories = catalog.state === 'ready' ? catalog.opd.consultationCategories : [];
    return selectField({
      ...this.form.field('category'),
      label: t.t('form.category'),
      hint,
      value: this.form.values.category,
      placeholder: t.t('form.categoryChoose'),
      options: categories.map((category) => ({ value: category.id, label: category.name })),
      disabled: catalog.state !== 'ready',
    });
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
