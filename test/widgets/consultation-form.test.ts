/**
 * <opd-consultation-form> in Chromium against the real API.
 */
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/consultation-form/define.js';
import type { OpdConsultationForm } from '../../widgets/consultation-form/consultation-form.js';
import { draftStorageKey } from '../../widgets/shared/draft-controller.js';
import { receiptStorageKey } from '../../widgets/shared/receipt-store.js';
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


/** Runs `run` while the browser refuses to store anything (full quota, private mode). */
async function withStorageRefused(run: () => Promise<void>): Promise<void> {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  try {
    await run();
  } finally {
    Storage.prototype.setItem = setItem;
  }
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
    await withStorageRefused(async () => {
      const element = await form();
      fillQuestion(element);
      await new Promise((resolve) => setTimeout(resolve, 500)); // past the draft's debounce
      await submit(element);
      await successPanel(element);
    });
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

  it('sends the consent sentence it shows, in the language it shows it, with the question', async () => {
    const sentences = {
      id: 'Saya setuju nama dan kontak saya dipakai untuk menjawab pertanyaan ini.',
      en: 'I agree that my name and contact details are used to answer this question.',
    };
    for (const [lang, sentence] of Object.entries(sentences)) {
      const element = await form(`lang="${lang}"`);
      fillQuestion(element);
      equal(text($(element, 'label[for=consent]')), sentence, `the ${lang} consent sentence is shown`);
      const bodies: Record<string, unknown>[] = [];
      const realFetch = window.fetch;
      window.fetch = async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'POST') bodies.push((await request.clone().json()) as Record<string, unknown>);
        return realFetch(request);
      };
      try {
        await submit(element);
        await successPanel(element);
      } finally {
        window.fetch = realFetch;
      }
      equal(bodies.length, 1, `one question sent (${lang})`);
      equal(bodies[0]!.consent, true, `consent is given (${lang})`);
      equal(bodies[0]!.consentText, sentence, `the body carries the sentence shown (${lang})`);
      cleanup();
    }
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

/** A button of the widget by its visible text. */
function buttonNamed(element: OpdConsultationForm, label: string): HTMLButtonElement {
  const found = $$<HTMLButtonElement>(element, 'button').find((candidate) => text(candidate) === label);
  ok(found, `no button “${label}”; buttons: ${$$(element, 'button').map(text).join(' | ')}`);
  return found;
}

/** The polite live region of the form (not the copy message's). */
function liveRegion(element: OpdConsultationForm): HTMLElement {
  return $(element, '.base > [role=status]');
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Wraps `fetch` for the test's length; `handle` sees each request and may answer it itself. */
function interceptFetch(
  handle: (request: Request, real: typeof fetch) => Promise<Response> | undefined,
): { restore: () => void; keys: string[] } {
  const realFetch = window.fetch;
  const keys: string[] = [];
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (request.method === 'POST') keys.push(request.headers.get('Idempotency-Key') ?? '');
    return (await handle(request, realFetch)) ?? realFetch(request);
  };
  return { restore: () => void (window.fetch = realFetch), keys };
}

/** Reads the idempotency key of the OPD's stored draft, when asked. */
function draftKeyOf(): () => string {
  return () => (JSON.parse(localStorage.getItem(draftStorageKey('consultation-form', opd.slug)) ?? '{}') as { idempotencyKey?: string }).idempotencyKey ?? '';
}

/**
 * From now on, requests with this idempotency key get no answer: the removed form of a "page"
 * that went must not reach the server again (its SDK retries after a timeout) while later tests run.
 */
function neverAnswer(key: string): void {
  ok(key, 'no idempotency key to silence');
  const next = window.fetch;
  window.fetch = (input, init) => {
    const request = new Request(input, init);
    return request.headers.get('Idempotency-Key') === key ? new Promise<Response>(() => {}) : next(request);
  };
}

describe('<opd-consultation-form>: the citizen always holds the code of what was stored', () => {
  it('after a lost answer and an offline edit, shows the stored question’s code and keeps the edit to send as new', async function () {
    this.timeout(40_000);
    const element = await form();
    const typed = fillQuestion(element);
    let offline = true;
    const intercepted = interceptFetch((request, real) => {
      if (request.method !== 'POST' || !offline) return undefined;
      // The question reaches the server and is stored, but the answer is lost.
      return real(request).then(async (response) => {
        await response.arrayBuffer();
        throw new TypeError('Failed to fetch');
      });
    });
    try {
      await submit(element);
      await until(() => element.shadowRoot?.querySelector('.notice--warning'), 'the offline notice', 12_000);
      const edited = `${typed.message} Tambahan: apakah bisa dibayar lewat bank?`;
      fill(control<HTMLTextAreaElement>(element, 'message'), edited);
      offline = false;
      window.dispatchEvent(new Event('online'));
      const notice = await until(
        () => (text(element.shadowRoot?.querySelector('.notice')).includes('sudah kami terima') ? element.shadowRoot!.querySelector<HTMLElement>('.notice') : null),
        'the notice of the stored question',
        20_000,
      );
      const [stored] = await staffConsultationsWithSubject(opd.slug, typed.subject!);
      ok(stored, 'the first version was stored');
      includes(text(notice), `Pertanyaan Anda sudah kami terima dengan kode ${stored.trackingCode}`, 'the citizen learns its code');
      includes(text(notice), 'Perubahan yang Anda buat setelah itu belum terkirim', 'and that the edit was not sent');
      ok(!(element.shadowRoot?.textContent ?? '').includes('Already used'), 'no English from the server');
      equal(element.shadowRoot?.querySelector('.error-summary'), null, 'no error summary');
      equal(control<HTMLTextAreaElement>(element, 'message').value, edited, 'the edited text stays in the form');
      includes(text($(element, '[part~=receipts]')), stored.trackingCode, 'the stored question’s receipt is kept on the device');
      equal((await axeViolations(element)).join('\n'), '', 'no axe violations with the notice');

      buttonNamed(element, 'Kirim versi yang diubah sebagai pertanyaan baru').click();
      await successPanel(element);
      const code = text($(element, '[part~=tracking-code]'));
      ok(code !== stored.trackingCode, 'the edit is a new question with its own code');
      const both = await staffConsultationsWithSubject(opd.slug, typed.subject!);
      equal(both.length, 2, 'two questions, one per intention');
      equal(new Set(intercepted.keys.slice(-1)).has(intercepted.keys[0]!), false, 'the new question had a new key');
    } finally {
      intercepted.restore();
    }
  });

  it('keeps what the citizen types while the question is being sent, and offers to send it as new', async () => {
    const element = await form();
    const typed = fillQuestion(element);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const intercepted = interceptFetch((request, real) => {
      if (request.method !== 'POST') return undefined;
      return real(request).then(async (response) => {
        await held;
        return response;
      });
    });
    try {
      await submit(element);
      const edited = `${typed.message} Maaf, satu lagi: berapa lama prosesnya?`;
      fill(control<HTMLTextAreaElement>(element, 'message'), edited);
      release();
      const notice = await until(
        () => (text(element.shadowRoot?.querySelector('.notice')).includes('sudah kami terima') ? element.shadowRoot!.querySelector<HTMLElement>('.notice') : null),
        'the notice of the stored question',
      );
      const [stored] = await staffConsultationsWithSubject(opd.slug, typed.subject!);
      includes(text(notice), stored!.trackingCode, 'the code of what was sent');
      equal(control<HTMLTextAreaElement>(element, 'message').value, edited, 'what was typed meanwhile is kept');
      equal(deepActiveElement(), control(element, 'message'), 'the citizen keeps typing where they were');
    } finally {
      intercepted.restore();
    }
  });

  it('learns the code after a reload cut off the send, without storing the question twice', async () => {
    const first = await form();
    const typed = fillQuestion(first);
    const intercepted = interceptFetch((request, real) => {
      if (request.method !== 'POST') return undefined;
      // Stored, and the page goes before the answer arrives.
      return real(request).then(async (response) => {
        await response.arrayBuffer();
        return new Promise<Response>(() => {});
      });
    });
    const cutOff = draftKeyOf();
    try {
      await submit(first);
      for (let tries = 0; (await staffConsultationsWithSubject(opd.slug, typed.subject!)).length === 0; tries++) {
        ok(tries < 100, 'the question was not stored');
        await pause(50);
      }
      first.remove();
    } finally {
      intercepted.restore();
    }
    const key = cutOff();
    // The page again: the form sends the cut-off question again by itself, with its key.
    const second = await mount<OpdConsultationForm>(
      `<opd-consultation-form api="${testConfig().api}" opd="${opd.slug}"></opd-consultation-form>`,
    );
    await successPanel(second);
    const stored = await staffConsultationsWithSubject(opd.slug, typed.subject!);
    equal(stored.length, 1, 'stored once');
    equal(text($(second, '[part~=tracking-code]')), stored[0]!.trackingCode, 'and the citizen holds its code');
    neverAnswer(key);
  });
});

describe('<opd-consultation-form>: the receipt', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await emulateMedia({ media: 'screen' });
  });

  it('keeps the receipt on this device after a reload, until the citizen deletes it', async () => {
    const first = await form();
    fillQuestion(first);
    await submit(first);
    await successPanel(first);
    const code = text($(first, '[part~=tracking-code]'));
    first.remove();

    const second = await form();
    const kept = $(second, '[part~=receipts]');
    includes(text(kept), code, 'the code is still on the device');
    includes(text(kept), 'Dikirim', 'with the day it was sent');
    const link = kept.querySelector<HTMLAnchorElement>('a')!;
    equal(link.href, `${location.href.split('#')[0]}#lacak=${code}`, 'the status link: this page, #lacak=<code>');
    buttonNamed(second, `Tampilkan tanda terima ${code}`).click();
    const panel = await successPanel(second);
    equal(deepActiveElement(), $(second, '#success-title'), 'focus moves to the receipt');
    includes(text(panel), 'Tanda terima pertanyaan Anda', 'it is the kept receipt');
    includes(text(panel), code, 'with its code');
    ok(/Dikirim (Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ 20\d\d pukul \d\d\.\d\d WIB/.test(text(panel)), `the moment it was sent: ${text(panel)}`);
    includes(text(panel), opd.name, 'and the OPD asked');
    buttonNamed(second, 'Hapus tanda terima ini dari perangkat').click();
    await until(() => !second.shadowRoot?.querySelector('[part~=success]'), 'back to the form');
    equal(second.shadowRoot?.querySelector('[part~=receipts]'), null, 'the receipt is gone');
    equal(localStorage.getItem(receiptStorageKey('consultation-form', opd.slug)), null, 'from the device too');
    const third = await form();
    equal(third.shadowRoot?.querySelector('[part~=receipts]'), null, 'and stays gone after a reload');
  });

  it('links to the status widget where status-href says, with #lacak=<code>', async () => {
    const element = await form('status-href="/layanan/status?bahasa=id"');
    fillQuestion(element);
    await submit(element);
    const panel = await successPanel(element);
    const code = text($(element, '[part~=tracking-code]'));
    const link = [...panel.querySelectorAll<HTMLAnchorElement>('a')].find((a) => text(a) === 'Lihat status');
    ok(link, 'the receipt links to the status');
    equal(link.href, `${location.origin}/layanan/status?bahasa=id#lacak=${code}`, 'at status-href');
    includes(text(panel.querySelector('.print-only')), link.href, 'the printed receipt says where to look');
  });

  it('keeps the receipt for the page when the browser refuses to store it', async () => {
    await withStorageRefused(async () => {
      const element = await form();
      fillQuestion(element);
      await submit(element);
      await successPanel(element);
      const code = text($(element, '[part~=tracking-code]'));
      buttonNamed(element, 'Kirim pertanyaan lain').click();
      await until(() => element.shadowRoot?.querySelector('[part~=receipts]'), 'the kept receipts');
      includes(text($(element, '[part~=receipts]')), code, 'the code stays for the page');
    });
  });

  it('prints a legible receipt with the “Cetak tanda terima” button', async () => {
    const element = await form();
    fillQuestion(element);
    await submit(element);
    const panel = await successPanel(element);
    const print = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      buttonNamed(element, 'Cetak tanda terima').click();
    } finally {
      window.print = print;
    }
    equal(printed, 1, 'the button opens the print dialog');
    await emulateMedia({ media: 'print' });
    const code = $(element, '[part~=tracking-code]');
    equal(getComputedStyle(code).color, 'rgb(0, 0, 0)', 'the code prints black');
    ok(parseFloat(getComputedStyle(code).fontSize) >= 24, `the code prints large: ${getComputedStyle(code).fontSize}`);
    ok(code.getBoundingClientRect().width > 0 && code.scrollWidth <= code.clientWidth + 1, 'the whole code prints');
    equal(getComputedStyle(panel).color, 'rgb(0, 0, 0)', 'the text prints black');
    equal(getComputedStyle($(element, '.print-only')).display, 'block', 'where to see the status prints');
    await setViewport({ width: 320, height: 640 });
    ok(code.scrollWidth <= code.clientWidth + 1, 'the whole code prints on a narrow page too');
    for (const button of $$(element, '[part~=success] button, [part~=success] a.button')) {
      ok(!button.checkVisibility(), `no “${text(button)}” on paper`);
    }
    ok(code.checkVisibility() && $(element, '#success-title').checkVisibility(), 'the heading and the code print');
  });

  it('lays the receipt and the kept receipts out without overflow at phone widths', async () => {
    const element = await form();
    fillQuestion(element);
    await submit(element);
    await successPanel(element);
    for (const width of [320, 360, 375, 414]) {
      await setViewport({ width, height: 800 });
      for (const view of ['receipt', 'list'] as const) {
        if (view === 'list') {
          $<HTMLButtonElement>(element, '.leave-row .button').click();
          await until(() => element.shadowRoot?.querySelector('[part~=receipts]'), 'the list');
        }
        const host = element.getBoundingClientRect();
        ok(document.documentElement.scrollWidth <= window.innerWidth, `${view} at ${width}: the page does not scroll sideways`);
        for (const node of $$(element, view === 'list' ? '[part~=receipts] *' : '[part~=success] *')) {
          const box = node.getBoundingClientRect();
          if (box.width === 0) continue;
          ok(box.right <= host.right + 0.5, `${view} at ${width}: ${node.localName}.${node.className} ends at ${box.right} past ${host.right}`);
        }
        if (view === 'list') {
          $$<HTMLButtonElement>(element, '[part~=receipts] button')[0]!.click();
          await successPanel(element);
        }
      }
    }
  });

  it('opens and leaves a kept receipt with the keyboard only, focus following', async () => {
    const first = await form();
    fillQuestion(first);
    await submit(first);
    await successPanel(first);
    first.remove();
    const element = await form();
    const open = $$<HTMLButtonElement>(element, '[part~=receipts] button')[0]!;
    open.focus();
    await sendKeys({ press: 'Enter' });
    await successPanel(element);
    equal(deepActiveElement(), $(element, '#success-title'), 'the receipt’s heading has focus');
    equal((await axeViolations(element)).join('\n'), '', 'no axe violations on the kept receipt');
    const back = buttonNamed(element, 'Kembali ke formulir');
    back.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !element.shadowRoot?.querySelector('[part~=success]'), 'back to the form');
    equal(deepActiveElement(), $$(element, '[part~=receipts] button')[0], 'focus returns to the button that opened it');
    equal((await axeViolations(element)).join('\n'), '', 'no axe violations with the kept receipts');
  });
});

describe('<opd-consultation-form>: what it says', () => {
  it('counts characters as the server does: code points, after trimming', async () => {
    const element = await form();
    fill(control(element, 'message'), '😀'.repeat(4000));
    await element.updateComplete;
    includes(text($(element, '.count')), 'Sisa 1.000 karakter', '4,000 emoji are 4,000 characters');
    fill(control(element, 'message'), `   ${'x'.repeat(5000)}\n\n`);
    await element.updateComplete;
    includes(text($(element, '.count')), 'Sisa 0 karakter', 'spaces around are trimmed, as the server trims them');
    fill(control(element, 'message'), '😀'.repeat(5001));
    await element.updateComplete;
    includes(text($(element, '.count')), 'Kelebihan 1 karakter', 'one code point over');
    fillQuestion(element, { message: '😀'.repeat(5000) });
    await element.updateComplete;
    includes(text($(element, '.count')), 'Sisa 0 karakter', 'exactly at the limit');
    await submit(element);
    await successPanel(element);
  });

  it('announces no stale count after the question is sent', async () => {
    const element = await form();
    fillQuestion(element);
    await submit(element); // within the count’s quiet second
    await successPanel(element);
    await pause(1300);
    equal(text(liveRegion(element)), '', 'the live region says nothing about characters');
  });

  it('counts a rate limit’s wait down and sends by itself when it is over, with the same key', async function () {
    this.timeout(20_000);
    const element = await form();
    fillQuestion(element);
    let refused = false;
    const intercepted = interceptFetch((request) => {
      if (request.method !== 'POST' || refused) return undefined;
      refused = true;
      const body = { type: '/problems/rate-limited', title: 'Too many requests', status: 429 };
      return Promise.resolve(
        new Response(JSON.stringify(body), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '6' } }),
      );
    });
    try {
      await submit(element);
      const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice[role=alert]'), 'the notice');
      includes(text(notice), 'Tunggu 6 detik', 'the wait');
      await until(() => text(element.shadowRoot?.querySelector('.notice [role=timer]')).includes('Tunggu 5 detik'), 'the countdown', 2500);
      equal((await axeViolations(element)).join('\n'), '', 'no axe violations while waiting');
      await successPanel(element, 9000);
    } finally {
      intercepted.restore();
    }
    equal(intercepted.keys.length, 2, 'sent once more');
    equal(new Set(intercepted.keys).size, 1, 'with the same key');
  });

  it('tells the site owner which opd was not found, and the citizen that the service is not here', async () => {
    const errors: string[] = [];
    const listener = (event: Event): void => void errors.push((event as CustomEvent).detail.code);
    document.addEventListener('opd-error', listener);
    try {
      const typo = await mount<OpdConsultationForm>(`<opd-consultation-form api="${testConfig().api}" opd="bpkda"></opd-consultation-form>`);
      const notice = await until(() => typo.shadowRoot?.querySelector<HTMLElement>('[part~=notice]'), 'the notice');
      includes(text(notice), 'Layanan konsultasi tidak tersedia di halaman ini', 'the citizen’s line');
      includes(text(notice), 'OPD “bpkda” pada atribut opd tidak dikenal', 'the site owner’s line names the slug');
      equal(errors.join(','), 'config', 'the page hears of a configuration error');
      equal((await axeViolations(typo)).join('\n'), '', 'no axe violations');

      const off = await mount<OpdConsultationForm>(`<opd-consultation-form api="${testConfig().api}" opd="sekretariat-dprd"></opd-consultation-form>`);
      const offNotice = await until(() => off.shadowRoot?.querySelector<HTMLElement>('[part~=notice]'), 'the notice');
      includes(text(offNotice), 'Layanan konsultasi belum tersedia untuk OPD ini', 'a switched-off service says so');
      ok(!text(offNotice).includes('atribut opd'), 'and is no configuration error');
    } finally {
      document.removeEventListener('opd-error', listener);
    }
  });

  it('writes the receipt’s dates in the OPD’s time zone', async () => {
    const intercepted = interceptFetch((request, real) => {
      if (request.method !== 'GET' || !request.url.endsWith(`/api/v1/opds/${opd.slug}`)) return undefined;
      return real(request).then(async (response) => {
        const body = (await response.json()) as Record<string, unknown>;
        return new Response(JSON.stringify({ ...body, timeZone: 'Asia/Jayapura' }), { status: 200, headers: response.headers });
      });
    });
    try {
      const element = await form();
      fillQuestion(element);
      await submit(element);
      const panel = await successPanel(element);
      ok(/pukul \d\d\.\d\d WIT\b/.test(text(panel)), `the moment is in WIT: ${text(panel)}`);
    } finally {
      intercepted.restore();
    }
  });
});
