/**
 * Perjaka's third migration: a photo can be marked synthetic, as segments and reports are, so
 * the demo's drawn road photo says what it is in the database too.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `road_report_photos.synthetic` (false for every upload). */
export const syntheticPhotos: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('road_report_photos').addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('road_report_photos').dropColumn('synthetic').execute();
  },
};
