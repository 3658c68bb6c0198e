/**
 * The mails' part in personal-data requests and the retention period: a citizen's mails are
 * found by the address they went to, and erased with it — the address and the content (which
 * names the case) are blanked, a mail not yet sent is given up (`dead`, "the address was
 * erased"), the row stays as the record that a mail was sent. The retention period erases the
 * mails sent (or given up) before its cutoff.
 *
 * @module
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { PersonalDataSubject, PrivacyHooks } from '../http/module.js';
import { notifyDb } from './tables.js';

/** What an erased mail says of itself. */
export const ERASED_MAIL = 'the address was erased';

/** An update erasing the address and content of mails (the caller narrows which). */
function eraseMails(trx: Transaction<Database>, now: Date) {
  return notifyDb(trx)
    .updateTable('mail_messages')
    .set({
      recipient: null,
      subject: '',
      text_body: '',
      html_body: '',
      erased_at: now,
      state: sql`case when state in ('sent', 'dead') then state else 'dead' end`,
      last_error: sql`case when state in ('sent', 'dead') then last_error else ${ERASED_MAIL} end`,
      lease_until: null,
    })
    .where('recipient', 'is not', null);
}

/** The mails' privacy hooks (see `PrivacyHooks`). */
export const notifyPrivacy: PrivacyHooks = {
  async find(db: Kysely<Database> | Transaction<Database>, subject: PersonalDataSubject) {
    if (!subject.email) return [];
    const rows = await notifyDb(db as Kysely<Database>)
      .selectFrom('mail_messages')
      .selectAll()
      .where(sql<boolean>`lower(recipient) = ${subject.email.trim().toLowerCase()}`)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      module: 'notify',
      opd: row.opd_slug,
      subject: `mail:${row.id}`,
      at: new Date(row.created_at).toISOString(),
      data: {
        recipient: row.recipient,
        template: row.template,
        about: row.about,
        subject: row.subject,
        text: row.text_body,
        state: row.state,
        sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
      },
    }));
  },

  async erase(trx, subject, now) {
    if (!subject.email) return 0;
    const result = await eraseMails(trx, now)
      .where(sql<boolean>`lower(recipient) = ${subject.email.trim().toLowerCase()}`)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  async expire(trx, { closedBefore }, now) {
    const result = await eraseMails(trx, now)
      .where((eb) =>
        eb.or([eb('sent_at', '<', closedBefore), eb.and([eb('state', '=', 'dead'), eb('created_at', '<', closedBefore)])]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },
};
