/**
 * End to end, as a new webmaster would (issue 23): the demo site's widget gallery
 * (`galeri.html`, served by the real server process with the demo seed, under its strict CSP)
 * lists every citizen widget the build's manifest has; one widget's attributes, theme and live
 * preview; then its snippet, copied from the gallery, pasted into a blank page of ANOTHER origin
 * that the regency admin allowed for the OPD (through the API the console uses), works the
 * first time — also in a host page with a 10px root and a global reset. Screenshots at 320,
 * 375 and 1280 px in test-results/.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { signIn } from '../helpers/server.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');
const TAG = 'opd-road-summary';
const OPD = 'dinas-pupr';

let server: DemoServer;
let browser: Browser;
/** The webmaster's blank site on another origin: path → page. */
const pages = new Map<string, string>();
let site: Server;
let siteOrigin: string;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  site = createServer((request, response) => {
    const page = pages.get(request.url ?? '');
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await server?.close();
});

/** A page and what went wrong on it: page errors, console errors, CSP violations. */
async function open(url: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { page, problems };
}

/** Waits until the widget rendered the OPD's data (not a loading or failure notice). */
async function rendered(page: Page, selector: string): Promise<string> {
  await page.waitForFunction(
    (css) => {
      const element = document.querySelector(css);
      const text = element?.shadowRoot?.textContent ?? '';
      return /kemantapan/i.test(text) && !/gagal|failed|could not/i.test(text);
    },
    selector,
    { timeout: 20_000 },
  );
  return page.evaluate((css) => document.querySelector(css)?.shadowRoot?.textContent ?? '', selector);
}

describe('the widget gallery, as a new webmaster', () => {
  it('lists every citizen widget of the manifest, and shows one with its attributes, theme and live preview', async () => {
    const manifest = JSON.parse(await readFile('dist/cdn/custom-elements.json', 'utf8')) as { modules: { declarations?: { tagName?: string }[] }[] };
    const citizen = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .flatMap((declaration) => (declaration.tagName ? [declaration.tagName] : []))
      .filter((tag) => tag !== 'opd-console' && tag !== 'opd-consultation-inbox')
      .sort();
    assert.ok(citizen.length >= 12, `the citizen widgets (${citizen.length})`);

    const { page, problems } = await open(`${server.baseUrl}/galeri.html`);
    const listed = await page.locator('#widget-list a code').allTextContents();
    assert.deepEqual(listed, citizen.map((tag) => `<${tag}>`), 'every citizen widget, none of the staff ones');

    await page.locator('#widget-list a', { hasText: `<${TAG}>` }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'widget-title');
    assert.equal(await page.locator('#widget-title').textContent(), `<${TAG}>`, 'focus on the widget shown');
    assert.equal(await page.locator('#attr-opd').inputValue(), OPD, 'a demo OPD filled in');
    await rendered(page, `#preview ${TAG}`);

    await page.selectOption('#attr-lang', 'en');
    await page.locator('label', { hasText: 'bingkai lewat ::part' }).click();
    const snippet = (await page.locator('#snippet').textContent()) ?? '';
    assert.match(snippet, new RegExp(`<script type="module" src="${server.baseUrl}/cdn/opd-kit.js"></script>`), 'the loader from this backend');
    assert.match(snippet, new RegExp(`<${TAG} api="${server.baseUrl}" opd="${OPD}" lang="en"></${TAG}>`), 'the element with what was chosen');
    assert.match(snippet, /::part\(base\)/, 'the theme, in the snippet');
    const border = await page.waitForFunction(
      (tag) => {
        const base = document.querySelector(`#preview ${tag}`)?.shadowRoot?.querySelector('[part~="base"]');
        return base && getComputedStyle(base).borderTopWidth === '2px' ? getComputedStyle(base).borderTopColor : null;
      },
      TAG,
    );
    assert.equal(await border.jsonValue(), 'rgb(11, 79, 138)', 'the preview wears the theme');
    assert.match(await rendered(page, `#preview ${TAG}`), /Regency road condition \d{4}/, 'in English, loaded');
    await page.screenshot({ path: join(SCREENSHOTS, 'gallery-1280.png'), fullPage: true });
    assert.deepEqual(problems, [], 'no CSP violation or error');
    await page.context().close();

    for (const width of [320, 375]) {
      const narrow = await open(`${server.baseUrl}/galeri.html#${TAG}`, width);
      await rendered(narrow.page, `#preview ${TAG}`);
      const sideways = await narrow.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(sideways <= 0, `no sideways scrolling at ${width} px (${sideways} px)`);
      await narrow.page.screenshot({ path: join(SCREENSHOTS, `gallery-${width}.png`), fullPage: true });
      assert.deepEqual(narrow.problems, []);
      await narrow.page.context().close();
    }
  });

  it("works the first time when its snippet is pasted into a blank page of another origin the OPD allows", async () => {
    const { page } = await open(`${server.baseUrl}/galeri.html#${TAG}`);
    await rendered(page, `#preview ${TAG}`);
    const snippet = (await page.locator('#snippet').textContent()) ?? '';
    await page.context().close();

    // The regency admin adds the webmaster's site to the OPD's allowed origins, as the console does.
    const { token } = await signIn(server.baseUrl, 'admin@lahat.demo');
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    const settings = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}/settings`, { headers: auth });
    assert.equal(settings.status, 200);
    const current = (await settings.json()) as { allowedOrigins: string[] };
    const patched = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ allowedOrigins: [...current.allowedOrigins, siteOrigin] }),
    });
    assert.equal(patched.status, 200, await patched.clone().text());

    pages.set('/blank', `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>Dinas PUPR</title><link rel="icon" href="data:,"></head><body>\n${snippet}\n</body></html>`);
    const blank = await open(`${siteOrigin}/blank`, 375);
    const text = await rendered(blank.page, TAG);
    assert.match(text, /kemantapan/i, 'the board with its data');
    assert.deepEqual(blank.problems, [], 'no error on the webmaster\'s page');
    await blank.page.screenshot({ path: join(SCREENSHOTS, 'gallery-snippet-375.png'), fullPage: true });
    await blank.page.context().close();

    // A host page with a 10px root and a global reset: the widget keeps its own sizes.
    pages.set(
      '/reset',
      `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>Reset</title><link rel="icon" href="data:,"><style>html{font-size:10px}*{margin:0;padding:0;box-sizing:content-box}</style></head><body>\n${snippet}\n</body></html>`,
    );
    const reset = await open(`${siteOrigin}/reset`, 375);
    await rendered(reset.page, TAG);
    const size = await reset.page.evaluate((tag) => {
      const base = document.querySelector(tag)?.shadowRoot?.querySelector('[part~="base"]');
      return base ? parseFloat(getComputedStyle(base).fontSize) : 0;
    }, TAG);
    assert.ok(size >= 16, `the widget's text stays readable under a 10px root (${size}px)`);
    await reset.page.screenshot({ path: join(SCREENSHOTS, 'gallery-snippet-reset.png'), fullPage: true });
    assert.deepEqual(reset.problems, []);
    await reset.page.context().close();
  });
});
