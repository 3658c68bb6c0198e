#!/usr/bin/env node
/**
 * Prints the minified and min+gzip sizes of what `npm run build` produced:
 * `dist/index.js`, `dist/schemas.js`, each widget class and define entry, and the CDN file.
 * An entry's size includes every chunk it imports statically (what a browser must fetch
 * before the entry runs); chunks loaded by `import()` are listed apart as lazy. The npm
 * entries leave lit, ky and zod to the app's bundler, so their figures are our code only;
 * the CDN figure is everything.
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

/** Sizes of every shipped entry in `dist/`, in a stable order; entries not built are left out. */
export function measureSizes(distDir = join(root, 'dist')) {
  const entries = ['index.js', 'schemas.js'];
  const widgetsDir = join(distDir, 'widgets');
  if (existsSync(widgetsDir)) {
    for (const entry of readdirSync(widgetsDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isDirectory() && existsSync(join(widgetsDir, `${entry.name}.js`))) {
        entries.push(`widgets/${entry.name}.js`, `widgets/${entry.name}/define.js`);
      }
    }
  }
  entries.push('cdn/opd-kit.js');
  return entries
    .filter((entry) => existsSync(join(distDir, entry)))
    .map((entry) => ({ entry: `dist/${entry}`, ...measureEntry(join(distDir, entry), distDir) }));
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
  const header = ['entry (+ static chunks)', 'files', 'min', 'min+gzip', 'lazy'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log("npm entries exclude lit, ky and zod (left to the app's bundler); the CDN file includes everything.");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
