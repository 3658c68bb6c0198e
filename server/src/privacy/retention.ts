/**
 * The retention period (UU 27/2022: keep personal data no longer than needed): every module's
 * `privacy.expire` erases the name and contact of cases closed more than
 * `contactRetentionDays` ago. The scheduler runs it at start and every hour ({@link retentionJob}).
 *
 * The same run purges the spine's housekeeping rows that nothing else deletes
 * ({@link purgeHousekeeping}), whether or not a retention period is set: sign-in failures once
 * their window and lock are a day past, sign-ins expired or revoked 30 days ago, idempotency
 * keys after 7 days, and outbox events 7 days after they were dispatched.
 *
 * It runs once even with several instances on one PostgreSQL: the run takes a transaction-level
 * advisory lock (`pg_try_advisory_xact_lock`) and an instance that does not get it skips the
 * run; the lock ends with the transaction, also when the instance dies. Erased contacts stay
 * erased, so a run right after another finds nothing more. A run that erased anything is in the
 * audit log as the system actor `retention`, with what it purged besides; a run that only
 * purged housekeeping rows writes no entry (see {@link purgeHousekeeping}).
 *
 * @module
 */
import { sql, type Transaction } from 'kysely';
import { systemActor } from '../auth/actor.js';
import { LOCK_MINUTES } from '../auth/lockout.js';
import { audit } from '../db/audit.js';
import type { Database } from '../db/schema.js';
import type { AppDeps } from '../http/env.js';
import type { JobDefinition } from '../jobs/contract.js';
import { PERSONAL_DATA_SUBJECT } from './personal-data.js';
import { readPrivacySettings } from './settings.js';

/** Any 64-bit number no other part takes: the advisory lock of the retention job. */
export const RETENTION_LOCK = 730_215_002;

/** How often the scheduler runs it. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days a sign-in failure count is kept after its window and its lock ended. */
export const LOGIN_FAILURE_KEEP_DAYS = 1;

/** Days a sign-in (`staff_tokens`) is kept after it expired or was revoked. */
export const STAFF_TOKEN_KEEP_DAYS = 30;

/** Days an `Idempotency-Key` and its stored answer are kept: a retry later than that is a new write. */
export const IDEMPOTENCY_KEY_KEEP_DAYS = 7;

/** Days an outbox event is kept after it was dispatched (its mails and deliveries are rows of their own). */
export const OUTBOX_KEEP_DAYS = 7;

/** Housekeeping rows one run deleted, per table. */
export interface PurgedRows {
  /** `login_failures`: counts whose window and lock ended more than {@link LOGIN_FAILURE_KEEP_DAYS} ago. */
  loginFailures: number;
  /** `staff_tokens`: sign-ins expired or revoked more than {@link STAFF_TOKEN_KEEP_DAYS} ago. */
  staffTokens: number;
  /** `idempotency_keys`: keys made more than {@link IDEMPOTENCY_KEY_KEEP_DAYS} ago. */
  idempotencyKeys: number;
  /** `outbox`: events dispatched more than {@link OUTBOX_KEEP_DAYS} ago (one not yet dispatched is never deleted). */
  outboxEvents: number;
}

const NOTHING_PURGED: PurgedRows = { loginFailures: 0, staffTokens: 0, idempotencyKeys: 0, outboxEvents: 0 };

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
  /** Housekeeping rows deleted (when it ran or was `off`; all zero when `busy`). */
  purged: PurgedRows;
}

/**
 * Deletes the spine's housekeeping rows that no request deletes, so the tables stop growing:
 *
 * - `login_failures` whose counting window (`first_failed_at` + {@link LOCK_MINUTES}) and lock
 *   (`locked_until`) both ended more than {@link LOGIN_FAILURE_KEEP_DAYS} day ago: such a row no
 *   longer counts toward a lock (the next failure starts a new count either way);
 * - `staff_tokens` expired or revoked more than {@link STAFF_TOKEN_KEEP_DAYS} days ago: they
 *   sign nobody in any more, and the month kept lets support see a recent sign-in;
 * - `idempotency_keys` made more than {@link IDEMPOTENCY_KEY_KEEP_DAYS} days ago: a client's
 *   retries come within minutes; the write itself stays where it was stored;
 * - `outbox` events dispatched more than {@link OUTBOX_KEEP_DAYS} days ago: the dispatcher
 *   handed each to every module once, in the transaction that marked it; what they made (a
 *   mail, a webhook delivery with its own copy of the body) is kept by its module.
 *
 * No audit entry of its own: these rows hold no citizen's personal data and are not the record
 * of what anyone did (the audit log is: sign-ins, wrong passwords and locks of known accounts,
 * sign-outs and every write are audited when they happen, and that record stays); they are
 * the server's working state, deleted by fixed rules once spent, not by anyone's decision; and
 * an entry every hour for them would bury the entries the audit log is read for. The counts are
 * in the run's result, in the server log, and in the run's audit entry when it erased contacts.
 */
export async function purgeHousekeeping(trx: Transaction<Database>, now: Date): Promise<PurgedRows> {
  const failuresEndedBefore = new Date(now.getTime() - LOGIN_FAILURE_KEEP_DAYS * DAY_MS);
  const failures = await trx
    .deleteFrom('login_failures')
    .where('first_failed_at', '<', new Date(failuresEndedBefore.getTime() - LOCK_MINUTES * 60_000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', failuresEndedBefore)]))
    .executeTakeFirst();
  const tokensEndedBefore = new Date(now.getTime() - STAFF_TOKEN_KEEP_DAYS * DAY_MS);
  const tokens = await trx
    .deleteFrom('staff_tokens')
    .where((eb) => eb.or([eb('expires_at', '<', tokensEndedBefore), eb('revoked_at', '<', tokensEndedBefore)]))
    .executeTakeFirst();
  const keys = await trx
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(now.getTime() - IDEMPOTENCY_KEY_KEEP_DAYS * DAY_MS))
    .executeTakeFirst();
  const events = await trx
    .deleteFrom('outbox')
    .where('sent_at', '<', new Date(now.getTime() - OUTBOX_KEEP_DAYS * DAY_MS))
    .executeTakeFirst();
  return {
    loginFailures: Number(failures.numDeletedRows),
    staffTokens: Number(tokens.numDeletedRows),
    idempotencyKeys: Number(keys.numDeletedRows),
    outboxEvents: Number(events.numDeletedRows),
  };
}

/** Runs the retention period once; see the module comment. */
export async function runRetention(deps: RetentionDeps): Promise<RetentionRun> {
  const now = deps.now();
  const run = await deps.db.transaction().execute(async (trx): Promise<RetentionRun> => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_xact_lock(${RETENTION_LOCK}) as locked`.execute(trx);
    if (!rows[0]?.locked) return { outcome: 'busy', closedBefore: null, erased: {}, purged: NOTHING_PURGED };
    const purged = await purgeHousekeeping(trx, now);
    const { contactRetentionDays: days } = await readPrivacySettings(trx);
    if (days === null) return { outcome: 'off', closedBefore: null, erased: {}, purged };
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
          detail: { contactRetentionDays: days, closedBefore: closedBefore.toISOString(), erased, purged },
        },
        now,
      );
    }
    return { outcome: 'ran', closedBefore, erased, purged };
  });
  const total = Object.values(run.erased).reduce((sum, count) => sum + count, 0);
  if (total > 0) deps.log.info('retention: contact data erased', { cases: total, closedBefore: run.closedBefore?.toISOString() });
  if (Object.values(run.purged).some((count) => count > 0)) deps.log.info('retention: housekeeping rows purged', { ...run.purged });
  return run;
}

/**
 * The `retention` job: {@link runRetention} at start and every hour, on the scheduler
 * (`jobs/scheduler.ts`); a failed run is logged and the next one tries again.
 */
export const retentionJob: JobDefinition = {
  name: 'retention',
  everyMs: RETENTION_INTERVAL_MS,
  async run(context) {
    const run = await runRetention(context);
    const erased = Object.values(run.erased).reduce((sum, count) => sum + count, 0);
    return { erased, ...run.purged };
  },
};
