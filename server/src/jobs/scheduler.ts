/**
 * The scheduler: runs every module's `jobs` (`jobs/contract.ts`) on their intervals, each at
 * most once at a time across every instance on one database.
 *
 * - **Once at a time**: a run first takes its job's lease, a row of `job_leases` (`holder` =
 *   this instance, `lease_until` on the database's clock, so instances with skewed clocks
 *   agree). The lease is {@link LEASE_MS} long and renewed every {@link RENEW_MS} while the run
 *   goes on; a run whose lease could not be renewed is aborted (its `signal`). An instance that
 *   does not get the lease skips the run (`busy`). A killed instance's lease ends by itself
 *   within {@link LEASE_MS}; on PGlite (one process per data folder, `db/data-dir-lock.ts`) a
 *   lease left by an earlier process is given back at start.
 * - **When**: each job right after start, then every `everyMs` on an unref'd timer (it never
 *   keeps the process alive); the `wakeOnEvent` jobs also right after an `outbox-dispatch` run
 *   that dispatched events.
 * - **Seen**: the start line lists the jobs and their intervals; a run that did something logs
 *   its counts at info, one that did nothing at debug, a failed one its error. The lease row
 *   keeps the last run's outcome for `/healthz` ({@link readJobStatus}).
 * - **Stop**: `stop()` aborts runs in flight (`signal`), waits for them and gives the leases back.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ServerModule } from '../http/module.js';
import type { LogFields, Logger } from '../log.js';
import type { Settings } from '../settings.js';
import type { JobContext, JobDefinition } from './contract.js';
import { OUTBOX_DISPATCH_JOB } from './dispatch.js';
import { jobsDb } from './tables.js';

/** How long a lease lasts without renewal: the longest a killed instance holds up a job. */
export const LEASE_MS = 10_000;

/** How often a run in progress renews its lease. */
export const RENEW_MS = 3_000;

/** How soon a woken job that found another instance running it tries again. */
const BUSY_RETRY_MS = 300;

/** The longest error text kept for `/healthz`. */
const ERROR_CHARS = 500;

/** What the scheduler needs. */
export interface SchedulerOptions {
  /** The shared database. */
  db: Kysely<Database>;
  /** Checked settings (given to every run). */
  settings: Settings;
  /** Where runs log. */
  log: Logger;
  /** The clock given to runs (leases use the database's). */
  now: () => Date;
  /** The modules whose `jobs` to run (and whose `onEvents` the dispatcher calls). */
  modules: readonly ServerModule[];
  /** Run each job right after start (default true); tests that drive runs with `runNow` pass false. */
  runAtStart?: boolean;
}

/** What one run did. */
export interface JobRun {
  /** `ran`; `busy` (another instance holds the lease); `failed` (it threw); `stopped` (the scheduler is stopping). */
  outcome: 'ran' | 'busy' | 'failed' | 'stopped';
  /** The counts the job returned. */
  counts: Record<string, number>;
  /** The error's message, when failed. */
  error?: string;
  /** How long it took. */
  durationMs: number;
}

/** One job as an instance or `/healthz` reports it. */
export interface JobStatus {
  /** The job's name. */
  name: string;
  /** Its interval. */
  everyMs: number;
  /** Woken after new events too. */
  wakeOnEvent: boolean;
  /** A run holds the lease now (on any instance). */
  running: boolean;
  /** When its last run started. */
  lastRunAt: Date | null;
  /** How its last run ended (`ok`, `failed`), null before the first. */
  lastOutcome: 'ok' | 'failed' | null;
  /** How long its last run took. */
  lastDurationMs: number | null;
  /** The last failed run's error (null once a run succeeds). */
  lastError: string | null;
  /** The counts of its last run. */
  lastCounts: Record<string, number> | null;
  /** When it runs next. */
  nextRunAt: Date | null;
}

/** A running scheduler. */
export interface Scheduler {
  /** Stops the timers, aborts runs in flight, waits for them and gives their leases back. */
  stop(): Promise<void>;
  /** Runs the job now (after a run of it in progress here ends) and answers what the run did. */
  runNow(name: string): Promise<JobRun>;
  /** This instance's view of every job. */
  status(): JobStatus[];
  /** This instance's lease holder name. */
  readonly instance: string;
}

/** The holders of this process's running schedulers: on PGlite any other holder is a process gone. */
const liveHolders = new Set<string>();

/** Every job of `modules`; a name twice stops the start. */
export function jobsOf(modules: readonly ServerModule[]): JobDefinition[] {
  const jobs = modules.flatMap((module) => module.jobs ?? []);
  const seen = new Set<string>();
  for (const job of jobs) {
    if (seen.has(job.name)) throw new Error(`Two jobs are named ${job.name}: job names must be unique`);
    seen.add(job.name);
  }
  return jobs;
}

/** `1 s`, `5 min`, `1 h`: an interval for the start line. */
export function describeInterval(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  return `${ms} ms`;
}

interface JobState {
  job: JobDefinition;
  timer: NodeJS.Timeout | undefined;
  running: Promise<JobRun> | undefined;
  /** Woken while running: run again right after. */
  again: boolean;
  status: JobStatus;
}

/** Starts the scheduler; see the module comment. */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { log, now, modules } = options;
  const db = jobsDb(options.db);
  const instance = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const stopping = new AbortController();
  const states = new Map<string, JobState>();
  for (const job of jobsOf(modules)) {
    states.set(job.name, {
      job,
      timer: undefined,
      running: undefined,
      again: false,
      status: {
        name: job.name,
        everyMs: job.everyMs,
        wakeOnEvent: job.wakeOnEvent === true,
        running: false,
        lastRunAt: null,
        lastOutcome: null,
        lastDurationMs: null,
        lastError: null,
        lastCounts: null,
        nextRunAt: null,
      },
    });
  }
  liveHolders.add(instance);
  const singleInstance = options.settings.databaseUrl === undefined;
  // On PGlite the data folder is this process's alone: a lease another holder left is a process gone.
  const ready: Promise<unknown> = singleInstance
    ? db
        .updateTable('job_leases')
        .set({ lease_until: sql<Date>`'-infinity'::timestamptz` })
        .where('holder', 'not in', [...liveHolders])
        .execute()
        .catch((error: unknown) => log.warn('jobs: stale leases not given back', { error: messageOf(error) }))
    : Promise.resolve();

  const schedule = (state: JobState, delayMs: number) => {
    clearTimeout(state.timer);
    if (stopping.signal.aborted) return;
    state.status.nextRunAt = new Date(Date.now() + delayMs);
    state.timer = setTimeout(() => void tick(state), delayMs);
    state.timer.unref();
  };

  const wake = () => {
    for (const state of states.values()) {
      if (!state.job.wakeOnEvent) continue;
      if (state.running) state.again = true;
      else schedule(state, 0);
    }
  };

  const tick = (state: JobState): Promise<JobRun> => {
    if (state.running) return state.running;
    state.running = ready
      .then(() => runOnce(state))
      .finally(() => {
        state.running = undefined;
      });
    void state.running.then((run) => {
      const woken = state.again;
      state.again = false;
      if (run.outcome === 'ran' && state.job.name === OUTBOX_DISPATCH_JOB && (run.counts.dispatched ?? 0) > 0) wake();
      schedule(state, woken ? (run.outcome === 'busy' ? BUSY_RETRY_MS : 0) : state.job.everyMs);
    });
    return state.running;
  };

  const runOnce = async (state: JobState): Promise<JobRun> => {
    const { job } = state;
    if (stopping.signal.aborted) return { outcome: 'stopped', counts: {}, durationMs: 0 };
    const startedAt = new Date();
    const started = performance.now();
    const leased = await acquire(job.name, startedAt).catch((error: unknown) => {
      log.error(`job ${job.name}: its lease could not be taken`, { error: messageOf(error) });
      return false;
    });
    if (!leased) {
      log.debug(`job ${job.name}: busy on another instance`);
      return { outcome: 'busy', counts: {}, durationMs: Math.round(performance.now() - started) };
    }
    state.status.running = true;
    state.status.lastRunAt = startedAt;
    const lost = new AbortController();
    const renewal = setInterval(() => {
      void renew(job.name).then(
        (held) => {
          if (!held) lost.abort(new Error('the lease was lost'));
        },
        () => lost.abort(new Error('the lease could not be renewed')),
      );
    }, RENEW_MS);
    renewal.unref();
    const context: JobContext = {
      db: options.db,
      settings: options.settings,
      now,
      log,
      signal: AbortSignal.any([stopping.signal, lost.signal]),
      modules,
    };
    let run: JobRun;
    try {
      const counts = (await job.run(context)) ?? {};
      run = { outcome: 'ran', counts, durationMs: Math.round(performance.now() - started) };
      const fields: LogFields = { ...counts, ms: run.durationMs };
      if (Object.values(counts).some((count) => count > 0)) log.info(`job ${job.name}`, fields);
      else log.debug(`job ${job.name}`, fields);
    } catch (error) {
      run = { outcome: 'failed', counts: {}, error: messageOf(error), durationMs: Math.round(performance.now() - started) };
      log.error(`job ${job.name} failed`, { error: run.error, ms: run.durationMs });
    } finally {
      clearInterval(renewal);
      state.status.running = false;
    }
    state.status.lastOutcome = run.outcome === 'ran' ? 'ok' : 'failed';
    state.status.lastDurationMs = run.durationMs;
    state.status.lastError = run.error ?? null;
    state.status.lastCounts = run.counts;
    await release(job, run, startedAt).catch((error: unknown) =>
      log.warn(`job ${job.name}: its lease could not be given back`, { error: messageOf(error) }),
    );
    return run;
  };

  const leaseEnd = sql<Date>`clock_timestamp() + ${LEASE_MS} * interval '1 millisecond'`;

  const acquire = async (name: string, startedAt: Date): Promise<boolean> => {
    const row = await db
      .insertInto('job_leases')
      .values({ name, holder: instance, lease_until: leaseEnd, last_started_at: startedAt })
      .onConflict((oc) =>
        oc
          .column('name')
          .doUpdateSet({ holder: instance, lease_until: leaseEnd, last_started_at: startedAt })
          .where((eb) => eb.or([eb('job_leases.lease_until', '<=', sql<Date>`clock_timestamp()`), eb('job_leases.holder', '=', instance)])),
      )
      .returning('name')
      .executeTakeFirst();
    return row !== undefined;
  };

  const renew = async (name: string): Promise<boolean> => {
    const row = await db
      .updateTable('job_leases')
      .set({ lease_until: leaseEnd })
      .where('name', '=', name)
      .where('holder', '=', instance)
      .returning('name')
      .executeTakeFirst();
    return row !== undefined;
  };

  const release = async (job: JobDefinition, run: JobRun, startedAt: Date): Promise<void> => {
    await db
      .updateTable('job_leases')
      .set({
        lease_until: sql<Date>`'-infinity'::timestamptz`,
        last_finished_at: new Date(startedAt.getTime() + run.durationMs),
        last_duration_ms: run.durationMs,
        last_outcome: run.outcome === 'ran' ? 'ok' : 'failed',
        last_error: run.error?.slice(0, ERROR_CHARS) ?? null,
        last_counts: JSON.stringify(run.counts),
        next_run_at: new Date(Date.now() + job.everyMs),
      })
      .where('name', '=', job.name)
      .where('holder', '=', instance)
      .execute();
  };

  const jobs = [...states.values()];
  if (jobs.length > 0) {
    log.info(
      `jobs: ${jobs
        .map(({ job }) => `${job.name} every ${describeInterval(job.everyMs)}${job.wakeOnEvent ? ' and on new events' : ''}`)
        .join(', ')}`,
    );
  }
  for (const state of jobs) schedule(state, options.runAtStart === false ? state.job.everyMs : 0);

  return {
    instance,
    async stop() {
      stopping.abort(new Error('the server is stopping'));
      for (const state of jobs) clearTimeout(state.timer);
      await Promise.all(jobs.map((state) => state.running?.catch(() => {})));
      liveHolders.delete(instance);
    },
    async runNow(name) {
      const state = states.get(name);
      if (!state) throw new Error(`No job is named ${name}`);
      await state.running?.catch(() => {});
      return tick(state);
    },
    status: () => jobs.map((state) => ({ ...state.status })),
  };
}

/**
 * Every job of `modules` as the database knows it, whichever instance ran it: for the staff's
 * `/healthz` detail.
 */
export async function readJobStatus(database: Kysely<Database>, modules: readonly ServerModule[]): Promise<JobStatus[]> {
  const db = jobsDb(database);
  const rows = await db
    .selectFrom('job_leases')
    .selectAll()
    .select(sql<boolean>`lease_until > clock_timestamp()`.as('leased'))
    .execute();
  const byName = new Map(rows.map((row) => [row.name, row]));
  return jobsOf(modules).map((job) => {
    const row = byName.get(job.name);
    return {
      name: job.name,
      everyMs: job.everyMs,
      wakeOnEvent: job.wakeOnEvent === true,
      running: row?.leased === true,
      lastRunAt: row?.last_started_at ?? null,
      lastOutcome: (row?.last_outcome as JobStatus['lastOutcome'] | undefined) ?? null,
      lastDurationMs: row?.last_duration_ms ?? null,
      lastError: row?.last_error ?? null,
      lastCounts: row?.last_counts ?? null,
      nextRunAt: row?.next_run_at ?? null,
    };
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
