/**
 * One error tree for everything the SDK throws. Branch with `instanceof`:
 *
 * ```
 * OpdError
 * ├─ ValidationError      the input failed the schema before anything was sent
 * ├─ ApiError             the server answered with a problem+json error
 * │  ├─ RateLimitError    429: wait `retryAfter` seconds
 * │  └─ IdempotencyConflictError  422: the key was used for another body; `stored` is what it stored
 * ├─ NetworkError         no answer at all (offline, DNS, CORS, connection reset)
 * ├─ TimeoutError         no answer in time
 * └─ ResponseShapeError   the server answered something the schema rejects
 * ```
 *
 * @module
 */
import type { FieldError, ProblemCode } from './schemas/common.js';

/** `path: message; …` of field errors, for an error's message. */
function listed(fieldErrors: FieldError[]): string {
  return fieldErrors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ');
}

/** The base of every error the SDK throws. */
export class OpdError extends Error {
  // Each class names itself with a literal, so `error.name` survives an app's minifier.
  override name = 'OpdError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** The input failed the shared schema before any request was sent; see {@link fieldErrors}. */
export class ValidationError extends OpdError {
  override name = 'ValidationError';
  /** Each rejected field with a plain-language message and a code. */
  readonly fieldErrors: FieldError[];

  constructor(fieldErrors: FieldError[], options?: { cause?: unknown }) {
    super(`Invalid input: ${listed(fieldErrors)}`, options);
    this.fieldErrors = fieldErrors;
  }
}

/** What the server said, as a problem+json document. */
export interface ApiErrorDetails {
  /** HTTP status, e.g. 404 or 422. */
  status: number;
  /** The problem code, the last segment of the problem `type`, e.g. `validation` or `not-found`. */
  code: ProblemCode | (string & {});
  /** Short, human-readable summary of the problem type. */
  title: string;
  /** Explanation specific to this occurrence. */
  detail?: string;
  /** The server's request id (`X-Request-Id`); quote it when reporting a problem. */
  requestId?: string;
  /** Rejected fields, when the problem is about the input. */
  fieldErrors?: FieldError[];
}

/** The server answered with an error (problem+json). */
export class ApiError extends OpdError {
  override name = 'ApiError';
  /** HTTP status, e.g. 404 or 422. */
  readonly status: number;
  /** The problem code, e.g. `validation`, `not-found`, `module-disabled`, `idempotency-conflict`. */
  readonly code: string;
  /** Short, human-readable summary of the problem type. */
  readonly title: string;
  /** Explanation specific to this occurrence. */
  readonly detail: string | undefined;
  /** The server's request id; quote it when reporting a problem. */
  readonly requestId: string | undefined;
  /** Rejected fields (empty when the problem is not about the input). */
  readonly fieldErrors: FieldError[];

  constructor(details: ApiErrorDetails) {
    super(`${details.status} ${details.title}${details.detail ? `: ${details.detail}` : ''}`);
    this.status = details.status;
    this.code = details.code;
    this.title = details.title;
    this.detail = details.detail;
    this.requestId = details.requestId;
    this.fieldErrors = details.fieldErrors ?? [];
  }
}

/** The server refused because of too many requests: wait {@link retryAfter} seconds. */
export class RateLimitError extends ApiError {
  override name = 'RateLimitError';
  /** Seconds to wait before trying again. */
  readonly retryAfter: number;

  constructor(details: ApiErrorDetails & { retryAfter: number }) {
    super(details);
    this.retryAfter = details.retryAfter;
  }
}

/**
 * The `Idempotency-Key` was already used with a different body (422 `idempotency-conflict`):
 * the write it was first sent with was stored, and {@link stored} is what it answered then,
 * checked against the endpoint's response schema. For a question that is its receipt, so a
 * citizen whose first send was stored (but whose answer was lost) learns its tracking code:
 *
 * ```ts
 * try {
 *   await client.consultations.create(edited, { idempotencyKey });
 * } catch (error) {
 *   if (error instanceof IdempotencyConflictError && error.stored) showReceipt(error.stored);
 * }
 * ```
 *
 * `stored` is `undefined` when the server kept no answer for the key. `code` stays
 * `idempotency-conflict`, so code that branches on it keeps working.
 */
export class IdempotencyConflictError<T = unknown> extends ApiError {
  override name = 'IdempotencyConflictError';
  /** What the first write with this key answered (for a question, its receipt), or `undefined`. */
  readonly stored: T | undefined;

  constructor(details: ApiErrorDetails & { stored?: T }) {
    super(details);
    this.stored = details.stored;
  }
}

/** No answer arrived: offline, DNS failure, connection reset, or a CORS refusal in browsers. */
export class NetworkError extends OpdError {
  override name = 'NetworkError';
}

/** No answer arrived within the configured `timeout`. */
export class TimeoutError extends OpdError {
  override name = 'TimeoutError';
}

/** The server answered something the shared schema rejects (a server or version mismatch). */
export class ResponseShapeError extends OpdError {
  override name = 'ResponseShapeError';
  /** Where the answer differs from the schema. */
  readonly fieldErrors: FieldError[];

  constructor(what: string, fieldErrors: FieldError[]) {
    super(`Unexpected response from ${what}: ${listed(fieldErrors)}`);
    this.fieldErrors = fieldErrors;
  }
}
