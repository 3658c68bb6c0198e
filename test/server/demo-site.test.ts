/**
 * The demo OPD website (`examples/`, with SERVE_DEMO) at `/` and the CDN build at `/cdn/`
 * (always), next to the API, without exposing anything else of the repository.
 */
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApp } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/schema.js';
import { loadSettings } from '../../server/src/settings.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Serving files never touches the database: a pool that is never connected is enough.
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });

describe('demo site', () => {
  it('serves the example pages only when SERVE_DEMO is on', async () => {
    // A probe file of our own, so the test does not depend on what examples/ holds today.
    const probeDir = `${REPO_ROOT}examples/.server-test-probe`;
    await mkdir(probeDir, { recursive: true });
    await writeFile(`${probeDir}/index.html`, '<!doctype html><title>probe</title>');
    try {
      const on = createApp({ db, settings: { ...loadSettings({}), serveDemo: true } });
      const page = await on.request('/.server-test-probe/');
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await page.text(), /probe/);

      const off = createApp({ db, settings: { ...loadSettings({}), serveDemo: false } });
      assert.equal((await off.request('/.server-test-probe/')).status, 404);
    } finally {
      await rm(probeDir, { recursive: true, force: true });
    }
  });

  it('lets any OPD website load the widgets file, also in production, and revalidates it with a 304', async () => {
    const probeDir = `${REPO_ROOT}dist/cdn`;
    const probe = `${probeDir}/server-test-probe.js`;
    await mkdir(probeDir, { recursive: true });
    await writeFile(probe, 'export const probe = 1;');
    try {
      const production = createApp({ db, settings: { ...loadSettings({}), serveDemo: false } });
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
    } finally {
      await rm(probe, { force: true });
    }
  });

  it('never serves files outside the demo folders', async () => {
    const app = createApp({ db, settings: { ...loadSettings({}), serveDemo: true } });
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/cdn/..%2f..%2fpackage.json', '/..%5cpackage.json']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /"workspaces"/, path);
    }
  });
});
