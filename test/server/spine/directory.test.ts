/**
 * The OPD directory every instance keeps in memory (`server/src/tenancy/directory.ts`), on
 * both stores, with the freshness it has in production: a change made on one instance, by
 * the admin CLI or in SQL shows on every instance within a second; the instance that made it
 * shows it at once; public reads carry strong ETags, answer 304 and come compressed.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import type { Hono } from 'hono';
import { createApp, type AppEnv } from '../../../server/src/app.js';
import { assertProblem, describeApi } from '../../helpers/api.js';
// SIAP's personal data, for the sweep over the public answers this suite sees.
import '../../helpers/siap.js';

/** Longest a change may take to show on another instance. */
const WITHIN_MS = 1_000;

describeApi('OPD directory', { publicResponses: 0 }, (api) => {
  /** Two more instances of the app on the suite's database, as behind a load balancer, at production freshness. */
  const instances = (): [Hono<AppEnv>, Hono<AppEnv>] => {
    const options = { db: api.server.db, settings: api.server.settings, now: api.clock.now };
    return [createApp(options), createApp(options)];
  };
  const modulesOf = async (app: Hono<AppEnv>, slug: string) =>
    ((await (await app.request(`/api/v1/opds/${slug}`)).json()) as { modules: string[] }).modules;

  /** Milliseconds until `check` holds on `app`, asking every 20 ms; fails past twice the bound. */
  async function shows(what: string, check: () => Promise<boolean>): Promise<number> {
    const began = performance.now();
    while (!(await check())) {
      assert.ok(performance.now() - began < 2 * WITHIN_MS, `${what}: not shown after ${2 * WITHIN_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return performance.now() - began;
  }

  it('shows a module switched off through one instance at once there, and within a second on another', async () => {
    const [first, second] = instances();
    assert.deepEqual(await modulesOf(first, 'bpkad'), ['siap']);
    assert.deepEqual(await modulesOf(second, 'bpkad'), ['siap']);
    const token = await api.server.tokenFor('admin@lahat.demo');
    const switchTo = (modules: string[]) =>
      first.request('/api/v1/opds/bpkad/modules', {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ modules }),
      });
    assert.equal((await switchTo([])).status, 200);
    try {
      // The instance that made the change: the very next request.
      assert.deepEqual(await modulesOf(first, 'bpkad'), []);
      await assertProblem(await first.request('/api/v1/opds/bpkad/consultations', { method: 'POST' }), 404, 'module-disabled');
      const took = await shows('the other instance', async () => (await modulesOf(second, 'bpkad')).length === 0);
      assert.ok(took <= WITHIN_MS + 200, `shown after ${Math.round(took)} ms`);
      await assertProblem(await second.request('/api/v1/opds/bpkad/consultations', { method: 'POST' }), 404, 'module-disabled');
    } finally {
      assert.equal((await switchTo(['siap'])).status, 200);
    }
    await shows('switched on again', async () => (await modulesOf(second, 'bpkad')).includes('siap'));
  });

  it('shows a category renamed in SQL (an operator, the admin CLI) on every instance within a second', async () => {
    const [first, second] = instances();
    const names = async (app: Hono<AppEnv>) =>
      ((await (await app.request('/api/v1/opds/bpkad')).json()) as { consultationCategories: Array<{ name: string }> }).consultationCategories.map(
        (category) => category.name,
      );
    assert.ok((await names(first)).includes('Aset daerah'));
    assert.ok((await names(second)).includes('Aset daerah'));
    const rename = (name: string) =>
      api.server.db.updateTable('consultation_categories').set({ name }).where('opd_slug', '=', 'bpkad').where('id', '=', 'aset-daerah').execute();
    await rename('Aset dan barang milik daerah');
    try {
      for (const [label, app] of [['first', first], ['second', second]] as const) {
        const took = await shows(label, async () => (await names(app)).includes('Aset dan barang milik daerah'));
        assert.ok(took <= WITHIN_MS + 200, `${label}: shown after ${Math.round(took)} ms`);
      }
    } finally {
      await rename('Aset daerah');
    }
  });

  it('answers 304 to a client that has the answer, and 200 with a new tag once it changed', async () => {
    const [app] = instances();
    const first = await app.request('/api/v1/opds/bpkad');
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^"[A-Za-z0-9_-]{20,}"$/, 'a strong tag');
    assert.equal(first.headers.get('cache-control'), 'public, max-age=60');
    const again = await app.request('/api/v1/opds/bpkad', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    assert.equal(again.headers.get('etag'), etag);

    await api.server.db.updateTable('opds').set({ name_en: 'Finance and Assets Agency' }).where('slug', '=', 'bpkad').execute();
    try {
      const changed = await shows('the new name', async () => (await app.request('/api/v1/opds/bpkad', { headers: { 'If-None-Match': etag } })).status === 200);
      assert.ok(changed <= WITHIN_MS + 200);
      const fresh = await app.request('/api/v1/opds/bpkad', { headers: { 'If-None-Match': etag } });
      assert.notEqual(fresh.headers.get('etag'), etag);
      assert.equal(((await fresh.json()) as { nameEn: string }).nameEn, 'Finance and Assets Agency');
    } finally {
      await api.server.db
        .updateTable('opds')
        .set({ name_en: 'Regional Finance and Asset Management Agency (BPKAD)' })
        .where('slug', '=', 'bpkad')
        .execute();
    }
  });

  it('sends the OPD list brotli-compressed to a browser that takes it, the same JSON as without', async () => {
    const plain = await api.publicRequest('/api/v1/opds');
    const text = await plain.text();
    const compressed = await fetch(`${api.server.url}/api/v1/opds`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(compressed.headers.get('content-encoding'), 'br');
    assert.match(compressed.headers.get('vary') ?? '', /Accept-Encoding/);
    assert.match(compressed.headers.get('vary') ?? '', /Origin/);
    // fetch decodes it: the same bytes as the plain answer.
    assert.equal(await compressed.text(), text);
    const raw = await api.server.app.request('/api/v1/opds', { headers: { 'Accept-Encoding': 'br' } });
    const bytes = Buffer.from(await raw.arrayBuffer());
    assert.ok(bytes.length < Buffer.byteLength(text) / 2, `brotli ${bytes.length} B of ${Buffer.byteLength(text)} B`);
    assert.equal(brotliDecompressSync(bytes).toString(), text);
  });

  it('lets a website added to an OPD’s allowed origins through CORS within a second, on every instance', async () => {
    const [, second] = instances();
    const site = 'https://bpkad-baru.lahatkab.go.id';
    const allowedOn = async (app: Hono<AppEnv>) =>
      (await app.request('/api/v1/opds/bpkad', { headers: { Origin: site } })).headers.get('access-control-allow-origin') === site;
    assert.equal(await allowedOn(second), false);
    const row = await api.server.db.selectFrom('opds').select('allowed_origins').where('slug', '=', 'bpkad').executeTakeFirstOrThrow();
    await api.server.db
      .updateTable('opds')
      .set({ allowed_origins: JSON.stringify([...row.allowed_origins, site]) })
      .where('slug', '=', 'bpkad')
      .execute();
    try {
      const took = await shows('the new origin', () => allowedOn(second));
      assert.ok(took <= WITHIN_MS + 200);
    } finally {
      await api.server.db.updateTable('opds').set({ allowed_origins: JSON.stringify(row.allowed_origins) }).where('slug', '=', 'bpkad').execute();
    }
  });
});
