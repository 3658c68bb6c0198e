/**
 * `<opd-console-webhooks>`: one OPD's webhooks (console page `#/webhooks`).
 *
 * @module
 */
import { css, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import {
  subscribableTopics,
  webhookEndpoints,
  type WebhookDeliveryView,
  type WebhookSubscription,
} from '../../../../src/schemas/webhooks.js';
import { copyText } from '../../../shared/clipboard.js';
import { focusTemporarily, type SummaryError } from '../../../shared/error-summary.js';
import { checkboxField, fieldGroup, textField } from '../../../shared/fields.js';
import { LocalizeController } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../kit/failure.js';
import { FormMemory, formValues, renderFormOutcome, summaryErrors, type FormOutcome } from '../../kit/forms.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { en } from './i18n/en.js';
import { id, type WebhooksMessages } from './i18n/id.js';

/** The add form's fields, in the order of its error summary. */
const FIELDS = ['url', 'description', 'topics'] as const;

/** The log of one webhook. */
interface Log {
  hook: WebhookSubscription;
  deliveries: WebhookDeliveryView[];
  nextCursor: string | null;
}

/**
 * An OPD admin's webhooks: the receivers with their topics, on or off and how the last
 * delivery went; adding one (address, description, topics or all) shows its secret once with
 * a copy button; "send test" says how the receiver answered; a new secret; removing; and the
 * delivery log of one webhook (state, attempts, the receiver's status and answer, the next
 * try) with "send again" for a failed or dead delivery.
 *
 * @summary The webhooks of an OPD (staff console page).
 *
 * @csspart base - The page.
 * @csspart button - Every button.
 * @csspart input - Every text field and checkbox.
 * @csspart label - Every label.
 * @csspart field - Every field.
 * @csspart hint - Field hints.
 * @csspart error-summary - The add form's error summary.
 * @csspart notice - A notice (failure to load, outside a console).
 *
 * @cssprop --opd-font-size - The page's base size (default 16px; everything inside is in em).
 * @cssprop --opd-color-primary - Buttons and links.
 * @cssprop --opd-radius - Corner radius of fields, buttons and panels.
 */
export class OpdConsoleWebhooks extends ConsolePageElement {
  static override styles = [
    themeStyles,
    controlStyles,
    consolePageStyles,
    // Receivers' addresses are long and unbroken: they wrap anywhere rather than run out of a phone's width.
    css`
      .url, .secret-panel .muted, #log-title, .answer { overflow-wrap: anywhere }
      td .url { display: block; min-width: 12em }
      .note { margin: 0.25em 0 0 }
    `,
  ];

  static override properties: PropertyDeclarations = {
    hooks: { state: true, attribute: false },
    loadError: { state: true, attribute: false },
    outcome: { state: true, attribute: false },
    allTopics: { state: true, attribute: false },
    secret: { state: true, attribute: false },
    copied: { state: true, attribute: false },
    notes: { state: true, attribute: false },
    removing: { state: true, attribute: false },
    log: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private hooks: WebhookSubscription[] | null = null;
  private loadError = '';
  private outcome: FormOutcome<'add' | 'list'> = { errors: null, done: null };
  private allTopics = true;
  private secret: { url: string; secret: string } | null = null;
  private copied: '' | 'yes' | 'no' = '';
  /** What the last action on a webhook said, by its id ("send test" results). */
  private notes: Record<string, string> = {};
  private removing = '';
  private log: Log | null = null;
  private busy = false;

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly typed = new FormMemory();
  #opd = '';
  #session: unknown;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('context') || !this.context) return;
    const opd = this.context.opd?.slug ?? '';
    if (opd === this.#opd && this.context.session === this.#session) return;
    if (opd !== this.#opd) {
      this.hooks = null;
      this.log = null;
      this.secret = null;
      this.notes = {};
    }
    this.#opd = opd;
    this.#session = this.context.session;
    if (opd) void this.load();
  }

  private get t() {
    return this.localize;
  }

  private call<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    this.busy = true;
    return run()
      .then((value) => ({ ok: true as const, value }))
      .catch((error: unknown) => ({ ok: false as const, error }))
      .finally(() => {
        this.busy = false;
      });
  }

  private async load(): Promise<void> {
    const opd = this.#opd;
    const result = await this.call(() => this.context!.session.call(webhookEndpoints.list, { params: { opd }, what: `the webhooks of ${opd}` }));
    if (opd !== this.#opd) return;
    if (result.ok) {
      this.hooks = result.value.data;
      this.loadError = '';
    } else this.loadError = failureMessage(result.error, this.t);
  }

  private readErrors(error: unknown): SummaryError[] {
    const t = this.t;
    const fields = fieldErrorsOf(error);
    if (!fields) return [{ field: '', message: failureMessage(error, t) }];
    return summaryErrors(fields, FIELDS, (field, code) => t.lookup(`error.${field}.${code}`) ?? t.lookup(`error.${field}.invalid`) ?? t.t('error.generic', field));
  }

  private readonly onAdd = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const values = formValues(form);
    const topics = this.allTopics ? null : subscribableTopics.filter((topic) => values[`topic-${topic}`] === 'on');
    const body = { url: (values.url ?? '').trim(), description: values.description ?? '', topics };
    const result = await this.call(() => this.context!.session.call(webhookEndpoints.create, { params: { opd: this.#opd }, body, what: 'the new webhook' }));
    if (!result.ok) {
      this.outcome = { errors: { form: 'add', errors: this.readErrors(result.error) }, done: null };
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#add-summary .error-summary'));
      return;
    }
    const { secret, ...hook } = result.value;
    form.reset();
    this.typed.forget();
    this.allTopics = true;
    this.outcome = { errors: null, done: null };
    this.hooks = [...(this.hooks ?? []), hook];
    await this.showSecret(hook.url, secret);
  };

  private async showSecret(url: string, secret: string): Promise<void> {
    this.secret = { url, secret };
    this.copied = '';
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#secret-title'));
  }

  private readonly onCopy = async (): Promise<void> => {
    if (!this.secret || !this.shadowRoot) return;
    this.copied = (await copyText(this.secret.secret, this.shadowRoot, this.renderRoot.querySelector('#secret-value'))) ? 'yes' : 'no';
  };

  private note(hook: WebhookSubscription, message: string): void {
    this.notes = { ...this.notes, [hook.id]: message };
  }

  private async test(hook: WebhookSubscription): Promise<void> {
    const result = await this.call(() => this.context!.session.call(webhookEndpoints.test, { params: { opd: this.#opd, id: hook.id }, what: 'a test event' }));
    if (!result.ok) return this.note(hook, failureMessage(result.error, this.t));
    const r = result.value;
    this.note(hook, r.delivered ? this.t.t('hooks.testOk', r.statusCode ?? 0, r.durationMs) : this.t.t('hooks.testFailed', r.error ?? `HTTP ${r.statusCode}`));
    void this.load();
  }

  private async toggle(hook: WebhookSubscription): Promise<void> {
    const result = await this.call(() =>
      this.context!.session.call(webhookEndpoints.update, { params: { opd: this.#opd, id: hook.id }, body: { active: !hook.active }, what: 'the webhook' }),
    );
    if (!result.ok) return this.note(hook, failureMessage(result.error, this.t));
    this.hooks = (this.hooks ?? []).map((h) => (h.id === hook.id ? result.value : h));
  }

  private async rotate(hook: WebhookSubscription): Promise<void> {
    const result = await this.call(() => this.context!.session.call(webhookEndpoints.rotateSecret, { params: { opd: this.#opd, id: hook.id }, what: 'a new secret' }));
    if (!result.ok) return this.note(hook, failureMessage(result.error, this.t));
    await this.showSecret(hook.url, result.value.secret);
  }

  private async removeHook(hook: WebhookSubscription): Promise<void> {
    this.removing = '';
    const result = await this.call(() => this.context!.session.call(webhookEndpoints.remove, { params: { opd: this.#opd, id: hook.id }, what: 'the webhook' }));
    if (!result.ok) return this.note(hook, failureMessage(result.error, this.t));
    this.hooks = (this.hooks ?? []).filter((h) => h.id !== hook.id);
    if (this.log?.hook.id === hook.id) this.log = null;
    this.outcome = { errors: null, done: { form: 'list', message: this.t.t('hooks.removed') } };
  }

  private async openLog(hook: WebhookSubscription, cursor?: string): Promise<void> {
    const result = await this.call(() =>
      this.context!.session.call(webhookEndpoints.deliveries, { params: { opd: this.#opd, id: hook.id }, query: cursor ? { cursor } : {}, what: 'the delivery log' }),
    );
    if (!result.ok) return this.note(hook, failureMessage(result.error, this.t));
    const before = cursor && this.log?.hook.id === hook.id ? this.log.deliveries : [];
    this.log = { hook, deliveries: [...before, ...result.value.data], nextCursor: result.value.nextCursor };
    if (!cursor) {
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#log-title'));
    }
  }

  private async retry(delivery: WebhookDeliveryView): Promise<void> {
    const log = this.log;
    if (!log) return;
    const result = await this.call(() =>
      this.context!.session.call(webhookEndpoints.retry, { params: { opd: this.#opd, id: log.hook.id, delivery: delivery.id }, what: 'the delivery' }),
    );
    if (!result.ok) return this.note(log.hook, failureMessage(result.error, this.t));
    this.log = { ...log, deliveries: log.deliveries.map((d) => (d.id === delivery.id ? result.value : d)) };
  }

  private topicLabel(topic: string): string {
    return this.t.lookup(`topic.${topic}`) ?? topic;
  }

  private when(at: string): string {
    return new Intl.DateTimeFormat(this.t.lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
  }

  protected override render(): TemplateResult {
    const t = this.t;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang} aria-busy=${this.busy ? 'true' : 'false'}>
      <p class="intro">${t.t('hooks.intro')}</p>
      ${this.renderSecret()} ${this.renderList()} ${this.renderLog()} ${this.renderAdd()}
    </div>`;
  }

  private renderSecret(): TemplateResult | typeof nothing {
    const t = this.t;
    const secret = this.secret;
    if (!secret) return nothing;
    const copy = ck(t.lang);
    return html`<div class="secret-panel" role="region" aria-labelledby="secret-title">
      <div role="heading" aria-level=${this.level} class="heading heading--small" id="secret-title" tabindex="-1">${t.t('secret.title')}</div>
      <p>${t.t('secret.intro')}</p>
      <p class="muted">${secret.url}</p>
      <p>
        <span class="visually-hidden">${t.t('secret.label')}:</span>
        <code class="secret" id="secret-value">${secret.secret}</code>
        <button part="button" type="button" class="button button--small" @click=${this.onCopy}>${copy['ck.copy']}</button>
      </p>
      <p role="status">${this.copied === 'yes' ? copy['ck.copied'] : this.copied === 'no' ? copy['ck.copyFailed'] : ''}</p>
      <button part="button" type="button" class="button button--secondary button--small" @click=${() => (this.secret = null)}>${t.t('secret.dismiss')}</button>
    </div>`;
  }

  private renderTopics(hook: WebhookSubscription): TemplateResult {
    const t = this.t;
    if (hook.topics === null) return html`<span class="tag">${t.t('hooks.allTopics')}</span>`;
    return html`<ul class="tags">${hook.topics.map((topic) => html`<li class="tag">${this.topicLabel(topic)}</li>`)}</ul>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const copy = ck(t.lang);
    const body = this.loadError
      ? renderNotice({ message: this.loadError, action: { label: copy['ck.reload'], onClick: () => void this.load() } })
      : this.hooks === null
        ? html`<p class="muted">${copy['ck.loading']}</p>`
        : this.hooks.length === 0
          ? html`<p class="muted">${t.t('hooks.none')}</p>`
          : html`<div class="table-box" tabindex="0" role="region" aria-labelledby="list-title">
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="name">${t.t('hooks.url')}</th>
                    <th scope="col">${t.t('hooks.topics')}</th>
                    <th scope="col">${t.t('hooks.state')}</th>
                    <th scope="col">${t.t('hooks.last')}</th>
                    <th scope="col">${t.t('hooks.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.hooks.map((hook) => this.renderRow(hook))}
                </tbody>
              </table>
            </div>`;
    return html`<section class="section">
      <div role="heading" aria-level=${this.level} class="heading" id="list-title">${t.t('hooks.list')}</div>
      ${renderFormOutcome(this.outcome, 'list', { title: t.t('error.summary'), headingLevel: this.level + 1, root: () => this.shadowRoot })} ${body}
    </section>`;
  }

  private renderRow(hook: WebhookSubscription): TemplateResult {
    const t = this.t;
    const copy = ck(t.lang);
    const last = hook.lastDelivery;
    const small = (label: string, onClick: () => void, secondary = true) =>
      html`<button part="button" type="button" class="button button--small ${secondary ? 'button--secondary' : ''}" ?disabled=${this.busy} @click=${onClick}>${label}</button>`;
    return html`<tr>
      <td>
        <code class="url">${hook.url}</code>
        ${hook.description ? html`<span class="muted">${hook.description}</span>` : nothing}
        ${this.notes[hook.id] ? html`<p role="status" class="note">${this.notes[hook.id]}</p>` : nothing}
      </td>
      <td>${this.renderTopics(hook)}</td>
      <td><span class="tag ${hook.active ? '' : 'tag--off'}">${hook.active ? t.t('hooks.active') : t.t('hooks.inactive')}</span></td>
      <td>
        ${last
          ? html`<span class="tag ${last.state === 'delivered' ? '' : 'tag--warn'}">${t.lookup(`state.${last.state}`) ?? last.state}</span>
              <span class="muted">${this.when(last.at)}${last.statusCode ? ` · ${last.statusCode}` : ''}</span>`
          : html`<span class="muted">${t.t('hooks.lastNone')}</span>`}
      </td>
      <td>
        ${this.removing === hook.id
          ? html`<div class="confirm">
              <p>${t.t('hooks.removeConfirm', hook.url)}</p>
              <div class="row-actions">
                ${small(t.t('hooks.remove'), () => void this.removeHook(hook), false)} ${small(copy['ck.cancel'], () => (this.removing = ''))}
              </div>
            </div>`
          : html`<div class="row-actions">
              ${small(t.t('hooks.test'), () => void this.test(hook), false)} ${small(t.t('hooks.log'), () => void this.openLog(hook))}
              ${small(hook.active ? t.t('hooks.disable') : t.t('hooks.enable'), () => void this.toggle(hook))} ${small(t.t('hooks.rotate'), () => void this.rotate(hook))}
              ${small(t.t('hooks.remove'), () => (this.removing = hook.id))}
            </div>`}
      </td>
    </tr>`;
  }

  private renderLog(): TemplateResult | typeof nothing {
    const log = this.log;
    if (!log) return nothing;
    const t = this.t;
    const state = (d: WebhookDeliveryView) => t.lookup(`state.${d.state}`) ?? d.state;
    return html`<section class="section">
      <div role="heading" aria-level=${this.level} class="heading" id="log-title" tabindex="-1">${t.t('log.title', log.hook.url)}</div>
      ${log.deliveries.length === 0
        ? html`<p class="muted">${t.t('log.none')}</p>`
        : html`<div class="table-box" tabindex="0" role="region" aria-labelledby="log-title">
            <table class="log">
              <thead>
                <tr>
                  <th scope="col">${t.t('log.event')}</th>
                  <th scope="col">${t.t('log.state')}</th>
                  <th scope="col" class="number">${t.t('log.attempts')}</th>
                  <th scope="col">${t.t('log.answer')}</th>
                  <th scope="col">${t.t('log.next')}</th>
                  <th scope="col"><span class="visually-hidden">${t.t('hooks.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${log.deliveries.map(
                  (d) => html`<tr>
                    <td>${this.topicLabel(d.topic)}<span class="muted"><code>${d.eventId}</code> · ${this.when(d.createdAt)}</span></td>
                    <td><span class="tag ${d.state === 'delivered' ? '' : 'tag--warn'}">${state(d)}</span></td>
                    <td class="number">${d.attempts}</td>
                    <td>
                      ${d.statusCode ?? ''} ${d.error && d.error !== `HTTP ${d.statusCode}` ? d.error : ''}
                      ${d.response ? html`<span class="muted answer">${d.response.slice(0, 120)}</span>` : nothing}
                    </td>
                    <td>${d.nextAttemptAt ? this.when(d.nextAttemptAt) : '—'}</td>
                    <td>
                      ${d.state === 'failed' || d.state === 'dead'
                        ? html`<button part="button" type="button" class="button button--small" ?disabled=${this.busy} @click=${() => void this.retry(d)}>${t.t('log.retry')}</button>`
                        : nothing}
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`}
      <div class="actions">
        ${log.nextCursor
          ? html`<button part="button" type="button" class="button button--secondary" @click=${() => void this.openLog(log.hook, log.nextCursor!)}>${t.t('log.more')}</button>`
          : nothing}
        <button part="button" type="button" class="button button--secondary" @click=${() => (this.log = null)}>${t.t('log.close')}</button>
      </div>
    </section>`;
  }

  private renderAdd(): TemplateResult {
    const t = this.t;
    const prefix = t.t('error.prefix');
    const fieldError = (field: string) => (this.outcome.errors?.form === 'add' ? this.outcome.errors.errors.find((e) => e.field === field)?.message : undefined);
    const onAll = (event: Event) => {
      this.allTopics = (event.target as HTMLInputElement).checked;
    };
    return html`<section class="section" aria-labelledby="add-title">
      <div role="heading" aria-level=${this.level} class="heading" id="add-title">${t.t('add.title')}</div>
      ${renderFormOutcome(this.outcome, 'add', { title: t.t('error.summary'), headingLevel: this.level + 1, root: () => this.shadowRoot })}
      <form class="form-grid" novalidate @submit=${this.onAdd} @input=${this.typed.onInput}>
        ${textField({ name: 'url', label: t.t('add.url'), hint: t.t('add.urlHint'), type: 'url', value: this.typed.value('url'), error: fieldError('url'), errorPrefix: prefix, spellcheck: false, autocapitalize: 'off' })}
        ${textField({ name: 'description', label: t.t('add.description'), value: this.typed.value('description'), error: fieldError('description'), errorPrefix: prefix })}
        ${fieldGroup({
          name: 'topics',
          legend: t.t('add.topics'),
          hint: t.t('add.topicsHint'),
          content: html`${renderFieldErrorLine(fieldError('topics'), prefix)}
            <div class="field" @change=${onAll}>${checkboxField({ name: 'allTopics', label: t.t('hooks.allTopics'), checked: this.allTopics, errorPrefix: prefix })}</div>
            ${this.allTopics
              ? nothing
              : html`<div class="checks">
                  ${subscribableTopics.map((topic) => checkboxField({ name: `topic-${topic}`, label: this.topicLabel(topic), checked: false, errorPrefix: prefix }))}
                </div>`}`,
        })}
        <button part="button" type="submit" class="button" ?disabled=${this.busy}>${t.t('add.submit')}</button>
      </form>
    </section>`;
  }
}

/** The topics group's error line (the group has no single control of its own). */
function renderFieldErrorLine(message: string | undefined, prefix: string): TemplateResult | typeof nothing {
  return message ? html`<p class="error-message" id="topics-error"><span class="visually-hidden">${prefix}</span> ${message}</p>` : nothing;
}

/** The copy's keys, for the type check of lookups. */
export type { WebhooksMessages };
