/**
 * SIAP's side of personal data under UU 27/2022, for the spine to call (export and erasure on
 * a citizen's request, and the retention period): plain functions on the database or a
 * transaction, so the spine decides the transaction, the audit entry and the actor.
 *
 * - {@link findPersonalData}: everything SIAP stores about a citizen, found by the e-mail
 *   address or the mobile number they gave, the notes staff wrote about their questions included;
 * - {@link erasePersonalData}: erases them from every question they asked: the name becomes
 *   {@link ERASED_NAME}, e-mail and phone are emptied, and every mention of them in the free
 *   text (subject, question, answer, the timeline's public and internal notes, the internal
 *   notes) becomes {@link ERASED_NAME} too, as does a number that looks like a NIK (see
 *   {@link redactorFor}); the questions, the answers and the timeline stay, no longer tied to a person;
 * - {@link eraseExpiredContacts}: the same for every consultation whose handling ended before a
 *   date (the regency's retention period): closed before it, or answered and left so since.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import { normalizeMobileNumber, type ConsultationStatus } from '../../../../src/schemas/index.js';
import type { Database } from '../../db/schema.js';
import type { ConsultationTables, Db } from './tables.js';
import { ERASED_NAME, redactorFor, type Mentions } from '../../privacy/redact.js';

// Redacting free text is shared with the other modules (server/src/privacy/redact.ts); SIAP's names stay.
export { ERASED_NAME, looksLikeNik, redactorFor, type Mentions } from '../../privacy/redact.js';

/** The module name the records carry. */
const MODULE = 'siap';

/** Consultations redacted per round of queries (keeps `in (…)` lists short on a first retention run). */
const BATCH = 200;

/** Whose data: the e-mail address or mobile number the citizen gave (either or both). */
export interface DataSubjectQuery {
  email?: string | undefined;
  phone?: string | undefined;
}

/** One record of a citizen's data, as `personalDataRecord` in `src/schemas/privacy.ts`. */
export interface PersonalDataRecord {
  module: string;
  opd: string;
  /** The tracking code. */
  subject: string;
  /** When the question was asked. */
  at: string;
  data: Record<string, unknown>;
}

/** The spine's database or a transaction on it, seen with any module's tables (every module's view holds the spine's). */
type AnyDb<DB extends Database> = Kysely<DB> | Transaction<DB>;

function siap<DB extends Database>(db: AnyDb<DB>): Db {
  return (db as unknown as Kysely<Database>).withTables<ConsultationTables>();
}

/** The e-mail address and phone number to look for, as SIAP stores them (lower case; `+628…`); empty ones left out. */
function contactOf(who: DataSubjectQuery): { email?: string; phone?: string } {
  const email = who.email?.trim().toLowerCase();
  const phone = who.phone?.trim() ? normalizeMobileNumber(who.phone.trim()) : undefined;
  return { ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
}

/** The consultations of the citizen `who`, as a `where` on `consultations`; null when `who` names nobody. */
function matching(db: Db, who: DataSubjectQuery) {
  const { email, phone } = contactOf(who);
  if (!email && !phone) return null;
  return db.selectFrom('consultations').where((eb) =>
    eb.or([...(email ? [eb('email', '=', email)] : []), ...(phone ? [eb('phone', '=', phone)] : [])]),
  );
}

/** What a consultation holds of its citizen: the contact, and the free text that may mention them. */
interface CitizenRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  subject: string;
  message: string;
  answer_text: string | null;
}

/**
 * Erases the citizen from each consultation of `ids` (locked by the caller): the name becomes
 * {@link ERASED_NAME}, e-mail and phone are emptied, `contact_erased_at` is `now`, and every
 * mention `mentionsOf` the row names is taken out of the subject, the question, the answer, the
 * timeline's public and internal notes and the internal notes. One round of queries per
 * {@link BATCH} consultations; a note is written back only when it changed.
 */
async function eraseConsultations(db: Db, ids: readonly number[], mentionsOf: (row: CitizenRow) => Mentions, now: Date): Promise<void> {
  for (let start = 0; start < ids.length; start += BATCH) {
    const batch = ids.slice(start, start + BATCH);
    const rows = await db
      .selectFrom('consultations')
      .select(['id', 'name', 'email', 'phone', 'subject', 'message', 'answer_text'])
      .where('id', 'in', batch)
      .execute();
    const events = await db
      .selectFrom('consultation_events')
      .select(['id', 'consultation_id', 'note', 'internal_note'])
      .where('consultation_id', 'in', batch)
      .where((eb) => eb.or([eb('note', 'is not', null), eb('internal_note', 'is not', null)]))
      .execute();
    const notes = await db.selectFrom('consultation_notes').select(['id', 'consultation_id', 'text']).where('consultation_id', 'in', batch).execute();
    const redactors = new Map(rows.map((row) => [row.id, redactorFor(mentionsOf(row))]));
    const redact = (consultationId: number, text: string) => redactors.get(consultationId)?.(text) ?? text;
    const redactNullable = (consultationId: number, text: string | null) => (text === null ? null : redact(consultationId, text));

    for (const row of rows) {
      await db
        .updateTable('consultations')
        .set({
          name: ERASED_NAME,
          email: null,
          phone: null,
          contact_erased_at: now,
          subject: redact(row.id, row.subject),
          message: redact(row.id, row.message),
          answer_text: redactNullable(row.id, row.answer_text),
        })
        .where('id', '=', row.id)
        .execute();
    }
    for (const event of events) {
      const note = redactNullable(event.consultation_id, event.note);
      const internalNote = redactNullable(event.consultation_id, event.internal_note);
      if (note === event.note && internalNote === event.internal_note) continue;
      await db.updateTable('consultation_events').set({ note, internal_note: internalNote }).where('id', '=', event.id).execute();
    }
    for (const note of notes) {
      const text = redact(note.consultation_id, note.text);
      if (text !== note.text) await db.updateTable('consultation_notes').set({ text }).where('id', '=', note.id).execute();
    }
  }
}

/** What a row names of its own citizen. */
function mentionsOfRow(row: CitizenRow): Mentions {
  return { names: [row.name], emails: row.email ? [row.email] : [], phones: row.phone ? [row.phone] : [] };
}

// ---------------------------------------------------------------------------------------------
// The hooks

/**
 * Everything SIAP stores about the citizen who gave this e-mail address or mobile number, one
 * record per question, oldest first: name, contact, the question, the consent, the answer, and
 * what staff wrote about it, which may mention them: the timeline's notes (`timelineNotes`: each
 * step with a public `note` to the citizen, an `internalNote`, or both) and the internal notes
 * written without a status change (`notes`). Staff are not named (their ids are not the
 * citizen's data). Nothing when neither is given.
 */
export async function findPersonalData<DB extends Database>(db: AnyDb<DB>, who: DataSubjectQuery): Promise<PersonalDataRecord[]> {
  const query = matching(siap(db), who);
  if (!query) return [];
  const rows = await query
    .select([
      'id',
      'tracking_code',
      'opd_slug',
      'name',
      'email',
      'phone',
      'subject',
      'message',
      'consent_text',
      'consent_at',
      'status',
      'submitted_at',
      'answer_text',
      'answered_at',
    ])
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const events = await siap(db)
    .selectFrom('consultation_events')
    .select(['consultation_id', 'status', 'note', 'internal_note', 'at'])
    .where('consultation_id', 'in', ids)
    .where((eb) => eb.or([eb('note', 'is not', null), eb('internal_note', 'is not', null)]))
    .orderBy('at')
    .orderBy('id')
    .execute();
  const notes = await siap(db)
    .selectFrom('consultation_notes')
    .select(['consultation_id', 'text', 'at'])
    .where('consultation_id', 'in', ids)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    module: MODULE,
    opd: row.opd_slug,
    subject: row.tracking_code,
    at: row.submitted_at.toISOString(),
    data: {
      name: row.name,
      email: row.email,
      phone: row.phone,
      subject: row.subject,
      message: row.message,
      consentText: row.consent_text,
      consentAt: row.consent_at.toISOString(),
      status: row.status as ConsultationStatus,
      answer: row.answer_text,
      answeredAt: row.answered_at?.toISOString() ?? null,
      timelineNotes: events
        .filter((e) => e.consultation_id === row.id)
        .map((e) => ({
          status: e.status as ConsultationStatus,
          at: e.at.toISOString(),
          ...(e.note ? { note: e.note } : {}),
          ...(e.internal_note ? { internalNote: e.internal_note } : {}),
        })),
      notes: notes.filter((n) => n.consultation_id === row.id).map((n) => ({ at: n.at.toISOString(), text: n.text })),
    },
  }));
}

/**
 * Erases the citizen who gave this e-mail address or mobile number from every question they
 * asked: name and contact, and every mention of any name, e-mail address or number those
 * questions were sent with (or the request names) in their free text, NIK-like numbers too
 * (see {@link redactorFor}). The question, its answer and timeline stay, anonymous. Returns how
 * many consultations were erased: 0 when neither is given, and 0 again for a second erasure
 * (nothing is left that finds them). Run it in the spine's transaction.
 */
export async function erasePersonalData<DB extends Database>(trx: AnyDb<DB>, who: DataSubjectQuery, now: Date): Promise<number> {
  const db = siap(trx);
  const query = matching(db, who);
  if (!query) return 0;
  // Locked, so a note or an answer written meanwhile waits and is not left behind unredacted.
  const rows = await query.select(['id', 'name', 'email', 'phone']).orderBy('id').forUpdate().execute();
  if (rows.length === 0) return 0;
  const { email, phone } = contactOf(who);
  // One citizen: what any of their questions names them by is taken out of all of them.
  const mentions: Mentions = {
    names: rows.map((row) => row.name),
    emails: [...rows.flatMap((row) => row.email ?? []), ...(email ? [email] : [])],
    phones: [...rows.flatMap((row) => row.phone ?? []), ...(phone ? [phone] : []), ...(who.phone?.trim() ? [who.phone] : [])],
  };
  await eraseConsultations(db, rows.map((row) => row.id), () => mentions, now);
  return rows.length;
}

/**
 * The retention period: erases the citizen (name, contact, and their mentions in the free text,
 * as {@link erasePersonalData} does, each consultation by what it names) from every
 * consultation, still holding a contact, whose handling ended before `closedBefore`:
 *
 * - **closed** before the cut-off (its closing step is older);
 * - **answered** and left so: status `answered`, answered before the cut-off and no step since
 *   (its latest timeline event is older too). Nothing closes an answered consultation by itself,
 *   so without this its contact would be kept for ever. One reopened (`in_progress`) or answered
 *   again after the cut-off keeps its contact until it, too, has rested a whole period.
 *
 * A question still being handled (received, in progress) keeps its contact however old.
 * Returns how many consultations were erased.
 */
export async function eraseExpiredContacts<DB extends Database>(trx: AnyDb<DB>, { closedBefore }: { closedBefore: Date }, now: Date = new Date()): Promise<number> {
  const db = siap(trx);
  const rows = await db
    .selectFrom('consultations')
    .select('id')
    .where('contact_erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', '=', 'closed'),
          eb.exists(
            eb
              .selectFrom('consultation_events as e')
              .select('e.id')
              .whereRef('e.consultation_id', '=', 'consultations.id')
              .where('e.status', '=', 'closed')
              .where('e.at', '<', closedBefore),
          ),
        ]),
        eb.and([
          eb('status', '=', 'answered'),
          eb.or([eb('answered_at', 'is', null), eb('answered_at', '<', closedBefore)]),
          eb.not(
            eb.exists(
              eb
                .selectFrom('consultation_events as e')
                .select('e.id')
                .whereRef('e.consultation_id', '=', 'consultations.id')
                .where('e.at', '>=', closedBefore),
            ),
          ),
        ]),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  await eraseConsultations(db, rows.map((row) => row.id), mentionsOfRow, now);
  return rows.length;
}

/** SIAP's personal-data hooks, for the module contract's `privacy: { find, erase, expire }`. */
export const siapPrivacy = {
  find: findPersonalData,
  erase: erasePersonalData,
  expire: eraseExpiredContacts,
} as const;
