/**
 * The spine's eighth migration: `rate_limits` becomes an unlogged table. Its rows are counts of
 * one-minute windows that nobody needs after a crash (PostgreSQL empties an unlogged table
 * then, which lets every client start its minute afresh), and counting one request was a
 * write-ahead-log flush of its own on PostgreSQL: every public write waited for the disk twice,
 * once for its count and once for what it stored. Unlogged, a count commits without waiting
 * for the disk. Nothing a citizen typed is in it.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../migrate.js';

/** `alter table rate_limits set unlogged`. */
export const unloggedRateLimits: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`alter table rate_limits set unlogged`.execute(db);
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await sql`alter table rate_limits set logged`.execute(db);
  },
};
