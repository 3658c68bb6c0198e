/**
 * SIP BENAR's console pages (<opd-csr-programs> at `#/csr/programs`, <opd-csr-proposals> at
 * `#/csr/proposals`), in Chromium against the real API, as Bappeda's CSR forum secretariat uses
 * them: a programme whose committed budget is no whole rupiah is refused by field; one in a desa,
 * field and year another programme funds shows that programme and asks for the written reason,
 * then goes ahead with it; spending past the commitment asks its reason, is recorded with an
 * evidence PDF and flagged, spent against committed to the rupiah; the forum approves a proposal
 * matched to a company and it becomes a programme; an officer of an OPD without SIP BENAR is refused.
 *
 * The writes go to an OPD of the test's own with the csr module on (added by the regency admin
 * through the API, with an officer), and a second OPD without it.
 */
import '../../widgets/console/define.js';
import { csr } from '../../src/namespaces/csr.js';
import { ApiError } from '../../src/errors.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { consolePage, forgetSessions, mountConsole, submitSignIn, testOpd, type TestOpd } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

const PASSWORD = 'sip-benar-lahat-2031';

afterEach(() => {
  cleanup();
  forgetSessions();
});

const own = (): Promise<TestOpd<'officer'>> =>
  testOpd('csr-console', { opd: { slug: 'csr-uji', name: 'Bappeda Uji', modules: ['csr'] }, users: { officer: { role: 'opd_staff', name: 'Sekretariat Forum CSR Uji', mailbox: 'forum' } }, password: PASSWORD });
const without = (): Promise<TestOpd<'officer'>> =>
  testOpd('csr-console-without', { opd: { slug: 'tanpa-csr', name: 'Dinas Tanpa CSR', modules: ['siap'] }, users: { officer: { role: 'opd_staff', name: 'Petugas Tanpa CSR', mailbox: 'petugas' } }, password: PASSWORD });

/** The SDK's csr calls as the test OPD's officer. */
async function sdk() {
  const { slug, sender } = await own();
  return csr(await sender('officer'), { opd: slug });
}

/** A company of the test OPD (once per run). */
let companyMade: Promise<number> | undefined;
function company(): Promise<number> {
  companyMade ??= sdk().then(async (api) => (await api.opd.companies.create({ name: `PT Bukit Uji ${Date.now().toString(36)}`, sector: 'pertambangan', contact: { name: 'Rudi Humas', phone: '0812 1111 2222' } })).id);
  return companyMade;
}

async function openPage(email: string, route: string, tag: string): Promise<{ shell: OpdConsole; page: Page }> {
  const shell: OpdConsole = await mountConsole('', route);
  await submitSignIn(shell, email, PASSWORD);
  await until(() => shell.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
  return { shell, page: await consolePage<Page>(shell, tag) };
}

function button(page: Element, name: string): HTMLButtonElement {
  const all = $$<HTMLButtonElement>(page, 'button');
  const found = all.find((candidate) => text(candidate) === name);
  ok(found, `a button “${name}” (there are: ${all.map(text).join(' | ')})`);
  return found;
}

async function focusedSummary(page: Element, form: string): Promise<string[]> {
  const summary = await until(() => {
    const shown = page.shadowRoot?.querySelector<HTMLElement>(`#${form}-summary .error-summary`);
    return shown && deepActiveElement() === shown ? shown : null;
  }, `the ${form} error summary, focused`);
  return [...summary.querySelectorAll('li')].map(text);
}

const field = <E extends HTMLElement = HTMLInputElement>(page: Element, name: string) => until(() => page.shadowRoot?.querySelector<E>(`#${name}`), `the field #${name}`);

function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function smallPdf(): File {
  const body = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n';
  return new File([body], 'kuitansi-termin-1.pdf', { type: 'application/pdf' });
}

describe('SIP BENAR’s console pages', () => {
  it('refuses money that is no whole rupiah, shows the other programme on double funding, saves with the reason, records spending past the commitment with a PDF and flags it', async () => {
    const { users } = await own();
    const api = await sdk();
    const companyId = await company();
    const desa = `Tanjung Uji ${Date.now().toString(36)}`;
    const first = await api.opd.programs.create({ title: 'Rehab SD Negeri 3 Uji', companyId, field: 'pendidikan', kecamatan: 'Merapi Barat', desa, year: 2026, committed: 150_000_000, status: 'running' });

    const { page } = await openPage(users.officer, 'csr/programs/baru', 'opd-csr-programs');
    fill(await field(page, 'title'), 'Perpustakaan desa Uji');
    fill(await field<HTMLSelectElement>(page, 'companyId'), String(companyId));
    fill(await field<HTMLSelectElement>(page, 'field'), 'pendidikan');
    fill(await field(page, 'kecamatan'), 'Merapi Barat');
    fill(await field(page, 'desa'), desa);
    fill(await field(page, 'year'), '2026');
    fill(await field<HTMLSelectElement>(page, 'status'), 'approved');
    fill(await field(page, 'committed'), '1,5');
    button(page, 'Simpan program').click();
    equal((await focusedSummary(page, 'program')).join(' | '), 'Tuliskan anggaran komitmen dalam rupiah utuh, mis. 1.250.000', 'the committed budget is named');
    includes(text(page.shadowRoot?.querySelector('#committed-error')), 'rupiah utuh', 'at its field');
    equal((await field(page, 'title')).value, 'Perpustakaan desa Uji', 'what was typed stays');

    // Typed without dots, read back as rupiah and grouped once left.
    fill(await field(page, 'committed'), '200000000');
    await until(() => text(page.shadowRoot?.querySelector('#committed-read')) === 'Terbaca: Rp 200.000.000', 'the amount read back');
    equal((await field(page, 'committed')).value, '200.000.000', 'grouped once left');

    // The same desa, field and year: the other programme is shown and the reason asked.
    button(page, 'Simpan program').click();
    equal((await focusedSummary(page, 'program')).join(' | '), 'Ada program lain di desa, bidang dan tahun yang sama: tuliskan alasan bukan pendanaan ganda', 'double funding, named at the reason');
    includes(text(page.shadowRoot?.querySelector('#double-others')), `#${first.id} Rehab SD Negeri 3 Uji`, 'the other programme is listed');
    includes(text(page.shadowRoot?.querySelector('#double-others')), 'Rp 150.000.000', 'with its commitment');
    $<HTMLAnchorElement>(page, '#program-summary a').click();
    equal(deepActiveElement()?.id, 'doubleFundingReason', 'the link goes to the reason');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations with the double-funding question');
    fill(await field<HTMLTextAreaElement>(page, 'doubleFundingReason'), 'Perpustakaan terpisah dari gedung SD, disepakati forum CSR 12 Maret.');
    button(page, 'Simpan dengan alasan').click();
    await until(() => /#\/csr\/programs\/\d+$/.test(location.hash), 'the new programme open');
    const programId = Number(location.hash.split('/').at(-1));
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Perpustakaan desa Uji', 'its heading');
    includes(text(page.shadowRoot?.querySelector('#double-note')), 'Perpustakaan terpisah dari gedung SD', 'the reason is shown with the flag');
    equal(text(page.shadowRoot?.querySelector('#committed')), 'Rp 200.000.000', 'committed to the rupiah');

    // Spending past the commitment: the reason is asked before sending; the entry goes in with its PDF.
    fill(await field(page, 'date'), '2026-04-02');
    fill(await field(page, 'amount'), '210.500.000');
    await until(() => text(page.shadowRoot?.querySelector('#spending-over')).includes('Rp 10.500.000'), 'the page says it will pass the commitment');
    fill(await field<HTMLTextAreaElement>(page, 'what'), 'Termin I dan rak buku tambahan');
    chooseFile(await field(page, 'spendingFile'), smallPdf());
    button(page, 'Catat realisasi').click();
    equal((await focusedSummary(page, 'spending')).join(' | '), 'Realisasi ini melebihi komitmen: tuliskan alasannya, paling sedikit 10 karakter, atau perbaiki jumlahnya', 'the server asks the reason, by field');
    fill(await field<HTMLTextAreaElement>(page, 'spendingReason'), 'Harga rak naik, selisih ditanggung perusahaan sesuai adendum.');
    button(page, 'Catat realisasi').click();
    await until(() => text(page.shadowRoot?.querySelector('#spending-summary .done')).includes('dengan buktinya'), 'recorded with its evidence');
    equal(text(page.shadowRoot?.querySelector('#spent')), 'Rp 210.500.000', 'spent to the rupiah');
    includes(text(page.shadowRoot?.querySelector('#over-note')), 'melebihi komitmen sebesar Rp 10.500.000', 'spending over committed is flagged in words');
    includes(text(page.shadowRoot?.querySelector('#entries')), 'Bukti PDF', 'the evidence is listed');
    includes(text($$(page, '.program').find((item) => text(item).includes('Perpustakaan desa Uji'))), 'Melebihi komitmen Rp 10.500.000', 'and flagged in the list');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the programme');

    const held = await api.opd.programs.get(programId);
    equal(JSON.stringify([held.committed, held.spent, held.overspentBy, held.spending[0]?.evidence.length, held.doubleFunding?.with.map((other) => other.id)]), JSON.stringify([200_000_000, 210_500_000, 10_500_000, 1, [first.id]]), 'what the server holds');

    // Removing the entry: asked first, then the programme's figures go back.
    const entryId = held.spending[0]!.id;
    $<HTMLButtonElement>(page, `#remove-entry-${entryId}`).click();
    (await until(() => page.shadowRoot?.querySelector<HTMLButtonElement>(`#remove-entry-yes-${entryId}`), 'the question')).click();
    await until(() => text(page.shadowRoot?.querySelector('#spent')) === 'Rp 0', 'nothing spent any more');
    equal(page.shadowRoot?.querySelector('#over-note'), null, 'no flag any more');
  });

  it('records the forum’s approval matched to a company and turns the proposal into a programme', async () => {
    const { users } = await own();
    const api = await sdk();
    const companyId = await company();
    const desa = `Lubuk Uji ${Date.now().toString(36)}`;
    const proposal = await api.opd.proposals.create({ title: 'Sumur bor Dusun II', field: 'kesehatan', kecamatan: 'Jarai', desa, year: 2026, estimatedCost: 85_000_000, beneficiaries: 420, proposer: `Pemerintah Desa ${desa}`, contact: { name: 'Pak Kades', phone: '0812 3333 4444' }, submittedOn: '2026-01-15' });

    const { page } = await openPage(users.officer, `csr/proposals/${proposal.id}`, 'opd-csr-proposals');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Sumur bor Dusun II', 'the proposal');
    includes(text(page.shadowRoot?.querySelector('#details')), 'Rp 85.000.000', 'its estimate');
    button(page, 'Simpan keputusan').click();
    equal((await focusedSummary(page, 'decision')).join(' | '), 'Pilih setujui atau tolak', 'the decision is named');
    (await field(page, 'decision-approve')).click();
    button(page, 'Simpan keputusan').click();
    equal((await focusedSummary(page, 'decision')).join(' | '), 'Pilih perusahaan yang mendanai', 'the company is named');
    fill(await field<HTMLSelectElement>(page, 'companyId'), String(companyId));
    button(page, 'Simpan keputusan').click();
    const make = await until(() => page.shadowRoot?.querySelector<HTMLAnchorElement>('#make-program'), 'approved');
    includes(text(page.shadowRoot?.querySelector('#decision-said')), 'Disetujui forum dengan PT Bukit Uji', 'the decision with the company');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the decided proposal');

    make.click();
    await until(() => location.hash.endsWith(`/csr/programs/baru/usulan-${proposal.id}`), 'the new programme from the proposal');
    const shell = document.querySelector('opd-console')!;
    const programs = await consolePage<Page>(shell as OpdConsole, 'opd-csr-programs');
    await until(() => programs.shadowRoot?.querySelector('#from-proposal'), 'the note that it comes from the proposal');
    equal((await field(programs, 'title')).value, 'Sumur bor Dusun II', 'the title from the proposal');
    equal((await field(programs, 'committed')).value, '85.000.000', 'the estimate as the commitment');
    fill(await field(programs, 'committed'), '80.000.000');
    button(programs, 'Simpan program').click();
    await until(() => /#\/csr\/programs\/\d+$/.test(location.hash), 'the programme open');
    const programId = Number(location.hash.split('/').at(-1));
    const after = [];
    for await (const item of api.opd.proposals.list({ status: 'funded' })) if (item.id === proposal.id) after.push(item);
    equal(after[0]?.programId, programId, 'the proposal is funded by the new programme');
    equal((await api.opd.programs.get(programId)).committed, 80_000_000, 'with its commitment');
  });

  it('rejects a proposal only with the forum’s reason', async () => {
    const { users } = await own();
    const api = await sdk();
    const proposal = await api.opd.proposals.create({ title: 'Gapura desa Uji', field: 'infrastruktur', kecamatan: 'Jarai', desa: 'Jarai', year: 2026, proposer: 'Pemerintah Desa Jarai', submittedOn: '2026-01-20' });
    const { page } = await openPage(users.officer, `csr/proposals/${proposal.id}`, 'opd-csr-proposals');
    (await field(page, 'decision-reject')).click();
    button(page, 'Simpan keputusan').click();
    equal((await focusedSummary(page, 'decision')).join(' | '), 'Tuliskan alasan penolakan, paling sedikit 5 karakter', 'the reason is named');
    fill(await field<HTMLTextAreaElement>(page, 'note'), 'Bukan kebutuhan dasar; diusulkan lewat dana desa.');
    button(page, 'Simpan keputusan').click();
    await until(() => text(page.shadowRoot?.querySelector('#decision-said')).includes('Bukan kebutuhan dasar'), 'rejected with the reason');
  });

  it('refuses an officer of an OPD without SIP BENAR, in the console and at the API', async () => {
    const { users, slug, sender } = await without();
    const shell = await mountConsole('', 'csr/programs');
    await submitSignIn(shell, users.officer, PASSWORD);
    await until(() => text(shell.shadowRoot?.querySelector('#page-title')?.parentElement).includes('Peran Anda tidak membuka halaman ini'), 'the page refused');
    equal(shell.shadowRoot?.querySelector('opd-csr-programs'), null, 'the page is not loaded');
    let refused: unknown;
    try {
      await csr(await sender('officer'), { opd: slug }).opd.companies.list();
    } catch (error) {
      refused = error;
    }
    ok(refused instanceof ApiError && refused.status >= 400 && refused.status < 500, `the API refuses (${String(refused)})`);
    const other = await own();
    let foreign: unknown;
    try {
      await csr(await sender('officer'), { opd: other.slug }).opd.companies.list();
    } catch (error) {
      foreign = error;
    }
    ok(foreign instanceof ApiError && foreign.status === 403, `another OPD's records are refused (${String(foreign)})`);
  });
});
