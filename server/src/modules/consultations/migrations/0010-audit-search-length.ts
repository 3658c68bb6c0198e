/**
 * SIAP's tenth migration: staff searches in the audit log keep only their length. The
 * `consultation.list` entry used to record the search text (`detail.filters.q`) word for word,
 * often a citizen's name, which outlived the erasure of their data (UU 27/2022); from now on
 * the route records `q: { length }`, and this rewrites the entries already written the same way.
 *
 * It cannot be undone: the texts are gone (`down` leaves the entries as they are).
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../../../db/migrate.js';

/** Replaces the search text of every `consultation.list` audit entry with its length. */
export const auditSearchLength: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`update audit_log
      set detail = jsonb_set(detail, '{filters,q}', jsonb_build_object('length', char_length(detail #>> '{filters,q}')))
      where action = 'consultation.list' and jsonb_typeof(detail #> '{filters,q}') = 'string'`.execute(db);
  },

  async down(): Promise<void> {
    // The texts are erased for good; the entries keep the lengths.
  },
};
