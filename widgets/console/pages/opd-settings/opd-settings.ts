/**
 * `<opd-console-opd>`: one OPD's profile, modules, and users and roles (console page `#/opd`).
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { ApiError } from '../../../../src/errors.js';
import { accountEndpoints, type StaffUser } from '../../../../src/schemas/accounts.js';
import { opdAdminEndpoints, type OpdSettings } from '../../../../src/schemas/opd-admin.js';
import { copyText } from '../../../shared/clipboard.js';
import { focusTemporarily, type SummaryError } from '../../../shared/error-summary.js';
import { renderFieldError, textareaField, textField } from '../../../shared/fields.js';
import { LocalizeController } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../kit/failure.js';
import { FormMemory, formValues, outcomeFieldError, renderFormOutcome, summaryErrors } from '../../kit/forms.js';
import { checkedModules, moduleChecks, originLines } from '../../kit/module-checks.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';

/** The forms of the page, each with its own error summary and message. */
type Form = 'profile' | 'modules' | 'add' | 'users';

/**
 * One OPD as its admins run it: its names and allowed website origins (`PATCH /api/v1/opds/{opd}`),
 * its modules (`PUT …/modules`, regency admins), and its users: the list, adding one (its
 * one-time password shown once, with a copy button), disabling and enabling, the role, and a
 * new one-time password. Regency admins (any OPD) and OPD admins (their own).
 *
 * @summary One OPD's settings, modules and users (staff console page).
 */
export class OpdConsoleOpd extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles];

  static override properties: PropertyDeclarations = {
    settings: { state: true, attribute: false },
    settingsError: { state: true, attribute: false },
    users: { state: true, attribute: false },
    usersError: { state: true, attribute: false },
    errors: { state: true, attribute: false },
    done: { state: true, attribute: false },
    busy: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    secret: { state: true, attribute: false },
    copied: { state: true, attribute: false },
  };

  private settings: OpdSettings | null = null;
  private settingsError = '';
  private users: StaffUser[] | null = null;
  private usersError = '';
  private errors: { form: Form; errors: SummaryError[] } | null = null;
  private done: { form: Form; message: string } | null = null;
  private busy: Form | '' = '';
  private confirming: { userId: string; action: 'disable' | 'reset' } | null = null;
  private secret: { name: string; password: string } | null = null;
  private copied: '' | 'yes' | 'no' = '';

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly typed = new FormMemory();
  #opd = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    const opd = this.context.opd?.slug ?? '';
    if (opd === this.#opd) return;
    this.#opd = opd;
    this.typed.forget();
    this.settings = null;
    this.users = null;
    this.errors = null;
    this.done = null;
    this.secret = null;
    this.confirming = null;
    if (opd) void this.load();
  }

  private get isRegencyAdmin(): boolean {
    return this.context?.user.role === 'regency_admin';
  }

  private async load(): Promise<void> {
    const opd = this.#opd;
    const session = this.context!.session;
    const [settings, users] = await Promise.allSettled([
      session.call(opdAdminEndpoints.getSettings, { params: { opd }, what: `the settings of ${opd}` }),
      this.readUsers(opd),
    ]);
    if (opd !== this.#opd) return;
    if (settings.status === 'fulfilled') this.settings = settings.value;
    else this.settingsError = failureMessage(settings.reason, this.localize);
    if (users.status === 'fulfilled') this.users = users.value;
    else this.usersError = failureMessage(users.reason, this.localize);
  }

  private async readUsers(opd: string): Promise<StaffUser[]> {
    const users: StaffUser[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.context!.session.call(accountEndpoints.listOpdUsers, {
        params: { opd },
        query: { limit: 100, ...(cursor ? { cursor } : {}) },
        what: `the users of ${opd}`,
      });
      users.push(...page.data);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && users.length < 1000);
    return users;
  }

  /** Runs one change: the form's error summary on failure (focused), its message on success (announced). */
  private async run<T>(
    form: Form,
    change: () => Promise<T>,
    success: (result: T) => string,
    order: readonly string[] = [],
    paths: Readonly<Record<string, string>> = {},
  ): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = form;
    this.errors = null;
    this.done = null;
    try {
      const result = await change();
      const message = success(result);
      this.done = { form, message };
      this.context?.announce(message);
      return result;
    } catch (error) {
      this.errors = { form, errors: this.readErrors(form, error, order, paths) };
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
      return undefined;
    } finally {
      this.busy = '';
    }
  }

  private readErrors(form: Form, error: unknown, order: readonly string[], paths: Readonly<Record<string, string>>): SummaryError[] {
    const t = this.localize;
    const labels: Record<string, string> = {
      name: t.t('profile.name'),
      nameEn: t.t('profile.nameEn'),
      allowedOrigins: t.t('profile.origins'),
      userName: t.t('add.name'),
      userEmail: t.t('add.email'),
      userRole: t.t('add.role'),
    };
    const fields = fieldErrorsOf(error)?.map((field) => ({ ...field, path: paths[field.path.split('.')[0] ?? ''] ?? field.path }));
    if (fields && form !== 'users') {
      return summaryErrors(fields, order, (field, code) => t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', labels[field] ?? field));
    }
    if (form === 'add' && error instanceof ApiError && error.status === 409) return [{ field: 'userEmail', message: t.t('error.conflict.email') }];
    return [{ field: '', message: failureMessage(error, t) }];
  }

  private readonly onProfile = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const values = formValues(event.currentTarget as HTMLFormElement);
    const updated = await this.run(
      'profile',
      () =>
        this.context!.session.call(opdAdminEndpoints.update, {
          params: { opd: this.#opd },
          body: { name: values.name ?? '', nameEn: values.nameEn ?? '', allowedOrigins: originLines(values.allowedOrigins ?? '') },
          what: `the profile of ${this.#opd}`,
        }),
      () => this.localize.t('profile.done'),
      ['name', 'nameEn', 'allowedOrigins'],
    );
    if (updated) {
      this.typed.forget('name', 'nameEn', 'allowedOrigins');
      this.settings = updated;
      void this.context?.refreshOpds();
    }
  };

  private readonly onModules = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const modules = checkedModules(event.currentTarget as HTMLFormElement);
    const updated = await this.run(
      'modules',
      () => this.context!.session.call(opdAdminEndpoints.setModules, { params: { opd: this.#opd }, body: { modules }, what: `the modules of ${this.#opd}` }),
      () => this.localize.t('modules.done'),
    );
    if (updated) {
      this.settings = updated;
      void this.context?.refreshOpds();
    }
  };

  private readonly onAdd = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const created = await this.run(
      'add',
      () =>
        this.context!.session.call(accountEndpoints.createOpdUser, {
          params: { opd: this.#opd },
          body: { name: values.userName ?? '', email: values.userEmail ?? '', role: (values.userRole ?? 'opd_staff') as 'opd_staff' },
          what: 'the new user',
        }),
      (result) => this.localize.t('secret.title', result.user.name),
      ['userName', 'userEmail', 'userRole'],
      { name: 'userName', email: 'userEmail', role: 'userRole' },
    );
    if (created) {
      form.reset();
      this.typed.forget('userName', 'userEmail');
      this.users = [...(this.users ?? []), created.user];
      this.showSecret(created.user.name, created.oneTimePassword);
    }
  };

  private async showSecret(name: string, password: string): Promise<void> {
    this.done = null;
    this.secret = { name, password };
    this.copied = '';
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#secret-title'));
  }

  private readonly onCopy = async (): Promise<void> => {
    if (!this.secret || !this.shadowRoot) return;
    const ok = await copyText(this.secret.password, this.shadowRoot, this.renderRoot.querySelector('#secret-value'));
    this.copied = ok ? 'yes' : 'no';
  };

  private readonly onDismissSecret = (): void => {
    this.secret = null;
    void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#users-title')));
  };

  private async updateUser(user: StaffUser, body: { disabled?: boolean; role?: 'opd_admin' | 'opd_staff' }, message: (u: StaffUser) => string): Promise<void> {
    this.confirming = null;
    const updated = await this.run(
      'users',
      () => this.context!.session.call(accountEndpoints.updateOpdUser, { params: { opd: this.#opd, userId: user.id }, body, what: `the user ${user.email}` }),
      message,
    );
    if (updated) this.users = (this.users ?? []).map((item) => (item.id === updated.id ? updated : item));
  }

  private async resetPassword(user: StaffUser): Promise<void> {
    this.confirming = null;
    const reset = await this.run(
      'users',
      () => this.context!.session.call(accountEndpoints.resetOpdUserPassword, { params: { opd: this.#opd, userId: user.id }, what: `a new password for ${user.email}` }),
      (result) => this.localize.t('secret.title', result.user.name),
    );
    if (reset) {
      this.users = (this.users ?? []).map((item) => (item.id === reset.user.id ? reset.user : item));
      void this.showSecret(reset.user.name, reset.oneTimePassword);
    }
  }

  private confirm(user: StaffUser, action: 'disable' | 'reset'): void {
    this.confirming = { userId: user.id, action };
    void this.updateComplete.then(() => focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#confirm-${CSS.escape(user.id)}`)));
  }

  private cancelConfirm(user: StaffUser): void {
    this.confirming = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#actions-${CSS.escape(user.id)} button`)?.focus());
  }

  private summary(form: Form): TemplateResult {
    return renderFormOutcome({ errors: this.errors, done: this.done }, form, { title: this.localize.t('summary.title'), headingLevel: this.level + 1, root: () => this.shadowRoot });
  }

  private fieldError(form: Form, field: string): string | undefined {
    return outcomeFieldError({ errors: this.errors, done: this.done }, form, field);
  }

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang}>${this.renderProfile()} ${this.renderModules()} ${this.renderUsers()} ${this.renderAdd()}</div>`;
  }

  private renderProfile(): TemplateResult {
    const t = this.localize;
    const s = this.settings;
    const heading = html`<div role="heading" aria-level=${this.level} class="heading" id="profile-title">${t.t('profile.title')}</div>`;
    if (!s) {
      return html`<section class="section" aria-labelledby="profile-title">${heading}
        ${this.settingsError ? renderNotice({ message: this.settingsError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.load(), look: 'secondary' } }) : html`<p class="muted">${t.t('profile.loading')}</p>`}
      </section>`;
    }
    const prefix = t.t('error.prefix');
    return html`<section class="section" aria-labelledby="profile-title">
      ${heading}
      <p class="muted intro">${t.t('profile.slug')}: <code>${s.slug}</code> · ${t.t('profile.created')} ${t.date(s.createdAt)}</p>
      ${this.summary('profile')}
      <form class="form-grid" novalidate @submit=${this.onProfile} @input=${this.typed.onInput} aria-labelledby="profile-title">
        ${textField({ name: 'name', label: t.t('profile.name'), value: this.typed.value('name', s.name), autocomplete: 'off', error: this.fieldError('profile', 'name'), errorPrefix: prefix })}
        ${textField({ name: 'nameEn', label: t.t('profile.nameEn'), hint: t.t('profile.nameEnHint'), value: this.typed.value('nameEn', s.nameEn ?? ''), autocomplete: 'off', error: this.fieldError('profile', 'nameEn'), errorPrefix: prefix })}
        ${textareaField({ name: 'allowedOrigins', label: t.t('profile.origins'), hint: t.t('profile.originsHint'), value: this.typed.value('allowedOrigins', s.allowedOrigins.join('\n')), rows: 3, error: this.fieldError('profile', 'allowedOrigins'), errorPrefix: prefix })}
        <button part="button" class="button" type="submit" ?disabled=${this.busy === 'profile'}>${this.busy === 'profile' ? ck(t.lang)['ck.saving'] : t.t('profile.submit')}</button>
      </form>
    </section>`;
  }

  private renderModules(): TemplateResult | typeof nothing {
    const t = this.localize;
    const s = this.settings;
    if (!s) return nothing;
    const editable = this.isRegencyAdmin;
    return html`<section class="section" aria-labelledby="modules-title">
      <div role="heading" aria-level=${this.level} class="heading" id="modules-title">${t.t('modules.title')}</div>
      ${this.summary('modules')}
      <form novalidate @submit=${this.onModules} aria-labelledby="modules-title">
        ${moduleChecks({ prefix: 'opd', legend: t.t('modules.legend'), checked: s.modules, lang: t.lang, disabled: !editable, hint: editable ? t.t('modules.hint') : t.t('modules.readOnly') })}
        ${editable
          ? html`<button part="button" class="button" type="submit" ?disabled=${this.busy === 'modules'}>${this.busy === 'modules' ? ck(t.lang)['ck.saving'] : t.t('modules.submit')}</button>`
          : nothing}
      </form>
    </section>`;
  }

  private renderUsers(): TemplateResult {
    const t = this.localize;
    const users = this.users;
    const heading = html`<div role="heading" aria-level=${this.level} class="heading" id="users-title">${t.t('users.title')}</div>`;
    let body: TemplateResult;
    if (!users) {
      body = this.usersError
        ? renderNotice({ message: this.usersError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.load(), look: 'secondary' } })
        : html`<p class="muted">${t.t('users.loading')}</p>`;
    } else if (users.length === 0) {
      body = html`<p class="muted">${t.t('users.none')}</p>`;
    } else {
      body = html`<div class="table-box" tabindex="0" role="region" aria-labelledby="users-caption">
        <table>
          <caption id="users-caption">${t.t('users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t.t('users.name')}</th>
              <th scope="col">${t.t('users.email')}</th>
              <th scope="col">${t.t('users.role')}</th>
              <th scope="col">${t.t('users.state')}</th>
              <th scope="col">${t.t('users.lastSignIn')}</th>
              <th scope="col">${t.t('users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            ${users.map((user) => this.renderUser(user))}
          </tbody>
        </table>
      </div>`;
    }
    return html`<section class="section" aria-labelledby="users-title">
      ${heading} ${this.renderSecret()} ${this.summary('users')} ${body}
    </section>`;
  }

  private renderUser(user: StaffUser): TemplateResult {
    const t = this.localize;
    const copy = ck(t.lang);
    const me = user.id === this.context?.user.id;
    const state = user.disabled ? t.t('users.disabled') : user.mustChangePassword ? t.t('users.mustChange') : t.t('users.active');
    const confirming = this.confirming?.userId === user.id ? this.confirming.action : null;
    let actions: TemplateResult;
    if (me) {
      actions = html`<span class="muted">—</span>`;
    } else if (!this.isRegencyAdmin && user.role !== 'opd_staff') {
      // Another OPD admin's account is the regency admin's to change (the server refuses it too).
      actions = html`<span class="muted">${t.t('users.regencyOnly')}</span>`;
    } else if (confirming) {
      actions = html`<div class="confirm" id="confirm-${user.id}" role="group" aria-label=${user.name}>
        <p>${confirming === 'disable' ? t.t('users.confirmDisable', user.name) : t.t('users.confirmReset', user.name)}</p>
        <div class="row-actions">
          <button part="button" type="button" class="button button--small" @click=${() => (confirming === 'disable' ? void this.updateUser(user, { disabled: true }, (u) => t.t('users.disabledDone', u.name)) : void this.resetPassword(user))}>
            ${confirming === 'disable' ? t.t('users.confirmDisableYes') : t.t('users.confirmResetYes')}
          </button>
          <button part="button" type="button" class="button button--secondary button--small" @click=${() => this.cancelConfirm(user)}>${copy['ck.cancel']}</button>
        </div>
      </div>`;
    } else {
      const otherRole = user.role === 'opd_admin' ? 'opd_staff' : 'opd_admin';
      actions = html`<div class="row-actions" id="actions-${user.id}">
        ${user.disabled
          ? html`<button part="button" type="button" class="button button--secondary button--small" @click=${() => void this.updateUser(user, { disabled: false }, (u) => t.t('users.enabledDone', u.name))}>${t.t('users.enable')}</button>`
          : html`<button part="button" type="button" class="button button--secondary button--small" @click=${() => this.confirm(user, 'disable')}>${t.t('users.disable')}</button>
              <button part="button" type="button" class="button button--secondary button--small" @click=${() => this.confirm(user, 'reset')}>${t.t('users.reset')}</button>`}
        ${user.role === 'regency_admin' || !this.isRegencyAdmin
          ? nothing
          : html`<button part="button" type="button" class="button button--secondary button--small" @click=${() => void this.updateUser(user, { role: otherRole }, (u) => t.t('users.roleDone', u.name, copy[`ck.role.${u.role}`]))}>
              ${otherRole === 'opd_admin' ? t.t('users.makeAdmin') : t.t('users.makeStaff')}
            </button>`}
      </div>`;
    }
    return html`<tr>
      <th scope="row">${user.name} ${me ? html`<span class="muted">${t.t('users.you')}</span>` : nothing}</th>
      <td>${user.email}</td>
      <td>${copy[`ck.role.${user.role}`]}</td>
      <td><span class=${user.disabled ? 'tag tag--off' : user.mustChangePassword ? 'tag tag--warn' : 'tag'}>${state}</span></td>
      <td>${user.lastSignInAt ? t.dateTime(user.lastSignInAt) : t.t('users.never')}</td>
      <td>${actions}</td>
    </tr>`;
  }

  private renderSecret(): TemplateResult | typeof nothing {
    const t = this.localize;
    const secret = this.secret;
    if (!secret) return nothing;
    const copy = ck(t.lang);
    return html`<div class="secret-panel" role="region" aria-labelledby="secret-title">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="secret-title">${t.t('secret.title', secret.name)}</div>
      <p>${t.t('secret.intro')}</p>
      <p>
        <span class="visually-hidden">${t.t('secret.label')}:</span>
        <code class="secret" id="secret-value">${secret.password}</code>
        <button part="button" type="button" class="button button--small" @click=${this.onCopy}>${copy['ck.copy']}</button>
      </p>
      <p role="status">${this.copied === 'yes' ? copy['ck.copied'] : this.copied === 'no' ? copy['ck.copyFailed'] : ''}</p>
      <button part="button" type="button" class="button button--secondary button--small" @click=${this.onDismissSecret}>${t.t('secret.dismiss')}</button>
    </div>`;
  }

  private renderAdd(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    const roleError = this.fieldError('add', 'userRole');
    return html`<section class="section" aria-labelledby="add-title">
      <div role="heading" aria-level=${this.level} class="heading" id="add-title">${t.t('add.title')}</div>
      ${this.summary('add')}
      <form class="form-grid" novalidate @submit=${this.onAdd} @input=${this.typed.onInput} aria-labelledby="add-title">
        ${textField({ name: 'userName', label: t.t('add.name'), value: this.typed.value('userName'), autocomplete: 'off', error: this.fieldError('add', 'userName'), errorPrefix: prefix })}
        ${textField({
          name: 'userEmail',
          label: t.t('add.email'),
          hint: t.t('add.emailHint'),
          type: 'email',
          value: this.typed.value('userEmail'),
          autocomplete: 'off',
          spellcheck: false,
          autocapitalize: 'none',
          error: this.fieldError('add', 'userEmail'),
          errorPrefix: prefix,
        })}
        ${this.isRegencyAdmin
          ? html`<fieldset part="field" class=${roleError ? 'field group field--error' : 'field group'} id="userRole" tabindex="-1" aria-describedby=${roleError ? 'userRole-error' : ''}>
          <legend part="label" class="legend">${t.t('add.role')}</legend>
          ${renderFieldError({ name: 'userRole', error: roleError, errorPrefix: prefix })}
          ${(['opd_staff', 'opd_admin'] as const).map(
            (role) => html`<div class="field">
              <div class="choice">
                <input part="input" class="checkbox" type="radio" id="userRole-${role}" name="userRole" value=${role} ?checked=${role === 'opd_staff'} />
                <label part="label" class="label" for="userRole-${role}">${role === 'opd_staff' ? t.t('add.roleStaff') : t.t('add.roleAdmin')}</label>
              </div>
            </div>`,
          )}
        </fieldset>`
          : html`<p class="muted">${t.t('add.staffOnly')}</p>`}
        <button part="button" class="button" type="submit" ?disabled=${this.busy === 'add'}>${this.busy === 'add' ? t.t('add.sending') : t.t('add.submit')}</button>
      </form>
    </section>`;
  }
}
