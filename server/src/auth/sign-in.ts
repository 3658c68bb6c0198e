/**
 * Sign-in and authorization of staff endpoints, from each endpoint's `access` alone (see
 * `Access` in `src/schemas/endpoint.ts`): routes never check roles themselves.
 *
 * - {@link requireSignIn}: a live bearer token (`Authorization: Bearer …`) or the console's
 *   cookie, else 401. A write signed in by cookie must come from the backend's own origin
 *   (the cookie is SameSite=Strict as well). A user signed in with a one-time password may
 *   only change it (403 `password-change-required`).
 * - {@link authorize}: the role and OPD the endpoint needs, else 403 saying which.
 *
 * @module
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Access, StaffRole } from '../../../src/schemas/index.js';
import type { StaffUserRow } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { requestOriginOf } from '../http/origin.js';
import { ProblemError } from '../http/problem.js';
import { worksFor, type Actor } from './actor.js';
import { SESSION_COOKIE, touchToken, userOfToken } from './tokens.js';

/** Endpoints a user who must change their password may still call. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['getMe', 'logout', 'changePassword']);

const REALM = 'Bearer realm="opd-kit staff"';

/** The actor of a signed-in user's row. */
export function actorOf(user: StaffUserRow, tokenId: string): Actor {
  return { id: user.id, email: user.email, name: user.name, role: user.role as StaffRole, opd: user.opd_slug, tokenId };
}

/** The token a request signs in with, and how it came. */
function credentialOf(c: Context<AppEnv>): { token: string; by: 'bearer' | 'cookie' } | undefined {
  const header = c.req.header('Authorization');
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1]) {
      throw new ProblemError('unauthorized', {
        detail: 'Send the token as Authorization: Bearer <token> (sign in at POST /api/v1/auth/login)',
        headers: { 'WWW-Authenticate': `${REALM}, error="invalid_request"` },
      });
    }
    return { token: match[1], by: 'bearer' };
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, by: 'cookie' } : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Signs the request in (sets `actor`), or answers 401 / 403; `endpointId` for the password-change rule. */
export function requireSignIn(endpointId: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const credential = credentialOf(c);
    if (!credential) {
      throw new ProblemError('unauthorized', {
        detail: 'Sign in first: POST /api/v1/auth/login with your e-mail and password, then send Authorization: Bearer <token>',
        headers: { 'WWW-Authenticate': REALM },
      });
    }
    const { db, now } = c.get('deps');
    const at = now();
    const found = await userOfToken(db, credential.token, at);
    if (!found) {
      throw new ProblemError('unauthorized', {
        detail: 'This sign-in has expired or was ended. Sign in again.',
        headers: { 'WWW-Authenticate': `${REALM}, error="invalid_token"` },
      });
    }
    // SameSite=Strict does not tell the regency's own sites apart (bpkad.lahatkab.go.id and
    // the console's host are one site): a browser says where a request comes from, and a
    // cookie sign-in is taken only from the console's own page or a typed address.
    const fetchSite = c.req.header('Sec-Fetch-Site');
    if (credential.by === 'cookie' && fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
      throw new ProblemError('forbidden', {
        detail: 'The console cookie is taken only from the console’s own page. Scripts send Authorization: Bearer <token>.',
      });
    }
    if (credential.by === 'cookie' && !SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('Origin');
      // The backend's own origin as the browser sees it (behind a trusted proxy, the forwarded one).
      if (origin !== requestOriginOf(c)) {
        throw new ProblemError('forbidden', {
          detail: 'A change signed in with the console cookie must come from the console’s own page. Scripts send Authorization: Bearer <token>.',
        });
      }
    }
    if (found.user.must_change_password && !WHILE_PASSWORD_MUST_CHANGE.has(endpointId)) {
      throw new ProblemError('password-change-required', {
        detail: 'You signed in with a one-time password: choose your own first (POST /api/v1/auth/password).',
      });
    }
    await touchToken(db, found.tokenId, found.lastUsedAt, at);
    c.set('actor', actorOf(found.user, found.tokenId));
    await next();
  };
}

const ROLE_NAMES: Readonly<Record<StaffRole, string>> = {
  regency_admin: 'a regency admin',
  opd_admin: 'an OPD admin',
  opd_staff: 'OPD staff',
};

/**
 * Why `actor` may not call an endpoint of `access` about `opd` (the `{opd}` of its path, if
 * any), or null when they may.
 */
export function refusal(actor: Pick<Actor, 'role' | 'opd'>, access: Access, opd: string | undefined): string | null {
  const who = actor.opd ? `You are ${ROLE_NAMES[actor.role]} of ${actor.opd}` : `You are ${ROLE_NAMES[actor.role]}`;
  switch (access) {
    case 'public':
      return null;
    case 'staff':
      return opd === undefined || worksFor(actor, opd) ? null : `${who}; only ${opd}'s staff or a regency admin may do this`;
    case 'opd-admin':
      if (actor.role === 'regency_admin') return null;
      if (actor.role === 'opd_admin' && opd !== undefined && actor.opd === opd) return null;
      return `${who}; only ${opd ?? 'the OPD'}'s admin or a regency admin may do this`;
    case 'regency-admin':
      return actor.role === 'regency_admin' ? null : `${who}; only a regency admin may do this`;
  }
}

/** Answers 403 unless the signed-in actor may call an endpoint of `access` (the `{opd}` from the path). */
export function authorize(access: Access, scoped: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.get('actor') as Actor;
    const reason = refusal(actor, access, scoped ? c.get('opd')?.slug : undefined);
    if (reason) throw new ProblemError('forbidden', { detail: reason });
    await next();
  };
}
