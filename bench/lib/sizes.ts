/**
 * Bundle sizes as a user ships them: one entry bundled by rollup + node-resolve (browser
 * conditions) + esbuild (TypeScript) + terser, every dependency inside, then gzip and brotli
 * at their highest levels. The same pipeline for opd-kit and for its peers, plus the build's
 * own template minifier (scripts/minify-templates.mjs), which touches only opd-kit's widget
 * sources: the bench measures what opd-kit ships, and the peers as their packages ship.
 *
 * @module
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terserPlugin from '@rollup/plugin-terser';
import { rollup, type OutputChunk, type Plugin, type PluginContext, type RollupLog } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
// @ts-expect-error -- a plain .mjs module of the build, without type declarations
import { minifyTemplates } from '../../scripts/minify-templates.mjs';
import { repoPath } from './paths.js';

/** Sizes in bytes of what a page loads up front; lazy chunks counted apart. */
export interface BundleSize {
  /** Minified, uncompressed. */
  min: number;
  /** Minified, gzip -9. */
  gzip: number;
  /** Minified, brotli quality 11. */
  brotli: number;
  /** gzip size of chunks loaded only on a dynamic `import()` (0 when there are none). */
  lazyGzip: number;
  /** How many modules went in (a rough "how much did we pull"). */
  modules: number;
}

/** Compressed sizes of one piece of code. */
export function compressedSizes(code: string | Uint8Array): Pick<BundleSize, 'min' | 'gzip' | 'brotli'> {
  const bytes = typeof code === 'string' ? Buffer.from(code) : Buffer.from(code);
  return {
    min: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

// The plugin's types are CommonJS-style; at run time the ESM default export is the function.
const terser = terserPlugin as unknown as typeof terserPlugin.default;

/**
 * TypeScript via esbuild with the repo tsconfig (Lit's legacy decorators). The plugin resolves
 * relative imports itself before node-resolve sees them, which would skip a dependency's
 * `browser` field (axios maps its Node adapters to browser ones there); so it only resolves
 * imports made from our own sources.
 */
function typescript(): Plugin {
  const plugin = esbuild({ tsconfig: repoPath('tsconfig.json'), target: 'es2022', minify: false });
  const resolveOwn = plugin.resolveId;
  if (typeof resolveOwn === 'function') {
    plugin.resolveId = function (this: PluginContext, id, importer, options) {
      if (importer?.includes('/node_modules/')) return null;
      return resolveOwn.call(this, id, importer, options);
    };
  }
  return plugin;
}

/**
 * Bundles `entry` (a path under the repo) and measures it. With `writeTo`, the chunks are
 * also written there (the entry as `<entry name>.js`), e.g. for a page to load.
 */
export async function bundleSize(entry: string, writeTo?: string): Promise<BundleSize> {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: repoPath(entry),
    // Keep every export of the entry: the entry lists what the app uses.
    preserveEntrySignatures: 'exports-only',
    plugins: [
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      typescript(),
      (minifyTemplates as () => Plugin)(),
      terser({ module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }),
    ],
    onwarn(warning: RollupLog) {
      // Dependencies' own annotation comments and cycles are their business.
      if (['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code ?? '')) return;
      warnings.push(warning.message);
    },
  });
  try {
    const { output } = await bundle.generate({ format: 'es' });
    const chunks = output.filter((item): item is OutputChunk => item.type === 'chunk');
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const entryChunk = chunks.find((chunk) => chunk.isEntry);
    if (!entryChunk) throw new Error(`rollup produced no entry chunk for ${entry}`);

    // Up front: the entry and everything it imports statically.
    const upFront = new Set<string>();
    const visit = (fileName: string) => {
      if (upFront.has(fileName)) return;
      upFront.add(fileName);
      for (const next of byName.get(fileName)?.imports ?? []) visit(next);
    };
    visit(entryChunk.fileName);

    if (writeTo !== undefined) {
      await mkdir(writeTo, { recursive: true });
      for (const chunk of chunks) await writeFile(join(writeTo, chunk.fileName), chunk.code);
    }

    const initial = chunks.filter((chunk) => upFront.has(chunk.fileName)).map((chunk) => chunk.code).join('\n');
    const lazy = chunks.filter((chunk) => !upFront.has(chunk.fileName));
    const leftovers = initial.match(/process\.env\b/g);
    if (leftovers) warnings.push(`${entry}: ${leftovers.length} process.env reference(s) left in the bundle`);
    if (warnings.length > 0) process.stderr.write(`bench: rollup warnings for ${entry}:\n  ${warnings.join('\n  ')}\n`);

    return {
      ...compressedSizes(initial),
      lazyGzip: lazy.reduce((sum, chunk) => sum + gzipSync(Buffer.from(chunk.code), { level: 9 }).length, 0),
      modules: new Set(chunks.flatMap((chunk) => Object.keys(chunk.modules))).size,
    };
  } finally {
    await bundle.close();
  }
}

