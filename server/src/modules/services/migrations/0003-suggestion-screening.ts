/**
 * Layanan's third migration: a survey suggestion is screened once for contact details after the
 * regency's retention period (`survey_responses.suggestion_screened`), so each run of the
 * retention job looks only at suggestions it has not screened yet.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `survey_responses.suggestion_screened` (false for every response so far). */
export const suggestionScreening: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('survey_responses').addColumn('suggestion_screened', 'boolean', (c) => c.notNull().defaultTo(false)).execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('survey_responses').dropColumn('suggestion_screened').execute();
  },
};
