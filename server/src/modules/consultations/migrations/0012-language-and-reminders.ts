/**
 * SIAP's twelfth migration: `language`, the language the citizen asked in (`id` or `en`, the
 * form's), which the mails about the question are written in; and `reminded_at`, when staff
 * were reminded that the question is due (once per question).
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `consultations.language` (default `id`) and `consultations.reminded_at`. */
export const languageAndReminders: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('consultations')
      .addColumn('language', 'text', (c) => c.notNull().defaultTo('id').check(sql`language in ('id', 'en')`))
      .execute();
    await db.schema.alterTable('consultations').addColumn('reminded_at', 'timestamptz').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultations').dropColumn('reminded_at').execute();
    await db.schema.alterTable('consultations').dropColumn('language').execute();
  },
};
