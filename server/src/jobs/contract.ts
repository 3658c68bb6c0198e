/**
 * The contract of background work, shared by the spine and the modules:
 *
 * - an **event** is a row of the `outbox` table, written by a module in the same transaction
 *   as the change it tells of (`emitEvent`). It carries ids and codes, never a citizen's name
 *   or contact: a consumer that needs the contact reads it from the module's own row.
 * - the **dispatcher** (`jobs/dispatch.ts`) hands each new event, once, to every module's
 *   `onEvents` (a batch at a time), inside one transaction with marking it dispatched: a module adds its own work
 *   rows there (a mail to send, a webhook delivery), so an event is never lost nor fanned out
 *   twice, whatever crashes.
 * - a **job** is a module's periodic work (send due mails, deliver webhooks, expire keys); the
 *   scheduler (`jobs/scheduler.ts`) runs each one at a time across every instance.
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ServerModule } from '../http/module.js';
import type { Logger } from '../log.js';
import type { Settings } from '../settings.js';

/** One event of the outbox, as a module's `onEvents` gets it. */
export interface OutboxEvent {
  /** The outbox row's id: increasing, unique across the regency (use it to make work idempotent). */
  id: number;
  /** What happened, `<subject>.<verb>`: `consultation.received`, `consultation.answered`, … */
  topic: string;
  /** Ids and codes only (`{ opd, consultationId, trackingCode }`), never personal data. */
  payload: Record<string, unknown>;
  /** When the change was committed (the writer's clock). */
  createdAt: Date;
}

/** Writes an event into the outbox, in the caller's transaction (a module's view of the database included). */
export async function emitEvent<DB extends Database>(
  trx: Kysely<DB> | Transaction<DB>,
  topic: string,
  payload: Record<string, unknown>,
  now: Date,
): Promise<void> {
  // Every module's database holds the spine's tables: view it as the spine's.
  await (trx as unknown as Kysely<Database>).insertInto('outbox').values({ topic, payload: JSON.stringify(payload), created_at: now }).execute();
}

/** What a job's run gets. */
export interface JobContext {
  /** The shared database. */
  db: Kysely<Database>;
  /** Checked settings (SMTP_URL, MAIL_FROM, …). */
  settings: Settings;
  /** The clock. */
  now: () => Date;
  /** Where the job logs (ids and counts, never personal data). */
  log: Logger;
  /** Aborted when the process shuts down (or the run lost its lease): a long run stops between items. */
  signal: AbortSignal;
  /** Every module of the server (the dispatcher hands events to their `onEvents`). */
  modules: readonly ServerModule[];
}

/** A module's periodic work. */
export interface JobDefinition {
  /** Unique across the server, kebab-case: `mail-send`, `webhook-deliver`. It names the job in logs and `/healthz`. */
  name: string;
  /** How often it runs, in milliseconds (the scheduler also runs it soon after a new event when `wakeOnEvent`). */
  everyMs: number;
  /** Run again right after the dispatcher handed out new events (mail and webhook senders). */
  wakeOnEvent?: boolean;
  /** One run; returns counts for the log (`{ sent: 3, failed: 1 }`). Runs never overlap, on any instance. */
  run(context: JobContext): Promise<Record<string, number> | void>;
}
