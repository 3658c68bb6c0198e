/**
 * Starts the real backend as a user does (`node --import tsx server/src/main.ts`) on a
 * loopback port, times it from spawn to the first 200 on `/healthz`, and makes sure every
 * process it started is stopped again, also when the bench fails or is interrupted.
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort } from '../../test/helpers/local.js';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { repoRoot } from './paths.js';

/** A backend process that answered `/healthz`. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Milliseconds from spawn to the first 200 on `/healthz`. */
  readyMs: number;
  /** The last lines the process wrote, for error messages. */
  output(): string;
  /** Stops the process (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  stop(): Promise<void>;
}

/** How long a start may take before the bench gives up. */
const START_TIMEOUT_MS = 60_000;
/** How long a stop may take before the process is killed. */
const STOP_GRACE_MS = 10_000;

const children = new Set<ChildProcess>();

// Last resort: whatever is still running when the bench exits is killed, by its own pid.
process.on('exit', () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
});

/**
 * Spawns the backend (or another `script` under the repo) with `env` on top of the bench's own environment (minus any
 * `DATABASE_URL` the caller did not pass) and waits for `/healthz`.
 */
export async function startServer(
  env: Record<string, string>,
  script = 'server/src/main.ts',
): Promise<RunningServer> {
  const port = await freePort();
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...base, NODE_ENV: 'development', ...env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);

  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const output = () => lines.join('\n');

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
      if (!stopped) {
        child.kill('SIGKILL');
        await exited;
      }
    }
    children.delete(child);
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    while (performance.now() - started < START_TIMEOUT_MS) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`the server exited before it was ready (code ${child.exitCode ?? child.signalCode})`);
      }
      try {
        const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
        await response.arrayBuffer();
        if (response.status === 200) return { url, readyMs: performance.now() - started, output, stop };
      } catch {
        // Not listening yet.
      }
      await sleep(10);
    }
    throw new Error(`the server did not answer /healthz within ${START_TIMEOUT_MS / 1000} s`);
  } catch (error) {
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${output()}`, {
      cause: error,
    });
  }
}

/** What {@link runScript} got from a script that exited. */
export interface ScriptOutput {
  code: number | null;
  stdout: string;
  /** The last lines it wrote on stderr. */
  stderr: string;
}

/**
 * Runs `script` (under the repo, with tsx) to its end with `env` on top of the bench's own
 * environment (minus any `DATABASE_URL` the caller did not pass) and returns what it wrote.
 * Killed after `timeoutMs`, and by its pid when the bench exits first.
 */
export async function runScript(script: string, env: Record<string, string>, timeoutMs: number): Promise<ScriptOutput> {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...base, NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  const errors: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => {
    errors.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    if (errors.length > 40) errors.splice(0, errors.length - 40);
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? null : 1)));
    });
    return { code, stdout, stderr: errors.join('\n') };
  } finally {
    clearTimeout(timer);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    children.delete(child);
  }
}
