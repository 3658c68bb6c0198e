/**
 * The notifications' first migration: `mail_messages`, one row per mail to send, written in the
 * transaction that hands out the outbox event it serves (or that decides a reminder). Unique on
 * (event, template, recipient), so an event dispatched twice cannot make a mail twice.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../db/migrate.js';

/** Creates `mail_messages` and the index the sender claims from. */
export const mailMessages: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('mail_messages')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('event_id', 'integer')
      .addColumn('template', 'text', (c) => c.notNull())
      .addColumn('opd_slug', 'text', (c) => c.notNull())
      .addColumn('about', 'text')
      .addColumn('recipient', 'text')
      .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('id', 'en')`))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('text_body', 'text', (c) => c.notNull())
      .addColumn('html_body', 'text', (c) => c.notNull())
      .addColumn('token', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'sending', 'sent', 'failed', 'dead')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
      .addColumn('lease_until', 'timestamptz')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz')
      .addColumn('erased_at', 'timestamptz')
      .addUniqueConstraint('mail_messages_once', ['event_id', 'template', 'recipient'])
      .execute();
    await sql`create index mail_messages_due_idx on mail_messages (next_attempt_at, id) where state in ('pending', 'failed', 'sending')`.execute(db);
    await db.schema.createIndex('mail_messages_opd_idx').on('mail_messages').columns(['opd_slug', 'state', 'id']).execute();
    await db.schema.createIndex('mail_messages_recipient_idx').on('mail_messages').column('recipient').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('mail_messages').execute();
  },
};
