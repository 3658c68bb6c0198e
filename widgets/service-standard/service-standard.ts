/**
 * `<opd-service-standard>`: one service's published standard, for an OPD's own page.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenServices } from '../../src/namespaces/citizen-services.js';
import type { Service } from '../../src/schemas/services.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError, type ErrorReading } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdServiceLoadedDetail, OpdServicePrintedDetail } from './events.js';
import { id } from './i18n/id.js';
import { serviceStandardStyles } from './service-standard.styles.js';
import { printRequirements, renderServiceStandard } from './standard-view.js';
import { standardViewStyles } from './standard-view.styles.js';

export type { OpdServiceLoadedDetail, OpdServicePrintedDetail };

type Card =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'ready'; service: Service; opdName: string }
  | { state: 'failed'; reading: ErrorReading };

/**
 * One service's standard as its OPD publishes it (UU 25/2009, PermenPAN-RB 15/2014), for the
 * OPD's own page: the name, category, online or at the counter, the cost ("Gratis" or rupiah),
 * then the six published components — the requirements as a checklist a citizen can tick and
 * **print** on its own, the steps numbered, the time to completion, the cost with its legal
 * basis, the product, the complaint channels — the opening hours, the location, the unit's
 * *maklumat pelayanan*, the link to apply on line when there is one, "Tanya petugas" to the
 * OPD's SIAP consultations, and the version in force. `<opd-service-directory>` shows the same
 * standard in its details (one rendering, `standard-view.ts`).
 *
 * ```html
 * <opd-service-standard api="https://layanan.example-kab.go.id" opd="disdukcapil" service="ktp-el"
 *   consultation-url="/konsultasi.html?opd={opd}&layanan={service}"></opd-service-standard>
 * ```
 *
 * @summary One service's published standard: requirements to print, steps, time, cost, hours, pledge.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The OPD's slug, e.g. `disdukcapil` (required).
 * @attr service - The service's slug within the OPD, e.g. `ktp-el` (required).
 * @attr consultation-url - The page with the OPD's `<opd-consultation-form>`; `{opd}` and `{service}` are filled in. Without it, "Tanya petugas" is a hint without a link.
 * @attr heading-level - The level of the service's name as a heading (default 2); sections are one deeper.
 * @attr lang - `id` (default) or `en`.
 *
 * @event opd-service-loaded - The standard is shown. `detail: { opd, service, name, version }`.
 * @event opd-service-printed - The citizen printed the requirements. `detail: { opd, service }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action: 'load-service', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart standard - The standard (`article`).
 * @csspart badge - A label under the name: `badge` category, `badge channel`, `badge cost`.
 * @csspart facts - The time, cost, product and channel.
 * @csspart requirements - The requirements section with its checklist and print button.
 * @csspart checklist - The list of requirements with their checkboxes.
 * @csspart print - The print button (also `button`).
 * @csspart steps - The numbered steps.
 * @csspart pledge - The service pledge.
 * @csspart apply - The "Ajukan secara daring" link.
 * @csspart ask - The "Tanya petugas" link.
 * @csspart notice - Loading and errors.
 * @csspart button - Every button.
 *
 * @cssproperty --opd-service-badge - A badge's background. Default: the surface-alt colour.
 * @cssproperty --opd-service-online - The online badge's background. Default `#e3edf8`.
 * @cssproperty --opd-service-free - The "Gratis" badge's background. Default `#e6f4ea`.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes, meta lines.
 * @cssproperty --opd-color-surface - Background.
 * @cssproperty --opd-color-surface-alt - Badges and the facts box.
 * @cssproperty --opd-color-border - Borders and rules.
 * @cssproperty --opd-color-primary - Links, buttons, step numbers.
 * @cssproperty --opd-color-on-primary - Text on primary buttons and step numbers.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdServiceStandard extends OpdElement {
  static override styles = [themeStyles, controlStyles, standardViewStyles, serviceStandardStyles];

  static override properties: PropertyDeclarations = {
    service: {},
    consultationUrl: { attribute: 'consultation-url' },
    headingLevel: { attribute: 'heading-level', type: Number },
    card: { state: true, attribute: false },
    printing: { state: true, attribute: false },
  };

  /** The service's slug within the OPD. */
  service = '';

  /** The page with the OPD's consultation form, `{opd}` and `{service}` filled in; `''`: no link. */
  consultationUrl = '';

  /** The level of the service's name as a heading (2 by default). */
  headingLevel = 2;

  private card: Card = { state: 'loading' };
  /** The print button was pressed: only the checklist prints. */
  private printing = false;

  // English is its own chunk, fetched only when the widget is set to English.
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { services: citizenServices });
  #abort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && this.card.state === 'loading') void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('api') || changed.has('opd') || changed.has('service')) void this.load();
  }

  /** Reads the service's standard, and the OPD (its English name and time zone) beside it. */
  private async load(): Promise<void> {
    this.#abort?.abort();
    if (!this.opd || !this.service) {
      this.card = { state: 'missing' };
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    const { opd, service: slug } = this;
    this.card = { state: 'loading' };
    const client = this.clients.client;
    // The OPD is a nicety (English name, zone): the card shows without it.
    const opdRead = client.opds.get(opd, { signal: abort.signal }).catch(() => undefined);
    try {
      const service = await client.services.get(opd, slug, { signal: abort.signal });
      const about = await opdRead;
      if (abort.signal.aborted) return;
      if (about?.timeZone) this.localize.timeZone = about.timeZone;
      this.card = { state: 'ready', service, opdName: about?.nameEn && this.localize.lang === 'en' ? about.nameEn : service.opd.name };
      this.emit('opd-service-loaded', { opd, service: slug, name: service.name, version: service.version.number });
    } catch (error) {
      if (abort.signal.aborted) return;
      this.card = { state: 'failed', reading: readError(error) };
      this.emit('opd-error', opdErrorDetail(error, 'load-service'));
    }
  }

  private readonly retry = (): void => {
    void this.load();
  };

  private readonly print = (): void => {
    const card = this.card;
    if (card.state !== 'ready') return;
    this.emit('opd-service-printed', { opd: card.service.opd.slug, service: card.service.slug });
    void printRequirements(
      (on) => (this.printing = on),
      () => this.updateComplete,
    );
  };

  protected override render(): TemplateResult {
    const t = this.localize;
    const card = this.card;
    return html`<div part="base" class=${this.printing ? 'base printing' : 'base'} lang=${t.lang} aria-busy=${card.state === 'loading' ? 'true' : 'false'}>
      ${card.state === 'ready'
        ? renderServiceStandard(card.service, t, {
            level: Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2)),
            titleId: 'service-title',
            opdName: card.opdName,
            consultationUrl: this.consultationUrl,
            onPrint: this.print,
          })
        : nothing}
      ${card.state === 'loading' ? html`<div class="placeholder">${renderNotice({ message: t.t('card.loading'), className: 'loading' })}</div>` : nothing}
      ${card.state === 'missing' ? renderNotice({ message: t.t('card.missing'), tone: 'error', className: 'card-notice' }) : nothing}
      ${card.state === 'failed' ? this.renderFailure(card.reading) : nothing}
    </div>`;
  }

  private renderFailure(reading: ErrorReading): TemplateResult {
    const t = this.localize;
    const notice = (message: string, tone: 'warning' | 'error') =>
      renderNotice({ message, tone, alert: true, className: 'card-notice', action: { label: t.t('retry'), onClick: this.retry } });
    switch (reading.kind) {
      case 'offline':
        return notice(t.t('card.offline'), 'warning');
      case 'rate-limited':
        return notice(t.t('rateLimited', t.wait(reading.retryAfter)), 'warning');
      case 'fields':
        return notice(t.t('card.problem', reading.fieldErrors.map((e) => e.message).join('; ')), 'error');
      case 'not-found':
        return notice(t.t('card.notFound'), 'warning');
      case 'unavailable':
        return notice(t.t('card.unavailable'), 'warning');
      case 'conflict':
      case 'server':
        return notice(t.t('server.error', reading.requestId), 'error');
    }
  }
}
