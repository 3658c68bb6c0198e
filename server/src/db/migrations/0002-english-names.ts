/**
 * The spine's second migration: an OPD may give its name in English too (`opds.name_en`,
 * shown by the widgets with `lang="en"`; the official Indonesian `name` stays what it was).
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../migrate.js';

/** Adds `opds.name_en` (null: no English name, show `name`). */
export const englishNames: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('opds').addColumn('name_en', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('opds').dropColumn('name_en').execute();
  },
};
