/**
 * SIAP's routes, one per endpoint of `consultationEndpoints`:
 * - public: ask (`POST /api/v1/opds/{opd}/consultations`), track (`GET /api/v1/consultations/{trackingCode}`);
 * - staff: list, read, answer and change status under `/api/v1/opds/{opd}/consultations`.
 * Every staff read and write lands in the audit log.
 *
 * @module
 */
import {
  TRACKING_CODE_PATTERN,
  consultationEndpoints as endpoints,
  consultationTransitions,
  normalizeTrackingCode,
  type ConsultationStaff,
  type ConsultationStatus,
} from '../../../../src/schemas/index.js';
import { audit } from '../../db/audit.js';
import type { OpdRow } from '../../db/schema.js';
import { decodeCursor, pageOf } from '../../http/cursor.js';
import { route, type RouteAnswer } from '../../http/module.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { categoriesOf, findByTrackingCode, findInOpd, insertConsultation, listPage, storeAnswer, storeStatus, timelines } from './queries.js';
import { siapDb, type ConsultationRow, type Db } from './tables.js';
import { generateTrackingCode } from './tracking-code.js';
import { toPublicView, toReceipt, toStaffView } from './views.js';

/** Default page size of the staff list. */
export const DEFAULT_PAGE_SIZE = 20;

/** The rate-limit bucket shared by every public write. */
export const PUBLIC_WRITE_BUCKET = 'public-write';

/** Statuses from which a consultation may be answered. */
const ANSWERABLE: readonly string[] = ['received', 'in_progress'];

const NO_STORE = { 'Cache-Control': 'no-store' };

/** What every route with a `{trackingCode}` in its path says of it, in the reference and on a bad code. */
const byTrackingCode = {
  docs: {
    trackingCode: {
      description:
        'The tracking code from the receipt, e.g. `SIAP-7K3F-9QX2`. Case, spaces and look-alikes (O for 0, I or L for 1) do not matter.',
      schema: { type: 'string' },
    },
  },
  notFound: (_: string, value: string) => notFoundDetail(value),
};

const create = route({
  endpoint: endpoints.create,
  summary: 'Ask a question',
  description:
    'Stores a citizen’s question and answers a receipt with the tracking code and the due date of the first response (3 working days in the regency’s time zone, holidays skipped). Limited per client per minute.',
  returns: 'Stored.',
  rateLimit: PUBLIC_WRITE_BUCKET,
  async handler({ opd, body, now, once, deps }) {
    const categories = await categoriesOf(siapDb(deps.db), opd.slug);
    if (!categories.some((category) => category.id === body.category)) {
      throw validationProblem([
        { path: 'category', message: `Choose one of the categories ${opd.name} offers`, code: 'notAllowed' },
      ]);
    }
    const result = await once(async (trx) =>
      toReceipt(await insertConsultation(siapDb(trx), opd.slug, body, now, generateTrackingCode, deps.settings.timeZone)),
    );
    const headers: Record<string, string> = {
      Location: `/api/v1/consultations/${result.body.trackingCode}`,
      ...NO_STORE,
    };
    if (result.replayed) headers['Idempotent-Replayed'] = 'true';
    else deps.log.info('consultation received', { opd: opd.slug, trackingCode: result.body.trackingCode });
    return { body: result.body, headers };
  },
});

const track = route({
  endpoint: endpoints.track,
  summary: 'Track a question',
  description: 'Status, timeline and answer of a question by its tracking code. Holds no personal data.',
  returns: 'The public view.',
  ...byTrackingCode,
  async handler({ params, deps, now, opdFor }) {
    const db = siapDb(deps.db);
    const row = await findByTrackingCode(db, params.trackingCode);
    if (!row) throw notFound(params.trackingCode);
    // The OPD may have switched SIAP off since: then its questions are not shown either.
    const opd = await opdFor(row.opd_slug);
    const events = (await timelines(db, [row.id])).get(row.id) ?? [];
    const where = { opd, categories: await categoriesOf(db, opd.slug) };
    return { body: toPublicView(row, where, events, now, deps.settings.timeZone), headers: NO_STORE };
  },
});

const list = route({
  endpoint: endpoints.list,
  summary: 'List consultations (staff)',
  description:
    'The agency’s consultations, newest first, with filters. `q` searches subject, question and tracking code. Pass `nextCursor` back as `cursor` for the next page.',
  returns: 'A page of consultations.',
  docs: {
    limit: 'Items per page (1–100, default 20).',
    cursor: 'The `nextCursor` of the previous page.',
    status: 'Only consultations with this status.',
    overdue: '`true`: only those past the due date without a first response.',
    category: 'Only this category id.',
    q: 'Search text.',
  },
  async handler({ opd, query, deps, now, actor }) {
    const db = siapDb(deps.db);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
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
      now,
      limit,
      after,
    );
    const { page, nextCursor } = pageOf(rows, limit, (row) => ({ at: row.submitted_at, id: row.id }));
    const events = await timelines(db, page.map((row) => row.id));
    const where = { opd, categories: await categoriesOf(db, opd.slug) };
    await audit(
      db,
      {
        actor,
        action: 'consultation.list',
        subject: `opd:${opd.slug}`,
        detail: {
          filters: { status: query.status, overdue: query.overdue, category: query.category, q, cursor: query.cursor },
          trackingCodes: page.map((row) => row.tracking_code),
        },
      },
      now,
    );
    return {
      body: { data: page.map((row) => toStaffView(row, where, events.get(row.id) ?? [], now)), nextCursor },
      headers: NO_STORE,
    };
  },
});

const get = route({
  endpoint: endpoints.get,
  summary: 'Read a consultation (staff)',
  description: 'Everything about one consultation, including the citizen’s contact. The read is recorded in the audit log.',
  returns: 'The staff view.',
  ...byTrackingCode,
  async handler({ opd, params, deps, now, actor }) {
    const db = siapDb(deps.db);
    const row = await findInOpd(db, opd.slug, params.trackingCode);
    if (!row) throw notFound(params.trackingCode);
    await audit(db, { actor, action: 'consultation.view', subject: row.tracking_code }, now);
    return staffAnswer(db, row, opd, now);
  },
});

const answer = route({
  endpoint: endpoints.answer,
  summary: 'Answer a consultation (staff)',
  description: 'Stores the answer: the status becomes `answered`, the first response is recorded and the citizen is notified.',
  returns: 'The answered consultation.',
  ...byTrackingCode,
  async handler({ opd, params, body, deps, now, actor }) {
    const code = params.trackingCode;
    const db = siapDb(deps.db);
    const row = await db.transaction().execute(async (trx) => {
      const current = await findInOpd(trx, opd.slug, code, true);
      if (!current) throw notFound(code);
      if (!ANSWERABLE.includes(current.status)) {
        const from = current.status as ConsultationStatus;
        throw conflict(`A consultation that is ${from} cannot be answered; ${whatNext(from)}`, whatNext(from, true));
      }
      await storeAnswer(trx, current, body.text, actor, now);
      await audit(trx, { actor, action: 'consultation.answer', subject: code, detail: { from: current.status } }, now);
      return (await findInOpd(trx, opd.slug, code)) as ConsultationRow;
    });
    deps.log.info('consultation answered', { opd: opd.slug, trackingCode: code });
    return staffAnswer(db, row, opd, now);
  },
});

const setStatus = route({
  endpoint: endpoints.setStatus,
  summary: 'Change the status (staff)',
  description:
    'received → in_progress or closed; in_progress → closed; answered → in_progress or closed; closed is final (`answered` is reached by answering). `note` is a note to the citizen and is **public**: the public timeline shows it to anyone with the tracking code, and with `in_progress` it counts as the first response. `internalNote` is for staff: staff views show it, no public response ever does. A refused change (409) says what the consultation can do from its current status.',
  returns: 'The consultation with its new status.',
  ...byTrackingCode,
  async handler({ opd, params, body, deps, now, actor }) {
    const code = params.trackingCode;
    const { status, note, internalNote } = body;
    const db = siapDb(deps.db);
    const row = await db.transaction().execute(async (trx) => {
      const current = await findInOpd(trx, opd.slug, code, true);
      if (!current) throw notFound(code);
      const from = current.status as ConsultationStatus;
      const allowed = consultationTransitions[from] ?? [];
      if (!allowed.includes(status)) {
        throw conflict(`A consultation that is ${from} cannot be changed to ${status}; ${whatNext(from)}`, whatNext(from, true));
      }
      await storeStatus(trx, current, status, { note, internalNote }, actor, now);
      await audit(
        trx,
        {
          actor,
          action: 'consultation.status',
          subject: code,
          detail: { from, to: status, withNote: Boolean(note), withInternalNote: Boolean(internalNote) },
        },
        now,
      );
      return (await findInOpd(trx, opd.slug, code)) as ConsultationRow;
    });
    return staffAnswer(db, row, opd, now);
  },
});

/** SIAP's routes, in the order the API reference lists them. */
export const consultationRoutes = [create, list, track, get, answer, setStatus];

async function staffAnswer(db: Db, row: ConsultationRow, opd: OpdRow, now: Date): Promise<RouteAnswer<ConsultationStaff>> {
  const where = { opd, categories: await categoriesOf(db, opd.slug) };
  const events = (await timelines(db, [row.id])).get(row.id) ?? [];
  return { body: toStaffView(row, where, events, now), headers: NO_STORE };
}

function notFoundDetail(code: string): string {
  return `No consultation has the tracking code ${code.slice(0, 40)}. Check the code on your receipt.`;
}

function notFound(code: string): ProblemError {
  return new ProblemError('not-found', { detail: notFoundDetail(code) });
}

/**
 * What a consultation can do from `from`, derived from the workflow, so a refusal advises
 * only a step that is allowed: answering (from an answerable status), the status changes
 * allowed from `from`, or, from a status that cannot be answered, the change that leads to
 * one that can. `capitalized` for a sentence of its own (the field error's message).
 */
function whatNext(from: ConsultationStatus, capitalized = false): string {
  const allowed = consultationTransitions[from] ?? [];
  const list = (statuses: readonly string[]) =>
    statuses.length > 1 ? `${statuses.slice(0, -1).join(', ')} or ${statuses.at(-1)}` : (statuses[0] ?? '');
  let advice: string;
  if (ANSWERABLE.includes(from)) {
    advice = allowed.length > 0 ? `it can be answered, or its status can become ${list(allowed)}` : 'it can be answered';
  } else if (allowed.length === 0) {
    advice = `a ${from} consultation cannot change any more`;
  } else {
    const toAnswer = allowed.filter((status) => ANSWERABLE.includes(status));
    advice = `from ${from} its status can become ${list(allowed)}`;
    if (toAnswer.length > 0) advice += `; to answer it again, change its status to ${list(toAnswer)} first`;
  }
  return capitalized ? `${advice.charAt(0).toUpperCase()}${advice.slice(1)}` : advice;
}

function conflict(detail: string, message: string): ProblemError {
  return new ProblemError('conflict', { detail, errors: [{ path: 'status', message, code: 'notAllowed' }] });
}
