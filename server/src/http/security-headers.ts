/**
 * The security headers of every answer, by what was asked for. Both ways of answering add them:
 * the app's outermost middleware (`app.ts`, every answer of the router: API, problems, 304s,
 * files, pages) and the fast path (`fast-reads.ts`), from the same table.
 *
 * | what | paths | headers besides `X-Content-Type-Options: nosniff` |
 * |---|---|---|
 * | API | `/api/`, `/open311/`, `/openapi.json`, `/healthz`, anything else | `Referrer-Policy: no-referrer`, `Cross-Origin-Resource-Policy: same-site` |
 * | widget files | `/cdn/` | `strict-origin-when-cross-origin`, CORP `cross-origin` (every OPD's site loads them) |
 * | media | `/media/` (report photos, evidence) | `no-referrer`, CORP `cross-origin` (widgets on OPD sites show them) |
 * | console | `/console` | `strict-origin-when-cross-origin`, CORP `same-origin`, `X-Frame-Options: DENY`, a strict CSP with `frame-ancestors 'none'` |
 * | API reference | `/docs`, `/docs/docs.css` | as the console, a CSP for a page with no script at all |
 * | SDK reference | `/docs/reference/` | as the console; its CSP lets typedoc's own inline scripts run (static pages, no data) |
 * | demo site | the rest of `examples/` | `strict-origin-when-cross-origin`, CORP `same-origin`, `X-Frame-Options: SAMEORIGIN`, `frame-ancestors 'self'` (the gallery previews it) |
 *
 * `Strict-Transport-Security: max-age=31536000` is added when the request came over HTTPS:
 * behind `TRUST_PROXY`, a forwarded `X-Forwarded-Proto: https`. Without `includeSubDomains`:
 * the backend does not speak for the regency's other hosts.
 *
 * @module
 */

/** A class of answers with the same security headers; see the module comment. */
export type HeaderClass = 'api' | 'cdn' | 'media' | 'console' | 'docs' | 'reference' | 'demo';

/** The console's policy: what `examples/console.html` says in its own meta tag, plus framing and plugins. */
const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
/** The API reference (`openapi/docs-page.ts`): no script, one stylesheet. */
const DOCS_CSP = "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** typedoc's pages set their theme with inline scripts; they hold no data anyone typed. */
const REFERENCE_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

const PAGE = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin', 'Cross-Origin-Resource-Policy': 'same-origin' };

/** The headers of each class (frozen: shared by every answer of the class). */
export const SECURITY_HEADERS: Readonly<Record<HeaderClass, Readonly<Record<string, string>>>> = Object.freeze({
  api: Object.freeze({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'same-site' }),
  cdn: Object.freeze({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'strict-origin-when-cross-origin', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
  media: Object.freeze({ 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cross-Origin-Resource-Policy': 'cross-origin' }),
  console: Object.freeze({ ...PAGE, 'X-Frame-Options': 'DENY', 'Content-Security-Policy': CONSOLE_CSP }),
  docs: Object.freeze({ ...PAGE, 'X-Frame-Options': 'DENY', 'Content-Security-Policy': DOCS_CSP }),
  reference: Object.freeze({ ...PAGE, 'X-Frame-Options': 'DENY', 'Content-Security-Policy': REFERENCE_CSP }),
  demo: Object.freeze({ ...PAGE, 'X-Frame-Options': 'SAMEORIGIN', 'Content-Security-Policy': "frame-ancestors 'self'" }),
});

/** Kept a year; the backend's own host only. */
export const HSTS = 'max-age=31536000';

/**
 * The class of a path. `demoServed`: the demo site is served at `/` (`SERVE_DEMO`); without it,
 * only the console's page and the files it links are pages, and anything else is the API's 404.
 */
export function headerClassOf(path: string, demoServed: boolean): HeaderClass {
  if (path.startsWith('/api/') || path.startsWith('/open311/')) return 'api';
  if (path.startsWith('/cdn/')) return 'cdn';
  if (path.startsWith('/media/')) return 'media';
  if (path === '/console' || path === '/console.html') return 'console';
  if (path === '/docs' || path === '/docs/' || path === '/docs/docs.css') return 'docs';
  if (path.startsWith('/docs/reference/')) return 'reference';
  if (path === '/openapi.json' || path === '/healthz') return 'api';
  if (demoServed || path === '/site.css' || path === '/favicon.svg') return 'demo';
  return 'api';
}

/** True when the request came over HTTPS: only a trusted proxy's `X-Forwarded-Proto` can say so (Node's server here speaks HTTP). */
export function cameOverHttps(trustProxy: boolean, forwardedProto: string | undefined, url?: string): boolean {
  if (url?.startsWith('https:')) return true;
  if (!trustProxy || !forwardedProto) return false;
  const comma = forwardedProto.indexOf(',');
  return (comma < 0 ? forwardedProto : forwardedProto.slice(0, comma)).trim().toLowerCase() === 'https';
}

/** Sets the security headers of `path`'s class on `headers` (and HSTS when `https`); headers already there are kept. */
export function addSecurityHeaders(headers: Headers, path: string, demoServed: boolean, https: boolean): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS[headerClassOf(path, demoServed)])) {
    if (!headers.has(name)) headers.set(name, value);
  }
  if (https) headers.set('Strict-Transport-Security', HSTS);
}
