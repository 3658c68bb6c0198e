/**
 * Tenancy at the route edge: the OPD a request is about, from the OPD directory
 * (`directory.ts`: kept in memory, checked against the database's version at most every
 * half second) and memoized for the request, so CORS and the route see one row; and the
 * module switch. An unknown OPD answers 404 `not-found`; a
 * module the OPD has off answers 404 `module-disabled`.
 *
 * @module
 */
import type { Context } from 'hono';
import { OPD_SLUG_PATTERN } from '../../../src/schemas/index.js';
import type { OpdRow } from '../db/schema.js';
import type { AppEnv } from '../http/env.js';
import { ProblemError } from '../http/problem.js';

/** The OPD `slug`, or undefined when there is none; the same row for the whole request. */
export async function loadOpd(c: Context<AppEnv>, slug: string): Promise<OpdRow | undefined> {
  let cache = c.get('opds');
  if (!cache) {
    cache = new Map();
    c.set('opds', cache);
  }
  if (!cache.has(slug)) {
    cache.set(slug, OPD_SLUG_PATTERN.test(slug) ? ((await c.get('deps').directory.opd(slug)) ?? null) : null);
  }
  return cache.get(slug) ?? undefined;
}

/**
 * Puts an OPD's new row in this request's memo after a change (or a new OPD), so nothing later
 * in the request sees the row as it was. Later requests see it through the directory, which
 * this instance checks again after every staff write and every other instance within its
 * freshness window (the module switch, the allowed origins CORS checks).
 */
export function rememberOpd(c: Context<AppEnv>, row: OpdRow): void {
  let cache = c.get('opds');
  if (!cache) {
    cache = new Map();
    c.set('opds', cache);
  }
  cache.set(row.slug, row);
  if (c.get('opd')?.slug === row.slug) c.set('opd', row);
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
