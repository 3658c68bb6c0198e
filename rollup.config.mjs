// @ts-check
/**
 * Two builds from one source tree (`npm run build` runs both, then `tsc` for the types):
 *
 * 1. npm ESM build into `dist/` — `index.js` (SDK), `schemas.js`, and per widget folder that
 *    has a `define.ts`: `widgets/<name>.js` (the class, no side effects) and
 *    `widgets/<name>/define.js` (registers the tag). `lit`, `ky` and `zod` stay external so an
 *    app bundles them once; code shared by several entries goes to `dist/chunks/`.
 * 2. CDN build into `dist/cdn/` — `opd-kit.js` from `widgets/all.ts` with everything bundled
 *    (Lit included), so one `<script type="module">` is the whole embed. Dynamic imports
 *    become lazy chunks beside it, fetched only when a page needs them.
 *
 * Entries that do not exist (yet) are skipped with a warning, so the config works while the
 * tree is being filled in.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

const root = dirname(fileURLToPath(import.meta.url));
const at = (/** @type {string} */ path) => join(root, path);

/** Bare imports the npm build leaves to the app's bundler (runtime dependencies). */
const EXTERNAL = /^(?:lit|lit-html|lit-element|@lit\/[^/]+|ky|zod)(?:\/.*)?$/;

/** Widget folders under `widgets/` that have a `define.ts`, e.g. `consultation-form`. */
export function widgetNames() {
  if (!existsSync(at('widgets'))) return [];
  return readdirSync(at('widgets'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(at(`widgets/${entry.name}/define.ts`)))
    .map((entry) => entry.name)
    .sort();
}

/** Entry name (path in `dist/` without `.js`) → source file, for the npm build. */
function npmEntries() {
  /** @type {Record<string, string>} */
  const wanted = { index: 'src/index.ts', schemas: 'src/schemas/index.ts' };
  for (const name of widgetNames()) {
    wanted[`widgets/${name}`] = `widgets/${name}/${name}.ts`;
    wanted[`widgets/${name}/define`] = `widgets/${name}/define.ts`;
  }
  /** @type {Record<string, string>} */
  const found = {};
  for (const [entry, source] of Object.entries(wanted)) {
    if (existsSync(at(source))) found[entry] = at(source);
    else console.warn(`rollup.config: skipping dist/${entry}.js, ${source} does not exist yet`);
  }
  return found;
}

/** TypeScript via esbuild with the repo tsconfig (experimentalDecorators, no define semantics for Lit). */
const typescript = () =>
  esbuild({
    tsconfig: at('tsconfig.json'),
    target: 'es2022',
    sourceMap: true,
    // Keep `/*#__PURE__*/` and friends; terser minifies afterwards.
    minify: false,
  });

const minify = () =>
  terser({
    module: true,
    ecma: 2020,
    compress: { passes: 2 },
    // Error classes name themselves after their class (`error.name === 'ApiError'`).
    keep_classnames: true,
    format: { comments: false },
  });

/** Warnings that are noise for us; everything else is printed. */
function onwarn(/** @type {import('rollup').RollupLog} */ warning, /** @type {(w: import('rollup').RollupLog) => void} */ warn) {
  const inDependency = (warning.ids ?? [warning.id ?? '']).some((id) => id.includes('node_modules'));
  // Dependencies' own business: annotation comments Rollup cannot place, zod's internal cycle.
  if (inDependency && ['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code ?? '')) {
    return;
  }
  warn(warning);
}

/** @type {import('rollup').RollupOptions[]} */
const configs = [];

const entries = npmEntries();
if (Object.keys(entries).length > 0) {
  configs.push({
    input: entries,
    external: (id) => EXTERNAL.test(id),
    // lit, ky and zod do nothing on import that we rely on: no bare `import "ky"` left behind
    // in an entry that only needs them through a chunk.
    treeshake: { moduleSideEffects: (_id, external) => !external },
    plugins: [typescript(), minify()],
    onwarn,
    output: {
      dir: at('dist'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      // An entry imports only what it needs; no hoisted imports of chunks it does not use.
      hoistTransitiveImports: false,
    },
  });
}

if (existsSync(at('widgets/all.ts'))) {
  configs.push({
    input: { 'opd-kit': at('widgets/all.ts') },
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      typescript(),
      minify(),
    ],
    onwarn,
    output: {
      dir: at('dist/cdn'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: true,
    },
  });
} else {
  console.warn('rollup.config: skipping dist/cdn/opd-kit.js, widgets/all.ts does not exist yet');
}

if (configs.length === 0) {
  throw new Error('rollup.config: nothing to build (no src/index.ts, src/schemas/index.ts or widgets/all.ts)');
}

export default configs;
