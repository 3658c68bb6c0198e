/**
 * Nothing personal is kept in a shared cache: every GET of every module, asked as a citizen
 * and as the regency admin, answers `Cache-Control: no-store` unless it is one of the answers
 * that are the same for everyone, which may be kept (`public`) and carry a strong ETag.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { pathParameterNames } from '../../../src/schemas/index.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { describeApi } from '../../helpers/api.js';
import '../../helpers/siap.js';

/** The answers that are the same for every visitor, and so may be kept by browsers and caches. */
const SHARED = new Set(['GET /api/v1/opds', 'GET /api/v1/opds/{opd}']);

/** A value for each path parameter that names something the demo seed has. */
const DEMO_VALUES: Record<string, string> = {
  opd: 'bpkad',
  trackingCode: 'SIAP-DEM0-0001',
  date: '2025-12-25',
};

describeApi('caching', { publicResponses: 2 }, (api) => {
  it('answers no-store to every GET but the ones that are the same for everyone, public or signed in', async (t) => {
    let checked = 0;
    for (const module of serverModules) {
      for (const route of module.routes ?? []) {
        const { endpoint } = route;
        if (endpoint.method !== 'GET') continue;
        const names = pathParameterNames(endpoint.path);
        if (names.some((name) => !(name in DEMO_VALUES))) continue;
        const path = names.reduce((filled, name) => filled.replace(`{${name}}`, DEMO_VALUES[name] ?? ''), endpoint.path);
        const id = `${endpoint.method} ${endpoint.path}`;
        const response = endpoint.access === 'public' ? await api.publicRequest(path) : await api.staff(path);
        await response.arrayBuffer();
        if (response.status !== 200) continue;
        checked++;
        const cacheControl = response.headers.get('cache-control') ?? '';
        if (SHARED.has(id)) {
          assert.match(cacheControl, /^public, max-age=\d+$/, `${id}: ${cacheControl}`);
          assert.match(response.headers.get('etag') ?? '', /^"[^"]+"$/, `${id}: a strong ETag`);
        } else {
          assert.equal(cacheControl, 'no-store', `${id} (${endpoint.access}) may hold someone's data: ${cacheControl || 'no Cache-Control'}`);
        }
      }
    }
    t.diagnostic(`${checked} GET endpoints answered 200 and were checked`);
    assert.ok(checked >= 12, `only ${checked} GET endpoints checked`);
  });
});
