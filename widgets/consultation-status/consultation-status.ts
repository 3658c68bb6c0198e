/**
 * `<opd-consultation-status>`: a citizen follows a question by its tracking code.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import type { ConsultationPublic } from '../../src/index.js';
import { normalizeTrackingCode, TRACKING_CODE_PATTERN } from '../../src/schemas/consultations.js';
import { citizenConsultations } from '../../src/namespaces/citizen-consultations.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError, type ErrorReading } from '../shared/error-detail.js';
import { focusTemporarily, renderErrorSummary } from '../shared/error-summary.js';
import { textField } from '../shared/fields.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { consultationStatusStyles } from './consultation-status.styles.js';
import type { OpdStatusLoadedDetail } from './events.js';
import { id } from './i18n/id.js';

export type { OpdStatusLoadedDetail };

/**
 * The tracking code a link to this page carries: `#lacak=…` (the link on the form's receipt),
 * else `#kode=…` or `?kode=…` (links in letters, e-mails and QR codes); `''` without one.
 */
function linkedCode(): string {
  return hashCode() || valueOf(new URLSearchParams(location.search), 'kode') || valueOf(new URLSearchParams(location.search), 'lacak');
}

/** The code in the address's fragment only (`#lacak=…` or `#kode=…`, the name in any case), or `''`. */
function hashCode(): string {
  const hash = new URLSearchParams(location.hash.replace(/^#/, ''));
  return valueOf(hash, 'lacak') || valueOf(hash, 'kode');
}

/** The first value of the parameter `name` (in any case), trimmed; `''` without one. */
function valueOf(params: URLSearchParams, name: string): string {
  for (const [key, value] of params) if (key.toLowerCase() === name) return value.trim();
  return '';
}

/** Any tracking code in a sentence, e.g. the example in the hint. */
const CODE_IN_TEXT = /SIAP-[0-9A-Z]{4}-[0-9A-Z]{4}/g;

/** `sentence` with every tracking code in it kept on one line (a phone would break it at a dash). */
function keepCodesWhole(sentence: string): TemplateResult {
  const parts: (string | TemplateResult)[] = [];
  let last = 0;
  for (const match of sentence.matchAll(CODE_IN_TEXT)) {
    parts.push(sentence.slice(last, match.index), html`<span class="nowrap">${match[0]}</span>`);
    last = match.index + match[0].length;
  }
  parts.push(sentence.slice(last));
  return html`${parts}`;
}

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; code: string }
  | { state: 'found'; consultation: ConsultationPublic }
  | { state: 'not-found'; code: string }
  | { state: 'offline'; code: string }
  | { state: 'rate-limited'; code: string; retryAfter: number }
  | { state: 'failed'; code: string; requestId: string };

/**
 * Shows where a consultation stands: a field for the tracking code (lower case, spaces and
 * look-alikes such as `O` for `0` are accepted), then the OPD, category, status, a timeline,
 * the due date (with a notice when it has passed) and the answer. Shows no personal data:
 * the public view the API gives has none.
 *
 * ```html
 * <opd-consultation-status api="https://layanan.example-kab.go.id"></opd-consultation-status>
 * <opd-consultation-status code="SIAP-7K3F-9QX2"></opd-consultation-status>  <!-- loads at once -->
 * ```
 *
 * Without a `code` attribute it opens the code a link to the page carries, and moves to it:
 * `#lacak=SIAP-7K3F-9QX2` (the form's receipt links so), `#kode=…` or `?kode=…`; a link to
 * another code on the same page (the hash changes) opens that one.
 *
 * @summary Follow a consultation by its tracking code.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr code - A tracking code to show at once; changing it loads the new one. Without it, the code of a link (`#lacak=`, `#kode=`, `?kode=`).
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the result's heading (default 2); sub-headings are one deeper.
 *
 * @event opd-status-loaded - A consultation is shown. `detail: { trackingCode, status, opd }`.
 * @event opd-error - A lookup failed and the citizen was told. `detail: { code, action, requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart form - The lookup `<form>`.
 * @csspart field - The code field's wrapper.
 * @csspart label - The code field's label.
 * @csspart hint - The code field's hint.
 * @csspart input - The code field.
 * @csspart error - The inline error message.
 * @csspart error-summary - The "Ada masalah" box.
 * @csspart button - Every button.
 * @csspart notice - Not found, no connection, server trouble, overdue.
 * @csspart result - The panel with the consultation.
 * @csspart badge - The status badge; also carries `badge--<status>` as a class.
 * @csspart timeline - The ordered list of status changes.
 * @csspart answer - The staff answer.
 *
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-font-family-mono - The code field's font.
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Hints and times.
 * @cssproperty --opd-color-surface - Field and panel background.
 * @cssproperty --opd-color-surface-alt - The answer's background.
 * @cssproperty --opd-color-border - Borders.
 * @cssproperty --opd-color-primary - Buttons, links, the timeline's dots.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-success - The "answered" badge and the answer's edge.
 * @cssproperty --opd-color-success-surface - The "answered" badge's background.
 * @cssproperty --opd-color-info-surface - The "received" badge's background.
 * @cssproperty --opd-color-warning-surface - The overdue notice and "in progress" badge.
 * @cssproperty --opd-color-warning-border - Their border.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdConsultationStatus extends OpdElement {
  static override styles = [themeStyles, controlStyles, consultationStatusStyles];

  static override properties: PropertyDeclarations = {
    code: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    typed: { state: true, attribute: false },
    inputError: { state: true, attribute: false },
    lookup: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** A tracking code to show at once, e.g. from `?kode=` or from `opd-submitted`. */
  code = '';

  /** The level of the result's heading (2 by default), so it fits the page's outline. */
  headingLevel = 2;

  /** {@link headingLevel} kept within 1–5 (sub-headings are one deeper). */
  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  private typed = '';
  private inputError: '' | 'required' | 'format' = '';
  private lookup: Lookup = { state: 'idle' };
  private announcement = '';

  // English is its own chunk, fetched only when the widget is set to English (see LocalizeController).
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { consultations: citizenConsultations });
  #abort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    this.#abort?.abort();
    if (this.lookup.state === 'loading') this.lookup = { state: 'idle' };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
    if (this.hasUpdated && this.lookup.state === 'idle' && this.code) void this.show(this.code, false);
  }

  protected override firstUpdated(): void {
    // A link to this page with a code (and no code attribute): open it, as the citizen asked.
    const linked = this.code ? '' : linkedCode();
    if (linked) {
      this.typed = linked;
      void this.show(linked, true);
    }
  }

  /** A link to another code on this same page, e.g. the receipt's "see the status" just above. */
  private readonly onHashChange = (): void => {
    const linked = hashCode();
    if (!linked) return;
    const shown = this.lookup.state === 'found' ? this.lookup.consultation.trackingCode : 'code' in this.lookup ? this.lookup.code : '';
    if (normalizeTrackingCode(linked) === shown) {
      // Already shown (the page put it there): take the citizen to it.
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>(this.lookup.state === 'found' ? '#result-title' : '.result-notice'));
      return;
    }
    this.typed = linked;
    void this.show(linked, true);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code') && this.code) {
      this.typed = this.code;
      void this.show(this.code, false);
    }
  }

  private readonly onInput = (event: Event): void => {
    this.typed = (event.target as HTMLInputElement).value;
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.show(this.typed, true);
  };

  private readonly retry = (): void => {
    const code = 'code' in this.lookup ? this.lookup.code : this.typed;
    void this.show(code, true);
  };

  /** Checks the code, loads the consultation and shows it; `byCitizen` moves focus to the result. */
  private async show(raw: string, byCitizen: boolean): Promise<void> {
    const t = this.localize;
    const code = normalizeTrackingCode(raw);
    if (!TRACKING_CODE_PATTERN.test(code)) {
      this.#abort?.abort();
      this.lookup = { state: 'idle' };
      this.inputError = raw.trim() ? 'format' : 'required';
      await this.updateComplete;
      if (byCitizen) focusTemporarily(this.renderRoot.querySelector<HTMLElement>('.error-summary'));
      return;
    }
    this.inputError = '';
    this.typed = code;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.lookup = { state: 'loading', code };
    this.announcement = t.t('status.loading');
    try {
      const consultation = await this.clients.client.consultations.track(code, { signal: abort.signal });
      if (abort.signal.aborted) return;
      // Every date of the view in the regency's zone (WIB, WITA or WIT), as the API says.
      this.localize.timeZone = consultation.timeZone;
      this.lookup = { state: 'found', consultation };
      this.announcement = '';
      this.emit('opd-status-loaded', {
        trackingCode: consultation.trackingCode,
        status: consultation.status,
        opd: consultation.opd.slug,
      });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.announcement = '';
      const reading = readError(error);
      this.lookup = this.toFailure(code, reading);
      this.emit('opd-error', opdErrorDetail(error, 'track', reading.kind === 'fields' ? 'not-found' : reading.code));
    }
    if (!byCitizen) return;
    await this.updateComplete;
    focusTemporarily(
      this.renderRoot.querySelector<HTMLElement>(this.lookup.state === 'found' ? '#result-title' : '.result-notice'),
    );
  }

  /** What the citizen is told when a lookup fails. */
  private toFailure(code: string, reading: ErrorReading): Lookup {
    switch (reading.kind) {
      case 'rate-limited':
        return { state: 'rate-limited', code, retryAfter: reading.retryAfter };
      // A code that cannot be a tracking code is, to the citizen, one that does not exist.
      case 'fields':
      case 'not-found':
      case 'unavailable':
        return { state: 'not-found', code };
      case 'offline':
        return { state: 'offline', code };
      case 'conflict':
      case 'server':
        return { state: 'failed', code, requestId: reading.requestId };
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    const error = this.inputError ? t.t(this.inputError === 'format' ? 'error.code.format' : 'error.code.required') : '';
    return html`
      <div part="base" class="base" lang=${t.lang}>
        ${error
          ? renderErrorSummary({
              title: t.t('summary.title'),
              errors: [{ field: 'code', message: error }],
              headingLevel: this.level,
              root: () => this.shadowRoot,
            })
          : nothing}
        <form part="form" class="lookup" novalidate @submit=${this.onSubmit} @input=${this.onInput}>
          ${textField({
            name: 'code',
            label: t.t('status.label'),
            hint: html`<div part="hint" class="hint" id="code-hint">${keepCodesWhole(t.t('status.hint'))}</div>`,
            error,
            errorPrefix: t.t('error.prefix'),
            value: this.typed,
            autocomplete: 'off',
            autocapitalize: 'characters',
            spellcheck: false,
            after: html`<button part="button" class="button" type="submit">${t.t('status.submit')}</button>`,
          })}
        </form>
        <div class="visually-hidden" role="status">${this.announcement}</div>
        ${this.renderLookup()}
      </div>
    `;
  }

  private renderLookup(): TemplateResult | typeof nothing {
    const t = this.localize;
    const lookup = this.lookup;
    const notice = (message: string, tone: 'warning' | 'error', retry: boolean): TemplateResult =>
      renderNotice({
        message: html`<p>${keepCodesWhole(message)}</p>`,
        tone,
        alert: true,
        className: 'result-notice',
        action: retry ? { label: t.t('retry'), onClick: this.retry, look: 'secondary' } : undefined,
      });
    switch (lookup.state) {
      case 'idle':
      case 'loading':
        return nothing;
      case 'not-found':
        return notice(t.t('status.notFound', lookup.code), 'warning', false);
      case 'offline':
        return notice(t.t('status.offline'), 'warning', true);
      case 'rate-limited':
        return notice(t.t('rateLimited', t.wait(lookup.retryAfter)), 'warning', true);
      case 'failed':
        return notice(t.t('server.error', lookup.requestId), 'error', true);
      case 'found':
        return html`<div class="frame">${this.renderConsultation(lookup.consultation)}</div>`;
    }
  }

  /** The English name of an OPD or category with `lang="en"` where the OPD gave one, else its name. */
  private nameOf(named: { name: string; nameEn?: string | undefined }): string {
    return this.localize.lang === 'en' && named.nameEn ? named.nameEn : named.name;
  }

  /** {@link nameOf} for the details; an Indonesian name on an English page is marked `lang="id"` for screen readers. */
  private renderName(named: { name: string; nameEn?: string | undefined }): TemplateResult {
    return this.localize.lang !== 'id' && !named.nameEn
      ? html`<span lang="id">${named.name}</span>`
      : html`${this.nameOf(named)}`;
  }

  /** What is true now and what the citizen can do, for the state `c` is in; none when the answer says it all. */
  private whatNow(c: ConsultationPublic, overdue: boolean): string {
    const t = this.localize;
    if (c.answer) {
      if (c.status === 'closed') return t.t('status.now.closedAnswered', c.trackingCode);
      if (c.status === 'answered') return '';
      return t.t('status.now.reopened');
    }
    if (c.status === 'closed') return t.t('status.now.closed', this.nameOf(c.opd));
    if (overdue) return t.t('status.now.overdue');
    return c.status === 'in_progress' ? t.t('status.now.in_progress') : t.t('status.now.received');
  }

  private renderConsultation(c: ConsultationPublic): TemplateResult {
    const t = this.localize;
    const sub = this.level + 1;
    const overdue = c.overdue && c.status !== 'answered' && c.status !== 'closed';
    const now = this.whatNow(c, overdue);
    return html`
      <section part="result" class="result" aria-labelledby="result-title">
        <div role="heading" aria-level=${this.level} class="heading" id="result-title">
          ${t.t('status.title')} <span class="code">${c.trackingCode}</span>
        </div>
        <dl class="details">
          <div>
            <dt>${t.t('status.status')}</dt>
            <dd><span part="badge" class="badge badge--${c.status}">${t.t(`status.${c.status}`)}</span></dd>
          </div>
          <div>
            <dt>${t.t('status.opd')}</dt>
            <dd>${this.renderName(c.opd)}</dd>
          </div>
          <div>
            <dt>${t.t('status.category')}</dt>
            <dd>${this.renderName(c.category)}</dd>
          </div>
          <div>
            <dt>${t.t('status.submitted')}</dt>
            <dd><time datetime=${c.submittedAt}>${t.dateTime(c.submittedAt)}</time></dd>
          </div>
          <div>
            <dt>${t.t('status.due')}</dt>
            <dd><time datetime=${c.dueAt}>${t.date(c.dueAt, 'full')}</time></dd>
          </div>
        </dl>
        ${overdue
          ? html`<div part="notice" class="notice notice--warning"><p>${t.t('status.overdue', t.date(c.dueAt, 'full'))}</p></div>`
          : nothing}
        <div role="heading" aria-level=${sub} class="heading heading--small">${t.t('status.answer')}</div>
        ${c.answer
          ? html`<div part="answer" class="answer">${c.answer.text}</div>
              <p class="muted">
                <time datetime=${c.answer.answeredAt}>${t.t('status.answeredAt', t.dateTime(c.answer.answeredAt))}</time>
              </p>`
          : nothing}
        ${now ? html`<p class="now">${now}</p>` : nothing}
        <div role="heading" aria-level=${sub} class="heading heading--small">${t.t('status.timeline')}</div>
        <ol part="timeline" class="timeline">
          ${c.timeline.map(
            (entry) => html`<li>
              <span class="timeline-status">${t.t(`status.${entry.status}`)}</span>
              <time class="timeline-time" datetime=${entry.at}>${t.dateTime(entry.at)}</time>
              ${entry.note ? html`<span class="timeline-note">${entry.note}</span>` : nothing}
            </li>`,
          )}
        </ol>
      </section>
    `;
  }
}
