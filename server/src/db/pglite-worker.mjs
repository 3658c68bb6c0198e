// @ts-check
/**
 * The worker thread that runs the embedded database (see `pglite-thread.ts`): it opens PGlite
 * on the folder it is given, answers one query message at a time with its rows (or the error,
 * with PostgreSQL's fields such as `code` and `constraint`), and closes PGlite cleanly when
 * asked. Statements marked `/* prepared:… *\/` (`prepared-statements.ts`) are parsed and
 * planned once and then only run, which halves what storing a question costs PGlite.
 * Never started on its own.
 *
 * Plain JavaScript on purpose: a worker thread starts without the TypeScript loader the main
 * thread runs under (tsx does not reach workers' entry files on Node 20). The messages are
 * typed in `pglite-thread.ts` (`ThreadRequest`, `ThreadReply`).
 *
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol } from '@electric-sql/pglite';
// Bundled contrib extensions a module may CREATE (the innovation registry's search: trigram similarity, accents folded).
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';

const { serialize } = protocol;
const SYNC = serialize.sync();
const DESCRIBE_PORTAL = serialize.describe({ type: 'P' });
const EXECUTE = serialize.execute({});
const MARK = '/* prepared:';
/** Statement names by SQL text, for the marked statements parsed on this session. @type {Map<string, string>} */
const parsed = new Map();
/** Parameter types of each prepared statement. @type {Map<string, number[]>} */
const typesOf = new Map();

/**
 * @param {Uint8Array[]} parts
 */
function joined(parts) {
  const message = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    message.set(part, at);
    at += part.length;
  }
  return message;
}

/**
 * A statement marked for preparing (see `prepared-statements.ts`), with its parameters:
 * parsed and planned once per session under a name, then only bound and run, as node-postgres
 * does on PostgreSQL. The parameters' types come from a Describe of the statement, made once,
 * and PGlite's own serializers turn the values into text, as `PGlite.query` does.
 * @param {PGlite} pglite
 * @param {string} sql
 * @param {unknown[]} parameters
 */
async function runPrepared(pglite, sql, parameters) {
  let name = parsed.get(sql);
  let types = name === undefined ? undefined : typesOf.get(name);
  if (name === undefined || types === undefined) {
    name = `p${parsed.size + 1}`;
    const { messages } = await pglite.execProtocol(joined([serialize.parse({ name, text: sql, types: [] }), serialize.describe({ type: 'S', name }), SYNC]));
    types = parse.parseDescribeStatementResults(messages);
    parsed.set(sql, name);
    typesOf.set(name, types);
  }
  const serializers = pglite.serializers;
  const values = parameters.map((value, index) => {
    if (value === null || value === undefined) return null;
    const serializer = serializers[/** @type {number[]} */ (types)[index] ?? 0];
    return serializer ? serializer(value) : String(value);
  });
  const { messages } = await pglite.execProtocol(joined([serialize.bind({ statement: name, values }), DESCRIBE_PORTAL, EXECUTE, SYNC]));
  const [result] = parse.parseResults(messages, pglite.parsers, { rowMode: 'object' });
  return result ?? { rows: [], fields: [] };
}

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
  pglite = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent } });
} catch (error) {
  port.postMessage({ kind: 'failed', error: plainError(error) });
  process.exit(0);
}
port.postMessage({ kind: 'ready' });
/** The statement running now, which the next one waits for. @type {Promise<unknown>} */
let queue = Promise.resolve();

port.on('message', (/** @type {{ kind: 'query', id: number, sql: string, parameters: unknown[] } | { kind: 'close' }} */ request) => {
  if (request.kind === 'close') {
    // After the statement running now, if any.
    queue.then(() => pglite.close()).then(
      () => port.postMessage({ kind: 'closed' }),
      (error) => port.postMessage({ kind: 'closed', error: plainError(error) }),
    );
    return;
  }
  // One statement at a time, in the order sent (the dialect's lock sends one at a time anyway).
  const running = (queue = queue.then(
    () =>
      request.sql.includes(MARK)
        ? runPrepared(pglite, request.sql, request.parameters)
        : pglite.query(request.sql, request.parameters, { rowMode: 'object' }),
  ));
  queue = running.then(
    () => undefined,
    () => undefined,
  );
  running.then(
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
