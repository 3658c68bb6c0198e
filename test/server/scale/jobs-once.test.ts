/**
 * Background jobs run once across two instances on one PostgreSQL (issue 22, scale-out): 20
 * questions sent through the proxy (so to A and B in turn) bring each citizen one receipt mail
 * through a real SMTP server and the OPD's webhook receiver one signed `consultation.received`
 * delivery per question, not two, while both instances run the outbox dispatcher, the mail
 * sender and the webhook deliverer (`job_leases`, `FOR UPDATE SKIP LOCKED`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ParsedMail } from 'mailparser';
import pg from 'pg';
import { startCluster, type Cluster } from '../../helpers/instances.js';
import { startMailCatcher, type MailCatcher } from '../../helpers/mail.js';
import { signIn } from '../../helpers/server.js';
import { startReceiver, type Receiver } from '../../helpers/webhooks.js';

const QUESTIONS = 20;

/** The receipt mails to this test's citizens (the seed's question due today also brings staff a reminder). */
const toCitizen = (mail: ParsedMail) => /^sekali\.\d+@contoh\.id$/.test(mail.to && !Array.isArray(mail.to) ? mail.to.text : '');

/** Sums `job <name> <field>=<n>` over a log. */
const jobCount = (log: string, job: string, field: string) =>
  [...log.matchAll(new RegExp(`job ${job} .*\\b${field}=(\\d+)`, 'g'))].reduce((sum, match) => sum + Number(match[1]), 0);

describe('jobs run once across two instances', { timeout: 300_000 }, () => {
  let catcher: MailCatcher;
  let receiver: Receiver;
  let cluster: Cluster;
  before(async () => {
    catcher = await startMailCatcher();
    receiver = await startReceiver(204);
    cluster = await startCluster({
      instances: 2,
      start: 'one-first',
      env: { SMTP_URL: catcher.url, MAIL_FROM: 'layanan@lahatkab.go.id' },
    });
  });
  after(async () => {
    await cluster?.close();
    await receiver?.close();
    await catcher?.close();
  });

  it('each question brings one receipt mail and one webhook delivery, not two', async (t) => {
    const { token } = await signIn(cluster.instances[0]!.url, 'admin@lahat.demo');
    const subscribed = await fetch(`${cluster.instances[0]!.url}/api/v1/opds/bpkad/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ url: receiver.url, topics: ['consultation.received'], description: 'Uji skala' }),
    });
    assert.equal(subscribed.status, 201, await subscribed.text());

    const codes = await Promise.all(
      Array.from({ length: QUESTIONS }, async (_, n) => {
        const response = await fetch(`${cluster.proxy.url}/api/v1/opds/bpkad/consultations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            name: 'Penguji Sekali (demo)',
            email: `sekali.${n}@contoh.id`,
            category: 'aset-daerah',
            subject: `Sekali saja ${n}`,
            message: 'Tanda terima dan webhook harus datang tepat satu kali.',
            consent: true,
            language: 'id',
          }),
        });
        assert.equal(response.status, 201, await response.clone().text());
        return ((await response.json()) as { trackingCode: string }).trackingCode;
      }),
    );
    assert.deepEqual([...cluster.proxy.answered].map((n) => n > 0), [true, true], 'both instances took questions');

    const mails = await catcher.waitFor(QUESTIONS, toCitizen, 90_000);
    for (const until = performance.now() + 90_000; receiver.received.length < QUESTIONS; await sleep(50)) {
      if (performance.now() > until) assert.fail(`${receiver.received.length} of ${QUESTIONS} webhook deliveries`);
    }
    // A few more runs of every job on both instances: nothing more arrives.
    await sleep(6000);

    assert.equal(catcher.mails.filter(toCitizen).length, QUESTIONS, 'one receipt per question');
    const subjects = mails.map((mail) => mail.subject ?? '');
    for (const code of codes) assert.equal(subjects.filter((subject) => subject.includes(code)).length, 1, `one mail for ${code}`);

    assert.equal(receiver.received.length, QUESTIONS, 'one delivery per question');
    const events = receiver.received.map((delivery) => JSON.parse(delivery.raw) as { id: string; type: string; data: { trackingCode: string } });
    assert.equal(new Set(events.map((event) => event.id)).size, QUESTIONS, 'each event delivered once');
    assert.ok(events.every((event) => event.type === 'consultation.received'));
    assert.deepEqual(events.map((event) => event.data.trackingCode).sort(), [...codes].sort(), 'one delivery for each question');

    const db = new pg.Client({ connectionString: cluster.database.url });
    await db.connect();
    try {
      const work = await db.query<{ mails: number; deliveries: number }>(
        `select (select count(*)::int from mail_messages where template = 'consultation.received') as mails,
                (select count(*)::int from webhook_deliveries) as deliveries`,
      );
      assert.deepEqual(work.rows[0], { mails: QUESTIONS, deliveries: QUESTIONS }, 'the dispatcher made each piece of work once');
      const leases = await db.query<{ name: string; holders: number }>('select name, count(*)::int as holders from job_leases group by name');
      assert.ok(leases.rows.length > 0 && leases.rows.every((row) => row.holders === 1), 'one lease row per job');
    } finally {
      await db.end();
    }

    const logs = cluster.instances.map((instance) => instance.log());
    const sent = logs.map((log) => jobCount(log, 'mail-send', 'sent'));
    const delivered = logs.map((log) => jobCount(log, 'webhook-deliver', 'delivered'));
    assert.equal(sent[0]! + sent[1]!, catcher.mails.length, `the logs count every mail once (${sent.join(' + ')})`);
    assert.equal(delivered[0]! + delivered[1]!, QUESTIONS, `the logs count every delivery once (${delivered.join(' + ')})`);
    t.diagnostic(`mails sent by A + B: ${sent.join(' + ')}; webhook deliveries by A + B: ${delivered.join(' + ')}`);
  });
});
