/**
 * The embedded database on a thread of its own. PGlite is PostgreSQL compiled to WebAssembly:
 * every query runs synchronously on the thread that calls it, so on the main thread a question
 * being stored (2–3 ms of WebAssembly) holds up every request behind it, even ones answered
 * from memory. Here PGlite runs in a worker thread (`pglite-worker.mjs`) and the main thread
 * only sends the SQL and gets the rows: HTTP keeps going while the database works, on the
 * other core.
 *
 * Nothing about storage changes: the same PGlite, the same files, one session. The dialect's
 * lock still lets one caller at a time use it, so a transaction never interleaves. Rows come
 * back by structured clone (dates, bigints, bytes and JSON as PGlite gave them); an error comes
 * back as an `Error` with PostgreSQL's fields (`code`, `constraint`, `detail`, …) on it, as
 * PGlite's own. If the thread dies, every waiting and later query fails with an error that
 * says so.
 *
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { PGliteQueries, PGliteQueryResult } from './pglite-dialect.js';

/** What the worker is started with. */
export interface ThreadStart {
  dataDir: string;
}

/** A message to the worker. */
export type ThreadRequest = { kind: 'query'; id: number; sql: string; parameters: unknown[] } | { kind: 'close' };

/** An error as the worker sends it. */
export interface ThreadError {
  message: string;
  name: string;
  fields: Record<string, unknown>;
}

/** A message from the worker. */
export type ThreadReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: ThreadError }
  | { kind: 'result'; id: number; rows: unknown[]; affectedRows?: number; command?: string }
  | { kind: 'error'; id: number; error: ThreadError }
  | { kind: 'closed'; error?: ThreadError };

/** The error the worker sent, rebuilt as an `Error` with its fields (as PGlite's own errors carry them). */
function rebuilt(error: ThreadError): Error {
  const made = new Error(error.message) as Error & Record<string, unknown>;
  made.name = error.name;
  for (const [key, value] of Object.entries(error.fields)) if (key !== 'message' && key !== 'name' && key !== 'stack') made[key] = value;
  return made;
}

interface Waiting {
  resolve(result: PGliteQueryResult<unknown>): void;
  reject(error: Error): void;
}

/** PGlite on a worker thread: `query` and `close`, as the dialect and `openDatabase` use them. */
export class PGliteThread implements PGliteQueries {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, Waiting>();
  #next = 0;
  /** Why queries cannot run any more (the thread stopped or was closed). */
  #gone: Error | undefined;
  #closing: Promise<void> | undefined;
  readonly waitReady: Promise<void>;

  private constructor(worker: Worker, ready: Promise<void>) {
    this.#worker = worker;
    this.waitReady = ready;
  }

  /** Starts the thread and opens PGlite on `dataDir`; rejects with PGlite's own error when it cannot. */
  static async open(dataDir: string): Promise<PGliteThread> {
    const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } satisfies ThreadStart });
    let started!: () => void;
    let failed!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    const thread = new PGliteThread(worker, ready);
    worker.on('message', (reply: ThreadReply) => thread.#receive(reply, started, failed));
    worker.on('error', (error) => {
      failed(error);
      thread.#stop(new Error(`The embedded database's thread failed: ${error.message}`, { cause: error }));
    });
    worker.on('exit', (code) => {
      failed(new Error(`The embedded database's thread stopped (exit code ${code}) before it was ready`));
      thread.#stop(new Error(`The embedded database's thread stopped (exit code ${code})`));
    });
    try {
      await ready;
    } catch (error) {
      await worker.terminate();
      throw error;
    }
    return thread;
  }

  #receive(reply: ThreadReply, started: () => void, failed: (error: Error) => void): void {
    switch (reply.kind) {
      case 'ready':
        started();
        return;
      case 'failed':
        failed(rebuilt(reply.error));
        return;
      case 'result': {
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        const result: PGliteQueryResult<unknown> = { rows: reply.rows };
        if (reply.affectedRows !== undefined) result.affectedRows = reply.affectedRows;
        if (reply.command !== undefined) result.command = reply.command;
        waiting?.resolve(result);
        return;
      }
      case 'error': {
        const waiting = this.#waiting.get(reply.id);
        this.#waiting.delete(reply.id);
        waiting?.reject(rebuilt(reply.error));
        return;
      }
      case 'closed':
        // Handled by close(), which listens for it.
        return;
    }
  }

  /** Fails every waiting query and every later one with `reason`. */
  #stop(reason: Error): void {
    this.#gone ??= reason;
    for (const waiting of this.#waiting.values()) waiting.reject(this.#gone);
    this.#waiting.clear();
  }

  /** Runs one statement with its parameters; rows as objects. */
  query<R>(sql: string, parameters: readonly unknown[] = [], _options?: { rowMode: 'object' }): Promise<PGliteQueryResult<R>> {
    if (this.#gone) return Promise.reject(this.#gone);
    const id = ++this.#next;
    return new Promise<PGliteQueryResult<R>>((resolve, reject) => {
      this.#waiting.set(id, { resolve: resolve as Waiting['resolve'], reject });
      this.#worker.postMessage({ kind: 'query', id, sql, parameters: [...parameters] } satisfies ThreadRequest);
    });
  }

  /** Closes PGlite (it writes what it holds and gives its files back), then ends the thread. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.#gone) {
        await this.#worker.terminate();
        return;
      }
      const closed = new Promise<ThreadError | undefined>((resolve) => {
        const onMessage = (reply: ThreadReply) => {
          if (reply.kind !== 'closed') return;
          this.#worker.off('message', onMessage);
          resolve(reply.error);
        };
        this.#worker.on('message', onMessage);
        this.#worker.once('exit', () => resolve(undefined));
      });
      this.#worker.postMessage({ kind: 'close' } satisfies ThreadRequest);
      const error = await closed;
      this.#stop(new Error('The database is closed'));
      await this.#worker.terminate();
      if (error) throw rebuilt(error);
    })();
    return this.#closing;
  }
}
