/**
 * The foundation's staff sign-in: one bearer token (`STAFF_TOKEN`) for every staff route.
 * Staff accounts and roles replace it later; routes only read `c.get('actor')`.
 *
 * @module
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';

/** The audit-log actor of a request signed in with the staff token. */
export const STAFF_TOKEN_ACTOR = 'staff';

/** Compares two secrets in time that does not depend on where they differ (or on their lengths). */
export function secretsEqual(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** Lets a request through only with `Authorization: Bearer <STAFF_TOKEN>`; else 401 problem. */
export function requireStaff(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const token = match?.[1];
    if (!token || !secretsEqual(token, c.get('deps').settings.staffToken)) {
      throw new ProblemError('unauthorized', {
        detail: token ? 'The staff token is not valid' : 'Send the staff token as Authorization: Bearer <token>',
        headers: {
          'WWW-Authenticate': token
            ? 'Bearer realm="opd-kit staff", error="invalid_token"'
            : 'Bearer realm="opd-kit staff"',
        },
      });
    }
    c.set('actor', STAFF_TOKEN_ACTOR);
    await next();
  };
}
