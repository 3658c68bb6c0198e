/**
 * SIAP's third migration: a status change's internal note, kept apart from the note to the
 * citizen (`note`, which the public timeline shows), so staff can write a remark that no
 * public response ever carries.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `consultation_events.internal_note`. */
export const internalNotes: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultation_events').addColumn('internal_note', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultation_events').dropColumn('internal_note').execute();
  },
};
