/**
 * One OPD One Innovation's review page of the console (<opd-innovation-review>,
 * `#/innovation/review`), in Chromium against the real API, as Bappeda's staff review the
 * regency's innovations: the queue oldest first, one innovation read whole with its contact
 * person and evidence, returning it (an empty comment is refused on the field), the OPD
 * submitting again, verifying it and the board's count growing by one; another OPD's officer
 * told that only the reviewer reviews; a regency admin's settings refused on the field; English.
 *
 * The innovation belongs to an OPD of this file's own (added by the regency admin with the
 * module on), registered and submitted through the API by its officer; the demo's submitted
 * innovations are only read. No setting is changed (the refused one is never saved).
 */
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { RequestSender } from '../../src/request.js';
import { citizenInnovations, innovations, type InnovationsNamespace } from '../../src/namespaces/innovations.js';
import type { InnovationStaff } from '../../src/schemas/innovations-staff.js';
import { consolePage, DEMO_PASSWORD, forgetSessions, mountConsole, submitSignIn, testOpd, tokenOf, type TestOpd } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

const BAPPEDA = 'bappeda@lahat.demo';
const ADMIN = 'admin@lahat.demo';
const PASSWORD = 'inovasi-daerah-2031';
const CONTACT = { name: 'Rahmawati Narahubung Uji', phone: '0813 7777 4242', email: 'rahma.uji@inovasi.test' };

afterEach(() => {
  cleanup();
  forgetSessions();
});

/** A one-page PDF as an OPD scans a decree: header, one object, xref and `%%EOF` (the server checks each). */
function decreePdf(title: string): Blob {
  const stream = `BT /F1 12 Tf 40 780 Td (${title}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Blob([body], { type: 'application/pdf' });
}

interface Fixture {
  opd: TestOpd<'officer'>;
  opdName: string;
  /** The officer's calls for their OPD. */
  staff: InnovationsNamespace;
  innovation: InnovationStaff;
}

let fixture: Promise<Fixture> | undefined;

/** The test OPD, its officer, and one innovation with a decree as evidence, submitted; once per run. */
function submitted(): Promise<Fixture> {
  fixture ??= (async () => {
    const opd = await testOpd('innovation-review', {
      opd: { slug: 'inovasi-uji', name: 'Dinas Uji Inovasi', modules: ['innovation'] },
      users: { officer: { role: 'opd_staff', name: 'Petugas Uji Inovasi', mailbox: 'inovasi' } },
      password: PASSWORD,
    });
    const staff = innovations(await opd.sender('officer'), { opd: opd.slug });
    const stamp = Date.now().toString(36);
    const draft = await staff.opd.create({
      name: `Layanan Antar Dokumen Uji ${stamp}`,
      type: 'pelayanan-publik',
      digital: true,
      stage: 'uji-coba',
      stageDates: { inisiatif: '2024-08-01', 'uji-coba': '2025-01-15' },
      startDate: '2024-08-01',
      problem: 'Warga datang berulang kali ke kantor untuk mengambil dokumen yang belum selesai.',
      solution: 'Dokumen yang selesai diantar kurir kelurahan dengan pemberitahuan lewat pesan singkat.',
      benefits: 'Warga tidak perlu datang lagi.',
      goal: 'Memangkas kunjungan ulang warga.',
      budgetSource: 'APBD',
      initiator: 'asn',
      covid19: false,
      contact: CONTACT,
    });
    await staff.opd.uploadEvidence(draft.id, 'regulasi', decreePdf('SK Kepala Dinas'), { title: 'SK Kepala Dinas tentang layanan antar' });
    const innovation = await staff.opd.submit(draft.id);
    return { opd, opdName: innovation.opd.name, staff, innovation };
  })();
  return fixture;
}

/** The public board's figures, read from the API. */
function progress() {
  return citizenInnovations(new RequestSender({ baseUrl: testConfig().api }), {}).progress();
}

/** The console signed in as `email`, on `route`, and its review page. */
async function openReview(email: string, password: string, route = 'innovation/review', attributes = ''): Promise<Page> {
  const shell: OpdConsole = await mountConsole(attributes, route);
  await submitSignIn(shell, email, password);
  await until(() => shell.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
  return consolePage<Page>(shell, 'opd-innovation-review');
}

function row(page: Element, id: number): HTMLAnchorElement | null {
  return page.shadowRoot?.querySelector<HTMLAnchorElement>(`#open-${id}`) ?? null;
}

/** Opens innovation `id` from the queue by its link, and waits for its heading. */
async function openInnovation(page: Element, id: number, name: string): Promise<void> {
  (await until(() => row(page, id), `innovation ${id} in the queue`)).click();
  await until(() => text(page.shadowRoot?.querySelector('#view-title')) === name, `innovation ${id} open`);
}

/** The error summary of `form`'s lines, once it has focus. */
async function focusedSummary(page: Element, form: string): Promise<string[]> {
  const summary = await until(() => {
    const shown = page.shadowRoot?.querySelector<HTMLElement>(`#${form}-summary .error-summary`);
    return shown && deepActiveElement() === shown ? shown : null;
  }, `the ${form} error summary, focused`);
  return [...summary.querySelectorAll('li')].map(text);
}

/** The notice above the queue after a decision, once it has focus. */
async function focusedNotice(page: Element): Promise<string> {
  const notice = await until(() => {
    const shown = page.shadowRoot?.querySelector<HTMLElement>('#review-notice');
    return shown && deepActiveElement() === shown ? shown : null;
  }, 'the decision’s notice, focused');
  return text(notice);
}

describe('the innovation review page in the console', () => {
  it('lists every OPD’s submitted innovations oldest first, and opens one with its contact person, evidence and history', async () => {
    const { innovation, opdName } = await submitted();
    const page = await openReview(BAPPEDA, DEMO_PASSWORD);
    const item = await until(() => row(page, innovation.id), 'the test innovation in the queue');
    includes(text(item), innovation.name, 'its name');
    includes(text(item), opdName, 'its OPD');
    includes(text(item), 'Pelayanan publik', 'its form');
    includes(text(item), 'Uji coba', 'its stage');
    includes(text(item), '1 berkas bukti dukung', 'its evidence count');
    const times = $$(page, '.item time').map((time) => Date.parse(time.getAttribute('datetime') ?? ''));
    ok(times.length >= 2, `the demo's submitted innovations are there too (${times.length})`);
    ok(
      times.every((at, index) => index === 0 || times[index - 1]! <= at),
      'the longest waiting first',
    );
    ok(new Set($$(page, '.item .item-line:not(.muted)').map(text)).size >= 2, 'from more than one OPD');
    includes(text($(page, '[role=status]')), 'inovasi menunggu verifikasi', 'the count');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations in the queue');

    await openInnovation(page, innovation.id, innovation.name);
    equal(deepActiveElement(), $(page, '#view-title'), 'focus on its heading');
    const facts = text($(page, '#facts'));
    includes(facts, 'Pelayanan publik', 'its form');
    includes(facts, 'Digital', 'digital');
    includes(facts, '15 Januari 2025', 'the day its trial began');
    includes(facts, 'ASN', 'its initiator');
    includes(facts, 'APBD', 'its budget source');
    includes(text($(page, '#problem-text')), 'Warga datang berulang kali', 'the problem');
    includes(text($(page, '#goal-text')), 'Memangkas kunjungan ulang', 'the goal');
    const contact = text($(page, '#contact'));
    includes(contact, CONTACT.name, 'the contact person, which staff may see');
    includes(contact, CONTACT.phone, 'their phone');
    includes(text($(page, '[part~=personal]')), 'Data pribadi', 'marked as personal data');
    const link = $<HTMLAnchorElement>(page, '#evidence a');
    equal(text(link), 'SK Kepala Dinas tentang layanan antar', 'the evidence file by its title');
    includes(text($(page, '#evidence')), 'Regulasi', 'under its indicator');
    const file = await fetch(link.href);
    equal(file.headers.get('content-type'), 'application/pdf', 'the link serves the file');
    includes(text($(page, '#evidence-gaps')), 'indikator belum punya bukti dukung', 'the gaps');
    includes(text($(page, '#review-log')), 'Diajukan oleh Petugas Uji Inovasi', 'the review log');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the innovation');
  });

  it('refuses a return without comments on the field, then returns it with comments and it leaves the queue', async () => {
    const { innovation, staff } = await submitted();
    const page = await openReview(BAPPEDA, DEMO_PASSWORD, `innovation/review/${innovation.id}`);
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === innovation.name, 'the innovation open by its address');
    $<HTMLButtonElement>(page, '#return').click();
    const lines = await focusedSummary(page, 'review');
    equal(lines.join(' | '), 'Tulis apa yang perlu diperbaiki OPD, paling sedikit 5 karakter', 'the summary names the comments');
    includes(text($(page, '#comment-error')), 'paling sedikit 5 karakter', 'and the field says it');
    equal($(page, '#comment').getAttribute('aria-invalid'), 'true', 'marked invalid');
    equal((await staff.opd.get(innovation.id)).status, 'submitted', 'nothing was done');

    const comments = 'Lengkapi bukti dukung regulasi: SK belum ditandatangani kepala dinas.';
    fill($<HTMLTextAreaElement>(page, '#comment'), comments);
    $<HTMLButtonElement>(page, '#return').click();
    const notice = await focusedNotice(page);
    includes(notice, `“${innovation.name}” dikembalikan ke`, 'a notice says what happened');
    equal(text(page.shadowRoot!.querySelector('#view-title')), 'Inovasi yang menunggu verifikasi', 'back on the queue');
    await until(() => !page.shadowRoot?.querySelector('.item time') || !row(page, innovation.id), 'it left the queue');
    ok(!row(page, innovation.id), 'not in the queue');
    const returned = await staff.opd.get(innovation.id);
    equal(returned.status, 'returned', 'the API shows it returned');
    equal(returned.reviewComment, comments, 'with the comments');
  });

  it('verifies it once submitted again, and the board’s count of OPDs done grows by one', async () => {
    const { innovation, staff } = await submitted();
    const before = await progress();
    ok(before.missing.length > 0, 'some OPDs are not done');
    await staff.opd.submit(innovation.id);
    const page = await openReview(BAPPEDA, DEMO_PASSWORD);
    await until(() => page.shadowRoot?.querySelector('.item'), 'the queue');
    if (!row(page, innovation.id)) $<HTMLButtonElement>(page, '#reload-queue').click();
    await openInnovation(page, innovation.id, innovation.name);
    includes(text($(page, '#review-log')), 'Dikembalikan oleh Verifikator Bappeda (demo)', 'the return in its history');
    includes(text($(page, '#review-log')), 'SK belum ditandatangani', 'with its comments');
    $<HTMLButtonElement>(page, '#verify').click();
    includes(await focusedNotice(page), `“${innovation.name}” dari`, 'a notice says it is verified');
    includes(text($(page, '#review-notice')), 'diverifikasi', 'verified');
    ok(!row(page, innovation.id), 'it left the queue');
    const after = await progress();
    equal(after.opdsDone, before.opdsDone + 1, 'the API counts one more OPD done');

    $<HTMLAnchorElement>(page, 'a.view-link[href$="/papan"]').click();
    await until(() => text(page.shadowRoot?.querySelector('#view-title')).startsWith('Kemajuan Satu OPD Satu Inovasi'), 'the board');
    const done = await until(() => page.shadowRoot?.querySelector('#board-done'), 'the board’s figures');
    includes(text(done), `${after.opdsDone} dari ${after.opds} OPD`, 'the board shows the same count');
    const ours = $(page, `#board-table tr[data-opd="${innovation.opd.slug}"]`);
    equal(text(ours.querySelector('td')), '1', 'the test OPD has one verified innovation');
    includes(text($(page, '#board-model')), 'Indeks Inovasi Daerah', 'the year’s model named');
    const missing = text($(page, '#board-missing'));
    ok(!missing.includes(innovation.opd.name), 'the test OPD is no longer missing');
    const name = after.board.find((opd) => opd.slug === after.missing[0])?.name ?? '';
    includes(missing, name, 'an OPD still missing is listed');
    includes($<HTMLAnchorElement>(page, '#export-csv').href, `/api/v1/innovations/export.csv?year=${after.year}`, 'the CSV export of the year');
    const xlsx = await fetch($<HTMLAnchorElement>(page, '#export-xlsx').href);
    equal(xlsx.status, 200, 'the XLSX link downloads');
    includes(xlsx.headers.get('content-type'), 'spreadsheetml', 'a spreadsheet');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the board');
  });

  it('tells an officer of another OPD that only the reviewer OPD reviews, with the board below', async () => {
    const { opd, innovation } = await submitted();
    const page = await openReview(opd.users.officer, PASSWORD);
    const notice = await until(() => page.shadowRoot?.querySelector('#not-reviewer'), 'the notice');
    equal(text($(page, '#view-title')), 'Hanya OPD verifikator yang memverifikasi inovasi', 'said plainly');
    const board = await progress();
    const reviewer = board.board.find((candidate) => candidate.slug === 'bappeda')!;
    includes(text(notice), `diverifikasi oleh ${reviewer.name}`, 'naming the reviewer OPD');
    ok(!page.shadowRoot!.querySelector('.list, #verify, #return'), 'no queue and no decision');
    await until(() => page.shadowRoot?.querySelector('#board-done'), 'the board below');
    // Its address does not open the innovation either.
    cleanup();
    forgetSessions();
    const direct = await openReview(opd.users.officer, PASSWORD, `innovation/review/${innovation.id}`);
    await until(() => text(direct.shadowRoot?.querySelector('.notice')).includes('Inovasi semua OPD diverifikasi oleh'), 'only the reviewer, again');
    ok(!direct.shadowRoot!.querySelector('#contact'), 'no contact person');
    equal((await axeViolations(direct)).join('\n'), '', 'no axe violations');
  });

  it('refuses a regency admin’s settings with a year before 2017 on the field, saving nothing; Bappeda reads them only', async () => {
    const regency = innovations(new RequestSender({ baseUrl: testConfig().api, token: await tokenOf(ADMIN) }), {});
    const before = await regency.settings.get();
    const page = await openReview(ADMIN, DEMO_PASSWORD, 'innovation/review/pengaturan');
    const year = await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#year'), 'the settings form');
    equal(year.value, String(before.year), 'the year as set');
    equal($<HTMLSelectElement>(page, '#reviewerOpd').value, before.reviewerOpd, 'the reviewer as set');
    fill(year, '2016');
    $<HTMLButtonElement>(page, '#save-settings').click();
    equal((await focusedSummary(page, 'settings')).join(' | '), 'Tahun penilaian paling awal 2017', 'the year is refused');
    includes(text($(page, '#year-error')), 'paling awal 2017', 'on its field');
    equal($<HTMLInputElement>(page, '#year').value, '2016', 'what was typed stays');
    const after = await regency.settings.get();
    equal(JSON.stringify(after), JSON.stringify(before), 'nothing saved');
    cleanup();
    forgetSessions();
    const reviewer = await openReview(BAPPEDA, DEMO_PASSWORD, 'innovation/review/pengaturan');
    await until(() => reviewer.shadowRoot?.querySelector('#settings-facts'), 'the settings, read only');
    includes(text($(reviewer, '#settings-read-only')), 'Hanya admin kabupaten', 'who changes them');
    ok(!reviewer.shadowRoot!.querySelector('#save-settings'), 'no form');
  });

  it('speaks English when the console does', async () => {
    await submitted();
    const page = await openReview(BAPPEDA, DEMO_PASSWORD, 'innovation/review/papan', 'lang="en"');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')).startsWith('One OPD One Innovation progress'), 'the board in English');
    const done = await until(() => page.shadowRoot?.querySelector('#board-done'), 'the figures');
    const board = await progress();
    includes(text(done), `${board.opdsDone} of ${board.opds} OPDs`, 'the count in English');
    equal($$(page, '.view-link').map(text).join(' | '), 'Review queue | Progress board | Settings', 'the views');
    includes(text($(page, '#by-type')), 'Public service', 'the forms');
    $<HTMLAnchorElement>(page, 'a.view-link[href$="/innovation/review"]').click();
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Innovations waiting for review', 'the queue in English');
  });
});
