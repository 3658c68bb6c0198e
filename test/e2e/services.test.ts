/**
 * End to end, as a new user of the demo site's "Mall Pelayanan Publik" page (`layanan.html`,
 * DPMPTSP's directory of every OPD's service standards, served by the real server process with
 * the demo seed, the widgets from the built CDN file, under the page's strict CSP) in headless
 * Chromium: the KTP service found by the word "ktp" with the count and results the directory API
 * gives; its requirements and steps as the API gives them, and "Tanya petugas" to the demo's SIAP
 * page; the requirements checklist printed (print media, the browser's print dialog replaced at
 * the edge) with nothing else of the page on paper; the service rated with the survey and a code
 * Disdukcapil's staff issue through the API; and the OPD's IKM counting one respondent more after
 * a reload, on the page and in the API. No CSP violation, console error or 4xx/5xx response; no
 * sideways scrolling at 320, 375 and 1280 px, nor in a host page with a 10px root and a reset.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Service, ServiceList, SatisfactionReport } from '../../src/schemas/services.js';
import { startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { signIn } from '../helpers/server.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');
/** The OPD and service the page's survey and index are for. */
const OPD = 'disdukcapil';
const SERVICE = 'ktp-el';
/** The word a citizen types. */
const WORD = 'ktp';

let server: DemoServer;
let browser: Browser;
/** KTP-el's published standard, as the API gives it. */
let ktp: Service;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const response = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}/services/${SERVICE}`);
  assert.equal(response.status, 200);
  ktp = (await response.json()) as Service;
  assert.ok(ktp.requirements.length > 1 && ktp.procedure.length > 1, 'KTP-el has requirements and steps');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `layanan.html` (with `search`, e.g. `?kode=…`), recording thrown errors, console errors (CSP refusals among them), CSP violation events and 4xx/5xx responses. */
async function openServicesPage(context: BrowserContext, search = ''): Promise<{ page: Page; errors: string[] }> {
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
  await page.goto(`${server.baseUrl}/layanan.html${search}`);
  return { page, errors };
}

/** The directory's first page for `q`, as the API answers it (the widget asks for ten). */
async function searched(q: string): Promise<ServiceList> {
  const response = await fetch(`${server.baseUrl}/api/v1/services?${new URLSearchParams({ q, limit: '10' })}`);
  assert.equal(response.status, 200);
  return (await response.json()) as ServiceList;
}

/** The OPD's satisfaction report of this year, as the API gives it. */
async function satisfaction(): Promise<SatisfactionReport> {
  const response = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}/satisfaction`);
  assert.equal(response.status, 200);
  return (await response.json()) as SatisfactionReport;
}

/** Waits until the directory shows `expected` (its count line and its results' names), then asserts it does. */
async function assertShows(directory: Locator, expected: ServiceList, what: string): Promise<void> {
  const shown = async () => ({
    count: (await directory.locator('[part~="count"]').innerText()).trim(),
    names: (await directory.locator('.results:not(.results--stale) [part~="result-title"]').allInnerTexts()).map((name) => name.trim()),
  });
  const wanted = { count: `${expected.total.toLocaleString('id-ID')} layanan ditemukan.`, names: expected.data.map((item) => item.name) };
  const deadline = Date.now() + 10_000;
  let seen = await shown();
  while (JSON.stringify(seen) !== JSON.stringify(wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await shown();
  }
  assert.deepEqual(seen, wanted, `${what}: the count and results the API gives`);
}

/** Types "ktp" into the directory's search box as a person does, and opens KTP-el from the results. */
async function openKtp(directory: Locator): Promise<Locator> {
  await directory.locator('[part~="result"]').first().waitFor();
  await directory.getByRole('searchbox', { name: 'Cari layanan' }).pressSequentially(WORD, { delay: 40 });
  await assertShows(directory, await searched(WORD), `"${WORD}"`);
  await directory.getByRole('button', { name: ktp.name, exact: true }).click();
  const standard = directory.locator('[part~="standard"]');
  await standard.waitFor();
  return standard;
}

/** The respondents the index widget's headline shows ("dari 421 responden"). */
async function respondentsShown(page: Page): Promise<string> {
  const line = page.locator('opd-satisfaction-index [part~="headline"] .respondents');
  await line.waitFor();
  return (await line.innerText()).trim();
}

describe('the demo site’s Mall Pelayanan Publik page, as a new user', () => {
  it('finds KTP-el by “ktp”, reads its requirements and steps as the API gives them, and prints the checklist alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openServicesPage(context);
    const directory = page.locator('opd-service-directory');
    const found = await searched(WORD);
    assert.equal(found.data[0]?.name, ktp.name, `"${WORD}" finds KTP-el first (the API)`);
    const standard = await openKtp(directory);

    assert.equal((await standard.locator('#detail-title').innerText()).trim(), ktp.name, 'the standard of KTP-el');
    const requirements = (await standard.locator('[part~="checklist"] label').allInnerTexts()).map((text) => text.trim());
    assert.deepEqual(requirements, ktp.requirements, 'every requirement, in the API’s order, as a checklist');
    assert.equal(await standard.locator('[part~="checklist"] input[type="checkbox"]').count(), ktp.requirements.length, 'a box for each');
    const steps = (await standard.locator('[part~="steps"] li').allInnerTexts()).map((text) => text.trim());
    assert.deepEqual(steps, ktp.procedure, 'the steps in order, as the API gives them');
    // "Tanya petugas" goes to the demo's SIAP page for this OPD and service.
    assert.ok(ktp.consultation, 'Disdukcapil runs SIAP');
    const ask = new URL((await standard.locator('a[part~="ask"]').getAttribute('href'))!, page.url());
    assert.equal(ask.pathname + ask.search, `/index.html?opd=${OPD}&layanan=${SERVICE}`, 'to the SIAP page with the OPD and service');
    await page.screenshot({ path: join(SCREENSHOTS, 'layanan-ktp-1280.png'), fullPage: true });

    // The print button, pressed as a citizen does; the browser's print dialog is the edge: it only
    // notes that it was opened, and what is on paper is the page in print media while it is open.
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { printCalls: number }).printCalls = ((window as unknown as { printCalls?: number }).printCalls ?? 0) + 1;
      };
    });
    await standard.getByRole('button', { name: 'Cetak daftar persyaratan' }).click();
    await page.waitForFunction(() => (window as unknown as { printCalls?: number }).printCalls === 1);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      // No named helpers in here: tsx would wrap them in a `__name` the page does not have.
      const root = document.querySelector('opd-service-directory')!.shadowRoot!;
      const around = ['.demo-banner', '.site-header', 'h1', '.lead', '.services-survey', '.services-index', '.site-footer'];
      const parts = ['header', 'search', 'filters', 'back', 'facts', 'requirements', 'checklist', 'steps', 'pledge', 'print'];
      return {
        page: around.filter((selector) => document.querySelector(selector)?.checkVisibility()),
        parts: parts.filter((part) => root.querySelector(`[part~="${part}"]`)?.checkVisibility()),
        items: [...root.querySelectorAll('[part~="checklist"] label')].filter((label) => label.checkVisibility()).map((label) => label.textContent!.trim()),
        boxes: [...root.querySelectorAll('[part~="checklist"] input[type="checkbox"]')].filter((box) => box.checkVisibility()).length,
        title: root.querySelector('.print-title')?.textContent?.trim(),
      };
    });
    assert.deepEqual(printed.page, [], 'nothing of the page around the directory is on paper');
    assert.deepEqual(printed.parts, ['requirements', 'checklist'], 'only the requirements checklist');
    assert.deepEqual(printed.items, ktp.requirements, 'every requirement');
    assert.equal(printed.boxes, ktp.requirements.length, 'each with its box to tick');
    assert.equal(printed.title, `Persyaratan: ${ktp.name}`, 'under the service’s name');
    await page.screenshot({ path: join(SCREENSHOTS, 'layanan-print-checklist.png'), fullPage: true });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await standard.locator('[part~="steps"]').waitFor();

    assert.deepEqual(errors, [], 'no errors, console errors, CSP violations or 4xx/5xx responses on the page');
    await context.close();
  });

  it('rates KTP-el with a code from the counter, and the OPD’s IKM counts one respondent more after a reload', async () => {
    const { token } = await signIn(server.baseUrl, `${OPD}@lahat.demo`);
    const issued = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}/services/${SERVICE}/survey-tokens`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ count: 1 }),
    });
    assert.equal(issued.status, 201, 'Disdukcapil’s staff issue a code for the counter');
    const [code] = ((await issued.json()) as { tokens: string[] }).tokens;
    assert.ok(code);
    const before = await satisfaction();

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors } = await openServicesPage(context);
    const n = (count: number) => `dari ${count.toLocaleString('id-ID')} responden`;
    assert.equal(await respondentsShown(page), n(before.overall.respondents), 'the index as the API gives it');

    const survey = page.locator('opd-satisfaction-survey');
    await survey.getByLabel('Kode survei').fill(code.toLowerCase());
    const elements = survey.locator('fieldset.scale');
    await elements.first().waitFor();
    const model = (await (await fetch(`${server.baseUrl}/api/v1/services/survey-model`)).json()) as { elements: unknown[] };
    assert.equal(await elements.count(), model.elements.length, 'a question for each element of the survey model');
    for (let i = 0; i < model.elements.length; i++) await elements.nth(i).locator('[part~="option"]').nth(i % 2 === 0 ? 3 : 2).click();
    await survey.getByRole('button', { name: 'Kirim penilaian' }).click();
    await survey.getByText(`Penilaian Anda untuk layanan ${ktp.name} sudah tercatat.`).waitFor();

    const afterwards = await satisfaction();
    assert.equal(afterwards.overall.respondents, before.overall.respondents + 1, 'the API counts one respondent more');
    await page.reload();
    assert.equal(await respondentsShown(page), n(before.overall.respondents + 1), 'and so does the page after a reload');
    const ikm = (await page.locator('opd-satisfaction-index [part~="figure"]').innerText()).trim();
    assert.equal(ikm, afterwards.overall.ikm!.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), 'the index as the API computes it now');

    assert.deepEqual(errors, [], 'no errors, console errors, CSP violations or 4xx/5xx responses on the page');
    await context.close();
  });

  for (const width of [320, 375, 1280]) {
    it(`fits a ${width} px wide screen with no sideways scrolling, the list and a service, and in a host page with a 10px root and a global reset`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page, errors } = await openServicesPage(context);
      const directory = page.locator('opd-service-directory');
      await directory.locator('[part~="result"]').first().waitFor();
      await page.locator('opd-satisfaction-survey fieldset.scale').first().waitFor();
      await respondentsShown(page);
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const overrun = () =>
        page.evaluate(() =>
          ['opd-service-directory', 'opd-satisfaction-survey', 'opd-satisfaction-index'].flatMap((tag) => {
            const host = document.querySelector(tag)!;
            const edge = host.getBoundingClientRect().right;
            return [...host.shadowRoot!.querySelectorAll('*')]
              .filter((element) => !element.closest('.table-wrap, dialog, .visually-hidden'))
              .filter((element) => element.getBoundingClientRect().right - edge > 0.5)
              .map((element) => `${tag} ${element.tagName.toLowerCase()}.${element.className}`);
          }),
        );
      assert.equal(await sideways(), 0, 'the page does not scroll sideways');
      assert.deepEqual(await overrun(), [], 'nothing in the widgets runs past their edge');
      await page.screenshot({ path: join(SCREENSHOTS, `layanan-${width}.png`), fullPage: true });

      await openKtp(directory);
      assert.equal(await sideways(), 0, 'the standard does not scroll sideways');
      assert.deepEqual(await overrun(), [], 'nothing in the standard runs past its edge');
      await page.screenshot({ path: join(SCREENSHOTS, `layanan-ktp-${width}.png`), fullPage: true });

      await page.evaluate(() => {
        // The page's CSP refuses inline styles: the host's rules go in as a constructed sheet.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('html { font-size: 10px } * { margin: 0; padding: 0; box-sizing: content-box } ul, ol { list-style: none } button, input, select { font: inherit }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const size = (locator: Locator) => locator.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      assert.ok((await size(directory.locator('[part~="steps"] li').first())) >= 14, 'the standard’s text stays readable');
      assert.ok((await size(page.locator('opd-satisfaction-survey [part~="option"]').first())) >= 14, 'the survey’s text stays readable');
      assert.ok((await size(page.locator('opd-satisfaction-index [part~="headline"] .respondents'))) >= 14, 'the index’s text stays readable');
      assert.equal(await sideways(), 0, 'no sideways scrolling in the host page either');
      assert.deepEqual(await overrun(), [], 'nor anything past the widgets’ edge');
      await page.screenshot({ path: join(SCREENSHOTS, `layanan-host-10px-${width}.png`), fullPage: true });
      assert.deepEqual(errors, [], 'no errors on the page');
      await context.close();
    });
  }
});
