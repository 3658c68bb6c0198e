/**
 * Bench peer of the public reads: a bare `node:http` server that answers each path with the
 * exact bytes, status and headers opd-kit gave for it (recorded by the bench just before,
 * with the same request headers, `Content-Encoding` and all), from memory. No routing
 * library, no database, no middleware: the floor a read can reach on this runtime.
 *
 * With a recorded revalidation (`revalidate`), a request whose `If-None-Match` is that ETag
 * gets the 304 opd-kit gave, headers and all, as opd-kit would.
 *
 * Reads `PORT`, `HOST` and `BENCH_FIXTURES` (the JSON file the bench wrote: `{ routes: [...] }`,
 * see {@link Fixture}); `GET /healthz` answers 200 so the bench knows it is up. Run by
 * `bench/run.ts`, not meant for anything else.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { createServer, type OutgoingHttpHeaders } from 'node:http';

/** One recorded answer, as the bench writes it. */
export interface Fixture {
  path: string;
  status: number;
  headers: Array<[string, string]>;
  /** The body, base64. */
  body: string;
  /** The 304 opd-kit gave to `If-None-Match: <etag>`. */
  revalidate?: { etag: string; status: number; headers: Array<[string, string]> };
}

/** Hop-by-hop and per-answer headers node:http writes itself. */
const OWN = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Route {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  /** opd-kit sent the body chunked (no Content-Length): so does the peer. */
  chunked: boolean;
  revalidate?: { etag: string; status: number; headers: OutgoingHttpHeaders };
}

function headersOf(pairs: Array<[string, string]>): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of pairs) if (!OWN.has(name.toLowerCase())) headers[name] = value;
  return headers;
}

const file = process.env.BENCH_FIXTURES;
if (!file) throw new Error('BENCH_FIXTURES is not set');
const { routes: fixtures } = JSON.parse(readFileSync(file, 'utf8')) as { routes: Fixture[] };
const routes = new Map<string, Route>();
for (const fixture of fixtures) {
  routes.set(fixture.path, {
    status: fixture.status,
    headers: headersOf(fixture.headers),
    body: Buffer.from(fixture.body, 'base64'),
    chunked: fixture.headers.some(([name, value]) => name.toLowerCase() === 'transfer-encoding' && /chunked/i.test(value)),
    ...(fixture.revalidate
      ? { revalidate: { ...fixture.revalidate, headers: headersOf(fixture.revalidate.headers) } }
      : {}),
  });
}

const server = createServer((request, response) => {
  if (request.url === '/healthz') {
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    return;
  }
  const route = routes.get(request.url ?? '');
  if (!route || request.method !== 'GET') {
    response.writeHead(404).end();
    return;
  }
  if (route.revalidate && request.headers['if-none-match'] === route.revalidate.etag) {
    response.writeHead(route.revalidate.status, route.revalidate.headers).end();
    return;
  }
  response.writeHead(route.status, route.headers);
  if (route.chunked) response.write(route.body);
  response.end(route.chunked ? undefined : route.body);
});
// node:http's own defaults, as @hono/node-server leaves them for opd-kit.
server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1');
const stop = () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
