/**
 * Staff accounts: signing in and out, who is signed in, and the users of each OPD. A staff
 * user has one role (see {@link staffRoles}): a regency admin works on every OPD, an OPD admin
 * and OPD staff on their own OPD only.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, timestamp } from './common.js';
import { pageQuery } from './page-query.js';
import { endpoint, staffRoles } from './endpoint.js';
import { opdParams, opdSlug } from './opds.js';

/** The shortest password a staff user may choose. */
export const PASSWORD_MIN_LENGTH = 10;

/** A staff user's e-mail address, their sign-in name (compared without case). */
export const staffEmail = z.string('Enter your e-mail address').check(
  z.trim(),
  z.toLowerCase(),
  z.minLength(1, 'Enter your e-mail address'),
  z.maxLength(254, 'E-mail address must be 254 characters or fewer'),
  z.email('Enter an e-mail address in the correct format, like nama@lahatkab.go.id'),
);

/** A staff user as the API shows them. `opd` is null for a regency admin. */
export const staffUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(staffRoles),
  opd: z.nullable(opdSlug),
  /** The user signed in with a one-time password and must choose their own before anything else. */
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  createdAt: timestamp,
  lastSignInAt: z.nullable(timestamp),
});

/** A staff user, see {@link staffUser}. */
export type StaffUser = z.infer<typeof staffUser>;

/**
 * `POST /api/v1/auth/login`. `session: 'cookie'` (the console on the backend's own origin)
 * sets an httpOnly, SameSite=Strict cookie and answers no token; `'token'` (default: the SDK,
 * scripts, a console embedded on another origin) answers a bearer token.
 */
export const loginInput = z.object({
  email: staffEmail,
  password: z.string('Enter your password').check(z.minLength(1, 'Enter your password'), z.maxLength(1024)),
  session: z.optional(z.enum(['token', 'cookie'])),
});

/** What `POST /api/v1/auth/login` takes, see {@link loginInput}. */
export type LoginInput = z.input<typeof loginInput>;

/** What `POST /api/v1/auth/login` answers: the user, and a bearer token unless a cookie was asked for. */
export const loginResult = z.object({
  user: staffUser,
  token: z.nullable(z.string()),
  expiresAt: timestamp,
});

/** The answer of a sign-in, see {@link loginResult}. */
export type LoginResult = z.infer<typeof loginResult>;

/** `POST /api/v1/auth/password`: the current password and the new one. */
export const passwordChange = z.object({
  currentPassword: z.string('Enter your current password').check(z.minLength(1, 'Enter your current password')),
  newPassword: z.string('Enter a new password').check(
    z.minLength(PASSWORD_MIN_LENGTH, `Choose a password of at least ${PASSWORD_MIN_LENGTH} characters`),
    z.maxLength(1024, 'Password must be 1,024 characters or fewer'),
  ),
});

/** A password change, see {@link passwordChange}. */
export type PasswordChange = z.input<typeof passwordChange>;

/** The roles an OPD admin may give within their OPD. */
export const opdRoles = ['opd_admin', 'opd_staff'] as const;

/** `POST /api/v1/opds/{opd}/users`: a new user of the OPD. */
export const opdUserCreate = z.object({
  email: staffEmail,
  name: z.string('Enter the name').check(z.trim(), z.minLength(1, 'Enter the name'), z.maxLength(120)),
  role: z.enum(opdRoles, 'Choose opd_admin or opd_staff'),
});

/**
 * `POST /api/v1/users` (regency admin): any user; `opd` is required for an OPD role and
 * must be absent for a regency admin.
 */
export const userCreate = z.object({
  email: staffEmail,
  name: z.string('Enter the name').check(z.trim(), z.minLength(1, 'Enter the name'), z.maxLength(120)),
  role: z.enum(staffRoles),
  opd: z.optional(opdSlug),
});

/** A change to a user: name, role (within what the caller may give) or disabling them (which signs them out everywhere). */
export const userUpdate = z.object({
  name: z.optional(z.string().check(z.trim(), z.minLength(1, 'Enter the name'), z.maxLength(120))),
  role: z.optional(z.enum(staffRoles)),
  disabled: z.optional(z.boolean()),
});

/** A new user or a reset password: the user and the one-time password to hand them (shown once). */
export const userWithPassword = z.object({
  user: staffUser,
  oneTimePassword: z.string(),
});

/** The `{userId}` path value. */
export const userParams = z.object({ userId: z.string().check(z.minLength(1), z.maxLength(64)) });

const opdUserParams = z.object({ opd: opdSlug, userId: z.string().check(z.minLength(1), z.maxLength(64)) });

/** Filters of `GET /api/v1/users`. */
export const userListQuery = z.object({
  ...pageQuery.shape,
  opd: z.optional(opdSlug),
  role: z.optional(z.enum(staffRoles)),
});

/** The account endpoints. */
export const accountEndpoints = {
  /** Signs in with e-mail and password. */
  login: endpoint({
    id: 'login',
    method: 'POST',
    path: '/api/v1/auth/login',
    body: loginInput,
    response: loginResult,
    access: 'public',
    errors: ['login-failed', 'login-locked'],
  }),
  /** Signs out: the token or cookie of this request stops working. */
  logout: endpoint({
    id: 'logout',
    method: 'POST',
    path: '/api/v1/auth/logout',
    response: z.undefined(),
    status: 204,
    access: 'staff',
  }),
  /** Who is signed in. */
  me: endpoint({
    id: 'getMe',
    method: 'GET',
    path: '/api/v1/auth/me',
    response: staffUser,
    access: 'staff',
  }),
  /** Changes the signed-in user's password; every other session of theirs ends. */
  changePassword: endpoint({
    id: 'changePassword',
    method: 'POST',
    path: '/api/v1/auth/password',
    body: passwordChange,
    response: z.undefined(),
    status: 204,
    access: 'staff',
    errors: ['login-locked'],
  }),
  /** The users of one OPD. */
  listOpdUsers: endpoint({
    id: 'listOpdUsers',
    method: 'GET',
    path: '/api/v1/opds/{opd}/users',
    params: opdParams,
    query: pageQuery,
    response: listPage(staffUser),
    access: 'staff',
  }),
  /** Adds a user to an OPD; answers their one-time password. */
  createOpdUser: endpoint({
    id: 'createOpdUser',
    method: 'POST',
    path: '/api/v1/opds/{opd}/users',
    params: opdParams,
    body: opdUserCreate,
    response: userWithPassword,
    status: 201,
    access: 'opd-admin',
    errors: ['conflict'],
  }),
  /** Renames a user of the OPD, changes their role or disables them. */
  updateOpdUser: endpoint({
    id: 'updateOpdUser',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}/users/{userId}',
    params: opdUserParams,
    body: userUpdate,
    response: staffUser,
    access: 'opd-admin',
    errors: ['conflict'],
  }),
  /** Gives a user of the OPD a new one-time password and signs them out everywhere. */
  resetOpdUserPassword: endpoint({
    id: 'resetOpdUserPassword',
    method: 'POST',
    path: '/api/v1/opds/{opd}/users/{userId}/password-reset',
    params: opdUserParams,
    response: userWithPassword,
    access: 'opd-admin',
  }),
  /** Every user of the regency (regency admin). */
  listUsers: endpoint({
    id: 'listUsers',
    method: 'GET',
    path: '/api/v1/users',
    query: userListQuery,
    response: listPage(staffUser),
    access: 'regency-admin',
  }),
  /** Adds any user, a regency admin included (regency admin). */
  createUser: endpoint({
    id: 'createUser',
    method: 'POST',
    path: '/api/v1/users',
    body: userCreate,
    response: userWithPassword,
    status: 201,
    access: 'regency-admin',
    errors: ['conflict'],
  }),
  /** Changes any user (regency admin). */
  updateUser: endpoint({
    id: 'updateUser',
    method: 'PATCH',
    path: '/api/v1/users/{userId}',
    params: userParams,
    body: userUpdate,
    response: staffUser,
    access: 'regency-admin',
    errors: ['conflict'],
  }),
};
