/**
 * Several real opd-kit instances on one PostgreSQL, as a regency runs them behind a load
 * balancer: each a `server/src/main.ts` process of its own (spawned with tsx, as in
 * production), all on one scratch database (`test/helpers/postgres.ts`), behind the test
 * proxy (`test/helpers/proxy.ts`). Every process's output is kept, for assertions on the logs
 * and for failure messages.
 *
 * ```ts
 * const cluster = await startCluster({ instances: 2 });
 * await fetch(`${cluster.proxy.url}/api/v1/opds`);
 * cluster.instances[0].kill();
 * await cluster.close();
 * ```
 *
 * @module
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './local.js';
import { createTestDatabase, type TestDatabase } from './postgres.js';
import { startProxy, type Proxy, type ProxyOptions } from './proxy.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How long one start may take: on a busy 2-core machine two starting together take 20 s or more. */
export const INSTANCE_START_TIMEOUT_MS = 120_000;

/** One running `main.ts` process. */
export interface Instance {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything it wrote on stdout and stderr so far. */
  log(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: the instance dies at once, as on a power cut or the OOM killer. */
  kill(): Promise<void>;
  /** SIGTERM and wait for the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

/** The settings every test instance gets unless the test says otherwise. */
const BASE_ENV: Record<string, string> = {
  NODE_ENV: 'development',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
  SEED: 'demo',
  SERVE_DEMO: 'false',
  TRUST_PROXY: 'true',
  RATE_LIMIT_PER_MINUTE: '1000',
};

/** Spawns `main.ts` with `env` on top of {@link BASE_ENV} and waits for its listening line. */
export async function startInstance(env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...BASE_ENV, DATABASE_URL: '', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const log = () => output.join('');
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const kill = async () => {
    if (!gone()) child.kill('SIGKILL');
    await exited;
  };
  const stop = async () => {
    if (!gone()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line after ${INSTANCE_START_TIMEOUT_MS} ms:\n${log()}`)), INSTANCE_START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output.push(chunk.toString());
        if (/opd-kit listening on /.test(log())) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      void exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`the instance exited (${code ?? signal}) before listening:\n${log()}`));
      });
    });
  } catch (error) {
    await kill();
    throw error;
  }
  return { url: `http://127.0.0.1:${port}`, port, child, log, exited, kill, stop };
}

/** Options of {@link startCluster}. */
export interface ClusterOptions {
  /** How many instances (default 2). */
  instances?: number;
  /** Settings of every instance, on top of the test defaults. */
  env?: Record<string, string>;
  /**
   * `together` (default): every instance spawned at once on the empty database, racing for
   * the migrations and the seed; `one-first`: the first is up before the others start.
   */
  start?: 'together' | 'one-first';
  /** Options of the proxy in front of them. */
  proxy?: ProxyOptions;
}

/** Instances on one scratch PostgreSQL database behind one proxy. */
export interface Cluster {
  database: TestDatabase;
  instances: Instance[];
  proxy: Proxy;
  /** Stops the proxy and every instance still running, then drops the database. */
  close(): Promise<void>;
}

/** Starts {@link ClusterOptions.instances} instances on a fresh database behind a proxy. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const count = options.instances ?? 2;
  const database = await createTestDatabase('opdkit_scale');
  const env = { DATABASE_URL: database.url, ...options.env };
  const instances: Instance[] = [];
  try {
    if (options.start === 'one-first') {
      instances.push(await startInstance(env));
      instances.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startInstance(env)))));
    } else {
      const started = await Promise.allSettled(Array.from({ length: count }, () => startInstance(env)));
      for (const result of started) if (result.status === 'fulfilled') instances.push(result.value);
      const failure = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure) throw failure.reason;
    }
    const proxy = await startProxy(
      instances.map((instance) => instance.url),
      options.proxy,
    );
    let closing: Promise<void> | undefined;
    return {
      database,
      instances,
      proxy,
      close: () =>
        (closing ??= (async () => {
          await proxy.close().catch(() => {});
          await Promise.all(instances.map((instance) => instance.stop().catch(() => {})));
          await database.drop();
        })()),
    };
  } catch (error) {
    await Promise.all(instances.map((instance) => instance.kill()));
    await database.drop().catch(() => {});
    throw error;
  }
}

/**
 * Lines of `log` that report an error: the server's `error:` lines, a start failure, an
 * unhandled error or a stack trace. (`warn:` lines are the server's word on its settings, e.g.
 * no SMTP_URL; see {@link warningLines}.)
 */
export function errorLines(log: string): string[] {
  return log.split('\n').filter((line) => /^error: |cannot start|Unhandled|^\s+at \S|\b\w*Error\b:/.test(line));
}

/** The `warn:` lines of `log`. */
export function warningLines(log: string): string[] {
  return log.split('\n').filter((line) => line.startsWith('warn: '));
}
