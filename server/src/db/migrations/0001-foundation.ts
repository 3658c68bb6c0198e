/**
 * The foundation: tenancy (opds), SIAP consultations and their timeline, idempotency keys,
 * rate-limit counters, the audit log and the outbox. Every timestamp is `timestamptz`.
 *
 * @module
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Creates the foundation tables. */
export const foundation: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('opds')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('modules', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('allowed_origins', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('consultation_categories', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('consultations')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('email', 'text')
      .addColumn('phone', 'text')
      .addColumn('category_id', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('consent_at', 'timestamptz', (c) => c.notNull())
      .addColumn('status', 'text', (c) =>
        c.notNull().check(sql`status in ('received', 'in_progress', 'answered', 'closed')`),
      )
      .addColumn('submitted_at', 'timestamptz', (c) => c.notNull())
      .addColumn('due_at', 'timestamptz', (c) => c.notNull())
      .addColumn('first_response_at', 'timestamptz')
      .addColumn('answer_text', 'text')
      .addColumn('answered_at', 'timestamptz')
      .addColumn('answered_by', 'text')
      .addCheckConstraint('consultations_contact_check', sql`email is not null or phone is not null`)
      .execute();
    await db.schema
      .createIndex('consultations_opd_submitted_idx')
      .on('consultations')
      .columns(['opd_slug', 'submitted_at desc', 'id desc'])
      .execute();

    await db.schema
      .createTable('consultation_events')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('consultation_id', 'integer', (c) =>
        c.notNull().references('consultations.id').onDelete('cascade'),
      )
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_events_consultation_idx')
      .on('consultation_events')
      .columns(['consultation_id', 'at', 'id'])
      .execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('response_status', 'integer')
      .addColumn('response_body', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pkey', ['scope', 'key'])
      .execute();

    await db.schema
      .createTable('rate_limits')
      .addColumn('bucket', 'text', (c) => c.notNull())
      .addColumn('window_start', 'timestamptz', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('rate_limits_pkey', ['bucket', 'window_start'])
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .execute();
    await db.schema.createIndex('audit_log_subject_idx').on('audit_log').columns(['subject', 'at']).execute();

    await db.schema
      .createTable('outbox')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('payload', 'jsonb', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('sent_at', 'timestamptz')
      .execute();
    await sql`create index outbox_unsent_idx on outbox (created_at) where sent_at is null`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of ['outbox', 'audit_log', 'rate_limits', 'idempotency_keys', 'consultation_events', 'consultations', 'opds']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
