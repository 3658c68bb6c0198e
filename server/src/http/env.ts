/**
 * What every handler can reach: the app's dependencies and per-request values.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { Database, OpdRow } from '../db/schema.js';
import type { Logger } from '../log.js';
import type { Settings } from '../settings.js';

/** The dependencies of one app instance; nothing global. */
export interface AppDeps {
  /** The shared database. */
  db: Kysely<Database>;
  /** Checked settings. */
  settings: Settings;
  /** The clock: every timestamp the app writes or compares comes from here. */
  now: () => Date;
  /** Where the app logs (ids and codes only, never personal data). */
  log: Logger;
}

/** Hono environment of the app. */
export interface AppEnv {
  Variables: {
    /** The app's dependencies. */
    deps: AppDeps;
    /** This request's id, echoed as `X-Request-Id`. */
    requestId: string;
    /** The client address, for rate limits (the socket's, or `X-Forwarded-For` with TRUST_PROXY). */
    clientIp: string;
    /** The OPD of an `/opds/{opd}/…` route, once loaded. */
    opd: OpdRow;
    /** Who is acting on a staff route (the audit log's `actor`). */
    actor: string;
  };
}
