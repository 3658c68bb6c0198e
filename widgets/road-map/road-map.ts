/**
 * `<opd-road-map>`: the regency's road segments on a map coloured by condition, and the same
 * data as a table.
 *
 * @module
 */
import { adoptStyles, html, nothing, type CSSResultOrNative, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenRoads } from '../../src/namespaces/citizen-roads.js';
import type { RoadFeatureCollection, RoadSegment } from '../../src/schemas/roads.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError } from '../shared/error-detail.js';
import { focusTemporarily } from '../shared/error-summary.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { deviceStorage, draftStorageKey } from '../shared/storage.js';
import { roadPaletteStyles } from '../shared/road-palette.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdMapDrawnDetail, OpdReportSubmittedDetail, OpdSegmentSelectDetail } from './events.js';
import { id } from './i18n/id.js';
import { SEGMENT_CLASSES, type MapLayer, type MapSegment, type SegmentClass } from './layer-types.js';
import type { ReportFlow, ReportHost } from './report.js';
import { ROAD_COLOUR_PROPERTIES, ROAD_COLOURS, roadMapStyles } from './road-map.styles.js';

export type { OpdMapDrawnDetail, OpdReportSubmittedDetail, OpdSegmentSelectDetail };

type Feature = RoadFeatureCollection['features'][number];

/** The columns the list sorts by. */
type SortKey = 'number' | 'length' | 'condition';

type Load =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'loaded'; features: Feature[] }
  | { state: 'failed'; message: string; retry: boolean };

/** The map layer: not made yet (or on its way), made, or failed to load (the list still works). */
type MapState = 'idle' | 'ready' | 'failed';

/** A segment's colour class. */
const kindOf = (segment: RoadSegment): SegmentClass => segment.condition?.dominant ?? 'none';

/** Rank of a class, best first (the order of the legend and of sorting by condition). */
const rank = (kind: SegmentClass): number => SEGMENT_CLASSES.indexOf(kind);

/** Decree numbers in their natural order: `2` before `10`, `012` before `012.1`. */
const byNumber = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

/**
 * The regency's road segments (*ruas*) on a map, each coloured by its condition class in the
 * latest survey (or `year`'s), with a legend, filters by kecamatan and condition, each
 * segment's details on click or by keyboard, and a list view of the same data (a table that
 * sorts by number, length and condition) as the accessible alternative. One request fetches
 * the whole network as GeoJSON.
 *
 * Leaflet 1.9 draws the map with its Canvas renderer, and is imported only when a map is on the
 * page and in view: a page with the list view, or the map still far below the fold, fetches
 * no Leaflet. No tile server is used unless `tiles` names one: the network is drawn on a
 * plain background, fitted to its extent.
 *
 * ```html
 * <opd-road-map api="https://layanan.example-kab.go.id" opd="dinas-pupr"></opd-road-map>
 * <opd-road-map opd="dinas-pupr" view="list" year="2022"></opd-road-map>
 * <opd-road-map opd="dinas-pupr"
 *   tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
 *   attribution='&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'></opd-road-map>
 * ```
 *
 * Keyboard: the map is one tab stop. There the arrow keys move from segment to segment (in
 * decree-number order, of those the filters show; Home and End to the first and last), the
 * segment reached is outlined, brought into view and read out; Enter or Space opens its
 * details below the map, Escape closes them, `+` and `-` zoom. The list view is a table of the
 * same segments, each with a button to its details.
 *
 * @summary A map and a list of the regency's road segments, coloured by condition.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The OPD whose roads these are (Dinas PUPR's slug, e.g. `dinas-pupr`).
 * @attr year - The survey year whose condition is shown; default: each segment's latest.
 * @attr lang - `id` (default) or `en`.
 * @attr tiles - A tile URL template (`https://tile.openstreetmap.org/{z}/{x}/{y}.png`); none by default.
 * @attr attribution - The tiles' attribution (HTML), shown on the map with them.
 * @attr view - `map` (default) or `list`; the citizen switches it, and it reflects.
 * @attr heading-level - The level of the details' heading (default 2).
 *
 * @event opd-segment-select - A segment's details were opened. `detail: { number, name, condition, source }` (`source`: `map`, `keyboard` or `list`).
 * @event opd-map-drawn - The map painted the network for the first time. `detail: { segments, milliseconds }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action, requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart toolbar - The view switch and the filters.
 * @csspart views - The map/list switch.
 * @csspart button - Every button.
 * @csspart filters - The kecamatan select and the condition checkboxes.
 * @csspart select - The kecamatan select.
 * @csspart summary - "Menampilkan 214 ruas, 1.339,15 km".
 * @csspart legend - The colour key under the map.
 * @csspart swatch - A class's colour sample (legend, filters, list).
 * @csspart map - The map box (Leaflet's container).
 * @csspart details - The panel with the chosen segment.
 * @csspart table - The list view's table.
 * @csspart notice - Loading failed, nothing to show, segments without a line.
 *
 * @cssproperty --opd-road-baik - The colour of segments in Baik condition (the road widgets' shared palette). Default `#1d5fa6` (dark blue).
 * @cssproperty --opd-road-sedang - Sedang. Default `#3a86c8` (light blue).
 * @cssproperty --opd-road-rusak-ringan - Rusak ringan. Default `#d95f02` (orange).
 * @cssproperty --opd-road-rusak-berat - Rusak berat. Default `#8c2d04` (dark brown-red).
 * @cssproperty --opd-road-none - A segment without a survey. Default `#6b7580` (grey).
 * @cssproperty --opd-road-highlight - The outline of the chosen segment. Default `#1b1f24`.
 * @cssproperty --opd-road-map-background - The map's background without tiles. Default `#f4f1ea`.
 * @cssproperty --opd-road-map-height - The map's height. Default `28em`.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Secondary text.
 * @cssproperty --opd-color-surface - Panels and controls.
 * @cssproperty --opd-color-surface-alt - Hovered controls.
 * @cssproperty --opd-color-border - Borders.
 * @cssproperty --opd-color-primary - Buttons and links.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-secondary - The view not chosen.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdRoadMap extends OpdElement implements ReportHost {
  static override styles = [themeStyles, controlStyles, roadPaletteStyles, roadMapStyles];

  static override properties: PropertyDeclarations = {
    year: { type: Number },
    tiles: {},
    attribution: {},
    view: { reflect: true },
    headingLevel: { attribute: 'heading-level', type: Number },
    load: { state: true, attribute: false },
    mapState: { state: true, attribute: false },
    kecamatan: { state: true, attribute: false },
    hiddenClasses: { state: true, attribute: false },
    sortKey: { state: true, attribute: false },
    sortDown: { state: true, attribute: false },
    selected: { state: true, attribute: false },
    current: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
    reportChoice: { state: true, attribute: false },
    reportFailed: { state: true, attribute: false },
  };

  /** The survey year shown; unset (0): each segment's latest. */
  year = 0;

  /** A tile URL template; empty (the default): no tiles, a plain background. */
  tiles = '';

  /** The tiles' attribution, HTML as Leaflet shows it. */
  attribution = '';

  /** `map` or `list`. */
  view: 'map' | 'list' = 'map';

  /** The level of the details' heading (2 by default). */
  headingLevel = 2;

  private load: Load = { state: 'idle' };
  private mapState: MapState = 'idle';
  /** The kecamatan filter, `''` for all. */
  private kecamatan = '';
  /** The condition classes the filters hide. */
  private hiddenClasses: ReadonlySet<SegmentClass> = new Set();
  private sortKey: SortKey = 'number';
  private sortDown = false;
  /** The segment whose details are open. */
  private selected: string | null = null;
  /** The segment the map's keyboard cursor is on. */
  private current: string | null = null;
  private announcement = '';

  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { roads: citizenRoads });
  /** Whether the citizen opened (`true`) or closed (`false`) the report form; `null`: neither yet (open when a draft was kept). */
  private reportChoice: boolean | null = null;
  /** The report form's chunk could not be fetched (the citizen may try again). */
  private reportFailed = false;
  /** The report flow, a chunk of its own fetched when the citizen opens it or a draft of it is kept. */
  #report: ReportFlow | undefined;
  #reportLoading: Promise<ReportFlow> | undefined;

  /** Loads the report flow (once). */
  private loadReport(): Promise<ReportFlow> {
    this.#reportLoading ??= import('./report.js').then(
      (module) => {
        this.#report = new module.ReportFlow(this, this.localize, (receipt) => {
          const detail: OpdReportSubmittedDetail = { id: receipt.service_request_id, segment: receipt.segment?.number ?? null };
          this.emit('opd-report-submitted', detail);
        });
        this.requestUpdate();
        return this.#report;
      },
      (error: unknown) => {
        this.#reportLoading = undefined;
        throw error;
      },
    );
    return this.#reportLoading;
  }

  /** The SDK client with the citizens' roads calls (for the report flow). */
  get roadsClient(): ReportHost['roadsClient'] {
    return this.clients.client;
  }

  /** Puts the report's pin on the map (or takes it off). */
  showPin(position: { lat: number; lng: number } | null): void {
    this.#layer?.setPin(position);
  }

  /** Whether the report form is shown: opened, or holding a draft, a send or a receipt. */
  private get reporting(): boolean {
    if (this.reportChoice !== null) return this.reportChoice;
    const form = this.#report?.form;
    return Boolean(form && (form.notice?.kind === 'restored' || form.sending || form.result !== null));
  }

  private readonly toggleReport = (): void => {
    const open = !this.reporting;
    this.reportChoice = open;
    if (!open) {
      this.showPin(null);
      return;
    }
    void this.loadReport().then(
      async (report) => {
        void report.open();
        this.showPin(report.pin);
        await this.updateComplete;
        focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#report-title'));
      },
      (error: unknown) => {
        this.reportFailed = true;
        this.emit('opd-error', opdErrorDetail(error, 'load-report', 'network'));
      },
    );
  };

  private readonly retryReport = (): void => {
    this.reportFailed = false;
    this.reportChoice = false;
    this.toggleReport();
  };
  #abort: AbortController | undefined;
  #layer: MapLayer | undefined;
  #visible = false;
  /** The map layer's chunk is on its way. */
  #starting = false;
  #observer: IntersectionObserver | undefined;
  /** The filters the map last drew with, to refit when the kecamatan changes. */
  #drawnKey = '';

  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The map (and Leaflet) is fetched once the element is in view, or about to be.
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.#visible = true;
        this.#observer?.disconnect();
        this.requestUpdate();
      },
      { rootMargin: '200px' },
    );
    this.#observer.observe(this);
    if (this.hasUpdated && this.load.state === 'idle') void this.fetchSegments();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#abort?.abort();
    if (this.load.state === 'loading') this.load = { state: 'idle' };
    this.#layer?.destroy();
    this.#layer = undefined;
    if (this.mapState !== 'failed') this.mapState = 'idle';
    this.#drawnKey = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.view !== 'list' && this.view !== 'map') this.view = 'map';
    // A report not sent yet is kept on the device: bring the flow back to show it.
    if (changed.has('opd') && this.opd && !this.#report && deviceStorage()?.getItem(draftStorageKey('road-report', this.opd))) {
      void this.loadReport().catch(() => undefined);
    }
    if ((changed.has('api') || changed.has('opd') || changed.has('year')) && this.isConnected) void this.fetchSegments();
    if (changed.has('tiles') && this.#layer) {
      // A tile layer is set when the map is made: make it again.
      this.#layer.destroy();
      this.#layer = undefined;
      this.mapState = 'idle';
      this.#drawnKey = '';
    }
  }

  protected override updated(): void {
    this.maybeStartMap();
    if (this.#layer && this.view === 'map' && this.load.state === 'loaded') {
      const key = `${this.kecamatan}\n${[...this.hiddenClasses].sort().join(',')}`;
      if (key !== this.#drawnKey) {
        const refit = this.#drawnKey === '' || this.#drawnKey.split('\n')[0] !== this.kecamatan;
        this.#drawnKey = key;
        void this.#layer.show(this.mapSegments(), refit);
      }
    }
  }

  /** Loads the network (one request); the map and the list are drawn from it. */
  private async fetchSegments(): Promise<void> {
    this.#abort?.abort();
    if (!this.opd) {
      this.load = { state: 'idle' };
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.load = { state: 'loading' };
    this.#drawnKey = '';
    try {
      const collection = await this.clients.client.roads.segments.geojson(this.year ? { year: this.year } : {}, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const features = [...collection.features].sort((a, b) => byNumber(a.properties.number, b.properties.number));
      this.load = { state: 'loaded', features };
      if (this.selected && !features.some((feature) => feature.properties.number === this.selected)) this.selected = null;
    } catch (error) {
      if (abort.signal.aborted) return;
      const t = this.localize;
      const reading = readError(error);
      const message =
        reading.kind === 'offline'
          ? t.t('map.offline')
          : reading.kind === 'rate-limited'
            ? t.t('rateLimited', t.wait(reading.retryAfter))
            : reading.kind === 'unavailable'
              ? t.t('map.unavailable')
              : reading.kind === 'not-found' || reading.kind === 'fields'
                ? t.t('map.notFound')
                : t.t('server.error', reading.kind === 'server' || reading.kind === 'conflict' ? reading.requestId : '');
      this.load = { state: 'failed', message, retry: reading.kind !== 'unavailable' && reading.kind !== 'not-found' };
      this.emit('opd-error', opdErrorDetail(error, 'load-segments'));
    }
  }

  /** Starts the map layer once a map is on the page, in view, with data to draw. */
  private maybeStartMap(): void {
    if (this.view !== 'map' || !this.#visible || this.mapState !== 'idle' || this.#starting || this.load.state !== 'loaded') return;
    const container = this.renderRoot.querySelector<HTMLElement>('#map');
    if (!container) return;
    // Not a reactive state: what is shown meanwhile ("Memuat peta…") is the same as before.
    this.#starting = true;
    void import('./map-layer.js').then(
      (module) => {
        this.#starting = false;
        if (!this.isConnected || this.#layer) return;
        const root = this.shadowRoot;
        if (root) adoptStyles(root, [...(this.constructor as typeof OpdElement).elementStyles, module.leafletStyles] as CSSResultOrNative[]);
        const t = this.localize;
        this.#layer = module.createMapLayer({
          container,
          colours: this.colours(),
          highlight: getComputedStyle(this).getPropertyValue('--opd-road-highlight').trim() || '#1b1f24',
          ...(this.tiles ? { tiles: this.tiles, attribution: this.attribution } : {}),
          zoomInTitle: t.t('map.zoomIn'),
          zoomOutTitle: t.t('map.zoomOut'),
          onPick: (number, position) => {
            if (this.reporting && this.#report && !this.#report.form.result) this.#report.place(position);
            else if (number) this.open(number, 'map');
          },
          onDrawn: (milliseconds) => {
            const detail: OpdMapDrawnDetail = { segments: this.mapSegments().filter((segment) => segment.geometry).length, milliseconds };
            this.emit('opd-map-drawn', detail);
          },
        });
        this.#layer.select(this.current ?? this.selected, false);
        if (this.reporting && this.#report) this.#layer.setPin(this.#report.pin);
        this.mapState = 'ready';
      },
      (error: unknown) => {
        this.#starting = false;
        this.mapState = 'failed';
        this.emit('opd-error', opdErrorDetail(error, 'load-map', 'network'));
      },
    );
  }

  /** Each class's colour from the element's custom properties, else the default. */
  private colours(): Record<SegmentClass, string> {
    const style = getComputedStyle(this);
    const colours = { ...ROAD_COLOURS };
    for (const kind of SEGMENT_CLASSES) {
      const value = style.getPropertyValue(ROAD_COLOUR_PROPERTIES[kind]).trim();
      if (value) colours[kind] = value;
    }
    return colours;
  }

  /** Every segment loaded. */
  private get features(): Feature[] {
    return this.load.state === 'loaded' ? this.load.features : [];
  }

  /** The segments the filters let through, in decree-number order. */
  private filtered(): Feature[] {
    return this.features.filter(
      (feature) =>
        !this.hiddenClasses.has(kindOf(feature.properties)) && (!this.kecamatan || feature.properties.kecamatan.includes(this.kecamatan)),
    );
  }

  /** What the map draws. */
  private mapSegments(): MapSegment[] {
    return this.filtered().map((feature) => ({ number: feature.properties.number, kind: kindOf(feature.properties), geometry: feature.geometry }));
  }

  private segment(number: string | null): RoadSegment | undefined {
    return number ? this.features.find((feature) => feature.properties.number === number)?.properties : undefined;
  }

  /** Opens a segment's details and tells the page. */
  private open(number: string, source: OpdSegmentSelectDetail['source']): void {
    const segment = this.segment(number);
    if (!segment) return;
    this.selected = number;
    this.current = number;
    this.#layer?.select(number, source !== 'map');
    this.announcement = source === 'list' ? '' : this.localize.t('details.opened', number);
    this.emit('opd-segment-select', { number, name: segment.name, condition: segment.condition?.dominant ?? null, source });
    if (source === 'list') void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#details-title')));
  }

  private close(): void {
    const was = this.selected;
    this.selected = null;
    this.#layer?.select(this.current, false);
    if (this.view === 'list' && was) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-number="${CSS.escape(was)}"]`)?.focus());
    }
  }

  private readonly onMapKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const mapped = this.filtered().filter((feature) => feature.geometry);
    if (mapped.length === 0) return;
    const index = mapped.findIndex((feature) => feature.properties.number === this.current);
    let next = -1;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = index < 0 ? 0 : Math.min(mapped.length - 1, index + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = index < 0 ? 0 : Math.max(0, index - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = mapped.length - 1;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.open(mapped[index < 0 ? 0 : index]!.properties.number, 'keyboard');
        return;
      case 'Escape':
        if (this.selected) {
          event.preventDefault();
          this.close();
        }
        return;
      case '+':
      case '=':
        event.preventDefault();
        this.#layer?.zoom(1);
        return;
      case '-':
        event.preventDefault();
        this.#layer?.zoom(-1);
        return;
      default:
        return;
    }
    event.preventDefault();
    const segment = mapped[next]!.properties;
    this.current = segment.number;
    this.#layer?.select(segment.number, true);
    const t = this.localize;
    this.announcement = t.t('map.current', segment.number, segment.name, t.t(`class.${kindOf(segment)}`), next + 1, mapped.length);
  };

  private readonly setView = (view: 'map' | 'list'): void => {
    if (view === this.view) return;
    this.view = view;
    if (view === 'map') void this.updateComplete.then(() => this.#layer?.resize());
  };

  private readonly onKecamatan = (event: Event): void => {
    this.kecamatan = (event.target as HTMLSelectElement).value;
  };

  private readonly onClass = (event: Event): void => {
    const box = event.target as HTMLInputElement;
    const kind = box.value as SegmentClass;
    const hidden = new Set(this.hiddenClasses);
    if (box.checked) hidden.delete(kind);
    else hidden.add(kind);
    this.hiddenClasses = hidden;
  };

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.sortDown = !this.sortDown;
    else {
      this.sortKey = key;
      this.sortDown = false;
    }
  }

  private readonly retry = (): void => {
    void this.fetchSegments();
  };

  private readonly retryMap = (): void => {
    this.mapState = 'idle';
  };

  protected override render(): TemplateResult {
    const t = this.localize;
    return html`<div part="base" class="base frame" lang=${t.lang}>
      ${this.renderBody()}
      <div class="visually-hidden" role="status">${this.announcement}</div>
    </div>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const t = this.localize;
    if (!this.opd) return renderNotice({ message: t.t('config.missingOpd', t.t('config.thisWidget')), tone: 'error' });
    const load = this.load;
    switch (load.state) {
      case 'idle':
      case 'loading':
        return html`<p class="muted" role="status">${t.t('map.loading')}</p>`;
      case 'failed':
        return renderNotice({
          message: load.message,
          tone: 'warning',
          alert: true,
          action: load.retry ? { label: t.t('retry'), onClick: this.retry, look: 'secondary' } : undefined,
        });
      case 'loaded':
        break;
    }
    if (load.features.length === 0) return renderNotice({ message: t.t('map.empty') });
    const shown = this.filtered();
    const km = shown.reduce((sum, feature) => sum + feature.properties.lengthKm, 0);
    const unmapped = shown.filter((feature) => !feature.geometry).length;
    return html`
      ${this.renderToolbar()}
      <p part="summary" class="summary">
        ${t.t('filter.summary', shown.length, Math.round(km * 1000) / 1000)}${this.year ? html` · ${t.t('map.year', this.year)}` : nothing}
      </p>
      ${shown.length === 0 ? renderNotice({ message: t.t('map.noMatch'), tone: 'warning' }) : nothing}
      ${this.renderMap(unmapped)}
      ${this.reporting
        ? (this.#report?.render(this.level, this.view === 'map' && this.mapState !== 'failed') ??
          (this.reportFailed
            ? renderNotice({ message: t.t('report.failed'), tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: this.retryReport, look: 'secondary' } })
            : html`<p class="muted" role="status">${t.t('report.loading')}</p>`))
        : nothing}
      ${this.view === 'list' ? this.renderTable(shown) : nothing} ${this.renderDetails()}
    `;
  }

  /** The classes present in the data, in legend order. */
  private classesPresent(): SegmentClass[] {
    const present = new Set(this.features.map((feature) => kindOf(feature.properties)));
    return SEGMENT_CLASSES.filter((kind) => present.has(kind));
  }

  private renderToolbar(): TemplateResult {
    const t = this.localize;
    const kecamatan = [...new Set(this.features.flatMap((feature) => feature.properties.kecamatan))].sort((a, b) => a.localeCompare(b, 'id'));
    const viewButton = (view: 'map' | 'list') =>
      html`<button part="button" type="button" class="button" aria-pressed=${this.view === view ? 'true' : 'false'} @click=${() => this.setView(view)}>
        ${t.t(`view.${view}`)}
      </button>`;
    return html`<div part="toolbar" class="toolbar">
      <fieldset part="views" class="views">
        <legend class="legend">${t.t('view.label')}</legend>
        ${viewButton('map')}${viewButton('list')}
      </fieldset>
      <button part="button" type="button" class="button report-toggle" aria-expanded=${this.reporting ? 'true' : 'false'} aria-controls="report" @click=${this.toggleReport}>
        ${this.reporting ? t.t('report.close') : t.t('report.open')}
      </button>
      <div class="field">
        <label class="label" for="kecamatan">${t.t('filter.kecamatan')}</label>
        <select part="select" id="kecamatan" class="input select" @change=${this.onKecamatan}>
          <option value="" ?selected=${this.kecamatan === ''}>${t.t('filter.allKecamatan')}</option>
          ${kecamatan.map((name) => html`<option value=${name} ?selected=${this.kecamatan === name}>${name}</option>`)}
        </select>
      </div>
      <fieldset part="filters" class="classes">
        <legend class="legend">${t.t('filter.condition')}</legend>
        ${this.classesPresent().map(
          (kind) => html`<div class="choice">
            <input class="checkbox" type="checkbox" id="class-${kind}" value=${kind} .checked=${!this.hiddenClasses.has(kind)} @change=${this.onClass} />
            <label class="label" for="class-${kind}"><span part="swatch" class="swatch swatch--${kind}"></span> ${t.t(`class.${kind}`)}</label>
          </div>`,
        )}
      </fieldset>
    </div>`;
  }

  private renderMap(unmapped: number): TemplateResult {
    const t = this.localize;
    const list = this.view === 'list';
    return html`
      <div
        part="map"
        class="map"
        id="map"
        ?hidden=${list || this.mapState === 'failed'}
        tabindex="0"
        role="application"
        aria-label=${t.t('map.label')}
        aria-describedby="map-keys"
        @keydown=${this.onMapKey}
      ></div>
      <p id="map-keys" class="visually-hidden">${t.t('map.keys')}</p>
      ${list
        ? nothing
        : html`${this.mapState === 'failed'
              ? renderNotice({
                  message: t.t('map.mapFailed'),
                  tone: 'warning',
                  actions: [
                    { label: t.t('retry'), onClick: this.retryMap, look: 'secondary' },
                    { label: t.t('view.list'), onClick: () => this.setView('list'), look: 'secondary' },
                  ],
                })
              : this.mapState === 'ready'
                ? nothing
                : html`<p class="map-status">${t.t('map.loadingMap')}</p>`}
            <ul part="legend" class="key" aria-label=${t.t('legend.title')}>
              <li class="key-title" aria-hidden="true">${t.t('legend.title')}</li>
              ${this.classesPresent().map(
                (kind) => html`<li><span part="swatch" class="swatch swatch--${kind}"></span>${t.t(`class.${kind}`)}</li>`,
              )}
            </ul>
            ${unmapped > 0 ? renderNotice({ message: t.t('map.unmapped', unmapped) }) : nothing}`}
    `;
  }

  private renderTable(shown: Feature[]): TemplateResult {
    const t = this.localize;
    const sign = this.sortDown ? -1 : 1;
    // Km as the API gives them (whole metres), at least two decimals so the column lines up.
    const km = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 3 });
    const kmText = (value: number): string => km.format(value);
    const rows = [...shown].sort((a, b) => {
      const x = a.properties;
      const y = b.properties;
      const order =
        this.sortKey === 'length'
          ? x.lengthKm - y.lengthKm
          : this.sortKey === 'condition'
            ? rank(kindOf(x)) - rank(kindOf(y)) || (x.condition?.kemantapan ?? 0) - (y.condition?.kemantapan ?? 0)
            : 0;
      return sign * order || sign * byNumber(x.number, y.number);
    });
    const sortable = (key: SortKey, label: string, numeric = false) => {
      const active = this.sortKey === key;
      const ariaSort = active ? (this.sortDown ? 'descending' : 'ascending') : 'none';
      return html`<th scope="col" class=${numeric ? 'numeric' : ''} aria-sort=${ariaSort}>
        <button type="button" class="sort" data-sort=${key} @click=${() => this.sortBy(key)}>
          ${label}<span aria-hidden="true">${active ? (this.sortDown ? '▼' : '▲') : '↕'}</span>
        </button>
      </th>`;
    };
    return html`<div class="table-wrap">
      <table part="table" class="table">
        <caption>
          ${t.t('table.caption')}
          <span class="muted">${t.t('table.sortHint')}</span>
        </caption>
        <thead>
          <tr>
            ${sortable('number', t.t('table.number'))}
            <th scope="col">${t.t('table.name')}</th>
            <th scope="col">${t.t('table.kecamatan')}</th>
            ${sortable('length', t.t('table.length'), true)} ${sortable('condition', t.t('table.condition'))}
            <th scope="col" class="numeric">${t.t('table.kemantapan')}</th>
            <th scope="col">${t.t('table.details')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((feature) => {
            const s = feature.properties;
            const kind = kindOf(s);
            return html`<tr>
              <th scope="row" data-label=${t.t('table.number')}>${s.number}</th>
              <td data-label=${t.t('table.name')}>${s.name}</td>
              <td data-label=${t.t('table.kecamatan')}>${s.kecamatan.join(', ')}</td>
              <td class="numeric" data-label=${t.t('table.length')}>${kmText(s.lengthKm)}</td>
              <td data-label=${t.t('table.condition')}>
                <span class="condition"><span part="swatch" class="swatch swatch--${kind}"></span>${t.t(`class.${kind}`)}</span>
              </td>
              <td class="numeric" data-label=${t.t('table.kemantapan')}>${s.condition ? t.t('unit.percent', s.condition.kemantapan) : '–'}</td>
              <td data-label=${t.t('table.details')}>
                <button type="button" part="button" class="link-button" data-number=${s.number} aria-label=${t.t('table.show', s.number)} @click=${() => this.open(s.number, 'list')}>
                  ${t.t('table.details')}
                </button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  private renderDetails(): TemplateResult | typeof nothing {
    const s = this.segment(this.selected);
    if (!s) return nothing;
    const t = this.localize;
    const kind = kindOf(s);
    const condition = s.condition;
    return html`<section part="details" class="details swatch--${kind}" aria-labelledby="details-title">
      <div class="details-head">
        <div role="heading" aria-level=${this.level} class="heading" id="details-title">
          ${t.t('details.title', s.number)} · <span class="name">${s.name}</span>
        </div>
        <button part="button" type="button" class="button button--secondary" @click=${() => this.close()}>${t.t('details.close')}</button>
      </div>
      <dl class="facts">
        <div>
          <dt>${t.t('details.kecamatan')}</dt>
          <dd>${s.kecamatan.join(', ')}</dd>
        </div>
        <div>
          <dt>${t.t('details.length')}</dt>
          <dd>${t.t('unit.km', s.lengthKm)}</dd>
        </div>
        <div>
          <dt>${t.t('details.surface')}</dt>
          <dd>${t.t(`surface.${s.surface}`)}${s.widthM ? html`, ${t.t('details.width').toLowerCase()} ${t.t('unit.m', s.widthM)}` : nothing}</dd>
        </div>
        ${condition
          ? html`<div>
                <dt>${t.t('details.condition', condition.year)}</dt>
                <dd>
                  <ul class="km">
                    ${(['baik', 'sedang', 'rusakRingan', 'rusakBerat'] as const).map(
                      (c) => html`<li><span part="swatch" class="swatch swatch--${c}"></span>${t.t(`class.${c}`)}: ${t.t('unit.km', condition.km[c])}</li>`,
                    )}
                  </ul>
                </dd>
              </div>
              <div>
                <dt>${t.t('details.kemantapan')}</dt>
                <dd>${t.t('unit.percent', condition.kemantapan)}</dd>
              </div>`
          : html`<div>
              <dt>${t.t('table.condition')}</dt>
              <dd>${t.t('details.noSurvey')}</dd>
            </div>`}
      </dl>
    </section>`;
  }
}
