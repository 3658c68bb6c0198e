/**
 * The module contract: what a module (SIAP, Perjaka, e-Agenda, …) declares, and all the app
 * needs to know of it. The app mounts its routes and mounts, runs its migrations and demo
 * seed, registers its problem codes and documents it in the OpenAPI document. Tenancy,
 * audit, cursors, rate limits and idempotency are the spine's and every module gets them.
 *
 * ```ts
 * export const siapModule = defineModule({
 *   id: 'siap',
 *   routes: [createConsultation, trackConsultation, ...],
 *   migrations: { '0001-consultations': consultationsTables },
 *   seed: seedConsultations,
 *   openapi: { tag: { name: 'SIAP', description: '…' }, schemas: { … } },
 * });
 * ```
 *
 * @module
 */
import type { Context, Hono } from 'hono';
import type { Kysely, Transaction } from 'kysely';
import type * as z from 'zod/mini';
import type { AnyEndpoint, DataSubject, Endpoint, IndonesianTimeZone, OutputOf, PersonalDataRecord } from '../../../src/schemas/index.js';
import type { Actor } from '../auth/actor.js';
import type { ModuleMigration } from '../db/migrate.js';
import type { JobDefinition, OutboxEvent } from '../jobs/contract.js';
import type { OpenDataset } from '../opendata/contract.js';
import type { Database, OpdRow } from '../db/schema.js';
import type { JsonObject, OpenApiPart, SchemaSource } from '../openapi/builder.js';
import type { AppDeps, AppEnv } from './env.js';
import type { KEY_NOT_CLAIMED, KeyClaim } from './idempotency.js';
import type { PreparedBody } from './prepared.js';
import type { ProblemDefinition } from './problem.js';

/** What a handler gets: the checked inputs and the spine's services for this request. */
export interface RouteContext<E extends AnyEndpoint> {
  /** The Hono context, for anything else. */
  c: Context<AppEnv>;
  /** The app's dependencies. */
  deps: AppDeps;
  /** One reading of the clock for the whole request. */
  now: Date;
  /** The path values, checked and normalized. */
  params: OutputOf<Exclude<E['params'], undefined>>;
  /** The query string, checked. */
  query: OutputOf<Exclude<E['query'], undefined>>;
  /** The JSON body, checked. */
  body: OutputOf<Exclude<E['body'], undefined>>;
  /** The OPD of a `{opd}` path, loaded and checked to have the module on; throws on other routes. */
  readonly opd: OpdRow;
  /** The signed-in staff user of a non-public route (for the audit log and ownership); throws on public routes. */
  readonly actor: Actor;
  /**
   * The OPD `slug`, loaded once per request, or a 404 problem; with `moduleId` (default: this
   * route's module) also a 404 `module-disabled` when the OPD has it off.
   */
  opdFor(slug: string, moduleId?: string | null): Promise<OpdRow>;
  /**
   * Runs a write once per `Idempotency-Key` (idempotent endpoints): a write done in one
   * statement that claims the key itself (`claimKey` in `http/idempotency.ts`, as a CTE of the
   * write), so the key and the work commit together and the store does one round trip. `write` gets the claim (undefined without a key) and answers its body, or
   * `KEY_NOT_CLAIMED` when its statement claimed nothing: then the stored answer is replayed
   * (or the conflict answered); an error it throws is answered, unless the key was stored.
   */
  onceInStatement<T>(
    write: (db: Kysely<Database>, claim: KeyClaim | undefined) => Promise<T | typeof KEY_NOT_CLAIMED>,
  ): Promise<{ body: T; replayed: boolean }>;
}

/**
 * A handler's answer: the body (checked against the endpoint's response schema) and headers;
 * or, for an answer sent many times, its prepared bytes (`http/prepared.ts`: checked once when
 * prepared, sent with a strong ETag, a 304 to a client that has it, brotli or gzip).
 */
export type RouteAnswer<T> =
  | {
      /** The body: JSON, or the text of a non-JSON endpoint (`produces`); ignored for 204. */
      body: T;
      /** Headers to add, e.g. `Cache-Control` or `Location`. */
      headers?: Record<string, string>;
    }
  | {
      /** The answer, prepared once (see `prepareJson`). */
      prepared: PreparedBody;
      /** Headers to add, e.g. `Cache-Control`. */
      headers?: Record<string, string>;
    };

/** The server side of one endpoint: its handler, the server's limits on it, and its prose. */
export interface Route<E extends AnyEndpoint = AnyEndpoint> {
  /** The endpoint it serves; the route is mounted at its method and path. */
  endpoint: E;
  /** One line for the API reference, e.g. `Ask a question`. */
  summary: string;
  /** More for the reference. */
  description?: string;
  /** What the successful answer is, e.g. `Stored.` (default `OK`). */
  returns?: string;
  /** Descriptions of path and query values by name; an object also replaces the value's JSON Schema. */
  docs?: Record<string, string | { description: string; schema?: JsonObject }>;
  /** Counts each call against this per-client rate-limit bucket (429 over the limit). */
  rateLimit?: string;
  /**
   * It answers prepared bytes (`RouteAnswer.prepared`) with a strong `ETag`: a client sending
   * `If-None-Match` with it gets a 304 without a body. The reference then lists the `ETag` and the 304.
   */
  conditional?: boolean;
  /** The largest body accepted, in bytes (default: the module's, else 64 KB). */
  bodyBytes?: number;
  /**
   * The 404 detail when a path value (other than `{opd}`) fails its schema, in the words
   * the citizen knows, e.g. `No consultation has the tracking code …`. Default: a generic one.
   */
  notFound?(param: string, value: string): string;
  /** Does the work; throw a `ProblemError` for anything but success. */
  handler(ctx: RouteContext<E>): Promise<RouteAnswer<z.input<E['response']>>>;
}

/** Declares a route, keeping the endpoint's types for the handler. */
export function route<E extends AnyEndpoint>(definition: Route<E>): Route<E> {
  return definition;
}

/**
 * A sub-app a module mounts as it is, for a standard with its own paths and formats
 * (Open311 GeoReport v2 at `/open311/v2`, with XML and its own errors). It gets the spine's
 * request id, client address, CORS and body limit, and its own `onError`.
 */
export interface Mount {
  /** Where it is mounted, e.g. `/open311/v2`. */
  path: string;
  /** Builds the sub-app, once, when the app is built. */
  app(deps: AppDeps): Hono<AppEnv>;
  /** `any`: any website may read it (open standards); `opds`: only the OPDs' websites (default). */
  cors?: 'any' | 'opds';
  /** The methods its routes answer, for CORS preflights (default GET and POST). */
  methods?: readonly string[];
  /** Its paths in the OpenAPI document, written out. */
  openapi?: OpenApiPart;
}

/** What a module's demo seed is given. */
export interface SeedContext {
  /** The time the demo data is relative to. */
  now: Date;
  /** The regency's time zone (`TIME_ZONE`), for demo dates counted in working days. */
  timeZone: IndonesianTimeZone;
}

/** What a module's figures on the rollout board (`GET /api/v1/overview`) are about. */
export interface OverviewWindow {
  /** The OPDs that have this module on (only those). */
  opds: readonly OpdRow[];
  /** The first moment of the month, in the regency's time zone. */
  from: Date;
  /** The first moment of the next month (exclusive). */
  to: Date;
  /** The request's clock reading, for figures "now" (overdue now). */
  now: Date;
  /** The regency's time zone. */
  timeZone: IndonesianTimeZone;
}

/** Whose data a privacy hook looks for: the e-mail address and/or the mobile number the citizen gave, as typed. */
export type PersonalDataSubject = DataSubject;

/**
 * A module's part in personal-data requests and the retention period (UU 27/2022). The spine
 * runs every module's hooks, in its own transaction, and writes the audit entry with the actor;
 * the hooks only read and change the module's rows.
 */
export interface PrivacyHooks {
  /** Every record the module holds about the citizen (name, contact and what they sent), one per case. */
  find(db: Kysely<Database> | Transaction<Database>, subject: PersonalDataSubject): Promise<PersonalDataRecord[]>;
  /**
   * Erases the citizen's name and contact from every case, and every mention of them in the
   * case's free text (the cases stay, anonymous); returns how many cases.
   */
  erase(trx: Transaction<Database>, subject: PersonalDataSubject, now: Date): Promise<number>;
  /**
   * Erases the name and contact of every case finished before `closedBefore` (closed, or left
   * finished with nothing since, as SIAP's answered questions), mentions in free text included;
   * returns how many cases.
   */
  expire(trx: Transaction<Database>, window: { closedBefore: Date }, now: Date): Promise<number>;
}

/** What a module declares; see the module comment. */
export interface ServerModule {
  /** The module's id: the name OPDs switch on (`siap`), or a spine part's (`tenancy`). */
  id: string;
  /** `{opd}` routes of a module switched on per OPD answer 404 `module-disabled` when it is off (default true). */
  perOpd?: boolean;
  /** Its endpoints' handlers; each is mounted at its endpoint's path. */
  routes?: readonly Route<any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- handlers differ by endpoint
  /** Sub-apps mounted as they are. */
  mounts?: readonly Mount[];
  /** Its migrations by name, run in name order after the spine's and earlier modules'. */
  migrations?: Readonly<Record<string, ModuleMigration>>;
  /**
   * Adds its demo data; must add nothing when run again. It runs inside the seeding
   * transaction (every module's seed in one), so it must not open one itself. Returns counts
   * for the start log (`{ consultations: 4 }`).
   */
  seed?(db: Transaction<Database>, context: SeedContext): Promise<Record<string, number>>;
  /**
   * What it adds to `GET /api/v1/opds/{opd}`, the one read every widget makes first: the
   * fields of the `opd` schema it owns (SIAP: `consultationCategories`). The answer is kept in
   * memory (`tenancy/directory.ts`) until the OPD directory's version moves, so it may read only
   * tables that raise it: a module puts the spine's trigger on each in a migration
   * (`watchForOpdDirectory`, spine migration 0007), and must not depend on the clock.
   */
  opdView?(db: Kysely<Database>, opd: OpdRow): Promise<Record<string, unknown>>;
  /**
   * Its figures on the regency's rollout board, per OPD slug (SIAP: `consultations`), for the
   * OPDs that have it on; the fields are part of `opdOverview` in `src/schemas/opds.ts`.
   */
  overview?(db: Kysely<Database>, window: OverviewWindow): Promise<Map<string, Record<string, unknown>>>;
  /** Its citizens' personal data: found and erased on request, and erased after the retention period. */
  privacy?: PrivacyHooks;
  /** Its background jobs (`jobs/contract.ts`): each runs at most once at a time across all instances. */
  jobs?: readonly JobDefinition[];
  /**
   * Called with each batch of new outbox events, in id order, in the dispatcher's transaction
   * (`jobs/contract.ts`): the module adds its own work rows for them (mails, webhook
   * deliveries) and nothing else, with as few statements as it can (one read and one insert
   * for the batch, not one per event: the dispatcher shares the database with the citizens'
   * writes). It must add the same rows for an event whether it comes alone or in a batch. A
   * throw rolls the batch back; the dispatcher then hands the events over one at a time to
   * find the failing one, which waits for the next run with those after it.
   */
  onEvents?(trx: Transaction<Database>, events: readonly OutboxEvent[]): Promise<void>;
  /**
   * Its open data (`opendata/contract.ts`): datasets published per OPD that has it on, as CSV and
   * JSON, listed in the DCAT catalogue at `/api/v1/datasets`.
   */
  datasets?: readonly OpenDataset[];
  /** Its own problem codes (beyond the spine's). */
  problems?: Readonly<Record<string, ProblemDefinition>>;
  /** Its limits. */
  limits?: { /** The largest body its routes accept, in bytes (default 64 KB). */ bodyBytes?: number };
  /** Its part of the OpenAPI document: a tag for its operations and named component schemas. */
  openapi?: { tag?: { name: string; description: string }; schemas?: Record<string, SchemaSource> };
}

/** Declares a module (the identity function, for types). */
export function defineModule(module: ServerModule): ServerModule {
  return module;
}

/**
 * The Hono path of an endpoint path: `{opd}` → `:opd`; a parameter with a suffix, `{id}.ics`,
 * → `:id{[^/]+\.ics}` (Hono's router has no suffix after a name: the value keeps the `.ics`).
 */
export function honoPath(endpoint: Pick<Endpoint, 'path'>): string {
  return endpoint.path.replace(/\{([A-Za-z][A-Za-z0-9_]*)\}(\.[A-Za-z0-9]+)?/g, (_, name: string, suffix?: string) =>
    suffix ? `:${name}{[^/]+\\${suffix}}` : `:${name}`,
  );
}
