/**
 * `<opd-siap-settings>`: SIAP's settings page in the staff console — the categories the
 * question form offers and the answer templates.
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../../../src/errors.js';
import {
  consultationEndpoints as endpoints,
  type AnswerTemplate,
  type ConsultationCategorySettings,
} from '../../../src/schemas/consultation-staff.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../console/kit/failure.js';
import { FormMemory, formValues, outcomeFieldError, renderFormOutcome, summaryErrors } from '../../console/kit/forms.js';
import { consolePageStyles } from '../../console/kit/page-styles.js';
import { ConsolePageElement } from '../../console/page.js';
import { focusTemporarily, type SummaryError } from '../../shared/error-summary.js';
import { textareaField, textField } from '../../shared/fields.js';
import { LocalizeController } from '../../shared/localize.js';
import { renderNotice } from '../../shared/notice.js';
import { controlStyles, themeStyles } from '../../shared/theme.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';

/** A category row being edited; `key` keeps its fields while rows move. */
interface CategoryRow {
  key: number;
  id: string;
  name: string;
  nameEn: string;
  /** How many consultations use it (0 for a new row). */
  consultations: number;
  /** True for a row the server does not have yet (its code may still change). */
  added: boolean;
}

/** A category code made from a name: `Aset Daerah` → `aset-daerah`. */
export function categoryCode(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** Which form a message belongs to. */
type Form = 'categories' | 'templates' | 'template-new';

/**
 * SIAP's settings for one OPD: the categories its question form offers, in order (OPD admins:
 * add, rename, reorder, remove — a category old questions use is archived, and can be offered
 * again), and the answer templates staff start answers from (any staff: add, change, delete).
 *
 * @summary SIAP's categories and answer templates (staff console page).
 */
export class OpdSiapSettings extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles];

  static override properties: PropertyDeclarations = {
    rows: { state: true, attribute: false },
    retired: { state: true, attribute: false },
    templates: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    done: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    editing: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
  };

  private rows: CategoryRow[] | null = null;
  private retired: ConsultationCategorySettings['retired'] = [];
  private templates: AnswerTemplate[] | null = null;
  private loadError = '';
  private errors: { form: Form; errors: SummaryError[] } | null = null;
  private done: { form: Form; message: string } | null = null;
  private busy: Form | '' = '';
  /** The template being changed, by id. */
  private editing = '';
  /** The template whose deletion is being asked about, by id. */
  private confirming = '';

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly typed = new FormMemory();
  #opd = '';
  #nextKey = 1;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    const opd = this.context.opd?.slug ?? '';
    if (opd === this.#opd) return;
    this.#opd = opd;
    this.rows = null;
    this.templates = null;
    this.errors = null;
    this.done = null;
    this.typed.forget();
    if (opd) void this.load();
  }

  /** OPD admins (their OPD) and regency admins change categories; the server says so too. */
  private get mayEditCategories(): boolean {
    const role = this.context?.user.role;
    return role === 'regency_admin' || role === 'opd_admin';
  }

  private async load(): Promise<void> {
    const opd = this.#opd;
    const session = this.context!.session;
    try {
      const [categories, templates] = await Promise.all([
        session.call(endpoints.getCategories, { params: { opd }, what: `the categories of ${opd}` }),
        session.call(endpoints.listTemplates, { params: { opd }, what: `the answer templates of ${opd}` }),
      ]);
      if (opd !== this.#opd) return;
      this.showCategories(categories);
      this.templates = templates.data;
      this.loadError = '';
    } catch (error) {
      if (opd === this.#opd) this.loadError = failureMessage(error, this.localize);
    }
  }

  private showCategories(settings: ConsultationCategorySettings): void {
    this.rows = settings.categories.map((category) => ({
      key: this.#nextKey++,
      id: category.id,
      name: category.name,
      nameEn: category.nameEn ?? '',
      consultations: category.consultations,
      added: false,
    }));
    this.retired = settings.retired;
  }

  private async afterError(form: Form, errors: SummaryError[]): Promise<void> {
    this.errors = { form, errors };
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  private announce(form: Form, message: string): void {
    this.errors = null;
    this.done = { form, message };
    this.context?.announce(message);
  }

  // --- Categories --------------------------------------------------------------------------

  private readonly onRowInput = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    const [, key, field] = /^cat-(\d+)-(id|name|nameEn)$/.exec(target.id) ?? [];
    if (!key || !field || !this.rows) return;
    this.rows = this.rows.map((row) => (row.key === Number(key) ? { ...row, [field]: target.value } : row));
  };

  private move(key: number, step: -1 | 1): void {
    if (!this.rows) return;
    const index = this.rows.findIndex((row) => row.key === key);
    const to = index + step;
    if (index < 0 || to < 0 || to >= this.rows.length) return;
    const rows = [...this.rows];
    [rows[index], rows[to]] = [rows[to]!, rows[index]!];
    this.rows = rows;
    // Focus stays with the row: on the same button, or the other one where that is now disabled (first or last).
    void this.updateComplete.then(() => {
      const same = this.renderRoot.querySelector<HTMLButtonElement>(`#cat-${key}-${step < 0 ? 'up' : 'down'}`);
      (same && !same.disabled ? same : this.renderRoot.querySelector<HTMLElement>(`#cat-${key}-${step < 0 ? 'down' : 'up'}`))?.focus();
    });
  }

  private removeRow(key: number): void {
    if (!this.rows) return;
    const index = this.rows.findIndex((row) => row.key === key);
    this.rows = this.rows.filter((row) => row.key !== key);
    void this.updateComplete.then(() => {
      const next = this.rows?.[Math.min(index, (this.rows?.length ?? 1) - 1)];
      this.renderRoot.querySelector<HTMLElement>(next ? `#cat-${next.key}-name` : '#cat-add')?.focus();
    });
  }

  private readonly addRow = (): void => {
    const key = this.#nextKey++;
    this.rows = [...(this.rows ?? []), { key, id: '', name: '', nameEn: '', consultations: 0, added: true }];
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#cat-${key}-name`)?.focus());
  };

  private restore(category: ConsultationCategorySettings['retired'][number]): void {
    this.retired = this.retired.filter((item) => item.id !== category.id);
    this.rows = [
      ...(this.rows ?? []),
      { key: this.#nextKey++, id: category.id, name: category.name, nameEn: category.nameEn ?? '', consultations: category.consultations, added: false },
    ];
  }

  private readonly onSaveCategories = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy || !this.rows || !this.context) return;
    const rows = this.rows.map((row) => ({ ...row, id: row.id.trim() || (row.added ? categoryCode(row.name) : row.id) }));
    this.rows = rows;
    this.busy = 'categories';
    this.done = null;
    try {
      const saved = await this.context.session.call(endpoints.setCategories, {
        params: { opd: this.#opd },
        body: { categories: rows.map((row) => ({ id: row.id, name: row.name, ...(row.nameEn.trim() || !row.added ? { nameEn: row.nameEn } : {}) })) },
        what: `the categories of ${this.#opd}`,
      });
      this.showCategories(saved);
      this.announce('categories', this.localize.t('categories.saved'));
    } catch (error) {
      await this.afterError('categories', this.categoryErrors(error, rows));
    } finally {
      this.busy = '';
    }
  };

  private categoryErrors(error: unknown, rows: CategoryRow[]): SummaryError[] {
    const t = this.localize;
    const fields = fieldErrorsOf(error);
    if (!fields) return [{ field: '', message: failureMessage(error, t) }];
    const order = rows.flatMap((row) => [`cat-${row.key}-id`, `cat-${row.key}-name`, `cat-${row.key}-nameEn`]);
    const renamed = fields.map((field) => {
      const match = /^categories\.(\d+)\.(id|name|nameEn)/.exec(field.path);
      const row = match ? rows[Number(match[1])] : undefined;
      return row ? { ...field, path: `cat-${row.key}-${match![2]}` } : { ...field, path: field.path.startsWith('categories') ? 'cat-add' : field.path };
    });
    return summaryErrors(renamed, [...order, 'cat-add'], (field, code) => {
      const part = /-(id|name|nameEn)$/.exec(field)?.[1];
      const index = rows.findIndex((row) => field.startsWith(`cat-${row.key}-`)) + 1;
      const base =
        part === 'id'
          ? t.lookup(`error.categoryId.${code}`) ?? t.t('error.categoryId.format')
          : part === 'name'
            ? t.t('error.categoryName.required')
            : part === 'nameEn'
              ? t.t('error.generic', t.t('categories.nameEn'))
              : (t.lookup(`error.categories.${code}`) ?? t.t('error.categories.required'));
      return part ? `${base} (${t.t('categories.rowLabel', t.t(part === 'id' ? 'categories.id' : part === 'name' ? 'categories.name' : 'categories.nameEn'), index)})` : base;
    });
  }

  // --- Templates -----------------------------------------------------------------------------

  private templateErrors(error: unknown, prefix: string): SummaryError[] {
    const t = this.localize;
    if (error instanceof ApiError && error.status === 409) return [{ field: `${prefix}title`, message: t.t('error.title.conflict') }];
    const fields = fieldErrorsOf(error);
    if (!fields) return [{ field: '', message: failureMessage(error, t) }];
    const renamed = fields.map((field) => ({ ...field, path: `${prefix}${field.path}` }));
    return summaryErrors(renamed, [`${prefix}title`, `${prefix}text`], (field, code) => {
      const name = field.slice(prefix.length);
      return t.lookup(`error.${name}.${code}`) ?? t.t('error.generic', name === 'title' ? t.t('templates.formTitle') : t.t('templates.formText'));
    });
  }

  private readonly onCreateTemplate = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.busy || !this.context) return;
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    this.busy = 'template-new';
    this.done = null;
    try {
      const created = await this.context.session.call(endpoints.createTemplate, {
        params: { opd: this.#opd },
        body: { title: values['new-title'] ?? '', text: values['new-text'] ?? '' },
        what: 'the new answer template',
      });
      form.reset();
      this.typed.forget('new-title', 'new-text');
      this.templates = [...(this.templates ?? []), created].sort((a, b) => a.title.localeCompare(b.title));
      this.announce('template-new', this.localize.t('templates.created', created.title));
    } catch (error) {
      await this.afterError('template-new', this.templateErrors(error, 'new-'));
    } finally {
      this.busy = '';
    }
  };

  private readonly onUpdateTemplate = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const templateId = this.editing;
    if (this.busy || !this.context || !templateId) return;
    const values = formValues(event.currentTarget as HTMLFormElement);
    this.busy = 'templates';
    this.done = null;
    try {
      const updated = await this.context.session.call(endpoints.updateTemplate, {
        params: { opd: this.#opd, templateId },
        body: { title: values['edit-title'] ?? '', text: values['edit-text'] ?? '' },
        what: 'the answer template',
      });
      this.templates = (this.templates ?? []).map((item) => (item.id === updated.id ? updated : item));
      this.editing = '';
      this.typed.forget('edit-title', 'edit-text');
      this.announce('templates', this.localize.t('templates.updated', updated.title));
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`#tpl-${CSS.escape(updated.id)}-edit`)?.focus();
    } catch (error) {
      await this.afterError('templates', this.templateErrors(error, 'edit-'));
    } finally {
      this.busy = '';
    }
  };

  private async deleteTemplate(template: AnswerTemplate): Promise<void> {
    if (this.busy || !this.context) return;
    this.busy = 'templates';
    this.done = null;
    try {
      await this.context.session.call(endpoints.deleteTemplate, { params: { opd: this.#opd, templateId: template.id }, what: 'the answer template' });
      this.templates = (this.templates ?? []).filter((item) => item.id !== template.id);
      this.confirming = '';
      this.announce('templates', this.localize.t('templates.deleted', template.title));
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#templates-title'));
    } catch (error) {
      await this.afterError('templates', [{ field: '', message: failureMessage(error, this.localize) }]);
    } finally {
      this.busy = '';
    }
  }

  private startEditing(template: AnswerTemplate): void {
    this.editing = template.id;
    this.confirming = '';
    this.typed.forget('edit-title', 'edit-text');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#edit-title')?.focus());
  }

  private stopEditing(template: AnswerTemplate): void {
    this.editing = '';
    this.errors = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tpl-${CSS.escape(template.id)}-edit`)?.focus());
  }

  // --- Rendering -----------------------------------------------------------------------------

  private summary(form: Form): TemplateResult {
    return renderFormOutcome({ errors: this.errors, done: this.done }, form, { title: this.localize.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot });
  }

  private fieldError(form: Form, field: string): string | undefined {
    return outcomeFieldError({ errors: this.errors, done: this.done }, form, field);
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    if (this.loadError && !this.rows) {
      return html`<div part="base" class="base" lang=${t.lang}>
        ${renderNotice({ message: this.loadError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.load(), look: 'secondary' } })}
      </div>`;
    }
    if (!this.rows || !this.templates) return html`<div part="base" class="base" lang=${t.lang}><p class="muted">${ck(t.lang)['ck.loading']}</p></div>`;
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderCategories(this.rows)} ${this.renderTemplates(this.templates)}</div>`;
  }

  private renderCategories(rows: CategoryRow[]): TemplateResult {
    const t = this.localize;
    const editable = this.mayEditCategories;
    const error = (row: CategoryRow, part: string) => this.fieldError('categories', `cat-${row.key}-${part}`);
    const input = (row: CategoryRow, part: 'id' | 'name' | 'nameEn', label: string, value: string, readonly = false) =>
      html`<input
        part="input"
        class="input"
        id="cat-${row.key}-${part}"
        aria-label=${t.t('categories.rowLabel', label, rows.indexOf(row) + 1)}
        aria-invalid=${error(row, part) ? 'true' : 'false'}
        .value=${value}
        ?readonly=${readonly}
        autocomplete="off"
        spellcheck=${part === 'id' ? 'false' : 'true'}
      />`;
    return html`<section class="section" aria-labelledby="categories-title">
      <div role="heading" aria-level=${this.level} class="heading" id="categories-title">${t.t('categories.title')}</div>
      <p class="intro">${t.t('categories.intro')}</p>
      ${editable ? nothing : html`<p class="muted intro">${t.t('categories.readOnly')}</p>`}
      ${this.summary('categories')}
      <form novalidate @submit=${this.onSaveCategories} @input=${this.onRowInput} aria-labelledby="categories-title">
        ${rows.length === 0
          ? renderNotice({ message: t.t('categories.none'), tone: 'warning' })
          : html`<div class="table-box" role="region" tabindex="0" aria-labelledby="categories-caption">
              <table class="edit-table">
                <caption id="categories-caption">${t.t('categories.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">${t.t('categories.name')}</th>
                    <th scope="col">${t.t('categories.nameEn')}</th>
                    <th scope="col">${t.t('categories.id')}</th>
                    <th scope="col" class="number">${t.t('categories.used')}</th>
                    ${editable ? html`<th scope="col">${t.t('categories.actions')}</th>` : nothing}
                  </tr>
                </thead>
                <tbody>
                  ${repeat(
                    rows,
                    (row) => row.key,
                    (row, index) => html`<tr>
                      ${editable
                        ? html`<td>${input(row, 'name', t.t('categories.name'), row.name)}</td>
                            <td>${input(row, 'nameEn', t.t('categories.nameEn'), row.nameEn)}</td>
                            <td>${input(row, 'id', t.t('categories.id'), row.id, !row.added)}</td>`
                        : html`<th scope="row">${row.name}</th>
                            <td>${row.nameEn || '—'}</td>
                            <td><code>${row.id}</code></td>`}
                      <td class="number">${t.t('categories.usedCount', row.consultations)}</td>
                      ${editable
                        ? html`<td>
                            <div class="row-actions">
                              <button part="button" type="button" class="button button--secondary button--small" id="cat-${row.key}-up" ?disabled=${index === 0} aria-label=${t.t('categories.up', row.name || row.id)} @click=${() => this.move(row.key, -1)}>↑</button>
                              <button part="button" type="button" class="button button--secondary button--small" id="cat-${row.key}-down" ?disabled=${index === rows.length - 1} aria-label=${t.t('categories.down', row.name || row.id)} @click=${() => this.move(row.key, 1)}>↓</button>
                              <button part="button" type="button" class="button button--secondary button--small" aria-label=${t.t('categories.remove', row.name || row.id)} @click=${() => this.removeRow(row.key)}>${t.t('categories.removeShort')}</button>
                            </div>
                          </td>`
                        : nothing}
                    </tr>`,
                  )}
                </tbody>
              </table>
            </div>`}
        ${editable
          ? html`<div class="actions">
              <button part="button" type="button" class="button button--secondary" id="cat-add" @click=${this.addRow}>${t.t('categories.add')}</button>
              <button part="button" type="submit" class="button" ?disabled=${this.busy === 'categories'}>${this.busy === 'categories' ? ck(t.lang)['ck.saving'] : t.t('categories.save')}</button>
            </div>`
          : nothing}
      </form>
      ${this.retired.length
        ? html`<div role="heading" aria-level=${this.level + 1} class="heading heading--small">${t.t('categories.retired')}</div>
            <ul class="plain-list">
              ${this.retired.map(
                (category) => html`<li>
                  ${category.name} <span class="muted inline">(${category.id}, ${t.t('categories.usedCount', category.consultations)})</span>
                  ${editable ? html`<button part="button" type="button" class="link-button" @click=${() => this.restore(category)}>${t.t('categories.restore', category.name)}</button>` : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
    </section>`;
  }

  private renderTemplates(templates: AnswerTemplate[]): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    return html`<section class="section" aria-labelledby="templates-title">
      <div role="heading" aria-level=${this.level} class="heading" id="templates-title">${t.t('templates.title')}</div>
      <p class="intro">${t.t('templates.intro')}</p>
      ${this.summary('templates')}
      ${templates.length === 0 ? html`<p class="muted">${t.t('templates.none')}</p>` : nothing}
      <ul class="plain-list templates">
        ${repeat(
          templates,
          (template) => template.id,
          (template) => html`<li class="template">
            ${this.editing === template.id
              ? html`<form novalidate @submit=${this.onUpdateTemplate} @input=${this.typed.onInput} aria-label=${t.t('templates.edit', template.title)}>
                  ${textField({ name: 'edit-title', label: t.t('templates.formTitle'), value: this.typed.value('edit-title', template.title), autocomplete: 'off', error: this.fieldError('templates', 'edit-title'), errorPrefix: prefix })}
                  ${textareaField({ name: 'edit-text', label: t.t('templates.formText'), value: this.typed.value('edit-text', template.text), rows: 6, error: this.fieldError('templates', 'edit-text'), errorPrefix: prefix })}
                  <div class="actions">
                    <button part="button" class="button" type="submit" ?disabled=${this.busy === 'templates'}>${t.t('templates.update')}</button>
                    <button part="button" class="button button--secondary" type="button" @click=${() => this.stopEditing(template)}>${ck(t.lang)['ck.cancel']}</button>
                  </div>
                </form>`
              : html`<div class="template-title">${template.title}</div>
                  <div class="template-text">${template.text}</div>
                  ${template.updatedBy ? html`<p class="muted">${t.t('templates.by', template.updatedBy, t.dateTime(template.updatedAt))}</p>` : nothing}
                  ${this.confirming === template.id
                    ? html`<div class="confirm" id="tpl-${template.id}-confirm" role="group" aria-label=${template.title}>
                        <p>${t.t('templates.confirmDelete', template.title)}</p>
                        <div class="row-actions">
                          <button part="button" type="button" class="button button--small" @click=${() => void this.deleteTemplate(template)}>${t.t('templates.confirmYes')}</button>
                          <button part="button" type="button" class="button button--secondary button--small" @click=${() => (this.confirming = '')}>${ck(t.lang)['ck.cancel']}</button>
                        </div>
                      </div>`
                    : html`<div class="row-actions">
                        <button part="button" type="button" class="button button--secondary button--small" id="tpl-${template.id}-edit" aria-label=${t.t('templates.edit', template.title)} @click=${() => this.startEditing(template)}>
                          ${t.t('templates.editShort')}
                        </button>
                        <button part="button" type="button" class="button button--secondary button--small" aria-label=${t.t('templates.delete', template.title)} @click=${() => {
                          this.confirming = template.id;
                          void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#tpl-${CSS.escape(template.id)}-confirm`)));
                        }}>
                          ${t.t('templates.deleteShort')}
                        </button>
                      </div>`}`}
          </li>`,
        )}
      </ul>
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="template-new-title">${t.t('templates.add')}</div>
      ${this.summary('template-new')}
      <form class="form-grid" novalidate @submit=${this.onCreateTemplate} @input=${this.typed.onInput} aria-labelledby="template-new-title">
        ${textField({ name: 'new-title', label: t.t('templates.formTitle'), value: this.typed.value('new-title'), autocomplete: 'off', error: this.fieldError('template-new', 'new-title'), errorPrefix: prefix })}
        ${textareaField({ name: 'new-text', label: t.t('templates.formText'), value: this.typed.value('new-text'), rows: 6, error: this.fieldError('template-new', 'new-text'), errorPrefix: prefix })}
        <button part="button" class="button" type="submit" ?disabled=${this.busy === 'template-new'}>${t.t('templates.create')}</button>
      </form>
    </section>`;
  }
}
