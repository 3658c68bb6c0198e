/**
 * SIAP's fifth migration: the consent sentence the form showed the citizen is kept with the
 * question (`consultations.consent_text`), next to when they agreed (`consent_at`), so staff
 * and an audit can tell exactly what was agreed to (UU 27/2022). Questions from before have none.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Adds `consultations.consent_text` (null: the form sent none). */
export const consentText: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultations').addColumn('consent_text', 'text').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('consultations').dropColumn('consent_text').execute();
  },
};
