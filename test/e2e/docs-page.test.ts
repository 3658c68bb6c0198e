/**
 * The API reference at `/docs` in headless Chromium at every common width, from a 320 px
 * phone to a desktop: the page never scrolls sideways, and no table needs to scroll inside
 * its box either (long paths, patterns and media types wrap). Needs no build.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** Phones (320–430), a small tablet, the nav's breakpoint either side (800 px), laptops and a desktop. */
const WIDTHS = [320, 360, 375, 390, 414, 430, 600, 768, 799, 801, 850, 1024, 1280, 1440];

describe('the API reference page at phone to desktop widths', () => {
  let backend: TestServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    backend = await startTestServer({ seed: false });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 375, height: 800 } });
    const response = await page.goto(`${backend.url}/docs`);
    assert.equal(response?.status(), 200);
  });

  after(async () => {
    await browser?.close();
    await backend?.close();
  });

  for (const width of WIDTHS) {
    it(`fits ${width} px: no sideways scroll of the page nor of any table`, async () => {
      await page.setViewportSize({ width, height: 800 });
      const measured = await page.evaluate(() => {
        const tables = [...document.querySelectorAll('table')];
        return {
          pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
          tables: tables.length,
          // A table sticking out of the page, or scrolling inside its own box.
          wide: tables
            .filter((table) => {
              const box = table.parentElement as HTMLElement;
              return table.getBoundingClientRect().right > window.innerWidth + 0.5 || box.scrollWidth > box.clientWidth;
            })
            .map((table) => table.closest('section, article')?.querySelector('h3')?.textContent ?? '?'),
        };
      });
      assert.ok(measured.tables > 20, `the reference has its tables (${measured.tables})`);
      assert.equal(measured.pageOverflow, 0, `the page scrolls sideways by ${measured.pageOverflow} px`);
      assert.deepEqual(measured.wide, [], 'tables wider than their column');
    });
  }

  it('puts every table in a box that scrolls by itself should a table ever not fit', async () => {
    const boxes = await page.evaluate(() =>
      [...document.querySelectorAll('table')].map((table) => {
        const box = table.parentElement as HTMLElement;
        return `${box.className} ${getComputedStyle(box).overflowX}`;
      }),
    );
    assert.ok(boxes.every((box) => box === 'table-wrap auto'), [...new Set(boxes)].join(', '));
  });
});
