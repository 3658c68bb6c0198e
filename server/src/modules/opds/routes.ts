/**
 * Tenancy routes: `GET /api/v1/opds` and `GET /api/v1/opds/{opd}`.
 *
 * @module
 */
import { Hono } from 'hono';
import { opd, opdList } from '../../../../src/schemas/index.js';
import type { AppEnv } from '../../http/env.js';
import { sendJson } from '../../http/respond.js';
import { listOpds, toOpd, toOpdSummary } from './queries.js';
import { withOpd } from './tenancy.js';

/** The tenancy routes, relative to `/api/v1`. */
export function opdRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/opds', async (c) => {
    const rows = await listOpds(c.get('deps').db);
    // Every OPD fits one page (a regency has some 40); the list shape leaves room for paging.
    return sendJson(c, opdList, { data: rows.map(toOpdSummary), nextCursor: null }, 200, {
      'Cache-Control': 'public, max-age=60',
    });
  });

  app.get('/opds/:opd', withOpd(), async (c) =>
    sendJson(c, opd, toOpd(c.get('opd')), 200, { 'Cache-Control': 'public, max-age=60' }),
  );

  return app;
}
