/**
 * Migrations per module, on both stores: the spine's first, then each module's in registry
 * order, each module's own in name order. What ran is kept in `opd_migrations`
 * (module, name); an advisory lock makes instances starting together take turns, and each
 * migration runs in its own transaction with its ledger row, so a failure leaves nothing
 * half-applied.
 *
 * Why not kysely's `Migrator`: it orders one flat list by name, so a spine migration added
 * later would sort before a module's that already ran; here order is per module.
 *
 * @module
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** A migration of the spine or of a module. */
export interface ModuleMigration extends Migration {
  /**
   * The name under which a database made before per-module migrations ran this work through
   * kysely's migrator (`kysely_migration`); such a database records it as done without running it.
   */
  legacy?: string;
}

/** The migrations of one module (or the spine), by name. */
export interface MigrationSet {
  /** The module's id, e.g. `spine` or `siap`. */
  module: string;
  migrations: Readonly<Record<string, ModuleMigration>>;
}

/** A migration that failed: which one, and the database's reason. */
export class MigrationError extends Error {
  /** `module/name`, e.g. `siap/0001-consultations`. */
  readonly migration: string;

  constructor(migration: string, cause: unknown) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'MigrationError';
    this.migration = migration;
  }
}

/** Any 64-bit number no other part takes: the advisory lock of migrations. */
const MIGRATION_LOCK = 730_215_001;

/** Runs every migration not yet applied; returns what ran as `module/name`. Throws a {@link MigrationError}. */
export async function migrate(db: Kysely<unknown>, sets: readonly MigrationSet[]): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      await sql`
        create table if not exists opd_migrations (
          module text not null,
          name text not null,
          applied_at timestamptz not null default now(),
          primary key (module, name)
        )`.execute(conn);
      const done = new Set(
        (await sql<{ id: string }>`select module || '/' || name as id from opd_migrations`.execute(conn)).rows.map(
          (row) => row.id,
        ),
      );
      const legacy = await legacyMigrations(conn);
      const ran: string[] = [];
      for (const set of sets) {
        for (const name of Object.keys(set.migrations).sort()) {
          const id = `${set.module}/${name}`;
          if (done.has(id)) continue;
          const migration = set.migrations[name] as ModuleMigration;
          try {
            await conn.transaction().execute(async (trx) => {
              if (!(migration.legacy && legacy.has(migration.legacy))) await migration.up(trx);
              await sql`insert into opd_migrations (module, name) values (${set.module}, ${name})`.execute(trx);
            });
          } catch (error) {
            throw new MigrationError(id, error);
          }
          ran.push(id);
        }
      }
      return ran;
    } finally {
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}

/** The names kysely's migrator recorded, in a database made before per-module migrations. */
async function legacyMigrations(db: Kysely<unknown>): Promise<Set<string>> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass('kysely_migration') is not null as present`.execute(db);
  if (!rows[0]?.present) return new Set();
  const names = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  return new Set(names.rows.map((row) => row.name));
}
