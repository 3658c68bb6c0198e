/**
 * SIAP's eighth migration: a category the OPD's admin removed while consultations use it is
 * retired (`consultation_categories.retired_at`), not deleted: the form stops offering it,
 * every view still names it.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `consultation_categories.retired_at` (null: offered by the form). */
export const retiredCategories: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultation_categories').addColumn('retired_at', 'timestamptz').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultation_categories').dropColumn('retired_at').execute();
  },
};
