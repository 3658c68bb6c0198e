/**
 * Security headers on every answer (`server/src/http/security-headers.ts`), over real HTTP on
 * Node's server (so the fast path answers what it answers): every operation of the OpenAPI
 * document (signed in and not: answers and problems), every file of the demo site, the console,
 * the API and SDK references, the widgets' CDN files (and their 304s), media and Open311; and
 * `Strict-Transport-Security` only when a trusted proxy says the request came over HTTPS.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createApp, type OpdApp } from '../../../server/src/app.js';
import type { Settings } from '../../../server/src/settings.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** What each class of answer must carry (besides nosniff, which every one must). */
const EXPECTED = {
  api: { 'referrer-policy': 'no-referrer', 'cross-origin-resource-policy': 'same-site', 'x-frame-options': null },
  cdn: { 'referrer-policy': 'strict-origin-when-cross-origin', 'cross-origin-resource-policy': 'cross-origin', 'access-control-allow-origin': '*' },
  media: { 'referrer-policy': 'no-referrer', 'cross-origin-resource-policy': 'cross-origin' },
  demo: { 'referrer-policy': 'strict-origin-when-cross-origin', 'cross-origin-resource-policy': 'same-origin', 'x-frame-options': 'SAMEORIGIN' },
  page: { 'referrer-policy': 'strict-origin-when-cross-origin', 'cross-origin-resource-policy': 'same-origin', 'x-frame-options': 'DENY' },
} as const;

describe('security headers on every answer', () => {
  let test: TestServer;
  let folder: string;
  const apps: Array<{ app: OpdApp; server: Server }> = [];
  let base: string;
  let proxied: string;
  let token: string;
  const checked = new Map<string, number>();

  const serve = async (settings: Partial<Settings>): Promise<string> => {
    const app = createApp({
      db: test.db,
      settings: { ...test.settings, serveDemo: true, ...settings },
      folders: { cdn: join(folder, 'cdn'), demo: EXAMPLES, reference: join(folder, 'reference') },
      directoryFreshForMs: 0,
    });
    const server = createServer(app.nodeListener);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apps.push({ app, server });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  before(async () => {
    test = await startTestServer();
    token = test.staffToken;
    folder = await mkdtemp(join(tmpdir(), 'opd-kit-headers-'));
    await mkdir(join(folder, 'cdn', 'staff'), { recursive: true });
    await mkdir(join(folder, 'reference'), { recursive: true });
    await writeFile(join(folder, 'cdn', 'opd-kit.js'), 'export const loader = 1;\n');
    await writeFile(join(folder, 'cdn', 'shared-AbCd1234.js'), 'export const shared = 1;\n');
    await writeFile(join(folder, 'cdn', 'staff', 'console.js'), 'export const console = 1;\n');
    await writeFile(join(folder, 'reference', 'index.html'), '<!doctype html><title>SDK</title><script>document.documentElement.dataset.theme = "os";</script>\n');
    base = await serve({});
    proxied = await serve({ trustProxy: true });
  });
  after(async () => {
    for (const { app, server } of apps) {
      await new Promise((resolve) => server.close(resolve));
      await app.close();
    }
    await test?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  /** Asserts the class's headers on an answer of `what`. */
  const expectClass = async (response: Response, kind: keyof typeof EXPECTED, what: string) => {
    await response.arrayBuffer();
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', `${what}: nosniff`);
    for (const [name, value] of Object.entries(EXPECTED[kind])) assert.equal(response.headers.get(name), value, `${what}: ${name}`);
    assert.equal(response.headers.get('strict-transport-security'), null, `${what}: no HSTS over plain HTTP`);
    checked.set(kind, (checked.get(kind) ?? 0) + 1);
  };

  it('puts the API headers on every operation of the OpenAPI document, answers and problems alike', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    let operations = 0;
    const statuses = new Set<number>();
    for (const [template, operationsAt] of Object.entries(doc.paths)) {
      const path = template.replace(/\{opd\}/g, 'bpkad').replace(/\{[^}]+\}/g, 'x1');
      const kind = template.startsWith('/media/') ? 'media' : 'api';
      for (const method of Object.keys(operationsAt).map((name) => name.toUpperCase())) {
        if (!['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) continue;
        operations++;
        // Without a sign-in (a 401 for staff routes, a 4xx for a bad body), and for reads signed in too.
        const bare = await fetch(`${base}${path}`, { method, headers: { 'Content-Type': 'application/json' }, ...(method === 'GET' ? {} : { body: '{}' }) });
        statuses.add(bare.status);
        await expectClass(bare, kind, `${method} ${template}`);
        if (method === 'GET') {
          const signedIn = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
          statuses.add(signedIn.status);
          await expectClass(signedIn, kind, `GET ${template} signed in`);
        }
      }
    }
    assert.ok(operations >= 100, `${operations} operations`);
    for (const status of [200, 401, 404, 422]) assert.ok(statuses.has(status), `answers with ${status} among them: ${[...statuses].sort()}`);
    for (const path of ['/openapi.json', '/healthz', '/api/v1/nothing-here', '/open311/v2/services.json', '/open311/v2/discovery.xml']) {
      await expectClass(await fetch(`${base}${path}`), 'api', path);
    }
  });

  it('keeps them on the fast path and on 304s, the same as the long way', async () => {
    for (const path of ['/api/v1/opds', '/api/v1/opds/bpkad']) {
      const first = await fetch(`${base}${path}`);
      const etag = first.headers.get('etag') ?? '';
      await expectClass(first, 'api', path);
      const again = await fetch(`${base}${path}`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      await expectClass(again, 'api', `${path} 304`);
    }
  });

  it('lets every OPD site load the CDN files, 304s included', async () => {
    for (const file of ['opd-kit.js', 'shared-AbCd1234.js', 'staff/console.js']) {
      // The second is answered from memory by the fast path.
      for (let i = 0; i < 2; i++) await expectClass(await fetch(`${base}/cdn/${file}`), 'cdn', `/cdn/${file}`);
      const etag = (await fetch(`${base}/cdn/${file}`)).headers.get('etag') ?? '';
      const again = await fetch(`${base}/cdn/${file}`, { headers: { 'If-None-Match': etag } });
      assert.equal(again.status, 304);
      await expectClass(again, 'cdn', `/cdn/${file} 304`);
    }
    await expectClass(await fetch(`${base}/media/road-photos/nothing.jpg`), 'media', 'a missing photo');
  });

  it('keeps the console and the references out of frames, under a CSP of their own', async () => {
    const consolePage = await fetch(`${base}/console`);
    assert.equal(consolePage.status, 200);
    const consolePolicy = consolePage.headers.get('content-security-policy') ?? '';
    await expectClass(consolePage, 'page', '/console');
    assert.match(consolePolicy, /frame-ancestors 'none'/);
    assert.match(consolePolicy, /script-src 'self';/, 'no inline script in the console');
    assert.match(consolePolicy, /object-src 'none'/);

    const docs = await fetch(`${base}/docs`);
    assert.equal(docs.status, 200);
    const docsPolicy = docs.headers.get('content-security-policy') ?? '';
    await expectClass(docs, 'page', '/docs');
    assert.match(docsPolicy, /^default-src 'none'; style-src 'self';/, 'no script at all on the API reference');
    assert.match(docsPolicy, /frame-ancestors 'none'/);
    await expectClass(await fetch(`${base}/docs/docs.css`), 'page', '/docs/docs.css');

    const reference = await fetch(`${base}/docs/reference/index.html`);
    assert.equal(reference.status, 200);
    assert.match(reference.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    await expectClass(reference, 'page', '/docs/reference/');
  });

  it('lets the demo site frame only itself, for every file it has', async () => {
    const files = (await readdir(EXAMPLES, { withFileTypes: true })).filter((entry) => entry.isFile() && entry.name !== 'console.html');
    assert.ok(files.length >= 5, `${files.length} files`);
    for (const file of files) {
      const answer = await fetch(`${base}/${file.name}`);
      assert.equal(answer.status, 200, file.name);
      assert.equal(answer.headers.get('content-security-policy'), "frame-ancestors 'self'", file.name);
      await expectClass(answer, 'demo', `/${file.name}`);
    }
    await expectClass(await fetch(`${base}/`), 'demo', '/');
  });

  it('says Strict-Transport-Security only when a trusted proxy forwarded HTTPS', async () => {
    const https = { 'X-Forwarded-Proto': 'https' };
    for (const path of ['/api/v1/opds', '/api/v1/opds/bpkad', '/api/v1/innovations', '/cdn/opd-kit.js', '/console', '/api/v1/nothing-here']) {
      const over = await fetch(`${proxied}${path}`, { headers: https });
      assert.equal(over.headers.get('strict-transport-security'), 'max-age=31536000', `${path} over HTTPS`);
      assert.equal((await fetch(`${proxied}${path}`, { headers: { 'X-Forwarded-Proto': 'http' } })).headers.get('strict-transport-security'), null, `${path} over HTTP`);
      assert.equal((await fetch(`${base}${path}`, { headers: https })).headers.get('strict-transport-security'), null, `${path}: the header of an untrusted client`);
    }
  });

  after(() => {
    // Every class was seen (a class with no answer checked would be a test that cannot fail).
    for (const kind of Object.keys(EXPECTED)) assert.ok((checked.get(kind) ?? 0) > 0, `${kind} answers checked`);
  });
});
