/**
 * The jobs' first migration: `job_leases`, one row per job name. A run holds the row's lease
 * (`holder`, `lease_until`, renewed while it runs), so a job runs at most once at a time across
 * every instance on one database; the same row keeps the last run's outcome for `/healthz`.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../db/migrate.js';

/** Creates `job_leases`. */
export const jobLeases: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('job_leases')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('holder', 'text')
      .addColumn('lease_until', 'timestamptz', (c) => c.notNull().defaultTo(sql`'-infinity'`))
      .addColumn('last_started_at', 'timestamptz')
      .addColumn('last_finished_at', 'timestamptz')
      .addColumn('last_duration_ms', 'integer')
      .addColumn('last_outcome', 'text')
      .addColumn('last_error', 'text')
      .addColumn('last_counts', 'jsonb')
      .addColumn('next_run_at', 'timestamptz')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('job_leases').execute();
  },
};
