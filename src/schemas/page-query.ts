/**
 * `?limit=&cursor=` of any list endpoint. In a module of its own, not in `common.ts`: every
 * list with it is a staff list, and a page that imports `common.ts` would otherwise carry it
 * and the coercing number schemas of zod it pulls in (some 3.6 KB minified on a citizen's page).
 *
 * @module
 */
import * as z from 'zod/mini';
// Imported from common.ts, which also runs its `z.config({ jitless: true })` before this schema is built.
import { MAX_PAGE_SIZE } from './common.js';

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;

/** `?limit=&cursor=` of any list endpoint. */
export const pageQuery = z.object({
  limit: z.optional(
    z.coerce
      .number(limitMessage)
      .check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage)),
  ),
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
