/**
 * The directory's search: Indonesian full text over each service's standard in force — the
 * name (weight A), the requirements and the product (B), the summary (C) — on both stores, the
 * innovation catalogue's way (`server/src/db/indonesian-search.ts`: words not stems, prefixes,
 * small typos through the `service_words` vocabulary, every word must match, whole words above
 * prefixes, then the name above the rest). Filters: OPD, category, online, free. Best match
 * first when searched; by OPD and name otherwise.
 *
 * @module
 */
import { sql, type SqlBool } from 'kysely';
import type { ServiceCategory } from '../../../../src/schemas/services.js';
import { matchesAll, rankOf, searchTerms } from '../../db/indonesian-search.js';
import { decodeKey, pageBy } from '../../http/cursor.js';
import { inForceVersions, type VersionRow } from './standards.js';
import type { ServicesDb } from './tables.js';

/** Where a row is in the directory's order: rank (best first), then OPD name, service name and id. */
type DirectoryKey = [string, string, string, number];

const isDirectoryKey = (value: unknown): value is DirectoryKey =>
  Array.isArray(value) &&
  value.length === 4 &&
  typeof value[0] === 'string' &&
  /^-?\d{1,6}(\.\d{1,6})?$/.test(value[0]) &&
  typeof value[1] === 'string' &&
  typeof value[2] === 'string' &&
  Number.isSafeInteger(value[3]);

/** The directory's order: higher rank first, then OPD name, service name (Indonesian collation) and id. */
function compareKeys(a: DirectoryKey, b: DirectoryKey): number {
  return Number(b[0]) - Number(a[0]) || a[1].localeCompare(b[1], 'id') || a[2].localeCompare(b[2], 'id') || a[3] - b[3];
}

/** Filters of the directory. */
export interface DirectoryFilters {
  q?: string | undefined;
  opd?: string | undefined;
  category?: ServiceCategory | undefined;
  online?: boolean | undefined;
  free?: boolean | undefined;
  /** Only OPDs that run Layanan. */
  opds: readonly string[];
}

/** True when some version of a service has a word starting with `w`. */
async function hasPrefixMatch(db: ServicesDb, w: string): Promise<boolean> {
  const hit = await db
    .selectFrom('service_versions')
    .select('id')
    .where(sql<SqlBool>`search_doc @@ to_tsquery('simple', ${`${w}:*`})`)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/** A page of the directory on `day` (the standards in force then), the cursor to the next and the count of all matches. */
export async function searchDirectory(
  db: ServicesDb,
  day: string,
  filters: DirectoryFilters,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: VersionRow[]; nextCursor: string | null; total: number }> {
  const after = page.cursor ? decodeKey(page.cursor, isDirectoryKey) : undefined;
  if (filters.opds.length === 0) return { rows: [], nextCursor: null, total: 0 };
  const terms = await searchTerms(db, filters.q, 'service_words', (w) => hasPrefixMatch(db, w));
  const rank = rankOf('v.search_doc', terms);

  let base = inForceVersions(db, day).where('s.opd_slug', 'in', filters.opds as string[]);
  if (filters.opd) base = base.where('s.opd_slug', '=', filters.opd);
  if (filters.category) base = base.where('v.category', '=', filters.category);
  if (filters.online !== undefined) base = base.where('v.online', '=', filters.online);
  if (filters.free !== undefined) base = base.where('v.cost_free', '=', filters.free);
  base = base.where(matchesAll('v.search_doc', terms));

  // A regency's directory is hundreds of services, not millions: every match is read, ordered here.
  const all = (await base.select(rank.as('rank')).execute()) as Array<VersionRow & { rank: string }>;
  const keyOf = (row: VersionRow & { rank: string }): DirectoryKey => [row.rank, row.opd_name, row.name, row.service_id];
  const sorted = all.map(keyOf).map((key, i) => ({ key, row: all[i]! })).sort((a, b) => compareKeys(a.key, b.key));
  const start = after ? sorted.findIndex((entry) => compareKeys(entry.key, after) > 0) : 0;
  const slice = start < 0 ? [] : sorted.slice(start, start + page.limit + 1);
  const { page: entries, nextCursor } = pageBy(slice, page.limit, (entry) => entry.key);
  const rows = entries.map((entry) => entry.row);
  return { rows, nextCursor, total: all.length };
}
