#!/usr/bin/env node
/**
 * `npm run build`: cleans `dist/`, checks that the CDN loader knows every widget, runs Rollup
 * (npm ESM build + CDN build, see rollup.config.mjs), writes `dist/custom-elements.json` from
 * the widgets' doc comments, emits the `.d.ts` files into `dist/types/`, then checks that every
 * target of the package.json `exports` map exists for every widget that was built.
 *
 *   node scripts/build.mjs             everything
 *   node scripts/build.mjs --no-types  JavaScript only (what `npm start` and the e2e tests need)
 *
 * @module
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { at, listFiles, root, runBin, seconds, widgetNames } from './lib.mjs';

/** The CDN entry's source, which lists every tag and the chunk that defines it. */
const LOADER = 'widgets/loader.ts';
/** The eager "register every widget" module. */
const ALL = 'widgets/all.ts';

/** The source file a built file comes from (repo-relative), or `undefined` if unknown. */
function sourceOf(file) {
  const path = file.replace(/^\.\//, '');
  const fixed = {
    'dist/index.js': 'src/index.ts',
    'dist/roads.js': 'src/roads.ts',
    'dist/agenda.js': 'src/agenda.ts',
    'dist/innovations.js': 'src/innovations.ts',
    'dist/services.js': 'src/services.ts',
    'dist/csr.js': 'src/csr.ts',
    'dist/webhooks.js': 'src/webhooks.ts',
    'dist/schemas.js': 'src/schemas/index.ts',
    'dist/cdn/opd-kit.js': LOADER,
    'dist/custom-elements.json': LOADER,
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

/**
 * Lists what is wrong with the loader's tag list (empty when fine): every
 * `widgets/<name>/define.ts` must register `opd-<name>` and have the line
 * `'opd-<name>': () => import('./<name>/define.js'),` in widgets/loader.ts, the list must
 * name no widget that does not exist, and widgets/all.ts must export every widget.
 */
export function checkLoader() {
  if (!existsSync(at(LOADER))) return [];
  const loader = readFileSync(at(LOADER), 'utf8');
  const listed = new Map(
    [...loader.matchAll(/['"](opd-[a-z0-9-]+)['"]\s*:\s*\(\)\s*=>\s*import\(\s*['"]\.\/([^'"]+)\/define\.js['"]\s*\)/g)].map(
      (match) => [match[1], match[2]],
    ),
  );
  const problems = [];
  const names = widgetNames();
  for (const name of names) {
    const tag = `opd-${name}`;
    const define = readFileSync(at(`widgets/${name}/define.ts`), 'utf8');
    if (!define.includes(`customElements.define('${tag}'`) && !define.includes(`customElements.define("${tag}"`)) {
      problems.push(`widgets/${name}/define.ts does not register <${tag}> (a widget folder's tag is opd-<folder>)`);
    }
    if (listed.get(tag) !== name) {
      problems.push(`${LOADER} does not load <${tag}>: add  '${tag}': () => import('./${name}/define.js'),  to WIDGETS`);
    }
  }
  for (const [tag, name] of listed) {
    if (!names.includes(name)) problems.push(`${LOADER} loads <${tag}> from ./${name}/define.js, which does not exist`);
  }
  // The eager module that registers everything (used by the widget tests) lists them too.
  if (existsSync(at(ALL))) {
    const all = readFileSync(at(ALL), 'utf8');
    for (const name of names) {
      if (!all.includes(`from './${name}/define.js'`)) problems.push(`${ALL} does not register ${name}: export its class from './${name}/define.js'`);
    }
  }
  return problems;
}

/**
 * Where a module of the analysed sources ends up in the package: the widget class and its
 * registration have entries of their own; everything else (the widget kit) is bundled into
 * chunks and has no path a user can import.
 */
function shippedPath(path) {
  const source = path.replace(/^\//, '').replace(/\.js$/, '.ts');
  let match = /^widgets\/([^/]+)\/define\.ts$/.exec(source);
  if (match) return `dist/widgets/${match[1]}/define.js`;
  match = /^widgets\/([^/]+)\/([^/]+)\.ts$/.exec(source);
  if (match && match[1] === match[2]) return `dist/widgets/${match[1]}.js`;
  return undefined;
}

/**
 * Writes `dist/custom-elements.json` (the Custom Elements Manifest editors, linters and
 * Storybook read) from the widgets' doc comments (`@attr`, `@event`, `@csspart`,
 * `@cssproperty`, `@summary`): what `cem analyze --litelement` does, run through the
 * analyzer's API so it cannot rewrite package.json. Module paths point at the built files;
 * the widget kit's modules, which the package does not expose, are left out once their
 * members have been inherited into the widgets, and so are private members.
 */
export async function writeManifest() {
  const manifest = await buildManifest();
  mkdirSync(at('dist'), { recursive: true });
  writeFileSync(at('dist/custom-elements.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // Beside the CDN files too, for tools and pages that read it over HTTP (the demo site's gallery).
  if (existsSync(at('dist/cdn'))) writeFileSync(at('dist/cdn/custom-elements.json'), JSON.stringify(manifest));
  return manifest;
}

/** The manifest {@link writeManifest} writes, without writing it (`scripts/widget-docs.mjs`). */
export async function buildManifest() {
  const { create, ts } = await import('@custom-elements-manifest/analyzer');
  const { litPlugin } = await import('@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js');
  const names = widgetNames();
  const sources = [
    ...names.flatMap((name) => [`widgets/${name}/${name}.ts`, `widgets/${name}/define.ts`]),
    // The kit's base classes and mixins, for the members the widgets inherit.
    ...listFiles('widgets/shared', (file) => file.endsWith('.ts') && !file.endsWith('.d.ts')).map((file) =>
      relative(root, file).split(sep).join('/'),
    ),
  ].filter((file) => existsSync(at(file)));
  const modules = sources.map((file) => ts.createSourceFile(file, readFileSync(at(file), 'utf8'), ts.ScriptTarget.ES2022, true));
  const manifest = create({ modules, plugins: litPlugin(), context: { dev: false, thirdPartyCEMs: [] } });

  // References ({ name, module }) to shipped modules get the built path; to the kit, no module.
  const relink = (value) => {
    if (Array.isArray(value)) return value.forEach(relink);
    if (!value || typeof value !== 'object') return;
    if (typeof value.module === 'string' && !value.package) {
      const shipped = shippedPath(value.module);
      if (shipped) value.module = shipped;
      else delete value.module;
    }
    for (const child of Object.values(value)) relink(child);
  };
  manifest.modules = manifest.modules.filter((module) => shippedPath(module.path));
  for (const module of manifest.modules) {
    module.path = shippedPath(module.path);
    // A user's tools need the public surface only.
    for (const declaration of module.declarations ?? []) {
      if (declaration.members) {
        declaration.members = declaration.members.filter((member) => member.privacy !== 'private' && !member.name.startsWith('#'));
      }
    }
    relink(module.declarations ?? []);
    relink(module.exports ?? []);
  }
  return manifest;
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

  const loaderProblems = checkLoader();
  if (loaderProblems.length > 0) {
    for (const problem of loaderProblems) console.error(`build: ${problem}`);
    process.exit(1);
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

  if (existsSync(at(LOADER))) {
    const manifestStart = performance.now();
    const manifest = await writeManifest();
    const tags = manifest.modules.flatMap((module) => module.declarations ?? []).filter((item) => item.tagName).length;
    console.log(`build: custom-elements.json (${tags} elements) in ${seconds(manifestStart)} s`);
  }

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
