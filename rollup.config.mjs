// @ts-check
/**
 * Two builds from one source tree (`npm run build` runs both, then `tsc` for the types):
 *
 * 1. npm ESM build into `dist/` — `index.js` (SDK), `roads.js` (Perjaka's namespace), `schemas.js`, and per widget folder that
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
 *    for the server (see `precompressed()`). `opd-kit.js` is also written under a name with
 *    its hash, for a snippet with Subresource Integrity, and `integrity.json` says which (`pin()`).
 *
 * Entries that do not exist (yet) are skipped with a warning, so the config works while the
 * tree is being filled in.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { widgetNames } from './scripts/lib.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const at = (/** @type {string} */ path) => join(root, path);

/** Bare imports the npm build leaves to the app's bundler (runtime dependencies; Leaflet only the road map's lazy chunk imports). */
const EXTERNAL = /^(?:lit|lit-html|lit-element|@lit\/[^/]+|zod|leaflet)(?:\/.*)?$/;

/** Entry name (path in `dist/` without `.js`) → source file, for the npm build. */
function npmEntries() {
  /** @type {Record<string, string>} */
  const wanted = { index: 'src/index.ts', roads: 'src/roads.ts', agenda: 'src/agenda.ts', innovations: 'src/innovations.ts', services: 'src/services.ts', csr: 'src/csr.ts', webhooks: 'src/webhooks.ts', schemas: 'src/schemas/index.ts' };
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

/**
 * Modules with nothing to run on import, split off from the module that re-exports them
 * (`export { problemCodes } from './problem-codes.js'` in `common.ts`): what only the server
 * and `opd-kit/schemas` read (problem codes, endpoint details, SIAP's server-side numbers).
 * The npm build counts them free of side effects, so only an entry that uses one of their
 * exports loads them; with side effects (Rollup's default), every importer of the module
 * that re-exports them would.
 */
const PURE_MODULES = /[\\/]src[\\/]schemas[\\/](?:problem-codes|endpoint-details|consultation-rules)\.ts$/;

/** TypeScript via esbuild with the repo tsconfig (experimentalDecorators, no define semantics for Lit). */
const typescript = () =>
  esbuild({
    tsconfig: at('tsconfig.json'),
    target: 'es2022',
    sourceMap: true,
    // Keep `/*#__PURE__*/` and friends; terser minifies afterwards.
    minify: false,
  });


/**
 * Terser for both builds. `ownCode`: the build minifies opd-kit's code alone (the npm build,
 * which leaves lit and zod to the app), so it may also write an object's arrow functions as
 * methods (`get: async (slug) => …` as `async get(slug) {…}`, terser's `unsafe_methods`),
 * which gzip better (0.02 KB less for the SDK). It is unsafe only for a `function` in an
 * object that someone calls with `new`; our code has none, and an arrow using `this` is left
 * as it is. The CDN build also minifies Lit and zod, so it keeps the safe setting.
 */
const minify = ({ ownCode = false } = {}) =>
  terser({
    module: true,
    ecma: 2020,
    compress: { passes: 2, ...(ownCode ? { unsafe_methods: true } : {}) },
    // The error classes and the widgets' classes keep their names (`ApiError` in Node's
    // `util.inspect`, `OpdConsultationForm` in developer tools); `error.name` is set by each
    // class itself. The other classes (controllers, the request sender) are internal.
    keep_classnames: /Error$|^Opd[A-Z]/,
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

/**
 * Chunk file names of the npm build, `chunks/<name>.js`: a console page `console-<page>` (as
 * cdnChunkName() names it), a language's copy after its widget (`consultation-form-en`, the
 * kit's `kit-en`), any other chunk after its first module (`request`, `theme`), without the
 * hash; two chunks of one name are told apart by Rollup (`theme2.js`).
 */
function npmChunkName(/** @type {import('rollup').PreRenderedChunk} */ chunk) {
  const english = /[\\/]widgets[\\/]([^\\/]+)[\\/]i18n[\\/]en\.ts$/.exec(chunk.facadeModuleId ?? '');
  if (english) return `chunks/${english[1] === 'shared' ? 'kit' : english[1]}-en.js`;
  return `chunks/${chunk.facadeModuleId ? cdnChunkName(chunk).replace('-[hash]', '') : '[name].js'}`;
}

/**
 * Where the npm build puts a few modules itself, rather than in a chunk per set of entries
 * that use them, because each file an entry imports costs its own gzip frame and tables, its
 * import lines and its source map comment (some 100-300 bytes gzip however small the chunk):
 *
 * - `spine`: the error classes with the shapes every module shares (`common`, `endpoint`,
 *   `opds`). Every entry but `opd-kit/schemas` needed both; that entry now carries the error
 *   classes too (some 0.4 KB gzip), every other entry one file fewer (0.15 KB gzip each).
 * - `staff-schemas`: the tenancy admins' and the privacy schemas, which only the full client
 *   and `opd-kit/schemas` import statically (the console's pages lazily, one with the other's
 *   then): one file fewer for both entries (0.3 KB gzip).
 * - `accounts` (with `page-query`), named so that Rollup does not pull them into
 *   `staff-schemas`, which imports them (a manual chunk takes in its unassigned imports),
 *   and the `auth` namespace that signs staff in with them: the full client and the console
 *   import both, and a file of its own cost each of them 0.12 KB gzip more than the namespace
 *   costs the two other importers of `accounts` (`opd-kit/schemas`, the inbox: 0.2 KB each).
 * - `schema-details`: the {@link PURE_MODULES}, for the same reason (only `opd-kit/schemas`
 *   imports it).
 * - Modules the widgets use together, one chunk per group, so that each new widget importing
 *   a different subset does not cut the older widgets' chunks into more files: `request` (the
 *   sender with the idempotency keys, and `buildClient` with its OPD namespace: every importer
 *   of the sender but the console builds a client with it, so one file, 0.18 KB gzip less for
 *   the SDK and each citizen widget), `widget-kit` (the base element, theme and localisation
 *   with the kit's Indonesian copy; error summary and detail, fields, notices, device storage:
 *   every widget imports all of it, so one file instead of two, 0.2 KB gzip less each),
 *   `form-flow` (the form controller, a form's notice, drafts,
 *   the clipboard: the widgets with a form), and per module its citizens' calls with their
 *   public schemas (`consultations`, `citizen-roads`, `citizen-agenda`,
 *   `citizen-innovations`, `citizen-services`, `citizen-csr`). Pagination and
 *   `resolveOpd` join the `spine`. Five new widgets had made the form entry 16 files (1.0 KB
 *   gzip more) before these.
 */
function npmManualChunk(/** @type {string} */ id) {
  const path = id.replaceAll('\\', '/');
  if (/\/src\/(?:errors|schemas\/(?:common|endpoint|opds))\.ts$/.test(path)) return 'spine';
  if (/\/src\/(?:pagination|namespaces\/shared)\.ts$/.test(path)) return 'spine';
  if (/\/src\/(?:schemas\/consultations|namespaces\/citizen-consultations)\.ts$/.test(path)) return 'consultations';
  if (/\/src\/(?:schemas\/(?:roads|open311)|namespaces\/citizen-roads)\.ts$/.test(path)) return 'citizen-roads';
  if (/\/src\/(?:schemas\/agenda|namespaces\/citizen-agenda)\.ts$/.test(path)) return 'citizen-agenda';
  if (/\/src\/(?:schemas\/innovations|namespaces\/citizen-innovations)\.ts$/.test(path)) return 'citizen-innovations';
  if (/\/src\/(?:schemas\/services|namespaces\/citizen-services)\.ts$/.test(path)) return 'citizen-services';
  if (/\/src\/(?:schemas\/csr|namespaces\/citizen-csr)\.ts$/.test(path)) return 'citizen-csr';
  if (/\/src\/(?:request|idempotency|build-client|namespaces\/opds)\.ts$/.test(path)) return 'request';
  if (/\/widgets\/shared\/(?:theme|localize|opd-element|i18n\/id|error-summary|error-detail|fields|notice|storage)\.ts$/.test(path)) return 'widget-kit';
  if (/\/widgets\/shared\/(?:form-controller|form-notice|draft-controller|clipboard)\.ts$/.test(path)) return 'form-flow';
  if (/\/src\/schemas\/(?:opd-admin|privacy)\.ts$/.test(path)) return 'staff-schemas';
  if (/\/src\/(?:schemas\/(?:accounts|page-query)|namespaces\/auth)\.ts$/.test(path)) return 'accounts';
  if (PURE_MODULES.test(id)) return 'schema-details';
  return undefined;
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
    treeshake: { moduleSideEffects: (id, external) => !external && !PURE_MODULES.test(id) },
    plugins: [typescript(), minifyTemplates(), minify({ ownCode: true })],
    onwarn,
    output: {
      dir: at('dist'),
      format: 'es',
      entryFileNames: '[name].js',
      // No content hash: the package's version names these files, and a hash in every import
      // of every chunk is some 50 bytes gzip per chunk an entry imports (see npmChunkName()).
      chunkFileNames: npmChunkName,
      manualChunks: npmManualChunk,
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
      /** @type {Record<string, { file: string; integrity: string }>} */
      const pinned = {};
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
        if (name === CDN_ENTRY) pinned[name] = pin(options.dir, name, bytes, br);
      }
      if (Object.keys(pinned).length > 0) writeFileSync(join(options.dir, 'integrity.json'), `${JSON.stringify(pinned, null, 2)}\n`);
    },
  });
}

/** The file every OPD's script tag loads. */
const CDN_ENTRY = 'opd-kit.js';

/**
 * Pins a release of the entry for a snippet with Subresource Integrity: the same bytes under
 * a name with their hash (`opd-kit.<hash>.js`, cached for good like every chunk, so a snippet
 * that names it keeps matching its `integrity` after the next release), and what
 * `integrity.json` says of it, which the console's embed page reads. The chunks it imports are
 * named by their content's hash, so the pinned entry always loads the chunks it was built with.
 */
function pin(/** @type {string} */ dir, /** @type {string} */ name, /** @type {Buffer} */ bytes, /** @type {Buffer} */ br) {
  const hex = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
  const file = name.replace(/\.js$/, `.${hex}.js`);
  writeFileSync(join(dir, file), bytes);
  writeFileSync(join(dir, `${file}.br`), br);
  writeFileSync(join(dir, `${file}.gz`), gzipSync(bytes, { level: 9 }));
  return { file, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
}

/** The CDN build's plugins. */
const cdnPlugins = () => [
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  typescript(),
  minifyTemplates(),
  parallelChunkImports(),
  minify(),
  precompressed(),
];

/**
 * Also keeps the kit's device storage out of the loader (see the first line).
 *
 * The English text a widget fetches only when it is set to English (`widgets/<name>/i18n/en.ts`,
 * a console page's `widgets/<name>/<page>/i18n/en.ts`, and the kit's `widgets/shared/i18n/en.ts`,
 * imported with `import()` alone): a chunk of its own, `<name>-en-<hash>.js`
 * (`<name>-<page>-en-<hash>.js`; the kit's `kit-en-<hash>.js`). Named here because
 * `experimentalMinChunkSize` would otherwise merge these small side-effect-free chunks into
 * one every page loads (it put the form's and the kit's English into the loader's). An
 * `en.ts` imported statically (the staff pages') stays where it is.
 */
function englishChunk(/** @type {string} */ id, /** @type {import('rollup').ManualChunkMeta} */ meta) {
  // The kit's device storage is tiny and used by some widgets only, so `experimentalMinChunkSize`
  // merged it into the one chunk every page loads first, the loader's: the loader became a
  // facade importing a shared chunk, on every OPD page, widget or not. A chunk of its own it stays.
  if (/[\\/]widgets[\\/]shared[\\/]storage\.ts$/.test(id)) return 'kit-storage';
  // A console page's own folder too: `widgets/agenda-console/events/i18n/en.ts` is `agenda-console-events-en`.
  const english = /[\\/]widgets[\\/]((?:[^\\/]+[\\/])*?[^\\/]+)[\\/]i18n[\\/]en\.ts$/.exec(id);
  if (!english || (meta.getModuleInfo(id)?.importers.length ?? 1) > 0) return undefined;
  return english[1] === 'shared' ? 'kit-en' : `${english[1].replaceAll(/[\\/]/g, '-')}-en`;
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
