/**
 * `<opd-console-privacy>`: the retention period of citizens' contact data, and one citizen's
 * data exported or erased on request under UU 27/2022 (console page `#/privacy`).
 *
 * @module
 */
import type * as z from 'zod/mini';
import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { toFieldErrors, type FieldError } from '../../../../src/schemas/common.js';
import { moduleNames, type ModuleName } from '../../../../src/schemas/opds.js';
import {
  privacyEndpoints,
  type DataSubject,
  type PersonalDataErasure,
  type PersonalDataExport,
  type PersonalDataRecord,
  type PrivacySettings,
} from '../../../../src/schemas/privacy.js';
import { focusTemporarily, renderErrorSummary, type SummaryError } from '../../../shared/error-summary.js';
import { textField } from '../../../shared/fields.js';
import { LocalizeController } from '../../../shared/localize.js';
import { renderNotice } from '../../../shared/notice.js';
import { controlStyles, themeStyles } from '../../../shared/theme.js';
import { ck, failureMessage, fieldErrorsOf, renderOutsideConsole } from '../../kit/failure.js';
import { saveFile } from '../../kit/download.js';
import { errorFor, FormMemory, formValues, summaryErrors } from '../../kit/forms.js';
import { moduleLabel } from '../../kit/module-checks.js';
import { consolePageStyles } from '../../kit/page-styles.js';
import { ConsolePageElement } from '../../page.js';
import { en } from './i18n/en.js';
import { id } from './i18n/id.js';
import { privacyStyles } from './privacy.styles.js';

/** The field of the retention form. */
const RETENTION_FIELDS = ['contactRetentionDays'] as const;
/** The fields of the request form, in the order the error summary lists them. */
const REQUEST_FIELDS = ['email', 'phone'] as const;

/** An ISO 8601 timestamp as the API writes them. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The field errors `schema` finds in `input`, as the SDK and the server would give them. */
function check(schema: z.ZodMiniType | undefined, input: unknown): FieldError[] {
  const result = schema?.safeParse(input, { reportInput: true });
  if (!result) return [];
  return result.success ? [] : toFieldErrors(result.error.issues);
}

/** The citizen as typed: the e-mail address and the mobile number, trimmed, empty ones left out. */
function subjectOf(values: Record<string, string>): DataSubject {
  const email = (values.email ?? '').trim().toLowerCase();
  const phone = (values.phone ?? '').trim();
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

/** True when both name the same citizen (e-mail addresses compared without case). */
function sameSubject(a: DataSubject, b: DataSubject): boolean {
  return (a.email ?? '').toLowerCase() === (b.email ?? '').toLowerCase() && (a.phone ?? '') === (b.phone ?? '');
}

/** The records of an export by module, in the order the modules first appear. */
function byModule(records: readonly PersonalDataRecord[]): [string, PersonalDataRecord[]][] {
  const groups = new Map<string, PersonalDataRecord[]>();
  for (const record of records) groups.set(record.module, [...(groups.get(record.module) ?? []), record]);
  return [...groups];
}

/**
 * Personal data under UU 27/2022, as the regency admin handles it: the retention period of
 * citizens' names and contacts once their case is closed (`GET`/`PUT /api/v1/privacy`: a number
 * of days, at least 30, or kept until erased on request), and a citizen's request found by the
 * e-mail address or mobile number they gave: **export** shows everything every module keeps
 * about them, per module and case, and downloads it as a JSON file
 * (`POST /api/v1/personal-data/export`); **erase**, after a confirmation that names what goes and
 * that it cannot be undone, erases their name and contact from every case and shows how many
 * each module erased (`POST /api/v1/personal-data/erase`). The page says that every export and
 * erasure is in the audit log.
 *
 * @summary Retention and a citizen's data requests (staff console page).
 */
export class OpdConsolePrivacy extends ConsolePageElement {
  static override styles = [themeStyles, controlStyles, consolePageStyles, privacyStyles];

  static override properties: PropertyDeclarations = {
    settings: { state: true, attribute: false },
    settingsError: { state: true, attribute: false },
    choice: { state: true, attribute: false },
    retentionErrors: { state: true, attribute: false },
    retentionDone: { state: true, attribute: false },
    requestErrors: { state: true, attribute: false },
    requestFailure: { state: true, attribute: false },
    exported: { state: true, attribute: false },
    confirming: { state: true, attribute: false },
    erased: { state: true, attribute: false },
    downloaded: { state: true, attribute: false },
    busy: { state: true, attribute: false },
  };

  private settings: PrivacySettings | null = null;
  private settingsError = '';
  /** The retention option chosen in the form. */
  private choice: 'days' | 'keep' = 'keep';
  private retentionErrors: SummaryError[] = [];
  private retentionDone = '';
  private requestErrors: SummaryError[] = [];
  /** A failed export or erasure that is no field's problem (offline, server error). */
  private requestFailure = '';
  private exported: { who: DataSubject; result: PersonalDataExport } | null = null;
  /** The citizen whose erasure is being asked about, as typed when "Hapus data" was pressed. */
  private confirming: DataSubject | null = null;
  private erased: { who: DataSubject; result: PersonalDataErasure } | null = null;
  private downloaded = false;
  private busy: '' | 'retention' | 'export' | 'erase' = '';

  private readonly localize = new LocalizeController(this, { id, en });
  private readonly typed = new FormMemory();
  #session: unknown;

  protected override willUpdate(): void {
    if (this.context && this.#session !== this.context.session) {
      this.#session = this.context.session;
      void this.loadSettings();
    }
  }

  private async loadSettings(): Promise<void> {
    if (!this.context) return;
    this.settingsError = '';
    try {
      const settings = await this.context.session.call(privacyEndpoints.getSettings, { what: 'the privacy settings' });
      this.settings = settings;
      this.choice = settings.contactRetentionDays === null ? 'keep' : 'days';
    } catch (error) {
      this.settingsError = failureMessage(error, this.localize);
    }
  }

  /** The retention period in words, e.g. `dihapus 365 hari setelah kasus ditutup`. */
  private retentionWords(settings: PrivacySettings): string {
    const t = this.localize;
    return settings.contactRetentionDays === null ? t.t('retention.currentKeep') : t.t('retention.currentDays', settings.contactRetentionDays);
  }

  /** The citizen in words, e.g. `alamat e-mail warga@contoh.id`. */
  private who(subject: DataSubject): string {
    const t = this.localize;
    if (subject.email && subject.phone) return t.t('who.both', subject.email, subject.phone);
    return subject.email ? t.t('who.email', subject.email) : t.t('who.phone', subject.phone ?? '');
  }

  private moduleName(module: string): string {
    return (moduleNames as readonly string[]).includes(module) ? moduleLabel(module as ModuleName, this.localize.lang) : module;
  }

  private opdName(slug: string): string {
    return this.context?.opds.find((opd) => opd.slug === slug)?.name ?? slug;
  }

  /** The summary's lines for rejected fields, in the page's language. */
  private summaryOf(fields: readonly FieldError[], order: readonly string[]): SummaryError[] {
    const t = this.localize;
    const labels: Record<string, string> = {
      contactRetentionDays: t.t('retention.count'),
      email: t.t('request.email'),
      phone: t.t('request.phone'),
    };
    return summaryErrors(fields, order, (field, code) => t.lookup(`error.${field}.${code}`) ?? t.t('error.generic', labels[field] ?? field));
  }

  private async focusSummary(form: 'retention' | 'request'): Promise<void> {
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>(`#${form}-summary .error-summary`));
  }

  private readonly onChoice = (event: Event): void => {
    const target = event.target as HTMLInputElement;
    if (target.name === 'retention') this.choice = target.value === 'days' ? 'days' : 'keep';
  };

  private readonly onRetention = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.context || this.busy) return;
    const t = this.localize;
    const values = formValues(event.currentTarget as HTMLFormElement);
    this.retentionDone = '';
    let body: PrivacySettings = { contactRetentionDays: null };
    let problems: FieldError[] = [];
    if (this.choice === 'days') {
      const typed = (values.contactRetentionDays ?? '').trim().replace(/[.\s]/g, '');
      if (!typed) problems = [{ path: 'contactRetentionDays', message: '', code: 'required' }];
      else if (!/^\d+$/.test(typed)) problems = [{ path: 'contactRetentionDays', message: '', code: 'invalid' }];
      else {
        body = { contactRetentionDays: Number(typed) };
        problems = check(privacyEndpoints.setSettings.body, body);
      }
    }
    if (problems.length) {
      this.retentionErrors = this.summaryOf(problems, RETENTION_FIELDS);
      await this.focusSummary('retention');
      return;
    }
    this.busy = 'retention';
    this.retentionErrors = [];
    try {
      const saved = await this.context.session.call(privacyEndpoints.setSettings, { body, what: 'the privacy settings' });
      this.settings = saved;
      this.choice = saved.contactRetentionDays === null ? 'keep' : 'days';
      this.typed.forget('contactRetentionDays');
      this.retentionDone = t.t('retention.done', this.retentionWords(saved));
      this.context.announce(this.retentionDone);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      this.retentionErrors = fields ? this.summaryOf(fields, RETENTION_FIELDS) : [{ field: '', message: failureMessage(error, t) }];
      await this.focusSummary('retention');
    } finally {
      this.busy = '';
    }
  };

  /** The citizen typed in the request form, or `null` with the summary shown. */
  private async checkedSubject(): Promise<DataSubject | null> {
    const form = this.renderRoot.querySelector<HTMLFormElement>('#request-form');
    if (!form) return null;
    const subject = subjectOf(formValues(form));
    const problems = check(privacyEndpoints.exportPersonalData.body, subject);
    // A mistyped address would find nothing and read as "nothing kept": say so first.
    if (subject.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(subject.email)) problems.push({ path: 'email', message: '', code: 'format' });
    if (subject.phone && !/^\+?[\d\s().-]+$/.test(subject.phone)) problems.push({ path: 'phone', message: '', code: 'format' });
    this.requestFailure = '';
    if (problems.length) {
      this.requestErrors = this.summaryOf(problems, REQUEST_FIELDS);
      await this.focusSummary('request');
      return null;
    }
    this.requestErrors = [];
    return subject;
  }

  /** A failed export or erasure: field errors to the summary, anything else as one sentence. */
  private async requestFailed(error: unknown): Promise<void> {
    const fields = fieldErrorsOf(error);
    if (fields) {
      this.requestErrors = this.summaryOf(fields, REQUEST_FIELDS);
      await this.focusSummary('request');
    } else {
      this.requestFailure = failureMessage(error, this.localize);
    }
  }

  private readonly onRequestInput = (event: Event): void => {
    this.typed.onInput(event);
    // The confirmation names the citizen as typed then; another citizen needs asking again.
    if (this.confirming) this.confirming = null;
  };

  private readonly onExport = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.context || this.busy) return;
    const subject = await this.checkedSubject();
    if (!subject) return;
    this.busy = 'export';
    this.confirming = null;
    this.erased = null;
    this.downloaded = false;
    try {
      const result = await this.context.session.call(privacyEndpoints.exportPersonalData, { body: subject, what: 'the citizen’s personal data' });
      this.exported = { who: subject, result };
      const t = this.localize;
      this.context.announce(result.records.length ? t.t('export.found', result.records.length, this.who(subject)) : t.t('export.none', this.who(subject)));
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#export-title'));
    } catch (error) {
      await this.requestFailed(error);
    } finally {
      this.busy = '';
    }
  };

  private readonly onDownload = (): void => {
    if (!this.exported) return;
    const { result } = this.exported;
    saveFile(this.renderRoot, `data-pribadi-${result.exportedAt.slice(0, 10)}.json`, JSON.stringify(result, null, 2), 'application/json;charset=utf-8');
    this.downloaded = true;
    this.context?.announce(this.localize.t('export.downloaded'));
  };

  private readonly onAskErase = async (): Promise<void> => {
    if (!this.context || this.busy) return;
    const subject = await this.checkedSubject();
    if (!subject) return;
    this.erased = null;
    this.confirming = subject;
    await this.updateComplete;
    focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#erase-title'));
  };

  private readonly onCancelErase = (): void => {
    this.confirming = null;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#erase-ask')?.focus());
  };

  private readonly onErase = async (): Promise<void> => {
    const subject = this.confirming;
    if (!this.context || this.busy || !subject) return;
    this.busy = 'erase';
    this.requestFailure = '';
    try {
      const result = await this.context.session.call(privacyEndpoints.erasePersonalData, { body: subject, what: 'the erasure of the citizen’s personal data' });
      this.confirming = null;
      // What the export showed is gone now; keep no copy of it on the page.
      this.exported = null;
      this.downloaded = false;
      this.erased = { who: subject, result };
      this.context.announce(this.localize.t('erase.doneTitle'));
      await this.updateComplete;
      focusTemporarily(this.renderRoot.querySelector<HTMLElement>('#erased-title'));
    } catch (error) {
      this.confirming = null;
      await this.requestFailed(error);
    } finally {
      this.busy = '';
    }
  };

  protected override render(): TemplateResult {
    const t = this.localize;
    if (!this.context) return html`<div class="base">${renderOutsideConsole(t.lang)}</div>`;
    return html`<div part="base" class="base" lang=${t.lang}>
      <p class="intro">${t.t('privacy.intro')}</p>
      ${this.renderRetention()} ${this.renderRequest()}
    </div>`;
  }

  private renderRetention(): TemplateResult {
    const t = this.localize;
    const settings = this.settings;
    const heading = html`<div role="heading" aria-level=${this.level} class="heading" id="retention-title">${t.t('retention.title')}</div>`;
    if (!settings) {
      return html`<section class="section" aria-labelledby="retention-title">
        ${heading}
        ${this.settingsError
          ? renderNotice({ message: this.settingsError, tone: 'warning', alert: true, action: { label: t.t('retry'), onClick: () => void this.loadSettings(), look: 'secondary' } })
          : html`<p class="muted">${t.t('retention.loading')}</p>`}
      </section>`;
    }
    const prefix = t.t('error.prefix');
    const daysError = errorFor(this.retentionErrors, 'contactRetentionDays');
    const saved = settings.contactRetentionDays === null ? '' : String(settings.contactRetentionDays);
    return html`<section class="section" aria-labelledby="retention-title">
      ${heading}
      <p class="intro">${t.t('retention.intro')}</p>
      <p class="current" id="retention-current">${t.t('retention.current', this.retentionWords(settings))}</p>
      <div id="retention-summary">
        ${this.retentionErrors.length
          ? renderErrorSummary({ title: t.t('summary.title'), errors: this.retentionErrors, headingLevel: this.level + 1, root: () => this.shadowRoot })
          : nothing}
        ${this.retentionDone ? html`<p class="done">${this.retentionDone}</p>` : nothing}
      </div>
      <form id="retention-form" class="form-grid" novalidate @submit=${this.onRetention} @input=${this.typed.onInput} @change=${this.onChoice} aria-labelledby="retention-title">
        <fieldset part="field" class="field group" id="retention">
          <legend part="label" class="legend">${t.t('retention.legend')}</legend>
          <div class="field">
            <div class="choice">
              <input part="input" class="checkbox" type="radio" id="retention-days" name="retention" value="days" .checked=${this.choice === 'days'} aria-describedby="retention-days-hint" />
              <label part="label" class="label" for="retention-days">${t.t('retention.days')}</label>
            </div>
            <div part="hint" class="hint choice-hint" id="retention-days-hint">${t.t('retention.daysHint')}</div>
          </div>
          ${this.choice === 'days'
            ? html`<div class="reveal">
                ${textField({
                  name: 'contactRetentionDays',
                  label: t.t('retention.count'),
                  hint: t.t('retention.countHint'),
                  value: this.typed.value('contactRetentionDays', saved),
                  inputmode: 'numeric',
                  autocomplete: 'off',
                  spellcheck: false,
                  short: true,
                  error: daysError,
                  errorPrefix: prefix,
                  after: html`<span class="unit" aria-hidden="true">${t.t('retention.unit')}</span>`,
                })}
              </div>`
            : nothing}
          <div class="field">
            <div class="choice">
              <input part="input" class="checkbox" type="radio" id="retention-keep" name="retention" value="keep" .checked=${this.choice === 'keep'} aria-describedby="retention-keep-hint" />
              <label part="label" class="label" for="retention-keep">${t.t('retention.keep')}</label>
            </div>
            <div part="hint" class="hint choice-hint" id="retention-keep-hint">${t.t('retention.keepHint')}</div>
          </div>
        </fieldset>
        <button part="button" class="button" type="submit" ?disabled=${this.busy === 'retention'}>
          ${this.busy === 'retention' ? ck(t.lang)['ck.saving'] : t.t('retention.submit')}
        </button>
      </form>
    </section>`;
  }

  private renderRequest(): TemplateResult {
    const t = this.localize;
    const prefix = t.t('error.prefix');
    return html`<section class="section" aria-labelledby="request-title">
      <div role="heading" aria-level=${this.level} class="heading" id="request-title">${t.t('request.title')}</div>
      <p class="intro">${t.t('request.intro')}</p>
      <p class="note" id="request-audit">${t.t('request.audit')} <a href="#/audit">${t.t('request.auditLink')}</a></p>
      <div id="request-summary">
        ${this.requestErrors.length
          ? renderErrorSummary({ title: t.t('summary.title'), errors: this.requestErrors, headingLevel: this.level + 1, root: () => this.shadowRoot })
          : nothing}
        ${this.requestFailure ? renderNotice({ message: this.requestFailure, tone: 'warning', alert: true }) : nothing}
      </div>
      <form id="request-form" class="form-grid" novalidate @submit=${this.onExport} @input=${this.onRequestInput} aria-labelledby="request-title">
        ${textField({
          name: 'email',
          label: t.t('request.email'),
          type: 'email',
          value: this.typed.value('email'),
          autocomplete: 'off',
          spellcheck: false,
          autocapitalize: 'none',
          error: errorFor(this.requestErrors, 'email'),
          errorPrefix: prefix,
        })}
        ${textField({
          name: 'phone',
          label: t.t('request.phone'),
          hint: t.t('request.phoneHint'),
          type: 'tel',
          value: this.typed.value('phone'),
          autocomplete: 'off',
          inputmode: 'tel',
          short: true,
          error: errorFor(this.requestErrors, 'phone'),
          errorPrefix: prefix,
        })}
        <div class="actions">
          <button part="button" class="button" type="submit" ?disabled=${this.busy === 'export'} aria-describedby="request-audit">
            ${this.busy === 'export' ? t.t('request.exporting') : t.t('request.export')}
          </button>
          <button
            part="button"
            class="button button--secondary"
            type="button"
            id="erase-ask"
            aria-describedby="request-audit"
            ?disabled=${this.busy === 'erase'}
            @click=${this.onAskErase}
          >
            ${t.t('request.erase')}
          </button>
        </div>
      </form>
      ${this.renderConfirm()} ${this.renderErased()} ${this.renderExport()}
    </section>`;
  }

  private renderConfirm(): TemplateResult | typeof nothing {
    const t = this.localize;
    const subject = this.confirming;
    if (!subject) return nothing;
    const known = this.exported && sameSubject(this.exported.who, subject) ? this.exported.result.records : null;
    return html`<div class="erase-panel" role="region" aria-labelledby="erase-title">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="erase-title">${t.t('erase.title')}</div>
      <p>${t.t('erase.what', this.who(subject))}</p>
      ${known && known.length
        ? html`<p>${t.t('erase.cases', known.length)}</p>
            <ul class="cases">
              ${known.map((record) => html`<li><code>${record.subject}</code> · ${this.moduleName(record.module)} · ${this.opdName(record.opd)}</li>`)}
            </ul>`
        : known
          ? html`<p>${t.t('erase.noneFound')}</p>`
          : nothing}
      <p>${t.t('erase.stays')}</p>
      <p class="final"><strong>${t.t('erase.final')}</strong></p>
      <div class="actions">
        <button part="button" type="button" class="button button--warning" ?disabled=${this.busy === 'erase'} @click=${this.onErase}>
          ${this.busy === 'erase' ? t.t('erase.erasing') : t.t('erase.yes')}
        </button>
        <button part="button" type="button" class="button button--secondary" @click=${this.onCancelErase}>${ck(t.lang)['ck.cancel']}</button>
      </div>
    </div>`;
  }

  private renderErased(): TemplateResult | typeof nothing {
    const t = this.localize;
    if (!this.erased) return nothing;
    const { who, result } = this.erased;
    const counts = Object.entries(result.erased);
    const total = counts.reduce((sum, [, count]) => sum + count, 0);
    return html`<div class="done erased" role="region" aria-labelledby="erased-title">
      <div role="heading" aria-level=${this.level + 1} class="heading heading--small" id="erased-title">${t.t('erase.doneTitle')}</div>
      ${total === 0
        ? html`<p>${t.t('erase.nothing', this.who(who))}</p>`
        : html`<p>${t.t('erase.done', this.who(who), t.dateTime(result.erasedAt))}</p>
            <ul class="counts">
              ${counts.map(([module, count]) => html`<li>${t.t('erase.module', this.moduleName(module), count)}</li>`)}
            </ul>`}
    </div>`;
  }

  private renderExport(): TemplateResult | typeof nothing {
    const t = this.localize;
    if (!this.exported) return nothing;
    const { who, result } = this.exported;
    const records = result.records;
    const level = this.level + 1;
    return html`<section class="export" aria-labelledby="export-title">
      <div role="heading" aria-level=${level} class="heading" id="export-title">${t.t('export.title')}</div>
      <p>${records.length ? t.t('export.found', records.length, this.who(who)) : t.t('export.none', this.who(who))}</p>
      <p class="muted">${t.t('export.at', t.dateTime(result.exportedAt))}</p>
      ${records.length
        ? html`<div class="actions download">
              <button part="button" type="button" class="button button--secondary" @click=${this.onDownload} aria-describedby="download-hint">${t.t('export.download')}</button>
              <p class="muted" id="download-hint">${t.t('export.downloadHint')}</p>
            </div>
            <p role="status" class="muted">${this.downloaded ? t.t('export.downloaded') : ''}</p>
            ${byModule(records).map(
              ([module, items]) => html`<section class="module" aria-labelledby="module-${module}">
                <div role="heading" aria-level=${Math.min(6, level + 1)} class="heading heading--small" id="module-${module}">
                  ${t.t('export.module', this.moduleName(module), items.length)}
                </div>
                ${items.map((record) => this.renderRecord(record, Math.min(6, level + 2)))}
              </section>`,
            )}`
        : nothing}
    </section>`;
  }

  private renderRecord(record: PersonalDataRecord, level: number): TemplateResult {
    const t = this.localize;
    return html`<div class="record">
      <div role="heading" aria-level=${level} class="record-title"><code>${record.subject}</code></div>
      <p class="muted record-meta">${this.opdName(record.opd)} · <time datetime=${record.at}>${t.dateTime(record.at)}</time></p>
      <dl class="record-data">
        ${Object.entries(record.data).map(
          ([key, value]) => html`<div class="pair">
            <dt>${t.lookup(`data.${key}`) ?? key}</dt>
            <dd>${this.renderValue(key, value)}</dd>
          </div>`,
        )}
      </dl>
    </div>`;
  }

  /** A value of a record's data: text as it is, moments and statuses in words, lists and objects item by item. */
  private renderValue(key: string, value: unknown): TemplateResult | string {
    const t = this.localize;
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
      return html`<span class="empty">${t.t('export.empty')}</span>`;
    }
    if (typeof value === 'string') {
      if (TIMESTAMP.test(value)) return html`<time datetime=${value}>${t.dateTime(value)}</time>`;
      return key === 'status' ? (t.lookup(`value.${value}`) ?? value) : value;
    }
    if (typeof value === 'boolean') return value ? ck(t.lang)['ck.yes'] : ck(t.lang)['ck.no'];
    if (typeof value === 'number') return t.number(value);
    if (Array.isArray(value)) return html`<ul class="items">${value.map((item) => html`<li>${this.renderValue(key, item)}</li>`)}</ul>`;
    if (typeof value === 'object') {
      return html`${Object.entries(value as Record<string, unknown>).map(
        ([name, item]) => html`<span class="item"><span class="item-name">${t.lookup(`data.${name}`) ?? name}:</span> ${this.renderValue(name, item)}</span>`,
      )}`;
    }
    return String(value);
  }
}
