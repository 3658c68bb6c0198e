/**
 * Tenancy at the route edge: the OPD a request is about, read once per request (CORS and
 * the route share it), and the module switch. An unknown OPD answers 404 `not-found`; a
 * module the OPD has off answers 404 `module-disabled`.
 *
 * @module
 */
import type { Context } from 'hono';
import { OPD_SLUG_PATTERN } from '../../../src/schemas/index.js';
import type { OpdRow } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';
import { findOpd } from './queries.js';

/** The OPD `slug`, or undefined when there is none; read from the database once per request. */
export async function loadOpd(c: Context<AppEnv>, slug: string): Promise<OpdRow | undefined> {
  let cache = c.get('opds');
  if (!cache) {
    cache = new Map();
    c.set('opds', cache);
  }
  if (!cache.has(slug)) {
    cache.set(slug, OPD_SLUG_PATTERN.test(slug) ? ((await findOpd(c.get('deps').db, slug)) ?? null) : null);
  }
  return cache.get(slug) ?? undefined;
}

/** The OPD `slug` with `moduleId` on (none: any OPD), or the 404 problem a citizen should get. */
export async function requireOpd(c: Context<AppEnv>, slug: string, moduleId: string | null): Promise<OpdRow> {
  const row = await loadOpd(c, slug);
  if (!row) throw new ProblemError('not-found', { detail: `There is no agency (OPD) "${slug.slice(0, 64)}" here` });
  if (moduleId !== null && !row.modules.includes(moduleId)) {
    throw new ProblemError('module-disabled', { detail: `${row.name} does not offer ${moduleId} here` });
  }
  return row;
}
