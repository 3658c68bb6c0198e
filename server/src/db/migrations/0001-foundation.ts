/**
 * The spine's first migration: tenancy (opds), idempotency keys, rate-limit counters, the
 * audit log and the outbox. Every timestamp is `timestamptz`.
 *
 * A database made before modules had their own migrations ran one `0001-foundation` that
 * also made SIAP's tables; this migration and SIAP's first one both adopt it (`legacy`).
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../migrate.js';

/** Creates the spine's tables. */
export const foundation: ModuleMigration = {
  legacy: '0001-foundation',
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('opds')
      .addColumn('slug', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('modules', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('allowed_origins', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
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
    for (const table of ['outbox', 'audit_log', 'rate_limits', 'idempotency_keys', 'opds']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
