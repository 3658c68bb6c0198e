/**
 * The first run of a production deployment: `npm run admin -- create <email>` on an empty
 * database prints a one-time password; the admin signs in with it, must choose their own
 * first, and then works. Demo accounts never sign in with NODE_ENV=production. Perjaka's
 * Open311 keys are issued, listed and revoked from the command line too.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createApp } from '../../server/src/app.js';
import { openDatabase } from '../../server/src/db/open.js';
import { serverModules } from '../../server/src/modules/index.js';
import { DEMO_ROADS_OPD } from '../../server/src/modules/roads/seed.js';
import { seedDemo } from '../../server/src/seed.js';
import { loadSettings } from '../../server/src/settings.js';
import { copyPGliteTemplate } from '../helpers/templates.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folders: string[] = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

function admin(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/admin-cli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: 'production', DATA_DIR: dataDir, DATABASE_URL: '', STAFF_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const json = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

describe('the first regency admin of a fresh database', () => {
  it('is created from the command line with a one-time password that must be changed at first sign-in', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-admin-'));
    folders.push(dataDir);
    const created = await admin(dataDir, ['create', 'Admin@LahatKab.go.id', '--name', 'Admin Diskominfo']);
    assert.equal(created.code, 0, created.stderr);
    const password = /One-time password \(shown once\): (\S+)/.exec(created.stdout)?.[1];
    assert.ok(password, created.stdout);
    const again = await admin(dataDir, ['create', 'admin@lahatkab.go.id']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already has an account; use reset-password/);
    assert.match((await admin(dataDir, ['list'])).stdout, /admin@lahatkab\.go\.id\tregency_admin\t\(every OPD\)\tAdmin Diskominfo/);

    const settings = { ...loadSettings({ NODE_ENV: 'production', DATA_DIR: dataDir }), logLevel: 'silent' as const };
    const opened = await openDatabase(settings, { modules: serverModules });
    try {
      const app = createApp({ db: opened.db, settings });
      const signedIn = await app.request('/api/v1/auth/login', json({ email: 'admin@lahatkab.go.id', password }));
      assert.equal(signedIn.status, 200);
      const { token, user } = (await signedIn.json()) as { token: string; user: { mustChangePassword: boolean; role: string } };
      assert.deepEqual([user.role, user.mustChangePassword], ['regency_admin', true]);
      const blocked = await app.request('/api/v1/holidays?year=2026', { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(blocked.status, 403);
      assert.equal(((await blocked.json()) as { type: string }).type, '/problems/password-change-required');
      const changed = await app.request('/api/v1/auth/password', json({ currentPassword: password, newPassword: 'a-long-own-password' }, token));
      assert.equal(changed.status, 204);
      const works = await app.request('/api/v1/holidays?year=2026', { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(works.status, 200);
    } finally {
      await opened.close();
    }
  });

  it('refuses the demo accounts when NODE_ENV=production, even if the demo data was seeded', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-admin-'));
    folders.push(dataDir);
    // A migrated database (the first test makes one from nothing through the command line).
    await copyPGliteTemplate(dataDir);
    const settings = { ...loadSettings({ NODE_ENV: 'production', DATA_DIR: dataDir }), logLevel: 'silent' as const };
    const opened = await openDatabase(settings, { modules: serverModules });
    try {
      await seedDemo(opened.db, serverModules);
      const app = createApp({ db: opened.db, settings });
      const refused = await app.request('/api/v1/auth/login', json({ email: 'admin@lahat.demo', password: 'demo-password' }));
      assert.equal(refused.status, 401);
      assert.match(((await refused.json()) as { detail: string }).detail, /Demo accounts cannot sign in when NODE_ENV=production/);
    } finally {
      await opened.close();
    }
  });

  it('issues, lists and revokes Perjaka’s Open311 keys: the key printed once files a request, revoked it is refused', { timeout: 180_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-admin-'));
    folders.push(dataDir);
    await copyPGliteTemplate(dataDir);
    const settings = { ...loadSettings({ NODE_ENV: 'production', DATA_DIR: dataDir }), logLevel: 'silent' as const };
    const withApp = async (run: (app: ReturnType<typeof createApp>, db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) => {
      const opened = await openDatabase(settings, { modules: serverModules });
      try {
        await run(createApp({ db: opened.db, settings }), opened.db);
      } finally {
        await opened.close();
      }
    };
    await withApp(async (_app, db) => void (await seedDemo(db, serverModules)));
    const report = (key: string) => ({
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ jurisdiction_id: DEMO_ROADS_OPD, api_key: key, service_code: 'drainase-tersumbat', address_string: 'Pasar Lahat', 'attribute[genangan]': 'ya' }).toString(),
    });

    const issued = await admin(dataDir, ['open311-key', 'issue', DEMO_ROADS_OPD, '--role', 'app', '--name', 'Aplikasi Lapor Lahat']);
    assert.equal(issued.code, 0, issued.stderr);
    const [, id, key] = /Issued Open311 key ([a-z0-9]+) \(app\) for Aplikasi Lapor Lahat[\s\S]*api_key \(shown once\): (o311_\S+)/.exec(issued.stdout) ?? [];
    assert.ok(id && key, issued.stdout);
    const wrongRole = await admin(dataDir, ['open311-key', 'issue', DEMO_ROADS_OPD, '--role', 'lurah', '--name', 'X']);
    assert.equal(wrongRole.code, 1);
    assert.match(wrongRole.stderr, /--role: use one of app, camat, kepala_desa, kontraktor, pengawas, petugas/);
    const noName = await admin(dataDir, ['open311-key', 'issue', DEMO_ROADS_OPD, '--role', 'camat']);
    assert.equal(noName.code, 1);
    assert.match(noName.stderr, /--name: Name who holds the key/);
    const elsewhere = await admin(dataDir, ['open311-key', 'list', 'bpkad']);
    assert.equal(elsewhere.code, 1);
    assert.match(elsewhere.stderr, /does not have Perjaka/);

    const listed = await admin(dataDir, ['open311-key', 'list', DEMO_ROADS_OPD]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(`^${id}\tapp\tAplikasi Lapor Lahat\tissued \\d{4}-\\d\\d-\\d\\d\tlast used -$`, 'm'));
    assert.ok(!listed.stdout.includes(key), 'the key itself is never listed');
    await withApp(async (app, db) => {
      const filed = await app.request('/open311/v2/requests.json', report(key));
      assert.equal(filed.status, 201, await filed.clone().text());
      const entry = await db.selectFrom('audit_log').select(['action', 'actor']).where('action', '=', 'open311-key.issue').executeTakeFirst();
      assert.match(entry?.actor ?? '', /admin-cli/, 'the issue is in the audit log, by the command line');
    });

    const revoked = await admin(dataDir, ['open311-key', 'revoke', DEMO_ROADS_OPD, id]);
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, /Revoked Open311 key/);
    const twice = await admin(dataDir, ['open311-key', 'revoke', DEMO_ROADS_OPD, id]);
    assert.equal(twice.code, 1);
    assert.match(twice.stderr, /already revoked/);
    assert.match((await admin(dataDir, ['open311-key', 'list', DEMO_ROADS_OPD])).stdout, new RegExp(`^${id}\tapp\t.*\tlast used \\d{4}-\\d\\d-\\d\\d\trevoked \\d{4}`, 'm'));
    await withApp(async (app) => {
      const refused = await app.request('/open311/v2/requests.json', report(key));
      assert.equal(refused.status, 403);
    });
  });
});
