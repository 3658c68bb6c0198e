/**
 * The `mail-send` job: sends the due mails of `mail_messages` through `SMTP_URL` (nodemailer).
 *
 * - A run claims due mails (`pending`, or `failed` whose next try is due) in id order with
 *   `FOR UPDATE SKIP LOCKED`, marks them `sending` with a lease, sends each, and marks it `sent`.
 *   The job runs once at a time across instances (the scheduler's lease), so a mail still
 *   `sending` when a run starts was left by a run that died: it is sent again. A mail the SMTP
 *   server accepted just before its instance died is therefore sent twice at worst, with the
 *   same `Message-ID` (a stable one per mail) for the receiving side to recognise.
 * - A failure is tried again after {@link RETRY_AFTER_MS} (1 min, 5 min, 30 min, 2 h, 12 h);
 *   after the last the mail is `dead`, shown to staff, who may send it again. A mail the server
 *   refused for good (a 5xx to its recipient or content, {@link refusedForGood}) is `dead` at
 *   once: five more tries over 15 hours would get the same answer.
 * - Without `SMTP_URL` nothing is sent: each waiting mail is logged once per process (its id,
 *   its template and the domain of its address, never the address) and stays `pending`, to be
 *   sent once the server runs with `SMTP_URL`.
 *
 * @module
 */
import nodemailer, { type Transporter } from 'nodemailer';
import { sql } from 'kysely';
import type { JobContext, JobDefinition } from '../jobs/contract.js';
import type { Settings } from '../settings.js';
import { notifyDb, type MailRow } from './tables.js';

/** The waits before the 2nd, 3rd, … try; after the last failure the mail is `dead`. */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;

/** How many tries a mail gets. */
export const MAX_ATTEMPTS = RETRY_AFTER_MS.length + 1;

/** Mails claimed per round. */
const BATCH = 20;

/** Mails sent at once (each over its own SMTP connection). */
const PARALLEL_SENDS = 5;

/** How long a claimed mail is held for its send (longer than nodemailer's timeouts together). */
const SEND_LEASE_MS = 2 * 60_000;

/** The longest error text kept. */
const ERROR_CHARS = 500;

/** The job's name. */
export const MAIL_SEND_JOB = 'mail-send';

/** The domain of an address, all a log line may say of it. */
export function domainOf(address: string | null): string {
  if (!address) return '(erased)';
  const at = address.lastIndexOf('@');
  return at < 0 ? '?' : address.slice(at + 1).replace(/>$/, '').toLowerCase();
}

/** A mail's `Message-ID`: stable across its tries, named after the sender's domain. */
export function messageIdOf(row: Pick<MailRow, 'id' | 'token'>, mailFrom: string): string {
  return `<mail-${row.id}.${row.token}@${domainOf(mailFrom)}>`;
}

const transports = new Map<string, Transporter>();

/** The nodemailer transport of `SMTP_URL`, made once per URL. */
function transportOf(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    transport = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/**
 * The newest mail id this process logged as held for want of `SMTP_URL`, per database: each
 * run logs the pending mails after it, so every held mail is logged once and a demo that never
 * sends keeps one number, not every id, and reads only the new rows.
 */
const heldLogged = new WeakMap<object, number>();

/** When a mail that failed its `attempts`-th try is tried again, or null: dead. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const wait = RETRY_AFTER_MS[attempts - 1];
  return wait === undefined ? null : new Date(now.getTime() + wait);
}

/**
 * Whether the mail server refused a mail for good: a 5xx answer to its recipient or to its
 * content (RFC 5321 §4.2.1: "permanent negative completion"), which the same mail tried again
 * would only get again — a mailbox that does not exist, a message refused as spam. Anything
 * else is tried again: a 4xx, a dropped connection, a time-out, and a refused sign-in or
 * sender, which are the server's settings rather than this mail's and heal once fixed.
 */
export function refusedForGood(error: unknown): boolean {
  const { responseCode, command } = (error ?? {}) as { responseCode?: unknown; command?: unknown };
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600 && (command === 'RCPT TO' || command === 'DATA');
}

/** What one try of a mail came to: `error` null when the server accepted it. */
interface SendResult {
  error: string | null;
  /** The server refused this mail for good ({@link refusedForGood}): no more tries. */
  permanent: boolean;
}

/** Sends one claimed mail. */
async function sendOne(row: MailRow, settings: Settings): Promise<SendResult> {
  if (!row.recipient) return { error: 'the address was erased', permanent: true };
  try {
    await transportOf(settings.smtpUrl as string).sendMail({
      from: settings.mailFrom,
      to: row.recipient,
      subject: row.subject,
      text: row.text_body,
      html: row.html_body,
      messageId: messageIdOf(row, settings.mailFrom),
      headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': row.language },
    });
    return { error: null, permanent: false };
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, ERROR_CHARS) || 'sending failed';
    return { error: message, permanent: refusedForGood(error) };
  }
}

/** One run of the `mail-send` job; see the module comment. */
export async function sendDueMail({ db: spine, settings, now, log, signal }: JobContext): Promise<Record<string, number>> {
  const db = notifyDb(spine);
  if (!settings.smtpUrl) {
    const after = heldLogged.get(spine) ?? 0;
    const waiting = await db
      .selectFrom('mail_messages')
      .select(['id', 'template', 'recipient'])
      .where('state', '=', 'pending')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    for (const row of waiting) {
      log.warn('mail kept, not sent: SMTP_URL is not set', { mail: row.id, template: row.template, domain: domainOf(row.recipient) });
    }
    const last = waiting.at(-1);
    if (last) heldLogged.set(spine, last.id);
    return { held: waiting.length };
  }
  // This job runs once at a time: whatever is `sending` now was left by a run that died.
  const orphans = await db.updateTable('mail_messages').set({ state: 'pending', lease_until: null }).where('state', '=', 'sending').executeTakeFirst();
  const counts = { sent: 0, failed: 0, dead: 0, resumed: Number(orphans.numUpdatedRows) };
  while (!signal.aborted) {
    const at = now();
    const claimed = await db
      .updateTable('mail_messages')
      .set((eb) => ({ state: 'sending', attempts: eb('attempts', '+', 1), lease_until: new Date(at.getTime() + SEND_LEASE_MS) }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('mail_messages')
          .select('id')
          .where('state', 'in', ['pending', 'failed'])
          .where('next_attempt_at', '<=', at)
          .orderBy('id')
          .limit(BATCH)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
    if (claimed.length === 0) break;
    const settle = async (row: MailRow): Promise<void> => {
      const { error, permanent } = await sendOne(row, settings);
      const done = now();
      if (error === null) {
        counts.sent += 1;
        await db.updateTable('mail_messages').set({ state: 'sent', sent_at: done, lease_until: null, last_error: null }).where('id', '=', row.id).execute();
        return;
      }
      const next = permanent ? null : nextAttemptAfter(row.attempts, done);
      if (next) counts.failed += 1;
      else counts.dead += 1;
      await db
        .updateTable('mail_messages')
        .set({ state: next ? 'failed' : 'dead', next_attempt_at: next ?? done, lease_until: null, last_error: error })
        .where('id', '=', row.id)
        .execute();
      log.warn(next ? 'mail not accepted, tried again later' : 'mail not accepted, given up', {
        mail: row.id,
        template: row.template,
        domain: domainOf(row.recipient),
        attempt: row.attempts,
        error,
      });
    };
    // A few connections at once: one slow mail does not hold up the rest.
    const rows = claimed.sort((a, b) => a.id - b.id);
    for (let start = 0; start < rows.length; start += PARALLEL_SENDS) await Promise.all(rows.slice(start, start + PARALLEL_SENDS).map(settle));
    if (claimed.length < BATCH) break;
  }
  return counts;
}

/** Staff's "send again": a failed or dead mail is due now, its tries counted afresh. Answers the row, or undefined. */
export async function retryMail(spine: JobContext['db'], id: number, opd: string | null, now: Date): Promise<MailRow | undefined> {
  let query = notifyDb(spine)
    .updateTable('mail_messages')
    .set({ state: 'pending', attempts: 0, next_attempt_at: now, last_error: sql<string | null>`last_error` })
    .where('id', '=', id)
    .where('state', 'in', ['failed', 'dead'])
    .where('recipient', 'is not', null);
  if (opd !== null) query = query.where('opd_slug', '=', opd);
  return query.returningAll().executeTakeFirst();
}

/** The `mail-send` job: every 5 s, and right after new events. */
export const mailSendJob: JobDefinition = {
  name: MAIL_SEND_JOB,
  everyMs: 5_000,
  wakeOnEvent: true,
  run: sendDueMail,
};
