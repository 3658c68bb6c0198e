/**
 * End to end (issue 22, item 3): the XSS corpus (`test/fixtures/xss-corpus.ts`) through every
 * text field of every module, written through the API as a citizen and as staff
 * (`test/helpers/every-field.ts`), then shown by every citizen widget (the demo pages as they
 * are, and one page of the same origin holding every widget pointed at the records written) and
 * by every console page, from the built CDN files, in headless Chromium. Nothing of it may run:
 * `window.__xss` stays unset, no dialog opens, no element a payload names appears in any shadow
 * root, and the payload text is there, as text, where a field is shown. Runs on the built
 * `dist/cdn/` (npm test builds first).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { packPayloads, XSS_PAYLOADS } from '../fixtures/xss-corpus.js';
import { startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { RECORD_OPDS, writeEveryField, type WrittenRecords } from '../helpers/every-field.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { pressEverything } from '../helpers/press-everything.js';
import { signIn } from '../helpers/server.js';

/** Records written per kind: enough that every field of 200 characters or more carries the whole corpus. */
const ROUNDS = packPayloads(200).length;

/**
 * Elements only a payload brings: widgets render none of these tags, and an `<img>` of theirs
 * never has the source `x`. Any element with an `on…` attribute, or a link to `javascript:` or
 * a `data:` document, counts too (Lit binds listeners as properties, never as attributes).
 */
const HOSTILE_TAGS = ['script', 'iframe', 'object', 'embed', 'base', 'meta', 'isindex', 'marquee', 'audio', 'video', 'math', 'noscript', 'img[src="x"]', 'img[src^="x:"]', 'link[rel="import"]'];

/** The widgets that show a text field of the records (the road summary shows figures and the seed's kecamatan only). */
const SHOWS_FREE_TEXT = new Set([
  'opd-consultation-form',
  'opd-consultation-status',
  'opd-road-map',
  'opd-agenda-calendar',
  'opd-innovation-progress',
  'opd-innovation-list',
  'opd-csr-board',
  'opd-service-directory',
  'opd-service-standard',
  'opd-satisfaction-survey',
  'opd-satisfaction-index',
]);

let server: DemoServer;
let browser: Browser;
const rounds: WrittenRecords[] = [];
/** Field → the payloads written into it (over all rounds). */
const written = new Map<string, Set<number>>();
/** Field → its length limit. */
const limits = new Map<string, number>();

before(async () => {
  // Hundreds of writes and a console's reads in a minute or two, from one address.
  server = await startDemoServer({ RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_STAFF_PER_MINUTE: '100000', RATE_LIMIT_READS_PER_MINUTE: '100000' });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const tokens = new Map<string, string>();
  const tokenFor = async (email: string) => tokens.get(email) ?? tokens.set(email, (await signIn(server.baseUrl, email)).token).get(email)!;
  let n = 0;
  const started = Date.now();
  for (let round = 0; round < ROUNDS; round++) {
    const text = (field: string, max: number) => {
      limits.set(field, max);
      const packs = packPayloads(max);
      const value = packs[round % packs.length]!;
      const numbers = written.get(field) ?? new Set<number>();
      for (const [index, payload] of XSS_PAYLOADS.entries()) if (value.includes(payload.slice(0, Math.min(max, 40)))) numbers.add(index);
      written.set(field, numbers);
      return value;
    };
    rounds.push(
      await writeEveryField(
        server.baseUrl,
        tokenFor,
        {
          text,
          // Names take the payloads too (the console shows them); contact formats stay valid.
          name: (field) => text(field, 100),
          email: () => `warga.${round}.${n++}@contoh.id`,
          phone: () => `0812 7000 ${String(1000 + n++).slice(-4)}`,
          url: (field, max) => packPayloads(max, XSS_PAYLOADS.filter((p) => /javascript:|data:/i.test(p)))[0]!,
        },
        `x${round}`,
      ),
    );
  }
  console.log(`# ${ROUNDS} rounds of records written in ${Date.now() - started} ms`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What a page showed: the flag, dialogs, hostile elements in shadow roots, and all its text. */
interface Seen {
  xss: unknown;
  dialogs: string[];
  hostile: string[];
  text: string;
}

/** Opens `url` (in the console too, once signed in), lets it settle and {@link inspect}s it. */
async function look(page: Page, url: string, dialogs: string[]): Promise<Seen> {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  return inspect(page, dialogs);
}

/** Opens every disclosure of the page as it is and reads what it shows. */
async function inspect(page: Page, dialogs: string[]): Promise<Seen> {
  // Open what is folded (details, "show all") so folded text renders too.
  await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) roots.push(element.shadowRoot);
        if (element instanceof HTMLDetailsElement) element.open = true;
      }
    }
  });
  await page.waitForTimeout(200);
  return page.evaluate((tags) => {
    const hostile: string[] = [];
    const texts: string[] = [document.body.innerText];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          roots.push(element.shadowRoot);
          texts.push(element.shadowRoot.textContent ?? '');
          for (const tag of tags) for (const found of element.shadowRoot.querySelectorAll(tag)) hostile.push(`<${tag}> in ${element.localName}: ${found.outerHTML.slice(0, 120)}`);
        }
        for (const attribute of element.getAttributeNames()) {
          const value = element.getAttribute(attribute) ?? '';
          if (/^on/i.test(attribute)) hostile.push(`${attribute} on <${element.localName}>`);
          if (/^(href|src|action|formaction|xlink:href|data)$/i.test(attribute) && /^\s*(javascript:|data:text)/i.test(value)) hostile.push(`${attribute}="${value.slice(0, 60)}" on <${element.localName}>`);
        }
      }
    }
    return { xss: (window as unknown as { __xss?: unknown }).__xss, dialogs: [], hostile, text: texts.join('\n') };
  }, HOSTILE_TAGS).then((seen) => ({ ...seen, dialogs }));
}

/** A page of the backend's origin (so the demo pages' policy holds) with `body` after the CDN loader. */
function widgetsPage(body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'">
<title>XSS</title><link rel="icon" href="data:,"><script type="module" src="/cdn/opd-kit.js"></script></head><body>${body}</body></html>`;
}

/** Every citizen widget, pointed at the last round's records. */
function everyWidget(records: WrittenRecords): string {
  const api = server.baseUrl;
  return [
    `<opd-consultation-form api="${api}" opd="${RECORD_OPDS.siap}"></opd-consultation-form>`,
    `<opd-consultation-status api="${api}" code="${records.trackingCode}"></opd-consultation-status>`,
    `<opd-road-summary api="${api}" opd="${RECORD_OPDS.perjaka}"></opd-road-summary>`,
    `<opd-road-map api="${api}" opd="${RECORD_OPDS.perjaka}" view="list"></opd-road-map>`,
    `<opd-agenda-calendar api="${api}" opd="${RECORD_OPDS.agenda}" view="list"></opd-agenda-calendar>`,
    `<opd-innovation-progress api="${api}"></opd-innovation-progress>`,
    `<opd-innovation-list api="${api}" opd="${RECORD_OPDS.innovation}"></opd-innovation-list>`,
    `<opd-csr-board api="${api}" opd="${RECORD_OPDS.csr}"></opd-csr-board>`,
    `<opd-service-directory api="${api}" opd="${RECORD_OPDS.layanan}"></opd-service-directory>`,
    `<opd-service-standard api="${api}" opd="${RECORD_OPDS.layanan}" service="${records.serviceSlug}"></opd-service-standard>`,
    `<opd-satisfaction-survey api="${api}" opd="${RECORD_OPDS.layanan}" service="${records.serviceSlug}"></opd-satisfaction-survey>`,
    `<opd-satisfaction-index api="${api}" opd="${RECORD_OPDS.layanan}"></opd-satisfaction-index>`,
  ].join('\n');
}

/** Payload numbers whose start shows as text in `text`. */
function shownPayloads(text: string): Set<number> {
  const shown = new Set<number>();
  for (const [index, payload] of XSS_PAYLOADS.entries()) if (text.includes(payload.slice(0, 30))) shown.add(index);
  return shown;
}

describe('the XSS corpus through every field of every module', () => {
  const totals = { pages: 0, widgets: 0, shown: new Set<number>(), escapes: 0 };

  it('writes every payload into every text field through the API', (t) => {
    const fields = [...written.keys()];
    const pairs = [...written.values()].reduce((sum, set) => sum + set.size, 0);
    t.diagnostic(`${XSS_PAYLOADS.length} payloads, ${fields.length} text fields, ${ROUNDS} records each, ${pairs} payload × field pairs written`);
    assert.ok(XSS_PAYLOADS.length >= 50);
    const refused = rounds.flatMap((r) => r.refused.map((f) => f.field));
    t.diagnostic(`links refused by the API (javascript:/data:): ${[...new Set(refused)].join(', ') || 'none'}`);
    // A field of 200 characters or more carries the whole corpus over the rounds; shorter ones as much as fits.
    for (const [field, numbers] of written) {
      if ((limits.get(field) ?? 0) >= 200) assert.equal(numbers.size, XSS_PAYLOADS.length, `${field} carried ${numbers.size} payloads`);
    }
  });

  it('would see a payload that ran: the checks catch one put in a page on purpose', async () => {
    const context = await browser.newContext();
    await context.route(`${server.baseUrl}/xss-control.html`, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>x</title><p>teks</p>' }));
    const page = await context.newPage();
    const clean = await look(page, `${server.baseUrl}/xss-control.html`, []);
    await page.evaluate(() => {
      const host = document.body.appendChild(document.createElement('div'));
      host.attachShadow({ mode: 'open' }).innerHTML = '<img src="x" onerror="window.__xss=-1">';
    });
    await page.waitForFunction(() => (window as unknown as { __xss?: number }).__xss === -1);
    const caught = await inspect(page, []);
    assert.deepEqual([clean.xss, clean.hostile], [undefined, []], 'a clean page is clean');
    assert.equal(caught.xss, -1, 'the flag is read');
    assert.ok(caught.hostile.some((h) => h.startsWith('<img[src="x"]>')) && caught.hostile.some((h) => h.startsWith('onerror')), caught.hostile.join('; '));
    await context.close();
  });

  const demoPages = ['index.html', 'en.html', 'perjaka.html', 'dprd.html', 'inovasi.html', 'sip-benar.html', 'layanan.html', 'galeri.html'];
  for (const path of demoPages) {
    it(`runs nothing on the demo page ${path}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
      const seen = await look(page, `${server.baseUrl}/${path}`, dialogs);
      totals.pages++;
      totals.widgets += await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('opd-') && e.shadowRoot).length);
      for (const n of shownPayloads(seen.text)) totals.shown.add(n);
      assert.equal(seen.xss, undefined, `window.__xss was set by payload ${String(seen.xss)}`);
      assert.deepEqual(seen.dialogs, [], 'no dialog opened');
      assert.deepEqual(seen.hostile, [], 'no element or handler from a payload');
      await context.close();
    });
  }

  it('runs nothing in any citizen widget showing the records, and shows the payloads as text', async (t) => {
    const records = rounds.at(-1)!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.route(`${server.baseUrl}/xss-widgets.html`, (route) => route.fulfill({ contentType: 'text/html', body: widgetsPage(everyWidget(records)) }));
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
    const seen = await look(page, `${server.baseUrl}/xss-widgets.html`, dialogs);
    const widgets = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith('opd-') && e.shadowRoot).map((e) => e.localName));
    // Use them: every button (details, dialogs, list pages, tabs), then look again.
    const pressed = await pressEverything(page, `${server.baseUrl}/xss-widgets.html`, 120);
    const used = await inspect(page, dialogs);
    // Where each widget shows a field, the payload is there as text.
    const perWidget = await page.evaluate((starts) => {
      // A widget's text, its inner widgets' shadow roots included (no named function: the page runs this as it is).
      return [...document.querySelectorAll('*')]
        .filter((e) => e.localName.startsWith('opd-') && e.shadowRoot)
        .map((widget) => {
          const texts: string[] = [];
          const roots: ShadowRoot[] = [widget.shadowRoot!];
          for (let root = roots.pop(); root; root = roots.pop()) {
            texts.push(root.textContent ?? '');
            for (const e of root.querySelectorAll('*')) if (e.shadowRoot) roots.push(e.shadowRoot);
          }
          const text = texts.join('\n');
          return [widget.localName, starts.filter((start) => text.includes(start)).length] as const;
        });
    }, XSS_PAYLOADS.map((p) => p.slice(0, 30)));
    t.diagnostic(`${pressed} buttons pressed; payloads shown as text per widget: ${perWidget.map(([w, n]) => `${w} ${n}`).join(', ')}`);
    for (const [widget, shownThere] of perWidget) {
      if (SHOWS_FREE_TEXT.has(widget)) assert.ok(shownThere > 0, `${widget} shows the payloads as text`);
    }
    assert.equal(used.xss, undefined, `after ${pressed} presses, window.__xss was set by payload ${String(used.xss)}`);
    assert.deepEqual(used.hostile, []);
    totals.widgets += widgets.length;
    const shown = shownPayloads(seen.text);
    for (const n of shown) totals.shown.add(n);
    t.diagnostic(`${widgets.length} widgets rendered (${widgets.join(', ')}); ${shown.size} payloads visible as text`);
    assert.equal(widgets.length, 12, 'every widget rendered');
    assert.equal(seen.xss, undefined, `window.__xss was set by payload ${String(seen.xss)}`);
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen.hostile, []);
    // Spot checks: the payload is there, literally, where the field is shown.
    assert.ok(seen.text.includes(XSS_PAYLOADS[0]!), 'the status widget shows the subject’s <script> as text');
    assert.ok(seen.text.includes(XSS_PAYLOADS[1]!), 'and the <img onerror> as text');
    assert.ok(shown.size >= XSS_PAYLOADS.length / 2, `most payloads visible as text (${shown.size})`);
    await context.close();
  });

  const consolePages = [
    'siap/inbox?opd=bpkad',
    'siap/inbox/{code}?opd=bpkad',
    'siap/settings?opd=bpkad',
    'perjaka/reports?opd=dinas-pupr',
    'perjaka/reports/{report}?opd=dinas-pupr',
    'perjaka/data?opd=dinas-pupr',
    'agenda/events?opd=sekretariat-dprd',
    'innovation/registry?opd=bappeda',
    'innovation/review?opd=bappeda',
    'csr/programs?opd=bappeda',
    'csr/proposals?opd=bappeda',
    'layanan/standards?opd=dpmptsp',
    'layanan/satisfaction?opd=dpmptsp',
    'layanan/compliance?opd=dpmptsp',
    'opds',
    'opd?opd=bpkad',
    'embed?opd=bpkad',
    'webhooks?opd=bpkad',
    'notifications?opd=bpkad',
    'audit',
    'privacy',
    'holidays',
  ];
  it(`runs nothing on any of ${consolePages.length} console pages, signed in as the regency admin`, async (t) => {
    const records = rounds.at(-1)!;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()));
    await page.goto(`${server.baseUrl}/console`);
    await page.getByLabel('Alamat e-mail').fill('admin@lahat.demo');
    await page.getByLabel('Kata sandi', { exact: true }).fill('demo-password');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    const failures: string[] = [];
    let shownInConsole = new Set<number>();
    for (const route of consolePages) {
      const hash = route.replace('{code}', records.trackingCode).replace('{report}', records.roadReportId);
      const seen = await look(page, `${server.baseUrl}/console#/${hash}`, dialogs);
      totals.pages++;
      if (seen.xss !== undefined) failures.push(`${route}: window.__xss = ${String(seen.xss)}`);
      for (const h of seen.hostile) failures.push(`${route}: ${h}`);
      shownInConsole = new Set([...shownInConsole, ...shownPayloads(seen.text)]);
    }
    for (const n of shownInConsole) totals.shown.add(n);
    t.diagnostic(`${consolePages.length} console pages; ${shownInConsole.size} payloads visible as text`);
    assert.deepEqual(failures, []);
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.ok(shownInConsole.size >= XSS_PAYLOADS.length / 2, `the console shows most payloads as text (${shownInConsole.size})`);
    await context.close();
  });

  after(() => {
    console.log(`# xss: ${XSS_PAYLOADS.length} payloads × ${written.size} fields × ${ROUNDS} records; ${totals.pages} pages, ${totals.widgets} widget instances; ${totals.shown.size} payloads seen as text; escapes ${totals.escapes}`);
  });
});
