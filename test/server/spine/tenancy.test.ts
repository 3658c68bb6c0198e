/**
 * Tenancy, the spine's part every module stands on, over real HTTP on both stores: the
 * agencies (OPD) and the modules each has on, which websites may read an OPD's answers
 * (CORS, Vary), the module switch, and the demo seed that adds nothing the second time.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { opd as opdSchema, opdList } from '../../../src/schemas/index.js';
import { createApp } from '../../../server/src/app.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { seedDemo } from '../../../server/src/seed.js';
import { assertProblem, assertShape, assertSeededNothing, describeApi } from '../../helpers/api.js';
import { question, siapRequests } from '../../helpers/siap.js';

describeApi('tenancy', { publicResponses: 8 }, (api) => {
  const { ask, countConsultations } = siapRequests(api);

  it('lists every OPD with its modules, and shows one with its consultation categories', async () => {
    const list = assertShape(opdList, await (await api.publicRequest('/api/v1/opds')).json(), 'OPD list');
    assert.equal(list.nextCursor, null);
    const bpkad = list.data.find((o) => o.slug === 'bpkad');
    assert.deepEqual(bpkad?.modules, ['siap']);
    assert.deepEqual(list.data.find((o) => o.slug === 'dinas-pupr')?.modules, ['perjaka', 'siap']);

    const one = assertShape(opdSchema, await (await api.publicRequest('/api/v1/opds/bpkad')).json(), 'OPD');
    assert.ok(one.consultationCategories.some((c) => c.name === 'SP2D dan pencairan'));
  });

  it('answers 404 module-disabled for an OPD without SIAP and 404 not-found for an unknown OPD', async () => {
    await assertProblem(await ask(question(), {}, 'sekretariat-dprd'), 404, 'module-disabled');
    await assertProblem(await ask(question(), {}, 'dinas-tidak-ada'), 404, 'not-found');
    await assertProblem(await api.publicRequest('/api/v1/opds/dinas-tidak-ada'), 404, 'not-found');
  });

  it('lets only the OPD’s own websites read its responses across origins (CORS)', async () => {
    const { server } = api;
    const allowed = 'http://localhost:8080';
    const stranger = 'https://phishing.example';
    const post = (origin: string) => ask(question(), { Origin: origin });

    const ok = await post(allowed);
    assert.equal(ok.status, 201);
    assert.equal(ok.headers.get('access-control-allow-origin'), allowed);
    assert.match(ok.headers.get('access-control-expose-headers') ?? '', /Idempotent-Replayed/);
    const denied = await api.publicRequest('/api/v1/opds/bpkad', { headers: { Origin: stranger } });
    assert.equal(denied.headers.get('access-control-allow-origin'), null);

    const preflight = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
      method: 'OPTIONS',
      headers: {
        Origin: allowed,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type, idempotency-key',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), allowed);
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
    // A citizen's page sends no token: staff calls come only from the origins of CORS_ORIGINS.
    assert.doesNotMatch(preflight.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const strangerPreflight = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
      method: 'OPTIONS',
      headers: { Origin: stranger, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(strangerPreflight.headers.get('access-control-allow-origin'), null);

    // An origin of another OPD only: allowed on routes not about one OPD, not on this OPD's routes.
    const otherSite = 'https://dinkes.lahatkab.go.id';
    await server.db
      .updateTable('opds')
      .set({ allowed_origins: JSON.stringify(['http://localhost:8080', otherSite]) })
      .where('slug', '=', 'dinas-kesehatan')
      .execute();
    const tracked = await api.publicRequest('/api/v1/consultations/SIAP-DEM0-0001', { headers: { Origin: otherSite } });
    assert.equal(tracked.headers.get('access-control-allow-origin'), otherSite);
    const bpkad = await api.publicRequest('/api/v1/opds/bpkad/consultations', {
      method: 'OPTIONS',
      headers: { Origin: otherSite, 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(bpkad.headers.get('access-control-allow-origin'), null);

    // CORS_ORIGINS adds an origin for every OPD.
    const portal = 'https://portal.lahatkab.go.id';
    const app = createApp({ db: server.db, settings: { ...server.settings, corsOrigins: [portal] } });
    const viaPortal = await app.request('/api/v1/opds/bpkad', { headers: { Origin: portal } });
    assert.equal(viaPortal.headers.get('access-control-allow-origin'), portal);
  });

  it('marks even same-origin answers as varying by Origin, so a cached copy never breaks an embedding site', async () => {
    const sameOrigin = await api.publicRequest('/api/v1/opds/bpkad');
    assert.equal(sameOrigin.status, 200);
    assert.match(sameOrigin.headers.get('cache-control') ?? '', /max-age/);
    assert.match(sameOrigin.headers.get('vary') ?? '', /Origin/);
  });

  it('adds nothing when the demo seed runs again', async () => {
    const { server } = api;
    const count = await countConsultations();
    assertSeededNothing(await seedDemo(server.db, serverModules, api.clock.now()), serverModules);
    assert.equal(await countConsultations(), count);
    const demo = await server.db.selectFrom('opds').select(['slug', 'is_demo']).execute();
    assert.ok(demo.length >= 8 && demo.every((o) => o.is_demo));
  });
});
