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
  /** The staff user's id; null for a system actor (`retention`) and entries from before accounts. */
  actor_id: ColumnType<string | null, string | null | undefined, string | null>;
  actor_email: ColumnType<string | null, string | null | undefined, string | null>;
  /** The OPD the entry is about, for filtering. */
  opd_slug: ColumnType<string | null, string | null | undefined, string | null>;
}

/** `staff_users`: one row per staff member (migration `0004-staff-accounts`). */
export interface StaffUsersTable {
  id: string;
  /** Lower case; the sign-in name. */
  email: string;
  name: string;
  role: string;
  /** Null for a regency admin; the OPD of an OPD admin or OPD staff member. */
  opd_slug: string | null;
  /** `scrypt$…`, see `auth/passwords.ts`. */
  password_hash: string;
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  /** A demo account (known password): refused when `NODE_ENV=production`. */
  is_demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  last_sign_in_at: NullableTimestamp;
  disabled_at: NullableTimestamp;
  /**
   * The role whoever disabled the account acted in (`regency_admin` or `opd_admin`; migration
   * `0006-disabled-by`); null when active, or when disabled before it: only `opd_admin` lets an
   * OPD admin enable the account again.
   */
  disabled_by_role: ColumnType<string | null, string | null | undefined, string | null>;
}

/** `staff_tokens`: sign-ins; only the SHA-256 of each token is kept. */
export interface StaffTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  /** `bearer` (API, SDK) or `cookie` (the console on the backend's origin). */
  kind: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_used_at: Timestamp;
  revoked_at: NullableTimestamp;
}

/** `login_failures`: wrong passwords per e-mail address, for the lockout. */
export interface LoginFailuresTable {
  email: string;
  failures: number;
  first_failed_at: Timestamp;
  locked_until: NullableTimestamp;
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

/** `regency_settings`: the regency's own settings, one row (`id = 1`, migration `0005-regency-settings`). */
export interface RegencySettingsTable {
  id: number;
  /** Days after a case is closed before the citizen's name and contact are erased; null: kept until erased on request. */
  contact_retention_days: ColumnType<number | null, number | null | undefined, number | null>;
  updated_at: NullableTimestamp;
  /** The staff user id of who changed them last. */
  updated_by: ColumnType<string | null, string | null | undefined, string | null>;
}

/**
 * The spine's tables: tenancy, the holidays, idempotency, rate limits, audit log, outbox, staff accounts, regency settings. A module's own
 * tables are its own interface, joined in with `db.withTables<ModuleTables>()`.
 */
export interface Database {
  opds: OpdsTable;
  holidays: HolidaysTable;
  idempotency_keys: IdempotencyKeysTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  outbox: OutboxTable;
  staff_users: StaffUsersTable;
  staff_tokens: StaffTokensTable;
  login_failures: LoginFailuresTable;
  regency_settings: RegencySettingsTable;
}

/** A `staff_users` row as read. */
export type StaffUserRow = Selectable<StaffUsersTable>;

/** An `opds` row as read. */
export type OpdRow = Selectable<OpdsTable>;

/** A nullable `timestamptz` column that may be left out on insert. */
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
