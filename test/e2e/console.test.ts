/**
 * End to end, as staff: the console at `/console` of the real server process (as `npm start`
 * runs it), signed in with the httpOnly cookie, in headless Chromium, on the built CDN files.
 * A citizen asks on the demo page, a BPKAD officer answers in the console, the citizen sees
 * the answer in the status widget; PUPR's officer cannot read BPKAD's questions; the regency
 * admin adds an OPD with its website's origin and categories, and a form on that website works,
 * then switches SIAP off and the form says so; the console's
 * code is fetched only where it is on the page, each page's code only when it is opened; and
 * screenshots at a desk, on a tablet and on a phone (test-results/console-*.png). The console
 * comes from the staff build (`/cdn/staff/`), which a citizen's page never fetches.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fillQuestion, openDemo, startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');
const CODE = /SIAP-[0-9A-Z]{4}-[0-9A-Z]{4}/;

let server: DemoServer;
let browser: Browser;
/** A new OPD's own website, on another origin than the backend. */
let site: Server;
let siteOrigin = '';
let siteSlug = '';

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  site = createServer((request, response) => {
    if (request.url !== '/layanan') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Dinas baru</title><link rel="icon" href="data:,">
<script type="module" src="${server.baseUrl}/cdn/opd-kit.js"></script></head>
<body><opd-consultation-form api="${server.baseUrl}" opd="${siteSlug}"></opd-consultation-form></body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

after(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => site?.close(resolve));
});

/** Opens `/console` (with `route` as its fragment) and signs in through its form. */
async function signIn(context: BrowserContext, email: string, route = ''): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/console${route ? `#/${route}` : ''}`);
  await page.getByLabel('Alamat e-mail').fill(email);
  await page.getByLabel('Kata sandi', { exact: true }).fill('demo-password');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  assert.deepEqual(errors, [], 'the console throws nothing');
  return page;
}

describe('the staff console at /console', () => {
  it('a BPKAD officer answers a question from the inbox, and the citizen sees it in the status widget', async () => {
    const citizen = await browser.newContext();
    const staff = await browser.newContext();
    try {
      // The citizen asks on the OPD's site.
      const site = await openDemo(citizen, server.baseUrl);
      const subject = `Penghapusan aset rusak ${Date.now().toString(36)}`;
      await fillQuestion(site, subject);
      await site.getByRole('button', { name: 'Kirim pertanyaan' }).click();
      const form = site.locator('opd-consultation-form');
      await form.getByText(CODE).first().waitFor();
      const code = CODE.exec(await form.getByText(CODE).first().innerText())?.[0];
      assert.ok(code, 'the citizen holds a tracking code');

      // The officer signs in with the cookie: no token in the page.
      const page = await signIn(staff, 'bpkad@lahat.demo');
      const cookie = (await staff.cookies()).find((item) => item.name === 'opd_session');
      assert.ok(cookie?.httpOnly, 'the session is an httpOnly cookie');
      assert.equal(cookie?.sameSite, 'Strict', 'SameSite=Strict');
      assert.equal(await page.evaluate(() => Object.keys(sessionStorage).filter((key) => key.startsWith('opd-console')).length), 0, 'no token kept by the page');

      // Finds the question, opens it, answers.
      const inbox = page.locator('opd-consultation-inbox');
      await inbox.getByLabel('Cari pertanyaan').fill(subject);
      await inbox.getByRole('button', { name: 'Cari', exact: true }).click();
      await inbox.getByRole('link', { name: new RegExp(subject) }).click();
      await inbox.getByRole('heading', { name: subject }).waitFor();
      await inbox.getByText('dewi.lestari@contoh.id').waitFor();
      const answer = 'Barang milik daerah yang rusak berat dihapus dengan keputusan kepala daerah setelah penilaian. Salam, BPKAD.';
      await inbox.getByLabel('Jawaban untuk penanya').fill(answer);
      await inbox.getByRole('button', { name: 'Kirim jawaban' }).click();
      await inbox.getByText('Jawaban terkirim').waitFor();
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.screenshot({ path: join(SCREENSHOTS, 'console-inbox-1280.png'), fullPage: true });
      await page.setViewportSize({ width: 768, height: 1024 });
      await page.screenshot({ path: join(SCREENSHOTS, 'console-inbox-768.png'), fullPage: true });
      await page.setViewportSize({ width: 375, height: 740 });
      await page.screenshot({ path: join(SCREENSHOTS, 'console-inbox-375.png'), fullPage: true });

      // Later, the citizen follows the link of the receipt.
      const later = await citizen.newPage();
      await later.goto(`${server.baseUrl}/#lacak=${code}`);
      const status = later.locator('opd-consultation-status');
      await status.getByText(answer).waitFor();
      assert.equal(await status.getByText('Dewi Lestari').count(), 0, 'the status shows no personal data');
    } finally {
      await citizen.close();
      await staff.close();
    }
  });

  it('PUPR’s officer works on PUPR only: BPKAD’s questions answer 403', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, 'pupr@lahat.demo', 'siap/inbox?opd=bpkad');
      const header = await page.locator('opd-console').locator('[part~=header]').innerText();
      assert.match(header, /PUPR|Pekerjaan Umum/, `the header names PUPR: ${header}`);
      assert.equal(await page.locator('opd-console').locator('#console-opd').count(), 0, 'no OPD to choose');
      const status = await page.evaluate(async () => (await fetch('/api/v1/opds/bpkad/consultations')).status);
      assert.equal(status, 403, 'the API refuses BPKAD’s questions to PUPR');
    } finally {
      await context.close();
    }
  });

  it('the regency admin adds an OPD with its website and categories, its form works there, and SIAP switched off says so', async () => {
    const context = await browser.newContext();
    try {
      siteSlug = `dinas-baru-${Date.now().toString(36)}`;
      const page = await signIn(context, 'admin@lahat.demo', 'opds');
      const board = page.locator('opd-console-rollout');
      await board.getByLabel('Nama OPD').fill('Dinas Baru Uji');
      await board.getByLabel('Nama singkat (slug)').fill(siteSlug);
      await board.getByLabel(/Alamat situs yang diizinkan/).fill(siteOrigin);
      await board.getByLabel('SIAP (konsultasi)').check();
      await board.getByRole('button', { name: 'Tambah OPD' }).click();
      await board.getByText('Dinas Baru Uji sudah ditambahkan.').waitFor();

      // Its categories, on SIAP's settings page (the OPD chosen above the page).
      await page.evaluate((slug) => (location.hash = `#/siap/settings?opd=${slug}`), siteSlug);
      const settings = page.locator('opd-siap-settings');
      await settings.getByText('Belum ada kategori').waitFor();
      await settings.getByRole('button', { name: 'Tambah kategori' }).click();
      await settings.getByLabel('Nama, kategori 1').fill('Perizinan');
      await settings.getByRole('button', { name: 'Simpan kategori' }).click();
      await settings.getByText('Kategori tersimpan.').waitFor();

      // The OPD's own website: the form loads its categories and sends a question (CORS allowed).
      const citizen = await browser.newContext();
      try {
        const sitePage = await citizen.newPage();
        await sitePage.goto(`${siteOrigin}/layanan`);
        const form = sitePage.locator('opd-consultation-form');
        await form.getByLabel('Kategori', { exact: true }).locator('option', { hasText: 'Perizinan' }).waitFor({ state: 'attached' });
        await form.getByLabel('Nama', { exact: true }).fill('Warga Situs Baru');
        await form.getByLabel('Alamat e-mail', { exact: true }).fill('warga.baru@contoh.id');
        await form.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Perizinan' });
        await form.getByLabel('Perihal', { exact: true }).fill('Izin usaha mikro');
        await form.getByLabel('Pertanyaan', { exact: true }).fill('Bagaimana cara mengurus izin usaha mikro?');
        await form.getByLabel(/Saya setuju/).check();
        await form.getByRole('button', { name: 'Kirim pertanyaan' }).click();
        await form.getByText(CODE).first().waitFor();

        // SIAP off for it: the same page's form says the service is not available.
        await page.evaluate((slug) => (location.hash = `#/opd?opd=${slug}`), siteSlug);
        const opd = page.locator('opd-console-opd');
        await opd.getByLabel('SIAP (konsultasi)').uncheck();
        await opd.getByRole('button', { name: 'Simpan modul' }).click();
        await opd.getByText('Modul tersimpan.').waitFor();
        // A visitor after that (the OPD's read is cached for a minute by browsers that saw it).
        const visitor = await browser.newContext();
        try {
          const later = await visitor.newPage();
          await later.goto(`${siteOrigin}/layanan`);
          await later.locator('opd-consultation-form').getByText('Layanan konsultasi belum tersedia untuk OPD ini.').waitFor();
        } finally {
          await visitor.close();
        }
      } finally {
        await citizen.close();
      }
    } finally {
      await context.close();
    }
  });

  it('loads the console’s code only where it is on the page, and each page’s code when it is opened', async () => {
    const context = await browser.newContext();
    try {
      const citizenPage = await context.newPage();
      const fetched: string[] = [];
      citizenPage.on('request', (request) => fetched.push(new URL(request.url()).pathname));
      await citizenPage.goto(`${server.baseUrl}/`);
      await citizenPage.locator('opd-consultation-form').getByLabel('Nama', { exact: true }).waitFor();
      assert.ok(!fetched.some((path) => path.startsWith('/cdn/staff/')), `the OPD's page fetches no staff code: ${fetched.join(' ')}`);

      const page = await context.newPage();
      const loaded: string[] = [];
      page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
      await page.goto(`${server.baseUrl}/console`);
      await page.getByLabel('Alamat e-mail').waitFor();
      assert.ok(loaded.includes('/cdn/staff/console.js'), 'the console is fetched on /console (from the staff build)');
      assert.ok(!loaded.includes('/cdn/staff/consultation-inbox.js'), 'the inbox is not fetched before signing in');
      await page.getByLabel('Alamat e-mail').fill('bpkad@lahat.demo');
      await page.getByLabel('Kata sandi', { exact: true }).fill('demo-password');
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.locator('opd-consultation-inbox').getByText('Antrean', { exact: false }).first().waitFor({ state: 'attached' });
      assert.ok(loaded.includes('/cdn/staff/consultation-inbox.js'), 'the inbox once the inbox opens');
      assert.ok(!loaded.some((path) => /\/cdn\/staff\/console-(rollout|audit|opd-settings|embed)-/.test(path)), 'no other page’s chunk');
      assert.ok(!loaded.some((path) => /\/cdn\/staff\/consultation-inbox-settings-/.test(path)), 'not even SIAP’s other page');
      assert.ok(!loaded.some((path) => /\/cdn\/(consultation-form|shared)-/.test(path)), 'nor the citizens’ widgets');
    } finally {
      await context.close();
    }
  });

  it('signs in, shows the rollout board, and holds at 1280, 768 and 375 px (screenshots)', async () => {
    const context = await browser.newContext();
    try {
      const page = await signIn(context, 'admin@lahat.demo');
      await page.locator('opd-console').getByRole('heading', { name: 'OPD dan peluncuran', level: 1 }).waitFor();
      for (const width of [1280, 768, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(100);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(wide <= width, `${width} px: no sideways scrolling (${wide})`);
        await page.screenshot({ path: join(SCREENSHOTS, `console-admin-${width}.png`), fullPage: true });
      }
    } finally {
      await context.close();
    }
  });
});
