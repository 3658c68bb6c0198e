/**
 * SIAP's fourth migration: a consultation category may have an English name too
 * (`consultation_categories.name_en`, shown by the widgets with `lang="en"`).
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `consultation_categories.name_en` (null: no English name, show `name`). */
export const categoryEnglishNames: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultation_categories').addColumn('name_en', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultation_categories').dropColumn('name_en').execute();
  },
};
