// @ts-check
/**
 * The worker thread that runs the embedded database (see `pglite-thread.ts`): it opens PGlite
 * on the folder it is given, answers one query message at a time with its rows (or the error,
 * with PostgreSQL's fields such as `code` and `constraint`), and closes PGlite cleanly when
 * asked. Never started on its own.
 *
 * Plain JavaScript on purpose: a worker thread starts without the TypeScript loader the main
 * thread runs under (tsx does not reach workers' entry files on Node 20). The messages are
 * typed in `pglite-thread.ts` (`ThreadRequest`, `ThreadReply`).
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';

const port = parentPort;
if (!port) throw new Error('pglite-worker.mjs runs as a worker thread of pglite-thread.ts');

/**
 * An error as plain data: its message, name and every own field PostgreSQL gave (code, detail, …).
 * @param {unknown} error
 * @returns {{ message: string, name: string, fields: Record<string, string | number | boolean> }}
 */
function plainError(error) {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error', fields: {} };
  /** @type {Record<string, string | number | boolean>} */
  const fields = {};
  for (const [key, value] of Object.entries(error)) {
    // PostgreSQL's fields are strings and numbers; anything else (e.g. a result object) stays behind.
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields[key] = value;
  }
  return { message: error.message, name: error.name, fields };
}

const { dataDir } = /** @type {{ dataDir: string }} */ (workerData);
/** @type {PGlite} */
let pglite;
try {
  pglite = await PGlite.create({ dataDir });
} catch (error) {
  port.postMessage({ kind: 'failed', error: plainError(error) });
  process.exit(0);
}
port.postMessage({ kind: 'ready' });

port.on('message', (/** @type {{ kind: 'query', id: number, sql: string, parameters: unknown[] } | { kind: 'close' }} */ request) => {
  if (request.kind === 'close') {
    pglite.close().then(
      () => port.postMessage({ kind: 'closed' }),
      (error) => port.postMessage({ kind: 'closed', error: plainError(error) }),
    );
    return;
  }
  pglite.query(request.sql, request.parameters, { rowMode: 'object' }).then(
    (result) => {
      /** @type {{ kind: 'result', id: number, rows: unknown[], affectedRows?: number, command?: string }} */
      const reply = { kind: 'result', id: request.id, rows: result.rows };
      if (result.affectedRows !== undefined) reply.affectedRows = result.affectedRows;
      const command = /** @type {{ command?: string }} */ (result).command;
      if (command !== undefined) reply.command = command;
      port.postMessage(reply);
    },
    (error) => port.postMessage({ kind: 'error', id: request.id, error: plainError(error) }),
  );
});
