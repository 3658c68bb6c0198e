/**
 * Perjaka's first migration: the road network (segments by decree number), condition surveys,
 * handling works and targets. Plain PostgreSQL (no PostGIS): geometry is GeoJSON in `jsonb`.
 * Whole numbers only — metres, centimetres, hundredths of a percent, rupiah — so sums are exact.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates `road_networks`, `road_segments`, `road_surveys`, `road_works` and `road_targets`. */
export const roadNetworkTables: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('road_networks')
      .addColumn('opd_slug', 'text', (c) => c.primaryKey().references('opds.slug').onDelete('cascade'))
      .addColumn('decree', 'text')
      .addColumn('note', 'text')
      .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('bounds', 'jsonb')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('road_segments')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('number', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kecamatan', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
      .addColumn('length_m', 'integer', (c) => c.notNull().check(sql`length_m > 0`))
      .addColumn('surface', 'text', (c) => c.notNull().check(sql`surface in ('aspal', 'beton', 'kerikil', 'tanah')`))
      .addColumn('width_cm', 'integer', (c) => c.check(sql`width_cm > 0`))
      .addColumn('geometry', 'jsonb')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addUniqueConstraint('road_segments_opd_number_key', ['opd_slug', 'number'])
      .execute();

    await db.schema
      .createTable('road_surveys')
      .addColumn('segment_id', 'integer', (c) => c.notNull().references('road_segments.id').onDelete('cascade'))
      .addColumn('opd_slug', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('length_m', 'integer', (c) => c.notNull().check(sql`length_m > 0`))
      .addColumn('baik_m', 'integer', (c) => c.notNull().check(sql`baik_m >= 0`))
      .addColumn('sedang_m', 'integer', (c) => c.notNull().check(sql`sedang_m >= 0`))
      .addColumn('rusak_ringan_m', 'integer', (c) => c.notNull().check(sql`rusak_ringan_m >= 0`))
      .addColumn('rusak_berat_m', 'integer', (c) => c.notNull().check(sql`rusak_berat_m >= 0`))
      .addColumn('note', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('road_surveys_pkey', ['segment_id', 'year'])
      // The classes cover the segment exactly: the handlers check it against the segment's
      // length and name the segment; this keeps any other writer (psql, a later route) honest.
      .addCheckConstraint('road_surveys_sum_check', sql`baik_m + sedang_m + rusak_ringan_m + rusak_berat_m = length_m`)
      .execute();
    await db.schema.createIndex('road_surveys_opd_year_idx').on('road_surveys').columns(['opd_slug', 'year']).execute();

    await db.schema
      .createTable('road_works')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('opd_slug', 'text', (c) => c.notNull())
      .addColumn('segment_id', 'integer', (c) => c.notNull().references('road_segments.id').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rutin', 'berkala', 'rehabilitasi', 'rekonstruksi')`))
      .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'ongoing', 'done')`))
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('budget_rupiah', 'bigint', (c) => c.check(sql`budget_rupiah >= 0`))
      .addColumn('contractor', 'text')
      .addColumn('start_on', 'date')
      .addColumn('end_on', 'date')
      .addColumn('length_m', 'integer', (c) => c.check(sql`length_m > 0`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_at', 'timestamptz')
      .addCheckConstraint('road_works_dates_check', sql`end_on is null or start_on is null or end_on >= start_on`)
      .execute();
    await db.schema.createIndex('road_works_opd_year_idx').on('road_works').columns(['opd_slug', 'year desc', 'id desc']).execute();
    await db.schema.createIndex('road_works_segment_idx').on('road_works').column('segment_id').execute();

    await db.schema
      .createTable('road_targets')
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade'))
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('percent_hundredths', 'integer', (c) => c.notNull().check(sql`percent_hundredths between 0 and 10000`))
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .addPrimaryKeyConstraint('road_targets_pkey', ['opd_slug', 'year'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('road_targets').execute();
    await db.schema.dropTable('road_works').execute();
    await db.schema.dropTable('road_surveys').execute();
    await db.schema.dropTable('road_segments').execute();
    await db.schema.dropTable('road_networks').execute();
  },
};
