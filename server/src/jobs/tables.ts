/**
 * The jobs' table as kysely sees it, joined to the spine's with `db.withTables<JobTables>()`.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, Json, NullableTimestamp, Timestamp } from '../db/schema.js';

/** `job_leases`: who runs a job now (the lease) and how its last run went. */
export interface JobLeasesTable {
  name: string;
  /** The instance holding (or last holding) the lease. */
  holder: string | null;
  /** The lease ends then (the database's clock); a live run renews it. */
  lease_until: Timestamp;
  last_started_at: NullableTimestamp;
  last_finished_at: NullableTimestamp;
  last_duration_ms: number | null;
  /** `ok` or `failed`. */
  last_outcome: string | null;
  last_error: string | null;
  last_counts: Json<Record<string, number>> | null;
  /** When the instance that ran it last plans the next run. */
  next_run_at: NullableTimestamp;
}

/** The jobs' tables (a type, not an interface, so kysely's `withTables` takes it). */
export type JobTables = { job_leases: JobLeasesTable };

/** The database with the jobs' table in view. */
export function jobsDb(db: Kysely<Database>): Kysely<Database & JobTables>;
export function jobsDb(db: Transaction<Database>): Transaction<Database & JobTables>;
export function jobsDb(db: Kysely<Database>): Kysely<Database & JobTables> {
  return db.withTables<JobTables>();
}
