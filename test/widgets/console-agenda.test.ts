/**
 * e-Agenda's events page of the console (<opd-agenda-events>, `#/agenda/events`), in Chromium
 * against the real API, as a Sekretariat DPRD's staff use it: an OPD admin sets the council's
 * bodies (plain staff read them), an officer schedules, edits, postpones and cancels a meeting,
 * each time seeing the public log line it will write and the SEQUENCE calendars will get, and the
 * public JSON and `.ics` follow; refused forms keep what was typed.
 *
 * The demo agenda (`sekretariat-dprd`) stays as the other tests read it: the writes go to an OPD
 * of its own with e-Agenda on, which the regency admin adds through the API with an OPD admin
 * and an officer of its own.
 */
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { agenda, type AgendaNamespace } from '../../src/namespaces/agenda.js';
import type { AgendaEvent } from '../../src/schemas/agenda.js';
import { consolePage, forgetSessions, mountConsole, submitSignIn, testOpd } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, setChecked, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

afterEach(() => {
  cleanup();
  forgetSessions();
});

const PASSWORD = 'agenda-dewan-2031';

interface TestCouncil {
  slug: string;
  admin: string;
  officer: string;
  /** The OPD admin's agenda calls. */
  sdk: AgendaNamespace;
}

/** The test OPD (a second Sekretariat DPRD, e-Agenda on, no bodies yet), its OPD admin and its officer, once per run. */
async function ownCouncil(): Promise<TestCouncil> {
  const opd = await testOpd('agenda', {
    opd: { slug: 'dprd-uji', name: 'Sekretariat DPRD Uji', modules: ['agenda'] },
    users: {
      admin: { role: 'opd_admin', name: 'Admin Uji DPRD', mailbox: 'admin' },
      officer: { role: 'opd_staff', name: 'Petugas Uji DPRD', mailbox: 'petugas' },
    },
    password: PASSWORD,
  });
  return { slug: opd.slug, ...opd.users, sdk: agenda(await opd.sender('admin'), { opd: opd.slug }) };
}

/** The console signed in as `email`, on the events page at `route`. */
async function openAgenda(email: string, route = 'agenda/events'): Promise<Page> {
  const shell: OpdConsole = await mountConsole('', route);
  await submitSignIn(shell, email, PASSWORD);
  await until(() => shell.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
  return consolePage<Page>(shell, 'opd-agenda-events');
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

/** The event as the public reads it, and its `.ics`. */
async function publicEvent(slug: string, id: number): Promise<{ json: AgendaEvent; ics: string }> {
  const json = (await (await fetch(`${testConfig().api}/api/v1/opds/${slug}/events/${id}`, { cache: 'no-store' })).json()) as AgendaEvent;
  const ics = (await (await fetch(`${testConfig().api}/api/v1/events/${id}.ics`, { cache: 'no-store' })).text()).replace(/\r\n /g, '');
  return { json, ics };
}

describe('the agenda page in the console', () => {
  it('lets an OPD admin add and rename the council’s bodies, and shows plain staff the bodies without a form', async () => {
    const { admin, officer, slug } = await ownCouncil();
    const page = await openAgenda(admin, 'agenda/events/badan');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Alat kelengkapan dewan', 'the bodies view');
    fill($<HTMLInputElement>(page, '#body-id-'), 'Komisi 1');
    fill($<HTMLInputElement>(page, '#body-name-'), 'Komisi I');
    button(page, 'Tambah').click();
    equal((await focusedSummary(page, 'bodies')).join(' | '), 'Tulis kode dengan huruf kecil, angka dan tanda hubung, misalnya komisi-5', 'a bad id is named');
    equal($<HTMLInputElement>(page, '#body-name-').value, 'Komisi I', 'the name typed stays');
    fill($<HTMLInputElement>(page, '#body-id-'), 'komisi-1');
    button(page, 'Tambah').click();
    await until(() => text(page.shadowRoot?.querySelector('#bodies-summary .done')) === 'Komisi I tersimpan.', 'added');
    fill($<HTMLInputElement>(page, '#body-id-'), 'paripurna');
    fill($<HTMLInputElement>(page, '#body-name-'), 'Paripurna');
    button(page, 'Tambah').click();
    await until(() => $$(page, 'tbody tr').length === 2, 'two bodies');
    fill($<HTMLInputElement>(page, '#body-description-komisi-1'), 'Pemerintahan dan hukum');
    button(page, 'Simpan alat kelengkapan komisi-1').click();
    await until(() => text(page.shadowRoot?.querySelector('#bodies-summary .done')) === 'Komisi I tersimpan.', 'described');
    const read = (await (await fetch(`${testConfig().api}/api/v1/opds/${slug}/agenda`)).json()) as { bodies: { id: string; description: string | null }[] };
    equal(read.bodies.find((body) => body.id === 'komisi-1')?.description, 'Pemerintahan dan hukum', 'the public council read has it');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the bodies (admin)');
    cleanup();
    forgetSessions();

    const staffPage = await openAgenda(officer, 'agenda/events/badan');
    await until(() => $$(staffPage, 'tbody tr').length === 2, 'the officer sees both');
    includes(text(staffPage.shadowRoot?.querySelector('.notice')), 'Hanya admin OPD yang dapat mengubah alat kelengkapan', 'and who may change them');
    equal($$(staffPage, 'input').length, 0, 'without a form');
  });

  it('schedules, edits, postpones and cancels a meeting, showing each log line and SEQUENCE first, the public JSON and .ics following', async () => {
    const { officer, slug, sdk } = await ownCouncil();
    await sdk.bodies.put('komisi-1', { name: 'Komisi I', description: 'Pemerintahan dan hukum' });
    const page = await openAgenda(officer, 'agenda/events/baru');
    await until(() => text(page.shadowRoot?.querySelector('#view-title')) === 'Jadwalkan acara baru', 'the new event form');
    includes(text(page.shadowRoot?.querySelector('#zone-note')), 'Zona waktu dewan: WIB (Asia/Jakarta)', 'the council’s zone is shown');

    // Sent empty, then with the end before the start: refused here, nothing typed lost.
    button(page, 'Jadwalkan').click();
    equal((await focusedSummary(page, 'event')).join(' | '), 'Masukkan judul acara | Pilih alat kelengkapan | Pilih jenis kegiatan | Masukkan tanggal dan jam mulai | Masukkan tanggal dan jam selesai', 'every missing field, in order');
    fill($<HTMLInputElement>(page, '#title'), 'Rapat Kerja Komisi I dengan Bagian Hukum');
    fill($<HTMLSelectElement>(page, '#body'), 'komisi-1');
    fill($<HTMLSelectElement>(page, '#kind'), 'rapat-kerja');
    fill($<HTMLInputElement>(page, '#startsAt'), '2030-03-11T10:00');
    fill($<HTMLInputElement>(page, '#endsAt'), '2030-03-11T09:00');
    fill($<HTMLInputElement>(page, '#place'), 'Ruang Komisi I');
    button(page, 'Jadwalkan').click();
    equal((await focusedSummary(page, 'event')).join(' | '), 'Waktu selesai harus sesudah waktu mulai', 'the end before the start');
    equal($<HTMLInputElement>(page, '#title').value, 'Rapat Kerja Komisi I dengan Bagian Hukum', 'the title stays');
    equal($<HTMLInputElement>(page, '#place').value, 'Ruang Komisi I', 'the place stays');
    fill($<HTMLInputElement>(page, '#endsAt'), '2030-03-11T12:00');
    await until(() => text(page.shadowRoot?.querySelector('#event-preview')).includes('Dijadwalkan: Senin, 11 Maret 2030 pukul 10.00–12.00 WIB.'), 'the log line it will write');
    includes(text(page.shadowRoot?.querySelector('#event-preview')), 'SEQUENCE 0', 'and the sequence subscribers get');
    button(page, 'Tambah dokumen').click();
    fill(await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#document-title-0'), 'a document row'), 'Undangan rapat');
    fill($<HTMLInputElement>(page, '#document-url-0'), 'https://dprd-uji.demo/undangan.pdf');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the form');
    button(page, 'Jadwalkan').click();
    await until(() => location.hash.startsWith('#/agenda/events/acara/'), 'the new event open');
    const id = Number(location.hash.split('/').at(-1));
    await until(() => text(page.shadowRoot?.querySelector('#event-done')).includes('Dijadwalkan: Senin, 11 Maret 2030 pukul 10.00–12.00 WIB.'), 'the log line it wrote');
    let seen = await publicEvent(slug, id);
    equal(JSON.stringify([seen.json.sequence, seen.json.startsAt, seen.json.documents.length]), JSON.stringify([0, '2030-03-11T03:00:00.000Z', 1]), 'the public JSON: 10.00 WIB, its document');
    includes(seen.ics, 'SEQUENCE:0\r\n', 'the .ics at sequence 0');

    // An edit: the preview says what the log will read, and the sequence it brings.
    fill($<HTMLInputElement>(page, '#place'), 'Ruang Rapat Paripurna');
    await until(() => text(page.shadowRoot?.querySelector('#event-preview')).includes('Diubah: tempat.'), 'the edit’s log line');
    includes(text(page.shadowRoot?.querySelector('#event-preview')), 'SEQUENCE naik dari 0 ke 1', 'subscribers will see 1');
    button(page, 'Simpan perubahan').click();
    await until(() => text(page.shadowRoot?.querySelector('#event-done')).includes('Tercatat di log publik: Diubah: tempat.'), 'the edit written');
    const logRows = () => $$<HTMLTableRowElement>(page, '[part=log] tbody tr').map(text);
    equal(logRows().length, 2, 'the log has both lines');
    seen = await publicEvent(slug, id);
    equal(seen.json.place, 'Ruang Rapat Paripurna', 'the public JSON has the place');
    ok(seen.ics.includes('SEQUENCE:1\r\n') && seen.ics.includes('LOCATION:Ruang Rapat Paripurna\r\n'), 'the .ics at sequence 1 with the place');

    // A postponement: refused without a reason (the times kept), then written.
    fill($<HTMLInputElement>(page, '#postpone-startsAt'), '2030-03-13T13:00');
    fill($<HTMLInputElement>(page, '#postpone-endsAt'), '2030-03-13T15:00');
    button(page, 'Undur acara').click();
    equal((await focusedSummary(page, 'postpone')).join(' | '), 'Tuliskan alasannya', 'the reason is asked for');
    equal($<HTMLInputElement>(page, '#postpone-startsAt').value, '2030-03-13T13:00', 'the new start stays');
    fill($<HTMLTextAreaElement>(page, '#postpone-reason'), 'menyesuaikan jadwal Bupati');
    await until(
      () => text(page.shadowRoot?.querySelector('#postpone-preview')).includes('Diundur dari Senin, 11 Maret 2030 pukul 10.00–12.00 WIB ke Rabu, 13 Maret 2030 pukul 13.00–15.00 WIB: menyesuaikan jadwal Bupati'),
      'the postponement’s log line',
    );
    button(page, 'Undur acara').click();
    await until(() => text(page.shadowRoot?.querySelector('#postpone-done')).includes('SEQUENCE 2'), 'postponed');
    seen = await publicEvent(slug, id);
    equal(JSON.stringify([seen.json.sequence, seen.json.startsAt]), JSON.stringify([2, '2030-03-13T06:00:00.000Z']), 'the public JSON moved');
    includes(seen.ics, 'DTSTART;TZID=Asia/Jakarta:20300313T130000\r\n', 'the .ics moved');
    includes(seen.ics, 'SEQUENCE:2\r\n', 'at sequence 2');

    // The cancellation asks first.
    fill($<HTMLTextAreaElement>(page, '#cancel-reason'), 'anggota komisi mengikuti bimtek');
    button(page, 'Batalkan acara…').click();
    await until(() => deepActiveElement()?.id === 'cancel-yes', 'asked, focus on the answer');
    includes(text(page.shadowRoot?.querySelector('#cancel-question')), 'Batalkan “Rapat Kerja Komisi I dengan Bagian Hukum”?', 'which meeting');
    equal((await publicEvent(slug, id)).json.status, 'confirmed', 'nothing cancelled before the answer');
    button(page, 'Ya, batalkan').click();
    await until(() => text(page.shadowRoot?.querySelector('.notice')).includes('Acara ini dibatalkan: anggota komisi mengikuti bimtek'), 'cancelled');
    includes(text(page.shadowRoot?.querySelector('#cancel-done')), 'Dibatalkan: anggota komisi mengikuti bimtek', 'the log line it wrote');
    equal(page.shadowRoot?.querySelector('#title'), null, 'a cancelled meeting has no edit form');
    equal(logRows().length, 4, 'four lines in the log');
    seen = await publicEvent(slug, id);
    equal(JSON.stringify([seen.json.status, seen.json.sequence]), JSON.stringify(['cancelled', 3]), 'the public JSON is cancelled');
    ok(seen.ics.includes('STATUS:CANCELLED\r\n') && seen.ics.includes('SEQUENCE:3\r\n'), 'the .ics is cancelled at sequence 3');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the event');

    // The month's list shows it, cancelled.
    $<HTMLAnchorElement>(page, '#back').click();
    location.hash = '#/agenda/events/2030-03';
    await until(() => $$(page, '[part=events] tbody tr').some((row) => text(row).includes('Rapat Kerja Komisi I dengan Bagian Hukum') && text(row).includes('Dibatalkan')), 'in March 2030, cancelled');
    equal(text(page.shadowRoot?.querySelector('#view-title')), 'Acara Maret 2030', 'the month named');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations on the list');
  });

  it('schedules once when the same draft is sent again after a lost answer', async () => {
    const { officer, slug } = await ownCouncil();
    const page = await openAgenda(officer, 'agenda/events/baru');
    await until(() => page.shadowRoot?.querySelector('#title'), 'the form');
    fill($<HTMLInputElement>(page, '#title'), 'Rapat Paripurna Uji Sekali');
    fill($<HTMLSelectElement>(page, '#body'), 'komisi-1');
    fill($<HTMLSelectElement>(page, '#kind'), 'rapat-paripurna');
    setChecked($<HTMLInputElement>(page, '#allDay'), true);
    fill(await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#startDate'), 'the day fields'), '2030-04-02');
    // The first answer is lost on the way back: the page shows the failure and keeps the draft.
    const realFetch = window.fetch;
    window.fetch = async (...args) => {
      const response = await realFetch(...args);
      if (String(args[0] instanceof Request ? args[0].url : args[0]).endsWith(`/opds/${slug}/events`) && (args[1]?.method ?? (args[0] as Request).method) === 'POST') {
        window.fetch = realFetch;
        throw new TypeError('Failed to fetch');
      }
      return response;
    };
    button(page, 'Jadwalkan').click();
    await until(() => page.shadowRoot?.querySelector('#event-summary .error-summary') || location.hash.includes('/acara/'), 'the lost answer or the SDK’s own retry');
    window.fetch = realFetch;
    if (!location.hash.includes('/acara/')) {
      equal($<HTMLInputElement>(page, '#title').value, 'Rapat Paripurna Uji Sekali', 'the draft is kept');
      button(page, 'Jadwalkan').click();
      await until(() => location.hash.includes('/acara/'), 'sent again');
    }
    const list = (await (await fetch(`${testConfig().api}/api/v1/opds/${slug}/events?from=2030-04-01&to=2030-05-01`)).json()) as { data: AgendaEvent[] };
    equal(list.data.filter((event) => event.title === 'Rapat Paripurna Uji Sekali').length, 1, 'one meeting on the agenda');
  });
});
