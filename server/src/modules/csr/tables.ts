/**
 * SIP BENAR's tables as kysely sees them; joined to the spine's with
 * `db.withTables<CsrTables>()` (see {@link csrDb}). Money columns are `bigint` whole rupiah:
 * read as text (pg) or a number/bigint (PGlite) and turned into numbers by `rupiahOf`.
 *
 * @module
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database, Json, Timestamp } from '../../db/schema.js';

/** A `date` column, read with `to_char` as `YYYY-MM-DD`. */
type DateColumn = ColumnType<unknown, string, string>;

/** A `bigint` column of whole rupiah: read as the driver gives it, written as a number. */
type Rupiah = ColumnType<string | number | bigint, number, number>;

/** A `bigint` column that may be empty. */
type NullableRupiah = ColumnType<string | number | bigint | null, number | null, number | null>;

/** A boolean with a default. */
type Flag = ColumnType<boolean, boolean | undefined, boolean>;

/** `csr_fields`: an OPD's own list of fields (none: the defaults). */
export interface CsrFieldsTable {
  opd_slug: string;
  id: string;
  name: string;
  name_en: string | null;
  position: number;
}

/** `csr_companies`: a company that funds programmes; the contact person is staff-only. */
export interface CsrCompaniesTable {
  id: Generated<number>;
  opd_slug: string;
  name: string;
  sector: string;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

/** `csr_programs`: one CSR-funded programme. */
export interface CsrProgramsTable {
  id: Generated<number>;
  opd_slug: string;
  company_id: number;
  proposal_id: number | null;
  title: string;
  description: string | null;
  field: string;
  kecamatan: string;
  desa: string;
  lon: number | null;
  lat: number | null;
  year: number;
  committed: Rupiah;
  beneficiaries: number | null;
  status: string;
  rpjmd_priority: string | null;
  sdg: number | null;
  double_funding_with: Json<Array<{ id: number; title: string; company: string }>> | null;
  double_funding_reason: string | null;
  double_funding_by: string | null;
  double_funding_at: Timestamp | null;
  /** Why the commitment was set below what was already spent. */
  over_budget_reason: string | null;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

/** `csr_spending`: a spending entry of a programme. */
export interface CsrSpendingTable {
  id: Generated<number>;
  program_id: number;
  spent_on: DateColumn;
  amount: Rupiah;
  description: string;
  over_budget_reason: string | null;
  is_demo: Flag;
  created_at: Timestamp;
  created_by: string | null;
  created_by_name: string | null;
  updated_at: Timestamp;
}

/** `csr_evidence`: an evidence file of a spending entry, its bytes in the database. */
export interface CsrEvidenceTable {
  id: string;
  spending_id: number;
  media_type: string;
  byte_size: number;
  sha256: string;
  data: Uint8Array;
  is_demo: Flag;
  created_at: Timestamp;
  created_by: string | null;
}

/** `csr_proposals`: a village's proposal and the forum's decision on it. */
export interface CsrProposalsTable {
  id: Generated<number>;
  opd_slug: string;
  title: string;
  description: string | null;
  field: string;
  kecamatan: string;
  desa: string;
  lon: number | null;
  lat: number | null;
  year: number;
  estimated_cost: NullableRupiah;
  beneficiaries: number | null;
  proposer: string;
  contact_name: string | null;
  contact_phone: string | null;
  submitted_on: DateColumn;
  status: string;
  decision_note: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  company_id: number | null;
  is_demo: Flag;
  created_at: Timestamp;
  updated_at: Timestamp;
  created_by: string | null;
  updated_by: string | null;
}

/** The module's tables (a type, not an interface, so kysely's `withTables` takes it). */
export type CsrTables = {
  csr_fields: CsrFieldsTable;
  csr_companies: CsrCompaniesTable;
  csr_programs: CsrProgramsTable;
  csr_spending: CsrSpendingTable;
  csr_evidence: CsrEvidenceTable;
  csr_proposals: CsrProposalsTable;
};

/** The spine's tables and the module's. */
export type CsrDatabase = Database & CsrTables;

/** A database or a transaction that sees the module's tables. */
export type CsrDb = Kysely<CsrDatabase> | Transaction<CsrDatabase>;

/** The app's database (or a transaction on it) with the module's tables in view. */
export function csrDb(db: Transaction<Database>): Transaction<CsrDatabase>;
export function csrDb(db: Kysely<Database>): Kysely<CsrDatabase>;
export function csrDb(db: Kysely<Database>): Kysely<CsrDatabase> {
  return db.withTables<CsrTables>();
}

/** Whole rupiah as a JSON-safe number; a value past `Number.MAX_SAFE_INTEGER` is a bug, never rounded silently. */
export function rupiahOf(value: string | number | bigint | null): number {
  if (value === null) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`A rupiah figure (${String(value)}) is not a safe integer`);
  return n;
}
