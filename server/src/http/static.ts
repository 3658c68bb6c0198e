/**
 * Serves a folder of files (the demo site and the CDN build) with a small, safe handler:
 * no path outside the folder, `index.html` for folders, `<name>.html` for a clean address
 * without an extension (`/console`), a content type per extension.
 *
 * Every page view of every OPD website that embeds a widget asks for the widgets file, so
 * files are kept in memory as prepared answers (`prepared.ts`): a strong ETag of their content,
 * a 304 for a browser that has them, and the brotli or gzip copy the build wrote next to each
 * (`<file>.br`, `<file>.gz`; `rollup.config.mjs`), else one made here once. A file is looked at
 * on disk again at most once a second, so a new build is served within a second without a restart.
 *
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';
import { prepareBody, sendPrepared, type PreparedBody } from './prepared.js';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Text worth compressing when the build did not (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

/** Files kept in memory are at most this big; a bigger one is read for each request. */
const MAX_CACHED_BYTES = 4 * 1024 * 1024;

/** How long a file is served from memory before its size and time on disk are looked at again. */
const RECHECK_MS = 1000;

/** Revalidate on every use: pages, whose links may change with any release. */
export const REVALIDATE = 'no-cache';
/** Kept for good: a file named by its content's hash never changes. */
export const FOREVER = 'public, max-age=31536000, immutable';

/** How {@link serveFolder} serves. */
export interface ServeFolderOptions {
  /**
   * Let any website load these files (`Access-Control-Allow-Origin: *`,
   * `Cross-Origin-Resource-Policy: cross-origin`). Needed for the widgets file: a
   * `<script type="module">` on an OPD's own site fetches it in CORS mode.
   */
  crossOrigin?: boolean;
  /**
   * The `Cache-Control` of a file, by its path inside the folder (`staff/console.js`);
   * default {@link REVALIDATE} for every file.
   */
  cacheControl?: (relativePath: string) => string;
}

/** A file in memory, with when it was last compared with the disk. */
interface CachedFile {
  file: string;
  relative: string;
  size: number;
  mtimeMs: number;
  checkedAt: number;
  prepared: PreparedBody;
  /** The headers it is sent with, made on first use (a new build of the file is a new entry). */
  headers?: Record<string, string>;
}

/** A served folder: its middleware, and its files in memory for the fast path (`fast-reads.ts`). */
export interface ServedFolder {
  /** Serves the folder's files under its prefix; other requests pass through. */
  handler: MiddlewareHandler<AppEnv>;
  /**
   * The file a path names, when it is in memory and was looked at on disk less than a second
   * ago, with the headers it is sent with (without `ETag` and encoding: `answerPrepared` adds
   * them); undefined otherwise (the middleware then reads it).
   */
  fromMemory(path: string): { prepared: PreparedBody; headers: Record<string, string> } | undefined;
}

/**
 * Serves files of `root` for GET/HEAD requests under `prefix` (e.g. `/cdn/`); others pass
 * through, and so do paths that name no file. Answers carry a strong `ETag`, so a returning
 * browser revalidates with a 304.
 */
export function serveFolder(root: string, prefix = '/', options: ServeFolderOptions = {}): MiddlewareHandler<AppEnv> {
  return createServedFolder(root, prefix, options).handler;
}

/** The most request paths whose resolved file path a folder remembers. */
const RESOLVED_MAX = 1024;

/** {@link serveFolder}, with access to the files it keeps in memory. */
export function createServedFolder(root: string, prefix = '/', options: ServeFolderOptions = {}): ServedFolder {
  const shared: Record<string, string> = options.crossOrigin
    ? { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }
    : {};
  const cacheControl = options.cacheControl ?? (() => REVALIDATE);
  const base = resolve(root);
  /** By the path asked for (resolved), so a clean address finds its page without a `stat`. */
  const files = new Map<string, CachedFile>();
  /** Loads under way, so many requests for a file not yet in memory read it once. */
  const loading = new Map<string, Promise<CachedFile | undefined>>();

  const headersOf = (cached: CachedFile): Record<string, string> =>
    (cached.headers ??= { ...shared, 'Cache-Control': cacheControl(cached.relative) });
  const send = (c: Context<AppEnv>, cached: CachedFile): Response => sendPrepared(c, cached.prepared, headersOf(cached));

  /** The resolved path of each path asked for, so the next request for it skips the path arithmetic. */
  const resolvedOf = new Map<string, string>();
  const fromMemory: ServedFolder['fromMemory'] = (path) => {
    // Only plain paths: anything to decode goes the long way.
    if (!path.startsWith(prefix) || path.includes('%')) return undefined;
    let resolved = resolvedOf.get(path);
    if (resolved === undefined) {
      resolved = resolve(join(base, path.slice(prefix.length)));
      // Only for files it holds, and a bounded number (`/cdn//x.js` names x.js too): made-up paths do not grow it.
      if (files.has(resolved) && resolvedOf.size < RESOLVED_MAX) resolvedOf.set(path, resolved);
    }
    const known = files.get(resolved);
    if (!known || performance.now() - known.checkedAt >= RECHECK_MS) return undefined;
    if (known.file !== base && !known.file.startsWith(base + sep)) return undefined;
    return { prepared: known.prepared, headers: headersOf(known) };
  };

  const handler: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!c.req.path.startsWith(prefix)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return next();
    }
    if (relative.includes('\0')) return next();
    const asked = resolve(join(base, relative));
    if (asked !== base && !asked.startsWith(base + sep)) return next();
    // The build's compressed copies are sent in place of their file, not as files of their own.
    if (asked.endsWith('.br') || asked.endsWith('.gz')) return next();

    const known = files.get(asked);
    if (known && performance.now() - known.checkedAt < RECHECK_MS) return send(c, known);
    let pending = loading.get(asked);
    if (!pending) {
      pending = load(base, asked, known).finally(() => loading.delete(asked));
      loading.set(asked, pending);
    }
    const cached = await pending;
    if (!cached) {
      files.delete(asked);
      return next();
    }
    if (cached.size <= MAX_CACHED_BYTES) files.set(asked, cached);
    return send(c, cached);
  };
  return { handler, fromMemory };
}

/** The file at `asked` (or its clean address's page, or its folder's index), read when it changed; undefined when there is none. */
async function load(base: string, asked: string, known: CachedFile | undefined): Promise<CachedFile | undefined> {
  const checkedAt = performance.now();
  const found = await locate(base, asked);
  if (!found) return undefined;
  const { file, size, mtimeMs } = found;
  if (known && known.file === file && known.size === size && known.mtimeMs === mtimeMs) {
    known.checkedAt = checkedAt;
    return known;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    return undefined;
  }
  const extension = extname(file).toLowerCase();
  const contentType = CONTENT_TYPES[extension] ?? 'application/octet-stream';
  const copies = await builtCopies(file, mtimeMs);
  const compress = !copies.br && !copies.gzip && COMPRESSIBLE.has(extension) && bytes.length <= MAX_CACHED_BYTES;
  const prepared = prepareBody(bytes, contentType, { ...copies, compress, quick: true });
  return { file, relative: file.slice(base.length + 1).split(sep).join('/'), size, mtimeMs, checkedAt, prepared };
}

/** Finds the file a path names: itself, `<path>.html` for a clean address, or `<folder>/index.html`. */
async function locate(base: string, asked: string): Promise<{ file: string; size: number; mtimeMs: number } | undefined> {
  let file = asked;
  let info = await stat(file).catch(() => undefined);
  if (!info && extname(file) === '' && file !== base) {
    file = `${file}.html`;
    info = await stat(file).catch(() => undefined);
  }
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) return undefined;
  return { file, size: info.size, mtimeMs: info.mtimeMs };
}

/** The `.br` and `.gz` copies the build wrote next to `file`, where they are not older than it. */
async function builtCopies(file: string, mtimeMs: number): Promise<{ br?: Uint8Array; gzip?: Uint8Array }> {
  const copy = async (suffix: string) => {
    const info = await stat(`${file}${suffix}`).catch(() => undefined);
    if (!info?.isFile() || info.mtimeMs < mtimeMs) return undefined;
    return readFile(`${file}${suffix}`).catch(() => undefined);
  };
  const [br, gzip] = await Promise.all([copy('.br'), copy('.gz')]);
  return { ...(br ? { br } : {}), ...(gzip ? { gzip } : {}) };
}
