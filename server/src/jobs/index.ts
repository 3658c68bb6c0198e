/**
 * The spine's background part as a module: the `job_leases` table the scheduler needs, and the
 * spine's own jobs — the outbox dispatcher, the retention period (with the housekeeping purge:
 * sign-in failures, old sign-ins, idempotency keys after 7 days; `privacy/retention.ts`) and
 * the rate-limit sweep.
 *
 * @module
 */
import { defineModule } from '../http/module.js';
import { sweepRateLimits } from '../http/rate-limit.js';
import { retentionJob } from '../privacy/retention.js';
import type { JobDefinition } from './contract.js';
import { outboxDispatchJob } from './dispatch.js';
import { jobLeases } from './migrations/0001-job-leases.js';

/** `rate-limit-sweep`: deletes rate-limit windows no instance needs, every minute. */
export const rateLimitSweepJob: JobDefinition = {
  name: 'rate-limit-sweep',
  everyMs: 60_000,
  async run({ db, now }) {
    return { deleted: await sweepRateLimits(db, now()) };
  },
};

/** The jobs: the scheduler's table and the spine's jobs. */
export const jobsModule = defineModule({
  id: 'jobs',
  perOpd: false,
  migrations: { '0001-job-leases': jobLeases },
  jobs: [outboxDispatchJob, retentionJob, rateLimitSweepJob],
});
