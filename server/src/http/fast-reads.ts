/**
 * The fast path of the hottest reads: `GET`/`HEAD` of `/api/v1/opds`, `/api/v1/opds/{opd}` and
 * the widgets' files under `/cdn/`, answered from memory before the router and the middleware
 * chain, because every page view of every OPD website that embeds a widget makes them and an
 * announcement on the regency's social media sends thousands at once.
 *
 * It answers exactly what the long way answers (same bytes, status and headers: request id,
 * `nosniff`, CORS, `Vary`, `Cache-Control`, `ETag`, encoding, 304; `test/server/spine/fast-reads.test.ts`
 * compares the two), and only when it has everything in memory: an OPD the directory knows, a
 * file the folder holds and looked at within the second. Anything else — an unknown OPD, a
 * query string, an escaped path, a file not yet read — goes the long way, which also answers
 * every error. The answers are the directory's and the folder's prepared ones, so there is
 * nothing to check again here.
 *
 * @module
 */
import { OPD_SLUG_PATTERN } from '../../../src/schemas/index.js';
import type { OpdDirectory } from '../tenancy/directory.js';
import { allowedBySettings, readableBy } from './cors.js';
import type { AppDeps } from './env.js';
import { answerPrepared, type PreparedBody } from './prepared.js';
import { clientKey, limitOf, rateLimitHeaders, windowAt, type RateLimits } from './rate-limit.js';
import { requestIdFor } from './request-id.js';
import { cameOverHttps, HSTS, SECURITY_HEADERS } from './security-headers.js';
import type { ServedFolder } from './static.js';

/** What the fast path answers from. */
export interface FastReadSources {
  deps: Pick<AppDeps, 'settings' | 'log' | 'now'> & { directory: OpdDirectory };
  /** The CDN folder, served at `/cdn/`. */
  cdn: ServedFolder;
  /** The app's rate-limit counters: the directory reads are public reads, counted here as on the long way. */
  limits: RateLimits;
}

/** The same for the directory's two reads as their routes send (`tenancy/routes.ts`). */
const DIRECTORY_CACHE = 'public, max-age=60';
const LIST_PATH = '/api/v1/opds';
const OPD_PREFIX = '/api/v1/opds/';

/** A request as the fast path reads it, from a Web `Request` or from Node's `IncomingMessage`. */
export interface FastRequest {
  method: string;
  /** The path with no query string or fragment; undefined when the URL had either (the long way answers those). */
  path: string | undefined;
  /** A request header's value by its lower-case name. */
  header(name: string): string | undefined;
  /** The socket's remote address, when there is a socket (for the public-read limit). */
  socketAddress?: string | undefined;
}

/** An answer of the fast path: status, headers and the bytes (null for a 304 or a HEAD). */
export interface FastAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/**
 * The fast path: answers a request it can answer from memory (synchronously, or as the
 * promise's value), or gives undefined for the long way.
 */
export type FastReads = (request: FastRequest) => FastAnswer | Promise<FastAnswer | undefined> | undefined;

/** Makes the fast path over the directory and the CDN folder. */
export function fastReads(sources: FastReadSources): FastReads {
  const { deps, cdn, limits } = sources;
  const { settings, directory, log } = deps;
  const readLimit = limitOf(settings, 'public-reads');

  /**
   * Counts a directory read against the public-read limit, as the route's own step does; its
   * headers, or undefined when the client is over the limit (the long way then answers the 429).
   */
  const countRead = (request: FastRequest): Record<string, string> | undefined | null => {
    if (readLimit <= 0) return null;
    const window = windowAt(deps.now().getTime());
    const count = limits.reads.hit(`public-read:${clientKey(clientAddress(request))}`, window.start);
    if (count > readLimit) return undefined;
    return rateLimitHeaders({ limitClass: 'public-reads', limit: readLimit, count, reset: window.reset });
  };

  /** The address the limit counts, as `http/client-ip.ts` works it out. */
  const clientAddress = (request: FastRequest): string => {
    if (settings.trustProxy) {
      const forwarded = request.header('x-forwarded-for');
      const last = forwarded?.slice(forwarded.lastIndexOf(',') + 1).trim();
      if (last) return last;
    }
    return request.socketAddress ?? 'unknown';
  };

  /** The answer with the headers every answer of the app carries. */
  const respond = (request: FastRequest, path: string, prepared: PreparedBody, headers: Record<string, string>): FastAnswer => {
    const answer = answerPrepared(prepared, request.header('accept-encoding'), request.header('if-none-match'), headers);
    answer.headers['X-Request-Id'] = requestIdFor(request.header('x-request-id') ?? null);
    Object.assign(answer.headers, path.startsWith('/cdn/') ? SECURITY_HEADERS.cdn : SECURITY_HEADERS.api);
    if (cameOverHttps(settings.trustProxy, request.header('x-forwarded-proto'))) answer.headers['Strict-Transport-Security'] = HSTS;
    // As the long way logs every request (method, path, status only).
    log.debug('request', { method: request.method, path, status: answer.status, fast: true });
    // HEAD: the headers of the GET, no body (as Hono answers it).
    return { status: answer.status, headers: answer.headers, body: request.method === 'HEAD' ? null : answer.body };
  };

  /** The directory reads' headers: cached a minute, `Vary: Origin`, readable by the origins CORS allows. */
  const directoryHeaders = async (request: FastRequest): Promise<Record<string, string>> => {
    const headers: Record<string, string> = { 'Cache-Control': DIRECTORY_CACHE, Vary: 'Origin' };
    const origin = request.header('origin');
    // Neither path is about one OPD's routes: any OPD's website may read them (`cors.ts`).
    if (origin && (allowedBySettings(settings.corsOrigins, origin) || (await directory.current()).allowedOrigins.has(origin))) {
      Object.assign(headers, readableBy(origin));
    }
    return headers;
  };

  return (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return undefined;
    const path = request.path;
    if (path === undefined) return undefined;

    if (path.startsWith('/cdn/')) {
      const file = cdn.fromMemory(path);
      // In memory: answered at once, without a turn of the event loop's promise queue.
      return file ? respond(request, path, file.prepared, file.headers) : undefined;
    }
    if (path === LIST_PATH) {
      const limited = countRead(request);
      if (limited === undefined) return undefined;
      return (async () => respond(request, path, await directory.list(), { ...(await directoryHeaders(request)), ...limited }))();
    }
    if (path.startsWith(OPD_PREFIX)) {
      const slug = path.slice(OPD_PREFIX.length);
      if (!OPD_SLUG_PATTERN.test(slug)) return undefined;
      return (async () => {
        const row = await directory.opd(slug);
        // An unknown OPD is the long way's 404 (counted there).
        if (!row) return undefined;
        const limited = countRead(request);
        if (limited === undefined) return undefined;
        return respond(request, path, (await directory.view(row)).prepared, { ...(await directoryHeaders(request)), ...limited });
      })();
    }
    return undefined;
  };
}

/** A Web `Request` as the fast path reads it. */
export function fastRequestOf(request: Request, socketAddress?: string): FastRequest {
  return { method: request.method, path: plainPath(request.url), header: (name) => request.headers.get(name) ?? undefined, socketAddress };
}

/** A fast answer as a Web `Response`. */
export function responseOf(answer: FastAnswer): Response {
  return new Response(answer.body as Uint8Array<ArrayBuffer> | null, { status: answer.status, headers: answer.headers });
}

/**
 * The path of a URL (absolute, or the path Node gives) when it is plain: no query string or
 * fragment, no dot segment or backslash (a Web URL resolves those; Node's path has them as sent).
 * Otherwise undefined, for the long way.
 */
export function plainPath(url: string): string | undefined {
  const start = url.startsWith('/') ? 0 : url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return undefined;
  const path = url.slice(start);
  return /[?#\\]|\/\./.test(path) ? undefined : path;
}
