/**
 * The spine's sixth migration: who disabled a staff account, as the role they acted in.
 * `staff_users.disabled_by_role` is `regency_admin` or `opd_admin` when the user routes
 * disable an account, and null again when they enable it, so an OPD admin cannot enable an
 * account a regency admin disabled (`auth/user-routes.ts`). The role, not the person: the rule
 * is about the level of the decision, and the audit log already names the person.
 *
 * Only `opd_admin` lets an OPD admin enable the account again; a disabled account with null
 * (disabled before this migration, or by an operator in the database) counts as a regency
 * admin's decision, the reading an OPD admin cannot undo (a regency admin still can). So
 * nothing is filled in here, and no check ties the column to `disabled_at`.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../migrate.js';

/** Adds `staff_users.disabled_by_role`. */
export const disabledBy: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .alterTable('staff_users')
      .addColumn('disabled_by_role', 'text', (c) => c.check(sql`disabled_by_role in ('regency_admin', 'opd_admin')`))
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('staff_users').dropColumn('disabled_by_role').execute();
  },
};
