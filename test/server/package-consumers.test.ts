/**
 * The npm package as its users get it: the real tarball (`npm pack`) unpacked into a throw-away
 * consumer project, as `npm install <tarball>` lays it out (`node_modules/opd-kit`, with its
 * dependencies lit, zod and leaflet linked from this repo's node_modules: no network), then
 *
 * - a plain Node consumer (`test/fixtures/consumer/node-run.mjs`) imports the SDK, module,
 *   webhooks and schemas entries and runs them against a real backend, and resolves every
 *   other `exports` entry (each widget, its `define`, the CDN file, the manifest);
 * - esbuild bundles a page importing every entry, which registers every widget in Chromium;
 *   an import left unused tree-shakes to nothing (`sideEffects`), a `define` import does not;
 * - a strict TypeScript consumer (`test/fixtures/consumer/strict.ts.txt`, copied in as `strict.ts`: `strict`,
 *   `exactOptionalPropertyTypes`, `noUncheckedIndexedAccess`, no `skipLibCheck`) type-checks
 *   under `moduleResolution` `node16` and `bundler`.
 *
 * The unpacking stands in for `npm install`, which would fetch the dependencies from the
 * registry; the files are the tarball's own. Like test/unit/package.test.ts it needs a build
 * with types and runs one first when `dist/` has none or is older than the sources.
 *
 * It is in the server part for its time: about 35 s of CPU (two type-checks, a pack, a
 * backend, Chromium), which the unit part's 60 s per file does not leave room for on a busy
 * two-core machine; the server part allows 240 s.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = (path: string) => join(root, path);

interface PackedJson {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  dependencies: Record<string, string>;
}

/** Newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(at(dir), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

let scratch: string;
let consumer: string;
let installed: string;
let packed: PackedJson;
/** The widget names the tarball ships (`dist/widgets/<name>/define.js`). */
let widgets: string[];
let backend: TestServer;
/** Both type-checks, started at once (they take the longest). */
let typeChecks: Record<'node16' | 'bundler', Promise<{ code: number; output: string }>>;

/** Runs the consumer's TypeScript with `config`; never rejects. */
function typeCheck(config: string): Promise<{ code: number; output: string }> {
  return run(process.execPath, [at('node_modules/typescript/bin/tsc'), '-p', config], { cwd: consumer }).then(
    ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
  );
}

/** Bundles `source` (an ES module in the consumer project) for the browser, minified; returns the code. */
async function bundle(name: string, source: string): Promise<string> {
  const entry = join(consumer, `${name}.js`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: consumer,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

before(async () => {
  const types = at('dist/types/src/index.d.ts');
  const stale = !existsSync(types) || !existsSync(at('dist/custom-elements.json')) || statSync(types).mtimeMs < Math.max(newest('src'), newest('widgets'));
  if (stale) execFileSync(process.execPath, [at('scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

  scratch = mkdtempSync(join(tmpdir(), 'opd-kit-consumer-'));
  // --ignore-scripts: pack what was just built, without prepack building it again.
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  const [result] = JSON.parse(stdout) as [{ filename: string }];
  const tarball = join(scratch, result.filename);

  consumer = join(scratch, 'consumer');
  installed = join(consumer, 'node_modules', 'opd-kit');
  mkdirSync(join(consumer, 'node_modules'), { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', scratch]);
  renameSync(join(scratch, 'package'), installed);
  packed = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as PackedJson;
  for (const dependency of Object.keys(packed.dependencies)) {
    mkdirSync(dirname(join(consumer, 'node_modules', dependency)), { recursive: true });
    symlinkSync(at(`node_modules/${dependency}`), join(consumer, 'node_modules', dependency), 'dir');
  }
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'opd-kit-consumer', private: true, type: 'module', dependencies: { 'opd-kit': `file:${tarball}` } }));
  cpSync(at('test/fixtures/consumer'), consumer, { recursive: true });
  renameSync(join(consumer, 'strict.ts.txt'), join(consumer, 'strict.ts'));
  widgets = readdirSync(join(installed, 'dist/widgets'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(installed, 'dist/widgets', entry.name, 'define.js')))
    .map((entry) => entry.name);

  typeChecks = { node16: typeCheck('tsconfig.node16.json'), bundler: typeCheck('tsconfig.bundler.json') };
  backend = await startTestServer({ store: 'pglite' });
});

after(async () => {
  await Promise.allSettled(Object.values(typeChecks ?? {}));
  await backend?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** Every specifier the exports map offers, `*` replaced by each shipped widget. */
function specifiers(): string[] {
  return Object.keys(packed.exports).flatMap((key) => {
    const path = key === '.' ? '' : key.slice(1);
    return key.includes('*') ? widgets.map((name) => `${packed.name}${path.replaceAll('*', name)}`) : [`${packed.name}${path}`];
  });
}

describe('the packed package in a consumer project', () => {
  it('runs the SDK, module, webhooks and schemas entries in Node, and resolves every other export to a packed file', async () => {
    const all = specifiers();
    const { stdout } = await run(process.execPath, ['node-run.mjs'], {
      cwd: consumer,
      env: { ...process.env, OPD_API: backend.url, OPD_RESOLVE: all.join(',') },
    });
    const seen = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { opds: string; segment: string; resolved: Record<string, string> };
    assert.equal(seen.opds, 'bpkad', 'the SDK read the backend');
    assert.ok(seen.segment, 'opd-kit/roads listed a segment');
    assert.deepEqual(Object.keys(seen.resolved).sort(), [...all].sort(), 'every exports entry resolves');
    for (const [specifier, url] of Object.entries(seen.resolved)) {
      const file = fileURLToPath(url);
      assert.ok(file.startsWith(installed + sep), `${specifier} resolves inside the installed package: ${file}`);
      assert.ok(existsSync(file), `${specifier} → ${file} exists`);
    }
    assert.ok(widgets.length >= 10, `the package ships the widgets (${widgets.join(', ')})`);
  });

  it('bundles a page importing every entry, and every widget registers in Chromium', async () => {
    const modules = specifiers().filter((specifier) => !/\.json$|\/cdn$/.test(specifier));
    const source = [
      ...modules.map((specifier, index) => `import * as m${index} from '${specifier}';`),
      `window.entries = [${modules.map((_, index) => `Object.keys(m${index}).length`).join(', ')}];`,
    ].join('\n');
    const code = await bundle('every-entry', source);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.setContent('<!doctype html><html lang="id"><body></body></html>');
      await page.addScriptTag({ content: code, type: 'module' });
      await page.waitForFunction(() => Array.isArray((window as unknown as { entries?: number[] }).entries));
      const entries = await page.evaluate(() => (window as unknown as { entries: number[] }).entries);
      modules.forEach((specifier, index) => assert.ok((entries[index] ?? 0) > 0, `${specifier} exports something`));
      const missing = await page.evaluate((tags) => tags.filter((tag) => !customElements.get(tag)), widgets.map((name) => `opd-${name}`));
      assert.deepEqual(missing, [], 'every opd-kit/widgets/<name>/define registers its tag');
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  });

  it('leaves out what a page imports and never uses (sideEffects), but keeps a define import', async () => {
    const modules = specifiers().filter((specifier) => !/\.json$|\/cdn$|\/define$/.test(specifier));
    const unused = await bundle('unused', modules.map((specifier, index) => `import * as m${index} from '${specifier}';`).join('\n'));
    assert.ok(unused.length < 100, `${modules.length} entries imported and unused bundle to ${unused.length} bytes: ${unused.slice(0, 300)}`);

    const client = await bundle('sdk-only', "import { createClient } from 'opd-kit';\nexport const client = createClient({ baseUrl: 'https://layanan.example.go.id' });");
    assert.ok(!client.includes('customElements'), 'the SDK alone carries no widget');
    const defined = await bundle('define', "import 'opd-kit/widgets/consultation-form/define';");
    assert.match(defined, /customElements\.define\(\s*["']opd-consultation-form["']/, 'a define import is kept for its side effect');
    assert.ok(defined.length > client.length, 'and brings the widget with it');
  });

  for (const resolution of ['node16', 'bundler'] as const) {
    it(`type-checks a strict consumer with moduleResolution ${resolution}`, async () => {
      const { code, output } = await typeChecks[resolution];
      assert.equal(code, 0, `tsc -p tsconfig.${resolution}.json:\n${output}`);
    });
  }
});
