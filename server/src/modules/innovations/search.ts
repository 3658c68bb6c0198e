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
import { decodeKey, pageBy } from '../../http/cursor.js';
import { innovationQueryBase, type InnovationRow } from './registry.js';
import type { InnovationsDb } from './tables.js';

/** The most words of a query used (the rest are ignored). */
export const MAX_QUERY_WORDS = 8;

/** How close by trigrams (`similarity`) a catalogue word must be to stand for a typo. */
export const TYPO_SIMILARITY = 0.4;

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

/** The words of `words` no listed-status innovation has a word starting with: the ones typo matching is for. */
async function wordsWithoutPrefixMatch(db: InnovationsDb, words: readonly string[], statuses: readonly string[]): Promise<string[]> {
  const missing: string[] = [];
  for (const w of words) {
    if (w.length < TYPO_MIN_LENGTH) continue;
    const hit = await db
      .selectFrom('innovations')
      .select('id')
      .where('status', 'in', statuses as string[])
      .where(sql<SqlBool>`search_doc @@ to_tsquery('simple', ${`${w}:*`})`)
      .limit(1)
      .executeTakeFirst();
    if (!hit) missing.push(w);
  }
  return missing;
}

/** The most catalogue words a typo stands for. */
export const MAX_TYPO_ALTERNATIVES = 5;

/** The catalogue's words close to `typo` by trigrams (similarity ≥ {@link TYPO_SIMILARITY}), closest first. */
async function closeWords(db: InnovationsDb, typo: string): Promise<string[]> {
  const rows = await db
    .selectFrom('innovation_words')
    .select('word')
    .where(sql<SqlBool>`word % ${typo}`)
    .where(sql<SqlBool>`similarity(word, ${typo}) >= ${TYPO_SIMILARITY}`)
    .orderBy(sql`similarity(word, ${typo})`, 'desc')
    .orderBy('word')
    .limit(MAX_TYPO_ALTERNATIVES)
    .execute();
  return rows.map((r) => r.word).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
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
  const words = queryWords(filters.q);
  const after = page.cursor ? decodeKey(page.cursor, isRankCursor) : undefined;
  const typos = new Set(await wordsWithoutPrefixMatch(db, words, filters.statuses));
  const alternatives = new Map<string, string[]>();
  for (const typo of typos) alternatives.set(typo, await closeWords(db, typo));

  // Each query word as tsquery text: `w:*` (prefix), or `(a | b)` for a typo's close words (`''` when none: it matches nothing).
  const terms = words.map((w) => (typos.has(w) ? (alternatives.get(w)!.length > 0 ? `(${alternatives.get(w)!.join(' | ')})` : null) : `${w}:*`));
  const wholes = words.map((w) => (typos.has(w) ? (alternatives.get(w)!.length > 0 ? `(${alternatives.get(w)!.join(' | ')})` : null) : w));
  const impossible = terms.some((t) => t === null);
  const allTerms = terms.filter((t): t is string => t !== null);
  const rank =
    words.length === 0 || impossible
      ? sql<string>`0::numeric`
      : sql<string>`round((
          2 * (innovations.search_doc @@ to_tsquery('simple', ${wholes.join(' & ')}))::int
          + 10 * ts_rank('{0.1, 0.2, 0.5, 1.0}', innovations.search_doc, to_tsquery('simple', ${allTerms.join(' | ')}), 1)
        )::numeric, 6)`;

  let base = db.selectFrom('innovations').where('innovations.status', 'in', filters.statuses as string[]);
  if (filters.opd) base = base.where('innovations.opd_slug', '=', filters.opd);
  if (filters.type) base = base.where('innovations.type', '=', filters.type);
  if (filters.stage) base = base.where('innovations.stage', '=', filters.stage);
  if (filters.digital !== undefined) base = base.where('innovations.digital', '=', filters.digital);
  if (filters.year !== undefined) base = base.where('innovations.year', '=', filters.year);
  if (impossible) base = base.where(sql<SqlBool>`false`);
  else if (allTerms.length > 0) base = base.where(sql<SqlBool>`innovations.search_doc @@ to_tsquery('simple', ${allTerms.join(' & ')})` as Expression<SqlBool>);

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
