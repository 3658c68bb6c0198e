/**
 * The `webhook-log-purge` job: the delivery log keeps what staff look at when a receiver
 * misbehaves — the last weeks — and stops growing. A delivery that finished (delivered, or
 * dead after its last try) more than {@link DELIVERY_KEEP_DAYS} days ago is deleted, its body
 * with it; one still pending or failed is never deleted. Runs hourly, once across instances
 * (the scheduler's lease).
 *
 * @module
 */
import type { JobContext, JobDefinition } from '../jobs/contract.js';
import { webhooksDb } from './tables.js';

/** Days a finished delivery stays in the log. */
export const DELIVERY_KEEP_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes the deliveries finished more than {@link DELIVERY_KEEP_DAYS} days before `context.now()`. */
export async function purgeDeliveries(context: Pick<JobContext, 'db' | 'now'>): Promise<{ purged: number }> {
  const before = new Date(context.now().getTime() - DELIVERY_KEEP_DAYS * DAY_MS);
  const result = await webhooksDb(context.db)
    .deleteFrom('webhook_deliveries')
    .where('state', 'in', ['delivered', 'dead'])
    // A delivery is finished at its last attempt; one dead without any (its webhook deleted) at its making.
    .where((eb) => eb.or([eb('last_attempt_at', '<', before), eb.and([eb('last_attempt_at', 'is', null), eb('created_at', '<', before)])]))
    .executeTakeFirst();
  return { purged: Number(result.numDeletedRows) };
}

/** The job: hourly. */
export const webhookLogPurgeJob: JobDefinition = {
  name: 'webhook-log-purge',
  everyMs: 60 * 60 * 1000,
  run: purgeDeliveries,
};
