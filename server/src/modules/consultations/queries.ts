/**
 * SIAP's reads and writes: consultations, their timeline and the outbox events they make
 * (`consultation.received` in the statement that stores a question, `consultation.answered`
 * and `consultation.status-changed` in the staff's transactions).
 * Every function takes the database (or the transaction) it works in.
 *
 * @module
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import {
  DEFAULT_TIME_ZONE,
  type ConsultationCategory,
  type ConsultationCounts,
  type ConsultationCreate,
  type ConsultationQueue,
  type ConsultationStatus,
  type IndonesianTimeZone,
} from '../../../../src/schemas/index.js';
import { dayIn, endOfDayIn, type CalendarDay } from '../../calendar/working-days.js';
import type { Cursor } from '../../http/cursor.js';
import { claimKey, KEY_NOT_CLAIMED, keyStored, releaseKey, type KeyClaim } from '../../http/idempotency.js';
import type { Database } from '../../db/schema.js';
import { emitEvent } from '../../jobs/contract.js';
import { firstResponseDue, firstResponseDueAt } from './service-level.js';
import type { ConsultationRow, ConsultationsTable, Db } from './tables.js';
import { preparedAs } from '../../db/prepared-statements.js';
import { receiptOf } from './views.js';
import { generateTrackingCode } from './tracking-code.js';

/** One timeline step as stored. */
export interface EventRow {
  consultation_id: number;
  status: string;
  /** The note to the citizen (public). */
  note: string | null;
  /** The staff's internal note (staff views only). */
  internal_note: string | null;
  at: Date;
  actor: string;
}

/** The actor of steps the citizen took (asking the question). */
export const CITIZEN_ACTOR = 'citizen';

const MAX_CODE_ATTEMPTS = 8;

/**
 * Every column of `consultations`, named: the prepared statements below list them rather than
 * `*`, whose result type a migration adding a column would change under a running instance
 * (`db/prepared-statements.ts`). A column missing here fails the type check.
 */
const CONSULTATION_COLUMNS = [
  'id', 'tracking_code', 'opd_slug', 'name', 'email', 'phone', 'category_id', 'subject', 'message',
  'consent_at', 'status', 'submitted_at', 'due_at', 'first_response_at', 'answer_text', 'answered_at',
  'answered_by', 'consent_text', 'assigned_to', 'contact_erased_at', 'language', 'reminded_at',
] as const satisfies ReadonlyArray<keyof ConsultationsTable>;
const everyColumnNamed: Exclude<keyof ConsultationsTable, (typeof CONSULTATION_COLUMNS)[number]> extends never ? true : never = true;
void everyColumnNamed;
/** The columns as a select list, optionally of a table alias (`c.id, c.tracking_code, …`). */
const consultationColumns = (alias?: string) => sql.raw(CONSULTATION_COLUMNS.map((column) => (alias ? `${alias}.${column}` : column)).join(', '));

/** How {@link insertConsultation} draws codes and counts the due date. */
export interface InsertOptions {
  /** Draws a tracking code (default: a random one); drawn again when the code is taken. */
  newCode?: () => string;
  /** The regency's time zone, the one working days are counted in (default Asia/Jakarta). */
  timeZone?: IndonesianTimeZone;
  /**
   * The regency's days off, when the caller has them in memory (the app's directory);
   * without it they are read from `holidays` in the transaction.
   */
  isHoliday?: (day: CalendarDay) => boolean;
}

/**
 * Stores a new question with a fresh tracking code (a new one is drawn when a code is
 * taken) and its first timeline step, due by the service level in the regency's time zone;
 * undefined, storing nothing, when the OPD does not offer the question's category (or no
 * longer: retired).
 *
 * One statement does it all — the category check, the question and its first step, and with
 * `claim` the Idempotency-Key with the receipt (`claimKey`) — so a question costs the store
 * one round trip and needs no transaction around it. With `claim` it answers `KEY_NOT_CLAIMED`
 * when the key is stored already (a retry, or a twin sent at once): nothing else is stored.
 */
export async function insertConsultation(db: Db, opdSlug: string, input: ConsultationCreate, now: Date, options?: InsertOptions): Promise<ConsultationRow | undefined>;
export async function insertConsultation(
  db: Db,
  opdSlug: string,
  input: ConsultationCreate,
  now: Date,
  options: InsertOptions,
  claim: KeyClaim | undefined,
): Promise<ConsultationRow | undefined | typeof KEY_NOT_CLAIMED>;
export async function insertConsultation(
  db: Db,
  opdSlug: string,
  input: ConsultationCreate,
  now: Date,
  options: InsertOptions = {},
  claim?: KeyClaim,
): Promise<ConsultationRow | undefined | typeof KEY_NOT_CLAIMED> {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const dueAt = options.isHoliday
    ? firstResponseDueAt(now, { timeZone, isHoliday: options.isHoliday })
    : await firstResponseDue(db, now, timeZone);
  const newCode = options.newCode ?? generateTrackingCode;
  const offered = sql<boolean>`exists (
    select 1 from consultation_categories
    where opd_slug = ${opdSlug} and id = ${input.category} and retired_at is null)`;
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const code = newCode();
    // The key is claimed only for a question that can be stored: in an offered category,
    // with a code no question has.
    const claimed = claim
      ? claimKey(claim, receiptOf({ trackingCode: code, opdSlug, status: 'received', submittedAt: now, dueAt }), sql<boolean>`${offered}
          and not exists (select 1 from consultations where tracking_code = ${code})`)
      : sql`select 1 as claimed where ${offered}`;
    const { rows } = await sql<ConsultationRow & { claimed: number }>`${preparedAs('siap-create')}
      with claimed as (${claimed}), inserted as (
        insert into consultations
          (tracking_code, opd_slug, name, email, phone, category_id, subject, message,
           consent_at, consent_text, status, submitted_at, due_at, language)
        select ${code}::text, ${opdSlug}::text, ${input.name}::text, ${input.email || null}::text,
          ${input.phone || null}::text, ${input.category}::text, ${input.subject}::text, ${input.message}::text,
          ${now}::timestamptz, ${input.consentText || null}::text, 'received', ${now}::timestamptz, ${dueAt}::timestamptz,
          ${input.language ?? 'id'}::text
        where exists (select 1 from claimed)
        -- A clash on the unique tracking code inserts nothing.
        on conflict (tracking_code) do nothing
        returning ${consultationColumns()}
      ), first_step as (
        insert into consultation_events (consultation_id, status, note, at, actor)
        select id, 'received', null, ${now}::timestamptz, ${CITIZEN_ACTOR}::text from inserted
      ), received as (
        -- The outbox event, in the same statement: the mail with the tracking code cannot be lost.
        insert into outbox (topic, payload, created_at)
        select 'consultation.received',
          jsonb_build_object('opd', opd_slug, 'consultationId', id, 'trackingCode', tracking_code), ${now}::timestamptz
        from inserted
      )
      select (select count(*) from claimed)::integer as claimed, ${consultationColumns('inserted')}
      from (select 1) as one left join inserted on true`.execute(db);
    const result = rows[0];
    if (result?.id != null) {
      const { claimed: _claimed, ...row } = result;
      return row as ConsultationRow;
    }
    if (result?.claimed) {
      // Claimed, but another question took the code at the same moment: undo the claim, draw again.
      if (claim) await releaseKey(db as unknown as Kysely<Database>, claim);
      continue;
    }
    if (claim && (await keyStored(db as unknown as Kysely<Database>, claim))) return KEY_NOT_CLAIMED;
    if (!(await offersCategory(db, opdSlug, input.category))) return undefined;
  }
  throw new Error(`No free tracking code after ${MAX_CODE_ATTEMPTS} attempts`);
}

/** Whether the OPD offers the category on its form (exists, not retired). */
async function offersCategory(db: Db, opdSlug: string, category: string): Promise<boolean> {
  const row = await db
    .selectFrom('consultation_categories')
    .select('id')
    .where('opd_slug', '=', opdSlug)
    .where('id', '=', category)
    .where('retired_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * An OPD's consultation categories the form offers (retired ones left out), in the order the
 * form shows them, with `nameEn` where the OPD gave one.
 */
export async function categoriesOf(db: Db, opdSlug: string): Promise<ConsultationCategory[]> {
  const rows = await db
    .selectFrom('consultation_categories')
    .select(['id', 'name', 'name_en'])
    .where('opd_slug', '=', opdSlug)
    .where('retired_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toCategory);
}

/** Every category of an OPD, retired ones included: what views name a consultation's category by. */
export async function categoryNamesOf(db: Db, opdSlug: string): Promise<ConsultationCategory[]> {
  const rows = await db
    .selectFrom('consultation_categories')
    .select(['id', 'name', 'name_en'])
    .where('opd_slug', '=', opdSlug)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map(toCategory);
}

function toCategory(row: { id: string; name: string; name_en: string | null }): ConsultationCategory {
  return { id: row.id, name: row.name, ...(row.name_en ? { nameEn: row.name_en } : {}) };
}

/** What the public tracking view shows of a consultation: its row, its timeline, its category. */
export interface Tracked {
  row: ConsultationRow;
  events: EventRow[];
  /** Its category as the OPD names it (retired ones too); undefined if the category is gone. */
  category: ConsultationCategory | undefined;
}

/**
 * A consultation by tracking code with its timeline and its category's name, in one query:
 * the tracking page is read far more often than anything changes it, on PGlite each query
 * holds the server's one thread, and on PostgreSQL each is a round trip.
 */
export async function findTracked(db: Db, trackingCode: string): Promise<Tracked | undefined> {
  const { rows } = await sql<ConsultationRow & { timeline: Array<Omit<EventRow, 'at'> & { at: string }>; category: { id: string; name: string; name_en: string | null } | null }>`${preparedAs('siap-track')}
    select ${consultationColumns('c')},
      coalesce((
        select json_agg(json_build_object(
          'consultation_id', e.consultation_id, 'status', e.status, 'note', e.note,
          'internal_note', e.internal_note, 'at', e.at, 'actor', e.actor) order by e.at, e.id)
        from consultation_events e where e.consultation_id = c.id), '[]'::json) as timeline,
      (select json_build_object('id', k.id, 'name', k.name, 'name_en', k.name_en)
        from consultation_categories k where k.opd_slug = c.opd_slug and k.id = c.category_id) as category
    from consultations c
    where c.tracking_code = ${trackingCode}`.execute(db);
  const found = rows[0];
  if (!found) return undefined;
  const { timeline, category, ...row } = found;
  return {
    row: row as ConsultationRow,
    events: timeline.map((event) => ({ ...event, at: new Date(event.at) })),
    category: category ? toCategory(category) : undefined,
  };
}

/** A consultation of one OPD by tracking code, locked for update when `lock` (inside a transaction). */
export async function findInOpd(
  db: Db,
  opdSlug: string,
  trackingCode: string,
  lock = false,
): Promise<ConsultationRow | undefined> {
  let query = db
    .selectFrom('consultations')
    .selectAll()
    .where('opd_slug', '=', opdSlug)
    .where('tracking_code', '=', trackingCode);
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The timelines of the given consultations, oldest step first, by consultation id. */
export async function timelines(db: Db, ids: readonly number[]): Promise<Map<number, EventRow[]>> {
  const byId = new Map<number, EventRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('consultation_events')
    .select(['consultation_id', 'status', 'note', 'internal_note', 'at', 'actor'])
    .where('consultation_id', 'in', ids)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const row of rows) byId.get(row.consultation_id)?.push(row);
  return byId;
}

/** Filters of the staff list, checked. */
export interface ListFilters {
  status?: ConsultationStatus;
  overdue?: boolean;
  /** A service-level queue, see `consultationQueues`. */
  due?: ConsultationQueue;
  /** A staff user id, or `null` for unassigned ones (`me` already resolved to the user's id). */
  assignee?: string | null;
  category?: string;
  q?: string;
  /** Also match this tracking code exactly (the search text in canonical form). */
  trackingCode?: string;
}

/**
 * The service-level rules in SQL, at `now` in the regency's `timeZone`. `overdue` is the SQL
 * twin of isOverdue() in service-level.ts: change both together.
 */
export function queueRules(now: Date, timeZone: IndonesianTimeZone) {
  const awaiting = sql<boolean>`(first_response_at is null and status <> 'closed')`;
  const endOfToday = endOfDayIn(dayIn(now, timeZone), timeZone);
  return {
    /** No first response yet, not closed, past the due time. */
    overdue: sql<boolean>`(${awaiting} and due_at < ${now})`,
    /** No first response yet, not closed, due later today (in the regency's zone). */
    today: sql<boolean>`(${awaiting} and due_at >= ${now} and due_at <= ${endOfToday})`,
    /** Still to be answered. */
    open: sql<boolean>`(status in ('received', 'in_progress'))`,
  };
}

/** One page of an OPD's consultations, newest first, plus one more row to tell if more follow. */
export async function listPage(
  db: Db,
  opdSlug: string,
  filters: ListFilters,
  now: Date,
  timeZone: IndonesianTimeZone,
  limit: number,
  after: Cursor | undefined,
): Promise<ConsultationRow[]> {
  const rules = queueRules(now, timeZone);
  let query = db.selectFrom('consultations').selectAll().where('opd_slug', '=', opdSlug);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.category) query = query.where('category_id', '=', filters.category);
  if (filters.overdue !== undefined) {
    query = query.where(filters.overdue ? rules.overdue : sql<boolean>`not ${rules.overdue}`);
  }
  if (filters.due) query = query.where(rules[filters.due]);
  if (filters.assignee !== undefined) {
    query = filters.assignee === null ? query.where('assigned_to', 'is', null) : query.where('assigned_to', '=', filters.assignee);
  }
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    const code = filters.trackingCode;
    query = query.where((eb) =>
      eb.or([
        eb('subject', 'ilike', pattern),
        eb('message', 'ilike', pattern),
        eb('tracking_code', 'ilike', pattern),
        ...(code ? [eb('tracking_code', '=', code)] : []),
      ]),
    );
  }
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('submitted_at', '<', after.at),
        eb.and([eb('submitted_at', '=', after.at), eb('id', '<', after.id)]),
      ]),
    );
  }
  return query.orderBy('submitted_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
}

/**
 * The console's queue counters of one OPD in one query (see `consultationCounts`): per status,
 * due today, overdue, open ones assigned to `me` and unassigned, all, and the newest question's time.
 */
export async function queueCounts(
  db: Db,
  opdSlug: string,
  me: string,
  now: Date,
  timeZone: IndonesianTimeZone,
): Promise<ConsultationCounts> {
  const rules = queueRules(now, timeZone);
  const count = (where: RawBuilder<boolean>) => sql<string | number>`count(*) filter (where ${where})`;
  const row = await db
    .selectFrom('consultations')
    .where('opd_slug', '=', opdSlug)
    .select([
      count(sql<boolean>`status = 'received'`).as('received'),
      count(sql<boolean>`status = 'in_progress'`).as('in_progress'),
      count(sql<boolean>`status = 'answered'`).as('answered'),
      count(sql<boolean>`status = 'closed'`).as('closed'),
      count(rules.today).as('due_today'),
      count(rules.overdue).as('overdue'),
      count(sql<boolean>`${rules.open} and assigned_to = ${me}`).as('assigned_to_me'),
      count(sql<boolean>`${rules.open} and assigned_to is null`).as('unassigned'),
      sql<string | number>`count(*)`.as('total'),
      sql<Date | string | null>`max(submitted_at)`.as('latest'),
    ])
    .executeTakeFirstOrThrow();
  const latest = row.latest === null ? null : new Date(row.latest);
  return {
    byStatus: {
      received: Number(row.received),
      in_progress: Number(row.in_progress),
      answered: Number(row.answered),
      closed: Number(row.closed),
    },
    dueToday: Number(row.due_today),
    overdue: Number(row.overdue),
    assignedToMe: Number(row.assigned_to_me),
    unassigned: Number(row.unassigned),
    total: Number(row.total),
    latestSubmittedAt: latest?.toISOString() ?? null,
  };
}

/** Stores the staff answer: status answered, first response (if none yet), a timeline step and an outbox message. */
export async function storeAnswer(
  trx: Db,
  row: ConsultationRow,
  text: string,
  actor: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('consultations')
    .set({
      status: 'answered',
      answer_text: text,
      answered_at: now,
      answered_by: actor,
      first_response_at: row.first_response_at ?? now,
    })
    .where('id', '=', row.id)
    .execute();
  await trx
    .insertInto('consultation_events')
    .values({ consultation_id: row.id, status: 'answered', note: null, at: now, actor })
    .execute();
  // The mail reads the contact from the consultation (`./mail.ts`); the event carries none.
  await emitEvent(trx, 'consultation.answered', eventPayload(row), now);
}

/** What SIAP's events carry: ids and the code, never the citizen's name or contact. */
function eventPayload(row: ConsultationRow): Record<string, unknown> {
  return { opd: row.opd_slug, consultationId: row.id, trackingCode: row.tracking_code };
}

/** The notes of a status change: to the citizen (public) and for staff (internal). */
export interface StatusNotes {
  note?: string | undefined;
  internalNote?: string | undefined;
}

/**
 * Changes the status with optional notes; a note to the citizen on `in_progress` counts as
 * the first response (an internal note does not: the citizen never sees it).
 */
export async function storeStatus(
  trx: Db,
  row: ConsultationRow,
  status: ConsultationStatus,
  { note, internalNote }: StatusNotes,
  actor: string,
  now: Date,
): Promise<void> {
  const respondsNow = status === 'in_progress' && Boolean(note);
  await trx
    .updateTable('consultations')
    .set({
      status,
      first_response_at: row.first_response_at ?? (respondsNow ? now : null),
    })
    .where('id', '=', row.id)
    .execute();
  await trx
    .insertInto('consultation_events')
    .values({ consultation_id: row.id, status, note: note || null, internal_note: internalNote || null, at: now, actor })
    .execute();
  if (status !== row.status) await emitEvent(trx, 'consultation.status-changed', { ...eventPayload(row), status, previousStatus: row.status }, now);
}

/** Gives the consultation to a colleague (a staff user id), or to nobody (`null`). */
export async function storeAssignee(trx: Db, row: ConsultationRow, userId: string | null): Promise<void> {
  await trx.updateTable('consultations').set({ assigned_to: userId }).where('id', '=', row.id).execute();
}

/**
 * The staff user `userId` when they may be given a consultation of `opdSlug`: active (not
 * disabled) and one of the OPD's users, or a regency admin. Undefined otherwise.
 */
export async function assignableUser(db: Db, opdSlug: string, userId: string): Promise<{ id: string; name: string } | undefined> {
  return db
    .selectFrom('staff_users')
    .select(['id', 'name'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where((eb) => eb.or([eb('opd_slug', '=', opdSlug), eb('role', '=', 'regency_admin')]))
    .executeTakeFirst();
}

/** One internal note as stored. */
export interface NoteRow {
  consultation_id: number;
  text: string;
  at: Date;
  author_id: string;
}

/** Adds an internal note (staff only; it changes nothing else). */
export async function insertNote(trx: Db, row: ConsultationRow, text: string, authorId: string, now: Date): Promise<void> {
  await trx.insertInto('consultation_notes').values({ consultation_id: row.id, text, at: now, author_id: authorId }).execute();
}

/** The internal notes of the given consultations, oldest first, by consultation id. */
export async function notesOf(db: Db, ids: readonly number[]): Promise<Map<number, NoteRow[]>> {
  const byId = new Map<number, NoteRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const rows = await db
    .selectFrom('consultation_notes')
    .select(['consultation_id', 'text', 'at', 'author_id'])
    .where('consultation_id', 'in', ids)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const row of rows) byId.get(row.consultation_id)?.push(row);
  return byId;
}

/** The names of the staff users with these ids, by id (ids of nobody, like `citizen`, are left out). */
export async function staffNames(db: Db, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => id !== CITIZEN_ACTOR);
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('staff_users').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
