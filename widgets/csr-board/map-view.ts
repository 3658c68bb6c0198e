/**
 * The map view of `<opd-csr-board>`: every programme matching the list's filters, read page
 * after page, drawn as dots coloured by field on the Leaflet map of `program-map.ts`, with what
 * it shows in words and a legend naming each colour. The board imports this module with
 * `import()` when the reader first presses "Peta", so none of it (nor Leaflet) is in the
 * board's entry: its copy (Indonesian and English, a few lines) and its styles travel with it.
 *
 * @module
 */
import { adoptStyles, css, html, nothing, unsafeCSS, type CSSResultOrNative, type TemplateResult } from 'lit';
import type { CsrProgramSearch } from '../../src/namespaces/citizen-csr.js';
import type { CsrField, CsrProgramList } from '../../src/schemas/csr.js';
import { opdErrorDetail, readError, type ErrorReading } from '../shared/error-detail.js';
import { renderNotice } from '../shared/notice.js';
import { leafletStyles } from '../road-map/leaflet.styles.js';
import { FIELD_COLOURS, type MapProgram, type ProgramMap } from './map-types.js';
import { createProgramMap } from './program-map.js';

/** The map reads the programmes matching the filters this many at a time (the API's largest page)… */
const MAP_PAGE = 100;
/** …for at most this many pages (2,000 programmes: far more than a regency's CSR forum handles). */
const MAP_PAGES = 20;

const num = (n: number, locale: string) => n.toLocaleString(locale);

/** The map's copy, in the board's two languages. */
const COPY = {
  id: {
    label: 'Peta program. Program yang sama ada di daftar (tombol Daftar).',
    loading: 'Memuat peta…',
    failed: 'Peta tidak dapat dimuat. Program yang sama ada di daftar.',
    shown: (n: number) => (n === 0 ? 'Tidak ada program bertitik lokasi yang cocok.' : `${num(n, 'id-ID')} program di peta. Pilih titik untuk melihat rinciannya.`),
    without: (n: number) => `${num(n, 'id-ID')} program belum punya titik lokasi; lihat di daftar.`,
    legend: 'Warna titik: bidang',
    zoomIn: 'Perbesar',
    zoomOut: 'Perkecil',
  },
  en: {
    label: 'Map of the programmes. The same programmes are in the list (the List button).',
    loading: 'Loading the map…',
    failed: 'The map could not be loaded. The same programmes are in the list.',
    shown: (n: number) => (n === 0 ? 'No programme with a location matches.' : `${n === 1 ? '1 programme' : `${num(n, 'en-GB')} programmes`} on the map. Choose a dot to see its details.`),
    without: (n: number) => `${n === 1 ? '1 programme has' : `${num(n, 'en-GB')} programmes have`} no location yet; see the list.`,
    legend: 'Dot colours: field',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
  },
} as const;

/** Leaflet's rules in the board's shadow root, the legend's dots (a class per colour: no inline style under a strict CSP), the pointer over a dot. */
export const mapViewStyles = [
  leafletStyles,
  css`
    .map { display: block; width: 100%; height: var(--opd-csr-map-height, 26em); margin: 0; box-sizing: border-box; border: 0.125em solid var(--_border); border-radius: var(--_radius); --_map-background: var(--opd-csr-map-background, #f4f1ea) }
    .map[hidden] { display: none !important }
    .map.map--over { cursor: pointer }
    .map-info { display: block; min-height: 3em; margin: 0.5em 0 0 }
    .map-status { display: block; margin: 0 0 0.5em }
    .map-legend { display: flex; flex-wrap: wrap; gap: 0.25em 1em; list-style: none; margin: 0; padding: 0 }
    .map-legend li { display: inline-flex; align-items: center; gap: 0.375em; margin: 0 }
    .dot { display: inline-block; flex: none; width: 0.875em; height: 0.875em; box-sizing: border-box; border: 0.09375em solid #1b1f24; border-radius: 50% }
    ${unsafeCSS(FIELD_COLOURS.map((colour, i) => `.dot--${i} { background: ${colour} }`).join('\n'))}
    @media (forced-colors: active) { .dot { forced-color-adjust: none } }
  `,
];

/** What the map view needs of the board. */
export interface MapViewHost {
  /** The board element: its shadow root gets the map's styles, its events the errors. */
  element: HTMLElement & { requestUpdate(): void; emit(type: string, detail: unknown): void };
  /** The board's own styles, adopted again with the map's. */
  styles: CSSResultOrNative[];
  lang(): 'id' | 'en';
  /** The kit's "Coba lagi" and the board's offline sentence, in the board's language. */
  retry(): string;
  offline(): string;
  /** The tile template and attribution, when set. */
  tiles(): { tiles: string; attribution: string } | undefined;
  /** The list's filters as the API takes them, and as a key that changes with them. */
  query(): CsrProgramSearch;
  key(): string;
  search(query: CsrProgramSearch, signal: AbortSignal): Promise<CsrProgramList>;
  /** The OPD's fields (the colours follow their order), and a field's name in the board's language. */
  fields(): readonly CsrField[];
  fieldName(id: string): string;
  /** The programmes under a click, and the element to focus when their dialog closes. */
  pick(programs: MapProgram[], opener: HTMLElement): void;
  /** Back to the list. */
  showList(): void;
}

type Load =
  | { state: 'idle' }
  | { state: 'loading'; key: string }
  | { state: 'ready'; key: string; programs: MapProgram[]; without: number }
  | { state: 'failed'; key: string; reading: ErrorReading };

/** The map view's state and rendering; the board calls {@link render}, {@link updated}, {@link filtersChanged} and {@link disconnect}. */
export class MapView {
  #load: Load = { state: 'idle' };
  #map: ProgramMap | undefined;
  #drawn: Load | undefined;
  #abort: AbortController | undefined;
  #failed = false;

  constructor(private readonly host: MapViewHost) {
    // The board's styles, then the map's (adoptStyles replaces what the shadow root had).
    const root = host.element.shadowRoot;
    if (root) adoptStyles(root, [...host.styles, ...mapViewStyles]);
  }

  private get copy() {
    return COPY[this.host.lang()];
  }

  /** A field's colour index: {@link FIELD_COLOURS} in the OPD's field order (grey, the last, for a field no longer listed). */
  private colour(field: string): number {
    const index = this.host.fields().findIndex((f) => f.id === field);
    return index < 0 ? FIELD_COLOURS.length - 1 : index % FIELD_COLOURS.length;
  }

  /** The map is shown (again): reads the programmes unless those of these filters are there. */
  shown(): void {
    this.#failed = false;
    const load = this.#load;
    if (load.state === 'idle' || load.state === 'failed' || load.key !== this.host.key()) void this.load();
    this.#map?.resize();
  }

  /** The filters changed while the map is shown. */
  filtersChanged(): void {
    void this.load();
  }

  /** Every programme matching the filters, a page of {@link MAP_PAGE} at a time; those with a point go on the map. */
  private async load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const key = this.host.key();
    this.#load = { state: 'loading', key };
    this.host.element.requestUpdate();
    const programs: MapProgram[] = [];
    let without = 0;
    try {
      let cursor: string | null = null;
      for (let page = 0; page < MAP_PAGES; page++) {
        const found: CsrProgramList = await this.host.search({ ...this.host.query(), limit: MAP_PAGE, ...(cursor ? { cursor } : {}) }, abort.signal);
        for (const p of found.data) {
          if (p.location.point) programs.push({ id: p.id, title: p.title, field: p.field, point: p.location.point });
          else without++;
        }
        cursor = found.nextCursor;
        if (!cursor) break;
      }
      if (abort.signal.aborted) return;
      this.#load = { state: 'ready', key, programs, without };
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#load = { state: 'failed', key, reading: readError(error) };
      this.host.element.emit('opd-error', opdErrorDetail(error, 'load-csr-map'));
    }
    this.host.element.requestUpdate();
  }

  /** After the board rendered: makes the map once its box is shown, and draws what was read last. */
  updated(): void {
    const container = this.host.element.shadowRoot?.querySelector<HTMLElement>('#map');
    if (!container || container.hidden) return;
    if (!this.#map) {
      try {
        const copy = this.copy;
        this.#map = createProgramMap({
          container,
          colour: (field) => FIELD_COLOURS[this.colour(field)]!,
          ...this.host.tiles(),
          zoomInTitle: copy.zoomIn,
          zoomOutTitle: copy.zoomOut,
          onPick: (programs) => this.host.pick(programs, container),
        });
      } catch (error) {
        this.#failed = true;
        this.host.element.emit('opd-error', opdErrorDetail(error, 'load-map', 'network'));
        this.host.element.requestUpdate();
        return;
      }
    }
    const load = this.#load;
    if (load.state === 'ready' && this.#drawn !== load) {
      this.#drawn = load;
      this.#map.show(load.programs);
    }
  }

  /** The tiles changed, or the board left the page: the map is made again next time. */
  disconnect(): void {
    this.#abort?.abort();
    if (this.#load.state === 'loading') this.#load = { state: 'idle' };
    this.#map?.destroy();
    this.#map = undefined;
    this.#drawn = undefined;
  }

  private readonly retry = (): void => {
    this.#failed = false;
    void this.load();
  };

  /**
   * The map's box (kept, hidden, while the list is shown, so Leaflet is made once), what it
   * shows in words, and its legend. The dots are for the eye and the mouse: the list holds the
   * same programmes, and the box's label says so.
   */
  render(list: boolean): TemplateResult {
    const copy = this.copy;
    const load = this.#load;
    const failed = this.#failed || load.state === 'failed';
    const fields = load.state === 'ready' ? this.host.fields().filter((f) => load.programs.some((p) => p.field === f.id)) : [];
    return html`<div part="map" class="map" id="map" role="region" tabindex="-1" aria-label=${copy.label} ?hidden=${list || failed}></div>
      ${list
        ? nothing
        : html`<div class="map-info">
            ${failed
              ? renderNotice({
                  message: load.state === 'failed' && load.reading.kind === 'offline' ? this.host.offline() : copy.failed,
                  tone: 'warning',
                  className: 'map-notice',
                  actions: [
                    { label: this.host.retry(), onClick: this.retry, look: 'secondary' },
                    { label: this.host.lang() === 'en' ? 'List' : 'Daftar', onClick: this.host.showList, look: 'secondary' },
                  ],
                })
              : load.state !== 'ready'
                ? html`<p class="muted map-status" role="status">${copy.loading}</p>`
                : html`<p class="map-status" role="status">${copy.shown(load.programs.length)}${load.without > 0 ? html` <span class="muted">${copy.without(load.without)}</span>` : nothing}</p>
                    <ul part="map-legend" class="map-legend" role="list" aria-label=${copy.legend}>
                      ${fields.map((f) => html`<li><span class=${`dot dot--${this.colour(f.id)}`}></span>${this.host.fieldName(f.id)}</li>`)}
                    </ul>`}
          </div>`}`;
  }
}
