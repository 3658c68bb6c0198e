/**
 * What every handler can reach: the app's dependencies and per-request values.
 *
 * @module
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor.js';
import type { Database, OpdRow } from '../db/schema.js';
import type { Logger } from '../log.js';
import type { Settings } from '../settings.js';
import type { OpdDirectory } from '../tenancy/directory.js';
import type { ServerModule } from './module.js';
import type { ProblemRegistry } from './problem.js';

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
  /** Every problem code the app answers with, the spine's and its modules'. */
  problems: ProblemRegistry;
  /** The modules the app serves, in registry order. */
  modules: readonly ServerModule[];
  /** The OPDs as this instance knows them between requests, and their prepared public answers. */
  directory: OpdDirectory;
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
    /** The OPDs this request loaded, by slug (`null`: there is none), so each is read once. */
    opds?: Map<string, OpdRow | null>;
    /** The checked path values of the route (see `Endpoint.params`). */
    routeParams: Record<string, unknown>;
    /** The OPD of an `/opds/{opd}/…` route, once loaded. */
    opd: OpdRow;
    /** The signed-in staff user of a non-public route. */
    actor: Actor;
  };
}
