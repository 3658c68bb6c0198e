/**
 * RFC 9457 problem documents: every error the API answers is one of these, with
 * `Content-Type: application/problem+json`, a stable `type` (`/problems/<code>`) and,
 * for bad input, the fields at fault.
 *
 * @module
 */
import type { Context } from 'hono';
import type { AppEnv } from './env.js';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { problemType, type FieldError, type Problem, type ProblemCode } from '../../../src/schemas/index.js';

/** How a problem code answers unless told otherwise. */
export interface ProblemDefinition {
  /** The HTTP status, e.g. 409. */
  status: ContentfulStatusCode;
  /** A short summary of the problem type, the same for every occurrence. */
  title: string;
}

/** The spine's problem codes; modules add their own (`ServerModule.problems`). */
export const problemDefaults: Record<ProblemCode, ProblemDefinition> = {
  validation: { status: 422, title: 'The request has fields that need fixing' },
  'not-found': { status: 404, title: 'Not found' },
  'module-disabled': { status: 404, title: 'This service is not enabled for this agency' },
  unauthorized: { status: 401, title: 'Sign-in required' },
  forbidden: { status: 403, title: 'Not allowed' },
  'password-change-required': { status: 403, title: 'Choose your own password first' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'idempotency-conflict': { status: 422, title: 'This Idempotency-Key was used for a different request' },
  'rate-limited': { status: 429, title: 'Too many requests' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  internal: { status: 500, title: 'Something went wrong on our side' },
};

/** Every problem code the app answers with: the spine's and its modules'. */
export type ProblemRegistry = ReadonlyMap<string, ProblemDefinition>;

/** The spine's codes plus each module's; a module redefining a code is a start-up error. */
export function problemRegistry(modules: readonly { id: string; problems?: Readonly<Record<string, ProblemDefinition>> }[]): ProblemRegistry {
  const registry = new Map<string, ProblemDefinition>(Object.entries(problemDefaults));
  const owner = new Map<string, string>(Object.keys(problemDefaults).map((code) => [code, 'the spine']));
  for (const module of modules) {
    for (const [code, definition] of Object.entries(module.problems ?? {})) {
      if (owner.has(code)) throw new Error(`Module ${module.id} defines problem code "${code}", already defined by ${owner.get(code)}`);
      owner.set(code, `module ${module.id}`);
      registry.set(code, definition);
    }
  }
  return registry;
}

/** What to say besides the code. */
export interface ProblemOptions {
  status?: ContentfulStatusCode;
  title?: string;
  detail?: string;
  errors?: FieldError[];
  /** On an `idempotency-conflict`: the answer the key already produced (the problem's `stored` member). */
  stored?: unknown;
  headers?: Record<string, string>;
}

/**
 * An error a handler throws to answer with a problem document; the app's error handler
 * turns it into the response. Anything else thrown becomes a bare 500.
 */
export class ProblemError extends Error {
  /** The problem code, e.g. `validation`: the spine's or a module's. */
  readonly code: ProblemCode | (string & {});
  /** What to answer besides the code. */
  readonly options: ProblemOptions;

  constructor(code: ProblemCode | (string & {}), options: ProblemOptions = {}) {
    super(options.detail ?? problemDefaults[code as ProblemCode]?.title ?? code);
    this.name = 'ProblemError';
    this.code = code;
    this.options = options;
  }
}

/** A validation problem (422 unless told) naming the fields at fault. */
export function validationProblem(errors: FieldError[], detail?: string, status: ContentfulStatusCode = 422): ProblemError {
  return new ProblemError('validation', {
    status,
    detail: detail ?? describeFields(errors),
    errors,
  });
}

function describeFields(errors: FieldError[]): string {
  const paths = [...new Set(errors.map((e) => e.path || '(body)'))];
  return `Check ${paths.join(', ')}`;
}

/** Builds the problem document for `code`, with the request id of `c` when known. */
function problemBody(c: Context<AppEnv>, code: ProblemCode | (string & {}), options: ProblemOptions = {}): Problem {
  // Unset when the failure came before the app's first middleware: then the spine's codes.
  const registry = (c.get('deps') as AppEnv['Variables']['deps'] | undefined)?.problems;
  const defaults = registry?.get(code) ?? problemDefaults[code as ProblemCode];
  if (!defaults) throw new Error(`Unknown problem code "${code}": declare it in the module's problems`);
  const body: Problem = {
    type: problemType(code),
    title: options.title ?? defaults.title,
    status: options.status ?? defaults.status,
  };
  if (options.detail) body.detail = options.detail;
  const requestId = c.get('requestId') as string | undefined;
  if (requestId) body.requestId = requestId;
  if (options.errors && options.errors.length > 0) body.errors = options.errors;
  if (options.stored !== undefined && options.stored !== null) body.stored = options.stored;
  return body;
}

/** Answers with a problem document (`application/problem+json`). */
export function problem(c: Context<AppEnv>, code: ProblemCode | (string & {}), options: ProblemOptions = {}): Response {
  const body = problemBody(c, code, options);
  const headers: Record<string, string> = {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
    ...options.headers,
  };
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, headers);
}

/** Seconds a client is asked to wait (`Retry-After`) when the database cannot be used for now. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** Node's codes for a connection that cannot be made or was lost, and for a disk that takes no more writes. */
const UNAVAILABLE_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENOSPC',
  'EDQUOT',
  'EROFS',
  'EIO',
]);

/**
 * PostgreSQL's SQLSTATEs for the same: class 08 (connection exception), 53 (insufficient
 * resources: disk full, out of memory, too many connections), 57P01–57P03 (the server shutting
 * down or not taking connections yet) and 58030 (an I/O error, e.g. a read-only disk).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[123]|58030)$/;

/** What node-postgres says when a connection dies under a query or none can be had in time. */
const UNAVAILABLE_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|Cannot use a pool after calling end/i;

/**
 * True when `error` says the database (or the disk under it) cannot be used right now — it is
 * down, unreachable, out of connections or out of space — rather than that the request or the
 * code is wrong. The error handler answers these 503 with `Retry-After`: nothing was stored, and
 * the same request may be sent again. Looks through `cause` chains (Kysely and pg wrap errors).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let at = error, depth = 0; at && typeof at === 'object' && depth < 5; at = (at as { cause?: unknown }).cause, depth++) {
    const code = (at as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_ERRNOS.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
    const message = (at as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
  }
  return false;
}

/**
 * The answer while the database cannot be used: 503 problem+json with `Retry-After`
 * ({@link UNAVAILABLE_RETRY_AFTER_SECONDS}): a connection lost around a commit cannot say whether it was stored, so it tells the client to send it again (with its key). `/healthz` answers the same.
 */
export function databaseUnavailable(c: Context<AppEnv>): Response {
  return problem(c, 'internal', {
    status: 503,
    title: 'The database cannot be reached',
    detail: `Try again in ${UNAVAILABLE_RETRY_AFTER_SECONDS} seconds; a write sent again with the same Idempotency-Key is stored once, even if this one reached the database.`,
    headers: { 'Retry-After': String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  });
}
