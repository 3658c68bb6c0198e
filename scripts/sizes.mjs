#!/usr/bin/env node
/**
 * Prints the minified and min+gzip sizes of what `npm run build` produced:
 * `dist/index.js`, each module's entry (`dist/roads.js`), `dist/schemas.js`, each widget class and define entry, and the CDN files.
 * An entry's size includes every chunk it imports statically (what a browser must fetch
 * before the entry runs); chunks loaded by `import()` are listed apart as lazy. The npm
 * entries leave their dependencies (lit, zod) to the app's bundler, so their figures are our code only;
 * the CDN figures are everything.
 *
 * The CDN file `dist/cdn/opd-kit.js` is a loader that imports a widget's chunk only when its
 * tag is on the page, so the CDN rows are per page: one with no opd-kit tag (the loader
 * alone), one per widget (the loader, that widget's chunk and the chunks it imports) and one
 * with every widget. A citizen's widget is `dist/cdn/<name>-<hash>.js`; the staff side
 * (`<opd-console>`, `<opd-consultation-inbox>`) is a build of its own, `dist/cdn/staff/<name>.js`.
 * The console's pages (`staff/console-<page>-<hash>.js`, SIAP's inbox and its settings) are
 * fetched when opened: one more row per page, the console's page with it open. A language's
 * copy (`kit-en-<hash>.js`, `<widget>-en-<hash>.js`) is lazy, fetched for a page in that language.
 *
 * Sizes are in KB of 1024 bytes, gzip -9 of each file on its own (as served). `--check`
 * compares them with the budgets in `bench/budgets.json` and exits 1 past one (CI runs it
 * after the build; it reads dist/ only and takes well under a second).
 *
 *   node scripts/sizes.mjs           a table
 *   node scripts/sizes.mjs --check   the table, then each budget; exit code 1 past a budget
 *   node scripts/sizes.mjs --json    the table as JSON (with --check: { sizes, budgets })
 *
 * Importable: `import { measureSizes, checkBudgets } from './scripts/sizes.mjs'`.
 *
 * @module
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

/** Where the size budgets are (one file; each budget with its reason). */
export const BUDGETS_FILE = join(root, 'bench/budgets.json');

/** Bytes in a KB, as this script prints and the budgets count. */
export const KB = 1024;

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;
/** A chunk named by its content's hash (see rollup.config.mjs): `<name>-<8 characters>.js`. */
const HASHED = /^(.+)-[\w-]{8}\.js$/;
/** A chunk of one language's copy, loaded beside a widget or page: `kit-en`, `consultation-form-en`. */
const LANGUAGE_CHUNK = /(?:^|-)[a-z]{2}$/;

function matches(code, pattern) {
  return [...code.matchAll(pattern)].map((match) => match[1]);
}

/** One file's minified and gzipped (level 9) byte counts. */
function fileSize(file) {
  const code = readFileSync(file);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/** Summed sizes of some files (each gzipped on its own, as served). */
function sumSizes(files) {
  return [...files].reduce(
    (total, file) => {
      const size = fileSize(file);
      return { min: total.min + size.min, gzip: total.gzip + size.gzip };
    },
    { min: 0, gzip: 0 },
  );
}

/** The files `file` imports: `{ imports, dynamic }`, absolute paths. */
function importsOf(file) {
  const code = readFileSync(file, 'utf8');
  return {
    imports: matches(code, STATIC_IMPORT).map((spec) => resolve(dirname(file), spec)),
    dynamic: matches(code, DYNAMIC_IMPORT).map((spec) => resolve(dirname(file), spec)),
  };
}

/** `file` and everything it imports statically, transitively (absolute paths). */
function staticClosure(file, into = new Set()) {
  if (into.has(file) || !existsSync(file)) return into;
  into.add(file);
  for (const next of importsOf(file).imports) staticClosure(next, into);
  return into;
}

/**
 * An entry and the chunks it needs: `{ files, min, gzip, lazy }` where `files` are the
 * entry plus its static imports (transitively, relative to `distDir`), `min`/`gzip` their
 * summed sizes (each file gzipped on its own, as served), and `lazy` the files reached
 * only through `import()`.
 */
export function measureEntry(entryFile, distDir = join(root, 'dist')) {
  const needed = staticClosure(entryFile);
  const lazy = new Set();
  for (const file of needed) for (const next of importsOf(file).dynamic) lazy.add(next);
  // Lazy chunks and whatever they import that the entry does not already have.
  const lazyAll = new Set();
  for (const file of lazy) staticClosure(file, lazyAll);
  for (const file of needed) lazyAll.delete(file);
  const name = (file) => relative(distDir, file);
  return {
    files: [...needed].map(name),
    ...sumSizes(needed),
    lazy: { files: [...lazyAll].map(name), ...sumSizes(lazyAll) },
  };
}

/** Names of the widgets built into `dist/widgets/` (one folder each), sorted. */
function builtWidgets(distDir) {
  const widgetsDir = join(distDir, 'widgets');
  if (!existsSync(widgetsDir)) return [];
  return readdirSync(widgetsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(widgetsDir, `${entry.name}.js`)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * A widget's CDN chunk: `dist/cdn/<name>-<8 character hash>.js` (a citizen's widget) or
 * `dist/cdn/staff/<name>.js` (the staff build); `undefined` when neither exists.
 */
export function widgetChunk(widget, distDir = join(root, 'dist')) {
  const cdnDir = join(distDir, 'cdn');
  const chunks = existsSync(cdnDir) ? readdirSync(cdnDir) : [];
  const chunk = chunks.find((file) => new RegExp(`^${widget}-[\\w-]{8}\\.js$`).test(file));
  if (chunk) return join(cdnDir, chunk);
  const staff = join(cdnDir, 'staff', `${widget}.js`);
  return existsSync(staff) ? staff : undefined;
}

/**
 * What a page downloads from the CDN build: the loader, plus for each widget on the page its
 * chunk (see {@link widgetChunk}) and the chunks that imports, plus any `extra` files (with
 * their static imports). Returns `undefined` when a widget has no chunk in `dist/cdn/`.
 */
export function measurePage(widgets, distDir = join(root, 'dist'), extra = []) {
  const cdnDir = join(distDir, 'cdn');
  const loader = join(cdnDir, 'opd-kit.js');
  if (!existsSync(loader)) return undefined;
  const files = staticClosure(loader);
  for (const widget of widgets) {
    const chunk = widgetChunk(widget, distDir);
    if (!chunk) return undefined;
    staticClosure(chunk, files);
  }
  for (const file of extra) staticClosure(file, files);
  return { files: [...files].map((file) => relative(distDir, file)), ...sumSizes(files) };
}

/**
 * The staff console's pages, each fetched when first opened: the chunks the console imports
 * with `import()` that are not shared chunks (`console-audit-<hash>.js`, `consultation-inbox.js`,
 * …), as `{ page, file }` (page: the file name without hash and extension), sorted.
 */
export function consolePages(distDir = join(root, 'dist')) {
  const shell = widgetChunk('console', distDir);
  if (!shell) return [];
  const pages = new Map();
  for (const file of staticClosure(shell)) {
    for (const next of importsOf(file).dynamic) {
      const base = next.slice(dirname(next).length + 1);
      if (base.startsWith('shared-') || next === shell || !existsSync(next)) continue;
      const page = base.match(HASHED)?.[1] ?? base.replace(/\.js$/, '');
      // A language's copy (`kit-en-<hash>.js`) comes with a page, it is not one.
      if (LANGUAGE_CHUNK.test(page)) continue;
      pages.set(page, next);
    }
  }
  return [...pages].map(([page, file]) => ({ page, file })).sort((a, b) => a.page.localeCompare(b.page));
}

/**
 * Sizes of every shipped entry in `dist/`, in a stable order; entries not built are left out.
 * The CDN rows are pages (see {@link measurePage}): `entry` is `dist/cdn/opd-kit.js`, then
 * `dist/cdn/opd-kit.js + <opd-name>` per widget, `… + every widget`, and
 * `… + <opd-console> + page <page>` per console page, each with a `page` field naming the tags
 * on it (and `consolePage` for the last kind).
 */
export function measureSizes(distDir = join(root, 'dist')) {
  const entries = ['index.js', 'roads.js', 'agenda.js', 'innovations.js', 'services.js', 'csr.js', 'webhooks.js', 'schemas.js'];
  const widgets = builtWidgets(distDir);
  for (const name of widgets) entries.push(`widgets/${name}.js`, `widgets/${name}/define.js`);
  const sizes = entries
    .filter((entry) => existsSync(join(distDir, entry)))
    .map((entry) => ({ entry: `dist/${entry}`, ...measureEntry(join(distDir, entry), distDir) }));
  const loader = join(distDir, 'cdn/opd-kit.js');
  if (!existsSync(loader)) return sizes;
  const lazy = measureEntry(loader, distDir).lazy;
  const onPage = widgets.filter((name) => widgetChunk(name, distDir));
  const pages = [[], ...onPage.map((name) => [name]), ...(onPage.length > 1 ? [onPage] : [])];
  for (const page of pages) {
    const size = measurePage(page, distDir);
    if (!size) continue;
    const label = page.length === 0 ? '' : page.length === onPage.length && page.length > 1 ? ' + every widget' : ` + <opd-${page[0]}>`;
    sizes.push({
      entry: `dist/cdn/opd-kit.js${label}`,
      page: page.map((name) => `opd-${name}`),
      ...size,
      // What the page did not need, of what the loader can import.
      lazy: remaining(lazy, size.files, distDir),
    });
  }
  for (const { page, file } of consolePages(distDir)) {
    const size = measurePage(['console'], distDir, [file]);
    if (!size) continue;
    sizes.push({
      entry: `dist/cdn/opd-kit.js + <opd-console> + page ${page}`,
      page: ['opd-console'],
      consolePage: page,
      ...size,
      lazy: remaining(lazy, size.files, distDir),
    });
  }
  return sizes;
}

/** The part of `lazy` (from {@link measureEntry}) not in `loaded`, with its sizes. */
function remaining(lazy, loaded, distDir) {
  const files = lazy.files.filter((file) => !loaded.includes(file));
  const sum = files.map((file) => fileSize(join(distDir, file)));
  return {
    files,
    min: sum.reduce((total, size) => total + size.min, 0),
    gzip: sum.reduce((total, size) => total + size.gzip, 0),
  };
}

// ---------------------------------------------------------------------------------------
// Budgets

/** The budgets file, parsed: `{ about, budgets: [{ id, what, measure, maxKB, goal, reason }] }`. */
export function readBudgets(file = BUDGETS_FILE) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/**
 * The size one budget's `measure` names, from the rows of {@link measureSizes}:
 * `{ entry: 'widgets/x/define.js' }` (an npm entry with its static chunks),
 * `{ page: ['consultation-form'] }` (a CDN page with those widgets),
 * `{ largest: 'widget-page' }` (the largest CDN page with one widget: the loader, the chunks
 * it shares and the biggest widget's own, whatever the number of widgets) or
 * `{ largest: 'console-page' }` (the largest console page with one page open).
 * Returns `{ gzip, min, label }` or `undefined` when it is not built.
 */
export function measureBudget(measure, sizes) {
  const largest = (rows) =>
    rows.reduce((best, row) => (best === undefined || row.gzip > best.gzip ? row : best), undefined);
  let row;
  if (measure.entry) row = sizes.find((size) => size.entry === `dist/${measure.entry}`);
  else if (measure.page) {
    const tags = measure.page.map((name) => `opd-${name}`).join(',');
    row = sizes.find((size) => size.page && !size.consolePage && size.page.join(',') === tags);
  } else if (measure.largest === 'widget-page') row = largest(sizes.filter((size) => size.page?.length === 1 && !size.consolePage));
  else if (measure.largest === 'console-page') row = largest(sizes.filter((size) => size.consolePage));
  return row ? { gzip: row.gzip, min: row.min, label: row.entry } : undefined;
}

/**
 * Every budget against `dist/`: `{ id, what, label, gzip, maxKB, ok, reason, goal }` each;
 * `ok` is false past the budget and when the measured thing is not built.
 */
export function checkBudgets(distDir = join(root, 'dist'), budgets = readBudgets().budgets, sizes = measureSizes(distDir)) {
  return budgets.map((budget) => {
    const size = measureBudget(budget.measure, sizes);
    return {
      id: budget.id,
      what: budget.what,
      label: size?.label,
      gzip: size?.gzip,
      maxKB: budget.maxKB,
      ok: size !== undefined && size.gzip <= budget.maxKB * KB,
      reason: budget.reason,
      goal: budget.goal,
    };
  });
}

const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

function printTable(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function main() {
  const distDir = join(root, 'dist');
  if (!existsSync(distDir)) {
    console.error('sizes: dist/ does not exist; run `npm run build` first');
    process.exit(1);
  }
  const sizes = measureSizes(distDir);
  const check = process.argv.includes('--check');
  const budgets = check ? checkBudgets(distDir, readBudgets().budgets, sizes) : [];
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(check ? { sizes, budgets } : sizes, null, 2));
    if (budgets.some((budget) => !budget.ok)) process.exitCode = 1;
    return;
  }
  printTable(
    ['entry (+ static chunks) / CDN page', 'files', 'min', 'min+gzip', 'lazy (not loaded)'],
    sizes.map((size) => [
      size.entry,
      String(size.files.length),
      kb(size.min),
      kb(size.gzip),
      size.lazy.files.length ? `${size.lazy.files.length} file(s), ${kb(size.lazy.gzip)} gz` : '',
    ]),
  );
  console.log("npm entries exclude their dependencies (lit, zod: left to the app's bundler); the CDN rows include everything.");
  console.log('CDN rows are what a page downloads: the loader alone (no opd-kit tag), + one widget, + every widget, + a console page.');
  if (!check) return;
  console.log(`\nBudgets (${relative(root, BUDGETS_FILE)}, min+gzip, KB = ${KB} bytes):`);
  printTable(
    ['budget', 'measured', 'min+gzip', 'budget', 'left', ''],
    budgets.map((budget) => [
      budget.id,
      budget.label ?? 'not built',
      budget.gzip === undefined ? '—' : kb(budget.gzip),
      `${budget.maxKB.toFixed(1)} KB`,
      budget.gzip === undefined ? '—' : kb(budget.maxKB * KB - budget.gzip),
      budget.ok ? 'ok' : 'OVER BUDGET',
    ]),
  );
  const over = budgets.filter((budget) => !budget.ok);
  for (const budget of over) {
    console.error(
      budget.gzip === undefined
        ? `sizes: budget ${budget.id}: ${budget.what} is not in dist/ (was it renamed? update ${relative(root, BUDGETS_FILE)})`
        : `sizes: budget ${budget.id} exceeded: ${budget.label} is ${kb(budget.gzip)} min+gzip, the budget is ${budget.maxKB} KB (${budget.reason})`,
    );
  }
  if (over.length > 0) process.exitCode = 1;
  else console.log(`All ${budgets.length} size budgets met.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
