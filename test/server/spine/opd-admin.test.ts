/**
 * Tenancy for admins, over real HTTP on both stores, as a rollout notices it: the regency admin
 * adds an OPD with its website and a form embedded there works at once (CORS, no restart, no
 * cache); switching SIAP off and on again shows at the next request; an OPD admin changes their
 * own OPD's names and websites but not its modules, nor another OPD; every write in the audit
 * log with the person; and the rollout board, to which each module adds its month's figures
 * through `ServerModule.overview`.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import { opd as opdSchema, opdSettings, regencyOverview, type OpdSettings, type RegencyOverview } from '../../../src/schemas/index.js';
import { buildClient } from '../../../src/client.js';
import { ApiError, ValidationError } from '../../../src/errors.js';
import { auth } from '../../../src/namespaces/auth.js';
import { opdsAdmin } from '../../../src/namespaces/opd-admin.js';
import { createApp } from '../../../server/src/app.js';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import type { OverviewWindow, ServerModule } from '../../../server/src/http/module.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';
import { question, siapRequests } from '../../helpers/siap.js';

/** The OPD admin of Dinas Kesehatan this suite adds (the demo has no OPD admin). */
const DINKES_ADMIN = 'admin.dinkes@lahat.test';
const BPKAD_STAFF = 'bpkad@lahat.demo';

/** The website of the OPD the regency admin adds. */
const PARIWISATA_SITE = 'https://disbudpar.lahatkab.go.id';

describeApi('OPD administration', { publicResponses: 6 }, (api) => {
  const { ask } = siapRequests(api);

  const send = (email: string, method: string, path: string, body?: unknown) =>
    api.as(email, path, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const asAdmin = (method: string, path: string, body?: unknown) => send('admin@lahat.demo', method, path, body);
  const settingsOf = async (response: Response, what: string): Promise<OpdSettings> => {
    assert.ok(response.status === 200 || response.status === 201, `${what}: ${response.status} ${await response.clone().text()}`);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    return assertShape(opdSettings, await response.json(), what);
  };
  const auditOf = (action: string, subject: string) =>
    api.server.db
      .selectFrom('audit_log')
      .select(['actor', 'actor_id', 'actor_email', 'opd_slug', 'detail'])
      .where('action', '=', action)
      .where('subject', '=', subject)
      .orderBy('id')
      .execute();

  it('adds an OPD whose website may embed the form at once', async () => {
    const created = await settingsOf(
      await asAdmin('POST', '/api/v1/opds', {
        slug: 'disbudpar',
        name: '  Dinas Kebudayaan dan Pariwisata  ',
        nameEn: 'Culture and Tourism Office',
        modules: ['siap'],
        allowedOrigins: ['HTTPS://DisBudPar.LahatKab.go.id:443'],
      }),
      'created',
    );
    assert.equal(created.name, 'Dinas Kebudayaan dan Pariwisata');
    assert.deepEqual(created.modules, ['siap']);
    assert.deepEqual(created.allowedOrigins, [PARIWISATA_SITE], 'stored as a browser sends Origin');

    // The new agency's categories: SIAP's, set by its admin (here the regency admin).
    const categories = await asAdmin('PUT', '/api/v1/opds/disbudpar/consultation-categories', {
      categories: [{ id: 'perizinan-wisata', name: 'Perizinan usaha wisata' }],
    });
    assert.equal(categories.status, 200);

    // A page on the OPD's website: the preflight, the OPD read and the question all pass CORS.
    const preflight = await fetch(`${api.server.url}/api/v1/opds/disbudpar/consultations`, {
      method: 'OPTIONS',
      headers: { Origin: PARIWISATA_SITE, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), PARIWISATA_SITE);
    const read = await api.publicRequest('/api/v1/opds/disbudpar', { headers: { Origin: PARIWISATA_SITE } });
    assert.equal(read.headers.get('access-control-allow-origin'), PARIWISATA_SITE);
    assert.deepEqual(assertShape(opdSchema, await read.json(), 'OPD').consultationCategories.map((c) => c.id), ['perizinan-wisata']);
    const asked = await ask(question({ category: 'perizinan-wisata' }), { Origin: PARIWISATA_SITE }, 'disbudpar');
    assert.equal(asked.status, 201);
    assert.equal(asked.headers.get('access-control-allow-origin'), PARIWISATA_SITE);
    // Another OPD's routes do not open to it.
    const elsewhere = await fetch(`${api.server.url}/api/v1/opds/bpkad/consultations`, {
      method: 'OPTIONS',
      headers: { Origin: PARIWISATA_SITE, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(elsewhere.headers.get('access-control-allow-origin'), null);

    const [entry, ...more] = await auditOf('opd.create', 'opd:disbudpar');
    assert.equal(more.length, 0);
    assert.equal(entry?.actor_email, 'admin@lahat.demo');
    assert.equal(entry?.opd_slug, 'disbudpar');
    assert.deepEqual(entry?.detail, { modules: ['siap'], allowedOrigins: [PARIWISATA_SITE] });
  });

  it('adds an OPD with no modules by default, and refuses a slug in use (409 naming slug) or a bad origin (422)', async () => {
    const bare = await settingsOf(await asAdmin('POST', '/api/v1/opds', { slug: 'dinas-perikanan', name: 'Dinas Perikanan' }), 'bare');
    assert.deepEqual(bare.modules, []);
    assert.deepEqual(bare.allowedOrigins, []);
    assert.equal(bare.nameEn, undefined);
    const listed = (await (await api.publicRequest('/api/v1/opds')).json()) as { data: Array<{ slug: string; modules: string[] }> };
    assert.deepEqual(listed.data.find((o) => o.slug === 'dinas-perikanan')?.modules, []);
    await assertProblem(await ask(question(), {}, 'dinas-perikanan'), 404, 'module-disabled');

    const taken = await assertProblem(await asAdmin('POST', '/api/v1/opds', { slug: 'bpkad', name: 'BPKAD kedua' }), 409, 'conflict', 'slug');
    assert.match(taken.detail ?? '', /bpkad/);
    await assertProblem(
      await asAdmin('POST', '/api/v1/opds', { slug: 'dinas-baru', name: 'Dinas Baru', allowedOrigins: ['https://dinas.example/path'] }),
      422,
      'validation',
      'allowedOrigins.0',
    );
    await assertProblem(await asAdmin('POST', '/api/v1/opds', { slug: 'Dinas Baru', name: 'Dinas Baru' }), 422, 'validation', 'slug');
    await assertProblem(await asAdmin('POST', '/api/v1/opds', { slug: 'dinas-baru', name: '  ' }), 422, 'validation', 'name');
    await assertProblem(await send(BPKAD_STAFF, 'POST', '/api/v1/opds', { slug: 'dinas-baru', name: 'Dinas Baru' }), 403, 'forbidden');
    const stored = await api.server.db.selectFrom('opds').select('slug').where('slug', '=', 'dinas-baru').executeTakeFirst();
    assert.equal(stored, undefined, 'nothing refused was stored');
  });

  it('switches SIAP off for an OPD, so its form answers 404 module-disabled at once, and on again', async () => {
    const off = await settingsOf(await asAdmin('PUT', '/api/v1/opds/dinas-pupr/modules', { modules: ['perjaka'] }), 'off');
    assert.deepEqual(off.modules, ['perjaka']);
    const refused = await assertProblem(await ask(question(), {}, 'dinas-pupr'), 404, 'module-disabled');
    assert.match(refused.detail ?? '', /siap/);
    await assertProblem(await api.as('pupr@lahat.demo', '/api/v1/opds/dinas-pupr/consultations'), 404, 'module-disabled');
    const read = assertShape(opdSchema, await (await api.publicRequest('/api/v1/opds/dinas-pupr')).json(), 'OPD');
    assert.deepEqual(read.modules, ['perjaka']);

    const on = await settingsOf(await asAdmin('PUT', '/api/v1/opds/dinas-pupr/modules', { modules: ['siap', 'perjaka', 'siap'] }), 'on');
    assert.deepEqual(on.modules, ['siap', 'perjaka'], 'each once, in the modules’ order');
    const asked = await ask(question({ category: 'lainnya' }), {}, 'dinas-pupr');
    assert.equal(asked.status, 201, await asked.clone().text());

    const audit = await auditOf('opd.modules', 'opd:dinas-pupr');
    assert.deepEqual(
      audit.map((a) => ({ by: a.actor_email, opd: a.opd_slug, on: a.detail.on, off: a.detail.off })),
      [
        { by: 'admin@lahat.demo', opd: 'dinas-pupr', on: [], off: ['siap'] },
        { by: 'admin@lahat.demo', opd: 'dinas-pupr', on: ['siap'], off: [] },
      ],
    );
    await assertProblem(await asAdmin('PUT', '/api/v1/opds/dinas-pupr/modules', { modules: ['siap', 'parkir'] }), 422, 'validation', 'modules.1');
    await assertProblem(await asAdmin('PUT', '/api/v1/opds/dinas-tidak-ada/modules', { modules: [] }), 404, 'not-found');
  });

  it('lets an OPD admin change their own OPD’s names and websites, but not its modules, nor another OPD', async () => {
    await addUser(
      api.server.db as unknown as Kysely<Database>,
      { email: DINKES_ADMIN, name: 'Admin Dinas Kesehatan', role: 'opd_admin', opd: 'dinas-kesehatan', password: DEMO_PASSWORD, mustChangePassword: false },
      api.clock.now(),
    );
    const site = 'https://dinkes.lahatkab.go.id';
    const before = await settingsOf(await api.as(DINKES_ADMIN, '/api/v1/opds/dinas-kesehatan/settings'), 'settings');
    assert.ok(before.allowedOrigins.includes('http://localhost:8080'));
    const beforeAsk = await fetch(`${api.server.url}/api/v1/opds/dinas-kesehatan/consultations`, {
      method: 'OPTIONS',
      headers: { Origin: site, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(beforeAsk.headers.get('access-control-allow-origin'), null, 'not yet allowed');

    const changed = await settingsOf(
      await send(DINKES_ADMIN, 'PATCH', '/api/v1/opds/dinas-kesehatan', { allowedOrigins: [site, 'http://localhost:8080', site], nameEn: '' }),
      'changed',
    );
    assert.deepEqual(changed.allowedOrigins, [site, 'http://localhost:8080'], 'each once');
    assert.equal(changed.nameEn, undefined, 'an empty nameEn removes it');
    assert.equal(changed.name, before.name);
    const afterAsk = await fetch(`${api.server.url}/api/v1/opds/dinas-kesehatan/consultations`, {
      method: 'OPTIONS',
      headers: { Origin: site, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(afterAsk.headers.get('access-control-allow-origin'), site, 'allowed from the next request on');

    const renamed = await settingsOf(await send(DINKES_ADMIN, 'PATCH', '/api/v1/opds/dinas-kesehatan', { name: 'Dinas Kesehatan Kabupaten Lahat' }), 'renamed');
    assert.equal(renamed.name, 'Dinas Kesehatan Kabupaten Lahat');
    assert.deepEqual(renamed.allowedOrigins, changed.allowedOrigins, 'a field left out stays');

    await assertProblem(await send(DINKES_ADMIN, 'PUT', '/api/v1/opds/dinas-kesehatan/modules', { modules: [] }), 403, 'forbidden');
    await assertProblem(await send(DINKES_ADMIN, 'PATCH', '/api/v1/opds/bpkad', { name: 'Bukan milik saya' }), 403, 'forbidden');
    await assertProblem(await send(DINKES_ADMIN, 'GET', '/api/v1/opds/bpkad/settings'), 403, 'forbidden');
    await assertProblem(await send(DINKES_ADMIN, 'GET', '/api/v1/overview'), 403, 'forbidden');
    await assertProblem(await send(BPKAD_STAFF, 'PATCH', '/api/v1/opds/bpkad', { name: 'Staf bukan admin' }), 403, 'forbidden');
    await assertProblem(await send(DINKES_ADMIN, 'PATCH', '/api/v1/opds/dinas-kesehatan', {}), 422, 'validation', 'name');
    await assertProblem(await send(DINKES_ADMIN, 'PATCH', '/api/v1/opds/dinas-kesehatan', { allowedOrigins: ['dinkes.lahatkab.go.id'] }), 422, 'validation', 'allowedOrigins.0');
    const modules = await settingsOf(await api.as(DINKES_ADMIN, '/api/v1/opds/dinas-kesehatan/settings'), 'after');
    assert.deepEqual(modules.modules, ['siap', 'layanan'], 'the modules are as they were');

    const audit = await auditOf('opd.update', 'opd:dinas-kesehatan');
    assert.equal(audit.length, 2);
    assert.ok(audit.every((a) => a.actor_email === DINKES_ADMIN && a.actor === 'Admin Dinas Kesehatan' && a.opd_slug === 'dinas-kesehatan'));
    assert.deepEqual(audit[0]?.detail.allowedOrigins, { from: before.allowedOrigins, to: changed.allowedOrigins });
    assert.deepEqual(Object.keys(audit[1]?.detail ?? {}), ['name'], 'only what changed');
  });

  it('shows every OPD on the rollout board with each module’s figures for the month, in the regency’s time zone', async () => {
    // SIAP's own figures are SIAP's to compute; this board gets them from a test module in its place.
    const windows: OverviewWindow[] = [];
    const siap = serverModules.find((module) => module.id === 'siap') as ServerModule;
    const counting: ServerModule = {
      ...siap,
      async overview(db, window) {
        windows.push(window);
        const rows = await (db as unknown as typeof api.server.db)
          .selectFrom('consultations')
          .select(['opd_slug', (eb) => eb.fn.countAll<string | number>().as('n')])
          .where('submitted_at', '>=', window.from)
          .where('submitted_at', '<', window.to)
          .where('opd_slug', 'in', window.opds.map((o) => o.slug))
          .groupBy('opd_slug')
          .execute();
        const received = new Map(rows.map((row) => [row.opd_slug, Number(row.n)]));
        return new Map(window.opds.map((o) => [o.slug, { consultations: { received: received.get(o.slug) ?? 0, withinServiceLevel: null, overdueNow: 0 } }]));
      },
    };
    const app = createApp({
      db: api.server.db,
      settings: api.server.settings,
      now: api.clock.now,
      modules: serverModules.map((module) => (module.id === 'siap' ? counting : module)),
    });
    const token = await api.server.tokenFor();
    const board = async (query = ''): Promise<RegencyOverview> => {
      const response = await app.request(`/api/v1/overview${query}`, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(response.headers.get('cache-control'), 'no-store');
      return assertShape(regencyOverview, await response.json(), 'overview');
    };

    const before = await board();
    assert.equal(before.month, '2025-03', 'this month in Asia/Jakarta');
    const window = windows.at(-1);
    assert.equal(window?.from.toISOString(), '2025-02-28T17:00:00.000Z', '1 March 00:00 WIB');
    assert.equal(window?.to.toISOString(), '2025-03-31T17:00:00.000Z', '1 April 00:00 WIB');
    assert.equal(window?.timeZone, 'Asia/Jakarta');
    assert.ok(window?.opds.every((o) => o.modules.includes('siap')), 'the module gets only the OPDs that have it on');

    const slugs = (await api.server.db.selectFrom('opds').select('slug').execute()).map((o) => o.slug);
    assert.deepEqual(new Set(before.opds.map((o) => o.slug)), new Set(slugs), 'every OPD, also one with no modules yet');
    const dprd = before.opds.find((o) => o.slug === 'sekretariat-dprd');
    assert.deepEqual(dprd, { slug: 'sekretariat-dprd', name: 'Sekretariat DPRD', modules: ['agenda'] }, 'no SIAP: no SIAP figures');
    assert.deepEqual(before.opds.find((o) => o.slug === 'dinas-perikanan')?.modules, []);

    const received = before.opds.find((o) => o.slug === 'bpkad')?.consultations?.received ?? 0;
    assert.equal((await ask(question())).status, 201);
    assert.equal((await board()).opds.find((o) => o.slug === 'bpkad')?.consultations?.received, received + 1);
    const february = await board('?month=2025-02');
    assert.equal(february.month, '2025-02');
    assert.equal(windows.at(-1)?.from.toISOString(), '2025-01-31T17:00:00.000Z');
    const december = await board('?month=2024-12');
    assert.equal(windows.at(-1)?.to.toISOString(), '2024-12-31T17:00:00.000Z', 'December ends at 1 January next year');
    assert.equal(december.opds.find((o) => o.slug === 'bpkad')?.consultations?.received, 0);

    for (const month of ['2025-13', '0000-01', '25-03', '2025-3']) {
      const response = await app.request(`/api/v1/overview?month=${month}`, { headers: { Authorization: `Bearer ${token}` } });
      await assertProblem(response, 400, 'validation', 'month');
    }

    // The real registry's board answers too, whether SIAP adds its figures yet or not.
    const real = await asAdmin('GET', '/api/v1/overview?month=2025-03');
    assert.equal(real.status, 200);
    assertShape(regencyOverview, await real.json(), 'the registry’s overview');
  });

  it('is in the SDK as client.opds, each call for the role its endpoint names', async () => {
    const admin = buildClient({ baseUrl: api.server.url, opd: 'rsud', retries: 0 }, { auth, opds: opdsAdmin });
    await admin.auth.login('admin@lahat.demo', DEMO_PASSWORD);
    const added = await admin.opds.create({ slug: 'dinas-sosial', name: 'Dinas Sosial', allowedOrigins: ['https://dinsos.lahatkab.go.id'] });
    assert.deepEqual(added.modules, []);
    assert.deepEqual((await admin.opds.setModules(['siap'], { opd: 'dinas-sosial' })).modules, ['siap']);
    assert.equal((await admin.opds.update({ nameEn: 'Social Affairs Office' }, { opd: 'dinas-sosial' })).nameEn, 'Social Affairs Office');
    assert.equal((await admin.opds.settings()).slug, 'rsud', 'the client’s OPD by default');
    const board = await admin.opds.overview('2025-03');
    assert.deepEqual(board.opds.find((o) => o.slug === 'dinas-sosial')?.modules, ['siap']);
    await assert.rejects(admin.opds.update({}), ValidationError, 'an empty change is checked before sending');
    await assert.rejects(
      admin.opds.create({ slug: 'dinas-sosial', name: 'Lagi' }),
      (error: unknown) => error instanceof ApiError && error.status === 409 && error.fieldErrors.some((e) => e.path === 'slug'),
    );

    const dinkes = buildClient({ baseUrl: api.server.url, opd: 'dinas-kesehatan', retries: 0 }, { auth, opds: opdsAdmin });
    await dinkes.auth.login(DINKES_ADMIN, DEMO_PASSWORD);
    assert.equal((await dinkes.opds.settings()).slug, 'dinas-kesehatan');
    await assert.rejects(dinkes.opds.setModules([]), (error: unknown) => error instanceof ApiError && error.status === 403);
    await assert.rejects(dinkes.opds.overview(), (error: unknown) => error instanceof ApiError && error.code === 'forbidden');
  });
});
