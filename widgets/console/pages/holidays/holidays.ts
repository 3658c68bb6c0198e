/**
 * `<opd-console-holidays>`: the regency's days off, a year at a time (console page `#/holidays`).
 *
 * @module
 */
import type * as z from 'zod/mini';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { HOLIDAY_YEARS, holidayEndpoints, holidayKinds, type Holiday, type HolidayKind } from '../../../../src/schemas/calendar.js';
import { toFieldErrors, type FieldError } from '../../../../src/schemas/common.js';
import { focusTemporarily, renderErrorSummary, type SummaryError } from '../../../shared/error-summary.js';
import { renderFieldError, textField } from '../../../shared/fields.js';
import { LocalizeController } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../kit/failure.js';
import { errorFor, FormMemory, formValues, summaryErrors } from '../../kit/forms.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { holidaysPage } from './console-page.js';
import { holidaysStyles } from './holidays.styles.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';

/** The fields of the form, in the order the error summary lists them. */
const FIELDS = ['date', 'name', 'kind'] as const;

/** The year it is now in `zone` (the regency's time zone). */
function currentYear(zone: string): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: zone, year: 'numeric' }).format(new Date()));
}

/** The year a page route names (`#/holidays/2027` gives `['2027']`), if it is one the list takes. */
function routeYear(route: readonly string[]): number | undefined {
  const value = route[0] ?? '';
  if (!/^\d{4}$/.test(value)) return undefined;
  const year = Number(value);
  return year >= HOLIDAY_YEARS.min && year <= HOLIDAY_YEARS.max ? year : undefined;
}

/** The field errors `schema` finds in `input`, as the SDK and the server would give them. */
function check(schema: z.ZodMiniType | undefined, input: unknown): FieldError[] {
  const result = schema?.safeParse(input, { reportInput: true });
  if (!result) return [];
  return result.success ? [] : toFieldErrors(result.error.issues);
}

/**
 * The regency's days off as its admin keeps them: one year at a time (this year first, the
 * previous and next a link away, the year in the address), each day with its name and kind
 * (national holiday, cuti bersama, regional day off); add a day, change a day's name or kind,
 * remove one after asking. Every change is recorded in the audit log. Due dates already given
 * stay as they were: the page says so.
 *
 * Endpoints: `GET /api/v1/holidays?year=`, `PUT` and `DELETE /api/v1/holidays/{date}`.
 *
 * @summary The regency's days off (staff console page).
 */
export class OpdConsoleHolidays extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, holidaysStyles];

  static override properties: PropertyDeclarations = {
    year: { state: true, attribute: false },
    days: { state: true, attribute: false },
    loadState: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    kind: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    done: { state: true, attribute: false },
    listError: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  /** The year shown. */
  private year = 0;
  private days: Holiday[] | null = null;
  private loadState: 'loading' | 'ready' | 'failed' = 'loading';
  private loadError = '';
  /** The day being changed in the form, or `null` while the form adds one. */
  private editing: Holiday | null = null;
  /** The kind chosen in the form. */
  private kind: HolidayKind | '' = '';
  /** The date of the day whose removal is being asked about. */
  private confirming = '';
  private errors: SummaryError[] = [];
  private done: { where: 'form' | 'list'; message: string } | null = null;
  private listError = '';
  private busy: '' | 'save' | 'remove' = '';

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly typed = new FormMemory();
  #session: unknown;
  /** Say which year is shown once it has loaded (the person moved to it). */
  #announceYear = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    const year = routeYear(this.context.route) ?? currentYear(this.localize.timeZone);
    if (year === this.year && this.#session === this.context.session) return;
    if (year !== this.year) {
      this.days = null;
      this.confirming = '';
      this.listError = '';
      if (this.done?.where === 'list') this.done = null;
    }
    this.year = year;
    this.#session = this.context.session;
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.context) return;
    const year = this.year;
    this.loadState = 'loading';
    try {
      const page = await this.context.session.call(holidayEndpoints.list, { query: { year }, what: `the days off of ${year}` });
      if (year !== this.year) return;
      this.days = page.data;
      this.loadState = 'ready';
      if (this.#announceYear) this.context.announce(this.localize.t('year.shown', year, page.data.length));
    } catch (error) {
      if (year !== this.year) return;
      this.loadState = 'failed';
      this.loadError = failureMessage(error, this.localize);
    } finally {
      if (year === this.year) this.#announceYear = false;
    }
  }

  /** A calendar day in words, e.g. `Rabu, 20 Mei 2026` (the day itself, whatever the zone). */
  private day(date: string): string {
    return new Intl.DateTimeFormat(this.localize.locale, { timeZone: 'UTC', dateStyle: 'full' }).format(new Date(`${date}T00:00:00Z`));
  }

  /** A calendar day without its weekday, e.g. `20 Mei 2026`. */
  private dayOfYear(date: string): string {
    return new Intl.DateTimeFormat(this.localize.locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
  }

  /** The weekday of a calendar day, e.g. `Rabu`. */
  private weekday(date: string): string {
    return new Intl.DateTimeFormat(this.localize.locale, { timeZone: 'UTC', weekday: 'long' }).format(new Date(`${date}T00:00:00Z`));
  }

  private goToYear(event: Event, year: number): void {
    event.preventDefault();
    this.#announceYear = true;
    this.context?.navigate(`${holidaysPage.id}/${year}`, { keepFocus: true });
  }

  /** The day off on `date`, from the list shown or, for another year, from the server. */
  private async dayOffOn(date: string): Promise<Holiday | undefined> {
    const year = Number(date.slice(0, 4));
    if (year === this.year && this.days) return this.days.find((day) => day.date === date);
    try {
      const page = await this.context!.session.call(holidayEndpoints.list, { query: { year }, what: `the days off of ${year}` });
      return page.data.find((day) => day.date === date);
    } catch {
      return undefined; // the server decides; at worst the day is renamed
    }
  }

  private readonly onKind = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'kind') this.kind = target.value as HolidayKind;
  };

  private readonly onSave = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.context || this.busy) return;
    const t = this.localize;
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const editing = this.editing;
    const date = editing ? editing.date : (values.date ?? '').trim();
    const body = { name: values.name ?? '', kind: this.kind as HolidayKind };
    this.done = null;

    const problems: FieldError[] = [];
    if (!editing) {
      if (!date) problems.push({ path: 'date', message: '', code: 'required' });
      else problems.push(...check(holidayEndpoints.put.params, { date }));
    }
    problems.push(...check(holidayEndpoints.put.body, body));
    let errors = problems.length ? this.summaryOf(problems) : [];
    if (errors.length === 0 && !editing) {
      this.busy = 'save';
      const taken = await this.dayOffOn(date);
      this.busy = '';
      if (taken) errors = [{ field: 'date', message: t.t('error.date.taken', taken.name) }];
    }
    if (errors.length) {
      await this.showErrors(errors);
      return;
    }

    this.busy = 'save';
    this.errors = [];
    try {
      const saved = await this.context.session.call(holidayEndpoints.put, { params: { date }, body, what: `the day off on ${date}` });
      const message = editing ? t.t('form.changed', saved.name, this.day(saved.date)) : t.t('form.added', saved.name, this.day(saved.date));
      form.reset();
      this.typed.forget();
      this.kind = '';
      this.editing = null;
      this.done = { where: 'form', message };
      this.context.announce(message);
      const year = Number(saved.date.slice(0, 4));
      if (year === this.year) {
        const others = (this.days ?? []).filter((day) => day.date !== saved.date);
        this.days = [...others, saved].sort((a, b) => a.date.localeCompare(b.date));
        if (editing) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#edit-${saved.date}`)?.focus());
      } else {
        // The list shows the year of the day just added.
        this.context.navigate(`${holidaysPage.id}/${year}`, { keepFocus: true });
      }
    } catch (error) {
      const fields = fieldErrorsOf(error);
      await this.showErrors(fields ? this.summaryOf(fields) : [{ field: '', message: failureMessage(error, t) }]);
    } finally {
      this.busy = '';
    }
  };

  /** The summary's lines for rejected fields, in the page's language. */
  private summaryOf(fields: readonly FieldError[]): SummaryError[] {
    const t = this.localize;
    const labels: Record<string, string> = { date: t.t('form.date'), name: t.t('form.name'), kind: t.t('form.kind') };
    const order = this.editing ? FIELDS.filter((field) => field !== 'date') : FIELDS;
    return summaryErrors(fields, order, (field, code) => t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', labels[field] ?? field));
  }

  private async showErrors(errors: SummaryError[]): Promise<void> {
    this.errors = errors;
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#form-summary .error-summary'));
  }

  private startEdit(day: Holiday): void {
    this.editing = day;
    this.kind = day.kind;
    this.errors = [];
    this.done = null;
    this.confirming = '';
    this.typed.forget('name');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus());
  }

  private readonly onCancelEdit = (): void => {
    const date = this.editing?.date;
    this.editing = null;
    this.kind = '';
    this.errors = [];
    this.typed.forget('name');
    void this.updateComplete.then(() => (date ? this.renderRoot.querySelector<HTMLElement>(`#edit-${date}`) : null)?.focus());
  };

  private askRemove(day: Holiday): void {
    this.confirming = day.date;
    this.listError = '';
    void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#confirm-${day.date}`)));
  }

  private cancelRemove(day: Holiday): void {
    this.confirming = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#remove-${day.date}`)?.focus());
  }

  private async removeDay(day: Holiday): Promise<void> {
    if (!this.context || this.busy) return;
    const t = this.localize;
    this.busy = 'remove';
    this.listError = '';
    try {
      await this.context.session.call(holidayEndpoints.remove, { params: { date: day.date }, what: `the day off on ${day.date}` });
      this.confirming = '';
      this.days = (this.days ?? []).filter((item) => item.date !== day.date);
      if (this.editing?.date === day.date) this.onCancelEdit();
      const message = t.t('list.removed', day.name, this.day(day.date));
      this.done = { where: 'list', message };
      this.context.announce(message);
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#year-title'));
    } catch (error) {
      this.listError = failureMessage(error, t);
    } finally {
      this.busy = '';
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang}>
      <p class="intro">${t.t('holidays.intro')}</p>
      <p class="note">${t.t('holidays.dueDates')}</p>
      ${this.renderList()} ${this.renderForm()}
    </div>`;
  }

  private renderYearNav(): TemplateResult {
    const t = this.localize;
    const previous = this.year - 1;
    const next = this.year + 1;
    return html`<nav class="year-nav" aria-label=${t.t('year.nav')}>
      ${previous >= HOLIDAY_YEARS.min
        ? html`<a class="year-link" id="year-previous" href="#/${holidaysPage.id}/${previous}" @click=${(event: Event) => this.goToYear(event, previous)}>
            <span aria-hidden="true">‹</span> <span class="visually-hidden">${t.t('year.previousHint')}:</span> ${previous}
          </a>`
        : nothing}
      ${next <= HOLIDAY_YEARS.max
        ? html`<a class="year-link" id="year-next" href="#/${holidaysPage.id}/${next}" @click=${(event: Event) => this.goToYear(event, next)}>
            <span class="visually-hidden">${t.t('year.nextHint')}:</span> ${next} <span aria-hidden="true">›</span>
          </a>`
        : nothing}
    </nav>`;
  }

  private renderList(): TemplateResult {
    const t = this.localize;
    const days = this.days;
    let body: TemplateResult;
    if (!days && this.loadState === 'failed') {
      body = renderNotice({ message: this.loadError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.load(), look: 'secondary' } });
    } else if (!days) {
      body = html`<p class="muted">${t.t('list.loading')}</p>`;
    } else if (days.length === 0) {
      body = html`<p class="muted empty">${t.t('list.empty', this.year)}</p>`;
    } else {
      body = html`<div class="table-box" tabindex="0" role="region" aria-labelledby="list-caption">
        <table>
          <caption id="list-caption">${t.t('list.caption', this.year, days.length)}</caption>
          <thead>
            <tr>
              <th scope="col">${t.t('list.date')}</th>
              <th scope="col">${t.t('list.name')}</th>
              <th scope="col">${t.t('list.kind')}</th>
              <th scope="col">${t.t('list.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map((day) => this.renderDay(day))}
          </tbody>
        </table>
      </div>`;
    }
    const done = this.done?.where === 'list' ? this.done.message : '';
    return html`<section class="section" aria-labelledby="year-title">
      <div class="year-bar">
        <div role="heading" aria-level=${this.level} class="heading" id="year-title">${t.t('year.title', this.year)}</div>
        ${this.renderYearNav()}
      </div>
      ${done ? html`<p class="done">${done}</p>` : nothing}
      ${this.listError ? renderNotice({ message: this.listError, tone: 'warning', alert: true }) : nothing}
      ${body}
    </section>`;
  }

  private renderDay(day: Holiday): TemplateResult {
    const t = this.localize;
    const when = this.day(day.date);
    const confirming = this.confirming === day.date;
    const row = html`<tr class=${this.editing?.date === day.date ? 'editing' : ''}>
      <td class="date">
        <time datetime=${day.date}>${this.dayOfYear(day.date)}</time>
        <span class="weekday">${this.weekday(day.date)}</span>
      </td>
      <th scope="row" class="name">${day.name}</th>
      <td><span class=${day.kind === 'regional' ? 'tag tag--regional' : 'tag'}>${t.t(`kind.${day.kind}`)}</span></td>
      <td class="actions-cell">
        <div class="row-actions">
          <button part="button" type="button" class="button button--secondary button--small" id="edit-${day.date}" @click=${() => this.startEdit(day)}>
            ${t.t('list.edit')}<span class="visually-hidden">: ${day.name}, ${when}</span>
          </button>
          <button
            part="button"
            type="button"
            class="button button--secondary button--small"
            id="remove-${day.date}"
            aria-expanded=${confirming ? 'true' : 'false'}
            @click=${() => (confirming ? this.cancelRemove(day) : this.askRemove(day))}
          >
            ${t.t('list.remove')}<span class="visually-hidden">: ${day.name}, ${when}</span>
          </button>
        </div>
      </td>
    </tr>`;
    if (!confirming) return row;
    // The question spans the row under the day, so it never widens the table.
    return html`${row}
      <tr class="confirm-row">
        <td colspan="4">
          <div class="confirm" id="confirm-${day.date}" role="group" aria-label=${`${day.name}, ${when}`}>
            <p>${t.t('list.confirmRemove', day.name, when)}</p>
            <div class="row-actions">
              <button part="button" type="button" class="button button--small" ?disabled=${this.busy === 'remove'} @click=${() => void this.removeDay(day)}>
                ${this.busy === 'remove' ? t.t('list.removing') : t.t('list.confirmYes')}
              </button>
              <button part="button" type="button" class="button button--secondary button--small" @click=${() => this.cancelRemove(day)}>${ck(t.lang)['ck.cancel']}</button>
            </div>
          </div>
        </td>
      </tr>`;
  }

  private renderForm(): TemplateResult {
    const t = this.localize;
    const editing = this.editing;
    const prefix = t.t('error.prefix');
    const kindError = errorFor(this.errors, 'kind');
    const done = this.done?.where === 'form' ? this.done.message : '';
    return html`<section class="section" aria-labelledby="form-title">
      <div role="heading" aria-level=${this.level} class="heading" id="form-title">${editing ? t.t('form.editTitle', editing.name) : t.t('form.addTitle')}</div>
      <div id="form-summary">
        ${this.errors.length ? renderErrorSummary({ title: t.t('summary.title'), errors: this.errors, headingLevel: this.level + 1, root: () => this.shadowRoot }) : nothing}
        ${done ? html`<p class="done">${done}</p>` : nothing}
      </div>
      <form class="form-grid" novalidate @submit=${this.onSave} @input=${this.typed.onInput} @change=${this.onKind} aria-labelledby="form-title">
        ${editing
          ? html`<div part="field" class="field">
              <div part="label" class="label">${t.t('form.dateFixed')}</div>
              <div part="hint" class="hint">${t.t('form.dateFixedHint')}</div>
              <p class="fixed-date"><time datetime=${editing.date}>${this.day(editing.date)}</time></p>
            </div>`
          : textField({
              name: 'date',
              label: t.t('form.date'),
              hint: t.t('form.dateHint'),
              type: 'date',
              value: this.typed.value('date'),
              error: errorFor(this.errors, 'date'),
              errorPrefix: prefix,
              short: true,
            })}
        ${textField({
          name: 'name',
          label: t.t('form.name'),
          hint: t.t('form.nameHint'),
          value: this.typed.value('name', editing?.name ?? ''),
          autocomplete: 'off',
          error: errorFor(this.errors, 'name'),
          errorPrefix: prefix,
        })}
        <fieldset part="field" class=${kindError ? 'field group field--error' : 'field group'} id="kind" tabindex="-1" aria-describedby=${kindError ? 'kind-error' : nothing}>
          <legend part="label" class="legend">${t.t('form.kind')}</legend>
          ${renderFieldError({ name: 'kind', error: kindError, errorPrefix: prefix })}
          ${holidayKinds.map(
            (kind) => html`<div class="field">
              <div class="choice">
                <input
                  part="input"
                  class="checkbox"
                  type="radio"
                  id="kind-${kind}"
                  name="kind"
                  value=${kind}
                  .checked=${this.kind === kind}
                  aria-describedby="kind-${kind}-hint"
                />
                <label part="label" class="label" for="kind-${kind}">${t.t(`kind.${kind}`)}</label>
              </div>
              <div part="hint" class="hint choice-hint" id="kind-${kind}-hint">${t.t(`kind.${kind}Hint`)}</div>
            </div>`,
          )}
        </fieldset>
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy === 'save'}>
            ${this.busy === 'save' ? ck(t.lang)['ck.saving'] : editing ? t.t('form.save') : t.t('form.add')}
          </button>
          ${editing ? html`<button part="button" class="button button--secondary" type="button" @click=${this.onCancelEdit}>${ck(t.lang)['ck.cancel']}</button>` : nothing}
        </div>
      </form>
    </section>`;
  }
}
