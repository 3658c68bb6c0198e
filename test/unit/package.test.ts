/**
 * The npm package as `npm pack` would publish it: the file list of `npm pack --dry-run`
 * (no tarball is written) checked against package.json's `exports`, `types`, `main`,
 * `customElements` and `sideEffects`, and against what must never ship.
 *
 * It needs a build with types (`npm run build`); when `dist/` has none, or they are older
 * than the sources, it runs one first (`prepack` does the same before a real `npm pack`).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = (path: string) => join(root, path);

type Conditions = string | { [condition: string]: string };
interface PackageJson {
  main?: string;
  types?: string;
  customElements?: string;
  exports: Record<string, Conditions>;
  sideEffects?: string[];
}

interface ManifestDeclaration {
  name: string;
  tagName?: string;
  attributes?: { name: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
}
interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: ManifestDeclaration[] }[];
}

const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8')) as PackageJson;

/** Widget folders with a `define.ts` (each ships as `opd-kit/widgets/<name>`). */
const widgets = readdirSync(at('widgets'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(at(`widgets/${entry.name}/define.ts`)))
  .map((entry) => entry.name);

/** Newest modification time of any file under `dir`. */
function newest(dir: string): number {
  let time = 0;
  for (const entry of readdirSync(at(dir), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) time = Math.max(time, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return time;
}

/** `./dist/x.js` → `dist/x.js`, as npm lists paths. */
const packed = (target: string) => posix.normalize(target.replace(/^\.\//, ''));

/** Every concrete target of an export: `*` replaced by each widget name. */
function targets(key: string, value: Conditions): { key: string; condition: string; file: string }[] {
  const conditions = typeof value === 'string' ? { default: value } : value;
  const names = key.includes('*') ? widgets : [''];
  return names.flatMap((name) =>
    Object.entries(conditions).map(([condition, target]) => ({
      key: key.replaceAll('*', name),
      condition,
      file: packed(target.replaceAll('*', name)),
    })),
  );
}

let files: Set<string>;

before(() => {
  const types = at('dist/types/src/index.d.ts');
  const stale = !existsSync(types) || !existsSync(at('dist/custom-elements.json')) || statSync(types).mtimeMs < Math.max(newest('src'), newest('widgets'));
  if (stale) execFileSync(process.execPath, [at('scripts/build.mjs')], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // --ignore-scripts: list what is there now, without prepack building again.
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [result] = JSON.parse(output) as [{ files: { path: string }[] }];
  files = new Set(result.files.map((file) => file.path));
});

describe('the npm package', () => {
  it('ships a file for every exports entry, main, types and customElements, each present on disk', () => {
    const wanted = Object.entries(pkg.exports).flatMap(([key, value]) => targets(key, value));
    for (const field of ['main', 'types', 'customElements'] as const) {
      const value = pkg[field];
      assert.ok(value, `package.json has "${field}"`);
      wanted.push({ key: field, condition: field, file: packed(value) });
    }
    for (const { key, condition, file } of wanted) {
      assert.ok(existsSync(at(file)), `${key} (${condition}) → ${file} exists after the build`);
      assert.ok(files.has(file), `${key} (${condition}) → ${file} is in the package`);
    }
  });

  it('carries the type declarations of every JavaScript export, and every declaration they import', () => {
    const typed = Object.entries(pkg.exports).filter(([key]) => key !== './package.json' && key !== './custom-elements.json');
    for (const [key, value] of typed) {
      if (key === './cdn') continue; // a browser script, not a module to type against
      assert.ok(typeof value === 'object' && value.types, `exports["${key}"] has a "types" condition`);
      assert.ok(Object.keys(value)[0] === 'types', `exports["${key}"] lists "types" first (TypeScript takes the first match)`);
    }
    // Follow relative imports from each declaration entry: all must be packed.
    const entries = typed.flatMap(([key, value]) => targets(key, value)).filter((target) => target.condition === 'types');
    const seen = new Set<string>();
    const visit = (file: string, from: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      assert.ok(files.has(file), `${file} (needed by ${from}) is in the package`);
      const code = readFileSync(at(file), 'utf8');
      for (const match of code.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
        const spec = match[1] as string;
        visit(posix.join(posix.dirname(file), spec.replace(/\.js$/, '.d.ts')), file);
      }
    };
    for (const entry of entries) visit(entry.file, `exports["${entry.key}"]`);
    assert.ok(seen.size > entries.length, 'the declaration entries import the rest');
  });

  it('ships nothing but the build, the README, the changelog and the guides: no sources, tests or server', () => {
    const allowed = /^(?:dist\/.+|docs\/(?:widgets\/|guides\/)?[^/]+\.md|README\.md|CHANGELOG\.md|LICENSE(?:\.md)?|package\.json)$/;
    for (const file of files) {
      assert.match(file, allowed, `${file} should not be in the package`);
      assert.ok(!/\.(?:ts|tsx|mts|cts)$/.test(file) || file.endsWith('.d.ts'), `${file}: a TypeScript source`);
      assert.ok(!/(?:^|\/)(?:test|server|scripts|bench|examples|node_modules)\//.test(file), `${file}: not for users`);
    }
  });

  it('marks only files that exist as having side effects', () => {
    for (const pattern of pkg.sideEffects ?? []) {
      const regex = new RegExp(`^${packed(pattern).replaceAll('.', '\\.').replaceAll('*', '[^/]+')}$`);
      assert.ok([...files].some((file) => regex.test(file)), `sideEffects "${pattern}" matches a packed file`);
    }
  });

  it('has a custom-elements.json listing every widget with its attributes, events, parts and custom properties', () => {
    const manifest = JSON.parse(readFileSync(at(packed(pkg.customElements ?? '')), 'utf8')) as Manifest;
    assert.equal(manifest.schemaVersion, '1.0.0');
    const elements = manifest.modules.flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })));
    for (const name of widgets) {
      const found = elements.find(({ declaration }) => declaration.tagName === `opd-${name}`);
      assert.ok(found, `<opd-${name}> is in custom-elements.json`);
      const { module, declaration } = found;
      assert.ok(files.has(module.path), `its module path ${module.path} is a packed file`);
      // Everything the class's doc comment declares is there, and the shared attributes too.
      const source = readFileSync(at(`widgets/${name}/${name}.ts`), 'utf8');
      const documented = (tag: string) => [...source.matchAll(new RegExp(`@${tag}\\s+([\\w-]+)`, 'g'))].map((match) => match[1]);
      const listed = (items: { name: string }[] | undefined) => (items ?? []).map((item) => item.name);
      for (const [tag, items] of [
        ['attr', declaration.attributes],
        ['event', declaration.events],
        ['csspart', declaration.cssParts],
        ['cssproperty', declaration.cssProperties],
      ] as const) {
        const names = listed(items);
        assert.ok(names.length > 0, `<opd-${name}> lists some ${tag}`);
        for (const item of documented(tag)) assert.ok(names.includes(item as string), `<opd-${name}> lists ${tag} ${item}`);
      }
      for (const attribute of ['api', 'lang']) {
        assert.ok(listed(declaration.attributes).includes(attribute), `<opd-${name}> lists attribute ${attribute}`);
      }
    }
  });
});
