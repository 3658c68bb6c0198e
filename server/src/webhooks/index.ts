/**
 * Webhooks per OPD, as the spine sees them: the staff routes, the tables, the `onEvents` that
 * turns each outbox event into a delivery per subscription that wants it, and the
 * `webhook-deliver` job that sends them. Not switched per OPD: every OPD may subscribe
 * receivers to its own events. The topics and payloads are in `src/schemas/webhooks.ts`; the
 * OpenAPI document publishes them under `webhooks`.
 *
 * @module
 */
import { webhookDelivery, webhookInput, webhookPatch, webhookSubscription, webhookTestResult, webhookWithSecret } from '../../../src/schemas/webhooks.js';
import { defineModule } from '../http/module.js';
import { deliverDue, fanOut } from './deliveries.js';
import { webhookTables } from './migrations/0001-webhooks.js';
import { webhookLogPurgeJob } from './purge.js';
import { webhookRoutes } from './routes.js';

/** The webhooks: subscriptions, signed deliveries with retries, the delivery log. */
export const webhooksModule = defineModule({
  id: 'webhooks',
  perOpd: false,
  routes: webhookRoutes,
  migrations: { '0001-webhooks': webhookTables },
  jobs: [{ name: 'webhook-deliver', everyMs: 30_000, wakeOnEvent: true, run: deliverDue }, webhookLogPurgeJob],
  async onEvents(trx, events) {
    await fanOut(trx, events);
  },
  openapi: {
    tag: {
      name: 'Webhooks',
      description:
        'Other systems told of an OPD’s events the moment they happen: an OPD admin subscribes a receiver (an https address) to topics; each event is POSTed as JSON `{ id, type, createdAt, opd, data }` with `OPD-Event-Id`, `OPD-Event-Type` and `OPD-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`, retried after 1 min, 5 min, 30 min, 2 h, 12 h and 24 h until a 2xx, then dead. The topics and their payloads are under `webhooks`; see docs/webhooks.md.',
    },
    schemas: {
      WebhookSubscription: { schema: webhookSubscription, io: 'output', description: 'A subscription (never its secret).' },
      WebhookWithSecret: { schema: webhookWithSecret, io: 'output', description: 'A subscription with its secret, answered once.' },
      WebhookInput: { schema: webhookInput, io: 'input', description: 'A new subscription.' },
      WebhookPatch: { schema: webhookPatch, io: 'input', description: 'A change of a subscription.' },
      WebhookDelivery: { schema: webhookDelivery, io: 'output', description: 'One delivery and its last attempt.' },
      WebhookTestResult: { schema: webhookTestResult, io: 'output', description: 'How the receiver took a test event.' },
    },
  },
});
