/**
 * The embedding guides, followed as written (issue 23): each test takes the guide's own code
 * blocks (`docs/guides/*.md`, named in their fences, see test/helpers/guides.ts), puts this run's
 * addresses in place of the guide's, and does what the guide says, on the real server process
 * (`npm start`'s main.ts with the demo seed) and a webmaster's site on another origin, in
 * headless Chromium. A guide whose snippet stops working fails here.
 *
 * - Embed in five minutes: the guide's curl allows the site, its page with its snippet asks a
 *   question and gets a tracking code.
 * - WordPress: the snippet after `wpautop`, and after `wp_kses_post` with the guide's
 *   `wp_kses_allowed_html` filter (the script from the theme), under a WordPress theme's CSS
 *   (10px root, global box-sizing, `img`, `button` and `label` rules); screenshots at 320, 375
 *   and 1280 px in test-results/.
 * - A strict CSP: the guide's header on the page, its pinned snippet with this build's hash:
 *   the form and the road map work with 0 policy violations; a wrong hash loads nothing.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { fillQuestion, formReady, startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { codeBlocks, ksesPost, namedBlock, withAddresses, wpautop } from '../helpers/guides.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { signIn } from '../helpers/server.js';

const run = promisify(execFile);
const SCREENSHOTS = join(process.cwd(), 'test-results');
const PLAIN = 'docs/guides/embed-plain-html.md';
const WORDPRESS = 'docs/guides/wordpress.md';
const CSP = 'docs/guides/strict-csp.md';
const THEMING = 'docs/guides/theming.md';
const API = 'docs/guides/api.md';

let server: DemoServer;
let browser: Browser;
let site: Server;
let siteOrigin: string;
/** The webmaster's site: path → page and its headers. */
const pages = new Map<string, { html: string; headers?: Record<string, string> }>();
/** The guides' example addresses → this run's. */
let addresses: Record<string, string>;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  site = createServer((request, response) => {
    const page = pages.get(request.url ?? '');
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    if (!page) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  addresses = {
    'http://localhost:8080': server.baseUrl,
    'https://layanan.lahatkab.go.id': server.baseUrl,
    'http://localhost:8000': siteOrigin,
    'https://bpkad.lahatkab.go.id': siteOrigin,
  };
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
  await server?.close();
});

/** Opens `url` at `width`; collects page errors, console errors and CSP violations. */
async function open(url: string, width = 1280): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.exposeFunction('reportViolation', (text: string) => problems.push(`CSP: ${text}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  await page.goto(url);
  return { page, problems };
}

/** Asks a question in the page's form; returns the tracking code it shows. */
async function ask(page: Page): Promise<string> {
  await formReady(page);
  await fillQuestion(page, 'Sewa gedung serbaguna');
  await page.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  const code = page.locator('[part~="tracking-code"]');
  await code.waitFor({ timeout: 20_000 });
  return (await code.textContent())?.trim() ?? '';
}

/** Whether the backend lets `origin` read the OPD's data (the CORS answer a browser checks). */
async function allowed(origin: string, opd = 'bpkad'): Promise<boolean> {
  const response = await fetch(`${server.baseUrl}/api/v1/opds/${opd}`, { headers: { Origin: origin } });
  return response.headers.get('access-control-allow-origin') === origin;
}

describe('the embedding guides, followed as written', () => {
  it('Embed in five minutes: the guide’s curl allows the site, and its page with the snippet asks a question', async () => {
    assert.equal(await allowed(siteOrigin), false, 'the site is not allowed before step 2');
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', withAddresses(namedBlock(PLAIN, 'allow-origin').code, addresses)]);
    assert.deepEqual((JSON.parse(stdout) as { allowedOrigins: string[] }).allowedOrigins, [siteOrigin], 'the curl answers the new settings');
    assert.equal(await allowed(siteOrigin), true, 'the site is allowed after step 2');

    const snippet = withAddresses(namedBlock(PLAIN, 'embed').code, addresses);
    const blank = namedBlock(PLAIN, 'page').code;
    assert.ok(blank.includes('<!-- the snippet -->'), 'the page marks where the snippet goes');
    pages.set('/index.html', { html: blank.replace('<!-- the snippet -->', snippet) });
    const { page, problems } = await open(`${siteOrigin}/index.html`, 375);
    assert.match(await ask(page), /^SIAP-[0-9A-Z]{4}-[0-9A-Z]{4}$/, 'a tracking code, first time');
    await page.screenshot({ path: join(SCREENSHOTS, 'guide-plain-375.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.context().close();
    // The guide's snippet is the console's: the same two tags with the same attributes.
    assert.match(snippet, new RegExp(`^<script type="module" src="${server.baseUrl}/cdn/opd-kit.js"></script>\\n<opd-consultation-form api="${server.baseUrl}" opd="bpkad"></opd-consultation-form>\\n$`));
  });

  /** A WordPress theme's global CSS, as themes ship it. */
  const THEME_CSS = `html{font-size:62.5%}*,*::before,*::after{box-sizing:border-box}body{margin:0;font:1.6rem/1.7 Georgia,serif;color:#222}
img{max-width:100%;height:auto}button,input[type=submit]{background:#d33;color:#fff;border:0;border-radius:3rem;padding:1.5rem 3rem;text-transform:uppercase;font-size:1.2rem}
label{display:block;font-size:1.2rem;text-transform:uppercase}input,select,textarea{width:100%;border:.1rem solid #ccc;padding:.4rem}p{margin:0 0 2.4rem}.entry-content{max-width:64rem;margin:0 auto;padding:0 2rem}`;

  const wordpressPage = (head: string, content: string) =>
    `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>BPKAD</title><link rel="icon" href="data:,"><style>${THEME_CSS}</style>${head}</head>\n<body><main class="entry-content"><h1>Tanya BPKAD</h1>\n${content}</main></body></html>`;

  it('WordPress: the Custom HTML snippet after wpautop works under a theme’s CSS, at 320, 375 and 1280 px', async () => {
    await allowOrigin();
    const snippet = withAddresses(namedBlock(WORDPRESS, 'embed').code, addresses);
    const content = wpautop(snippet);
    assert.match(content, /^<p><script type="module" [^>]+><\/script><br \/>\n<opd-consultation-form [^>]+><\/opd-consultation-form><\/p>\n$/, `wpautop's output: ${content}`);
    pages.set('/wordpress', { html: wordpressPage('', content) });

    for (const width of [320, 375, 1280]) {
      const { page, problems } = await open(`${siteOrigin}/wordpress`, width);
      await formReady(page);
      const look = await page.evaluate(() => {
        const form = document.querySelector('opd-consultation-form')!;
        const button = form.shadowRoot!.querySelector('button[type=submit]')!;
        const label = form.shadowRoot!.querySelector('label')!;
        return {
          fontSize: parseFloat(getComputedStyle(form.shadowRoot!.querySelector('[part~="base"]')!).fontSize),
          button: getComputedStyle(button).backgroundColor,
          label: getComputedStyle(label).textTransform,
          sideways: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      assert.ok(look.fontSize >= 16, `legible under a 10px root (${look.fontSize}px)`);
      assert.notEqual(look.button, 'rgb(221, 51, 51)', 'the theme’s button rule does not reach the form’s button');
      assert.equal(look.label, 'none', 'nor its label rule');
      assert.ok(look.sideways <= 0, `no sideways scrolling at ${width} px (${look.sideways} px)`);
      await page.screenshot({ path: join(SCREENSHOTS, `guide-wordpress-${width}.png`), fullPage: true });
      if (width === 375) assert.match(await ask(page), /^SIAP-/, 'and it takes a question');
      assert.deepEqual(problems, []);
      await page.context().close();
    }
  });

  it('WordPress: an editor’s element survives wp_kses with the guide’s filter and works with the theme’s script', async () => {
    await allowOrigin();
    const snippet = withAddresses(namedBlock(WORDPRESS, 'embed').code, addresses);
    assert.equal(ksesPost(snippet).trim(), '', 'without the filter, wp_kses_post removes the script and the element: the guide says so');

    // The guide's filter, read from its PHP: the tags and the attributes it allows.
    const php = namedBlock(WORDPRESS, 'kses').code;
    const attributeList = /\$attributes = array\(([^;]+)\);/.exec(php)?.[1] ?? '';
    const attributes = [...attributeList.matchAll(/'([a-z-]+)' => true/g)].map((match) => match[1]!);
    const tags = [...(/foreach \( array\(([^)]+)\)/.exec(php)?.[1] ?? '').matchAll(/'(opd-[a-z-]+)'/g)].map((match) => match[1]!);
    const manifest = JSON.parse(await readFile('dist/cdn/custom-elements.json', 'utf8')) as {
      modules: { declarations?: { tagName?: string; attributes?: { name: string }[] }[] }[];
    };
    const citizen = manifest.modules
      .flatMap((module) => module.declarations ?? [])
      .filter((declaration) => declaration.tagName && declaration.tagName !== 'opd-console' && declaration.tagName !== 'opd-consultation-inbox');
    assert.deepEqual([...tags].sort(), citizen.map((declaration) => declaration.tagName).sort(), 'the filter lists every citizen widget');
    for (const declaration of citizen) {
      for (const { name } of declaration.attributes ?? []) assert.ok(attributes.includes(name), `the filter keeps ${declaration.tagName}'s ${name}`);
    }

    const element = withAddresses(namedBlock(WORDPRESS, 'element').code, addresses);
    const kept = ksesPost(element, Object.fromEntries(tags.map((tag) => [tag, attributes])));
    assert.equal(kept, element, 'the editor’s element is saved as pasted');

    // The theme's script: what wp_enqueue_script_module prints, and the classic way's filter.
    const modern = namedBlock(WORDPRESS, 'enqueue').code;
    const src = /'(https:\/\/[^']+\/cdn\/opd-kit\.js)'/.exec(modern)?.[1];
    assert.ok(src, 'the theme loads the CDN loader');
    const classic = namedBlock(WORDPRESS, 'enqueue-classic').code;
    assert.ok(classic.includes(`'${src}'`), 'both ways load the same file');
    const replace = /str_replace\( '([^']+)', '([^']+)', \$tag \)/.exec(classic);
    assert.ok(replace, 'the classic way rewrites the tag');
    const printed = `<script src="${withAddresses(src, addresses)}" id="opd-kit-js"></script>`.replace(replace[1]!, replace[2]!);
    assert.match(printed, /^<script type="module" src=/, 'the filtered tag is a module script');

    pages.set('/wordpress-editor', { html: wordpressPage(printed, wpautop(kept)) });
    const { page, problems } = await open(`${siteOrigin}/wordpress-editor`, 375);
    assert.match(await ask(page), /^SIAP-/, 'the editor’s form takes a question');
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('A strict CSP: the guide’s header and pinned snippet, 0 violations; a wrong hash loads nothing', async () => {
    // The page shows BPKAD's form and Dinas PUPR's map: the site is allowed for both.
    await allowOrigin('bpkad');
    await allowOrigin('dinas-pupr');
    const header = namedBlock(CSP, 'header').code.trim();
    const [name, policy] = header.split(/:\s(.+)/s) as [string, string];
    assert.equal(name, 'Content-Security-Policy');
    for (const block of codeBlocks(CSP).filter((candidate) => candidate.lang === 'nginx' || candidate.lang === 'apache')) {
      assert.ok(block.code.includes(`"${policy}"`), `the ${block.lang} line sets the same policy`);
    }
    const integrity = (await (await fetch(`${server.baseUrl}/cdn/integrity.json`)).json()) as Record<string, { file: string; integrity: string }>;
    const release = integrity['opd-kit.js'];
    assert.ok(release, '/cdn/integrity.json lists the loader');
    const snippet = withAddresses(namedBlock(CSP, 'embed').code, addresses);
    assert.match(snippet, /opd-kit\.[0-9a-f]{10}\.js" integrity="sha384-[A-Za-z0-9+/]+=*" crossorigin="anonymous"/, 'the guide shows a pinned tag');
    const pinned = snippet.replace(/opd-kit\.[0-9a-f]{10}\.js/, release.file).replace(/sha384-[A-Za-z0-9+/]+=*/, release.integrity);
    const headers = { 'Content-Security-Policy': withAddresses(policy, addresses) };
    const html = (body: string) => `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>BPKAD</title></head><body>\n${body}</body></html>`;
    pages.set('/csp', { html: html(pinned), headers });

    const { page, problems } = await open(`${siteOrigin}/csp`);
    assert.match(await ask(page), /^SIAP-/, 'the form works under the policy');
    await page.locator('opd-road-map').scrollIntoViewIfNeeded();
    const drawn = await page
      .waitForFunction(() => document.querySelector('opd-road-map')?.shadowRoot?.querySelector('.leaflet-overlay-pane canvas'), undefined, { timeout: 30_000 })
      .then(
        () => true,
        () => false,
      );
    const mapText = await page.evaluate(() => document.querySelector('opd-road-map')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').slice(0, 300));
    assert.ok(drawn, `the road map draws under the policy: ${mapText}; ${problems.join('; ')}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'guide-csp-1280.png'), fullPage: true });
    assert.deepEqual(problems, [], '0 policy violations, no error');
    await page.context().close();

    // One byte off in the hash: the browser refuses the loader.
    const wrong = release.integrity.replace(/.(=*)$/, (last, pad: string) => `${last[0] === 'A' ? 'B' : 'A'}${pad}`);
    pages.set('/csp-wrong', { html: html(pinned.replace(release.integrity, wrong)), headers });
    const refused = await open(`${siteOrigin}/csp-wrong`);
    await refused.page.waitForFunction(() => !customElements.get('opd-consultation-form') && document.readyState === 'complete');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(await refused.page.evaluate(() => Boolean(customElements.get('opd-consultation-form'))), false, 'no widget from a file that does not match');
    assert.ok(refused.problems.some((problem) => /integrity/i.test(problem)), `the browser says why: ${refused.problems.join('; ')}`);
    await refused.page.context().close();
  });

  it('Theming: the guide’s CSS colours, sizes and restyles the form through its properties and parts', async () => {
    await allowOrigin();
    const css = namedBlock(THEMING, 'theme').code;
    const snippet = withAddresses(namedBlock(PLAIN, 'embed').code, addresses);
    pages.set('/theming', {
      html: `<!doctype html>\n<html lang="id"><head><meta charset="utf-8"><title>BPKAD</title><link rel="icon" href="data:,"><style>${css}</style></head><body>\n${snippet}</body></html>`,
    });
    const { page, problems } = await open(`${siteOrigin}/theming`, 375);
    await formReady(page);
    const look = await page.evaluate(() => {
      const root = document.querySelector('opd-consultation-form')!.shadowRoot!;
      const button = getComputedStyle(root.querySelector('[part~="button"]')!);
      return {
        background: button.backgroundColor,
        radius: button.borderTopLeftRadius,
        transform: button.textTransform,
        size: getComputedStyle(root.querySelector('[part~="base"]')!).fontSize,
        label: getComputedStyle(root.querySelector('[part~="label"]')!).color,
      };
    });
    assert.deepEqual(look, { background: 'rgb(11, 93, 59)', radius: '0px', transform: 'uppercase', size: '18px', label: 'rgb(8, 71, 45)' });
    await page.screenshot({ path: join(SCREENSHOTS, 'guide-theming-375.png'), fullPage: true });
    assert.deepEqual(problems, []);
    await page.context().close();
  });

  it('The API with curl: the guide’s five calls list, ask, track and get a problem naming the field', async () => {
    const { stdout } = await run('bash', ['-euo', 'pipefail', '-c', withAddresses(namedBlock(API, 'api').code, addresses)]);
    const lines = stdout.trim().split('\n');
    assert.ok(lines.some((line) => /^bpkad .*siap/.test(line)), `BPKAD with SIAP among the first OPDs:\n${stdout}`);
    const next = /^innovations: 3, next: (\S+)$/m.exec(stdout)?.[1];
    assert.ok(next && next !== 'null', `a page of 3 innovations and a cursor to the next:\n${stdout}`);
    const second = (await (await fetch(`${server.baseUrl}/api/v1/innovations?limit=3&cursor=${encodeURIComponent(next)}`)).json()) as { data: unknown[] };
    assert.equal(second.data.length, 3, 'the cursor fetches the next page');
    assert.match(stdout, /^[a-z0-9 -]*\baset-daerah\b[a-z0-9 -]*$/m, "BPKAD's categories");
    assert.match(stdout, /^tracking code: SIAP-[0-9A-Z]{4}-[0-9A-Z]{4}$/m);
    assert.match(stdout, /^status: received$/m);
    assert.match(stdout, /^422 \/problems\/validation email$/m, 'the problem names only the e-mail');
  });
});

/** The plain guide's step 2 for `opd` (its list with the site), for the tests that also run on their own (`--test-name-pattern`). */
async function allowOrigin(opd = 'bpkad'): Promise<void> {
  const { token } = await signIn(server.baseUrl, 'admin@lahat.demo');
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const current = (await (await fetch(`${server.baseUrl}/api/v1/opds/${opd}/settings`, { headers: auth })).json()) as { allowedOrigins: string[] };
  if (current.allowedOrigins.includes(siteOrigin)) return;
  const response = await fetch(`${server.baseUrl}/api/v1/opds/${opd}`, {
    method: 'PATCH',
    headers: auth,
    body: JSON.stringify({ allowedOrigins: [...current.allowedOrigins, siteOrigin] }),
  });
  assert.equal(response.status, 200);
}
