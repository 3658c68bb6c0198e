/**
 * Every migration, in order. A new migration is a new file here and one line below;
 * names sort in the order they run. No file scanning: the list is the code.
 *
 * @module
 */
import type { Migration, MigrationProvider } from 'kysely';
import { foundation } from './0001-foundation.js';

/** The migrations by name. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
};

/** A kysely migration provider over {@link migrations}. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
