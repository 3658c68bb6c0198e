/**
 * The spine's fifth migration: the regency's own settings and the audit log's OPD filter.
 * - `regency_settings`: one row (`id = 1`) of settings that are the regency's, not one OPD's:
 *   today the retention period of citizens' contact data (`contact_retention_days`, null: kept
 *   until erased on request), with who changed it last;
 * - `audit_log_opd`: the audit log read per OPD, newest first (`GET /api/v1/audit?opd=`).
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../migrate.js';

/** Creates `regency_settings` with its one row, and indexes the audit log by OPD. */
export const regencySettings: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('regency_settings')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('contact_retention_days', 'integer', (c) => c.check(sql`contact_retention_days between 1 and 36500`))
      .addColumn('updated_at', 'timestamptz')
      .addColumn('updated_by', 'text')
      .execute();
    await sql`insert into regency_settings (id) values (1)`.execute(db);
    await db.schema.createIndex('audit_log_opd').on('audit_log').columns(['opd_slug', 'at', 'id']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('audit_log_opd').execute();
    await db.schema.dropTable('regency_settings').execute();
  },
};
