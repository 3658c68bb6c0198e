/**
 * SIAP's seventh migration: each OPD's reusable answers (`consultation_answer_templates`),
 * titles unique within the OPD regardless of case.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Creates `consultation_answer_templates`. */
export const answerTemplates: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('consultation_answer_templates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('opd_slug', 'text', (c) => c.notNull().references('opds.slug').onDelete('cascade').onUpdate('cascade'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();
    await sql`create unique index consultation_answer_templates_title_idx
      on consultation_answer_templates (opd_slug, lower(title))`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('consultation_answer_templates').execute();
  },
};
