/**
 * Staff accounts over real HTTP on both stores: signing in with a token or the console's
 * cookie, signing out, the lockout after wrong passwords (for addresses with and without an
 * account alike), expiry, one-time passwords that must be changed first, and the audit log
 * naming the person.
 */
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { it } from 'node:test';
import { loginResult, staffUser } from '../../../src/schemas/index.js';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { siapRequests } from '../../helpers/siap.js';

const HOUR = 3600_000;

describeApi('staff accounts', { publicResponses: 10 }, (api) => {
  const { newConsultation } = siapRequests(api);
  const login = (body: unknown) =>
    api.publicRequest('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const bearer = (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${api.server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

  it('signs a staff member in with a token that works until they sign out', async () => {
    const response = await login({ email: ' BPKAD@lahat.demo ', password: 'demo-password' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const result = assertShape(loginResult, await response.json(), 'login');
    assert.ok(result.token?.startsWith('opdk_'));
    assert.deepEqual([result.user.email, result.user.role, result.user.opd], ['bpkad@lahat.demo', 'opd_staff', 'bpkad']);
    assert.equal(new Date(result.expiresAt).getTime() - api.clock.now().getTime() > 11 * HOUR, true, 'lasts a working day');

    const me = await bearer(result.token!, '/api/v1/auth/me');
    assert.equal(me.status, 200);
    assert.equal(assertShape(staffUser, await me.json(), 'me').name, 'Petugas BPKAD (demo)');
    assert.equal((await bearer(result.token!, '/api/v1/opds/bpkad/consultations')).status, 200);

    assert.equal((await bearer(result.token!, '/api/v1/auth/logout', { method: 'POST' })).status, 204);
    const after = await assertProblem(await bearer(result.token!, '/api/v1/auth/me'), 401, 'unauthorized');
    assert.match(after.detail ?? '', /expired or was ended/);
    const stored = await api.server.db.selectFrom('staff_tokens').select('token_hash').execute();
    assert.ok(stored.every((row) => !row.token_hash.startsWith('opdk_') && row.token_hash.length === 64), 'only hashes are kept');
  });

  it('tells a staff member without a sign-in or with a malformed header what to send', async () => {
    const none = await assertProblem(await api.publicRequest('/api/v1/opds/bpkad/consultations'), 401, 'unauthorized');
    assert.match(none.detail ?? '', /POST \/api\/v1\/auth\/login/);
    const malformed = await api.publicRequest('/api/v1/auth/me', { headers: { Authorization: 'Token abc' } });
    await assertProblem(malformed, 401, 'unauthorized');
  });

  it('keeps one OPD’s staff out of another OPD’s questions, saying why', async () => {
    const refused = await assertProblem(await api.as('pupr@lahat.demo', '/api/v1/opds/bpkad/consultations'), 403, 'forbidden');
    assert.match(refused.detail ?? '', /OPD staff of dinas-pupr; only bpkad's staff or a regency admin/);
    assert.equal((await api.as('pupr@lahat.demo', '/api/v1/opds/dinas-pupr/consultations')).status, 200);
    assert.equal((await api.as('admin@lahat.demo', '/api/v1/opds/bpkad/consultations')).status, 200);
  });

  it('locks an address for 15 minutes after 5 wrong passwords, telling how many tries are left and until when', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      const wrong = await assertProblem(await login({ email: 'pupr@lahat.demo', password: `wrong-${attempt}` }), 401, 'login-failed');
      assert.match(wrong.detail ?? '', new RegExp(`${5 - attempt} tr(y|ies) left`));
    }
    const locked = await login({ email: 'pupr@lahat.demo', password: 'wrong-5' });
    const problem = await assertProblem(locked, 429, 'login-locked');
    assert.match(problem.detail ?? '', /locked until \d\d\.\d\d WIB \(15 minutes\)/);
    assert.ok(Number(locked.headers.get('retry-after')) > 800);
    // Even the right password waits for the lock to end.
    await assertProblem(await login({ email: 'pupr@lahat.demo', password: 'demo-password' }), 429, 'login-locked');
    api.clock.advance(16 * 60_000);
    assert.equal((await login({ email: 'pupr@lahat.demo', password: 'demo-password' })).status, 200);
  });

  it('checks at most 5 passwords of a burst sent in parallel, and keeps the lock it set', async () => {
    await addUser(
      api.server.db as unknown as Kysely<Database>,
      { email: 'burst@lahat.demo', name: 'Sasaran Serangan', role: 'opd_staff', opd: 'bpkad', password: 'the-right-password', mustChangePassword: false },
      api.clock.now(),
    );
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => login({ email: 'burst@lahat.demo', password: `guess-${i}` }).then((r) => r.status)),
    );
    assert.ok(burst.filter((status) => status === 401).length <= 4, `at most 4 wrong passwords told apart, got ${burst.join(' ')}`);
    assert.equal(burst.filter((status) => status === 429).length >= 8, true, burst.join(' '));
    await assertProblem(await login({ email: 'burst@lahat.demo', password: 'the-right-password' }), 429, 'login-locked');
    const failed = await api.server.db.selectFrom('audit_log').select(['actor', 'action']).where('action', 'like', 'auth.%').where('actor', '=', 'sign-in').execute();
    assert.ok(failed.some((entry) => entry.action === 'auth.locked'), 'the lock is in the audit log');
  });

  it('answers an unknown address exactly as a known one, lockout included', async () => {
    const unknown = await assertProblem(await login({ email: 'nobody@lahat.demo', password: 'x' }), 401, 'login-failed');
    const known = await assertProblem(await login({ email: 'admin@lahat.demo', password: 'x' }), 401, 'login-failed');
    assert.equal(unknown.detail, known.detail);
    for (let i = 0; i < 4; i++) await login({ email: 'nobody@lahat.demo', password: 'x' });
    await assertProblem(await login({ email: 'nobody@lahat.demo', password: 'x' }), 429, 'login-locked');
    assert.equal((await login({ email: 'admin@lahat.demo', password: 'demo-password' })).status, 200, 'a right password clears the count');
  });

  it('names the field of a sign-in with nothing filled in', async () => {
    const problem = await assertProblem(await login({}), 422, 'validation');
    assert.deepEqual(problem.errors?.map((e) => e.path).sort(), ['email', 'password']);
  });

  it('signs the console in with an httpOnly SameSite cookie whose writes must come from the backend’s own page', async () => {
    const response = await login({ email: 'bpkad@lahat.demo', password: 'demo-password', session: 'cookie' });
    assert.equal(response.status, 200);
    assert.equal(assertShape(loginResult, await response.json(), 'login').token, null, 'no token a script could read');
    const setCookie = response.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /^opd_session=opdk_/);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    const me = await fetch(`${api.server.url}/api/v1/auth/me`, { headers: { Cookie: cookie } });
    assert.equal(me.status, 200);
    const forged = await fetch(`${api.server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { Cookie: cookie, Origin: 'https://attacker.example' },
    });
    await assertProblem(forged, 403, 'forbidden');
    // Another site of the regency (same site, other origin) cannot use the cookie, not even to read.
    const sameSite = await fetch(`${api.server.url}/api/v1/auth/me`, { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-site' } });
    await assertProblem(sameSite, 403, 'forbidden');
    const fromConsole = await fetch(`${api.server.url}/api/v1/auth/me`, { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } });
    assert.equal(fromConsole.status, 200);
    const own = await fetch(`${api.server.url}/api/v1/auth/logout`, { method: 'POST', headers: { Cookie: cookie, Origin: api.server.url } });
    assert.equal(own.status, 204);
    assert.match(own.headers.get('set-cookie') ?? '', /opd_session=;/);
    assert.equal((await fetch(`${api.server.url}/api/v1/auth/me`, { headers: { Cookie: cookie } })).status, 401);
  });

  it('ends a sign-in after 12 hours', async () => {
    const { token } = assertShape(loginResult, await (await login({ email: 'bpkad@lahat.demo', password: 'demo-password' })).json(), 'login');
    api.clock.advance(12 * HOUR + 60_000);
    await assertProblem(await bearer(token!, '/api/v1/auth/me'), 401, 'unauthorized');
  });

  it('makes a user with a one-time password choose their own before anything else, and ends their other sign-ins', async () => {
    await addUser(
      api.server.db as unknown as Kysely<Database>,
      { email: 'baru@lahat.demo', name: 'Pegawai Baru', role: 'opd_staff', opd: 'bpkad', password: 'k7mq-x3pf-9hdt-wr2e', mustChangePassword: true },
      api.clock.now(),
    );
    const first = assertShape(loginResult, await (await login({ email: 'baru@lahat.demo', password: 'k7mq-x3pf-9hdt-wr2e' })).json(), 'login');
    const second = assertShape(loginResult, await (await login({ email: 'baru@lahat.demo', password: 'k7mq-x3pf-9hdt-wr2e' })).json(), 'login');
    assert.equal(first.user.mustChangePassword, true);
    await assertProblem(await bearer(first.token!, '/api/v1/opds/bpkad/consultations'), 403, 'password-change-required');
    const change = (body: unknown) =>
      bearer(first.token!, '/api/v1/auth/password', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await assertProblem(await change({ currentPassword: 'nope', newPassword: 'a-long-new-password' }), 422, 'validation', 'currentPassword');
    await assertProblem(await change({ currentPassword: 'k7mq-x3pf-9hdt-wr2e', newPassword: 'short' }), 422, 'validation', 'newPassword');
    assert.equal((await change({ currentPassword: 'k7mq-x3pf-9hdt-wr2e', newPassword: 'a-long-new-password' })).status, 204);
    assert.equal((await bearer(first.token!, '/api/v1/opds/bpkad/consultations')).status, 200, 'this sign-in goes on');
    await assertProblem(await bearer(second.token!, '/api/v1/auth/me'), 401, 'unauthorized');
    assert.equal((await login({ email: 'baru@lahat.demo', password: 'k7mq-x3pf-9hdt-wr2e' })).status, 401, 'the one-time password is spent');
  });

  it('does not let a stolen token guess the password through the password change', async () => {
    const { token } = assertShape(loginResult, await (await login({ email: 'baru@lahat.demo', password: 'a-long-new-password' })).json(), 'login');
    const guess = (n: number) =>
      bearer(token!, '/api/v1/auth/password', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ currentPassword: `guess-${n}`, newPassword: 'taken-over-password' }),
      });
    const statuses: number[] = [];
    for (let n = 0; n < 6; n++) statuses.push((await guess(n)).status);
    assert.deepEqual(statuses, [422, 422, 422, 422, 429, 429]);
    await assertProblem(await login({ email: 'baru@lahat.demo', password: 'a-long-new-password' }), 429, 'login-locked');
    api.clock.advance(16 * 60_000);
  });

  it('names the person who read a citizen’s question in the audit log', async () => {
    const code = await newConsultation();
    assert.equal((await api.as('bpkad@lahat.demo', `/api/v1/opds/bpkad/consultations/${code}`)).status, 200);
    const read = await api.server.db
      .selectFrom('audit_log')
      .select(['actor', 'actor_email'])
      .where('action', '=', 'consultation.view')
      .where('subject', '=', code)
      .execute();
    assert.deepEqual(read, [{ actor: 'Petugas BPKAD (demo)', actor_email: 'bpkad@lahat.demo' }]);
  });

  it('records sign-outs in the audit log with the person', async () => {
    const { token } = assertShape(loginResult, await (await login({ email: 'pupr@lahat.demo', password: 'demo-password' })).json(), 'login');
    assert.equal((await bearer(token!, '/api/v1/auth/logout', { method: 'POST' })).status, 204);
    const out = await api.server.db.selectFrom('audit_log').select(['actor_email']).where('action', '=', 'auth.logout').execute();
    assert.ok(out.some((entry) => entry.actor_email === 'pupr@lahat.demo'));
  });

  it('records sign-ins in the audit log with the person', async () => {
    const entries = await api.server.db
      .selectFrom('audit_log')
      .select(['actor', 'actor_id', 'actor_email', 'opd_slug'])
      .where('action', '=', 'auth.login')
      .where('actor_email', '=', 'bpkad@lahat.demo')
      .execute();
    assert.ok(entries.length >= 3);
    assert.ok(entries.every((e) => e.actor === 'Petugas BPKAD (demo)' && e.actor_id?.startsWith('usr_') && e.opd_slug === 'bpkad'));
  });
});
