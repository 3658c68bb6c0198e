/**
 * The role matrix: every staff endpoint of every module the server mounts × every role ×
 * own / other OPD, read off the registry, so a module is covered the day it lands. Each call
 * carries a body and path values that fail validation, so an allowed call stops at 404/422
 * (after authorization) and changes nothing; a refused one must be 403 `forbidden`, an
 * unsigned one 401, and none may be a 5xx.
 */
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { pathParameterNames, type Access, type StaffRole } from '../../src/schemas/index.js';
import { issueToken } from '../../server/src/auth/tokens.js';
import { addUser } from '../../server/src/auth/users.js';
import type { Database } from '../../server/src/db/schema.js';
import { serverModules } from '../../server/src/modules/index.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const OWN_OPD = 'bpkad';
const OTHER_OPD = 'dinas-pupr';

/** Who calls: a role and, for OPD roles, their OPD. */
interface Caller {
  label: string;
  email: string;
  role: StaffRole;
  opd: string | null;
}

const CALLERS: Caller[] = [
  { label: 'regency admin', email: 'admin@lahat.demo', role: 'regency_admin', opd: null },
  { label: 'BPKAD admin', email: 'admin.bpkad@matrix.test', role: 'opd_admin', opd: OWN_OPD },
  { label: 'BPKAD staff', email: 'bpkad@lahat.demo', role: 'opd_staff', opd: OWN_OPD },
];

/** What the issue asks, written out apart from the server's code: may `caller` call `access` about `opd`? */
function mayCall(caller: Caller, access: Access, opd: string | undefined): boolean {
  if (caller.role === 'regency_admin') return true;
  switch (access) {
    case 'public':
      return true;
    case 'staff':
      return opd === undefined || opd === caller.opd;
    case 'opd-admin':
      return caller.role === 'opd_admin' && opd === caller.opd;
    case 'regency-admin':
      return false;
  }
}

const staffRoutes = serverModules.flatMap((module) =>
  (module.routes ?? []).filter((route) => route.endpoint.access !== 'public').map((route) => ({ module: module.id, endpoint: route.endpoint })),
);

describe('the role matrix over every staff endpoint', () => {
  let server: TestServer;
  const userIds = new Map<string, string>();

  before(async () => {
    server = await startTestServer({ store: 'pglite' });
    // Both OPDs run every module, so a call about either is decided by its role, not stopped
    // earlier by a module the demo OPD happens to have off (404 module-disabled).
    const everyModule = serverModules.filter((module) => module.perOpd !== false).map((module) => module.id);
    await server.db.updateTable('opds').set({ modules: JSON.stringify(everyModule) }).where('slug', 'in', [OWN_OPD, OTHER_OPD]).execute();
    await addUser(
      server.db as unknown as Kysely<Database>,
      { email: 'admin.bpkad@matrix.test', name: 'Admin BPKAD', role: 'opd_admin', opd: OWN_OPD, password: 'not-used-here', mustChangePassword: false },
      new Date(),
    );
    for (const caller of CALLERS) {
      const row = await server.db.selectFrom('staff_users').select('id').where('email', '=', caller.email).executeTakeFirstOrThrow();
      userIds.set(caller.email, row.id);
    }
  });
  after(() => server?.close());

  /** Calls an endpoint with values that cannot pass its validation. */
  async function call(endpoint: (typeof staffRoutes)[number]['endpoint'], opd: string | undefined, token?: string): Promise<Response> {
    const path = endpoint.path.replace(/\{([A-Za-z]\w*)\}/g, (_: string, name: string) => (name === 'opd' ? (opd as string) : 'zz~role~matrix'));
    const headers: Record<string, string> = {};
    if (token) headers.Authorization = `Bearer ${token}`;
    if (endpoint.body) headers['Content-Type'] = 'application/json';
    return fetch(`${server.url}${path}`, {
      method: endpoint.method,
      headers,
      body: endpoint.body ? JSON.stringify({ roleMatrix: [] }) : undefined,
    });
  }

  it('covers the staff endpoints of every module', () => {
    assert.ok(staffRoutes.length >= 10, `${staffRoutes.length} staff endpoints`);
    const modules = new Set(staffRoutes.map((route) => route.module));
    for (const id of ['accounts', 'calendar', 'siap', 'perjaka']) assert.ok(modules.has(id), id);
  });

  it('refuses every staff endpoint without a sign-in (401)', async () => {
    for (const { endpoint } of staffRoutes) {
      const scoped = pathParameterNames(endpoint.path).includes('opd');
      const response = await call(endpoint, scoped ? OWN_OPD : undefined);
      assert.equal(response.status, 401, `${endpoint.method} ${endpoint.path} without a sign-in`);
    }
  });

  it('lets each role through exactly where its access allows, and refuses the rest with 403', async (t) => {
    const lines: string[] = [];
    let allowed = 0;
    let refused = 0;
    for (const { endpoint } of staffRoutes) {
      const scoped = pathParameterNames(endpoint.path).includes('opd');
      const cases: (string | undefined)[] = scoped ? [OWN_OPD, OTHER_OPD] : [undefined];
      const cells: string[] = [];
      for (const caller of CALLERS) {
        for (const opd of cases) {
          const { token } = await issueToken(server.db as unknown as Kysely<Database>, userIds.get(caller.email)!, 'bearer', new Date());
          const response = await call(endpoint, opd, token);
          const where = `${caller.label} → ${endpoint.method} ${endpoint.path}${opd ? ` (${opd === OWN_OPD ? 'own' : 'other'} OPD)` : ''}`;
          assert.ok(response.status < 500, `${where} answered ${response.status}`);
          if (mayCall(caller, endpoint.access, opd)) {
            assert.ok(![401, 403].includes(response.status), `${where} should be let through, got ${response.status}: ${await response.text()}`);
            allowed++;
          } else {
            assert.equal(response.status, 403, `${where} should be refused`);
            const body = (await response.json()) as { type: string; detail: string };
            assert.equal(body.type, '/problems/forbidden');
            assert.match(body.detail, /may do this/);
            refused++;
          }
          cells.push(`${caller.label}${opd ? `/${opd === OWN_OPD ? 'own' : 'other'}` : ''}=${response.status}`);
        }
      }
      lines.push(`${endpoint.access.padEnd(13)} ${endpoint.method.padEnd(6)} ${endpoint.path}: ${cells.join(' ')}`);
    }
    for (const line of lines) t.diagnostic(line);
    t.diagnostic(`${staffRoutes.length} endpoints, ${allowed} calls let through, ${refused} refused`);
  });
});
