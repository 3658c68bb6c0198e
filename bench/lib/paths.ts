/**
 * Where things are: the repository root, resolved from this file so the bench runs from any
 * working directory.
 *
 * @module
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Absolute path of `relative` inside the repository. */
export function repoPath(relative: string): string {
  return resolve(repoRoot, relative);
}
