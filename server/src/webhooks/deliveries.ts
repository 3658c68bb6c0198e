/**
 * Deliveries: one row per event and subscription, made by the webhooks' `onEvents` in the
 * dispatcher's transaction, then tried by the `webhook-deliver` job (or a staff retry) under a
 * lease taken with `FOR UPDATE SKIP LOCKED`, so two instances never send one at once. A 2xx is
 * delivered; anything else is tried again after 1 min, 5 min, 30 min, 2 h, 12 h and 24 h, then
 * dead. Every attempt sends the same body and event id (receivers dedupe by it).
 *
 * @module
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { JobContext, OutboxEvent } from '../jobs/contract.js';
import { webhookTopics } from '../../../src/schemas/webhooks.js';
import { sendSigned, type SendOutcome } from './send.js';
import { webhooksDb, type WebhookDeliveriesTable, type WebhooksDb } from './tables.js';

/** The waits before each retry; after the last, a delivery is dead (7 attempts in all, over about 39 hours). */
export const RETRY_BACKOFF_MS: readonly number[] = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000, 24 * 3_600_000];

/** How long an instance holds a delivery it is sending (well over the 10-second timeout). */
export const LEASE_MS = 60_000;

/** Deliveries one claim takes (and sends at once). */
const BATCH = 20;

/** A delivery row as read. */
export type DeliveryRow = Selectable<WebhookDeliveriesTable>;

/** The event id receivers see: `evt_<outbox id>`. */
export function eventIdOf(outboxId: number): string {
  return `evt_${outboxId}`;
}

/** The JSON body of an event's deliveries. */
export function eventBody(id: string, topic: string, createdAt: Date, opd: string, data: Record<string, unknown>): string {
  return JSON.stringify({ id, type: topic, createdAt: createdAt.toISOString(), opd, data });
}

/**
 * Adds a delivery of each of `events` for each active subscription of its OPD (`payload.opd`)
 * that wants its topic, due at the event's time: one read of the batch's OPDs' subscriptions,
 * one insert. An event handed over again adds nothing (unique per event and subscription).
 * Returns how many it added.
 */
export async function fanOut(trx: Transaction<Database>, events: readonly OutboxEvent[]): Promise<number> {
  // Only the catalogue's topics go out: a module's internal event has no published payload.
  const published = events.filter((event) => typeof event.payload.opd === 'string' && Object.hasOwn(webhookTopics, event.topic));
  if (published.length === 0) return 0;
  const db = webhooksDb(trx);
  const opds = [...new Set(published.map((event) => event.payload.opd as string))];
  const subscriptions = await db
    .selectFrom('webhook_subscriptions')
    .select(['id', 'opd_slug', 'topics'])
    .where('opd_slug', 'in', opds)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  if (subscriptions.length === 0) return 0;
  const rows = published.flatMap((event) => {
    const opd = event.payload.opd as string;
    const wanting = subscriptions.filter((s) => s.opd_slug === opd && (s.topics === null || s.topics.includes(event.topic)));
    if (wanting.length === 0) return [];
    const id = eventIdOf(event.id);
    const body = eventBody(id, event.topic, event.createdAt, opd, event.payload);
    return wanting.map((s) => ({ subscription_id: s.id, event_id: id, topic: event.topic, body, next_attempt_at: event.createdAt, created_at: event.createdAt }));
  });
  if (rows.length === 0) return 0;
  const added = await db
    .insertInto('webhook_deliveries')
    .values(rows)
    .onConflict((oc) => oc.columns(['event_id', 'subscription_id']).doNothing())
    .returning('id')
    .execute();
  return added.length;
}

/** What the job or a retry tries: the row, leased until `lease`. */
interface Claimed {
  row: DeliveryRow;
  url: string;
  secret: string;
  lease: Date;
}

/** Leases up to `limit` due deliveries of active subscriptions (or the one `only`, due or not, unless delivered), skipping rows another instance holds. */
async function claim(db: WebhooksDb, now: Date, limit: number, only?: { id: number; subscription: string }): Promise<Claimed[]> {
  const lease = new Date(now.getTime() + LEASE_MS);
  const rows = await db
    .updateTable('webhook_deliveries')
    .set({ lease_until: lease })
    .where('id', 'in', (eb) => {
      let due = eb
        .selectFrom('webhook_deliveries')
        .select('id')
        .where((w) => w.or([w('lease_until', 'is', null), w('lease_until', '<', now)]));
      due = only
        ? due.where('id', '=', only.id).where('subscription_id', '=', only.subscription).where('state', '!=', 'delivered')
        : due
            .where('state', 'in', ['pending', 'failed'])
            .where('next_attempt_at', '<=', now)
            .where('subscription_id', 'in', (sub) => sub.selectFrom('webhook_subscriptions').select('webhook_subscriptions.id').where('active', '=', true))
            .orderBy('next_attempt_at')
            .orderBy('id');
      return due.limit(limit).forUpdate().skipLocked();
    })
    .returningAll()
    .execute();
  if (rows.length === 0) return [];
  const subscriptions = await db.selectFrom('webhook_subscriptions').select(['id', 'url', 'secret']).where('id', 'in', [...new Set(rows.map((r) => r.subscription_id))]).execute();
  const byId = new Map(subscriptions.map((s) => [s.id, s]));
  return rows.flatMap((row) => {
    const subscription = byId.get(row.subscription_id);
    return subscription ? [{ row, url: subscription.url, secret: subscription.secret, lease }] : [];
  });
}

/** The state after a failed attempt number `attempts`, and when the next is due. */
export function afterFailure(attempts: number, now: Date): { state: 'failed' | 'dead'; next: Date | null } {
  const wait = RETRY_BACKOFF_MS[attempts - 1];
  return wait === undefined ? { state: 'dead', next: null } : { state: 'failed', next: new Date(now.getTime() + wait) };
}

/** Sends a claimed delivery and records the outcome (releasing the lease); answers the row as now stored. */
async function attempt(db: WebhooksDb, claimed: Claimed, now: () => Date, production: boolean, signal?: AbortSignal): Promise<{ row: DeliveryRow; outcome: SendOutcome }> {
  const { row } = claimed;
  const sentAt = now();
  const outcome = await sendSigned({ url: claimed.url, secret: claimed.secret, eventId: row.event_id, topic: row.topic, body: row.body }, sentAt, production, signal);
  const attempts = row.attempts + 1;
  const next = outcome.ok ? { state: 'delivered' as const, next: null } : afterFailure(attempts, now());
  const stored = await db
    .updateTable('webhook_deliveries')
    .set({
      state: next.state,
      attempts,
      next_attempt_at: next.next,
      lease_until: null,
      last_attempt_at: sentAt,
      last_status: outcome.statusCode,
      last_duration_ms: outcome.durationMs,
      last_error: outcome.error,
      last_response: outcome.response,
    })
    .where('id', '=', row.id)
    .where('lease_until', '=', claimed.lease)
    .returningAll()
    .executeTakeFirst();
  return { row: stored ?? row, outcome };
}

/**
 * Tries one delivery now (a staff retry of a failed or dead one): the same body and event id.
 * Undefined when there is no such delivery of the subscription, it was delivered, or an
 * instance is sending it right now.
 */
export async function retryNow(base: Kysely<Database>, subscription: string, id: number, now: () => Date, production: boolean): Promise<DeliveryRow | undefined> {
  const db = webhooksDb(base);
  const [claimed] = await claim(db, now(), 1, { id, subscription });
  if (!claimed) return undefined;
  return (await attempt(db, claimed, now, production)).row;
}

/** The `webhook-deliver` job's run: claims due deliveries a batch at a time and sends each batch at once, until none is due or the process stops. */
export async function deliverDue(context: JobContext): Promise<Record<string, number>> {
  const db = webhooksDb(context.db);
  const counts = { delivered: 0, failed: 0, dead: 0 };
  while (!context.signal.aborted) {
    const batch = await claim(db, context.now(), BATCH);
    if (batch.length === 0) break;
    const results = await Promise.all(batch.map((claimed) => attempt(db, claimed, context.now, context.settings.production, context.signal)));
    for (const { row } of results) {
      if (row.state === 'delivered' || row.state === 'failed' || row.state === 'dead') counts[row.state]++;
    }
    if (batch.length < BATCH) break;
  }
  return counts;
}
