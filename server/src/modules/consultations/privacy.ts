/**
 * SIAP's side of personal data under UU 27/2022, for the spine to call (export and erasure on
 * a citizen's request, and the retention period): plain functions on the database or a
 * transaction, so the spine decides the transaction, the audit entry and the actor.
 *
 * - {@link findPersonalData}: everything SIAP stores about a citizen, found by the e-mail
 *   address or the mobile number they gave;
 * - {@link erasePersonalData}: erases their name and contact from every question they asked
 *   (the name becomes {@link ERASED_NAME}, e-mail and phone are emptied); the questions, the
 *   answers and the timeline stay, no longer tied to a person;
 * - {@link eraseExpiredContacts}: the same for every consultation closed before a date (the
 *   regency's retention period). Only closed ones: a question still being handled, or answered
 *   but not closed, keeps its contact.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import { normalizeMobileNumber, type ConsultationStatus } from '../../../../src/schemas/index.js';
import type { Database } from '../../db/schema.js';
import type { ConsultationTables, Db } from './tables.js';

/** What an erased consultation shows instead of the citizen's name. */
export const ERASED_NAME = '(dihapus)';

/** The module name the records carry. */
const MODULE = 'siap';

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

/**
 * Everything SIAP stores about the citizen who gave this e-mail address or mobile number, one
 * record per question, oldest first: name, contact, the question, the consent and the answer.
 * Nothing when neither is given.
 */
export async function findPersonalData<DB extends Database>(db: AnyDb<DB>, who: DataSubjectQuery): Promise<PersonalDataRecord[]> {
  const query = matching(siap(db), who);
  if (!query) return [];
  const rows = await query
    .select([
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
    },
  }));
}

/**
 * Erases the name and contact of the citizen who gave this e-mail address or mobile number
 * from every question they asked; the question, its answer and timeline stay. Returns how many
 * consultations were erased (0 when neither is given). Run it in the spine's transaction.
 */
export async function erasePersonalData<DB extends Database>(trx: AnyDb<DB>, who: DataSubjectQuery, now: Date): Promise<number> {
  const { email, phone } = contactOf(who);
  if (!email && !phone) return 0;
  const result = await siap(trx)
    .updateTable('consultations')
    .set({ name: ERASED_NAME, email: null, phone: null, contact_erased_at: now })
    .where((eb) => eb.or([...(email ? [eb('email', '=', email)] : []), ...(phone ? [eb('phone', '=', phone)] : [])]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * The retention period: erases the name and contact of every consultation closed before
 * `closedBefore` whose contact is still there. Returns how many were erased.
 */
export async function eraseExpiredContacts<DB extends Database>(trx: AnyDb<DB>, { closedBefore }: { closedBefore: Date }, now: Date = new Date()): Promise<number> {
  const result = await siap(trx)
    .updateTable('consultations')
    .set({ name: ERASED_NAME, email: null, phone: null, contact_erased_at: now })
    .where('status', '=', 'closed')
    .where('contact_erased_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('consultation_events as e')
          .select('e.id')
          .whereRef('e.consultation_id', '=', 'consultations.id')
          .where('e.status', '=', 'closed')
          .where('e.at', '<', closedBefore),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** SIAP's personal-data hooks, for the module contract's `privacy: { find, erase, expire }`. */
export const siapPrivacy = {
  find: findPersonalData,
  erase: erasePersonalData,
  expire: eraseExpiredContacts,
} as const;
