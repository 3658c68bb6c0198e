#!/usr/bin/env node
/**
 * `npm run build`: cleans `dist/`, runs Rollup (npm ESM build + CDN build, see
 * rollup.config.mjs), emits the `.d.ts` files into `dist/types/`, then checks that every
 * target of the package.json `exports` map exists for every widget that was built.
 *
 *   node scripts/build.mjs             everything
 *   node scripts/build.mjs --no-types  JavaScript only (what `npm start` needs)
 *
 * @module
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { at, root, runBin, seconds } from './lib.mjs';

/** The source file a built file comes from (repo-relative), or `undefined` if unknown. */
function sourceOf(file) {
  const path = file.replace(/^\.\//, '');
  const fixed = {
    'dist/index.js': 'src/index.ts',
    'dist/schemas.js': 'src/schemas/index.ts',
    'dist/cdn/opd-kit.js': 'widgets/all.ts',
  };
  if (fixed[path]) return fixed[path];
  let match = /^dist\/types\/(.+)\.d\.ts$/.exec(path);
  if (match) return `${match[1]}.ts`;
  match = /^dist\/widgets\/([^/]+)\/define\.js$/.exec(path);
  if (match) return `widgets/${match[1]}/define.ts`;
  match = /^dist\/widgets\/([^/]+)\.js$/.exec(path);
  if (match) return `widgets/${match[1]}/${match[1]}.ts`;
  return undefined;
}

/**
 * Lists export targets that do not exist after a build: each `exports` entry, with `*`
 * replaced by every built widget name. Returns human-readable problems (empty when fine).
 */
export function checkExports() {
  const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
  const widgets = existsSync(at('dist/widgets'))
    ? readdirSync(at('dist/widgets'), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
    : [];
  const problems = [];
  for (const [key, value] of Object.entries(pkg.exports ?? {})) {
    const targets = typeof value === 'string' ? [value] : Object.values(value);
    const names = key.includes('*') ? widgets : [''];
    for (const name of names) {
      for (const target of targets) {
        const file = target.replaceAll('*', name);
        const source = sourceOf(file);
        if (source && !existsSync(at(source))) continue; // not written yet, nothing to build
        if (!existsSync(at(file))) problems.push(`exports["${key.replace('*', name)}"] → ${file} is missing`);
      }
    }
  }
  for (const name of widgets) {
    if (!existsSync(at(`dist/widgets/${name}.js`))) problems.push(`dist/widgets/${name}.js is missing`);
  }
  return problems;
}

async function main() {
  const withTypes = !process.argv.includes('--no-types');
  const start = performance.now();
  // Stale chunks (their names carry content hashes) must not pile up; the types are kept
  // when this run does not rebuild them.
  if (withTypes) rmSync(at('dist'), { recursive: true, force: true });
  else if (existsSync(at('dist'))) {
    for (const entry of readdirSync(at('dist'))) {
      if (entry !== 'types') rmSync(at(`dist/${entry}`), { recursive: true, force: true });
    }
  }

  const rollupStart = performance.now();
  // Plain text in logs: Rollup colours its output even when it is not a terminal.
  const env = process.stdout.isTTY ? process.env : { ...process.env, NO_COLOR: '1' };
  const rollupCode = await runBin('rollup/dist/bin/rollup', ['-c', 'rollup.config.mjs'], { cwd: root, env });
  if (rollupCode !== 0) {
    console.error(`build: rollup failed (exit ${rollupCode})`);
    process.exit(1);
  }
  console.log(`build: bundles in ${seconds(rollupStart)} s`);

  if (withTypes) {
    const tscStart = performance.now();
    const tscCode = await runBin('typescript/bin/tsc', ['-p', 'tsconfig.build.json'], { cwd: root });
    if (tscCode !== 0) {
      console.error(`build: type declarations failed (exit ${tscCode})`);
      process.exit(1);
    }
    console.log(`build: type declarations in ${seconds(tscStart)} s`);
    const problems = checkExports();
    if (problems.length > 0) {
      for (const problem of problems) console.error(`build: ${problem}`);
      process.exit(1);
    }
  }
  console.log(`build: done in ${seconds(start)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
