/**
 * Staff users: reading, adding, listing by name, changing (with the locks that keep the last
 * regency admin) and the API view. E-mail addresses are kept in lower case,
 * so sign-in ignores case.
 *
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
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

/** Where a page of users sorted by name starts: after this (lower-case name, id). */
export interface UserCursor {
  /** The last row's sort key: its name in lower case, as the database lowers it. */
  key: string;
  /** The last row's id (the tie-breaker). */
  id: string;
}

/** A user row with its sort key, as {@link listUsers} reads it. */
export type ListedUserRow = StaffUserRow & { sort_key: string };

// By name regardless of case, byte order (collation "C") so PGlite and PostgreSQL agree.
const sortKey = sql<string>`lower(name) collate "C"`;
const idKey = sql<string>`id collate "C"`;

/** Filters of {@link listUsers}. */
export interface UserFilter {
  /** Only this OPD's users. */
  opd?: string;
  role?: StaffRole;
}

/**
 * A page of users by name (then id), disabled ones included, after `after`; reads `limit + 1`
 * rows so `pageOf`-style paging can tell whether there is a next page.
 */
export function listUsers(db: Db, filter: UserFilter, limit: number, after?: UserCursor): Promise<ListedUserRow[]> {
  let query = db
    .selectFrom('staff_users')
    .selectAll()
    .select(sql<string>`lower(name)`.as('sort_key'))
    .orderBy(sortKey)
    .orderBy(idKey)
    .limit(limit + 1);
  if (filter.opd !== undefined) query = query.where('opd_slug', '=', filter.opd);
  if (filter.role !== undefined) query = query.where('role', '=', filter.role);
  if (after) {
    query = query.where((eb) =>
      eb.or([eb(sortKey, '>', after.key), eb.and([eb(sortKey, '=', after.key), eb(idKey, '>', after.id)])]),
    );
  }
  return query.execute();
}

/**
 * The user with this id, locked until the transaction ends (so two changes to one user run
 * one after the other); with `opd`, only when they are that OPD's user.
 */
export function lockUser(trx: Transaction<Database>, id: string, opd?: string): Promise<StaffUserRow | undefined> {
  let query = trx.selectFrom('staff_users').selectAll().where('id', '=', id);
  if (opd !== undefined) query = query.where('opd_slug', '=', opd);
  return query.forUpdate().executeTakeFirst();
}

/**
 * The ids of the active (not disabled) regency admins, locked until the transaction ends, in
 * id order (so concurrent callers lock in one order): taken before changing whether someone
 * is an active regency admin, so the last one cannot go, not even by two changes at once.
 */
export async function lockActiveRegencyAdmins(trx: Transaction<Database>): Promise<string[]> {
  const rows = await trx
    .selectFrom('staff_users')
    .select('id')
    .where('role', '=', 'regency_admin')
    .where('disabled_at', 'is', null)
    .orderBy(idKey)
    .forUpdate()
    .execute();
  return rows.map((row) => row.id);
}

/** What {@link updateUser} may change; `opd` goes with the role (null for a regency admin). */
export interface UserChanges {
  name?: string;
  role?: StaffRole;
  opd?: string | null;
  /** When disabled, or null to enable again. */
  disabledAt?: Date | null;
  /**
   * The role the one who disabled them acted in, or null on enabling (see
   * `staff_users.disabled_by_role`); may change alone, when a regency admin takes over an OPD
   * admin's disabling.
   */
  disabledByRole?: DisablerRole | null;
}

/** The roles that disable users: what `staff_users.disabled_by_role` holds. */
export type DisablerRole = 'regency_admin' | 'opd_admin';

/**
 * True when only a regency admin may enable this user again: disabled by one, or disabled with
 * nobody recorded (before migration `0006-disabled-by`, or in the database by an operator).
 */
export function disabledByRegency(user: Pick<StaffUserRow, 'disabled_at' | 'disabled_by_role'>): boolean {
  return user.disabled_at !== null && user.disabled_by_role !== 'opd_admin';
}

/** Changes a user; answers the row as stored. */
export function updateUser(db: Db, id: string, changes: UserChanges): Promise<StaffUserRow> {
  return db
    .updateTable('staff_users')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.opd !== undefined ? { opd_slug: changes.opd } : {}),
      ...(changes.disabledAt !== undefined ? { disabled_at: changes.disabledAt } : {}),
      ...(changes.disabledByRole !== undefined ? { disabled_by_role: changes.disabledByRole } : {}),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** True when the OPD `slug` exists. */
export async function opdExists(db: Db, slug: string): Promise<boolean> {
  return (await db.selectFrom('opds').select('slug').where('slug', '=', slug).executeTakeFirst()) !== undefined;
}

/** True when `error` is a unique-index violation (PostgreSQL and PGlite both say `23505`). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
