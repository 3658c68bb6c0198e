#!/usr/bin/env node
/**
 * Prints the minified and min+gzip sizes of what `npm run build` produced:
 * `dist/index.js`, `dist/schemas.js`, each widget class and define entry, and the CDN files.
 * An entry's size includes every chunk it imports statically (what a browser must fetch
 * before the entry runs); chunks loaded by `import()` are listed apart as lazy. The npm
 * entries leave lit, ky and zod to the app's bundler, so their figures are our code only;
 * the CDN figures are everything.
 *
 * The CDN file `dist/cdn/opd-kit.js` is a loader that imports a widget's chunk only when its
 * tag is on the page, so the CDN rows are per page: one with no opd-kit tag (the loader
 * alone), one per widget (the loader, that widget's chunk `<name>-<hash>.js` and the chunks
 * it imports) and one with every widget.
 *
 *   node scripts/sizes.mjs           a table
 *   node scripts/sizes.mjs --json    the same as JSON (used by the benchmark)
 *
 * Importable: `import { measureSizes } from './scripts/sizes.mjs'`.
 *
 * @module
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { root } from './lib.mjs';

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

function matches(code, pattern) {
  return [...code.matchAll(pattern)].map((match) => match[1]);
}

/** One file's minified and gzipped (level 9) byte counts. */
function fileSize(file) {
  const code = readFileSync(file);
  return { min: code.length, gzip: gzipSync(code, { level: 9 }).length };
}

/**
 * An entry and the chunks it needs: `{ files, min, gzip, lazy }` where `files` are the
 * entry plus its static imports (transitively, relative to `distDir`), `min`/`gzip` their
 * summed sizes (each file gzipped on its own, as served), and `lazy` the files reached
 * only through `import()`.
 */
export function measureEntry(entryFile, distDir = join(root, 'dist')) {
  const needed = new Set();
  const lazy = new Set();
  const visit = (file, set) => {
    if (set.has(file) || !existsSync(file)) return;
    set.add(file);
    const code = readFileSync(file, 'utf8');
    for (const spec of matches(code, STATIC_IMPORT)) visit(resolve(dirname(file), spec), set);
    for (const spec of matches(code, DYNAMIC_IMPORT)) lazy.add(resolve(dirname(file), spec));
  };
  visit(entryFile, needed);
  // Lazy chunks and whatever they import that the entry does not already have.
  const lazyAll = new Set();
  for (const file of [...lazy]) visit(file, lazyAll);
  for (const file of needed) lazyAll.delete(file);
  const sum = (files) =>
    [...files].reduce(
      (total, file) => {
        const size = fileSize(file);
        return { min: total.min + size.min, gzip: total.gzip + size.gzip };
      },
      { min: 0, gzip: 0 },
    );
  const name = (file) => relative(distDir, file);
  return {
    files: [...needed].map(name),
    ...sum(needed),
    lazy: { files: [...lazyAll].map(name), ...sum(lazyAll) },
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
 * What a page downloads from the CDN build: the loader, plus for each widget on the page its
 * chunk (`<name>-<8 character hash>.js`, see rollup.config.mjs) and the chunks that imports.
 * Returns `undefined` when a widget has no chunk in `dist/cdn/`.
 */
export function measurePage(widgets, distDir = join(root, 'dist')) {
  const cdnDir = join(distDir, 'cdn');
  const files = new Set(measureEntry(join(cdnDir, 'opd-kit.js'), distDir).files);
  const chunks = existsSync(cdnDir) ? readdirSync(cdnDir) : [];
  for (const widget of widgets) {
    const chunk = chunks.find((file) => new RegExp(`^${widget}-[\\w-]{8}\\.js$`).test(file));
    if (!chunk) return undefined;
    for (const file of measureEntry(join(cdnDir, chunk), distDir).files) files.add(file);
  }
  let min = 0;
  let gzip = 0;
  for (const file of files) {
    const size = fileSize(join(distDir, file));
    min += size.min;
    gzip += size.gzip;
  }
  return { files: [...files], min, gzip };
}

/**
 * Sizes of every shipped entry in `dist/`, in a stable order; entries not built are left out.
 * The CDN rows are pages (see {@link measurePage}): `entry` is `dist/cdn/opd-kit.js`, then
 * `dist/cdn/opd-kit.js + <opd-name>` per widget and `… + every widget`, each with a `page`
 * field naming the tags on it.
 */
export function measureSizes(distDir = join(root, 'dist')) {
  const entries = ['index.js', 'schemas.js'];
  const widgets = builtWidgets(distDir);
  for (const name of widgets) entries.push(`widgets/${name}.js`, `widgets/${name}/define.js`);
  const sizes = entries
    .filter((entry) => existsSync(join(distDir, entry)))
    .map((entry) => ({ entry: `dist/${entry}`, ...measureEntry(join(distDir, entry), distDir) }));
  const loader = join(distDir, 'cdn/opd-kit.js');
  if (!existsSync(loader)) return sizes;
  const lazy = measureEntry(loader, distDir).lazy;
  const pages = [[], ...widgets.map((name) => [name]), ...(widgets.length > 1 ? [widgets] : [])];
  for (const page of pages) {
    const size = measurePage(page, distDir);
    if (!size) continue;
    const label = page.length === 0 ? '' : page.length === widgets.length && page.length > 1 ? ' + every widget' : ` + <opd-${page[0]}>`;
    sizes.push({
      entry: `dist/cdn/opd-kit.js${label}`,
      page: page.map((name) => `opd-${name}`),
      ...size,
      // What the page did not need, of what the loader can import.
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

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function main() {
  const distDir = join(root, 'dist');
  if (!existsSync(distDir)) {
    console.error('sizes: dist/ does not exist; run `npm run build` first');
    process.exit(1);
  }
  const sizes = measureSizes(distDir);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2));
    return;
  }
  const rows = sizes.map((size) => [
    size.entry,
    String(size.files.length),
    kb(size.min),
    kb(size.gzip),
    size.lazy.files.length ? `${size.lazy.files.length} file(s), ${kb(size.lazy.gzip)} gz` : '',
  ]);
  const header = ['entry (+ static chunks) / CDN page', 'files', 'min', 'min+gzip', 'lazy (not loaded)'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log("npm entries exclude lit, ky and zod (left to the app's bundler); the CDN rows include everything.");
  console.log('CDN rows are what a page downloads: the loader alone (no opd-kit tag), + one widget, + every widget.');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
