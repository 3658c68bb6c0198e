/**
 * `<opd-innovation-progress>`: the board of "one OPD, one innovation" (One OPD One Innovation).
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { citizenInnovations } from '../../src/namespaces/citizen-innovations.js';
import { innovationStages, innovationTypes, type InnovationProgress } from '../../src/schemas/innovations.js';
import { ClientController } from '../shared/client-controller.js';
import { opdErrorDetail, readError } from '../shared/error-detail.js';
import { LocalizeController } from '../shared/localize.js';
import { renderNotice } from '../shared/notice.js';
import { OpdElement } from '../shared/opd-element.js';
import { controlStyles, themeStyles } from '../shared/theme.js';
import type { OpdProgressLoadedDetail } from './events.js';
import { id, type InnovationProgressMessages } from './i18n/id.js';
import { innovationProgressStyles } from './innovation-progress.styles.js';

export type { OpdProgressLoadedDetail };

type Board =
  | { state: 'loading' }
  | { state: 'ready'; progress: InnovationProgress }
  | { state: 'bad-year'; year: string }
  | { state: 'unavailable' }
  | { state: 'offline' }
  | { state: 'rate-limited'; retryAfter: number }
  | { state: 'failed'; requestId: string };

type OpdRow = InnovationProgress['board'][number];

/** The lists of OPDs on the board: not yet done, done, with evidence gaps, with an estimate (see {@link COLLAPSED}). */
export type ListKey = 'missing' | 'done' | 'gaps' | 'scores';

/**
 * How many rows a long list shows before "Tampilkan semua": the OPDs done, those with
 * evidence gaps and the estimates collapse after 8; the OPDs not yet done (what the page is
 * for) only after 20.
 * A list one row longer than that shows in full (no button to reveal a single row).
 */
export const COLLAPSED: Readonly<Record<ListKey, number>> = { missing: 20, done: 8, gaps: 8, scores: 8 };

/** A message key of the board's own copy that takes no parameters. */
type PlainKey = { [K in keyof InnovationProgressMessages]: InnovationProgressMessages[K] extends string ? K : never }[keyof InnovationProgressMessages];

/**
 * The countdown to a deadline from the whole days the API counted in the regency's time zone:
 * `{ key: 'countdown.left', days: 12 }` → "12 hari lagi", 1 → "Besok batas akhir", 0 →
 * "Hari ini batas akhir", −3 → "Lewat 3 hari". `null` without a deadline. Pure, so a page
 * (or a test) can write the same words.
 */
export function countdownOf(daysLeft: number | null): { key: 'countdown.left' | 'countdown.passed'; days: number } | { key: 'countdown.tomorrow' | 'countdown.today' } | null {
  if (daysLeft === null) return null;
  if (daysLeft > 1) return { key: 'countdown.left', days: daysLeft };
  if (daysLeft === 1) return { key: 'countdown.tomorrow' };
  if (daysLeft === 0) return { key: 'countdown.today' };
  return { key: 'countdown.passed', days: -daysLeft };
}

/**
 * The progress board of One OPD One Innovation (issue 18) that a Bappeda puts on its site: how
 * many OPDs of the regency have at least one verified innovation of the assessment year (a
 * progress bar with its sentence), the deadline and the days left in the regency's time zone
 * (as the server counts them), the OPDs still without one (first: that is what the page is
 * for) and those with one, verified innovations by form, stage and digital or not, the OPDs
 * whose innovations still lack evidence for an indicator, and each OPD's estimated IID score
 * with the year's scoring model named. Every figure is the API's; the widget only writes them.
 *
 * ```html
 * <opd-innovation-progress api="https://layanan.example-kab.go.id"></opd-innovation-progress>
 * <opd-innovation-progress api="https://layanan.example-kab.go.id" year="2026" lang="en"></opd-innovation-progress>
 * ```
 *
 * @summary "One OPD, one innovation": progress bar, deadline countdown, OPDs done / not yet, breakdown, evidence gaps, IID estimates.
 *
 * @attr api - The backend's base URL; default: this page's origin.
 * @attr year - The assessment year; default: the one the regency configured.
 * @attr lang - `id` (default) or `en`.
 * @attr heading-level - The level of the board's heading (default 2); its sections' are one deeper.
 *
 * @event opd-progress-loaded - A year's progress is shown. `detail: { year, opds, opdsDone, percent, deadline, daysLeft, missing }`.
 * @event opd-error - Loading failed and the citizen was told. `detail: { code, action: 'load-progress', requestId?, error }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart headline - The figure, the progress bar, its sentence, the deadline and the countdown.
 * @csspart figure - The percent figure itself (`72,5 %`).
 * @csspart progress-bar - The progress bar (`role="progressbar"`).
 * @csspart countdown - The countdown ("209 hari lagi", "Hari ini batas akhir", "Lewat 3 hari").
 * @csspart section - Each section: not yet, done, breakdown, evidence gaps, estimates.
 * @csspart list - The lists of OPDs (not yet, done, evidence gaps).
 * @csspart show-all - The "Tampilkan semua" button of a long list.
 * @csspart table-wrap - The box a table scrolls in on a narrow screen.
 * @csspart table - Every table.
 * @csspart notice - Loading, errors.
 * @csspart button - Every button of a notice (retry).
 *
 * @cssproperty --opd-progress-fill - The progress bar's fill and the breakdown's bars. Default: the primary colour.
 * @cssproperty --opd-font-size - The widget's base size; everything scales from it. Default `16px`.
 * @cssproperty --opd-font-family - Default: the page's font (`inherit`).
 * @cssproperty --opd-line-height - Default `1.5`.
 * @cssproperty --opd-color-text - Body text.
 * @cssproperty --opd-color-muted - Notes and an OPD's status.
 * @cssproperty --opd-color-surface - Panel background.
 * @cssproperty --opd-color-surface-alt - The bars' track.
 * @cssproperty --opd-color-border - Borders and rules.
 * @cssproperty --opd-color-primary - Links, buttons, the headline's edge.
 * @cssproperty --opd-color-on-primary - Text on primary buttons.
 * @cssproperty --opd-color-success - "Every OPD has one".
 * @cssproperty --opd-color-warning-surface - The countdown on the day.
 * @cssproperty --opd-color-warning-border - Its border.
 * @cssproperty --opd-color-error - Errors and a passed deadline.
 * @cssproperty --opd-color-focus - The focus ring.
 * @cssproperty --opd-radius - Corners.
 * @cssproperty --opd-space - The spacing unit.
 */
export class OpdInnovationProgress extends OpdElement {
  static override styles = [themeStyles, controlStyles, innovationProgressStyles];

  static override properties: PropertyDeclarations = {
    year: { type: Number },
    headingLevel: { attribute: 'heading-level', type: Number },
    board: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
    indicatorNames: { state: true, attribute: false },
  };

  /** The assessment year shown; `undefined` (or no `year` attribute) for the configured one. */
  year: number | undefined = undefined;

  /** The level of the board's heading (2 by default), so it fits the page's outline. */
  headingLevel = 2;

  private board: Board = { state: 'loading' };
  /** Loading another year while the last one stays on screen. */
  private busy = false;
  /** The long lists the reader opened in full. */
  private expanded: ReadonlySet<ListKey> = new Set();
  /** The names of the model's indicators, once read (the board names gaps by id until then). */
  private indicatorNames: ReadonlyMap<string, string> = new Map();

  // English is its own chunk, fetched only when the widget is set to English (see LocalizeController).
  private readonly localize = new LocalizeController(this, { id, en: () => import('./i18n/en.js').then((m) => m.en) });
  private readonly clients = new ClientController(this, { innovations: citizenInnovations });
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
    if (changed.has('api') || changed.has('year')) void this.load();
  }

  private readonly retry = (): void => {
    void this.load();
  };

  /** The year asked for, `undefined` for the configured one, or the attribute as written when it is no year. */
  private get askedYear(): number | string | undefined {
    if (this.year === undefined || this.year === null) return undefined;
    const year = Number(this.year);
    return Number.isInteger(year) ? year : (this.getAttribute('year') ?? String(this.year));
  }

  /** Loads the progress of the year asked for (else the configured one) and shows it. */
  private async load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const signal = abort.signal;
    const year = this.askedYear;
    if (typeof year === 'string') {
      this.busy = false;
      this.board = { state: 'bad-year', year };
      return;
    }
    if (this.board.state === 'ready') this.busy = true;
    else this.board = { state: 'loading' };
    const innovations = this.clients.client.innovations;
    try {
      const progress = await innovations.progress(year, { signal });
      if (signal.aborted) return;
      this.board = { state: 'ready', progress };
      this.busy = false;
      this.expanded = new Set();
      this.emit('opd-progress-loaded', {
        year: progress.year,
        opds: progress.opds,
        opdsDone: progress.opdsDone,
        percent: progress.percent,
        deadline: progress.deadline,
        daysLeft: progress.daysLeft,
        missing: [...progress.missing],
      });
      if (progress.model && progress.withEvidenceGaps.length > 0) void this.loadIndicatorNames(progress.year, signal);
    } catch (error) {
      if (signal.aborted) return;
      this.busy = false;
      this.board = this.failure(error, year);
      this.emit('opd-error', opdErrorDetail(error, 'load-progress', this.board.state === 'bad-year' ? 'config' : readError(error).code));
    }
  }

  /** The names of the year's model's indicators, for the evidence gaps; without them the gaps keep their ids. */
  private async loadIndicatorNames(year: number, signal: AbortSignal): Promise<void> {
    try {
      const model = await this.clients.client.innovations.model(year, { signal });
      if (!signal.aborted) this.indicatorNames = new Map(model.indicators.map((indicator) => [indicator.id, indicator.name]));
    } catch {
      // Not worth a notice: the gaps stay named by their ids.
    }
  }

  /** What the reader is told when the progress cannot be loaded. */
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

  private toggle(list: ListKey): void {
    const next = new Set(this.expanded);
    if (!next.delete(list)) next.add(list);
    this.expanded = next;
  }

  // ---- numbers, written the language's way ----

  /** `72,5 %` / `72.5%`: a percent with up to two decimals. */
  private percent(value: number): string {
    const t = this.localize;
    return t.t('unit.percent', new Intl.NumberFormat(t.locale, { maximumFractionDigits: 2 }).format(value));
  }

  /** A share of a whole in percent, whole numbers (`45 %`). */
  private share(part: number, whole: number): string {
    const t = this.localize;
    return t.t('unit.percent', new Intl.NumberFormat(t.locale, { maximumFractionDigits: 0 }).format(whole > 0 ? (part / whole) * 100 : 0));
  }

  private n(value: number): string {
    return this.localize.number(value);
  }

  /** A deadline `YYYY-MM-DD` as its day (`Rabu, 30 Juni 2027`): noon UTC is that same day in every Indonesian zone. */
  private deadlineDay(deadline: string): string {
    return this.localize.date(`${deadline}T12:00:00Z`);
  }

  private countdownText(daysLeft: number | null): string {
    const countdown = countdownOf(daysLeft);
    if (!countdown) return '';
    const t = this.localize;
    return 'days' in countdown ? t.t(countdown.key, this.n(countdown.days)) : t.t(countdown.key);
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const t = this.localize;
    return html`
      <div part="base" class="base" lang=${t.lang} aria-busy=${this.busy || this.board.state === 'loading' ? 'true' : 'false'}>${this.renderBoard()}</div>
    `;
  }

  private renderBoard(): TemplateResult {
    const t = this.localize;
    const board = this.board;
    const retry = { label: t.t('retry'), onClick: this.retry, look: 'secondary' as const };
    switch (board.state) {
      case 'loading':
        return this.renderLoading();
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
      case 'ready':
        return this.renderProgress(board.progress);
    }
  }

  /** The headline's frame while loading, as tall as the headline it becomes, so nothing jumps. */
  private renderLoading(): TemplateResult {
    const t = this.localize;
    const year = this.askedYear;
    return html`<div class="board">
      <div class="heading heading--placeholder" aria-hidden="true">&nbsp;</div>
      <div part="headline" class="headline headline--loading">
        <p part="notice" class="loading" role="status">${typeof year === 'number' ? t.t('board.loadingYear', year) : t.t('board.loading')}</p>
      </div>
    </div>`;
  }

  private renderProgress(p: InnovationProgress): TemplateResult {
    const t = this.localize;
    const sub = this.level + 1;
    const missing = p.board.filter((o) => o.verified === 0);
    const done = p.board.filter((o) => o.verified > 0);
    const gaps = p.board.filter((o) => o.evidenceGaps.length > 0);
    return html`
      <section class="board" aria-labelledby="board-title">
        <div role="heading" aria-level=${this.level} class="heading" id="board-title">${t.t('board.title', p.year)}</div>
        ${this.renderHeadline(p)}
        <section part="section" class="section section--missing" aria-labelledby="missing-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="missing-title">${t.t('missing.title', this.n(missing.length))}</div>
          ${missing.length === 0
            ? html`<p class="all-done">${t.t('missing.none')}</p>`
            : this.renderList('missing', missing, (o) => this.missingStatus(o))}
        </section>
        <section part="section" class="section section--done" aria-labelledby="done-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="done-title">${t.t('done.title', this.n(done.length))}</div>
          ${done.length === 0 ? html`<p class="muted">${t.t('done.none')}</p>` : this.renderList('done', done, (o) => t.t('done.verified', this.n(o.verified)))}
        </section>
        <section part="section" class="section section--breakdown" aria-labelledby="breakdown-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="breakdown-title">${t.t('breakdown.title')}</div>
          ${this.renderBreakdown(p)}
        </section>
        <section part="section" class="section section--gaps" aria-labelledby="gaps-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="gaps-title">${t.t('gaps.title', this.n(gaps.length))}</div>
          ${gaps.length === 0
            ? html`<p class="muted">${t.t('gaps.none')}</p>`
            : html`<p class="muted note">${t.t('gaps.what')}</p>
                ${this.renderList('gaps', gaps, (o) => t.t('gaps.count', this.n(o.evidenceGaps.length)), (o) => this.renderGapNames(o))}`}
        </section>
        <section part="section" class="section section--scores" aria-labelledby="scores-title">
          <div role="heading" aria-level=${sub} class="heading heading--small" id="scores-title">${t.t('score.title')}</div>
          ${this.renderScores(p)}
        </section>
      </section>
    `;
  }

  /** The figure, the progress bar with its sentence, the deadline and the countdown. */
  private renderHeadline(p: InnovationProgress): TemplateResult {
    const t = this.localize;
    const sentence = t.t('progress.sentence', this.n(p.opdsDone), this.n(p.opds), this.percent(p.percent));
    const countdown = countdownOf(p.daysLeft);
    const tone = !countdown ? '' : countdown.key === 'countdown.passed' ? ' countdown--passed' : countdown.key === 'countdown.left' ? '' : ' countdown--soon';
    const width = `${Math.min(100, Math.max(0, p.percent))}%`;
    return html`
      <div part="headline" class="headline">
        <p class="figure-row">
          <span part="figure" class="figure" aria-hidden="true">${this.percent(p.percent)}</span>
          <span class="sentence" id="progress-sentence">${sentence}</span>
        </p>
        <div
          part="progress-bar"
          class="progress-bar"
          role="progressbar"
          aria-labelledby="progress-sentence"
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${p.percent}
          aria-valuetext=${sentence}
        >
          <svg class="bar" width="100%" height="1.25em" aria-hidden="true" focusable="false">
            <rect class="bar-track" x="0" y="0" width="100%" height="100%" rx="0.2em"></rect>
            <rect class="bar-fill" x="0" y="0" width=${width} height="100%" rx="0.2em"></rect>
          </svg>
        </div>
        <p class="muted target">${t.t('board.target')}</p>
        ${p.deadline
          ? html`<dl class="deadline">
              <div>
                <dt>${t.t('progress.deadline')}</dt>
                <dd><time datetime=${p.deadline}>${this.deadlineDay(p.deadline)}</time></dd>
              </div>
              <div>
                <dt class="visually-hidden">${t.t('progress.countdown')}</dt>
                <dd part="countdown" class=${`countdown${tone}`}>${this.countdownText(p.daysLeft)}</dd>
              </div>
            </dl>`
          : html`<p class="deadline">${t.t('progress.noDeadline')}</p>`}
      </div>
    `;
  }

  /** What an OPD without a verified innovation has on its way: waiting for verification, drafts, or nothing. */
  private missingStatus(o: OpdRow): string {
    const t = this.localize;
    const parts = [
      o.submitted > 0 ? t.t('missing.submitted', this.n(o.submitted)) : '',
      o.inProgress > 0 ? t.t('missing.inProgress', this.n(o.inProgress)) : '',
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : t.t('missing.nothing');
  }

  /** A list of OPDs, its first {@link COLLAPSED} rows shown until "show all" is pressed. */
  private renderList(key: ListKey, rows: readonly OpdRow[], status: (o: OpdRow) => string, more?: (o: OpdRow) => TemplateResult): TemplateResult {
    const limit = COLLAPSED[key];
    const long = rows.length > limit + 1;
    const shown = long && !this.expanded.has(key) ? rows.slice(0, limit) : rows;
    return html`
      <ul part="list" class=${`opd-list opd-list--${key}`} id=${`${key}-list`}>
        ${shown.map(
          (o) => html`<li class="opd" data-slug=${o.slug}>
            <span class="opd-name" lang="id">${o.name}</span>
            <span class="opd-status">${status(o)}</span>
            ${more ? more(o) : nothing}
          </li>`,
        )}
      </ul>
      ${long ? this.renderShowAll(key, rows.length) : nothing}
    `;
  }

  /** The button that shows a long list in full, and collapses it again. */
  private renderShowAll(key: ListKey, total: number): TemplateResult {
    const t = this.localize;
    const open = this.expanded.has(key);
    return html`<button
      part="show-all"
      type="button"
      class="link-button show-all"
      aria-controls=${`${key}-list`}
      aria-expanded=${open ? 'true' : 'false'}
      @click=${() => this.toggle(key)}
    >
      ${open ? t.t('list.showLess') : t.t('list.showAll', this.n(total))}
    </button>`;
  }

  /** The indicators an OPD still lacks evidence for, by name once the model is read. */
  private renderGapNames(o: OpdRow): TemplateResult {
    return html`<span class="gap-names" lang="id">${o.evidenceGaps.map((gap) => this.indicatorNames.get(gap) ?? gap).join('; ')}</span>`;
  }

  /** Verified innovations by form, by stage, and digital or not: small tables, each row with a bar. */
  private renderBreakdown(p: InnovationProgress): TemplateResult {
    const t = this.localize;
    const total = p.digital + p.nonDigital;
    const table = (caption: string, rows: readonly [PlainKey, number][]) => html`
      <div part="table-wrap" class="table-wrap">
        <table part="table" class="table breakdown">
          <caption class="caption">${caption}</caption>
          <thead>
            <tr>
              <th scope="col"><span class="visually-hidden">${caption}</span></th>
              <th scope="col" class="num">${t.t('breakdown.count')}</th>
              <th scope="col" class="num">${t.t('breakdown.share')}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              ([key, count]) => html`<tr>
                <th scope="row">
                  ${t.t(key)}
                  <svg class="row-bar" width="100%" height="0.5em" aria-hidden="true" focusable="false">
                    <rect class="bar-track" x="0" y="0" width="100%" height="100%"></rect>
                    <rect class="bar-fill" x="0" y="0" width=${`${total > 0 ? (count / total) * 100 : 0}%`} height="100%"></rect>
                  </svg>
                </th>
                <td class="num">${this.n(count)}</td>
                <td class="num">${this.share(count, total)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    `;
    return html`<div class="breakdowns">
      ${table(t.t('breakdown.type'), innovationTypes.map((type) => [`type.${type}`, p.byType[type]] as [PlainKey, number]))}
      ${table(t.t('breakdown.stage'), innovationStages.map((stage) => [`stage.${stage}`, p.byStage[stage]] as [PlainKey, number]))}
      ${table(t.t('breakdown.digital'), [
        ['digital.yes', p.digital],
        ['digital.no', p.nonDigital],
      ])}
    </div>`;
  }

  /** Each OPD's estimated IID score and category as the API gives it, with the model named; the category under the score, so a phone keeps room for the OPD's name. */
  private renderScores(p: InnovationProgress): TemplateResult {
    const t = this.localize;
    if (!p.model) return html`<p class="muted">${t.t('score.noModel', p.year)}</p>`;
    const scored = p.board.filter((o) => o.estimatedScore !== null);
    const long = scored.length > COLLAPSED.scores + 1;
    const shown = long && !this.expanded.has('scores') ? scored.slice(0, COLLAPSED.scores) : scored;
    const value = new Intl.NumberFormat(t.locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return html`
      <p class="model">${t.t('score.model')}<span lang="id">${p.model.name}</span>.</p>
      <p class="muted note">${t.t('score.note')}</p>
      ${scored.length === 0
        ? html`<p class="muted">${t.t('score.none')}</p>`
        : html`<div part="table-wrap" class="table-wrap">
            <table part="table" class="table scores">
              <caption class="visually-hidden">${t.t('score.title')}: ${p.model.name}</caption>
              <thead>
                <tr>
                  <th scope="col">${t.t('score.opd')}</th>
                  <th scope="col" class="num">${t.t('score.value')}</th>
                </tr>
              </thead>
              <tbody id="scores-list">
                ${shown.map(
                  (o) => html`<tr data-slug=${o.slug}>
                    <th scope="row" lang="id">${o.name}</th>
                    <td class="num">
                      <span class="score">${value.format(o.estimatedScore!.value)}</span>
                      <span class="category" lang="id">${o.estimatedScore!.category}</span>
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${long ? this.renderShowAll('scores', scored.length) : nothing}`}
    `;
  }
}
