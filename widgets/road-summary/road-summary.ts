/**
 * `<opd-road-summary>`: Perjaka's digital board of the regency roads.
 *
 * @module
 */
import { html, nothing, svg, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenRoads } from '../../src/namespaces/citizen-roads.js';
import type { RoadCondition } from '../../src/schemas/roads.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { ROAD_CLASSES, roadPaletteStyles, type RoadClass } from '../shared/road-palette.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdConditionLoadedDetail } from './events.js';
import { id } from './i18n/id.js';
import { roadSummaryStyles } from './road-summary.styles.js';

export type { OpdConditionLoadedDetail };

type Board =
  | { state: 'idle' }
  | { state: 'loading' }
  | { state: 'ready'; condition: RoadCondition; missingYear: number | null }
  | { state: 'empty' }
  | { state: 'unknown-opd'; slug: string }
  | { state: 'unavailable' }
  | { state: 'offline' }
  | { state: 'rate-limited'; retryAfter: number }
  | { state: 'failed'; requestId: string };

/** A column of the per-kecamatan table, and how it sorts. */
type KecamatanColumn = 'kecamatan' | 'segments' | 'lengthKm' | RoadClass | 'kemantapan';

type KecamatanRow = RoadCondition['byKecamatan'][number];

/** The value a row sorts by in `column`. */
function sortValue(row: KecamatanRow, column: KecamatanColumn): string | number {
  switch (column) {
    case 'kecamatan':
      return row.kecamatan;
    case 'segments':
    case 'lengthKm':
    case 'kemantapan':
      return row[column];
    default:
      return row.km[column];
  }
}

/**
 * The digital board of Perjaka (issue 16): the kemantapan (share of the road length in steady
 * condition, Baik + Sedang) of a survey year against its target, as a headline figure and a
 * gauge; the km by condition class; the trend across the years (a chart, and its figures as a
 * table); the table per kecamatan (sortable, scrolling in its own box on a phone); and the km
 * still needed to reach the target. Every chart is an SVG with its text equivalent, and
 * coloured with the shared road palette (`widgets/shared/road-palette.ts`), which
 * `<opd-road-map>` uses too.
 *
 * ```html
 * <opd-road-summary api="https://layanan.example-kab.go.id" opd="dinas-pupr"></opd-road-summary>
 * <opd-road-summary opd="dinas-pupr" year="2021" lang="en"></opd-road-summary>
 * ```
 *
 * The citizen switches the year with the "Tahun survei" select (every year with a survey); a
 * `year` without a survey shows the latest one, saying so.
 *
 * @summary Perjaka's road condition board: kemantapan against target, km by class, trend, per kecamatan.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The slug of the OPD whose roads these are (Dinas PUPR), e.g. `dinas-pupr`.
 * @attr year - The survey year to show first; default: the latest. The year select changes it.
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the board's heading (default 2); its sections' are one deeper.
 *
 * @event opd-condition-loaded - A year's condition is shown. `detail: { opd, year, kemantapan, targetPercent, kmToTarget }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action: 'load-condition', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart header - The title, the data note and the year select.
 * @csspart year-select - The year `<select>`.
 * @csspart headline - The kemantapan figure, its target and the km still needed.
 * @csspart figure - The kemantapan figure itself (`78,35 %`).
 * @csspart gauge - The kemantapan gauge (SVG) against the target.
 * @csspart facts - The list of totals (length, steady km, km to go).
 * @csspart section - Each section: by class, trend, per kecamatan.
 * @csspart class-bar - The stacked bar of km by class (SVG).
 * @csspart chart - The trend chart (SVG).
 * @csspart table-wrap - The box a table scrolls in on a narrow screen.
 * @csspart table - Every table.
 * @csspart sort-button - A column's sort button in the kecamatan table.
 * @csspart details - The "figures as a table" disclosure of the trend.
 * @csspart notice - Loading, errors, an empty board, a year without a survey.
 * @csspart button - Every button (retry).
 *
 * @cssproperty --opd-road-baik - Baik (good) in charts and swatches. Default `#1d5fa6`.
 * @cssproperty --opd-road-sedang - Sedang (fair). Default `#3a86c8`.
 * @cssproperty --opd-road-rusak-ringan - Rusak Ringan (slightly damaged). Default `#d95f02`.
 * @cssproperty --opd-road-rusak-berat - Rusak Berat (badly damaged). Default `#8c2d04`.
 * @cssproperty --opd-road-target - The target's marks in the gauge and the trend. Default: the text colour.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes and axis labels.
 * @cssproperty --opd-color-surface - Panel background.
 * @cssproperty --opd-color-surface-alt - Table stripes and the gauge's track.
 * @cssproperty --opd-color-border - Borders and rules.
 * @cssproperty --opd-color-primary - Links, buttons, the headline's edge.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-success - The "target met" line.
 * @cssproperty --opd-color-warning-surface - The "year not surveyed" notice.
 * @cssproperty --opd-color-warning-border - Its border.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdRoadSummary extends OpdElement {
  static override styles = [themeStyles, controlStyles, roadPaletteStyles, roadSummaryStyles];

  static override properties: PropertyDeclarations = {
    year: { type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    board: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    sortBy: { state: true, attribute: false },
    ascending: { state: true, attribute: false },
    announcement: { state: true, attribute: false },
  };

  /** The survey year shown; `undefined` (or no `year` attribute) for the latest. */
  year: number | undefined = undefined;

  /** The level of the board's heading (2 by default), so it fits the page's outline. */
  headingLevel = 2;

  private board: Board = { state: 'idle' };
  /** Loading another year while the last one stays on screen. */
  private busy = false;
  private sortBy: KecamatanColumn = 'kecamatan';
  private ascending = true;
  private announcement = '';

  // English is its own chunk, fetched only when the widget is set to English (see LocalizeController).
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { roads: citizenRoads });
  #abort: AbortController | undefined;

  /** {@link headingLevel} kept within 1–5 (sections are one deeper). */
  private get level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reconnected after a removal: reload what the removal cancelled.
    if (this.hasUpdated && (this.board.state === 'loading' || this.busy)) void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('opd') || changed.has('api') || changed.has('year')) {
      const shown = this.board.state === 'ready' ? this.board.condition : undefined;
      // The year select moved to the year already shown (or the same OPD's board asked again): nothing to load.
      if (shown && !changed.has('opd') && !changed.has('api') && this.year === shown.year) return;
      void this.load();
    }
  }

  private readonly retry = (): void => {
    void this.load();
  };

  /** The year asked for, or `undefined` for the latest (a `year` that is no year counts as none). */
  private get askedYear(): number | undefined {
    const year = Number(this.year);
    return this.year !== undefined && this.year !== null && Number.isInteger(year) ? year : undefined;
  }

  /** Loads the condition of the year asked for (else the latest) and shows it. */
  private async load(): Promise<void> {
    this.#abort?.abort();
    const opd = this.opd;
    if (!opd) {
      this.board = { state: 'idle' };
      return;
    }
    const t = this.localize;
    const abort = new AbortController();
    this.#abort = abort;
    const year = this.askedYear;
    const keepShown = this.board.state === 'ready' && this.board.condition.opd === opd;
    if (keepShown) this.busy = true;
    else this.board = { state: 'loading' };
    this.announcement = year ? t.t('board.loadingYear', year) : t.t('board.loading');
    const roads = this.clients.client.roads;
    const signal = abort.signal;
    try {
      let condition: RoadCondition;
      let missingYear: number | null = null;
      try {
        condition = await roads.condition(year ? { year } : {}, { signal });
      } catch (error) {
        // A year without a survey (or no year at all: out of range): show the latest, and say so.
        const reading = readError(error);
        if (!year || (reading.kind !== 'not-found' && !(reading.kind === 'fields' && fieldsOnly(reading.fieldErrors, 'year')))) throw error;
        condition = await roads.condition({}, { signal });
        missingYear = year;
      }
      if (signal.aborted) return;
      this.board = { state: 'ready', condition, missingYear };
      this.busy = false;
      this.announcement = keepShown ? t.t('board.shown', condition.year) : '';
      const target = condition.target;
      this.emit('opd-condition-loaded', {
        opd,
        year: condition.year,
        kemantapan: condition.kemantapan,
        targetPercent: target?.percent ?? null,
        kmToTarget: target?.kmToTarget ?? null,
      });
    } catch (error) {
      if (signal.aborted) return;
      this.busy = false;
      this.announcement = '';
      this.board = await this.failure(error, opd, signal);
      if (signal.aborted) return;
      const code = this.board.state === 'unknown-opd' ? 'config' : this.board.state === 'empty' ? 'not-found' : readError(error).code;
      this.emit('opd-error', opdErrorDetail(error, 'load-condition', code));
    }
  }

  /**
   * What the citizen is told when the condition cannot be loaded. A 404 is one of three things:
   * an OPD that does not exist (the page is set up wrong), one without Perjaka, or one without a
   * survey yet; the OPD's own read tells them apart.
   */
  private async failure(error: unknown, opd: string, signal: AbortSignal): Promise<Board> {
    const reading = readError(error);
    switch (reading.kind) {
      case 'unavailable':
        return { state: 'unavailable' };
      case 'fields':
        // Only the slug can be refused here (the year was checked above): not even an OPD's name.
        return { state: 'unknown-opd', slug: opd };
      case 'not-found':
        try {
          const found = await this.clients.client.opds.get(opd, { signal });
          return found.modules.includes('perjaka') ? { state: 'empty' } : { state: 'unavailable' };
        } catch (second) {
          const again = readError(second);
          if (again.kind === 'not-found' || again.kind === 'fields') return { state: 'unknown-opd', slug: opd };
          return again.kind === 'offline' ? { state: 'offline' } : { state: 'failed', requestId: '' };
        }
      case 'offline':
        return { state: 'offline' };
      case 'rate-limited':
        return { state: 'rate-limited', retryAfter: reading.retryAfter };
      case 'conflict':
      case 'server':
        return { state: 'failed', requestId: reading.requestId };
    }
  }

  private readonly onYear = (event: Event): void => {
    const value = Number((event.target as HTMLSelectElement).value);
    if (Number.isInteger(value)) this.year = value;
  };

  private sort(column: KecamatanColumn): void {
    const t = this.localize;
    if (this.sortBy === column) this.ascending = !this.ascending;
    else {
      this.sortBy = column;
      // Names A–Z; figures worst first (least kemantapan, most damage), what a reader looks for.
      this.ascending = column === 'kecamatan' || column === 'kemantapan' || column === 'baik' || column === 'sedang';
    }
    this.announcement = t.t('kecamatan.sorted', this.columnLabel(column), this.ascending);
  }

  // ---- numbers, written the language's way ----

  /** `1.339,15 km` / `1,339.15 km`: km with up to three decimals (whole metres). */
  private km(value: number): string {
    const t = this.localize;
    return t.t('unit.km', new Intl.NumberFormat(t.locale, { maximumFractionDigits: 3 }).format(value));
  }

  /** `78,35 %` / `78.35%`: a percent with up to two decimals. */
  private percent(value: number): string {
    const t = this.localize;
    return t.t('unit.percent', new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(value));
  }

  /** A share of a whole in percent, one decimal (`51,0 %`). */
  private share(part: number, whole: number): string {
    const t = this.localize;
    const value = whole > 0 ? (part / whole) * 100 : 0;
    return t.t('unit.percent', new Intl.NumberFormat(t.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value));
  }

  private columnLabel(column: KecamatanColumn): string {
    const t = this.localize;
    switch (column) {
      case 'kecamatan':
        return t.t('kecamatan.name');
      case 'segments':
        return t.t('kecamatan.segments');
      case 'lengthKm':
        return t.t('kecamatan.length');
      case 'kemantapan':
        return t.t('kecamatan.kemantapan');
      default:
        return t.t(`class.${column}`);
    }
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.localize;
    return html`
      <div part="base" class="base" lang=${t.lang} aria-busy=${this.busy || this.board.state === 'loading' ? 'true' : 'false'}>
        ${this.renderBoard()}
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  private renderBoard(): TemplateResult | typeof nothing {
    const t = this.localize;
    if (!this.opd) return renderNotice({ message: t.t('config.missingOpd', t.t('config.thisWidget')), tone: 'error' });
    const board = this.board;
    const retry = { label: t.t('retry'), onClick: this.retry, look: 'secondary' as const };
    switch (board.state) {
      case 'idle':
        return nothing;
      case 'loading':
        return html`<div part="notice" class="notice loading">
          <p>${this.askedYear ? t.t('board.loadingYear', this.askedYear) : t.t('board.loading')}</p>
        </div>`;
      case 'unknown-opd':
        return renderNotice({ message: t.t('board.unknownOpd', board.slug), tone: 'error', alert: true, className: 'board-notice' });
      case 'unavailable':
        return renderNotice({ message: t.t('board.unavailable'), tone: 'warning', className: 'board-notice' });
      case 'empty':
        return renderNotice({ message: t.t('board.empty'), className: 'board-notice', action: retry });
      case 'offline':
        return renderNotice({ message: t.t('board.offline'), tone: 'warning', alert: true, className: 'board-notice', action: retry });
      case 'rate-limited':
        return renderNotice({
          message: t.t('rateLimited', t.wait(board.retryAfter)),
          tone: 'warning',
          alert: true,
          className: 'board-notice',
          action: retry,
        });
      case 'failed':
        return renderNotice({ message: t.t('server.error', board.requestId), tone: 'error', alert: true, className: 'board-notice', action: retry });
      case 'ready':
        return this.renderCondition(board.condition, board.missingYear);
    }
  }

  private renderCondition(c: RoadCondition, missingYear: number | null): TemplateResult {
    const t = this.localize;
    const sub = this.level + 1;
    const years = c.trend.filter((point) => point.kemantapan !== null).map((point) => point.year);
    return html`
      <section class="board" aria-labelledby="board-title">
        <div part="header" class="header">
          <div class="title-block">
            <div role="heading" aria-level=${this.level} class="heading" id="board-title">${t.t('board.title', c.year)}</div>
            ${c.network.synthetic ? html`<p class="muted note">${t.t('board.synthetic')}</p>` : nothing}
          </div>
          ${years.length > 1
            ? html`<div class="year-field">
                <label class="label" for="year">${t.t('board.year')}</label>
                <select part="year-select" class="input year-select" id="year" name="year" @change=${this.onYear}>
                  ${years.map((year) => html`<option value=${year} .selected=${year === c.year}>${year}</option>`)}
                </select>
              </div>`
            : nothing}
        </div>
        ${missingYear !== null
          ? renderNotice({ message: t.t('board.missingYear', missingYear, c.year), tone: 'warning', className: 'year-notice' })
          : nothing}
        ${this.renderHeadline(c)}
        <section part="section" class="section" aria-labelledby="classes-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="classes-title">${t.t('classes.title')}</div>
          ${this.renderClasses(c)}
        </section>
        <section part="section" class="section" aria-labelledby="trend-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="trend-title">${t.t('trend.title')}</div>
          ${this.renderTrend(c)}
        </section>
        <section part="section" class="section" aria-labelledby="kecamatan-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="kecamatan-title">${t.t('kecamatan.title')}</div>
          ${this.renderKecamatan(c)}
        </section>
      </section>
    `;
  }

  /** The kemantapan figure, the gauge against the target, and what is still needed. */
  private renderHeadline(c: RoadCondition): TemplateResult {
    const t = this.localize;
    const target = c.target;
    const gaugeText = target
      ? t.t('kemantapan.gauge', this.percent(c.kemantapan), this.percent(target.percent))
      : t.t('kemantapan.gaugeNoTarget', this.percent(c.kemantapan));
    const clamp = (value: number) => Math.min(100, Math.max(0, value));
    return html`
      <div part="headline" class="headline">
        <p class="figure-label" id="figure-label">${t.t('kemantapan.label', c.year)}</p>
        <p class="figure-row">
          <span part="figure" class="figure" aria-describedby="figure-label">${this.percent(c.kemantapan)}</span>
          ${target ? html`<span class="target">${t.t('kemantapan.target', target.year, this.percent(target.percent))}</span>` : nothing}
        </p>
        <svg part="gauge" class="gauge" role="img" aria-label=${gaugeText} width="100%" height="2.5em" focusable="false">
          <rect class="gauge-track" x="0" y="0.5em" width="100%" height="1.25em" rx="0.2em"></rect>
          <rect class="gauge-fill road--baik" x="0" y="0.5em" width=${`${clamp(c.kemantapan)}%`} height="1.25em" rx="0.2em"></rect>
          ${target
            ? svg`<line class="gauge-target" x1=${`${clamp(target.percent)}%`} x2=${`${clamp(target.percent)}%`} y1="0" y2="2.25em"></line>`
            : nothing}
        </svg>
        <p class="gauge-scale muted" aria-hidden="true"><span>${this.percent(0)}</span><span>${this.percent(100)}</span></p>
        <p class="what muted">${t.t('kemantapan.what')}</p>
        ${target
          ? html`<p class="to-go${target.met ? ' to-go--met' : ''}">
              ${target.met
                ? t.t('kemantapan.met', target.year, this.percent(target.percent))
                : t.t('kemantapan.toGo', this.km(target.kmToTarget), target.year, this.percent(target.percent))}
            </p>`
          : html`<p class="to-go">${t.t('kemantapan.noTarget')}</p>`}
        <dl part="facts" class="facts">
          <div>
            <dt>${t.t('figures.length')}</dt>
            <dd>${this.km(c.surveyedKm)} <span class="muted">(${t.t('figures.segments', this.localize.number(c.surveyedSegments))})</span></dd>
          </div>
          <div>
            <dt>${t.t('figures.steady')}</dt>
            <dd>${this.km(c.steadyKm)}</dd>
          </div>
          ${target && !target.met
            ? html`<div>
                <dt>${t.t('figures.toGo')}</dt>
                <dd class="km-to-target">${this.km(target.kmToTarget)}</dd>
              </div>`
            : nothing}
        </dl>
      </div>
    `;
  }

  /** Km by class: a stacked bar (SVG) and its figures as a table, which is also the legend. */
  private renderClasses(c: RoadCondition): TemplateResult {
    const t = this.localize;
    const total = c.surveyedKm;
    let start = 0;
    const parts = ROAD_CLASSES.map((roadClass) => {
      const km = c.km[roadClass];
      const width = total > 0 ? (km / total) * 100 : 0;
      const part = { roadClass, km, x: start, width };
      start += width;
      return part;
    });
    const barText = t.t('classes.bar', parts.map((p) => `${t.t(`class.${p.roadClass}`)} ${this.km(p.km)}`).join(', '));
    return html`
      <svg part="class-bar" class="class-bar" role="img" aria-label=${barText} width="100%" height="2em" focusable="false">
        ${parts.map(
          (p) => svg`<rect class=${`class-rect road--${p.roadClass}`} x=${`${p.x}%`} y="0" width=${`${p.width}%`} height="2em"></rect>`,
        )}
      </svg>
      <div part="table-wrap" class="table-wrap">
        <table part="table" class="table classes">
          <caption class="visually-hidden">${t.t('classes.title')} ${c.year}</caption>
          <thead>
            <tr>
              <th scope="col">${t.t('classes.class')}</th>
              <th scope="col" class="num">${t.t('classes.km')}</th>
              <th scope="col" class="num">${t.t('classes.share')}</th>
            </tr>
          </thead>
          <tbody>
            ${parts.map(
              (p) => html`<tr class=${`class-row class-row--${p.roadClass}`}>
                <th scope="row"><span class=${`swatch road--${p.roadClass}`} aria-hidden="true"></span>${t.t(`class.${p.roadClass}`)}</th>
                <td class="num">${new Intl.NumberFormat(t.locale, { maximumFractionDigits: 3 }).format(p.km)}</td>
                <td class="num">${this.share(p.km, total)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  /** Kemantapan per year as bars (0–100 %) with the targets marked, and the same as a table. */
  private renderTrend(c: RoadCondition): TemplateResult {
    const t = this.localize;
    const points = c.trend;
    const n = Math.max(1, points.length);
    const slot = 100 / n;
    // Heights in percent of the chart's (11.5em, see the styles), not em: an SVG text's em is
    // its own font size, so em would place the smaller labels elsewhere than the bars.
    const height = 11.5;
    const top = 1.5;
    const plot = 8;
    const at = (em: number) => `${(em / height) * 100}%`;
    const y = (percent: number) => at(top + plot * (1 - Math.min(100, Math.max(0, percent)) / 100));
    const chartText = t.t(
      'trend.chart',
      points
        .map((p) =>
          p.kemantapan !== null
            ? t.t('trend.point', p.year, this.percent(p.kemantapan)) +
              (p.targetPercent !== null ? ` (${t.t('trend.pointTarget', p.year, this.percent(p.targetPercent))})` : '')
            : p.targetPercent !== null
              ? t.t('trend.pointTarget', p.year, this.percent(p.targetPercent))
              : '',
        )
        .filter(Boolean)
        .join('; '),
    );
    return html`
      <p class="legend muted" aria-hidden="true">
        <span class="legend-item"><span class="swatch road--baik"></span>${t.t('trend.legendKemantapan')}</span>
        <span class="legend-item"><span class="swatch swatch--target"></span>${t.t('trend.legendTarget')}</span>
      </p>
      <svg part="chart" class="chart" role="img" aria-label=${chartText} width="100%" height=${`${height}em`} focusable="false">
        ${[0, 50, 100].map(
          (tick) => svg`<line class="grid" x1="0" x2="100%" y1=${y(tick)} y2=${y(tick)}></line>
            <text class="axis" x="-0.5em" y=${y(tick)} dy="0.35em" text-anchor="end">${this.percent(tick)}</text>`,
        )}
        ${points.map((p, i) => {
          const centre = slot * i + slot / 2;
          const width = Math.min(slot * 0.5, 30);
          const bar =
            p.kemantapan !== null
              ? svg`<rect class=${`trend-bar road--baik${p.year === c.year ? ' trend-bar--shown' : ''}`} x=${`${centre - width / 2}%`} width=${`${width}%`}
                    y=${y(p.kemantapan)} height=${at((plot * Math.min(100, Math.max(0, p.kemantapan))) / 100)}></rect>
                  <text class="value" x=${`${centre}%`} y=${y(p.kemantapan)} dy="-0.3em" text-anchor="middle">${this.percent(p.kemantapan)}</text>`
              : nothing;
          const target =
            p.targetPercent !== null
              ? svg`<line class="trend-target" x1=${`${centre - width / 2 - 2}%`} x2=${`${centre + width / 2 + 2}%`} y1=${y(p.targetPercent)} y2=${y(p.targetPercent)}></line>
                  ${p.kemantapan === null
                    ? svg`<text class="value" x=${`${centre}%`} y=${y(p.targetPercent)} dy="-0.4em" text-anchor="middle">${this.percent(p.targetPercent)}</text>`
                    : nothing}`
              : nothing;
          return svg`${bar}${target}<text class="year" x=${`${centre}%`} y=${at(top + plot + 1.5)} text-anchor="middle">${p.year}</text>`;
        })}
      </svg>
      <details part="details" class="details">
        <summary>${t.t('trend.table')}</summary>
        <div part="table-wrap" class="table-wrap">
          <table part="table" class="table trend-table">
            <caption class="visually-hidden">${t.t('trend.title')}</caption>
            <thead>
              <tr>
                <th scope="col">${t.t('trend.year')}</th>
                <th scope="col" class="num">${t.t('trend.kemantapan')}</th>
                <th scope="col" class="num">${t.t('trend.targetCol')}</th>
              </tr>
            </thead>
            <tbody>
              ${points.map(
                (p) => html`<tr>
                  <th scope="row">${p.year}</th>
                  <td class="num">${p.kemantapan !== null ? this.percent(p.kemantapan) : t.t('trend.noSurvey')}</td>
                  <td class="num">${p.targetPercent !== null ? this.percent(p.targetPercent) : t.t('trend.none')}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>
    `;
  }

  /** The table per kecamatan: every column sorts; on a phone it scrolls inside its own box. */
  private renderKecamatan(c: RoadCondition): TemplateResult {
    const t = this.localize;
    const column = this.sortBy;
    const direction = this.ascending ? 1 : -1;
    const collator = new Intl.Collator(t.locale);
    const rows = [...c.byKecamatan].sort((a, b) => {
      const va = sortValue(a, column);
      const vb = sortValue(b, column);
      const order = typeof va === 'string' ? collator.compare(va, String(vb)) : va - Number(vb);
      return order * direction || collator.compare(a.kecamatan, b.kecamatan);
    });
    const columns: KecamatanColumn[] = ['kecamatan', 'segments', 'lengthKm', ...ROAD_CLASSES, 'kemantapan'];
    // Every km with three decimals (whole metres) and every percent with two, so a column lines
    // up and reads alike (56,900 beside 31,452; 76,80 % beside 76,17 %).
    const number = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
    const percent = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const header = (key: KecamatanColumn) => {
      const sorted = key === column;
      const label = this.columnLabel(key);
      return html`<th
        scope="col"
        class=${key === 'kecamatan' ? 'sticky' : 'num'}
        aria-sort=${sorted ? (this.ascending ? 'ascending' : 'descending') : 'none'}
      >
        <button part="sort-button" type="button" class="sort" data-column=${key} title=${t.t('kecamatan.sort', label)} @click=${() => this.sort(key)}>
          ${ROAD_CLASSES.includes(key as RoadClass) ? html`<span class=${`swatch road--${key}`} aria-hidden="true"></span>` : nothing}<span
            >${label}</span
          ><span class="sort-mark" aria-hidden="true">${sorted ? (this.ascending ? '▲' : '▼') : '↕'}</span>
        </button>
      </th>`;
    };
    return html`
      <p class="muted note">${t.t('kecamatan.note')}</p>
      <div part="table-wrap" class="table-wrap table-wrap--wide" role="region" aria-labelledby="kecamatan-caption" tabindex="0">
        <table part="table" class="table kecamatan-table">
          <caption id="kecamatan-caption" class="visually-hidden">${t.t('kecamatan.caption', c.year)}</caption>
          <thead>
            <tr>
              ${columns.map(header)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) => html`<tr>
                <th scope="row" class="sticky">${row.kecamatan}</th>
                <td class="num">${t.number(row.segments)}</td>
                <td class="num">${number.format(row.lengthKm)}</td>
                ${ROAD_CLASSES.map((roadClass) => html`<td class="num">${number.format(row.km[roadClass])}</td>`)}
                <td class="num">${t.t('unit.percent', percent.format(row.kemantapan))}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
  }
}

/** Whether every field error is about `path`. */
function fieldsOnly(errors: readonly { path: string }[], path: string): boolean {
  return errors.length > 0 && errors.every((e) => e.path === path);
}
