/**
 * Shapes shared by every module: problem+json errors, field errors and list pages.
 *
 * Everything here is built with `zod/mini` so the same schemas can ship to browsers
 * (about 4 KB) and run unchanged in the SDK and on the server.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ZodMiniISODateTime } from 'zod/mini';
import { _isoDateTime } from 'zod/v4/core';

// No `new Function` anywhere: the widgets must work under a strict Content-Security-Policy.
z.config({ jitless: true });

/**
 * Short, stable codes for why a field was rejected; widgets translate them per field.
 *
 * - `required`: missing (an empty text, an unticked box, an unchosen option);
 * - `format`: not in the expected form (an e-mail address, a phone number);
 * - `tooShort` / `tooLong`: a text or list outside its length;
 * - `tooSmall` / `tooLarge`: a number outside its range;
 * - `notAllowed`: not one of the values allowed here (the message lists them);
 * - `alreadyUsed`: a value that may be used once was used for something else (an `Idempotency-Key`);
 * - `invalid`: anything else.
 *
 * Codes may be added within a version: a client reads one it does not know as `invalid`.
 */
export const fieldErrorCodes = [
  'required',
  'format',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooLarge',
  'notAllowed',
  'alreadyUsed',
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
 * (`Content-Type: application/problem+json`). Besides the RFC's members: `requestId`, the
 * fields at fault (`errors`) and, on an `idempotency-conflict`, the answer the key already
 * produced (`stored`).
 */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  requestId: z.optional(z.string()),
  errors: z.optional(z.array(fieldError)),
  // Described in the server's OpenAPI document, not here: `z.describe` would bring zod's
  // metadata registry into every browser bundle.
  stored: z.optional(z.unknown()),
});

/** An RFC 9457 problem document, see {@link problem}. */
export type Problem = z.infer<typeof problem>;

export { problemCodes, problemType, type ProblemCode } from './problem-codes.js';

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

/**
 * An ISO 8601 timestamp with offset, as the API writes them (`2026-11-25T03:00:00.000Z`).
 * It is `z.iso.datetime({ offset: true })`, built as that function builds it: reached through
 * the `z.iso` namespace, esbuild keeps every schema of that namespace (ISO date, time and
 * duration too, 1.3 KB minified) in the bundle of each page that checks a timestamp.
 */
export const timestamp = _isoDateTime(ZodMiniISODateTime, { offset: true });

/**
 * Turns zod issues into field errors with stable codes. The message is English, plain
 * language, and says what is allowed ("Use one of: received, closed", "Use a number from 1
 * to 100"): a schema's own message where it has one, else one made from the issue. Widgets
 * show their own translation chosen by path and code.
 *
 * Zod leaves the rejected value out of its issues unless asked: parse with
 * `{ reportInput: true }` so a missing value (`required`) is told apart from a wrong one
 * (`notAllowed`, `invalid`); without it, an issue that does not carry the value reads as `required`.
 */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const code = issueCode(issue);
    return {
      path: issue.path.map(String).join('.'),
      message: issue.message && issue.message !== DEFAULT_MESSAGE ? issue.message : describeIssue(issue, code),
      code,
    };
  });
}

/** What zod says when no schema gave a message (zod/mini loads no locale). */
const DEFAULT_MESSAGE = 'Invalid input';

/** True when the issue carries the rejected value and it is missing (undefined, null). */
function missing(issue: z.core.$ZodIssue): boolean | undefined {
  if (!('input' in issue)) return undefined;
  return issue.input === undefined || issue.input === null;
}

function issueCode(issue: z.core.$ZodIssue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      // A value that came but is no number (`?limit=abc`) or no whole number is wrong, not missing.
      if ('received' in issue || issue.expected === 'int') return 'invalid';
      return missing(issue) === false ? 'invalid' : 'required';
    case 'too_small':
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'date') return 'tooSmall';
      return issue.minimum === 1 && issue.origin === 'string' ? 'required' : 'tooShort';
    case 'too_big':
      if (issue.origin === 'number' || issue.origin === 'bigint' || issue.origin === 'date') return 'tooLarge';
      return 'tooLong';
    case 'invalid_format':
      return 'format';
    case 'invalid_value': {
      // An unticked consent box or an unchosen option is missing, not wrong.
      if ('input' in issue) {
        return issue.input === undefined || issue.input === null || issue.input === false || issue.input === ''
          ? 'required'
          : 'notAllowed';
      }
      // Without the value: a box that must be ticked was not; any other value is not one allowed.
      return issue.values.length === 1 && issue.values[0] === true ? 'required' : 'notAllowed';
    }
    case 'custom': {
      const code = (issue.params as { code?: FieldErrorCode } | undefined)?.code;
      return code ?? 'invalid';
    }
    default:
      return 'invalid';
  }
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

/** A plain-language message for an issue no schema worded, saying what is allowed. */
function describeIssue(issue: z.core.$ZodIssue, code: FieldErrorCode): string {
  switch (issue.code) {
    case 'invalid_type': {
      const wanted = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.path.length === 0) {
        return missing(issue) ? `The request body is missing: send ${wanted}` : `Send the body as ${wanted}`;
      }
      return code === 'required' ? `Enter ${wanted}` : `Use ${wanted}`;
    }
    case 'invalid_value':
      if (issue.values.length > 1 && code === 'required') return `Choose one of: ${issue.values.map(String).join(', ')}`;
      return issue.values.length === 1
        ? `Use ${String(issue.values[0])}`
        : `Use one of: ${issue.values.map(String).join(', ')}`;
    case 'too_small': {
      const min = String(issue.minimum);
      if (code === 'tooSmall') return issue.inclusive === false ? `Use a number greater than ${min}` : `Use a number of at least ${min}`;
      if (code === 'required') return 'Enter a value';
      return issue.origin === 'array' ? `Give at least ${min} items` : `Use at least ${min} characters`;
    }
    case 'too_big': {
      const max = String(issue.maximum);
      if (code === 'tooLarge') return issue.inclusive === false ? `Use a number less than ${max}` : `Use a number no larger than ${max}`;
      return issue.origin === 'array' ? `Give at most ${max} items` : `Use ${max} characters or fewer`;
    }
    case 'invalid_format':
      return `Use the ${issue.format} format`;
    case 'unrecognized_keys':
      return `Leave out ${issue.keys.join(', ')}`;
    default:
      return 'Check this value';
  }
}
