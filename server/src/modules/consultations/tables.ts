/**
 * SIAP's tables as kysely sees them; joined to the spine's with
 * `db.withTables<ConsultationTables>()` (see {@link siapDb}).
 *
 * @module
 */
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Database, NullableTimestamp, Timestamp } from '../../db/schema.js';

/** `consultations`: one question of a citizen to an OPD (SIAP). */
export interface ConsultationsTable {
  id: Generated<number>;
  tracking_code: string;
  opd_slug: string;
  name: string;
  email: string | null;
  phone: string | null;
  category_id: string;
  subject: string;
  message: string;
  consent_at: Timestamp;
  status: string;
  submitted_at: Timestamp;
  due_at: Timestamp;
  first_response_at: NullableTimestamp;
  answer_text: string | null;
  answered_at: NullableTimestamp;
  /** The staff user id of who answered (before accounts: `staff`). */
  answered_by: string | null;
  /** The consent sentence the form showed (migration `0005-consent-text`); null for older forms. */
  consent_text: ColumnType<string | null, string | null | undefined, string | null>;
  /** The staff user id of the colleague handling it (migration `0006-assignees-and-notes`). */
  assigned_to: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the citizen's name and contact were erased (migration `0009-contact-erasure`). */
  contact_erased_at: NullableTimestamp;
  /** The language the citizen asked in, that mails to them are written in (migration `0012-language-and-reminders`). */
  language: ColumnType<'id' | 'en', 'id' | 'en' | undefined, 'id' | 'en'>;
  /** When staff were reminded that it is due (migration `0012-language-and-reminders`). */
  reminded_at: NullableTimestamp;
}

/** `consultation_events`: the timeline of a consultation. */
export interface ConsultationEventsTable {
  id: Generated<number>;
  consultation_id: number;
  status: string;
  /** The note to the citizen: public, shown on the public timeline. */
  note: string | null;
  /** The staff's internal note: staff views only (migration `0003-internal-notes`). */
  internal_note: ColumnType<string | null, string | null | undefined, string | null>;
  at: Timestamp;
  /** `citizen`, or the staff user id of who made the step (before accounts: `staff`). */
  actor: string;
}

/** `consultation_notes`: internal notes written without a status change (migration `0006-assignees-and-notes`). */
export interface ConsultationNotesTable {
  id: Generated<number>;
  consultation_id: number;
  text: string;
  at: Timestamp;
  /** The staff user id of who wrote it. */
  author_id: string;
}

/** `consultation_answer_templates`: an OPD's reusable answers (migration `0007-answer-templates`). */
export interface AnswerTemplatesTable {
  id: string;
  opd_slug: string;
  title: string;
  text: string;
  created_at: Timestamp;
  /** Staff user ids; null for the demo seed's. */
  created_by: string | null;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** `consultation_categories`: what an OPD's citizens may ask about, in the order shown. */
export interface ConsultationCategoriesTable {
  opd_slug: string;
  id: string;
  name: string;
  /** The English name, where the OPD gives one (migration `0004-english-names`). */
  name_en: ColumnType<string | null, string | null | undefined, string | null>;
  position: number;
  /** Set when the OPD's admin removed it while consultations use it (migration `0008-retired-categories`). */
  retired_at: NullableTimestamp;
}

/** SIAP's tables (a type, not an interface, so kysely's `withTables` takes it). */
export type ConsultationTables = {
  consultations: ConsultationsTable;
  consultation_events: ConsultationEventsTable;
  consultation_categories: ConsultationCategoriesTable;
  consultation_notes: ConsultationNotesTable;
  consultation_answer_templates: AnswerTemplatesTable;
};

/** The spine's tables and SIAP's. */
export type SiapDatabase = Database & ConsultationTables;

/** A database or a transaction that sees SIAP's tables. */
export type Db = Kysely<SiapDatabase> | Transaction<SiapDatabase>;

/** The app's database (or a transaction on it) with SIAP's tables in view. */
export function siapDb(db: Transaction<Database>): Transaction<SiapDatabase>;
export function siapDb(db: Kysely<Database>): Kysely<SiapDatabase>;
export function siapDb(db: Kysely<Database>): Kysely<SiapDatabase> {
  return db.withTables<ConsultationTables>();
}

/** A `consultations` row as read. */
export type ConsultationRow = Selectable<ConsultationsTable>;
/** A new `consultations` row. */
export type NewConsultation = Insertable<ConsultationsTable>;
