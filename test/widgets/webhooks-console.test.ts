/**
 * The webhooks page of the console (<opd-console-webhooks>, `#/webhooks`), in Chromium against
 * the real API, as an OPD admin: a refused address named in the error summary, a webhook added
 * with chosen topics and its secret shown once (with a copy button, gone after "saved"), "send
 * test" to a receiver that is down says why, the (empty) delivery log, switching off, removing
 * after asking; no axe violations; an OPD officer does not see the page.
 */
import '../../widgets/console/define.js';
import { webhookEndpoints } from '../../src/schemas/webhooks.js';
import { consolePage, forgetSessions, mountConsole, submitSignIn, testOpd } from './console-helpers.js';
import { $, $$, axeViolations, cleanup, deepActiveElement, equal, fill, includes, ok, setChecked, text, until } from './helpers.js';

type Page = HTMLElement & { updateComplete: Promise<boolean> };

const PASSWORD = 'kata-sandi-uji-webhook';

afterEach(() => {
  cleanup();
  forgetSessions();
});

const ownOpd = () =>
  testOpd('webhooks', {
    opd: { slug: 'dinas-uji-webhook', name: 'Dinas Uji Webhook', modules: ['perjaka'] },
    users: {
      admin: { role: 'opd_admin', name: 'Admin Uji Webhook', mailbox: 'admin' },
      officer: { role: 'opd_staff', name: 'Petugas Uji Webhook', mailbox: 'petugas' },
    },
    password: PASSWORD,
  });

function button(root: Element, name: string): HTMLButtonElement {
  const all = root.shadowRoot ? $$<HTMLButtonElement>(root, 'button') : [...root.querySelectorAll<HTMLButtonElement>('button')];
  const found = all.find((candidate) => text(candidate) === name);
  ok(found, `a button “${name}” (there are: ${all.map(text).join(' | ')})`);
  return found;
}

async function openWebhooks(email: string): Promise<{ shell: HTMLElement; page: Page }> {
  const shell = await mountConsole('', 'webhooks');
  await submitSignIn(shell, email, PASSWORD);
  await until(() => shell.shadowRoot?.querySelector('#page-title'), `signed in as ${email}`);
  return { shell, page: await consolePage<Page>(shell, 'opd-console-webhooks') };
}

describe('<opd-console-webhooks>', () => {
  it('adds a webhook with its topics, shows the secret once, sends a test, shows the log, switches it off and removes it', async () => {
    const opd = await ownOpd();
    const { page } = await openWebhooks(opd.users.admin);
    await until(() => text(page.shadowRoot!.querySelector('#list-title + div, .section')).length > 0 && !text(page.shadowRoot!.querySelector('.section')).includes('Memuat'), 'the list');
    includes(text($(page, '.section')), 'Belum ada webhook.', 'none yet');

    // A refused address is named in the summary, focused, and kept in the field.
    const url = $<HTMLInputElement>(page, '#url');
    fill(url, 'ftp://berkas.example/x');
    button(page, 'Tambah webhook').click();
    const summary = await until(() => {
      const shown = page.shadowRoot?.querySelector<HTMLElement>('#add-summary .error-summary');
      return shown && deepActiveElement() === shown ? shown : null;
    }, 'the add form’s error summary, focused');
    includes(text(summary), 'https://', 'says what address to give');
    equal(url.value, 'ftp://berkas.example/x', 'what was typed stays');

    // Two topics instead of all; the receiver is down (port 9).
    fill(url, 'http://127.0.0.1:9/webhooks');
    fill($<HTMLInputElement>(page, '#description'), 'Sistem informasi jalan provinsi');
    setChecked($<HTMLInputElement>(page, '#allTopics'), false);
    await page.updateComplete;
    setChecked($<HTMLInputElement>(page, '#topic-road-report\\.received'), true);
    setChecked($<HTMLInputElement>(page, '#topic-road-report\\.status-changed'), true);
    button(page, 'Tambah webhook').click();
    const title = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#secret-title'), 'the secret panel');
    await until(() => deepActiveElement() === title, 'focus on the secret panel');
    const secret = text($(page, '#secret-value'));
    ok(/^whsec_/.test(secret), `the secret is shown: ${secret}`);
    ok(button(page, 'Salin'), 'with a copy button');
    const row = await until(() => $$<HTMLTableRowElement>(page, 'tbody tr').find((r) => text(r).includes('127.0.0.1:9')), 'the new row');
    includes(text(row), 'Laporan jalan masuk', 'its topics');
    includes(text(row), 'Status laporan jalan berubah', 'its topics');
    includes(text(row), 'Aktif', 'on');
    equal((await axeViolations(page)).join(' | '), '', 'no axe violations with the secret shown');
    button(page, 'Sudah saya simpan').click();
    await until(() => !page.shadowRoot?.querySelector('#secret-value'), 'the secret gone');
    ok(!text($(page, '.base')).includes(secret), 'shown once only');

    // The server has it, without the secret.
    const sender = await opd.sender('admin');
    const listed = (await sender.call(webhookEndpoints.list, { params: { opd: opd.slug }, what: 'webhooks' })).data;
    equal(listed.length, 1, 'one webhook');
    equal(JSON.stringify(listed[0]!.topics), JSON.stringify(['road-report.received', 'road-report.status-changed']), 'the topics picked');

    const rowOf = () => $$<HTMLTableRowElement>(page, 'tbody tr')[0]!;
    button(rowOf(), 'Kirim uji').click();
    const note = await until(() => rowOf().querySelector('.note'), 'the test result');
    includes(text(note), 'Uji gagal: connection refused', 'says the receiver is down');

    const ready = (name: string) => until(() => (button(rowOf(), name).disabled ? null : button(rowOf(), name)), `${name}, once the page is not busy`);
    (await ready('Log pengiriman')).click();
    const log = await until(() => page.shadowRoot?.querySelector<HTMLElement>('#log-title'), 'the delivery log');
    includes(text(log), '127.0.0.1:9', 'of this webhook');
    includes(text(log.closest('section')), 'Belum ada pengiriman.', 'none yet');

    (await ready('Nonaktifkan')).click();
    await until(() => $$(page, 'tbody tr').some((r) => text(r).includes('Nonaktif')), 'switched off');

    (await ready('Hapus')).click();
    await page.updateComplete;
    includes(text(rowOf()), 'Hapus webhook ke http://127.0.0.1:9/webhooks', 'asks first');
    button(rowOf(), 'Hapus').click();
    await until(() => text($(page, '.section')).includes('Webhook dihapus.'), 'removed');
    equal((await sender.call(webhookEndpoints.list, { params: { opd: opd.slug }, what: 'webhooks' })).data.length, 0, 'gone on the server');
  });

  it('is not in an officer’s menu', async () => {
    const opd = await ownOpd();
    const shell = await mountConsole('', '');
    await submitSignIn(shell, opd.users.officer, PASSWORD);
    await until(() => shell.shadowRoot?.querySelector('#page-title'), 'signed in');
    const links = [...shell.shadowRoot!.querySelectorAll('nav a')].map((a) => a.getAttribute('href') ?? '');
    ok(links.length > 0, 'a menu');
    ok(!links.some((href) => href.includes('webhooks')), `no webhooks link: ${links.join(' ')}`);
  });
});
