/**
 * End to end, as a new user of the demo site's innovation page (`inovasi.html`, Bappeda's "Satu
 * OPD Satu Inovasi", served by the real server process with the demo seed, the widgets from the
 * built CDN file, under the page's strict CSP) in headless Chromium: the progress board's N of M
 * OPDs and every OPD still without a verified innovation, as the progress API gives them; the
 * catalogue searched by an Indonesian word and by a typo of it, then narrowed by form and stage,
 * each time with the count and results the search API gives for the same query; one result's
 * details with its problem and evidence links (the files served) and no contact person; and the
 * XLSX export the API documents, opened as the ZIP it is, its first row the CSV export's header.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Innovation, InnovationList, InnovationProgress } from '../../src/schemas/innovations.js';
import { startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');

/** A word the demo's innovations use (11 of them, so more than one page of ten), and a typo of it. */
const WORD = 'desa';
const TYPO = 'dessa';

/** What the demo seed writes as an innovation's contact person (staff only): none of it may show. */
const CONTACT_MARKS = ['Koordinator Inovasi', '0812 0000', '@lahat.demo'];

let server: DemoServer;
let browser: Browser;
/** The board of the configured year, as the progress API gives it. */
let progress: InnovationProgress;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const response = await fetch(`${server.baseUrl}/api/v1/innovations/progress`);
  assert.equal(response.status, 200);
  progress = (await response.json()) as InnovationProgress;
  assert.ok(progress.opdsDone > 0 && progress.opdsDone < progress.opds, `the demo has OPDs done and not yet (${progress.opdsDone} of ${progress.opds})`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `inovasi.html`, recording thrown errors, console errors (CSP refusals among them), CSP violation events and 4xx/5xx responses. */
async function openInnovationPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
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
  await page.goto(`${server.baseUrl}/inovasi.html`);
  return { page, errors };
}

/** The catalogue's first page for a query, as the search API answers it (the widget asks for ten). */
async function searched(query: Record<string, string>): Promise<InnovationList> {
  const response = await fetch(`${server.baseUrl}/api/v1/innovations?${new URLSearchParams({ ...query, limit: '10' })}`);
  assert.equal(response.status, 200);
  return (await response.json()) as InnovationList;
}

/** The count line the catalogue shows for `total` matches. */
const countLine = (total: number) => (total === 0 ? 'Tidak ada inovasi ditemukan.' : `${total.toLocaleString('id-ID')} inovasi ditemukan.`);

/** Waits until the catalogue shows `expected` (its count line and the names of its first page), then asserts it does. */
async function assertShows(catalogue: Locator, expected: InnovationList, what: string): Promise<void> {
  const shown = async () => ({
    count: (await catalogue.locator('[part~="count"]').innerText()).trim(),
    names: (await catalogue.locator('.results:not(.results--stale) [part~="result-title"]').allInnerTexts()).map((name) => name.trim()),
  });
  const wanted = { count: countLine(expected.total), names: expected.data.map((item) => item.name) };
  const deadline = Date.now() + 10_000;
  let seen = await shown();
  while (JSON.stringify(seen) !== JSON.stringify(wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await shown();
  }
  assert.deepEqual(seen, wanted, `${what}: the count and results the API gives`);
}

/** Types `words` into the catalogue's search box as a person does (the box emptied first), and lets the pause start the search. */
async function typeWords(catalogue: Locator, words: string): Promise<void> {
  const box = catalogue.getByRole('searchbox', { name: 'Cari inovasi' });
  await box.fill('');
  await box.pressSequentially(words, { delay: 40 });
}

/** The files of a ZIP by name, inflated, read from its central directory (as test/server/modules/innovations-export.test.ts reads the export). */
function unzip(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a ZIP has an end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

const decodeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text of each cell of the sheet's first row, placed by its reference (shared or inline strings). */
function firstSheetRow(files: Map<string, string>): string[] {
  const sheetName = [...files.keys()].find((name) => /^xl\/worksheets\/sheet\d*\.xml$/.test(name));
  assert.ok(sheetName, `a worksheet among ${[...files.keys()].join(', ')}`);
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((si) =>
    [...si[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''),
  );
  const row = /<row[^>]*>([\s\S]*?)<\/row>/.exec(files.get(sheetName)!)?.[1];
  assert.ok(row !== undefined, 'the sheet has a first row');
  const columnOf = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
  const cells: string[] = [];
  for (const cell of row.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attributes = cell[1]!;
    const inner = cell[2] ?? '';
    const ref = /r="([A-Z]+)1"/.exec(attributes)?.[1];
    assert.ok(ref, `a first-row cell with its reference (${attributes})`);
    const value = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
    const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1];
    cells[columnOf(ref)] = decodeXml(/t="s"/.test(attributes) && value !== undefined ? shared[Number(value)]! : (inline ?? value ?? ''));
  }
  return Array.from(cells, (cell) => cell ?? '');
}

/** The first record of a CSV (RFC 4180: quoted fields, doubled quotes, CRLF), after its BOM. */
function csvHeader(text: string): string[] {
  const fields: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
        value += text[i] === '"' ? '"' : text[i];
        i += text[i] === '"' ? 2 : 1;
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') value += text[i++];
    }
    fields.push(value);
    if (text[i] !== ',') return fields;
    i++;
  }
}

describe('the demo site’s innovation page, as a new user', () => {
  it('shows how many OPDs of all have a verified innovation, the deadline, and names every OPD still without one', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openInnovationPage(context);
    const board = page.locator('opd-innovation-progress');
    const percent = `${progress.percent.toLocaleString('id-ID', { maximumFractionDigits: 2 })}\u00a0%`;
    const sentence = `${progress.opdsDone} dari ${progress.opds} OPD sudah memiliki inovasi terverifikasi (${percent})`;
    await board.getByText(sentence).waitFor();
    assert.equal(await board.getByRole('progressbar').getAttribute('aria-valuenow'), String(progress.percent), 'the bar at the API’s percentage');
    assert.equal((await board.locator('[part~="figure"]').innerText()).trim(), percent, 'the figure');
    if (progress.deadline && progress.daysLeft !== null && progress.daysLeft > 1) {
      assert.equal(await board.locator('time').getAttribute('datetime'), progress.deadline, 'the deadline');
      assert.equal((await board.locator('[part~="countdown"]').innerText()).trim(), `${progress.daysLeft} hari lagi`, 'the days left');
    }

    // Every OPD without a verified innovation, by name, in view without pressing "show all".
    const names = new Map(progress.board.map((opd) => [opd.slug, opd.name]));
    assert.ok(progress.missing.length > 0, 'the demo leaves OPDs without one');
    const missing = board.locator('.section--missing');
    assert.equal((await missing.getByRole('heading').innerText()).trim(), `Belum memiliki inovasi terverifikasi (${progress.missing.length} OPD)`);
    const listed = await missing.locator('li.opd').evaluateAll((items) =>
      items.map((item) => [item.getAttribute('data-slug'), item.querySelector('.opd-name')?.textContent?.trim()]),
    );
    assert.deepEqual(
      listed.map(([slug]) => slug).sort(),
      [...progress.missing].sort(),
      'the OPDs the API names as missing, and only those',
    );
    for (const [slug, name] of listed) assert.equal(name, names.get(slug!), `${slug} under its name`);
    for (const slug of progress.missing) assert.ok(await missing.locator(`li[data-slug="${slug}"]`).isVisible(), `${names.get(slug)} is in view`);
    // And an OPD done is not among them.
    const done = progress.board.find((opd) => opd.verified > 0)!;
    assert.equal(await missing.locator(`li[data-slug="${done.slug}"]`).count(), 0, `${done.name} is not listed as missing`);
    assert.equal((await board.locator('.section--done').getByRole('heading').innerText()).trim(), `Sudah memiliki inovasi terverifikasi (${progress.opdsDone} OPD)`);

    assert.deepEqual(errors, [], 'no errors, console errors, CSP violations or 4xx/5xx responses on the page');
    await context.close();
  });

  it('finds innovations by a word and by a typo of it, narrows them by form and stage, and opens one with its problem and evidence, without a contact person', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openInnovationPage(context);
    const catalogue = page.locator('opd-innovation-list');
    await assertShows(catalogue, await searched({}), 'the whole catalogue at first');
    // One heading names the catalogue, at the level under the page's title, as the board's does.
    const headings = page.getByRole('heading', { name: /^Katalog inovasi daerah$/i });
    assert.equal(await headings.count(), 1, 'the catalogue is named once');
    assert.equal(await headings.getAttribute('aria-level'), '2');
    assert.equal(await page.locator('opd-innovation-progress #board-title').getAttribute('aria-level'), '2');

    // A word, then a typo of it.
    const byWord = await searched({ q: WORD });
    assert.ok(byWord.total > 10, `"${WORD}" finds more than a page (${byWord.total})`);
    await typeWords(catalogue, WORD);
    await assertShows(catalogue, byWord, `"${WORD}"`);
    assert.match(await catalogue.locator('.more-row').innerText(), new RegExp(`Menampilkan 10 dari ${byWord.total}`), 'how many are shown of all');

    const byTypo = await searched({ q: TYPO });
    assert.ok(byTypo.total > 0, `the typo "${TYPO}" still finds innovations (${byTypo.total})`);
    await typeWords(catalogue, TYPO);
    await assertShows(catalogue, byTypo, `the typo "${TYPO}"`);

    // Narrowed by form, then by stage as well.
    await catalogue.getByLabel('Bentuk inovasi').selectOption({ label: 'Inovasi daerah bentuk lainnya' });
    const byForm = await searched({ q: TYPO, type: 'lainnya' });
    assert.ok(byForm.total > 0 && byForm.total < byTypo.total, `the form narrows the results (${byForm.total} of ${byTypo.total})`);
    await assertShows(catalogue, byForm, `"${TYPO}", bentuk lainnya`);
    for (const text of await catalogue.locator('.meta--type').allInnerTexts()) assert.match(text, /^Inovasi daerah bentuk lainnya/, 'every result is of that form');

    await catalogue.getByLabel('Tahapan').selectOption({ label: 'Penerapan' });
    const byStage = await searched({ q: TYPO, type: 'lainnya', stage: 'penerapan' });
    assert.ok(byStage.total > 0, `applied innovations of that form (${byStage.total})`);
    await assertShows(catalogue, byStage, `"${TYPO}", bentuk lainnya, penerapan`);
    for (const badge of await catalogue.locator('[part~="result"] [part~="stage"]').allInnerTexts()) assert.equal(badge.trim(), 'Penerapan');

    // One result's details: its problem and evidence links, and no contact person.
    const chosen: Innovation | undefined = byStage.data.find((item) => item.evidence.length > 0);
    assert.ok(chosen, 'a result with evidence');
    await catalogue.getByRole('button', { name: chosen.name, exact: true }).click();
    const dialog = catalogue.locator('dialog[open]');
    await dialog.waitFor();
    assert.equal((await dialog.locator('#dialog-title').innerText()).trim(), chosen.name);
    const problem = dialog.locator('.section').filter({ has: page.getByRole('heading', { name: 'Permasalahan' }) });
    assert.equal((await problem.locator('.prose').innerText()).trim(), chosen.problem, 'the problem, in full');
    assert.ok(await problem.isVisible(), 'the problem is shown');
    const links = await dialog.locator('[part~="evidence"] a').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    assert.deepEqual(links.sort(), chosen.evidence.map((file) => new URL(file.url, server.baseUrl).href).sort(), 'a link to every evidence file');
    const file = await fetch(links[0]!);
    assert.equal(file.status, 200, 'the evidence file is served');
    assert.match(file.headers.get('content-type') ?? '', /^application\/pdf/);
    assert.equal(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-', 'a PDF');
    const shown = await dialog.innerText();
    const served = await (await fetch(`${server.baseUrl}/api/v1/innovations/${chosen.id}`)).text();
    for (const mark of CONTACT_MARKS) {
      assert.ok(!shown.includes(mark), `the details show no contact person (${mark})`);
      assert.ok(!served.includes(mark), `the public API sends no contact person (${mark})`);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'inovasi-dialog-1280.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.querySelector('opd-innovation-list')?.shadowRoot?.activeElement?.textContent?.trim()), chosen.name, 'the focus back on the result');

    assert.deepEqual(errors, [], 'no errors, console errors, CSP violations or 4xx/5xx responses on the page');
    await context.close();
  });

  it('exports the year as an XLSX spreadsheet whose first row has the CSV export’s columns, in the same order', async () => {
    // Where the API says the XLSX is: its OpenAPI document's path, for the board's year.
    const openapi = (await (await fetch(`${server.baseUrl}/openapi.json`)).json()) as { paths: Record<string, unknown> };
    const template = Object.keys(openapi.paths).find((path) => /^\/media\/innovation-export\/\{[a-z]+\}$/.test(path));
    assert.ok(template, 'the API documents the XLSX export');
    const xlsx = await fetch(new URL(template.replace(/\{[a-z]+\}/, `${progress.year}.xlsx`), server.baseUrl));
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await xlsx.arrayBuffer());
    assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a ZIP, as an XLSX is');
    const files = unzip(bytes);
    for (const part of ['[Content_Types].xml', 'xl/workbook.xml']) assert.ok(files.has(part), `the workbook has ${part}`);
    assert.match(files.get('xl/workbook.xml')!, new RegExp(`<sheet [^>]*name="Inovasi ${progress.year}"`), 'one sheet named for the year');

    const csv = await fetch(`${server.baseUrl}/api/v1/innovations/export.csv?year=${progress.year}`);
    assert.equal(csv.status, 200);
    const header = csvHeader(await csv.text());
    assert.ok(header.length > 10 && header[0] === 'No', `the CSV's header (${header.slice(0, 3).join(', ')}, …)`);
    assert.deepEqual(firstSheetRow(files), header, 'the spreadsheet’s first row is the CSV’s header');
  });

  for (const width of [320, 375, 1280]) {
    it(`fits a ${width} px wide screen with no sideways scrolling, and in a host page with a 10px root and a global reset`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page, errors } = await openInnovationPage(context);
      const catalogue = page.locator('opd-innovation-list');
      await page.locator('opd-innovation-progress .section--missing li.opd').first().waitFor();
      await catalogue.locator('[part~="result"]').first().waitFor();
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(await sideways(), 0, 'the page does not scroll sideways');
      const overrun = await page.evaluate(() =>
        ['opd-innovation-progress', 'opd-innovation-list'].flatMap((tag) => {
          const host = document.querySelector(tag)!;
          const edge = host.getBoundingClientRect().right;
          return [...host.shadowRoot!.querySelectorAll('*')]
            .filter((element) => !element.closest('.table-wrap, dialog, .visually-hidden'))
            .filter((element) => element.getBoundingClientRect().right - edge > 0.5)
            .map((element) => `${tag} ${element.tagName.toLowerCase()}.${element.className}`);
        }),
      );
      assert.deepEqual(overrun, [], 'nothing in the widgets runs past their edge');
      await page.screenshot({ path: join(SCREENSHOTS, `inovasi-${width}.png`), fullPage: true });

      await page.evaluate(() => {
        // The page's CSP refuses inline styles: the host's rules go in as a constructed sheet.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('html { font-size: 10px } * { margin: 0; padding: 0; box-sizing: content-box } ul, ol { list-style: none } button, input, select { font: inherit }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const size = (locator: Locator) => locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      assert.ok((await size(catalogue.locator('[part~="count"]'))) >= 14, 'the catalogue’s text stays readable');
      assert.ok((await size(page.locator('opd-innovation-progress .sentence'))) >= 14, 'the board’s text stays readable');
      assert.equal(await sideways(), 0, 'no sideways scrolling in the host page either');
      await page.screenshot({ path: join(SCREENSHOTS, `inovasi-host-10px-${width}.png`), fullPage: true });
      assert.deepEqual(errors, [], 'no errors on the page');
      await context.close();
    });
  }
});
