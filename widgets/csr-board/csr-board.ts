/**
 * `<opd-csr-board>`: SIP BENAR's public board of where CSR money goes.
 *
 * @module
 */
import { html, nothing, type CSSResultOrNative, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenCsr, type CsrProgramSearch } from '../../src/namespaces/citizen-csr.js';
import { csrProgramStatuses, type CsrCompany, type CsrProgram, type CsrProgramDetail, type CsrSummary } from '../../src/schemas/csr.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError, type ErrorReading } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import { csrBoardStyles } from './csr-board.styles.js';
import type { OpdCsrLoadedDetail, OpdCsrProgramOpenedDetail } from './events.js';
import { id } from './i18n/id.js';
import type { MapProgram } from './map-types.js';
import type { MapView } from './map-view.js';

export type { OpdCsrLoadedDetail, OpdCsrProgramOpenedDetail };

/** Programmes per page of the list; "Muat lebih banyak" adds the next. */
export const PAGE_SIZE = 10;

/** The charts of the board: by field, by kecamatan, by company. */
export type ChartKey = 'field' | 'kecamatan' | 'company';

/** How many bars a chart shows before "Tampilkan semua" (a chart one bar longer shows in full). */
export const CHART_ROWS = 10;

/** One bar of a chart (and one row of its table). */
export interface ChartRow {
  /** What the filter of the list takes for it (a field id, a kecamatan name, a company id). */
  key: string;
  name: string;
  programs: number;
  committed: number;
  spent: number;
}

type Board =
  | { state: 'loading' }
  | { state: 'ready'; summary: CsrSummary; companies: CsrCompany[] }
  | { state: 'no-opd' }
  | { state: 'bad-year'; year: string }
  | { state: 'unavailable' }
  | { state: 'offline' }
  | { state: 'rate-limited'; retryAfter: number }
  | { state: 'failed'; requestId: string };

type Results = { state: 'loading' } | { state: 'ready'; items: CsrProgram[]; nextCursor: string | null; total: number } | { state: 'failed'; reading: ErrorReading };

type Detail =
  | { state: 'choose'; id: 0; title: string; programs: MapProgram[] }
  | { state: 'loading'; id: number; title: string }
  | { state: 'ready'; id: number; title: string; program: CsrProgramDetail }
  | { state: 'failed'; id: number; title: string; reading: ErrorReading };

/** The list's filters, as the selects hold them (`''` for all). */
interface Filters {
  field: string;
  kecamatan: string;
  company: string;
  status: string;
  year: string;
}

const NO_FILTERS: Filters = { field: '', kecamatan: '', company: '', status: '', year: '' };

/**
 * The public board of SIP BENAR (*Sistem Informasi Pembangunan Berbasis Dana CSR*, issue 19)
 * that a Bappeda puts on its site: how much the companies committed against how much was spent
 * (whole rupiah, short forms such as `Rp 1,2 miliar` with the exact figure beside them), how
 * many programmes and beneficiaries, the villages' needs not yet funded, the programmes whose
 * spending passed the commitment (said in words, not by colour), bar charts drawn as SVG by
 * field, kecamatan and company — each with its figures as a table ("Lihat sebagai tabel") —,
 * and the programmes, filtered by field, kecamatan, company, status and year (every kecamatan and
 * year with a programme or a village need, counted), ten at a time or — "Peta" — as dots on a
 * map coloured by field (Leaflet, fetched only when the map is opened; a plain background
 * unless `tiles` is set; the list is its alternative), each with its details in a dialog: company, place, budget, the spending entries with their
 * dates and evidence, beneficiaries, the RPJMD priority and the SDG. Every figure is the API's;
 * the public API sends no contact person, and neither does the board show one.
 *
 * ```html
 * <opd-csr-board api="https://layanan.example-kab.go.id" opd="bappeda"></opd-csr-board>
 * <opd-csr-board api="https://layanan.example-kab.go.id" opd="bappeda" year="2026" lang="en"></opd-csr-board>
 * ```
 *
 * @summary Where CSR money goes: committed vs spent, charts with tables, programmes with details.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The OPD that runs SIP BENAR (its slug, e.g. `bappeda`). Required.
 * @attr year - One budget year (e.g. `2026`); default: every year. The list's year filter starts at it.
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the board's heading (default 2); its sections' are one deeper.
 * @attr tiles - A tile URL template for the map (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`); default: none, a plain background.
 * @attr attribution - The tiles' attribution (HTML), shown on the map with them.
 *
 * @event opd-csr-loaded - The summary is shown. `detail: { opd, year, programs, committed, spent, overspent }`.
 * @event opd-csr-program-opened - The citizen opened a programme's details. `detail: { id, title }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action: 'load-csr-summary' | 'load-csr-programs' | 'load-more' | 'load-csr-program' | 'load-csr-map' | 'load-map' (Leaflet's chunk), requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart figures - The summary figures (a description list).
 * @csspart figure - One figure (committed, spent, programmes, beneficiaries, needs).
 * @csspart overspent - The programmes whose spending passed the commitment.
 * @csspart section - Each section: charts, programmes.
 * @csspart chart - One chart (`figure`) with its caption, legend, bars and table.
 * @csspart chart-bars - The bars (`role="img"` with the chart in words).
 * @csspart table - Every table.
 * @csspart filters - The list's filter form.
 * @csspart select - Each filter `<select>`.
 * @csspart count - The count line ("50 program"), a polite live region.
 * @csspart list - The list of programmes.
 * @csspart program - One programme (`article`).
 * @csspart program-title - Its title, a button that opens its details.
 * @csspart badge - A programme's status, and `badge over` for "Melebihi anggaran".
 * @csspart more - The "Muat lebih banyak" button.
 * @csspart views - The list / map switch (two buttons with `aria-pressed`).
 * @csspart map - The map's box.
 * @csspart map-legend - The field colours of the map's dots.
 * @csspart dialog - The details dialog (`<dialog>`).
 * @csspart spending - The spending entries' table in the details.
 * @csspart notice - Loading, errors, nothing found.
 * @csspart button - Every button.
 *
 * @cssproperty --opd-csr-committed - The committed bars' fill. Default `#dbe7f3`.
 * @cssproperty --opd-csr-spent - The spent bars' fill. Default: the primary colour.
 * @cssproperty --opd-csr-map-height - The map's height. Default `26em`.
 * @cssproperty --opd-csr-map-background - The map's background (without tiles). Default `#f4f1ea`.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-line-height - Default `1.5`.
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes, meta lines.
 * @cssproperty --opd-color-surface - Panel and card background.
 * @cssproperty --opd-color-surface-alt - Badges.
 * @cssproperty --opd-color-border - Borders, rules, the committed bars' edge.
 * @cssproperty --opd-color-primary - Links, buttons, a card's edge.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-warning-surface - "Melebihi anggaran".
 * @cssproperty --opd-color-warning-border - Its border.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdCsrBoard extends OpdElement {
  static override styles = [themeStyles, controlStyles, csrBoardStyles];

  static override properties: PropertyDeclarations = {
    year: { type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    tiles: { type: String },
    attribution: { type: String },
    view: { state: true, attribute: false },
    mapState: { state: true, attribute: false },
    board: { state: true, attribute: false },
    results: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    more: { state: true, attribute: false },
    detail: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    count: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The budget year shown; `undefined` (no `year` attribute) for every year. */
  year: number | undefined = undefined;

  /** The level of the board's heading (2 by default), so it fits the page's outline. */
  headingLevel = 2;

  /** A tile URL template for the map; none (a plain background) by default. */
  tiles = '';

  /** The tiles' attribution (HTML). */
  attribution = '';

  private view: 'list' | 'map' = 'list';
  /** The map view's chunk (with Leaflet): not asked for, on its way, there, or failed to load. */
  private mapState: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';

  private board: Board = { state: 'loading' };
  private results: Results = { state: 'loading' };
  private filters: Filters = NO_FILTERS;
  private more: 'idle' | 'loading' | 'failed' = 'idle';
  private detail: Detail | undefined = undefined;
  /** The charts the reader opened in full. */
  private expanded: ReadonlySet<ChartKey> = new Set();
  /** What the count line says (a polite live region: it changes once per filter). */
  private count = '';
  /** What a screen reader hears after "Muat lebih banyak". */
  private announcement = '';

  // English is its own chunk, fetched only when the widget is set to English (see LocalizeController).
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { csr: citizenCsr });
  #abort: AbortController | undefined;
  #listAbort: AbortController | undefined;
  #moreAbort: AbortController | undefined;
  #detailAbort: AbortController | undefined;
  /** What to focus when the dialog closes. */
  #opener: HTMLElement | undefined;
  /** Focus this programme (by id) after the next render: the first one "Muat lebih banyak" added. */
  #focusProgram: number | undefined;
  #map: MapView | undefined;

  /** {@link headingLevel} kept within 1–5 (sections are one deeper). */
  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  /** The year asked for, `undefined` for every year, or the attribute as written when it is no year. */
  private get askedYear(): number | string | undefined {
    if (this.year === undefined || this.year === null) return undefined;
    const year = Number(this.year);
    return Number.isInteger(year) ? year : (this.getAttribute('year') ?? String(this.year));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a removal: reload what the removal cancelled.
    if (this.hasUpdated && (this.board.state === 'loading' || this.results.state === 'loading')) this.reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#listAbort?.abort();
    this.#moreAbort?.abort();
    this.#detailAbort?.abort();
    if (this.more === 'loading') this.more = 'idle';
    this.#map?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('opd') || changed.has('year')) {
      const year = this.askedYear;
      this.filters = { ...NO_FILTERS, year: typeof year === 'number' ? String(year) : '' };
      this.reload();
    }
    // A tile layer is set when the map is made: make it again.
    if (changed.has('tiles')) this.#map?.disconnect();
  }

  protected override updated(): void {
    if (this.view === 'map') this.#map?.updated();
    const focus = this.#focusProgram;
    if (focus === undefined) return;
    this.#focusProgram = undefined;
    this.shadowRoot?.querySelector<HTMLElement>(`[data-program="${focus}"]`)?.focus();
  }

  private reload(): void {
    void this.loadSummary();
    void this.search();
  }

  private readonly retry = (): void => {
    this.reload();
  };

  private readonly retryList = (): void => {
    void this.search();
  };

  /** Loads the summary (of the year asked for, else every year) and the companies, and shows them. */
  private async loadSummary(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const signal = abort.signal;
    const year = this.askedYear;
    if (!this.opd) {
      this.board = { state: 'no-opd' };
      return;
    }
    if (typeof year === 'string') {
      this.board = { state: 'bad-year', year };
      return;
    }
    this.board = { state: 'loading' };
    const csr = this.clients.client.csr;
    try {
      const [summary, companies] = await Promise.all([csr.summary({ signal, ...(year === undefined ? {} : { year }) }), csr.companies({ signal })]);
      if (signal.aborted) return;
      this.board = { state: 'ready', summary, companies };
      this.emit('opd-csr-loaded', {
        opd: this.opd,
        year: summary.year,
        programs: summary.programs,
        committed: summary.committed,
        spent: summary.spent,
        overspent: summary.overspent.map((p) => p.id),
      });
    } catch (error) {
      if (signal.aborted) return;
      this.board = this.failure(error, year);
      this.emit('opd-error', opdErrorDetail(error, 'load-csr-summary', this.board.state === 'bad-year' ? 'config' : readError(error).code));
    }
  }

  /** What the reader is told when the summary cannot be loaded. */
  private failure(error: unknown, year: number | undefined): Board {
    const reading = readError(error);
    switch (reading.kind) {
      case 'fields':
        return { state: 'bad-year', year: String(year ?? '') };
      case 'unavailable':
      case 'not-found':
        return { state: 'unavailable' };
      case 'offline':
        return { state: 'offline' };
      case 'rate-limited':
        return { state: 'rate-limited', retryAfter: reading.retryAfter };
      case 'conflict':
      case 'server':
        return { state: 'failed', requestId: reading.requestId };
    }
  }

  /** The filters as the API takes them. */
  private get query(): CsrProgramSearch {
    const f = this.filters;
    return {
      limit: PAGE_SIZE,
      ...(f.field ? { field: f.field } : {}),
      ...(f.kecamatan ? { kecamatan: f.kecamatan } : {}),
      ...(f.company ? { company: Number(f.company) } : {}),
      ...(f.status ? { status: f.status as CsrProgramSearch['status'] } : {}),
      ...(f.year ? { year: Number(f.year) } : {}),
    };
  }

  /** Whether a filter narrows the list. */
  private get narrowed(): boolean {
    return Object.values(this.filters).some(Boolean);
  }

  /** The first page of programmes matching the filters, replacing what is shown. */
  private async search(): Promise<void> {
    this.#listAbort?.abort();
    this.#moreAbort?.abort();
    const abort = new AbortController();
    this.#listAbort = abort;
    this.more = 'idle';
    if (!this.opd || typeof this.askedYear === 'string') return;
    if (this.view === 'map') this.#map?.filtersChanged();
    const t = this.localize;
    if (this.results.state !== 'ready') this.results = { state: 'loading' };
    try {
      const page = await this.clients.client.csr.programs.search(this.query, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.results = { state: 'ready', items: page.data, nextCursor: page.nextCursor, total: page.total };
      this.count = `${t.t('list.count', page.total)}.`;
      this.announcement = '';
    } catch (error) {
      if (abort.signal.aborted) return;
      this.results = { state: 'failed', reading: readError(error) };
      this.count = '';
      this.emit('opd-error', opdErrorDetail(error, 'load-csr-programs'));
    }
  }

  /** The next page after the programmes shown; the focus moves to the first one added. */
  private readonly loadMore = async (): Promise<void> => {
    const shown = this.results;
    if (shown.state !== 'ready' || !shown.nextCursor || this.more === 'loading') return;
    this.#moreAbort?.abort();
    const abort = new AbortController();
    this.#moreAbort = abort;
    const t = this.localize;
    this.more = 'loading';
    try {
      const page = await this.clients.client.csr.programs.search({ ...this.query, cursor: shown.nextCursor }, { signal: abort.signal });
      if (abort.signal.aborted || this.results !== shown) return;
      const seen = new Set(shown.items.map((item) => item.id));
      const added = page.data.filter((item) => !seen.has(item.id));
      const items = [...shown.items, ...added];
      this.results = { state: 'ready', items, nextCursor: page.nextCursor, total: page.total };
      this.more = 'idle';
      this.announcement = t.t('list.added', added.length, items.length, page.total);
      if (added[0]) this.#focusProgram = added[0].id;
    } catch (error) {
      if (abort.signal.aborted) return;
      this.more = 'failed';
      this.emit('opd-error', opdErrorDetail(error, 'load-more'));
    }
  };

  // ---- the map (its view, with Leaflet, fetched when first opened) ----

  private readonly setView = (view: 'list' | 'map'): void => {
    this.view = view;
    if (view === 'list') return;
    if (this.#map) this.#map.shown();
    else if (this.mapState !== 'loading') void this.loadMapView();
  };

  private async loadMapView(): Promise<void> {
    this.mapState = 'loading';
    const t = this.localize;
    try {
      const { MapView } = await import('./map-view.js');
      this.#map = new MapView({
        element: this,
        styles: (this.constructor as typeof OpdElement).elementStyles as CSSResultOrNative[],
        lang: () => t.lang,
        retry: () => t.t('retry'),
        offline: () => t.t('board.offline'),
        tiles: () => (this.tiles ? { tiles: this.tiles, attribution: this.attribution } : undefined),
        query: () => this.query,
        key: () => JSON.stringify(this.filters),
        search: (query, signal) => this.clients.client.csr.programs.search(query, { signal }),
        fields: () => (this.board.state === 'ready' ? this.board.summary.fields : []),
        fieldName: (field) => this.fieldName(field),
        pick: (programs, opener) => {
          if (programs.length === 1) void this.open(programs[0]!.id, programs[0]!.title, opener);
          else {
            this.#opener = opener;
            this.#detailAbort?.abort();
            this.detail = { state: 'choose', id: 0, title: t.t('map.here', programs.length), programs };
            void this.showDialog();
          }
        },
        showList: () => this.setView('list'),
      });
      this.mapState = 'ready';
      if (this.view === 'map') this.#map.shown();
    } catch (error) {
      this.mapState = 'failed';
      this.emit('opd-error', opdErrorDetail(error, 'load-map', 'network'));
    }
  }

  private readonly onFilter = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    this.filters = { ...this.filters, [select.name]: select.value };
    void this.search();
  };

  private readonly clear = (): void => {
    this.filters = NO_FILTERS;
    void this.search();
    this.shadowRoot?.querySelector<HTMLElement>('#filter-field')?.focus();
  };

  // ---- the details dialog ----

  private async open(programId: number, title: string, opener: HTMLElement): Promise<void> {
    this.#opener = opener;
    this.emit('opd-csr-program-opened', { id: programId, title });
    void this.loadDetail(programId, title);
    await this.showDialog();
  }

  /** Opens the dialog (when it is not open yet) and moves the focus to its title. */
  private async showDialog(): Promise<void> {
    await this.updateComplete;
    const dialog = this.shadowRoot?.querySelector<HTMLDialogElement>('dialog');
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.dialog-title')?.focus();
  }

  private async loadDetail(programId: number, title: string): Promise<void> {
    this.#detailAbort?.abort();
    const abort = new AbortController();
    this.#detailAbort = abort;
    this.detail = { state: 'loading', id: programId, title };
    try {
      const program = await this.clients.client.csr.programs.get(programId, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.detail = { state: 'ready', id: programId, title: program.title, program };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.detail = { state: 'failed', id: programId, title, reading: readError(error) };
      this.emit('opd-error', opdErrorDetail(error, 'load-csr-program'));
    }
  }

  private readonly closeDialog = (): void => {
    this.shadowRoot?.querySelector<HTMLDialogElement>('dialog')?.close();
  };

  private readonly onDialogClose = (): void => {
    this.#detailAbort?.abort();
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

  private toggle(chart: ChartKey): void {
    const next = new Set(this.expanded);
    if (!next.delete(chart)) next.add(chart);
    this.expanded = next;
  }

  // ---- numbers and names, written the language's way ----

  /** Whole rupiah exactly: `Rp 1.234.567` / `Rp 1,234,567`. */
  private rupiah(value: number): string {
    return `Rp\u00a0${this.localize.number(value)}`;
  }

  /** A short form from a million up (`Rp 1,2 miliar`, `Rp 45,6 juta`), the exact figure below it. */
  private short(value: number): string {
    if (Math.abs(value) < 1_000_000) return this.rupiah(value);
    const compact = new Intl.NumberFormat(this.localize.locale, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
    return `Rp\u00a0${compact.format(value)}`;
  }

  /** A share in whole percent (`83 %` / `83%`). */
  private share(part: number, whole: number): string {
    const t = this.localize;
    return t.t('unit.percent', new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 }).format(whole > 0 ? (part / whole) * 100 : 0));
  }

  private fieldName(fieldId: string): string {
    const board = this.board;
    const field = board.state === 'ready' ? board.summary.fields.find((f) => f.id === fieldId) : undefined;
    if (!field) return fieldId;
    return this.localize.lang === 'en' && field.nameEn ? field.nameEn : field.name;
  }

  private day(value: string): string {
    return this.localize.date(`${value}T12:00:00Z`);
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.localize;
    const busy = this.board.state === 'loading' || this.results.state === 'loading' || this.more === 'loading';
    return html`<div part="base" class="base" lang=${t.lang} aria-busy=${busy ? 'true' : 'false'}>${this.renderBoard()}${this.renderDialog()}</div>`;
  }

  private renderBoard(): TemplateResult {
    const board = this.board;
    if (board.state === 'loading') return this.renderLoading();
    if (board.state === 'ready') return this.renderSummary(board.summary, board.companies);
    return html`<div class="board">${this.renderHeader()}${this.renderFailure(board)}</div>`;
  }

  /** What the reader is told, under the board's heading, when the summary is not there. */
  private renderFailure(board: Exclude<Board, { state: 'loading' | 'ready' }>): TemplateResult {
    const t = this.localize;
    const retry = { label: t.t('retry'), onClick: this.retry, look: 'secondary' as const };
    switch (board.state) {
      case 'no-opd':
        return renderNotice({ message: t.t('config.missingOpd', t.t('board.widget')), tone: 'error', alert: true, className: 'board-notice' });
      case 'bad-year':
        return renderNotice({ message: t.t('board.badYear', board.year), tone: 'error', alert: true, className: 'board-notice' });
      case 'unavailable':
        return renderNotice({ message: t.t('board.unavailable'), tone: 'warning', className: 'board-notice' });
      case 'offline':
        return renderNotice({ message: t.t('board.offline'), tone: 'warning', alert: true, className: 'board-notice', action: retry });
      case 'rate-limited':
        return renderNotice({ message: t.t('rateLimited', t.wait(board.retryAfter)), tone: 'warning', alert: true, className: 'board-notice', action: retry });
      case 'failed':
        return renderNotice({ message: t.t('server.error', board.requestId), tone: 'error', alert: true, className: 'board-notice', action: retry });
    }
  }

  /** The board's heading and the sentence under it. */
  private renderHeader(demo = false): TemplateResult {
    const t = this.localize;
    return html`<div class="header">
      <div role="heading" aria-level=${this.level} class="heading" id="board-title">${this.boardTitle()}</div>
      <p class="muted note">${t.t('board.intro')}</p>
      ${demo ? html`<p class="muted note demo">${t.t('board.demo')}</p>` : nothing}
    </div>`;
  }

  private boardTitle(): string {
    const t = this.localize;
    const year = this.askedYear;
    return typeof year === 'number' ? t.t('board.titleYear', year) : t.t('board.title');
  }

  /** The heading and the figures' frames while loading, each as tall as the figure it becomes, so nothing jumps. */
  private renderLoading(): TemplateResult {
    const t = this.localize;
    const frame = (key: string, label: string, lines: number) => html`<div part="figure" class=${`figure figure--${key}`}>
      <dt>${label}</dt>
      <dd>
        <span class="figure-value figure-value--loading">${t.t('board.loading')}</span>
        ${Array.from({ length: lines }, () => html`<span class="figure-note" aria-hidden="true">&nbsp;</span>`)}
      </dd>
    </div>`;
    return html`<div class="board">
      ${this.renderHeader()}
      <dl part="figures" class="figures figures--loading" role="status">
        ${frame('committed', t.t('figure.committed'), 1)} ${frame('spent', t.t('figure.spent'), 2)} ${frame('programs', t.t('figure.programs'), 1)}
        ${frame('beneficiaries', t.t('figure.beneficiaries'), 1)} ${frame('unfunded', t.t('figure.unfunded'), 1)}
      </dl>
    </div>`;
  }

  private renderSummary(s: CsrSummary, companies: CsrCompany[]): TemplateResult {
    const t = this.localize;
    const sub = this.level + 1;
    const demo = companies.some((c) => c.isDemo);
    const byKecamatan = [...s.byKecamatan].sort((a, b) => b.committed - a.committed || a.kecamatan.localeCompare(b.kecamatan, 'id'));
    return html`<section class="board" aria-labelledby="board-title">
      ${this.renderHeader()} ${this.renderFigures(s)} ${demo ? html`<p class="muted note demo">${t.t('board.demo')}</p>` : nothing} ${this.renderOverspent(s)}
      <section part="section" class="section section--charts" aria-labelledby="charts-title">
        <div role="heading" aria-level=${sub} class="heading heading--small visually-hidden" id="charts-title">${t.t('chart.section')}</div>
        <div class="charts">
          ${this.renderChart('field', t.t('chart.field'), t.t('table.field'), s.byField.map((r) => ({ key: r.field, name: this.fieldName(r.field), programs: r.programs, committed: r.committed, spent: r.spent })))}
          ${this.renderChart('kecamatan', t.t('chart.kecamatan'), t.t('table.kecamatan'), byKecamatan.map((r) => ({ key: r.kecamatan, name: r.kecamatan, programs: r.programs, committed: r.committed, spent: r.spent })))}
          ${this.renderChart('company', t.t('chart.company'), t.t('table.company'), s.byCompany.map((r) => ({ key: String(r.company.id), name: r.company.name, programs: r.programs, committed: r.committed, spent: r.spent })))}
        </div>
      </section>
      ${this.renderProgrammes(s, companies)}
    </section>`;
  }

  /** Committed, spent, programmes, beneficiaries, needs not yet funded. */
  private renderFigures(s: CsrSummary): TemplateResult {
    const t = this.localize;
    const money = (key: 'committed' | 'spent', label: string, value: number, note: string | typeof nothing = nothing) => html`<div part="figure" class=${`figure figure--${key}`}>
      <dt>${label}</dt>
      <dd>
        <span class="figure-value" title=${this.rupiah(value)}>${this.short(value)}</span>
        <span class="figure-exact">${t.t('figure.exact', this.rupiah(value))}</span>
        ${note === nothing ? nothing : html`<span class="figure-note">${note}</span>`}
      </dd>
    </div>`;
    const count = (key: string, label: string, value: number, note: string) => html`<div part="figure" class=${`figure figure--${key}`}>
      <dt>${label}</dt>
      <dd>
        <span class="figure-value">${this.localize.number(value)}</span>
        <span class="figure-note">${note}</span>
      </dd>
    </div>`;
    return html`<dl part="figures" class="figures">
      ${money('committed', t.t('figure.committed'), s.committed)}
      ${money('spent', t.t('figure.spent'), s.spent, t.t('figure.spentShare', this.share(s.spent, s.committed)))}
      ${count('programs', t.t('figure.programs'), s.programs, t.t('figure.programsNote'))}
      ${count('beneficiaries', t.t('figure.beneficiaries'), s.beneficiaries, t.t('figure.beneficiariesNote'))}
      ${count('unfunded', t.t('figure.unfunded'), s.unfunded.count, t.t('figure.unfundedNote', this.rupiah(s.unfunded.estimatedCost)))}
    </dl>`;
  }

  /** The programmes over budget, in words (never by colour alone), each opening its details. */
  private renderOverspent(s: CsrSummary): TemplateResult {
    const t = this.localize;
    if (s.overspent.length === 0) return html`<p part="overspent" class="overspent overspent--none">${t.t('over.none')}</p>`;
    return html`<div part="overspent" class="overspent" role="group" aria-labelledby="over-title">
      <p class="over-title" id="over-title"><span class="flag">${t.t('over.flag')}</span> ${t.t('over.title', s.overspent.length)}</p>
      <ul class="over-list">
        ${s.overspent.map(
          (p) => html`<li data-over=${p.id}>
            <button type="button" class="link-button over-open" lang="id" aria-haspopup="dialog" @click=${(event: Event) => void this.open(p.id, p.title, event.currentTarget as HTMLElement)}>${p.title}</button>
            <span class="over-row"><span class="visually-hidden">: </span>${t.t('over.row', this.rupiah(p.spent), this.rupiah(p.committed), this.rupiah(p.overspentBy))}</span>
          </li>`,
        )}
      </ul>
    </div>`;
  }

  /**
   * A bar chart of committed (the upper, outlined bar) against spent (the lower, solid one)
   * per row, scaled to the largest figure; the bars are one image to assistive technology,
   * described in words, and the same figures follow as a table in a `<details>`.
   */
  private renderChart(key: ChartKey, title: string, nameHeader: string, rows: ChartRow[]): TemplateResult {
    const t = this.localize;
    const long = rows.length > CHART_ROWS + 1;
    const shown = long && !this.expanded.has(key) ? rows.slice(0, CHART_ROWS) : rows;
    const max = Math.max(1, ...rows.map((r) => Math.max(r.committed, r.spent)));
    const top = [...rows].sort((a, b) => b.committed - a.committed)[0];
    const label = t.t('chart.label', title, rows.length, top ? t.t('chart.top', top.name, this.short(top.committed), this.short(top.spent)) : '');
    const width = (value: number) => `${Math.max(value > 0 ? 0.5 : 0, (value / max) * 100)}%`;
    const committed = rows.reduce((sum, r) => sum + r.committed, 0);
    const spent = rows.reduce((sum, r) => sum + r.spent, 0);
    const programs = rows.reduce((sum, r) => sum + r.programs, 0);
    return html`<figure part="chart" class=${`chart chart--${key}`} aria-labelledby=${`chart-${key}-title`}>
      <figcaption class="chart-title" id=${`chart-${key}-title`}>${title}</figcaption>
      ${rows.length === 0
        ? html`<p class="muted">${t.t('chart.empty')}</p>`
        : html`<p class="legend" aria-hidden="true">
              <span class="legend-item"><svg class="swatch" viewBox="0 0 16 10" aria-hidden="true" focusable="false"><rect class="bar-committed" x="0.5" y="0.5" width="15" height="9"></rect></svg>${t.t('chart.legendCommitted')}</span>
              <span class="legend-item"><svg class="swatch" viewBox="0 0 16 10" aria-hidden="true" focusable="false"><rect class="bar-spent" x="0" y="0" width="16" height="10"></rect></svg>${t.t('chart.legendSpent')}</span>
            </p>
            <div part="chart-bars" class="bars" role="img" aria-label=${label} id=${`chart-${key}-bars`}>
              ${shown.map(
                (r) => html`<div class="bar-row" data-key=${r.key}>
                  <span class="bar-name" lang=${key === 'field' ? t.lang : 'id'}>${r.name}</span>
                  <svg class="bar-svg" width="100%" height="1.75em" aria-hidden="true" focusable="false">
                    <rect class="bar-committed" x="0" y="6%" width=${width(r.committed)} height="40%"></rect>
                    <rect class="bar-spent" x="0" y="54%" width=${width(r.spent)} height="40%"></rect>
                  </svg>
                  <span class="bar-values">${this.short(r.committed)} / ${this.short(r.spent)}${r.spent > r.committed ? html` <span class="flag flag--small">${t.t('over.flag')}</span>` : nothing}</span>
                </div>`,
              )}
            </div>
            ${long
              ? html`<button part="button" type="button" class="link-button show-all" aria-controls=${`chart-${key}-bars`} aria-expanded=${this.expanded.has(key) ? 'true' : 'false'} @click=${() => this.toggle(key)}>
                  ${this.expanded.has(key) ? t.t('chart.showLess') : t.t('chart.showAll', rows.length)}
                </button>`
              : nothing}
            <details class="table-details">
              <summary>${t.t('chart.table')}</summary>
              <div class="table-wrap">
                <table part="table" class="table chart-table">
                  <caption class="visually-hidden">${title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">${nameHeader}</th>
                      <th scope="col" class="num">${t.t('table.programs')}</th>
                      <th scope="col" class="num">${t.t('table.committed')}</th>
                      <th scope="col" class="num">${t.t('table.spent')}</th>
                      <th scope="col" class="num">${t.t('table.share')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows.map(
                      (r) => html`<tr data-key=${r.key}>
                        <th scope="row" lang=${key === 'field' ? t.lang : 'id'}>${r.name}</th>
                        <td class="num">${t.number(r.programs)}</td>
                        <td class="num">${t.number(r.committed)}</td>
                        <td class="num">${t.number(r.spent)}</td>
                        <td class="num">${this.share(r.spent, r.committed)}${r.spent > r.committed ? html` <span class="flag flag--small">${t.t('over.flag')}</span>` : nothing}</td>
                      </tr>`,
                    )}
                  </tbody>
                  <tfoot>
                    <tr>
                      <th scope="row">${t.t('table.total')}</th>
                      <td class="num">${t.number(programs)}</td>
                      <td class="num">${t.number(committed)}</td>
                      <td class="num">${t.number(spent)}</td>
                      <td class="num">${this.share(spent, committed)}</td>
                    </tr>
                  </tfoot>
                </table>
              </div>
            </details>`}
    </figure>`;
  }

  private renderProgrammes(s: CsrSummary, companies: CsrCompany[]): TemplateResult {
    const t = this.localize;
    const f = this.filters;
    // Every kecamatan and year with a programme or a need (and the one chosen, even without).
    const option = (value: string, counted?: { programs: number; needs: number }): [string, string] => [value, counted ? t.t('filter.option', value, counted.programs, counted.needs) : value];
    const kecamatan = s.places.map((k) => option(k.kecamatan, k));
    if (f.kecamatan && !s.places.some((k) => k.kecamatan === f.kecamatan)) kecamatan.push(option(f.kecamatan));
    const years = s.years.map((y) => option(String(y.year), y));
    if (f.year && !s.years.some((y) => String(y.year) === f.year)) years.push(option(f.year));
    const select = (name: keyof Filters, label: string, options: [string, string][]) => html`<div class="filter">
      <label class="label" for=${`filter-${name}`}>${label}</label>
      <select part="select" class="input" id=${`filter-${name}`} name=${name} @change=${this.onFilter}>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${value === f[name]}>${text}</option>`)}
      </select>
    </div>`;
    return html`<section part="section" class="section section--programs" aria-labelledby="programs-title">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="programs-title">${t.t('list.title')}</div>
      <form part="filters" class="filters" role="search" aria-label=${t.t('list.landmark')} @submit=${(event: Event) => event.preventDefault()}>
        ${select('field', t.t('filter.field'), [['', t.t('filter.allFields')], ...s.fields.map((field): [string, string] => [field.id, this.fieldName(field.id)])])}
        ${select('kecamatan', t.t('filter.kecamatan'), [['', t.t('filter.allKecamatan')], ...kecamatan])}
        ${select('company', t.t('filter.company'), [['', t.t('filter.allCompanies')], ...companies.map((c): [string, string] => [String(c.id), c.name])])}
        ${select('status', t.t('filter.status'), [['', t.t('filter.allStatuses')], ...csrProgramStatuses.map((status): [string, string] => [status, t.t(`status.${status}`)])])}
        ${select('year', t.t('filter.year'), [['', t.t('filter.allYears')], ...years])}
      </form>
      <div class="count-row">
        <p part="count" class="count-line" role="status">${this.count}</p>
        <button part="button" type="button" class=${this.narrowed ? 'link-button clear' : 'link-button clear clear--hidden'} @click=${this.clear}>${t.t('filter.clear')}</button>
      </div>
      ${this.renderViews()} ${this.renderMap()}
      ${this.view === 'list' ? this.renderResults() : nothing}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </section>`;
  }

  /** The list / map switch. */
  private renderViews(): TemplateResult {
    const t = this.localize;
    const button = (view: 'list' | 'map') =>
      html`<button part="button" type="button" class="button" data-view=${view} aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.setView(view)}>${t.t(`view.${view}`)}</button>`;
    return html`<div part="views" class="views" role="group" aria-label=${t.t('view.label')}>${button('list')}${button('map')}</div>`;
  }

  /** The map view, once its chunk is here (kept while the list is shown); meanwhile what happens, in words. */
  private renderMap(): TemplateResult | typeof nothing {
    const t = this.localize;
    if (this.#map) return this.#map.render(this.view === 'list');
    if (this.view === 'list') return nothing;
    return this.mapState === 'failed'
      ? renderNotice({ message: t.t('map.failed'), tone: 'warning', className: 'map-notice', action: { label: t.t('retry'), onClick: () => void this.loadMapView(), look: 'secondary' } })
      : html`<p class="muted map-status" role="status">${t.t('map.loading')}</p>`;
  }

  private renderResults(): TemplateResult {
    const t = this.localize;
    const results = this.results;
    if (results.state === 'loading') {
      return html`<div class="results results--loading"><div part="notice" class="notice loading"><p>${t.t('list.loading')}</p></div></div>`;
    }
    if (results.state === 'failed') {
      const reading = results.reading;
      const message =
        reading.kind === 'offline'
          ? t.t('board.offline')
          : reading.kind === 'rate-limited'
            ? t.t('rateLimited', t.wait(reading.retryAfter))
            : reading.kind === 'server' || reading.kind === 'conflict'
              ? t.t('server.error', reading.requestId)
              : t.t('list.failed');
      return html`<div class="results">${renderNotice({ message, tone: 'error', alert: true, className: 'list-notice', action: { label: t.t('retry'), onClick: this.retryList } })}</div>`;
    }
    if (results.items.length === 0) {
      return html`<div class="results">${renderNotice({ message: this.narrowed ? t.t('list.emptyFiltered') : t.t('list.empty'), className: 'empty-notice' })}</div>`;
    }
    return html`<div class="results">
      <ul part="list" class="list" role="list">
        ${results.items.map((p) => html`<li>${this.renderProgram(p)}</li>`)}
      </ul>
      ${results.nextCursor
        ? html`<div class="more-row">
            <p class="muted shown">${t.t('list.shown', results.items.length, results.total)}</p>
            ${this.more === 'failed' ? renderNotice({ message: t.t('list.moreFailed'), tone: 'error', alert: true, className: 'more-notice' }) : nothing}
            <button part="more button" type="button" class="button button--secondary more" ?disabled=${this.more === 'loading'} @click=${this.loadMore}>
              ${this.more === 'loading' ? t.t('list.moreLoading') : this.more === 'failed' ? t.t('retry') : t.t('list.more')}
            </button>
          </div>`
        : nothing}
    </div>`;
  }

  /** The status in words, and "Melebihi anggaran" in words when spending passed the commitment. */
  private renderBadges(p: CsrProgram): TemplateResult {
    const t = this.localize;
    return html`<span class="badges">
      <span part="badge" class=${`badge badge--${p.status}`}>${t.t(`status.${p.status}`)}</span>
      ${p.overspent ? html`<span part="badge over" class="badge badge--over">${t.t('over.flag')}: ${t.t('over.by', this.rupiah(p.overspentBy))}</span>` : nothing}
    </span>`;
  }

  private renderProgram(p: CsrProgram): TemplateResult {
    const t = this.localize;
    return html`<article part="program" class=${p.overspent ? 'program program--over' : 'program'} aria-labelledby=${`program-${p.id}`}>
      <div role="heading" aria-level=${this.level + 2} class="program-heading">
        <button
          part="program-title"
          type="button"
          class="program-title"
          id=${`program-${p.id}`}
          data-program=${p.id}
          aria-haspopup="dialog"
          lang="id"
          @click=${(event: Event) => void this.open(p.id, p.title, event.currentTarget as HTMLElement)}
        >
          ${p.title}
        </button>
      </div>
      <p class="meta"><span lang="id">${p.company.name}</span> · ${this.fieldName(p.field)} · ${p.year}</p>
      <p class="meta" lang="id">${t.t('list.place', p.location.desa, p.location.kecamatan)}</p>
      <p class="money">${t.t('list.money', this.rupiah(p.spent), this.rupiah(p.committed))}</p>
      <p class="flags">${this.renderBadges(p)}</p>
    </article>`;
  }

  private renderDialog(): TemplateResult {
    const t = this.localize;
    const d = this.detail;
    return html`<dialog part="dialog" class="dialog" aria-labelledby="dialog-title" @close=${this.onDialogClose} @click=${this.onDialogClick}>
      ${d
        ? html`<div class="dialog-box">
            <div class="dialog-head">
              <h2 class="dialog-title heading" id="dialog-title" tabindex="-1" lang="id">${d.title}</h2>
              <button part="button" type="button" class="button button--secondary close" @click=${this.closeDialog}>${t.t('detail.close')}</button>
            </div>
            ${d.state === 'loading'
              ? html`<p part="notice" class="notice loading detail-loading" role="status">${t.t('detail.loading')}</p>`
              : d.state === 'failed'
                ? renderNotice({
                    message: d.reading.kind === 'offline' ? t.t('board.offline') : d.reading.kind === 'server' ? t.t('server.error', d.reading.requestId) : t.t('detail.failed'),
                    tone: 'error',
                    alert: true,
                    className: 'detail-notice',
                    action: { label: t.t('retry'), onClick: () => void this.loadDetail(d.id, d.title) },
                  })
                : d.state === 'choose'
                  ? html`<ul class="choose-list" role="list">
                      ${d.programs.map(
                        (p) => html`<li><button part="button" type="button" class="link-button choose" lang="id" data-choose=${p.id} @click=${() => void this.open(p.id, p.title, this.#opener!)}>${p.title}</button></li>`,
                      )}
                    </ul>`
                  : this.renderDetail(d.program)}
          </div>`
        : nothing}
    </dialog>`;
  }

  private renderDetail(p: CsrProgramDetail): TemplateResult {
    const t = this.localize;
    const total = p.spending.reduce((sum, entry) => sum + entry.amount, 0);
    const item = (label: string, value: TemplateResult | string, className = '') => html`<div class=${className}><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`
      <p class="flags">${this.renderBadges(p)}</p>
      ${p.isDemo ? html`<p class="muted note">${t.t('board.demo')}</p>` : nothing}
      <dl class="details">
        ${item(t.t('detail.company'), html`<span lang="id">${p.company.name}</span> <span class="muted">(${t.t(`sector.${p.company.sector}`)})</span>`, 'detail-company')}
        ${item(t.t('detail.field'), this.fieldName(p.field))}
        ${item(t.t('detail.place'), html`<span lang="id">${t.t('list.place', p.location.desa, p.location.kecamatan)}</span>`, 'detail-place')}
        ${item(t.t('detail.year'), String(p.year))} ${item(t.t('detail.status'), t.t(`status.${p.status}`))}
        ${item(t.t('detail.committed'), this.rupiah(p.committed), 'detail-committed')} ${item(t.t('detail.spent'), this.rupiah(p.spent), 'detail-spent')}
        ${item(t.t('detail.beneficiaries'), p.beneficiaries === null ? t.t('detail.none') : t.t('detail.people', p.beneficiaries))}
        ${item(t.t('detail.rpjmd'), p.rpjmdPriority ? html`<span lang="id">${p.rpjmdPriority}</span>` : t.t('detail.none'))}
        ${item(t.t('detail.sdg'), p.sdg === null ? t.t('detail.none') : t.t('detail.sdgGoal', p.sdg))}
      </dl>
      ${p.overspent ? html`<p class="over-note"><span class="flag">${t.t('over.flag')}</span> ${t.t('detail.overspent', this.rupiah(p.overspentBy))}</p>` : nothing}
      ${p.description
        ? html`<div class="section">
            <h3 class="heading heading--small">${t.t('detail.description')}</h3>
            <p class="prose" lang="id">${p.description}</p>
          </div>`
        : nothing}
      <div class="section">
        <h3 class="heading heading--small">${t.t('detail.spending')}</h3>
        ${p.spending.length === 0
          ? html`<p class="muted">${t.t('detail.noSpending')}</p>`
          : html`<div class="table-wrap">
              <table part="table spending" class="table spending">
                <caption class="visually-hidden">${t.t('detail.spending')}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t.t('detail.date')}</th>
                    <th scope="col">${t.t('detail.what')}</th>
                    <th scope="col" class="num">${t.t('detail.amount')}</th>
                    <th scope="col">${t.t('detail.evidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${p.spending.map(
                    (entry) => html`<tr data-spending=${entry.id}>
                      <td class="date"><time datetime=${entry.date}>${this.day(entry.date)}</time></td>
                      <td class="what" lang="id">${entry.description}</td>
                      <td class="num amount">${t.number(entry.amount)}</td>
                      <td class="evidence">
                        ${entry.evidence.length === 0
                          ? html`<span class="muted">${t.t('detail.noEvidence')}</span>`
                          : entry.evidence.map(
                              (file, i) => html`<a href=${file.url} target="_blank" rel="noopener">${t.t('detail.evidenceFile', i + 1, file.mediaType.split('/')[1]!.toUpperCase())}<span class="visually-hidden"> ${t.t('detail.newWindow')}</span></a> `,
                            )}
                      </td>
                    </tr>`,
                  )}
                </tbody>
                <tfoot>
                  <tr>
                    <th scope="row" colspan="2">${t.t('detail.total')}</th>
                    <td class="num total">${t.number(total)}</td>
                    <td></td>
                  </tr>
                </tfoot>
              </table>
            </div>`}
      </div>
    `;
  }
}
