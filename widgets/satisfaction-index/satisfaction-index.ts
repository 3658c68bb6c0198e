/**
 * `<opd-satisfaction-index>`: an OPD's public satisfaction index (IKM) of a year.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenServices } from '../../src/namespaces/citizen-services.js';
import type { ElementFigure, IkmFigure, SatisfactionReport } from '../../src/schemas/services.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdSatisfactionLoadedDetail } from './events.js';
import { id } from './i18n/id.js';
import { satisfactionIndexStyles } from './satisfaction-index.styles.js';

export type { OpdSatisfactionLoadedDetail };

type Board =
  | { state: 'loading' }
  | { state: 'ready'; report: SatisfactionReport }
  | { state: 'bad-year'; year: string }
  | { state: 'unavailable' }
  | { state: 'offline' }
  | { state: 'rate-limited'; retryAfter: number }
  | { state: 'failed'; requestId: string };

/** What one board shows: the OPD's figures, or one service's (which has no quarters). */
interface Shown {
  name: string | null;
  figure: IkmFigure;
  elements: readonly ElementFigure[];
  semesters: readonly (IkmFigure & { period: number })[];
  quarters: readonly (IkmFigure & { period: number })[] | null;
}

/**
 * The public satisfaction index (*Indeks Kepuasan Masyarakat*, PermenPAN-RB 14/2017) an OPD
 * publishes on its site: the year's IKM with its grade letter and words (A *sangat baik* …)
 * and respondent count, each element's score as a bar in a table, the index per semester and
 * quarter as the API gives them (bars in tables), each service's index, and how the index is
 * computed and graded. With `service`, one service's index, elements and semesters. Every
 * figure is the API's (`GET /api/v1/opds/{opd}/satisfaction`); the widget only writes them.
 *
 * ```html
 * <opd-satisfaction-index api="https://layanan.example-kab.go.id" opd="disdukcapil"></opd-satisfaction-index>
 * <opd-satisfaction-index opd="disdukcapil" service="ktp-el" year="2026" lang="en"></opd-satisfaction-index>
 * ```
 *
 * @summary The IKM with its grade, respondents, per element, per semester and quarter, per service.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr opd - The OPD's slug (required).
 * @attr service - One service's slug: its index alone; default the OPD's.
 * @attr year - The year; default this year in the regency's time zone.
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the board's heading (default 2); its sections' are one deeper.
 *
 * @event opd-satisfaction-loaded - A year's index is shown. `detail: { opd, service, year, respondents, ikm, grade }`.
 * @event opd-error - Loading failed and the reader was told. `detail: { code, action: 'load-satisfaction', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart headline - The index, its grade and the respondent count.
 * @csspart figure - The index itself (`83,33`).
 * @csspart grade - The grade letter and words.
 * @csspart section - Each section: elements, periods, services, how it is computed.
 * @csspart table-wrap - The box a table scrolls in on a narrow screen.
 * @csspart table - Every table.
 * @csspart notice - Loading, errors.
 * @csspart button - The retry button.
 *
 * @cssproperty --opd-ikm-fill - The bars' fill. Default: the primary colour.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-line-height - Default `1.5`.
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes.
 * @cssproperty --opd-color-surface - Panel background.
 * @cssproperty --opd-color-surface-alt - The bars' track.
 * @cssproperty --opd-color-border - Borders and rules.
 * @cssproperty --opd-color-primary - The headline's edge, buttons.
 * @cssproperty --opd-color-error - Errors.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdSatisfactionIndex extends OpdElement {
  static override styles = [themeStyles, controlStyles, satisfactionIndexStyles];

  static override properties: PropertyDeclarations = {
    service: {},
    year: { type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    board: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /** One service's slug: its index alone; empty for the OPD's. */
  service = '';

  /** The year shown; `undefined` for this year in the regency's time zone. */
  year: number | undefined = undefined;

  /** The level of the board's heading (2 by default). */
  headingLevel = 2;

  private board: Board = { state: 'loading' };
  private busy = false;

  readonly #localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  readonly #clients = new ClientController(this, { services: citizenServices });
  #abort: AbortController | undefined;

  get #level(): number {
    return Math.min(5, Math.max(1, Math.round(this.headingLevel) || 2));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated && (this.board.state === 'loading' || this.busy)) void this.#load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('opd') || changed.has('year')) void this.#load();
  }

  readonly #retry = (): void => {
    void this.#load();
  };

  /** The year asked for, `undefined` for this year, or the attribute as written when it is no year. */
  get #askedYear(): number | string | undefined {
    if (this.year === undefined || this.year === null) return undefined;
    const year = Number(this.year);
    return Number.isInteger(year) ? year : (this.getAttribute('year') ?? String(this.year));
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    if (!this.opd) return;
    const abort = new AbortController();
    this.#abort = abort;
    const signal = abort.signal;
    const year = this.#askedYear;
    if (typeof year === 'string') {
      this.busy = false;
      this.board = { state: 'bad-year', year };
      return;
    }
    if (this.board.state === 'ready') this.busy = true;
    else this.board = { state: 'loading' };
    try {
      const report = await this.#clients.client.services.satisfaction(this.opd, { ...(year === undefined ? {} : { year }), signal });
      if (signal.aborted) return;
      this.board = { state: 'ready', report };
      this.busy = false;
      const shown = this.#shown(report);
      const figure = shown?.figure ?? report.overall;
      this.emit('opd-satisfaction-loaded', {
        opd: report.opd.slug,
        service: this.service || null,
        year: report.year,
        respondents: figure.respondents,
        ikm: figure.ikm,
        grade: figure.grade,
      });
    } catch (error) {
      if (signal.aborted) return;
      this.busy = false;
      const reading = readError(error);
      this.board =
        reading.kind === 'fields'
          ? { state: 'bad-year', year: String(year ?? '') }
          : reading.kind === 'unavailable' || reading.kind === 'not-found'
            ? { state: 'unavailable' }
            : reading.kind === 'offline'
              ? { state: 'offline' }
              : reading.kind === 'rate-limited'
                ? { state: 'rate-limited', retryAfter: reading.retryAfter }
                : { state: 'failed', requestId: reading.requestId };
      this.emit('opd-error', opdErrorDetail(error, 'load-satisfaction', this.board.state === 'bad-year' ? 'config' : reading.code));
    }
  }

  /** The OPD's figures, or the service's; `null` when `service` names none of the report's. */
  #shown(report: SatisfactionReport): Shown | null {
    if (!this.service) return { name: null, figure: report.overall, elements: report.elements, semesters: report.semesters, quarters: report.quarters };
    const service = report.services.find((candidate) => candidate.slug === this.service);
    return service ? { name: service.name, figure: service, elements: service.elements, semesters: service.semesters, quarters: null } : null;
  }

  // ---- numbers, written the language's way ----

  /** Two decimals (`83,33` / `83.33`), or the "none yet" words. */
  #two(value: number | null): string {
    if (value === null) return this.#localize.t('noValue');
    return new Intl.NumberFormat(this.#localize.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  }

  #n(value: number): string {
    return this.#localize.number(value);
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.#localize;
    return html`<div part="base" class="base" lang=${t.lang} aria-busy=${this.busy || this.board.state === 'loading' ? 'true' : 'false'}>${this.#renderBoard()}</div>`;
  }

  #renderBoard(): TemplateResult {
    const t = this.#localize;
    if (!this.opd) return renderNotice({ message: t.t('config.missingOpd', t.t('config.thisWidget')), tone: 'error', className: 'board-notice' });
    const board = this.board;
    const retry = { label: t.t('retry'), onClick: this.#retry, look: 'secondary' as const };
    switch (board.state) {
      case 'loading':
        return html`<div class="board">
          <div class="heading heading--placeholder" aria-hidden="true">&nbsp;</div>
          <div part="headline" class="headline headline--loading"><p part="notice" class="loading" role="status">${t.t('loading')}</p></div>
        </div>`;
      case 'bad-year':
        return renderNotice({ message: t.t('badYear', board.year), tone: 'error', alert: true, className: 'board-notice' });
      case 'unavailable':
        return renderNotice({ message: t.t('unavailable'), tone: 'warning', className: 'board-notice' });
      case 'offline':
        return renderNotice({ message: t.t('offline'), tone: 'warning', alert: true, className: 'board-notice', action: retry });
      case 'rate-limited':
        return renderNotice({ message: t.t('rateLimited', t.wait(board.retryAfter)), tone: 'warning', alert: true, className: 'board-notice', action: retry });
      case 'failed':
        return renderNotice({ message: t.t('server.error', board.requestId), tone: 'error', alert: true, className: 'board-notice', action: retry });
      case 'ready': {
        const shown = this.#shown(board.report);
        if (!shown) return renderNotice({ message: t.t('unknownService', this.service), tone: 'error', alert: true, className: 'board-notice' });
        return this.#renderReport(board.report, shown);
      }
    }
  }

  #renderReport(report: SatisfactionReport, shown: Shown): TemplateResult {
    const t = this.#localize;
    const sub = this.#level + 1;
    return html`<section class="board" aria-labelledby="board-title">
      <div role="heading" aria-level=${this.#level} class="heading" id="board-title">
        ${shown.name ? t.t('title.service', shown.name, report.year) : t.t('title', report.year)}
      </div>
      <p class="opd-name" lang="id">${report.opd.name}</p>
      ${this.#renderHeadline(shown.figure)}
      ${shown.figure.respondents > 0
        ? html`<section part="section" class="section" aria-labelledby="elements-title">
              <div role="heading" aria-level=${sub} class="heading heading--small" id="elements-title">${t.t('elements.title')}</div>
              ${this.#renderElements(shown.elements)}
            </section>
            <section part="section" class="section" aria-labelledby="periods-title">
              <div role="heading" aria-level=${sub} class="heading heading--small" id="periods-title">${t.t('periods.title')}</div>
              <div class="periods">
                ${this.#renderPeriods('semesters', t.t('periods.semesters'), shown.semesters, (n) => t.t('periods.semester', n))}
                ${shown.quarters ? this.#renderPeriods('quarters', t.t('periods.quarters'), shown.quarters, (n) => t.t('periods.quarter', n)) : nothing}
              </div>
            </section>`
        : nothing}
      ${!shown.name && report.services.length > 0
        ? html`<section part="section" class="section" aria-labelledby="services-title">
            <div role="heading" aria-level=${sub} class="heading heading--small" id="services-title">${t.t('services.title')}</div>
            ${this.#renderServices(report)}
          </section>`
        : nothing}
      <section part="section" class="section section--how" aria-labelledby="how-title">
        <div role="heading" aria-level=${sub} class="heading heading--small" id="how-title">${t.t('how.title')}</div>
        <p class="how">${t.t('how.text')}</p>
        <div part="table-wrap" class="table-wrap">
          <table part="table" class="table categories">
            <caption class="caption">${t.t('how.categories')}</caption>
            <tbody>
              ${report.categories.map(
                (category) => html`<tr data-grade=${category.grade}>
                  <th scope="row">${category.grade}</th>
                  <td lang="id">${category.name}</td>
                  <td class="num">${this.#two(category.min)}–${this.#two(category.max)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        <p class="muted model">${t.t('how.model', report.model.name)}</p>
      </section>
    </section>`;
  }

  /** The index, its grade letter and words, and how many answered. */
  #renderHeadline(figure: IkmFigure): TemplateResult {
    const t = this.#localize;
    if (figure.ikm === null || figure.respondents === 0) {
      return html`<div part="headline" class="headline"><p class="none">${t.t('none')}</p></div>`;
    }
    const ikm = this.#two(figure.ikm);
    const sentence = t.t('sentence', ikm, figure.grade ?? '', figure.category ?? '', this.#n(figure.respondents));
    return html`<div part="headline" class="headline">
      <p class="visually-hidden">${sentence}</p>
      <p class="figure-row" aria-hidden="true">
        <span class="figure-label">${t.t('ikm')}</span>
        <span part="figure" class="figure">${ikm}</span>
        <span part="grade" class=${`grade grade--${(figure.grade ?? '').toLowerCase()}`}>
          <span class="grade-letter">${figure.grade}</span>
          <span class="grade-name" lang="id">${figure.category}</span>
        </span>
      </p>
      <p class="respondents" aria-hidden="true">${t.t('respondents', this.#n(figure.respondents))}</p>
    </div>`;
  }

  /** A bar drawn in percent of 25–100 (SVG rects: no inline style, a strict CSP holds). */
  #bar(ikm: number | null): TemplateResult {
    const share = ikm === null ? 0 : Math.min(100, Math.max(0, ((ikm - 25) / 75) * 100));
    return html`<svg class="row-bar" width="100%" height="0.625em" aria-hidden="true" focusable="false">
      <rect class="bar-track" x="0" y="0" width="100%" height="100%"></rect>
      <rect class="bar-fill" x="0" y="0" width=${`${share}%`} height="100%"></rect>
    </svg>`;
  }

  #renderElements(elements: readonly ElementFigure[]): TemplateResult {
    const t = this.#localize;
    return html`<div part="table-wrap" class="table-wrap">
      <table part="table" class="table elements">
        <caption class="visually-hidden">${t.t('elements.title')}</caption>
        <thead>
          <tr>
            <th scope="col">${t.t('elements.element')}</th>
            <th scope="col" class="num">${t.t('elements.mean')}</th>
            <th scope="col" class="num">${t.t('elements.ikm')}</th>
          </tr>
        </thead>
        <tbody>
          ${elements.map(
            (element) => html`<tr data-element=${element.id}>
              <th scope="row"><span lang="id">${element.name}</span>${this.#bar(element.ikm)}</th>
              <td class="num">${element.mean === null ? t.t('empty') : new Intl.NumberFormat(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(element.mean)}</td>
              <td class="num">${this.#two(element.ikm)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderPeriods(key: string, caption: string, periods: readonly (IkmFigure & { period: number })[], label: (n: number) => string): TemplateResult {
    const t = this.#localize;
    return html`<div part="table-wrap" class="table-wrap">
      <table part="table" class=${`table periods-table periods--${key}`}>
        <caption class="caption">${caption}</caption>
        <thead>
          <tr>
            <th scope="col">${t.t('periods.period')}</th>
            <th scope="col" class="num">${t.t('periods.ikm')}</th>
            <th scope="col" class="num">${t.t('periods.respondents')}</th>
          </tr>
        </thead>
        <tbody>
          ${periods.map(
            (p) => html`<tr data-period=${p.period}>
              <th scope="row">${label(p.period)}${this.#bar(p.ikm)}</th>
              <td class="num">${this.#two(p.ikm)}${p.grade ? html` <span class="cell-grade">(${p.grade})</span>` : nothing}</td>
              <td class="num">${this.#n(p.respondents)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  #renderServices(report: SatisfactionReport): TemplateResult {
    const t = this.#localize;
    return html`<div part="table-wrap" class="table-wrap">
      <table part="table" class="table services">
        <caption class="visually-hidden">${t.t('services.title')}</caption>
        <thead>
          <tr>
            <th scope="col">${t.t('services.service')}</th>
            <th scope="col" class="num">${t.t('periods.ikm')}</th>
            <th scope="col" class="num">${t.t('periods.respondents')}</th>
          </tr>
        </thead>
        <tbody>
          ${report.services.map(
            (s) => html`<tr data-service=${s.slug}>
              <th scope="row"><span lang="id">${s.name}</span>${this.#bar(s.ikm)}</th>
              <td class="num">
                ${this.#two(s.ikm)}
                ${s.grade ? html`<span class="cell-category">${s.grade} · <span lang="id">${s.category}</span></span>` : nothing}
              </td>
              <td class="num">${this.#n(s.respondents)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
