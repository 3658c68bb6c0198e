/**
 * The first run of a production deployment: `npm run admin -- create <email>` on an empty
 * database prints a one-time password; the admin signs in with it, must choose their own
 * first, and then works. Demo accounts never sign in with NODE_ENV=production.
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
import { seedDemo } from '../../server/src/seed.js';
import { loadSettings } from '../../server/src/settings.js';

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
});
