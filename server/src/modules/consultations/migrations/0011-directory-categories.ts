/**
 * SIAP's eleventh migration: `GET /api/v1/opds/{opd}` carries the OPD's consultation
 * categories, and every instance keeps that answer in memory (`tenancy/directory.ts`), so a
 * change of `consultation_categories` raises the spine's `directory_version` like a change of
 * `opds` does: added, renamed, reordered or retired categories reach every form within a moment.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import { unwatchForOpdDirectory, watchForOpdDirectory } from '../../../db/migrations/0007-directory-version.js';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Puts the OPD directory's trigger on `consultation_categories`. */
export const directoryCategories: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await watchForOpdDirectory(db, 'consultation_categories');
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await unwatchForOpdDirectory(db, 'consultation_categories');
  },
};
