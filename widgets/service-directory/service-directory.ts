/**
 * `<opd-service-directory>`: the regency's digital *mall pelayanan publik* — every OPD's
 * published service standards in one search.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenServices, type ServiceSearch } from '../../src/namespaces/citizen-services.js';
import { serviceCategories, type Service } from '../../src/schemas/services.js';
import type { OpdServicePrintedDetail } from '../service-standard/events.js';
import { channelText, costText, printRequirements, renderServiceStandard } from '../service-standard/standard-view.js';
import { standardViewStyles } from '../service-standard/standard-view.styles.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, type ErrorReading } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { SearchPagesController } from '../shared/search-pages.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdServiceOpenedDetail, OpdServicesLoadedDetail } from './events.js';
import { id } from './i18n/id.js';
import { serviceDirectoryStyles } from './service-directory.styles.js';

export type { OpdServiceOpenedDetail, OpdServicePrintedDetail, OpdServicesLoadedDetail };

/** Results per page. */
const PAGE_SIZE = 10;

/** An OPD in the filter: its slug and its names. */
interface OpdChoice {
  slug: string;
  name: string;
  nameEn: string | undefined;
}

/** A service's key in the page: `opd/slug`. */
const keyOf = (service: Service): string => `${service.opd.slug}/${service.slug}`;

/**
 * The regency's digital *mall pelayanan publik* (issue 20): one search across every OPD's
 * published service standards — Indonesian words as the server ranks them (`ktp` puts
 * *Perekaman dan Pencetakan KTP-el* first; prefixes and small typos find their service) —
 * filtered by OPD, category, online and free; the count of what matches, announced politely;
 * pages of ten with "Muat lebih banyak"; each service's card (name, OPD, online or at the
 * counter, "Gratis" or its cost in rupiah, the time to completion); and a service's standard in
 * place of the list, as `<opd-service-standard>` shows it (one rendering): the requirements as a
 * checklist with a **print** button that prints the checklist alone, the steps, time, cost with
 * its legal basis, product, complaint channels, opening hours, location, the maklumat pelayanan
 * and "Tanya petugas" to the OPD's SIAP consultations. "Kembali ke daftar layanan" returns to
 * the results as they were, the focus on the service opened.
 *
 * ```html
 * <opd-service-directory api="https://layanan.example-kab.go.id"
 *   consultation-url="/konsultasi.html?opd={opd}&layanan={service}"></opd-service-directory>
 * <opd-service-directory api="https://layanan.example-kab.go.id" opd="disdukcapil" lang="en"></opd-service-directory>
 * ```
 *
 * Typing searches once the citizen pauses (a request still on its way is cancelled when the
 * words change); Enter or "Cari" searches at once. What was typed stays in the box when a
 * request fails, with a "Coba lagi" button.
 *
 * @summary The mall pelayanan publik: search every OPD's services, filter, read and print a standard.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - Show only this OPD's services (its slug, e.g. `disdukcapil`); the OPD filter is then hidden.
 * @attr q - Words to search for first; the search box changes it.
 * @attr consultation-url - The page with the OPD's `<opd-consultation-form>`; `{opd}` and `{service}` are filled in. Without it, "Tanya petugas" is a hint without a link.
 * @attr heading-level - The level of the directory's heading (default 2); each service's is one deeper.
 * @attr lang - `id` (default) or `en`.
 *
 * @event opd-services-loaded - A page of results is shown. `detail: { q, opd, category, online, free, total, shown }`.
 * @event opd-service-opened - The citizen opened a service's standard. `detail: { opd, service, name }`.
 * @event opd-service-printed - The citizen printed a service's requirements. `detail: { opd, service }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action: 'load-services' | 'load-more', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and the note under it.
 * @csspart search - The search form (`role="search"`): the box, its button and the filters.
 * @csspart search-input - The search box.
 * @csspart filters - The row of filter selects.
 * @csspart select - Each filter `<select>`.
 * @csspart count - The count line ("12 layanan ditemukan"), a polite live region.
 * @csspart list - The list of results.
 * @csspart result - One service's card (`article`).
 * @csspart result-title - The card's name, a button that opens the standard.
 * @csspart badge - A label: `badge channel` online or at the counter, `badge cost` "Gratis" or the rupiah, `badge` the category.
 * @csspart more - The "Muat lebih banyak" button.
 * @csspart detail - The standard shown in place of the list, with the back button.
 * @csspart back - The "Kembali ke daftar layanan" button.
 * @csspart standard - The standard (`article`).
 * @csspart facts - The standard's time, cost, product and channel.
 * @csspart requirements - The requirements section with its checklist and print button.
 * @csspart checklist - The list of requirements with their checkboxes.
 * @csspart print - The print button (also `button`).
 * @csspart steps - The numbered steps.
 * @csspart pledge - The service pledge.
 * @csspart apply - The "Ajukan secara daring" link.
 * @csspart ask - The "Tanya petugas" link.
 * @csspart notice - Loading, errors, no results.
 * @csspart button - Every button.
 *
 * @cssproperty --opd-service-badge - A badge's background. Default: the surface-alt colour.
 * @cssproperty --opd-service-online - The online badge's background. Default `#e3edf8`.
 * @cssproperty --opd-service-free - The "Gratis" badge's background. Default `#e6f4ea`.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes, meta lines.
 * @cssproperty --opd-color-surface - Card background.
 * @cssproperty --opd-color-surface-alt - Badges and the facts box.
 * @cssproperty --opd-color-border - Borders and rules.
 * @cssproperty --opd-color-primary - Links, buttons, a card's edge, step numbers.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdServiceDirectory extends OpdElement {
  static override styles = [themeStyles, controlStyles, standardViewStyles, serviceDirectoryStyles];

  static override properties: PropertyDeclarations = {
    q: {},
    consultationUrl: { attribute: 'consultation-url' },
    headingLevel: { attribute: 'heading-level', type: Number },
    opdFilter: { state: true, attribute: false },
    category: { state: true, attribute: false },
    online: { state: true, attribute: false },
    free: { state: true, attribute: false },
    opdChoices: { state: true, attribute: false },
    detail: { state: true, attribute: false },
    count: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    printing: { state: true, attribute: false },
  };

  /** The words searched for (the search box's text). */
  q = '';

  /** The page with the OPD's consultation form, `{opd}` and `{service}` filled in; `''`: no link. */
  consultationUrl = '';

  /** The level of the directory's heading (2 by default), so it fits the page's outline. */
  headingLevel = 2;

  private opdFilter = '';
  private category = '';
  /** `'true'`, `'false'` or `''` for both. */
  private online = '';
  /** `'true'`, `'false'` or `''` for both. */
  private free = '';
  /** The OPDs of the filter (`[]` until they arrive); `null` when they could not be read. */
  private opdChoices: OpdChoice[] | null = [];
  /** The service whose standard is shown in place of the list. */
  private detail: Service | undefined = undefined;
  /** What the count line says (a polite live region: it changes once per search). */
  private count = '';
  /** What a screen reader hears besides the count: the results "Muat lebih banyak" added. */
  private announcement = '';
  /** The print button was pressed: only the checklist prints. */
  private printing = false;

  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { services: citizenServices });
  /** The results shown, the search on its way and "Muat lebih banyak". */
  private readonly pages = new SearchPagesController<Service, ServiceSearch>(this, {
    query: () => this.query,
    fetchPage: (query, signal) => this.clients.client.services.search(query, { signal }),
    key: keyOf,
    loaded: (page, query) => {
      this.count = `${this.localize.t('count.found', page.total)}.`;
      this.announcement = '';
      this.emitLoaded(query, page.total, page.data.length);
    },
    failed: (error, more) => {
      if (!more) this.count = '';
      this.emit('opd-error', opdErrorDetail(error, more ? 'load-more' : 'load-services'));
    },
    moreAdded: (added, items, total, query) => {
      this.announcement = this.localize.t('count.more', added.length, items.length, total);
      if (added[0]) this.#focus = keyOf(added[0]);
      this.emitLoaded(query, total, items.length);
    },
  });
  #opdsFor = '';
  #typed = '';
  /** Focus this after the next render: a card's title by its key, or the standard's title. */
  #focus: string | undefined;
  /** Where the page was scrolled when a standard opened, to return there. */
  #scroll = 0;

  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && (this.pages.results.state === 'loading' || this.pages.searching)) void this.pages.search();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('api') || changed.has('opd')) {
      if (changed.has('api') && this.#opdsFor !== this.apiBaseUrl) this.opdChoices = [];
      if (!this.opd && this.#opdsFor !== this.apiBaseUrl) void this.loadOpds();
      void this.pages.search();
    } else if (changed.has('q') && this.q !== this.#typed) {
      void this.pages.search();
    }
  }

  protected override updated(): void {
    const focus = this.#focus;
    if (focus === undefined) return;
    this.#focus = undefined;
    const target =
      focus === 'detail'
        ? this.shadowRoot?.querySelector<HTMLElement>('#detail-title')
        : this.shadowRoot?.querySelector<HTMLElement>(`[data-service="${CSS.escape(focus)}"]`);
    target?.focus();
  }

  /** The search and filters as the API takes them. */
  private get query(): ServiceSearch {
    const opd = this.opd || this.opdFilter;
    return {
      limit: PAGE_SIZE,
      ...(this.q.trim() ? { q: this.q.trim() } : {}),
      ...(opd ? { opd } : {}),
      ...(this.category ? { category: this.category as ServiceSearch['category'] } : {}),
      ...(this.online ? { online: this.online as 'true' | 'false' } : {}),
      ...(this.free ? { free: this.free as 'true' | 'false' } : {}),
    };
  }

  private get narrowed(): boolean {
    return Boolean(this.q.trim() || (!this.opd && this.opdFilter) || this.category || this.online || this.free);
  }

  /** The OPDs for the filter: those running Layanan, by name. A failure leaves the filter out. */
  private async loadOpds(): Promise<void> {
    const base = this.apiBaseUrl;
    this.#opdsFor = base;
    try {
      const all = await this.clients.client.opds.list().toArray();
      if (this.apiBaseUrl !== base) return;
      const collator = new Intl.Collator('id');
      this.opdChoices = all
        .filter((opd) => opd.modules.includes('layanan'))
        .map((opd) => ({ slug: opd.slug, name: opd.name, nameEn: opd.nameEn }))
        .sort((a, b) => collator.compare(a.name, b.name));
    } catch {
      if (this.apiBaseUrl !== base) return;
      this.#opdsFor = '';
      this.opdChoices = null;
    }
  }

  private emitLoaded(query: ServiceSearch, total: number, shown: number): void {
    this.emit('opd-services-loaded', {
      q: query.q ?? '',
      opd: query.opd ?? null,
      category: query.category ?? null,
      online: query.online === undefined ? null : query.online === 'true',
      free: query.free === undefined ? null : query.free === 'true',
      total,
      shown,
    });
  }

  // ---- the search form ----

  private readonly onInput = (event: Event): void => {
    this.q = this.#typed = (event.target as HTMLInputElement).value;
    // The words changed: what is on its way is for other words.
    this.pages.searchSoon();
  };

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.pages.search();
  };

  private readonly onFilter = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const value = select.value;
    if (select.name === 'opd') this.opdFilter = value;
    else if (select.name === 'category') this.category = value;
    else if (select.name === 'online') this.online = value;
    else if (select.name === 'free') this.free = value;
    void this.pages.search();
  };

  private readonly clear = (): void => {
    this.q = this.#typed = '';
    this.opdFilter = '';
    this.category = '';
    this.online = '';
    this.free = '';
    void this.pages.search();
    this.shadowRoot?.querySelector<HTMLElement>('#q')?.focus();
  };

  private readonly retry = (): void => {
    void this.pages.search();
  };

  // ---- the standard in place of the list ----

  private open(service: Service): void {
    this.#scroll = window.scrollY;
    this.detail = service;
    this.#focus = 'detail';
    this.emit('opd-service-opened', { opd: service.opd.slug, service: service.slug, name: service.name });
    // The standard starts where the directory starts, not where the card was.
    if (this.getBoundingClientRect().top < 0) this.scrollIntoView({ block: 'start' });
  }

  private readonly back = (): void => {
    const shown = this.detail;
    this.detail = undefined;
    if (shown) this.#focus = keyOf(shown);
    void this.updateComplete.then(() => window.scrollTo({ top: this.#scroll }));
  };

  private readonly print = (): void => {
    const shown = this.detail;
    if (!shown) return;
    this.emit('opd-service-printed', { opd: shown.opd.slug, service: shown.slug });
    void printRequirements(
      (on) => (this.printing = on),
      () => this.updateComplete,
    );
  };

  // ---- names ----

  private opdName(slug: string, fallback: string): string {
    const choice = this.opdChoices?.find((opd) => opd.slug === slug);
    if (!choice) return fallback;
    return this.localize.lang === 'en' && choice.nameEn ? choice.nameEn : choice.name;
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.localize;
    const { results, searching, more } = this.pages;
    const busy = results.state === 'loading' || searching || more === 'loading';
    const classes = ['base', this.printing ? 'printing' : '', this.detail ? 'base--detail' : ''].filter(Boolean).join(' ');
    return html`
      <div part="base" class=${classes} lang=${t.lang} aria-busy=${busy ? 'true' : 'false'}>
        <div part="header" class="header">
          <div role="heading" aria-level=${this.level} class="heading">${t.t('list.title')}</div>
          <p class="muted note">${t.t('list.intro')}</p>
        </div>
        ${this.detail ? this.renderDetail(this.detail) : nothing}
        <div class="directory" ?hidden=${Boolean(this.detail)}>
          ${this.renderSearch()}
          <div class="count-row">
            <p part="count" class="count-line" role="status">${this.count}</p>
            <button part="button" type="button" class=${this.narrowed ? 'link-button clear' : 'link-button clear clear--hidden'} @click=${this.clear}>${t.t('filter.clear')}</button>
          </div>
          ${this.renderResults()}
        </div>
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderDetail(service: Service): TemplateResult {
    const t = this.localize;
    return html`<div part="detail" class="detail">
      <button part="back button" type="button" class="button button--secondary back" @click=${this.back}>← ${t.t('detail.back')}</button>
      ${renderServiceStandard(service, t, {
        level: this.level + 1,
        titleId: 'detail-title',
        opdName: this.opdName(service.opd.slug, service.opd.name),
        consultationUrl: this.consultationUrl,
        onPrint: this.print,
      })}
    </div>`;
  }

  private renderSearch(): TemplateResult {
    const t = this.localize;
    const select = (name: string, label: string, value: string, options: [string, string][]) => html`
      <div class="filter">
        <label class="label" for=${`filter-${name}`}>${label}</label>
        <select part="select" class="input" id=${`filter-${name}`} name=${name} @change=${this.onFilter}>
          ${options.map(([key, text]) => html`<option value=${key} ?selected=${key === value}>${text}</option>`)}
        </select>
      </div>
    `;
    return html`
      <form part="search" class="search" role="search" aria-label=${t.t('search.landmark')} @submit=${this.onSubmit}>
        <div class="field search-field">
          <label class="label" for="q">${t.t('search.label')}</label>
          <p class="hint" id="q-hint">${t.t('search.hint')}</p>
          <div class="search-row">
            <input
              part="search-input"
              class="input search-input"
              id="q"
              name="q"
              type="search"
              maxlength="200"
              autocomplete="off"
              enterkeyhint="search"
              aria-describedby="q-hint"
              .value=${this.q}
              @input=${this.onInput}
            />
            <button part="button" type="submit" class="button search-button">${t.t('search.button')}</button>
          </div>
        </div>
        <div part="filters" class="filters">
          ${!this.opd && this.opdChoices
            ? select('opd', t.t('filter.opd'), this.opdFilter, [
                ['', t.t('filter.allOpds')],
                ...this.opdChoices.map((opd): [string, string] => [opd.slug, t.lang === 'en' && opd.nameEn ? opd.nameEn : opd.name]),
              ])
            : nothing}
          ${select('category', t.t('filter.category'), this.category, [
            ['', t.t('filter.allCategories')],
            ...serviceCategories.map((category): [string, string] => [category, t.t(`std.category.${category}`)]),
          ])}
          ${select('online', t.t('filter.online'), this.online, [
            ['', t.t('filter.allChannels')],
            ['true', t.t('filter.onlineOnly')],
            ['false', t.t('filter.offlineOnly')],
          ])}
          ${select('free', t.t('filter.free'), this.free, [
            ['', t.t('filter.allCosts')],
            ['true', t.t('filter.freeOnly')],
            ['false', t.t('filter.paidOnly')],
          ])}
        </div>
      </form>
    `;
  }

  private renderResults(): TemplateResult {
    const t = this.localize;
    const { results, searching, more } = this.pages;
    switch (results.state) {
      case 'loading':
        return html`<div class="results results--loading">
          <div part="notice" class="notice loading"><p>${t.t('count.loading')}</p></div>
        </div>`;
      case 'failed':
        return html`<div class="results">${this.renderFailure(results.reading)}</div>`;
      case 'ready':
        break;
    }
    if (results.items.length === 0) {
      return html`<div class="results">
        ${renderNotice({ message: this.narrowed ? t.t('empty.search') : t.t('empty.none'), className: 'empty-notice' })}
      </div>`;
    }
    return html`
      <div class=${`results${searching ? ' results--stale' : ''}`}>
        <ul part="list" class="list" role="list">
          ${results.items.map((item) => html`<li>${this.renderResult(item)}</li>`)}
        </ul>
        ${results.nextCursor
          ? html`<div class="more-row">
              <p class="muted shown">${t.t('count.shown', results.items.length, results.total)}</p>
              ${more === 'failed'
                ? renderNotice({ message: t.t('more.failed'), tone: 'error', alert: true, className: 'more-notice' })
                : nothing}
              <button part="more button" type="button" class="button button--secondary more" ?disabled=${more === 'loading'} @click=${this.pages.loadMore}>
                ${more === 'loading' ? t.t('more.loading') : more === 'failed' ? t.t('retry') : t.t('more.button')}
              </button>
            </div>`
          : nothing}
      </div>
    `;
  }

  private renderFailure(reading: ErrorReading): TemplateResult {
    const t = this.localize;
    const notice = (message: string, tone: 'warning' | 'error') =>
      renderNotice({ message, tone, alert: true, className: 'list-notice', action: { label: t.t('retry'), onClick: this.retry } });
    switch (reading.kind) {
      case 'offline':
        return notice(t.t('error.offline'), 'warning');
      case 'rate-limited':
        return notice(t.t('rateLimited', t.wait(reading.retryAfter)), 'warning');
      case 'fields':
        return notice(t.t('error.problem', reading.fieldErrors.map((e) => e.message).join('; ')), 'error');
      case 'unavailable':
      case 'not-found':
        return notice(t.t('error.unavailable'), 'warning');
      case 'conflict':
      case 'server':
        return notice(t.t('server.error', reading.requestId), 'error');
    }
  }

  private renderResult(item: Service): TemplateResult {
    const t = this.localize;
    const key = keyOf(item);
    const titleId = `result-${item.opd.slug}-${item.slug}`;
    return html`<article part="result" class="result" aria-labelledby=${titleId}>
      <div role="heading" aria-level=${this.level + 1} class="result-heading">
        <button part="result-title" type="button" class="result-title" id=${titleId} data-service=${key} lang="id" @click=${() => this.open(item)}>
          ${item.name}
        </button>
      </div>
      <p class="meta"><span class="visually-hidden">${t.t('std.opd')}: </span>${this.opdName(item.opd.slug, item.opd.name)}</p>
      <p class="badges">
        <span part="badge channel" class=${item.online ? 'badge badge--online' : 'badge'}>${channelText(item, t)}</span>
        <span part="badge cost" class=${item.cost.free ? 'badge badge--free' : 'badge'}>${costText(item, t)}</span>
      </p>
      <p class="result-time"><span class="muted">${t.t('result.time')}:</span> <span lang="id">${item.duration.text}</span></p>
    </article>`;
  }
}
