/**
 * The `webhooks` of the OpenAPI 3.1 document: one entry per topic of the catalogue
 * (`webhookTopics` in `src/schemas/webhooks.ts`), the POST a receiver gets, its headers and
 * its body — the envelope with that topic's `data` — so a developer reads every payload in the
 * reference. Each body is a component schema `WebhookEvent.<topic>`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { webhookEnvelope, webhookTopics, type WebhookTopic } from '../../../src/schemas/webhooks.js';
import { ref, toJsonSchema, type JsonObject } from './builder.js';

/** What each topic tells of, for the reference. */
const TOPIC_SUMMARIES: Readonly<Record<WebhookTopic, string>> = {
  'road-report.received': 'A road damage report was received (Perjaka)',
  'road-report.status-changed': 'A road report’s status or resolution changed (Perjaka)',
  'agenda-event.published': 'An event was put on the council’s agenda (e-Agenda)',
  'agenda-event.changed': 'An agenda event was edited or moved (e-Agenda)',
  'agenda-event.cancelled': 'An agenda event was cancelled (e-Agenda)',
  'innovation.submitted': 'An innovation was submitted for review (One OPD One Innovation)',
  'innovation.verified': 'An innovation was verified (One OPD One Innovation)',
  'innovation.returned': 'An innovation was returned with comments (One OPD One Innovation)',
  'consultation.received': 'A question was asked (SIAP)',
  'consultation.answered': 'A question was answered (SIAP)',
  'consultation.status-changed': 'A question’s status changed (SIAP)',
  'csr-proposal.received': 'A village proposal for CSR funding was recorded (SIP BENAR)',
  'csr-proposal.decided': 'The CSR forum approved or rejected a proposal (SIP BENAR)',
  'csr-program.registered': 'A CSR-funded programme was registered (SIP BENAR)',
  'service-standard.versioned': 'A service standard got a new version (Layanan)',
  ping: 'A test event (“send test” in the console)',
};

const header = (description: string, schema: JsonObject): JsonObject => ({ in: 'header', required: true, description, schema });

/** The headers of every delivery. */
const deliveryHeaders = (topic: string): JsonObject[] => [
  { name: 'OPD-Event-Id', ...header('The event’s id, the same on every retry: a receiver that saw it already answers 2xx and does nothing.', { type: 'string', pattern: '^evt_' }) },
  { name: 'OPD-Event-Type', ...header('The topic.', { type: 'string', const: topic }) },
  {
    name: 'OPD-Signature',
    ...header(
      '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the webhook’s secret>`. Check it over the raw body before parsing it, and refuse a `t` more than 5 minutes from now (`verifyWebhook` in `opd-kit/webhooks` does both).',
      { type: 'string', pattern: '^t=\\d+,v1=[0-9a-f]{64}$' },
    ),
  },
  { name: 'User-Agent', ...header('`opd-kit-webhooks/<version>`.', { type: 'string' }) },
];

/** How a receiver knows a delivery is ours: the signature header (a security scheme of the document). */
export const webhookSignatureScheme: JsonObject = {
  type: 'apiKey',
  in: 'header',
  name: 'OPD-Signature',
  description: 'Not a key to send: every delivery carries `OPD-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over `"<t>.<raw body>"` with the webhook’s secret, which the receiver checks (docs/webhooks.md).',
};

/** The `webhooks` object and the component schemas of its bodies. */
export function webhooksPart(): { webhooks: JsonObject; schemas: Record<string, JsonObject> } {
  const webhooks: JsonObject = {};
  const schemas: Record<string, JsonObject> = {};
  for (const [topic, data] of Object.entries(webhookTopics) as [WebhookTopic, z.core.$ZodType][]) {
    const name = `WebhookEvent.${topic}`;
    const schema = toJsonSchema({ schema: webhookEnvelope(data), io: 'output', description: `The body of the \`${topic}\` delivery.` });
    const properties = schema.properties as Record<string, JsonObject>;
    properties.type = { type: 'string', const: topic };
    schemas[name] = schema;
    webhooks[topic] = {
      post: {
        operationId: `webhook.${topic}`,
        tags: ['Webhooks'],
        summary: TOPIC_SUMMARIES[topic],
        description:
          'POSTed to every active webhook of the OPD that wants this topic. Answer 2xx within 10 seconds to acknowledge; anything else (a redirect included) is tried again after 1 min, 5 min, 30 min, 2 h, 12 h and 24 h, then given up (dead, retried by hand in the console).',
        security: [{ webhookSignature: [] }],
        parameters: deliveryHeaders(topic),
        requestBody: { required: true, content: { 'application/json': { schema: ref(name) } } },
        responses: { '2XX': { description: 'Received.' }, default: { description: 'Not received: the delivery is tried again later.' } },
      },
    };
  }
  return { webhooks, schemas };
}
