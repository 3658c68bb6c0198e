/**
 * Rate limits per route class (`server/src/http/rate-limit.ts`), over real HTTP on both stores:
 * public reads (on the fast path and the long way alike), staff per account, sign-in, uploads,
 * each with `Retry-After` and the `RateLimit-Policy`/`RateLimit` pair; 0 turns a class off.
 * Each test serves an app of its own on the suite's database with a stopped clock (half-way
 * through a minute) and sends from an address of its own through `TRUST_PROXY`.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, it } from 'node:test';
import { createApp, type OpdApp } from '../../../server/src/app.js';
import type { Settings } from '../../../server/src/settings.js';
import { SUITE_START, assertProblem, describeApi } from '../../helpers/api.js';
// SIAP's personal data, for the sweep over the answers seen here.
import '../../helpers/siap.js';

/** An address no other test uses. */
let lastOctet = 0;
const freshAddress = () => `198.51.100.${(++lastOctet % 250) + 1}`;

describeApi('rate limits per route class', { publicResponses: 1 }, (api) => {
  const running: Array<{ app: OpdApp; server: Server }> = [];
  after(async () => {
    for (const { app, server } of running) {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    }
  });

  /** An app on the suite's database with these limits, served on Node's server (the fast path included); its base URL. */
  const serve = async (limits: Partial<Settings['rateLimits']>, more: Partial<Settings> = {}): Promise<string> => {
    const stopped = new Date(SUITE_START.getTime() + 30_000);
    const settings: Settings = {
      ...api.server.settings,
      trustProxy: true,
      rateLimits: { publicReads: 0, signIn: 0, staff: 0, uploads: 0, ...limits },
      ...more,
    };
    const app = createApp({ db: api.server.db, settings, now: () => stopped, directoryFreshForMs: 0 });
    const server = createServer(app.nodeListener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    running.push({ app, server });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  const get = (base: string, path: string, from: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${path}`, { headers: { 'X-Forwarded-For': from, ...headers } });

  it('limits public reads per address, the fast path and the long way counting together', async () => {
    const base = await serve({ publicReads: 3 });
    const from = freshAddress();
    // The directory reads are answered before the router; the catalogue goes the long way.
    const answers = [await get(base, '/api/v1/opds/bpkad', from), await get(base, '/api/v1/innovations', from), await get(base, '/api/v1/opds', from)];
    assert.deepEqual(answers.map((r) => r.status), [200, 200, 200]);
    assert.deepEqual(
      answers.map((r) => r.headers.get('ratelimit')),
      ['limit=3, remaining=2, reset=30', 'limit=3, remaining=1, reset=30', 'limit=3, remaining=0, reset=30'],
    );
    assert.equal(answers[0]?.headers.get('ratelimit-policy'), '3;w=60');

    for (const path of ['/api/v1/opds/bpkad', '/api/v1/innovations']) {
      const limited = await get(base, path, from);
      const body = await assertProblem(limited, 429, 'rate-limited');
      assert.equal(limited.headers.get('retry-after'), '30', 'the seconds left in the window');
      assert.equal(limited.headers.get('ratelimit'), 'limit=3, remaining=0, reset=30');
      assert.match(body.detail ?? '', /this address: at most 3 per minute/);
      api.seen.add(`429 on ${path}`, JSON.stringify(body));
    }
    assert.equal((await get(base, '/api/v1/opds/bpkad', freshAddress())).status, 200, 'another address is not limited');
  });

  it('counts an IPv6 client by its /64, so a new address per request does not get round it', async () => {
    const base = await serve({ publicReads: 2 });
    assert.equal((await get(base, '/api/v1/opds', '2001:db8:77:1::a')).status, 200);
    assert.equal((await get(base, '/api/v1/opds', '2001:db8:77:1:ffff::b')).status, 200);
    await assertProblem(await get(base, '/api/v1/opds', '2001:db8:77:1:0:0:0:c'), 429, 'rate-limited');
    assert.equal((await get(base, '/api/v1/opds', '2001:db8:77:2::a')).status, 200, 'the next /64 is another client');
  });

  it('limits each staff account on its own, whatever address it comes from', async () => {
    const base = await serve({ staff: 2 });
    const admin = { Authorization: `Bearer ${await api.server.tokenFor()}` };
    const bpkad = { Authorization: `Bearer ${await api.server.tokenFor('bpkad@lahat.demo')}` };
    const path = '/api/v1/opds/bpkad/consultations';
    assert.equal((await get(base, path, freshAddress(), admin)).status, 200);
    const second = await get(base, path, freshAddress(), admin);
    assert.equal(second.status, 200);
    assert.equal(second.headers.get('ratelimit'), 'limit=2, remaining=0, reset=30');
    const limited = await get(base, path, freshAddress(), admin);
    const body = await assertProblem(limited, 429, 'rate-limited');
    assert.match(body.detail ?? '', /this account: at most 2 per minute/);
    assert.equal(limited.headers.get('retry-after'), '30');
    assert.equal((await get(base, path, freshAddress(), bpkad)).status, 200, 'another account is not limited');
  });

  it('limits sign-ins per address apart from the public writes, before any password is checked', async () => {
    const base = await serve({ signIn: 2 });
    const from = freshAddress();
    const login = (password: string) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
        body: JSON.stringify({ email: 'bpkad@lahat.demo', password }),
      });
    assert.equal((await login('demo-password')).status, 200);
    await assertProblem(await login('wrong-password'), 401, 'login-failed');
    const limited = await login('demo-password');
    await assertProblem(limited, 429, 'rate-limited');
    assert.equal(limited.headers.get('ratelimit-policy'), '2;w=60');
  });

  it('limits uploads per account on top of the staff limit, showing the tighter', async () => {
    const base = await serve({ staff: 100, uploads: 1 });
    const admin = { Authorization: `Bearer ${await api.server.tokenFor()}` };
    const upload = () =>
      fetch(`${base}/api/v1/opds/dinas-pupr/road-imports/dry-run`, {
        method: 'POST',
        headers: { ...admin, 'Content-Type': 'text/csv', 'X-Forwarded-For': freshAddress() },
        body: 'not,a,road,list\n',
      });
    const first = await upload();
    assert.ok(first.status < 500, `the first upload is answered (${first.status})`);
    assert.equal(first.headers.get('ratelimit'), 'limit=1, remaining=0, reset=30', 'the upload limit, not the staff one');
    const limited = await upload();
    const body = await assertProblem(limited, 429, 'rate-limited');
    assert.match(body.detail ?? '', /this account: at most 1 per minute/);
  });

  it('does not limit a class set to 0, and says nothing about it', async () => {
    const base = await serve({ publicReads: 0 });
    const from = freshAddress();
    for (let i = 0; i < 5; i++) {
      const answer = await get(base, '/api/v1/opds/bpkad', from);
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('ratelimit'), null);
    }
  });
});
