/**
 * The spine's fourth migration: staff accounts in place of the one shared staff token.
 * - `staff_users`: one row per person, with a role (`regency_admin` works on every OPD and has
 *   no `opd_slug`; `opd_admin` and `opd_staff` have exactly one OPD) and an scrypt hash;
 * - `staff_tokens`: sign-ins (bearer tokens and console cookies), stored as SHA-256 hashes,
 *   each expiring and revocable;
 * - `login_failures`: wrong passwords per e-mail address, for the lockout, whether or not the
 *   address belongs to anyone (so the lockout tells nothing about who has an account);
 * - `audit_log` gains the person: `actor_id`, `actor_email` (`actor` keeps the name at the
 *   time), and the OPD the entry is about (`opd_slug`), for filtering.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import type { ModuleMigration } from '../migrate.js';

/** Creates the account tables and gives the audit log its person and OPD. */
export const staffAccounts: ModuleMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('staff_users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('regency_admin', 'opd_admin', 'opd_staff')`))
      .addColumn('opd_slug', 'text', (c) => c.references('opds.slug').onUpdate('cascade'))
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_sign_in_at', 'timestamptz')
      .addColumn('disabled_at', 'timestamptz')
      .addCheckConstraint('staff_users_role_opd', sql`(role = 'regency_admin') = (opd_slug is null)`)
      .execute();
    await db.schema.createIndex('staff_users_opd').on('staff_users').column('opd_slug').execute();

    await db.schema
      .createTable('staff_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('bearer', 'cookie')`))
      .addColumn('created_at', 'timestamptz', (c) => c.notNull())
      .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
      .addColumn('last_used_at', 'timestamptz', (c) => c.notNull())
      .addColumn('revoked_at', 'timestamptz')
      .execute();
    await db.schema.createIndex('staff_tokens_user').on('staff_tokens').column('user_id').execute();

    await db.schema
      .createTable('login_failures')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('first_failed_at', 'timestamptz', (c) => c.notNull())
      .addColumn('locked_until', 'timestamptz')
      .execute();

    await db.schema
      .alterTable('audit_log')
      .addColumn('actor_id', 'text')
      .addColumn('actor_email', 'text')
      .addColumn('opd_slug', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
    await db.schema.createIndex('audit_log_actor').on('audit_log').column('actor_id').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('audit_log_actor').execute();
    await db.schema.dropIndex('audit_log_at').execute();
    await db.schema.alterTable('audit_log').dropColumn('opd_slug').dropColumn('actor_email').dropColumn('actor_id').execute();
    await db.schema.dropTable('login_failures').execute();
    await db.schema.dropTable('staff_tokens').execute();
    await db.schema.dropTable('staff_users').execute();
  },
};
