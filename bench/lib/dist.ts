/**
 * The build the bench measures: `dist/` built by the project's own build when it is missing
 * or older than its sources (unless `BENCH_BUILD=never`), then copied into the bench's work
 * dir without types and source maps. The bench measures and serves that copy, so a build
 * someone else starts meanwhile (it empties `dist/`) cannot pull files from under it.
 *
 * @module
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fail, note, settings } from './context.js';
import { repoPath, repoRoot } from './paths.js';

const LOADER = 'dist/cdn/opd-kit.js';
const SOURCES = ['src', 'widgets', 'rollup.config.mjs', 'package-lock.json', 'tsconfig.json'];

/** The copy of dist/ the bench measures. */
export interface DistSnapshot {
  /** The copy of `dist/` (no types, no maps). */
  dir: string;
  /** Its `cdn/` folder. */
  cdn: string;
  /** When `dist/cdn/opd-kit.js` was built. */
  builtAt: Date;
  /** Sources changed after that build (only with `BENCH_BUILD=never`, or when a build failed). */
  stale: boolean;
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    const full = repoPath(path);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) {
      newest = Math.max(newest, statSync(full).mtimeMs);
      continue;
    }
    for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

async function ensureBuild(): Promise<void> {
  const loader = repoPath(LOADER);
  if (!existsSync(repoPath('widgets/all.ts'))) return;
  // Someone else's build may be running right now: give it a moment before building ourselves.
  for (let attempt = 0; attempt < 20 && !existsSync(loader); attempt++) await sleep(500);
  const built = existsSync(loader) ? statSync(loader).mtimeMs : 0;
  if (built >= newestMtime(SOURCES)) return;
  if (settings.build === 'never' && built > 0) {
    note('dist/ is older than its sources; BENCH_BUILD=never: measuring it as it is');
    return;
  }
  note(built ? 'dist/ is older than its sources: rebuilding (scripts/build.mjs --no-types)' : 'building dist/ (scripts/build.mjs --no-types)');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [repoPath('scripts/build.mjs'), '--no-types'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    child.on('error', () => resolve(1));
  });
  if (code !== 0) fail(`the build (scripts/build.mjs --no-types) failed with code ${code}`);
}

/** Builds when needed, then copies `dist/` into `work/dist`; undefined when there is no build. */
export async function snapshotDist(work: string): Promise<DistSnapshot | undefined> {
  await ensureBuild();
  // A build elsewhere may be between emptying dist/ and writing it again.
  for (let attempt = 0; attempt < 60 && !existsSync(repoPath(LOADER)); attempt++) await sleep(500);
  if (!existsSync(repoPath(LOADER))) {
    fail(`${LOADER} is missing and could not be built`);
    return undefined;
  }
  const builtAt = statSync(repoPath(LOADER)).mtimeMs;
  const dir = join(work, 'dist');
  const types = repoPath('dist/types');
  await cp(repoPath('dist'), dir, {
    recursive: true,
    filter: (source) => !source.startsWith(types) && !source.endsWith('.map'),
  });
  if (!existsSync(join(dir, 'cdn/opd-kit.js'))) return undefined;
  return { dir, cdn: join(dir, 'cdn'), builtAt: new Date(builtAt), stale: builtAt < newestMtime(SOURCES) };
}
