/**
 * End to end, issue 21's "done when", as a new user would: the real server process with the
 * demo seed, `SMTP_URL` pointing at a real SMTP server (`smtp-server`, read back with
 * `mailparser`, as `npm run mail:dev` runs one), and a webhook receiver on another port that the
 * regency admin subscribed for BPKAD. A citizen asks a question with an e-mail address on the
 * demo page in Chromium: the mail with its tracking code arrives; staff answer it: a second mail
 * with the answer; the receiver got both events, signed, and verifies them with
 * `opd-kit/webhooks`, with no personal data in them.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { verifyWebhook } from '../../src/webhooks.js';
import { CITIZEN, fillQuestion, openDemo, startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { startMailCatcher, type MailCatcher } from '../helpers/mail.js';
import { signIn } from '../helpers/server.js';
import { startReceiver, type Receiver } from '../helpers/webhooks.js';

const CODE = /SIAP-[0-9A-Z]{4}-[0-9A-Z]{4}/;
/** A citizen's address of this run only, so every mail found is this test's. */
const EMAIL = `warga.${Date.now()}@contoh.id`;

let server: DemoServer;
let browser: Browser;
let mail: MailCatcher;
let receiver: Receiver;

before(async () => {
  mail = await startMailCatcher();
  receiver = await startReceiver();
  server = await startDemoServer({ SMTP_URL: mail.url, MAIL_FROM: 'BPKAD Kabupaten Lahat <layanan@lahat.demo>' });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await receiver?.close();
  await mail?.close();
});

/** Waits until the receiver has `count` deliveries of `type`. */
async function deliveries(type: string, count = 1): Promise<Receiver['received']> {
  const until = Date.now() + 20_000;
  for (;;) {
    const found = receiver.received.filter((delivery) => delivery.headers['opd-event-type'] === type);
    if (found.length >= count) return found;
    if (Date.now() > until) throw new Error(`${found.length} ${type} deliveries after 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('a question asked with an e-mail address, as a new user would', () => {
  it('sends the receipt and the answer by mail, and tells the subscribed system of both, signed', async () => {
    // The regency admin subscribes the other system to BPKAD's consultations (as the console's Webhook page does).
    const admin = await signIn(server.baseUrl, 'admin@lahat.demo');
    const created = await fetch(`${server.baseUrl}/api/v1/opds/bpkad/webhooks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, topics: ['consultation.received', 'consultation.answered'], description: 'Sistem arsip' }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { secret } = (await created.json()) as { secret: string };

    // The citizen asks on the demo page.
    const context = await browser.newContext();
    const page = await openDemo(context, server.baseUrl);
    await fillQuestion(page, 'Penghapusan barang milik daerah', EMAIL);
    await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
    await page.getByText('Pertanyaan Anda sudah terkirim').waitFor();
    const code = CODE.exec(await page.locator('opd-consultation-form').getByText(CODE).first().innerText())?.[0];
    assert.ok(code, 'the page shows the tracking code');
    await context.close();

    const [receipt] = await mail.waitFor(1, (message) => message.to !== undefined && JSON.stringify(message.to).includes(EMAIL), 20_000);
    assert.ok(receipt, 'the receipt mail');
    assert.match(receipt.from?.text ?? '', /layanan@lahat\.demo/, 'from MAIL_FROM');
    assert.ok((receipt.text ?? '').includes(code), `the mail carries the tracking code ${code}`);
    assert.ok((receipt.html || '').includes(code), 'in its HTML part too');
    assert.match(receipt.subject ?? '', /[Pp]ertanyaan|diterima/, `in Indonesian, as the citizen asked: ${receipt.subject}`);

    // Staff answer it.
    const staff = await signIn(server.baseUrl, 'bpkad@lahat.demo');
    const answerText = 'Penghapusan barang rusak berat diajukan dengan berita acara pemeriksaan ke BPKAD.';
    const answered = await fetch(`${server.baseUrl}/api/v1/opds/bpkad/consultations/${code}/answer`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${staff.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: answerText }),
    });
    assert.equal(answered.status, 200, await answered.clone().text());
    const mails = await mail.waitFor(2, (message) => JSON.stringify(message.to ?? '').includes(EMAIL), 20_000);
    const answerMail = mails.find((message) => message !== receipt)!;
    assert.ok((answerMail.text ?? '').includes(answerText), 'the second mail carries the answer');
    assert.ok((answerMail.text ?? '').includes(code), 'and the tracking code');

    // The subscribed system heard of both, signed with the secret it was shown once.
    for (const type of ['consultation.received', 'consultation.answered']) {
      const [delivery] = await deliveries(type);
      assert.ok(delivery);
      const signature = String(delivery.headers['opd-signature'] ?? '');
      assert.equal((await verifyWebhook(secret, delivery.raw, signature)).ok, true, `${type}: the signature verifies`);
      assert.equal((await verifyWebhook(`${secret}x`, delivery.raw, signature)).ok, false, `${type}: not with another secret`);
      const body = JSON.parse(delivery.raw) as { type: string; opd: string; data: { trackingCode?: string } };
      assert.equal(body.type, type);
      assert.equal(body.opd, 'bpkad');
      assert.equal(body.data.trackingCode, code, `${type}: the question's code`);
      for (const personal of [EMAIL, CITIZEN.name, CITIZEN.phone]) {
        assert.equal(delivery.raw.includes(personal), false, `${type}: no personal data (${personal})`);
      }
    }
  });
});
