/**
 * The widgets' files as a returning visitor's browser sees them: the loader every OPD page
 * names is revalidated (a new release reaches citizens at once), the hash-named chunks it
 * imports are kept for good (a second visit asks for nothing).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Hono } from 'hono';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApp, type AppEnv } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/schema.js';
import { loadSettings } from '../../server/src/settings.js';

describe('caching of the CDN files', () => {
  let cdn: string;
  let app: Hono<AppEnv>;

  before(async () => {
    cdn = await mkdtemp(join(tmpdir(), 'opd-kit-cdn-'));
    await writeFile(join(cdn, 'opd-kit.js'), 'export {};\n');
    await writeFile(join(cdn, 'shared-1VKu5038.js'), 'export const lit = 1;\n');
    // Static files never touch the database: a pool that is never connected is enough.
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 1 }) }) });
    app = createApp({ db, settings: { ...loadSettings({}), serveDemo: false }, folders: { cdn } });
  });

  after(() => rm(cdn, { recursive: true, force: true }));

  it('has the loader revalidated on every visit, cross-origin', async () => {
    const response = await app.request('/cdn/opd-kit.js', { headers: { Origin: 'https://bpkad.example.go.id' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-cache');
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const again = await app.request('/cdn/opd-kit.js', { headers: { 'If-None-Match': response.headers.get('etag') ?? '' } });
    assert.equal(again.status, 304);
  });

  it('lets browsers keep a hash-named chunk for a year without asking', async () => {
    const response = await app.request('/cdn/shared-1VKu5038.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await response.text(), 'export const lit = 1;\n');
  });
});
