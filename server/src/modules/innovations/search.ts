/**
 * The catalogue's search: full text over the name, the problem and the solution that works
 * for Indonesian on both stores (PGlite's PostgreSQL 18, PostgreSQL 15).
 *
 * - Words, not stems: the `simple` configuration on text with accents folded (`unaccent`) and
 *   lower-cased. PostgreSQL's `indonesian` stemmer would make "perbaikan" (repair) and "baik"
 *   (good) one word, so a search for repairs would find every "pelayanan yang baik".
 * - Prefixes: each word of the query matches a word of the text that starts with it
 *   (`pendidik` finds "pendidikan"); never one that merely contains it (`baik` does not find
 *   "perbaikan").
 * - Typos: a word of five letters or more that no word of the catalogue starts with stands for
 *   the catalogue's words closest to it by trigrams (`similarity` ≥ 0.4 in `innovation_words`,
 *   the vocabulary the search trigger keeps: `perbaiakn` → perbaikan, `kesehtan` → kesehatan,
 *   `posyndu` → posyandu), matched as whole words. "baik" is too short to be taken as a typo,
 *   and a word that starts some word is taken as typed.
 * - Every word must match (AND). Ranking: all words whole above prefixes, then the name above
 *   the problem and solution (weights A and B) with the rank divided by the text's length (a
 *   short, focused entry above a long one that mentions the words in passing), then trigram
 *   closeness; ties by newest id.
 *
 * @module
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { InnovationStage, InnovationType } from '../../../../src/schemas/innovations.js';
import { isRankCursor, matchesAll, rankOf, searchTerms } from '../../db/indonesian-search.js';
import { decodeKey, pageBy } from '../../http/cursor.js';
import { innovationQueryBase, type InnovationRow } from './registry.js';
import type { InnovationsDb } from './tables.js';

// The query's words, prefixes and typo matching are the shared Indonesian search's (also the service directory's).
export { MAX_QUERY_WORDS, MAX_TYPO_ALTERNATIVES, queryWords, TYPO_MIN_LENGTH, TYPO_SIMILARITY } from '../../db/indonesian-search.js';

/** Filters of the catalogue. */
export interface CatalogueFilters {
  q?: string | undefined;
  opd?: string | undefined;
  type?: InnovationType | undefined;
  stage?: InnovationStage | undefined;
  digital?: boolean | undefined;
  year?: number | undefined;
  /** Only these statuses (the public catalogue: verified). */
  statuses: readonly string[];
}

/** True when some listed-status innovation has a word starting with `w`. */
async function hasPrefixMatch(db: InnovationsDb, w: string, statuses: readonly string[]): Promise<boolean> {
  const hit = await db
    .selectFrom('innovations')
    .select('id')
    .where('status', 'in', statuses as string[])
    .where(sql<SqlBool>`search_doc @@ to_tsquery('simple', ${`${w}:*`})`)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/**
 * A page of the catalogue: best first (newest first without words), the cursor to the next,
 * and the count of all matches. A word that starts some word of the catalogue matches by
 * prefix; one that starts none (a typo) stands for the catalogue's words closest to it by
 * trigrams (`innovation_words`), which are then matched as whole words.
 */
export async function searchCatalogue(
  db: InnovationsDb,
  filters: CatalogueFilters,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: InnovationRow[]; nextCursor: string | null; total: number }> {
  const after = page.cursor ? decodeKey(page.cursor, isRankCursor) : undefined;
  const terms = await searchTerms(db, filters.q, 'innovation_words', (w) => hasPrefixMatch(db, w, filters.statuses));
  const rank = rankOf('innovations.search_doc', terms);

  let base = db.selectFrom('innovations').where('innovations.status', 'in', filters.statuses as string[]);
  if (filters.opd) base = base.where('innovations.opd_slug', '=', filters.opd);
  if (filters.type) base = base.where('innovations.type', '=', filters.type);
  if (filters.stage) base = base.where('innovations.stage', '=', filters.stage);
  if (filters.digital !== undefined) base = base.where('innovations.digital', '=', filters.digital);
  if (filters.year !== undefined) base = base.where('innovations.year', '=', filters.year);
  base = base.where(matchesAll('innovations.search_doc', terms) as Expression<SqlBool>);

  const counted = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const total = Number(counted.n);
  let ranked = db
    .with('matches', () => base.select(['innovations.id', rank.as('rank')]))
    .selectFrom('matches')
    .select(['matches.id', 'matches.rank']);
  if (after) {
    const [r, id] = after;
    ranked = ranked.where((eb) => eb.or([eb('matches.rank', '<', sql<string>`${r}::numeric`), eb.and([eb('matches.rank', '=', sql<string>`${r}::numeric`), eb('matches.id', '<', id)])]));
  }
  const hits = total === 0 ? [] : await ranked.orderBy('matches.rank', 'desc').orderBy('matches.id', 'desc').limit(page.limit + 1).execute();

  const { page: slice, nextCursor } = pageBy(hits, page.limit, (hit) => [String(hit.rank), hit.id]);
  if (slice.length === 0) return { rows: [], nextCursor: null, total };
  const rows = (await innovationQueryBase(db).where('innovations.id', 'in', slice.map((h) => h.id)).execute()) as InnovationRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: slice.map((h) => byId.get(h.id)!).filter(Boolean), nextCursor, total };
}
