/**
 * The webhooks' tables as kysely sees them; joined to the spine's with {@link webhooksDb}.
 *
 * @module
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Database, Json, NullableTimestamp, Timestamp } from '../db/schema.js';

/** `webhook_subscriptions`: one receiver of one OPD's events. */
export interface WebhookSubscriptionsTable {
  id: string;
  opd_slug: string;
  url: string;
  /** The topics it wants; null: every topic. */
  topics: Json<string[]> | null;
  active: boolean;
  description: string;
  /** The signing secret (`whsec_…`): kept, since every delivery is signed with it; answered only at creation and rotation. */
  secret: string;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

/** `webhook_deliveries`: one event to one subscription, with its attempts so far. */
export interface WebhookDeliveriesTable {
  id: Generated<number>;
  subscription_id: string;
  /** `evt_<outbox id>`: the same on every retry. */
  event_id: string;
  topic: string;
  /** The JSON body, exactly as sent on every attempt. */
  body: string;
  state: ColumnType<'pending' | 'failed' | 'delivered' | 'dead', 'pending' | 'failed' | 'delivered' | 'dead' | undefined>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: NullableTimestamp;
  /** Held by an instance delivering it until then (a crashed sender's lease runs out). */
  lease_until: NullableTimestamp;
  last_attempt_at: NullableTimestamp;
  last_status: number | null;
  last_duration_ms: number | null;
  last_error: string | null;
  /** The first 1 KB of the receiver's answer. */
  last_response: string | null;
  created_at: Timestamp;
}

/** The webhooks' tables (a type, so kysely's `withTables` takes it). */
export type WebhookTables = {
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
};

/** A database or a transaction that sees the webhooks' tables. */
export type WebhooksDb = Kysely<Database & WebhookTables> | Transaction<Database & WebhookTables>;

/** The app's database (or a transaction on it) with the webhooks' tables in view. */
export function webhooksDb(db: Transaction<Database>): Transaction<Database & WebhookTables>;
export function webhooksDb(db: Kysely<Database>): Kysely<Database & WebhookTables>;
export function webhooksDb(db: Kysely<Database>): Kysely<Database & WebhookTables> {
  return db.withTables<WebhookTables>();
}
