/**
 * A kysely dialect for PGlite (embedded PostgreSQL in WebAssembly).
 *
 * PGlite is one PostgreSQL backend: one session. Everything kysely runs goes through one
 * connection, held by one caller at a time (a mutex), so a transaction never interleaves
 * with another caller's statements. The SQL side (compiler, adapter, introspector) is
 * kysely's own PostgreSQL one.
 *
 * @module
 */
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** What a query gives back: PGlite's own result, as far as the dialect reads it. */
export interface PGliteQueryResult<R> {
  rows: R[];
  affectedRows?: number;
  /** The command tag, where PGlite gives one (e.g. `ROLLBACK` for a failed transaction's COMMIT). */
  command?: string;
}

/**
 * The part of PGlite the dialect uses: a PGlite instance itself, or `PGliteThread`
 * (`pglite-thread.ts`: PGlite on a worker thread), which the server uses.
 */
export interface PGliteQueries {
  readonly waitReady: Promise<void>;
  query<R>(sql: string, parameters?: unknown[], options?: { rowMode: 'object' }): Promise<PGliteQueryResult<R>>;
}

/** Options of {@link PGliteDialect}. */
export interface PGliteDialectConfig {
  /** An open PGlite (or PGlite on its thread); the dialect does not close it (the owner does). */
  pglite: PGliteQueries;
}

/** Kysely dialect running every query on one PGlite instance. */
export class PGliteDialect implements Dialect {
  readonly #config: PGliteDialectConfig;

  constructor(config: PGliteDialectConfig) {
    this.#config = config;
  }

  createDriver(): Driver {
    return new PGliteDriver(this.#config.pglite);
  }

  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }

  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}

/** A first-come, first-served lock: `acquire()` resolves with the function that releases it. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => held);
    return ready;
  }
}

class PGliteDriver implements Driver {
  readonly #pglite: PGliteQueries;
  readonly #mutex = new Mutex();
  readonly #connection: PGliteConnection;
  readonly #releases = new Map<DatabaseConnection, () => void>();
  #destroyed = false;

  constructor(pglite: PGliteQueries) {
    this.#pglite = pglite;
    this.#connection = new PGliteConnection(pglite);
  }

  async init(): Promise<void> {
    await this.#pglite.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire();
    if (this.#destroyed) {
      release();
      throw new Error('The database is closed');
    }
    this.#releases.set(this.#connection, release);
    return this.#connection;
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (settings.isolationLevel || settings.accessMode) {
      let statement = 'start transaction';
      if (settings.isolationLevel) statement += ` isolation level ${settings.isolationLevel}`;
      if (settings.accessMode) statement += ` ${settings.accessMode}`;
      await connection.executeQuery(CompiledQuery.raw(statement));
    } else {
      await connection.executeQuery(CompiledQuery.raw('begin'));
    }
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    const { rows } = await connection.executeQuery<{ command?: string }>(CompiledQuery.raw('commit'));
    // PostgreSQL completes COMMIT with a ROLLBACK tag when an earlier error aborted the transaction.
    if (rows[0]?.command === 'ROLLBACK') throw new Error('The transaction was rolled back because an earlier statement failed');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compile(savepointNode('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compile(savepointNode('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compile(savepointNode('release', name), createQueryId()));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const release = this.#releases.get(connection);
    this.#releases.delete(connection);
    release?.();
  }

  async destroy(): Promise<void> {
    // Wait for whoever holds the connection (a running query or transaction) to finish.
    // The PGlite instance itself belongs to whoever opened it; see openDatabase().
    const release = await this.#mutex.acquire();
    this.#destroyed = true;
    release();
  }
}

function savepointNode(command: string, name: string) {
  // kysely's compilers accept raw nodes; savepoint names come from kysely itself.
  return CompiledQuery.raw(`${command} ${quoteIdentifier(name)}`).query;
}

function createQueryId() {
  return { queryId: `pglite-${Math.random().toString(36).slice(2)}` };
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

class PGliteConnection implements DatabaseConnection {
  readonly #pglite: PGliteQueries;

  constructor(pglite: PGliteQueries) {
    this.#pglite = pglite;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#pglite.query<R>(compiledQuery.sql, [...compiledQuery.parameters], {
      rowMode: 'object',
    });
    const tag = result.command?.toUpperCase();
    if (tag === 'ROLLBACK' || tag === 'COMMIT') return { rows: [{ command: tag } as R] };
    const command = compiledQuery.query.kind;
    const writes =
      command === 'InsertQueryNode' ||
      command === 'UpdateQueryNode' ||
      command === 'DeleteQueryNode' ||
      command === 'MergeQueryNode';
    if (writes || (command === 'RawNode' && result.affectedRows !== undefined)) {
      return { rows: result.rows, numAffectedRows: BigInt(result.affectedRows ?? 0) };
    }
    return { rows: result.rows };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery, chunkSize = 100): AsyncIterableIterator<QueryResult<R>> {
    // PGlite answers a query in one piece; hand it out in chunks of the asked size.
    const { rows } = await this.executeQuery<R>(compiledQuery);
    for (let i = 0; i < rows.length; i += chunkSize) {
      yield { rows: rows.slice(i, i + chunkSize) };
    }
  }
}
