/**
 * The console's session with the backend: how it signs in (an httpOnly cookie when the
 * console is on the backend's own origin, a bearer token kept in `sessionStorage` otherwise),
 * who is signed in, and the one request sender every console page calls through.
 *
 * Signing in, out and changing the password are the SDK's `client.auth` calls; every other call
 * goes through the same {@link RequestSender} and the endpoint descriptions in `src/schemas/`
 * (`session.call(endpoint, …)`, or an SDK namespace over `session.sender`), so no path or
 * shape is written here.
 * An answer 401 to any call while signed in ends the session ({@link ConsoleSession.onEnded}):
 * the shell shows the sign-in form again and keeps the pages as they were.
 *
 * @module
 */
import { ApiError } from '../../src/errors.js';
import { auth, type AuthNamespace } from '../../src/namespaces/auth.js';
import { RequestSender, type EndpointCall, type SendRequest } from '../../src/request.js';
import type { StaffUser } from '../../src/schemas/accounts.js';
import type { AnyEndpoint, OutputOf } from '../../src/schemas/endpoint.js';
import type * as z from 'zod/mini';

/** How the console stays signed in: `cookie` on the backend's own origin, else `token`. */
export type SessionMode = 'cookie' | 'token';

/** Look up `fetch` at call time, so a page (or a test) that wraps it later is honoured. */
const lateFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** `cookie` when the page is on the backend's own origin (the cookie is SameSite=Strict and httpOnly), else `token`. */
export function sessionModeFor(apiBaseUrl: string): SessionMode {
  try {
    return typeof location !== 'undefined' && new URL(apiBaseUrl).origin === location.origin ? 'cookie' : 'token';
  } catch {
    return 'token';
  }
}

/** `sessionStorage`, or `null` where the browser refuses it (the token then lives as long as the page). */
function tabStorage(): Storage | null {
  try {
    const storage = globalThis.sessionStorage;
    const probe = '__opd_probe__';
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

/** A sender that tells its session when the backend no longer knows the caller (401). */
class SessionSender extends RequestSender {
  readonly #onUnauthorized: (error: ApiError) => void;

  constructor(options: ConstructorParameters<typeof RequestSender>[0], onUnauthorized: (error: ApiError) => void) {
    super(options);
    this.#onUnauthorized = onUnauthorized;
  }

  override async send<S extends z.ZodMiniType>(request: SendRequest<S>): Promise<z.output<S>> {
    try {
      return await super.send(request);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) this.#onUnauthorized(error);
      throw error;
    }
  }
}

/**
 * One console's session with one backend. Create it for the `api` the console has; it keeps
 * the bearer token (token mode) in `sessionStorage`, so a reload of the tab stays signed in
 * and closing the tab signs the browser out of this console.
 */
export class ConsoleSession {
  /** How this session signs in, see {@link SessionMode}. */
  readonly mode: SessionMode;
  /** The backend's base URL. */
  readonly apiBaseUrl: string;
  /** Called when a call answered 401 while someone was signed in (expired, revoked, disabled). */
  onEnded: (error: ApiError) => void = () => {};

  readonly #sender: RequestSender;
  readonly #auth: AuthNamespace;
  #user: StaffUser | null = null;
  /** While restoring or signing in, a 401 means "not signed in", not a session that ended. */
  #quiet = false;
  readonly #storageKey: string;
  // The token when storage is refused: kept for the page only.
  #memoryToken: string | null = null;

  constructor(apiBaseUrl: string, mode: SessionMode = sessionModeFor(apiBaseUrl)) {
    this.apiBaseUrl = apiBaseUrl;
    this.mode = mode;
    let origin = apiBaseUrl;
    try {
      origin = new URL(apiBaseUrl).origin;
    } catch {
      // keep the text as it is
    }
    this.#storageKey = `opd-console-token:${origin}`;
    this.#sender = new SessionSender({ baseUrl: apiBaseUrl, fetch: lateFetch }, (error) => {
      if (this.#quiet || !this.#user) return;
      this.forget();
      this.onEnded(error);
    });
    this.#sender.token = mode === 'token' ? this.#readToken() : null;
    this.#auth = auth(this.#sender, {});
  }

  /** Who is signed in, or `null`. */
  get user(): StaffUser | null {
    return this.#user;
  }

  /** The sender every console page calls through (carries the token in token mode), for SDK namespaces. */
  get sender(): RequestSender {
    return this.#sender;
  }

  /** Calls an endpoint as its description says, signed in; see {@link RequestSender.call}. */
  call<E extends AnyEndpoint>(endpoint: E, call: EndpointCall<E>): Promise<OutputOf<E['response']>> {
    return this.#sender.call(endpoint, call);
  }

  /**
   * Asks the backend who is signed in (a kept token, or the cookie): the user, or `null` when
   * nobody is (nothing kept, or the backend no longer knows it). Other failures (no connection)
   * are thrown.
   */
  async restore(signal?: AbortSignal): Promise<StaffUser | null> {
    if (this.mode === 'token' && !this.#sender.token) return null;
    this.#quiet = true;
    try {
      this.#user = await this.#auth.me(signal ? { signal } : {});
      return this.#user;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.forget();
        return null;
      }
      throw error;
    } finally {
      this.#quiet = false;
    }
  }

  /**
   * Signs in; the user on success. Errors are the SDK's: an `ApiError` `login-failed` (401), a
   * `RateLimitError` `login-locked` (429, `retryAfter`), a `ValidationError` for empty fields.
   */
  async signIn(email: string, password: string): Promise<StaffUser> {
    this.#quiet = true;
    try {
      const result = await this.#auth.login(email, password, { session: this.mode });
      this.#storeToken(this.mode === 'token' ? result.token : null);
      this.#user = result.user;
      return result.user;
    } finally {
      this.#quiet = false;
    }
  }

  /** Reads who is signed in again (after a password change, a rename). */
  async refreshUser(): Promise<StaffUser> {
    this.#user = await this.#auth.me();
    return this.#user;
  }

  /** Changes the signed-in user's password, then reads the user again (no longer `mustChangePassword`). */
  async changePassword(currentPassword: string, newPassword: string): Promise<StaffUser> {
    await this.#auth.changePassword(currentPassword, newPassword);
    return this.refreshUser();
  }

  /** Signs out on the backend (best effort) and forgets the token here. */
  async signOut(): Promise<void> {
    this.#quiet = true;
    try {
      await this.#auth.logout();
    } catch {
      // Signed out here whatever the backend said (it may already have ended the session).
    } finally {
      this.#quiet = false;
    }
    this.forget();
  }

  /** Forgets the user and the token here (after a 401, or on sign-out). */
  forget(): void {
    this.#user = null;
    this.#sender.token = null;
    this.#storeToken(null);
  }

  #readToken(): string | null {
    return tabStorage()?.getItem(this.#storageKey) ?? this.#memoryToken;
  }

  #storeToken(token: string | null): void {
    this.#sender.token = token;
    this.#memoryToken = token;
    const storage = tabStorage();
    if (!storage) return;
    if (token) storage.setItem(this.#storageKey, token);
    else storage.removeItem(this.#storageKey);
  }
}
