/**
 * `server/src/main.ts` as a child process, the way an operator runs it: the reliability tests
 * kill it, cut its database away and starve it of bytes, then look at what it answers.
 *
 * @module
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/local.js';

/** The repository's root, where `main.ts` is started from. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A start may take 10 s or more on a busy 2-core machine (initdb, migrations, the seed). */
const START_TIMEOUT_MS = 120_000;

/** A running (or exited) server process. */
export interface MainProcess {
  child: ChildProcess;
  url: string;
  port: number;
  /** Everything it wrote to stdout and stderr so far. */
  output: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILLs it (if still running) and waits for the exit. */
  kill(): Promise<void>;
}

/** How to start it: the environment on top of a development start, and spawn options (e.g. `uid`). */
export interface StartOptions {
  env?: Record<string, string>;
  spawn?: Pick<SpawnOptions, 'uid' | 'gid'>;
  /** Wait for the listening line (default true); false returns at once, for starts meant to fail. */
  waitReady?: boolean;
}

/** Starts `main.ts` on a free port (PGlite unless `DATABASE_URL` is given) and waits until it listens. */
export async function startMain(options: StartOptions = {}): Promise<MainProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      SEED: 'demo',
      SERVE_DEMO: 'false',
      DATABASE_URL: '',
      RATE_LIMIT_PER_MINUTE: '100000',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...options.spawn,
  });
  const output: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const running: MainProcess = {
    child,
    url: `http://127.0.0.1:${port}`,
    port,
    output,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line after ${START_TIMEOUT_MS} ms:\n${output.join('')}`)), START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (/opd-kit listening on http:\/\//.test(output.join(''))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output.join('')}`));
    });
  });
  if (options.waitReady === false) {
    ready.catch(() => {});
    return running;
  }
  await ready;
  return running;
}
