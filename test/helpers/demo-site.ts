/**
 * The demo OPD site as `npm start` serves it, for end-to-end tests: the real server process
 * (`server/src/main.ts`) on a free port with a fresh PGlite folder and the demo seed, and what
 * a citizen does on its page. The folder starts as a copy of the migrated template
 * (`./templates.ts`: PGlite's initdb and the migrations done once per run), so the server finds
 * its migrations applied and seeds the demo data itself, at its own start.
 *
 * @module
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { freePort } from './local.js';
import { signIn } from './server.js';


/** The made-up citizen who asks; nothing of this may reach a public response. */
export const CITIZEN = {
  name: 'Dewi Lestari',
  email: 'dewi.lestari@contoh.id',
  phone: '0821 5555 0199',
};

/** A running demo server. */
export interface DemoServer {
  /** e.g. `http://127.0.0.1:41234`. */
  baseUrl: string;
  /** Stops it (SIGTERM) and removes its data. */
  close(): Promise<void>;
}

/** Starts `server/src/main.ts` with the demo site and seed, and waits until it is healthy. */
export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'opd-kit-e2e-'));
  if (!env.DATA_DIR && !env.DATABASE_URL) {
    // Loaded only here: the server's modules are not needed by the e2e files otherwise.
    const { copyPGliteTemplate, templatesEnabled } = await import('./templates.js');
    if (templatesEnabled()) await copyPGliteTemplate(dataDir);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      SEED: 'demo',
      SERVE_DEMO: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    await close();
    throw error;
  }
  return { baseUrl, close };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not become healthy within 120 s');
}

/** Waits until the form has loaded the OPD's categories. */
export async function formReady(page: Page): Promise<void> {
  await page.getByLabel('Kategori', { exact: true }).locator('option', { hasText: 'Aset daerah' }).waitFor({ state: 'attached' });
}

/** Opens the demo page in `context`; fails if the page throws while loading. */
export async function openDemo(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(baseUrl + '/');
  await formReady(page);
  assert.deepEqual(errors, [], 'the page throws nothing');
  return page;
}

/** Fills the question form as {@link CITIZEN}, with `subject`. */
export async function fillQuestion(page: Page, subject: string, email = CITIZEN.email): Promise<void> {
  await page.getByLabel('Nama', { exact: true }).fill(CITIZEN.name);
  await page.getByLabel('Alamat e-mail', { exact: true }).fill(email);
  await page.getByLabel('Nomor HP', { exact: true }).fill(CITIZEN.phone);
  await page.getByLabel('Kategori', { exact: true }).selectOption({ label: 'Aset daerah' });
  await page.getByLabel('Perihal', { exact: true }).fill(subject);
  await page.getByLabel('Pertanyaan', { exact: true }).fill('Bagaimana prosedur penghapusan barang milik daerah yang rusak berat?');
  await page.getByLabel(/Saya setuju/).check();
}

/** How many questions with exactly this subject BPKAD holds (asked through the staff list). */
export async function storedWithSubject(baseUrl: string, subject: string): Promise<number> {
  const { token } = await signIn(baseUrl, 'bpkad@lahat.demo');
  const response = await fetch(`${baseUrl}/api/v1/opds/bpkad/consultations?q=${encodeURIComponent(subject)}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  assert.equal(response.status, 200);
  const page = (await response.json()) as { data: { subject: string }[] };
  return page.data.filter((c) => c.subject === subject).length;
}
