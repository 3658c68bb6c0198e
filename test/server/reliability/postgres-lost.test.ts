/**
 * PostgreSQL going away mid-run: the machine's PostgreSQL is shared, so a small TCP proxy
 * (node:net) stands between `main.ts` and it, and the test cuts it (every open connection
 * destroyed, new ones refused). Every API request then answers 503 problem+json with
 * `Retry-After` within a second — not a 500, not a hang — `/healthz` says unhealthy, and no
 * write is acknowledged; when the proxy opens again the server answers as before without a
 * restart, and what it acknowledged before the cut is still there.
 */
import assert from 'node:assert/strict';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { freePort } from '../../helpers/local.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';
import { startMain, type MainProcess } from './main-process.js';
import { adminToken, Unacknowledged, WRITES, type Acknowledged } from './writes.js';

/** A TCP proxy to PostgreSQL that can be cut and opened again on the same port. */
class CuttableProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  constructor(readonly port: number, private readonly target: { host: string; port: number }) {}

  async open(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(this.port, '127.0.0.1', () => resolve());
    });
  }

  /** Destroys every connection and stops listening: new connections are refused. */
  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
    for (const socket of this.sockets) socket.destroy();
    await closed;
    this.server = undefined;
  }
}

/** The OPD directory: answered from memory (`http/fast-reads.ts`) while its copy is fresh, so it may stay 200. */
const DIRECTORY_READS = ['/api/v1/opds', '/api/v1/opds/bpkad'];

const MODULE_READS = [
  '/api/v1/opds/dinas-pupr/road-reports',
  '/api/v1/opds/sekretariat-dprd/events?from=2026-11-01&to=2027-02-01',
  '/api/v1/innovations',
  '/api/v1/opds/bappeda/csr/programs',
  '/api/v1/services',
  '/api/v1/opds/dpmptsp/services/izin-usaha-nib',
];

describe('PostgreSQL lost mid-run', () => {
  let database: TestDatabase;
  let proxy: CuttableProxy;
  let server: MainProcess;
  let token = '';
  const before503: Acknowledged[] = [];

  before(async () => {
    database = await createTestDatabase('opdkit_lost');
    const target = new URL(database.url);
    proxy = new CuttableProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
    await proxy.open();
    const viaProxy = new URL(database.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    server = await startMain({ env: { DATABASE_URL: viaProxy.toString() } });
    token = await adminToken(server.url);
  });
  after(async () => {
    await server?.kill();
    await proxy?.cut().catch(() => {});
    await database?.drop();
  });

  const timed = async (path: string, init: RequestInit = {}) => {
    const started = performance.now();
    const response = await fetch(`${server.url}${path}`, { ...init, signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => {
      throw new Error(`${path}: ${String(error)}; the server's output:\n${server.output.join('').slice(-3000)}`);
    });
    const text = await response.text();
    return { response, text, ms: performance.now() - started };
  };

  it('answers every module before the cut, and acknowledges a write of each', async () => {
    for (const path of [...DIRECTORY_READS, ...MODULE_READS]) assert.equal((await timed(path)).response.status, 200, path);
    for (const [n, write] of WRITES.entries()) before503.push((await write.run({ base: server.url, token, n }))!);
  });

  it('answers 503 problem+json with Retry-After within a second while PostgreSQL is away, and acknowledges nothing', async (t) => {
    await proxy.cut();
    const latencies: number[] = [];
    const health = await timed('/healthz');
    assert.equal(health.response.status, 503);
    latencies.push(health.ms);

    for (const path of [...MODULE_READS, `/api/v1/opds/bpkad/consultations?limit=5`]) {
      const { response, text, ms } = await timed(path, { headers: { Authorization: `Bearer ${token}` } });
      latencies.push(ms);
      assert.equal(response.status, 503, `${path}: ${text}`);
      assert.equal(response.headers.get('content-type'), 'application/problem+json', path);
      assert.match(response.headers.get('retry-after') ?? '', /^\d+$/, path);
      assert.equal(JSON.parse(text).status, 503);
    }
    // The directory needs no database while its copy is fresh: an answer from memory, or the same 503.
    let fromMemory = 0;
    for (const path of DIRECTORY_READS) {
      const { response, ms } = await timed(path);
      latencies.push(ms);
      assert.ok(response.status === 200 || response.status === 503, `${path}: ${response.status}`);
      if (response.status === 200) fromMemory++;
    }
    t.diagnostic(`OPD directory reads answered from memory while PostgreSQL is away: ${fromMemory} of ${DIRECTORY_READS.length}`);
    let acknowledged = 0;
    for (const [n, write] of WRITES.entries()) {
      const started = performance.now();
      try {
        await write.run({ base: server.url, token, n: 1000 + n });
        acknowledged++;
      } catch (error) {
        assert.ok(error instanceof Unacknowledged, String(error));
        assert.equal(error.status, 503, `${write.module} ${write.write}: ${error.body}`);
      }
      latencies.push(performance.now() - started);
    }
    assert.equal(acknowledged, 0, 'no write is acknowledged while the database is away');
    const slowest = Math.max(...latencies);
    t.diagnostic(`503 while PostgreSQL is away: ${latencies.length} requests, median ${Math.round(latencies.sort((a, b) => a - b)[latencies.length >> 1]!)} ms, slowest ${Math.round(slowest)} ms`);
    assert.ok(slowest < 1000, `every answer within a second (slowest ${Math.round(slowest)} ms)`);
  });

  it('recovers without a restart when PostgreSQL is back, with every acknowledged write there', async (t) => {
    await proxy.open();
    const started = performance.now();
    let status = 0;
    while (status !== 200 && performance.now() - started < 15_000) {
      status = (await timed('/healthz')).response.status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(status, 200, '/healthz is healthy again');
    t.diagnostic(`healthy again ${Math.round(performance.now() - started)} ms after the proxy opened`);
    assert.equal(server.child.exitCode, null, 'the same process');
    for (const path of MODULE_READS) assert.equal((await timed(path)).response.status, 200, path);
    for (const ack of before503) assert.ok(await ack.check(server.url, token), `${ack.module} ${ack.write} ${ack.id} is still there`);
    for (const [n, write] of WRITES.entries()) assert.ok(await write.run({ base: server.url, token, n: 2000 + n }), `${write.module} ${write.write} after recovery`);
  });
});
