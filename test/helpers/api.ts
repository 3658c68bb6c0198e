/**
 * The HTTP contract suites' kit: {@link describeApi} runs a suite on both stores (PGlite and
 * PostgreSQL) against a real server over real HTTP, on a controlled clock, and ends it with
 * the personal-data sweep (`./personal-data.ts`) over every public response it saw.
 *
 * ```ts
 * describeApi('SIAP', { publicResponses: 20 }, (api) => {
 *   it('tracks a question', async () => {
 *     const response = await api.publicRequest('/api/v1/consultations/SIAP-DEM0-0001');
 *     assert.equal(response.status, 200);
 *   });
 * });
 * ```
 *
 * @module
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod/mini';
import { problem as problemSchema } from '../../src/schemas/index.js';
import type { Settings } from '../../server/src/settings.js';
import { PublicResponses, sweepPersonalData } from './personal-data.js';
import { startTestServer, TEST_ADMIN, type TestServer } from './server.js';

/** Both stores, each suite runs on each. */
export const STORES = ['pglite', 'postgres'] as const;

/**
 * Where every suite's clock starts: Wednesday 5 March 2025, 10:00 in Jakarta (WIB), so a
 * question asked now is due at the end of Monday 10 March (3 working days), whatever today is.
 */
export const SUITE_START = new Date('2025-03-05T03:00:00.000Z');

/** A clock that runs at real speed from a given moment, and can be moved. */
export interface TestClock {
  /** The time now, on this clock. */
  now: () => Date;
  /** Moves the clock by `ms` (negative: back). */
  advance(ms: number): void;
}

/** A clock that starts at `start` and runs at real speed from the moment it is made. */
export function runningClock(start: Date): TestClock {
  const madeAt = performance.now();
  let offsetMs = 0;
  return {
    now: () => new Date(start.getTime() + Math.round(performance.now() - madeAt) + offsetMs),
    advance(ms) {
      offsetMs += ms;
    },
  };
}

/** What a suite's tests get. */
export interface ApiSuite {
  /** The store this run of the suite is on. */
  readonly store: (typeof STORES)[number];
  /** The running server (available inside tests and hooks). */
  readonly server: TestServer;
  /** The server's clock, starting at {@link SUITE_START}. */
  readonly clock: TestClock;
  /** The public responses seen so far; add bodies got without {@link ApiSuite.publicRequest}. */
  readonly seen: PublicResponses;
  /** A request without a token; its response is recorded for the personal-data sweep. */
  publicRequest(path: string, init?: RequestInit): Promise<Response>;
  /** A request signed in as the demo regency admin (`admin@lahat.demo`). */
  staff(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON POST signed in as the demo regency admin. */
  staffPost(path: string, body: unknown): Promise<Response>;
  /** A request signed in as the seeded staff user `email` (e.g. `bpkad@lahat.demo`). */
  as(email: string, path: string, init?: RequestInit): Promise<Response>;
}

/** Options of {@link describeApi}. */
export interface ApiSuiteOptions {
  /** The sweep checks that more public responses than this were seen. */
  publicResponses: number;
  /** Settings to override (default: no `CORS_ORIGINS`, so only the OPDs' own websites are allowed). */
  settings?: Partial<Settings>;
}

/** Declares the suite `name` once per store: a server per run, the tests `define` declares, then the sweep. */
export function describeApi(name: string, options: ApiSuiteOptions, define: (api: ApiSuite) => void): void {
  for (const store of STORES) {
    const suite = `${name} on ${store}`;
    describe(suite, () => {
      const clock = runningClock(SUITE_START);
      const seen = new PublicResponses();
      let running: TestServer | undefined;

      before(async () => {
        // Seeded at SUITE_START itself, so every suite starts from one copied template.
        running = await startTestServer({ store, now: clock.now, seedAt: SUITE_START, settings: { corsOrigins: [], ...options.settings } });
      });
      after(async () => {
        await running?.close();
      });

      const api: ApiSuite = {
        store,
        clock,
        seen,
        get server() {
          assert.ok(running, 'the server is started in before()');
          return running;
        },
        publicRequest: async (path, init = {}) => seen.record(await fetch(`${api.server.url}${path}`, init)),
        staff: (path, init = {}) => api.as(TEST_ADMIN, path, init),
        as: async (email, path, init = {}) =>
          fetch(`${api.server.url}${path}`, {
            ...init,
            headers: { Authorization: `Bearer ${await api.server.tokenFor(email)}`, ...(init.headers ?? {}) },
          }),
        staffPost: (path, body) =>
          api.staff(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
      };

      define(api);

      it('never shows a citizen’s name, e-mail or phone in a public response, not even in errors', async (t) => {
        const checked = await sweepPersonalData(suite, seen, (path) => api.publicRequest(path), options.publicResponses);
        t.diagnostic(`${checked.bodies} public responses checked for ${checked.values} personal values`);
      });
    });
  }
}

/** Asserts `value` matches `schema` and returns it parsed. */
export function assertShape<S extends z.core.$ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, value);
  assert.ok(result.success, `${what} should match its schema: ${result.success ? '' : JSON.stringify(result.error.issues)}`);
  return result.data;
}

/**
 * Asserts `response` is the problem `type` (`/problems/<type>`) with `status`, carrying the
 * request id of its `X-Request-Id` header, and naming `field` in its errors when given.
 */
export async function assertProblem(
  response: Response,
  status: number,
  type: string,
  field?: string,
): Promise<z.output<typeof problemSchema>> {
  assert.equal(response.status, status, `status of ${response.url}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = assertShape(problemSchema, await response.json(), 'problem');
  assert.equal(body.type, `/problems/${type}`);
  assert.equal(body.status, status);
  assert.ok(body.requestId, 'a problem carries the request id');
  assert.equal(body.requestId, response.headers.get('x-request-id'));
  if (field) {
    assert.ok(
      body.errors?.some((e) => e.path === field),
      `errors should name ${field}: ${JSON.stringify(body.errors)}`,
    );
  }
  return body;
}

/** Asserts that a second run of the demo seed added nothing, for every module that seeds (whatever kinds each counts). */
export function assertSeededNothing(report: Record<string, Record<string, number>>, modules: readonly { id: string; seed?: unknown }[]): void {
  assert.deepEqual(Object.keys(report), modules.filter((module) => module.seed).map((module) => module.id), 'every seeding module ran');
  for (const [module, counts] of Object.entries(report)) {
    assert.ok(Object.keys(counts).length > 0, `${module} says what it counts`);
    for (const [kind, n] of Object.entries(counts)) assert.equal(n, 0, `${module} added no ${kind} the second time`);
  }
}
