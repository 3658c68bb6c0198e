/**
 * Prepared statements for the hottest statements (a question stored, the rate limit counted,
 * a tracking page read). PostgreSQL parses and plans every statement it is sent afresh; a named
 * statement is parsed once per session and, after a few runs, planned once too. Storing a
 * question cost PGlite half as much prepared (0.76 ms against 1.5 ms, in one session), and
 * PostgreSQL about a fifth less.
 *
 * A statement asks for it with {@link preparedAs} somewhere in its SQL: a comment, which
 * PostgreSQL itself ignores. On PostgreSQL {@link preparingPool} wraps node-postgres' pool so
 * that such a statement is sent by a name made of the id and a hash of its text (two texts
 * never share a name); on PGlite the database's thread (`pglite-worker.mjs`) prepares it. A prepared statement's result type is fixed when it is parsed, so
 * marked statements name their columns instead of `*`: a migration that adds a column does
 * not break a running instance.
 *
 * Behind PgBouncer in transaction mode, named statements need PgBouncer 1.21 or later with
 * `max_prepared_statements` set (see docs/self-hosting.md).
 *
 * @module
 */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import type { PostgresCursor, PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

const MARK = '/* prepared:';

/** Marks the statement it is part of as one to prepare, under `id` (letters, digits and `-`). */
export function preparedAs(id: string): RawBuilder<unknown> {
  if (!/^[a-z0-9-]+$/.test(id)) throw new Error(`preparedAs: "${id}" is not a statement id (a-z, 0-9, -)`);
  return sql.raw(`${MARK}${id} */`);
}

/** Names of the marked texts seen, by text (bounded: a marked statement's text is one of a few). */
const names = new Map<string, string | null>();
const NAMES_MAX = 256;

/** The name to prepare `text` under, or null when it is not marked. */
export function statementName(text: string): string | null {
  const known = names.get(text);
  if (known !== undefined) return known;
  const at = text.indexOf(MARK);
  let name: string | null = null;
  if (at >= 0) {
    const id = text.slice(at + MARK.length, text.indexOf(' */', at));
    name = `${id}-${createHash('sha1').update(text).digest('base64url').slice(0, 12)}`;
  }
  // Unmarked texts are not kept: there are many of them, and the check is one indexOf.
  if (name !== null && names.size < NAMES_MAX) names.set(text, name);
  return name;
}

/** node-postgres' pool, sending marked statements by name (see the module's introduction). */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    const query = ((text: string | PostgresCursor<unknown>, parameters?: ReadonlyArray<unknown>) => {
      if (typeof text !== 'string') return client.query(text as never);
      const name = statementName(text);
      return name === null
        ? client.query(text, parameters as unknown[])
        : client.query({ name, text, values: parameters as unknown[] });
    }) as unknown as PostgresPoolClient['query'];
    return { query, release: (destroy?: boolean) => client.release(destroy) };
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      let own = wrapped.get(client);
      if (!own) wrapped.set(client, (own = wrap(client)));
      return own;
    },
    end: () => pool.end(),
  };
}

