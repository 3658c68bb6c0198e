/**
 * Small helpers shared by the repo scripts (build, start, test, sizes). Node built-ins only.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (the folder holding package.json). */
export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** Absolute path of a repo-relative path. */
export const at = (path) => join(root, path);

/**
 * Runs a command with inherited stdio and resolves with its exit code (never rejects on a
 * non-zero exit). SIGINT/SIGTERM sent to this process are passed on to the child.
 */
export function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: root, ...options });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const done = (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code);
    };
    child.on('error', (error) => {
      console.error(`could not start ${command}: ${error.message}`);
      done(127);
    });
    child.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

/** Runs a script of an installed package with this Node (`node node_modules/<pkg>/<bin>`). */
export function runBin(packageBin, args, options) {
  return run(process.execPath, [at(join('node_modules', packageBin)), ...args], options);
}

/** Every file under `dir` (recursive) whose path matches `test`; `[]` when `dir` is missing. */
export function listFiles(dir, test = () => true) {
  const full = at(dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((path) => !path.includes(`${join('node_modules', '')}`) && test(path))
    .sort();
}

/**
 * Widget folders under `widgets/` that have a `define.ts`, e.g. `consultation-form`, sorted.
 * Each is built as `dist/widgets/<name>.js` + `dist/widgets/<name>/define.js` and registers
 * the tag `opd-<name>`.
 */
export function widgetNames() {
  if (!existsSync(at('widgets'))) return [];
  return readdirSync(at('widgets'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(at(`widgets/${entry.name}/define.ts`)))
    .map((entry) => entry.name)
    .sort();
}

/** The newest modification time (ms) of any file under the given repo-relative paths. */
export function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    const full = at(path);
    if (!existsSync(full)) continue;
    const files = statSync(full).isDirectory() ? listFiles(path) : [full];
    for (const file of files) newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** The modification time (ms) of a repo-relative file, or 0 when it does not exist. */
export function mtime(path) {
  return existsSync(at(path)) ? statSync(at(path)).mtimeMs : 0;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * Finds a Chromium for the browser tests: `CHROME_PATH`, then `/usr/bin/chromium`, then
 * `chromium` or `google-chrome` on the PATH. Returns `undefined` when there is none.
 */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return isExecutable(fromEnv) ? fromEnv : undefined;
  if (isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
  return onPath('chromium') ?? onPath('google-chrome');
}

/** Seconds since `start` (a `performance.now()` value), one decimal. */
export const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);
