/**
 * One OPD One Innovation's tables as kysely sees them; joined to the spine's with
 * `db.withTables<InnovationTables>()` (see {@link innovationsDb}).
 *
 * @module
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database, Json, Timestamp } from '../../db/schema.js';

/** A `date` column, read with `to_char` as `YYYY-MM-DD`. */
type DateColumn = ColumnType<unknown, string | null | undefined, string | null>;

/** A `numeric` column: read as text by both drivers, written as a number. */
type NumericColumn = ColumnType<string, number, number>;

/** A column the search trigger fills: never written by the code. */
type Filled = ColumnType<unknown, never, never>;

/** `innovation_settings`: one row, `regency`. */
export interface InnovationSettingsTable {
  id: string;
  reviewer_opd: string;
  deadline: DateColumn;
  year: number;
  updated_at: Timestamp;
}

/** `innovation_models`: an IID scoring model of an assessment year. */
export interface InnovationModelsTable {
  year: number;
  name: string;
  source: string;
  government_share: NumericColumn;
  innovation_share: NumericColumn;
  categories: Json<Array<{ name: string; min: number; max: number | null }>>;
  note: string | null;
}

/** `innovation_indicators`: the indicators of a model. */
export interface InnovationIndicatorsTable {
  year: number;
  id: string;
  number: number;
  part: 'government' | 'innovation';
  name: string;
  weight: NumericColumn;
  evidence: boolean;
}

/** `innovations`: one registered innovation. */
export interface InnovationsTable {
  id: Generated<number>;
  opd_slug: string;
  year: number;
  name: string;
  type: string;
  digital: boolean;
  stage: string;
  initiative_on: DateColumn;
  trial_on: DateColumn;
  applied_on: DateColumn;
  started_on: DateColumn;
  problem: string;
  solution: string;
  benefits: string | null;
  results: string | null;
  budget_source: string | null;
  /** Who started it (`innovationInitiators`); added by migration 0004. */
  initiator: string | null;
  /** About the COVID-19 pandemic or not; added by migration 0004. */
  covid19: boolean | null;
  /** Its goal (*tujuan*); added by migration 0004. */
  goal: string | null;
  /** The contact person: staff-only. */
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  status: string;
  review_comment: string | null;
  submitted_at: Timestamp | null;
  verified_at: Timestamp | null;
  synthetic: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
  search_doc: Filled;
  search_text: Filled;
}

/** `innovation_reviews`: the review log of an innovation. */
export interface InnovationReviewsTable {
  id: Generated<number>;
  innovation_id: number;
  at: Timestamp;
  action: 'submitted' | 'verified' | 'returned';
  comment: string | null;
  actor_id: string | null;
  actor_name: string;
}

/** `innovation_evidence`: an evidence file, its bytes in the database. */
export interface InnovationEvidenceTable {
  id: string;
  innovation_id: number;
  indicator_id: string;
  title: string;
  media_type: string;
  byte_size: number;
  sha256: string;
  data: Uint8Array;
  created_at: Timestamp;
  created_by: string | null;
}

/** `innovation_words`: the catalogue's vocabulary, for typo matching (filled by the search trigger). */
export interface InnovationWordsTable {
  word: string;
}

/** The module's tables (a type, not an interface, so kysely's `withTables` takes it). */
export type InnovationTables = {
  innovation_settings: InnovationSettingsTable;
  innovation_models: InnovationModelsTable;
  innovation_indicators: InnovationIndicatorsTable;
  innovations: InnovationsTable;
  innovation_reviews: InnovationReviewsTable;
  innovation_evidence: InnovationEvidenceTable;
  innovation_words: InnovationWordsTable;
};

/** The spine's tables and the module's. */
export type InnovationDatabase = Database & InnovationTables;

/** A database or a transaction that sees the module's tables. */
export type InnovationsDb = Kysely<InnovationDatabase> | Transaction<InnovationDatabase>;

/** The app's database (or a transaction on it) with the module's tables in view. */
export function innovationsDb(db: Transaction<Database>): Transaction<InnovationDatabase>;
export function innovationsDb(db: Kysely<Database>): Kysely<InnovationDatabase>;
export function innovationsDb(db: Kysely<Database>): Kysely<InnovationDatabase> {
  return db.withTables<InnovationTables>();
}
