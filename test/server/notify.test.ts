/**
 * E-mail, on both stores, through a real SMTP server in process (read back with mailparser):
 * a question's "received" mail with its tracking code in the citizen's language (Indonesian by
 * default, English when the form was), the "answered" mail with the answer, each once even when
 * an event is dispatched again; a mail server that refuses gets retries with backoff, then the
 * mail is dead, shown to staff (address masked) and sent again on "send again"; without
 * SMTP_URL mails are kept and logged without the address, and sent once it is set; the staff
 * reminder of a question due today goes out once; an erasure erases the address from the mails.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { sql, type Kysely } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { listPage } from '../../src/schemas/index.js';
import { notificationView, type NotificationView } from '../../src/schemas/notifications.js';
import type { Database } from '../../server/src/db/schema.js';
import { startScheduler, type Scheduler } from '../../server/src/jobs/scheduler.js';
import { createLogger } from '../../server/src/log.js';
import { serverModules } from '../../server/src/modules/index.js';
import { queueMails } from '../../server/src/notify/compose.js';
import { MAX_ATTEMPTS, RETRY_AFTER_MS } from '../../server/src/notify/send.js';
import { notifyDb } from '../../server/src/notify/tables.js';
import type { Settings } from '../../server/src/settings.js';
import { assertProblem, assertShape, describeApi, type ApiSuite } from '../helpers/api.js';
import { NO_SUCH_MAILBOX_DOMAIN, startMailCatcher, type MailCatcher } from '../helpers/mail.js';
import { citizen, siapRequests } from '../helpers/siap.js';

const MAIL_FROM = 'BPKAD Kabupaten Lahat <layanan@lahatkab.go.id>';
const MINUTE = 60_000;

/** Addresses nobody else in the suite uses, so each test counts its own mails. */
let addresses = 0;
const freshAddress = () => `penanya.${process.pid}.${(addresses += 1)}@contoh.id`;

describeApi('e-mail notifications', { publicResponses: 5 }, (api: ApiSuite) => {
  const siap = siapRequests(api);
  let catcher: MailCatcher;
  const schedulers: Scheduler[] = [];
  const lines: string[] = [];
  const db = () => api.server.db as unknown as Kysely<Database>;

  /** A scheduler on the suite's server and clock, with `settings` over the server's; runs are driven with runNow. */
  const jobs = (settings: Partial<Settings>) => {
    const scheduler = startScheduler({
      db: db(),
      settings: { ...api.server.settings, ...settings },
      log: createLogger('debug', (_level, line) => lines.push(line)),
      now: api.clock.now,
      modules: serverModules,
      runAtStart: false,
    });
    schedulers.push(scheduler);
    return scheduler;
  };
  let mailer: Scheduler;
  /** Hands out the new events and sends what is due. */
  const deliver = async (through: Scheduler = mailer) => {
    assert.equal((await through.runNow('outbox-dispatch')).outcome, 'ran');
    return through.runNow('mail-send');
  };
  const to = (address: string) => (mail: ParsedMail) => mail.to !== undefined && !Array.isArray(mail.to) && mail.to.text === address;
  const mailsTo = (address: string) => notifyDb(db()).selectFrom('mail_messages').selectAll().where('recipient', '=', address).orderBy('id').execute();

  before(async () => {
    catcher = await startMailCatcher();
    mailer = jobs({ smtpUrl: catcher.url, mailFrom: MAIL_FROM });
  });
  after(async () => {
    for (const scheduler of schedulers) await scheduler.stop();
    await catcher.close();
  });

  it('mails the citizen the tracking code in Indonesian when the question is received', async () => {
    const email = freshAddress();
    const code = await siap.newConsultation({ email });
    await deliver();
    const [mail] = await catcher.waitFor(1, to(email));
    assert.ok(mail);
    assert.equal(mail.subject, `Pertanyaan Anda sudah kami terima (${code})`);
    assert.equal(mail.from?.text, '"BPKAD Kabupaten Lahat" <layanan@lahatkab.go.id>');
    assert.match(mail.text ?? '', new RegExp(`Kode pelacakan Anda: ${code}`));
    assert.match(mail.text ?? '', /tidak hilang meskipun ponsel atau komputer Anda hilang/);
    assert.match(mail.text ?? '', /Badan Pengelolaan Keuangan/);
    assert.match(String(mail.html), new RegExp(`<html lang="id">[\\s\\S]*${code}`));
    assert.match(mail.messageId ?? '', /^<mail-\d+\.[\w-]+@lahatkab\.go\.id>$/);
    assert.equal(mail.headers.get('content-language'), 'id');
    const [row] = await mailsTo(email);
    assert.equal(row?.state, 'sent');
    assert.equal(row?.about, code);
  });

  it('writes it in English when the citizen asked in English', async () => {
    const email = freshAddress();
    const code = await siap.newConsultation({ email, language: 'en' });
    await deliver();
    const [mail] = await catcher.waitFor(1, to(email));
    assert.equal(mail?.subject, `We received your question (${code})`);
    assert.match(mail?.text ?? '', new RegExp(`Your tracking code: ${code}`));
    assert.match(mail?.text ?? '', /nothing is lost if your phone or computer is lost/);
    assert.match(String(mail?.html), /<html lang="en">/);
  });

  it('refuses a language it does not write in, naming the field', async () => {
    await assertProblem(await siap.ask({ ...questionFor(freshAddress()), language: 'fr' }), 422, 'validation', 'language');
  });

  it('mails the answer when staff answer, once even when the event is handed out again', async () => {
    const email = freshAddress();
    const code = await siap.newConsultation({ email });
    const answer = 'SP2D terbit paling lambat 2 hari kerja setelah SPM lengkap <b>diverifikasi</b>.';
    const answered = await api.staffPost(`/api/v1/opds/bpkad/consultations/${code}/answer`, { text: answer });
    assert.equal(answered.status, 200);
    await deliver();
    const mails = await catcher.waitFor(2, to(email));
    const second = mails.find((mail) => mail.subject?.startsWith('Pertanyaan Anda sudah dijawab'));
    assert.ok(second, 'the answered mail');
    assert.equal(second.subject, `Pertanyaan Anda sudah dijawab (${code})`);
    assert.match(second.text ?? '', /> SP2D terbit paling lambat 2 hari kerja setelah SPM lengkap <b>diverifikasi<\/b>\./);
    assert.match(String(second.html), /&lt;b&gt;diverifikasi&lt;\/b&gt;/, 'the answer is escaped in the HTML');
    // The dispatcher crashed after its work but before its mark? The mails cannot double.
    await sql`update outbox set sent_at = null where payload->>'trackingCode' = ${code}`.execute(db());
    await deliver();
    assert.equal((await mailsTo(email)).length, 2);
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(catcher.mails.filter(to(email)).length, 2, 'each mail arrived once');
  });

  it('sends no mail to a question with only a phone number', async () => {
    const before = await notifyDb(db()).selectFrom('mail_messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await siap.newConsultation({ email: undefined, phone: '0813 1111 2222' });
    await deliver();
    const after = await notifyDb(db()).selectFrom('mail_messages').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  it('keeps mails without SMTP_URL, logs them without the address, and sends them once it is set', async () => {
    const email = freshAddress();
    const unset = jobs({ smtpUrl: undefined });
    const code = await siap.newConsultation({ email });
    lines.length = 0;
    await deliver(unset);
    const [row] = await mailsTo(email);
    assert.equal(row?.state, 'pending');
    assert.equal(row?.attempts, 0);
    const held = lines.filter((line) => line.includes(`mail=${row?.id} `));
    assert.equal(held.length, 1, lines.join('\n'));
    assert.match(held[0] ?? '', /^warn: mail kept, not sent: SMTP_URL is not set mail=\d+ template=consultation\.received domain=contoh\.id$/);
    assert.ok(!lines.some((line) => line.includes(email) || line.includes(citizen.name)), 'no address or name in the log');
    await unset.runNow('mail-send');
    assert.equal(lines.filter((line) => line.includes(`mail=${row?.id} `)).length, 1, 'logged once');
    // More than a run reads at once (500): every one is logged, once, over the runs.
    const many = Array.from({ length: 620 }, (_, n) => ({
      eventId: null,
      template: 'test.held',
      opd: 'bpkad',
      about: null,
      recipient: `held-${n}@contoh.id`,
      language: 'id' as const,
      mail: { subject: 'Uji', text: 'Uji', html: '<p>Uji</p>' },
    }));
    assert.equal(await queueMails(db(), many, new Date()), 620);
    lines.length = 0;
    await unset.runNow('mail-send');
    await unset.runNow('mail-send');
    await unset.runNow('mail-send');
    const heldLines = lines.filter((line) => line.includes('template=test.held'));
    assert.equal(heldLines.length, 620, 'each held mail logged');
    assert.equal(new Set(heldLines).size, 620, 'once');
    await notifyDb(db()).deleteFrom('mail_messages').where('template', '=', 'test.held').execute();
    await unset.stop();
    // The server runs with SMTP_URL again: the kept mail goes out.
    await mailer.runNow('mail-send');
    const [mail] = await catcher.waitFor(1, to(email));
    assert.match(mail?.subject ?? '', new RegExp(code));
  });

  it('retries a refusing mail server with backoff, then gives up; staff see it and send it again', async () => {
    const email = freshAddress();
    catcher.mode = 'refuse';
    try {
      const code = await siap.newConsultation({ email });
      await deliver();
      let [row] = await mailsTo(email);
      assert.equal(row?.state, 'failed');
      assert.equal(row?.attempts, 1);
      assert.match(row?.last_error ?? '', /451/);
      assert.equal(new Date(row?.next_attempt_at ?? 0).getTime() - new Date(row?.created_at ?? 0).getTime() >= RETRY_AFTER_MS[0], true);
      // Not before its time.
      await mailer.runNow('mail-send');
      assert.equal((await mailsTo(email))[0]?.attempts, 1, 'not tried again before the wait');
      for (const wait of RETRY_AFTER_MS) {
        api.clock.advance(wait);
        await mailer.runNow('mail-send');
      }
      [row] = await mailsTo(email);
      assert.equal(row?.state, 'dead');
      assert.equal(row?.attempts, MAX_ATTEMPTS);

      const listed = await api.as('bpkad@lahat.demo', '/api/v1/opds/bpkad/notifications?state=dead');
      assert.equal(listed.status, 200);
      const page = assertShape(listPage(notificationView), await listed.json(), 'notifications');
      const shown = page.data.find((item: NotificationView) => item.about === code);
      assert.ok(shown, 'the dead mail is listed');
      assert.equal(shown.recipient, `p•••@contoh.id`, 'the address masked');
      assert.equal(shown.state, 'dead');
      assert.match(shown.lastError ?? '', /Mailbox busy/);
      const everywhere = await api.staff('/api/v1/notifications?state=dead');
      assert.ok(assertShape(listPage(notificationView), await everywhere.json(), 'all').data.some((item: NotificationView) => item.id === shown.id));
      assert.equal((await api.as('bpkad@lahat.demo', '/api/v1/notifications')).status, 403, 'every OPD’s mails: regency admin only');
      assert.equal((await api.as('bpkad@lahat.demo', '/api/v1/opds/bappeda/notifications')).status, 403);

      catcher.mode = 'accept';
      const retry = await api.as('bpkad@lahat.demo', `/api/v1/opds/bpkad/notifications/${shown.id}/retry`, { method: 'POST' });
      assert.equal(retry.status, 200);
      assert.equal(((await retry.json()) as NotificationView).state, 'pending');
      await assertProblem(await api.as('bpkad@lahat.demo', `/api/v1/opds/bpkad/notifications/${shown.id}/retry`, { method: 'POST' }), 409, 'conflict');
      await assertProblem(await api.as('bpkad@lahat.demo', '/api/v1/opds/bpkad/notifications/999999/retry', { method: 'POST' }), 404, 'not-found');
      await mailer.runNow('mail-send');
      const [mail] = await catcher.waitFor(1, to(email));
      assert.match(mail?.subject ?? '', new RegExp(code));
      assert.equal((await mailsTo(email))[0]?.state, 'sent');
      const audited = await db().selectFrom('audit_log').select(['action', 'actor_email']).where('subject', '=', `mail:${shown.id}`).execute();
      assert.deepEqual(audited, [{ action: 'notification.retry', actor_email: 'bpkad@lahat.demo' }]);
    } finally {
      catcher.mode = 'accept';
    }
  });

  it('gives up at once on a mailbox the mail server says does not exist (550), where a busy one (451) is tried again', async () => {
    const code = await siap.newConsultation({ email: `tidak.ada.${process.pid}@${NO_SUCH_MAILBOX_DOMAIN}` });
    await deliver();
    const [row] = await notifyDb(db()).selectFrom('mail_messages').selectAll().where('about', '=', code).execute();
    assert.equal(row?.state, 'dead', 'no five more tries over 15 hours for the same answer');
    assert.equal(row?.attempts, 1);
    assert.match(row?.last_error ?? '', /550|does not exist/);
  });

  it('erases the address from the mails when the citizen’s data is erased', async () => {
    const email = freshAddress();
    await siap.newConsultation({ email });
    await deliver();
    await catcher.waitFor(1, to(email));
    const erased = await api.staffPost('/api/v1/personal-data/erase', { email });
    assert.equal(erased.status, 200);
    assert.equal(((await erased.json()) as { erased: Record<string, number> }).erased.notify, 1);
    assert.equal((await mailsTo(email)).length, 0);
    const left = await notifyDb(db()).selectFrom('mail_messages').select(['recipient', 'text_body', 'erased_at']).where('erased_at', 'is not', null).execute();
    assert.ok(left.length >= 1 && left.every((row) => row.recipient === null && row.text_body === ''));
  });

  it('reminds the OPD’s staff once of a question due today with no first response', async () => {
    const code = await siap.newConsultation({ email: freshAddress() });
    await deliver();
    await mailer.runNow('siap-remind-due');
    assert.equal((await notifyDb(db()).selectFrom('mail_messages').select('id').where('about', '=', code).where('template', '=', 'consultation.due-soon').execute()).length, 0, 'not yet: days left');
    // Two hours before the end of its due day: less than a working day is left.
    const { due_at: dueAt } = await db()
      .withTables<{ consultations: { tracking_code: string; due_at: Date } }>()
      .selectFrom('consultations')
      .select('due_at')
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    api.clock.advance(new Date(dueAt).getTime() - api.clock.now().getTime() - 120 * MINUTE);
    const first = await mailer.runNow('siap-remind-due');
    assert.ok((first.counts.reminded ?? 0) >= 1);
    const again = await mailer.runNow('siap-remind-due');
    assert.equal(again.counts.reminded, 0, 'once per question');
    const reminders = await notifyDb(db()).selectFrom('mail_messages').selectAll().where('about', '=', code).where('template', '=', 'consultation.due-soon').execute();
    const staff = await db().selectFrom('staff_users').select('email').where('opd_slug', '=', 'bpkad').where('disabled_at', 'is', null).orderBy('email').execute();
    assert.deepEqual(reminders.map((row) => row.recipient).sort(), staff.map((user) => user.email));
    await mailer.runNow('mail-send');
    const mails = await catcher.waitFor(staff.length, (mail) => mail.subject === `Pengingat: pertanyaan ${code} jatuh tempo hari ini`);
    assert.match(mails[0]?.text ?? '', /belum mendapat tanggapan pertama/);
    assert.ok(!(mails[0]?.text ?? '').includes(citizen.name), 'the citizen is not named');
  });
});

/** A question from `email`. */
function questionFor(email: string): Record<string, unknown> {
  return {
    name: citizen.name,
    email,
    category: 'sp2d-pencairan',
    subject: 'Kapan SP2D belanja modal terbit?',
    message: 'SPM kami sudah diajukan. Berapa lama biasanya SP2D terbit?',
    consent: true,
  };
}
