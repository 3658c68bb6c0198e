/**
 * <opd-console>, the staff console's shell, in Chromium against the real API: signing in and
 * out, the lockout, who is signed in, the menu by role, routes, a session that ends, English,
 * keyboard only, axe, a hostile host page, and the layout at a desk and on a tablet.
 */
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../widgets/console/define.js';
import type { OpdConsole } from '../../widgets/console/console.js';
import { consolePage, forgetSessions, mountConsole, signInAs, submitSignIn } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, includes, ok, testConfig, text, until } from './helpers.js';

afterEach(async () => {
  cleanup();
  forgetSessions();
  await setViewport({ width: 1280, height: 900 });
});

/** The first error summary line, once shown. */
function summary(element: OpdConsole): Promise<HTMLElement> {
  return until(() => element.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the error summary');
}

describe('<opd-console> signing in', () => {
  it('asks for e-mail and password in Indonesian, and names both when they are empty', async () => {
    const element = await mountConsole();
    equal(text($(element, '#sign-in-title')), 'Masuk ke konsol staf', 'the sign-in title');
    equal(text($(element, 'label[for=email]')), 'Alamat e-mail', 'the e-mail label');
    equal($<HTMLInputElement>(element, '#email').autocomplete, 'username', 'browsers offer the saved account');
    equal($<HTMLInputElement>(element, '#password').autocomplete, 'current-password', 'and its password');
    await submitSignIn(element, '', '');
    const box = await summary(element);
    equal(deepActiveElement(), box, 'the summary takes focus');
    const links = [...box.querySelectorAll('a')].map(text);
    equal(links.join(' | '), 'Masukkan alamat e-mail Anda | Masukkan kata sandi Anda', 'one line per field, in order');
    box.querySelector<HTMLAnchorElement>('a[href="#password"]')!.click();
    equal(deepActiveElement(), $(element, '#password'), 'a line leads to its field');
    includes(text($(element, '#email-error')), 'Masukkan alamat e-mail Anda', 'the field says it too');
    equal($(element, '#email').getAttribute('aria-invalid'), 'true', 'and is marked invalid');
  });

  it('says plainly that the e-mail or password is wrong, keeps the e-mail and clears the password', async () => {
    const element = await mountConsole();
    await submitSignIn(element, 'bpkad@lahat.demo', 'bukan-kata-sandinya');
    const box = await summary(element);
    includes(text(box), 'Alamat e-mail atau kata sandi salah', 'the failure in plain words');
    equal($<HTMLInputElement>(element, '#email').value, 'bpkad@lahat.demo', 'the e-mail stays');
    equal($<HTMLInputElement>(element, '#password').value, '', 'the password is cleared');
  });

  it('tells a locked-out person how long to wait (429 with Retry-After)', async () => {
    const element = await mountConsole();
    // An address nobody has: the lock is per address, so no other test's user is locked.
    const email = `terkunci-${Date.now().toString(36)}@lahat.demo`;
    let last = '';
    const sending = () => (element as unknown as { sending: boolean }).sending;
    for (let attempt = 0; attempt < 6 && !last.includes('dikunci'); attempt++) {
      await submitSignIn(element, email, 'salah-terus');
      await until(() => !sending(), 'the answer');
      await element.updateComplete;
      last = text(await summary(element));
    }
    includes(last, 'akun ini dikunci sementara', 'the lockout is named');
    ok(/Coba lagi dalam \d+ menit/.test(last), `and the wait in minutes: ${last}`);
  });

  it('signs in with the keyboard alone and shows who is signed in', async () => {
    const element = await mountConsole();
    $<HTMLInputElement>(element, '#email').focus();
    await sendKeys({ type: 'bpkad@lahat.demo' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'demo-password' });
    await sendKeys({ press: 'Enter' });
    const title = await until(() => element.shadowRoot?.querySelector<HTMLElement>('#page-title'), 'the first page');
    equal(text(title), 'Kotak masuk SIAP', 'an OPD officer starts in the inbox');
    await until(() => deepActiveElement() === title, 'focus on the page title');
    const header = text($(element, '[part~=header]'));
    includes(header, 'Petugas BPKAD', 'the user is named');
    includes(header, 'Petugas OPD', 'with the role');
    includes(header, 'BPKAD', 'and the OPD');
    const menu = $$(element, '[part~=nav] a').map(text);
    equal(menu.join(' | '), 'Kotak masuk SIAP | Kategori dan templat SIAP | Kode sematan | E-mail terkirim', 'staff see only their pages, and none of a module their OPD does not run');
    ok(Object.keys(sessionStorage).some((key) => key.startsWith('opd-console-token:')), 'on another origin the token is kept for the tab');
  });

  it('signs out, forgets the token and says so', async () => {
    const element = await mountConsole();
    await signInAs(element, 'bpkad@lahat.demo');
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('opd-console-token:'))!;
    const token = sessionStorage.getItem(key)!;
    const signOut = [...element.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~=header] button')].find((b) => text(b) === 'Keluar')!;
    signOut.click();
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice'), 'the signed-out notice');
    includes(text(notice), 'Anda sudah keluar', 'the person is told');
    equal(sessionStorage.getItem(key), null, 'the token is forgotten');
    const me = await fetch(`${testConfig().api}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${token}` } });
    equal(me.status, 401, 'and no longer works on the server');
  });

  it('stays signed in across a reload of the tab', async () => {
    const first = await mountConsole();
    await signInAs(first, 'admin@lahat.demo');
    cleanup();
    const again = await mountConsole();
    await until(() => again.shadowRoot?.querySelector('#page-title'), 'the console without signing in');
    includes(text($(again, '[part~=header]')), 'Admin kabupaten', 'the regency admin, from the kept token');
  });

  it('shows the sign-in form again, with a note, when the session ends on the server', async () => {
    const element = await mountConsole();
    await signInAs(element, 'bpkad@lahat.demo');
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('opd-console-token:'))!;
    await fetch(`${testConfig().api}/api/v1/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${sessionStorage.getItem(key)}` } });
    // The next call of the inbox is refused.
    const inbox = await consolePage<HTMLElement & { poll(): Promise<void>; updateComplete: Promise<boolean> }>(element, 'opd-consultation-inbox');
    await inbox.poll();
    const notice = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.notice'), 'the session-ended notice');
    includes(text(notice), 'Sesi Anda sudah berakhir', 'the person is told why');
    equal($<HTMLInputElement>(element, '#email').value, 'bpkad@lahat.demo', 'the sign-in form is back, the e-mail filled in');
  });
});

describe('<opd-console> pages and routes', () => {
  it('gives a regency admin every page, and an OPD officer no admin page', async () => {
    const element = await mountConsole();
    await signInAs(element, 'admin@lahat.demo');
    const menu = $$(element, '[part~=nav] a').map(text);
    equal(menu.join(' | '), 'Kotak masuk SIAP | Kategori dan templat SIAP | Laporan jalan Perjaka | Data jalan Perjaka | Agenda DPRD | Registri inovasi | OPD dan peluncuran | Verifikasi inovasi daerah | Program CSR | Usulan desa CSR | Standar pelayanan | Survei kepuasan (SKM) | Kepatuhan standar pelayanan | Pengaturan dan pengguna OPD | Kode sematan | Webhook | E-mail terkirim | Log audit | Privasi | Hari libur', 'every page');
    equal(text($(element, '#page-title')), 'OPD dan peluncuran', 'a regency admin starts on the rollout board');
    equal($(element, '[part~=nav] a[aria-current=page]').textContent?.trim(), 'OPD dan peluncuran', 'the menu marks the page');
    cleanup();
    forgetSessions();
    const officer = await mountConsole('', 'audit');
    await signInAs(officer, 'bpkad@lahat.demo');
    includes(text($(officer, '.main')), 'Peran Anda tidak membuka halaman ini', 'an address beyond the role is refused politely');
  });

  it('routes by the address: a link to a page opens it, focus on its title', async () => {
    const element = await mountConsole();
    await signInAs(element, 'bpkad@lahat.demo');
    const embed = [...element.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~=nav] a')].find((a) => text(a) === 'Kode sematan')!;
    embed.click();
    await until(() => text(element.shadowRoot?.querySelector('#page-title')) === 'Kode sematan', 'the embed page');
    equal(location.hash, '#/embed', 'the address names the page');
    await consolePage(element, 'opd-console-embed');
    await until(() => deepActiveElement() === $(element, '#page-title'), 'focus on the new title');
    history.back();
    await until(() => text(element.shadowRoot?.querySelector('#page-title')) === 'Kotak masuk SIAP', 'back to the inbox');
  });

  it('leaves the host page’s own fragments alone', async () => {
    const element = await mountConsole();
    await signInAs(element, 'bpkad@lahat.demo');
    location.hash = '#konten';
    await new Promise((resolve) => setTimeout(resolve, 50));
    equal(text($(element, '#page-title')), 'Kotak masuk SIAP', 'still the inbox');
  });

  it('lets a regency admin pick the OPD of an OPD page', async () => {
    const element = await mountConsole('', 'siap/inbox');
    await signInAs(element, 'admin@lahat.demo');
    const picker = await until(() => element.shadowRoot?.querySelector<HTMLSelectElement>('#console-opd'), 'the OPD selector');
    equal(text(element.shadowRoot!.querySelector('label[for=console-opd]')), 'OPD', 'it is labelled');
    const other = [...picker.options].find((option) => option.value && option.value !== picker.value)!;
    picker.value = other.value;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => location.hash.includes(`opd=${other.value}`), 'the OPD in the address');
  });

  it('speaks English with lang="en"', async () => {
    const element = await mountConsole('lang="en"');
    equal(text($(element, '#sign-in-title')), 'Sign in to the staff console', 'the title');
    await signInAs(element, 'bpkad@lahat.demo');
    equal(text($(element, '#page-title')), 'SIAP inbox', 'the page title');
    includes(text($(element, '[part~=header]')), 'OPD staff', 'the role');
    const inbox = await consolePage(element, 'opd-consultation-inbox');
    equal(inbox.getAttribute('lang'), 'en', 'the page follows the console’s language');
  });
});

describe('<opd-console> accessibility and layout', () => {
  it('has no axe violations: signing in, a failed attempt, signed in', async () => {
    const element = await mountConsole();
    equal((await axeViolations(element)).join('\n'), '', 'the sign-in form');
    await submitSignIn(element, '', '');
    await summary(element);
    equal((await axeViolations(element)).join('\n'), '', 'with the error summary');
    await signInAs(element, 'bpkad@lahat.demo');
    await consolePage(element, 'opd-consultation-inbox');
    equal((await axeViolations(element)).join('\n'), '', 'signed in, on the inbox');
  });

  it('holds at 1280 px (menu beside the page) and on a tablet (menu above), never wider than the window', async () => {
    const element = await mountConsole();
    await signInAs(element, 'bpkad@lahat.demo');
    await consolePage(element, 'opd-consultation-inbox');
    for (const [width, beside] of [
      [1280, true],
      [768, false],
    ] as const) {
      await setViewport({ width, height: 900 });
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      const nav = $(element, '[part~=nav]').getBoundingClientRect();
      const main = $(element, '[part~=main]').getBoundingClientRect();
      equal(nav.right <= main.left + 1, beside, `${width} px: the menu ${beside ? 'beside' : 'above'} the page`);
      ok(document.documentElement.scrollWidth <= width, `${width} px: no sideways scrolling (${document.documentElement.scrollWidth})`);
    }
  });

  it('stays legible in a host page with a 10px root and aggressive resets', async () => {
    const reset = document.createElement('style');
    reset.textContent = `
      html { font-size: 10px; }
      * { margin: 0 !important; padding: 0 !important; font-size: 1rem; line-height: 1; }
      label { display: none; }
      input, select, textarea, button { font-size: 8px; }
    `;
    document.head.append(reset);
    try {
      const element = await mountConsole();
      for (const label of $$(element, 'label')) {
        const style = getComputedStyle(label);
        ok(style.display !== 'none' && parseFloat(style.fontSize) >= 14, `label "${text(label)}" is visible at ${style.fontSize}`);
      }
      for (const control of $$(element, 'input:not([type=hidden]), button')) {
        ok(parseFloat(getComputedStyle(control).fontSize) >= 14, `a ${control.localName} is ${getComputedStyle(control).fontSize}`);
      }
      ok(parseFloat(getComputedStyle($(element, '.field')).marginBottom) >= 14, 'fields keep their spacing');
      await signInAs(element, 'bpkad@lahat.demo');
      const inbox = await consolePage(element, 'opd-consultation-inbox');
      await until(() => inbox.shadowRoot?.querySelector('.queue'), 'the queues');
      const queue = inbox.shadowRoot!.querySelector<HTMLElement>('.queue')!;
      ok(parseFloat(getComputedStyle(queue).fontSize) >= 14, `a queue button is ${getComputedStyle(queue).fontSize}`);
      ok(parseFloat(getComputedStyle(queue).paddingLeft) >= 8, 'and keeps its padding');
    } finally {
      reset.remove();
    }
  });

  it('does not throw when registered twice', async () => {
    await import(/* @vite-ignore */ new URL(`../../widgets/console/define.ts?again=${Date.now()}`, import.meta.url).href);
    ok(customElements.get('opd-console'), 'defined');
  });
});
