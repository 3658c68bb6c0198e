/**
 * Starts the opd-kit server: read settings, open (and migrate) the database, seed the demo
 * data into an empty one when asked, serve the app, run every module's background jobs
 * (`jobs/scheduler.ts`: the outbox dispatcher, mail, the retention period, …; each once at a
 * time across instances), and shut down cleanly on SIGTERM/SIGINT (stop accepting, finish
 * requests, abort and wait for the job runs in flight, close the database, exit 0).
 *
 * Run: `node --import tsx server/src/main.ts` (or `npm start -w server`).
 *
 * @module
 */
import { createServer, type Server } from 'node:http';
import { createApp, type OpdApp } from './app.js';
import { openDatabase, type OpenDatabase } from './db/open.js';
import { createLogger, type Logger } from './log.js';
import { loadSettings, SettingsError, type Settings } from './settings.js';
import { listenStartError, startFailureLine } from './start-errors.js';
import { serverModules } from './modules/index.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { describeSeed, mayHoldDemoData, seedDemo } from './seed.js';

/** How long a shutdown may wait for requests in flight before giving up. */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  let settings: Settings;
  try {
    settings = loadSettings();
  } catch (error) {
    if (error instanceof SettingsError) {
      process.stderr.write(`opd-kit cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(settings.logLevel);
  for (const warning of settings.warnings) log.warn(warning);

  const database = await openDatabase(settings, { modules: serverModules });
  let app: OpdApp;
  try {
    if (settings.seed === 'demo' && (await mayHoldDemoData(database.db))) {
      const seeded = describeSeed(await seedDemo(database.db, serverModules, new Date(), settings.timeZone));
      if (seeded !== 'nothing new') log.info(`seeded DEMO data for Kabupaten Lahat (fictional citizens): ${seeded}`);
    }
    app = createApp({ db: database.db, settings, log });
  } catch (error) {
    // Close cleanly (PGlite flushes, the DATA_DIR lock is given back) before the failure is reported.
    await database.close().catch(() => {});
    throw error;
  }
  // The hottest reads straight on Node's request and response, the rest through Hono (`http/node-listener.ts`).
  // Slow clients (slowloris headers, trickled bodies) are answered 408 and cut off, so they
  // cannot hold sockets for long; the deadlines are checked every second, not every 30 s.
  const server = createServer(
    {
      headersTimeout: settings.headersTimeoutSeconds * 1000,
      requestTimeout: settings.requestTimeoutSeconds * 1000,
      connectionsCheckingInterval: 1000,
    },
    app.nodeListener,
  );
  server.listen(settings.port, settings.host, () => {
    const shown = !settings.host || settings.host === '0.0.0.0' || settings.host === '::' ? 'localhost' : settings.host;
    // performance.now() counts from the start of the process: this is the cold-start time.
    log.info(
      `opd-kit listening on http://${shown}:${settings.port} (${database.label}), ready in ${Math.round(performance.now())} ms`,
    );
  });
  // JOBS=false: a scheduler with no jobs, so /healthz and the shutdown are the same.
  if (!settings.jobs) log.info('jobs: off (JOBS=false): this instance sends no mail, delivers no webhook and runs no other background work');
  const scheduler = startScheduler({ db: database.db, settings, now: () => new Date(), log, modules: settings.jobs ? serverModules : [] });
  server.on('error', (error) => {
    process.stderr.write(`opd-kit cannot start: ${listenStartError(error, settings.port, settings.host).message}\n`);
    void scheduler
      .stop()
      .then(() => database.close())
      .finally(() => process.exit(1));
  });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    void stop(server, scheduler, database, log).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

async function stop(server: Server, scheduler: Scheduler, database: OpenDatabase, log: Logger): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`requests still running after ${SHUTDOWN_GRACE_MS / 1000} s`));
    }, SHUTDOWN_GRACE_MS);
    timer.unref();
    // Stop accepting; requests in flight finish, idle keep-alive connections are closed.
    server.close((error) => {
      clearTimeout(timer);
      if (error) reject(error);
      else resolve();
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  });
  await scheduler.stop();
  await database.close();
  log.info('stopped');
}

// Every start failure is one line naming its cause (see start-errors.ts); LOG_LEVEL=debug adds
// the stack of an error that has no such line.
main().catch((error: unknown) => {
  const debug = process.env.LOG_LEVEL?.trim().toLowerCase() === 'debug';
  process.stderr.write(`opd-kit cannot start: ${startFailureLine(error, debug)}\n`);
  process.exit(1);
});
