/**
 * SIAP's routes about consultations, one per endpoint of `consultationEndpoints`:
 * - public: ask (`POST /api/v1/opds/{opd}/consultations`), track (`GET /api/v1/consultations/{trackingCode}`);
 * - staff: list, count the queues, read, answer, change status, assign and add internal notes
 *   under `/api/v1/opds/{opd}/consultations`.
 * Every staff read of personal data and every write lands in the audit log, naming the person.
 * Who may call what is the endpoint's `access`, checked before a handler runs: no route
 * checks roles itself. Answer templates and categories have their own files.
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
import type { Kysely, Transaction } from 'kysely';
import type { Database, OpdRow } from '../../db/schema.js';
import { decodeCursor, pageDocs, pageOf } from '../../http/cursor.js';
import { route, type RouteAnswer } from '../../http/module.js';
import { KEY_NOT_CLAIMED } from '../../http/idempotency.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import {
  assignableUser,
  categoryNamesOf,
  findTracked,
  findInOpd,
  insertConsultation,
  insertNote,
  listPage,
  notesOf,
  queueCounts,
  staffNames,
  storeAnswer,
  storeAssignee,
  storeStatus,
  timelines,
} from './queries.js';
import { siapDb, type ConsultationRow, type Db, type SiapDatabase } from './tables.js';
import { staffIdsOf, toPublicView, toReceipt, toStaffView } from './views.js';

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
  async handler({ opd, body, now, onceInStatement, deps }) {
    // The days off from memory; the category is checked by the insert itself: one statement.
    const holidays = await deps.directory.holidays();
    const result = await onceInStatement(async (db, claim) => {
      const options = { timeZone: deps.settings.timeZone, isHoliday: (day: string) => holidays.has(day) };
      const row = await insertConsultation(siapDb(db), opd.slug, body, now, options, claim);
      if (row === KEY_NOT_CLAIMED) return row;
      if (!row) {
        throw validationProblem([
          { path: 'category', message: `Choose one of the categories ${opd.name} offers`, code: 'notAllowed' },
        ]);
      }
      return toReceipt(row);
    });
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
    // The question, its timeline and its category (retired ones too: an older question keeps
    // its category's name) in one query.
    const tracked = await findTracked(siapDb(deps.db), params.trackingCode);
    if (!tracked) throw notFound(params.trackingCode);
    const { row, events, category } = tracked;
    // The OPD may have switched SIAP off since: then its questions are not shown either.
    const opd = await opdFor(row.opd_slug);
    const where = { opd, categories: category ? [category] : [] };
    return { body: toPublicView(row, where, events, now, deps.settings.timeZone), headers: NO_STORE };
  },
});

const list = route({
  endpoint: endpoints.list,
  summary: 'List consultations (staff)',
  description:
    'The agency’s consultations, newest first, with filters that combine (all must hold): the console’s queues are `status`, `due` (service level, in the regency’s time zone) and `assignee`. `q` searches subject, question and tracking code. Pass `nextCursor` back as `cursor` for the next page. The read is recorded in the audit log.',
  returns: 'A page of consultations.',
  docs: {
    ...pageDocs(DEFAULT_PAGE_SIZE),
    status: 'Only consultations with this status.',
    overdue: '`true`: only those past the due date without a first response; `false`: the others.',
    due: '`today`: the first response is due today (regency’s time zone) and none was given yet; `overdue`: as `overdue=true`; `open`: still to be answered (received or in progress).',
    assignee: '`me`: assigned to the signed-in user; `none`: assigned to nobody; or a staff user’s id.',
    category: 'Only this category id.',
    q: 'Search text.',
  },
  async handler({ opd, query, deps, now, actor }) {
    const db = siapDb(deps.db);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const q = query.q?.trim() || undefined;
    const normalizedCode = q ? normalizeTrackingCode(q) : undefined;
    const assignee = query.assignee === undefined ? undefined : query.assignee === 'me' ? actor.id : query.assignee === 'none' ? null : query.assignee;
    const rows = await listPage(
      db,
      opd.slug,
      {
        status: query.status,
        overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
        due: query.due,
        assignee,
        category: query.category,
        q,
        trackingCode: normalizedCode && TRACKING_CODE_PATTERN.test(normalizedCode) ? normalizedCode : undefined,
      },
      now,
      deps.settings.timeZone,
      limit,
      after,
    );
    const { page, nextCursor } = pageOf(rows, limit, (row) => ({ at: row.submitted_at, id: row.id }));
    const data = await staffViews(db, opd, page, now);
    await audit(
      db,
      {
        actor,
        action: 'consultation.list',
        subject: `opd:${opd.slug}`,
        opd: opd.slug,
        detail: {
          filters: {
            status: query.status,
            overdue: query.overdue,
            due: query.due,
            assignee: query.assignee,
            category: query.category,
            // That a search was made, and how long it was: never its text, which often names a
            // citizen and would outlive the erasure of their data.
            q: q === undefined ? undefined : { length: q.length },
            cursor: query.cursor,
          },
          trackingCodes: page.map((row) => row.tracking_code),
        },
      },
      now,
    );
    return { body: { data, nextCursor }, headers: NO_STORE };
  },
});

const counts = route({
  endpoint: endpoints.counts,
  summary: 'Count the queues (staff)',
  description:
    'How many consultations each of the console’s queues holds: per status, due today and overdue (regency’s time zone), still to be answered and assigned to the signed-in user or to nobody, and when the newest question arrived. Made for polling (every 15 seconds or so): one query, `Cache-Control: no-store`, not in the audit log (it shows no personal data).',
  returns: 'The counters.',
  async handler({ opd, deps, now, actor }) {
    const body = await queueCounts(siapDb(deps.db), opd.slug, actor.id, now, deps.settings.timeZone);
    return { body, headers: NO_STORE };
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
    await audit(db, { actor, action: 'consultation.view', subject: row.tracking_code, opd: opd.slug }, now);
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
    const answered = await changeConsultation(deps.db, opd, code, now, async (trx, current) => {
      if (!ANSWERABLE.includes(current.status)) {
        const from = current.status as ConsultationStatus;
        throw conflict(`A consultation that is ${from} cannot be answered; ${whatNext(from)}`, whatNext(from, true));
      }
      await storeAnswer(trx, current, body.text, actor.id, now);
      await audit(trx, { actor, action: 'consultation.answer', subject: code, opd: opd.slug, detail: { from: current.status } }, now);
    });
    deps.log.info('consultation answered', { opd: opd.slug, trackingCode: code });
    return answered;
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
    return changeConsultation(deps.db, opd, code, now, async (trx, current) => {
      const from = current.status as ConsultationStatus;
      const allowed = consultationTransitions[from] ?? [];
      if (!allowed.includes(status)) {
        throw conflict(`A consultation that is ${from} cannot be changed to ${status}; ${whatNext(from)}`, whatNext(from, true));
      }
      await storeStatus(trx, current, status, { note, internalNote }, actor.id, now);
      await audit(
        trx,
        {
          actor,
          action: 'consultation.status',
          subject: code,
          opd: opd.slug,
          detail: { from, to: status, withNote: Boolean(note), withInternalNote: Boolean(internalNote) },
        },
        now,
      );
    });
  },
});

const assign = route({
  endpoint: endpoints.assign,
  summary: 'Assign to a colleague (staff)',
  description:
    'Gives the consultation to a colleague to handle, or to nobody (`userId: null`). The colleague must be an active user of the agency or a regency admin; anyone else answers 422 naming `userId`. Assigning changes nothing the citizen sees. Recorded in the audit log.',
  returns: 'The consultation with its assignee.',
  ...byTrackingCode,
  async handler({ opd, params, body, deps, now, actor }) {
    const code = params.trackingCode;
    return changeConsultation(deps.db, opd, code, now, async (trx, current) => {
      if (body.userId !== null && !(await assignableUser(trx, opd.slug, body.userId))) {
        throw validationProblem([
          {
            path: 'userId',
            message: `Choose an active colleague of ${opd.name} or a regency admin`,
            code: 'notAllowed',
          },
        ]);
      }
      await storeAssignee(trx, current, body.userId);
      await audit(
        trx,
        { actor, action: 'consultation.assign', subject: code, opd: opd.slug, detail: { from: current.assigned_to, to: body.userId } },
        now,
      );
    });
  },
});

const addNote = route({
  endpoint: endpoints.addNote,
  summary: 'Add an internal note (staff)',
  description:
    'A note for colleagues: it changes neither the status nor the first response, and no public response ever shows it. The staff view lists it in `notes` with who wrote it. Recorded in the audit log (without its text).',
  returns: 'The consultation with the note.',
  ...byTrackingCode,
  async handler({ opd, params, body, deps, now, actor }) {
    const code = params.trackingCode;
    return changeConsultation(deps.db, opd, code, now, async (trx, current) => {
      await insertNote(trx, current, body.text, actor.id, now);
      await audit(trx, { actor, action: 'consultation.note', subject: code, opd: opd.slug, detail: { length: body.text.length } }, now);
    });
  },
});

/**
 * SIAP's consultation routes, in the order the API reference lists them. `counts` comes before
 * `get`: `/consultations/counts` would otherwise be read as a tracking code.
 */
export const consultationRoutes = [create, list, counts, track, get, answer, setStatus, assign, addNote];

/** The staff views of `rows` (of one OPD), with everything they need loaded in a few queries for all of them. */
async function staffViews(db: Db, opd: OpdRow, rows: readonly ConsultationRow[], now: Date): Promise<ConsultationStaff[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const categories = await categoryNamesOf(db, opd.slug);
  const events = await timelines(db, ids);
  const notes = await notesOf(db, ids);
  const detailsOf = (row: ConsultationRow) => ({ events: events.get(row.id) ?? [], notes: notes.get(row.id) ?? [] });
  const names = await staffNames(db, rows.flatMap((row) => staffIdsOf(row, detailsOf(row))));
  return rows.map((row) => toStaffView(row, { opd, categories }, { ...detailsOf(row), names }, now));
}

/**
 * One staff change of one consultation: in a transaction, the consultation of the OPD locked
 * (404 when there is none), `change` done (it writes its audit entry), then the staff view as
 * it is after the change.
 */
async function changeConsultation(
  spineDb: Kysely<Database>,
  opd: OpdRow,
  code: string,
  now: Date,
  change: (trx: Transaction<SiapDatabase>, current: ConsultationRow) => Promise<void>,
): Promise<RouteAnswer<ConsultationStaff>> {
  const db = siapDb(spineDb);
  const row = await db.transaction().execute(async (trx) => {
    const current = await findInOpd(trx, opd.slug, code, true);
    if (!current) throw notFound(code);
    await change(trx, current);
    return (await findInOpd(trx, opd.slug, code)) as ConsultationRow;
  });
  return staffAnswer(db, row, opd, now);
}

async function staffAnswer(db: Db, row: ConsultationRow, opd: OpdRow, now: Date): Promise<RouteAnswer<ConsultationStaff>> {
  const [view] = await staffViews(db, opd, [row], now);
  return { body: view as ConsultationStaff, headers: NO_STORE };
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
