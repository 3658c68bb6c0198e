/**
 * Indonesian full-text search on both stores (PGlite's PostgreSQL 18, PostgreSQL 15), the
 * parts every module's search shares (the innovation catalogue, the service directory). A
 * module keeps a `tsvector` column filled by a trigger with the `simple` configuration over
 * `unaccent(lower(text))` (PGlite has no `indonesian` configuration, and its stemmer would make
 * "perbaikan" and "baik" one word), and a vocabulary table of its words with a trigram index;
 * this file turns a query into the `tsquery` text and the rank those columns are searched with.
 *
 * - Prefixes: each word of the query matches a word of the text that starts with it
 *   (`pendidik` finds "pendidikan"); never one that merely contains it.
 * - Typos: a word of five letters or more that no text has a word starting with stands for
 *   the vocabulary's words closest to it by trigrams (`similarity` ≥ 0.4), matched whole.
 * - Every word must match (AND). The rank: all words whole above prefixes, then `ts_rank`
 *   with the weights A–D (0.1, 0.2, 0.5, 1.0 for D, C, B, A), divided by the text's length.
 *
 * @module
 */
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';

/** The most words of a query used (the rest are ignored). */
export const MAX_QUERY_WORDS = 8;

/** How close by trigrams (`similarity`) a vocabulary word must be to stand for a typo. */
export const TYPO_SIMILARITY = 0.4;

/** The shortest word that may match by trigram closeness. */
export const TYPO_MIN_LENGTH = 5;

/** The most vocabulary words a typo stands for. */
export const MAX_TYPO_ALTERNATIVES = 5;

/** The words of a query: accents folded, lower case, letters and digits only. */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  const folded = q.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0))].slice(0, MAX_QUERY_WORDS);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any module's tables
type AnyDb = Kysely<any> | Transaction<any>;

/** The vocabulary's words close to `typo` by trigrams (similarity ≥ {@link TYPO_SIMILARITY}), closest first. */
export async function closeWords(db: AnyDb, vocabulary: string, typo: string): Promise<string[]> {
  const { rows } = await sql<{ word: string }>`
    select word from ${sql.table(vocabulary)}
    where word % ${typo} and similarity(word, ${typo}) >= ${TYPO_SIMILARITY}
    order by similarity(word, ${typo}) desc, word
    limit ${MAX_TYPO_ALTERNATIVES}`.execute(db);
  return rows.map((r) => r.word).filter((w) => /^[\p{L}\p{N}]+$/u.test(w));
}

/** A query made ready: the `tsquery` texts to filter and rank with, or `impossible` (a typo close to no word). */
export interface SearchTerms {
  /** The query's words. */
  words: string[];
  /** True when some word can match nothing: the search finds nothing. */
  impossible: boolean;
  /** Every word must match: `a:* & (b | c)`; empty without words. */
  all: string;
  /** Any word: `a:* | (b | c)`, for `ts_rank`. */
  any: string;
  /** Every word whole: `a & (b | c)`, for the whole-word bonus. */
  wholes: string;
}

/**
 * The terms of `q`: a word that starts some word of the texts (`hasPrefix`) matches as a
 * prefix; a word of {@link TYPO_MIN_LENGTH} letters or more that starts none stands for its
 * close words in `vocabulary`.
 */
export async function searchTerms(db: AnyDb, q: string | undefined, vocabulary: string, hasPrefix: (word: string) => Promise<boolean>): Promise<SearchTerms> {
  const words = queryWords(q);
  const alternatives = new Map<string, string[]>();
  for (const w of words) {
    if (w.length < TYPO_MIN_LENGTH || (await hasPrefix(w))) continue;
    alternatives.set(w, await closeWords(db, vocabulary, w));
  }
  const term = (w: string, prefix: boolean) => {
    const alt = alternatives.get(w);
    if (!alt) return prefix ? `${w}:*` : w;
    return alt.length > 0 ? `(${alt.join(' | ')})` : null;
  };
  const prefixes = words.map((w) => term(w, true));
  const impossible = prefixes.some((t) => t === null);
  const present = prefixes.filter((t): t is string => t !== null);
  return { words, impossible, all: present.join(' & '), any: present.join(' | '), wholes: words.map((w) => term(w, false) ?? '').join(' & ') };
}

/** The `@@` filter of a search column by the terms (every word); true without words, false when impossible. */
export function matchesAll(column: string, terms: SearchTerms): RawBuilder<SqlBool> {
  if (terms.impossible) return sql<SqlBool>`false`;
  if (terms.words.length === 0) return sql<SqlBool>`true`;
  return sql<SqlBool>`${sql.ref(column)} @@ to_tsquery('simple', ${terms.all})`;
}

/** The rank of a search column for the terms, a numeric of six decimals (0 without words). */
export function rankOf(column: string, terms: SearchTerms): RawBuilder<string> {
  if (terms.words.length === 0 || terms.impossible) return sql<string>`0::numeric`;
  const doc = sql.ref(column);
  return sql<string>`round((
    2 * (${doc} @@ to_tsquery('simple', ${terms.wholes}))::int
    + 10 * ts_rank('{0.1, 0.2, 0.5, 1.0}', ${doc}, to_tsquery('simple', ${terms.any}), 1)
  )::numeric, 6)`;
}

/** The cursor key of a ranked page, `[rank, id]`, as {@link rankOf} and an integer id give it. */
export const isRankCursor = (value: unknown): value is [string, number] =>
  Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && /^-?\d{1,6}(\.\d{1,6})?$/.test(value[0]) && Number.isSafeInteger(value[1]) && (value[1] as number) > 0;
