/**
 * The demo seed (`SEED=demo`): each module adds its own DEMO data for Kabupaten Lahat, in
 * registry order, in one transaction. Every module's seed adds only what is not there yet,
 * so a demo database started by a newer version gains the new modules' demo data.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import type { ServerModule } from './http/module.js';
import { DEFAULT_TIME_ZONE, type IndonesianTimeZone } from '../../src/schemas/index.js';

/** What one seeding run added, by module and kind, e.g. `{ tenancy: { opds: 8 }, siap: { consultations: 5 } }`. */
export type SeedReport = Record<string, Record<string, number>>;

/** Runs every module's demo seed. */
export async function seedDemo<DB extends Database>(
  db: Kysely<DB>,
  modules: readonly ServerModule[],
  now: Date = new Date(),
  timeZone: IndonesianTimeZone = DEFAULT_TIME_ZONE,
): Promise<SeedReport> {
  // Every module's view of the database holds the spine's tables: each seed gets the spine's view.
  return (db as unknown as Kysely<Database>).transaction().execute(async (trx) => {
    const report: SeedReport = {};
    for (const module of modules) {
      if (module.seed) report[module.id] = await module.seed(trx, { now, timeZone });
    }
    return report;
  });
}

/**
 * True when demo data may go in: the database holds no agency that is not demo data. A
 * database with real agencies is never seeded, whatever `SEED` says.
 */
export async function mayHoldDemoData(db: Kysely<Database>): Promise<boolean> {
  const real = await db.selectFrom('opds').select('slug').where('is_demo', '=', false).limit(1).executeTakeFirst();
  return real === undefined;
}

/** The report as one log phrase: `8 opds, 5 consultations` (kinds with nothing added left out), or `nothing new`. */
export function describeSeed(report: SeedReport): string {
  const parts = Object.values(report).flatMap((counts) => Object.entries(counts).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`));
  return parts.length > 0 ? parts.join(', ') : 'nothing new';
}
