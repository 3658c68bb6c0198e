/**
 * The fuzzer's side of the wire: staff callers signed in on a test server, values read off
 * the server's own lists, requests sent over a kept-alive HTTP connection as any client
 * would, and the properties every answer must have.
 *
 * @module
 */
import http from 'node:http';
import type { Kysely } from 'kysely';
import { issueToken } from '../../../server/src/auth/tokens.js';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { serverModules } from '../../../server/src/modules/index.js';
import type { TestServer } from '../../helpers/server.js';
import { operationsOf, type FuzzRequest, type KnownValues, type OpenApiDocument } from './requests.js';

/** The OPDs whose demo data the modules seed; each gets its own officer and the first an OPD admin. */
export const FUZZ_OPDS = ['bpkad', 'dinas-pupr', 'bappeda', 'sekretariat-dprd', 'dpmptsp', 'disdukcapil', 'rsud', 'dinas-kesehatan', 'diskominfo'];

/** An answer as received. */
export interface Answer {
  status: number;
  contentType: string;
  text: string;
}

/** The staff the fuzzer signs in as: accounts of its own, so no generated request disables them. */
export interface Callers {
  /** `Authorization` for a generated request (a fresh token for `logout`, which revokes it). */
  authorization(request: FuzzRequest): Promise<string | undefined>;
  /** The fuzzer's own users' ids, kept out of the values requests pick. */
  ids: Set<string>;
  /** Signs every caller in again (after an answer said a token no longer works). */
  renew(): Promise<void>;
}

/** Adds the fuzzer's regency admin, an officer per {@link FUZZ_OPDS} and an OPD admin of the first. */
export async function addCallers(server: TestServer): Promise<Callers> {
  const db = server.db as unknown as Kysely<Database>;
  const now = new Date();
  const make = async (email: string, role: 'regency_admin' | 'opd_admin' | 'opd_staff', opd: string | null) =>
    (await addUser(db, { email, name: `Fuzz ${role}`, role, opd, password: 'fuzz-password-not-used', mustChangePassword: false }, now)).id;
  // Hashing each password (scrypt) is the slow part: all at once, on libuv's threads.
  const [admin, opdAdmin, ...officerIds] = await Promise.all([
    make('fuzz.admin@fuzz.test', 'regency_admin', null),
    make(`fuzz.admin.${FUZZ_OPDS[0]}@fuzz.test`, 'opd_admin', FUZZ_OPDS[0] as string),
    ...FUZZ_OPDS.map((opd) => make(`fuzz.${opd}@fuzz.test`, 'opd_staff', opd)),
  ]);
  const officers = new Map(FUZZ_OPDS.map((opd, index) => [opd, officerIds[index] as string]));
  const tokens = new Map<string, string>();
  const renew = async () => {
    for (const id of [admin, opdAdmin, ...officers.values()]) tokens.set(id, (await issueToken(db, id, 'bearer', new Date())).token);
  };
  await renew();
  if (!admin || !opdAdmin) throw new Error('The fuzzer could not add its staff users');
  const officerFor = (request: FuzzRequest, own: boolean): string => {
    const ownOfficer = request.opd === undefined ? undefined : officers.get(request.opd);
    if (own && ownOfficer) return request.opd === FUZZ_OPDS[0] && request.garbage.length % 2 === 0 ? opdAdmin : ownOfficer;
    const others = [...officers.entries()].filter(([opd]) => opd !== request.opd);
    return (others[request.garbage.length % others.length] as [string, string])[1];
  };
  return {
    ids: new Set([admin, opdAdmin, ...officers.values()]),
    renew,
    async authorization(request) {
      if (request.caller === 'none') return undefined;
      if (request.caller === 'garbage') return request.garbage;
      const id = request.caller === 'admin' ? admin : officerFor(request, request.caller === 'officer');
      const token = request.operation === 'logout' ? (await issueToken(db, id, 'bearer', new Date())).token : tokens.get(id);
      return `Bearer ${token}`;
    },
  };
}

/** Every OPD of {@link FUZZ_OPDS} runs every module, so module routes are reached, not stopped at `module-disabled`. */
export async function enableEveryModule(server: TestServer): Promise<void> {
  const everyModule = serverModules.filter((module) => module.perOpd !== false).map((module) => module.id);
  await server.db.updateTable('opds').set({ modules: JSON.stringify(everyModule) }).where('slug', 'in', FUZZ_OPDS).execute();
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** Sends `request` as it is (path, headers and body bytes untouched); rejects after 15 s. */
export function send(base: string, request: FuzzRequest, authorization: string | undefined): Promise<Answer> {
  const url = new URL(base);
  const headers: Record<string, string> = { ...request.headers };
  if (authorization !== undefined) headers.Authorization = authorization;
  const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body) : Buffer.from(request.body);
  if (body) headers['Content-Length'] = String(body.length);
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: url.hostname, port: url.port, method: request.method, path: request.target, headers, agent, timeout: 15_000 }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, contentType: String(incoming.headers['content-type'] ?? ''), text: Buffer.concat(chunks).toString('utf8') }),
      );
      incoming.on('error', reject);
    });
    outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer in 15 s to ${request.method} ${request.target.slice(0, 200)}`)));
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** Closes the kept-alive connections. */
export function closeConnections(): void {
  agent.destroy();
}

/** Keys of list answers whose values are worth trying as path values, by the path parameter they fill. */
const ALIASES: Record<string, string[]> = {
  userId: ['id'],
  templateId: ['id'],
  service: ['slug', 'service'],
  body: ['body', 'slug'],
  indicator: ['indicator', 'code', 'key'],
  file: ['file'],
};

/**
 * Reads every list the document describes (its GET operations with no path value but
 * `{opd}`) for each OPD, as the regency admin, and keeps the values found under each key
 * (ids, tracking codes, slugs, segment numbers, the files of media links) for the requests'
 * path and query values, so the fuzzer reaches real rows, not only 404s.
 */
export async function harvest(base: string, doc: OpenApiDocument, callers: Callers, admin: FuzzRequest): Promise<KnownValues> {
  const found = new Map<string, Set<string>>();
  const keep = (key: string, value: string) => {
    const set = found.get(key) ?? new Set<string>();
    if (set.size < 40 && value.length > 0 && value.length < 200) set.add(value);
    found.set(key, set);
  };
  const walk = (node: unknown, key: string) => {
    if (typeof node === 'string' || typeof node === 'number') {
      keep(key, String(node));
      if (typeof node === 'string' && /^(https?:\/\/[^/]+)?\/media\//.test(node)) keep('file', node.split('/').pop() ?? '');
    } else if (Array.isArray(node)) node.slice(0, 20).forEach((item) => walk(item, key));
    else if (node !== null && typeof node === 'object') for (const [name, item] of Object.entries(node)) walk(item, name);
  };
  const lists = operationsOf(doc).filter((op) => op.method === 'GET' && op.parameters.every((p) => p.in !== 'path' || p.name === 'opd'));
  const targets = lists.flatMap((op) => (op.path.includes('{opd}') ? FUZZ_OPDS.map((opd) => op.path.replace('{opd}', opd)) : [op.path]));
  await inParallel(targets, 4, async (target) => {
    const request = { ...admin, method: 'GET', target };
    const answer = await send(base, request, await callers.authorization(request));
    if (answer.status === 200 && answer.contentType.includes('json')) walk(JSON.parse(answer.text), '');
  });
  const ownIds = callers.ids;
  return (parameter) => {
    if (parameter === 'opd') return FUZZ_OPDS;
    const keys = [parameter, ...(ALIASES[parameter] ?? [])];
    return [...new Set(keys.flatMap((key) => [...(found.get(key) ?? [])]))].filter((value) => !ownIds.has(value));
  };
}

/** Runs `work` on every item, `width` at a time. */
export async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/** The codes of the `type`s problem documents carry: `/problems/<code>`. */
const PROBLEM_TYPE = /^\/problems\/([a-z][a-z0-9-]*)$/;

/**
 * What is wrong with `answer` to `request`, or undefined: a 5xx; a 4xx that is not a problem
 * document with `type`, `title` and its `status`; a validation problem (400/422) that names no
 * field; a malformed JSON body answered with success.
 */
export function fault(request: FuzzRequest, answer: Answer): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) {
    if (request.bodyKind === 'malformed' && answer.status < 300 && request.headers['Content-Type'] === 'application/json') {
      return `accepted a body that is not JSON with ${answer.status}`;
    }
    return undefined;
  }
  if (!answer.contentType.startsWith('application/problem+json')) return `answered ${answer.status} as ${answer.contentType || 'no content type'}, not application/problem+json`;
  let problem: { type?: unknown; title?: unknown; status?: unknown; errors?: unknown };
  try {
    problem = JSON.parse(answer.text) as typeof problem;
  } catch {
    return `answered ${answer.status} with a problem that is not JSON: ${answer.text.slice(0, 200)}`;
  }
  const code = typeof problem.type === 'string' ? PROBLEM_TYPE.exec(problem.type)?.[1] : undefined;
  if (!code) return `a problem without a /problems/<code> type: ${answer.text.slice(0, 200)}`;
  if (typeof problem.title !== 'string' || problem.title === '') return `a problem without a title: ${answer.text.slice(0, 200)}`;
  if (problem.status !== answer.status) return `a problem whose status ${String(problem.status)} is not the answer's ${answer.status}`;
  if (code === 'validation' && (answer.status === 400 || answer.status === 422)) {
    const errors = problem.errors;
    if (!Array.isArray(errors) || errors.length === 0) return `a validation problem that names no field: ${answer.text.slice(0, 300)}`;
    for (const error of errors as { path?: unknown; message?: unknown }[]) {
      if (typeof error.path !== 'string' || typeof error.message !== 'string' || error.message === '') return `a field error without a path and a message: ${JSON.stringify(error)}`;
    }
  }
  return undefined;
}

/** A validation problem's field errors whose path is empty though the body was an object (the field is not named). */
export function unnamedFields(answer: Answer, request: FuzzRequest): string[] {
  if (answer.status !== 400 && answer.status !== 422) return [];
  if (!answer.contentType.startsWith('application/problem+json')) return [];
  const problem = JSON.parse(answer.text) as { type?: string; errors?: { path: string; message: string }[] };
  if (problem.type !== '/problems/validation') return [];
  const bodyIsObject = typeof request.body === 'string' && request.body.startsWith('{') && request.bodyKind !== 'malformed';
  if (!bodyIsObject) return [];
  return (problem.errors ?? []).filter((error) => error.path === '').map((error) => error.message);
}
