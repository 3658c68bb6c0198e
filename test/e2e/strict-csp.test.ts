/**
 * End to end (issue 22, item 3): every demo page (`examples/*.html`, served by the real server
 * process with the demo seed, the widgets from the built CDN file) under a strict
 * Content-Security-Policy sent as a response header (so it holds from the first byte, unlike
 * the pages' own `<meta>`), while a visitor uses each widget: every button pressed (tabs, list
 * pages, "show more", dialogs opened and closed, forms sent empty so their error summary shows),
 * a question asked and sent on the SIAP page, the console signed in and each of its pages
 * opened. Not one `securitypolicyviolation` event, console error or page error may occur. The
 * per-module e2e files check their own page's flow under the page's `<meta>` policy; this one
 * covers every page, including the gallery, the English page and the console.
 */
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { fillQuestion, startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { pressEverything } from '../helpers/press-everything.js';

/** The policy: nothing inline, no eval, everything from the backend's own origin. */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

let server: DemoServer;
let browser: Browser;

before(async () => {
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A context whose HTML answers carry {@link POLICY} as a header, recording violations and errors. */
async function strictContext(problems: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route(/\.html(\?.*)?$|\/console(\?.*)?$|\/$/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': POLICY } });
  });
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`),
      true,
    );
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) problems.push(`console: ${message.text()}`);
    });
  });
  return context;
}

describe('every demo page under a strict CSP header, used', () => {
  it('would see a violation: an inline style and script on a page of the same origin are reported', async () => {
    const problems: string[] = [];
    const context = await strictContext(problems);
    await context.route(`${server.baseUrl}/csp-control.html`, (route) =>
      route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': POLICY }, body: '<!doctype html><title>x</title><p style="color:red">x</p><script>1</script>' }),
    );
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/csp-control.html`);
    await page.waitForLoadState('networkidle');
    assert.ok(problems.some((p) => p.includes('CSP violation: style-src')) && problems.some((p) => p.includes('script-src')), problems.join('\n'));
    await context.close();
  });

  it('shows, pages, opens and sends every widget on every demo page without one violation', async (t) => {
    const pages = (await readdir('examples')).filter((file) => file.endsWith('.html') && file !== 'console.html').sort();
    assert.ok(pages.length >= 8, `demo pages: ${pages.join(', ')}`);
    const report: string[] = [];
    for (const file of pages) {
      const problems: string[] = [];
      const context = await strictContext(problems);
      const page = await context.newPage();
      const url = `${server.baseUrl}/${file}`;
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      const widgets = await page.evaluate(() => [...new Set([...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('opd-') && e.shadowRoot).map((e) => e.localName))]);
      if (file === 'index.html') {
        await fillQuestion(page, `Pertanyaan di bawah CSP ketat ${Date.now().toString(36)}`);
        await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
        await page.locator('opd-consultation-form').getByText(/SIAP-[0-9A-Z]{4}-[0-9A-Z]{4}/).first().waitFor();
      }
      const pressed = await pressEverything(page, url);
      report.push(`${file}: ${widgets.length} widgets, ${pressed} buttons pressed, ${problems.length} problems`);
      assert.ok(widgets.length > 0, `${file} shows a widget`);
      assert.deepEqual(problems, [], `${file}: no violation, console error or page error`);
      await context.close();
    }
    t.diagnostic(report.join('; '));
  });

  it('signs in to the console and opens each of its pages without one violation', async (t) => {
    const problems: string[] = [];
    const context = await strictContext(problems);
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/console`);
    await page.getByLabel('Alamat e-mail').fill('admin@lahat.demo');
    await page.getByLabel('Kata sandi', { exact: true }).fill('demo-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    const links = await page.locator('opd-console nav a[href^="#/"]').evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href')!));
    assert.ok(links.length >= 10, `the console's menu (${links.length} pages)`);
    for (const href of links) {
      await page.goto(`${server.baseUrl}/console${href}`);
      await page.waitForLoadState('networkidle');
    }
    t.diagnostic(`${links.length} console pages opened, ${problems.length} problems`);
    assert.deepEqual(problems, [], 'no violation, console error or page error');
    await context.close();
  });
});
