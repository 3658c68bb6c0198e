/**
 * The outbox dispatcher: hands each new outbox event, once, to every module's `onEvents`, in
 * the same transaction as marking it dispatched (`outbox.sent_at`), so the work a module adds
 * for it (a mail, a webhook delivery) commits with the mark or not at all. Rows are taken
 * `FOR UPDATE SKIP LOCKED` in id order: two instances dispatching at once take different rows.
 *
 * A batch goes to each module in one call, so a module's work for a hundred events is a few
 * statements, not a few hundred: on PGlite the dispatcher shares the one connection with the
 * citizens' writes, and per-event round trips made it hold that connection three times longer
 * than the creates it followed. When a handler throws, the batch is rolled back to its savepoint
 * and handed over again one event at a time: the events before the failing one are committed,
 * the batch stops there (events keep their order) and the error is thrown, so the
 * `outbox-dispatch` job logs it and tries that event again on its next run.
 *
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ServerModule } from '../http/module.js';
import type { JobDefinition, OutboxEvent } from './contract.js';

/** The dispatcher job's name (the scheduler wakes the `wakeOnEvent` jobs after its runs that dispatched). */
export const OUTBOX_DISPATCH_JOB = 'outbox-dispatch';

/** Events taken per transaction unless told otherwise. */
export const DISPATCH_BATCH = 100;

/** An event whose handler threw: it stays undispatched. */
export class DispatchError extends Error {
  /** The outbox id of the event. */
  readonly eventId: number;

  constructor(eventId: number, module: string, cause: unknown) {
    super(`event ${eventId}: ${module}.onEvents failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DispatchError';
    this.eventId = eventId;
  }
}

/** Hands `events` to every handler inside a savepoint; answers the module that threw and why, after rolling back to it. */
async function handOver(
  trx: Transaction<Database>,
  handlers: readonly ServerModule[],
  events: readonly OutboxEvent[],
): Promise<{ module: string; error: unknown } | undefined> {
  await sql`savepoint outbox_events`.execute(trx);
  let module: ServerModule | undefined;
  try {
    for (module of handlers) await module.onEvents?.(trx, events);
    await sql`release savepoint outbox_events`.execute(trx);
    return undefined;
  } catch (error) {
    await sql`rollback to savepoint outbox_events`.execute(trx);
    await sql`release savepoint outbox_events`.execute(trx);
    return { module: module?.id ?? '?', error };
  }
}

/**
 * Dispatches up to `limit` undispatched events (see the module comment); returns how many were
 * dispatched. Throws a {@link DispatchError} after committing the events before a failing one.
 */
export async function dispatchOutbox(
  db: Kysely<Database>,
  modules: readonly ServerModule[],
  now: Date,
  limit: number = DISPATCH_BATCH,
): Promise<number> {
  const handlers = modules.filter((module) => module.onEvents);
  let failure: DispatchError | undefined;
  const count = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('outbox')
      .select(['id', 'topic', 'payload', 'created_at'])
      .where('sent_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    const events: OutboxEvent[] = rows.map((row) => ({ id: row.id, topic: row.topic, payload: row.payload, createdAt: row.created_at }));
    let done: OutboxEvent[] = events;
    if (await handOver(trx, handlers, events)) {
      // One at a time, to find the event that fails and keep the ones before it.
      done = [];
      for (const event of events) {
        const failed = await handOver(trx, handlers, [event]);
        if (failed) {
          failure = new DispatchError(event.id, failed.module, failed.error);
          break;
        }
        done.push(event);
      }
    }
    if (done.length > 0) await trx.updateTable('outbox').set({ sent_at: now }).where('id', 'in', done.map((event) => event.id)).execute();
    return done.length;
  });
  if (failure) throw failure;
  return count;
}

/** The `outbox-dispatch` job: every second, then the scheduler wakes the mail and webhook senders. */
export const outboxDispatchJob: JobDefinition = {
  name: OUTBOX_DISPATCH_JOB,
  everyMs: 1000,
  async run({ db, now, signal, modules }) {
    let dispatched = 0;
    // A backlog is worked off in batches, each its own transaction.
    for (;;) {
      const count = await dispatchOutbox(db, modules, now());
      dispatched += count;
      if (count < DISPATCH_BATCH || signal.aborted) break;
    }
    return { dispatched };
  },
};
