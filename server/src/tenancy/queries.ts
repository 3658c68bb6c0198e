/**
 * Reads of the `opds` table: the agencies one deployment serves, their modules and the
 * websites allowed to call the API for them.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import { moduleNames, type ModuleName, type OpdSettings, type OpdSummary } from '../../../src/schemas/index.js';
import type { Database, OpdRow } from '../db/schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Every OPD, by name. */
export async function listOpds(db: Kysely<Database>): Promise<OpdRow[]> {
  return db.selectFrom('opds').selectAll().orderBy('name').orderBy('slug').execute();
}


/** The modules of an OPD that this version knows (unknown names in the data are skipped). */
export function enabledModules(row: OpdRow): ModuleName[] {
  return row.modules.filter((name): name is ModuleName => (moduleNames as readonly string[]).includes(name));
}

/** An OPD as `GET /api/v1/opds` lists it; `nameEn` only where the OPD gave one. */
export function toOpdSummary(row: OpdRow): OpdSummary {
  return { slug: row.slug, name: row.name, ...(row.name_en ? { nameEn: row.name_en } : {}), modules: enabledModules(row) };
}

/** An OPD as its admins see it (`GET /api/v1/opds/{opd}/settings`). */
export function toOpdSettings(row: OpdRow): OpdSettings {
  return { ...toOpdSummary(row), allowedOrigins: row.allowed_origins, createdAt: row.created_at.toISOString() };
}

/** The modules in `moduleNames` order, each once. */
export function orderedModules(modules: readonly string[]): ModuleName[] {
  return moduleNames.filter((name) => modules.includes(name));
}

/** Each origin once, in the order given. */
export function distinctOrigins(origins: readonly string[]): string[] {
  return [...new Set(origins)];
}

/** What {@link insertOpd} stores. */
export interface NewOpd {
  slug: string;
  name: string;
  nameEn: string | null;
  modules: readonly string[];
  allowedOrigins: readonly string[];
}

/** Adds an OPD; undefined when the slug is taken. */
export async function insertOpd(db: Db, opd: NewOpd, now: Date): Promise<OpdRow | undefined> {
  return db
    .insertInto('opds')
    .values({
      slug: opd.slug,
      name: opd.name,
      name_en: opd.nameEn,
      modules: JSON.stringify(opd.modules),
      allowed_origins: JSON.stringify(opd.allowedOrigins),
      is_demo: false,
      created_at: now,
    })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** The OPD `slug`, locked for a change in this transaction. */
export async function lockOpd(trx: Transaction<Database>, slug: string): Promise<OpdRow | undefined> {
  return trx.selectFrom('opds').selectAll().where('slug', '=', slug).forUpdate().executeTakeFirst();
}

/** What {@link updateOpd} changes; a field left out stays. */
export interface OpdChanges {
  name?: string;
  nameEn?: string | null;
  modules?: readonly string[];
  allowedOrigins?: readonly string[];
}

/** Changes an OPD and answers its new row. */
export async function updateOpd(trx: Transaction<Database>, slug: string, changes: OpdChanges): Promise<OpdRow> {
  return trx
    .updateTable('opds')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.nameEn !== undefined ? { name_en: changes.nameEn } : {}),
      ...(changes.modules !== undefined ? { modules: JSON.stringify(changes.modules) } : {}),
      ...(changes.allowedOrigins !== undefined ? { allowed_origins: JSON.stringify(changes.allowedOrigins) } : {}),
    })
    .where('slug', '=', slug)
    .returningAll()
    .executeTakeFirstOrThrow();
}
