/**
 * The fast path of the hottest reads (`server/src/http/fast-reads.ts`) answers exactly what the
 * long way answers: for each read, request headers and method, two apps on one database — one
 * with the fast path, one without — give the same status, headers and bytes; and the fast path
 * did answer them (its debug lines say so), leaving unknown OPDs, query strings and files not
 * yet in memory to the long way. The same over Node's HTTP server, where the fast path writes
 * on Node's response itself (`http/node-listener.ts`).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { createApp, type OpdApp } from '../../../server/src/app.js';
import { createLogger } from '../../../server/src/log.js';
import { describeApi } from '../../helpers/api.js';
import '../../helpers/siap.js';

const LOADER = `export const loader = ${JSON.stringify('opd-consultation-form '.repeat(100))};\n`;

describeApi('fast reads', { publicResponses: 0 }, (api) => {
  let cdn: string;
  let fast: OpdApp;
  let slow: OpdApp;
  const fastLines: string[] = [];

  before(async () => {
    cdn = await mkdtemp(join(tmpdir(), 'opd-kit-fast-'));
    await writeFile(join(cdn, 'opd-kit.js'), LOADER);
    await writeFile(join(cdn, 'shared-AbCd1234.js'), 'export const shared = 1;\n');
    await writeFile(join(cdn, 'entries.json'), JSON.stringify(['opd-kit.js']));
    const options = { db: api.server.db, settings: api.server.settings, now: api.clock.now, folders: { cdn } };
    const log = createLogger('debug', (_level, line) => {
      if (line.includes('fast=true')) fastLines.push(line);
    });
    fast = createApp({ ...options, log });
    slow = createApp({ ...options, fastReads: false });
  });
  after(() => rm(cdn, { recursive: true, force: true }));

  /** Status, headers (but the date) and body bytes, comparable. */
  const seen = async (response: Response) => ({
    status: response.status,
    headers: Object.fromEntries([...response.headers].filter(([name]) => name !== 'date').sort()),
    body: Buffer.from(await response.arrayBuffer()).toString('base64'),
  });

  it('answers each hot read as the long way does, whatever the client sends', async () => {
    const site = 'http://localhost:8080';
    const paths = ['/api/v1/opds', '/api/v1/opds/bpkad', '/api/v1/opds/dinas-pupr', '/cdn/opd-kit.js', '/cdn/shared-AbCd1234.js'];
    // The folder reads a file the long way first; then it is in memory.
    for (const path of paths) await fast.request(path);
    const etags = new Map<string, string>();
    for (const path of paths) etags.set(path, (await slow.request(path, { headers: { 'Accept-Encoding': 'br' } })).headers.get('etag') ?? '');
    const variants: Array<Record<string, string>> = [
      {},
      { 'Accept-Encoding': 'gzip, deflate, br' },
      { 'Accept-Encoding': 'gzip' },
      { Origin: site },
      { Origin: 'https://phishing.example', 'Accept-Encoding': 'br' },
    ];
    fastLines.length = 0;
    let compared = 0;
    for (const path of paths) {
      for (const method of ['GET', 'HEAD']) {
        for (const variant of [...variants, { 'If-None-Match': etags.get(path) ?? '', 'Accept-Encoding': 'br' }]) {
          const headers = { ...variant, 'X-Request-Id': 'fast-read-compare-1' };
          const [a, b] = [await fast.request(path, { method, headers }), await slow.request(path, { method, headers })];
          assert.deepEqual(await seen(a), await seen(b), `${method} ${path} ${JSON.stringify(variant)}`);
          compared++;
        }
      }
    }
    assert.equal(fastLines.length, compared, 'every one of them answered by the fast path');
    // Over real HTTP too, for the sweep of what the public sees.
    assert.equal((await api.publicRequest('/api/v1/opds/bpkad')).status, 200);
    // What it compared holds what a page needs: CORS for the OPD's own site, a 304, brotli.
    const own = await fast.request('/api/v1/opds/bpkad', { headers: { Origin: site } });
    assert.equal(own.headers.get('access-control-allow-origin'), site);
    const revalidated = await fast.request('/api/v1/opds/bpkad', { headers: { 'If-None-Match': etags.get('/api/v1/opds/bpkad') ?? '' } });
    assert.equal(revalidated.status, 304);
  });

  it('leaves an unknown OPD, a query string and a file not yet in memory to the long way', async () => {
    fastLines.length = 0;
    const unknown = await fast.request('/api/v1/opds/dinas-tidak-ada');
    assert.equal(unknown.status, 404);
    assert.equal(((await unknown.json()) as { type: string }).type, '/problems/not-found');
    assert.equal((await fast.request('/api/v1/opds?limit=5')).status, 200);
    await writeFile(join(cdn, 'consultation-form-ZyXw9876.js'), 'export {};\n');
    assert.equal((await fast.request('/cdn/consultation-form-ZyXw9876.js')).status, 200);
    assert.equal((await fast.request('/cdn/nothing-here.js')).status, 404);
    assert.deepEqual(fastLines, []);
    // Once read, the new file is in memory: the fast path answers it.
    assert.equal((await fast.request('/cdn/consultation-form-ZyXw9876.js')).status, 200);
    assert.equal(fastLines.length, 1);
  });

  /** Status, headers (but the date and the connection's own) and body bytes of a request over real HTTP. */
  const overHttp = (server: Server, path: string, method: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      const sent = httpRequest({ host: '127.0.0.1', port, path, method, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const own = new Set(['date', 'connection', 'keep-alive']);
          const kept = Object.entries(response.headers).filter(([name]) => !own.has(name));
          resolve({
            status: response.statusCode ?? 0,
            headers: Object.fromEntries(kept.map(([name, value]) => [name, String(value)]).sort()),
            body: Buffer.concat(chunks).toString('base64'),
          });
        });
      });
      sent.on('error', reject);
      sent.end();
    });

  it("answers the same on Node's HTTP server, where it writes on Node's response itself", async () => {
    const listen = (app: OpdApp) =>
      new Promise<Server>((resolve) => {
        const server = createServer(app.nodeListener);
        server.listen(0, '127.0.0.1', () => resolve(server));
      });
    const [quick, long] = [await listen(fast), await listen(slow)];
    try {
      const paths = ['/api/v1/opds', '/api/v1/opds/bpkad', '/cdn/opd-kit.js', '/cdn/shared-AbCd1234.js'];
      for (const path of paths) await overHttp(quick, path, 'GET', {});
      const etag = (await overHttp(long, '/cdn/opd-kit.js', 'GET', { 'accept-encoding': 'br' })).headers.etag ?? '';
      fastLines.length = 0;
      let compared = 0;
      for (const path of paths) {
        for (const method of ['GET', 'HEAD']) {
          const variants: Array<Record<string, string>> = [{}, { 'accept-encoding': 'gzip, br' }, { origin: 'http://localhost:8080' }, { 'if-none-match': etag, 'accept-encoding': 'br' }];
          for (const variant of variants) {
            const headers = { ...variant, 'x-request-id': 'fast-read-compare-2' };
            assert.deepEqual(await overHttp(quick, path, method, headers), await overHttp(long, path, method, headers), `${method} ${path} ${JSON.stringify(variant)}`);
            compared++;
          }
        }
      }
      assert.equal(fastLines.length, compared, 'every one of them answered by the fast path');
      // A dot segment or a query string goes the long way, which answers it as a Web URL reads it.
      fastLines.length = 0;
      assert.equal((await overHttp(quick, '/cdn/../cdn/opd-kit.js', 'GET', {})).status, 200);
      assert.equal((await overHttp(quick, '/api/v1/opds?limit=1', 'GET', {})).status, 200);
      assert.equal((await overHttp(quick, '/api/v1/opds/dinas-tidak-ada', 'GET', {})).status, 404);
      assert.deepEqual(fastLines, []);
    } finally {
      await Promise.all([quick, long].map((server) => new Promise((resolve) => server.close(resolve))));
    }
  });
});
