/**
 * The widget kit's form controller and field templates, in a small form of their own — the way
 * a new module's form (a damage report, a survey) is built — with a `submit` the test controls,
 * so every failure the SDK can throw is met without a server.
 */
import { html, type TemplateResult } from 'lit';
import * as z from 'zod/mini';
import { ApiError, IdempotencyConflictError, NetworkError, RateLimitError, ValidationError } from '../../src/index.js';
import { checkboxField, textareaField, textField } from '../../widgets/shared/fields.js';
import { FormController, textLength } from '../../widgets/shared/form-controller.js';
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
  'report.sendAsNew': 'Kirim versi yang diubah sebagai laporan baru',
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
  'report.sendAsNew': 'Send the changed version as a new report',
  'error.place.required': 'Enter where the damage is',
  'error.agree.required': 'Tick the box to agree',
};

const reportSchema = z.object({
  place: z.string().check(z.trim(), z.minLength(1, 'Enter a place')),
  details: z.string().check(z.maxLength(20, 'Too long')),
  agree: z.literal(true, 'Agree'),
});

/** What the test's `submit` does next: resolve with a receipt (after `gate`, if given), or throw. */
type Next = { receipt: string; gate?: Promise<void> } | { error: unknown };

/** The answers of the next form mounted (a form may send as it starts); default one receipt `R-1`. */
const nextAnswers: Next[] = [];
function answerNext(...answers: Next[]): void {
  nextAnswers.push(...answers);
}

class TestReportForm extends OpdElement {
  static override styles = [themeStyles, controlStyles];
  /** The answers `submit` gives, one per call; the last one repeats (set before mounting with {@link answerNext}). */
  answers: Next[] = nextAnswers.length ? nextAnswers.splice(0) : [{ receipt: 'R-1' }];
  /** Every idempotency key `submit` was called with. */
  keys: string[] = [];
  /** Every result the form said the server holds (`received`). */
  received: string[] = [];
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
      await next.gate;
      return next.receipt;
    },
    localize: this.localize,
    label: (field) => this.localize.t(`report.${field}`),
    counted: { details: 20 },
    storedResult: (stored) => (typeof stored === 'string' ? stored : null),
    received: (result) => void this.received.push(result),
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
        unsentChanges: (stored) => `Laporan Anda sudah kami terima dengan nomor ${stored}.`,
        sendAsNew: t.t('report.sendAsNew'),
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

function receipt(element: TestReportForm, timeout?: number): Promise<string> {
  return until(() => element.shadowRoot?.querySelector('.receipt')?.textContent, 'the receipt', timeout);
}

/** The server's 422 for a key sent again with another body, as it answers it (the key named as a "field"). */
function conflict(stored?: string): ApiError {
  return new IdempotencyConflictError({
    status: 422,
    code: 'idempotency-conflict',
    title: 'This Idempotency-Key was used for a different request',
    fieldErrors: [{ path: 'Idempotency-Key', message: 'Already used for a different request', code: 'alreadyUsed' }],
    ...(stored === undefined ? {} : { stored }),
  });
}

function button(element: Element, label: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(element, 'button').find((candidate) => text(candidate) === label);
  ok(found, `no button “${label}”; buttons: ${$$(element, 'button').map(text).join(' | ')}`);
  return found;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

  it('sends by itself a few seconds later when the server did not answer though the browser stayed online', async function () {
    this.timeout(12_000);
    const element = await reportForm();
    element.answers = [{ error: new NetworkError('Failed to fetch') }, { receipt: 'R-3' }];
    fillReport(element);
    await send(element);
    await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the offline notice');
    ok(navigator.onLine, 'no online event will come');
    equal(element.keys.length, 1, 'not at once');
    equal(await receipt(element, 8000), 'R-3', 'sent again by itself after 5 s');
    equal(element.keys.length, 2, 'once more');
    equal(new Set(element.keys).size, 1, 'with the same key');
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

describe('the form kit: one stored version per intention, and the citizen holds it', () => {
  it('shows what the server stored under a spent key, keeps the changes with a new key, and sends them only when asked', async () => {
    const first = await reportForm();
    first.answers = [{ error: conflict('R-1') }];
    const errors: string[] = [];
    first.addEventListener('opd-error', (event) => errors.push(event.detail.code));
    fillReport(first, 'Jalan Lintas Lahat km 14');
    await send(first);
    const notice = await until(() => first.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the notice');
    includes(text(notice), 'Laporan Anda sudah kami terima dengan nomor R-1', 'the citizen learns what was stored');
    equal(first.shadowRoot?.querySelector('.error-summary'), null, 'no error summary: the key is no field of the form');
    ok(!(first.shadowRoot?.textContent ?? '').includes('Already used'), 'the server’s English never reaches the citizen');
    equal(deepActiveElement(), notice, 'the notice takes focus');
    equal($<HTMLInputElement>(first, '#place').value, 'Jalan Lintas Lahat km 14', 'the changed text stays');
    equal(first.received.join(','), 'R-1', 'the widget is handed what is stored');
    equal(errors.length, 0, 'nothing failed: the report was received');
    const spent = first.keys[0]!;

    // A reload: the changes come back with a new key, and are not sent by themselves.
    first.remove();
    const second = await reportForm();
    second.answers = [{ receipt: 'R-2' }];
    equal($<HTMLInputElement>(second, '#place').value, 'Jalan Lintas Lahat km 14', 'the changes survive a reload');
    await pause(100);
    equal(second.keys.length, 0, 'nothing is sent as new without the citizen asking');
    await send(second);
    equal(await receipt(second), 'R-2', 'sent when asked');
    ok(second.keys[0] !== spent, 'with a new key');
  });

  it('offers to send the changes as new from the notice, or to drop them', async () => {
    const element = await reportForm();
    element.answers = [{ error: conflict('R-1') }, { receipt: 'R-2' }];
    fillReport(element);
    await send(element);
    await until(() => element.shadowRoot?.querySelector('.notice[role=alert]'), 'the notice');
    ok(button(element, 'Tidak perlu, hapus versi yang diubah'), 'a way to drop the changes');
    button(element, 'Kirim versi yang diubah sebagai laporan baru').click();
    equal(await receipt(element), 'R-2', 'the changed version is sent');
    ok(element.keys[1] !== element.keys[0], 'as a new one');
    equal(element.received.join(','), 'R-1,R-2', 'both are handed to the widget');

    const again = await reportForm();
    again.answers = [{ error: conflict('R-7') }];
    fillReport(again);
    await send(again);
    await until(() => again.shadowRoot?.querySelector('.notice[role=alert]'), 'the notice');
    button(again, 'Tidak perlu, hapus versi yang diubah').click();
    await until(() => text(again.shadowRoot?.querySelector('[part~=notice]')).includes('Draf dihapus'), 'the deletion');
    equal($<HTMLInputElement>(again, '#place').value, '', 'the changes are dropped');
    equal(deepActiveElement(), $(again, '#place'), 'focus is on the first field');
  });

  it('explains a conflict the server does not name in the widget’s words, with a way to send the changes', async () => {
    const element = await reportForm();
    element.answers = [{ error: conflict() }, { receipt: 'R-3' }];
    const errors: string[] = [];
    element.addEventListener('opd-error', (event) => errors.push(event.detail.code));
    fillReport(element);
    await send(element);
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the notice');
    includes(text(notice), 'Versi sebelumnya dari laporan ini mungkin sudah kami terima', 'in the widget’s words');
    equal(element.shadowRoot?.querySelector('.error-summary'), null, 'not as a problem with no field');
    equal(errors.join(','), 'server', 'the host page hears of it');
    button(element, 'Kirim versi yang diubah sebagai laporan baru').click();
    equal(await receipt(element), 'R-3', 'sent as new');
    ok(element.keys[1] !== element.keys[0], 'with a new key');
  });

  it('keeps what is typed while the form is sending, as changes not sent', async () => {
    const element = await reportForm();
    let release!: () => void;
    element.answers = [{ receipt: 'R-4', gate: new Promise<void>((resolve) => (release = resolve)) }];
    fillReport(element);
    await send(element);
    fill($<HTMLInputElement>(element, '#place'), 'Jalan Lintas Lahat km 15, dekat jembatan');
    release();
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the notice');
    includes(text(notice), 'nomor R-4', 'the stored version is named');
    equal(element.shadowRoot?.querySelector('.receipt'), null, 'the form stays');
    equal($<HTMLInputElement>(element, '#place').value, 'Jalan Lintas Lahat km 15, dekat jembatan', 'with what was typed');
    equal(deepActiveElement(), $(element, '#place'), 'the citizen keeps typing where they were');
    equal(element.received.join(','), 'R-4', 'the widget is handed the stored version');
    element.answers = [{ receipt: 'R-5' }];
    button(element, 'Kirim versi yang diubah sebagai laporan baru').click();
    equal(await receipt(element), 'R-5', 'the changes go as new when asked');
    ok(element.keys[1] !== element.keys[0], 'with a new key');
  });

  it('sends again by itself, with its key, a draft whose send a reload cut off', async () => {
    const first = await reportForm();
    first.answers = [{ receipt: 'never', gate: new Promise<void>(() => {}) }];
    fillReport(first);
    await send(first);
    first.remove(); // the page goes while the answer is on its way
    answerNext({ receipt: 'R-6' });
    const second = await reportForm();
    equal(await receipt(second), 'R-6', 'the reloaded form learns its receipt');
    equal(second.keys.join(','), first.keys[0], 'with the key of the cut-off send');
    const third = await reportForm();
    fillReport(third);
    third.remove();
    const fourth = await reportForm();
    await pause(100);
    equal(fourth.keys.length, 0, 'a draft never sent is not sent by itself');
    includes(text(fourth.shadowRoot?.querySelector('[part~=notice]')), 'dipulihkan', 'it is restored');
  });

  it('does not send by itself after a reload a draft the server refused', async () => {
    const first = await reportForm();
    first.answers = [
      {
        error: new ApiError({
          status: 422,
          code: 'validation',
          title: 'Invalid',
          fieldErrors: [{ path: 'place', message: 'Unknown road', code: 'invalid' }],
        }),
      },
    ];
    fillReport(first);
    await send(first);
    await until(() => first.shadowRoot?.querySelector('.error-summary'), 'the summary');
    first.remove();
    const second = await reportForm();
    await pause(100);
    equal(second.keys.length, 0, 'nothing sent by itself');
    includes(text(second.shadowRoot?.querySelector('[part~=notice]')), 'dipulihkan', 'the draft is restored to be corrected');
  });

  it('counts down a rate limit’s wait and sends by itself when it is over, with the same key', async function () {
    this.timeout(10_000);
    const element = await reportForm();
    element.answers = [
      { error: new RateLimitError({ status: 429, code: 'rate-limited', title: 'Slow down', retryAfter: 2 }) },
      { receipt: 'R-8' },
    ];
    fillReport(element);
    await send(element);
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the notice');
    includes(text(notice), 'Tunggu 2 detik', 'the wait');
    const timer = $(element, '.notice [role=timer]');
    equal(timer.getAttribute('aria-live'), 'off', 'the countdown is not announced each second');
    await until(() => text(element.shadowRoot?.querySelector('.notice [role=timer]')).includes('Tunggu 1 detik'), 'the count down', 2500);
    equal(await receipt(element, 3000), 'R-8', 'sent by itself when the wait is over');
    equal(element.keys.length, 2, 'once more');
    equal(new Set(element.keys).size, 1, 'with the same key');
  });

  it('counts characters as the schema does: code points, not UTF-16 units', async () => {
    for (const sample of ['', 'abc', '😀', '😀😀x', 'e\u0301', '\ud83d', '\ude00\ud83d', '👩‍👩‍👧']) {
      const decoded = JSON.parse(`"${sample}"`) as string;
      const length = textLength(decoded);
      ok(z.string().check(z.maxLength(length)).safeParse(decoded).success, `zod accepts ${sample} at ${length}`);
      ok(!z.string().check(z.maxLength(length - 1)).safeParse(decoded).success || length === 0, `zod refuses ${sample} at ${length - 1}`);
    }
    const element = await reportForm();
    fill($<HTMLTextAreaElement>(element, '#details'), '😀'.repeat(20));
    await element.updateComplete;
    includes(text($(element, '.count')), 'Sisa 0 karakter', '20 emoji are 20 characters');
    fillReport(element);
    fill($<HTMLTextAreaElement>(element, '#details'), '😀'.repeat(20));
    await send(element);
    equal(await receipt(element), 'R-1', 'and the schema lets them through');
  });
});
