/**
 * <opd-consultation-status> in Chromium against the real API.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/consultation-status/define.js';
import type { OpdConsultationStatus } from '../../widgets/consultation-status/consultation-status.js';
import { createClient, type ConsultationPublic } from '../../src/index.js';
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
  siapOpd,
  testConfig,
  text,
  until,
} from './helpers.js';
import { LONG_ANSWER, statusFixtures } from './status-fixtures.js';

const ANSWER = 'Terima kasih atas pertanyaannya.\nRetribusi dibayar melalui Bank Sumsel Babel.\n\n<b>Salam</b>, BPKAD';

let answeredCode = '';
let opdName = '';

before(async () => {
  const { api, staffToken } = testConfig();
  const opd = await siapOpd();
  opdName = opd.name;
  const citizen = createClient({ baseUrl: api, opd: opd.slug });
  const receipt = await citizen.consultations.create({
    name: 'Budi Santoso',
    phone: '0813 1111 2222',
    category: opd.consultationCategories[0]!.id,
    subject: 'Jadwal pembayaran retribusi',
    message: 'Kapan batas akhir pembayaran retribusi sewa aset tahun ini?',
    consent: true,
  });
  answeredCode = receipt.trackingCode;
  const staff = createClient({ baseUrl: api, opd: opd.slug, token: staffToken });
  await staff.consultations.setStatus(answeredCode, 'in_progress', { note: 'Sedang dicek bagian pendapatan' });
  await staff.consultations.answer(answeredCode, ANSWER);
});

afterEach(() => cleanup());

async function statusWidget(attributes = ''): Promise<OpdConsultationStatus> {
  return mount<OpdConsultationStatus>(`<opd-consultation-status api="${testConfig().api}" ${attributes}></opd-consultation-status>`);
}

async function lookUp(element: OpdConsultationStatus, typed: string): Promise<void> {
  fill($<HTMLInputElement>(element, '#code'), typed);
  $<HTMLButtonElement>(element, 'button[type=submit]').click();
  await element.updateComplete;
}

function result(element: OpdConsultationStatus): Promise<HTMLElement> {
  return until(() => element.shadowRoot?.querySelector<HTMLElement>('[part~=result]'), 'the consultation');
}

/** How a person might type a code: lower case, spaces instead of dashes, O for 0 and l for 1. */
function sloppy(code: string): string {
  return code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
}

describe('<opd-consultation-status>', () => {
  it('shows status, timeline and answer for a code typed in lower case with look-alikes', async () => {
    const element = await statusWidget();
    const loaded: CustomEvent[] = [];
    element.addEventListener('opd-status-loaded', (event) => loaded.push(event));
    $<HTMLInputElement>(element, '#code').focus();
    await sendKeys({ type: sloppy(answeredCode) });
    await sendKeys({ press: 'Enter' });
    const panel = await result(element);
    includes(text($(element, '#result-title')), answeredCode, 'the heading names the canonical code');
    equal(deepActiveElement(), $(element, '#result-title'), 'focus moves to the result');
    equal(text($(element, '[part~=badge]')), 'Dijawab', 'the status is a badge');
    includes(text(panel), opdName, 'the OPD is named');
    const steps = $$(element, '[part~=timeline] li').map(text);
    equal(steps.length, 3, 'received, in progress, answered');
    includes(steps[0], 'Diterima', 'the timeline starts with receipt');
    includes(steps[1], 'Sedang dicek bagian pendapatan', 'notes are shown');
    ok(steps.every((step) => step.includes('WIB')), 'times are in WIB (Asia/Jakarta)');
    const answer = $(element, '[part~=answer]');
    equal(answer.textContent, ANSWER, 'the answer is shown as text');
    equal(getComputedStyle(answer).whiteSpace, 'pre-wrap', 'with its line breaks');
    equal(answer.querySelector('b'), null, 'markup in an answer is never rendered');
    equal($<HTMLInputElement>(element, '#code').value, answeredCode, 'the field shows the code as it should be written');
    equal(loaded.length, 1, 'opd-status-loaded fires');
    equal(loaded[0]!.detail.status, 'answered', 'with the status');
    ok(!text(panel).includes('Budi'), 'no personal data appears');
  });

  it('loads at once when the code attribute is set', async () => {
    const element = await statusWidget(`code="${answeredCode}"`);
    await result(element);
    equal(text($(element, '[part~=badge]')), 'Dijawab', 'the status shows without pressing anything');
  });

  it('says so when no question has the code', async () => {
    const element = await statusWidget();
    await lookUp(element, 'SIAP-0000-0000');
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.result-notice'), 'the notice');
    includes(text(notice), 'Kami tidak menemukan pertanyaan dengan kode SIAP-0000-0000', 'a friendly not-found message');
    equal(element.shadowRoot!.querySelector('[part~=result]'), null, 'nothing else is shown');
  });

  it('asks for a code in the right format', async () => {
    const element = await statusWidget();
    await lookUp(element, 'kode saya 123');
    const summary = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the summary');
    equal(deepActiveElement(), summary, 'the summary takes focus');
    includes(text($(element, '#code-error')), 'format seperti SIAP-7K3F-9QX2', 'the error shows an example');
    equal($<HTMLInputElement>(element, '#code').value, 'kode saya 123', 'what was typed stays');
  });

  it('warns when the first response is overdue', async () => {
    const element = await statusWidget(`code="${testConfig().overdueCode}"`);
    const panel = await result(element);
    equal(text($(element, '[part~=badge]')), 'Diterima', 'still received');
    includes(text(panel), 'melewati batas waktu', 'the overdue notice is shown');
    includes(text(panel), 'SP4N-LAPOR!', 'and where to complain');
  });

  it('speaks English with lang="en"', async () => {
    const element = await statusWidget(`lang="en" code="${answeredCode}"`);
    await result(element);
    equal(text($(element, 'label[for=code]')), 'Tracking code', 'the label is in English');
    equal(text($(element, '[part~=badge]')), 'Answered', 'the status is in English');
  });

  it('has no axe violations: empty, found and not found', async () => {
    const element = await statusWidget();
    equal((await axeViolations(element)).join('\n'), '', 'the empty lookup');
    await lookUp(element, answeredCode);
    await result(element);
    equal((await axeViolations(element)).join('\n'), '', 'a consultation');
    await lookUp(element, 'SIAP-0000-0000');
    await until(() => element.shadowRoot?.querySelector('.result-notice'), 'the notice');
    equal((await axeViolations(element)).join('\n'), '', 'not found');
  });
});

describe('<opd-consultation-status> says what is true in each state', () => {
  /** What the panel says under "Jawaban", whitespace collapsed. */
  async function panelText(code: string, lang = 'id'): Promise<string> {
    const element = await statusWidget(`lang="${lang}" code="${code}"`);
    return text(await result(element));
  }

  const PROMISE = 'Petugas akan menjawab';

  it('received: waiting for staff, the answer will show here', async () => {
    const { received } = await statusFixtures();
    const said = await panelText(received);
    includes(said, 'Belum ada jawaban', 'no answer yet');
    includes(said, 'menunggu ditangani petugas', 'it waits for staff');
    ok(!said.includes('ditutup'), `nothing about closing: ${said}`);
  });

  it('in progress: staff are working on it', async () => {
    const { inProgress } = await statusFixtures();
    const said = await panelText(inProgress);
    includes(said, 'Belum ada jawaban', 'no answer yet');
    includes(said, 'Petugas sedang menangani pertanyaan Anda', 'staff are on it');
  });

  it('answered: the answer, and no "no answer yet"', async () => {
    const { answered } = await statusFixtures();
    const element = await statusWidget(`code="${answered}"`);
    const said = text(await result(element));
    equal($(element, '[part~=answer]').textContent, LONG_ANSWER, 'the answer is shown');
    ok(!said.includes('Belum ada jawaban') && !said.includes(PROMISE), `no waiting copy: ${said}`);
  });

  it('closed without an answer: says so, and what the citizen can do (ask again, contact the OPD)', async () => {
    const { closedUnanswered, opdName } = await statusFixtures();
    const element = await statusWidget(`code="${closedUnanswered}"`);
    const said = text(await result(element));
    equal(text($(element, '[part~=badge]')), 'Ditutup', 'the badge says closed, not done');
    ok(!said.includes(PROMISE), `no promise of an answer that will not come: ${said}`);
    ok(!said.includes('Belum ada jawaban'), `not "no answer yet" either: ${said}`);
    includes(said, 'ditutup tanpa jawaban tertulis', 'closed without a written answer');
    includes(said, 'ajukan pertanyaan baru', 'ask again');
    includes(said, `hubungi ${opdName}`, 'or contact the OPD, named');
    equal(element.shadowRoot!.querySelector('[part~=answer]'), null, 'no answer box');
  });

  it('closed without an answer, in English', async () => {
    const { closedUnanswered } = await statusFixtures();
    const said = await panelText(closedUnanswered, 'en');
    includes(said, 'closed without a written answer', 'closed without a written answer');
    includes(said, 'ask a new question', 'ask again');
    ok(!said.includes('Staff will answer'), `no promise: ${said}`);
  });

  it('closed after an answer: the answer, and how to follow up', async () => {
    const { closedAnswered } = await statusFixtures();
    const element = await statusWidget(`code="${closedAnswered}"`);
    const said = text(await result(element));
    equal($(element, '[part~=answer]').textContent, LONG_ANSWER, 'the answer is shown');
    includes(said, 'Pertanyaan ini sudah ditutup setelah dijawab', 'closed after the answer');
    includes(said, 'ajukan pertanyaan baru', 'how to follow up');
    ok(!said.includes(PROMISE), `no promise: ${said}`);
  });

  it('overdue: no answer yet, the notice says where to turn, and no empty promise', async () => {
    const { overdue } = await statusFixtures();
    const said = await panelText(overdue);
    includes(said, 'melewati batas waktu', 'the overdue notice');
    includes(said, 'Belum ada jawaban', 'no answer yet');
    ok(!said.includes(PROMISE), `no promise the deadline already broke: ${said}`);
  });
});

/** A code as a phone keyboard, an IME or a copy from a chat may hand it over. */
const KEYBOARD_FORMS: Record<string, (code: string) => string> = {
  'autocapitalised "Siap" and lower case': (code) => `Siap${code.slice(4).toLowerCase()}`,
  'a trailing period (end of a sentence)': (code) => `${code}.`,
  'no-break spaces around it and instead of the dashes': (code) => `\u00a0${code.replace(/-/g, '\u00a0')}\u00a0`,
  'a narrow no-break space and an ideographic space': (code) => code.replace('-', '\u202f').replace('-', '\u3000'),
  'en dashes (U+2013), as iOS smart punctuation types "--"': (code) => code.replace(/-/g, '\u2013'),
  'em dashes (U+2014)': (code) => code.replace(/-/g, '\u2014'),
  'minus signs (U+2212) from a number keypad': (code) => code.replace(/-/g, '\u2212'),
  'non-breaking hyphens (U+2011) from a copied document': (code) => code.replace(/-/g, '\u2011'),
  'full-width letters, digits and hyphen (Japanese/Chinese IME)': (code) =>
    [...code].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join(''),
  'a zero-width space pasted from a chat app': (code) => code.replace('-', '-\u200b'),
  'a soft hyphen (U+00AD)': (code) => code.replace('-', '\u00ad'),
  'curly quotes around it, pasted from a message': (code) => `\u201c${code}\u201d`,
  'a trailing comma': (code) => `${code},`,
};

describe('<opd-consultation-status> takes a code as phone keyboards type it', () => {
  for (const [how, typed] of Object.entries(KEYBOARD_FORMS)) {
    it(`finds the question when the code comes with ${how}`, async () => {
      const element = await statusWidget();
      await lookUp(element, typed(answeredCode));
      await result(element);
      includes(text($(element, '#result-title')), answeredCode, 'the question is shown');
      equal($<HTMLInputElement>(element, '#code').value, answeredCode, 'the field shows the code as it should be written');
    });
  }
});

/** Runs `body` while the API's public view of a consultation is changed by `change` on its way to the page. */
async function withPublicView(change: (view: ConsultationPublic) => void, body: () => Promise<void>): Promise<void> {
  const real = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const response = await real(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.includes('/api/v1/consultations/') || !response.ok) return response;
    const view = (await response.json()) as ConsultationPublic;
    change(view);
    return new Response(JSON.stringify(view), {
      status: response.status,
      headers: { 'Content-Type': response.headers.get('Content-Type') ?? 'application/json' },
    });
  };
  try {
    await body();
  } finally {
    globalThis.fetch = real;
  }
}

describe('<opd-consultation-status> as the regency gives it: its time zone, English names', () => {
  it('shows every time in the regency’s zone (WITA for Asia/Makassar)', async () => {
    await withPublicView(
      (view) => {
        view.timeZone = 'Asia/Makassar';
      },
      async () => {
        const element = await statusWidget(`code="${answeredCode}"`);
        await result(element);
        const times = $$(element, '[part~=timeline] time, [part~=result] dd time');
        ok(times.length >= 4, 'the times are there');
        for (const time of times) {
          const shown = text(time);
          ok(!shown.includes('WIB'), `no WIB left: ${shown}`);
          const at = new Date(time.getAttribute('datetime')!);
          const day = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', dateStyle: 'full' }).format(at);
          includes(shown, day, 'the day in Makassar');
          if (time.closest('[part~=timeline]')) {
            const clock = new Intl.DateTimeFormat('id-ID', { timeZone: 'Asia/Makassar', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
            includes(shown, `${clock} WITA`, 'the time in WITA');
          }
        }
      },
    );
  });

  it('names the OPD and the category in English with lang="en" where the OPD gave English names', async () => {
    const opd = 'Regional Finance and Asset Management Agency (BPKAD)';
    const category = 'Budget disbursement';
    await withPublicView(
      (view) => {
        view.opd.nameEn = opd;
        view.category.nameEn = category;
      },
      async () => {
        const english = await statusWidget(`lang="en" code="${answeredCode}"`);
        const said = text(await result(english));
        includes(said, opd, 'the OPD in English');
        includes(said, category, 'the category in English');
        ok(!said.includes(opdName), 'not the Indonesian name');
        cleanup();
        const indonesian = await statusWidget(`code="${answeredCode}"`);
        includes(text(await result(indonesian)), opdName, 'Indonesian pages keep the official name');
      },
    );
  });

  it('keeps the Indonesian name, marked as Indonesian, where the OPD gave no English one', async () => {
    await withPublicView(
      (view) => {
        delete view.opd.nameEn;
        delete view.category.nameEn;
      },
      async () => {
        const element = await statusWidget(`lang="en" code="${answeredCode}"`);
        await result(element);
        const marked = $$(element, '.details dd [lang=id]').map(text);
        ok(marked.includes(opdName), `the OPD's name is marked lang="id": ${JSON.stringify(marked)}`);
      },
    );
  });
});

describe('<opd-consultation-status> opens the code a link carries', () => {
  const start = location.href;
  afterEach(() => history.replaceState(null, '', start));

  /** The page's address with `change` applied, without loading it again. */
  function goTo(change: (url: URL) => void): void {
    const url = new URL(start);
    change(url);
    history.replaceState(null, '', url);
  }

  it('#lacak=<code>, the form receipt’s link: shows it and moves to it', async () => {
    goTo((url) => {
      url.hash = `lacak=${sloppy(answeredCode)}`;
    });
    const element = await statusWidget();
    await result(element);
    includes(text($(element, '#result-title')), answeredCode, 'the linked question is shown');
    await until(() => deepActiveElement() === $(element, '#result-title'), 'focus on the result');
    equal($<HTMLInputElement>(element, '#code').value, answeredCode, 'the field holds the code');
  });

  it('?kode=<code> and #kode=<code>, links in letters and QR codes', async () => {
    goTo((url) => url.searchParams.set('kode', answeredCode));
    const fromQuery = await statusWidget();
    await result(fromQuery);
    includes(text($(fromQuery, '#result-title')), answeredCode, '?kode= opens it');
    cleanup();
    goTo((url) => {
      url.hash = `kode=${answeredCode}`;
    });
    const fromHash = await statusWidget();
    await result(fromHash);
    includes(text($(fromHash, '#result-title')), answeredCode, '#kode= opens it');
  });

  it('opens another code when a link on the same page changes the hash', async () => {
    const { received } = await statusFixtures();
    const element = await statusWidget(`code="${answeredCode}"`);
    await result(element);
    location.hash = `lacak=${received}`;
    await until(() => text(element.shadowRoot?.querySelector('#result-title')).includes(received), 'the newly linked question');
    await until(() => deepActiveElement() === $(element, '#result-title'), 'focus on the result');
  });

  it('the code attribute wins over the address', async () => {
    const { received } = await statusFixtures();
    goTo((url) => {
      url.hash = `lacak=${received}`;
    });
    const element = await statusWidget(`code="${answeredCode}"`);
    await result(element);
    await new Promise((resolve) => setTimeout(resolve, 300));
    includes(text($(element, '#result-title')), answeredCode, 'the page’s own code is shown');
  });
});
