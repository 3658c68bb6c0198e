/**
 * A small round-robin HTTP proxy on node:http, standing in for the load balancer in front of
 * several opd-kit instances: each request goes to the next upstream in turn; a request whose
 * connection to an upstream is refused (the instance is down: nothing reached it) goes to the
 * next one, as a load balancer's retry does; one that fails after it was sent is answered 502
 * (the client retries with its `Idempotency-Key`, as the SDK does), unless it was sent on a
 * kept-alive connection the upstream had just closed as idle and is safe to repeat (a GET or
 * HEAD, or one with an `Idempotency-Key`): that one goes to the next upstream too. Idle
 * connections to upstreams are closed after 4 s, before Node's server closes them (5 s). An
 * upstream can be dropped (taken out of the rotation) and put back.
 *
 * Each answer carries `X-Upstream: <index>` (which instance answered), and the proxy appends
 * the client's address to `X-Forwarded-For` (for the instances' `TRUST_PROXY`), or passes the
 * header on as the client sent it with `forwardedFor: 'pass'` (a bench whose connections each
 * play another citizen).
 *
 * ```ts
 * const proxy = await startProxy([a.url, b.url]);
 * await fetch(`${proxy.url}/api/v1/opds`); // A, then B, then A…
 * proxy.drop(0);                           // only B from now on
 * await proxy.close();
 * ```
 *
 * Run on its own (a process of its own, as the bench does):
 * `PORT=8080 UPSTREAMS=http://127.0.0.1:8081,http://127.0.0.1:8082 node --import tsx test/helpers/proxy.ts`.
 *
 * @module
 */
import { Agent, createServer, request, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of {@link startProxy}. */
export interface ProxyOptions {
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** `append` (default): add the client's address to `X-Forwarded-For`; `pass`: forward the header as the client sent it. */
  forwardedFor?: 'append' | 'pass';
}

/** A running proxy. */
export interface Proxy {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  /** The upstreams' base URLs, by index. */
  readonly upstreams: readonly string[];
  /** Requests each upstream answered, by index. */
  readonly answered: number[];
  /** Requests sent again: to the next upstream after a refused connection, or on a new connection after a kept-alive one was closed under them. */
  readonly retried: number;
  /** Requests answered 502 (the upstream failed after the request was sent, or every upstream refused). */
  readonly failed: number;
  /** Takes upstream `index` out of the rotation. */
  drop(index: number): void;
  /** Puts upstream `index` back into the rotation. */
  restore(index: number): void;
  /** Stops listening and closes every connection. */
  close(): Promise<void>;
}

/** Hop-by-hop headers (RFC 9110 section 7.6.1), not forwarded. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

function forwardable(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
  return out;
}

/** Errors of a connection that never reached the upstream: safe to send the request elsewhere. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** Starts a proxy in front of `upstreams` (base URLs such as `http://127.0.0.1:41234`). */
export async function startProxy(upstreams: readonly string[], options: ProxyOptions = {}): Promise<Proxy> {
  if (upstreams.length === 0) throw new Error('a proxy needs at least one upstream');
  const targets = upstreams.map((base) => new URL(base));
  const inRotation = targets.map(() => true);
  const answered = targets.map(() => 0);
  // Free sockets time out before the upstream's own keep-alive timeout (Node's default 5 s) would close them under a request.
  const agent = new Agent({ keepAlive: true, maxSockets: 256, timeout: 4000 });
  let next = 0;
  let retried = 0;
  let failed = 0;

  /** The upstreams to try for one request, the next in turn first. */
  const order = (): number[] => {
    const live = targets.map((_, index) => index).filter((index) => inRotation[index]);
    if (live.length === 0) return [];
    const first = next % live.length;
    next += 1;
    return [...live.slice(first), ...live.slice(0, first)];
  };

  /** Sends the request to `tries[0]` (the others if that one refuses); `fresh`: on a new connection, not a kept-alive one. */
  const forward = (req: IncomingMessage, res: ServerResponse, body: Buffer, tries: number[], fresh = false) => {
    const index = tries[0];
    if (index === undefined) {
      failed += 1;
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end('no upstream answered');
      return;
    }
    const target = targets[index]!;
    const headers = forwardable(req.headers);
    if (options.forwardedFor !== 'pass') {
      const client = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? 'unknown';
      const earlier = req.headers['x-forwarded-for'];
      headers['x-forwarded-for'] = earlier ? `${String(earlier)}, ${client}` : client;
    }
    headers['content-length'] = String(body.length);
    let sent = false;
    const upstream = request(
      { agent: fresh ? false : agent, host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
      (answer) => {
        answered[index] = (answered[index] ?? 0) + 1;
        res.writeHead(answer.statusCode ?? 502, { ...forwardable(answer.headers), 'x-upstream': String(index) });
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('socket', (socket) => {
      // A reused keep-alive socket is connected already; a new one is connected once it says so.
      if (!socket.connecting) sent = true;
      else socket.once('connect', () => (sent = true));
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A kept-alive connection the upstream closed just as this request went out: sent again on a new one.
      const repeatable = req.method === 'GET' || req.method === 'HEAD' || req.headers['idempotency-key'] !== undefined;
      if (!fresh && upstream.reusedSocket && error.code === 'ECONNRESET' && repeatable) {
        retried += 1;
        forward(req, res, body, tries, true);
        return;
      }
      if (!sent && NOT_CONNECTED.has(error.code ?? '')) {
        retried += 1;
        forward(req, res, body, tries.slice(1));
        return;
      }
      failed += 1;
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`upstream ${index} failed: ${error.code ?? error.message}`);
    });
    upstream.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => res.destroy());
    // Bodies are read whole first (the tests' are small), so a refused one can go to the next upstream.
    req.on('end', () => forward(req, res, Buffer.concat(chunks), order()));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    upstreams: targets.map((target) => target.origin),
    answered,
    get retried() {
      return retried;
    },
    get failed() {
      return failed;
    },
    drop(index) {
      inRotation[index] = false;
    },
    restore(index) {
      inRotation[index] = true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        agent.destroy();
      }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const upstreams = (process.env.UPSTREAMS ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const proxy = await startProxy(upstreams, {
    port: Number(process.env.PORT) || 0,
    forwardedFor: process.env.FORWARDED_FOR === 'pass' ? 'pass' : 'append',
  });
  process.stdout.write(`proxy listening on ${proxy.url} in front of ${upstreams.join(', ')}\n`);
  const stop = () => void proxy.close().finally(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
