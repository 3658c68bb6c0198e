/**
 * Perjaka's road data page of the console (<opd-road-data>, `#/perjaka/data`), in Chromium
 * against the real API, as Dinas PUPR's staff use it: finding a segment among the demo's 214,
 * recording a survey that must add up to the segment's length (the difference shown before
 * sending, the server's refusal when the length changed meanwhile, nothing typed lost), a dry
 * run of a CSV with problems listed by row and column, then a clean import; targets for OPD
 * admins only.
 *
 * Dinas PUPR's demo officer (`pupr@lahat.demo`, OPD staff) reads: the demo network other
 * widget tests measure in the same server (214 segments, 1,339.15 km, 78.35 % in 2022) must
 * stay as it is. Writes (imports, surveys, targets) go to an OPD of its own with Perjaka on,
 * which the regency admin adds through the API with an OPD staff member of its own, as a
 * regency rolling Perjaka out to a second agency would.
 */
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { RequestSender } from '../../src/request.js';
import { roads, type RoadsNamespace } from '../../src/namespaces/roads.js';
import { DEMO_PASSWORD, consolePage, forgetSessions, mountConsole, signInAs, submitSignIn, testOpd, tokenOf } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

const OPD = 'dinas-pupr';

afterEach(() => {
  cleanup();
  forgetSessions();
});

/** The SDK's roads calls for `opd`, signed in with `token`. */
function roadsWith(token: string, opd: string): RoadsNamespace {
  return roads(new RequestSender({ baseUrl: testConfig().api, token }), { opd });
}

/** The password the test OPD's officer chooses. */
const OFFICER_PASSWORD = 'jalan-mantap-2031';

/** The test OPD: a second Dinas PUPR with Perjaka on and no segments, and an OPD staff member of it. */
interface TestOpd {
  slug: string;
  officer: string;
  /** The officer's roads calls on the OPD. */
  sdk: RoadsNamespace;
}

/** Adds the test OPD and its officer once per run (the regency admin, through the API). */
async function ownOpd(): Promise<TestOpd> {
  const opd = await testOpd('roads', {
    opd: { slug: 'pupr-uji', name: 'Dinas PUPR Uji', modules: ['perjaka'] },
    users: { officer: { role: 'opd_staff', name: 'Petugas Uji PUPR', mailbox: 'petugas' } },
    password: OFFICER_PASSWORD,
  });
  return { slug: opd.slug, officer: opd.users.officer, sdk: roads(await opd.sender('officer'), { opd: opd.slug }) };
}

/** The console signed in as `email` (with `password`), on the road data page at `route`. */
async function openRoadData(email: string, route = 'perjaka/data', password = DEMO_PASSWORD, attributes = ''): Promise<Page> {
  const shell: OpdConsole = await mountConsole(attributes, route);
  await submitSignIn(shell, email, password);
  await until(() => shell.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
  return consolePage<Page>(shell, 'opd-road-data');
}

/** The button inside the page whose text (visually hidden parts included) is `name`. */
function button(page: Element, name: string): HTMLButtonElement {
  const all = $$<HTMLButtonElement>(page, 'button');
  const found = all.find((candidate) => text(candidate) === name);
  ok(found, `a button “${name}” (there are: ${all.map(text).join(' | ')})`);
  return found;
}

/** The rows of the segment table, as the text of each. */
function segmentRows(page: Element): string[] {
  return $$<HTMLTableRowElement>(page, '[part=segments] tbody tr').map(text);
}

/** The error summary's lines, once it has focus (a summary shown again is a new one). */
async function focusedSummary(page: Element, form: string): Promise<string[]> {
  const summary = await until(() => {
    const shown = page.shadowRoot?.querySelector<HTMLElement>(`#${form}-summary .error-summary`);
    return shown && deepActiveElement() === shown ? shown : null;
  }, `the ${form} error summary, focused`);
  return [...summary.querySelectorAll('li')].map(text);
}

/** Fills the four class fields (km as staff type them). */
function fillClasses(page: Element, values: [string, string, string, string]): void {
  (['baik', 'sedang', 'rusakRingan', 'rusakBerat'] as const).forEach((name, index) => fill($<HTMLInputElement>(page, `#${name}`), values[index]!));
}

/** A segment number no other run has used. */
const uniqueNumber = (): string => `U${Date.now().toString(36).toUpperCase()}`;

describe('the road data page in the console', () => {
  it('lists the 214 demo segments to a PUPR officer, finds one by name, kecamatan or number, and opens it with the keyboard', async () => {
    const page = await openRoadData('pupr@lahat.demo');
    await until(() => text(page.shadowRoot?.querySelector('[role=status]')) === '214 ruas.', 'every segment read');
    equal(segmentRows(page).length, 25, 'a page of 25');
    includes(text(page.shadowRoot?.querySelector('#segments-caption')), 'Ruas 1–25 dari 214', 'the caption says which');
    button(page, 'Berikutnya').click();
    await until(() => text(page.shadowRoot?.querySelector('#segments-caption')).includes('Ruas 26–50 dari 214'), 'the second page');
    equal(deepActiveElement()?.id, 'segments-caption', 'focus on the new page’s caption');

    const segment = await roadsWith(await tokenOf('pupr@lahat.demo'), OPD).segments.get('012');
    const search = $<HTMLInputElement>(page, '#search');
    fill(search, segment.kecamatan[0]!.toLowerCase());
    await until(() => segmentRows(page).length > 0 && segmentRows(page).every((row) => row.toLowerCase().includes(segment.kecamatan[0]!.toLowerCase())), 'only that kecamatan');
    includes(text(page.shadowRoot?.querySelector('[role=status]')), 'dari 214 ruas cocok', 'how many match');
    fill(search, 'tidak ada jalan seperti ini');
    await until(() => text(page.shadowRoot?.querySelector('.empty')).includes('Tidak ada ruas yang cocok'), 'no match');

    // The number typed and Enter opens the segment.
    search.focus();
    fill(search, '012');
    await sendKeys({ press: 'Enter' });
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === `Ruas 012: ${segment.name}`, 'segment 012 open');
    equal(location.hash, '#/perjaka/data/ruas/012', 'in the address');
    const surveys = $$<HTMLTableRowElement>(page, '#surveys-title ~ .table-box tbody tr').map(text);
    equal(surveys.length, segment.surveys.length, 'every survey of it');
    includes(surveys[0], String(Math.max(...segment.surveys.map((s) => s.year))), 'newest first');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on a segment');

    $<HTMLAnchorElement>(page, '#back').click();
    await until(() => deepActiveElement()?.id === 'open-012', 'back in the list, on the segment it came from');
    equal($<HTMLInputElement>(page, '#search').value, '012', 'the search kept');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the list');
  });

  it('shows the difference of a survey that does not sum, the server’s refusal when the length changed meanwhile, keeps what was typed, and saves a correct one', async () => {
    const { sdk, officer } = await ownOpd();
    const number = uniqueNumber();
    await sdk.imports.run({ kind: 'segments', format: 'csv', content: `nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan\n${number},Jl. Uji Survei,Lahat,2.5,aspal` });

    const page = await openRoadData(officer, 'perjaka/data', OFFICER_PASSWORD);
    await until(() => segmentRows(page).some((row) => row.includes(number)), 'the segment listed');
    fill($<HTMLInputElement>(page, '#search'), 'uji survei');
    await until(() => segmentRows(page).length === 1, 'found by its name');
    $<HTMLAnchorElement>(page, `#open-${number}`).click();
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === `Ruas ${number}: Jl. Uji Survei`, 'the new segment open');
    includes(text(page.shadowRoot?.querySelector('.empty')), 'belum pernah disurvei', 'no survey yet');
    fill($<HTMLInputElement>(page, '#year'), '2024');
    fillClasses(page, ['1,5', '0,5', '0,25', '']);
    const sum = () => text(page.shadowRoot?.querySelector('#sum'));
    await until(() => sum() === 'Jumlah: 2,250 km dari panjang ruas 2,500 km. Kurang 0,250 km.', 'the running sum and what is missing');

    // Sent as it is: refused here, with the difference, and nothing typed is lost.
    button(page, 'Simpan survei 2024').click();
    equal((await focusedSummary(page, 'survey')).join(' | '), 'Jumlah keempat kelas 2,250 km, panjang ruas 2,500 km: kurang 0,250 km', 'the summary says by how much');
    equal($<HTMLInputElement>(page, '#rusakRingan').value, '0,25', 'the values stay');
    page.shadowRoot!.querySelector<HTMLAnchorElement>('#survey-summary a[href="#classes"]')!.click();
    equal(deepActiveElement()?.id, 'classes', 'the link leads to the four fields');
    fill($<HTMLInputElement>(page, '#sedang'), '1,5x');
    await until(() => sum().includes('Perbaiki angka yang tidak terbaca'), 'an unreadable figure named');
    button(page, 'Simpan survei 2024').click();
    equal((await focusedSummary(page, 'survey')).join(' | '), 'Tulis km Sedang sebagai angka, misalnya 2,375', 'the field that cannot be read');
    fill($<HTMLInputElement>(page, '#sedang'), '0,75');
    await until(() => sum().endsWith('Sudah sama dengan panjang ruas.'), 'it sums');

    // Meanwhile a colleague re-measures the segment: the server refuses what the page thought right.
    await sdk.imports.run({ kind: 'segments', format: 'csv', content: `nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan\n${number},Jl. Uji Survei,Lahat,3,aspal` });
    button(page, 'Simpan survei 2024').click();
    const refused = await focusedSummary(page, 'survey');
    equal(refused.length, 1, 'one line for the four fields');
    includes(refused[0], 'Server menolak survei: jumlah keempat kelas (2,500 km) harus sama dengan panjang ruas, yang menurut data terbaru 3,000 km', 'the server’s refusal, with the new length');
    equal(['baik', 'sedang', 'rusakRingan', 'rusakBerat'].map((name) => $<HTMLInputElement>(page, `#${name}`).value).join(' '), '1,5 0,75 0,25 ', 'what was typed stays');
    await until(() => sum() === 'Jumlah: 2,500 km dari panjang ruas 3,000 km. Kurang 0,500 km.', 'the sum against the new length');
    equal(await sdk.segments.get(number).then((s) => s.surveys.length), 0, 'nothing stored');

    fill($<HTMLInputElement>(page, '#rusakBerat'), '0,5');
    fill($<HTMLTextAreaElement>(page, '#note'), 'Survei uji konsol');
    button(page, 'Simpan survei 2024').click();
    await until(() => text(page.shadowRoot?.querySelector('#survey-summary .done')) === `Survei 2024 ruas ${number} tersimpan.`, 'saved');
    const row = await until(() => $$<HTMLTableRowElement>(page, '#surveys-title ~ .table-box tbody tr').find((tr) => text(tr.querySelector('th')) === '2024'), 'the survey in the table');
    equal([...row.children].slice(0, 7).map((cell) => text(cell)).join(' | '), '2024 | 1,500 | 0,750 | 0,250 | 0,500 | 75,00 % | Survei uji konsol', 'as saved, with its kemantapan');
    const stored = (await sdk.segments.get(number)).surveys.find((s) => s.year === 2024);
    equal(JSON.stringify(stored?.km), JSON.stringify({ baik: 1.5, sedang: 0.75, rusakRingan: 0.25, rusakBerat: 0.5 }), 'the API has it');
    includes(text(page.shadowRoot?.querySelector('#year-hint')), 'sudah punya survei 2024', 'saving again would replace it, the form says');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });

  it('renames a segment and changes its kecamatan in the “Ubah data ruas” form, refusing an empty name with the typed values kept', async () => {
    const { sdk, officer } = await ownOpd();
    const number = uniqueNumber();
    await sdk.imports.run({ kind: 'segments', format: 'csv', content: `nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan\n${number},Jl. Uji Ubah,Lahat,2,aspal` });
    const page = await openRoadData(officer, `perjaka/data/ruas/${number}`, OFFICER_PASSWORD);
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === `Ruas ${number}: Jl. Uji Ubah`, 'the segment open');
    equal($<HTMLInputElement>(page, '#segName').value, 'Jl. Uji Ubah', 'the form shows the name');

    fill($<HTMLInputElement>(page, '#segName'), '  ');
    fill($<HTMLInputElement>(page, '#segKecamatan'), 'Lahat, Merapi Barat');
    fill($<HTMLInputElement>(page, '#segWidth'), '4,555');
    $<HTMLButtonElement>(page, '#edit-save').click();
    equal((await focusedSummary(page, 'edit')).join(' | '), 'Masukkan nama ruas | Tulis lebar dengan paling banyak dua desimal, misalnya 4,75', 'name and width refused');
    equal($<HTMLInputElement>(page, '#segKecamatan').value, 'Lahat, Merapi Barat', 'what was typed stays');
    equal((await sdk.segments.get(number)).name, 'Jl. Uji Ubah', 'nothing stored');

    fill($<HTMLInputElement>(page, '#segName'), 'Jl. Uji Sudah Diubah');
    fill($<HTMLInputElement>(page, '#segWidth'), '4,5');
    $<HTMLButtonElement>(page, '#edit-save').click();
    await until(() => text(page.shadowRoot?.querySelector('#edit-summary .done')) === `Data ruas ${number} tersimpan.`, 'saved');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === `Ruas ${number}: Jl. Uji Sudah Diubah`, 'the new name in the title');
    const stored = await sdk.segments.get(number);
    equal(JSON.stringify([stored.name, stored.kecamatan, stored.widthM, stored.lengthKm]), JSON.stringify(['Jl. Uji Sudah Diubah', ['Lahat', 'Merapi Barat'], 4.5, 2]), 'the API has it, the length as it was');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');

    $<HTMLAnchorElement>(page, '#back').click();
    await until(() => segmentRows(page).some((row) => row.includes(number) && row.includes('Jl. Uji Sudah Diubah')), 'the new name in the list');
  });

  it('lists every problem of a CSV’s dry run by row and column, stores nothing, then imports a valid file after asking', async () => {
    const { sdk, officer } = await ownOpd();
    const number = uniqueNumber();
    const page = await openRoadData(officer, 'perjaka/data/impor', OFFICER_PASSWORD);
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Impor ruas dan survei', 'the import view');

    // Nothing chosen: the summary names what is missing.
    $<HTMLButtonElement>(page, '#dry-run').click();
    equal((await focusedSummary(page, 'import')).join(' | '), 'Pilih isi berkas: ruas jalan atau survei kondisi | Pilih format berkas: GeoJSON atau CSV | Pilih berkas atau tempel isinya', 'each choice');

    const bad = [
      'nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan,tahun,baik_km,sedang_km,rusak_ringan_km,rusak_berat_km',
      `${number},Jl. Uji Impor,Lahat,2,aspal,2024,1,1,0,0`,
      `${number}A,,Lahat,3,aspal,,,,,`,
      `${number}B,Jl. Uji Batu,Jarai,3,batu,,,,,`,
      `${number}C,Jl. Uji Kurang,Jarai,3,aspal,2024,1,1,0.5,0.25`,
    ].join('\n');
    $<HTMLInputElement>(page, '#kind-segments').click();
    const file = $<HTMLInputElement>(page, '#file');
    const transfer = new DataTransfer();
    transfer.items.add(new File([bad], 'ruas-uji.csv', { type: 'text/csv' }));
    file.files = transfer.files;
    file.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    await until(() => text(page.shadowRoot?.querySelector('#file-chosen')).includes('ruas-uji.csv'), 'the file chosen');
    ok($<HTMLInputElement>(page, '#format-csv').checked, 'CSV chosen from the file’s name');
    $<HTMLButtonElement>(page, '#dry-run').click();
    const title = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#report-title'), 'the report');
    await until(() => text(title) === 'Uji coba menemukan 3 masalah' && deepActiveElement() === title, 'its title, focused');
    const problems = $$<HTMLTableRowElement>(page, '.problems tbody tr').map((tr) => [...tr.children].map((cell) => text(cell)));
    equal(problems.map(([where, column]) => `${where} ${column}`).join(' | '), 'Baris 3 nama_ruas | Baris 4 permukaan | Baris 5 panjang_km', 'each by row and column');
    includes(problems[1]![2], '"batu" is not one of aspal, beton, kerikil, tanah', 'with what is wrong');
    includes(problems[2]![2], '0.250 km missing', 'the survey that does not sum');
    ok(!page.shadowRoot?.querySelector('#import-now'), 'nothing to import');
    equal(await sdk.segments.get(number).catch(() => null), null, 'nothing stored');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations in the problem report');

    // The fixed file, pasted, with a column the import does not read.
    button(page, 'Pakai teks tempel saja').click();
    const good = [
      'nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan,tahun,baik_km,sedang_km,rusak_ringan_km,rusak_berat_km,kode_gis',
      `${number},Jl. Uji Impor,Lahat,2,aspal,2024,1,1,0,0,G1`,
      `${number}A,Jl. Uji Dua,Lahat,3,aspal,,,,,,G2`,
    ].join('\n');
    fill(await until(() => page.shadowRoot?.querySelector<HTMLTextAreaElement>('#content'), 'the paste field'), good);
    await until(() => text(page.shadowRoot?.querySelector('.report .notice')).includes('berubah sejak diperiksa'), 'the report is out of date');
    $<HTMLButtonElement>(page, '#dry-run').click();
    await until(() => text(page.shadowRoot?.querySelector('#report-title')) === 'Uji coba lolos', 'the dry run passes');
    const counts = $$<HTMLTableRowElement>(page, '.report tbody tr').map((tr) => [...tr.children].map((cell) => text(cell)).join(' '));
    equal(counts.join(' | '), 'Ruas 2 0 0 | Survei 1 0 0', 'what it would add, change and leave');
    includes(text(page.shadowRoot?.querySelector('.ignored')), 'kode_gis', 'the column it would not read');
    equal(await sdk.segments.get(number).catch(() => null), null, 'still nothing stored');

    $<HTMLButtonElement>(page, '#import-now').focus();
    await sendKeys({ press: 'Enter' });
    const confirm = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#confirm-import'), 'asked first');
    equal(deepActiveElement(), confirm, 'focus on the question');
    includes(text(confirm), 'tidak ada yang disimpan', 'it says all or nothing');
    await sendKeys({ press: 'Tab' });
    equal(text(deepActiveElement()), 'Ya, impor', 'Tab reaches yes');
    await sendKeys({ press: 'Enter' });
    await until(() => text(page.shadowRoot?.querySelector('#report-title')) === 'Impor selesai', 'imported');
    includes(text(page.shadowRoot?.querySelector('.report .done')), '2 baris atau fitur diimpor', 'the result');
    equal((await sdk.segments.get(number)).surveys.map((s) => s.year).join(), '2024', 'the API has the segment and its survey');
    equal((await sdk.segments.get(`${number}A`)).name, 'Jl. Uji Dua', 'and the other');
  });

  it('tells a PUPR officer that only OPD admins set the target, and shows the targets', async () => {
    const page = await openRoadData('pupr@lahat.demo', 'perjaka/data/target');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Kemantapan dan target per tahun', 'the targets view');
    const rows = await until(() => {
      const read = $$<HTMLTableRowElement>(page, 'tbody tr').map(text);
      return read.length ? read : null;
    }, 'the years');
    ok(rows.some((row) => row.startsWith('2023') && row.endsWith('83,00 %')), `2023 aims at 83 % (${rows.join(' | ')})`);
    ok(rows.some((row) => row.startsWith('2022') && row.includes('78,35 %')), '2022 at 78.35 %');
    includes(text(page.shadowRoot?.querySelector('#targets-admins-only')), 'Hanya admin OPD', 'who can set it');
    ok(!page.shadowRoot?.querySelector('#percent') && !page.shadowRoot?.querySelector('form'), 'no target form');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });

  it('lets the regency admin set a year’s target, refusing a percent over 100', async () => {
    const { slug } = await ownOpd();
    const page = await openRoadData('admin@lahat.demo', `perjaka/data/target?opd=${slug}`);
    const percent = await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#percent'), 'the target form');
    fill($<HTMLInputElement>(page, '#targetYear'), '2031');
    fill(percent, '101');
    button(page, 'Simpan target').click();
    equal((await focusedSummary(page, 'target')).join(' | '), 'Target dari 0 sampai 100 persen', 'over 100 refused');
    equal($<HTMLInputElement>(page, '#percent').value, '101', 'kept');
    fill($<HTMLInputElement>(page, '#percent'), '85,5');
    button(page, 'Simpan target').click();
    await until(() => text(page.shadowRoot?.querySelector('#target-summary .done')) === 'Target 2031 tersimpan: 85,50 %.', 'saved');
    await until(() => $$<HTMLTableRowElement>(page, 'tbody tr').some((tr) => text(tr).startsWith('2031') && text(tr).endsWith('85,50 %')), 'the table shows it');
  });

  it('speaks English when the console does', async () => {
    const shell = await mountConsole('lang="en"', 'perjaka/data');
    await signInAs(shell, 'pupr@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-road-data');
    await until(() => text(page.shadowRoot?.querySelector('[role=status]')) === '214 segments.', 'in English');
    equal(text(page.shadowRoot?.querySelector('#view-title')), 'Regency road segments', 'the heading');
  });
});
