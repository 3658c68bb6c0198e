/**
 * `<opd-console-audit>`: the audit log, filtered, paged and downloadable as CSV (console page `#/audit`).
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { indonesianTimeZones, type IndonesianTimeZone } from '../../../../src/schemas/opds.js';
import { privacyEndpoints, type AuditEntryView, type AuditQuery } from '../../../../src/schemas/privacy.js';
import { focusTemporarily, renderErrorSummary, type SummaryError } from '../../../shared/error-summary.js';
import { selectField, textField } from '../../../shared/fields.js';
import { LocalizeController } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { ck, failureMessage, renderOutsideConsole } from '../../kit/failure.js';
import { saveFile } from '../../kit/download.js';
import { errorFor, FormMemory, formValues } from '../../kit/forms.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { en } from './i18n/en.js';
import { id, type AuditMessages } from './i18n/id.js';

/** Entries per page. */
const PAGE_SIZE = 50;

/** The actions the filter offers (their names in the copy: `action.<action>`). */
const ACTIONS = (Object.keys(id) as (keyof AuditMessages)[])
  .filter((key) => key.startsWith('action.'))
  .map((key) => key.slice('action.'.length));

/** The filters as typed in the form. */
interface Filters {
  actor: string;
  action: string;
  subject: string;
  opd: string;
  from: string;
  to: string;
}

const NO_FILTERS: Filters = { actor: '', action: '', subject: '', opd: '', from: '', to: '' };

/** The day after `YYYY-MM-DD`, as `YYYY-MM-DD`. */
function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** `+07:00` for a zone of {@link indonesianTimeZones}, WIB for any other. */
function offsetOf(zone: string): string {
  const minutes = Object.hasOwn(indonesianTimeZones, zone) ? indonesianTimeZones[zone as IndonesianTimeZone].utcOffsetMinutes : 7 * 60;
  const hours = String(Math.floor(minutes / 60)).padStart(2, '0');
  const rest = String(minutes % 60).padStart(2, '0');
  return `+${hours}:${rest}`;
}

/**
 * The audit log as a regency admin reads it: who (name and e-mail at the time), what, about
 * which subject, in which OPD, when, with details (never the personal data itself). Filters by
 * person, action, subject, OPD and dates (days in the regency's time zone), pages through the
 * log newest first, and downloads every matching entry as CSV (`GET /api/v1/audit.csv`).
 *
 * @summary The audit log (staff console page).
 */
export class OpdConsoleAudit extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles];

  static override properties: PropertyDeclarations = {
    filters: { state: true, attribute: false },
    entries: { state: true, attribute: false },
    nextCursor: { state: true, attribute: false },
    cursors: { state: true, attribute: false },
    loadState: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    csv: { state: true, attribute: false },
  };

  private filters: Filters = NO_FILTERS;
  private entries: AuditEntryView[] = [];
  private nextCursor: string | null = null;
  /** The cursor of each page shown so far (the first has none). */
  private cursors: (string | undefined)[] = [undefined];
  private loadState: 'loading' | 'ready' | 'failed' = 'loading';
  private loadError = '';
  private errors: SummaryError[] = [];
  private csv: '' | 'loading' | 'done' | 'failed' = '';

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly typed = new FormMemory();
  #loadedFor: unknown;

  protected override willUpdate(): void {
    if (this.context && this.#loadedFor !== this.context.session) {
      this.#loadedFor = this.context.session;
      void this.load();
    }
  }

  /** The query for the current filters (from the start of the first day to the end of the last, in the regency's zone). */
  private query(): AuditQuery {
    const f = this.filters;
    const offset = offsetOf(this.localize.timeZone);
    return {
      ...(f.actor.trim() ? { actor: f.actor.trim() } : {}),
      ...(f.action ? { action: f.action } : {}),
      ...(f.subject.trim() ? { subject: f.subject.trim() } : {}),
      ...(f.opd ? { opd: f.opd } : {}),
      ...(f.from ? { from: `${f.from}T00:00:00.000${offset}` } : {}),
      // `to` is exclusive: the start of the next day.
      ...(f.to ? { to: `${nextDay(f.to)}T00:00:00.000${offset}` } : {}),
    };
  }

  private async load(): Promise<void> {
    if (!this.context) return;
    const cursor = this.cursors.at(-1);
    this.loadState = 'loading';
    try {
      const page = await this.context.session.call(privacyEndpoints.audit, {
        query: { ...this.query(), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) },
        what: 'the audit log',
      });
      this.entries = page.data;
      this.nextCursor = page.nextCursor;
      this.loadState = 'ready';
    } catch (error) {
      this.loadState = 'failed';
      this.loadError = failureMessage(error, this.localize);
    }
  }

  private readonly onFilter = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const next: Filters = {
      actor: values.actor ?? '',
      action: values.action ?? '',
      subject: values.subject ?? '',
      opd: values.opd ?? '',
      from: values.from ?? '',
      to: values.to ?? '',
    };
    const t = this.localize;
    const errors: SummaryError[] = [];
    const isDate = (value: string) => !value || /^\d{4}-\d{2}-\d{2}$/.test(value);
    if (!isDate(next.from)) errors.push({ field: 'from', message: t.t('error.from.format') });
    if (!isDate(next.to)) errors.push({ field: 'to', message: t.t('error.to.format') });
    if (errors.length === 0 && next.from && next.to && next.to < next.from) errors.push({ field: 'to', message: t.t('error.range') });
    this.errors = errors;
    this.filters = next;
    if (errors.length) {
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('.error-summary'));
      return;
    }
    this.cursors = [undefined];
    await this.load();
    this.announceResult();
  };

  private readonly onClear = async (): Promise<void> => {
    this.filters = NO_FILTERS;
    this.errors = [];
    this.cursors = [undefined];
    this.renderRoot.querySelector<HTMLFormElement>('#filters')?.reset();
    this.typed.forget();
    await this.load();
    this.announceResult();
  };

  private announceResult(): void {
    const t = this.localize;
    if (this.loadState === 'ready') this.context?.announce(this.entries.length ? ck(t.lang)['ck.pageOf'](this.cursors.length) : t.t('log.empty'));
  }

  private readonly onNext = async (): Promise<void> => {
    if (!this.nextCursor) return;
    this.cursors = [...this.cursors, this.nextCursor];
    await this.load();
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#log-caption'));
    this.announceResult();
  };

  private readonly onPrevious = async (): Promise<void> => {
    if (this.cursors.length < 2) return;
    this.cursors = this.cursors.slice(0, -1);
    await this.load();
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#log-caption'));
    this.announceResult();
  };

  private readonly onCsv = async (): Promise<void> => {
    if (!this.context || this.csv === 'loading') return;
    this.csv = 'loading';
    try {
      const text = await this.context.session.call(privacyEndpoints.auditCsv, { query: this.query(), what: 'the audit log as CSV' });
      saveFile(this.renderRoot, `audit-${new Date().toISOString().slice(0, 10)}.csv`, text, 'text/csv;charset=utf-8');
      this.csv = 'done';
      this.context.announce(this.localize.t('log.csvDone'));
    } catch (error) {
      this.csv = 'failed';
      this.loadError = failureMessage(error, this.localize);
    }
  };

  /** An action in words where the copy knows it, else as the log has it. */
  private actionName(action: string): string {
    return this.localize.lookup(`action.${action}`) ?? action;
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang}>
      <p class="intro">${t.t('audit.intro')}</p>
      ${this.renderFilters()} ${this.renderLog()}
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.localize;
    const f = this.filters;
    const prefix = t.t('error.prefix');
    return html`<section class="section" aria-labelledby="filters-title">
      <div role="heading" aria-level=${this.level} class="heading" id="filters-title">${t.t('filters.title')}</div>
      ${this.errors.length ? renderErrorSummary({ title: t.t('summary.title'), errors: this.errors, headingLevel: this.level + 1, root: () => this.shadowRoot }) : nothing}
      <form id="filters" class="filters" novalidate @submit=${this.onFilter} @input=${this.typed.onInput} @change=${this.typed.onInput} aria-labelledby="filters-title">
        ${textField({ name: 'actor', label: t.t('filters.actor'), hint: t.t('filters.actorHint'), value: this.typed.value('actor', f.actor), autocomplete: 'off', spellcheck: false, errorPrefix: prefix })}
        ${selectField({
          name: 'action',
          label: t.t('filters.action'),
          placeholder: t.t('filters.actionAny'),
          value: this.typed.value('action', f.action),
          options: ACTIONS.map((action) => ({ value: action, label: this.actionName(action) })),
          errorPrefix: prefix,
        })}
        ${textField({ name: 'subject', label: t.t('filters.subject'), hint: t.t('filters.subjectHint'), value: this.typed.value('subject', f.subject), autocomplete: 'off', spellcheck: false, errorPrefix: prefix })}
        ${selectField({
          name: 'opd',
          label: t.t('filters.opd'),
          placeholder: t.t('filters.opdAny'),
          value: this.typed.value('opd', f.opd),
          options: (this.context?.opds ?? []).map((opd) => ({ value: opd.slug, label: opd.name })),
          errorPrefix: prefix,
        })}
        ${textField({ name: 'from', label: t.t('filters.from'), type: 'date', value: this.typed.value('from', f.from), error: errorFor(this.errors, 'from'), errorPrefix: prefix })}
        ${textField({ name: 'to', label: t.t('filters.to'), type: 'date', value: this.typed.value('to', f.to), error: errorFor(this.errors, 'to'), errorPrefix: prefix })}
        <div class="actions filters-actions">
          <button part="button" class="button" type="submit">${t.t('filters.apply')}</button>
          <button part="button" class="button button--secondary" type="button" @click=${this.onClear}>${t.t('filters.clear')}</button>
        </div>
      </form>
    </section>`;
  }

  private renderLog(): TemplateResult {
    const t = this.localize;
    const copy = ck(t.lang);
    let body: TemplateResult;
    if (this.loadState === 'failed') {
      body = renderNotice({ message: this.loadError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.load(), look: 'secondary' } });
    } else if (this.loadState === 'loading' && this.entries.length === 0) {
      body = html`<p class="muted">${t.t('log.loading')}</p>`;
    } else if (this.entries.length === 0) {
      body = html`<p class="muted">${t.t('log.empty')}</p>`;
    } else {
      body = html`<div class="table-box" tabindex="0" role="region" aria-labelledby="log-caption" aria-busy=${this.loadState === 'loading' ? 'true' : 'false'}>
        <table>
          <caption id="log-caption">${t.t('log.caption')} · ${copy['ck.pageOf'](this.cursors.length)}</caption>
          <thead>
            <tr>
              <th scope="col">${t.t('log.at')}</th>
              <th scope="col">${t.t('log.actor')}</th>
              <th scope="col">${t.t('log.action')}</th>
              <th scope="col">${t.t('log.subject')}</th>
              <th scope="col">${t.t('log.opd')}</th>
              <th scope="col">${t.t('log.detail')}</th>
            </tr>
          </thead>
          <tbody>
            ${this.entries.map(
              (entry) => html`<tr>
                <td><time datetime=${entry.at}>${t.dateTime(entry.at)}</time></td>
                <td>${entry.actor.name}${entry.actor.email ? html`<br /><span class="muted">${entry.actor.email}</span>` : nothing}</td>
                <td>${this.actionName(entry.action)}<br /><code class="muted">${entry.action}</code></td>
                <td><code>${entry.subject}</code></td>
                <td>${entry.opd ?? '—'}</td>
                <td>${this.renderDetail(entry.detail)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section class="section" aria-labelledby="log-title">
      <div role="heading" aria-level=${this.level} class="heading" id="log-title">${t.t('log.caption')}</div>
      <div class="actions">
        <button part="button" type="button" class="button button--secondary" @click=${this.onCsv} ?disabled=${this.csv === 'loading'} aria-describedby="csv-hint">
          ${this.csv === 'loading' ? t.t('log.csvLoading') : t.t('log.csv')}
        </button>
        <p class="muted" id="csv-hint">${t.t('log.csvHint')}</p>
      </div>
      ${this.csv === 'failed' ? renderNotice({ message: this.loadError, tone: 'warning', alert: true }) : nothing}
      ${body}
      <div class="actions">
        ${this.cursors.length > 1
          ? html`<button part="button" type="button" class="button button--secondary" @click=${this.onPrevious}>${copy['ck.previous']}</button>`
          : nothing}
        ${this.nextCursor ? html`<button part="button" type="button" class="button button--secondary" @click=${this.onNext}>${copy['ck.next']}</button>` : nothing}
      </div>
    </section>`;
  }

  private renderDetail(detail: Record<string, unknown>): TemplateResult | string {
    const entries = Object.entries(detail);
    if (entries.length === 0) return '—';
    return html`${entries.map(([key, value], index) => html`${index ? html`<br />` : nothing}<span class="muted">${key}:</span> ${typeof value === 'string' ? value : JSON.stringify(value)}`)}`;
  }
}
