/**
 * The notifications' table as kysely sees it, joined to the spine's with `db.withTables<NotifyTables>()`.
 *
 * @module
 */
import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, NullableTimestamp, Timestamp } from '../db/schema.js';

/** What a mail is doing: waiting, being sent, sent, waiting for another try after a failure, given up. */
export type MailState = 'pending' | 'sending' | 'sent' | 'failed' | 'dead';

/** `mail_messages`: one mail, its content as rendered when it was decided, and its delivery. */
export interface MailMessagesTable {
  id: Generated<number>;
  /** The outbox event it serves; null for mails no event made (staff reminders). */
  event_id: number | null;
  /** Which mail: `consultation.received`, `consultation.answered`, `consultation.due-soon`. */
  template: string;
  /** The OPD whose case it is about (staff see their OPD's). */
  opd_slug: string;
  /** The case it is about, as staff know it (a tracking code). */
  about: string | null;
  /** The address; null once erased. */
  recipient: string | null;
  language: 'id' | 'en';
  subject: string;
  text_body: string;
  html_body: string;
  /** Random: with the sender's domain it makes the mail's stable `Message-ID`. */
  token: string;
  state: ColumnType<MailState, MailState | undefined, MailState>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  /** While `sending`: until when the sending run holds it. */
  lease_until: NullableTimestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
  /** When the address and content were erased (on request or after the retention period). */
  erased_at: NullableTimestamp;
}

/** The notifications' tables. */
export type NotifyTables = { mail_messages: MailMessagesTable };

/** The database (or a transaction) with `mail_messages` in view. */
export function notifyDb(db: Transaction<Database>): Transaction<Database & NotifyTables>;
export function notifyDb(db: Kysely<Database>): Kysely<Database & NotifyTables>;
export function notifyDb(db: Kysely<Database>): Kysely<Database & NotifyTables> {
  return db.withTables<NotifyTables>();
}

/** A `mail_messages` row as read. */
export type MailRow = Selectable<MailMessagesTable>;
