/**
 * Validation at the route edge with the shared zod/mini schemas, so a handler sees typed,
 * checked input (the body read with its size limit, `body.ts`):
 * wrong content type → 415, malformed JSON → 400, fields that fail the schema → 422
 * naming each field (`toFieldErrors`).
 *
 * @module
 */
import type { Context } from 'hono';
import { z } from 'zod/mini';
import { bodyText } from './body.js';
import { toFieldErrors } from '../../../src/schemas/index.js';
import type { AppEnv } from './env.js';
import { ProblemError, validationProblem } from './problem.js';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** The JSON body (at most `maxBytes`, else 413) checked against `schema`; 415, 400 or 422 problems otherwise. */
export async function readJsonBody<S extends z.core.$ZodType>(c: Context<AppEnv>, schema: S, maxBytes: number): Promise<z.output<S>> {
  const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
  if (!JSON_MEDIA_TYPE.test(mediaType)) {
    throw new ProblemError('unsupported-media-type', {
      detail: `Send the body as JSON with Content-Type: application/json${mediaType ? `, not ${mediaType}` : ''}`,
    });
  }
  const text = await bodyText(c, maxBytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The body as a whole is the field at fault (path ''), so a client has an error to show.
    throw validationProblem([{ path: '', message: 'Send the body as valid JSON', code: 'format' }], 'The request body is not valid JSON', 400);
  }
  const result = z.safeParse(schema, value, { reportInput: true });
  if (!result.success) throw validationProblem(toFieldErrors(result.error.issues));
  rejectNulCharacters(result.data);
  return result.data;
}

/** The query string checked against `schema` (one value per name, the last); 400 naming the field otherwise. */
export function readQuery<S extends z.core.$ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  const value: Record<string, string> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    const last = values.at(-1);
    if (last !== undefined && last !== '') value[key] = last;
  }
  const result = z.safeParse(schema, value, { reportInput: true });
  if (!result.success) throw validationProblem(toFieldErrors(result.error.issues), undefined, 400);
  rejectNulCharacters(result.data, 400);
  return result.data;
}

/** A NUL character, or half of a surrogate pair (text that is not Unicode): PostgreSQL stores neither. */
// eslint-disable-next-line no-control-regex -- finding the NUL character is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL could not store `text` as it is (see {@link UNSTORABLE}). */
export function unstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000), and JSON columns refuse half a
 * surrogate pair; a string carrying either is bad input, so it is refused here, naming the
 * field, instead of failing in the database.
 */
function rejectNulCharacters(value: unknown, status: 400 | 422 = 422): void {
  const paths: string[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      if (unstorable(node)) paths.push(path.join('.'));
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, String(index)]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
    }
  };
  walk(value, []);
  if (paths.length > 0) {
    throw validationProblem(
      paths.map((path) => ({ path, message: 'Remove the invisible control character (NUL) or the broken character', code: 'invalid' as const })),
      undefined,
      status,
    );
  }
}
