/**
 * End to end, as a new user of the demo site's SIP BENAR page (`sip-benar.html`, Bappeda's
 * board of CSR-funded development, served by the real server process with the demo seed, the
 * widget from the built CDN file, under the page's strict CSP) in headless Chromium: the
 * committed and spent totals, and the by-field and by-kecamatan tables, to the rupiah as the
 * summary API gives them; one programme opened from the list, its budget, spending and each
 * spending entry as the programme API gives them; the map, fetched only when opened, a dot
 * opening its programme and its demo receipt (a PDF); no contact person anywhere on the page; and
 * the page at phone and desktop widths, and in a host page with a 10px root and a global reset,
 * without sideways scrolling.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { CsrProgramDetail, CsrProgramList, CsrSummary } from '../../src/schemas/csr.js';
import { startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');

/** The demo's OPD that runs SIP BENAR. */
const OPD = 'bappeda';

/** What the demo seed writes as companies' and villages' contact persons (staff only): none of it may show. */
const CONTACT_MARKS = ['Humas CSR', 'Kepala Desa', '0812 0000', '@perusahaan.demo'];

let server: DemoServer;
let browser: Browser;
/** Every year's summary, as the API gives it. */
let summary: CsrSummary;

/** A public read of the CSR API, as JSON. */
async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}/csr/${path}`);
  assert.equal(response.status, 200, path);
  return (await response.json()) as T;
}

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  summary = await api<CsrSummary>('summary');
  assert.ok(summary.programs > 1 && summary.committed > 0 && summary.spent > 0, `the demo has counted programmes with spending (${summary.programs})`);
  assert.ok(summary.byField.length > 1 && summary.byKecamatan.length > 1, 'across fields and kecamatan');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `sip-benar.html`, recording thrown errors, console errors (CSP refusals among them), CSP violation events and 4xx/5xx responses. */
async function openBoardPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const errors: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.url()}: ${response.status()}`);
  });
  await page.goto(`${server.baseUrl}/sip-benar.html`);
  return { page, errors };
}

/** Whole rupiah as the board writes them in Indonesian: `Rp 1.234.567`. */
const rupiah = (value: number) => `Rp\u00a0${value.toLocaleString('id-ID')}`;

/** A whole number as the tables write it (`1.234.567`), read back. */
const whole = (text: string) => {
  const digits = text.trim();
  assert.match(digits, /^\d{1,3}(\.\d{3})*$/, `a whole number written the Indonesian way (${digits})`);
  return Number(digits.replace(/\./g, ''));
};

/** The rows of a chart's table (opened by its summary, as a reader does): name, programmes, committed, spent; and its total row. */
async function chartTable(board: Locator, chart: 'field' | 'kecamatan') {
  const figure = board.locator(`figure.chart--${chart}`);
  await figure.locator('summary').click();
  const table = figure.locator('table');
  await table.waitFor();
  const read = (row: Locator) =>
    row.evaluate((tr) => [...tr.querySelectorAll('th, td')].map((cell) => (cell as HTMLElement).innerText.trim()));
  const rows: { key: string; name: string; programs: number; committed: number; spent: number }[] = [];
  for (const row of await table.locator('tbody tr').all()) {
    const [name, programs, committed, spent] = await read(row);
    rows.push({ key: (await row.getAttribute('data-key'))!, name: name!, programs: whole(programs!), committed: whole(committed!), spent: whole(spent!) });
  }
  const [, programs, committed, spent] = await read(table.locator('tfoot tr'));
  return { rows, total: { programs: whole(programs!), committed: whole(committed!), spent: whole(spent!) } };
}

/** All text of the page, the widget's shadow tree (and its open dialog) included. */
function allText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const texts: string[] = [document.body.innerText];
    const roots: (Document | ShadowRoot)[] = [document];
    for (let root = roots.pop(); root; root = roots.pop()) {
      for (const element of root.querySelectorAll('*')) {
        if (element.shadowRoot) {
          texts.push(element.shadowRoot.textContent ?? '');
          roots.push(element.shadowRoot);
        }
      }
    }
    return texts.join('\n');
  });
}

describe('the demo site’s SIP BENAR page, as a new user', () => {
  it('shows committed and spent in total, by field and by kecamatan, to the rupiah the summary API gives', async (t) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const started = Date.now();
    const { page, errors } = await openBoardPage(context);
    const board = page.locator('opd-csr-board');
    await board.locator('.figure--committed .figure-exact').waitFor();
    t.diagnostic(`from navigation to the figures shown: ${Date.now() - started} ms`);

    const heading = page.getByRole('heading', { name: /^SIP BENAR$/ });
    assert.equal(await heading.count(), 1, 'the page is titled SIP BENAR');
    assert.equal((await board.locator('.figure--committed .figure-exact').innerText()).trim(), `Tepatnya ${rupiah(summary.committed)}`, 'committed in total, exactly');
    assert.equal((await board.locator('.figure--spent .figure-exact').innerText()).trim(), `Tepatnya ${rupiah(summary.spent)}`, 'spent in total, exactly');
    assert.equal((await board.locator('.figure--programs .figure-value').innerText()).trim(), summary.programs.toLocaleString('id-ID'), 'the programmes counted');

    const fieldNames = new Map(summary.fields.map((field) => [field.id, field.name]));
    const byField = await chartTable(board, 'field');
    assert.deepEqual(
      byField.rows,
      summary.byField.map((r) => ({ key: r.field, name: fieldNames.get(r.field) ?? r.field, programs: r.programs, committed: r.committed, spent: r.spent })),
      'the by-field table is the API’s, field by field, in the OPD’s order',
    );
    assert.deepEqual(byField.total, { programs: summary.programs, committed: summary.committed, spent: summary.spent }, 'the by-field table adds up to the totals');

    const byKecamatan = await chartTable(board, 'kecamatan');
    const shown = new Map(byKecamatan.rows.map((r) => [r.key, r]));
    assert.equal(byKecamatan.rows.length, summary.byKecamatan.length, 'every kecamatan, once');
    for (const r of summary.byKecamatan) {
      assert.deepEqual(shown.get(r.kecamatan), { key: r.kecamatan, name: r.kecamatan, programs: r.programs, committed: r.committed, spent: r.spent }, `Kec. ${r.kecamatan}`);
    }
    assert.deepEqual(byKecamatan.total, { programs: summary.programs, committed: summary.committed, spent: summary.spent }, 'the by-kecamatan table adds up to the totals');
    // The bars, largest commitment first, one per kecamatan (up to the chart's first ten).
    const bars = await board.locator('figure.chart--kecamatan .bar-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-key')));
    const largest = [...summary.byKecamatan].sort((a, b) => b.committed - a.committed || a.kecamatan.localeCompare(b.kecamatan, 'id'));
    assert.equal(bars[0], largest[0]!.kecamatan, 'the kecamatan with the most committed has the first bar');

    const text = await allText(page);
    assert.ok(text.includes(largest[0]!.kecamatan), 'the text read includes the board’s own');
    for (const mark of CONTACT_MARKS) assert.ok(!text.includes(mark), `no contact person on the page (${mark})`);
    assert.deepEqual(errors, [], 'no errors, console errors, CSP violations or 4xx/5xx responses on the page');
    await context.close();
  });

  it('opens a programme from the list with its budget, spending and every spending entry as the programme API gives them, and no contact person', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openBoardPage(context);
    const board = page.locator('opd-csr-board');
    const first = await api<CsrProgramList>('programs?limit=10');
    await board.locator('[part~="program"]').first().waitFor();
    assert.equal((await board.locator('[part~="count"]').innerText()).trim(), `${first.total.toLocaleString('id-ID')} program.`, 'the count of all programmes');
    const titles = await board.locator('[part~="program-title"]').allInnerTexts();
    assert.deepEqual(titles.map((title) => title.trim()), first.data.map((p) => p.title), 'the first page of programmes, as the API lists them');

    // The listed programme with the most spending entries.
    const details = await Promise.all(first.data.filter((p) => p.spent > 0).map((p) => api<CsrProgramDetail>(`programs/${p.id}`)));
    const chosen = details.sort((a, b) => b.spending.length - a.spending.length)[0];
    assert.ok(chosen && chosen.spending.length > 0, 'a listed programme with spending entries');

    await board.locator(`[part~="program-title"][data-program="${chosen.id}"]`).click();
    const dialog = board.locator('dialog[open]');
    await dialog.locator('.detail-committed').waitFor();
    assert.equal((await dialog.locator('#dialog-title').innerText()).trim(), chosen.title);
    assert.equal((await dialog.locator('.detail-company dd').innerText()).trim().startsWith(chosen.company.name), true, 'the company');
    assert.equal((await dialog.locator('.detail-place dd').innerText()).trim(), `Desa ${chosen.location.desa}, Kec. ${chosen.location.kecamatan}`, 'the place');
    assert.equal((await dialog.locator('.detail-committed dd').innerText()).trim(), rupiah(chosen.committed), 'the committed budget, to the rupiah');
    assert.equal((await dialog.locator('.detail-spent dd').innerText()).trim(), rupiah(chosen.spent), 'what was spent, to the rupiah');
    const entries = await dialog.locator('tr[data-spending]').evaluateAll((rows) =>
      rows.map((row) => ({
        id: Number(row.getAttribute('data-spending')),
        date: row.querySelector('time')?.getAttribute('datetime'),
        description: (row.querySelector('.what') as HTMLElement).innerText.trim(),
        amount: (row.querySelector('.amount') as HTMLElement).innerText.trim(),
      })),
    );
    assert.deepEqual(
      entries,
      chosen.spending.map((entry) => ({ id: entry.id, date: entry.date, description: entry.description, amount: entry.amount.toLocaleString('id-ID') })),
      'every spending entry, oldest first, with its day, what for and amount',
    );
    assert.equal(whole(await dialog.locator('tfoot .total').innerText()), chosen.spent, 'the entries add up to what was spent');

    const text = await allText(page);
    const served = JSON.stringify(chosen);
    assert.ok(text.includes(chosen.spending[0]!.description), 'the text read includes the open details');
    for (const mark of CONTACT_MARKS) {
      assert.ok(!text.includes(mark), `the page with the details open shows no contact person (${mark})`);
      assert.ok(!served.includes(mark), `the public API sends no contact person (${mark})`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'sip-benar-dialog-1280.png') });
    await page.keyboard.press('Escape');
    await board.locator('dialog[open]').waitFor({ state: 'detached' }).catch(() => undefined);
    assert.equal(await board.locator('dialog[open]').count(), 0, 'Escape closes the details');
    assert.deepEqual(errors, [], 'no errors, console errors, CSP violations or 4xx/5xx responses on the page');
    await context.close();
  });

  it('opens the map only when asked (Leaflet fetched then), draws a dot per programme with a location, and a dot opens its programme and its receipt', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openBoardPage(context);
    const board = page.locator('opd-csr-board');
    await board.locator('[part~="program"]').first().waitFor();
    const leaflet: string[] = [];
    page.on('request', (request) => {
      if (/map-view|program-map|leaflet/i.test(request.url())) leaflet.push(request.url());
    });
    const located: CsrProgramList['data'] = [];
    for (let cursor = ''; ; ) {
      const list = await api<CsrProgramList>(`programs?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      located.push(...list.data.filter((p) => p.location.point));
      if (!list.nextCursor) break;
      cursor = list.nextCursor;
    }
    assert.ok(located.length > 20, `the demo's programmes have locations (${located.length})`);
    assert.deepEqual(leaflet, [], 'no map chunk fetched for the list');
    await board.locator('[part~="views"] [data-view="map"]').click();
    await board.locator('.map-status', { hasText: `${located.length} program di peta` }).waitFor();
    assert.ok(leaflet.length > 0, 'the map’s chunks fetched once it is opened');
    const map = board.locator('#map');
    await map.scrollIntoViewIfNeeded();
    // The first dot painted on the canvas (its fill one of the field colours), away from the zoom buttons.
    const dot = await map.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
      const box = canvas.getBoundingClientRect();
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      const scale = canvas.width / box.width;
      const colours = new Set(['0,114,178', '230,159,0', '0,158,115', '204,121,167', '213,94,0', '86,180,233', '240,228,66', '110,110,110']);
      for (let y = 100; y < canvas.height - 4; y += 2) {
        for (let x = 4; x < canvas.width - 4; x += 2) {
          const i = (y * canvas.width + x) * 4;
          if (colours.has(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`)) return { x: box.left + x / scale, y: box.top + y / scale };
        }
      }
      return null;
    });
    assert.ok(dot, 'a dot drawn');
    await page.screenshot({ path: join(SCREENSHOTS, 'sip-benar-map-1280.png') });
    await page.mouse.click(dot.x, dot.y);
    const dialog = board.locator('dialog[open]');
    await dialog.locator('.details, .choose').first().waitFor();
    if ((await dialog.locator('.choose').count()) > 0) await dialog.locator('.choose').first().click();
    await dialog.locator('.detail-committed').waitFor();
    const title = (await dialog.locator('#dialog-title').innerText()).trim();
    const program = located.find((p) => p.title === title);
    assert.ok(program, `the dot opened a programme with a location (${title})`);
    const detail = await api<CsrProgramDetail>(`programs/${program.id}`);
    assert.equal((await dialog.locator('.detail-committed dd').innerText()).trim(), rupiah(detail.committed), 'its committed budget, to the rupiah');
    const withEvidence = detail.spending.find((entry) => entry.evidence.length > 0);
    if (withEvidence) {
      const link = dialog.locator(`tr[data-spending="${withEvidence.id}"] .evidence a`).first();
      assert.equal(await link.getAttribute('href'), withEvidence.evidence[0]!.url, 'the receipt’s link');
      const receipt = await fetch(withEvidence.evidence[0]!.url);
      assert.equal(receipt.headers.get('content-type'), 'application/pdf', 'a PDF');
      assert.ok((await receipt.text()).includes('CONTOH SINTETIS'), 'saying it is synthetic');
    } else {
      assert.equal(detail.spending.length, 0, 'every demo spending entry has a receipt');
    }
    await page.keyboard.press('Escape');
    await board.locator('[part~="views"] [data-view="list"]').click();
    await board.locator('[part~="program"]').first().waitFor();
    assert.deepEqual(errors, [], 'no errors, console errors, CSP violations or 4xx/5xx responses on the page');
    await context.close();
  });

  it('is in the menu of every page of the demo site, and the link opens it', async () => {
    for (const name of ['index.html', 'perjaka.html', 'dprd.html', 'inovasi.html', 'layanan.html', 'sip-benar.html']) {
      const response = await fetch(`${server.baseUrl}/${name}`);
      assert.equal(response.status, 200, name);
      const nav = /<nav aria-label="Menu utama">([\s\S]*?)<\/nav>/.exec(await response.text())?.[1] ?? '';
      assert.match(nav, name === 'sip-benar.html' ? /<a href="#konten" aria-current="page">SIP BENAR<\/a>/ : /<a href="sip-benar.html">SIP BENAR<\/a>/, `${name}'s menu`);
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/inovasi.html`);
    await page.getByRole('navigation', { name: 'Menu utama' }).getByRole('link', { name: 'SIP BENAR' }).click();
    await page.waitForURL(/\/sip-benar\.html$/);
    await page.locator('opd-csr-board .figure--committed .figure-exact').waitFor();
    await context.close();
  });

  for (const width of [320, 375, 1280]) {
    it(`fits a ${width} px wide screen with no sideways scrolling, and in a host page with a 10px root and a global reset`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page, errors } = await openBoardPage(context);
      const board = page.locator('opd-csr-board');
      await board.locator('.figure--committed .figure-exact').waitFor();
      await board.locator('[part~="program"]').first().waitFor();
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const overrun = () =>
        page.evaluate(() => {
          const host = document.querySelector('opd-csr-board')!;
          const edge = host.getBoundingClientRect().right;
          return [...host.shadowRoot!.querySelectorAll('*')]
            .filter((element) => !element.closest('.table-wrap, dialog, .visually-hidden'))
            .filter((element) => element.getBoundingClientRect().right - edge > 0.5)
            .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class')}`);
        });
      assert.equal(await sideways(), 0, 'the page does not scroll sideways');
      assert.deepEqual(await overrun(), [], 'nothing in the board runs past its edge');
      await page.screenshot({ path: join(SCREENSHOTS, `sip-benar-${width}.png`), fullPage: true });

      await page.evaluate(() => {
        // The page's CSP refuses inline styles: the host's rules go in as a constructed sheet.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('html { font-size: 10px } * { margin: 0; padding: 0; box-sizing: content-box } ul, ol { list-style: none } button, input, select { font: inherit }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const size = (locator: Locator) => locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      assert.ok((await size(board.locator('[part~="count"]'))) >= 14, 'the board’s text stays readable');
      assert.ok((await size(board.locator('.figure--committed dt'))) >= 14, 'the figures’ labels stay readable');
      assert.equal(await sideways(), 0, 'no sideways scrolling in the host page either');
      assert.deepEqual(await overrun(), [], 'nothing in the board runs past its edge in the host page');
      await page.screenshot({ path: join(SCREENSHOTS, `sip-benar-host-10px-${width}.png`), fullPage: true });
      assert.deepEqual(errors, [], 'no errors on the page');
      await context.close();
    });
  }
});
