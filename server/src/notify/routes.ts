/**
 * The staff's view of the mails: an OPD's (staff of the OPD, or a regency admin) and every
 * OPD's (regency admin), by state, newest first; and "send again" for a failed or dead mail
 * (audited). Addresses are shown masked: telling mails apart needs no read of the contact.
 *
 * @module
 */
import { sql, type Kysely } from 'kysely';
import { notificationEndpoints as endpoints, type NotificationView } from '../../../src/schemas/notifications.js';
import { audit } from '../db/audit.js';
import type { Database } from '../db/schema.js';
import { decodeCursor, pageDocs, pageOf } from '../http/cursor.js';
import { route } from '../http/module.js';
import { ProblemError } from '../http/problem.js';
import { retryMail } from './send.js';
import { notifyDb, type MailRow } from './tables.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Mails per page unless `limit` says otherwise. */
export const MAIL_PAGE_SIZE = 50;

/** `siti.rahma@example.com` → `s•••@example.com`. */
export function maskAddress(address: string | null): string | null {
  if (!address) return null;
  const at = address.lastIndexOf('@');
  return at <= 0 ? '•••' : `${address[0]}•••${address.slice(at)}`;
}

/** A row as staff see it. */
export function toNotification(row: MailRow): NotificationView {
  const waiting = row.state === 'pending' || row.state === 'failed';
  return {
    id: row.id,
    template: row.template,
    opd: row.opd_slug,
    about: row.about,
    recipient: maskAddress(row.recipient),
    language: row.language,
    subject: row.subject,
    state: row.state,
    attempts: row.attempts,
    nextAttemptAt: waiting ? new Date(row.next_attempt_at).toISOString() : null,
    lastError: row.last_error,
    createdAt: new Date(row.created_at).toISOString(),
    sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
  };
}

const listDocs = {
  ...pageDocs(MAIL_PAGE_SIZE),
  state: 'Only mails in this state: `pending`, `sending`, `sent`, `failed` (tried again at `nextAttemptAt`) or `dead` (given up after the last try).',
};

/** A page of mails, of one OPD or of all. */
async function mailPage(
  db: Kysely<Database>,
  opd: string | null,
  query: { state?: NotificationView['state'] | undefined; limit?: number | undefined; cursor?: string | undefined },
) {
  const limit = query.limit ?? MAIL_PAGE_SIZE;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  let select = notifyDb(db).selectFrom('mail_messages').selectAll();
  if (opd !== null) select = select.where('opd_slug', '=', opd);
  if (query.state) select = select.where('state', '=', query.state);
  if (after) select = select.where(sql<boolean>`(created_at, id) < (${after.at}, ${after.id})`);
  const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
  const { page, nextCursor } = pageOf(rows, limit, (row) => ({ at: new Date(row.created_at), id: row.id }));
  return { data: page.map(toNotification), nextCursor };
}

const list = route({
  endpoint: endpoints.list,
  summary: 'List the OPD’s mails (staff)',
  description:
    'The mails sent for the OPD’s cases, newest first: what each is (`template`, the tracking code in `about`), to whom (masked), its state and tries, and what the mail server said when it failed. `state=dead` lists those given up after the last try, to send again.',
  returns: 'A page of mails.',
  docs: listDocs,
  async handler({ opd, query, deps }) {
    return { body: await mailPage(deps.db, opd.slug, query), headers: NO_STORE };
  },
});

const listAll = route({
  endpoint: endpoints.listAll,
  summary: 'List every OPD’s mails (regency admin)',
  description: 'As the OPD’s list, across every OPD.',
  returns: 'A page of mails.',
  docs: listDocs,
  async handler({ query, deps }) {
    return { body: await mailPage(deps.db, null, query), headers: NO_STORE };
  },
});

const retry = route({
  endpoint: endpoints.retry,
  summary: 'Send a mail again (staff)',
  description:
    'A `failed` or `dead` mail is sent again at the next run of the sender (within seconds), its tries counted afresh. A mail that was sent, is waiting, or whose address was erased cannot be. Audited.',
  returns: 'The mail, waiting to be sent.',
  notFound: (_param, value) => `No mail has the id "${value}"`,
  async handler({ opd, params, deps, now, actor }) {
    const id = Number(params.id);
    const row = await deps.db.transaction().execute(async (trx) => {
      const retried = await retryMail(trx, id, opd.slug, now);
      if (retried) await audit(trx, { actor, action: 'notification.retry', subject: `mail:${id}`, opd: opd.slug, detail: { template: retried.template, about: retried.about } }, now);
      return retried;
    });
    if (row) return { body: toNotification(row), headers: NO_STORE };
    const found = await notifyDb(deps.db).selectFrom('mail_messages').selectAll().where('id', '=', id).where('opd_slug', '=', opd.slug).executeTakeFirst();
    if (!found) throw new ProblemError('not-found', { detail: `${opd.name} has no mail ${id}` });
    throw new ProblemError('conflict', {
      detail: found.recipient ? `Mail ${id} is ${found.state}: only a failed or dead mail can be sent again` : `The address of mail ${id} was erased: it cannot be sent`,
    });
  },
});

/** The notification routes. */
export const notificationRoutes = [list, listAll, retry];
