/**
 * Migrated (and seeded) databases made once and copied, so that a test server starts from a
 * copy instead of running PGlite's initdb, every migration and the demo seed again. On a
 * loaded 2-core machine a fresh PGlite folder costs ~40 s (initdb ~30 s, migrations, seed ~10 s)
 * and a copy of one ~6 s; on PostgreSQL migrations and seed cost ~10 s and
 * `CREATE DATABASE … TEMPLATE` well under one.
 *
 * A template is one of:
 * - **migrated**: every migration of the spine and of the registry's modules, no data;
 * - **seeded at an instant**: the same, with the demo seed made at that instant (the seed's
 *   rows depend on it: a question asked "two days ago"), in a time zone.
 *
 * Its name holds a hash of everything that decides its content (`templateInputs`): every
 * migration and seed with everything they import, the module definitions and the registry's
 * order, how the store is opened, the lock file (the PGlite and node-postgres versions), the
 * instant and the time zone. Change a migration or a seed, or anything they use, and the next
 * start makes a new template; a change to a route does not. A server never opens a template,
 * only its own copy, so no state passes from one test file to another.
 *
 * PGlite templates are folders under `OPD_TEST_TEMPLATES` (default
 * `<tmpdir>/opd-kit-test-templates-<user>`), made under a unique name and renamed into place
 * (two starters making one at once both succeed; one rename wins). PostgreSQL templates are
 * databases `opdkit_tpl_<hash>` on the test server, made under an advisory lock. Templates
 * unused for an hour are removed when a new one is made. `OPD_TEST_TEMPLATES=off` turns them off.
 *
 * @module
 */
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../../server/src/db/open.js';
import { serverModules } from '../../server/src/modules/index.js';
import { seedDemo } from '../../server/src/seed.js';
import type { IndonesianTimeZone } from '../../src/schemas/index.js';
import { adminUrl, createFrom } from './postgres.js';

/** What a template holds beyond the migrations: the demo seed made at `at` in `timeZone`. */
export interface TemplateSeed {
  at: Date;
  timeZone: IndonesianTimeZone;
}

/** Templates unused this long are removed when a new one is made (each use marks it used). */
const STALE_MS = 60 * 60 * 1000;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** False when `OPD_TEST_TEMPLATES=off`: every server migrates and seeds its own database. */
export function templatesEnabled(): boolean {
  return process.env.OPD_TEST_TEMPLATES !== 'off';
}

/** Where PGlite templates live. */
function templatesDir(): string {
  const set = process.env.OPD_TEST_TEMPLATES;
  return set && set !== 'on' ? set : join(tmpdir(), `opd-kit-test-templates-${userInfo().username}`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/**
 * The files that decide what a template holds: every migration and every seed with all they
 * import (followed by esbuild, as a bundle would), the module definitions that list them and
 * the registry's order (hashed as they are, not followed: they import every route), how the
 * store is opened, and the lock file (PGlite's and node-postgres' versions). A change to a
 * route or a widget leaves the templates as they are.
 */
async function templateInputs(): Promise<string[]> {
  const serverFiles = await filesUnder(join(REPO_ROOT, 'server/src'));
  const entries = serverFiles.filter((file) => /\.ts$/.test(file) && (/\/migrations?\//.test(file) || /seed[^/]*\.ts$/.test(file)));
  entries.push(join(REPO_ROOT, 'server/src/db/open.ts'), join(REPO_ROOT, 'server/src/db/migrate.ts'));
  const { build } = await import('esbuild');
  const bundled = await build({
    entryPoints: entries,
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    metafile: true,
    outdir: 'templates-hash',
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const followed = Object.keys(bundled.metafile.inputs).map((input) => join(REPO_ROOT, input));
  const listed: string[] = [];
  for (const file of serverFiles) {
    if (!/\.(ts|mjs)$/.test(file)) continue;
    if (file.endsWith('.mjs') || (await readFile(file, 'utf8')).includes('defineModule(')) listed.push(file);
  }
  return [...new Set([...followed, ...listed, join(REPO_ROOT, 'server/src/modules/index.ts'), join(REPO_ROOT, 'package-lock.json')])].sort();
}

let sourceHash: Promise<string> | undefined;

/** A hash of the sources that decide a template's content (computed once per process). */
export function templateSourceHash(): Promise<string> {
  sourceHash ??= (async () => {
    const hash = createHash('sha256');
    for (const file of await templateInputs()) {
      hash.update(relative(REPO_ROOT, file));
      hash.update('\0');
      hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
      hash.update('\0');
    }
    return hash.digest('hex');
  })();
  return sourceHash;
}

/** The template's name: the source hash, and the seed's instant and zone when seeded. */
async function templateName(seed: TemplateSeed | undefined): Promise<string> {
  const what = seed ? `seed ${seed.at.toISOString()} ${seed.timeZone}` : 'migrated';
  return createHash('sha256')
    .update(`${await templateSourceHash()}\n${what}`)
    .digest('hex')
    .slice(0, 24);
}

/** Runs every migration on the store the settings point at, then the seed when asked; closes it. */
async function build(settings: { dataDir: string; databaseUrl: string | undefined }, seed: TemplateSeed | undefined): Promise<void> {
  const opened = await openDatabase(settings, { modules: serverModules });
  try {
    if (seed) await seedDemo(opened.db, serverModules, seed.at, seed.timeZone);
  } finally {
    await opened.close();
  }
}

// ── PGlite ────────────────────────────────────────────────────────────────────────────────

/** Answers the folder of the PGlite template, making it first when it is not there; never open it, copy it. */
export async function pgliteTemplate(seed: TemplateSeed | undefined): Promise<string> {
  const root = templatesDir();
  const folder = join(root, `pglite-${await templateName(seed)}`);
  if (await isFolder(folder)) {
    const now = new Date();
    await utimes(folder, now, now).catch(() => {});
    return folder;
  }
  await mkdir(root, { recursive: true });
  await removeStaleFolders(root);
  const building = join(root, `.building-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    // A seeded template starts from a copy of the migrated one: no second initdb.
    const base = seed ? await pgliteTemplate(undefined) : undefined;
    if (base) await cp(base, building, { recursive: true });
    await build({ dataDir: building, databaseUrl: undefined }, seed);
    await rename(building, folder).catch(async (error: NodeJS.ErrnoException) => {
      // Another starter made the same template meanwhile: theirs is as good as ours.
      if (!(await isFolder(folder))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return folder;
}

/** True when the PGlite template seeded at `seed.at` (or the migrated one) is made already. */
export async function hasPGliteTemplate(seed?: TemplateSeed): Promise<boolean> {
  return isFolder(join(templatesDir(), `pglite-${await templateName(seed)}`));
}

/**
 * Fills the empty folder `dataDir` with a copy of the migrated PGlite template, or of the one
 * seeded at `seed.at` when given; makes the template first when needed. Answers false, and
 * leaves the folder empty, when templates are off (`OPD_TEST_TEMPLATES=off`).
 */
export async function copyPGliteTemplate(dataDir: string, seed?: TemplateSeed): Promise<boolean> {
  if (!templatesEnabled()) return false;
  await cp(await pgliteTemplate(seed), dataDir, { recursive: true });
  return true;
}

async function isFolder(path: string): Promise<boolean> {
  return stat(path).then(
    (found) => found.isDirectory(),
    () => false,
  );
}

async function removeStaleFolders(root: string): Promise<void> {
  const cutoff = Date.now() - STALE_MS;
  for (const name of await readdir(root).catch(() => [])) {
    const path = join(root, name);
    const found = await stat(path).catch(() => undefined);
    if (found && found.mtimeMs < cutoff) await rm(path, { recursive: true, force: true }).catch(() => {});
  }
}

// ── PostgreSQL ────────────────────────────────────────────────────────────────────────────

/** Any 64-bit number no other part takes: the advisory lock of making templates. */
const TEMPLATE_LOCK = 730_215_077;

/** The URL of `database` on the test server. */
function urlOf(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

/** True when the PostgreSQL template seeded at `seed.at` (or the migrated one) is made already. */
export async function hasPostgresTemplate(seed?: TemplateSeed): Promise<boolean> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    const found = await admin.query('select 1 from pg_database where datname = $1', [`opdkit_tpl_${await templateName(seed)}`]);
    return (found.rowCount ?? 0) > 0;
  } finally {
    await admin.end();
  }
}

/**
 * Answers the name of the PostgreSQL template database, making it first when it is not there.
 * Makers take turns on an advisory lock, so one run makes each template once.
 */
export async function postgresTemplate(seed?: TemplateSeed): Promise<string> {
  const name = `opdkit_tpl_${await templateName(seed)}`;
  const base = seed ? await postgresTemplate(undefined) : undefined;
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (found.rowCount === 0) {
      await removeStaleDatabases(admin);
      const building = `${name}_b${randomBytes(3).toString('hex')}`;
      await createFrom(admin, building, base);
      try {
        await build({ dataDir: '', databaseUrl: urlOf(building) }, seed);
        await admin.query(`alter database "${building}" rename to "${name}"`);
      } catch (error) {
        await admin.query(`drop database if exists "${building}" with (force)`).catch(() => {});
        throw error;
      }
    }
    await admin.query(`comment on database "${name}" is '${new Date().toISOString()}'`);
    return name;
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]).catch(() => {});
    await admin.end();
  }
}

async function removeStaleDatabases(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string; made: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as made from pg_database where datname like 'opdkit\\_tpl\\_%'`,
  );
  const cutoff = Date.now() - STALE_MS;
  for (const row of rows) {
    const used = row.made ? Date.parse(row.made) : Number.NaN;
    if (Number.isNaN(used) || used < cutoff) {
      await admin.query(`drop database if exists "${row.datname}"`).catch(() => {});
    }
  }
}
