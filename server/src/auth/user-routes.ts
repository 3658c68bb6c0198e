/**
 * The users of the regency, the spine's part for admins: an OPD's users (`/api/v1/opds/{opd}/users`:
 * its staff see them as colleagues to assign to, its admin adds, changes, disables and resets
 * its staff) and every user (`/api/v1/users`, the regency admin). Who may call what is each
 * endpoint's `access`, enforced by the spine; these handlers keep what an access level cannot
 * say:
 *
 * - on an OPD's paths a user is `opd_admin` or `opd_staff` ({@link opdRoles}), never a regency
 *   admin, and a `{userId}` that is not one of the OPD's users is not there (404);
 * - an OPD admin manages their OPD's **staff** (`opd_staff`) and themselves, never another OPD
 *   admin (403): two admins of one OPD are peers, and if either could reset the other's
 *   password they could sign in as the other and act under their name. Making an OPD admin
 *   (adding one, or promoting staff) is a regency admin's decision too (403): otherwise an OPD
 *   admin could add a second admin account and, through it, do what they may not do themselves.
 *   A regency admin on the same paths keeps every power it has on `/api/v1/users`;
 * - a user disabled by a regency admin is enabled again only by a regency admin (403), so an
 *   OPD admin cannot undo the regency's decision; `staff_users.disabled_by_role` records the
 *   level of each disabling ({@link disabledByRegency});
 * - nobody disables or demotes themselves, nor the last active regency admin (409);
 * - e-mail addresses are unique across the regency (409 naming `email`); on an OPD's paths the
 *   answer does not say which account has the address, so an OPD admin cannot use the add form
 *   to learn who works where in the regency;
 * - a new user and a reset get a one-time password, answered once, to be changed at first
 *   sign-in; disabling or resetting a user ends all their sign-ins;
 * - every write is in the audit log with the person (never a password); reads of users are
 *   staff data, not citizens', and are not.
 *
 * @module
 */
import type { Transaction } from 'kysely';
import { accountEndpoints as endpoints, opdRoles, type StaffRole } from '../../../src/schemas/index.js';
import { audit } from '../db/audit.js';
import type { Database, StaffUserRow } from '../db/schema.js';
import type { AppDeps } from '../http/env.js';
import { route } from '../http/module.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import { unstorable } from '../http/validate.js';
import type { Actor } from './actor.js';
import { clearFailures } from './lockout.js';
import { oneTimePassword } from './passwords.js';
import { revokeTokens } from './tokens.js';
import {
  addUser,
  disabledByRegency,
  findUserByEmail,
  isUniqueViolation,
  listUsers,
  lockActiveRegencyAdmins,
  lockUser,
  opdExists,
  setPassword,
  toStaffUser,
  updateUser,
  type DisablerRole,
  type ListedUserRow,
  type UserChanges,
  type UserCursor,
  type UserFilter,
} from './users.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Users per page unless `limit` says otherwise. */
export const USERS_PAGE_SIZE = 20;

const userDocs = { userId: 'The user’s id (`usr_…`), from the list of users.' };

function userNotFound(id: string, opd?: string): ProblemError {
  const which = id.slice(0, 64);
  return new ProblemError('not-found', {
    detail: opd ? `No user ${which} in ${opd}; the list of its users (GET /api/v1/opds/${opd}/users) has their ids.` : `No user ${which}; the list of users (GET /api/v1/users) has their ids.`,
  });
}

// ---- cursors: like `http/cursor.ts`, but by name --------------------------------------------

function encodeUserCursor(cursor: UserCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

/** Reads a cursor made by {@link encodeUserCursor}; anything else is a 400 naming `cursor`. */
function decodeUserCursor(text: string): UserCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    // Strings the database can compare: no NUL, no half surrogate pair (see `unstorable`).
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string' &&
      !unstorable(value[0]) &&
      !unstorable(value[1])
    ) {
      return { key: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw validationProblem(
    [{ path: 'cursor', message: 'Use the nextCursor of the previous page as cursor', code: 'invalid' }],
    undefined,
    400,
  );
}

async function usersPage(
  deps: AppDeps,
  filter: UserFilter,
  query: { limit?: number; cursor?: string },
): Promise<{ data: ReturnType<typeof toStaffUser>[]; nextCursor: string | null }> {
  const limit = query.limit ?? USERS_PAGE_SIZE;
  const after = query.cursor ? decodeUserCursor(query.cursor) : undefined;
  const rows: ListedUserRow[] = await listUsers(deps.db, filter, limit, after);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    data: page.map(({ sort_key: _key, ...row }) => toStaffUser(row)),
    nextCursor: rows.length > limit && last ? encodeUserCursor({ key: last.sort_key, id: last.id }) : null,
  };
}

// ---- writes ---------------------------------------------------------------------------------

function emailTaken(email: string): ProblemError {
  return new ProblemError('conflict', {
    detail: `Another staff account already uses ${email}: e-mail addresses are unique across the regency. If it is this person’s earlier account, ask the regency admin to enable or move it.`,
    errors: [{ path: 'email', message: 'Another account has this e-mail address', code: 'alreadyUsed' }],
  });
}

/**
 * The 409 of an OPD's add form: names `email` but not the address, nor that another account
 * has it or where, so the form tells an OPD admin no more about the regency's accounts than
 * that this address cannot be theirs to add.
 */
function emailUnavailable(): ProblemError {
  return new ProblemError('conflict', {
    detail: 'This e-mail address cannot be used for a new account; ask the regency admin.',
    errors: [{ path: 'email', message: 'This e-mail address cannot be used for a new account', code: 'notAllowed' }],
  });
}

/**
 * Adds a user with a one-time password, audited; answers the user and the password (shown
 * once). `taken` is the 409 for an address in use: {@link emailTaken} for the regency admin's
 * form, {@link emailUnavailable} for an OPD's.
 */
async function createWithPassword(
  deps: AppDeps,
  actor: Actor,
  user: { email: string; name: string; role: StaffRole; opd: string | null },
  now: Date,
  taken: (email: string) => ProblemError = emailTaken,
): Promise<{ user: ReturnType<typeof toStaffUser>; oneTimePassword: string }> {
  const password = oneTimePassword();
  try {
    const row = await deps.db.transaction().execute(async (trx) => {
      if (await findUserByEmail(trx, user.email)) throw taken(user.email);
      const added = await addUser(trx, { ...user, password, mustChangePassword: true }, now);
      await audit(
        trx,
        { actor, action: 'user.create', subject: `user:${added.id}`, opd: added.opd_slug, detail: { email: added.email, role: added.role } },
        now,
      );
      return added;
    });
    deps.log.info('staff user added', { user: row.id, role: row.role, opd: row.opd_slug, by: actor.id });
    return { user: toStaffUser(row), oneTimePassword: password };
  } catch (error) {
    // Two adds of one address at once: the unique index stops the second.
    if (isUniqueViolation(error)) throw taken(user.email);
    throw error;
  }
}

function conflict(detail: string, path: string, message: string): ProblemError {
  return new ProblemError('conflict', { detail, errors: [{ path, message, code: 'notAllowed' }] });
}

/** True when `actor` works on an OPD's paths as its OPD admin (not a regency admin calling there). */
function actsAsOpdAdmin(actor: Actor, opd: string | undefined): boolean {
  return opd !== undefined && actor.role !== 'regency_admin';
}

/** The 403 for an OPD admin touching another OPD admin's account. */
function fellowAdminForbidden(user: StaffUserRow): ProblemError {
  return new ProblemError('forbidden', {
    detail: `${user.name} is an OPD admin, and only a regency admin may change another OPD admin’s account: ask a regency admin (PATCH /api/v1/users/${user.id}).`,
  });
}

/** The 403 for an OPD admin making an OPD admin (adding one or promoting staff). */
function makingAdminForbidden(): ProblemError {
  return new ProblemError('forbidden', {
    detail:
      'Only a regency admin may make an OPD admin: an OPD admin adds and manages OPD staff (role opd_staff). Ask a regency admin to add the person as an OPD admin (POST /api/v1/users) or to promote them (PATCH /api/v1/users/{userId}).',
  });
}

/**
 * Changes a user: on an OPD's paths (`opd` set) only that OPD's users and only to its roles;
 * nobody disables or demotes themselves or the last active regency admin. Disabling ends all
 * the user's sign-ins and records the role it was done in (`disabled_by_role`); a regency
 * admin disabling a user an OPD admin had disabled makes it a regency decision. An OPD admin
 * (see the module comment) changes only their OPD's staff and themselves, promotes nobody to
 * OPD admin and enables nobody a regency admin disabled (403). A change that changes nothing
 * writes nothing.
 */
async function changeUser(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  body: { name?: string; role?: StaffRole; disabled?: boolean },
  opd: string | undefined,
  now: Date,
): Promise<StaffUserRow> {
  if (opd !== undefined && body.role !== undefined && !(opdRoles as readonly string[]).includes(body.role)) {
    throw validationProblem(
      [{ path: 'role', message: 'In an OPD a user is opd_admin or opd_staff', code: 'notAllowed' }],
      'In an OPD a user is opd_admin or opd_staff; only a regency admin makes regency admins (PATCH /api/v1/users/{userId})',
    );
  }
  return deps.db.transaction().execute(async (trx: Transaction<Database>) => {
    // Whoever might stop being an active regency admin: the set of them first, always in one order.
    const admins = body.disabled === true || body.role !== undefined ? await lockActiveRegencyAdmins(trx) : [];
    const user = await lockUser(trx, userId, opd);
    if (!user) throw userNotFound(userId, opd);
    // Refused whatever the change, even one that would change nothing.
    if (actsAsOpdAdmin(actor, opd) && user.role !== 'opd_staff' && user.id !== actor.id) throw fellowAdminForbidden(user);

    const changes: UserChanges = {};
    const detail: Record<string, unknown> = {};
    if (body.name !== undefined && body.name !== user.name) {
      changes.name = body.name;
      detail.name = { from: user.name, to: body.name };
    }
    if (body.role !== undefined && body.role !== user.role) {
      changes.role = body.role;
      if (body.role === 'regency_admin') changes.opd = null;
      detail.role = { from: user.role, to: body.role };
    }
    const disabler: DisablerRole = actor.role === 'regency_admin' ? 'regency_admin' : 'opd_admin';
    const disabling = body.disabled === true && user.disabled_at === null;
    const enabling = body.disabled === false && user.disabled_at !== null;
    if (disabling) {
      changes.disabledAt = now;
      changes.disabledByRole = disabler;
      detail.disabled = true;
    } else if (enabling) {
      changes.disabledAt = null;
      changes.disabledByRole = null;
      detail.disabled = false;
    } else if (body.disabled === true && disabler === 'regency_admin' && !disabledByRegency(user)) {
      // Disabled by an OPD admin: disabled again by a regency admin, it stays so until a regency admin says otherwise.
      changes.disabledByRole = 'regency_admin';
      detail.disabledBy = { from: user.disabled_by_role, to: 'regency_admin' };
    }
    if (Object.keys(detail).length === 0) return user;

    if (user.id === actor.id) {
      if (disabling) throw conflict('You cannot disable your own account; another admin can.', 'disabled', 'Not your own account');
      if (changes.role) throw conflict('You cannot change your own role; another admin can.', 'role', 'Not your own role');
    }
    if (actsAsOpdAdmin(actor, opd)) {
      if (changes.role === 'opd_admin') throw makingAdminForbidden();
      if (enabling && disabledByRegency(user)) {
        throw new ProblemError('forbidden', {
          detail: `${user.name} was disabled by a regency admin, so only a regency admin may enable the account again: ask a regency admin (PATCH /api/v1/users/${user.id}).`,
        });
      }
    }
    const leavesAdmins = user.role === 'regency_admin' && user.disabled_at === null && (disabling || changes.role !== undefined);
    if (leavesAdmins && admins.filter((id) => id !== user.id).length === 0) {
      throw conflict(
        `${user.name} is the last active regency admin: add or enable another regency admin first (POST /api/v1/users), so someone can still manage the regency.`,
        disabling ? 'disabled' : 'role',
        'The last active regency admin stays one',
      );
    }
    if (changes.role !== undefined && user.role === 'regency_admin') {
      // The change has no `opd` to put them in.
      throw validationProblem(
        [{ path: 'role', message: 'A regency admin has no OPD to take an OPD role in', code: 'notAllowed' }],
        `${user.name} is a regency admin and has no OPD: to make them an OPD's user, add an account in that OPD (POST /api/v1/users with opd) and disable this one.`,
      );
    }

    const stored = await updateUser(trx, user.id, changes);
    if (disabling) await revokeTokens(trx, { userId: user.id }, now);
    await audit(trx, { actor, action: 'user.update', subject: `user:${user.id}`, opd: stored.opd_slug ?? user.opd_slug, detail }, now);
    return stored;
  });
}

/** Gives an OPD's user a new one-time password and ends all their sign-ins, audited. */
async function resetPassword(
  deps: AppDeps,
  actor: Actor,
  userId: string,
  opd: string,
  now: Date,
): Promise<{ user: ReturnType<typeof toStaffUser>; oneTimePassword: string }> {
  const password = oneTimePassword();
  const row = await deps.db.transaction().execute(async (trx) => {
    const user = await lockUser(trx, userId, opd);
    if (!user) throw userNotFound(userId, opd);
    if (user.id === actor.id) {
      // A reset needs no current password: one's own goes through the check of the current one.
      throw new ProblemError('forbidden', {
        detail: 'You cannot reset your own password here: change it with POST /api/v1/auth/password, which asks for the current one.',
      });
    }
    // A reset hands the caller a password that signs in as the user: an OPD admin gets one for their staff only.
    if (actsAsOpdAdmin(actor, opd) && user.role !== 'opd_staff') throw fellowAdminForbidden(user);
    await setPassword(trx, user.id, password, true);
    await revokeTokens(trx, { userId: user.id }, now);
    await audit(trx, { actor, action: 'user.password-reset', subject: `user:${user.id}`, opd: user.opd_slug }, now);
    return { ...user, must_change_password: true };
  });
  // A locked-out user can sign in with the new password at once.
  await clearFailures(deps.db, row.email);
  deps.log.info('staff password reset', { user: row.id, by: actor.id });
  return { user: toStaffUser(row), oneTimePassword: password };
}

// ---- routes ---------------------------------------------------------------------------------

const listOpdUsers = route({
  endpoint: endpoints.listOpdUsers,
  summary: 'List an OPD’s users (staff)',
  description: `The OPD’s users by name, disabled ones included (\`disabled\`): for its staff, the colleagues to assign a question to; for its admin, the users to manage. Callable by the OPD’s staff and admins and by a regency admin. ${USERS_PAGE_SIZE} per page unless \`limit\` says otherwise.`,
  returns: 'A page of users.',
  async handler({ opd, query, deps }) {
    return { body: await usersPage(deps, { opd: opd.slug }, query), headers: NO_STORE };
  },
});

const createOpdUser = route({
  endpoint: endpoints.createOpdUser,
  summary: 'Add a user to an OPD (OPD admin)',
  description:
    'Adds an OPD staff member to the OPD, or (a regency admin only) an OPD admin: an OPD admin asking for `opd_admin` gets 403, since making OPD admins is the regency’s decision (never a regency admin here: only a regency admin adds those, with POST /api/v1/users). Answers the user and a one-time password, shown this once: hand it to them; at first sign-in they must choose their own. An e-mail address already in use is a 409 naming `email` that does not say which account has it (the regency admin, with GET /api/v1/users, can tell). Callable by the OPD’s admin or a regency admin; recorded in the audit log.',
  returns: 'Added; the one-time password is in the answer, this once.',
  async handler({ opd, body, deps, now, actor }) {
    if (body.role === 'opd_admin' && actsAsOpdAdmin(actor, opd.slug)) throw makingAdminForbidden();
    const user = { email: body.email, name: body.name, role: body.role, opd: opd.slug };
    const answer = await createWithPassword(deps, actor, user, now, emailUnavailable);
    return { body: answer, headers: NO_STORE };
  },
});

const updateOpdUser = route({
  endpoint: endpoints.updateOpdUser,
  summary: 'Change a user of an OPD (OPD admin)',
  description:
    'Renames one of the OPD’s users, changes their role between `opd_admin` and `opd_staff` (422 naming `role` for anything else), or disables them (which ends all their sign-ins at once) or enables them again. A user of another OPD is not found here (404). Nobody disables themselves or changes their own role (409). An OPD admin changes only the OPD’s staff (`opd_staff`) and their own name: another OPD admin’s account, a promotion to `opd_admin` and enabling a user a regency admin disabled are a regency admin’s (403). Callable by the OPD’s admin or a regency admin; recorded in the audit log.',
  returns: 'The user as changed.',
  docs: userDocs,
  async handler({ opd, params, body, deps, now, actor }) {
    const row = await changeUser(deps, actor, params.userId, body, opd.slug, now);
    return { body: toStaffUser(row), headers: NO_STORE };
  },
});

const resetOpdUserPassword = route({
  endpoint: endpoints.resetOpdUserPassword,
  summary: 'Reset a user’s password (OPD admin)',
  description:
    'Gives one of the OPD’s users a new one-time password, shown this once, and ends all their sign-ins; they must choose their own at their next sign-in, and a sign-in lock on their address ends. Not for one’s own password (403: use POST /api/v1/auth/password). An OPD admin resets the OPD’s staff only, never another OPD admin (403: the password would let them sign in as that admin). Callable by the OPD’s admin or a regency admin; recorded in the audit log.',
  returns: 'Reset; the one-time password is in the answer, this once.',
  docs: userDocs,
  async handler({ opd, params, deps, now, actor }) {
    return { body: await resetPassword(deps, actor, params.userId, opd.slug, now), headers: NO_STORE };
  },
});

const listAllUsers = route({
  endpoint: endpoints.listUsers,
  summary: 'List every user (regency admin)',
  description: `Every staff user of the regency by name, disabled ones included, filtered by \`opd\` and \`role\`. Callable by a regency admin. ${USERS_PAGE_SIZE} per page unless \`limit\` says otherwise.`,
  returns: 'A page of users.',
  docs: { opd: 'Only this OPD’s users.', role: 'Only users with this role.' },
  async handler({ query, deps }) {
    return { body: await usersPage(deps, { opd: query.opd, role: query.role }, query), headers: NO_STORE };
  },
});

const createUser = route({
  endpoint: endpoints.createUser,
  summary: 'Add a user (regency admin)',
  description:
    'Adds any user: a regency admin (without `opd`; 422 naming `opd` when given) or an OPD admin or staff member (with the `opd` they belong to; 422 naming `opd` when missing or unknown). Answers the user and a one-time password, shown this once; at first sign-in they must choose their own. An e-mail address another account uses is a 409 naming `email`. Callable by a regency admin; recorded in the audit log.',
  returns: 'Added; the one-time password is in the answer, this once.',
  async handler({ body, deps, now, actor }) {
    if (body.role === 'regency_admin' && body.opd !== undefined) {
      throw validationProblem([{ path: 'opd', message: 'A regency admin works on every OPD: leave opd out', code: 'notAllowed' }]);
    }
    if (body.role !== 'regency_admin') {
      if (body.opd === undefined) {
        throw validationProblem([{ path: 'opd', message: `Choose the OPD this ${body.role === 'opd_admin' ? 'admin' : 'staff member'} belongs to`, code: 'required' }]);
      }
      if (!(await opdExists(deps.db, body.opd))) {
        throw validationProblem([{ path: 'opd', message: `No OPD has the slug ${body.opd} (GET /api/v1/opds lists them)`, code: 'invalid' }]);
      }
    }
    const opd = body.role === 'regency_admin' ? null : (body.opd as string);
    const answer = await createWithPassword(deps, actor, { email: body.email, name: body.name, role: body.role, opd }, now);
    return { body: answer, headers: NO_STORE };
  },
});

const updateAnyUser = route({
  endpoint: endpoints.updateUser,
  summary: 'Change a user (regency admin)',
  description:
    'Renames any user, changes their role (an OPD admin or staff member may become a regency admin, leaving their OPD; a regency admin has no OPD to take an OPD role in: 422 naming `role`), or disables them (which ends all their sign-ins at once; only a regency admin enables again a user a regency admin disabled, also when an OPD admin had disabled them first) or enables them again. Nobody disables themselves or changes their own role, and the last active regency admin stays one (409). Callable by a regency admin; recorded in the audit log.',
  returns: 'The user as changed.',
  docs: userDocs,
  async handler({ params, body, deps, now, actor }) {
    const row = await changeUser(deps, actor, params.userId, body, undefined, now);
    return { body: toStaffUser(row), headers: NO_STORE };
  },
});

/** The users routes, mounted with the accounts (`accountsModule`). */
export const userRoutes = [listOpdUsers, createOpdUser, updateOpdUser, resetOpdUserPassword, listAllUsers, createUser, updateAnyUser];
