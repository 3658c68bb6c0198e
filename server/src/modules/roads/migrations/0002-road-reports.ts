/**
 * Perjaka's second migration: citizens' damage reports (Open311 service requests), the
 * services they are filed under, their photos (bytes in the database, so every instance
 * serves them), stakeholders' updates and the Open311 API keys (kept as SHA-256 only).
 *
 * A report's `status` (open, closed) and `resolution` are separate columns: closed is not fixed.
 * The reporter's contact lives in `reporter_*` columns that no public view reads.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates `road_report_services`, `road_report_photos`, `road_reports`, `road_report_updates` and `open311_api_keys`. */
export const roadReportTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('road_report_services')
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('group_name', 'text', (c) => c.notNull())
      .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('notice', 'text')
      .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
      .addPrimaryKeyConstraint('road_report_services_pkey', ['opd_slug', 'code'])
      .execute();

    await db.schema
      .createTable('road_report_photos')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('media_type', 'text', (c) => c.notNull().check(sql`media_type in ('image/jpeg', 'image/png', 'image/webp')`))
      .addColumn('data', 'bytea', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('byte_size', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('open311_api_keys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('app', 'camat', 'kepala_desa', 'kontraktor', 'pengawas', 'petugas')`))
      .addColumn('key_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('revoked_at', 'timestamptz')
      .addColumn('last_used_at', 'timestamptz')
      .execute();

    await db.schema
      .createTable('road_reports')
      .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('service_code', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
      .addColumn('resolution', 'text', (c) =>
        c.check(sql`resolution in ('fixed', 'scheduled', 'duplicate', 'not_regency_road', 'not_found', 'no_action')`),
      )
      .addColumn('status_notes', 'text')
      .addColumn('description', 'text')
      .addColumn('address', 'text')
      .addColumn('address_id', 'text')
      .addColumn('lat', 'double precision')
      .addColumn('lon', 'double precision')
      .addColumn('photo_id', 'text', (c) => c.references('road_report_photos.id').onDelete('set null'))
      .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
      .addColumn('segment_id', 'integer', (c) => c.references('road_segments.id').onDelete('set null'))
      .addColumn('segment_distance_m', 'integer')
      .addColumn('duplicate_of', 'bigint', (c) => c.references('road_reports.id').onDelete('set null'))
      .addColumn('possible_duplicates', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('reporter_first_name', 'text')
      .addColumn('reporter_last_name', 'text')
      .addColumn('reporter_email', 'text')
      .addColumn('reporter_phone', 'text')
      .addColumn('reporter_device_id', 'text')
      .addColumn('consent_at', 'timestamptz')
      .addColumn('api_key_id', 'text', (c) => c.references('open311_api_keys.id').onDelete('set null'))
      .addColumn('description_hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('public_description', 'text')
      .addColumn('photo_hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('address_hidden', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('moderation_reason', 'text')
      .addColumn('moderated_at', 'timestamptz')
      .addColumn('moderated_by', 'text')
      .addColumn('expected_at', 'timestamptz')
      .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
      // Exactly one location was given: a point, an address or an address id.
      .addCheckConstraint('road_reports_location_check', sql`(lat is not null and lon is not null) or address is not null or address_id is not null`)
      .execute();
    // Ids start at 1001: a tracking number a citizen reads out is never a lone digit.
    await sql`alter table road_reports alter column id restart with 1001`.execute(db);
    await db.schema.createIndex('road_reports_opd_requested_idx').on('road_reports').columns(['opd_slug', 'requested_at desc', 'id desc']).execute();
    await db.schema.createIndex('road_reports_open_service_idx').on('road_reports').columns(['opd_slug', 'service_code', 'status']).execute();

    await db.schema
      .createTable('road_report_updates')
      .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('report_id', 'bigint', (c) => c.notNull().references('road_reports.id').onDelete('cascade'))
      .addColumn('opd_slug', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
      .addColumn('resolution', 'text')
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('photo_id', 'text', (c) => c.references('road_report_photos.id').onDelete('set null'))
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('camat', 'kepala_desa', 'kontraktor', 'pengawas', 'petugas')`))
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('api_key_id', 'text', (c) => c.references('open311_api_keys.id').onDelete('set null'))
      .addColumn('staff_id', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('road_report_updates_report_idx').on('road_report_updates').columns(['report_id', 'id']).execute();
    await db.schema.createIndex('road_report_updates_opd_created_idx').on('road_report_updates').columns(['opd_slug', 'created_at']).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('road_report_updates').execute();
    await db.schema.dropTable('road_reports').execute();
    await db.schema.dropTable('open311_api_keys').execute();
    await db.schema.dropTable('road_report_photos').execute();
    await db.schema.dropTable('road_report_services').execute();
  },
};
