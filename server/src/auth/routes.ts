/**
 * Accounts, the spine's part for staff: signing in (`POST /api/v1/auth/login`), out, who is
 * signed in, changing one's password; the demo users; the API reference's part.
 *
 * @module
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import {
  accountEndpoints as endpoints,
  indonesianTimeZones,
  loginInput,
  loginResult,
  passwordChange,
  staffUser,
  type IndonesianTimeZone,
} from '../../../src/schemas/index.js';
import { audit } from '../db/audit.js';
import type { AppEnv } from '../http/env.js';
import { defineModule, route } from '../http/module.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import { clearFailures, countAttempt, lock, LOCK_MINUTES, MAX_FAILURES } from './lockout.js';
import { systemActor } from './actor.js';
import { decoyHash, verifyPassword } from './passwords.js';
import { seedDemoUsers } from './seed.js';
import { issueToken, revokeTokens, SESSION_COOKIE, SIGN_IN_HOURS } from './tokens.js';
import { userRoutes } from './user-routes.js';
import { findUser, findUserByEmail, setPassword, toStaffUser } from './users.js';

/** The rate-limit bucket of sign-ins (per client address, on top of the per-account lockout). */
export const LOGIN_BUCKET = 'login';

/** Who the audit log names for a wrong password: the person is not known to be who typed it. */
const SIGN_IN_ACTOR = systemActor('sign-in');

const NO_STORE = { 'Cache-Control': 'no-store' };

/** `10.15 WIB`: a time as Indonesians write it, in the regency's zone. */
function clockTime(at: Date, timeZone: IndonesianTimeZone): string {
  const time = new Intl.DateTimeFormat('id-ID', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  return `${time} ${indonesianTimeZones[timeZone].abbreviation}`;
}

function lockedProblem(until: Date, now: Date, timeZone: IndonesianTimeZone): ProblemError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new ProblemError('login-locked', {
    detail: `Too many wrong passwords for this account: signing in is locked until ${clockTime(until, timeZone)} (${Math.ceil(seconds / 60)} minutes). An admin can reset the password sooner.`,
    headers: { 'Retry-After': String(seconds) },
  });
}

function isHttps(c: Context<AppEnv>): boolean {
  if (c.get('deps').settings.trustProxy && c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

const login = route({
  endpoint: endpoints.login,
  summary: 'Sign in',
  description: `Signs a staff member in with e-mail and password. Answers the user and a bearer token valid for ${SIGN_IN_HOURS} hours; with \`session: "cookie"\` (the console on this backend's own origin) the sign-in is an httpOnly, SameSite=Strict cookie instead and \`token\` is null. After 5 wrong passwords for one address within ${LOCK_MINUTES} minutes, that address is locked for ${LOCK_MINUTES} minutes (429 \`login-locked\` with \`Retry-After\`). Limited per client per minute too.`,
  returns: 'Signed in.',
  rateLimit: LOGIN_BUCKET,
  async handler({ body, deps, now, c }) {
    const { db, settings } = deps;
    const email = body.email;
    // Counted before the password is checked: parallel requests cannot check more than the limit.
    const attempt = await countAttempt(db, email, now);
    if (attempt.lockedUntil) throw lockedProblem(attempt.lockedUntil, now, settings.timeZone);
    if (attempt.count > MAX_FAILURES) throw lockedProblem(await lock(db, email, now), now, settings.timeZone);

    const user = await findUserByEmail(db, email);
    // An unknown address takes as long as a known one.
    const matches = await verifyPassword(body.password, user?.password_hash ?? (await decoyHash()));
    if (!user || !matches) {
      const left = MAX_FAILURES - attempt.count;
      if (user) {
        await audit(
          db,
          { actor: SIGN_IN_ACTOR, action: left <= 0 ? 'auth.locked' : 'auth.login-failed', subject: `user:${user.id}`, opd: user.opd_slug },
          now,
        );
      }
      if (left <= 0) throw lockedProblem(await lock(db, email, now), now, settings.timeZone);
      throw new ProblemError('login-failed', {
        detail: `The e-mail address or the password is not right. ${left} ${left === 1 ? 'try' : 'tries'} left before signing in is locked for ${LOCK_MINUTES} minutes.`,
      });
    }
    // Only someone who knows the password learns that the account is disabled or demo-only.
    if (user.disabled_at) {
      throw new ProblemError('login-failed', { detail: 'This account is disabled. Ask your OPD admin or the regency admin.' });
    }
    if (user.is_demo && settings.production) {
      throw new ProblemError('login-failed', {
        detail: 'Demo accounts cannot sign in when NODE_ENV=production. Create real accounts with npm run admin.',
      });
    }
    await clearFailures(db, email);

    const kind = body.session === 'cookie' ? 'cookie' : 'bearer';
    const issued = await db.transaction().execute(async (trx) => {
      // A password change or a disabling that ran while the password was being checked wins:
      // the row is locked, and read again, before the token exists.
      const current = await trx
        .selectFrom('staff_users')
        .select(['password_hash', 'disabled_at'])
        .where('id', '=', user.id)
        .forUpdate()
        .executeTakeFirst();
      if (!current || current.password_hash !== user.password_hash || current.disabled_at) {
        throw new ProblemError('login-failed', { detail: 'The account changed while signing in. Sign in again.' });
      }
      const token = await issueToken(trx, user.id, kind, now);
      await trx.updateTable('staff_users').set({ last_sign_in_at: now }).where('id', '=', user.id).execute();
      await audit(trx, { actor: user, action: 'auth.login', subject: `user:${user.id}`, opd: user.opd_slug, detail: { kind } }, now);
      return token;
    });
    if (kind === 'cookie') {
      setCookie(c, SESSION_COOKIE, issued.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c),
        path: '/',
        maxAge: SIGN_IN_HOURS * 3600,
      });
    }
    deps.log.info('signed in', { user: user.id, kind });
    return {
      body: {
        user: toStaffUser({ ...user, last_sign_in_at: now }),
        token: kind === 'bearer' ? issued.token : null,
        expiresAt: issued.expiresAt.toISOString(),
      },
      headers: NO_STORE,
    };
  },
});

const logout = route({
  endpoint: endpoints.logout,
  summary: 'Sign out',
  description: 'Ends the sign-in this request came with: its token (or cookie) stops working at once.',
  returns: 'Signed out.',
  async handler({ actor, deps, now, c }) {
    await deps.db.transaction().execute(async (trx) => {
      await revokeTokens(trx, { tokenId: actor.tokenId }, now);
      await audit(trx, { actor, action: 'auth.logout', subject: `user:${actor.id}`, opd: actor.opd }, now);
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c), sameSite: 'Strict', httpOnly: true });
    return { body: undefined, headers: NO_STORE };
  },
});

const me = route({
  endpoint: endpoints.me,
  summary: 'Who is signed in',
  description: 'The signed-in user: name, role, OPD, and whether they must choose their own password first.',
  returns: 'The user.',
  async handler({ actor, deps }) {
    const user = await findUser(deps.db, actor.id);
    if (!user) throw new ProblemError('unauthorized', { detail: 'This account no longer exists. Sign in again.' });
    return { body: toStaffUser(user), headers: NO_STORE };
  },
});

const changePassword = route({
  endpoint: endpoints.changePassword,
  summary: 'Change my password',
  description:
    'Sets a new password after checking the current one. Every other sign-in of the user ends; this one stays. A user who signed in with a one-time password must do this before anything else.',
  returns: 'Changed.',
  // A stolen token must not become a way to guess the password: the same limits as signing in.
  rateLimit: LOGIN_BUCKET,
  async handler({ actor, body, deps, now }) {
    const { timeZone } = deps.settings;
    const attempt = await countAttempt(deps.db, actor.email, now);
    if (attempt.lockedUntil) throw lockedProblem(attempt.lockedUntil, now, timeZone);
    if (attempt.count > MAX_FAILURES) throw lockedProblem(await lock(deps.db, actor.email, now), now, timeZone);
    const user = await findUser(deps.db, actor.id);
    if (!user || !(await verifyPassword(body.currentPassword, user.password_hash))) {
      if (attempt.count >= MAX_FAILURES) throw lockedProblem(await lock(deps.db, actor.email, now), now, timeZone);
      throw validationProblem([{ path: 'currentPassword', message: 'The current password is not right', code: 'invalid' }]);
    }
    await clearFailures(deps.db, actor.email);
    if (body.newPassword === body.currentPassword) {
      throw validationProblem([{ path: 'newPassword', message: 'Choose a password different from the current one', code: 'invalid' }]);
    }
    await deps.db.transaction().execute(async (trx) => {
      await setPassword(trx, user.id, body.newPassword, false);
      await revokeTokens(trx, { userId: user.id, except: actor.tokenId }, now);
      await audit(trx, { actor, action: 'auth.password', subject: `user:${user.id}`, opd: user.opd_slug }, now);
    });
    return { body: undefined, headers: NO_STORE };
  },
});

/** Accounts: sign-in, sign-out, who is signed in, passwords. Not switched per OPD. */
export const accountsModule = defineModule({
  id: 'accounts',
  perOpd: false,
  routes: [login, logout, me, changePassword, ...userRoutes],
  seed: (db, { now }) => seedDemoUsers(db, now),
  problems: {
    'login-failed': { status: 401, title: 'Signing in failed' },
    'login-locked': { status: 429, title: 'Signing in is locked for a while' },
  },
  openapi: {
    tag: { name: 'Accounts', description: 'Staff sign-in and users. Roles: regency admin (every OPD), OPD admin and OPD staff (their own OPD).' },
    schemas: {
      StaffUser: { schema: staffUser, io: 'output', description: 'A staff user.' },
      LoginInput: { schema: loginInput, io: 'input', description: 'E-mail, password, and whether to answer a token or set the console cookie.' },
      LoginResult: { schema: loginResult, io: 'output', description: 'The user and the bearer token (null with a cookie).' },
      PasswordChange: { schema: passwordChange, io: 'input', description: 'The current password and the new one.' },
    },
  },
});
