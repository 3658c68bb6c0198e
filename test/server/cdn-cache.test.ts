/**
 * The widgets' files as a returning visitor's browser sees them: the loader every OPD page
 * names is revalidated (a new release reaches citizens at once), the hash-named chunks it
 * imports are kept for good (a second visit asks for nothing), and each is sent in the
 * brotli or gzip copy the build made, by what the browser accepts.
 */
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { Hono } from 'hono';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { createApp, type AppEnv } from '../../server/src/app.js';
import type { Database } from '../../server/src/db/schema.js';
import { loadSettings } from '../../server/src/settings.js';

const LOADER = `export const widgets = ${JSON.stringify('opd-consultation-form '.repeat(200))};\n`;

describe('caching of the CDN files', () => {
  let cdn: string;
  let app: Hono<AppEnv>;

  before(async () => {
    cdn = await mkdtemp(join(tmpdir(), 'opd-kit-cdn-'));
    await writeFile(join(cdn, 'opd-kit.js'), LOADER);
    // The build's copies: distinguishable from anything the server would make itself.
    await writeFile(join(cdn, 'opd-kit.js.br'), brotliCompressSync(Buffer.from(LOADER)));
    await writeFile(join(cdn, 'opd-kit.js.gz'), gzipSync(Buffer.from(LOADER), { level: 1 }));
    await writeFile(join(cdn, 'shared-1VKu5038.js'), 'export const lit = 1;\n');
    await mkdir(join(cdn, 'staff'));
    // An entry whose name looks hashed: the build's list says what it is.
    await writeFile(join(cdn, 'staff', 'calendar-timeline.js'), 'export {};\n');
    await writeFile(join(cdn, 'staff', 'console-audit-pHYf9TZK.js'), 'export {};\n');
    await writeFile(join(cdn, 'staff', 'entries.json'), JSON.stringify(['calendar-timeline.js']));
    await writeFile(join(cdn, 'staff', 'integrity.json'), JSON.stringify({ 'calendar-timeline.js': { file: 'calendar-timeline.0123456789.js', integrity: 'sha384-x' } }));
    await writeFile(join(cdn, 'staff', 'calendar-timeline.0123456789.js'), 'export {};\n');
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
    assert.equal(await again.text(), '');
  });

  it('lets browsers keep a hash-named chunk for a year without asking', async () => {
    const response = await app.request('/cdn/shared-1VKu5038.js');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.equal(await response.text(), 'export const lit = 1;\n');
  });

  it('tells entries from hashed chunks by the build’s list, not by how the name looks', async () => {
    const entry = await app.request('/cdn/staff/calendar-timeline.js');
    assert.equal(entry.headers.get('cache-control'), 'no-cache');
    const chunk = await app.request('/cdn/staff/console-audit-pHYf9TZK.js');
    assert.equal(chunk.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  });

  it('keeps a pinned release for good, and has the lists (entries, integrity) revalidated', async () => {
    const pinned = await app.request('/cdn/staff/calendar-timeline.0123456789.js');
    assert.equal(pinned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    for (const list of ['entries.json', 'integrity.json']) {
      const response = await app.request(`/cdn/staff/${list}`);
      assert.equal(response.status, 200, list);
      assert.equal(response.headers.get('cache-control'), 'no-cache', `${list} changes with every release`);
    }
  });

  it('sends the build’s brotli copy to a browser that takes it, gzip to one that takes only that, else the file', async () => {
    const br = await app.request('/cdn/opd-kit.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers.get('content-encoding'), 'br');
    assert.match(br.headers.get('vary') ?? '', /Accept-Encoding/);
    assert.equal(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString(), LOADER);

    const gzip = await app.request('/cdn/opd-kit.js', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gzip.headers.get('content-encoding'), 'gzip');
    const gzipped = Buffer.from(await gzip.arrayBuffer());
    assert.deepEqual(gzipped, gzipSync(Buffer.from(LOADER), { level: 1 }), 'the build’s own copy, not one made per request');
    assert.equal(gunzipSync(gzipped).toString(), LOADER);

    const refused = await app.request('/cdn/opd-kit.js', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    assert.equal(refused.headers.get('content-encoding'), null);
    assert.equal(await refused.text(), LOADER);

    // Each encoding is its own representation with its own tag; any of them revalidates.
    const tags = new Set([br, gzip, refused].map((response) => response.headers.get('etag')));
    assert.equal(tags.size, 3);
    const revalidated = await app.request('/cdn/opd-kit.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': refused.headers.get('etag') ?? '' },
    });
    assert.equal(revalidated.status, 304);
    assert.equal(revalidated.headers.get('etag'), br.headers.get('etag'));
  });

  it('does not serve the compressed copies as files of their own', async () => {
    assert.equal((await app.request('/cdn/opd-kit.js.br')).status, 404);
    assert.equal((await app.request('/cdn/opd-kit.js.gz')).status, 404);
  });

  it('serves a new build of a file within a second, without a restart, and never a stale compressed copy', async () => {
    const before = await app.request('/cdn/opd-kit.js', { headers: { 'Accept-Encoding': 'br' } });
    const next = 'export const release = 2;\n';
    await writeFile(join(cdn, 'opd-kit.js'), next);
    // The old copies are older than the new file now, so they are not sent for it.
    const past = new Date(Date.now() - 60_000);
    await utimes(join(cdn, 'opd-kit.js.br'), past, past);
    await utimes(join(cdn, 'opd-kit.js.gz'), past, past);
    await sleep(1_100);
    const after = await app.request('/cdn/opd-kit.js', {
      headers: { 'Accept-Encoding': 'br', 'If-None-Match': before.headers.get('etag') ?? '' },
    });
    assert.equal(after.status, 200, 'the old tag no longer matches');
    assert.equal(after.headers.get('content-encoding'), null, 'too small to compress, and the old copies are stale');
    assert.equal(await after.text(), next);
  });
});
