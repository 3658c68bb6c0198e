/**
 * The retention period (UU 27/2022: keep personal data no longer than needed): every module's
 * `privacy.expire` erases the name and contact of cases closed more than
 * `contactRetentionDays` ago. `main.ts` runs it at start and every hour.
 *
 * It runs once even with several instances on one PostgreSQL: the run takes a transaction-level
 * advisory lock (`pg_try_advisory_xact_lock`) and an instance that does not get it skips the
 * run; the lock ends with the transaction, also when the instance dies. Erased contacts stay
 * erased, so a run right after another finds nothing more. A run that erased anything is in the
 * audit log as the system actor `retention`.
 *
 * @module
 */
import { sql } from 'kysely';
import { systemActor } from '../auth/actor.js';
import { audit } from '../db/audit.js';
import type { AppDeps } from '../http/env.js';
import { PERSONAL_DATA_SUBJECT } from './personal-data.js';
import { readPrivacySettings } from './settings.js';

/** Any 64-bit number no other part takes: the advisory lock of the retention job. */
export const RETENTION_LOCK = 730_215_002;

/** How often `main.ts` runs it. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the retention job needs of the app's dependencies. */
export type RetentionDeps = Pick<AppDeps, 'db' | 'now' | 'log' | 'modules'>;

/** What one run did. */
export interface RetentionRun {
  /** `ran`; `off` (no retention period set); `busy` (another instance is running it). */
  outcome: 'ran' | 'off' | 'busy';
  /** The cutoff: cases closed before it were erased (when it ran). */
  closedBefore: Date | null;
  /** Cases erased per module (when it ran). */
  erased: Record<string, number>;
}

/** Runs the retention period once; see the module comment. */
export async function runRetention(deps: RetentionDeps): Promise<RetentionRun> {
  const now = deps.now();
  const run = await deps.db.transaction().execute(async (trx): Promise<RetentionRun> => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`.execute(trx);
    if (!rows[0]?.locked) return { outcome: 'busy', closedBefore: null, erased: {} };
    const { contactRetentionDays: days } = await readPrivacySettings(trx);
    if (days === null) return { outcome: 'off', closedBefore: null, erased: {} };
    const closedBefore = new Date(now.getTime() - days * DAY_MS);
    const erased: Record<string, number> = {};
    for (const module of deps.modules) {
      if (module.privacy) erased[module.id] = await module.privacy.expire(trx, { closedBefore }, now);
    }
    if (Object.values(erased).some((count) => count > 0)) {
      await audit(
        trx,
        {
          actor: systemActor('retention'),
          action: 'retention.erase',
          subject: PERSONAL_DATA_SUBJECT,
          detail: { contactRetentionDays: days, closedBefore: closedBefore.toISOString(), erased },
        },
        now,
      );
    }
    return { outcome: 'ran', closedBefore, erased };
  });
  const total = Object.values(run.erased).reduce((sum, count) => sum + count, 0);
  if (total > 0) deps.log.info('retention: contact data erased', { cases: total, closedBefore: run.closedBefore?.toISOString() });
  return run;
}

/** The running retention job of a server process. */
export interface RetentionJob {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
}

/**
 * Runs the retention period now and then every `intervalMs` (default hourly) on an unref'd
 * timer (it never keeps the process alive); a failed run is logged and the next one tries again.
 */
export function startRetention(deps: RetentionDeps, intervalMs: number = RETENTION_INTERVAL_MS): RetentionJob {
  let running: Promise<unknown> | undefined;
  let stopped = false;
  const tick = () => {
    if (stopped || running) return;
    running = runRetention(deps)
      .catch((error: unknown) => {
        deps.log.error('retention run failed', { error: error instanceof Error ? error.message : String(error) });
      })
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
