/**
 * The innovation registry page of the console (<opd-innovation-registry>,
 * `#/innovation/registry`), in Chromium against the real API, as an OPD's staff use it for
 * "Satu OPD Satu Inovasi": registering an innovation (a refused form names each field and keeps
 * what was typed, also across a reload), uploading a PDF as evidence and seeing a text file
 * refused with the server's reason, submitting to Bappeda (the server's 422 for a missing contact
 * person shown by field) and seeing it read only after; another OPD's staff see none of it; English.
 *
 * The writes go to an OPD of the test's own with the innovation module on, which the regency
 * admin adds through the API with an officer, as is a second OPD with its own officer.
 */
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { innovations } from '../../src/namespaces/innovations.js';
import { RequestSender } from '../../src/request.js';
import { consolePage, forgetSessions, mountConsole, submitSignIn, testOpd, tokenOf, type TestOpd } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

const PASSWORD = 'inovasi-daerah-2031';

afterEach(() => {
  cleanup();
  forgetSessions();
});

/** An officer of a new OPD with the innovation module on; once per run per key. */
function officerOf(key: string, slug: string, name: string): Promise<TestOpd<'officer'>> {
  return testOpd(key, {
    opd: { slug, name, modules: ['innovation'] },
    users: { officer: { role: 'opd_staff', name: `Petugas ${name}`, mailbox: 'petugas' } },
    password: PASSWORD,
  });
}

const own = () => officerOf('innovation-registry', 'inovasi-uji', 'Dinas Inovasi Uji');
const other = () => officerOf('innovation-registry-other', 'inovasi-lain', 'Dinas Inovasi Lain');

/** The console signed in as `email`, on the registry at `route`. */
async function openRegistry(email: string, route = 'innovation/registry'): Promise<{ shell: OpdConsole; page: Page }> {
  const shell: OpdConsole = await mountConsole('', route);
  await submitSignIn(shell, email, PASSWORD);
  await until(() => shell.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
  return { shell, page: await consolePage<Page>(shell, 'opd-innovation-registry') };
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

const field = <E extends HTMLElement = HTMLInputElement>(page: Element, name: string) => $<E>(page, `#${name}`);

/** Picks `file` in the page's file input, as a person choosing it in the dialog. */
function chooseFile(input: HTMLInputElement, file: File): void {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** A small, whole PDF: header, one page, trailer. */
function smallPdf(): File {
  const body = '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n0\n%%EOF\n';
  return new File([body], 'sk-inovasi.pdf', { type: 'application/pdf' });
}

/** Fills the required fields of the form, but the problem. */
function fillMostOfTheForm(page: Element, name: string): void {
  fill(field(page, 'name'), name);
  fill(field<HTMLSelectElement>(page, 'type'), 'pelayanan-publik');
  fill(field<HTMLSelectElement>(page, 'digital'), 'true');
  fill(field<HTMLSelectElement>(page, 'stage'), 'uji-coba');
  fill(field(page, 'dateInisiatif'), '2026-05-04');
  fill(field(page, 'dateUjiCoba'), '2026-03-02');
  fill(field<HTMLTextAreaElement>(page, 'solution'), 'Kader posyandu mencatat penimbangan balita di aplikasi, orang tua menerima jadwal lewat SMS.');
  fill(field(page, 'budgetSource'), 'APBD');
}

describe('the innovation registry page in the console', () => {
  it('registers an innovation, names refused fields keeping the rest, takes a PDF, refuses a text file, submits it and shows it read only', async () => {
    const { users, slug } = await own();
    const { page } = await openRegistry(users.officer, 'innovation/registry/baru');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Daftarkan inovasi baru', 'the new innovation form');
    const name = `Posyandu Digital Uji ${Date.now().toString(36)}`;

    // The problem left empty: the summary names it and takes focus; nothing else typed is lost.
    fillMostOfTheForm(page, name);
    button(page, 'Daftarkan sebagai draf').click();
    equal((await focusedSummary(page, 'innovation')).join(' | '), 'Tuliskan permasalahan yang diselesaikan', 'the missing problem is named');
    equal(field(page, 'name').value, name, 'the name stays');
    equal(field<HTMLTextAreaElement>(page, 'solution').value.startsWith('Kader posyandu'), true, 'the solution stays');
    equal(field(page, 'problem-error')?.textContent?.includes('Tuliskan permasalahan') ?? false, true, 'the field says it too');

    // The trial before the initiative: the server's 422 names the trial's day.
    fill(field<HTMLTextAreaElement>(page, 'problem'), 'Orang tua balita tidak tahu jadwal posyandu dan catatan tumbuh kembang hilang.');
    button(page, 'Daftarkan sebagai draf').click();
    equal((await focusedSummary(page, 'innovation')).join(' | '), 'Tanggal mulai uji coba tidak boleh sebelum tanggal inisiatif', 'the server’s date order check, by field');
    $<HTMLAnchorElement>(page, '#innovation-summary a').click();
    equal(deepActiveElement()?.id, 'dateUjiCoba', 'its link moves to the field');
    equal(field(page, 'budgetSource').value, 'APBD', 'the budget source stays');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the refused form');

    fill(field(page, 'dateUjiCoba'), '2026-06-01');
    button(page, 'Daftarkan sebagai draf').click();
    await until(() => /#\/innovation\/registry\/\d+$/.test(location.hash), 'the new innovation open');
    const id = Number(location.hash.split('/').at(-1));
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === name, 'its heading');
    includes(text(page.shadowRoot?.querySelector('#innovation-summary .done')), 'terdaftar sebagai draf', 'registered as a draft');
    includes(text(page.shadowRoot?.querySelector('.facts')), 'Draf', 'its status');

    // Evidence: a PDF goes in and is listed with its title and size.
    const indicator = await until(() => page.shadowRoot?.querySelector<HTMLSelectElement>('#evidenceIndicator'), 'the upload form');
    const first = indicator.options[1]!;
    fill(indicator, first.value);
    fill(field(page, 'evidenceTitle'), 'SK Kepala Dinas tentang Posyandu Digital');
    chooseFile(field(page, 'evidenceFile'), smallPdf());
    button(page, 'Unggah').click();
    await until(() => text(page.shadowRoot?.querySelector('#evidence-summary .done')).includes('terunggah'), 'uploaded');
    const row = text(page.shadowRoot?.querySelector(`#indicator-${first.value}`));
    includes(row, 'SK Kepala Dinas tentang Posyandu Digital', 'the file is listed under its indicator');
    ok(/PDF · \d+(,\d)? KB/.test(row), `with its type and size (${row})`);
    includes(text(page.shadowRoot?.querySelector('#evidence-count')), 'Ada bukti untuk 1 dari', 'one indicator covered');

    // A text file named .pdf: refused with the server's reason, by field.
    fill(indicator, indicator.options[2]!.value);
    chooseFile(field(page, 'evidenceFile'), new File(['Ini hanya catatan, bukan PDF.\n'], 'catatan.pdf', { type: 'application/pdf' }));
    button(page, 'Unggah').click();
    const refused = (await focusedSummary(page, 'evidence')).join(' | ');
    includes(refused, 'Berkas ditolak: bukti dukung harus PDF, JPEG atau PNG', 'refused as not a PDF, JPEG or PNG');
    includes(refused, 'Send evidence as a PDF, JPEG or PNG file', 'with the server’s own reason');
    includes(text(page.shadowRoot?.querySelector('#evidenceFile-error')), 'Berkas ditolak', 'at the file field');
    equal($$(page, '.file').length, 1, 'still one file');

    // Submitting without a contact person: the server's 422 names it at its field.
    button(page, 'Ajukan ke Bappeda').click();
    equal((await focusedSummary(page, 'submit')).join(' | '), 'Masukkan nama narahubung: pengajuan perlu narahubung', 'the missing contact person');
    includes(text(page.shadowRoot?.querySelector('#contactName-error')), 'Masukkan nama narahubung', 'at its field');
    fill(field(page, 'contactName'), 'Rina Kader');
    fill(field(page, 'contactPhone'), '0812 3456 7890');
    button(page, 'Ajukan ke Bappeda').click();
    await until(() => text(page.shadowRoot?.querySelector('#submit-done')).includes('diajukan ke Bappeda'), 'submitted');
    includes(text(page.shadowRoot?.querySelector('#review-note')), 'menunggu verifikasi', 'the note says it waits for review');
    includes(text(page.shadowRoot?.querySelector('#review-note')), 'tidak dapat diubah', 'and that it cannot be changed');
    equal(page.shadowRoot?.querySelector('#name'), null, 'no form any more');
    equal(page.shadowRoot?.querySelector('#evidenceFile'), null, 'no upload');
    equal($$(page, '.file button').length, 0, 'no remove buttons');
    includes(text(page.shadowRoot?.querySelector('#details')), 'Rina Kader', 'the details with the contact person (saved before submitting)');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the submitted innovation');

    // What the server holds.
    const sdk = innovations(await (await own()).sender('officer'), { opd: slug });
    const held = await sdk.opd.get(id);
    equal(JSON.stringify([held.status, held.contact?.name, held.stageDates['uji-coba'], held.evidence.length]), JSON.stringify(['submitted', 'Rina Kader', '2026-06-01', 1]), 'submitted, with the contact, the trial day and one file');

    // The list, newest first, with its status.
    $<HTMLAnchorElement>(page, '#back').click();
    const listed = await until(() => $$(page, '[part=innovations] tbody tr').find((candidate) => text(candidate).includes(name)), 'in the list');
    includes(text(listed), 'Diajukan', 'as submitted');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the list');
  });

  it('shows the reviewer’s comment on a returned innovation and lets its OPD edit it again', async () => {
    const { users, slug, sender } = await own();
    const sdk = innovations(await sender('officer'), { opd: slug });
    const draft = await sdk.opd.create({ name: 'Layanan Antar Obat Uji', type: 'pelayanan-publik', digital: false, stage: 'inisiatif', stageDates: { inisiatif: '2026-02-01' }, problem: 'Pasien lansia sulit mengambil obat rutin di puskesmas.', solution: 'Kurir kelurahan mengantar obat rutin ke rumah pasien lansia.', contact: { name: 'Budi Apoteker' } });
    await sdk.opd.submit(draft.id);
    const reviewer = innovations(new RequestSender({ baseUrl: testConfig().api, token: await tokenOf('bappeda@lahat.demo') }), { opd: 'bappeda' });
    await reviewer.review.return(draft.id, 'Lengkapi hasil inovasi dan unggah SK penetapan.');
    const { page } = await openRegistry(users.officer);
    const row = await until(() => $$(page, '[part=innovations] tbody tr').find((candidate) => text(candidate).includes('Layanan Antar Obat Uji')), 'in the list');
    includes(text(row.querySelector('.returned-comment')), 'Catatan Bappeda: Lengkapi hasil inovasi dan unggah SK penetapan.', 'the comment with the row');
    $<HTMLAnchorElement>(page, `#open-${draft.id}`).click();
    await until(() => page.shadowRoot?.querySelector('#review-note .review-comment'), 'the innovation');
    equal(text(page.shadowRoot?.querySelector('#review-note .review-comment')), 'Lengkapi hasil inovasi dan unggah SK penetapan.', 'the comment, prominently');
    fill(field<HTMLTextAreaElement>(page, 'results'), '120 pasien lansia menerima obat di rumah setiap bulan.');
    button(page, 'Simpan perubahan').click();
    await until(() => text(page.shadowRoot?.querySelector('#innovation-summary .done')) === 'Perubahan tersimpan.', 'saved');
    equal((await sdk.opd.get(draft.id)).results, '120 pasien lansia menerima obat di rumah setiap bulan.', 'the server has it');
  });

  it('keeps what was typed in a new innovation across a reload', async () => {
    const { users } = await own();
    let { page } = await openRegistry(users.officer, 'innovation/registry/baru');
    await until(() => page.shadowRoot?.querySelector('#name'), 'the form');
    fill(field(page, 'name'), 'Inovasi Yang Belum Disimpan');
    fill(field<HTMLTextAreaElement>(page, 'goal'), 'Tujuan yang diketik sebelum memuat ulang.');
    cleanup(); // the page goes away unsent (the session stays in this tab)
    const shell = await mountConsole('', 'innovation/registry/baru');
    page = await consolePage<Page>(shell, 'opd-innovation-registry');
    await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#name')?.value === 'Inovasi Yang Belum Disimpan', 'the name restored');
    equal(field<HTMLTextAreaElement>(page, 'goal').value, 'Tujuan yang diketik sebelum memuat ulang.', 'the goal restored');
    includes(text(page.shadowRoot?.querySelector('#restored')), 'dipulihkan', 'and the page says so');
    button(page, 'Buang isian yang belum tersimpan').click();
    await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#name')?.value === '', 'discarded');
  });

  it('shows another OPD’s staff none of it', async () => {
    const mine = await own();
    const sdk = innovations(await mine.sender('officer'), { opd: mine.slug });
    const draft = await sdk.opd.create({ name: 'Inovasi Rahasia Dinas Uji', type: 'tata-kelola', digital: true, stage: 'inisiatif', problem: 'Arsip surat menumpuk dan sulit dicari kembali.', solution: 'Surat masuk dipindai dan diberi nomor agenda digital.' });
    const { users } = await other();
    const { page } = await openRegistry(users.officer);
    await until(() => text(page.shadowRoot?.querySelector('[role=status]')) !== '', 'its list');
    includes(text(page.shadowRoot?.querySelector('.empty')), 'belum mendaftarkan inovasi', 'its own OPD has none');
    equal((page.shadowRoot?.textContent ?? '').includes('Inovasi Rahasia Dinas Uji'), false, 'not the other OPD’s');
    location.hash = `#/innovation/registry/${draft.id}`;
    await until(() => text(page.shadowRoot?.querySelector('.notice')).includes(`Inovasi ${draft.id} tidak ada di OPD ini.`), 'the other OPD’s innovation is not found');
  });

  it('speaks English when the console does', async () => {
    const { users } = await own();
    const { shell, page } = await openRegistry(users.officer);
    await until(() => text(page.shadowRoot?.querySelector('[role=status]')).endsWith('inovasi.'), 'the list in Indonesian');
    shell.setAttribute('lang', 'en');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')).startsWith('Innovations of Dinas Inovasi Uji'), 'the heading in English');
    ok(/^\d+ innovations?\.$/.test(text(page.shadowRoot?.querySelector('[role=status]'))), 'the count in English');
    includes(text(page.shadowRoot?.querySelector('[part=innovations] thead')), 'Evidence files', 'the table in English');
    includes(text(page.shadowRoot?.querySelector('[part=innovations] tbody')), 'Returned', 'the statuses in English');
    includes(text(page.shadowRoot?.querySelector('.returned-comment')), 'Bappeda’s comment:', 'and the reviewer’s comment');
  });
});
