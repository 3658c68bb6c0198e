/**
 * Spending evidence files served as they are, at `/media/csr-evidence/{id}.{pdf|jpg|png}`,
 * from the database (so every instance serves every file). A programme and its spending are
 * public, and so are the receipts and photos that show the money was spent: the id is 20
 * random letters and digits, listed in the programme's public answer. Sent with `nosniff`, a
 * sandboxing CSP and `Content-Disposition: inline`.
 *
 * @module
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../http/env.js';
import { EVIDENCE_EXTENSIONS, type EvidenceMediaType } from '../../media/evidence.js';
import { csrDb } from './tables.js';

const notFound = (c: Context<AppEnv>) =>
  c.json({ type: '/problems/not-found', title: 'Not found', status: 404, detail: `No evidence file at ${c.req.path}`, requestId: c.get('requestId') }, 404, { 'Content-Type': 'application/problem+json' });

/** Builds the evidence sub-app. */
export function csrEvidenceApp(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:file', async (c) => {
    const match = /^([a-z0-9]{20})\.(pdf|jpg|png)$/.exec(c.req.param('file'));
    if (!match) return notFound(c);
    const file = await csrDb(deps.db).selectFrom('csr_evidence').select(['data', 'media_type', 'spending_id']).where('id', '=', match[1]!).executeTakeFirst();
    if (!file || EVIDENCE_EXTENSIONS[file.media_type as EvidenceMediaType] !== match[2]) return notFound(c);
    return c.body(file.data as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': file.media_type,
      'Content-Disposition': `inline; filename="bukti-realisasi-${file.spending_id}.${match[2]}"`,
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
  });
  return app;
}
