/**
 * `client.users`: staff users. An OPD's staff `list` their colleagues (to assign a question
 * to); its admin also `create`s, `update`s (renames, changes the role, disables) and
 * `resetPassword`s them; a regency admin does all that in every OPD and, across the regency,
 * `listAll`, `createAny` (a regency admin included) and `updateAny`. Each method is a thin
 * call of one endpoint in {@link accountEndpoints}; a call beyond the signed-in user's role
 * rejects with an `ApiError` of status 403 (`code` `forbidden`).
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'bpkad' });
 * await client.auth.login('admin.bpkad@lahatkab.go.id', password);
 * const { user, oneTimePassword } = await client.users.create({ email: 'petugas@lahatkab.go.id', name: 'Siti', role: 'opd_staff' });
 * // Hand oneTimePassword to Siti: it is shown this once, and she chooses her own at first sign-in.
 * ```
 *
 * @module
 */
import type * as z from 'zod/mini';
import { paginate, type Paginated } from '../pagination.js';
import type { CallOptions } from '../request.js';
import {
  accountEndpoints as endpoints,
  type opdUserCreate,
  type StaffUser,
  type userCreate,
  type userListQuery,
  type userUpdate,
  type userWithPassword,
} from '../schemas/accounts.js';
import { resolveOpd, type NamespaceFactory } from './shared.js';

/** A new user of an OPD: e-mail, name and role (`opd_admin` or `opd_staff`). */
export type OpdUserCreateInput = z.input<typeof opdUserCreate>;
/** A new user of any role; `opd` for an OPD role, none for a regency admin. */
export type UserCreateInput = z.input<typeof userCreate>;
/** A change to a user: `name`, `role`, `disabled` (each optional). */
export type UserUpdateInput = z.input<typeof userUpdate>;
/** Filters of {@link UsersNamespace.listAll}: `opd`, `role`. */
export type UserListQuery = Omit<z.input<typeof userListQuery>, 'cursor'>;
/** A new or reset user with the one-time password to hand them (shown once). */
export type UserWithPassword = z.output<typeof userWithPassword>;

/** Options of the calls about one OPD's users. */
export interface OpdUserCallOptions extends CallOptions {
  /** The OPD (default: the client's). */
  opd?: string;
}

/** Calls about staff users. */
export interface UsersNamespace {
  /**
   * The OPD's users by name, disabled ones included (`disabled`): the colleagues to assign a
   * question to. **OPD staff and OPD admins** of that OPD, and **regency admins**, may call it.
   */
  list(query?: { opd?: string; limit?: number }, options?: CallOptions): Paginated<StaffUser>;
  /**
   * Adds a user to the OPD as `opd_admin` or `opd_staff` and answers their one-time password
   * (shown this once; they choose their own at first sign-in). An e-mail address another
   * account uses rejects with an `ApiError` of status 409 naming `email`. **OPD admins** of
   * that OPD and **regency admins** may call it.
   */
  create(input: OpdUserCreateInput, options?: OpdUserCallOptions): Promise<UserWithPassword>;
  /**
   * Renames one of the OPD's users, moves them between `opd_admin` and `opd_staff`, or
   * disables them (their sign-ins end at once) or enables them again. A user of another OPD
   * rejects with 404; disabling oneself or changing one's own role with 409. **OPD admins** of
   * that OPD and **regency admins** may call it.
   */
  update(userId: string, changes: UserUpdateInput, options?: OpdUserCallOptions): Promise<StaffUser>;
  /**
   * Gives one of the OPD's users a new one-time password (answered this once) and ends all
   * their sign-ins. Not for one's own (403: use `client.auth.changePassword`). **OPD admins** of
   * that OPD and **regency admins** may call it.
   */
  resetPassword(userId: string, options?: OpdUserCallOptions): Promise<UserWithPassword>;
  /** Every user of the regency by name, filtered by `opd` and `role`. **Regency admins** only. */
  listAll(query?: UserListQuery, options?: CallOptions): Paginated<StaffUser>;
  /**
   * Adds a user of any role: an OPD role needs `opd`, a regency admin has none (else a 422
   * naming `opd`); answers their one-time password (shown this once). **Regency admins** only.
   */
  createAny(input: UserCreateInput, options?: CallOptions): Promise<UserWithPassword>;
  /**
   * Renames any user, changes their role (an OPD user may become a regency admin) or disables
   * them (their sign-ins end at once) or enables them again. Disabling oneself, changing one's
   * own role, or removing the last active regency admin rejects with 409. **Regency admins** only.
   */
  updateAny(userId: string, changes: UserUpdateInput, options?: CallOptions): Promise<StaffUser>;
}

/** Builds `client.users`; pass it to {@link buildClient} to include staff users in a client. */
export const users: NamespaceFactory<UsersNamespace> = (sender, defaults) => {
  const opd = (named: string | undefined) => resolveOpd(named, defaults.opd);
  return {
    list(query = {}, options) {
      const { opd: named, ...page } = query;
      return paginate((cursor) =>
        sender.call(endpoints.listOpdUsers, {
          params: { opd: opd(named) },
          query: { ...page, cursor },
          what: 'the list of users',
          signal: options?.signal,
        }),
      );
    },

    async create(input, options) {
      const slug = opd(options?.opd);
      return sender.call(endpoints.createOpdUser, {
        params: { opd: slug },
        body: input,
        what: `a new user of ${slug}`,
        signal: options?.signal,
      });
    },

    async update(userId, changes, options) {
      return sender.call(endpoints.updateOpdUser, {
        params: { opd: opd(options?.opd), userId },
        body: changes,
        what: `user ${userId}`,
        signal: options?.signal,
      });
    },

    async resetPassword(userId, options) {
      return sender.call(endpoints.resetOpdUserPassword, {
        params: { opd: opd(options?.opd), userId },
        what: `the password of user ${userId}`,
        signal: options?.signal,
      });
    },

    listAll(query = {}, options) {
      return paginate((cursor) =>
        sender.call(endpoints.listUsers, {
          query: { ...query, cursor },
          what: 'the list of users',
          signal: options?.signal,
        }),
      );
    },

    async createAny(input, options) {
      return sender.call(endpoints.createUser, { body: input, what: 'a new user', signal: options?.signal });
    },

    async updateAny(userId, changes, options) {
      return sender.call(endpoints.updateUser, {
        params: { userId },
        body: changes,
        what: `user ${userId}`,
        signal: options?.signal,
      });
    },
  };
};
