/**
 * Webhooks per OPD: an OPD admin subscribes another system (a URL) to the OPD's events; each
 * event is POSTed to it as JSON, signed with the subscription's secret (HMAC-SHA256 over the
 * timestamp and the raw body, `OPD-Signature: t=…,v1=…`), retried with backoff, and logged.
 *
 * The topics and their payloads ({@link webhookTopics}) are the one catalogue the OpenAPI
 * document publishes under `webhooks`: ids and codes only, never a citizen's name or contact.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, timestamp } from './common.js';
import { endpoint } from './endpoint.js';
import { consultationStatuses } from './consultations.js';
import { csrProgramStatuses } from './csr.js';
import { opdSlug } from './opds.js';
import { pageQuery } from './page-query.js';

/** The OPD's slug and the event's own ids: every payload has `opd`. */
const opdField = { opd: opdSlug };

/** A road report's status. */
const reportStatus = z.enum(['open', 'closed']);

/**
 * Every topic a subscription may ask for, with the `data` of its deliveries. Topics are
 * `<subject>.<verb>`; `ping` is what "send test" sends.
 */
export const webhookTopics = {
  /** A citizen reported road damage (Perjaka, through the widget or Open311). */
  'road-report.received': z.object({
    ...opdField,
    reportId: z.string(),
    serviceCode: z.string(),
    status: reportStatus,
    segmentId: z.nullable(z.number()),
  }),
  /** Staff or a stakeholder moved a road report's status or resolution (closed, reopened, scheduled, merged). */
  'road-report.status-changed': z.object({
    ...opdField,
    reportId: z.string(),
    status: reportStatus,
    resolution: z.nullable(z.string()),
    previousStatus: reportStatus,
    previousResolution: z.nullable(z.string()),
  }),
  /** An event was put on the council's agenda (e-Agenda). */
  'agenda-event.published': z.object({
    ...opdField,
    eventId: z.number(),
    status: z.enum(['tentative', 'confirmed']),
    startsAt: timestamp,
    sequence: z.number(),
  }),
  /** An event was edited or moved: `sequence` is the iCalendar `SEQUENCE` it now has. */
  'agenda-event.changed': z.object({
    ...opdField,
    eventId: z.number(),
    status: z.string(),
    startsAt: timestamp,
    sequence: z.number(),
    /** What changed: field names (`place`, `time`, …), or `postponed` / `brought-forward` for a move. */
    changes: z.array(z.string()),
  }),
  /** An event was cancelled (final); it stays on the agenda as cancelled. */
  'agenda-event.cancelled': z.object({
    ...opdField,
    eventId: z.number(),
    startsAt: timestamp,
    sequence: z.number(),
  }),
  /** An OPD sent its innovation to the reviewer (One OPD One Innovation). */
  'innovation.submitted': z.object({ ...opdField, innovationId: z.number() }),
  /** The reviewer OPD verified an innovation: it is public now. `opd` is the innovation's OPD. */
  'innovation.verified': z.object({ ...opdField, innovationId: z.number(), reviewer: opdSlug }),
  /** The reviewer OPD returned an innovation with comments (read them in the console). */
  'innovation.returned': z.object({ ...opdField, innovationId: z.number(), reviewer: opdSlug }),
  /** A citizen asked a question (SIAP); read it in the console by its tracking code. */
  'consultation.received': z.object({ ...opdField, consultationId: z.number(), trackingCode: z.string() }),
  /** Staff answered a question (SIAP). */
  'consultation.answered': z.object({ ...opdField, consultationId: z.number(), trackingCode: z.string() }),
  /** A question moved from one status to another (SIAP: received, in_progress, answered, closed). */
  'consultation.status-changed': z.object({
    ...opdField,
    consultationId: z.number(),
    trackingCode: z.string(),
    status: z.enum(consultationStatuses),
    previousStatus: z.enum(consultationStatuses),
  }),
  /** Staff recorded a village's proposal for CSR funding (SIP BENAR). */
  'csr-proposal.received': z.object({ ...opdField, proposalId: z.number(), field: z.string(), year: z.number() }),
  /** The CSR forum approved (matched to a company) or rejected a proposal (SIP BENAR). */
  'csr-proposal.decided': z.object({
    ...opdField,
    proposalId: z.number(),
    decision: z.enum(['approved', 'rejected']),
    companyId: z.nullable(z.number()),
  }),
  /** A CSR-funded programme was registered; it is public on the board (SIP BENAR). */
  'csr-program.registered': z.object({
    ...opdField,
    programId: z.number(),
    status: z.enum(csrProgramStatuses),
    year: z.number(),
    /** The committed budget, whole rupiah. */
    committed: z.number(),
    proposalId: z.nullable(z.number()),
  }),
  /**
   * A service's standard got a version (Layanan): a new service (version 1) or an edit,
   * public from `effectiveOn` (a day in the regency's time zone, `YYYY-MM-DD`). Survey answers
   * raise no event: they are stored without their time of day, and an event would tell it.
   */
  'service-standard.versioned': z.object({ ...opdField, service: z.string(), version: z.number(), effectiveOn: z.string() }),
  /** "Send test": the subscription's own id, nothing else. */
  ping: z.object({ ...opdField, subscriptionId: z.string() }),
} as const;

/** A topic of {@link webhookTopics}. */
export type WebhookTopic = keyof typeof webhookTopics;

/** The topics, in catalogue order. */
export const webhookTopicNames = Object.keys(webhookTopics) as WebhookTopic[];

/** The topics a subscription may ask for (every one but `ping`, which only "send test" sends). */
export const subscribableTopics = webhookTopicNames.filter((topic) => topic !== 'ping');

/** The body of every delivery: the event's id (the same on every retry: dedupe by it), topic, time, OPD and payload. */
export function webhookEnvelope<T extends z.core.$ZodType>(data: T) {
  return z.object({
    /** `evt_<n>`: unique across the regency, the same on every retry of the event. */
    id: z.string(),
    type: z.string(),
    createdAt: timestamp,
    opd: opdSlug,
    data,
  });
}

/** A delivery's body, whatever its topic. */
export const webhookEvent = webhookEnvelope(z.record(z.string(), z.unknown()));

/** A delivery's body, see {@link webhookEvent}. */
export type WebhookEvent = z.infer<typeof webhookEvent>;

/** A subscription's id: `whk_` and 20 lowercase letters or digits. */
export const webhookId = z.string().check(z.regex(/^whk_[a-z0-9]{20}$/));

/** A delivery's id (a number, as text in the path). */
const deliveryId = z.string().check(z.regex(/^[1-9][0-9]{0,9}$/));

/** The receiver's address: an http(s) URL (the server checks more: https in production, no private address). */
const webhookUrl = z.string().check(
  z.trim(),
  z.maxLength(2000),
  z.refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), 'Enter the receiver’s address, like https://sistem.lahatkab.go.id/webhooks/opd-kit'),
);

/** The topics a subscription wants: some (at least one), or `null` for every topic. */
const topicsField = z.nullable(
  z.array(z.enum(subscribableTopics as [WebhookTopic, ...WebhookTopic[]])).check(z.minLength(1, 'Pick at least one topic, or null for all')),
);

/** A subscription as an OPD admin sees it (never its secret, which is shown once). */
export const webhookSubscription = z.object({
  id: webhookId,
  opd: opdSlug,
  url: z.string(),
  /** `null`: every topic, present and future. */
  topics: z.nullable(z.array(z.string())),
  active: z.boolean(),
  description: z.string(),
  createdAt: timestamp,
  createdBy: z.nullable(z.string()),
  /** When the last delivery was tried, and how it went. */
  lastDelivery: z.nullable(z.object({ at: timestamp, state: z.string(), statusCode: z.nullable(z.number()) })),
});

/** A subscription, see {@link webhookSubscription}. */
export type WebhookSubscription = z.infer<typeof webhookSubscription>;

/** A subscription with its secret: the answer of creating one (and of rotating the secret), the only time the secret is shown. */
export const webhookWithSecret = z.object({
  ...webhookSubscription.shape,
  /** `whsec_…`: keep it in the receiver to check `OPD-Signature`. Not shown again. */
  secret: z.string(),
});

/** A new subscription. */
export const webhookInput = z.object({
  url: webhookUrl,
  topics: topicsField,
  description: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  active: z.optional(z.boolean()),
});

/** A new subscription, see {@link webhookInput}. */
export type WebhookInput = z.input<typeof webhookInput>;

/** A change of a subscription: any of its fields. */
export const webhookPatch = z.object({
  url: z.optional(webhookUrl),
  topics: z.optional(topicsField),
  description: z.optional(z.string().check(z.trim(), z.maxLength(200))),
  active: z.optional(z.boolean()),
});

/** The states of a delivery: not tried yet, tried and to be tried again, accepted by the receiver (2xx), given up. */
export const deliveryStates = ['pending', 'failed', 'delivered', 'dead'] as const;

/** One delivery of one event to one subscription, with its last attempt. */
export const webhookDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  topic: z.string(),
  state: z.enum(deliveryStates),
  attempts: z.number(),
  createdAt: timestamp,
  /** When it is tried next (pending, failed), else null. */
  nextAttemptAt: z.nullable(timestamp),
  lastAttemptAt: z.nullable(timestamp),
  /** The receiver's HTTP status, null when it did not answer. */
  statusCode: z.nullable(z.number()),
  durationMs: z.nullable(z.number()),
  /** Why it failed: `timeout`, `connection refused`, `HTTP 500`, … */
  error: z.nullable(z.string()),
  /** The start of the receiver's answer (at most 1 KB). */
  response: z.nullable(z.string()),
});

/** A delivery, see {@link webhookDelivery}. */
export type WebhookDeliveryView = z.infer<typeof webhookDelivery>;

/** The result of "send test": one signed `ping`, sent now. */
export const webhookTestResult = z.object({
  delivered: z.boolean(),
  eventId: z.string(),
  statusCode: z.nullable(z.number()),
  durationMs: z.number(),
  error: z.nullable(z.string()),
  response: z.nullable(z.string()),
});

/** The result of "send test", see {@link webhookTestResult}. */
export type WebhookTestResult = z.infer<typeof webhookTestResult>;

const opdParams = z.object({ opd: opdSlug });
const subscriptionParams = z.object({ opd: opdSlug, id: webhookId });

/** The webhook endpoints (the OPD's admin, or a regency admin). */
export const webhookEndpoints = {
  /** The OPD's subscriptions. */
  list: endpoint({
    id: 'listWebhooks',
    method: 'GET',
    path: '/api/v1/opds/{opd}/webhooks',
    params: opdParams,
    response: z.object({ data: z.array(webhookSubscription) }),
    access: 'opd-admin',
  }),
  /** Subscribes a receiver; answers the secret, once. */
  create: endpoint({
    id: 'createWebhook',
    method: 'POST',
    path: '/api/v1/opds/{opd}/webhooks',
    params: opdParams,
    body: webhookInput,
    response: webhookWithSecret,
    status: 201,
    access: 'opd-admin',
  }),
  /** Changes a subscription (address, topics, on or off, description). */
  update: endpoint({
    id: 'updateWebhook',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}/webhooks/{id}',
    params: subscriptionParams,
    body: webhookPatch,
    response: webhookSubscription,
    access: 'opd-admin',
  }),
  /** Removes a subscription and its delivery log. */
  remove: endpoint({
    id: 'deleteWebhook',
    method: 'DELETE',
    path: '/api/v1/opds/{opd}/webhooks/{id}',
    params: subscriptionParams,
    response: z.undefined(),
    status: 204,
    access: 'opd-admin',
  }),
  /** Sends a signed `ping` now and answers how the receiver took it. */
  test: endpoint({
    id: 'testWebhook',
    method: 'POST',
    path: '/api/v1/opds/{opd}/webhooks/{id}/test',
    params: subscriptionParams,
    response: webhookTestResult,
    access: 'opd-admin',
  }),
  /** A new secret (the old one stops working at once); answered once. */
  rotateSecret: endpoint({
    id: 'rotateWebhookSecret',
    method: 'POST',
    path: '/api/v1/opds/{opd}/webhooks/{id}/secret',
    params: subscriptionParams,
    response: webhookWithSecret,
    access: 'opd-admin',
  }),
  /** The subscription's deliveries, newest first. */
  deliveries: endpoint({
    id: 'listWebhookDeliveries',
    method: 'GET',
    path: '/api/v1/opds/{opd}/webhooks/{id}/deliveries',
    params: subscriptionParams,
    query: z.object({ ...pageQuery.shape, state: z.optional(z.enum(deliveryStates)) }),
    response: listPage(webhookDelivery),
    access: 'opd-admin',
  }),
  /** Tries a failed or dead delivery again, now (the same event id and body). */
  retry: endpoint({
    id: 'retryWebhookDelivery',
    method: 'POST',
    path: '/api/v1/opds/{opd}/webhooks/{id}/deliveries/{delivery}/retry',
    params: z.object({ opd: opdSlug, id: webhookId, delivery: deliveryId }),
    response: webhookDelivery,
    access: 'opd-admin',
  }),
};
