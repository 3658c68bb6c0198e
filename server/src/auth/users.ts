/**
 * Staff users: reading, adding and the API view. E-mail addresses are kept in lower case,
 * so sign-in ignores case.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import type { StaffRole, StaffUser } from '../../../src/schemas/index.js';
import type { Database, StaffUserRow } from '../db/schema.js';
import { hashPassword } from './passwords.js';
import { newId } from './tokens.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The user with this e-mail address (any case), disabled ones included. */
export function findUserByEmail(db: Db, email: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_users').selectAll().where('email', '=', email.trim().toLowerCase()).executeTakeFirst();
}

/** The user with this id. */
export function findUser(db: Db, id: string): Promise<StaffUserRow | undefined> {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What {@link addUser} needs. */
export interface NewUser {
  email: string;
  name: string;
  role: StaffRole;
  /** Null for a regency admin. */
  opd: string | null;
  password: string;
  /** The password is a one-time one: the user must choose their own at first sign-in. */
  mustChangePassword: boolean;
  isDemo?: boolean;
}

/** Adds a user; the caller checks the e-mail address is free (the unique index backs it). */
export async function addUser(db: Db, user: NewUser, now: Date): Promise<StaffUserRow> {
  return db
    .insertInto('staff_users')
    .values({
      id: newId('usr'),
      email: user.email.trim().toLowerCase(),
      name: user.name,
      role: user.role,
      opd_slug: user.role === 'regency_admin' ? null : user.opd,
      password_hash: await hashPassword(user.password),
      must_change_password: user.mustChangePassword,
      is_demo: user.isDemo ?? false,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Sets a new password (hashed); `oneTime` makes the user choose their own at next sign-in. */
export async function setPassword(db: Db, userId: string, password: string, oneTime: boolean): Promise<void> {
  await db
    .updateTable('staff_users')
    .set({ password_hash: await hashPassword(password), must_change_password: oneTime })
    .where('id', '=', userId)
    .execute();
}

/** The API view of a user: never the password hash. */
export function toStaffUser(row: StaffUserRow): StaffUser {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as StaffRole,
    opd: row.opd_slug,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
  };
}
