/**
 * The app on Node's HTTP server. The hottest reads (`fast-reads.ts`: the OPD directory and the
 * widgets' files) are answered straight on Node's request and response, from memory: no Web
 * `Request` or `Response` is made for them, which is most of what such a small answer costs.
 * Everything else — and whatever the fast path cannot answer — goes to the app's `fetch` through
 * Hono's Node adapter, as before.
 *
 * @module
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { plainPath, type FastAnswer, type FastReads, type FastRequest } from './fast-reads.js';

/** A header of Node's request by its lower-case name (repeated ones joined, as `Headers` does). */
function headerOf(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function send(response: ServerResponse, answer: FastAnswer): void {
  const headers: Record<string, string | number> = answer.headers;
  // The length of what is sent; a HEAD or a 304 sends none (and says none, as the long way does).
  if (answer.status !== 304 && answer.body) headers['Content-Length'] = answer.body.byteLength;
  response.writeHead(answer.status, headers);
  response.end(answer.body ?? undefined);
}

/**
 * Node's request listener: `fast` first (when given), `fetch` for the rest.
 *
 * @param fast - the fast path, or undefined to send every request to `fetch`
 * @param fetch - the app's long way
 */
export function nodeListener(fast: FastReads | undefined, fetch: (request: Request) => Response | Promise<Response>): RequestListener {
  const longWay = getRequestListener(fetch);
  if (!fast) return longWay;
  return (request, response) => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return longWay(request, response);
    const asked: FastRequest = { method, path: plainPath(request.url ?? ''), header: (name) => headerOf(request, name), socketAddress: request.socket.remoteAddress };
    const answer = fast(asked);
    if (!answer) return longWay(request, response);
    if (!(answer instanceof Promise)) return send(response, answer);
    answer.then(
      (found) => (found ? send(response, found) : longWay(request, response)),
      () => longWay(request, response),
    );
  };
}
