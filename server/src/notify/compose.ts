/**
 * Mails as the modules write them: {@link renderMail} turns a few blocks (greeting,
 * paragraphs, a code to keep, a quoted text, a footer) into the plain text and the HTML of one
 * mail, escaped; {@link queueMails} stores mails to be sent, in the caller's transaction (a
 * module's `onEvents` or job), once per (event, template, recipient).
 *
 * Modules keep their own wording (SIAP's mails are in `modules/consultations/mail.ts`); the
 * spine knows no module.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import { notifyDb } from './tables.js';

/** The blocks of one mail, in the citizen's (or staff's) language. */
export interface MailContent {
  /** The subject line. */
  subject: string;
  /** The first line: `Yth. Bapak/Ibu,` / `Dear citizen,`. */
  greeting: string;
  /** Paragraphs before the code. */
  intro: readonly string[];
  /** A code to keep, shown large (after the quote): `{ label: 'Kode pelacakan', value: 'SIAP-…' }`. */
  code?: { label: string; value: string };
  /** A text quoted as it is (the staff's answer), with its label. */
  quote?: { label: string; text: string };
  /** Paragraphs after the code and the quote. */
  outro: readonly string[];
  /** The sign-off line: the OPD's name. */
  signature: string;
  /** A small last line: why the mail came. */
  footer: string;
}

/** One rendered mail. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe inside HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** A paragraph of HTML: escaped, line breaks kept. */
function paragraph(text: string, style = 'margin:0 0 16px'): string {
  return `<p style="${style}">${escapeHtml(text).replace(/\r?\n/g, '<br>')}</p>`;
}

/** The plain text and the HTML of `content` (see {@link MailContent}). */
export function renderMail(content: MailContent, language: 'id' | 'en'): RenderedMail {
  const text = [
    content.greeting,
    ...content.intro,
    ...(content.quote ? [`${content.quote.label}:\n\n${content.quote.text.replace(/^/gm, '> ')}`] : []),
    ...(content.code ? [`${content.code.label}: ${content.code.value}`] : []),
    ...content.outro,
    content.signature,
    `-- \n${content.footer}`,
  ].join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f4f5f7">',
    '<div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2933">',
    '<div style="background:#ffffff;border-radius:8px;padding:24px">',
    paragraph(content.greeting),
    ...content.intro.map((line) => paragraph(line)),
    content.quote
      ? `<p style="margin:0 0 8px"><strong>${escapeHtml(content.quote.label)}</strong></p><blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #0b6e4f;background:#f0f7f4">${paragraph(content.quote.text, 'margin:0')}</blockquote>`
      : '',
    content.code
      ? `<p style="margin:0 0 16px">${escapeHtml(content.code.label)}:<br><strong style="display:inline-block;margin-top:4px;padding:8px 12px;border:1px solid #cbd2d9;border-radius:6px;font-family:'Courier New',monospace;font-size:20px;letter-spacing:1px">${escapeHtml(content.code.value)}</strong></p>`
      : '',
    ...content.outro.map((line) => paragraph(line)),
    paragraph(content.signature, 'margin:0'),
    '</div>',
    paragraph(content.footer, 'margin:16px 0 0;font-size:13px;color:#52606d'),
    '</div></body></html>',
  ].join('');
  return { subject: content.subject, text, html };
}

/** A mail to store for sending. */
export interface QueuedMail {
  /** The outbox event it serves (null: none, e.g. a reminder); with template and recipient it is unique. */
  eventId: number | null;
  /** Which mail (`consultation.received`). */
  template: string;
  /** The OPD whose case it is. */
  opd: string;
  /** The case, as staff know it (a tracking code). */
  about: string | null;
  /** The address. */
  recipient: string;
  /** The language it is written in. */
  language: 'id' | 'en';
  /** What {@link renderMail} made. */
  mail: RenderedMail;
  /** When it was made and is due (default: the `now` it is queued with), e.g. its event's time. */
  at?: Date;
}

/**
 * Stores `mails` to be sent (state `pending`, due now) in one statement, in the caller's
 * transaction; a mail the same event already made for the same address is skipped. Answers how
 * many were stored.
 */
export async function queueMails(
  trx: Kysely<Database> | Transaction<Database>,
  mails: readonly QueuedMail[],
  now: Date,
): Promise<number> {
  if (mails.length === 0) return 0;
  const inserted = await notifyDb(trx as Kysely<Database>)
    .insertInto('mail_messages')
    .values(
      mails.map((mail) => ({
        event_id: mail.eventId,
        template: mail.template,
        opd_slug: mail.opd,
        about: mail.about,
        recipient: mail.recipient,
        language: mail.language,
        subject: mail.mail.subject,
        text_body: mail.mail.text,
        html_body: mail.mail.html,
        token: randomBytes(9).toString('base64url'),
        next_attempt_at: mail.at ?? now,
        created_at: mail.at ?? now,
      })),
    )
    .onConflict((oc) => oc.columns(['event_id', 'template', 'recipient']).doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/** Stores one mail (see {@link queueMails}); answers false when the same event already made it for this address. */
export async function queueMail(trx: Kysely<Database> | Transaction<Database>, mail: QueuedMail, now: Date): Promise<boolean> {
  return (await queueMails(trx, [mail], now)) === 1;
}
