/**
 * The CORS allow-list per OPD (`server/src/http/cors.ts`), over real HTTP on both stores, per
 * route class: an OPD's website reads its own OPD's public routes and the routes about no one
 * OPD, not another OPD's; staff routes answer only the origins of `CORS_ORIGINS` (the console
 * served elsewhere); preflights answer the methods and headers of their path; an origin
 * nobody allowed gets no `Access-Control-Allow-Origin` at all.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sql } from 'kysely';
import { describeApi } from '../../helpers/api.js';
// SIAP's personal data, for the sweep over the answers seen here.
import '../../helpers/siap.js';

const BPKAD_SITE = 'https://bpkad.lahatkab.go.id';
const PUPR_SITE = 'https://pupr.lahatkab.go.id';
const DPRD_SITE = 'https://dprd.lahatkab.go.id';
const CONSOLE = 'https://konsol.lahatkab.go.id';
const STRANGER = 'https://bukan-opd.example';

describeApi('CORS per OPD and route class', { publicResponses: 5, settings: { corsOrigins: [CONSOLE] } }, (api) => {
  before(async () => {
    // Each OPD its own website (the demo gives every OPD the same two local ones).
    await sql`update opds set allowed_origins = ${JSON.stringify([BPKAD_SITE])}::jsonb where slug = 'bpkad'`.execute(api.server.db);
    await sql`update opds set allowed_origins = ${JSON.stringify([PUPR_SITE])}::jsonb where slug = 'dinas-pupr'`.execute(api.server.db);
    await sql`update opds set allowed_origins = ${JSON.stringify([DPRD_SITE])}::jsonb where slug = 'sekretariat-dprd'`.execute(api.server.db);
  });

  const allowOrigin = (response: Response) => response.headers.get('access-control-allow-origin');
  const from = (origin: string, path: string, init: RequestInit = {}) =>
    api.publicRequest(path, { ...init, headers: { Origin: origin, ...(init.headers ?? {}) } });
  /** A staff request: not a public answer, so not recorded for the personal-data sweep. */
  const staffFrom = async (origin: string, path: string) =>
    fetch(`${api.server.url}${path}`, { headers: { Origin: origin, Authorization: `Bearer ${await api.server.tokenFor()}` } });
  const preflight = (origin: string, path: string, method: string, headers = 'content-type') =>
    fetch(`${api.server.url}${path}`, {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
    });

  it("lets an OPD's website read its own OPD's routes and not another OPD's", async () => {
    const own = await from(PUPR_SITE, '/api/v1/opds/dinas-pupr/road-segments');
    assert.equal(own.status, 200);
    assert.equal(allowOrigin(own), PUPR_SITE);
    assert.match(own.headers.get('access-control-expose-headers') ?? '', /Retry-After.*RateLimit/);
    assert.match(own.headers.get('vary') ?? '', /Origin/);

    const other = await from(PUPR_SITE, '/api/v1/opds/sekretariat-dprd/events');
    assert.equal(other.status, 200, 'answered (the browser will not show it)');
    assert.equal(allowOrigin(other), null);
    assert.equal(allowOrigin(await from(DPRD_SITE, '/api/v1/opds/sekretariat-dprd/events')), DPRD_SITE);
    assert.equal(allowOrigin(await from(DPRD_SITE, '/api/v1/opds/dinas-pupr/road-segments')), null);
  });

  it("lets any OPD's website read the routes about no one OPD, the fast path's included", async () => {
    for (const path of ['/api/v1/opds', '/api/v1/opds/dinas-pupr', '/api/v1/innovations', '/api/v1/consultations/SIAP-DEM0-0001']) {
      const answer = await from(PUPR_SITE, path);
      assert.equal(allowOrigin(answer), PUPR_SITE, path);
    }
  });

  it('answers staff routes only to the console origins of CORS_ORIGINS, not to an OPD website', async () => {
    const path = '/api/v1/opds/bpkad/consultations';
    const fromSite = await staffFrom(BPKAD_SITE, path);
    assert.equal(fromSite.status, 200);
    assert.equal(allowOrigin(fromSite), null, "the OPD's own website does not read its staff routes");
    const fromConsole = await staffFrom(CONSOLE, path);
    assert.equal(allowOrigin(fromConsole), CONSOLE);
  });

  it('answers a preflight with the methods and headers that origin may use at that path', async () => {
    const path = '/api/v1/opds/bpkad/consultations';
    // POST is the citizen's question; GET at the same path is the staff list.
    const site = await preflight(BPKAD_SITE, path, 'POST', 'content-type, idempotency-key');
    assert.equal(site.status, 204);
    assert.equal(allowOrigin(site), BPKAD_SITE);
    assert.equal(site.headers.get('access-control-allow-methods'), 'POST, OPTIONS');
    assert.equal(site.headers.get('access-control-allow-headers'), 'Content-Type, Idempotency-Key, X-Request-Id');

    const staffList = await preflight(BPKAD_SITE, path, 'GET', 'authorization');
    assert.equal(allowOrigin(staffList), null, 'no preflight passes for a staff route from an OPD website');

    const console = await preflight(CONSOLE, path, 'GET', 'authorization');
    assert.equal(allowOrigin(console), CONSOLE);
    assert.deepEqual(console.headers.get('access-control-allow-methods')?.split(', ').sort(), ['GET', 'OPTIONS', 'POST']);
    assert.match(console.headers.get('access-control-allow-headers') ?? '', /Authorization/);

    // A signed-in console sends its token on a public read too (the compliance report, the OPD list).
    const publicRead = await preflight(CONSOLE, '/api/v1/services/compliance', 'GET', 'authorization');
    assert.equal(allowOrigin(publicRead), CONSOLE);
    assert.match(publicRead.headers.get('access-control-allow-headers') ?? '', /Authorization/);
    const publicFromSite = await preflight(BPKAD_SITE, '/api/v1/services/compliance', 'GET', 'authorization');
    assert.doesNotMatch(publicFromSite.headers.get('access-control-allow-headers') ?? '', /Authorization/, 'an OPD website sends no token');

    const patch = await preflight(CONSOLE, '/api/v1/opds/bpkad/answer-templates/1', 'PATCH', 'authorization, content-type');
    assert.deepEqual(patch.headers.get('access-control-allow-methods')?.split(', ').sort(), ['DELETE', 'OPTIONS', 'PATCH']);
  });

  it('gives an origin nobody allowed no Access-Control-Allow-Origin, on answers, errors and preflights', async () => {
    for (const path of ['/api/v1/opds', '/api/v1/opds/bpkad', '/api/v1/opds/dinas-pupr/road-segments', '/api/v1/innovations', '/api/v1/opds/tidak-ada/events']) {
      const answer = await from(STRANGER, path);
      assert.equal(allowOrigin(answer), null, path);
      assert.match(answer.headers.get('vary') ?? '', /Origin/, `${path}: a cache keeps answers apart per origin`);
    }
    const asked = await preflight(STRANGER, '/api/v1/opds/bpkad/consultations', 'POST');
    assert.equal(asked.status, 204);
    assert.equal(allowOrigin(asked), null);
    assert.equal(asked.headers.get('access-control-allow-methods'), null);
  });
});
