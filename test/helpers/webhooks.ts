/**
 * A real webhook receiver for tests: node:http on 127.0.0.1 that keeps every request (raw
 * body and headers) and answers the status it is told; and a job context to run the
 * `webhook-deliver` job on a clock the test moves.
 *
 * @module
 */
import type { AddressInfo } from 'node:net';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import type { JobContext } from '../../server/src/jobs/contract.js';
import { createLogger } from '../../server/src/log.js';
import type { Settings } from '../../server/src/settings.js';

/** One request the receiver got. */
export interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

/** A running receiver. */
export interface Receiver {
  url: string;
  received: Received[];
  /** The status it answers from now on. */
  answer: number;
  close(): Promise<void>;
}

/** Starts a receiver on a free port of 127.0.0.1. */
export async function startReceiver(answer = 204): Promise<Receiver> {
  const received: Received[] = [];
  const state = { answer };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(state.answer, { 'Content-Type': 'text/plain' }).end(state.answer >= 400 ? 'receiver says no' : 'ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    get answer() {
      return state.answer;
    },
    set answer(value: number) {
      state.answer = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A job context on `db` with the clock `now`. */
export function jobContext(db: Kysely<Database>, settings: Settings, now: () => Date): JobContext {
  return { db, settings, now, log: createLogger('silent'), signal: new AbortController().signal } as JobContext;
}
