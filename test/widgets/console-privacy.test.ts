/**
 * The privacy page of the console (<opd-console-privacy>, `#/privacy`), in Chromium against the
 * real API, as the regency admin handles UU 27/2022: the retention period set and still there
 * after a reload; a citizen's request found by the e-mail address they gave, exported (on the
 * page and as a JSON file), erased after a confirmation that names what goes; then nothing is
 * kept about them, while their question stays without a contact; every step in the audit log.
 * An OPD officer does not see the page.
 */
import '../../widgets/console/define.js';
import { createClient } from '../../src/index.js';
import { consolePage, downloads, forgetSessions, mountConsole, signInAs, staffClient } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, siapOpd, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

afterEach(() => {
  cleanup();
  forgetSessions();
});

/** The button inside `root` whose text is `name`. */
function button(root: Element, name: string): HTMLButtonElement {
  const all = root.shadowRoot ? $$<HTMLButtonElement>(root, 'button') : [...root.querySelectorAll<HTMLButtonElement>('button')];
  const found = all.find((candidate) => text(candidate) === name);
  ok(found, `a button “${name}” (there are: ${all.map(text).join(' | ')})`);
  return found;
}

/** The console signed in as the regency admin, on the privacy page. */
async function openPrivacy(attributes = ''): Promise<Page> {
  const shell = await mountConsole(attributes, 'privacy');
  await signInAs(shell, 'admin@lahat.demo');
  return consolePage<Page>(shell, 'opd-console-privacy');
}


describe('the retention period in the console', () => {
  it('refuses fewer than 30 days, keeps the period it is given after a reload, and can keep contacts until erased', async () => {
    const admin = await staffClient('admin@lahat.demo');
    const before = await admin.privacy.settings.get();
    try {
      const page = await openPrivacy();
      await until(() => page.shadowRoot?.querySelector('#retention-form'), 'the retention form');
      $<HTMLInputElement>(page, '#retention-days').click();
      const days = await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#contactRetentionDays'), 'the number of days, under its option');
      fill(days, '20');
      button(page, 'Simpan masa simpan').click();
      const summary = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#retention-summary .error-summary'), 'the error summary');
      equal(deepActiveElement(), summary, 'focus on the summary');
      includes(text(summary), 'Masa simpan paling sedikit 30 hari', 'what to do');
      includes(text($(page, '#contactRetentionDays-error')), 'Masa simpan paling sedikit 30 hari', 'and at the field');
      equal($<HTMLInputElement>(page, '#contactRetentionDays').value, '20', 'what was typed stays');
      summary.querySelector<HTMLAnchorElement>('a')!.click();
      equal(deepActiveElement()?.id, 'contactRetentionDays', 'the link goes to the field');

      fill($<HTMLInputElement>(page, '#contactRetentionDays'), 'satu tahun');
      button(page, 'Simpan masa simpan').click();
      await until(() => text(page.shadowRoot?.querySelector('#retention-summary')).includes('sebagai angka bulat'), 'a number is asked for');

      fill($<HTMLInputElement>(page, '#contactRetentionDays'), '400');
      button(page, 'Simpan masa simpan').click();
      await until(() => text(page.shadowRoot?.querySelector('#retention-summary .done')).includes('Masa simpan tersimpan: dihapus 400 hari setelah kasus ditutup'), 'saved');
      equal((await admin.privacy.settings.get()).contactRetentionDays, 400, 'the API has it');
      equal((await axeViolations(page)).join('\n'), '', 'no axe violations');

      // A reload of the tab: the same session, a new console.
      cleanup();
      const again = await consolePage<Page>(await mountConsole('', 'privacy'), 'opd-console-privacy');
      await until(() => again.shadowRoot?.querySelector('#contactRetentionDays'), 'the form after the reload');
      equal($<HTMLInputElement>(again, '#contactRetentionDays').value, '400', 'the period is kept');
      ok($<HTMLInputElement>(again, '#retention-days').checked, 'with its option');
      includes(text($(again, '#retention-current')), 'dihapus 400 hari setelah kasus ditutup', 'and said');

      $<HTMLInputElement>(again, '#retention-keep').click();
      await until(() => !again.shadowRoot?.querySelector('#contactRetentionDays'), 'no number of days for keeping');
      button(again, 'Simpan masa simpan').click();
      await until(() => text(again.shadowRoot?.querySelector('#retention-current')).includes('disimpan sampai dihapus atas permintaan'), 'kept until erased on request');
      equal((await admin.privacy.settings.get()).contactRetentionDays, null, 'the API keeps them too');
    } finally {
      await admin.privacy.settings.set(before);
    }
  });
});

describe('a citizen’s data request in the console', () => {
  it('exports a question asked with an e-mail address, erases it after confirming, and then nothing is kept', async () => {
    const opd = await siapOpd();
    const email = `warga.privasi.${Date.now().toString(36)}@contoh.id`;
    const citizen = createClient({ baseUrl: testConfig().api, opd: opd.slug });
    const { trackingCode } = await citizen.consultations.create({
      name: 'Rina Warga Privasi',
      email,
      category: opd.consultationCategories[0]!.id,
      subject: 'Pertanyaan untuk uji data pribadi',
      message: 'Apakah data saya disimpan? Mohon penjelasannya.',
      consent: true,
    });

    const page = await openPrivacy();
    await until(() => page.shadowRoot?.querySelector('#request-form'), 'the request form');
    includes(text($(page, '#request-audit')), 'Setiap ekspor dan penghapusan tercatat di log audit', 'it says both are audited');
    equal($<HTMLAnchorElement>(page, '#request-audit a').getAttribute('href'), '#/audit', 'with a link to the log');

    // Nothing to look for.
    button(page, 'Ekspor data').click();
    const summary = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#request-summary .error-summary'), 'the error summary');
    equal(deepActiveElement(), summary, 'focus on the summary');
    includes(text(summary), 'Masukkan alamat e-mail atau nomor ponsel yang diberikan warga', 'what to do');
    fill($<HTMLInputElement>(page, '#email'), 'warga.contoh.id');
    button(page, 'Ekspor data').click();
    await until(() => text(page.shadowRoot?.querySelector('#request-summary')).includes('format yang benar'), 'a mistyped address is named before looking');

    // Export: found, per module and case, and downloadable.
    fill($<HTMLInputElement>(page, '#email'), email.toUpperCase());
    button(page, 'Ekspor data').click();
    const result = await until(() => page.shadowRoot?.querySelector<HTMLElement>('.export'), 'the export');
    await until(() => deepActiveElement()?.id === 'export-title', 'focus on the export');
    includes(text(result), '1 catatan tersimpan', 'one record');
    includes(text(result), 'SIAP (konsultasi): 1 catatan', 'per module');
    const record = $$(page, '.record').find((candidate) => text(candidate).includes(trackingCode));
    ok(record, 'the case by its tracking code');
    includes(text(record), opd.name, 'its OPD');
    includes(text(record), 'Rina Warga Privasi', 'the name');
    includes(text(record), email, 'the e-mail address');
    includes(text(record), 'Apakah data saya disimpan?', 'the question');
    const [file] = await downloads(() => button(page, 'Unduh sebagai JSON').click());
    const json = JSON.parse(await file!.text()) as { exportedAt: string; records: { subject: string; data: { email: string } }[] };
    equal(json.records.length, 1, 'the file has the record');
    equal(json.records[0]!.subject, trackingCode, 'of the case');
    equal(json.records[0]!.data.email, email, 'with the data');
    equal(file!.type, 'application/json;charset=utf-8', 'as JSON');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations with the export shown');

    // Erase: asked first, naming what goes; cancelling keeps everything.
    button(page, 'Hapus data').click();
    const confirm = await until(() => page.shadowRoot?.querySelector<HTMLElement>('.erase-panel'), 'the confirmation');
    await until(() => deepActiveElement()?.id === 'erase-title', 'focus on the confirmation');
    includes(text(confirm), `alamat e-mail ${email}`, 'it names the citizen');
    includes(text(confirm), 'Nama, alamat e-mail dan nomor ponsel', 'what is erased');
    includes(text(confirm), trackingCode, 'and the case the export found');
    includes(text(confirm), 'tidak dapat dibatalkan', 'that it cannot be undone');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations with the confirmation shown');
    button(confirm, 'Batal').click();
    await until(() => !page.shadowRoot?.querySelector('.erase-panel'), 'cancelled');
    equal(deepActiveElement()?.id, 'erase-ask', 'focus back on the erase button');
    const admin = await staffClient('admin@lahat.demo', opd.slug);
    equal((await admin.consultations.get(trackingCode)).email, email, 'nothing erased');

    button(page, 'Hapus data').click();
    button(await until(() => page.shadowRoot?.querySelector<HTMLElement>('.erase-panel'), 'the confirmation again'), 'Ya, hapus data warga ini').click();
    const erased = await until(() => page.shadowRoot?.querySelector<HTMLElement>('.erased'), 'the erasure');
    await until(() => deepActiveElement()?.id === 'erased-title', 'focus on what was erased');
    includes(text(erased), 'SIAP (konsultasi): 1 kasus', 'the counts per module');
    ok(!page.shadowRoot?.querySelector('.export'), 'the export, now out of date, is gone from the page');

    // Export again: nothing is kept about them, and their question stays, without a contact.
    button(page, 'Ekspor data').click();
    await until(() => text(page.shadowRoot?.querySelector('.export')).includes('Tidak ada data tersimpan tentang warga'), 'nothing found now');
    const question = await admin.consultations.get(trackingCode);
    equal(question.email, null, 'the question keeps no e-mail address');
    equal(question.name, '(dihapus)', 'and no name');
    equal(question.subject, 'Pertanyaan untuk uji data pribadi', 'but stays');

    // The audit log has each step, with the person.
    const entries = await admin.privacy.audit({ subject: trackingCode, action: 'personal-data.' }).toArray({ max: 10 });
    const actions = entries.map((entry) => entry.action).sort();
    equal(actions.join(','), 'personal-data.erase,personal-data.export', 'the export and the erasure of the case');
    ok(entries.every((entry) => entry.actor.email === 'admin@lahat.demo'), 'by the admin');
    ok(entries.every((entry) => !JSON.stringify(entry.detail).includes(email)), 'never with the address');
  });

  it('finds a citizen by mobile number too, and says when nothing is kept', async () => {
    const page = await openPrivacy('lang="en"');
    await until(() => page.shadowRoot?.querySelector('#request-form'), 'the request form');
    includes(text($(page, '#request-audit')), 'Every export and erasure is recorded in the audit log', 'in English');
    fill($<HTMLInputElement>(page, '#phone'), '0899 0000 0001');
    button(page, 'Export data').click();
    await until(() => text(page.shadowRoot?.querySelector('.export')).includes('Nothing is kept about a citizen with the mobile number 0899 0000 0001'), 'nothing found');
    button(page, 'Erase data').click();
    button(await until(() => page.shadowRoot?.querySelector<HTMLElement>('.erase-panel'), 'the confirmation'), 'Yes, erase this citizen’s data').click();
    await until(() => text(page.shadowRoot?.querySelector('.erased')).includes('nothing was erased'), 'nothing to erase');
  });

  it('is not in an OPD officer’s menu, and its address is refused', async () => {
    const shell = await mountConsole('', 'privacy');
    await signInAs(shell, 'bpkad@lahat.demo');
    const menu = $$(shell, '[part~=nav] a').map(text);
    ok(!menu.includes('Privasi') && !menu.includes('Hari libur'), `neither admin page in the menu: ${menu.join(' | ')}`);
    includes(text($(shell, '.main')), 'Peran Anda tidak membuka halaman ini', 'the address is refused');
    ok(!shell.shadowRoot?.querySelector('opd-console-privacy'), 'and the page is not shown');
  });
});
