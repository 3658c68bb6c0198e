/**
 * Reads of the `opds` table: the agencies one deployment serves, their modules and the
 * websites allowed to call the API for them.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import { moduleNames, type ModuleName, type OpdSummary } from '../../../src/schemas/index.js';
import type { Database, OpdRow } from '../db/schema.js';

/** Every OPD, by name. */
export async function listOpds(db: Kysely<Database>): Promise<OpdRow[]> {
  return db.selectFrom('opds').selectAll().orderBy('name').orderBy('slug').execute();
}

/** One OPD by slug, or undefined. */
export async function findOpd(db: Kysely<Database>, slug: string): Promise<OpdRow | undefined> {
  return db.selectFrom('opds').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** The origins allowed to call the routes that are not about one OPD: every OPD's. */
export async function allowedOriginsFor(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom('opds').select('allowed_origins').execute();
  return new Set(rows.flatMap((row) => row.allowed_origins));
}

/** The modules of an OPD that this version knows (unknown names in the data are skipped). */
function enabledModules(row: OpdRow): ModuleName[] {
  return row.modules.filter((name): name is ModuleName => (moduleNames as readonly string[]).includes(name));
}

/** An OPD as `GET /api/v1/opds` lists it; `nameEn` only where the OPD gave one. */
export function toOpdSummary(row: OpdRow): OpdSummary {
  return { slug: row.slug, name: row.name, ...(row.name_en ? { nameEn: row.name_en } : {}), modules: enabledModules(row) };
}


