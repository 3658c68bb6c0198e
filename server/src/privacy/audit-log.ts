/**
 * Reading the audit log for the regency admin: the filters of `GET /api/v1/audit` (who, what,
 * about what, which OPD, when), newest first in cursor pages, and the same as CSV rows.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { AuditEntryView } from '../../../src/schemas/index.js';
import type { Database } from '../db/schema.js';
import type { Cursor } from '../http/cursor.js';
import { csvRow } from './csv.js';

/** The audit log's filters, checked; all combine. */
export interface AuditFilters {
  /** A user id, an e-mail address (any case), or a system actor's name (`retention`). */
  actor?: string | undefined;
  /** A prefix of the action, e.g. `consultation.` or `personal-data.erase`. */
  action?: string | undefined;
  /** The subject, exactly (a tracking code, `opd:bpkad`, `user:usr_…`). */
  subject?: string | undefined;
  opd?: string | undefined;
  /** From this moment on (inclusive). */
  from?: Date | undefined;
  /** Before this moment (exclusive). */
  to?: Date | undefined;
}

/** `%`, `_` and `\` as themselves in a LIKE pattern. */
function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** The entries matching `filters`, newest first, after `after`. */
function matching(db: Kysely<Database>, filters: AuditFilters, after: Cursor | undefined) {
  let query = db.selectFrom('audit_log').selectAll();
  const actor = filters.actor?.trim();
  if (actor) {
    query = query.where((eb) =>
      eb.or([
        eb('actor_id', '=', actor),
        eb('actor_email', '=', actor.toLowerCase()),
        eb.and([eb('actor_id', 'is', null), eb('actor', '=', actor)]),
      ]),
    );
  }
  if (filters.action) query = query.where('action', 'like', likePrefix(filters.action));
  if (filters.subject) query = query.where('subject', '=', filters.subject);
  if (filters.opd) query = query.where('opd_slug', '=', filters.opd);
  if (filters.from) query = query.where('at', '>=', filters.from);
  if (filters.to) query = query.where('at', '<', filters.to);
  if (after) {
    query = query.where((eb) => eb.or([eb('at', '<', after.at), eb.and([eb('at', '=', after.at), eb('id', '<', after.id)])]));
  }
  return query.orderBy('at', 'desc').orderBy('id', 'desc');
}

/** An audit-log row as read. */
export type AuditRow = Awaited<ReturnType<ReturnType<typeof matching>['executeTakeFirstOrThrow']>>;

/** One page of entries (plus one more, to tell whether more follow). */
export function auditPage(db: Kysely<Database>, filters: AuditFilters, limit: number, after: Cursor | undefined): Promise<AuditRow[]> {
  return matching(db, filters, after)
    .limit(limit + 1)
    .execute();
}

/** The sort key of a row, for the next page's cursor. */
export function cursorOf(row: AuditRow): Cursor {
  return { at: row.at, id: Number(row.id) };
}

/** The API view of an entry. */
export function toAuditEntry(row: AuditRow): AuditEntryView {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    actor: { id: row.actor_id, email: row.actor_email, name: row.actor },
    action: row.action,
    subject: row.subject,
    opd: row.opd_slug,
    detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : (row.detail ?? {}),
  };
}

/** The CSV columns, in order. */
export const AUDIT_CSV_COLUMNS = ['id', 'at', 'actor_id', 'actor_email', 'actor_name', 'action', 'subject', 'opd', 'detail'] as const;

/** Rows read per query while writing the CSV. */
const CSV_BATCH = 1000;

/** Every matching entry as CSV, newest first, with a header row; and how many entries. */
export async function auditCsv(db: Kysely<Database>, filters: AuditFilters): Promise<{ text: string; rows: number }> {
  const lines = [csvRow(AUDIT_CSV_COLUMNS)];
  let after: Cursor | undefined;
  let rows = 0;
  for (;;) {
    const batch = await matching(db, filters, after).limit(CSV_BATCH).execute();
    for (const row of batch) {
      const entry = toAuditEntry(row);
      lines.push(
        csvRow([entry.id, entry.at, entry.actor.id, entry.actor.email, entry.actor.name, entry.action, entry.subject, entry.opd, JSON.stringify(entry.detail)]),
      );
    }
    rows += batch.length;
    const last = batch.at(-1);
    if (batch.length < CSV_BATCH || !last) break;
    after = cursorOf(last);
  }
  return { text: lines.join(''), rows };
}
