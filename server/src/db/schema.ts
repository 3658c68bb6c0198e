/**
 * The spine's tables of the shared database as kysely sees them (snake_case, as stored).
 * Timestamps are `timestamptz` and come back as `Date`; JSON columns are `jsonb`,
 * written as JSON text and read back parsed.
 *
 * @module
 */
import type { ColumnType, Generated, Selectable } from 'kysely';

/** A `timestamptz` column: read as `Date`, written as `Date` or ISO text. */
export type Timestamp = ColumnType<Date, Date | string, Date | string>;

/** A `jsonb` column holding `T`: read parsed, written as JSON text (`JSON.stringify`). */
export type Json<T> = ColumnType<T, string, string>;

/** `opds`: one row per agency this deployment serves. */
export interface OpdsTable {
  slug: string;
  /** The official (Indonesian) name. */
  name: string;
  /** The English name, where the OPD gives one (migration `0002-english-names`). */
  name_en: ColumnType<string | null, string | null | undefined, string | null>;
  modules: Json<string[]>;
  allowed_origins: Json<string[]>;
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

/** `idempotency_keys`: the stored answer of a write sent with an `Idempotency-Key`. */
export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  request_hash: string;
  response_status: number | null;
  response_body: ColumnType<unknown, string | null | undefined, string | null>;
  created_at: Timestamp;
}

/** `rate_limits`: requests counted per client bucket and fixed window, shared by all instances. */
export interface RateLimitsTable {
  bucket: string;
  window_start: Timestamp;
  count: number;
}

/** `audit_log`: who saw or changed what (UU 27/2022). */
export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor: string;
  action: string;
  subject: string;
  detail: Json<Record<string, unknown>>;
}

/** `outbox`: messages to send, written in the same transaction as the change (a worker sends them). */
export interface OutboxTable {
  id: Generated<number>;
  topic: string;
  payload: Json<Record<string, unknown>>;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

/**
 * `holidays`: the regency's days off besides weekends (national holidays, cuti bersama,
 * regional days off), which no service level counts as working days. `date` is a PostgreSQL
 * `date`: read it as text (`to_char(date, 'YYYY-MM-DD')`, see `calendar/holidays.ts`), since
 * the pg driver would turn a bare date into a `Date` at the server's local midnight.
 */
export interface HolidaysTable {
  date: string;
  name: string;
  kind: string;
  updated_at: Timestamp;
  updated_by: string;
}

/**
 * The spine's tables: tenancy, the holidays, idempotency, rate limits, audit log, outbox. A module's own
 * tables are its own interface, joined in with `db.withTables<ModuleTables>()`.
 */
export interface Database {
  opds: OpdsTable;
  holidays: HolidaysTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
}

/** An `opds` row as read. */
export type OpdRow = Selectable<OpdsTable>;

/** A nullable `timestamptz` column that may be left out on insert. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
