/**
 * The spine's seventh migration: a version number of the directory — the public, rarely
 * changing data nearly every request reads (the OPDs, what their widgets are told, the
 * regency's days off) — so every instance can keep it in memory and know within a moment when
 * it changed (`tenancy/directory.ts`).
 *
 * - `directory_version`: one row (`id = 1`) whose `version` goes up with every statement that
 *   changes a table the OPD directory is built from (`tenancy/directory.ts`);
 * - `directory_changed()`: the trigger function that raises it, in the changing transaction,
 *   so the new version is seen exactly when the change is;
 * - the trigger on `opds` and on `holidays`. A module whose `opdView` reads a table of its own
 *   puts the same trigger on it in a migration of its own ({@link watchForOpdDirectory}).
 *
 * A trigger, not a call in each route: a change made by the admin CLI, a seed, an operator in
 * `psql` or a route added later is seen as well.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../migrate.js';

/**
 * Puts the directory's trigger on `table`: every insert, update, delete or truncate of it
 * raises `directory_version` (once per statement, however many rows it changes).
 */
export async function watchForOpdDirectory(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`
    create trigger ${sql.id(`${table}_opd_directory`)}
    after insert or update or delete or truncate on ${sql.table(table)}
    for each statement execute function directory_changed()`.execute(db);
}

/** Stops watching `table` (the down of {@link watchForOpdDirectory}). */
export async function unwatchForOpdDirectory(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`drop trigger if exists ${sql.id(`${table}_opd_directory`)} on ${sql.table(table)}`.execute(db);
}

/** Creates the version row, its trigger function and the triggers on `opds` and `holidays`. */
export const directoryVersion: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('directory_version')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('version', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into directory_version (id, version) values (1, 1)`.execute(db);
    await sql`
      create function directory_changed() returns trigger language plpgsql as $$
      begin
        update directory_version set version = version + 1 where id = 1;
        return null;
      end
      $$`.execute(db);
    await watchForOpdDirectory(db, 'opds');
    await watchForOpdDirectory(db, 'holidays');
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await unwatchForOpdDirectory(db, 'holidays');
    await unwatchForOpdDirectory(db, 'opds');
    await sql`drop function if exists directory_changed()`.execute(db);
    await db.schema.dropTable('directory_version').execute();
  },
};
