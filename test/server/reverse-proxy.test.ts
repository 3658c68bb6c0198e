/**
 * The guide's nginx configuration (deploy/nginx/opd-kit.conf) in front of a real server, as
 * docs/production.md promises it behaves: HTTP redirected to HTTPS, HTTP/2, the API's JSON
 * gzipped by nginx while what the server compressed itself passes untouched (one
 * `Content-Encoding`, the same bytes) with its ETag answered 304, rate limits counted
 * per citizen with `TRUST_PROXY` however `X-Forwarded-For` is forged, an oversize upload refused
 * by the server's own problem+json, and nginx's request id in the server's answer.
 *
 * Skipped, with a message, where nginx or openssl is not installed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect as http2Connect } from 'node:http2';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { runningClock } from '../helpers/api.js';
import { freePort } from '../helpers/local.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const CONF = fileURLToPath(new URL('../../deploy/nginx/opd-kit.conf', import.meta.url));
const NAME = 'layanan.lahatkab.go.id';
const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const missing = !has('nginx', ['-v']) ? 'nginx' : !has('openssl', ['version']) ? 'openssl' : undefined;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** One request over TLS to nginx (its certificate is a throw-away self-signed one). */
function viaProxy(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      { host: '127.0.0.1', port, path, method: options.method ?? 'GET', servername: NAME, rejectUnauthorized: false, headers: { Host: NAME, ...options.headers } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(options.body);
  });
}

/** The body as the browser would read it: decoded by its `Content-Encoding`. */
function decoded(answer: Answer): string {
  const encoding = answer.headers['content-encoding'];
  if (encoding === 'gzip') return gunzipSync(answer.body).toString();
  if (encoding === 'br') return brotliDecompressSync(answer.body).toString();
  assert.equal(encoding, undefined, 'one encoding at most');
  return answer.body.toString();
}

describe('the guide’s nginx in front of the server', { skip: missing ? `${missing} is not installed here (apt install nginx openssl to run the reverse proxy checks)` : false }, () => {
  let server: TestServer;
  let nginx: ChildProcess | undefined;
  let tls = 0;
  let plain = 0;
  const dir = mkdtempSync(join(tmpdir(), 'opd-kit-nginx-'));
  const clock = runningClock(new Date());
  // nginx's workers (not root) keep large request bodies in a temp folder under it.
  chmodSync(dir, 0o755);

  before(async () => {
    // Behind the proxy as the guide sets it up: TRUST_PROXY, PUBLIC_URL, a low write limit to see it count.
    server = await startTestServer({ now: clock.now, settings: { trustProxy: true, publicUrl: `https://${NAME}`, rateLimitPerMinute: 2 } });
    [tls, plain] = [await freePort(), await freePort()];
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${NAME}`, '-keyout', join(dir, 'privkey.pem'), '-out', join(dir, 'fullchain.pem')], { encoding: 'utf8' });
    assert.equal(made.status, 0, made.stderr);
    const upstream = new URL(server.url).port;
    // The guide's file as it is, on this test's ports and certificate, with the one instance as upstream.
    const site = readFileSync(CONF, 'utf8')
      .replaceAll(`/etc/letsencrypt/live/${NAME}/`, `${dir}/`)
      .replaceAll('/var/www/letsencrypt', join(dir, 'www'))
      .replace(/^\s*listen \[::\]:\d+.*$/gm, '')
      .replace(/listen 80;/, `listen 127.0.0.1:${plain};`)
      .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${tls} ssl http2;`)
      .replace(/^\s*server 127\.0\.0\.1:\d+ (.*);$/m, `    server 127.0.0.1:${upstream} $1;`)
      .replace(/^\s*server 127\.0\.0\.1:\d+ .*;$/gm, (line) => (line.includes(`:${upstream} `) ? line : ''));
    assert.ok(site.includes(`127.0.0.1:${tls} ssl http2`) && site.includes(`server 127.0.0.1:${upstream} `), 'the file has the lines this test rewrites');
    writeFileSync(join(dir, 'site.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => `${kind}_temp_path ${dir}/${kind};`).join('\n  ');
    writeFileSync(join(dir, 'nginx.conf'), `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\ndaemon off;\nevents {}\nhttp {\n  access_log off;\n  ${temp}\n  include ${dir}/site.conf;\n}\n`);
    nginx = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    nginx.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    for (let tries = 0; ; tries++) {
      const up = await viaProxy(tls, '/healthz').then((answer) => answer.status === 200, () => false);
      if (up) break;
      assert.ok(tries < 100 && nginx.exitCode === null, `nginx did not come up: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });

  after(async () => {
    if (nginx && nginx.exitCode === null) {
      const stopped = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGTERM');
      await stopped;
    }
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects HTTP to HTTPS and speaks HTTP/2', async () => {
    const redirect = await new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      httpRequest({ host: '127.0.0.1', port: plain, path: '/api/v1/opds', headers: { Host: NAME } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
      })
        .on('error', reject)
        .end();
    });
    assert.equal(redirect.status, 301);
    assert.equal(redirect.location, `https://${NAME}/api/v1/opds`);

    const session = http2Connect(`https://127.0.0.1:${tls}`, { servername: NAME, rejectUnauthorized: false });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const stream = session.request({ ':path': '/healthz', ':authority': NAME });
        stream.on('response', (headers) => resolve(Number(headers[':status'])));
        stream.on('error', reject);
        stream.resume();
      });
      assert.equal(status, 200);
    } finally {
      session.close();
    }
  });

  it('gzips the API’s JSON and passes on what the server compressed itself, compressed once', async () => {
    // The server's own answer to the request nginx forwards (its Host), uncompressed.
    const direct = (path: string) =>
      new Promise<string>((resolve, reject) => {
        httpRequest({ host: '127.0.0.1', port: new URL(server.url).port, path, headers: { Host: NAME, 'Accept-Encoding': 'identity' } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve(Buffer.concat(chunks).toString()));
        })
          .on('error', reject)
          .end();
      });

    // A list the server sends as it is: nginx compresses it.
    const plainJson = await viaProxy(tls, '/api/v1/innovations?limit=50', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(plainJson.status, 200);
    assert.equal(plainJson.headers['content-encoding'], 'gzip', 'nginx gzips the JSON');
    assert.match(String(plainJson.headers.vary), /Accept-Encoding/i);
    assert.equal(decoded(plainJson), await direct('/api/v1/innovations?limit=50'), 'the same JSON');

    // The directory, which the server keeps compressed: passed on as brotli, not gzipped again.
    const fromServer = await fetch(`${server.url}/api/v1/opds`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(fromServer.headers.get('Content-Encoding'), 'br', 'the server compresses this read itself');
    const passed = await viaProxy(tls, '/api/v1/opds', { headers: { 'Accept-Encoding': 'br, gzip' } });
    assert.equal(passed.status, 200);
    assert.equal(passed.headers['content-encoding'], 'br', 'one encoding, the server’s');
    assert.equal(decoded(passed), await direct('/api/v1/opds'));

    // Its ETag survives, and a client that has it gets a 304.
    const etag = passed.headers.etag;
    assert.ok(etag, 'an ETag through the proxy');
    assert.equal((await viaProxy(tls, '/api/v1/opds', { headers: { 'Accept-Encoding': 'br, gzip', 'If-None-Match': etag } })).status, 304);
  });

  it('counts rate limits per citizen, whatever X-Forwarded-For the citizen sends', async () => {
    const ask = (forged: string) =>
      viaProxy(tls, '/api/v1/opds/bpkad/consultations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forged },
        body: JSON.stringify({ name: 'Penguji Proksi', phone: '0812-0000-2222', category: 'aset-daerah', subject: 'Lewat proksi', message: 'Pertanyaan melalui nginx.', consent: true }),
      });
    const answers = [await ask('203.0.113.1'), await ask('203.0.113.2'), await ask('203.0.113.3')];
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [201, 201, 429],
      'two a minute from this machine, forged addresses or not',
    );
    assert.equal(answers[2]!.headers['content-type'], 'application/problem+json');
    assert.ok(answers[2]!.headers['retry-after']);
  });

  it('lets the server refuse an oversize upload with its own problem, and passes on nginx’s request id', async () => {
    clock.advance(61_000); // a fresh minute of the public write limit, which uploads count against too
    const photo = await viaProxy(tls, '/api/v1/opds/dinas-pupr/road-report-photos', {
      method: 'POST',
      headers: { 'Content-Type': 'image/jpeg' },
      body: Buffer.alloc(5 * 1024 * 1024 + 1, 0xff),
    });
    assert.equal(photo.status, 413);
    assert.equal(photo.headers['content-type'], 'application/problem+json', 'the server’s answer, not nginx’s HTML page');
    assert.match(decoded(photo), /at most 5 MB/);
    assert.match(String(photo.headers['x-request-id']), /^[0-9a-f]{32}$/, 'nginx’s $request_id');
    const problem = JSON.parse(decoded(photo)) as { requestId: string };
    assert.equal(problem.requestId, photo.headers['x-request-id'], 'the same id in the error document');
  });
});
