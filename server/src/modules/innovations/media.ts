/**
 * Files the module serves as they are, outside the JSON routes: an evidence file at its stable
 * address, `/media/innovation-evidence/{id}.{pdf|jpg|png}`, from the database (so every
 * instance serves every file), and the XLSX export, `/media/innovation-export/{year}.xlsx`.
 *
 * An evidence file's id is 20 random letters and digits (about 100 bits): its address is a
 * capability, listed publicly only once its innovation is verified and to staff before that
 * (the reviewer reads a submitted innovation's files by it). Files are sent with `nosniff`, a
 * sandboxing CSP and `Content-Disposition: inline` with a safe name.
 *
 * @module
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../http/env.js';
import { publicBase } from '../../http/origin.js';
import { EVIDENCE_EXTENSIONS, type EvidenceMediaType } from '../../media/evidence.js';
import { exportTable, toXlsx } from './export.js';
import { modelFor } from './registry.js';
import { innovationsDb } from './tables.js';

/** The XLSX media type. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const notFound = (c: import('hono').Context<AppEnv>, detail: string) =>
  c.json({ type: '/problems/not-found', title: 'Not found', status: 404, detail, requestId: c.get('requestId') }, 404, { 'Content-Type': 'application/problem+json' });

/** Builds the evidence sub-app. */
export function evidenceApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:file', async (c) => {
    const match = /^([a-z0-9]{20})\.(pdf|jpg|png)$/.exec(c.req.param('file'));
    if (!match) return notFound(c, `No evidence file at ${c.req.path}`);
    const file = await innovationsDb(deps.db).selectFrom('innovation_evidence').select(['data', 'media_type', 'title']).where('id', '=', match[1]!).executeTakeFirst();
    if (!file || EVIDENCE_EXTENSIONS[file.media_type as EvidenceMediaType] !== match[2]) return notFound(c, `No evidence file at ${c.req.path}`);
    const name = `${file.title.normalize('NFKD').replace(/[^A-Za-z0-9 ._-]+/g, '').trim().slice(0, 80) || 'bukti-dukung'}.${match[2]}`;
    return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.media_type,
      'Content-Disposition': `inline; filename="${name}"`,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
  return app;
}

/** Builds the XLSX export sub-app. */
export function exportApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:file', async (c) => {
    const match = /^(\d{4})\.xlsx$/.exec(c.req.param('file'));
    if (!match) return notFound(c, 'Ask for /media/innovation-export/{year}.xlsx, e.g. 2026.xlsx');
    const year = Number(match[1]);
    const db = innovationsDb(deps.db);
    const table = await exportTable(db, year, await modelFor(db, year), publicBase(deps.settings, c.req.url, (name) => c.req.header(name)));
    const bytes = await toXlsx(table, year);
    return c.body(new Uint8Array(bytes) as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': XLSX_MEDIA_TYPE,
      'Content-Disposition': `attachment; filename="inovasi-daerah-${year}.xlsx"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
  });
  return app;
}
