/**
 * SIAP's sixth migration, for the staff console: who handles a consultation
 * (`consultations.assigned_to`, a staff user's id) and internal notes written without a
 * status change (`consultation_notes`), kept apart from the timeline the public view is made of.
 *
 * Staff user ids are not foreign keys: users are disabled, never deleted, and a note or an
 * assignment names the person it was given to even after they left.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `consultations.assigned_to` and creates `consultation_notes`. */
export const assigneesAndNotes: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultations').addColumn('assigned_to', 'text').execute();
    await db.schema
      .createTable('consultation_notes')
      .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      .addColumn('consultation_id', 'integer', (c) => c.notNull().references('consultations.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('at', 'timestamptz', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultation_notes_consultation_idx')
      .on('consultation_notes')
      .columns(['consultation_id', 'at', 'id'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('consultation_notes').execute();
    await db.schema.alterTable('consultations').dropColumn('assigned_to').execute();
  },
};
