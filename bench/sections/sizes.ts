/**
 * Section 1, sizes: the SDK, each widget and the CDN initial load next to their peers
 * (axios, an axios + zod client, Shoelace, FullCalendar, Leaflet), all bundled the same way;
 * then dist/ as built (what `node scripts/sizes.mjs` and CI's budgets measure) with its
 * budgets and the issue's size goals, each as a ratio.
 *
 * @module
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBudgets, KB, measureBudget, measureSizes, readBudgets, type SizeRow } from '../../scripts/sizes.mjs';
import { fail, note } from '../lib/context.js';
import type { DistSnapshot } from '../lib/dist.js';
import { repoPath } from '../lib/paths.js';
import { kb, ratio, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';
import { bundleSize, compressedSizes, type BundleSize } from '../lib/sizes.js';

export const SHOELACE_THEME = 'node_modules/@shoelace-style/shoelace/dist/themes/light.css';
const LEAFLET_CSS = 'node_modules/leaflet/dist/leaflet.css';

/** A bundle measured by this section. */
interface Measured {
  id: string;
  label: string;
  size: BundleSize | undefined;
  /** Peer ids to compare with (gzip). */
  against: string[];
}

const cssSize = (css: Buffer): BundleSize => ({ ...compressedSizes(css), lazyGzip: 0, modules: 0 });
const plus = (a: BundleSize, b: BundleSize): BundleSize => ({
  min: a.min + b.min,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
  lazyGzip: a.lazyGzip + b.lazyGzip,
  modules: a.modules + b.modules,
});

/** Widgets with a define.ts, as the build finds them. */
function widgetNames(): string[] {
  return readdirSync(repoPath('widgets'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(repoPath(`widgets/${entry.name}/define.ts`)))
    .map((entry) => entry.name)
    .sort();
}

/** Bundles the Shoelace form page's script and theme into `pages` (the browser section needs them). */
export async function writeShoelacePage(pages: string): Promise<BundleSize> {
  const shoelace = await bundleSize('bench/entries/shoelace-form.ts', pages);
  await writeFile(join(pages, 'light.css'), await readFile(repoPath(SHOELACE_THEME)));
  return shoelace;
}

export async function sizesSection(
  work: string,
  dist: DistSnapshot | undefined,
): Promise<{ markdown: string; figures: Figure[]; details: Record<string, unknown> }> {
  const measured = new Map<string, Measured>();
  const add = (id: string, label: string, size: BundleSize | undefined, against: string[] = []) =>
    measured.set(id, { id, label, size, against });

  note('sizes: bundling the SDK and its peers');
  add('sdk-bundle', '**opd-kit SDK** — createClient, every module with its staff calls, + error classes (zod/mini and the schemas inside)', await bundleSize('bench/entries/opd-kit-sdk.ts'), ['axios', 'axios-zod']);
  add('citizen-sdk-bundle', "**opd-kit SDK, a citizen's page** — buildClient + citizenConsultations (ask, track) + error classes, as the widgets build it", await bundleSize('bench/entries/opd-kit-citizen-sdk.ts'), ['axios', 'axios-zod']);
  add('axios', 'peer: axios alone (no validation, no types at run time)', await bundleSize('bench/entries/axios.ts'));
  add('axios-zod', 'peer: axios + zod typed client (same calls and schemas, full zod)', await bundleSize('bench/entries/axios-zod-client.ts'));

  note('sizes: bundling each widget and the component peers');
  for (const name of widgetNames()) {
    add(`widget.${name}`, `**&lt;opd-${name}&gt;** — widgets/${name}/define.ts (Lit, SDK, schemas, i18n inside)`, await bundleSize(`widgets/${name}/define.ts`), ['shoelace-input-select-button', 'shoelace-form']);
  }
  const pages = join(work, 'pages');
  add('shoelace-form', 'peer: Shoelace 2 — sl-input, sl-textarea, sl-select, sl-option, sl-checkbox, sl-button, sl-alert (Lit inside)', await writeShoelacePage(pages));
  add('shoelace-input-select-button', 'peer: Shoelace 2 — sl-input, sl-select, sl-option, sl-button (Lit inside): the form goal\'s peer', await bundleSize('bench/entries/shoelace-input-select-button.ts'));
  add('shoelace-theme', 'peer: Shoelace light theme CSS (needed for the components to look right)', cssSize(await readFile(repoPath(SHOELACE_THEME))));
  add('fullcalendar', 'peer: FullCalendar 6 — @fullcalendar/core + @fullcalendar/daygrid (preact inside, CSS injected by its JS), for the coming agenda calendar', await bundleSize('bench/entries/fullcalendar.ts'));
  const leafletJs = await bundleSize('bench/entries/leaflet.ts');
  const leafletCss = cssSize(await readFile(repoPath(LEAFLET_CSS)));
  add('leaflet', 'peer: Leaflet 1.9 — JS (the whole L namespace) + leaflet.css, for the coming road map', plus(leafletJs, leafletCss));

  const vs = (item: Measured) => {
    if (!item.size) return 'n/a';
    if (item.against.length === 0) return '1×';
    return item.against
      .map((peer) => {
        const other = measured.get(peer)?.size;
        return other ? `${ratio(item.size?.gzip ?? Number.NaN, other.gzip)} ${peer}` : `n/a ${peer}`;
      })
      .join(' · ');
  };
  const bundleRow = (item: Measured): string[] =>
    item.size
      ? [item.label, kb(item.size.min), kb(item.size.gzip), kb(item.size.brotli), item.size.lazyGzip ? kb(item.size.lazyGzip) : '—', vs(item)]
      : [item.label, 'missing', 'missing', 'missing', '—', 'n/a'];
  const bundles = table(['bundle', 'min', 'gzip', 'brotli', 'lazy (gzip)', 'vs peer (gzip)'], [...measured.values()].map(bundleRow));

  const figures: Figure[] = [];
  for (const item of measured.values()) {
    if (!item.size) continue;
    const peerId = item.against[0];
    const peer = peerId ? measured.get(peerId) : undefined;
    figures.push({
      id: `sizes.${item.id}`,
      label: item.label.replace(/\*\*/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>'),
      value: item.size.gzip,
      unit: 'B',
      ...(peer?.size ? { peer: { id: `sizes.${peer.id}`, label: peer.id, value: peer.size.gzip }, ratio: item.size.gzip / peer.size.gzip } : {}),
    });
  }

  // dist/ as built: npm entries (lit and zod left to the app's bundler) and CDN pages.
  let distTable = 'dist/ is missing: nothing to measure.';
  let goalsTable = '';
  let budgetsTable = '';
  let sizes: SizeRow[] = [];
  const details: Record<string, unknown> = {
    bundles: Object.fromEntries([...measured.values()].map((item) => [item.id, item.size ?? null])),
    leaflet: { js: leafletJs, css: leafletCss },
  };
  if (dist) {
    sizes = measureSizes(dist.dir);
    const budgets = readBudgets().budgets;
    const checks = checkBudgets(dist.dir, budgets, sizes);
    details.dist = {
      builtAt: dist.builtAt.toISOString(),
      stale: dist.stale,
      sizes: sizes.map((row) => ({ entry: row.entry, files: row.files.length, min: row.min, gzip: row.gzip, lazyGzip: row.lazy.gzip })),
    };
    details.budgets = checks;
    for (const check of checks) {
      if (!check.ok) {
        fail(
          check.gzip === undefined
            ? `size budget ${check.id}: ${check.what} is not in dist/`
            : `size budget ${check.id}: ${check.label} is ${kb(check.gzip)}, over its ${check.maxKB} KB (${check.reason})`,
        );
      }
    }
    const small = measured.get('shoelace-input-select-button')?.size;
    const shoelaceForm = measured.get('shoelace-form')?.size;
    const axios = measured.get('axios')?.size;
    const budgetOf = (row: SizeRow) => checks.find((check) => check.label === row.entry && budgets.find((b) => b.id === check.id)?.measure.entry);
    distTable = table(
      ['dist/ entry (+ static chunks) / CDN page', 'files', 'min', 'min+gzip', 'budget'],
      sizes.map((row) => {
        const budget = budgetOf(row);
        return [
          `\`${row.entry}\``,
          String(row.files.length),
          kb(row.min),
          kb(row.gzip),
          budget ? `${budget.maxKB} KB ${budget.ok ? '✓' : '✗'}` : '—',
        ];
      }),
    );
    budgetsTable = table(
      ['budget (bench/budgets.json)', 'measured', 'min+gzip', 'budget', 'met', 'reason'],
      checks.map((check) => [
        check.id,
        `\`${check.label ?? 'not built'}\``,
        check.gzip === undefined ? '—' : kb(check.gzip),
        `${check.maxKB} KB`,
        check.ok ? '✓' : '✗',
        check.reason.replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      ]),
    );

    // The issue's goals, each as a ratio to its peer (and to its goal).
    const goalRows: string[][] = [];
    const goal = (id: string, label: string, size: number | undefined, goalText: string, met: boolean, peer?: { id: string; value: number | undefined }) => {
      if (size === undefined) {
        fail(`sizes: ${label} is not in dist/`);
        return;
      }
      const peerRatio = peer?.value ? size / peer.value : undefined;
      figures.push({
        id: `sizes.${id}`,
        label,
        value: size,
        unit: 'B',
        ...(peer?.value ? { peer: { id: `sizes.${peer.id}`, label: peer.id, value: peer.value }, ratio: peerRatio } : {}),
        goal: { text: goalText, met },
      });
      goalRows.push([label, kb(size), peer?.value ? `${ratio(size, peer.value)} ${peer.id}` : '—', goalText, met ? '**met**' : 'not met']);
    };
    const budgetGoal = (id: string) => budgets.find((budget) => budget.id === id)?.goal;
    const sdk = measureBudget({ entry: 'index.js' }, sizes);
    const sdkGoal = budgetGoal('sdk')?.maxKB ?? 12;
    goal('sdk', 'SDK: dist/index.js + static chunks (npm entry, zod left to the app)', sdk?.gzip, `≤ ${sdkGoal} KB min+gzip`, (sdk?.gzip ?? Infinity) <= sdkGoal * KB, { id: 'axios', value: axios?.gzip });
    const form = measureBudget({ entry: 'widgets/consultation-form/define.js' }, sizes);
    const formRatio = budgetGoal('consultation-form')?.ratio ?? 0.5;
    goal(
      'consultation-form',
      'consultation form: dist/widgets/consultation-form/define.js + static chunks (npm entry, Lit and zod left to the app)',
      form?.gzip,
      `≤ ${formRatio}× Shoelace sl-input + sl-select + sl-option + sl-button (≤ ${small ? kb(small.gzip * formRatio) : 'n/a'} in this run)`,
      small !== undefined && (form?.gzip ?? Infinity) <= small.gzip * formRatio,
      { id: 'shoelace-input-select-button', value: small?.gzip },
    );
    const initial = measureBudget({ largest: 'widget-page' }, sizes);
    const initialGoal = budgetGoal('cdn-initial')?.maxKB ?? 45;
    goal(
      'cdn-initial',
      `CDN initial load: the largest page with one widget (\`${initial?.label.replace('dist/cdn/opd-kit.js + ', '') ?? 'n/a'}\`: loader + shared chunks + its chunk)`,
      initial?.gzip,
      `≤ ${initialGoal} KB gzip`,
      (initial?.gzip ?? Infinity) <= initialGoal * KB,
      { id: 'shoelace-form', value: shoelaceForm?.gzip },
    );
    goalsTable = table(['goal', 'measured (min+gzip)', 'vs peer (gzip)', 'goal', 'met'], goalRows);
    for (const row of sizes) {
      figures.push({ id: `sizes.dist.${row.entry.replace(/^dist\//, '')}`, label: row.entry, value: row.gzip, unit: 'B' });
    }
  }

  return {
    figures,
    details,
    markdown: [
      '## 1. Sizes',
      '',
      'KB = 1024 bytes throughout, as `node scripts/sizes.mjs` and the budgets count.',
      '',
      '### Bundled alone, every dependency inside',
      '',
      'Each entry bundled on its own by rollup + @rollup/plugin-node-resolve (browser conditions) + esbuild + terser, gzip -9 and brotli 11 of the result; the same pipeline for opd-kit and its peers. "lazy" is code split into chunks loaded only on a dynamic `import()`.',
      '',
      bundles,
      '',
      `### dist/ as built${dist ? ` (${dist.builtAt.toISOString()}${dist.stale ? ', older than its sources' : ''})` : ''}`,
      '',
      "What `npm run build` wrote, measured like `node scripts/sizes.mjs` (each file gzipped on its own, as served): npm entries with their static chunks leave their dependencies (lit, zod) to the app's bundler; CDN pages are everything a page with those tags downloads.",
      '',
      distTable,
      '',
      '### Size goals',
      '',
      goalsTable || 'Not measured: dist/ is missing.',
      '',
      '### Budgets (checked in CI by `node scripts/sizes.mjs --check`)',
      '',
      budgetsTable || 'Not measured: dist/ is missing.',
    ].join('\n'),
  };
}
