/**
 * Validation at the route edge with the shared zod/mini schemas, so a handler sees typed,
 * checked input (`c.req.valid('json')`, `c.req.valid('query')`):
 * wrong content type → 415, malformed JSON → 400, fields that fail the schema → 422
 * naming each field (`toFieldErrors`).
 *
 * @module
 */
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod/mini';
import { toFieldErrors } from '../../../src/schemas/index.js';
import type { AppEnv } from './env.js';
import { ProblemError, validationProblem } from './problem.js';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Checks the JSON body against `schema`; the handler reads it with `c.req.valid('json')`. */
export function jsonBody<S extends z.core.$ZodType>(
  schema: S,
): MiddlewareHandler<AppEnv, string, { in: { json: z.input<S> }; out: { json: z.output<S> } }> {
  return async (c, next) => {
    const mediaType = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim() ?? '';
    if (!JSON_MEDIA_TYPE.test(mediaType)) {
      throw new ProblemError('unsupported-media-type', {
        detail: `Send the body as JSON with Content-Type: application/json${mediaType ? `, not ${mediaType}` : ''}`,
      });
    }
    const text = await c.req.text();
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw validationProblem([], 'The request body is not valid JSON', 400);
    }
    const result = z.safeParse(schema, value);
    if (!result.success) throw validationProblem(toFieldErrors(result.error.issues));
    rejectNulCharacters(result.data);
    c.req.addValidatedData('json', result.data as object);
    await next();
  };
}

/** Checks the query string against `schema`; the handler reads it with `c.req.valid('query')`. */
export function validQuery<S extends z.core.$ZodType>(
  schema: S,
): MiddlewareHandler<AppEnv, string, { in: { query: z.input<S> }; out: { query: z.output<S> } }> {
  return async (c, next) => {
    const value: Record<string, string> = {};
    for (const [key, values] of Object.entries(c.req.queries())) {
      // One value per name: a repeated name is taken at its last value.
      const last = values.at(-1);
      if (last !== undefined && last !== '') value[key] = last;
    }
    const result = z.safeParse(schema, value);
    if (!result.success) throw validationProblem(toFieldErrors(result.error.issues), undefined, 400);
    rejectNulCharacters(result.data, 400);
    c.req.addValidatedData('query', result.data as object);
    await next();
  };
}

/**
 * PostgreSQL text cannot hold the NUL character (U+0000); a string carrying one is bad
 * input, so it is refused here, naming the field, instead of failing in the database.
 */
export function rejectNulCharacters(value: unknown, status: 400 | 422 = 422): void {
  const paths: string[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (typeof node === 'string') {
      if (node.includes('\u0000')) paths.push(path.join('.'));
    } else if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, [...path, String(index)]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
    }
  };
  walk(value, []);
  if (paths.length > 0) {
    throw validationProblem(
      paths.map((path) => ({ path, message: 'Remove the invisible control character (NUL)', code: 'invalid' as const })),
      undefined,
      status,
    );
  }
}
