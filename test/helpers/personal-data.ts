/**
 * The personal-data sweep: no public (no-token) response may show a citizen's name, e-mail
 * or phone, not even an error. Each module's test fixtures register, with one call, the
 * personal values their requests send and the public pages of their demo records; every API
 * suite (`describeApi` in `./api.ts`) records each public response it gets and ends with one
 * sweep over all of them, against the values of every module registered in that test file.
 *
 * ```ts
 * registerPersonalData({
 *   module: 'perjaka',
 *   values: [reporter.name, reporter.phone, ...DEMO_REPORTS.map((r) => r.phone)],
 *   publicPaths: DEMO_REPORTS.map((r) => `/api/v1/damage-reports/${r.trackingCode}`),
 * });
 * ```
 *
 * The registry lives in the test process: a suite checks the modules its file imported
 * the fixtures of, which are the modules whose personal data its requests can carry.
 *
 * @module
 */
import assert from 'node:assert/strict';

/** What a module registers. */
export interface PersonalData {
  /** The module, e.g. `siap`. */
  module: string;
  /** Values no public response may contain: names, e-mail addresses, phone numbers (as sent and as stored). */
  values: readonly string[];
  /** Public paths to look at before the sweep, e.g. the demo records' public pages. */
  publicPaths?: readonly string[];
}

const registry = new Map<string, PersonalData>();

/** Registers a module's personal data for every sweep in this test file; registering a module again replaces it. */
export function registerPersonalData(entry: PersonalData): void {
  const blank = entry.values.filter((value) => value.trim().length < 3);
  if (blank.length > 0) throw new Error(`${entry.module}: personal values must be at least 3 characters, got ${JSON.stringify(blank)}`);
  registry.set(entry.module, entry);
}

/** Every module registered so far, in registration order. */
export function registeredPersonalData(): readonly PersonalData[] {
  return [...registry.values()];
}

/** The public responses one suite saw, each with what it answered. */
export class PublicResponses {
  readonly #seen: Array<{ what: string; body: string }> = [];

  /** How many were recorded. */
  get count(): number {
    return this.#seen.length;
  }

  /** Records a body got another way (e.g. `app.request()`), named by what answered it. */
  add(what: string, body: string): void {
    this.#seen.push({ what, body });
  }

  /** Records a response's body (read from a clone) and hands the response back unread. */
  async record(response: Response, what = response.url): Promise<Response> {
    this.add(what, await response.clone().text());
    return response;
  }

  /** Every recorded body. */
  [Symbol.iterator](): Iterator<{ what: string; body: string }> {
    return this.#seen[Symbol.iterator]();
  }
}

/**
 * The sweep of one suite (named in its messages): checks that more than `atLeast` public
 * responses were seen, requests every registered module's `publicPaths` with `request`
 * (which must record into `seen`), then asserts no recorded body holds any registered
 * module's personal value. Returns how many bodies it checked against how many values.
 */
export async function sweepPersonalData(
  suite: string,
  seen: PublicResponses,
  request: (path: string) => Promise<Response>,
  atLeast: number,
): Promise<{ bodies: number; values: number }> {
  const modules = registeredPersonalData();
  assert.ok(modules.length > 0, `${suite}: no module registered its personal data, the sweep would check nothing`);
  assert.ok(seen.count > atLeast, `${suite}: checked ${seen.count} public responses, expected more than ${atLeast}`);
  for (const module of modules) {
    for (const path of module.publicPaths ?? []) await request(path);
  }
  for (const { what, body } of seen) {
    for (const module of modules) {
      for (const value of module.values) {
        assert.ok(!body.includes(value), `${suite}: a public response (${what}) contains ${module.module}'s personal value ${value}`);
      }
    }
  }
  return { bodies: seen.count, values: modules.reduce((n, module) => n + module.values.length, 0) };
}
