/**
 * Shapes shared by every module: problem+json errors, field errors and list pages.
 *
 * Everything here is built with `zod/mini` so the same schemas can ship to browsers
 * (about 4 KB) and run unchanged in the SDK and on the server.
 *
 * @module
 */
import * as z from 'zod/mini';

// No `new Function` anywhere: the widgets must work under a strict Content-Security-Policy.
z.config({ jitless: true });

/** Short, stable codes for why a field was rejected; widgets translate them per field. */
export const fieldErrorCodes = [
  'required',
  'format',
  'tooShort',
  'tooLong',
  'notAllowed',
  'invalid',
] as const;

/** Why a field was rejected, see {@link fieldErrorCodes}. */
export type FieldErrorCode = (typeof fieldErrorCodes)[number];

/** One rejected field: a dotted path (`email`, `answer.text`), a plain-language message and a code. */
export const fieldError = z.object({
  path: z.string(),
  message: z.string(),
  code: z.optional(z.enum(fieldErrorCodes)),
});

/** One rejected field, see {@link fieldError}. */
export type FieldError = z.infer<typeof fieldError>;

/**
 * An RFC 9457 problem document, as every error response of the API carries it
 * (`Content-Type: application/problem+json`).
 */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(fieldError)),
});

/** An RFC 9457 problem document, see {@link problem}. */
export type Problem = z.infer<typeof problem>;

/** The problem types every module may answer with; `type` is `/problems/<code>`. Modules add their own. */
export const problemCodes = [
  'validation',
  'not-found',
  'module-disabled',
  'unauthorized',
  'forbidden',
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

/** A page of a list: `{ data, nextCursor }`; pass `nextCursor` back as `cursor` for the next page. */
export function listPage<T extends z.core.$ZodType>(item: T) {
  return z.object({ data: z.array(item), nextCursor: z.nullable(z.string()) });
}

/** A page of a list of `T`. */
export interface ListPage<T> {
  data: T[];
  nextCursor: string | null;
}

/** The most items one page may hold. */
export const MAX_PAGE_SIZE = 100;

/** `?limit=&cursor=` of any list endpoint. */
export const pageQuery = z.object({
  limit: z.optional(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(MAX_PAGE_SIZE)),
  ),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});

/** An ISO 8601 timestamp with offset, as the API writes them (`2026-11-25T03:00:00.000Z`). */
export const timestamp = z.iso.datetime({ offset: true });

/**
 * Turns zod issues into field errors with stable codes. The message is English,
 * plain language; widgets show their own translation chosen by path and code.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issueCode(issue),
  }));
}

function issueCode(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    case 'too_small':
      return issue.minimum === 1 && issue.origin === 'string' ? 'required' : 'tooShort';
    case 'too_big':
      return 'tooLong';
    case 'invalid_format':
      return 'format';
    case 'invalid_value':
      // An unticked consent box or an unchosen option is missing, not wrong.
      return issue.input === undefined || issue.input === false || issue.input === ''
        ? 'required'
        : 'notAllowed';
    case 'custom': {
      const code = (issue.params as { code?: FieldErrorCode } | undefined)?.code;
      return code ?? 'invalid';
    }
    default:
      return 'invalid';
  }
}
