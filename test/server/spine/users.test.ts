/**
 * Staff users over real HTTP on both stores: an OPD admin (made by the regency admin) adds a
 * staff member who signs in with the one-time password, must change it, then works; what an
 * OPD admin may not do (make a regency admin, touch another OPD's users, demote or disable
 * themselves); disabling and resetting end sign-ins at once; unique e-mail addresses; the
 * last active regency admin stays; lists by name with cursors; the audit log naming who did it.
 * A second suite, on a server of its own, holds an OPD admin to their OPD's staff: no reset,
 * change or disabling of a fellow OPD admin, no making OPD admins, no enabling a user the
 * regency admin disabled, and an add form that does not tell where an address is used.
 */
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { it } from 'node:test';
import { buildClient } from '../../../src/client.js';
import { ApiError } from '../../../src/errors.js';
import { users } from '../../../src/namespaces/users.js';
import { listPage, loginResult, staffUser, userWithPassword } from '../../../src/schemas/index.js';
import { assertProblem, assertShape, describeApi, type ApiSuite } from '../../helpers/api.js';
import { siapRequests } from '../../helpers/siap.js';

const NEW_PASSWORD = 'a-long-new-password';
const ONE_TIME = /^[a-km-np-z2-9]{4}(-[a-km-np-z2-9]{4}){3}$/;
const usersPage = listPage(staffUser);

/** The requests both suites make: JSON bodies, sign-ins, and users made by the regency admin. */
function accountKit(api: ApiSuite) {
  const jsonInit = (method: string, body?: unknown): RequestInit => ({
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const login = (email: string, password: string) =>
    api.publicRequest('/api/v1/auth/login', jsonInit('POST', { email, password }));
  const bearer = (token: string, path: string, init: RequestInit = {}) =>
    fetch(`${api.server.url}${path}`, { ...init, headers: { Authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

  /** Signs in with a one-time password, chooses {@link NEW_PASSWORD}; answers the token that goes on. */
  async function firstSignIn(email: string, oneTimePassword: string): Promise<string> {
    const response = await login(email, oneTimePassword);
    assert.equal(response.status, 200, `${email} signs in with the one-time password`);
    const { token, user } = assertShape(loginResult, await response.json(), 'login');
    assert.equal(user.mustChangePassword, true);
    const change = await bearer(token!, '/api/v1/auth/password', jsonInit('POST', { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD }));
    assert.equal(change.status, 204);
    return token!;
  }

  /** A user added by the regency admin (`POST /api/v1/users`), signed in for the first time. */
  async function adminMade(body: { email: string; name: string; role: string; opd?: string }): Promise<{ id: string; token: string }> {
    const response = await api.staff('/api/v1/users', jsonInit('POST', body));
    assert.equal(response.status, 201, await response.clone().text());
    const made = assertShape(userWithPassword, await response.json(), 'new user');
    return { id: made.user.id, token: await firstSignIn(body.email, made.oneTimePassword) };
  }

  async function userIdOf(email: string): Promise<string> {
    const row = await api.server.db.selectFrom('staff_users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    return row.id;
  }

  return { jsonInit, login, bearer, firstSignIn, adminMade, userIdOf };
}

describeApi('staff users', { publicResponses: 5 }, (api) => {
  const { jsonInit, login, bearer, firstSignIn, adminMade, userIdOf } = accountKit(api);
  const { newConsultation } = siapRequests(api);

  it('answers someone without a sign-in 401 on every users endpoint, showing no user', async () => {
    // A citizen's question is in the database, for the sweep to look for.
    await newConsultation();
    const puprId = await userIdOf('pupr@lahat.demo');
    const calls: Array<[string, RequestInit]> = [
      ['/api/v1/opds/bpkad/users', {}],
      ['/api/v1/opds/bpkad/users', jsonInit('POST', { email: 'x@lahat.test', name: 'X', role: 'opd_staff' })],
      [`/api/v1/opds/dinas-pupr/users/${puprId}`, jsonInit('PATCH', { disabled: true })],
      [`/api/v1/opds/dinas-pupr/users/${puprId}/password-reset`, { method: 'POST' }],
      ['/api/v1/users', {}],
      ['/api/v1/users', jsonInit('POST', { email: 'x@lahat.test', name: 'X', role: 'regency_admin' })],
      [`/api/v1/users/${puprId}`, jsonInit('PATCH', { role: 'regency_admin' })],
    ];
    for (const [path, init] of calls) {
      const response = await api.publicRequest(path, init);
      const text = await response.clone().text();
      await assertProblem(response, 401, 'unauthorized');
      assert.ok(!text.includes('lahat.demo'), `${init.method ?? 'GET'} ${path} shows no user`);
    }
  });

  let bpkadAdmin: { id: string; token: string };
  let staffId = '';
  let staffToken = '';

  it('lets an OPD admin, made by the regency admin, add a staff member who signs in once, must choose a password, then works', async () => {
    bpkadAdmin = await adminMade({ email: 'admin.bpkad@lahat.test', name: 'Admin BPKAD', role: 'opd_admin', opd: 'bpkad' });

    const created = await bearer(
      bpkadAdmin.token,
      '/api/v1/opds/bpkad/users',
      jsonInit('POST', { email: ' Dewi.Lestari@Lahat.test ', name: 'Dewi Lestari', role: 'opd_staff' }),
    );
    assert.equal(created.status, 201);
    assert.equal(created.headers.get('cache-control'), 'no-store', 'a one-time password is never cached');
    const { user, oneTimePassword } = assertShape(userWithPassword, await created.json(), 'new user');
    assert.match(oneTimePassword, ONE_TIME);
    assert.deepEqual(
      [user.email, user.name, user.role, user.opd, user.mustChangePassword, user.disabled],
      ['dewi.lestari@lahat.test', 'Dewi Lestari', 'opd_staff', 'bpkad', true, false],
    );
    staffId = user.id;

    const first = assertShape(loginResult, await (await login('dewi.lestari@lahat.test', oneTimePassword)).json(), 'login');
    await assertProblem(await bearer(first.token!, '/api/v1/opds/bpkad/consultations'), 403, 'password-change-required');
    const change = await bearer(first.token!, '/api/v1/auth/password', jsonInit('POST', { currentPassword: oneTimePassword, newPassword: NEW_PASSWORD }));
    assert.equal(change.status, 204);
    assert.equal((await bearer(first.token!, '/api/v1/opds/bpkad/consultations')).status, 200, 'then works');
    staffToken = first.token!;

    // Her colleagues see her, to assign questions to; the password never shows again.
    const listed = assertShape(usersPage, await (await api.as('bpkad@lahat.demo', '/api/v1/opds/bpkad/users')).json(), 'users');
    const dewi = listed.data.find((u) => u.id === staffId);
    assert.ok(dewi && !dewi.mustChangePassword);
    assert.ok(listed.data.every((u) => u.opd === 'bpkad'), 'only BPKAD’s users');
    assert.ok(!JSON.stringify(listed).includes(oneTimePassword));
  });

  it('lets an OPD admin give only OPD roles, and keeps them off another OPD’s users', async () => {
    const asAdmin = (path: string, init: RequestInit) => bearer(bpkadAdmin.token, path, init);
    await assertProblem(
      await asAdmin('/api/v1/opds/bpkad/users', jsonInit('POST', { email: 'boss@lahat.test', name: 'Boss', role: 'regency_admin' })),
      422,
      'validation',
      'role',
    );
    const promote = await assertProblem(await asAdmin(`/api/v1/opds/bpkad/users/${staffId}`, jsonInit('PATCH', { role: 'regency_admin' })), 422, 'validation', 'role');
    assert.match(promote.detail ?? '', /only a regency admin makes regency admins/);
    await assertProblem(
      await asAdmin('/api/v1/users', jsonInit('POST', { email: 'boss@lahat.test', name: 'Boss', role: 'regency_admin' })),
      403,
      'forbidden',
    );
    await assertProblem(await asAdmin(`/api/v1/users/${staffId}`, jsonInit('PATCH', { role: 'regency_admin' })), 403, 'forbidden');
    assert.equal(await api.server.db.selectFrom('staff_users').select('id').where('email', '=', 'boss@lahat.test').executeTakeFirst(), undefined);

    const puprId = await userIdOf('pupr@lahat.demo');
    await assertProblem(await asAdmin(`/api/v1/opds/dinas-pupr/users/${puprId}`, jsonInit('PATCH', { disabled: true })), 403, 'forbidden');
    await assertProblem(await asAdmin('/api/v1/opds/dinas-pupr/users', jsonInit('POST', { email: 'x@lahat.test', name: 'X', role: 'opd_staff' })), 403, 'forbidden');
    // Through BPKAD's path, PUPR's user is not there at all.
    const hidden = await assertProblem(await asAdmin(`/api/v1/opds/bpkad/users/${puprId}`, jsonInit('PATCH', { disabled: true, name: 'Taken over' })), 404, 'not-found');
    assert.match(hidden.detail ?? '', /No user .* in bpkad/);
    await assertProblem(await asAdmin(`/api/v1/opds/bpkad/users/${puprId}/password-reset`, { method: 'POST' }), 404, 'not-found');
    const pupr = await api.server.db.selectFrom('staff_users').select(['name', 'disabled_at', 'must_change_password']).where('id', '=', puprId).executeTakeFirstOrThrow();
    assert.deepEqual(pupr, { name: 'Petugas PUPR (demo)', disabled_at: null, must_change_password: false });
    assert.equal((await api.as('pupr@lahat.demo', '/api/v1/auth/me')).status, 200, 'PUPR’s user still signs in');

    // Staff see their colleagues but manage nobody.
    await assertProblem(await api.as('bpkad@lahat.demo', `/api/v1/opds/bpkad/users/${staffId}`, jsonInit('PATCH', { name: 'X' })), 403, 'forbidden');
  });

  it('keeps an admin from disabling or demoting themselves', async () => {
    const own = `/api/v1/opds/bpkad/users/${bpkadAdmin.id}`;
    const disable = await assertProblem(await bearer(bpkadAdmin.token, own, jsonInit('PATCH', { disabled: true })), 409, 'conflict', 'disabled');
    assert.match(disable.detail ?? '', /your own account/);
    await assertProblem(await bearer(bpkadAdmin.token, own, jsonInit('PATCH', { role: 'opd_staff' })), 409, 'conflict', 'role');
    const adminId = await userIdOf('admin@lahat.demo');
    await assertProblem(await api.staff(`/api/v1/users/${adminId}`, jsonInit('PATCH', { disabled: true })), 409, 'conflict', 'disabled');
    await assertProblem(await api.staff(`/api/v1/users/${adminId}`, jsonInit('PATCH', { role: 'opd_admin' })), 409, 'conflict', 'role');
    // Their own name they may change; the same role is no change.
    const renamed = await bearer(bpkadAdmin.token, own, jsonInit('PATCH', { name: 'Admin BPKAD Lahat', role: 'opd_admin' }));
    assert.equal(renamed.status, 200);
    assert.equal(assertShape(staffUser, await renamed.json(), 'user').name, 'Admin BPKAD Lahat');
    const me = assertShape(staffUser, await (await bearer(bpkadAdmin.token, '/api/v1/auth/me')).json(), 'me');
    assert.deepEqual([me.role, me.disabled], ['opd_admin', false]);
  });

  it('ends a disabled user’s sign-ins at once, and lets them back in when enabled again', async () => {
    assert.equal((await bearer(staffToken, '/api/v1/opds/bpkad/consultations')).status, 200);
    const disabled = await bearer(bpkadAdmin.token, `/api/v1/opds/bpkad/users/${staffId}`, jsonInit('PATCH', { disabled: true }));
    assert.equal(disabled.status, 200);
    assert.equal(assertShape(staffUser, await disabled.json(), 'user').disabled, true);
    await assertProblem(await bearer(staffToken, '/api/v1/opds/bpkad/consultations'), 401, 'unauthorized');
    const refused = await assertProblem(await login('dewi.lestari@lahat.test', NEW_PASSWORD), 401, 'login-failed');
    assert.match(refused.detail ?? '', /disabled/);
    const revoked = await api.server.db.selectFrom('staff_tokens').select('revoked_at').where('user_id', '=', staffId).execute();
    assert.ok(revoked.length > 0 && revoked.every((t) => t.revoked_at !== null), 'every sign-in of hers is ended');

    const enabled = await bearer(bpkadAdmin.token, `/api/v1/opds/bpkad/users/${staffId}`, jsonInit('PATCH', { disabled: false }));
    assert.equal(assertShape(staffUser, await enabled.json(), 'user').disabled, false);
    const back = await login('dewi.lestari@lahat.test', NEW_PASSWORD);
    assert.equal(back.status, 200);
    staffToken = assertShape(loginResult, await back.json(), 'login').token!;
  });

  it('resets a password: a new one-time password, every sign-in ended, the old password spent', async () => {
    const reset = await bearer(bpkadAdmin.token, `/api/v1/opds/bpkad/users/${staffId}/password-reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
    const { user, oneTimePassword } = assertShape(userWithPassword, await reset.json(), 'reset');
    assert.match(oneTimePassword, ONE_TIME);
    assert.equal(user.mustChangePassword, true);
    await assertProblem(await bearer(staffToken, '/api/v1/auth/me'), 401, 'unauthorized');
    await assertProblem(await login('dewi.lestari@lahat.test', NEW_PASSWORD), 401, 'login-failed');
    staffToken = await firstSignIn('dewi.lestari@lahat.test', oneTimePassword);
    // One's own password goes through the check of the current one instead.
    const own = await assertProblem(await bearer(bpkadAdmin.token, `/api/v1/opds/bpkad/users/${bpkadAdmin.id}/password-reset`, { method: 'POST' }), 403, 'forbidden');
    assert.match(own.detail ?? '', /POST \/api\/v1\/auth\/password/);
    assert.equal((await bearer(bpkadAdmin.token, '/api/v1/auth/me')).status, 200, 'and their sign-in goes on');
  });

  it('refuses an e-mail address another account uses, whatever its case, with a 409 naming email', async () => {
    const taken = await assertProblem(
      await bearer(bpkadAdmin.token, '/api/v1/opds/bpkad/users', jsonInit('POST', { email: 'PUPR@Lahat.demo', name: 'Someone', role: 'opd_staff' })),
      409,
      'conflict',
      'email',
    );
    // An OPD's form does not say who has the address (see the OPD admin's suite below).
    assert.equal(taken.detail, 'This e-mail address cannot be used for a new account; ask the regency admin.');
    const regency = await assertProblem(
      await api.staff('/api/v1/users', jsonInit('POST', { email: 'dewi.lestari@lahat.test', name: 'Dewi', role: 'opd_staff', opd: 'dinas-pupr' })),
      409,
      'conflict',
      'email',
    );
    assert.match(regency.detail ?? '', /dewi\.lestari@lahat\.test/, 'the regency admin, who sees every user, is told');
    const count = await api.server.db.selectFrom('staff_users').select('id').where('email', 'in', ['pupr@lahat.demo', 'dewi.lestari@lahat.test']).execute();
    assert.equal(count.length, 2);
  });

  it('lets the regency admin add users of any role: an OPD role with its OPD, a regency admin without one', async () => {
    await assertProblem(await api.staff('/api/v1/users', jsonInit('POST', { email: 'a@lahat.test', name: 'A', role: 'opd_staff' })), 422, 'validation', 'opd');
    await assertProblem(
      await api.staff('/api/v1/users', jsonInit('POST', { email: 'a@lahat.test', name: 'A', role: 'regency_admin', opd: 'bpkad' })),
      422,
      'validation',
      'opd',
    );
    await assertProblem(
      await api.staff('/api/v1/users', jsonInit('POST', { email: 'a@lahat.test', name: 'A', role: 'opd_admin', opd: 'no-such-opd' })),
      422,
      'validation',
      'opd',
    );
    const made = await api.staff('/api/v1/users', jsonInit('POST', { email: 'budi@lahat.test', name: 'Budi PUPR', role: 'opd_admin', opd: 'dinas-pupr' }));
    assert.equal(made.status, 201);
    const budi = assertShape(userWithPassword, await made.json(), 'new user').user;
    assert.deepEqual([budi.role, budi.opd], ['opd_admin', 'dinas-pupr']);
    // Promoted, he leaves his OPD; a regency admin has none to be demoted into.
    const promoted = assertShape(staffUser, await (await api.staff(`/api/v1/users/${budi.id}`, jsonInit('PATCH', { role: 'regency_admin' }))).json(), 'user');
    assert.deepEqual([promoted.role, promoted.opd], ['regency_admin', null]);
    await assertProblem(await api.staff(`/api/v1/users/${budi.id}`, jsonInit('PATCH', { role: 'opd_staff' })), 422, 'validation', 'role');
    await assertProblem(await api.staff('/api/v1/users/usr_nobody', jsonInit('PATCH', { name: 'X' })), 404, 'not-found');
  });

  it('lists users by name, regardless of case, page by page, filtered by OPD and role', async () => {
    for (const name of ['andi Pratama', 'Bayu', 'cahya']) {
      const response = await bearer(bpkadAdmin.token, '/api/v1/opds/bpkad/users', jsonInit('POST', { email: `${name.split(' ')[0]!.toLowerCase()}@lahat.test`, name, role: 'opd_staff' }));
      assert.equal(response.status, 201);
    }
    const names: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/v1/opds/bpkad/users?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = assertShape(usersPage, await (await api.as('bpkad@lahat.demo', path)).json(), 'page');
      assert.ok(page.data.length <= 2);
      names.push(...page.data.map((u) => u.name));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.deepEqual(names, ['Admin BPKAD Lahat', 'andi Pratama', 'Bayu', 'cahya', 'Dewi Lestari', 'Petugas BPKAD (demo)']);
    assert.equal(pages, 3);

    const admins = assertShape(usersPage, await (await api.staff('/api/v1/users?role=regency_admin')).json(), 'page');
    assert.ok(admins.data.length >= 2 && admins.data.every((u) => u.role === 'regency_admin' && u.opd === null));
    const pupr = assertShape(usersPage, await (await api.staff('/api/v1/users?opd=dinas-pupr&limit=100')).json(), 'page');
    assert.deepEqual(pupr.data.map((u) => u.email), ['pupr@lahat.demo']);
    await assertProblem(await api.staff('/api/v1/users?cursor=not-a-cursor'), 400, 'validation', 'cursor');
    await assertProblem(await api.as('bpkad@lahat.demo', '/api/v1/users'), 403, 'forbidden');
  });

  it('does the same through the SDK’s client.users', async () => {
    const asAdmin = buildClient({ baseUrl: api.server.url, opd: 'bpkad', token: bpkadAdmin.token, retries: 0 }, { users });
    const colleagues = await asAdmin.users.list({ limit: 2 }).toArray();
    assert.deepEqual(
      colleagues.map((u) => u.name),
      ['Admin BPKAD Lahat', 'andi Pratama', 'Bayu', 'cahya', 'Dewi Lestari', 'Petugas BPKAD (demo)'],
      'every page, by name',
    );
    const { user, oneTimePassword } = await asAdmin.users.create({ email: 'eka@lahat.test', name: 'Eka', role: 'opd_staff' });
    assert.match(oneTimePassword, ONE_TIME);
    const promote = await asAdmin.users.update(user.id, { role: 'opd_admin' }).catch((error: unknown) => error);
    assert.ok(promote instanceof ApiError && promote.status === 403 && promote.code === 'forbidden', 'making an OPD admin is the regency admin’s');
    assert.equal((await asAdmin.users.update(user.id, { name: 'Eka Putri' })).name, 'Eka Putri');
    assert.equal((await asAdmin.users.resetPassword(user.id)).user.mustChangePassword, true);
    const taken = await asAdmin.users.create({ email: 'eka@lahat.test', name: 'Eka', role: 'opd_staff' }).catch((error: unknown) => error);
    assert.ok(taken instanceof ApiError && taken.status === 409 && taken.fieldErrors.some((e) => e.path === 'email'));
    const forbidden = await asAdmin.users.listAll().firstPage().catch((error: unknown) => error);
    assert.ok(forbidden instanceof ApiError && forbidden.status === 403 && forbidden.code === 'forbidden');

    const asRegency = buildClient({ baseUrl: api.server.url, token: await api.server.tokenFor(), retries: 0 }, { users });
    assert.equal((await asRegency.users.updateAny(user.id, { role: 'opd_admin' })).role, 'opd_admin');
    const all = await asRegency.users.listAll({ opd: 'bpkad', role: 'opd_admin' }).toArray();
    assert.deepEqual(all.map((u) => u.email).sort(), ['admin.bpkad@lahat.test', 'eka@lahat.test']);
    const made = await asRegency.users.createAny({ email: 'fajar@lahat.test', name: 'Fajar', role: 'opd_staff', opd: 'dinas-pupr' });
    assert.equal((await asRegency.users.updateAny(made.user.id, { disabled: true })).disabled, true);
  });

  it('names who did each change in the audit log, with the OPD and never a password', async () => {
    const entries = await api.server.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'actor_email', 'actor_id', 'subject', 'opd_slug', 'detail'])
      .where('action', 'like', 'user.%')
      .orderBy('id')
      .execute();
    const of = (action: string, subject: string) => entries.filter((e) => e.action === action && e.subject === `user:${subject}`);
    const [created] = of('user.create', staffId);
    assert.deepEqual(
      [created?.actor, created?.actor_email, created?.actor_id, created?.opd_slug],
      ['Admin BPKAD', 'admin.bpkad@lahat.test', bpkadAdmin.id, 'bpkad'],
    );
    const [disabled] = of('user.update', staffId).filter((e) => JSON.stringify(e.detail).includes('"disabled":true'));
    assert.equal(disabled?.actor_email, 'admin.bpkad@lahat.test');
    assert.equal(of('user.password-reset', staffId)[0]?.actor_email, 'admin.bpkad@lahat.test');
    const [adminMadeEntry] = of('user.create', bpkadAdmin.id);
    assert.deepEqual([adminMadeEntry?.actor, adminMadeEntry?.actor_email, adminMadeEntry?.opd_slug], ['Admin Diskominfo (demo)', 'admin@lahat.demo', 'bpkad']);
    assert.ok(entries.every((e) => !/password|[a-z2-9]{4}-[a-z2-9]{4}-/i.test(JSON.stringify(e.detail))), 'no password in any detail');
    // Refused writes changed nothing, so they wrote nothing.
    const puprId = await userIdOf('pupr@lahat.demo');
    assert.equal(entries.filter((e) => e.subject === `user:${puprId}`).length, 0);
  });

  it('keeps one active regency admin when two disable each other at once', async (t) => {
    const second = await adminMade({ email: 'kedua@lahat.test', name: 'Admin Kedua', role: 'regency_admin' });
    const adminId = await userIdOf('admin@lahat.demo');
    // Budi (promoted above) is a regency admin too: take him out first, so two remain.
    const budiId = await userIdOf('budi@lahat.test');
    assert.equal((await api.staff(`/api/v1/users/${budiId}`, jsonInit('PATCH', { disabled: true }))).status, 200);

    const both = () =>
      Promise.all([
        api.staff(`/api/v1/users/${second.id}`, jsonInit('PATCH', { disabled: true })),
        bearer(second.token, `/api/v1/users/${adminId}`, jsonInit('PATCH', { disabled: true })),
      ]);
    let answers: Promise<[Response, Response]>;
    if (api.store === 'postgres') {
      // Both get past sign-in and wait on the regency admins' rows, held here, then race for them.
      await api.server.db.transaction().execute(async (trx) => {
        await trx.selectFrom('staff_users').select('id').where('role', '=', 'regency_admin').forUpdate().execute();
        answers = both();
        for (let waiting = 0, tries = 0; waiting < 2 && tries < 200; tries++) {
          await new Promise((resolve) => setTimeout(resolve, 25));
          const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
            where datname = current_database() and wait_event_type = 'Lock'`.execute(api.server.db);
          waiting = rows[0]?.n ?? 0;
        }
      });
    } else {
      // PGlite runs one transaction at a time.
      answers = both();
    }
    const [one, other] = await answers!;
    const statuses = [one.status, other.status].sort();
    assert.equal(statuses.filter((s) => s === 200).length, 1, `exactly one goes through: ${statuses.join(', ')}`);
    const refused = one.status === 200 ? other : one;
    t.diagnostic(`the two changes answered ${one.status} and ${other.status}`);
    // Refused by the rule (both got past sign-in: held so on PostgreSQL), or already signed out by the other change.
    assert.ok((api.store === 'postgres' ? [409] : [401, 409]).includes(refused.status), `the other answers ${refused.status}`);
    if (refused.status === 409) {
      const problem = await assertProblem(refused, 409, 'conflict', 'disabled');
      assert.match(problem.detail ?? '', /last active regency admin/);
    }
    const active = await api.server.db
      .selectFrom('staff_users')
      .select('email')
      .where('role', '=', 'regency_admin')
      .where('disabled_at', 'is', null)
      .execute();
    assert.equal(active.length, 1, 'one regency admin is left');
  });
});

describeApi('an OPD admin’s reach', { publicResponses: 3 }, (api) => {
  const { jsonInit, bearer, firstSignIn, adminMade } = accountKit(api);
  const FELLOW_ADMIN = /only a regency admin may change another OPD admin’s account/;
  const UNAVAILABLE = 'This e-mail address cannot be used for a new account; ask the regency admin.';

  let admin: { id: string; token: string };
  let fellow: { id: string; token: string };
  let staff: { id: string; token: string };
  const asAdmin = (path: string, init: RequestInit = {}) => bearer(admin.token, path, init);
  const row = (id: string) =>
    api.server.db
      .selectFrom('staff_users')
      .select(['name', 'role', 'disabled_at', 'disabled_by_role', 'must_change_password'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  /** The user.* entries about a user (sign-ins have entries of their own). */
  const entriesAbout = (id: string) =>
    api.server.db
      .selectFrom('audit_log')
      .select(['action', 'actor_email', 'detail'])
      .where('subject', '=', `user:${id}`)
      .where('action', 'like', 'user.%')
      .orderBy('id')
      .execute();

  it('sets the scene: the regency admin makes two BPKAD admins, one of them adds a staff member', async () => {
    admin = await adminMade({ email: 'sari.admin@bpkad.test', name: 'Sari (admin BPKAD)', role: 'opd_admin', opd: 'bpkad' });
    fellow = await adminMade({ email: 'tono.admin@bpkad.test', name: 'Tono (admin BPKAD)', role: 'opd_admin', opd: 'bpkad' });
    const added = await asAdmin('/api/v1/opds/bpkad/users', jsonInit('POST', { email: 'umar@bpkad.test', name: 'Umar', role: 'opd_staff' }));
    assert.equal(added.status, 201, await added.clone().text());
    const made = assertShape(userWithPassword, await added.json(), 'new user');
    staff = { id: made.user.id, token: await firstSignIn('umar@bpkad.test', made.oneTimePassword) };
  });

  it('keeps an OPD admin off a fellow OPD admin’s account: no password reset, no disabling, renaming or demotion', async () => {
    const reset = await assertProblem(await asAdmin(`/api/v1/opds/bpkad/users/${fellow.id}/password-reset`, { method: 'POST' }), 403, 'forbidden');
    assert.match(reset.detail ?? '', FELLOW_ADMIN);
    const changes = [{ disabled: true }, { name: 'Taken over' }, { role: 'opd_staff' }, { name: 'Taken over', disabled: true }, { name: 'Tono (admin BPKAD)' }];
    for (const change of changes) {
      const refused = await assertProblem(await asAdmin(`/api/v1/opds/bpkad/users/${fellow.id}`, jsonInit('PATCH', change)), 403, 'forbidden');
      assert.match(refused.detail ?? '', FELLOW_ADMIN, JSON.stringify(change));
    }
    assert.deepEqual(await row(fellow.id), {
      name: 'Tono (admin BPKAD)',
      role: 'opd_admin',
      disabled_at: null,
      disabled_by_role: null,
      must_change_password: false,
    });
    assert.equal((await bearer(fellow.token, '/api/v1/auth/me')).status, 200, 'the fellow admin is still signed in');
    assert.deepEqual((await entriesAbout(fellow.id)).map((e) => e.action), ['user.create'], 'refused, so nothing was written');
    // The other way round too: they are peers.
    await assertProblem(await bearer(fellow.token, `/api/v1/opds/bpkad/users/${admin.id}/password-reset`, { method: 'POST' }), 403, 'forbidden');

    // The regency admin keeps the power, on the OPD's paths as on /api/v1/users.
    const byRegency = await api.staff(`/api/v1/opds/bpkad/users/${fellow.id}`, jsonInit('PATCH', { name: 'Tono Wibowo' }));
    assert.equal(byRegency.status, 200);
    const regencyReset = await api.staff(`/api/v1/opds/bpkad/users/${fellow.id}/password-reset`, { method: 'POST' });
    assert.equal(regencyReset.status, 200);
    const { oneTimePassword } = assertShape(userWithPassword, await regencyReset.json(), 'reset');
    fellow = { id: fellow.id, token: await firstSignIn('tono.admin@bpkad.test', oneTimePassword) };
  });

  it('lets an OPD admin add OPD staff only: making an OPD admin, by adding or promoting, is the regency admin’s', async () => {
    const add = await assertProblem(
      await asAdmin('/api/v1/opds/bpkad/users', jsonInit('POST', { email: 'vina@bpkad.test', name: 'Vina', role: 'opd_admin' })),
      403,
      'forbidden',
    );
    assert.match(add.detail ?? '', /Only a regency admin may make an OPD admin/);
    assert.equal(await api.server.db.selectFrom('staff_users').select('id').where('email', '=', 'vina@bpkad.test').executeTakeFirst(), undefined);
    const promote = await assertProblem(await asAdmin(`/api/v1/opds/bpkad/users/${staff.id}`, jsonInit('PATCH', { role: 'opd_admin' })), 403, 'forbidden');
    assert.match(promote.detail ?? '', /Only a regency admin may make an OPD admin/);
    assert.equal((await row(staff.id)).role, 'opd_staff');

    const byRegency = await api.staff('/api/v1/opds/bpkad/users', jsonInit('POST', { email: 'vina@bpkad.test', name: 'Vina', role: 'opd_admin' }));
    assert.equal(byRegency.status, 201, 'a regency admin may, on the OPD’s path too');
  });

  it('keeps a user the regency admin disabled disabled until a regency admin enables them', async () => {
    const staffPath = `/api/v1/opds/bpkad/users/${staff.id}`;
    assert.equal((await api.staff(`/api/v1/users/${staff.id}`, jsonInit('PATCH', { disabled: true }))).status, 200);
    assert.equal((await row(staff.id)).disabled_by_role, 'regency_admin');
    const refused = await assertProblem(await asAdmin(staffPath, jsonInit('PATCH', { disabled: false })), 403, 'forbidden');
    assert.match(refused.detail ?? '', /disabled by a regency admin, so only a regency admin may enable/);
    assert.notEqual((await row(staff.id)).disabled_at, null, 'still disabled');
    assert.equal((await asAdmin(staffPath, jsonInit('PATCH', { name: 'Umar Said' }))).status, 200, 'still the OPD admin’s staff to rename');

    const enabled = await api.staff(`/api/v1/users/${staff.id}`, jsonInit('PATCH', { disabled: false }));
    assert.equal(assertShape(staffUser, await enabled.json(), 'user').disabled, false);
    assert.deepEqual([(await row(staff.id)).disabled_at, (await row(staff.id)).disabled_by_role], [null, null]);

    // The OPD admin's own disabling they may undo ...
    assert.equal((await asAdmin(staffPath, jsonInit('PATCH', { disabled: true }))).status, 200);
    assert.equal((await row(staff.id)).disabled_by_role, 'opd_admin');
    assert.equal((await asAdmin(staffPath, jsonInit('PATCH', { disabled: false }))).status, 200);
    // ... unless the regency admin disabled the user as well: then it is the regency's decision.
    assert.equal((await asAdmin(staffPath, jsonInit('PATCH', { disabled: true }))).status, 200);
    assert.equal((await api.staff(`/api/v1/users/${staff.id}`, jsonInit('PATCH', { disabled: true }))).status, 200);
    assert.equal((await row(staff.id)).disabled_by_role, 'regency_admin');
    await assertProblem(await asAdmin(staffPath, jsonInit('PATCH', { disabled: false })), 403, 'forbidden');
    const takenOver = (await entriesAbout(staff.id)).at(-1);
    assert.deepEqual([takenOver?.actor_email, takenOver?.detail], ['admin@lahat.demo', { disabledBy: { from: 'opd_admin', to: 'regency_admin' } }]);
    assert.equal((await api.staff(`/api/v1/opds/bpkad/users/${staff.id}`, jsonInit('PATCH', { disabled: false }))).status, 200, 'by a regency admin on the OPD’s path');

    // Disabled with nobody recorded (before migration 0006, or by an operator): the regency's to undo.
    await api.server.db.updateTable('staff_users').set({ disabled_at: api.clock.now(), disabled_by_role: null }).where('id', '=', staff.id).execute();
    await assertProblem(await asAdmin(staffPath, jsonInit('PATCH', { disabled: false })), 403, 'forbidden');
    assert.equal((await api.staff(`/api/v1/users/${staff.id}`, jsonInit('PATCH', { disabled: false }))).status, 200);
  });

  it('lets the OPD admin still manage their OPD’s staff: rename, reset, disable and enable', async () => {
    const staffPath = `/api/v1/opds/bpkad/users/${staff.id}`;
    const renamed = await asAdmin(staffPath, jsonInit('PATCH', { name: 'Umar Said Lubis', role: 'opd_staff' }));
    assert.equal(assertShape(staffUser, await renamed.json(), 'user').name, 'Umar Said Lubis');
    const reset = await asAdmin(`${staffPath}/password-reset`, { method: 'POST' });
    assert.equal(reset.status, 200);
    const { oneTimePassword } = assertShape(userWithPassword, await reset.json(), 'reset');
    staff = { id: staff.id, token: await firstSignIn('umar@bpkad.test', oneTimePassword) };
    assert.equal(assertShape(staffUser, await (await asAdmin(staffPath, jsonInit('PATCH', { disabled: true }))).json(), 'user').disabled, true);
    await assertProblem(await bearer(staff.token, '/api/v1/auth/me'), 401, 'unauthorized');
    assert.equal(assertShape(staffUser, await (await asAdmin(staffPath, jsonInit('PATCH', { disabled: false }))).json(), 'user').disabled, false);
    const actions = (await entriesAbout(staff.id)).filter((e) => e.actor_email === 'sari.admin@bpkad.test').map((e) => e.action);
    assert.ok(actions.includes('user.password-reset') && actions.includes('user.update'));
  });

  it('answers an OPD admin’s add of an address in use without saying where it is used', async () => {
    const answers: string[] = [];
    // Another OPD's user, a fellow admin of this OPD, a regency admin: one and the same answer.
    for (const email of ['pupr@lahat.demo', 'TONO.admin@bpkad.test', 'admin@lahat.demo']) {
      const response = await asAdmin('/api/v1/opds/bpkad/users', jsonInit('POST', { email, name: 'Someone', role: 'opd_staff' }));
      const text = await response.clone().text();
      const problem = await assertProblem(response, 409, 'conflict', 'email');
      assert.equal(problem.detail, UNAVAILABLE);
      for (const telling of [email.toLowerCase(), 'dinas-pupr', 'PUPR', 'Tono', 'regency_admin', 'Another']) {
        assert.ok(!text.includes(telling), `the answer for ${email} does not say ${telling}`);
      }
      answers.push(JSON.stringify({ ...problem, instance: undefined, requestId: undefined }));
    }
    assert.equal(new Set(answers).size, 1, 'the three answers are alike');
    // The regency admin, who lists every user anyway, is still told.
    const regency = await assertProblem(
      await api.staff('/api/v1/users', jsonInit('POST', { email: 'pupr@lahat.demo', name: 'Someone', role: 'opd_staff', opd: 'bpkad' })),
      409,
      'conflict',
      'email',
    );
    assert.match(regency.detail ?? '', /pupr@lahat\.demo/);
  });
});
