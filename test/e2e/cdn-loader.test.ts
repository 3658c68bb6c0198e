/**
 * The CDN file as an OPD's own website uses it: `/cdn/opd-kit.js` from the backend, on a page
 * of another origin under a strict Content-Security-Policy, in headless Chromium. The file is
 * a loader: a widget's code is fetched only when its tag is on the page, and a tag added
 * later is upgraded when it appears. Runs on the built `dist/cdn/` (npm test builds first).
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let backend: TestServer;
let site: Server;
let siteUrl: string;
let browser: Browser;

/** The OPD's site: path → page and its Content-Security-Policy. */
const pages = new Map<string, { html: string; scriptSrc: string }>();

/**
 * Adds a page to the OPD's site: `body` markup after the script tags; returns its URL. By
 * default its policy allows scripts only from the backend's /cdn/ folder; with `nonce`, only
 * scripts carrying that nonce and what they load (`'strict-dynamic'`).
 */
function sitePage(path: string, body: string, options: { scripts?: string[]; nonce?: string; integrity?: string } = {}): string {
  const { scripts = ['opd-kit.js'], nonce, integrity } = options;
  const attribute = (nonce ? ` nonce="${nonce}"` : '') + (integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '');
  const tags = scripts.map((script) => `<script type="module"${attribute} src="${backend.url}/cdn/${script}"></script>`).join('\n');
  pages.set(path, {
    html: `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>OPD</title><link rel="icon" href="data:,">\n${tags}</head>\n<body>${body}</body></html>`,
    scriptSrc: nonce ? `'nonce-${nonce}' 'strict-dynamic'` : `${backend.url}/cdn/`,
  });
  return `${siteUrl}${path}`;
}

before(async () => {
  backend = await startTestServer();
  site = createServer((request, response) => {
    const found = pages.get(request.url ?? '');
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      // No inline script or style, no eval.
      'Content-Security-Policy': [
        "default-src 'none'",
        `script-src ${found.scriptSrc}`,
        `connect-src ${backend.url}`,
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
      ].join('; '),
    });
    response.end(found.html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await backend?.close();
});

interface Visit {
  page: Page;
  /** File names fetched from the backend's /cdn/, in order. */
  cdn: string[];
  /** Page errors, console errors and CSP violations. */
  problems: string[];
}

async function visit(url: string): Promise<Visit> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdn: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/cdn/')) cdn.push(pathname.slice('/cdn/'.length));
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { page, cdn, problems };
}

/** Waits until the tag is registered and its element has rendered into its shadow root. */
async function upgraded(page: Page, tag: string): Promise<void> {
  await page.waitForFunction(
    (name) => {
      const element = document.querySelector(name);
      return Boolean(customElements.get(name) && element?.shadowRoot && element.shadowRoot.childElementCount > 0);
    },
    tag,
  );
}

/** Waits until no request is in flight and nothing new was asked for a moment. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

const isChunk = (widget: string) => (file: string) => new RegExp(`^${widget}-[\\w-]{8}\\.js$`).test(file);

describe('the CDN file, on an OPD site of another origin under a strict CSP', () => {
  it('loads only the loader on a page with no opd-kit element, and ignores opd-* tags it does not know', async () => {
    const { page, cdn, problems } = await visit(sitePage('/none', '<p>Beranda</p><opd-not-a-widget></opd-not-a-widget>'));
    await settled(page);
    assert.deepEqual(cdn, ['opd-kit.js']);
    assert.equal(await page.evaluate(() => customElements.get('opd-not-a-widget')), undefined);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("loads the status widget's code, not the form's, for a page with only <opd-consultation-status>; a form added later is upgraded", async () => {
    const { page, cdn, problems } = await visit(
      sitePage('/status', `<main><opd-consultation-status api="${backend.url}"></opd-consultation-status></main>`),
    );
    await upgraded(page, 'opd-consultation-status');
    await settled(page);
    assert.ok(cdn.some(isChunk('consultation-status')), `the status chunk is fetched: ${cdn.join(', ')}`);
    assert.ok(cdn.some(isChunk('shared')), `the shared chunk (Lit, zod) is fetched: ${cdn.join(', ')}`);
    assert.ok(!cdn.some(isChunk('consultation-form')), `the form chunk is not fetched: ${cdn.join(', ')}`);
    assert.equal(await page.evaluate(() => customElements.get('opd-consultation-form')), undefined);

    // Added by script, deep inside new markup, after the loader ran.
    await page.evaluate((api) => {
      const section = document.createElement('section');
      section.innerHTML = `<div><opd-consultation-form api="${api}" opd="bpkad"></opd-consultation-form></div>`;
      document.querySelector('main')?.append(section);
    }, backend.url);
    await upgraded(page, 'opd-consultation-form');
    // It works: the OPD's categories come from the backend.
    await page.locator('opd-consultation-form select option', { hasText: 'Aset daerah' }).waitFor({ state: 'attached' });
    assert.ok(cdn.some(isChunk('consultation-form')), `the form chunk is fetched: ${cdn.join(', ')}`);
    assert.equal(new Set(cdn).size, cdn.length, `no file is fetched twice (the shared chunks are reused): ${cdn.join(', ')}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('fetches a widget once when the page loads the script twice (two copies of the loader)', async () => {
    const body = `<opd-consultation-form api="${backend.url}" opd="bpkad"></opd-consultation-form>`;
    const { page, cdn, problems } = await visit(sitePage('/twice', body, { scripts: ['opd-kit.js', 'opd-kit.js?copy=2'] }));
    await upgraded(page, 'opd-consultation-form');
    await settled(page);
    assert.equal(cdn.filter(isChunk('consultation-form')).length, 1, `one fetch of the form chunk: ${cdn.join(', ')}`);
    assert.equal(cdn.filter((file) => file === 'opd-kit.js').length, 2, 'both copies of the loader were fetched');
    const chunks = cdn.filter((file) => file !== 'opd-kit.js');
    assert.equal(new Set(chunks).size, chunks.length, `no chunk is fetched twice: ${cdn.join(', ')}`);
    assert.ok(!cdn.some(isChunk('consultation-status')), `the status chunk is not fetched: ${cdn.join(', ')}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it("works under a nonce policy with 'strict-dynamic': the chunks are trusted through the loader", async () => {
    const body = `<opd-consultation-status api="${backend.url}"></opd-consultation-status>`;
    const { page, cdn, problems } = await visit(sitePage('/nonce', body, { nonce: 'r4nd0m-n0nce' }));
    await upgraded(page, 'opd-consultation-status');
    assert.ok(cdn.some(isChunk('consultation-status')), `the status chunk is fetched: ${cdn.join(', ')}`);
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('pins a release with Subresource Integrity: the hash matches the served file, the browser loads it, and refuses a wrong one', async () => {
    const listed = (await (await fetch(`${backend.url}/cdn/integrity.json`)).json()) as Record<string, { file: string; integrity: string }>;
    const release = listed['opd-kit.js']!;
    assert.match(release.file, /^opd-kit\.[0-9a-f]{10}\.js$/, 'a name with its hash');
    const served = await fetch(`${backend.url}/cdn/${release.file}`);
    assert.match(served.headers.get('cache-control') ?? '', /immutable/, 'cached for good, like the chunks');
    const bytes = Buffer.from(await served.arrayBuffer());
    assert.equal(release.integrity, `sha384-${createHash('sha384').update(bytes).digest('base64')}`, 'integrity is the served bytes\' hash');
    assert.deepEqual(bytes, Buffer.from(await (await fetch(`${backend.url}/cdn/opd-kit.js`)).arrayBuffer()), 'the same bytes as the entry of this release');

    const body = `<opd-consultation-status api="${backend.url}"></opd-consultation-status>`;
    const pinned = await visit(sitePage('/pinned', body, { scripts: [release.file], integrity: release.integrity }));
    await upgraded(pinned.page, 'opd-consultation-status');
    assert.deepEqual(pinned.problems, []);
    await pinned.page.context().close();

    const wrong = `sha384-${createHash('sha384').update('another release').digest('base64')}`;
    const refused = await visit(sitePage('/tampered', body, { scripts: [release.file], integrity: wrong }));
    await settled(refused.page);
    assert.equal(await refused.page.evaluate(() => customElements.get('opd-consultation-status')), undefined, 'a file that does not match is not run');
    assert.ok(refused.problems.some((problem) => /integrity/i.test(problem)), `the browser says why: ${refused.problems.join(' | ')}`);
    await refused.page.context().close();
  });
});
