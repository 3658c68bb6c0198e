/**
 * <opd-consultation-status> in Chromium against the real API.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/consultation-status/define.js';
import type { OpdConsultationStatus } from '../../widgets/consultation-status/consultation-status.js';
import { createClient } from '../../src/index.js';
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
