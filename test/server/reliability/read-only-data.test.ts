/**
 * A read-only `DATA_DIR`: `main.ts` stops at once with one line naming the folder and what to
 * do, exits 1, and writes nothing — neither into an empty folder nor into an existing
 * database. Root ignores file modes, so when the tests run as root the server is started as
 * `nobody` (uid 65534), as a production server runs as its own user; otherwise the folder is
 * simply chmod 0555.
 *
 * A disk that fills up while running cannot be made here (no tmpfs, no loop mounts): the
 * server's side of it — ENOSPC, EROFS and PostgreSQL's "disk full" answered 503 with
 * `Retry-After`, nothing acknowledged — is in `disk-full.test.ts`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chmod, chown, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startMain } from './main-process.js';

const ROOT = process.getuid?.() === 0;
const NOBODY = { uid: 65534, gid: 65534 };
/** Who the server runs as: `nobody` when the test is root (root would write anyway). */
const asServerUser = ROOT ? NOBODY : undefined;

/** Every file under `dir` with its SHA-256 and mode: what "nothing written" compares. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const info = await stat(path);
    files[path.slice(dir.length)] = entry.isFile() ? `${info.mode.toString(8)} ${createHash('sha256').update(await readFile(path)).digest('hex')}` : `${info.mode.toString(8)} dir`;
  }
  return files;
}

/** Makes every folder and file under `dir` (and `dir`) read-only to the server's user. */
async function makeReadOnly(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (ROOT) await chown(path, 0, 0);
    await chmod(path, entry.isDirectory() ? 0o555 : 0o444);
  }
  if (ROOT) await chown(dir, 0, 0);
  await chmod(dir, 0o555);
}

async function startFails(dir: string): Promise<{ code: number | null; stderr: string }> {
  const server = await startMain({ env: { DATA_DIR: dir, SEED: 'none' }, spawn: asServerUser, waitReady: false });
  const exit = await server.exited;
  return { code: exit.code, stderr: server.output.join('') };
}

describe('a read-only DATA_DIR', () => {
  const dirs: string[] = [];
  after(async () => {
    for (const dir of dirs) {
      await chmod(dir, 0o755).catch(() => {});
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    }
  });
  const freshDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'opd-kit-ro-'));
    dirs.push(dir);
    return dir;
  };

  it('stops an empty read-only folder with a line naming it and what to do, writing nothing', { timeout: 120_000 }, async () => {
    const dir = await freshDir();
    await makeReadOnly(dir);
    const { code, stderr } = await startFails(dir);
    assert.equal(code, 1, stderr);
    assert.match(stderr, new RegExp(`opd-kit cannot start: DATA_DIR ${dir} is not writable by this process \\((EACCES|EPERM)\\)`));
    assert.match(stderr, /Make it writable by the user the server runs as .*or set DATA_DIR to a writable folder\. Nothing was written\./);
    assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(await readdir(dir), [], 'nothing written');
  });

  it('stops an existing database with a read-only file, or made read-only whole, leaving every file as it was', { timeout: 240_000 }, async () => {
    const dir = await freshDir();
    if (ROOT) await chown(dir, NOBODY.uid, NOBODY.gid);
    // A real database first, made by the same user, then stopped cleanly.
    const first = await startMain({ env: { DATA_DIR: dir, SEED: 'none' }, spawn: asServerUser });
    first.child.kill('SIGTERM');
    assert.equal((await first.exited).code, 0);
    assert.ok((await readdir(dir)).includes('PG_VERSION'), 'a PGlite database was made');

    // Only the control file read-only (a restore done as another user, say).
    const control = join(dir, 'global/pg_control');
    if (ROOT) await chown(control, 0, 0);
    await chmod(control, 0o444);
    let before = await snapshot(dir);
    let failed = await startFails(dir);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, new RegExp(`opd-kit cannot start: DATA_DIR ${dir} holds global/pg_control, which is not writable by this process`));
    assert.deepEqual(await snapshot(dir), before, 'not a byte changed');

    // The whole folder read-only.
    await makeReadOnly(dir);
    before = await snapshot(dir);
    failed = await startFails(dir);
    assert.equal(failed.code, 1, failed.stderr);
    assert.match(failed.stderr, new RegExp(`opd-kit cannot start: DATA_DIR ${dir} is not writable by this process \\((EACCES|EPERM)\\)`));
    assert.deepEqual(await snapshot(dir), before, 'not a byte changed');
  });
});
