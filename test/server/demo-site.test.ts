/**
 * The demo OPD website (`examples/`, with SERVE_DEMO) at `/` and the CDN build at `/cdn/`
 * (always), next to the API, without exposing anything else of the repository. The files
 * served are a site of our own in a temp folder, laid out like the repository, so the test
 * writes nothing into it and depends on nothing examples/ or dist/ hold today.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApp, type StaticFolders } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/schema.js';
import { loadSettings } from '../../server/src/settings.js';

// Serving files never touches the database: a pool that is never connected is enough.
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });

describe('demo site', () => {
  /** `<root>/package.json` (never to be served), `<root>/examples/`, `<root>/dist/cdn/`. */
  let root: string;
  let folders: StaticFolders;

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'opd-kit-demo-site-'));
    folders = { demo: join(root, 'examples'), cdn: join(root, 'dist', 'cdn'), reference: join(root, 'docs', 'api') };
    await mkdir(join(folders.reference, 'documents'), { recursive: true });
    await writeFile(join(folders.reference, 'documents', 'widgets_opd-road-map.html'), '<!doctype html><title>&lt;opd-road-map&gt;</title>');
    await mkdir(join(folders.demo, 'probe'), { recursive: true });
    await mkdir(folders.cdn, { recursive: true });
    await writeFile(join(root, 'package.json'), '{ "name": "secret", "workspaces": [] }');
    await writeFile(join(folders.demo, 'probe', 'index.html'), '<!doctype html><title>probe</title>');
    await writeFile(join(folders.cdn, 'server-test-probe.js'), 'export const probe = 1;');
    await writeFile(join(folders.demo, 'console.html'), '<!doctype html><title>console</title><opd-console></opd-console>');
    await writeFile(join(folders.demo, 'site.css'), 'body { margin: 0 }');
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('serves the example pages only when SERVE_DEMO is on', async () => {
    const on = createApp({ db, settings: { ...loadSettings({}), serveDemo: true }, folders });
    const page = await on.request('/probe/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page.text(), /probe/);

    const off = createApp({ db, settings: { ...loadSettings({}), serveDemo: false }, folders });
    assert.equal((await off.request('/probe/')).status, 404);
  });

  it('serves the staff console at /console also in production, and no other site may frame it', async () => {
    const production = createApp({ db, settings: { ...loadSettings({}), serveDemo: false }, folders });
    const page = await production.request('/console');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<opd-console>/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self';/, 'no inline script runs in the console');
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal((await production.request('/site.css')).status, 200, 'the stylesheet it links');
    assert.equal((await production.request('/probe/')).status, 404, 'the demo pages stay off');
    assert.equal((await production.request('/console.html/../package.json')).status, 404);
  });

  it('serves the SDK and widget reference npm run docs built at /docs/reference/, also in production', async () => {
    const production = createApp({ db, settings: { ...loadSettings({}), serveDemo: false }, folders });
    const page = await production.request('/docs/reference/documents/widgets_opd-road-map.html');
    assert.equal(page.status, 200);
    assert.match(await page.text(), /opd-road-map/);
    assert.equal((await production.request('/docs/reference/../../package.json')).status, 404, 'nothing outside it');
  });

  it('lets any OPD website load the widgets file, also in production, and revalidates it with a 304', async () => {
    const production = createApp({ db, settings: { ...loadSettings({}), serveDemo: false }, folders });
    const script = await production.request('/cdn/server-test-probe.js', {
      headers: { Origin: 'https://bpkad.lahatkab.go.id' },
    });
    assert.equal(script.status, 200);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    assert.equal(script.headers.get('access-control-allow-origin'), '*');
    const etag = script.headers.get('etag');
    assert.ok(etag);
    const again = await production.request('/cdn/server-test-probe.js', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
  });

  it('never serves files outside the demo folders', async () => {
    // Our site, whose package.json is right above both folders, and the repository's own folders (read only).
    const apps = {
      'the temp site': createApp({ db, settings: { ...loadSettings({}), serveDemo: true }, folders }),
      'the repository': createApp({ db, settings: { ...loadSettings({}), serveDemo: true } }),
    };
    for (const [name, app] of Object.entries(apps)) {
      for (const path of ['/../package.json', '/%2e%2e/package.json', '/cdn/..%2f..%2fpackage.json', '/..%5cpackage.json']) {
        const response = await app.request(path);
        assert.equal(response.status, 404, `${name}: ${path}`);
        assert.doesNotMatch(await response.text(), /"workspaces"/, `${name}: ${path}`);
      }
    }
  });
});
