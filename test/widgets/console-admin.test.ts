/**
 * The console's admin pages in Chromium against the real API: the rollout board, adding an
 * OPD, an OPD's settings and modules (a form on a switched-off OPD then says the service is not
 * available), its users (a one-time password shown once, the forced password change, disabling,
 * a new password), the embed snippet generator, and the audit log with its filters, pages and CSV.
 */
import type { LitElement } from 'lit';
import '../../widgets/console/define.js';
import '../../widgets/consultation-form/define.js';
import { embedSnippet } from '../../widgets/console/pages/embed/embed.js';
import { consolePage, forgetSessions, mountConsole, signInAs, staffClient, submitSignIn } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, mount, ok, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

afterEach(() => {
  cleanup();
  forgetSessions();
});

/** A slug no other test uses. */
function uniqueSlug(what: string): string {
  return `${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`;
}

/** The button inside `page` whose text is `name`. */
function button(page: Element, name: string): HTMLButtonElement {
  const all = page.shadowRoot ? $$<HTMLButtonElement>(page, 'button') : [...page.querySelectorAll<HTMLButtonElement>('button')];
  const found = all.find((candidate) => text(candidate) === name);
  ok(found, `a button “${name}”`);
  return found;
}

/** Adds an OPD through the API as the regency admin. */
async function addOpd(slug: string, modules: string[] = ['siap']): Promise<void> {
  const response = await fetch(`${testConfig().api}/api/v1/opds`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${testConfig().staffToken}` },
    body: JSON.stringify({ slug, name: `Dinas Uji ${slug}`, modules }),
  });
  equal(response.status, 201, `the OPD ${slug} is added`);
}

describe('the rollout board', () => {
  it('lists every OPD with its modules and this month’s figures, each linked to its settings', async () => {
    const shell = await mountConsole('', 'opds');
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-rollout');
    const rows = await until(() => ($$(page, 'tbody tr').length ? $$(page, 'tbody tr') : null), 'the board');
    const listed = (await (await fetch(`${testConfig().api}/api/v1/opds`)).json()) as { data: { slug: string; name: string }[] };
    equal(rows.length, listed.data.length, 'one row per OPD');
    const bpkad = rows.find((row) => text(row.querySelector('th')).includes('BPKAD'))!;
    includes(text(bpkad), 'SIAP', 'its modules');
    const link = bpkad.querySelector<HTMLAnchorElement>('a')!;
    equal(link.getAttribute('href'), '#/opd?opd=bpkad', 'a link to its settings');
    equal(link.getAttribute('aria-label'), `Atur ${listed.data.find((opd) => opd.slug === 'bpkad')!.name}`, 'named for screen readers');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });

  it('adds an OPD: names what is missing, then adds it with its origin and modules', async () => {
    const shell = await mountConsole('', 'opds');
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-rollout');
    button(page, 'Tambah OPD').click();
    const summary = await until(() => page.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the error summary');
    equal(deepActiveElement(), summary, 'the summary takes focus');
    includes(text(summary), 'Masukkan nama OPD', 'the name is missing');
    includes(text(summary), 'Masukkan nama singkat OPD', 'and the short name');
    const slug = uniqueSlug('dinas-uji');
    fill($<HTMLInputElement>(page, '#name'), 'Dinas Uji Coba');
    fill($<HTMLInputElement>(page, '#slug'), slug);
    fill($<HTMLTextAreaElement>(page, '#allowedOrigins'), 'https://uji.lahatkab.go.id/halaman');
    button(page, 'Tambah OPD').click();
    await until(() => text(page.shadowRoot?.querySelector('.error-summary')).includes('https://dinkes.lahatkab.go.id'), 'the origin refused with an example');
    equal($<HTMLInputElement>(page, '#name').value, 'Dinas Uji Coba', 'what was typed stays after an error');
    fill($<HTMLTextAreaElement>(page, '#allowedOrigins'), 'https://uji.lahatkab.go.id');
    $<HTMLInputElement>(page, '#add-module-siap').click();
    button(page, 'Tambah OPD').click();
    const added = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#added'), 'the OPD added');
    includes(text(added), 'Dinas Uji Coba sudah ditambahkan', 'it says so');
    const opd = (await (await fetch(`${testConfig().api}/api/v1/opds/${slug}`)).json()) as { modules: string[] };
    equal(opd.modules.join(','), 'siap', 'with SIAP on');
    await until(() => $$(page, 'tbody th').some((cell) => text(cell) === 'Dinas Uji Coba'), 'on the board');
    const settings = await (
      await fetch(`${testConfig().api}/api/v1/opds/${slug}/settings`, { headers: { Authorization: `Bearer ${testConfig().staffToken}` } })
    ).json();
    equal((settings as { allowedOrigins: string[] }).allowedOrigins.join(','), 'https://uji.lahatkab.go.id', 'and its allowed origin');
  });
});

describe('an OPD’s settings and users', () => {
  it('saves the English name and origins, and switching SIAP off makes its form say the service is not available', async () => {
    const slug = uniqueSlug('dinas-modul');
    await addOpd(slug);
    const shell = await mountConsole('', `opd?opd=${slug}`);
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-opd');
    await until(() => page.shadowRoot?.querySelector('#nameEn'), 'the profile');
    fill($<HTMLInputElement>(page, '#nameEn'), 'Test Office');
    fill($<HTMLTextAreaElement>(page, '#allowedOrigins'), 'https://uji.example.go.id\nhttp://localhost:8080');
    button(page, 'Simpan profil').click();
    await until(() => text(page.shadowRoot?.querySelector('#profile-summary')).includes('Profil OPD tersimpan'), 'saved');
    const siap = $<HTMLInputElement>(page, '#opd-module-siap');
    ok(siap.checked && !siap.disabled, 'a regency admin may switch SIAP');
    siap.click();
    button(page, 'Simpan modul').click();
    await until(() => text(page.shadowRoot?.querySelector('#modules-summary')).includes('Modul tersimpan'), 'modules saved');
    const form = await mount<LitElement>(
      `<opd-consultation-form api="${testConfig().api}" opd="${slug}"></opd-consultation-form>`,
    );
    await until(() => text(form.shadowRoot?.querySelector('[part~=notice]')).includes('Layanan konsultasi belum tersedia untuk OPD ini'), 'the form says SIAP is off');
    equal((await axeViolations(page)).join('\n'), '', 'the settings page has no axe violations');
  });

  it('adds a user and shows the one-time password once; they must choose their own before anything else', async () => {
    const shell = await mountConsole('', 'opd?opd=bpkad');
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-opd');
    await until(() => page.shadowRoot?.querySelector('tbody tr'), 'the users');
    const email = `petugas.${Date.now().toString(36)}@lahat.demo`;
    fill($<HTMLInputElement>(page, '#userName'), 'Petugas Baru');
    fill($<HTMLInputElement>(page, '#userEmail'), email);
    button(page, 'Tambah pengguna').click();
    const title = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#secret-title'), 'the one-time password');
    equal(text(title), 'Kata sandi sementara untuk Petugas Baru', 'named for whom');
    await until(() => deepActiveElement() === title, 'focus on it');
    const password = text($(page, '#secret-value'));
    ok(password.length >= 10, 'a password to hand over');
    button(page, 'Salin').click();
    await until(() => /Tersalin|Ctrl\+C/.test(text(page.shadowRoot?.querySelector('.secret-panel [role=status]'))), 'copied (or selected)');
    ok($$(page, 'tbody tr').some((row) => text(row).includes(email) && text(row).includes('Menunggu ganti kata sandi')), 'listed, to change the password');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations with the password shown');
    button(page, 'Sudah saya catat, sembunyikan').click();
    await until(() => !page.shadowRoot?.querySelector('#secret-value'), 'hidden for good');

    // The new officer signs in with it.
    cleanup();
    forgetSessions();
    const theirs = await mountConsole();
    await submitSignIn(theirs, email, password);
    const heading = await until(() => theirs.shadowRoot?.querySelector<HTMLElement>('#password-title'), 'the password screen first');
    equal(text(heading), 'Ganti kata sandi', 'they must change it');
    includes(text($(theirs, '.notice')), 'kata sandi sementara', 'and are told why');
    equal(theirs.shadowRoot!.querySelector('[part~=nav]'), null, 'no pages before that');
    fill($<HTMLInputElement>(theirs, '#currentPassword'), password);
    fill($<HTMLInputElement>(theirs, '#newPassword'), 'kopi pagi di lahat');
    fill($<HTMLInputElement>(theirs, '#confirmPassword'), 'kopi pagi di lahta');
    button(theirs, 'Simpan kata sandi').click();
    await until(() => text(theirs.shadowRoot?.querySelector('.error-summary')).includes('tidak sama'), 'the repeat must match');
    fill($<HTMLInputElement>(theirs, '#currentPassword'), password);
    fill($<HTMLInputElement>(theirs, '#newPassword'), 'kopi pagi di lahat');
    fill($<HTMLInputElement>(theirs, '#confirmPassword'), 'kopi pagi di lahat');
    button(theirs, 'Simpan kata sandi').click();
    await until(() => text(theirs.shadowRoot?.querySelector('#page-title')) === 'Kotak masuk SIAP', 'then to work');
    includes(text($(theirs, '.main')), 'Kata sandi Anda sudah diganti', 'told it is done');
  });

  it('disables a user after asking, and gives another a new one-time password', async () => {
    const email = `nonaktif.${Date.now().toString(36)}@lahat.demo`;
    const created = await fetch(`${testConfig().api}/api/v1/opds/bpkad/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${testConfig().staffToken}` },
      body: JSON.stringify({ email, name: 'Akan Dinonaktifkan', role: 'opd_staff' }),
    });
    equal(created.status, 201, 'a user to disable');
    const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
    const shell = await mountConsole('', 'opd?opd=bpkad');
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-opd');
    const row = await until(() => $$(page, 'tbody tr').find((candidate) => text(candidate).includes(email)), 'the user’s row');
    button(row, 'Nonaktifkan').click();
    const confirm = await until(() => row.querySelector<HTMLElement>('.confirm'), 'the question first');
    includes(text(confirm), 'Nonaktifkan Akan Dinonaktifkan?', 'it asks');
    await until(() => deepActiveElement() === confirm, 'focus on the question');
    button(confirm, 'Ya, nonaktifkan').click();
    await until(() => text(page.shadowRoot?.querySelector('#users-summary')).includes('Akan Dinonaktifkan dinonaktifkan'), 'disabled');
    const refused = await fetch(`${testConfig().api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: oneTimePassword }),
    });
    equal(refused.status, 401, 'they can no longer sign in');
    const again = $$(page, 'tbody tr').find((candidate) => text(candidate).includes(email))!;
    button(again, 'Aktifkan lagi').click();
    await until(() => text(page.shadowRoot?.querySelector('#users-summary')).includes('aktif lagi'), 'enabled again');
    const row2 = $$(page, 'tbody tr').find((candidate) => text(candidate).includes(email))!;
    button(row2, 'Atur ulang kata sandi').click();
    button(await until(() => row2.querySelector<HTMLElement>('.confirm'), 'the question'), 'Ya, buat kata sandi baru').click();
    const fresh = await until(() => page.shadowRoot?.querySelector('#secret-value'), 'a new one-time password');
    ok(text(fresh) !== oneTimePassword, 'a new one');
  });

  it('shows an OPD admin their own OPD, modules read-only', async () => {
    const email = `admin.opd.${Date.now().toString(36)}@lahat.demo`;
    const created = await fetch(`${testConfig().api}/api/v1/opds/bpkad/users`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${testConfig().staffToken}` },
      body: JSON.stringify({ email, name: 'Admin BPKAD Uji', role: 'opd_admin' }),
    });
    const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
    const login = await fetch(`${testConfig().api}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password: oneTimePassword }),
    });
    const { token } = (await login.json()) as { token: string };
    await fetch(`${testConfig().api}/api/v1/auth/password`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ currentPassword: oneTimePassword, newPassword: 'demo-password' }),
    });
    const shell = await mountConsole('', 'opd');
    await signInAs(shell, email);
    const menu = $$(shell, '[part~=nav] a').map(text);
    equal(menu.join(' | '), 'Kotak masuk SIAP | Kategori dan templat SIAP | Pengaturan dan pengguna OPD | Kode sematan | Webhook | E-mail terkirim', 'an OPD admin’s pages');
    const page = await consolePage<Page>(shell, 'opd-console-opd');
    const siap = await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#opd-module-siap'), 'the modules');
    ok(siap.disabled, 'modules are the regency admin’s to switch');
    includes(text($(page, '#opd-modules-hint')), 'Hanya admin kabupaten', 'and it says so');
    equal(shell.shadowRoot!.querySelector('#console-opd'), null, 'no other OPD to choose');
    // New users of an OPD admin are staff: only a regency admin makes OPD admins (the server refuses it too).
    await until(() => page.shadowRoot?.querySelector('#add-title'), 'the add-user form');
    equal(page.shadowRoot!.querySelector('#userRole-opd_admin'), null, 'no OPD admin role to give');
    includes(text(page.shadowRoot!.querySelector('#add-title')!.parentElement!), 'admin kabupaten', 'and it says who does');
  });
});

describe('the embed snippet generator', () => {
  it('writes the snippet the embedding guide shows, previews the widget, and copies the code', async () => {
    equal(
      embedSnippet({ api: 'https://layanan.example-kab.go.id/', widget: 'form', opd: 'bpkad', lang: 'id', statusHref: '' }),
      '<script type="module" src="https://layanan.example-kab.go.id/cdn/opd-kit.js"></script>\n\n<opd-consultation-form api="https://layanan.example-kab.go.id" opd="bpkad"></opd-consultation-form>',
      'the form, as docs/embedding.md and examples/snippets/siap.html write it',
    );
    const shell = await mountConsole('', 'embed');
    await signInAs(shell, 'bpkad@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-embed');
    const preview = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#preview opd-consultation-form'), 'the live form');
    equal(preview.getAttribute('opd'), 'bpkad', 'for the officer’s OPD');
    $<HTMLInputElement>(page, '#widget-status').click();
    $<HTMLInputElement>(page, '#widgetLang-en').click();
    const code = await until(() => (text($(page, '#snippet')).includes('opd-consultation-status') ? text($(page, '#snippet')) : null), 'the status snippet');
    includes(code, `<opd-consultation-status api="${testConfig().api}" lang="en"></opd-consultation-status>`, 'in English, without an OPD');
    await until(() => page.shadowRoot?.querySelector('#preview opd-consultation-status[lang=en]'), 'the live status widget in English');
    button(page, 'Salin kode').click();
    await until(() => /Tersalin|Ctrl\+C/.test(text(page.shadowRoot?.querySelector('.copy-row [role=status]'))), 'copied (or selected)');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });

  it('pins the release with Subresource Integrity when asked, and says so when it cannot', async () => {
    const pin = { file: 'opd-kit.0123abcd45.js', integrity: 'sha384-abc+/=' };
    equal(
      embedSnippet({ api: 'https://layanan.example-kab.go.id', widget: 'status', opd: '', lang: 'id', statusHref: '', pin }),
      '<script type="module" src="https://layanan.example-kab.go.id/cdn/opd-kit.0123abcd45.js" integrity="sha384-abc+/=" crossorigin="anonymous"></script>\n\n<opd-consultation-status api="https://layanan.example-kab.go.id"></opd-consultation-status>',
      'the hashed file, its integrity and crossorigin',
    );
    const shell = await mountConsole('', 'embed');
    await signInAs(shell, 'bpkad@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-embed');
    $<HTMLInputElement>(page, '#pinned').click();
    // The test server serves dist/cdn when a build is there (then integrity.json is), else it cannot pin.
    const listed = await fetch(`${testConfig().api}/cdn/integrity.json`).then((response) => (response.ok ? response.json() : undefined), () => undefined);
    const release = (listed as Record<string, { file: string; integrity: string }> | undefined)?.['opd-kit.js'];
    if (release) {
      const code = await until(() => (text($(page, '#snippet')).includes(release.integrity) ? text($(page, '#snippet')) : null), 'the pinned snippet');
      includes(code, `/cdn/${release.file}" integrity="${release.integrity}" crossorigin="anonymous"`, 'this release');
    } else {
      await until(() => page.shadowRoot?.querySelector('.notice'), 'the notice');
      includes(text($(page, '.notice')), 'tidak dapat dikunci', 'the person is told');
      includes(text($(page, '#snippet')), '/cdn/opd-kit.js"', 'and the snippet loads the latest release');
    }
  });
});

describe('the audit log', () => {
  it('names who opened which question, filters, pages through and downloads the CSV', async () => {
    // Reads to find: BPKAD's officer opens a question, more than a page of times.
    const officer = await staffClient('bpkad@lahat.demo', 'bpkad');
    const [first] = await officer.consultations.list({ limit: 1 }).toArray({ max: 1 });
    ok(first, 'a BPKAD question');
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(Array.from({ length: 10 }, () => officer.consultations.get(first.trackingCode)));
    }

    const shell = await mountConsole('', 'audit');
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-audit');
    await until(() => page.shadowRoot?.querySelector('tbody tr'), 'the log');
    fill($<HTMLInputElement>(page, '#actor'), 'bpkad@lahat.demo');
    fill($<HTMLSelectElement>(page, '#action'), 'consultation.view');
    fill($<HTMLInputElement>(page, '#subject'), first.trackingCode);
    button(page, 'Terapkan').click();
    const row = await until(() => {
      const rows = $$(page, 'tbody tr');
      return rows.length > 0 && rows.every((candidate) => text(candidate).includes(first.trackingCode)) ? rows[0] : null;
    }, 'the read in the log');
    includes(text(row), 'Petugas BPKAD', 'who');
    includes(text(row), 'Membuka pertanyaan (data warga)', 'what, in words');
    includes(text(row), 'bpkad', 'in which OPD');

    const made: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      made.push(blob as Blob);
      return original.call(URL, blob);
    };
    try {
      button(page, 'Unduh CSV').click();
      await until(() => made.length === 1, 'the CSV');
    } finally {
      URL.createObjectURL = original;
    }
    const csv = await made[0]!.text();
    ok(csv.startsWith('id,at,actor_id,actor_email'), `the CSV has its header: ${csv.slice(0, 40)}`);
    ok(csv.split('\n').slice(1).filter(Boolean).every((line) => line.includes('consultation.view')), 'and only the filtered entries');

    const next = await until(() => $$<HTMLButtonElement>(page, 'button').find((candidate) => text(candidate) === 'Berikutnya'), 'a next page (60 reads, 50 a page)');
    next.click();
    await until(() => text(page.shadowRoot?.querySelector('#log-caption')).includes('Halaman 2'), 'page 2');
    button(page, 'Sebelumnya').click();
    await until(() => text(page.shadowRoot?.querySelector('#log-caption')).includes('Halaman 1'), 'back to page 1');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });

  it('checks the dates before asking', async () => {
    const shell = await mountConsole('', 'audit');
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-console-audit');
    fill($<HTMLInputElement>(page, '#from'), '2026-03-10');
    fill($<HTMLInputElement>(page, '#to'), '2026-03-01');
    button(page, 'Terapkan').click();
    const summary = await until(() => page.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the summary');
    includes(text(summary), 'Tanggal akhir harus sama dengan atau sesudah tanggal mulai', 'the range is checked');
  });
});
