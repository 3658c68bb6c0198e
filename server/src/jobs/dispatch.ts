/**
 * The outbox dispatcher: hands each new outbox event, once, to every module's `onEvent`, in
 * the same transaction as marking it dispatched (`outbox.sent_at`), so the work a module adds
 * for it (a mail, a webhook delivery) commits with the mark or not at all. Rows are taken
 * `FOR UPDATE SKIP LOCKED` in id order: two instances dispatching at once take different rows.
 *
 * An event whose handler throws is rolled back to its savepoint; the events before it in the
 * batch are committed, the batch stops there (events keep their order) and the error is
 * thrown, so the `outbox-dispatch` job logs it and tries that event again on its next run.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
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
    super(`event ${eventId}: ${module}.onEvent failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'DispatchError';
    this.eventId = eventId;
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
  const handlers = modules.filter((module) => module.onEvent);
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
    const done: number[] = [];
    for (const row of rows) {
      const event: OutboxEvent = { id: row.id, topic: row.topic, payload: row.payload, createdAt: row.created_at };
      await sql`savepoint outbox_event`.execute(trx);
      let module: ServerModule | undefined;
      try {
        for (module of handlers) await module.onEvent?.(trx, event);
        await sql`release savepoint outbox_event`.execute(trx);
        done.push(row.id);
      } catch (error) {
        await sql`rollback to savepoint outbox_event`.execute(trx);
        failure = new DispatchError(row.id, module?.id ?? '?', error);
        break;
      }
    }
    if (done.length > 0) await trx.updateTable('outbox').set({ sent_at: now }).where('id', 'in', done).execute();
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
