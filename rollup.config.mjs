// @ts-check
/**
 * Two builds from one source tree (`npm run build` runs both, then `tsc` for the types):
 *
 * 1. npm ESM build into `dist/` — `index.js` (SDK), `schemas.js`, and per widget folder that
 *    has a `define.ts`: `widgets/<name>.js` (the class, no side effects) and
 *    `widgets/<name>/define.js` (registers the tag). `lit` and `zod` stay external so an
 *    app bundles them once; code shared by several entries goes to `dist/chunks/`.
 * 2. CDN build into `dist/cdn/` — `opd-kit.js` from `widgets/loader.ts`, a small loader that
 *    imports a widget's chunk (`<name>-<hash>.js`, from its `define.ts`) only when the widget's
 *    tag is on the page. Everything is bundled (Lit and zod included) into chunks beside it
 *    that the widgets share, so one `<script type="module">` is still the whole embed. When a
 *    widget chunk is imported, the chunks it needs are imported alongside it rather than
 *    after it has arrived (one round trip fewer). Each file gets a brotli and a gzip copy
 *    beside it (`<file>.br`, `<file>.gz`) and each folder an `entries.json` naming its entries,
 *    for the server (see `precompressed()`).
 *
 * Entries that do not exist (yet) are skipped with a warning, so the config works while the
 * tree is being filled in.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { widgetNames } from './scripts/lib.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const at = (/** @type {string} */ path) => join(root, path);

/** Bare imports the npm build leaves to the app's bundler (runtime dependencies). */
const EXTERNAL = /^(?:lit|lit-html|lit-element|@lit\/[^/]+|zod)(?:\/.*)?$/;

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
    // lit and zod do nothing on import that we rely on: no bare `import "zod/mini"` left behind
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

/**
 * Chunk file names of the CDN build: a widget's chunk is named after its folder
 * (`consultation-form-<hash>.js`, which scripts/sizes.mjs relies on); code shared by several
 * widgets (Lit, zod, the SDK, the widget kit) goes to `shared-<hash>.js`; a page of the
 * staff console is `console-<page>-<hash>.js` (a widget's own second page, `<widget>-<page>-<hash>.js`);
 * a module imported lazily on its own keeps its
 * name (`<module>-<hash>.js`).
 */
function cdnChunkName(/** @type {import('rollup').PreRenderedChunk} */ chunk) {
  const widget = /[\\/]widgets[\\/]([^\\/]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '');
  if (widget) return `${widget[1]}-[hash].js`;
  // A page of the staff console, loaded when it is first opened: `console-<page>-<hash>.js`.
  const page = /[\\/]widgets[\\/]console[\\/]pages[\\/]([^\\/]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '');
  if (page) return `console-${page[1]}-[hash].js`;
  // A widget's second console page in its folder, e.g. SIAP's settings: `consultation-inbox-settings-<hash>.js`.
  const part = /[\\/]widgets[\\/]([^\\/]+)[\\/]([^\\/]+)[\\/]define\.ts$/.exec(chunk.facadeModuleId ?? '');
  if (part) return `${part[1]}-${part[2]}-[hash].js`;
  return chunk.facadeModuleId ? '[name]-[hash].js' : 'shared-[hash].js';
}

/**
 * Turns `import('./form-x.js')` into one that also imports the chunks `form-x.js` imports
 * statically, so the browser fetches them in parallel instead of after parsing `form-x.js`
 * (what bundlers call preloading). Importing a chunk early is harmless: it is evaluated
 * once, before whatever imports it, as it would be anyway.
 */
function parallelChunkImports() {
  return /** @type {import('rollup').Plugin} */ ({
    name: 'opd-parallel-chunk-imports',
    renderDynamicImport({ targetChunk, getTargetChunkImports }) {
      const imports = targetChunk ? (getTargetChunkImports() ?? []) : [];
      const also = imports.filter((item) => item.type === 'internal').map((item) => `import(${item.resolvedImportPath})`);
      if (also.length === 0) return null;
      return { left: 'Promise.all([import(', right: `),${also.join(',')}]).then((loaded)=>loaded[0])` };
    },
  });
}

/**
 * The staff side (the console and SIAP's inbox) is a CDN build of its own, `dist/cdn/staff/`:
 * the loader imports its entries by fixed names (`staff/console.js`), so the chunks of the
 * citizens' widgets are cut as if the staff side did not exist. Sharing chunks with it made a
 * page with only the question form fetch seven files and some 4.5 KB gzip more (the staff
 * schemas rode along through the SDK). A page with the console fetches Lit and zod from
 * the staff build; a page with both (rare: the console's embed preview) fetches them twice.
 */
const STAFF_WIDGETS = ['console', 'consultation-inbox'];

/** In the loader build, `import('./console/define.js')` is the staff build's `./staff/console.js`. */
function staffEntriesExternal() {
  return /** @type {import('rollup').Plugin} */ ({
    name: 'opd-staff-entries',
    resolveId(source, importer) {
      const match = /^\.\/([^/]+)\/define\.js$/.exec(source);
      if (!match || !importer?.endsWith(`${'widgets'}/loader.ts`) || !STAFF_WIDGETS.includes(match[1] ?? '')) return null;
      return { id: `./staff/${match[1]}.js`, external: true };
    },
  });
}

/**
 * The CDN build's files as the server sends them: a brotli (`.br`, quality 11) and a gzip
 * (`.gz`, level 9) copy of each next to it, made once here at settings too slow for a request,
 * which the server picks by `Accept-Encoding` (`server/src/http/static.ts`); and
 * `entries.json`, the names of the entry files. Browsers may keep every other file for good,
 * since it is named by its content's hash; an entry keeps its name across releases, so it is
 * kept only briefly. Source maps are left as they are (only developer tools read them).
 */
function precompressed() {
  return /** @type {import('rollup').Plugin} */ ({
    name: 'opd-precompressed',
    generateBundle(_options, bundle) {
      const entries = Object.values(bundle)
        .filter((file) => file.type === 'chunk' && file.isEntry)
        .map((file) => file.fileName)
        .sort();
      this.emitFile({ type: 'asset', fileName: 'entries.json', source: `${JSON.stringify(entries)}\n` });
    },
    writeBundle(options, bundle) {
      for (const name of Object.keys(bundle)) {
        if (name.endsWith('.map') || name === 'entries.json' || !options.dir) continue;
        const path = join(options.dir, name);
        // The file as written (with its source map comment), not the chunk's code before it.
        const bytes = readFileSync(path);
        const br = brotliCompressSync(bytes, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length },
        });
        writeFileSync(`${path}.br`, br);
        writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  });
}

/** The CDN build's plugins. */
const cdnPlugins = () => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  typescript(),
  parallelChunkImports(),
  minify(),
  precompressed(),
];

/**
 * The English text a widget fetches only when it is set to English (`widgets/<name>/i18n/en.ts`
 * and the kit's `widgets/shared/i18n/en.ts`, imported with `import()` alone): a chunk of its own,
 * `<name>-en-<hash>.js` (the kit's `kit-en-<hash>.js`). Named here because
 * `experimentalMinChunkSize` would otherwise merge these small side-effect-free chunks into
 * one every page loads (it put the form's and the kit's English into the loader's). An
 * `en.ts` imported statically (the staff pages') stays where it is.
 */
function englishChunk(/** @type {string} */ id, /** @type {import('rollup').ManualChunkMeta} */ meta) {
  const english = /[\\/]widgets[\\/]([^\\/]+)[\\/]i18n[\\/]en\.ts$/.exec(id);
  if (!english || (meta.getModuleInfo(id)?.importers.length ?? 1) > 0) return undefined;
  return english[1] === 'shared' ? 'kit-en' : `${english[1]}-en`;
}

/** The CDN build's output options, in `dir`. */
const cdnOutput = (/** @type {string} */ dir) => ({
  dir: at(dir),
  format: /** @type {const} */ ('es'),
  entryFileNames: '[name].js',
  chunkFileNames: cdnChunkName,
  manualChunks: englishChunk,
  // With many widgets Rollup makes a chunk per set of widgets sharing code; merge the tiny
  // ones (where that runs no code a page would not have run) rather than fetch each.
  experimentalMinChunkSize: 4096,
  sourcemap: true,
});

if (existsSync(at('widgets/loader.ts'))) {
  configs.push({
    input: { 'opd-kit': at('widgets/loader.ts') },
    plugins: [staffEntriesExternal(), ...cdnPlugins()],
    onwarn,
    output: cdnOutput('dist/cdn'),
  });
  /** @type {Record<string, string>} */
  const staff = {};
  for (const name of STAFF_WIDGETS) if (existsSync(at(`widgets/${name}/define.ts`))) staff[name] = at(`widgets/${name}/define.ts`);
  if (Object.keys(staff).length > 0) {
    configs.push({ input: staff, plugins: cdnPlugins(), onwarn, output: cdnOutput('dist/cdn/staff') });
  }
} else {
  console.warn('rollup.config: skipping dist/cdn/opd-kit.js, widgets/loader.ts does not exist yet');
}

if (configs.length === 0) {
  throw new Error('rollup.config: nothing to build (no src/index.ts, src/schemas/index.ts or widgets/loader.ts)');
}

export default configs;
