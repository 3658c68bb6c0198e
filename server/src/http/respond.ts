/**
 * JSON responses checked against their schema on the way out: the server never answers
 * a shape the SDK would reject. A mismatch is a server bug and answers 500.
 *
 * @module
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod/mini';

/** Answers `body` as JSON after checking it against `schema`. */
export function sendJson<S extends z.core.$ZodType>(
  c: Context,
  schema: S,
  body: z.input<S>,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Response {
  const checked = z.parse(schema, body);
  return c.body(JSON.stringify(checked), status, { 'Content-Type': 'application/json', ...headers });
}
