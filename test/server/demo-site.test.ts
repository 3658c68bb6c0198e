/**
 * SERVE_DEMO: the demo OPD website (`examples/`) at `/` and the CDN build at `/cdn/`,
 * next to the API, without exposing anything else of the repository.
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
  it('serves the example pages and the CDN file only when SERVE_DEMO is on', async () => {
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

  it('never serves files outside the demo folders', async () => {
    const app = createApp({ db, settings: { ...loadSettings({}), serveDemo: true } });
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/cdn/..%2f..%2fpackage.json', '/..%5cpackage.json']) {
      const response = await app.request(path);
      assert.equal(response.status, 404, path);
      assert.doesNotMatch(await response.text(), /"workspaces"/, path);
    }
  });
});
