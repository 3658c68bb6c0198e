/**
 * SIAP's settings page in the console (<opd-siap-settings>), in Chromium against the real API:
 * a new OPD's categories set up from nothing (its form can then be used), reordered; staff see
 * them read-only and keep the answer templates the inbox offers.
 */
import '../../widgets/console/define.js';
import { categoryCode } from '../../widgets/consultation-inbox/settings/siap-settings.js';
import { consolePage, forgetSessions, mountConsole, signInAs } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, testConfig, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

afterEach(() => {
  cleanup();
  forgetSessions();
});

function button(root: Element, name: string): HTMLButtonElement {
  const all = root.shadowRoot ? $$<HTMLButtonElement>(root, 'button') : [...root.querySelectorAll<HTMLButtonElement>('button')];
  const found = all.find((candidate) => text(candidate) === name || candidate.getAttribute('aria-label') === name);
  ok(found, `a button “${name}”`);
  return found;
}

describe('SIAP categories and templates in the console', () => {
  it('sets up a new OPD’s categories from none, in order, and the form offers them', async () => {
    const slug = `dinas-kategori-${Date.now().toString(36)}`;
    const created = await fetch(`${testConfig().api}/api/v1/opds`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${testConfig().staffToken}` },
      body: JSON.stringify({ slug, name: 'Dinas Kategori Uji', modules: ['siap'] }),
    });
    equal(created.status, 201, 'a new OPD with SIAP');
    const shell = await mountConsole('', `siap/settings?opd=${slug}`);
    await signInAs(shell, 'admin@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-siap-settings');
    await until(() => text(page.shadowRoot?.querySelector('.notice')).includes('Belum ada kategori'), 'no categories yet, and why that matters');
    button(page, 'Tambah kategori').click();
    await until(() => deepActiveElement()?.id?.endsWith('-name'), 'focus on the new row’s name');
    fill(deepActiveElement() as HTMLInputElement, 'Perizinan Usaha');
    button(page, 'Tambah kategori').click();
    await until(() => $$(page, 'tbody tr').length === 2, 'a second row');
    fill(deepActiveElement() as HTMLInputElement, 'Lainnya');
    button(page, 'Simpan kategori').click();
    await until(() => text(page.shadowRoot?.querySelector('#categories-summary')).includes('Kategori tersimpan'), 'saved');
    const codes = $$<HTMLInputElement>(page, 'tbody input[id$="-id"]').map((input) => input.value);
    equal(codes.join(','), 'perizinan-usaha,lainnya', 'codes made from the names');
    button(page, 'Turunkan Perizinan Usaha').click();
    await until(() => deepActiveElement()?.id?.endsWith('-up'), 'focus stays with the moved row (its down button is now disabled)');
    button(page, 'Simpan kategori').click();
    await page.updateComplete; // the message of the first save is gone
    await until(() => text(page.shadowRoot?.querySelector('#categories-summary')).includes('Kategori tersimpan'), 'saved again');
    const opd = (await (await fetch(`${testConfig().api}/api/v1/opds/${slug}`)).json()) as { consultationCategories: { id: string }[] };
    equal(opd.consultationCategories.map((category) => category.id).join(','), 'lainnya,perizinan-usaha', 'the form offers them in the new order');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
    equal(categoryCode('Gaji & Tunjangan Pegawai'), 'gaji-tunjangan-pegawai', 'a code from any name');
  });

  it('shows staff the categories read-only, and lets them add, change and delete answer templates', async () => {
    const shell = await mountConsole('', 'siap/settings');
    await signInAs(shell, 'bpkad@lahat.demo');
    const page = await consolePage<Page>(shell, 'opd-siap-settings');
    await until(() => page.shadowRoot?.querySelector('tbody tr'), 'the categories');
    equal($$(page, 'tbody input').length, 0, 'no fields to change');
    includes(text($(page, '.section')), 'Hanya admin OPD yang dapat mengubah kategori', 'and it says who can');
    const title = `Templat uji ${Date.now().toString(36)}`;
    fill($<HTMLInputElement>(page, '#new-title'), title);
    fill($<HTMLTextAreaElement>(page, '#new-text'), 'Terima kasih atas pertanyaannya. [isi jawabannya]');
    button(page, 'Simpan templat baru').click();
    await until(() => text(page.shadowRoot?.querySelector('#template-new-summary')).includes(`Templat “${title}” disimpan`), 'saved');
    button(page, `Ubah ${title}`).click();
    const edit = await until(() => page.shadowRoot?.querySelector<HTMLInputElement>('#edit-title'), 'the edit form');
    equal(deepActiveElement(), edit, 'focus on its title');
    fill(edit, `${title} (diubah)`);
    button(page, 'Simpan perubahan').click();
    await until(() => text(page.shadowRoot?.querySelector('#templates-summary')).includes('(diubah)'), 'changed');
    button(page, `Hapus ${title} (diubah)`).click();
    const confirm = await until(() => page.shadowRoot?.querySelector<HTMLElement>('.confirm'), 'the question first');
    includes(text(confirm), 'Jawaban yang sudah terkirim tidak berubah', 'it says what deleting does not touch');
    button(confirm, 'Ya, hapus').click();
    await until(() => text(page.shadowRoot?.querySelector('#templates-summary')).includes('dihapus'), 'deleted');
    ok(!$$(page, '.template-title').some((item) => text(item).includes(title)), 'and gone from the list');
    equal((await axeViolations(page)).join('\n'), '', 'no axe violations');
  });
});
