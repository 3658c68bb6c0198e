/**
 * One server per PGlite data folder. PGlite is PostgreSQL inside this process and takes no
 * lock of its own (it writes `postmaster.pid` with a made-up pid): two processes on one folder
 * both run, both acknowledge writes, and one's writes are lost.
 *
 * The lock is a Unix domain socket, `opd-kit.lock`, bound inside `DATA_DIR` by the server that
 * holds it. The kernel tells whether its holder lives:
 * - held: a connect succeeds (even while the holder's event loop is busy in PGlite), and the
 *   holder answers with its pid;
 * - left behind by a holder that was killed (`kill -9`, out of memory): the file is there but a
 *   connect is refused. The next start claims the right to remove that file (one starter
 *   only, see `removeIfStale`), checks it is still the same dead file, removes it and takes the
 *   lock. No timeouts, no heartbeat, no guessing from pids (a container's server has the same
 *   pid after every restart).
 *
 * Claiming is `link(2)` of a socket bound under a unique name, which fails if the lock exists,
 * so two servers starting at once cannot both win. On Windows the lock is a named pipe per
 * folder, which the system removes with its process.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { link, lstat, readlink, realpath, rename, stat, symlink, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartError } from '../start-errors.js';

/** The lock's file name inside `DATA_DIR`. */
export const LOCK_FILE = 'opd-kit.lock';

/** A held lock. */
export interface DataDirLock {
  /** The socket file (or pipe name on Windows). */
  path: string;
  /** Gives the lock up (idempotent). */
  release(): Promise<void>;
}

/** Thrown when another live process holds the folder. */
export class DataDirInUseError extends StartError {
  /** The holder's process id, when it said. */
  readonly pid: number | undefined;

  constructor(shown: string, pid: number | undefined) {
    super(
      `DATA_DIR ${shown} is in use by another opd-kit server (${pid ? `pid ${pid}` : 'pid unknown'}): one server per PGlite folder. Stop that one first, or give this one its own DATA_DIR; for several servers on one database use PostgreSQL (DATABASE_URL).`,
    );
    this.name = 'DataDirInUseError';
    this.pid = pid;
  }
}

/** How long a probe waits for the holder to say its pid. */
const PID_WAIT_MS = 1000;
/** Longest socket path that fits `sockaddr_un` on Linux (108) and macOS (104), with room. */
const MAX_SOCKET_PATH = 100;

/**
 * Takes the lock of the folder `dir` (which must exist), or throws a {@link DataDirInUseError}
 * naming the holder's pid. `shown` is the folder as the operator wrote it, for messages.
 */
export async function lockDataDir(dir: string, shown: string = dir): Promise<DataDirLock> {
  const real = await realpath(dir);
  return process.platform === 'win32' ? lockWithPipe(real, shown) : lockWithSocket(real, shown);
}

async function lockWithSocket(real: string, shown: string): Promise<DataDirLock> {
  const lockPath = join(real, LOCK_FILE);
  const ownName = `${LOCK_FILE}.${process.pid}-${randomBytes(4).toString('hex')}`;
  // Socket addresses are short (sockaddr_un); a long DATA_DIR is reached through a short link.
  const base = await socketBase(real, `${LOCK_FILE}.takeover-${'9'.repeat(20)}`);
  const cannotHold = (error: unknown) =>
    error instanceof StartError
      ? error
      : new StartError(`DATA_DIR ${shown} cannot hold its lock file ${LOCK_FILE}: ${describeFsError(error)}`, { cause: error });

  const server = await listen(join(base, ownName)).catch((error: unknown) => {
    throw cannotHold(error);
  });
  const ownPath = join(real, ownName);
  try {
    const { ino } = await stat(ownPath);
    const paths: LockPaths = { real, base, own: ownPath, shown };
    for (let attempt = 0; attempt < 100; attempt++) {
      if (await linkExclusive(ownPath, lockPath, shown)) {
        await unlink(ownPath).catch(() => {});
        return socketLock(server, lockPath, ino);
      }
      const found = await removeIfStale(paths, LOCK_FILE, 0);
      if (found.state === 'live') throw new DataDirInUseError(shown, found.pid);
      if (found.state === 'busy') await delay(10 + Math.random() * 20);
    }
    throw new StartError(`DATA_DIR ${shown}: its lock file ${LOCK_FILE} kept changing while this server tried to take it; is another one starting?`);
  } catch (error) {
    await closeServer(server);
    await unlink(ownPath).catch(() => {});
    throw cannotHold(error);
  }
}

interface LockPaths {
  /** The folder, resolved. */
  real: string;
  /** The folder as sockets are addressed in it (itself, or a short link to it). */
  base: string;
  /** This process's bound socket. */
  own: string;
  shown: string;
}

type Found = { state: 'live'; pid: number | undefined } | { state: 'removed' } | { state: 'gone' } | { state: 'busy' };

/**
 * Removes the socket file `name` if nobody listens on it. Only one process may remove a given
 * dead file: it must first link its own socket as `opd-kit.lock.takeover-<inode>`, which fails
 * when another got there first. So a lock taken by someone else in the meantime (a new file,
 * another inode) is never removed by mistake. A takeover file left by a process killed in that
 * step is itself dead and is removed the same way.
 */
async function removeIfStale(paths: LockPaths, name: string, depth: number): Promise<Found> {
  const path = join(paths.real, name);
  const before = await lstat(path).catch(() => undefined);
  if (!before) return { state: 'gone' };
  const holder = await probe(join(paths.base, name), depth === 0);
  if (holder.state !== 'stale') return holder;

  const marker = `${LOCK_FILE}.takeover-${before.ino}`;
  if (!(await linkExclusive(paths.own, join(paths.real, marker), paths.shown))) {
    if (depth >= 3) {
      throw new StartError(`DATA_DIR ${paths.shown}: cannot clear the stale lock file ${marker}; stop every opd-kit server on this folder and delete it by hand`);
    }
    // Someone else is removing it (then wait), or died doing so (then clear their marker).
    const other = await removeIfStale(paths, marker, depth + 1);
    return other.state === 'live' ? { state: 'busy' } : other;
  }
  try {
    // Ours to remove only if it is still the same dead file.
    const now = await lstat(path).catch(() => undefined);
    if (!now) return { state: 'gone' };
    if (now.ino !== before.ino) return { state: 'busy' };
    if ((await probe(join(paths.base, name), false)).state === 'live') return { state: 'busy' };
    await unlink(path).catch(() => {});
    return { state: 'removed' };
  } finally {
    await unlink(join(paths.real, marker)).catch(() => {});
  }
}

/** `link(2)`: true when made, false when `to` exists. */
async function linkExclusive(from: string, to: string, shown: string): Promise<boolean> {
  try {
    await link(from, to);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw new StartError(
      `DATA_DIR ${shown} cannot hold its lock file ${LOCK_FILE}: its file system refuses a hard link (${errorCode(error) ?? String(error)}); put DATA_DIR on a local disk`,
      { cause: error },
    );
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function socketLock(server: Server, lockPath: string, ino: number): DataDirLock {
  let releasing: Promise<void> | undefined;
  return {
    path: lockPath,
    release: () =>
      (releasing ??= (async () => {
        // Remove the lock file only while it is still ours.
        const current = await stat(lockPath).catch(() => undefined);
        if (current?.ino === ino) await unlink(lockPath).catch(() => {});
        await closeServer(server);
      })()),
  };
}

async function lockWithPipe(real: string, shown: string): Promise<DataDirLock> {
  const name = `\\\\?\\pipe\\opd-kit-${createHash('sha256').update(real.toLowerCase()).digest('hex').slice(0, 32)}`;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const server = await listen(name);
      let releasing: Promise<void> | undefined;
      return { path: name, release: () => (releasing ??= closeServer(server)) };
    } catch (error) {
      if (errorCode(error) !== 'EADDRINUSE') {
        throw new StartError(`DATA_DIR ${shown}: cannot create its lock pipe: ${describeFsError(error)}`, { cause: error });
      }
    }
    const holder = await probe(name, true);
    if (holder.state === 'live') throw new DataDirInUseError(shown, holder.pid);
    await delay(50);
  }
  throw new StartError(`DATA_DIR ${shown}: its lock pipe stays busy; is another opd-kit server stopping?`);
}

/** `real` itself when its socket paths fit, else a short symbolic link to it in the temp folder. */
async function socketBase(real: string, longestName: string): Promise<string> {
  if (Buffer.byteLength(join(real, longestName)) <= MAX_SOCKET_PATH) return real;
  const alias = join(tmpdir(), `opd-kit-${createHash('sha256').update(real).digest('hex').slice(0, 16)}`);
  if ((await readlink(alias).catch(() => undefined)) !== real) {
    const temporary = `${alias}.${randomBytes(4).toString('hex')}`;
    await symlink(real, temporary, 'dir');
    await rename(temporary, alias);
  }
  return alias;
}

/** A server listening at `address` that tells every caller this process's pid. */
function listen(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => {
      socket.on('error', () => {});
      socket.end(`${JSON.stringify({ pid: process.pid })}\n`);
    });
    // The lock never keeps the process alive on its own.
    server.unref();
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      server.on('error', () => {});
      resolve(server);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

type Probe = { state: 'live'; pid: number | undefined } | { state: 'stale' } | { state: 'gone' };

/** Connects to a lock: live (with the pid it says, when `wantPid`), stale (refused) or gone. */
function probe(address: string, wantPid: boolean): Promise<Probe> {
  return new Promise((resolve) => {
    const socket = createConnection(address);
    let connected = false;
    let text = '';
    let done = false;
    const finish = (result: Probe) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const live = () => {
      const pid = Number((JSON.parse(text.split('\n')[0] || '{}') as { pid?: unknown }).pid);
      finish({ state: 'live', pid: Number.isSafeInteger(pid) && pid > 0 ? pid : undefined });
    };
    const timer = setTimeout(() => finish({ state: 'live', pid: undefined }), PID_WAIT_MS);
    socket.setEncoding('utf8');
    socket.on('connect', () => {
      connected = true;
      if (!wantPid) finish({ state: 'live', pid: undefined });
    });
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (text.includes('\n')) safely(live);
    });
    socket.on('end', () => safely(live));
    socket.on('error', (error) => {
      if (connected) return finish({ state: 'live', pid: undefined });
      const code = errorCode(error);
      if (code === 'ENOENT') finish({ state: 'gone' });
      else if (code === 'ECONNREFUSED' || code === 'ENOTSOCK') finish({ state: 'stale' });
      // EAGAIN (its queue is full), EACCES (another user's): someone is there.
      else finish({ state: 'live', pid: undefined });
    });
    function safely(run: () => void) {
      try {
        run();
      } catch {
        finish({ state: 'live', pid: undefined });
      }
    }
  });
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function describeFsError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `not writable by this process (${code})`;
  if (code === 'EOPNOTSUPP' || code === 'ENOTSUP') return `its file system cannot hold a socket (${code}); put DATA_DIR on a local disk`;
  return error instanceof Error ? error.message : String(error);
}
