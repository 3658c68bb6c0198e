/**
 * `<opd-consultation-form>`: a citizen asks an OPD a question (SIAP) and gets a tracking code.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ConsultationCreateInput, ConsultationReceipt, FieldError, Opd } from '../../src/index.js';
import { consultationCreate, consultationReceipt, MESSAGE_MAX_LENGTH } from '../../src/schemas/consultations.js';
import { citizenConsultations } from '../../src/namespaces/citizen-consultations.js';
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
import { ReceiptStore } from '../shared/receipt-store.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { consultationFormStyles } from './consultation-form.styles.js';
import type { OpdSubmittedDetail } from './events.js';
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

/**
 * The SDK input: trimmed-empty optional contacts are left out; `consentText` is the consent
 * sentence as the form shows it (in its language), recorded with the question; `language`, the
 * form's, is the one the mails about the question are written in.
 */
function toInput(values: ConsultationFormValues, consentText: string, language: 'id' | 'en'): ConsultationCreateInput {
  const { name, email, phone, category, subject, message, consent } = values;
  return {
    name,
    ...(email.trim() ? { email } : {}),
    ...(phone.trim() ? { phone } : {}),
    category,
    subject,
    message,
    consent: consent as true,
    consentText,
    language,
  };
}

type Catalog =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; opd: Opd }
  | { state: 'failed' }
  | { state: 'unavailable' }
  /** The `opd` attribute names no OPD the backend knows: the page's configuration is wrong. */
  | { state: 'unknown-opd'; slug: string };

/** A receipt kept on the device, with what it needs to be shown before the OPD loads (or without it). */
interface KeptReceipt {
  receipt: ConsultationReceipt;
  /** The OPD's name when it was received. */
  opdName?: string;
  /** The OPD's time zone when it was received, for its dates. */
  timeZone?: string;
}

/** A server's receipt, checked; `null` when it is not one. */
function toReceipt(raw: unknown): ConsultationReceipt | null {
  const checked = consultationReceipt.safeParse(raw);
  return checked.success ? checked.data : null;
}

/** A kept receipt read back from storage, checked; `null` when it is not one. */
function toKept(raw: unknown): KeptReceipt | null {
  const entry = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const receipt = toReceipt(entry.receipt);
  if (!receipt) return null;
  return {
    receipt,
    ...(typeof entry.opdName === 'string' ? { opdName: entry.opdName } : {}),
    ...(typeof entry.timeZone === 'string' ? { timeZone: entry.timeZone } : {}),
  };
}


/**
 * A citizen's question to an OPD (SIAP). Native fields with labels and hints, a GOV.UK error
 * summary, a draft kept on the device until the question is sent, a safe resend when the
 * connection drops (one idempotency key per draft: the OPD never gets the question twice),
 * by itself when the connection is back, or after 5 s, 15 s, 30 s and then every minute while
 * the browser is online but the server does not answer,
 * and a receipt with the tracking code, kept on the device until the citizen deletes it,
 * printable, and linked to the status widget (`status-href#lacak=<code>`). The consent
 * sentence the citizen ticked, as shown (in the widget's language), is sent with the
 * question as `consentText`, so the OPD records what was agreed to.
 *
 * When the server already holds an earlier version of a changed question (its answer was
 * lost, then the citizen edited the text offline; or they typed while it was being sent),
 * the form shows that version's tracking code, keeps the changed text, and offers to send it
 * as a new question.
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
 * @attr status-href - Where `<opd-consultation-status>` is, e.g. `/layanan/status`; default: this page. The receipt links to it with `#lacak=<tracking code>`.
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
 * @csspart receipts - The list of receipts kept on this device, above the form.
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

  static override properties: PropertyDeclarations = {
    headingLevel: { attribute: 'heading-level', type: Number },
    statusHref: { attribute: 'status-href' },
    catalog: { state: true, attribute: false },
    copyStatus: { state: true, attribute: false },
    opened: { state: true, attribute: false },
  };

  /** The level of the widget's headings (2 by default), so they fit the page's outline. */
  headingLevel = 2;

  /**
   * Where `<opd-consultation-status>` is on this site, e.g. `/layanan/status` (resolved like
   * a link); default: this page. The receipt's "see the status" link is this address with
   * the fragment `#lacak=<tracking code>`, which the status widget reads.
   */
  statusHref = '';

  /** {@link headingLevel} kept within 1–6. */
  get #level(): number {
    return Math.min(6, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  private catalog: Catalog = { state: 'idle' };
  private copyStatus = '';
  /** A kept receipt the citizen opened from the list (the form stays as it is underneath). */
  private opened: KeptReceipt | null = null;

  // English is its own chunk, fetched only when the widget is set to English (see LocalizeController).
  readonly #localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  readonly #clients = new ClientController(this, { consultations: citizenConsultations });
  readonly #form = new FormController<ConsultationFormValues, ConsultationReceipt>(this, {
    widget: 'consultation-form',
    opd: () => this.opd,
    fields: FIELD_ORDER,
    initial: EMPTY,
    schema: consultationCreate,
    toInput: (values) => this.#questionInput(values),
    submit: (values, idempotencyKey) =>
      this.#clients.client.consultations.create(this.#questionInput(values), { opd: this.opd, idempotencyKey }),
    localize: this.#localize,
    label: (field) => this.#localize.t(FIELD_LABELS[field]),
    errorMessage: (field, error) => this.#errorMessage(field, error),
    // The schema trims the question, then counts its code points: so does the counter.
    counted: { message: { max: MESSAGE_MAX_LENGTH, trimmed: true } },
    canSend: () => !!this.opd,
    storedResult: toReceipt,
    received: (receipt) => this.#received(receipt),
    sent: () => this.#sent(),
  });
  readonly #receipts = new ReceiptStore<KeptReceipt>({
    widget: 'consultation-form',
    opd: () => this.opd,
    parse: toKept,
    id: (kept) => kept.receipt.trackingCode,
  });

  #catalogAbort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a removal: reload what the removal cancelled.
    if (this.hasUpdated && this.catalog.state === 'loading') void this.#loadCatalog();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#catalogAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('opd') || changed.has('api')) {
      this.opened = null;
      void this.#loadCatalog();
    }
    // Dates in the OPD's time zone: from the API, else as kept with its newest receipt.
    const catalog = this.catalog;
    this.#localize.timeZone = catalog.state === 'ready' ? catalog.opd.timeZone : this.#receipts.list()[0]?.timeZone;
  }

  /** Loads the OPD with its consultation categories. */
  async #loadCatalog(): Promise<void> {
    this.#catalogAbort?.abort();
    if (!this.opd) {
      this.catalog = { state: 'idle' };
      return;
    }
    const abort = new AbortController();
    this.#catalogAbort = abort;
    this.catalog = { state: 'loading' };
    try {
      const opd = await this.#clients.client.opds.get(this.opd, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.catalog = opd.modules.includes('siap') ? { state: 'ready', opd } : { state: 'unavailable' };
    } catch (error) {
      if (abort.signal.aborted) return;
      const reading = readError(error);
      if (reading.kind === 'unavailable') {
        // SIAP is switched off for this OPD.
        this.catalog = { state: 'unavailable' };
        this.emit('opd-error', opdErrorDetail(error, 'load-categories', 'unavailable'));
      } else if (reading.kind === 'not-found' || reading.kind === 'fields') {
        // No such OPD (or not even a slug, refused before sending): the page is set up wrong.
        this.catalog = { state: 'unknown-opd', slug: this.opd };
        this.emit('opd-error', opdErrorDetail(error, 'load-categories', 'config'));
      } else {
        this.catalog = { state: 'failed' };
        this.emit('opd-error', opdErrorDetail(error, 'load-categories', reading.code));
      }
    }
  }

  /** What is sent for `values`: with the consent sentence as the form shows it now. */
  #questionInput(values: ConsultationFormValues): ConsultationCreateInput {
    return toInput(values, this.#localize.t('form.consent'), this.#localize.lang === 'en' ? 'en' : 'id');
  }

  /** The question form's own messages for a rejected field (the rest are looked up by code). */
  #errorMessage(field: FieldName, error: FieldError): string | undefined {
    if (field === 'message' && error.code === 'tooLong') {
      return this.#localize.t('error.message.tooLong', MESSAGE_MAX_LENGTH);
    }
    return undefined;
  }

  /** The server holds a question of this form (sent now, or an earlier version): keep its receipt, tell the page. */
  #received(receipt: ConsultationReceipt): void {
    const catalog = this.catalog;
    const opd = catalog.state === 'ready' ? catalog.opd : undefined;
    this.#receipts.add({ receipt, ...(opd ? { opdName: opd.name, timeZone: opd.timeZone } : {}) });
    this.opened = null;
    this.emit('opd-submitted', { trackingCode: receipt.trackingCode, opd: receipt.opd });
  }

  async #sent(): Promise<void> {
    this.copyStatus = '';
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#success-title'));
  }

  /** An OPD's or a category's name in the widget's language: the English one where the OPD gives it. */
  #named(thing: { name: string; nameEn?: string | undefined }): string {
    return this.#localize.lang === 'en' && thing.nameEn ? thing.nameEn : thing.name;
  }

  /** The status widget's address for a tracking code: `status-href` (default this page) with `#lacak=<code>`. */
  #statusUrl(code: string): string {
    let url: URL;
    try {
      url = this.statusHref ? new URL(this.statusHref, document.baseURI) : new URL(location.href);
    } catch {
      url = new URL(location.href);
    }
    url.hash = `lacak=${code}`;
    return url.href;
  }

  readonly #retryCatalog = (): void => {
    void this.#loadCatalog();
  };

  /** Leaves the receipt: an empty form after a send, the form as it was after opening a kept one. */
  readonly #startAgain = async (): Promise<void> => {
    this.copyStatus = '';
    const opened = this.opened;
    if (!opened) {
      await this.#form.reset();
      return;
    }
    this.opened = null;
    await this.updateComplete;
    const code = CSS.escape(opened.receipt.trackingCode);
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`[data-open="${code}"]`));
  };

  readonly #openReceipt = async (kept: KeptReceipt): Promise<void> => {
    this.copyStatus = '';
    this.opened = kept;
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#success-title'));
  };

  /** Forgets the shown receipt on this device, back to the form. */
  readonly #dismissReceipt = async (): Promise<void> => {
    const code = this.#shownReceipt()?.receipt.trackingCode;
    if (code) this.#receipts.remove(code);
    this.copyStatus = '';
    if (this.#form.result) {
      await this.#form.reset();
      return;
    }
    // Opened from the list: the form underneath keeps what it holds.
    this.opened = null;
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#receipts-title') ?? this.renderRoot.querySelector<HTMLElement>('#name'));
  };

  readonly #print = (): void => {
    globalThis.print?.();
  };

  /** The receipt on screen, if any: the one just sent, else one opened from the list. */
  #shownReceipt(): KeptReceipt | null {
    const result = this.#form.result;
    if (!result) return this.opened;
    return this.#receipts.list().find((kept) => kept.receipt.trackingCode === result.trackingCode) ?? { receipt: result };
  }

  readonly #copyCode = async (): Promise<void> => {
    const code = this.#shownReceipt()?.receipt.trackingCode;
    if (!code || !this.shadowRoot) return;
    const copied = await copyText(code, this.shadowRoot, this.renderRoot.querySelector('.tracking-code'));
    this.copyStatus = copied ? this.#localize.t('success.copied') : this.#localize.t('success.copyManual');
  };

  protected override render(): TemplateResult {
    const shown = this.#shownReceipt();
    const sending = this.#form.sending;
    return html`
      <div
        part="base"
        class="base${sending ? ' base--sending' : ''}${shown ? ' base--sent' : ''}"
        lang=${this.#localize.lang}
      >
        ${shown ? this.#renderReceipt(shown, this.#form.result !== null) : this.#renderForm()}
        <div class="visually-hidden" role="status">${this.#form.announcement}</div>
      </div>
    `;
  }

  #renderForm(): TemplateResult {
    const t = this.#localize;
    if (!this.opd) {
      return renderNotice({ message: t.t('config.missingOpd', t.t('config.thisWidget')), tone: 'error' });
    }
    const catalog = this.catalog;
    if (catalog.state === 'unavailable') {
      return renderNotice({ message: t.t('unavailable'), tone: 'warning' });
    }
    if (catalog.state === 'unknown-opd') {
      return renderNotice({
        message: html`<p>${t.t('unknownOpd')}</p>
          <p>${t.t('unknownOpd.config', catalog.slug)}</p>`,
        tone: 'error',
      });
    }
    const form = this.#form;
    const values = form.values;
    const sending = form.sending;
    return html`
      ${this.#renderKept()}
      ${form.errorSummary(this.#level)}
      ${renderFormNotice(form, t, {
        restored: t.t('form.draftRestored'),
        offline: t.t('form.offline'),
        conflict: t.t('form.conflict'),
        unavailable: t.t('unavailable'),
        unsentChanges: (stored) => html`<p>
            ${t.t('changes.received')} <strong class="inline-code">${stored.trackingCode}</strong>.
          </p>
          <p>${t.t('changes.notSent')}</p>
          <p><a href=${this.#statusUrl(stored.trackingCode)}>${t.t('changes.status')}</a></p>`,
        sendAsNew: t.t('changes.sendAsNew'),
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
        ${this.#renderCategory()}
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
  #renderCategory(): TemplateResult {
    const t = this.#localize;
    const catalog = this.catalog;
    const hint =
      catalog.state === 'loading'
        ? t.t('form.categoryLoading')
        : catalog.state === 'failed'
          ? renderNotice({
              message: t.t('form.categoryFailed'),
              tone: 'error',
              id: 'category-hint',
              action: { label: t.t('retry'), onClick: this.#retryCatalog, look: 'secondary' },
            })
          : undefined;
    const categories = catalog.state === 'ready' ? catalog.opd.consultationCategories : [];
    return selectField({
      ...this.#form.field('category'),
      label: t.t('form.category'),
      hint,
      value: this.#form.values.category,
      placeholder: t.t('form.categoryChoose'),
      options: categories.map((category) => ({ value: category.id, label: this.#named(category) })),
      disabled: catalog.state !== 'ready',
    });
  }

  /** The receipts kept on this device, newest first: each with its status link and a way to show it whole. */
  #renderKept(): TemplateResult | typeof nothing {
    const kept = this.#receipts.list();
    if (kept.length === 0) return nothing;
    const t = this.#localize;
    return html`
      <section part="receipts" class="receipts" aria-labelledby="receipts-title">
        <div role="heading" aria-level=${this.#level} class="heading heading--small" id="receipts-title">
          ${t.t('receipts.title')}
        </div>
        <ul class="receipt-list">
          ${kept.map(
            (entry) => html`<li class="receipt-item">
              <span class="inline-code">${entry.receipt.trackingCode}</span>
              <span class="receipt-when">${t.t('receipts.sent', t.date(entry.receipt.submittedAt))}</span>
              <span class="receipt-links">
                <a href=${this.#statusUrl(entry.receipt.trackingCode)}
                  >${t.t('receipts.status')}<span class="visually-hidden"> ${entry.receipt.trackingCode}</span></a
                >
                <button
                  type="button"
                  part="button"
                  class="link-button"
                  data-open=${entry.receipt.trackingCode}
                  @click=${() => void this.#openReceipt(entry)}
                >
                  ${t.t('receipts.open')}<span class="visually-hidden"> ${entry.receipt.trackingCode}</span>
                </button>
              </span>
            </li>`,
          )}
        </ul>
      </section>
    `;
  }

  /** The receipt: what was received, when, and by when it is answered; copy, status, print, leave, delete. */
  #renderReceipt(kept: KeptReceipt, fresh: boolean): TemplateResult {
    const t = this.#localize;
    const { receipt } = kept;
    const catalog = this.catalog;
    const opdName =
      catalog.state === 'ready' && catalog.opd.slug === receipt.opd
        ? this.#named(catalog.opd)
        : (kept.opdName ?? receipt.opd);
    const statusUrl = this.#statusUrl(receipt.trackingCode);
    return html`
      <section part="success" class="success" aria-labelledby="success-title">
        <div role="heading" aria-level=${this.#level} class="heading" id="success-title">
          ${fresh ? t.t('success.title') : t.t('success.titleKept')}
        </div>
        <p class="code-label" id="code-label">${t.t('success.codeLabel')}</p>
        <p part="tracking-code" class="tracking-code">${receipt.trackingCode}</p>
        <dl class="facts">
          <div><dt>${t.t('success.opd')}</dt><dd>${opdName}</dd></div>
          <div>
            <dt>${t.t('success.sentAt')}</dt>
            <dd><time datetime=${receipt.submittedAt}>${t.dateTime(receipt.submittedAt)}</time></dd>
          </div>
        </dl>
        <p>${t.t('success.due', t.date(receipt.dueAt))}</p>
        <p>${t.t('success.keep')}</p>
        <p class="print-only">${t.t('success.statusAt', statusUrl)}</p>
        <div class="copy-row">
          <button part="button" type="button" class="button" @click=${this.#copyCode}>${t.t('success.copy')}</button>
          <a part="button" class="button button--secondary" href=${statusUrl}>${t.t('success.status')}</a>
          <button part="button" type="button" class="button button--secondary" @click=${this.#print}>
            ${t.t('success.print')}
          </button>
          <span class="copy-status" role="status">${this.copyStatus}</span>
        </div>
        <div class="leave-row">
          <button part="button" type="button" class="button button--secondary" @click=${this.#startAgain}>
            ${fresh ? t.t('success.another') : t.t('success.back')}
          </button>
          <p><button part="button" type="button" class="link-button" @click=${this.#dismissReceipt}>${t.t('success.dismiss')}</button></p>
        </div>
      </section>
    `;
  }
}
