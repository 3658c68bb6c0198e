/**
 * `<opd-innovation-list>`: One OPD One Innovation's public catalogue of verified innovations.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenInnovations, type InnovationSearch } from '../../src/namespaces/citizen-innovations.js';
import { innovationStages, innovationTypes, type Innovation, type InnovationEvidenceFile, type ScoringModel } from '../../src/schemas/innovations.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, type ErrorReading } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { SearchPagesController } from '../shared/search-pages.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdInnovationOpenedDetail, OpdInnovationsLoadedDetail } from './events.js';
import { id } from './i18n/id.js';
import { innovationListStyles } from './innovation-list.styles.js';

export type { OpdInnovationOpenedDetail, OpdInnovationsLoadedDetail };

/** Results per page: a phone on a slow connection gets the first ones quickly; "Muat lebih banyak" adds the next. */
const PAGE_SIZE = 10;

/** The longest excerpt of a problem shown in a result (characters). */
const EXCERPT_LENGTH = 160;

/** An OPD in the filter: its slug and the name to show in the language. */
interface OpdChoice {
  slug: string;
  name: string;
  nameEn: string | undefined;
}

/** The text cut at a word before `length` characters, with an ellipsis when cut. */
function excerpt(text: string, length = EXCERPT_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= length) return clean;
  const cut = clean.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/**
 * The public catalogue of One OPD One Innovation (issue 18): the regency's verified regional
 * innovations (PP 38/2017), searched by words — the server's search handles Indonesian words,
 * prefixes (`posy`) and small typos (`posyndu`) — and filtered by OPD, form, stage and digital
 * or not; the count of what matches, announced politely; pages of ten with "Muat lebih banyak"
 * (cheap on a slow phone; the focus moves to the first result added); and each innovation's
 * details in a dialog (problem, novelty and solution, benefits, results, the stages with their
 * dates, start date, budget source and the evidence files by indicator, as links). The public
 * API never sends an innovation's contact person, and neither does this widget show one.
 *
 * ```html
 * <opd-innovation-list api="https://layanan.example-kab.go.id"></opd-innovation-list>
 * <opd-innovation-list api="https://layanan.example-kab.go.id" opd="dinas-kesehatan" lang="en"></opd-innovation-list>
 * ```
 *
 * Typing searches once the citizen pauses (a request still on its way is cancelled when the
 * words change); Enter or "Cari" searches at once. What was typed stays in the box when a
 * request fails, with a "Coba lagi" button.
 *
 * @summary The catalogue of verified regional innovations: search, filters, count, pages, details.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - Show only this OPD's innovations (its slug, e.g. `dinas-kesehatan`); the OPD filter is then hidden.
 * @attr q - Words to search for first; the search box changes it.
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the catalogue's heading (default 2); each result's is one deeper.
 *
 * @event opd-innovations-loaded - A page of results is shown. `detail: { q, opd, type, stage, digital, total, shown }`.
 * @event opd-innovation-opened - The citizen opened an innovation's details. `detail: { id, name, opd }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action: 'load-innovations' | 'load-more', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title and the note under it.
 * @csspart search - The search form (`role="search"`): the box, its button and the filters.
 * @csspart search-input - The search box.
 * @csspart filters - The row of filter selects.
 * @csspart select - Each filter `<select>`.
 * @csspart count - The count line ("12 inovasi ditemukan"), a polite live region.
 * @csspart list - The list of results.
 * @csspart result - One result (`article`).
 * @csspart result-title - The result's name, a button that opens its details.
 * @csspart badge - A label on a result or in the details: the stage, `badge digital` digital, `badge non-digital`.
 * @csspart excerpt - The short excerpt of the problem in a result.
 * @csspart more - The "Muat lebih banyak" button.
 * @csspart dialog - The details dialog (`<dialog>`).
 * @csspart evidence - The list of evidence files in the details.
 * @csspart notice - Loading, errors, no results.
 * @csspart button - Every button.
 *
 * @cssproperty --opd-innovation-badge - A badge's background. Default: the surface-alt colour.
 * @cssproperty --opd-innovation-digital - The digital badge's background. Default `#e3edf8`.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes, meta lines.
 * @cssproperty --opd-color-surface - Panel and card background.
 * @cssproperty --opd-color-surface-alt - Badges.
 * @cssproperty --opd-color-border - Borders and rules.
 * @cssproperty --opd-color-primary - Links, buttons, a result's edge.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdInnovationList extends OpdElement {
  static override styles = [themeStyles, controlStyles, innovationListStyles];

  static override properties: PropertyDeclarations = {
    q: {},
    headingLevel: { attribute: 'heading-level', type: Number },
    opdFilter: { state: true, attribute: false },
    type: { state: true, attribute: false },
    stage: { state: true, attribute: false },
    digital: { state: true, attribute: false },
    opdChoices: { state: true, attribute: false },
    detail: { state: true, attribute: false },
    count: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The words searched for (the search box's text). */
  q = '';

  /** The level of the catalogue's heading (2 by default), so it fits the page's outline. */
  headingLevel = 2;

  /** The OPD chosen in the filter, `''` for all (unused when the `opd` attribute is set). */
  private opdFilter = '';
  private type = '';
  private stage = '';
  /** `'true'`, `'false'` or `''` for both. */
  private digital = '';
  /** The OPDs of the filter (`[]` until they arrive: the select is there from the start, so nothing moves); `null` when they could not be read. */
  private opdChoices: OpdChoice[] | null = [];
  /** The innovation whose details are open. */
  private detail: Innovation | undefined = undefined;
  /** What the count line says (a polite live region: it changes once per search). */
  private count = '';
  /** What a screen reader hears besides the count: the results "Muat lebih banyak" added. */
  private announcement = '';

  // English is its own chunk, fetched only when the widget is set to English (see LocalizeController).
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { innovations: citizenInnovations });
  /** The results shown, the search on its way and "Muat lebih banyak". */
  private readonly pages = new SearchPagesController<Innovation, InnovationSearch>(this, {
    query: () => this.query,
    fetchPage: (query, signal) => this.clients.client.innovations.search(query, { signal }),
    key: (item) => item.id,
    loaded: (page, query) => {
      this.count = `${this.localize.t('count.found', page.total)}.`;
      this.announcement = '';
      this.emitLoaded(query, page.total, page.data.length);
    },
    failed: (error, more) => {
      if (!more) this.count = '';
      this.emit('opd-error', opdErrorDetail(error, more ? 'load-more' : 'load-innovations'));
    },
    moreAdded: (added, items, total, query) => {
      this.announcement = this.localize.t('count.more', added.length, items.length, total);
      if (added[0]) this.#focusResult = added[0].id;
      this.emitLoaded(query, total, items.length);
    },
  });
  /** The scoring models by year (for the evidence indicators' names), once read. */
  readonly #models = new Map<number, ScoringModel | null>();
  /** What to focus when the dialog closes. */
  #opener: HTMLElement | undefined;
  /** The OPD list has been asked for (once per `api`). */
  #opdsFor = '';
  /** The words last typed in the box (their search waits for a pause in typing). */
  #typed = '';
  /** Focus this result (by id) after the next render: the first one "Muat lebih banyak" added. */
  #focusResult: number | undefined;

  /** {@link headingLevel} kept within 1–5 (results are one deeper). */
  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a removal: reload what the removal cancelled.
    if (this.hasUpdated && (this.pages.results.state === 'loading' || this.pages.searching)) void this.pages.search();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('api') || changed.has('opd')) {
      if (changed.has('api') && this.#opdsFor !== this.apiBaseUrl) this.opdChoices = [];
      if (!this.opd && this.#opdsFor !== this.apiBaseUrl) void this.loadOpds();
      void this.pages.search();
    } else if (changed.has('q') && this.q !== this.#typed) {
      // Set by the page (the attribute or the property), not typed: search at once.
      void this.pages.search();
    }
  }

  protected override updated(): void {
    const focus = this.#focusResult;
    if (focus === undefined) return;
    this.#focusResult = undefined;
    this.shadowRoot?.querySelector<HTMLElement>(`[data-innovation="${focus}"]`)?.focus();
  }

  /** The search and filters as the API takes them. */
  private get query(): InnovationSearch {
    const opd = this.opd || this.opdFilter;
    return {
      limit: PAGE_SIZE,
      ...(this.q.trim() ? { q: this.q.trim() } : {}),
      ...(opd ? { opd } : {}),
      ...(this.type ? { type: this.type as InnovationSearch['type'] } : {}),
      ...(this.stage ? { stage: this.stage as InnovationSearch['stage'] } : {}),
      ...(this.digital ? { digital: this.digital as 'true' | 'false' } : {}),
    };
  }

  /** Whether words or a filter (other than the `opd` attribute) narrow the catalogue. */
  private get narrowed(): boolean {
    return Boolean(this.q.trim() || (!this.opd && this.opdFilter) || this.type || this.stage || this.digital);
  }

  /** The OPDs for the filter: those running the module, by name. A failure leaves the filter out. */
  private async loadOpds(): Promise<void> {
    const base = this.apiBaseUrl;
    this.#opdsFor = base;
    try {
      const all = await this.clients.client.opds.list().toArray();
      if (this.apiBaseUrl !== base) return;
      const collator = new Intl.Collator('id');
      this.opdChoices = all
        .filter((opd) => opd.modules.includes('innovation'))
        .map((opd) => ({ slug: opd.slug, name: opd.name, nameEn: opd.nameEn }))
        .sort((a, b) => collator.compare(a.name, b.name));
    } catch {
      // The catalogue works without the OPD filter; the next `api` asks again.
      if (this.apiBaseUrl !== base) return;
      this.#opdsFor = '';
      this.opdChoices = null;
    }
  }

  private emitLoaded(query: InnovationSearch, total: number, shown: number): void {
    this.emit('opd-innovations-loaded', {
      q: query.q ?? '',
      opd: query.opd ?? null,
      type: query.type ?? null,
      stage: query.stage ?? null,
      digital: query.digital === undefined ? null : query.digital === 'true',
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
    else if (select.name === 'type') this.type = value;
    else if (select.name === 'stage') this.stage = value;
    else if (select.name === 'digital') this.digital = value;
    void this.pages.search();
  };

  private readonly clear = (): void => {
    this.q = this.#typed = '';
    this.opdFilter = '';
    this.type = '';
    this.stage = '';
    this.digital = '';
    void this.pages.search();
    this.shadowRoot?.querySelector<HTMLElement>('#q')?.focus();
  };

  private readonly retry = (): void => {
    void this.pages.search();
  };

  // ---- the details dialog ----

  private async open(item: Innovation, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.detail = item;
    this.emit('opd-innovation-opened', { id: item.id, name: item.name, opd: item.opd.slug });
    void this.loadModel(item.year);
    await this.updateComplete;
    const dialog = this.shadowRoot?.querySelector<HTMLDialogElement>('dialog');
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.dialog-title')?.focus();
  }

  /** Reads the year's scoring model once, for the evidence indicators' names (their ids stand in until then, or if it fails). */
  private async loadModel(year: number): Promise<void> {
    if (this.#models.has(year)) return;
    this.#models.set(year, null);
    try {
      this.#models.set(year, await this.clients.client.innovations.model(year));
      this.requestUpdate();
    } catch {
      this.#models.delete(year);
    }
  }

  private readonly closeDialog = (): void => {
    this.shadowRoot?.querySelector<HTMLDialogElement>('dialog')?.close();
  };

  private readonly onDialogClose = (): void => {
    this.detail = undefined;
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus();
  };

  /** A click on the backdrop (outside the dialog's box) closes it, as Escape does. */
  private readonly onDialogClick = (event: MouseEvent): void => {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  };

  // ---- names ----

  private opdName(slug: string, fallback: string): string {
    const choice = this.opdChoices?.find((opd) => opd.slug === slug);
    if (!choice) return fallback;
    return this.localize.lang === 'en' && choice.nameEn ? choice.nameEn : choice.name;
  }

  private day(value: string | null): string {
    return value ? this.localize.date(`${value}T12:00:00Z`) : this.localize.t('detail.notReached');
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.localize;
    const { results, searching, more } = this.pages;
    const busy = results.state === 'loading' || searching || more === 'loading';
    return html`
      <div part="base" class="base" lang=${t.lang} aria-busy=${busy ? 'true' : 'false'}>
        <div part="header" class="header">
          <div role="heading" aria-level=${this.level} class="heading">${t.t('list.title')}</div>
          <p class="muted note">${t.t('list.intro')}</p>
        </div>
        ${this.renderSearch()}
        <div class="count-row">
          <p part="count" class="count-line" role="status">${this.count}</p>
          <button part="button" type="button" class=${this.narrowed ? 'link-button clear' : 'link-button clear clear--hidden'} @click=${this.clear}>${t.t('filter.clear')}</button>
        </div>
        ${this.renderResults()}
        ${this.renderDialog()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
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
          ${select('type', t.t('filter.type'), this.type, [['', t.t('filter.allTypes')], ...innovationTypes.map((type): [string, string] => [type, t.t(`type.${type}`)])])}
          ${select('stage', t.t('filter.stage'), this.stage, [
            ['', t.t('filter.allStages')],
            ...innovationStages.map((stage): [string, string] => [stage, t.t(`stage.${stage}`)]),
          ])}
          ${select('digital', t.t('filter.digital'), this.digital, [
            ['', t.t('filter.allDigital')],
            ['true', t.t('digital.true')],
            ['false', t.t('digital.false')],
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
    const synthetic = results.items.some((item) => item.synthetic);
    return html`
      <div class=${`results${searching ? ' results--stale' : ''}`}>
        ${synthetic ? html`<p class="muted note synthetic">${t.t('list.synthetic')}</p>` : nothing}
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
    const retry = { label: t.t('retry'), onClick: this.retry };
    switch (reading.kind) {
      case 'offline':
        return renderNotice({ message: t.t('error.offline'), tone: 'warning', alert: true, className: 'list-notice', action: retry });
      case 'rate-limited':
        return renderNotice({ message: t.t('rateLimited', t.wait(reading.retryAfter)), tone: 'warning', alert: true, className: 'list-notice', action: retry });
      case 'fields':
        return renderNotice({
          message: t.t('error.problem', reading.fieldErrors.map((e) => e.message).join('; ')),
          tone: 'error',
          alert: true,
          className: 'list-notice',
          action: retry,
        });
      case 'unavailable':
      case 'not-found':
        return renderNotice({ message: t.t('error.unavailable'), tone: 'warning', alert: true, className: 'list-notice', action: retry });
      case 'conflict':
      case 'server':
        return renderNotice({ message: t.t('server.error', reading.requestId), tone: 'error', alert: true, className: 'list-notice', action: retry });
    }
  }

  /** The badges of an innovation: its stage, and digital or not. */
  private renderBadges(item: Innovation): TemplateResult {
    const t = this.localize;
    return html`<span class="badges">
      <span part="badge stage" class="badge">${t.t(`stage.${item.stage}`)}</span>
      <span part=${item.digital ? 'badge digital' : 'badge non-digital'} class=${item.digital ? 'badge badge--digital' : 'badge'}
        >${t.t(item.digital ? 'digital.true' : 'digital.false')}</span
      >
    </span>`;
  }

  private renderResult(item: Innovation): TemplateResult {
    const t = this.localize;
    return html`<article part="result" class="result" aria-labelledby=${`result-${item.id}`}>
      <div role="heading" aria-level=${this.level + 1} class="result-heading">
        <button
          part="result-title"
          type="button"
          class="result-title"
          id=${`result-${item.id}`}
          data-innovation=${item.id}
          aria-haspopup="dialog"
          lang="id"
          @click=${(event: Event) => void this.open(item, event.currentTarget as HTMLElement)}
        >
          ${item.name}
        </button>
      </div>
      <p class="meta"><span class="visually-hidden">${t.t('result.opd')}: </span>${this.opdName(item.opd.slug, item.opd.name)}</p>
      <p class="meta meta--type">${t.t(`type.${item.type}`)} ${this.renderBadges(item)}</p>
      <p part="excerpt" class="excerpt" lang="id">${excerpt(item.problem)}</p>
    </article>`;
  }

  private renderDialog(): TemplateResult {
    const t = this.localize;
    const item = this.detail;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @click=${this.onDialogClick}>
      ${item
        ? html`<div class="dialog-box">
            <div class="dialog-head">
              <h2 class="dialog-title heading" id="dialog-title" tabindex="-1" lang="id">${item.name}</h2>
              <button part="button" type="button" class="button button--secondary close" @click=${this.closeDialog}>${t.t('detail.close')}</button>
            </div>
            ${this.renderDetail(item)}
          </div>`
        : nothing}
    </dialog>`;
  }

  private renderDetail(item: Innovation): TemplateResult {
    const t = this.localize;
    const text = (label: string, value: string | null) => html`<div class="section">
      <h3 class="heading heading--small">${label}</h3>
      ${value ? html`<p class="prose" lang="id">${value}</p>` : html`<p class="muted">${t.t('detail.none')}</p>`}
    </div>`;
    return html`
      <p class="flags">${this.renderBadges(item)}</p>
      ${item.synthetic ? html`<p class="muted note">${t.t('list.synthetic')}</p>` : nothing}
      <dl class="details">
        <div><dt>${t.t('detail.opd')}</dt><dd class="detail-opd">${this.opdName(item.opd.slug, item.opd.name)}</dd></div>
        <div><dt>${t.t('detail.type')}</dt><dd>${t.t(`type.${item.type}`)}</dd></div>
        <div><dt>${t.t('detail.digital')}</dt><dd>${t.t(item.digital ? 'digital.true' : 'digital.false')}</dd></div>
        <div><dt>${t.t('detail.stage')}</dt><dd>${t.t(`stage.${item.stage}`)}</dd></div>
        <div><dt>${t.t('detail.startDate')}</dt><dd>${item.startDate ? this.day(item.startDate) : t.t('detail.none')}</dd></div>
        <div><dt>${t.t('detail.budget')}</dt><dd>${item.budgetSource ?? t.t('detail.none')}</dd></div>
        <div><dt>${t.t('detail.year')}</dt><dd>${item.year}</dd></div>
        ${item.verifiedAt ? html`<div><dt>${t.t('detail.verified')}</dt><dd>${t.date(item.verifiedAt)}</dd></div>` : nothing}
      </dl>
      <div class="section">
        <h3 class="heading heading--small">${t.t('detail.stages')}</h3>
        <ol class="stages">
          ${innovationStages.map(
            (stage) => html`<li class=${item.stageDates[stage] ? 'stage stage--reached' : 'stage'}>
              <span class="stage-name">${t.t(`stage.${stage}`)}</span>: <span class="stage-date">${this.day(item.stageDates[stage])}</span>
            </li>`,
          )}
        </ol>
      </div>
      ${text(t.t('detail.problem'), item.problem)} ${text(t.t('detail.solution'), item.solution)} ${text(t.t('detail.benefits'), item.benefits)}
      ${text(t.t('detail.results'), item.results)}
      <div class="section">
        <h3 class="heading heading--small">${t.t('detail.evidence')}</h3>
        ${item.evidence.length > 0 ? this.renderEvidence(item) : html`<p class="muted">${t.t('detail.noEvidence')}</p>`}
      </div>
    `;
  }

  /** The evidence files grouped by indicator, in the year's model's order (its names once read). */
  private renderEvidence(item: Innovation): TemplateResult {
    const t = this.localize;
    const model = this.#models.get(item.year) ?? undefined;
    const groups = new Map<string, InnovationEvidenceFile[]>();
    for (const file of item.evidence) groups.set(file.indicator, [...(groups.get(file.indicator) ?? []), file]);
    const indicator = (key: string) => model?.indicators.find((i) => i.id === key);
    const order = [...groups.keys()].sort((a, b) => (indicator(a)?.number ?? 999) - (indicator(b)?.number ?? 999));
    const kb = new Intl.NumberFormat(t.locale, { maximumFractionDigits: 1 });
    return html`<ul part="evidence" class="evidence" role="list">
      ${order.map((key) => {
        const known = indicator(key);
        return html`<li class="indicator" data-indicator=${key}>
          <span class="indicator-name">${known ? `${known.number}. ${known.name}` : key.replace(/-/g, ' ')}</span>
          <ul class="files" role="list">
            ${groups.get(key)!.map(
              (file) => html`<li>
                <a href=${file.url} target="_blank" rel="noopener">${file.title}<span class="visually-hidden"> ${t.t('detail.newWindow')}</span></a>
                <span class="muted file-meta">(${t.t('detail.file', file.mediaType.split('/')[1]!.toUpperCase(), t.t('detail.kb', kb.format(Math.max(0.1, file.bytes / 1024))))})</span>
              </li>`,
            )}
          </ul>
        </li>`;
      })}
    </ul>`;
  }
}
