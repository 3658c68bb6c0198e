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

/** The cursor after `cursor`. */
function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at.toISOString(), cursor.id])).toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; anything else is a 400 naming `cursor`. */
export function decodeCursor(text: string): Cursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    // Only what encodeCursor makes: a database id (a PostgreSQL integer) and a time the database can compare.
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) {
      const at = new Date(value[0]);
      const id = value[1] as number;
      const year = at.getUTCFullYear();
      if (!Number.isNaN(at.getTime()) && year >= 1970 && year <= 9999 && id >= 0 && id <= 2_147_483_647) return { at, id };
    }
  } catch {
    // fall through
  }
  throw validationProblem(
    [{ path: 'cursor', message: 'Use the nextCursor of the previous page as cursor', code: 'invalid' }],
    undefined,
    400,
  );
}

/** The page of `rows` (fetched with one extra) and the cursor to the next, or null at the end. */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => Cursor): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
