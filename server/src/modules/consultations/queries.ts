/**
 * SIAP's reads and writes: consultations, their timeline and the outbox messages they make.
 * Every function takes the database (or the transaction) it works in.
 *
 * @module
 */
import { sql } from 'kysely';
import {
  DEFAULT_TIME_ZONE,
  type ConsultationCategory,
  type ConsultationCreate,
  type ConsultationStatus,
  type IndonesianTimeZone,
} from '../../../../src/schemas/index.js';
import type { Cursor } from '../../http/cursor.js';
import { firstResponseDue } from './service-level.js';
import type { ConsultationRow, Db } from './tables.js';
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
 * Stores a new question with a fresh tracking code (a new one is drawn when a code is
 * taken) and its first timeline step, due by the service level in the regency's `timeZone`.
 * Run it inside a transaction.
 */
export async function insertConsultation(
  trx: Db,
  opdSlug: string,
  input: ConsultationCreate,
  now: Date,
  newCode: () => string = generateTrackingCode,
  timeZone: IndonesianTimeZone = DEFAULT_TIME_ZONE,
): Promise<ConsultationRow> {
  const dueAt = await firstResponseDue(trx, now, timeZone);
  for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt += 1) {
    const row = await trx
      .insertInto('consultations')
      .values({
        tracking_code: newCode(),
        opd_slug: opdSlug,
        name: input.name,
        email: input.email || null,
        phone: input.phone || null,
        category_id: input.category,
        subject: input.subject,
        message: input.message,
        consent_at: now,
        status: 'received',
        submitted_at: now,
        due_at: dueAt,
      })
      // A clash on the unique tracking code inserts nothing (and keeps the transaction usable).
      .onConflict((oc) => oc.column('tracking_code').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row) {
      await trx
        .insertInto('consultation_events')
        .values({ consultation_id: row.id, status: 'received', note: null, at: now, actor: CITIZEN_ACTOR })
        .execute();
      return row;
    }
  }
  throw new Error(`No free tracking code after ${MAX_CODE_ATTEMPTS} attempts`);
}

/** An OPD's consultation categories, in the order the form shows them, with `nameEn` where the OPD gave one. */
export async function categoriesOf(db: Db, opdSlug: string): Promise<ConsultationCategory[]> {
  const rows = await db
    .selectFrom('consultation_categories')
    .select(['id', 'name', 'name_en'])
    .where('opd_slug', '=', opdSlug)
    .orderBy('position')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, ...(row.name_en ? { nameEn: row.name_en } : {}) }));
}

/** A consultation by tracking code (any OPD), or undefined. */
export async function findByTrackingCode(db: Db, trackingCode: string): Promise<ConsultationRow | undefined> {
  return db.selectFrom('consultations').selectAll().where('tracking_code', '=', trackingCode).executeTakeFirst();
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
  category?: string;
  q?: string;
  /** Also match this tracking code exactly (the search text in canonical form). */
  trackingCode?: string;
}

/** One page of an OPD's consultations, newest first, plus one more row to tell if more follow. */
export async function listPage(
  db: Db,
  opdSlug: string,
  filters: ListFilters,
  now: Date,
  limit: number,
  after: Cursor | undefined,
): Promise<ConsultationRow[]> {
  let query = db.selectFrom('consultations').selectAll().where('opd_slug', '=', opdSlug);
  if (filters.status) query = query.where('status', '=', filters.status);
  if (filters.category) query = query.where('category_id', '=', filters.category);
  if (filters.overdue !== undefined) {
    // The SQL twin of isOverdue() in service-level.ts: change both together.
    const overdue = sql<boolean>`(first_response_at is null and status <> 'closed' and due_at < ${now})`;
    query = query.where(filters.overdue ? overdue : sql<boolean>`not ${overdue}`);
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
  // The notification worker reads the contact from the consultation; the message carries none.
  await trx
    .insertInto('outbox')
    .values({
      topic: 'consultation.answered',
      payload: JSON.stringify({ consultationId: row.id, trackingCode: row.tracking_code, opd: row.opd_slug }),
      created_at: now,
    })
    .execute();
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
}
