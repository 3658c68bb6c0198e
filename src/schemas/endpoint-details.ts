/**
 * What only the server and the OpenAPI document read of an endpoint description: whether its
 * access needs a sign-in, its path's parameter names, the JSON media type. Re-exported by
 * `endpoint.ts`, where they are imported from; a module of their own so that the SDK and the
 * widgets, which never call them, do not carry them (see `PURE_MODULES` in rollup.config.mjs).
 *
 * @module
 */
import type { Access } from './endpoint.js';

/** True when `access` needs a signed-in staff user. */
export function needsSignIn(access: Access): boolean {
  return access !== 'public';
}

/** The names of the `{parameters}` in a path, in order. */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)].map((m) => m[1] as string);
}

/** The media type of JSON answers, the default of `Endpoint.produces`. */
export const JSON_MEDIA_TYPE = 'application/json';
