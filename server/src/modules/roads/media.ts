/**
 * Report photos served at their stable `media_url`, `/media/road-photos/{id}.{ext}`: the
 * cleaned bytes from the database (so every instance serves every photo), cached for a year
 * (a photo never changes under its id), `X-Content-Type-Options: nosniff`, and a hidden photo
 * answers 404 to everyone once staff hide it (its report's `media_url` is null then).
 *
 * @module
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/env.js';
import { roadsDb } from './tables.js';

const EXTENSION_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** Builds the photo sub-app. */
export function mediaApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:file', async (c) => {
    const match = /^([a-z0-9]{16,40})\.(jpg|png|webp)$/.exec(c.req.param('file'));
    const notFound = () => c.json({ type: '/problems/not-found', title: 'Not found', status: 404, detail: `No photo at ${c.req.path}`, requestId: c.get('requestId') }, 404, { 'Content-Type': 'application/problem+json' });
    if (!match) return notFound();
    const db = roadsDb(deps.db);
    const photo = await db.selectFrom('road_report_photos').select(['data', 'media_type']).where('id', '=', match[1]!).executeTakeFirst();
    if (!photo || photo.media_type !== EXTENSION_TYPES[match[2]!]) return notFound();
    // Hidden by a moderator on every report that shows it: not public any more.
    const uses = await db.selectFrom('road_reports').select(['photo_hidden']).where('photo_id', '=', match[1]!).execute();
    if (uses.length > 0 && uses.every((u) => u.photo_hidden)) return notFound();
    return c.body(photo.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': photo.media_type,
      'Cache-Control': uses.length > 0 ? 'public, max-age=86400' : 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
  return app;
}
