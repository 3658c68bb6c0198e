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
 * - Typos: a word of five letters or more that no word starts with still matches a word it is
 *   close to by trigrams (`word_similarity` ≥ 0.5: `perbaiakn`, `kesehtan`, `posyndu`); "baik"
 *   against "perbaikan" scores 0.4 and stays out.
 * - Every word must match (AND). Ranking: all words whole above prefixes, then the name above
 *   the problem and solution (weights A and B) with the rank divided by the text's length (a
 *   short, focused entry above a long one that mentions the words in passing), then trigram
 *   closeness; ties by newest id.
 *
 * @module
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { InnovationStage, InnovationType } from '../../../../src/schemas/innovations.js';
import { decodeKey, pageBy } from '../../http/cursor.js';
import { innovationQueryBase, type InnovationRow } from './registry.js';
import type { InnovationsDb } from './tables.js';

/** The most words of a query used (the rest are ignored). */
export const MAX_QUERY_WORDS = 8;

/** How close by trigrams a word must be to count as a typo of a word of the text. */
export const TYPO_SIMILARITY = 0.5;

/** The shortest word that may match by trigram closeness. */
export const TYPO_MIN_LENGTH = 5;

/** The words of a query: accents folded, lower case, letters and digits only. */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  const folded = q.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))].slice(0, MAX_QUERY_WORDS);
}

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

const isRankCursor = (value: unknown): value is [string, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && /^-?\d{1,6}(\.\d{1,6})?$/.test(value[0]) && Number.isSafeInteger(value[1]) && (value[1] as number) > 0;

/** A page of the catalogue: best first (newest first without words), the cursor to the next, and the count of all matches. */
export async function searchCatalogue(
  db: InnovationsDb,
  filters: CatalogueFilters,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ rows: InnovationRow[]; nextCursor: string | null; total: number }> {
  const words = queryWords(filters.q);
  const after = page.cursor ? decodeKey(page.cursor, isRankCursor) : undefined;

  const prefix = (w: string) => sql`innovations.search_doc @@ to_tsquery('simple', ${`${w}:*`})`;
  const wordMatches = words.map((w) =>
    w.length >= TYPO_MIN_LENGTH ? sql<SqlBool>`(${prefix(w)} or word_similarity(${w}, innovations.search_text) >= ${TYPO_SIMILARITY})` : sql<SqlBool>`${prefix(w)}`,
  );
  const anyPrefix = words.map((w) => `${w}:*`).join(' | ');
  const allExact = words.join(' & ');
  const rank =
    words.length === 0
      ? sql<string>`0::numeric`
      : sql<string>`round((
          2 * (innovations.search_doc @@ to_tsquery('simple', ${allExact}))::int
          + 10 * ts_rank('{0.1, 0.2, 0.5, 1.0}', innovations.search_doc, to_tsquery('simple', ${anyPrefix}), 1)
          + word_similarity(${words.join(' ')}, innovations.search_text)
        )::numeric, 6)`;

  let base = db
    .selectFrom('innovations')
    .where('innovations.status', 'in', filters.statuses as string[]);
  if (filters.opd) base = base.where('innovations.opd_slug', '=', filters.opd);
  if (filters.type) base = base.where('innovations.type', '=', filters.type);
  if (filters.stage) base = base.where('innovations.stage', '=', filters.stage);
  if (filters.digital !== undefined) base = base.where('innovations.digital', '=', filters.digital);
  if (filters.year !== undefined) base = base.where('innovations.year', '=', filters.year);
  for (const match of wordMatches) base = base.where(match as Expression<SqlBool>);

  const counted = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

  const ranked = db
    .with('matches', () => base.select(['innovations.id', rank.as('rank')]))
    .selectFrom('matches')
    .select(['matches.id', 'matches.rank']);
  let ordered = ranked;
  if (after) {
    const [r, id] = after;
    ordered = ordered.where((eb) => eb.or([eb('matches.rank', '<', sql<string>`${r}::numeric`), eb.and([eb('matches.rank', '=', sql<string>`${r}::numeric`), eb('matches.id', '<', id)])]));
  }
  const hits = await ordered.orderBy('matches.rank', 'desc').orderBy('matches.id', 'desc').limit(page.limit + 1).execute();
  const { page: slice, nextCursor } = pageBy(hits, page.limit, (hit) => [String(hit.rank), hit.id]);
  if (slice.length === 0) return { rows: [], nextCursor: null, total: Number(counted.n) };
  const rows = (await innovationQueryBase(db).where('innovations.id', 'in', slice.map((h) => h.id)).execute()) as InnovationRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: slice.map((h) => byId.get(h.id)!).filter(Boolean), nextCursor, total: Number(counted.n) };
}
