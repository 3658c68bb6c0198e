/**
 * E-mail notifications, a spine part: the `mail_messages` table, the `mail-send` job
 * (`./send.ts`), the staff's list of mails with "send again" (`./routes.ts`), and the privacy
 * hooks that find and erase a citizen's mails (`./privacy.ts`). Modules write their own mails
 * in their `onEvents` or jobs with `renderMail` and `queueMails` (`./compose.ts`): SIAP's are in
 * `modules/consultations/mail.ts`. Settings: `SMTP_URL`, `MAIL_FROM`.
 *
 * @module
 */
import { notificationView } from '../../../src/schemas/notifications.js';
import { defineModule } from '../http/module.js';
import { mailMessages } from './migrations/0001-mail-messages.js';
import { notifyPrivacy } from './privacy.js';
import { notificationRoutes } from './routes.js';
import { mailSendJob } from './send.js';

/** The notifications: mails kept until sent, retried, and shown to staff. */
export const notifyModule = defineModule({
  id: 'notify',
  perOpd: false,
  routes: notificationRoutes,
  migrations: { '0001-mail-messages': mailMessages },
  jobs: [mailSendJob],
  privacy: notifyPrivacy,
  openapi: {
    tag: {
      name: 'Notifications',
      description:
        'The e-mails the server sends — to the citizen when a question is received (with its tracking code) and answered, to staff before a question runs past its service level — kept until the mail server accepts them, retried after 1 min, 5 min, 30 min, 2 h and 12 h, then dead; staff see them (addresses masked) and send a failed one again.',
    },
    schemas: { Notification: { schema: notificationView, io: 'output', description: 'One mail as staff see it (the address masked).' } },
  },
});
