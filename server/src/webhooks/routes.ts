/**
 * The webhooks' staff routes, for the OPD's admin (or a regency admin): subscriptions (list,
 * add, change, remove), "send test", a new secret, the delivery log and a retry. The secret is
 * answered only when made (at creation and rotation). Every write is in the audit log, with the
 * receiver's host, never its full address (it may carry a token).
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { webhookEndpoints as endpoints, type WebhookDeliveryView, type WebhookSubscription } from '../../../src/schemas/webhooks.js';
import { audit } from '../db/audit.js';
import type { Database, OpdRow } from '../db/schema.js';
import { decodeCursor, pageDocs, pageOf } from '../http/cursor.js';
import { route } from '../http/module.js';
import { ProblemError, validationProblem } from '../http/problem.js';
import { eventBody, retryNow, type DeliveryRow } from './deliveries.js';
import { sendSigned, urlProblem } from './send.js';
import { webhooksDb, type WebhookSubscriptionsTable } from './tables.js';

const NO_STORE = { 'Cache-Control': 'no-store' };

/** Deliveries per page unless `limit` says otherwise. */
const DELIVERY_PAGE_SIZE = 25;

type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;

/** 20 lowercase letters and digits. */
function randomToken(): string {
  return randomBytes(20).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 20);
}

/** A new signing secret: `whsec_` and 32 random bytes. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

const byId = {
  notFound: (_: string, value: string) => `No webhook has the id "${value}": a webhook id looks like whk_ and 20 letters or digits`,
};

/** The receiver's host, for the audit log. */
function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : '';
}

/** 422 naming `url` when the address is refused here (https and public only in production). */
function checkUrl(url: string, production: boolean): void {
  const problem = urlProblem(url, production);
  if (problem) throw validationProblem([{ path: 'url', message: problem, code: 'invalid' }]);
}

/** The subscription `id` of the OPD, or a 404. */
async function subscriptionOf(db: Kysely<Database>, opd: OpdRow, id: string): Promise<SubscriptionRow> {
  const row = await webhooksDb(db).selectFrom('webhook_subscriptions').selectAll().where('opd_slug', '=', opd.slug).where('id', '=', id).executeTakeFirst();
  if (!row) throw new ProblemError('not-found', { detail: `${opd.name} has no webhook ${id}` });
  return row;
}

/** The last tried delivery of each subscription. */
async function lastDeliveries(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, WebhookSubscription['lastDelivery']>> {
  if (ids.length === 0) return new Map();
  const rows = await webhooksDb(db)
    .selectFrom('webhook_deliveries')
    .select(['subscription_id', 'last_attempt_at', 'state', 'last_status'])
    .distinctOn('subscription_id')
    .where('subscription_id', 'in', ids)
    .where('last_attempt_at', 'is not', null)
    .orderBy('subscription_id')
    .orderBy('last_attempt_at', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.subscription_id, { at: new Date(r.last_attempt_at!).toISOString(), state: r.state, statusCode: r.last_status }]));
}

function toSubscription(row: SubscriptionRow, last: WebhookSubscription['lastDelivery'] = null): WebhookSubscription {
  return {
    id: row.id,
    opd: row.opd_slug,
    url: row.url,
    topics: row.topics,
    active: row.active,
    description: row.description,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    lastDelivery: last,
  };
}

const iso = (value: Date | string | null): string | null => (value === null ? null : new Date(value).toISOString());

function toDelivery(row: DeliveryRow): WebhookDeliveryView {
  return {
    id: String(row.id),
    eventId: row.event_id,
    topic: row.topic,
    state: row.state,
    attempts: row.attempts,
    createdAt: new Date(row.created_at).toISOString(),
    nextAttemptAt: row.state === 'pending' || row.state === 'failed' ? iso(row.next_attempt_at) : null,
    lastAttemptAt: iso(row.last_attempt_at),
    statusCode: row.last_status,
    durationMs: row.last_duration_ms,
    error: row.last_error,
    response: row.last_response,
  };
}

const list = route({
  endpoint: endpoints.list,
  summary: 'List the OPD’s webhooks (OPD admin)',
  description: 'Every receiver subscribed to the OPD’s events, oldest first, with the topics each wants (`null`: all) and how its last delivery went. Secrets are not shown.',
  returns: 'The subscriptions.',
  async handler({ opd, deps }) {
    const rows = await webhooksDb(deps.db).selectFrom('webhook_subscriptions').selectAll().where('opd_slug', '=', opd.slug).orderBy('created_at').orderBy('id').execute();
    const last = await lastDeliveries(deps.db, rows.map((r) => r.id));
    return { body: { data: rows.map((r) => toSubscription(r, last.get(r.id) ?? null)) }, headers: NO_STORE };
  },
});

const create = route({
  endpoint: endpoints.create,
  summary: 'Subscribe a receiver to the OPD’s events (OPD admin)',
  description:
    'Every later event of the OPD on the chosen topics (`null`: every topic, future ones too) is POSTed to `url` as JSON, signed with the secret this answer carries — shown only now; rotate it to get a new one. In production the address must be https and public (a private, loopback or link-local address is refused, also when a name resolves to one at delivery). Audited.',
  returns: 'Subscribed; the answer holds the secret.',
  async handler({ opd, body, deps, now, actor }) {
    checkUrl(body.url, deps.settings.production);
    const row: SubscriptionRow = {
      id: `whk_${randomToken()}`,
      opd_slug: opd.slug,
      url: body.url,
      topics: body.topics,
      active: body.active ?? true,
      description: body.description ?? '',
      secret: newSecret(),
      created_at: now,
      created_by: actor.name,
      updated_at: now,
    };
    await deps.db.transaction().execute(async (trx) => {
      await webhooksDb(trx)
        .insertInto('webhook_subscriptions')
        .values({ ...row, topics: row.topics === null ? null : JSON.stringify(row.topics) })
        .execute();
      await audit(trx, { actor, action: 'webhook.create', subject: `webhook:${row.id}`, opd: opd.slug, detail: { host: hostOf(row.url), topics: row.topics, active: row.active } }, now);
    });
    return { body: { ...toSubscription(row), secret: row.secret }, headers: { ...NO_STORE, Location: `/api/v1/opds/${opd.slug}/webhooks/${row.id}` } };
  },
});

const update = route({
  endpoint: endpoints.update,
  summary: 'Change a webhook (OPD admin)',
  description: 'Changes its address, topics, description, or switches it off (`active: false`: no new deliveries are made for it, and those waiting are held) and on again. Audited.',
  returns: 'The subscription.',
  ...byId,
  async handler({ opd, params, body, deps, now, actor }) {
    await subscriptionOf(deps.db, opd, params.id);
    if (body.url !== undefined) checkUrl(body.url, deps.settings.production);
    const row = await deps.db.transaction().execute(async (trx) => {
      const next = await webhooksDb(trx)
        .updateTable('webhook_subscriptions')
        .set({
          updated_at: now,
          ...(body.url !== undefined ? { url: body.url } : {}),
          ...(body.topics !== undefined ? { topics: body.topics === null ? null : JSON.stringify(body.topics) } : {}),
          ...(body.description !== undefined ? { description: body.description } : {}),
          ...(body.active !== undefined ? { active: body.active } : {}),
        })
        .where('id', '=', params.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'webhook.update', subject: `webhook:${params.id}`, opd: opd.slug, detail: { fields: Object.keys(body), host: hostOf(next.url), active: next.active } }, now);
      return next;
    });
    const last = await lastDeliveries(deps.db, [row.id]);
    return { body: toSubscription(row, last.get(row.id) ?? null), headers: NO_STORE };
  },
});

const remove = route({
  endpoint: endpoints.remove,
  summary: 'Remove a webhook (OPD admin)',
  description: 'Removes the subscription and its delivery log; deliveries waiting for it are dropped. Audited.',
  returns: 'Removed.',
  ...byId,
  async handler({ opd, params, deps, now, actor }) {
    const row = await subscriptionOf(deps.db, opd, params.id);
    await deps.db.transaction().execute(async (trx) => {
      await webhooksDb(trx).deleteFrom('webhook_subscriptions').where('id', '=', params.id).execute();
      await audit(trx, { actor, action: 'webhook.delete', subject: `webhook:${params.id}`, opd: opd.slug, detail: { host: hostOf(row.url) } }, now);
    });
    return { body: undefined };
  },
});

const test = route({
  endpoint: endpoints.test,
  summary: 'Send a test event (OPD admin)',
  description:
    'POSTs a signed `ping` (data: the subscription’s id) to the receiver now, as every delivery is sent, and answers how it went: the status, the time taken, the reason of a failure and the start of the answer. Not retried, not in the delivery log; works on a switched-off webhook too.',
  returns: 'How the receiver answered.',
  ...byId,
  async handler({ opd, params, deps, now, actor }) {
    const row = await subscriptionOf(deps.db, opd, params.id);
    const eventId = `evt_ping_${randomToken()}`;
    const body = eventBody(eventId, 'ping', now, opd.slug, { opd: opd.slug, subscriptionId: row.id });
    const outcome = await sendSigned({ url: row.url, secret: row.secret, eventId, topic: 'ping', body }, deps.now(), deps.settings.production);
    await audit(deps.db, { actor, action: 'webhook.test', subject: `webhook:${row.id}`, opd: opd.slug, detail: { host: hostOf(row.url), statusCode: outcome.statusCode, delivered: outcome.ok } }, now);
    return {
      body: { delivered: outcome.ok, eventId, statusCode: outcome.statusCode, durationMs: outcome.durationMs, error: outcome.error, response: outcome.response },
      headers: NO_STORE,
    };
  },
});

const rotate = route({
  endpoint: endpoints.rotateSecret,
  summary: 'Give a webhook a new secret (OPD admin)',
  description: 'Makes a new signing secret, answered only now; the old one stops at once (deliveries still waiting are signed with the new one). Audited.',
  returns: 'The subscription with its new secret.',
  ...byId,
  async handler({ opd, params, deps, now, actor }) {
    await subscriptionOf(deps.db, opd, params.id);
    const secret = newSecret();
    const row = await deps.db.transaction().execute(async (trx) => {
      const next = await webhooksDb(trx).updateTable('webhook_subscriptions').set({ secret, updated_at: now }).where('id', '=', params.id).returningAll().executeTakeFirstOrThrow();
      await audit(trx, { actor, action: 'webhook.secret', subject: `webhook:${params.id}`, opd: opd.slug }, now);
      return next;
    });
    const last = await lastDeliveries(deps.db, [row.id]);
    return { body: { ...toSubscription(row, last.get(row.id) ?? null), secret }, headers: NO_STORE };
  },
});

const deliveries = route({
  endpoint: endpoints.deliveries,
  summary: 'Read a webhook’s delivery log (OPD admin)',
  description:
    'Its deliveries, newest first (`state` filters): the event, the state (`pending`, `failed` and to be tried again at `nextAttemptAt`, `delivered`, `dead` after the last retry), the attempts, and the last attempt’s status, time taken, failure and the start of the answer (at most 1 KB).',
  returns: 'A page of deliveries.',
  docs: { ...pageDocs(DELIVERY_PAGE_SIZE), state: 'Only deliveries in this state.' },
  notFound: byId.notFound,
  async handler({ opd, params, query, deps }) {
    await subscriptionOf(deps.db, opd, params.id);
    const limit = query.limit ?? DELIVERY_PAGE_SIZE;
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    let select = webhooksDb(deps.db).selectFrom('webhook_deliveries').selectAll().where('subscription_id', '=', params.id);
    if (query.state) select = select.where('state', '=', query.state);
    if (after) select = select.where(sql<boolean>`(created_at, id) < (${after.at}, ${after.id})`);
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const { page, nextCursor } = pageOf(rows, limit, (row) => ({ at: new Date(row.created_at), id: row.id }));
    return { body: { data: page.map(toDelivery), nextCursor }, headers: NO_STORE };
  },
});

const retry = route({
  endpoint: endpoints.retry,
  summary: 'Retry a delivery now (OPD admin)',
  description:
    'Sends a failed or dead delivery again now, with the same event id and body, and answers it as it then stands: delivered, or failed with its next attempt (a dead one that fails again stays dead). 409 for a delivered one or one being sent right now. Audited.',
  returns: 'The delivery after the attempt.',
  notFound: (param, value) => (param === 'delivery' ? `No delivery has the id "${value}": a delivery id is a whole number` : byId.notFound(param, value)),
  async handler({ opd, params, deps, now, actor }) {
    await subscriptionOf(deps.db, opd, params.id);
    const id = Number(params.delivery);
    const existing = await webhooksDb(deps.db).selectFrom('webhook_deliveries').select(['state']).where('id', '=', id).where('subscription_id', '=', params.id).executeTakeFirst();
    if (!existing) throw new ProblemError('not-found', { detail: `Webhook ${params.id} has no delivery ${params.delivery}` });
    if (existing.state === 'delivered') throw new ProblemError('conflict', { detail: `Delivery ${params.delivery} was delivered: it is not sent again` });
    const row = await retryNow(deps.db, params.id, id, deps.now, deps.settings.production);
    if (!row) throw new ProblemError('conflict', { detail: `Delivery ${params.delivery} is being sent right now: read the log again in a minute` });
    await audit(deps.db, { actor, action: 'webhook.retry', subject: `webhook:${params.id}`, opd: opd.slug, detail: { delivery: id, state: row.state, statusCode: row.last_status } }, now);
    return { body: toDelivery(row), headers: NO_STORE };
  },
});

/** Every webhook route. */
export const webhookRoutes = [list, create, update, remove, test, rotate, deliveries, retry];
