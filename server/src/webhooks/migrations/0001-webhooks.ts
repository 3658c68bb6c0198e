/**
 * The webhooks' first migration: subscriptions per OPD (address, topics or all, on or off,
 * secret) and deliveries (one per event and subscription, unique, with the state, attempts,
 * the next attempt's time, a lease and the last attempt's outcome).
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../db/migrate.js';

/** Creates the webhooks' tables and indexes. */
export const webhookTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('webhook_subscriptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('topics', 'jsonb')
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('secret', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('webhook_subscriptions_opd_idx').on('webhook_subscriptions').columns(['opd_slug', 'created_at']).execute();

    await db.schema
      .createTable('webhook_deliveries')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('subscription_id', 'text', (c) => c.notNull().references('webhook_subscriptions.id').onDelete('cascade'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('topic', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull().defaultTo('pending').check(sql`state in ('pending', 'failed', 'delivered', 'dead')`))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'timestamptz')
      .addColumn('lease_until', 'timestamptz')
      .addColumn('last_attempt_at', 'timestamptz')
      .addColumn('last_status', 'integer')
      .addColumn('last_duration_ms', 'integer')
      .addColumn('last_error', 'text')
      .addColumn('last_response', 'text', (c) => c.check(sql`octet_length(last_response) <= 1024`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addUniqueConstraint('webhook_deliveries_event_subscription_key', ['event_id', 'subscription_id'])
      .execute();
    await sql`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where state in ('pending', 'failed')`.execute(db);
    await db.schema.createIndex('webhook_deliveries_log_idx').on('webhook_deliveries').columns(['subscription_id', 'created_at', 'id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('webhook_deliveries').execute();
    await db.schema.dropTable('webhook_subscriptions').execute();
  },
};
