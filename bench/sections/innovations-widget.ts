/**
 * The innovation catalogue widget (issue 18): `<opd-innovation-list>`'s npm entry min+gzip
 * next to the Shoelace components a catalogue is built from, and, in headless Chromium, the
 * time from navigation to its first page of results over a catalogue of 10,000 verified
 * innovations (the search section's synthetic set, on PGlite) next to the floor: the same page
 * of the same API fetched with `fetch()` and written into the DOM by hand, no framework (see
 * bench/pages/innovation-list-bare.js). Both pages load from a static server on one origin and
 * read the API on another (CORS, as an OPD's site does), with the HTTP cache off.
 *
 * One of `npm run bench`'s sections, alone with `BENCH_ONLY=innovations-widget npm run bench`;
 * `BENCH_INNOVATION_ROUNDS` (default 10) loads per page, interleaved, after one untimed load each.
 *
 * @module
 */
import { mkdir, readFile, writeFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../test/helpers/local.js';
import { startTestServer } from '../../test/helpers/server.js';
import { serveStatic } from '../lib/browser.js';
import { fail, note, onCleanup } from '../lib/context.js';
import { repoPath } from '../lib/paths.js';
import { kb, median, ms, ratio, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';
import { bundleSize } from '../lib/sizes.js';
import { fill, INNOVATIONS } from './innovations-search.js';

const rounds = Math.max(1, Math.round(Number(process.env.BENCH_INNOVATION_ROUNDS) || 10));

/** Results the widget shows on its first page (its PAGE_SIZE), and the floor's too. */
const FIRST_PAGE = 10;

const MODES = ['opd-kit', 'bare'] as const;
type Mode = (typeof MODES)[number];

const LABELS: Record<Mode, string> = {
  'opd-kit': 'opd-kit: <opd-innovation-list> (its npm entry bundled: Lit, zod, the SDK)',
  bare: 'floor: fetch() + DOM by hand, the same page of the same API',
};

/**
 * Runs in the page before anything else: every 2 ms, whether the first page of results is on
 * screen, and when (ms since navigation start) in `window.__benchReady`. Plain JavaScript text
 * (a function compiled by tsx would carry helpers that do not exist in the page).
 */
function probe(mode: Mode): string {
  return `(() => {
  const mode = ${JSON.stringify(mode)};
  const shown = () => mode === 'opd-kit'
    ? document.querySelector('opd-innovation-list')?.shadowRoot?.querySelectorAll('[part~=result]').length ?? 0
    : document.querySelectorAll('#results article').length;
  const timer = setInterval(() => {
    if (shown() >= ${FIRST_PAGE}) { window.__benchReady = performance.now(); clearInterval(timer); }
  }, 2);
})();`;
}

/** The section: sizes, and the first results of each page. */
export async function innovationsWidgetSection(work: string): Promise<{ markdown: string; figures: Figure[]; details: Record<string, unknown> }> {
  const pages = join(work, 'innovation-list-pages');
  await mkdir(pages, { recursive: true });
  note('innovations-widget: bundling <opd-innovation-list> and the Shoelace catalogue components');
  const ours = await bundleSize('widgets/innovation-list/define.ts', pages);
  const shoelace = await bundleSize('bench/entries/shoelace-catalogue.ts');
  const progress = await bundleSize('widgets/innovation-progress/define.ts');

  const server = await startTestServer({ store: 'pglite' });
  onCleanup(() => server.close());
  const filling = performance.now();
  await fill(server.db as unknown as Kysely<Record<string, Record<string, unknown>>>);
  note(`innovations-widget: ${INNOVATIONS} innovations in ${Math.round(performance.now() - filling)} ms`);
  const first = (await (await fetch(`${server.url}/api/v1/innovations?limit=${FIRST_PAGE}`)).json()) as { total: number };
  if (first.total < INNOVATIONS) fail(`innovations-widget: the catalogue holds ${first.total} verified innovations, not ${INNOVATIONS}+`);

  const template = await readFile(repoPath('bench/pages/innovation-list.html'), 'utf8');
  await writeFile(
    join(pages, 'opd-kit.html'),
    template.replaceAll('{{MODE}}', 'opd-kit').replace('{{SCRIPT}}', 'define.js').replace('{{BODY}}', `<opd-innovation-list api="${server.url}"></opd-innovation-list>`),
  );
  await copyFile(repoPath('bench/pages/innovation-list-bare.js'), join(pages, 'bare.js'));
  await writeFile(
    join(pages, 'bare.html'),
    template.replaceAll('{{MODE}}', 'bare').replace('{{SCRIPT}}', 'bare.js').replace('{{BODY}}', `<div id="results" data-api="${server.url}"></div>`),
  );
  const statics = await serveStatic({ '/': pages });
  onCleanup(() => statics.close());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());

  note(`innovations-widget: ${rounds} timed loads per page`);
  const times: Record<Mode, number[]> = { 'opd-kit': [], bare: [] };
  for (let round = -1; round < rounds; round++) {
    for (const mode of MODES) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()}`);
      });
      try {
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await page.addInitScript({ content: probe(mode) });
        await page.goto(`${statics.url}/${mode}.html`, { waitUntil: 'commit' });
        let readyAt: number | undefined;
        const deadline = Date.now() + 15_000;
        while (readyAt === undefined && Date.now() < deadline) {
          readyAt = (await page.evaluate('window.__benchReady')) as number | undefined;
          if (readyAt === undefined) await sleep(20);
        }
        if (readyAt === undefined) fail(`innovations-widget: ${mode} never showed ${FIRST_PAGE} results${errors.length ? `: ${errors.join('; ')}` : ''}`);
        else if (round >= 0) times[mode].push(readyAt);
      } finally {
        await context.close();
      }
    }
  }
  await browser.close();
  await statics.close();
  await server.close();

  const oursMs = median(times['opd-kit']);
  const bareMs = median(times.bare);
  const figures: Figure[] = [
    {
      id: 'innovations-widget.first-results',
      label: `<opd-innovation-list>: navigation → first ${FIRST_PAGE} of ${INNOVATIONS.toLocaleString('en')} results (median)`,
      value: Math.round(oursMs * 10) / 10,
      unit: 'ms',
      peer: { id: 'innovations-widget.bare.first-results', label: 'fetch() + DOM by hand', value: Math.round(bareMs * 10) / 10 },
      ratio: oursMs / bareMs,
    },
    {
      id: 'innovations-widget.size',
      label: '<opd-innovation-list> npm entry (Lit, zod, SDK inside), min+gzip',
      value: ours.gzip,
      unit: 'B',
      peer: { id: 'innovations-widget.shoelace.size', label: 'Shoelace sl-input, sl-select, sl-option, sl-button, sl-badge, sl-dialog, sl-spinner', value: shoelace.gzip },
      ratio: ours.gzip / shoelace.gzip,
    },
    { id: 'innovations-widget.progress-size', label: '<opd-innovation-progress> npm entry (Lit, zod, SDK inside), min+gzip', value: progress.gzip, unit: 'B' },
  ];
  return {
    figures,
    details: { innovations: INNOVATIONS, rounds, times, sizes: { ours, shoelace, progress } },
    markdown: [
      '## Innovation catalogue widget',
      '',
      `Sizes bundled with rollup + terser, gzip -9. Time: headless Chromium at 375×800, HTTP cache off, the API on another origin (CORS) with ${INNOVATIONS.toLocaleString('en')} verified innovations on PGlite; from navigation start to the first ${FIRST_PAGE} results on screen; ${rounds} loads per page, interleaved, after one untimed load each.`,
      '',
      table(
        ['', 'opd-kit', 'peer', 'ratio'],
        [
          ['first results (median)', ms(oursMs), `${ms(bareMs)} (${LABELS.bare})`, ratio(oursMs, bareMs)],
          ['list entry, min+gzip', kb(ours.gzip), `${kb(shoelace.gzip)} (Shoelace: 7 components, no data)`, ratio(ours.gzip, shoelace.gzip)],
          ['progress entry, min+gzip', kb(progress.gzip), '—', '—'],
        ],
      ),
    ].join('\n'),
  };
}
