/**
 * The problem codes every module may answer with, and their `type` URIs. A module of its own,
 * re-exported by `common.ts`: only the server and `opd-kit/schemas` read them, so the build
 * leaves them out of the chunks the SDK and the widgets load (see `PURE_MODULES` in
 * rollup.config.mjs).
 *
 * @module
 */

/** The problem types every module may answer with; `type` is `/problems/<code>`. Modules add their own. */
export const problemCodes = [
  'validation',
  'not-found',
  'module-disabled',
  'unauthorized',
  'forbidden',
  'password-change-required',
  'conflict',
  'idempotency-conflict',
  'rate-limited',
  'payload-too-large',
  'unsupported-media-type',
  'internal',
] as const;

/** A problem type code, see {@link problemCodes}. */
export type ProblemCode = (typeof problemCodes)[number];

/** The `type` URI (relative to the API) for a problem code. */
export function problemType(code: ProblemCode | (string & {})): string {
  return `/problems/${code}`;
}
