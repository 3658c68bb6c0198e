/**
 * <opd-consultation-form> in Chromium against the real API.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/consultation-form/define.js';
import type { OpdConsultationForm } from '../../widgets/consultation-form/consultation-form.js';
import { draftStorageKey } from '../../widgets/shared/draft-controller.js';
import { TRACKING_CODE_PATTERN } from '../../src/schemas/index.js';
import {
  $,
  $$,
  axeViolations,
  cleanup,
  deepActiveElement,
  equal,
  fill,
  includes,
  mount,
  ok,
  setChecked,
  siapOpd,
  staffConsultationsWithSubject,
  testConfig,
  text,
  uniqueSubject,
  until,
} from './helpers.js';

let opd: Awaited<ReturnType<typeof siapOpd>>;

before(async () => {
  opd = await siapOpd();
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});

async function form(attributes = ''): Promise<OpdConsultationForm> {
  const element = await mount<OpdConsultationForm>(
    `<opd-consultation-form api="${testConfig().api}" opd="${opd.slug}" ${attributes}></opd-consultation-form>`,
  );
  await until(() => $$<HTMLOptionElement>(element, '#category option').length > 1, 'the categories to load');
  return element;
}

function control<E extends HTMLElement = HTMLInputElement>(element: OpdConsultationForm, id: string): E {
  return $<E>(element, `#${id}`);
}

/** Fills every field with a valid question; `overrides` change single fields. */
function fillQuestion(element: OpdConsultationForm, overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  const values: Record<string, string> = {
    name: 'Siti Aminah',
    email: 'siti.aminah@contoh.id',
    phone: '0812 3456 7890',
    category: opd.consultationCategories[0]!.id,
    subject: uniqueSubject('Cara membayar retribusi sewa aset daerah'),
    message: 'Selamat pagi. Bagaimana cara membayar retribusi sewa gedung milik pemerintah daerah?',
    ...overrides,
  };
  for (const [id, value] of Object.entries(values)) {
    fill(control<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(element, id), value);
  }
  setChecked(control(element, 'consent'), true);
  return values;
}

async function submit(element: OpdConsultationForm): Promise<void> {
  $<HTMLButtonElement>(element, 'button[type=submit]').click();
  await element.updateComplete;
}

function successPanel(element: OpdConsultationForm, timeout?: number): Promise<HTMLElement> {
  return until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=success]'), 'the receipt', timeout);
}

describe('<opd-consultation-form>', () => {
  it('shows every field with a visible label and loads the OPD’s categories', async () => {
    const element = await form();
    for (const id of ['name', 'email', 'phone', 'category', 'subject', 'message', 'consent']) {
      const label = $(element, `label[for=${id}]`);
      ok(text(label).length > 0, `the ${id} field has an empty label`);
      ok(label.getBoundingClientRect().height > 0, `the ${id} label is not visible`);
      ok(element.shadowRoot!.getElementById(id), `no control with id ${id}`);
    }
    equal(control(element, 'name').autocomplete, 'name', 'name autocompletes as a name');
    equal(control(element, 'email').autocomplete, 'email', 'e-mail autocompletes');
    equal(control(element, 'phone').autocomplete, 'tel', 'phone autocompletes as tel');
    equal(control(element, 'phone').inputMode, 'tel', 'phone opens the number pad');
    includes(control(element, 'phone').getAttribute('aria-describedby'), 'phone-hint', 'the phone hint is linked');
    const options = $$<HTMLOptionElement>(element, '#category option').slice(1);
    equal(
      options.map((option) => option.textContent?.trim()).join('|'),
      opd.consultationCategories.map((category) => category.name).join('|'),
      'the select lists the OPD’s categories',
    );
    includes(text($(element, '.count')), 'Sisa 5.000 karakter', 'the counter starts at 5,000');
    includes(text($(element, '#consent-hint')), 'UU No. 27 Tahun 2022', 'the consent says what the law is');
  });

  it('counts the characters left and says when the question is too long', async () => {
    const element = await form();
    fill(control(element, 'message'), 'Apakah ada biaya?');
    await element.updateComplete;
    includes(text($(element, '.count')), 'Sisa 4.983 karakter', 'the counter follows the typing');
    await until(() => text($(element, '[role=status]')).includes('Sisa 4.983 karakter'), 'the polite announcement', 3000);
    fill(control(element, 'message'), 'x'.repeat(5012));
    await element.updateComplete;
    includes(text($(element, '.count')), 'Kelebihan 12 karakter', 'the counter says how much to cut');
    fillQuestion(element, { message: 'x'.repeat(5012) });
    await submit(element);
    includes(text($(element, '#message-error')), 'paling banyak 5.000 karakter', 'the message is refused as too long');
    equal(control<HTMLTextAreaElement>(element, 'message').value.length, 5012, 'nothing typed is cut off');
  });

  it('shows a focused error summary and an inline error for a wrong e-mail, keeping what was typed', async () => {
    const element = await form();
    const typed = fillQuestion(element, { email: 'siti.aminah@', phone: '' });
    await submit(element);
    const summary = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the summary');
    equal(deepActiveElement(), summary, 'the summary takes focus');
    includes(text(summary), 'Ada masalah', 'the summary has its title');
    includes(
      text(summary),
      'Masukkan alamat e-mail dengan format yang benar, seperti nama@contoh.id',
      'the summary says how to fix the e-mail',
    );
    const email = control(element, 'email');
    equal(email.getAttribute('aria-invalid'), 'true', 'the e-mail field is marked invalid');
    includes(email.getAttribute('aria-describedby'), 'email-error', 'the inline error is linked to the field');
    includes(text($(element, '#email-error')), 'format yang benar', 'the inline error is under the field');
    equal($$(element, '.error').length, 1, 'only the e-mail is wrong');
    for (const [id, value] of Object.entries(typed)) {
      equal(control<HTMLInputElement>(element, id).value, value, `the ${id} field keeps what was typed`);
    }
    ok(control(element, 'consent').checked, 'the consent stays ticked');
  });

  it('moves focus to the field when its error link in the summary is followed', async () => {
    const element = await form();
    fillQuestion(element, { name: '', subject: '' });
    await submit(element);
    const links = await until(() => $$<HTMLAnchorElement>(element, '.error-summary a'), 'the summary links');
    equal(links.length, 2, 'one link per problem');
    includes(text(links[0]), 'Masukkan nama Anda', 'problems are listed in field order');
    links[1]!.click();
    equal(deepActiveElement(), control(element, 'subject'), 'the subject field has focus');
    equal(location.hash, '', 'the page address does not change');
    // The same with the keyboard only: from the summary, Tab to the first link and press Enter.
    links[0]!.focus();
    await sendKeys({ press: 'Enter' });
    equal(deepActiveElement(), control(element, 'name'), 'Enter on a link focuses its field');
    await sendKeys({ type: 'Siti' });
    equal(control(element, 'name').value, 'Siti', 'and the citizen can type there at once');
  });

  it('asks for a contact when neither e-mail nor mobile number is given', async () => {
    const element = await form();
    fillQuestion(element, { email: '', phone: '' });
    await submit(element);
    includes(text($(element, '#email-error')), 'alamat e-mail atau nomor HP', 'the citizen learns that one contact is needed');
  });

  it('sends a valid question, shows its tracking code and fires opd-submitted once', async () => {
    const element = await form();
    const submitted: CustomEvent[] = [];
    const listener = (event: Event): void => void submitted.push(event as CustomEvent);
    document.addEventListener('opd-submitted', listener);
    const typed = fillQuestion(element);
    await submit(element);
    const panel = await successPanel(element);
    const code = text($(element, '[part~=tracking-code]'));
    ok(TRACKING_CODE_PATTERN.test(code), `${code} is a tracking code`);
    equal(deepActiveElement(), $(element, '#success-title'), 'focus moves to the receipt’s heading');
    includes(text(panel), 'Pertanyaan Anda sudah terkirim', 'the receipt says it was sent');
    ok(/paling lambat (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ 20\d\d/.test(text(panel)), 'the due day is written out in Indonesian');
    await new Promise((resolve) => setTimeout(resolve, 50));
    equal(submitted.length, 1, 'opd-submitted fires once');
    equal(submitted[0]!.detail.trackingCode, code, 'the event carries the code');
    equal(Object.keys(submitted[0]!.detail).sort().join(','), 'opd,trackingCode', 'the event carries no personal data');
    const stored = await staffConsultationsWithSubject(opd.slug, typed.subject!);
    equal(stored.map((c) => c.trackingCode).join(','), code, 'the OPD received exactly this question');
  });

  it('copies the tracking code and says so', async () => {
    const element = await form();
    fillQuestion(element);
    await submit(element);
    await successPanel(element);
    const copy = $$<HTMLButtonElement>(element, '[part~=success] button').find((b) => text(b) === 'Salin kode');
    ok(copy, 'there is a copy button');
    copy.click();
    const status = await until(() => text($(element, '.copy-status')), 'the copy message');
    ok(status === 'Kode disalin' || status.includes('Ctrl+C'), `the citizen is told what happened: ${status}`);
    const another = $$<HTMLButtonElement>(element, '[part~=success] button').find((b) => text(b) === 'Kirim pertanyaan lain');
    ok(another, 'the citizen can ask another question');
    another.click();
    await until(() => deepActiveElement() === element.shadowRoot?.getElementById('name'), 'focus on the name field');
    equal(control(element, 'subject').value, '', 'the new form is empty');
  });

  it('keeps an unsent question across reloads and forgets it once sent', async () => {
    const first = await form();
    const typed = fillQuestion(first);
    first.remove(); // like closing the tab: the pending draft is written at once
    const key = draftStorageKey('consultation-form', opd.slug);
    ok(localStorage.getItem(key), 'the draft is stored on the device');

    const second = await form();
    for (const [id, value] of Object.entries(typed)) {
      equal(control<HTMLInputElement>(second, id).value, value, `the ${id} field is restored`);
    }
    ok(control(second, 'consent').checked, 'the consent is restored');
    includes(text($(second, '[part~=notice]')), 'dipulihkan', 'a notice says the draft was restored');

    await submit(second);
    await successPanel(second);
    equal(localStorage.getItem(key), null, 'the draft is gone once the question is sent');
    const third = await form();
    equal(control(third, 'name').value, '', 'a new form starts empty');
    equal(third.shadowRoot!.querySelector('[part~=notice]'), null, 'and says nothing about a draft');
  });

  it('shows the server’s field errors the same way, e.g. a category the OPD no longer offers', async () => {
    const key = draftStorageKey('consultation-form', opd.slug);
    const draft = {
      name: 'Dewi Lestari',
      email: 'dewi@contoh.id',
      phone: '',
      category: 'kategori-yang-sudah-dihapus',
      subject: uniqueSubject('Draf lama'),
      message: 'Pertanyaan dari draf lama.',
      consent: true,
    };
    localStorage.setItem(key, JSON.stringify({ v: 1, data: draft, idempotencyKey: crypto.randomUUID(), savedAt: Date.now() }));
    const element = await form();
    equal(control(element, 'name').value, 'Dewi Lestari', 'the old draft is restored');
    await submit(element);
    const summary = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the summary');
    includes(text(summary), 'Pilih salah satu kategori dari daftar', 'the server’s refusal is translated');
    equal(deepActiveElement(), summary, 'the summary takes focus');
    equal(control(element, 'category').getAttribute('aria-invalid'), 'true', 'the category is marked invalid');
    equal(control(element, 'name').value, 'Dewi Lestari', 'nothing typed is lost');
    ok(localStorage.getItem(key), 'the draft is still kept');
  });

  it('still sends when the browser refuses to store a draft', async () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      const element = await form();
      fillQuestion(element);
      await new Promise((resolve) => setTimeout(resolve, 500)); // past the draft's debounce
      await submit(element);
      await successPanel(element);
    } finally {
      Storage.prototype.setItem = setItem;
    }
  });

  it('sends once when the connection comes back, even if the first answers were lost', async function () {
    this.timeout(40_000);
    const element = await form();
    const typed = fillQuestion(element);
    const realFetch = window.fetch;
    let offline = true;
    const keys: string[] = [];
    // The requests reach the server but their answers never come back, as on a dropped mobile link.
    window.fetch = async (input, init) => {
      const request = new Request(input, init);
      if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key') ?? '');
      const response = await realFetch(request);
      if (offline && request.method === 'POST') throw new TypeError('Failed to fetch');
      return response;
    };
    try {
      await submit(element);
      const notice = await until(
        () => element.shadowRoot?.querySelector<HTMLElement>('.notice--warning'),
        'the offline notice',
        12_000,
      );
      includes(
        text(notice),
        'Tidak ada koneksi — pertanyaan Anda belum terkirim dan tetap tersimpan di perangkat ini',
        'the citizen is told nothing is lost',
      );
      ok(notice.querySelector('button'), 'a resend button is offered');
      equal(control(element, 'name').value, typed.name, 'the name is kept');
      equal(control<HTMLTextAreaElement>(element, 'message').value, typed.message, 'the question is kept');
      ok(!$<HTMLButtonElement>(element, 'button[type=submit]').disabled, 'the form can be used again');

      offline = false;
      const errors: string[] = [];
      element.addEventListener('opd-error', (event) => errors.push(`${event.detail.code}: ${String(event.detail.error)}`));
      window.dispatchEvent(new Event('online'));
      await successPanel(element, 25_000).catch((error: Error) => {
        throw new Error(`${error.message}; errors: ${errors.join(' | ')}; shown: ${text(element.shadowRoot!.querySelector('.notice'))}`);
      });
    } finally {
      window.fetch = realFetch;
    }
    ok(keys.length >= 2, `the question was sent more than once (${keys.length})`);
    equal(new Set(keys).size, 1, 'every attempt carried the same idempotency key');
    const stored = await staffConsultationsWithSubject(opd.slug, typed.subject!);
    equal(stored.length, 1, 'the OPD has the question exactly once');
    equal(stored[0]!.trackingCode, text($(element, '[part~=tracking-code]')), 'and it is the one on the receipt');
  });

  it('disables the button while sending so a double click sends once', async () => {
    performance.clearResourceTimings();
    const element = await form();
    const typed = fillQuestion(element);
    const button = $<HTMLButtonElement>(element, 'button[type=submit]');
    button.click();
    await element.updateComplete;
    ok(button.disabled, 'the button is disabled while sending');
    equal(button.getAttribute('aria-busy'), 'true', 'and marked busy');
    const submitted: Event[] = [];
    element.addEventListener('opd-submitted', (event) => submitted.push(event));
    button.click();
    $<HTMLFormElement>(element, 'form').requestSubmit();
    await successPanel(element);
    await new Promise((resolve) => setTimeout(resolve, 500)); // time for a second request to land
    equal(submitted.length, 1, 'one receipt');
    const posts = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name === `${testConfig().api}/api/v1/opds/${opd.slug}/consultations`);
    equal(posts.length, 1, 'one request was sent');
    const stored = await staffConsultationsWithSubject(opd.slug, typed.subject!);
    equal(stored.length, 1, 'one question was stored');
  });

  it('says how long to wait when the server refuses too many questions, keeping the new one', async () => {
    const element = await mount<OpdConsultationForm>(
      `<opd-consultation-form api="${testConfig().strictApi}" opd="${opd.slug}"></opd-consultation-form>`,
    );
    await until(() => $$(element, '#category option').length > 1, 'the categories');
    fillQuestion(element);
    await submit(element);
    await successPanel(element);
    $$<HTMLButtonElement>(element, '[part~=success] button').find((b) => text(b) === 'Kirim pertanyaan lain')!.click();
    await element.updateComplete;
    const typed = fillQuestion(element);
    await submit(element);
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the notice');
    includes(text(notice), 'Terlalu banyak permintaan', 'the citizen is told why');
    includes(text(notice), 'Tunggu 59 detik', 'and how long to wait');
    equal(control(element, 'subject').value, typed.subject, 'the new question is kept');
  });

  it('offers to try again when the categories cannot be loaded', async () => {
    const element = await mount<OpdConsultationForm>(
      `<opd-consultation-form api="http://127.0.0.1:9" opd="${opd.slug}"></opd-consultation-form>`,
    );
    const notice = await until(() => element.shadowRoot?.querySelector('#category-hint.notice'), 'the load failure', 12_000);
    includes(text(notice), 'Daftar kategori tidak dapat dimuat', 'the citizen is told');
    const retry = notice.querySelector('button');
    ok(retry, 'there is a retry button');
    element.api = testConfig().api;
    await until(() => $$(element, '#category option').length > 1, 'the categories after retrying');
  });

  it('speaks English with lang="en"', async () => {
    const element = await form('lang="en"');
    equal(text($(element, 'label[for=name]')), 'Name', 'labels are in English');
    equal(text($(element, 'button[type=submit]')), 'Send question', 'the button is in English');
    fillQuestion(element, { email: 'nope', phone: '' });
    await submit(element);
    includes(text($(element, '.error-summary')), 'There is a problem', 'the summary is in English');
    includes(text($(element, '#email-error')), 'like name@example.com', 'errors are in English');
    element.setAttribute('lang', 'id');
    await element.updateComplete;
    equal(text($(element, 'label[for=name]')), 'Nama', 'switching lang switches the text');
    includes(text($(element, '#email-error')), 'seperti nama@contoh.id', 'errors already shown switch too');
  });

  it('has no axe violations: empty, with errors, and sent', async () => {
    const element = await form();
    equal((await axeViolations(element)).join('\n'), '', 'the empty form');
    fillQuestion(element, { email: 'x@', name: '' });
    await submit(element);
    equal((await axeViolations(element)).join('\n'), '', 'the form with errors');
    fillQuestion(element);
    await submit(element);
    await successPanel(element);
    equal((await axeViolations(element)).join('\n'), '', 'the receipt');
  });
});
