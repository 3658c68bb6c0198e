/**
 * Perjaka's road reports page of the console (<opd-road-reports>, `#/perjaka/reports`), in
 * Chromium against the real API, as Dinas PUPR's staff moderate citizens' reports: the inbox
 * with its filters and keyboard moves, one report with the reporter's contact, hiding its
 * photo with a reason the public reads, an update posted with a stakeholder's role, a
 * duplicate merged, and closing with a resolution (asked first: closed is not fixed); another
 * OPD's officer sees none of it.
 *
 * Report services exist only for the demo Dinas PUPR (the API has no call that gives a new OPD
 * its services), so the reports are filed there, through the public API, on a segment no demo
 * report uses, and every one is closed by the end (no open report is left for another test's
 * duplicate check). The officer who moderates them is added through the API by the regency
 * admin, as is the other OPD with its own officer.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { ApiError } from '../../src/errors.js';
import { RequestSender } from '../../src/request.js';
import { citizenRoads, roads, type RoadsNamespace } from '../../src/namespaces/roads.js';
import type { RoadReportReceipt } from '../../src/schemas/open311.js';
import { consolePage, forgetSessions, mountConsole, submitSignIn, testOpd, type TestOpd } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, setChecked, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

const OPD = 'dinas-pupr';
/** A demo segment no demo report lies on. */
const SEGMENT = '200';
const PASSWORD = 'laporan-jalan-2031';

afterEach(() => {
  cleanup();
  forgetSessions();
});

/** An OPD staff member of `opd` (a new OPD with Perjaka on when `opd` is not given), added by the regency admin, with {@link PASSWORD} set; once per run per key. */
function officerOf(key: string, mailbox: string, opd?: string): Promise<TestOpd<'officer'>> {
  return testOpd(key, {
    opd: opd ? { existing: opd } : { slug: 'pupr-lain', name: 'Dinas PUPR Lain', modules: ['perjaka'] },
    users: { officer: { role: 'opd_staff', name: 'Petugas Uji Laporan', mailbox } },
    password: PASSWORD,
  });
}

/** A small PNG drawn in the page, as a phone's photo would be uploaded. */
async function photo(): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#6b4f2a';
  context.fillRect(0, 0, 64, 48);
  context.fillStyle = '#222';
  context.beginPath();
  context.arc(32, 24, 12, 0, Math.PI * 2);
  context.fill();
  return new Promise((resolve) => canvas.toBlob((blob) => resolve(blob!), 'image/png'));
}

interface Fixture {
  officer: string;
  staff: RoadsNamespace;
  /** The first report (with photo and contact) and its duplicate filed 5 m away. */
  first: RoadReportReceipt;
  second: RoadReportReceipt;
  contact: { email: string; phone: string; name: string };
}

let fixture: Promise<Fixture> | undefined;

/** Files the two reports through the public API and adds the officer, once per run. */
function reports(): Promise<Fixture> {
  fixture ??= (async () => {
    const stamp = Date.now().toString(36);
    const pupr = await officerOf('pupr', 'laporan', OPD);
    const officer = pupr.users.officer;
    const citizen = citizenRoads(new RequestSender({ baseUrl: testConfig().api }), { opd: OPD });
    const segment = await citizen.segments.get(SEGMENT);
    const geometry = segment.geometry!;
    const line = geometry.type === 'LineString' ? geometry.coordinates : geometry.coordinates[0]!;
    const [long, lat] = line[Math.floor(line.length / 2)]!;
    const uploaded = await citizen.photos.upload(await photo());
    const contact = { email: `warga.${stamp}@contoh.id`, phone: '0812 7000 1234', name: 'Siti Warga' };
    const first = await citizen.reports.create({
      service_code: 'jalan-berlubang',
      lat: lat!,
      long: long!,
      description: `Lubang dalam di depan rumah Siti Warga (${stamp}), hubungi 0812 7000 1234.`,
      attribute: { tingkat: 'berat' },
      media_url: uploaded.mediaUrl,
      email: contact.email,
      phone: contact.phone,
      first_name: 'Siti',
      last_name: 'Warga',
      consent: true,
    });
    // About 5 m north: offered as the first one's duplicate.
    const second = await citizen.reports.create({ service_code: 'jalan-berlubang', lat: lat! + 0.000045, long: long!, description: `Lubang yang sama (${stamp}).`, attribute: { tingkat: 'sedang' } });
    return { officer, staff: roads(await pupr.sender('officer'), { opd: OPD }), first, second, contact };
  })();
  return fixture;
}

/** The console signed in as `email`, on `route`. */
async function openReports(email: string, route = 'perjaka/reports'): Promise<Page> {
  const shell: OpdConsole = await mountConsole('', route);
  await submitSignIn(shell, email, PASSWORD);
  await until(() => shell.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
  return consolePage<Page>(shell, 'opd-road-reports');
}

/** The error summary of `form`'s lines, once it has focus. */
async function focusedSummary(page: Element, form: string): Promise<string[]> {
  const summary = await until(() => {
    const shown = page.shadowRoot?.querySelector<HTMLElement>(`#${form}-summary .error-summary`);
    return shown && deepActiveElement() === shown ? shown : null;
  }, `the ${form} error summary, focused`);
  return [...summary.querySelectorAll('li')].map(text);
}

/** The done sentence of `form`, once there. */
async function done(page: Element, form: string): Promise<string> {
  return text(await until(() => page.shadowRoot?.querySelector(`#${form}-summary .done`), `${form} done`));
}

/** A report's row in the inbox. */
function row(page: Element, id: string): HTMLAnchorElement | null {
  return page.shadowRoot?.querySelector<HTMLAnchorElement>(`#open-${id}`) ?? null;
}

/** Opens report `id` from the inbox by its link, and waits for its heading. */
async function openReport(page: Element, id: string): Promise<void> {
  (await until(() => row(page, id), `report ${id} in the inbox`)).click();
  await until(() => text(page.shadowRoot?.querySelector('#view-title')).startsWith(`Laporan #${id}:`), `report ${id} open`);
}

describe('the road reports page in the console', () => {
  it('lists the reports newest first with segment, photo and duplicate flags, filters them, and moves with j and k', async () => {
    const { officer, first, second } = await reports();
    const page = await openReports(officer);
    const firstRow = await until(() => row(page, first.service_request_id), 'the first report listed');
    const secondRow = row(page, second.service_request_id)!;
    ok(secondRow, 'the second report listed');
    const links = $$<HTMLAnchorElement>(page, '.item a');
    ok(links.indexOf(secondRow) < links.indexOf(firstRow), 'newest first');
    const firstText = text(firstRow);
    includes(firstText, `#${first.service_request_id} Jalan berlubang`, 'the service');
    includes(firstText, `Ruas ${SEGMENT} `, 'the segment by number');
    includes(firstText, `${first.segment!.distance_m} m dari garis ruas`, 'and its distance');
    includes(firstText, 'Dilaporkan ', 'when');
    includes(firstText, 'Terbuka', 'the status');
    includes(firstText, 'Belum ada penyelesaian', 'the resolution');
    includes(firstText, 'Ada foto', 'with a photo');
    includes(text(secondRow), 'Tanpa foto', 'the other without');
    includes(text(secondRow), 'Mungkin duplikat (1)', 'offered as a duplicate');

    setChecked($<HTMLInputElement>(page, '#filterDuplicates'), true);
    await until(() => row(page, second.service_request_id) && !row(page, first.service_request_id), 'only possible duplicates');
    setChecked($<HTMLInputElement>(page, '#filterDuplicates'), false);
    await until(() => row(page, first.service_request_id), 'all again');
    fill($<HTMLSelectElement>(page, '#filterStatus'), 'closed');
    await until(() => page.shadowRoot?.querySelector('.list, .empty') && !row(page, first.service_request_id), 'open reports left out');
    fill($<HTMLSelectElement>(page, '#filterStatus'), '');
    await until(() => row(page, first.service_request_id), 'all again');
    fill($<HTMLSelectElement>(page, '#filterResolution'), 'fixed');
    await until(() => !row(page, first.service_request_id), 'no fixed report among them yet');
    await until(() => text(page.shadowRoot?.querySelector('[role=status]')).includes('cocok'), 'the count says how many match');
    fill($<HTMLSelectElement>(page, '#filterResolution'), '');
    await until(() => row(page, first.service_request_id), 'all again');

    // The keyboard: j to the first report, j again to the next, k back, Enter opens.
    (page.shadowRoot!.querySelector<HTMLElement>('#view-title'))!.focus();
    await sendKeys({ press: 'j' });
    equal(deepActiveElement(), $$<HTMLAnchorElement>(page, '.item a')[0], 'j: the newest report');
    await sendKeys({ press: 'j' });
    equal(deepActiveElement(), $$<HTMLAnchorElement>(page, '.item a')[1], 'j: the next');
    await sendKeys({ press: 'k' });
    equal(deepActiveElement(), $$<HTMLAnchorElement>(page, '.item a')[0], 'k: back');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations in the inbox');
  });

  it('shows a report with its contact as personal data, hides its photo with a reason the public reads, and posts an update with a role', async () => {
    const { officer, first, contact } = await reports();
    const page = await openReports(officer);
    await openReport(page, first.service_request_id);
    equal(location.hash, `#/perjaka/reports/${first.service_request_id}`, 'in the address');
    includes(text(page.shadowRoot?.querySelector('#citizen-text')), 'Lubang dalam di depan rumah Siti Warga', 'what the citizen wrote');
    const personal = $(page, '[part=personal]');
    includes(text(personal), 'Data pribadi, hanya untuk petugas.', 'marked as personal data');
    includes(text(personal), 'log audit', 'and that reading it is audited');
    includes(text(personal), contact.name, 'the name');
    includes(text(personal), contact.email, 'the e-mail');
    includes(text(personal), contact.phone, 'the phone');
    const segmentLink = $<HTMLAnchorElement>(page, '#segment a');
    equal(segmentLink.getAttribute('href'), `#/perjaka/data/ruas/${SEGMENT}`, 'the segment links to the road data page');
    includes(text($(page, '#coordinates')), ',', 'the coordinates');
    const img = $<HTMLImageElement>(page, '[part=photo]');
    await until(() => img.complete && img.naturalWidth === 64, 'the photo shown to staff');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on a report');

    // Hiding the photo without a reason is refused here; what was typed stays.
    setChecked($<HTMLInputElement>(page, '#hidePhoto'), true);
    fill($<HTMLTextAreaElement>(page, '#publicText'), 'Lubang dalam di depan sebuah rumah.');
    $<HTMLButtonElement>(page, '#save-moderation').click();
    equal((await focusedSummary(page, 'moderate')).join(' | '), 'Tulis alasan yang dibaca publik, misalnya “Foto memuat wajah warga”', 'the reason is asked for');
    ok($<HTMLInputElement>(page, '#hidePhoto').checked, 'the box stays ticked');
    equal($<HTMLTextAreaElement>(page, '#publicText').value, 'Lubang dalam di depan sebuah rumah.', 'the edited text stays');
    page.shadowRoot!.querySelector<HTMLAnchorElement>('#moderate-summary a[href="#reason"]')!.click();
    equal(deepActiveElement()?.id, 'reason', 'the summary leads to the field');
    const reason = 'Foto dan uraian memuat data pribadi warga';
    fill($<HTMLInputElement>(page, '#reason'), reason);
    $<HTMLButtonElement>(page, '#save-moderation').click();
    includes(await done(page, 'moderate'), `Publik membaca: “${reason}”`, 'saved, saying what the public reads');
    includes(text($(page, '#moderation-state')), 'foto', 'the photo is hidden now');
    includes(text($(page, '#photo-hidden')), 'disembunyikan dari publik', 'the photo says so, and staff still see it');
    ok($<HTMLImageElement>(page, '[part=photo]'), 'still shown here');

    const open311 = await fetch(`${testConfig().api}/open311/v2/requests/${first.service_request_id}.json?jurisdiction_id=${OPD}`);
    const [request] = (await open311.json()) as Array<Record<string, unknown>>;
    equal(request!.media_url, null, 'Open311 has no media_url');
    equal(request!.description, 'Lubang dalam di depan sebuah rumah.', 'Open311 shows the edited text');
    ok(!JSON.stringify(request).includes(contact.email) && !JSON.stringify(request).includes('0812'), 'nor any contact');
    const publicReport = await citizenRoads(new RequestSender({ baseUrl: testConfig().api }), { opd: OPD }).reports.get(first.service_request_id);
    equal(publicReport.moderation_notes, reason, 'the public report gives the reason');
    equal(publicReport.media_url, null, 'and no photo');

    // An update from the camat: refused without text, then shown in the timeline and publicly.
    fill($<HTMLSelectElement>(page, '#role'), 'camat');
    fill($<HTMLInputElement>(page, '#author'), 'Camat Uji');
    $<HTMLButtonElement>(page, '#post-update').click();
    equal((await focusedSummary(page, 'update')).join(' | '), 'Tulis pembaruannya', 'the text is asked for');
    equal($<HTMLInputElement>(page, '#author').value, 'Camat Uji', 'the author stays');
    fill($<HTMLTextAreaElement>(page, '#updateText'), 'Sudah dicek bersama kepala desa, lubang ditandai.');
    $<HTMLButtonElement>(page, '#post-update').click();
    equal(await done(page, 'update'), 'Pembaruan terkirim sebagai Camat (Camat Uji) dan tampil untuk publik.', 'posted');
    const entry = await until(() => $$(page, '.timeline .entry').find((li) => text(li).includes('Sudah dicek bersama kepala desa')), 'in the timeline');
    includes(text(entry), 'Pembaruan dari Camat: Camat Uji', 'with its role');
    const updates = await citizenRoads(new RequestSender({ baseUrl: testConfig().api }), { opd: OPD }).reports.updates(first.service_request_id);
    const posted = updates.find((update) => update.description === 'Sudah dicek bersama kepala desa, lubang ditandai.');
    equal(`${posted?.role} ${posted?.author}`, 'camat Camat Uji', 'the public updates have it with the role');
  });

  it('merges the duplicate after asking, then closes the first report with a resolution after asking', async () => {
    const { officer, first, second, staff } = await reports();
    const page = await openReports(officer, `perjaka/reports/${second.service_request_id}`);
    await until(() => text(page.shadowRoot?.querySelector('#view-title')).startsWith(`Laporan #${second.service_request_id}:`), 'the duplicate open');
    $<HTMLButtonElement>(page, `#merge-${first.service_request_id}`).click();
    const confirm = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#confirm-merge'), 'asked first');
    await until(() => deepActiveElement() === confirm, 'the question focused');
    includes(text(confirm), 'ditutup dengan penyelesaian Duplikat', 'it says what merging does');
    equal((await staff.moderation.get(second.service_request_id)).status, 'open', 'nothing done yet');
    $<HTMLButtonElement>(page, '#merge-yes').click();
    equal(await done(page, 'merge'), `Laporan #${second.service_request_id} digabung ke #${first.service_request_id} dan ditutup sebagai duplikat.`, 'merged');
    const merged = await staff.moderation.get(second.service_request_id);
    equal(`${merged.status} ${merged.resolution} ${merged.duplicate_of}`, `closed duplicate ${first.service_request_id}`, 'the API has it closed as a duplicate');

    // To the first report from the inbox, keeping focus on the way.
    $<HTMLAnchorElement>(page, '#back').click();
    await openReport(page, first.service_request_id);
    fill($<HTMLSelectElement>(page, '#status'), 'closed');
    $<HTMLButtonElement>(page, '#save-status').click();
    equal((await focusedSummary(page, 'status')).join(' | '), 'Pilih penyelesaian saat menutup laporan: ditutup belum tentu diperbaiki', 'closing needs a resolution');
    equal($<HTMLSelectElement>(page, '#status').value, 'closed', 'the status chosen stays');
    fill($<HTMLSelectElement>(page, '#resolution'), 'scheduled');
    fill($<HTMLTextAreaElement>(page, '#statusNotes'), 'Penambalan dijadwalkan bulan depan.');
    $<HTMLButtonElement>(page, '#save-status').click();
    const question = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#confirm-status'), 'asked before closing');
    await until(() => deepActiveElement() === question, 'the question focused');
    includes(text(question), '“Dijadwalkan”', 'naming the resolution');
    await sendKeys({ press: 'Tab' });
    equal(text(deepActiveElement()), 'Ya, tutup laporan', 'Tab reaches yes');
    await sendKeys({ press: 'Enter' });
    equal(await done(page, 'status'), 'Status tersimpan: Ditutup, Dijadwalkan.', 'closed');
    const closed = await citizenRoads(new RequestSender({ baseUrl: testConfig().api }), { opd: OPD }).reports.get(first.service_request_id);
    equal(`${closed.status} ${closed.resolution} ${closed.status_notes}`, 'closed scheduled Penambalan dijadwalkan bulan depan.', 'the public sees closed, scheduled: not fixed');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });

  it('shows an officer of another OPD none of these reports', async () => {
    const { first } = await reports();
    const theirOpd = await officerOf('another OPD', 'lain');
    const other = theirOpd.users.officer;
    const theirs = roads(await theirOpd.sender('officer'), { opd: OPD });
    const refused = await theirs.moderation.get(first.service_request_id).then(
      () => null,
      (error: unknown) => error,
    );
    ok(refused instanceof ApiError && refused.status === 403, `the API refuses them Dinas PUPR's report (${String(refused)})`);

    const page = await openReports(other, `perjaka/reports/${first.service_request_id}`);
    await until(() => text(page.shadowRoot?.querySelector('[role=alert]')).includes(`Laporan #${first.service_request_id} tidak ada di OPD ini`), 'not in their OPD');
    ok(!text(page.shadowRoot!.querySelector('.base')).includes('Siti'), 'no contact shown');
    $<HTMLAnchorElement>(page, '#back').click();
    await until(() => text(page.shadowRoot?.querySelector('.empty')) === 'Belum ada laporan dari warga.', 'their inbox is empty');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });
});
