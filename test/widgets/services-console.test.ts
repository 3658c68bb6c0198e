/**
 * Layanan's console pages (<opd-service-standards> at `#/layanan/standards`,
 * <opd-service-satisfaction> at `#/layanan/satisfaction`, <opd-service-compliance> at
 * `#/layanan/compliance`), in Chromium against the real API, as an OPD's staff and the regency
 * admin use them: a service created through the form (a refused form names each field and keeps
 * what was typed), a component filled in a version in force today takes its gap off the
 * compliance list, a version scheduled for a later day shows beside the one in force (the public
 * still reads the one in force), the pledge; survey codes made and listed, the IKM as the API
 * computes it after a citizen answers with one, a refused batch by field; the regency-wide
 * checklist opening a gap at its field; another OPD's officer refused.
 *
 * The writes go to an OPD of the test's own with Layanan on, which the regency admin adds
 * through the API with an officer, as is a second OPD with its own officer.
 */
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { ApiError } from '../../src/errors.js';
import { citizenServices } from '../../src/namespaces/citizen-services.js';
import { services } from '../../src/namespaces/services.js';
import { RequestSender } from '../../src/request.js';
import { consolePage, downloads, forgetSessions, mountConsole, submitSignIn, testOpd, type TestOpd } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

const PASSWORD = 'layanan-prima-2031';

afterEach(() => {
  cleanup();
  forgetSessions();
});

function officerOf(key: string, slug: string, name: string): Promise<TestOpd<'officer'>> {
  return testOpd(key, {
    opd: { slug, name, modules: ['layanan'] },
    users: { officer: { role: 'opd_staff', name: `Petugas ${name}`, mailbox: 'petugas' } },
    password: PASSWORD,
  });
}

const own = () => officerOf('services-console', 'layanan-uji', 'Dinas Layanan Uji');
const other = () => officerOf('services-console-other', 'layanan-lain', 'Dinas Layanan Lain');

/** The console signed in as `email` (with `password`), on `route`, and the page element `tag`. */
async function open(email: string, route: string, tag: string, password = PASSWORD): Promise<{ shell: OpdConsole; page: Page }> {
  const shell: OpdConsole = await mountConsole('', route);
  await submitSignIn(shell, email, password);
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

const field = <E extends HTMLElement = HTMLInputElement>(page: Element, name: string) => $<E>(page, `#${name}`);

/** `YYYY-MM-DD`, `days` from today (far enough from midnight in any of Indonesia's zones). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** A standard through the SDK, for tests that start from one (every published component, no internal one). */
function standardInput(name: string) {
  return {
    name,
    category: 'kependudukan' as const,
    online: false,
    offline: true,
    requirements: ['KTP-el asli'],
    procedure: ['Ambil nomor antrean', 'Serahkan berkas di loket'],
    duration: { text: '1 hari kerja', workingDays: 1 },
    cost: { free: true, legalBasis: 'UU 24/2013 tentang Administrasi Kependudukan' },
    product: 'Surat keterangan',
    complaints: ['SP4N-LAPOR!'],
    hours: [{ days: [1, 2, 3, 4, 5], opens: '08:00', closes: '15:00' }],
    location: { name: 'Mal Pelayanan Publik, loket 2' },
  };
}

describe('Layanan’s standards page in the console', () => {
  it('creates a service through the form, naming refused fields and keeping the rest, fills a gap and schedules a version', async () => {
    const { users, slug: opd, sender } = await own();
    const { page } = await open(users.officer, 'layanan/standards/baru', 'opd-service-standards');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Tambah layanan', 'the new service form');
    const slug = `surat-pindah-${Date.now().toString(36)}`;

    // Name, category, time, product and place left empty: the summary names each and takes focus.
    fill(field(page, 'slug'), slug);
    fill(field<HTMLTextAreaElement>(page, 'requirements'), 'Kartu Keluarga asli\n- KTP-el asli');
    fill(field<HTMLTextAreaElement>(page, 'procedure'), '1. Isi formulir F-1.03\n2. Serahkan berkas di loket');
    button(page, 'Simpan layanan').click();
    const first = await focusedSummary(page, 'standard');
    for (const wanted of ['Masukkan nama layanan', 'Pilih kategori layanan', 'Tuliskan jangka waktu penyelesaian', 'Tuliskan produk pelayanan', 'Tuliskan lokasi pelayanan']) {
      ok(first.includes(wanted), `the summary says “${wanted}” (${first.join(' | ')})`);
    }
    equal(field(page, 'slug').value, slug, 'the slug stays');
    includes(field<HTMLTextAreaElement>(page, 'requirements').value, 'Kartu Keluarga asli', 'the requirements stay');
    includes(text(page.shadowRoot?.querySelector('#name-error')), 'Masukkan nama layanan', 'the field says it too');
    $<HTMLAnchorElement>(page, '#standard-summary a[href="#category"]').click();
    equal(deepActiveElement()?.id, 'category', 'its link moves to the field');

    // Paid with neither an amount nor a note: the server's rule, at the amount.
    fill(field(page, 'name'), 'Surat Pindah Uji');
    fill(field<HTMLSelectElement>(page, 'category'), 'kependudukan');
    fill(field(page, 'durationText'), '1 hari kerja');
    fill(field(page, 'product'), 'Surat Keterangan Pindah');
    fill(field(page, 'locationName'), 'Mal Pelayanan Publik, loket 4');
    fill(field<HTMLSelectElement>(page, 'costFree'), 'false');
    await page.updateComplete;
    button(page, 'Simpan layanan').click();
    equal((await focusedSummary(page, 'standard')).join(' | '), 'Tuliskan besar biaya dalam rupiah, atau jelaskan tarifnya di keterangan', 'the cost needs an amount or a note');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the refused form');

    fill(field<HTMLSelectElement>(page, 'costFree'), 'true');
    fill(field(page, 'costBasis'), 'Perpres 96/2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk');
    fill(field<HTMLTextAreaElement>(page, 'complaints'), 'SP4N-LAPOR!');
    button(page, 'Simpan layanan').click();
    await until(() => location.hash.startsWith(`#/layanan/standards/${slug}`), 'the new service open');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Surat Pindah Uji', 'its heading');
    includes(text(page.shadowRoot?.querySelector('#in-force')), 'Versi 1 berlaku sejak', 'version 1 in force');
    const api = services(await sender('officer'), { opd });
    const created = (await api.opd.list()).find((item) => item.slug === slug);
    equal(JSON.stringify(created?.inForce?.requirements), JSON.stringify(['Kartu Keluarga asli', 'KTP-el asli']), 'a requirement a line, the bullet taken off');
    equal(JSON.stringify(created?.inForce?.procedure), JSON.stringify(['Isi formulir F-1.03', 'Serahkan berkas di loket']), 'the steps, the numbers taken off');

    // The gaps of the version in force, as the compliance endpoint says; one opens its field.
    const gaps = () => $$(page, '#gaps a.tag').map((link) => link.dataset.component ?? '');
    const expected = (await citizenServices(await sender('officer'), {}).compliance(opd)).items.find((item) => item.slug === slug)?.missing ?? [];
    await until(() => gaps().length > 0, 'the gaps');
    equal(gaps().join(','), expected.join(','), 'the gaps the API reports');
    ok(gaps().includes('competence'), 'the staff competence is missing');
    $<HTMLAnchorElement>(page, '#gaps a[data-component=competence]').click();
    equal(deepActiveElement()?.id, 'competence', 'the gap opens its field');

    // Filled in a version in force today: the gap is gone from the checklist.
    fill(field<HTMLTextAreaElement>(page, 'competence'), 'Petugas bersertifikat pelatihan pelayanan prima');
    fill(field(page, 'staffCount'), '3');
    fill(field(page, 'changeNote'), 'Kompetensi dan jumlah pelaksana ditambahkan');
    button(page, 'Simpan sebagai versi baru').click();
    await until(() => text(page.shadowRoot?.querySelector('#in-force')).includes('Versi 2 berlaku'), 'version 2 in force');
    await until(() => gaps().length > 0 && !gaps().includes('competence'), 'the competence off the gaps');
    const after = (await citizenServices(await sender('officer'), {}).compliance(opd)).items.find((item) => item.slug === slug)?.missing ?? [];
    equal(after.includes('competence'), false, 'and off the API’s list');
    equal(gaps().join(','), after.join(','), 'the gaps the API reports now');

    // A version for a later day: scheduled beside the one in force; citizens still read version 2.
    const later = dayFromToday(30);
    fill(field(page, 'name'), 'Surat Keterangan Pindah Uji');
    fill(field(page, 'effectiveOn'), later);
    fill(field(page, 'changeNote'), 'Nama baru mulai bulan depan');
    button(page, 'Simpan sebagai versi baru').click();
    await until(() => page.shadowRoot?.querySelector('#upcoming-3'), 'version 3 scheduled');
    includes(text(page.shadowRoot?.querySelector('#in-force')), 'Versi 2 berlaku', 'version 2 still in force');
    includes(text(page.shadowRoot?.querySelector('#upcoming-3')), 'Versi 3 terjadwal berlaku mulai', 'version 3 scheduled');
    equal($$(page, '[part=history] tbody tr').map((row) => text(row.querySelector('td:nth-child(3)'))).join(','), 'Terjadwal,Berlaku,Lama', 'the history with each state');
    equal((await citizenServices(new RequestSender({ baseUrl: testConfig().api }), {}).get(opd, slug)).name, 'Surat Pindah Uji', 'the public reads the version in force');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on a service');

    // A version for yesterday is refused at its field.
    fill(field(page, 'effectiveOn'), dayFromToday(-2));
    button(page, 'Simpan sebagai versi baru').click();
    equal((await focusedSummary(page, 'standard')).join(' | '), 'Versi baru berlaku mulai hari ini atau sesudahnya: yang sudah dilihat warga tidak diubah', 'not before today');

    // The list: both versions on the service's row.
    $<HTMLAnchorElement>(page, '#back').click();
    const row = await until(() => page.shadowRoot?.querySelector(`#service-${slug}`), 'the row in the list');
    includes(text(row.querySelector('.in-force')), 'Versi 2, sejak', 'in force');
    includes(text(row.querySelector('.upcoming')), 'Versi 3, mulai', 'scheduled');
  });

  it('sets the pledge, which takes the gap off every service, and keeps a half-typed standard across a reload', async () => {
    const { users, slug: opd, sender } = await own();
    const api = services(await sender('officer'), { opd });
    const slug = `akta-uji-${Date.now().toString(36)}`;
    await api.opd.create({ ...standardInput('Akta Uji'), slug });
    const { page } = await open(users.officer, 'layanan/standards', 'opd-service-standards');
    const row = await until(() => page.shadowRoot?.querySelector(`#service-${slug}`), 'the service listed');
    await until(() => row.querySelector('a[data-component=pledge]'), 'the pledge missing');
    fill(field<HTMLTextAreaElement>(page, 'pledgeText'), 'Kami sanggup');
    fill(field(page, 'pledgeBy'), 'Kepala Dinas');
    button(page, 'Simpan maklumat').click();
    equal((await focusedSummary(page, 'pledge')).join(' | '), 'Teks maklumat sedikitnya 20 karakter', 'a pledge too short, by field');
    equal(field(page, 'pledgeBy').value, 'Kepala Dinas', 'what was typed stays');
    fill(field<HTMLTextAreaElement>(page, 'pledgeText'), 'Kami sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan.');
    button(page, 'Simpan maklumat').click();
    await until(() => text(page.shadowRoot?.querySelector('#pledge-summary .done')) === 'Maklumat pelayanan tersimpan.', 'saved');
    await until(() => !page.shadowRoot?.querySelector(`#service-${slug} a[data-component=pledge]`), 'the pledge off the gaps');

    // Half-typed, then the page goes away: the next console restores it.
    location.hash = `#/layanan/standards/${slug}`;
    await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#name')?.value === 'Akta Uji', 'the version form');
    fill(field<HTMLTextAreaElement>(page, 'facilities'), 'Ruang tunggu ber-AC, kursi roda');
    await new Promise((resolve) => setTimeout(resolve, 500));
    cleanup();
    const shell = await mountConsole('', `layanan/standards/${slug}`);
    const again = await consolePage<Page>(shell, 'opd-service-standards');
    await until(() => again.shadowRoot?.querySelector<HTMLTextAreaElement>('#facilities')?.value === 'Ruang tunggu ber-AC, kursi roda', 'restored');
    includes(text(again.shadowRoot?.querySelector('#restored')), 'dipulihkan', 'and the page says so');
    button(again, 'Buang isian yang belum tersimpan').click();
    await until(() => again.shadowRoot?.querySelector<HTMLTextAreaElement>('#facilities')?.value === '', 'discarded');
  });

  it('refuses an officer of another OPD', async () => {
    const mine = await own();
    const slug = `rahasia-uji-${Date.now().toString(36)}`;
    await services(await mine.sender('officer'), { opd: mine.slug }).opd.create({ ...standardInput('Layanan Dinas Uji Saja'), slug });
    const { users, sender } = await other();
    let refused: unknown;
    try {
      await services(await sender('officer'), { opd: mine.slug }).opd.addVersion(slug, standardInput('Diubah orang lain'));
    } catch (error) {
      refused = error;
    }
    ok(refused instanceof ApiError && refused.status === 403, `another OPD’s officer may not add a version (${String(refused)})`);
    const { page } = await open(users.officer, `layanan/standards/${slug}`, 'opd-service-standards');
    await until(() => text(page.shadowRoot?.querySelector('.notice')).includes(`Layanan “${slug}” tidak ada di OPD ini.`), 'not found in their own OPD');
    location.hash = '#/layanan/standards';
    await until(() => text(page.shadowRoot?.querySelector('[role=status]')) !== '', 'their list');
    equal((page.shadowRoot?.textContent ?? '').includes('Layanan Dinas Uji Saja'), false, 'not the other OPD’s service');
  });
});

describe('Layanan’s SKM page in the console', () => {
  it('makes survey codes, refuses a batch too large by field, and shows the IKM the API computes after an answer', async () => {
    const { users, slug: opd, sender } = await own();
    const slug = `skm-uji-${Date.now().toString(36)}`;
    await services(await sender('officer'), { opd }).opd.create({ ...standardInput('Layanan SKM Uji'), slug });
    const { page } = await open(users.officer, 'layanan/satisfaction', 'opd-service-satisfaction');
    const select = await until(() => page.shadowRoot?.querySelector<HTMLSelectElement>('#service'), 'the codes form');
    fill(select, slug);
    fill(field(page, 'count'), '500');
    button(page, 'Buat kode').click();
    equal((await focusedSummary(page, 'tokens')).join(' | '), 'Paling banyak 200 kode sekaligus', 'too many codes, by field');
    includes(text(page.shadowRoot?.querySelector('#count-error')), 'Paling banyak 200', 'at the field');

    fill(field(page, 'count'), '5');
    button(page, 'Buat kode').click();
    await until(() => $$(page, '#token-list .token').length === 5, 'five codes listed');
    const codes = $$(page, '#token-list .token').map(text);
    equal(new Set(codes).size, 5, 'five different codes');
    includes(text(page.shadowRoot?.querySelector('#tokens-summary .done')), '5 kode untuk Layanan SKM Uji', 'the page says how many, for which service');

    // A citizen answers with the first code; the report the page shows is the API's.
    const citizen = citizenServices(new RequestSender({ baseUrl: testConfig().api }), {});
    const model = await citizen.surveyModel();
    await citizen.answerSurvey(opd, slug, { token: codes[0]!, scores: Object.fromEntries(model.elements.map((element, i) => [element.id, i % 2 ? 3 : 4])) });
    const report = await citizen.satisfaction(opd);
    const figure = report.services.find((service) => service.slug === slug)!;
    equal(figure.respondents, 1, 'one respondent');
    fill(field(page, 'year'), String(report.year));
    button(page, 'Tampilkan').click();
    const shown = await until(() => {
      const found = page.shadowRoot?.querySelector(`#ikm-service-${slug}`);
      return found && text(found.querySelector('td')) === '1' ? found : null;
    }, 'the service in the report with its respondent');
    const cells = [...shown.querySelectorAll('td')].map(text);
    equal(cells[0], '1', 'its respondents');
    equal(cells[2], figure.ikm!.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), 'its IKM as the API computes it');
    equal(cells[3], `${figure.grade} (${figure.category})`, 'its grade and category');
    includes(text(page.shadowRoot?.querySelector('#ikm-overall')), report.overall.ikm!.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), 'the OPD’s IKM');
    includes(text(page.shadowRoot?.querySelector('#ikm-rounding')), 'dibulatkan dua desimal', 'the rounding rule is said');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });
});

describe('Layanan’s regency-wide compliance page in the console', () => {
  it('lists every OPD and opens a gap at its field for the regency admin', async () => {
    const { slug: opd, sender } = await own();
    const slug = `cek-uji-${Date.now().toString(36)}`;
    await services(await sender('officer'), { opd }).opd.create({ ...standardInput('Layanan Cek Uji'), slug });
    const { shell, page } = await open('admin@lahat.demo', 'layanan/compliance', 'opd-service-compliance', 'demo-password');
    const row = await until(() => page.shadowRoot?.querySelector(`#compliance-${opd}-${slug}`), 'the service among the incomplete');
    ok(page.shadowRoot?.querySelector(`#compliance-opd-${opd}`), 'its OPD in the table per OPD');
    includes(text(page.shadowRoot?.querySelector('#compliance-summary')), 'layanan memuat semua komponen', 'the regency’s figures');
    const gap = row.querySelector<HTMLAnchorElement>('a[data-component=facilitiesDisability]');
    ok(gap, 'the missing facilities for persons with disabilities, as a link');
    gap.click();
    await until(() => location.hash === `#/layanan/standards/${slug}/facilitiesDisability?opd=${opd}`, 'the standards page at the component');
    const standards = await consolePage<Page>(shell, 'opd-service-standards');
    await until(() => deepActiveElement()?.id === 'facilitiesDisability', 'the field for persons with disabilities focused');
    equal(field(standards, 'name').value, 'Layanan Cek Uji', 'in the form of that service');
  });

  it('downloads the SIPPN export: every OPD’s for the regency admin, only their own OPD’s for an officer', async () => {
    const { users, slug: opd, sender } = await own();
    const slug = `sippn-uji-${Date.now().toString(36)}`;
    await services(await sender('officer'), { opd }).opd.create({ ...standardInput('Layanan Ekspor SIPPN Uji'), slug, effectiveOn: undefined });
    const { page } = await open('admin@lahat.demo', 'layanan/compliance', 'opd-service-compliance', 'demo-password');
    const csvButton = await until(() => page.shadowRoot?.querySelector<HTMLButtonElement>('#sippn-csv'), 'the CSV button');
    const [csv] = await downloads(() => csvButton.click());
    equal([...new Uint8Array(await csv!.slice(0, 3).arrayBuffer())].join(','), '239,187,191', 'a byte-order mark first, so a spreadsheet reads it as UTF-8');
    const csvText = await csv!.text();
    includes(csvText.split('\n')[0]!, 'Nama Layanan', 'SIPPN’s labels as the header');
    includes(csvText, 'Layanan Ekspor SIPPN Uji', 'the test OPD’s new service');
    includes(csvText, 'Pendampingan Izin Usaha', 'and the demo OPDs’ services (DPMPTSP’s)');
    const [json] = await downloads(() => $<HTMLButtonElement>(page, '#sippn-json').click());
    const exported = JSON.parse(await json!.text()) as { format: string; layanan: Array<{ namaLayanan: string }> };
    equal(exported.format, 'sippn-jenis-layanan/1', 'SIPPN’s shape');
    ok(exported.layanan.some((row) => row.namaLayanan === 'Layanan Ekspor SIPPN Uji'), 'the JSON has it too');
    cleanup();
    forgetSessions();

    const mine = await open(users.officer, 'layanan/compliance', 'opd-service-compliance');
    includes(text(await until(() => mine.page.shadowRoot?.querySelector('#sippn-export'), 'the export')), 'Dinas Layanan Uji', 'the officer’s own OPD named');
    const [ownCsv] = await downloads(() => $<HTMLButtonElement>(mine.page, '#sippn-csv').click());
    const ownText = await ownCsv!.text();
    includes(ownText, 'Layanan Ekspor SIPPN Uji', 'the officer’s own service');
    ok(!ownText.includes('Pendampingan Izin Usaha'), 'no other OPD’s services');
    equal((await axeViolations(mine.page)).join('\n'), '', 'no axe violations');
  });
});

