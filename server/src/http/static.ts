/**
 * Serves a folder of files (the demo site and the CDN build) with a small, safe handler:
 * no path outside the folder, `index.html` for folders, `<name>.html` for a clean address
 * without an extension (`/console`), a content type per extension.
 *
 * @module
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

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

/** How {@link serveFolder} serves. */
export interface ServeFolderOptions {
  /**
   * Let any website load these files (`Access-Control-Allow-Origin: *`,
   * `Cross-Origin-Resource-Policy: cross-origin`). Needed for the widgets file: a
   * `<script type="module">` on an OPD's own site fetches it in CORS mode.
   */
  crossOrigin?: boolean;
  /**
   * Files whose name matches carry their content's hash (`shared-1VKu5038.js`): they never
   * change, so browsers keep them a year without asking again. Others are revalidated.
   */
  immutable?: RegExp;
}

const REVALIDATE = 'no-cache';
const FOREVER = 'public, max-age=31536000, immutable';

/**
 * Serves files of `root` for GET/HEAD requests under `prefix` (e.g. `/cdn/`); others pass
 * through. Answers carry an `ETag`, so a returning browser revalidates with a 304.
 */
export function serveFolder(root: string, prefix = '/', options: ServeFolderOptions = {}): MiddlewareHandler<AppEnv> {
  const shared: Record<string, string> = options.crossOrigin
    ? { 'Access-Control-Allow-Origin': '*', 'Cross-Origin-Resource-Policy': 'cross-origin' }
    : {};
  const base = resolve(root);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!c.req.path.startsWith(prefix)) return next();
    let relative: string;
    try {
      relative = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return next();
    }
    if (relative.includes('\0')) return next();
    let file = resolve(join(base, relative));
    if (file !== base && !file.startsWith(base + sep)) return next();
    try {
      // A clean address names a page without its extension: `/console` is `console.html`.
      let info = await stat(file).catch(async (error: unknown) => {
        if (extname(file) !== '' || file === base) throw error;
        file = `${file}.html`;
        return stat(file);
      });
      if (info.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file);
      }
      if (!info.isFile()) return next();
      const etag = `W/"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"`;
      const cacheControl = options.immutable?.test(file) ? FOREVER : REVALIDATE;
      const headers = { ...shared, ETag: etag, 'Cache-Control': cacheControl };
      if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
      const body = await readFile(file);
      return c.body(body, 200, {
        ...headers,
        'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      });
    } catch {
      return next();
    }
  };
}
