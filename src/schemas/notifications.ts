/**
 * Notifications for staff: the mails the server sends (a citizen's question received and
 * answered, the staff's overdue reminder), their delivery state, and "send again" for those
 * that failed. Staff see the address masked (`s•••@example.com`): enough to tell mails apart,
 * not a read of the citizen's contact.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { opdSlug } from './opds.js';
import { pageQuery } from './page-query.js';

/** A mail's delivery state: waiting, being sent, sent, waiting for another try after a failure, given up. */
export const mailStates = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;

/** A mail's delivery state, see {@link mailStates}. */
export type MailState = (typeof mailStates)[number];

/** One mail as staff see it. */
export const notificationView = z.object({
  id: z.number(),
  /** Which mail: `consultation.received`, `consultation.answered`, `consultation.due-soon`. */
  template: z.string(),
  opd: opdSlug,
  /** The case it is about (a tracking code), if any. */
  about: z.nullable(z.string()),
  /** The address, masked; null once erased. */
  recipient: z.nullable(z.string()),
  language: z.enum(['id', 'en']),
  subject: z.string(),
  state: z.enum(mailStates),
  attempts: z.number(),
  /** When it is tried next (pending and failed mails). */
  nextAttemptAt: z.nullable(timestamp),
  /** What the mail server said the last time it failed. */
  lastError: z.nullable(z.string()),
  createdAt: timestamp,
  sentAt: z.nullable(timestamp),
});

/** One mail as staff see it, see {@link notificationView}. */
export type NotificationView = z.infer<typeof notificationView>;

/** `?state=&limit=&cursor=` of the mail lists. */
const notificationQuery = z.object({ ...pageQuery.shape, state: z.optional(z.enum(mailStates)) });

/** A mail's id in a path: a positive `integer` column's value (at most 2,147,483,647; a larger one is no mail, 404). */
const mailId = z.string().check(
  z.regex(/^[1-9][0-9]{0,9}$/),
  z.refine((value) => Number(value) <= 2_147_483_647, 'No mail has this id'),
);

/** The notification endpoints. */
export const notificationEndpoints = {
  /** The OPD's mails, newest first, by state. */
  list: endpoint({
    id: 'listNotifications',
    method: 'GET',
    path: '/api/v1/opds/{opd}/notifications',
    params: z.object({ opd: opdSlug }),
    query: notificationQuery,
    response: listPage(notificationView),
    access: 'staff',
  }),
  /** Every OPD's mails (regency admin), newest first, by state. */
  listAll: endpoint({
    id: 'listAllNotifications',
    method: 'GET',
    path: '/api/v1/notifications',
    query: notificationQuery,
    response: listPage(notificationView),
    access: 'regency-admin',
  }),
  /** Sends a failed or dead mail again, now, with its tries counted afresh. */
  retry: endpoint({
    id: 'retryNotification',
    method: 'POST',
    path: '/api/v1/opds/{opd}/notifications/{id}/retry',
    params: z.object({ opd: opdSlug, id: mailId }),
    response: notificationView,
    access: 'staff',
    errors: ['not-found', 'conflict'],
  }),
};
