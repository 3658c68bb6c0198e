/**
 * The audit log (UU 27/2022): who saw or changed what. Every module writes staff reads of
 * personal data and every write here, in the same transaction as the change, naming the
 * person (`ctx.actor`) or the system actor (the retention job).
 *
 * @module
 */
import type { Kysely, Transaction } from 'kysely';
import type { AuditActor } from '../auth/actor.js';
import type { Database } from './schema.js';

/**
 * One entry: who (`actor`), what (`action`, e.g. `consultation.view`), about what (`subject`,
 * e.g. a tracking code), in which OPD (`opd`), and details — ids, filters, counts; never the
 * personal data itself.
 */
export interface AuditEntry {
  actor: AuditActor;
  action: string;
  subject: string;
  opd?: string | null;
  detail?: Record<string, unknown>;
}

/** Writes an audit-log entry, in `db` or a transaction on it (a module's view of the database included). */
export async function audit<DB extends Database>(db: Kysely<DB> | Transaction<DB>, entry: AuditEntry, now: Date): Promise<void> {
  // Every module's database holds the spine's tables: view it as the spine's.
  await (db as unknown as Kysely<Database>)
    .insertInto('audit_log')
    .values({
      at: now,
      actor: entry.actor.name,
      actor_id: entry.actor.id,
      actor_email: entry.actor.email,
      action: entry.action,
      subject: entry.subject,
      opd_slug: entry.opd ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}
