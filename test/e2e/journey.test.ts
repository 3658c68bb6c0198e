/**
 * The whole journey of issue 13, as a citizen on a phone lives it, on the demo page served by
 * the real server: send; the server stores it but the answer never arrives and the phone goes
 * offline; the citizen edits the question while offline; the connection comes back; the page
 * is reloaded; the citizen comes back later. One question is stored per intention, and the
 * citizen always holds its code.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { fillQuestion, formReady, openDemo, startDemoServer, storedWithSubject, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';

const CODE = /SIAP-[0-9A-Z]{4}-[0-9A-Z]{4}/;

let server: DemoServer;
let browser: Browser;

before(async () => {
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('a question through a bad connection, an edit, a reload and a later visit', () => {
  it('ends with one stored question whose code the citizen holds, and the edit kept until they choose', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 667 } });
    const page = await openDemo(context, server.baseUrl);
    const subject = `Perjalanan lengkap ${Date.now()}`;
    await fillQuestion(page, subject);

    // The first send reaches the server, which stores it; the answer is lost and the phone goes offline.
    let lost = false;
    await page.route('**/api/v1/opds/bpkad/consultations', async (route) => {
      if (lost || route.request().method() !== 'POST') return route.continue();
      lost = true;
      await route.fetch();
      await context.setOffline(true);
      await route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await page.getByText(/Tidak ada koneksi/).waitFor();
    assert.equal(await storedWithSubject(server.baseUrl, subject), 1, 'the server holds the first version');

    // Offline, the citizen adds to the question.
    const edited = 'Bagaimana prosedur penghapusan barang milik daerah yang rusak berat? Apakah perlu berita acara?';
    await page.getByLabel('Pertanyaan', { exact: true }).fill(edited);
    await page.waitForTimeout(800); // the draft is saved shortly after typing stops

    // Back online, the form resends by itself with the same key: the server answers what it stored.
    await context.setOffline(false);
    await page.getByText('Pertanyaan Anda sudah kami terima dengan kode').waitFor();
    const form = page.locator('opd-consultation-form');
    const code = CODE.exec(await form.getByText(CODE).first().innerText())?.[0];
    assert.ok(code, 'the citizen is shown the code of what was stored');
    assert.equal(await page.getByLabel('Pertanyaan', { exact: true }).inputValue(), edited, 'the edit is kept');
    assert.equal(await storedWithSubject(server.baseUrl, subject), 1, 'the resend stored nothing more');

    // A reload keeps both: the receipt on this device and the edited text.
    await page.reload();
    await formReady(page);
    await page.getByText('Tanda terima di perangkat ini').waitFor();
    await form.getByText(code).first().waitFor();
    assert.equal(await page.getByLabel('Pertanyaan', { exact: true }).inputValue(), edited);

    // Later, a new visit on the same phone: the receipt is still there, and the status opens from it.
    await page.close();
    const later = await openDemo(context, server.baseUrl);
    await later.getByText('Tanda terima di perangkat ini').waitFor();
    await later.locator('opd-consultation-form').getByText(code).first().waitFor();
    const status = later.locator('opd-consultation-status');
    await later.goto(`${server.baseUrl}/#lacak=${code}`);
    await status.getByText(code).first().waitFor();
    assert.equal(await storedWithSubject(server.baseUrl, subject), 1, 'one intention, one question');
    await context.close();
  });
});
