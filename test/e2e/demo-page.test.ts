/**
 * End to end, as a citizen: the demo OPD page served by the real server process
 * (`server/src/main.ts`, as `npm start` runs it) in headless Chromium.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import {
  CITIZEN,
  fillQuestion,
  openDemo as openDemoPage,
  startDemoServer,
  storedWithSubject as stored,
  type DemoServer,
} from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');

let server: DemoServer;
let baseUrl: string;
let browser: Browser;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  baseUrl = server.baseUrl;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Records every response body `page` receives, to check none carries personal data. */
function recordBodies(page: Page, bodies: string[]): void {
  page.on('response', async (response) => {
    try {
      bodies.push(await response.text());
    } catch {
      // redirects and aborted requests have no body
    }
  });
}

async function openDemo(context: BrowserContext): Promise<{ page: Page; bodies: string[] }> {
  const bodies: string[] = [];
  // The page is recorded from its first request: attach as soon as it exists.
  context.once('page', (page) => recordBodies(page, bodies));
  const page = await openDemoPage(context, baseUrl);
  return { page, bodies };
}

function storedWithSubject(subject: string): Promise<number> {
  return stored(baseUrl, subject);
}

/**
 * The tracking code of the receipt once it shows. The widget resends by itself after a
 * failure (when the browser is online again); a press of "Kirim ulang" is the fallback.
 */
async function receiptCode(page: Page): Promise<string> {
  const code = page.locator('[part~="tracking-code"]');
  try {
    await code.waitFor({ timeout: 5_000 });
  } catch {
    await page.getByRole('button', { name: 'Kirim ulang' }).click();
    await code.waitFor();
  }
  return (await code.innerText()).trim();
}

function assertNoPersonalData(bodies: string[]): void {
  const all = bodies.join('\n');
  for (const secret of [CITIZEN.name, CITIZEN.email, '82155550199']) {
    assert.ok(!all.includes(secret), `a response to the page contains ${secret}`);
  }
}

describe('the demo OPD page, as a citizen', () => {
  it('keeps everything typed when the e-mail is wrong, then gives a tracking code the status widget shows', async () => {
    const context = await browser.newContext();
    const { page, bodies } = await openDemo(context);
    const subject = `Penghapusan aset ${Date.now()}`;
    await fillQuestion(page, subject, 'dewi.lestari@');
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'Ada masalah' });
    await summary.waitFor();
    assert.match(await summary.innerText(), /format yang benar/);
    assert.equal(await page.getByLabel('Nama', { exact: true }).inputValue(), CITIZEN.name);
    assert.equal(await page.getByLabel('Perihal', { exact: true }).inputValue(), subject);
    assert.equal(await page.getByLabel('Alamat e-mail', { exact: true }).inputValue(), 'dewi.lestari@');
    assert.equal(await storedWithSubject(subject), 0, 'nothing sent while the e-mail is wrong');

    await page.screenshot({ path: join(SCREENSHOTS, 'demo-error-1280.png'), fullPage: true });

    await page.getByLabel('Alamat e-mail', { exact: true }).fill(CITIZEN.email);
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    const code = page.locator('[part~="tracking-code"]');
    await code.waitFor();
    const trackingCode = (await code.innerText()).trim();
    assert.match(trackingCode, /^SIAP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

    // The page wires the new code into the status widget.
    const status = page.locator('opd-consultation-status');
    await status.getByText(trackingCode).first().waitFor();
    await status.getByText('Diterima').first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-success-1280.png'), fullPage: true });

    assert.equal(await storedWithSubject(subject), 1);
    assertNoPersonalData(bodies);
    await context.close();
  });

  it('keeps the question while offline and sends it exactly once when the connection is back', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const { page, bodies } = await openDemo(context);
    const subject = `Pertanyaan saat offline ${Date.now()}`;
    await fillQuestion(page, subject);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await page.getByText(/Tidak ada koneksi/).waitFor();
    assert.equal(await page.getByLabel('Perihal', { exact: true }).inputValue(), subject, 'nothing lost while offline');
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-offline-375.png'), fullPage: true });

    await context.setOffline(false);
    assert.match(await receiptCode(page), /^SIAP-/);
    assert.equal(await storedWithSubject(subject), 1, 'sent once');
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-success-375.png'), fullPage: true });
    assertNoPersonalData(bodies);
    await context.close();
  });

  it('sends once when the answer to the first attempt is lost on the way back', async () => {
    const context = await browser.newContext();
    const { page } = await openDemo(context);
    const subject = `Jawaban hilang di jalan ${Date.now()}`;
    await fillQuestion(page, subject);
    let dropped = false;
    await page.route('**/api/v1/opds/bpkad/consultations', async (route) => {
      if (dropped || route.request().method() !== 'POST') return route.continue();
      dropped = true;
      await route.fetch(); // the server stores it…
      await route.abort('connectionreset'); // …but the citizen's browser never hears back
    });
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    assert.match(await receiptCode(page), /^SIAP-/);
    assert.equal(await storedWithSubject(subject), 1, 'the retry did not store a second copy');
    await context.close();
  });

  it('restores an unsent question after the page is reloaded', async () => {
    const context = await browser.newContext();
    const { page } = await openDemo(context);
    const subject = `Draf setelah muat ulang ${Date.now()}`;
    await fillQuestion(page, subject);
    await page.waitForTimeout(800); // the draft is saved shortly after typing stops
    await page.reload();
    await page.getByLabel('Kategori', { exact: true }).locator('option', { hasText: 'Aset daerah' }).waitFor({ state: 'attached' });
    assert.equal(await page.getByLabel('Perihal', { exact: true }).inputValue(), subject);
    assert.equal(await page.getByLabel('Nama', { exact: true }).inputValue(), CITIZEN.name);
    await context.close();
  });

  it('loads everything it asks for, the favicon included, under its strict CSP', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('requestfailed', (request) => failures.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failures.push(`${response.url()}: ${response.status()}`);
    });
    // Chromium reports what it fetches for itself (the favicon) and CSP refusals only here.
    page.on('console', (message) => {
      if (message.type() === 'error') failures.push(`console: ${message.text()}`);
    });
    await page.goto(baseUrl + '/');
    await page.getByLabel('Kategori', { exact: true }).locator('option', { hasText: 'Aset daerah' }).waitFor({ state: 'attached' });
    const status = page.locator('opd-consultation-status');
    await status.getByLabel('Kode pelacakan').fill('SIAP-DEM0-0003');
    await status.getByRole('button', { name: 'Lihat status' }).click();
    await status.getByText('Dijawab').first().waitFor();
    await page.waitForTimeout(500); // the browser asks for the favicon after the load

    const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? null);
    assert.ok(icon, 'the page links a favicon');
    const served = await fetch(new URL(icon, baseUrl + '/'));
    assert.equal(served.status, 200, 'the favicon is served');
    assert.match(served.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    assert.deepEqual(failures, [], 'no request of the page fails');
    await context.close();
  });

  for (const phone of [
    { width: 375, height: 667, screens: 1 },
    { width: 320, height: 568, screens: 2 },
  ]) {
    it(`puts the form's first field within ${phone.screens} screen(s) of a ${phone.width}×${phone.height} phone, with no sideways scrolling`, async () => {
      const context = await browser.newContext({ viewport: { width: phone.width, height: phone.height } });
      const { page } = await openDemo(context);
      const name = await page.getByLabel('Nama', { exact: true }).boundingBox();
      assert.ok(name, 'the name field is shown');
      assert.ok(
        name.y + name.height <= phone.height * phone.screens,
        `the name field ends ${Math.round(name.y + name.height)}px down, past ${phone.screens} screen(s) of ${phone.height}px`,
      );
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(sideways, 0, 'the page does not scroll sideways');
      await page.screenshot({ path: join(SCREENSHOTS, `demo-first-screen-${phone.width}.png`) });
      await context.close();
    });
  }

  it('opens the question a link carries: the receipt’s #lacak=, and ?kode= from letters and QR codes', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/#lacak=SIAP-DEM0-0003`);
    const status = page.locator('opd-consultation-status');
    await status.getByText('SIAP-DEM0-0003').first().waitFor();
    await status.getByText('Dijawab').first().waitFor();
    const heading = await status.locator('#result-title').boundingBox();
    assert.ok(heading && heading.y >= 0 && heading.y < 667, 'the page moved to the result');
    await page.goto(`${baseUrl}/?kode=siap-dem0-0002`);
    await status.getByText('SIAP-DEM0-0002').first().waitFor();
    await status.getByText('Sedang diproses').first().waitFor();
    await context.close();
  });

  it('speaks English on en.html: the OPD’s and the categories’ English names, on a phone', async () => {
    const opd = (await (await fetch(`${baseUrl}/api/v1/opds/bpkad`)).json()) as {
      nameEn?: string;
      consultationCategories: { id: string; name: string; nameEn?: string }[];
    };
    const assets = opd.consultationCategories.find((category) => category.id === 'aset-daerah');
    assert.ok(opd.nameEn && assets?.nameEn, 'the demo OPD gives English names');
    const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${baseUrl}/en.html`);
    await page.getByLabel('Category', { exact: true }).locator('option', { hasText: assets.nameEn }).waitFor({ state: 'attached' });
    const status = page.locator('opd-consultation-status');
    await status.getByLabel('Tracking code').fill('SIAP-DEM0-0003');
    await status.getByRole('button', { name: 'Show status' }).click();
    await status.getByText('Answered').first().waitFor();
    const panel = await status.locator('[part~="result"]').innerText();
    assert.ok(panel.includes(opd.nameEn), `the OPD in English: ${panel}`);
    assert.ok(panel.includes(assets.nameEn), `the category in English: ${panel}`);
    assert.ok(!panel.includes('Aset daerah'), 'not in Indonesian');
    const name = await page.getByLabel('Name', { exact: true }).boundingBox();
    assert.ok(name && name.y + name.height <= 667, 'the form’s first field is on the first screen');
    assert.deepEqual(errors, [], 'the page throws nothing');
    await page.screenshot({ path: join(SCREENSHOTS, 'demo-en-375.png'), fullPage: true });
    await context.close();
  });
});
