/**
 * SIAP routes, relative to `/api/v1`:
 * - public: `POST /opds/{opd}/consultations` (ask), `GET /consultations/{trackingCode}` (track);
 * - staff (Bearer): list, view, answer and change status under `/opds/{opd}/consultations`.
 * Every staff read and write lands in the audit log.
 *
 * @module
 */
import { Hono, type Context } from 'hono';
import {
  TRACKING_CODE_PATTERN,
  consultationAnswerInput,
  consultationCreate,
  consultationListQuery,
  consultationPublic,
  consultationReceipt,
  consultationStaff,
  consultationStaffList,
  consultationStatusInput,
  consultationTransitions,
  normalizeTrackingCode,
  type ConsultationStatus,
} from '../../../../src/schemas/index.js';
import { requireStaff } from '../../auth/staff-token.js';
import type { ConsultationRow, OpdRow } from '../../db/schema.js';
import type { AppEnv } from '../../http/env.js';
import { idempotencyKeyOf, requestHash, runIdempotent } from '../../http/idempotency.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { rateLimit } from '../../http/rate-limit.js';
import { sendJson } from '../../http/respond.js';
import { jsonBody, validQuery } from '../../http/validate.js';
import { findOpd } from '../opds/queries.js';
import { withOpd } from '../opds/tenancy.js';
import {
  audit,
  findByTrackingCode,
  findInOpd,
  insertConsultation,
  listPage,
  storeAnswer,
  storeStatus,
  timelines,
  type Db,
  type ListCursor,
} from './queries.js';
import { toPublicView, toReceipt, toStaffView } from './views.js';

/** Default page size of the staff list. */
export const DEFAULT_PAGE_SIZE = 20;

/** The rate-limit bucket shared by every public write. */
export const PUBLIC_WRITE_BUCKET = 'public-write';

/** Statuses from which a consultation may be answered. */
const ANSWERABLE: readonly string[] = ['received', 'in_progress'];

/** The SIAP routes. */
export function consultationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.post(
    '/opds/:opd/consultations',
    withOpd('siap'),
    rateLimit(PUBLIC_WRITE_BUCKET),
    jsonBody(consultationCreate),
    async (c) => {
      const { db, now, log } = c.get('deps');
      const opd = c.get('opd');
      const input = c.req.valid('json');
      if (!opd.consultation_categories.some((category) => category.id === input.category)) {
        throw validationProblem([
          { path: 'category', message: `Choose one of the categories ${opd.name} offers`, code: 'notAllowed' },
        ]);
      }
      const key = idempotencyKeyOf(c);
      const at = now();
      const result = await runIdempotent(
        db,
        { scope: `POST /api/v1/opds/${opd.slug}/consultations`, key, hash: requestHash(input), now: at },
        async (trx) => ({ status: 201, body: toReceipt(await insertConsultation(trx, opd.slug, input, at)) }),
      );
      const headers: Record<string, string> = {
        Location: `/api/v1/consultations/${result.body.trackingCode}`,
        'Cache-Control': 'no-store',
      };
      if (result.replayed) headers['Idempotent-Replayed'] = 'true';
      else log.info('consultation received', { opd: opd.slug, trackingCode: result.body.trackingCode });
      return sendJson(c, consultationReceipt, result.body, 201, headers);
    },
  );

  app.get('/consultations/:trackingCode', async (c) => {
    const { db, now } = c.get('deps');
    const code = trackingCodeParam(c.req.param('trackingCode'));
    const row = await findByTrackingCode(db, code);
    const opd = row ? await findOpd(db, row.opd_slug) : undefined;
    if (!row || !opd) throw notFound(code);
    const events = (await timelines(db, [row.id])).get(row.id) ?? [];
    return sendJson(c, consultationPublic, toPublicView(row, opd, events, now()), 200, { 'Cache-Control': 'no-store' });
  });

  app.get('/opds/:opd/consultations', requireStaff(), withOpd('siap'), validQuery(consultationListQuery), async (c) => {
    const { db, now } = c.get('deps');
    const opd = c.get('opd');
    const query = c.req.valid('query');
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const at = now();
    const q = query.q?.trim() || undefined;
    const normalizedCode = q ? normalizeTrackingCode(q) : undefined;
    const rows = await listPage(
      db,
      opd.slug,
      {
        status: query.status,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        category: query.category,
        q,
        trackingCode: normalizedCode && TRACKING_CODE_PATTERN.test(normalizedCode) ? normalizedCode : undefined,
      },
      at,
      limit,
      after,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    const nextCursor = rows.length > limit && last ? encodeCursor({ submittedAt: last.submitted_at, id: last.id }) : null;
    const events = await timelines(db, page.map((row) => row.id));
    await audit(
      db,
      {
        actor: c.get('actor'),
        action: 'consultation.list',
        subject: `opd:${opd.slug}`,
        detail: {
          filters: { status: query.status, overdue: query.overdue, category: query.category, q, cursor: query.cursor },
          trackingCodes: page.map((row) => row.tracking_code),
        },
      },
      at,
    );
    return sendJson(
      c,
      consultationStaffList,
      { data: page.map((row) => toStaffView(row, opd, events.get(row.id) ?? [], at)), nextCursor },
      200,
      { 'Cache-Control': 'no-store' },
    );
  });

  app.get('/opds/:opd/consultations/:trackingCode', requireStaff(), withOpd('siap'), async (c) => {
    const { db, now } = c.get('deps');
    const opd = c.get('opd');
    const code = trackingCodeParam(c.req.param('trackingCode'));
    const row = await findInOpd(db, opd.slug, code);
    if (!row) throw notFound(code);
    const at = now();
    await audit(db, { actor: c.get('actor'), action: 'consultation.view', subject: row.tracking_code }, at);
    return staffResponse(c, db, row, opd, at);
  });

  app.post(
    '/opds/:opd/consultations/:trackingCode/answer',
    requireStaff(),
    withOpd('siap'),
    jsonBody(consultationAnswerInput),
    async (c) => {
      const { db, now, log } = c.get('deps');
      const opd = c.get('opd');
      const actor = c.get('actor');
      const { text } = c.req.valid('json');
      const code = trackingCodeParam(c.req.param('trackingCode'));
      const at = now();
      const row = await db.transaction().execute(async (trx) => {
        const current = await findInOpd(trx, opd.slug, code, true);
        if (!current) throw notFound(code);
        if (!ANSWERABLE.includes(current.status)) {
          throw conflict(
            `A consultation that is ${current.status} cannot be answered; change its status to in_progress first`,
            'Answer only a consultation that is received or in_progress',
          );
        }
        await storeAnswer(trx, current, text, actor, at);
        await audit(trx, { actor, action: 'consultation.answer', subject: code, detail: { from: current.status } }, at);
        return (await findInOpd(trx, opd.slug, code)) as ConsultationRow;
      });
      log.info('consultation answered', { opd: opd.slug, trackingCode: code });
      return staffResponse(c, db, row, opd, at);
    },
  );

  app.post(
    '/opds/:opd/consultations/:trackingCode/status',
    requireStaff(),
    withOpd('siap'),
    jsonBody(consultationStatusInput),
    async (c) => {
      const { db, now } = c.get('deps');
      const opd = c.get('opd');
      const actor = c.get('actor');
      const { status, note } = c.req.valid('json');
      const code = trackingCodeParam(c.req.param('trackingCode'));
      const at = now();
      const row = await db.transaction().execute(async (trx) => {
        const current = await findInOpd(trx, opd.slug, code, true);
        if (!current) throw notFound(code);
        const from = current.status as ConsultationStatus;
        const allowed = consultationTransitions[from] ?? [];
        if (!allowed.includes(status)) {
          throw conflict(
            `A consultation that is ${from} cannot be changed to ${status}`,
            allowed.length > 0 ? `From ${from} the status can become: ${allowed.join(', ')}` : `A ${from} consultation cannot change`,
          );
        }
        await storeStatus(trx, current, status, note, actor, at);
        await audit(
          trx,
          { actor, action: 'consultation.status', subject: code, detail: { from, to: status, withNote: Boolean(note) } },
          at,
        );
        return (await findInOpd(trx, opd.slug, code)) as ConsultationRow;
      });
      return staffResponse(c, db, row, opd, at);
    },
  );

  return app;
}

async function staffResponse(c: Context<AppEnv>, db: Db, row: ConsultationRow, opd: OpdRow, at: Date): Promise<Response> {
  const events = (await timelines(db, [row.id])).get(row.id) ?? [];
  return sendJson(c, consultationStaff, toStaffView(row, opd, events, at), 200, { 'Cache-Control': 'no-store' });
}

/** The `:trackingCode` of a route in canonical form; a string that cannot be one is a 404. */
function trackingCodeParam(raw: string): string {
  const code = normalizeTrackingCode(raw);
  if (!TRACKING_CODE_PATTERN.test(code)) throw notFound(code.slice(0, 40));
  return code;
}

function notFound(code: string): ProblemError {
  return new ProblemError('not-found', {
    detail: `No consultation has the tracking code ${code}. Check the code on your receipt.`,
  });
}

function conflict(detail: string, message: string): ProblemError {
  return new ProblemError('conflict', { detail, errors: [{ path: 'status', message, code: 'notAllowed' }] });
}

/** An opaque cursor for the staff list: base64url of the last row's (submittedAt, id). */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.submittedAt.toISOString(), cursor.id])).toString('base64url');
}

/** Reads a cursor made by {@link encodeCursor}; anything else is a 400 naming `cursor`. */
export function decodeCursor(text: string): ListCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && Number.isSafeInteger(value[1])) {
      const submittedAt = new Date(value[0]);
      if (!Number.isNaN(submittedAt.getTime())) return { submittedAt, id: value[1] as number };
    }
  } catch {
    // fall through
  }
  throw validationProblem(
    [{ path: 'cursor', message: 'Use the nextCursor of the previous page as cursor', code: 'invalid' }],
    undefined,
    400,
  );
}
