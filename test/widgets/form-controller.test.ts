/**
 * The widget kit's form controller and field templates, in a small form of their own — the way
 * a new module's form (a damage report, a survey) is built — with a `submit` the test controls,
 * so every failure the SDK can throw is met without a server.
 */
import { html, type TemplateResult } from 'lit';
import * as z from 'zod/mini';
import { ApiError, NetworkError, RateLimitError, ValidationError } from '../../src/index.js';
import { checkboxField, textareaField, textField } from '../../widgets/shared/fields.js';
import { FormController } from '../../widgets/shared/form-controller.js';
import { renderFormNotice } from '../../widgets/shared/form-notice.js';
import type { CatalogOf } from '../../widgets/shared/i18n/catalog.js';
import { LocalizeController } from '../../widgets/shared/localize.js';
import { OpdElement } from '../../widgets/shared/opd-element.js';
import { controlStyles, themeStyles } from '../../widgets/shared/theme.js';
import { $, $$, cleanup, deepActiveElement, equal, fill, includes, mount, ok, setChecked, text, until } from './helpers.js';

interface ReportValues {
  place: string;
  details: string;
  agree: boolean;
}

const id = {
  'report.place': 'Lokasi',
  'report.details': 'Keterangan',
  'report.agree': 'Saya setuju',
  'report.submit': 'Kirim laporan',
  'report.restored': 'Draf laporan Anda dipulihkan.',
  'report.offline': 'Tidak ada koneksi — laporan Anda tetap tersimpan.',
  'report.conflict': 'Versi sebelumnya dari laporan ini mungkin sudah kami terima.',
  'report.unavailable': 'Layanan laporan belum tersedia.',
  'error.place.required': 'Masukkan lokasi kerusakan',
  'error.agree.required': 'Centang persetujuan',
} as const;
type ReportMessages = CatalogOf<typeof id>;
const en: ReportMessages = {
  'report.place': 'Location',
  'report.details': 'Details',
  'report.agree': 'I agree',
  'report.submit': 'Send report',
  'report.restored': 'Your draft report has been restored.',
  'report.offline': 'No connection — your report is kept.',
  'report.conflict': 'An earlier version of this report may have reached us.',
  'report.unavailable': 'Reports are not available yet.',
  'error.place.required': 'Enter where the damage is',
  'error.agree.required': 'Tick the box to agree',
};

const reportSchema = z.object({
  place: z.string().check(z.trim(), z.minLength(1, 'Enter a place')),
  details: z.string().check(z.maxLength(20, 'Too long')),
  agree: z.literal(true, 'Agree'),
});

/** What the test's `submit` does next: resolve with a receipt, or throw. */
type Next = { receipt: string } | { error: unknown };

class TestReportForm extends OpdElement {
  static override styles = [themeStyles, controlStyles];
  /** The answers `submit` gives, one per call; the last one repeats. */
  answers: Next[] = [{ receipt: 'R-1' }];
  /** Every idempotency key `submit` was called with. */
  keys: string[] = [];
  readonly localize = new LocalizeController(this, { id, en });
  readonly form = new FormController<ReportValues, string>(this, {
    widget: 'test-report-form',
    opd: () => this.opd,
    fields: ['place', 'details', 'agree'],
    initial: { place: '', details: '', agree: false },
    schema: reportSchema,
    submit: async (_values, key) => {
      this.keys.push(key);
      const next = this.answers.length > 1 ? this.answers.shift()! : this.answers[0]!;
      if ('error' in next) throw next.error;
      return next.receipt;
    },
    localize: this.localize,
    label: (field) => this.localize.t(`report.${field}`),
    counted: { details: 20 },
  });

  protected override render(): TemplateResult {
    const t = this.localize;
    const form = this.form;
    if (form.result) return html`<p class="receipt">${form.result}</p>`;
    return html`
      ${form.errorSummary(2)}
      ${renderFormNotice(form, t, {
        restored: t.t('report.restored'),
        offline: t.t('report.offline'),
        conflict: t.t('report.conflict'),
        unavailable: t.t('report.unavailable'),
      })}
      <form novalidate @submit=${form.onSubmit} @input=${form.onInput}>
        ${textField({ ...form.field('place'), label: t.t('report.place'), value: form.values.place })}
        ${textareaField({ ...form.field('details'), label: t.t('report.details'), value: form.values.details, count: form.count('details') })}
        ${checkboxField({ ...form.field('agree'), label: t.t('report.agree'), checked: form.values.agree })}
        <button type="submit">${t.t('report.submit')}</button>
      </form>
      <div role="status">${form.announcement}</div>
    `;
  }
}
customElements.define('test-report-form', TestReportForm);

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function reportForm(attributes = ''): Promise<TestReportForm> {
  return mount<TestReportForm>(`<test-report-form opd="contoh" ${attributes}></test-report-form>`);
}

function fillReport(element: TestReportForm, place = 'Jalan Lintas Lahat km 12'): void {
  fill($<HTMLInputElement>(element, '#place'), place);
  fill($<HTMLTextAreaElement>(element, '#details'), 'Lubang besar');
  setChecked($<HTMLInputElement>(element, '#agree'), true);
}

async function send(element: TestReportForm): Promise<void> {
  $<HTMLButtonElement>(element, 'button[type=submit]').click();
  await element.updateComplete;
}

function receipt(element: TestReportForm): Promise<string> {
  return until(() => element.shadowRoot?.querySelector('.receipt')?.textContent, 'the receipt');
}

describe('the form kit, in a form of another module', () => {
  it('lists problems in the form’s order, with the widget’s own words, keeping what was typed', async () => {
    const element = await reportForm();
    fill($<HTMLTextAreaElement>(element, '#details'), 'x'.repeat(25));
    await send(element);
    const summary = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the summary');
    equal(deepActiveElement(), summary, 'the summary takes focus');
    equal(
      $$(element, '.error-summary li').map(text).join(' | '),
      'Masukkan lokasi kerusakan | Periksa kembali isian Keterangan | Centang persetujuan',
      'one line per field, in form order; a field without its own message gets the kit’s',
    );
    equal($<HTMLInputElement>(element, '#details').getAttribute('aria-invalid'), 'true', 'the field is marked invalid');
    includes($<HTMLInputElement>(element, '#details').getAttribute('aria-describedby'), 'details-error', 'and linked to its error');
    includes(text($(element, '.count')), 'Kelebihan 5 karakter', 'the count says how much to cut');
    equal($<HTMLTextAreaElement>(element, '#details').value.length, 25, 'nothing typed is cut off');
    equal(element.keys.length, 0, 'nothing was sent');
  });

  it('shows the server’s field errors, and a problem with no field as plain text', async () => {
    const element = await reportForm();
    element.answers = [
      {
        error: new ApiError({
          status: 422,
          code: 'validation',
          title: 'Invalid',
          fieldErrors: [
            { path: 'somewhere.else', message: 'This OPD does not accept reports on Sundays', code: 'invalid' },
            { path: 'place', message: 'Unknown road', code: 'required' },
          ],
        }),
      },
    ];
    const errors: string[] = [];
    element.addEventListener('opd-error', (event) => errors.push(event.detail.code));
    fillReport(element);
    await send(element);
    await until(() => element.shadowRoot?.querySelector('.error-summary'), 'the summary');
    equal(
      $$(element, '.error-summary li').map(text).join(' | '),
      'Masukkan lokasi kerusakan | This OPD does not accept reports on Sundays',
      'the field first, then the problem without a field',
    );
    equal($$(element, '.error-summary a').length, 1, 'only the field’s problem is a link');
    equal(errors.join(','), 'validation', 'the host page hears of it');
  });

  it('shows what the SDK’s own check refused as field errors, without telling the host page', async () => {
    const element = await reportForm();
    // The widget's schema let it through; the SDK checks again before sending, and refuses.
    element.answers = [
      { error: new ValidationError([{ path: 'place', message: 'Required', code: 'required' }]) },
      { receipt: 'R-5' },
    ];
    const errors: string[] = [];
    element.addEventListener('opd-error', (event) => errors.push(event.detail.code));
    fillReport(element);
    await send(element);
    const summary = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the summary');
    equal($$(element, '.error-summary li').map(text).join(' | '), 'Masukkan lokasi kerusakan', 'the field’s own message');
    equal(deepActiveElement(), summary, 'the summary takes focus');
    equal(element.shadowRoot?.querySelector('.notice'), null, 'no notice of a failure');
    equal(errors.length, 0, 'a mistake to correct is not a failure for the host page');
    await send(element);
    equal(await receipt(element), 'R-5', 'then it is sent');
    equal(errors.length, 0, 'and still no opd-error');
  });

  it('tells the host page of a failure once the form shows it', async () => {
    const element = await reportForm();
    element.answers = [
      { error: new ApiError({ status: 500, code: 'internal', title: 'Oops', requestId: 'req-8' }) },
      {
        error: new ApiError({
          status: 422,
          code: 'validation',
          title: 'Invalid',
          fieldErrors: [{ path: 'place', message: 'Unknown road', code: 'required' }],
        }),
      },
    ];
    const seen: string[] = [];
    element.addEventListener('opd-error', (event) => {
      const notice = element.form.notice;
      seen.push(`${event.detail.code}: ${notice?.kind ?? 'no notice'}, ${element.form.problems.length} problems`);
    });
    fillReport(element);
    await send(element);
    await until(() => element.shadowRoot?.querySelector('.notice--error'), 'the server notice');
    await send(element);
    await until(() => element.shadowRoot?.querySelector('.error-summary'), 'the summary');
    equal(seen.join(' | '), 'server: server, 0 problems | validation: no notice, 1 problems', 'the state was set before each event');
  });

  it('does not send from a form the host page removed when told of the failure', async () => {
    const element = await reportForm();
    element.answers = [{ error: new NetworkError('Failed to fetch') }, { receipt: 'R-3' }];
    // E.g. a page that swaps the widget for its own fallback when it fails.
    element.addEventListener('opd-error', () => element.remove());
    fillReport(element);
    await send(element);
    await until(() => element.keys.length === 1 && !element.isConnected, 'the failed send and the removal');
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    equal(element.keys.length, 1, 'no second attempt from the removed form');
  });

  it('sends again with the same key after a failure, and starts a new key after a conflict', async () => {
    const element = await reportForm();
    element.answers = [
      { error: new ApiError({ status: 500, code: 'internal', title: 'Oops', requestId: 'req-7' }) },
      { error: new ApiError({ status: 409, code: 'idempotency-conflict', title: 'Conflict' }) },
      { receipt: 'R-9' },
    ];
    fillReport(element);
    await send(element);
    const failed = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice--error'), 'the server notice');
    includes(text(failed), 'Kode laporan: req-7', 'the citizen can quote the request id');
    equal(deepActiveElement(), failed, 'the notice takes focus');
    failed.querySelector('button')!.click();
    const conflict = await until(
      () => (text(element.shadowRoot?.querySelector('.notice--warning')).includes('Versi sebelumnya') ? true : undefined),
      'the conflict notice',
    );
    ok(conflict, 'the conflict is explained in the widget’s words');
    equal(element.keys[1], element.keys[0], 'the resend carried the same key');
    await send(element);
    equal(await receipt(element), 'R-9', 'then it is sent');
    ok(element.keys[2] !== element.keys[1], 'after the conflict, a new key');
  });

  it('waits for the connection and sends by itself when it is back, once', async () => {
    const element = await reportForm();
    element.answers = [{ error: new NetworkError('Failed to fetch') }, { receipt: 'R-2' }];
    fillReport(element);
    await send(element);
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the offline notice');
    includes(text(notice), 'laporan Anda tetap tersimpan', 'the citizen is told nothing is lost');
    equal($<HTMLInputElement>(element, '#place').value, 'Jalan Lintas Lahat km 12', 'what was typed stays');
    window.dispatchEvent(new Event('online'));
    equal(await receipt(element), 'R-2', 'sent when the connection is back');
    window.dispatchEvent(new Event('online'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    equal(element.keys.length, 2, 'two attempts, no more');
    equal(new Set(element.keys).size, 1, 'with one key');
  });

  it('says how long to wait when rate-limited, in the page’s language', async () => {
    const element = await reportForm('lang="en"');
    element.answers = [{ error: new RateLimitError({ status: 429, code: 'rate-limited', title: 'Slow down', retryAfter: 120 }) }];
    fillReport(element);
    await send(element);
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the notice');
    includes(text(notice), 'Wait 2 minutes', 'the wait in words');
  });

  it('keeps an unsent report across reloads, and deletes it when asked', async () => {
    const first = await reportForm();
    fillReport(first);
    first.remove();
    const second = await reportForm();
    equal($<HTMLInputElement>(second, '#place').value, 'Jalan Lintas Lahat km 12', 'the draft is back');
    ok($<HTMLInputElement>(second, '#agree').checked, 'the box stays ticked');
    const notice = $(second, '[part~=notice]');
    includes(text(notice), 'Draf laporan Anda dipulihkan', 'in the widget’s words');
    notice.querySelector('button')!.click();
    await until(() => text(second.shadowRoot?.querySelector('[part~=notice]')).includes('Draf dihapus'), 'the deletion notice');
    equal($<HTMLInputElement>(second, '#place').value, '', 'the form is empty');
    equal(deepActiveElement(), $(second, '#place'), 'focus is on the first field');
    const third = await reportForm();
    equal($<HTMLInputElement>(third, '#place').value, '', 'and stays empty after a reload');
  });
});
