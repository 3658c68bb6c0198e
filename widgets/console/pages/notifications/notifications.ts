/**
 * `<opd-console-notifications>`: one OPD's e-mails (console page `#/notifications`).
 *
 * @module
 */
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { mailStates, notificationEndpoints, type MailState, type NotificationView } from '../../../../src/schemas/notifications.js';
import { selectField } from '../../../shared/fields.js';
import { LocalizeController } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { ck, failureMessage, renderOutsideConsole } from '../../kit/failure.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { en } from './i18n/en.js';
import { id, type NotificationsMessages } from './i18n/id.js';

/**
 * The OPD's e-mails, newest first: what each is (question received, answered, the staff
 * reminder) and about which tracking code, to whom (the address masked), its state, its tries
 * and what the mail server said, when it is tried next; a filter by state (the failed and the
 * given-up ones first of all) and "send again" for a failed or dead e-mail.
 *
 * @summary The e-mails of an OPD and their delivery (staff console page).
 *
 * @csspart base - The page.
 * @csspart button - Every button.
 * @csspart input - The state filter.
 * @csspart label - The filter's label.
 * @csspart field - The filter's field.
 * @csspart notice - A notice (failure to load, outside a console).
 *
 * @cssprop --opd-font-size - The page's base size (default 16px; everything inside is in em).
 * @cssprop --opd-color-primary - Buttons and links.
 * @cssprop --opd-radius - Corner radius of fields, buttons and panels.
 */
export class OpdConsoleNotifications extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles];

  static override properties: PropertyDeclarations = {
    mails: { state: true, attribute: false },
    nextCursor: { state: true, attribute: false },
    state: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    note: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private mails: NotificationView[] | null = null;
  private nextCursor: string | null = null;
  /** The state shown; '' for every e-mail. */
  private state: MailState | '' = '';
  private loadError = '';
  private note = '';
  private busy = false;

  private readonly localize = new LocalizeController(this, { id, en });
  #opd = '';
  #session: unknown;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    const opd = this.context.opd?.slug ?? '';
    if (opd === this.#opd && this.context.session === this.#session) return;
    if (opd !== this.#opd) this.mails = null;
    this.#opd = opd;
    this.#session = this.context.session;
    if (opd) void this.load();
  }

  private get t() {
    return this.localize;
  }

  private async load(cursor?: string): Promise<void> {
    const opd = this.#opd;
    this.busy = true;
    try {
      const page = await this.context!.session.call(notificationEndpoints.list, {
        params: { opd },
        query: { ...(this.state ? { state: this.state } : {}), ...(cursor ? { cursor } : {}) },
        what: `the e-mails of ${opd}`,
      });
      if (opd !== this.#opd) return;
      this.mails = cursor ? [...(this.mails ?? []), ...page.data] : page.data;
      this.nextCursor = page.nextCursor;
      this.loadError = '';
    } catch (error) {
      if (opd === this.#opd) this.loadError = failureMessage(error, this.t);
    } finally {
      this.busy = false;
    }
  }

  private readonly onFilter = (event: SubmitEvent): void => {
    event.preventDefault();
    const value = new FormData(event.currentTarget as HTMLFormElement).get('state');
    this.state = (mailStates as readonly string[]).includes(String(value)) ? (value as MailState) : '';
    this.note = '';
    void this.load();
  };

  private async retry(mail: NotificationView): Promise<void> {
    this.busy = true;
    try {
      const next = await this.context!.session.call(notificationEndpoints.retry, { params: { opd: this.#opd, id: String(mail.id) }, what: 'the e-mail' });
      this.mails = (this.mails ?? []).map((m) => (m.id === mail.id ? next : m));
      this.note = this.t.t('mail.retried', mail.about ?? `#${mail.id}`);
    } catch (error) {
      this.note = failureMessage(error, this.t);
    } finally {
      this.busy = false;
    }
  }

  private when(at: string): string {
    return new Intl.DateTimeFormat(this.t.lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang} aria-busy=${this.busy ? 'true' : 'false'}>
      <p class="intro">${t.t('mail.intro')}</p>
      <section class="section">
        <div role="heading" aria-level=${this.level} class="heading" id="list-title">${t.t('mail.list')}</div>
        <form class="form-grid" @submit=${this.onFilter}>
          ${selectField({
            name: 'state',
            label: t.t('mail.filter'),
            value: this.state,
            placeholder: t.t('mail.filterAll'),
            options: mailStates.map((state) => ({ value: state, label: t.t(`state.${state}`) })),
            errorPrefix: '',
          })}
          <button part="button" type="submit" class="button button--secondary" ?disabled=${this.busy}>${t.t('mail.show')}</button>
        </form>
        <p role="status" class="note">${this.note}</p>
        ${this.renderList()}
      </section>
    </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const copy = ck(t.lang);
    if (this.loadError) return renderNotice({ message: this.loadError, action: { label: copy['ck.reload'], onClick: () => void this.load() } });
    if (this.mails === null) return html`<p class="muted">${copy['ck.loading']}</p>`;
    if (this.mails.length === 0) return html`<p class="muted">${t.t('mail.none')}</p>`;
    return html`<div class="table-box" tabindex="0" role="region" aria-labelledby="list-title">
        <table>
          <thead>
            <tr>
              <th scope="col" class="name">${t.t('mail.what')}</th>
              <th scope="col">${t.t('mail.to')}</th>
              <th scope="col">${t.t('mail.state')}</th>
              <th scope="col"><span class="visually-hidden">${t.t('mail.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.mails.map((mail) => this.renderRow(mail))}
          </tbody>
        </table>
      </div>
      ${this.nextCursor
        ? html`<div class="actions">
            <button part="button" type="button" class="button button--secondary" ?disabled=${this.busy} @click=${() => void this.load(this.nextCursor!)}>${t.t('mail.more')}</button>
          </div>`
        : nothing}`;
  }

  private renderRow(mail: NotificationView): TemplateResult {
    const t = this.t;
    const trouble = mail.state === 'failed' || mail.state === 'dead';
    return html`<tr>
      <td>
        ${t.lookup(`template.${mail.template}`) ?? mail.template}
        <span class="muted">${mail.about ? html`<code>${mail.about}</code> · ` : nothing}${this.when(mail.createdAt)} · ${mail.language.toUpperCase()}</span>
      </td>
      <td>${mail.recipient ?? html`<span class="muted">${t.t('mail.erased')}</span>`}</td>
      <td>
        <span class="tag ${mail.state === 'sent' ? '' : 'tag--warn'}">${t.t(`state.${mail.state}`)}</span>
        <span class="muted">${mail.sentAt ? `${this.when(mail.sentAt)} · ` : nothing}${t.t('mail.attempts')}: ${mail.attempts}${mail.nextAttemptAt ? html` · ${t.t('mail.next')} ${this.when(mail.nextAttemptAt)}` : nothing}</span>
        ${mail.lastError ? html`<span class="muted answer">${t.t('mail.problem')}: ${mail.lastError.slice(0, 160)}</span>` : nothing}
      </td>
      <td>
        ${trouble && mail.recipient
          ? html`<button part="button" type="button" class="button button--small" ?disabled=${this.busy} @click=${() => void this.retry(mail)}>${t.t('mail.retry')}</button>`
          : nothing}
      </td>
    </tr>`;
  }
}

/** The copy's keys, for the type check of lookups. */
export type { NotificationsMessages };
