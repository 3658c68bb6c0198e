/**
 * Opaque list cursors: base64url of the last row's sort key, `(timestamp, id)`, which every
 * newest-first list pages by. A cursor that is not one is a 400 naming `cursor`.
 *
 * @module
 */
import { validationProblem } from './problem.js';

/** Where a page starts: after this (timestamp, id), newest first. */
export interface Cursor {
  /** The last row's timestamp (the list's sort key). */
  at: Date;
  /** The last row's id (the tie-breaker). */
  id: number;
}

/** A page key as cursor text: its JSON, base64url. */
function encodeKey(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/**
 * Reads cursor text made from a page key that `check` accepts (a list's own key: a
 * (timestamp, id) pair for {@link Cursor}, a segment number, …); anything else is a 400 naming
 * `cursor`.
 */
export function decodeKey<T>(text: string, check: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (check(value)) return value;
  } catch {
    // fall through
  }
  throw validationProblem(
    [{ path: 'cursor', message: 'Use the nextCursor of the previous page as cursor', code: 'invalid' }],
    undefined,
    400,
  );
}

/** The page of `rows` (fetched with one extra) and the cursor to the next from the last row's key, or null at the end. */
export function pageBy<T>(rows: readonly T[], limit: number, keyOf: (row: T) => unknown): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last !== undefined ? encodeKey(keyOf(last)) : null };
}

/** A (timestamp, id) key as {@link pageOf} writes it: a database id (a PostgreSQL integer) and a time the database can compare. */
function isTimestampKey(value: unknown): value is [string, number] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== 'string' || !Number.isSafeInteger(value[1])) return false;
  const at = new Date(value[0]);
  const id = value[1] as number;
  const year = at.getUTCFullYear();
  return !Number.isNaN(at.getTime()) && year >= 1970 && year <= 9999 && id >= 0 && id <= 2_147_483_647;
}

/** Reads a cursor made by {@link pageOf}; anything else is a 400 naming `cursor`. */
export function decodeCursor(text: string): Cursor {
  const [at, id] = decodeKey(text, isTimestampKey);
  return { at: new Date(at), id };
}

/** The page of `rows` (fetched with one extra) and the cursor to the next, or null at the end. */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => Cursor): { page: T[]; nextCursor: string | null } {
  return pageBy(rows, limit, (row) => {
    const cursor = keyOf(row);
    return [cursor.at.toISOString(), cursor.id];
  });
}

/** The OpenAPI descriptions of a paged list's `limit` and `cursor` (a route's `docs`), for a default page size. */
export function pageDocs(defaultSize: number): { limit: string; cursor: string } {
  return { limit: `Items per page (1–100, default ${defaultSize}).`, cursor: 'The `nextCursor` of the previous page.' };
}
