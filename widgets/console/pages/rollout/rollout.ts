/**
 * `<opd-console-rollout>`: the regency's rollout board and adding an OPD (console page `#/opds`).
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { ApiError } from '../../../../src/errors.js';
import { opdAdminEndpoints, type RegencyOverview } from '../../../../src/schemas/opd-admin.js';
import { focusTemporarily, renderErrorSummary, type SummaryError } from '../../../shared/error-summary.js';
import { textareaField, textField } from '../../../shared/fields.js';
import { LocalizeController } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../kit/failure.js';
import { errorFor, FormMemory, formValues, summaryErrors } from '../../kit/forms.js';
import { checkedModules, moduleChecks, moduleLabel, originLines } from '../../kit/module-checks.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';

const ADD_FIELDS = ['name', 'slug', 'nameEn', 'allowedOrigins', 'modules'] as const;

/** The month of `date` as `YYYY-MM` in the regency's zone (WIB unless told). */
function monthOf(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/**
 * The rollout board: every OPD, its modules, and SIAP's figures for a month (questions
 * received, the share answered within the service level, overdue now), from
 * `GET /api/v1/overview`; and the form that adds an OPD (`POST /api/v1/opds`). Regency admins.
 *
 * @summary The regency's rollout board and adding an OPD (staff console page).
 */
export class OpdConsoleRollout extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles];

  static override properties: PropertyDeclarations = {
    month: { state: true, attribute: false },
    overview: { state: true, attribute: false },
    boardState: { state: true, attribute: false },
    boardError: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    sending: { state: true, attribute: false },
    added: { state: true, attribute: false },
  };

  private month = '';
  private overview: RegencyOverview | null = null;
  private boardState: 'loading' | 'ready' | 'failed' = 'loading';
  private boardError = '';
  private errors: SummaryError[] = [];
  private sending = false;
  private added: { slug: string; name: string } | null = null;

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly typed = new FormMemory();
  #loadedFor: unknown;

  protected override willUpdate(): void {
    if (this.context && this.#loadedFor !== this.context.session) {
      this.#loadedFor = this.context.session;
      this.month ||= monthOf(new Date(), this.localize.timeZone);
      void this.loadBoard();
    }
  }

  private async loadBoard(): Promise<void> {
    if (!this.context) return;
    if (!this.overview) this.boardState = 'loading';
    try {
      this.overview = await this.context.session.call(opdAdminEndpoints.overview, {
        query: this.month ? { month: this.month } : {},
        what: 'the rollout board',
      });
      this.boardState = 'ready';
    } catch (error) {
      this.boardState = 'failed';
      this.boardError = failureMessage(error, this.localize);
    }
  }

  private readonly onMonth = (event: SubmitEvent): void => {
    event.preventDefault();
    const value = new FormData(event.currentTarget as HTMLFormElement).get('month');
    if (typeof value === 'string' && /^\d{4}-\d{2}$/.test(value)) this.month = value;
    void this.loadBoard();
  };

  private readonly onAdd = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.sending || !this.context) return;
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const body = {
      name: values.name ?? '',
      slug: (values.slug ?? '').trim(),
      ...(values.nameEn?.trim() ? { nameEn: values.nameEn } : {}),
      allowedOrigins: originLines(values.allowedOrigins ?? ''),
      modules: checkedModules(form),
    };
    this.sending = true;
    this.added = null;
    try {
      const created = await this.context.session.call(opdAdminEndpoints.create, { body, what: 'the new OPD' });
      this.errors = [];
      form.reset();
      this.typed.forget('name', 'slug', 'nameEn', 'allowedOrigins');
      this.added = { slug: created.slug, name: created.name };
      this.context.announce(this.localize.t('add.done', created.name));
      await Promise.all([this.context.refreshOpds(), this.loadBoard()]);
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#added'));
    } catch (error) {
      this.errors = this.addErrors(error, body.slug);
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#add .error-summary'));
    } finally {
      this.sending = false;
    }
  };

  private addErrors(error: unknown, slug: string): SummaryError[] {
    const t = this.localize;
    const labels: Record<string, string> = {
      name: t.t('add.name'),
      slug: t.t('add.slug'),
      nameEn: t.t('add.nameEn'),
      allowedOrigins: t.t('add.origins'),
      modules: t.t('add.modules'),
    };
    const fields = fieldErrorsOf(error);
    if (fields) {
      // An empty short name is one too short for the schema, and missing for the person.
      const read = (field: string, code: string) => (field === 'slug' && !slug && code === 'tooShort' ? 'required' : code);
      return summaryErrors(fields, ADD_FIELDS, (field, code) => t.lookup(`error.${field}.${read(field, code)}`) ?? t.t('error.generic', labels[field] ?? field));
    }
    if (error instanceof ApiError && error.status === 409) return [{ field: 'slug', message: t.t('error.conflict') }];
    return [{ field: '', message: failureMessage(error, t) }];
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderBoard()} ${this.renderAdd()}</div>`;
  }

  private renderBoard(): TemplateResult {
    const t = this.localize;
    const overview = this.overview;
    let body: TemplateResult;
    if (this.boardState === 'failed' && !overview) {
      body = renderNotice({ message: this.boardError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadBoard(), look: 'secondary' } });
    } else if (!overview) {
      body = html`<p class="muted">${t.t('board.loading')}</p>`;
    } else if (overview.opds.length === 0) {
      body = html`<p class="muted">${t.t('board.empty')}</p>`;
    } else {
      const siap = overview.opds.filter((opd) => opd.modules.includes('siap')).length;
      const percent = new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 1 });
      const monthName = new Intl.DateTimeFormat(t.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${overview.month}-15T00:00:00Z`));
      body = html`<p>${t.t('board.summary', siap, overview.opds.length)}</p>
        <div class="table-box" tabindex="0" role="region" aria-labelledby="board-caption">
          <table>
            <caption id="board-caption">${t.t('board.caption', monthName)}</caption>
            <thead>
              <tr>
                <th scope="col">${t.t('board.opd')}</th>
                <th scope="col">${t.t('board.modules')}</th>
                <th scope="col" class="number">${t.t('board.received')}</th>
                <th scope="col" class="number">${t.t('board.withinSla')}</th>
                <th scope="col" class="number">${t.t('board.overdue')}</th>
                <th scope="col"><span class="visually-hidden">${t.t('board.manage')}</span></th>
              </tr>
            </thead>
            <tbody>
              ${overview.opds.map((opd) => {
                const c = opd.consultations;
                const pct = c?.withinServiceLevel;
                return html`<tr>
                  <th scope="row" class="name">${opd.name}</th>
                  <td>
                    ${opd.modules.length
                      ? html`<ul class="tags">${opd.modules.map((module) => html`<li class="tag" title=${moduleLabel(module, t.lang)}>${moduleLabel(module, t.lang, true)}</li>`)}</ul>`
                      : html`<span class="tag tag--off">${t.t('board.noModules')}</span>`}
                  </td>
                  <td class="number">${c ? t.number(c.received) : t.t('board.notRunning')}</td>
                  <td class="number">
                    ${c ? (pct === null || pct === undefined ? html`<span class="muted wrap">${t.t('board.noneDue')}</span>` : percent.format(pct)) : t.t('board.notRunning')}
                  </td>
                  <td class="number">${c ? (c.overdueNow > 0 ? html`<span class="tag tag--warn">${t.number(c.overdueNow)}</span>` : '0') : t.t('board.notRunning')}</td>
                  <td>
                    <a href="#/opd?opd=${encodeURIComponent(opd.slug)}" aria-label=${t.t('board.manageOpd', opd.name)}>${t.t('board.manage')}</a>
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
        <p class="muted">${t.t('board.note')}</p>`;
    }
    return html`<section class="section" aria-labelledby="board-title">
      <div role="heading" aria-level=${this.level} class="heading" id="board-title">${t.t('board.title')}</div>
      <p class="intro">${t.t('board.intro')}</p>
      <form class="inline-form" novalidate @submit=${this.onMonth} @input=${this.typed.onInput}>
        ${textField({ name: 'month', label: t.t('board.month'), type: 'month', value: this.typed.value('month', this.month), errorPrefix: t.t('error.prefix') })}
        <button part="button" class="button button--secondary" type="submit">${t.t('board.show')}</button>
      </form>
      ${body}
    </section>`;
  }

  private renderAdd(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    return html`<section class="section" id="add" aria-labelledby="add-title">
      <div role="heading" aria-level=${this.level} class="heading" id="add-title">${t.t('add.title')}</div>
      <p class="intro">${t.t('add.intro')}</p>
      ${this.added
        ? html`<div class="done" id="added" role="status">
            <p>${t.t('add.done', this.added.name)}</p>
            <p><a href="#/opd?opd=${encodeURIComponent(this.added.slug)}">${t.t('add.open')}</a></p>
          </div>`
        : nothing}
      ${this.errors.length
        ? renderErrorSummary({ title: t.t('summary.title'), errors: this.errors, headingLevel: this.level + 1, root: () => this.shadowRoot })
        : nothing}
      <form class="form-grid" novalidate @submit=${this.onAdd} @input=${this.typed.onInput} aria-labelledby="add-title">
        ${textField({ name: 'name', label: t.t('add.name'), hint: t.t('add.nameHint'), value: this.typed.value('name'), autocomplete: 'off', error: errorFor(this.errors, 'name'), errorPrefix: prefix })}
        ${textField({
          name: 'slug',
          label: t.t('add.slug'),
          hint: t.t('add.slugHint'),
          value: this.typed.value('slug'),
          autocomplete: 'off',
          autocapitalize: 'none',
          spellcheck: false,
          short: true,
          error: errorFor(this.errors, 'slug'),
          errorPrefix: prefix,
        })}
        ${textField({ name: 'nameEn', label: t.t('add.nameEn'), hint: t.t('add.nameEnHint'), value: this.typed.value('nameEn'), autocomplete: 'off', error: errorFor(this.errors, 'nameEn'), errorPrefix: prefix })}
        ${textareaField({ name: 'allowedOrigins', label: t.t('add.origins'), hint: t.t('add.originsHint'), value: this.typed.value('allowedOrigins'), rows: 3, error: errorFor(this.errors, 'allowedOrigins'), errorPrefix: prefix })}
        ${moduleChecks({ prefix: 'add', legend: t.t('add.modules'), checked: [], lang: t.lang })}
        <button part="button" class="button" type="submit" ?disabled=${this.sending}>${this.sending ? t.t('add.sending') : t.t('add.submit')}</button>
      </form>
    </section>`;
  }
}
