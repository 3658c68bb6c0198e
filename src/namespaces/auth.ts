/**
 * `client.auth`: staff sign-in. `login()` keeps the token on the client, so the staff calls
 * that follow are signed in; `logout()` ends the sign-in and forgets it.
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://layanan.lahatkab.go.id', opd: 'bpkad' });
 * const { user } = await client.auth.login('petugas@lahatkab.go.id', password);
 * if (user.mustChangePassword) await client.auth.changePassword(password, newPassword);
 * for await (const question of client.consultations.list({ status: 'received' })) { … }
 * await client.auth.logout();
 * ```
 *
 * What a user may call follows from their role, declared per endpoint: a regency admin calls
 * everything, an OPD admin their OPD's settings and users, OPD staff their OPD's work; a call
 * beyond that rejects with an `ApiError` of status 403 (`code` `forbidden`).
 *
 * @module
 */
import type { CallOptions } from '../request.js';
import { accountEndpoints as endpoints, type LoginResult, type StaffUser } from '../schemas/accounts.js';
import type { NamespaceFactory } from './shared.js';

/** Options of {@link AuthNamespace.login}. */
export interface LoginOptions extends CallOptions {
  /**
   * `token` (default): the client keeps the bearer token the server answers. `cookie`: the
   * browser keeps an httpOnly cookie instead (a page on the backend's own origin, like the
   * console); the client then holds no token.
   */
  session?: 'token' | 'cookie';
}

/** Staff sign-in. */
export interface AuthNamespace {
  /**
   * Signs in; the client sends the token from then on. Rejects with an `ApiError` of code
   * `login-failed` (401: wrong e-mail or password, the detail says how many tries are left)
   * or a `RateLimitError` of code `login-locked` (429, `retryAfter` seconds until the lock ends).
   */
  login(email: string, password: string, options?: LoginOptions): Promise<LoginResult>;
  /** Ends this sign-in on the server and forgets the token. */
  logout(options?: CallOptions): Promise<void>;
  /** The signed-in user. */
  me(options?: CallOptions): Promise<StaffUser>;
  /** Changes the signed-in user's password (needed first after a one-time password); their other sign-ins end. */
  changePassword(currentPassword: string, newPassword: string, options?: CallOptions): Promise<void>;
  /** The bearer token the client sends, or null. */
  readonly token: string | null;
}

/** Builds `client.auth`. */
export const auth: NamespaceFactory<AuthNamespace> = (sender) => ({
  async login(email, password, options) {
    const result = await sender.call(endpoints.login, {
      body: { email, password, session: options?.session },
      what: 'signing in',
      signal: options?.signal,
    });
    sender.token = result.token;
    return result;
  },
  async logout(options) {
    try {
      await sender.call(endpoints.logout, { what: 'signing out', signal: options?.signal });
    } finally {
      sender.token = null;
    }
  },
  me(options) {
    return sender.call(endpoints.me, { what: 'the signed-in user', signal: options?.signal });
  },
  async changePassword(currentPassword, newPassword, options) {
    await sender.call(endpoints.changePassword, {
      body: { currentPassword, newPassword },
      what: 'changing the password',
      signal: options?.signal,
    });
  },
  get token() {
    return sender.token;
  },
});
