/**
 * What two instances on one PostgreSQL share, seen through the proxy in front of them (issue
 * 22, scale-out): an `Idempotency-Key` sent to A and B at the same moment stores one question
 * and answers both with its receipt (one 201, one replay), and a staff change made through A
 * (an OPD's name, a module switched off and on, a service standard published) shows on B's
 * public reads within a second, with a new ETag.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { startCluster, type Cluster } from '../../helpers/instances.js';
import { signIn } from '../../helpers/server.js';
import { testService } from '../modules/services-fixtures.js';

/** How soon a change made on one instance must show on the other. */
const VISIBLE_WITHIN_MS = 1000;

const question = (subject: string) => ({
  name: 'Penguji Skala (demo)',
  email: 'skala@example.com',
  category: 'aset-daerah',
  subject,
  message: 'Pertanyaan ini dikirim ke dua server sekaligus dengan kunci yang sama.',
  consent: true,
});

/** A client address of its own per test (the proxy passes `X-Forwarded-For` on, TRUST_PROXY is on). */
const from = (address: string) => ({ 'X-Forwarded-For': address });

/**
 * Polls `read` on an instance until `seen` holds for its answer; answers how long after
 * `since` the first such answer came. Fails after five seconds.
 */
async function visibleAfter(since: number, read: () => Promise<Response>, seen: (response: Response, body: string) => boolean): Promise<number> {
  for (;;) {
    const response = await read();
    const body = await response.text();
    if (seen(response, body)) return performance.now() - since;
    if (performance.now() - since > 5000) assert.fail(`not visible after 5 s: ${response.status} ${body.slice(0, 300)}`);
    await sleep(20);
  }
}

describe('two instances behind a proxy on one PostgreSQL: shared idempotency and caches', { timeout: 300_000 }, () => {
  let cluster: Cluster;
  let a: string;
  let b: string;
  let token: string;
  before(async () => {
    cluster = await startCluster({ instances: 2, start: 'one-first', proxy: { forwardedFor: 'pass' } });
    [a, b] = cluster.instances.map((instance) => instance.url) as [string, string];
    ({ token } = await signIn(a, 'admin@lahat.demo'));
  });
  after(() => cluster?.close());

  it('one Idempotency-Key sent to A and B at once stores one question and answers both with its receipt', async (t) => {
    const client = new pg.Client({ connectionString: cluster.database.url });
    await client.connect();
    t.after(() => client.end());
    for (let pair = 0; pair < 8; pair++) {
      const key = randomUUID();
      const subject = `Kunci bersama ${pair} ${key.slice(0, 8)}`;
      const send = () =>
        fetch(`${cluster.proxy.url}/api/v1/opds/bpkad/consultations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key, ...from(`10.22.1.${pair + 1}`) },
          body: JSON.stringify(question(subject)),
        });
      // Round robin: one to each instance, at the same moment.
      const answers = await Promise.all([send(), send()]);
      assert.deepEqual(answers.map((answer) => answer.headers.get('x-upstream')).sort(), ['0', '1'], 'one went to A, one to B');
      const bodies = await Promise.all(answers.map((answer) => answer.text()));
      for (const [index, answer] of answers.entries()) assert.equal(answer.status, 201, `answer ${index}: ${bodies[index]}`);
      assert.equal(bodies[0], bodies[1], 'the same receipt');
      const replays = answers.filter((answer) => answer.headers.get('idempotent-replayed') === 'true').length;
      assert.equal(replays, 1, 'one stored, one replayed');
      const stored = await client.query<{ n: number }>('select count(*)::int as n from consultations where subject = $1', [subject]);
      assert.equal(stored.rows[0]?.n, 1, 'one question stored');
      const keys = await client.query<{ n: number }>('select count(*)::int as n from idempotency_keys where key = $1', [key]);
      assert.equal(keys.rows[0]?.n, 1, 'one key record');
    }
  });

  it('the same public answer carries the same ETag on A and B, so revalidating at either answers 304', async () => {
    const viaProxy = (path: string, headers: Record<string, string> = {}) => fetch(`${cluster.proxy.url}${path}`, { headers: { ...headers, ...from('10.22.5.1') } });
    for (const path of ['/api/v1/opds', '/api/v1/opds/bpkad', '/api/v1/opds/sekretariat-dprd/events.ics']) {
      // Round robin: one from each instance.
      const answers = [await viaProxy(path), await viaProxy(path)];
      assert.notEqual(answers[0]!.headers.get('x-upstream'), answers[1]!.headers.get('x-upstream'), `${path}: from A and from B`);
      assert.deepEqual(answers.map((answer) => answer.status), [200, 200], path);
      const [bodyOne, bodyTwo] = await Promise.all(answers.map((answer) => answer.text()));
      assert.equal(bodyOne, bodyTwo, `${path}: the same body`);
      const tag = answers[0]!.headers.get('etag');
      assert.ok(tag, `${path} has an ETag`);
      assert.equal(answers[1]!.headers.get('etag'), tag, `${path}: the same ETag on both`);
      // A browser that got its copy from one instance revalidates at either.
      const again = [await viaProxy(path, { 'If-None-Match': tag }), await viaProxy(path, { 'If-None-Match': tag })];
      assert.deepEqual(again.map((answer) => answer.status), [304, 304], `${path}: 304 at A and at B for the tag`);
    }
  });

  it('links in public answers point at the address citizens use (the forwarded one), not at the instance behind the proxy', async () => {
    const forwarded = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'layanan.lahatkab.go.id', ...from('10.22.6.1') };
    // A CSR programme whose spending has evidence files (their addresses are links).
    const programs = (await (await fetch(`${b}/api/v1/opds/bappeda/csr/programs?limit=100`, { headers: forwarded })).json()) as { data: Array<{ id: number }> };
    let withEvidence = '';
    for (const { id } of programs.data) {
      const path = `/api/v1/opds/bappeda/csr/programs/${id}`;
      if ((await (await fetch(`${b}${path}`, { headers: forwarded })).text()).includes('/media/')) {
        withEvidence = path;
        break;
      }
    }
    assert.ok(withEvidence, 'a demo programme has evidence files');
    for (const path of ['/api/v1/opds/sekretariat-dprd/events.ics', '/api/v1/opds/sekretariat-dprd/events', '/api/v1/innovations?limit=100', withEvidence]) {
      for (let turn = 0; turn < 2; turn++) {
        const response = await fetch(`${cluster.proxy.url}${path}`, { headers: forwarded });
        const body = await response.text();
        assert.equal(response.status, 200, `${path}: ${body.slice(0, 200)}`);
        assert.ok(body.includes('https://layanan.lahatkab.go.id/'), `${path} (instance ${response.headers.get('x-upstream')}) links to https://layanan.lahatkab.go.id/`);
        assert.ok(!body.includes('127.0.0.1'), `${path} (instance ${response.headers.get('x-upstream')}) has no link to the instance itself`);
      }
    }
  });

  it('a staff session is shared: signed in through A it works on B, and signed out through A it is refused on B at once', async () => {
    const { token: session } = await signIn(a, 'bpkad@lahat.demo');
    const me = (base: string) => fetch(`${base}/api/v1/auth/me`, { headers: { Authorization: `Bearer ${session}` } });
    assert.equal((await me(b)).status, 200, 'B knows the session A made');
    const out = await fetch(`${a}/api/v1/auth/logout`, { method: 'POST', headers: { Authorization: `Bearer ${session}` } });
    assert.ok(out.status === 204 || out.status === 200, `signed out: ${out.status}`);
    assert.equal((await me(b)).status, 401, 'B refuses it at once');
  });

  it("an OPD renamed through A shows in B's public reads within a second, with a new ETag", async (t) => {
    const before = await fetch(`${b}/api/v1/opds/bpkad`, { headers: from('10.22.2.1') });
    const oldTag = before.headers.get('etag');
    const oldList = await fetch(`${b}/api/v1/opds`, { headers: from('10.22.2.1') });
    const oldListTag = oldList.headers.get('etag');
    assert.ok(oldTag && oldListTag, 'the reads carry ETags');
    await oldList.arrayBuffer();
    const name = `Badan Pengelolaan Keuangan dan Aset Daerah (uji skala ${Date.now()})`;

    const changed = await fetch(`${a}/api/v1/opds/bpkad`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name }),
    });
    const done = performance.now();
    assert.equal(changed.status, 200, await changed.text());

    const lag = await visibleAfter(done, () => fetch(`${b}/api/v1/opds/bpkad`, { headers: from('10.22.2.1') }), (_, body) => body.includes(name));
    t.diagnostic(`the new name on B ${Math.round(lag)} ms after A answered`);
    assert.ok(lag < VISIBLE_WITHIN_MS, `visible on B after ${Math.round(lag)} ms`);

    const after = await fetch(`${b}/api/v1/opds/bpkad`, { headers: from('10.22.2.1') });
    const newTag = after.headers.get('etag');
    assert.equal(((await after.json()) as { name: string }).name, name);
    assert.ok(newTag && newTag !== oldTag, `a new ETag (${oldTag} → ${newTag})`);
    const stale = await fetch(`${b}/api/v1/opds/bpkad`, { headers: { 'If-None-Match': oldTag, ...from('10.22.2.1') } });
    assert.equal(stale.status, 200, 'the old tag is not current any more');
    await stale.arrayBuffer();
    const fresh = await fetch(`${b}/api/v1/opds/bpkad`, { headers: { 'If-None-Match': newTag, ...from('10.22.2.1') } });
    assert.equal(fresh.status, 304, 'the new tag is');

    const list = await fetch(`${b}/api/v1/opds`, { headers: from('10.22.2.1') });
    assert.ok((await list.text()).includes(name), "the list on B has the new name");
    assert.notEqual(list.headers.get('etag'), oldListTag, 'the list has a new ETag');
  });

  it('a module switched off through A answers 404 module-disabled on B within a second, and is back when switched on', async (t) => {
    const opd = async () => (await (await fetch(`${b}/api/v1/opds/dpmptsp`, { headers: from('10.22.3.1') })).json()) as { modules: string[] };
    const modules = (await opd()).modules;
    assert.ok(modules.includes('layanan'), 'DPMPTSP has Layanan on');
    const services = () => fetch(`${b}/api/v1/opds/dpmptsp/services`, { headers: from('10.22.3.1') });
    assert.equal((await services()).status, 200);
    const tagOn = (await fetch(`${b}/api/v1/opds/dpmptsp`, { headers: from('10.22.3.1') })).headers.get('etag');

    const setModules = (list: string[]) =>
      fetch(`${a}/api/v1/opds/dpmptsp/modules`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ modules: list }),
      });
    const off = await setModules(modules.filter((module) => module !== 'layanan'));
    const offAt = performance.now();
    assert.equal(off.status, 200, await off.text());
    const offLag = await visibleAfter(offAt, services, (response, body) => response.status === 404 && body.includes('module-disabled'));
    t.diagnostic(`switched off: B answers 404 module-disabled ${Math.round(offLag)} ms after A answered`);
    assert.ok(offLag < VISIBLE_WITHIN_MS, `switched off on B after ${Math.round(offLag)} ms`);
    const offView = await fetch(`${b}/api/v1/opds/dpmptsp`, { headers: from('10.22.3.1') });
    assert.ok(!((await offView.clone().json()) as { modules: string[] }).modules.includes('layanan'), "B's OPD view lists it off");
    assert.notEqual(offView.headers.get('etag'), tagOn, 'a new ETag when off');

    const on = await setModules(modules);
    const onAt = performance.now();
    assert.equal(on.status, 200, await on.text());
    const onLag = await visibleAfter(onAt, services, (response) => response.status === 200);
    t.diagnostic(`switched on again: B answers 200 ${Math.round(onLag)} ms after A answered`);
    assert.ok(onLag < VISIBLE_WITHIN_MS, `switched on on B after ${Math.round(onLag)} ms`);
  });

  it("a service standard published through A is in B's directory within a second", async (t) => {
    const slug = `uji-skala-${Date.now().toString(36)}`;
    const read = () => fetch(`${b}/api/v1/opds/dpmptsp/services/${slug}`, { headers: from('10.22.4.1') });
    assert.equal((await read()).status, 404, 'not there before');
    const directoryBefore = await (await fetch(`${b}/api/v1/opds/dpmptsp/services`, { headers: from('10.22.4.1') })).text();
    assert.ok(!directoryBefore.includes(slug));

    const created = await fetch(`${a}/api/v1/opds/dpmptsp/services`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(testService(slug)),
    });
    const createdAt = performance.now();
    assert.equal(created.status, 201, await created.text());
    const lag = await visibleAfter(createdAt, read, (response) => response.status === 200);
    t.diagnostic(`the new standard on B ${Math.round(lag)} ms after A answered`);
    assert.ok(lag < VISIBLE_WITHIN_MS, `visible on B after ${Math.round(lag)} ms`);
    const directory = await (await fetch(`${b}/api/v1/services?opd=dpmptsp`, { headers: from('10.22.4.1') })).text();
    assert.ok(directory.includes(slug), "in B's directory across OPDs");
  });
});
