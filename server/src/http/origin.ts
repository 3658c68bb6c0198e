/**
 * Where the client reached this backend, for the two things that need it: the sign-in's check
 * that a cookie write comes from the console's own page ({@link requestOrigin}, compared with
 * the browser's `Origin`), and the links an answer hands out — photos' `media_url`, Open311
 * discovery's endpoint ({@link publicBase}: `PUBLIC_URL` first).
 *
 * Behind `TRUST_PROXY` the origin is the one the proxy forwarded (`X-Forwarded-Proto`,
 * `X-Forwarded-Host`, the first of each list); a forwarded scheme other than http(s) or a
 * forwarded host that is no host (a path, credentials, a query) is ignored. The result is
 * normalized as browsers send `Origin`: lower case, no default port.
 *
 * @module
 */
import type { Context } from 'hono';
import type { Settings } from '../settings.js';
import type { AppEnv } from './env.js';

/** A request's header by name. */
export type HeaderReader = (name: string) => string | undefined;

/** `scheme://host` normalized (`https://jalan.lahatkab.go.id`), or undefined when `host` is not a plain host[:port]. */
function originOf(scheme: string, host: string | undefined): string | undefined {
  if (!host || /[\s/?#@\\]/.test(host)) return undefined;
  const candidate = `${scheme}://${host}`;
  return URL.canParse(candidate) ? new URL(candidate).origin : undefined;
}

/**
 * The backend's origin as the client sees it: the request's scheme and `Host` (or, behind
 * `TRUST_PROXY`, the forwarded scheme and host).
 */
export function requestOrigin(settings: Pick<Settings, 'trustProxy'>, url: string, header: HeaderReader): string {
  const own = new URL(url);
  const ownScheme = own.protocol.slice(0, -1);
  const direct = originOf(ownScheme, header('Host')?.trim()) ?? own.origin;
  if (!settings.trustProxy) return direct;
  const proto = header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase();
  const scheme = proto === 'https' || proto === 'http' ? proto : ownScheme;
  const forwardedHost = header('X-Forwarded-Host')?.split(',')[0]?.trim();
  return originOf(scheme, forwardedHost) ?? originOf(scheme, new URL(direct).host)!;
}

/**
 * The base of the links an answer hands out: `PUBLIC_URL` when the settings have one (a path
 * allowed, e.g. `https://layanan.lahatkab.go.id/opd-kit`), else {@link requestOrigin}.
 */
export function publicBase(settings: Pick<Settings, 'publicUrl' | 'trustProxy'>, url: string, header: HeaderReader): string {
  return settings.publicUrl ?? requestOrigin(settings, url, header);
}

/** {@link requestOrigin} of a route's request, with the app's settings. */
export function requestOriginOf(c: Context<AppEnv>): string {
  return requestOrigin(c.get('deps').settings, c.req.url, (name) => c.req.header(name));
}

/** {@link publicBase} of a route's request, with the app's settings. */
export function publicBaseOf(c: Context<AppEnv>): string {
  return publicBase(c.get('deps').settings, c.req.url, (name) => c.req.header(name));
}
