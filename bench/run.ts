/**
 * `npm run bench`: measures opd-kit against peers in one run and prints a markdown report.
 *
 * 1. Bundle sizes (min, gzip, brotli) of the SDK, the form widget and the CDN file against
 *    axios, an axios + zod typed client and the Shoelace components of the same form.
 * 2. The backend: cold start on PGlite and PostgreSQL, then latency and throughput of
 *    `POST /api/v1/opds/bpkad/consultations` under 50 concurrent clients, checked for zero
 *    errors and for every acknowledged question being stored, against `/healthz` of the same
 *    server and a bare Hono server.
 * 3. Headless Chromium: navigation → usable form, opd-kit vs Shoelace.
 *
 * Everything it starts (servers, a scratch database, a browser, temp dirs) is stopped or
 * removed again, also on failure or Ctrl-C. Loopback only. Exit code 1 when a check failed.
 *
 * Environment: `BENCH_SECONDS` (length of each POST run, default 10), `BENCH_SKIP_BROWSER=1`,
 * `BENCH_ONLY` (comma list of `sizes`, `server`, `browser`; default all),
 * `BENCH_PG_ADMIN_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`),
 * `CHROMIUM_PATH` (default `/usr/bin/chromium`).
 *
 * @module
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { serveStatic, timeFormReady } from './lib/browser.js';
import { load, type LoadOptions, type LoadResult } from './lib/load.js';
import { repoPath, repoRoot } from './lib/paths.js';
import { kb, latency, median, ms, perSecond, ratio, table } from './lib/report.js';
import { startServer, type RunningServer } from './lib/server.js';
import { measurePage } from '../scripts/sizes.mjs';
import { bundleSize, compressedSizes, type BundleSize } from './lib/sizes.js';
import { countInPGlite, countInPostgres, createScratchDatabase } from './lib/stores.js';

/** Concurrent clients of every load run. */
const CONNECTIONS = 50;
/** Seconds of each POST run (the run is sized to this from a warm-up). */
const POST_SECONDS = positiveNumber(process.env.BENCH_SECONDS, 10);
/** Seconds of each `/healthz` run and of each warm-up. */
const HEALTH_SECONDS = Math.max(2, Math.round(POST_SECONDS / 2));
const WARMUP_SECONDS = 2;
/** Stay under the server's per-client limit (100000 per minute is its maximum setting). */
const RATE_LIMIT = 100_000;
/** Page loads per page in the browser, after one untimed load each. */
const BROWSER_ROUNDS = 10;
const CDN_FILE = 'dist/cdn/opd-kit.js';
const SHOELACE_THEME = 'node_modules/@shoelace-style/shoelace/dist/themes/light.css';
/** Sections to run (`BENCH_ONLY=sizes,server,browser`, default all). */
const ONLY = new Set((process.env.BENCH_ONLY ?? 'sizes,server,browser').split(',').map((part) => part.trim()));

/** Things the run must undo, last first. */
const cleanups: Array<() => Promise<void>> = [];
/** Checks that failed; any makes the exit code 1. */
const failures: string[] = [];

function positiveNumber(raw: string | undefined, fallback: number): number {
  const value = Number(raw);
  return raw !== undefined && Number.isFinite(value) && value > 0 ? value : fallback;
}

function note(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function undoAll(): Promise<void> {
  while (cleanups.length > 0) {
    const undo = cleanups.pop();
    try {
      await undo?.();
    } catch (error) {
      note(`clean-up step failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    note(`${signal}: stopping everything the bench started`);
    void undoAll().finally(() => process.exit(130));
  });
}

/** Starts a server and registers its stop as a clean-up (safe to stop twice). */
async function started(env: Record<string, string>, script?: string): Promise<RunningServer> {
  const server = await startServer(env, script);
  cleanups.push(() => server.stop());
  return server;
}

// ---------------------------------------------------------------------------------------
// 1. Sizes

async function sizesSection(work: string, cdnDir: string | undefined): Promise<string> {
  note('sizes: bundling the SDK and its peers');
  const sdk = await bundleSize('bench/entries/opd-kit-sdk.ts');
  const citizenSdk = await bundleSize('bench/entries/opd-kit-citizen-sdk.ts');
  const axios = await bundleSize('bench/entries/axios.ts');
  const axiosZod = await bundleSize('bench/entries/axios-zod-client.ts');
  note('sizes: bundling the form widget and the Shoelace form');
  const formEntry = 'widgets/consultation-form/define.ts';
  const form = existsSync(repoPath(formEntry)) ? await bundleSize(formEntry) : undefined;
  const cdnFile = CDN_FILE;
  const cdn = cdnDir ? await cdnPageSize(cdnDir, ['consultation-form']) : undefined;
  const shoelace = await bundleSize('bench/entries/shoelace-form.ts', join(work, 'pages'));
  const themeCss = await readFile(repoPath(SHOELACE_THEME));
  await writeFile(join(work, 'pages', 'light.css'), themeCss);
  const theme = { ...compressedSizes(themeCss), lazyGzip: 0, modules: 0 };
  const shoelaceWithTheme: BundleSize = {
    min: shoelace.min + theme.min,
    gzip: shoelace.gzip + theme.gzip,
    brotli: shoelace.brotli + theme.brotli,
    lazyGzip: 0,
    modules: shoelace.modules,
  };
  if (!form) failures.push(`sizes: ${formEntry} does not exist`);

  const vs = (size: BundleSize | undefined, peers: Array<[string, BundleSize]>) =>
    size ? peers.map(([name, peer]) => `${ratio(size.gzip, peer.gzip)} ${name}`).join(' · ') : 'n/a';
  const row = (label: string, size: BundleSize | undefined, against: string): string[] =>
    size
      ? [label, kb(size.min), kb(size.gzip), kb(size.brotli), size.lazyGzip ? kb(size.lazyGzip) : '—', against]
      : [label, 'missing', 'missing', 'missing', '—', 'n/a'];

  const sdkTable = table(
    ['bundle', 'min', 'gzip', 'brotli', 'lazy (gzip)', 'vs peer (gzip)'],
    [
      row('**opd-kit SDK** — createClient, every module with its staff calls, + error classes (ky, zod/mini, schemas inside)', sdk, vs(sdk, [['axios', axios], ['axios + zod client', axiosZod]])),
      row(
        '**opd-kit SDK, a citizen page** — buildClient + citizenConsultations (ask, track) + error classes, as the widgets build it',
        citizenSdk,
        vs(citizenSdk, [['axios', axios], ['axios + zod client', axiosZod]]),
      ),
      row('peer: axios alone (no validation, no types at run time)', axios, '1×'),
      row('peer: axios + zod typed client (same calls and schemas, full zod)', axiosZod, '1×'),
    ],
  );
  const widgetTable = table(
    ['bundle', 'min', 'gzip', 'brotli', 'lazy (gzip)', 'vs peer (gzip)'],
    [
      row('**opd-kit form widget** — consultation-form/define.ts (Lit, SDK, schemas, i18n inside)', form, vs(form, [['Shoelace JS', shoelace], ['Shoelace JS + theme', shoelaceWithTheme]])),
      row(
        `**opd-kit CDN, a page with the form** — ${cdnFile} (the loader) + the form's chunk + the shared chunk; the status widget's chunk is lazy`,
        cdn,
        vs(cdn, [['Shoelace JS', shoelace], ['Shoelace JS + theme', shoelaceWithTheme]]),
      ),
      row('peer: Shoelace 2 — sl-input, sl-textarea, sl-select, sl-option, sl-checkbox, sl-button, sl-alert (Lit inside)', shoelace, '1×'),
      row('peer: Shoelace light theme CSS (needed for the components to look right)', theme, '—'),
    ],
  );
  return [
    '## 1. Bundle sizes',
    '',
    'Each entry bundled alone by rollup + @rollup/plugin-node-resolve (browser conditions) + esbuild + terser, every dependency inside; gzip -9 and brotli 11 of the result. "lazy" is code split into chunks loaded only on a dynamic `import()`.',
    '',
    sdkTable,
    '',
    widgetTable,
  ].join('\n');
}

/**
 * What a page with `widgets` downloads from the CDN build (the loader, each widget's chunk and
 * the chunks they import, as `scripts/sizes.mjs` finds them), measured like every other row;
 * the other chunks beside it count as lazy.
 */
async function cdnPageSize(cdnDir: string, widgets: readonly string[]): Promise<BundleSize | undefined> {
  const page = measurePage(widgets, dirname(cdnDir));
  if (!page) return undefined;
  const total: BundleSize = { min: 0, gzip: 0, brotli: 0, lazyGzip: 0, modules: page.files.length };
  for (const file of page.files) {
    const size = compressedSizes(await readFile(join(dirname(cdnDir), file)));
    total.min += size.min;
    total.gzip += size.gzip;
    total.brotli += size.brotli;
  }
  for (const name of readdirSync(cdnDir)) {
    if (!name.endsWith('.js') || page.files.includes(`cdn/${name}`)) continue;
    total.lazyGzip += compressedSizes(await readFile(join(cdnDir, name))).gzip;
  }
  return total;
}

/**
 * Builds the CDN file with the project's own build when it is missing or older than its
 * sources, then copies `dist/cdn` into the bench's work dir: the bench measures and serves
 * that copy, so a build someone else starts meanwhile (it empties `dist/`) cannot pull files
 * from under it.
 */
async function snapshotCdn(work: string): Promise<string | undefined> {
  await ensureCdnBuild();
  const target = join(work, 'cdn');
  // A build elsewhere may be between emptying dist/ and writing it again.
  for (let attempt = 0; attempt < 60 && !existsSync(repoPath(CDN_FILE)); attempt++) await sleep(500);
  if (!existsSync(repoPath(CDN_FILE))) {
    failures.push(`${CDN_FILE} is missing and could not be built`);
    return undefined;
  }
  await cp(repoPath('dist/cdn'), target, { recursive: true });
  return existsSync(join(target, 'opd-kit.js')) ? target : undefined;
}

async function ensureCdnBuild(): Promise<void> {
  const cdn = repoPath(CDN_FILE);
  if (!existsSync(repoPath('widgets/all.ts'))) return;
  // Someone else's build may be running right now: give it a moment before building ourselves.
  for (let attempt = 0; attempt < 20 && !existsSync(cdn); attempt++) await sleep(500);
  const built = existsSync(cdn) ? statSync(cdn).mtimeMs : 0;
  const sources = ['src', 'widgets', 'rollup.config.mjs', 'package-lock.json', 'tsconfig.json'];
  if (built >= newestMtime(sources)) return;
  note(built ? 'dist/cdn/opd-kit.js is older than its sources: rebuilding (scripts/build.mjs --no-types)' : 'building dist/cdn (scripts/build.mjs --no-types)');
  const code = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [repoPath('scripts/build.mjs'), '--no-types'], { cwd: repoRoot, stdio: ['ignore', 2, 2] });
    child.on('exit', (exitCode) => resolve(exitCode ?? 1));
    child.on('error', () => resolve(1));
  });
  if (code !== 0) failures.push(`sizes: the build (scripts/build.mjs --no-types) failed with code ${code}`);
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    const full = repoPath(path);
    if (!existsSync(full)) continue;
    if (!statSync(full).isDirectory()) {
      newest = Math.max(newest, statSync(full).mtimeMs);
      continue;
    }
    for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

// ---------------------------------------------------------------------------------------
// 2. Server

/** One POST run against one store. */
interface PostRun {
  /** What varies, for the table. */
  label: string;
  /** The subject every question of this run carries, to count them afterwards. */
  subject: string;
  result: LoadResult;
  /** Consultations with {@link subject} stored, counted after the run. */
  stored?: number;
}

/** Everything measured on one store. */
interface StoreFigures {
  store: string;
  fresh: number;
  existing: number;
  health: LoadResult;
  posts: PostRun[];
}

async function categoryOf(url: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/opds/bpkad`, { signal: AbortSignal.timeout(5_000) });
  const body = (await response.json()) as { consultationCategories?: Array<{ id: string; name: string }> };
  const categories = body.consultationCategories ?? [];
  const chosen = categories.find((category) => category.id === 'aset-daerah') ?? categories[0];
  if (!chosen) throw new Error(`GET /api/v1/opds/bpkad gave no consultation categories (status ${response.status})`);
  return chosen.id;
}

function question(category: string, subject: string): string {
  return JSON.stringify({
    name: 'Warga Uji Beban',
    email: 'uji.beban@contoh.id',
    category,
    subject,
    message:
      'Bagaimana prosedur pemanfaatan barang milik daerah berupa tanah untuk kegiatan warga desa, dan dokumen apa saja yang perlu disiapkan?',
    consent: true,
  });
}

/** Checks one load run and records what failed. */
function checkRun(what: string, run: LoadResult & { stoppedByWatchdog: boolean }): void {
  if (run.errors > 0) failures.push(`${what}: ${run.errors} connection errors or timeouts`);
  if (run.non2xx > 0) failures.push(`${what}: ${run.non2xx} answers outside 2xx (${JSON.stringify(run.statuses)})`);
  if (run.stoppedByWatchdog) failures.push(`${what}: stopped by the watchdog before every request was answered`);
}

/** Each connection another citizen (TRUST_PROXY is on for the bench server). */
const citizenAddress = (index: number) => ({ 'X-Forwarded-For': `10.77.${Math.floor(index / 250)}.${(index % 250) + 1}` });

/**
 * Warm-up, `/healthz`, then three POST runs of the same size: from one client address
 * (one office behind NAT), from 50 addresses, and from 50 addresses with a fresh
 * `Idempotency-Key` per request, which is what the SDK and the widget send.
 */
async function measureStore(server: RunningServer, store: string, marker: string): Promise<Pick<StoreFigures, 'health' | 'posts'>> {
  const url = `${server.url}/api/v1/opds/bpkad/consultations`;
  const category = await categoryOf(server.url);
  const headers = { 'Content-Type': 'application/json' };

  note(`${store}: warm-up`);
  const warmup = await load({ url, connections: CONNECTIONS, seconds: WARMUP_SECONDS, method: 'POST', headers, body: question(category, `${marker} warm-up`) });
  checkRun(`${store} warm-up`, warmup);
  // Exactly this many requests per run, so every request sent is answered before counting.
  // The one-address run shares its rate-limit window with the warm-up: stay under the limit.
  const amount = Math.max(CONNECTIONS * 4, Math.min(Math.round(warmup.rps * POST_SECONDS), RATE_LIMIT - warmup.ok - 1_000));

  note(`${store}: GET /healthz, ${HEALTH_SECONDS} s`);
  const health = await load({ url: `${server.url}/healthz`, connections: CONNECTIONS, seconds: HEALTH_SECONDS });
  checkRun(`${store} /healthz`, health);

  const variants: Array<{ label: string; tag: string; options: Partial<LoadOptions> }> = [
    { label: 'one client address', tag: 'one', options: {} },
    { label: `${CONNECTIONS} client addresses`, tag: 'spread', options: { connectionHeaders: citizenAddress } },
    {
      label: `${CONNECTIONS} client addresses + Idempotency-Key (as the SDK sends)`,
      tag: 'keyed',
      options: { connectionHeaders: citizenAddress, headers: { ...headers, 'Idempotency-Key': '[<id>]' }, uniqueIds: true },
    },
  ];
  const posts: PostRun[] = [];
  for (const variant of variants) {
    note(`${store}: POST ×${amount}, ${variant.label}`);
    const subject = `${marker} ${variant.tag}`;
    const result = await load({ url, connections: CONNECTIONS, amount, method: 'POST', headers, body: question(category, subject), ...variant.options });
    checkRun(`${store} POST, ${variant.label}`, result);
    posts.push({ label: variant.label, subject, result });
  }
  return { health, posts };
}

/** Counts what each run stored and records a failure where it differs from the 2xx answers. */
async function countStored(store: string, posts: PostRun[], count: (subject: string) => Promise<number>): Promise<void> {
  for (const post of posts) {
    post.stored = await count(post.subject);
    if (post.stored !== post.result.ok) {
      failures.push(`${store} POST, ${post.label}: ${post.result.ok} questions acknowledged with 2xx but ${post.stored} stored`);
    }
  }
}

async function serverSection(work: string): Promise<{ markdown: string; demoDataDir: string }> {
  const runId = Date.now().toString(36);
  const baseEnv = {
    SEED: 'demo',
    RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    SERVE_DEMO: 'false',
  };

  note('bare Hono peer: start and GET /healthz');
  const bare = await started({}, 'bench/peers/bare-server.ts');
  const bareStart = bare.readyMs;
  const bareHealth = await load({ url: `${bare.url}/healthz`, connections: CONNECTIONS, seconds: HEALTH_SECONDS });
  checkRun('bare Hono /healthz', bareHealth);
  await bare.stop();

  const results: StoreFigures[] = [];

  // PGlite: fresh data dir, then the same again; load on the second. PGlite is one process's
  // database, so the rows are counted after the server has stopped.
  const dataDir = join(work, 'pglite-data');
  const pgliteEnv = { ...baseEnv, DATA_DIR: dataDir };
  note('PGlite: cold start, fresh DATA_DIR');
  const firstPGlite = await started(pgliteEnv);
  const pgliteFresh = firstPGlite.readyMs;
  await firstPGlite.stop();
  note('PGlite: cold start, existing DATA_DIR');
  const pglite = await started(pgliteEnv);
  const pgliteExisting = pglite.readyMs;
  const pgliteRuns = await measureStore(pglite, 'PGlite', `bench ${runId} pglite`);
  await pglite.stop();
  await countStored('PGlite', pgliteRuns.posts, (subject) => countInPGlite(dataDir, subject));
  results.push({ store: 'PGlite', fresh: pgliteFresh, existing: pgliteExisting, ...pgliteRuns });

  // PostgreSQL: a scratch database, dropped at the end whatever happens.
  note('PostgreSQL: creating a scratch database');
  const scratch = await createScratchDatabase();
  cleanups.push(() => scratch.drop());
  const pgEnv = { ...baseEnv, DATABASE_URL: scratch.url };
  note('PostgreSQL: cold start, fresh database');
  const firstPg = await started(pgEnv);
  const pgFresh = firstPg.readyMs;
  await firstPg.stop();
  note('PostgreSQL: cold start, existing database');
  const postgres = await started(pgEnv);
  const pgExisting = postgres.readyMs;
  const pgRuns = await measureStore(postgres, 'PostgreSQL', `bench ${runId} postgres`);
  await postgres.stop();
  await countStored('PostgreSQL', pgRuns.posts, (subject) => countInPostgres(scratch.url, subject));
  results.push({ store: 'PostgreSQL', fresh: pgFresh, existing: pgExisting, ...pgRuns });
  await scratch.drop();

  const startTable = table(
    ['start', 'spawn → first 200 /healthz', 'vs bare Hono'],
    [
      ['peer: bare Hono on tsx (`/healthz` only, no database)', ms(bareStart), '1×'],
      ...results.flatMap((r) => [
        [`opd-kit, ${r.store}, fresh (create, migrate, seed)`, ms(r.fresh), ratio(r.fresh, bareStart)],
        [`opd-kit, ${r.store}, existing data`, ms(r.existing), ratio(r.existing, bareStart)],
      ]),
    ],
  );

  const loadRow = (label: string, run: LoadResult, ceiling: LoadResult | undefined, stored?: number): string[] => [
    label,
    run.ok.toLocaleString('en-US'),
    `${run.non2xx} / ${run.errors}`,
    latency(run.p50),
    latency(run.p99),
    perSecond(run.rps),
    ceiling ? ratio(run.rps, ceiling.rps) : '1×',
    stored === undefined ? '—' : `${stored.toLocaleString('en-US')} ${stored === run.ok ? '✓' : '✗'}`,
  ];
  const loadTable = table(
    ['run (50 concurrent clients)', '2xx', 'non-2xx / errors', 'p50', 'p99', 'throughput', 'vs /healthz', 'stored'],
    [
      loadRow('peer: bare Hono — GET /healthz', bareHealth, undefined),
      ...results.flatMap((r) => [
        loadRow(`${r.store} — GET /healthz (HTTP + \`select 1\`: ceiling of the stack)`, r.health, bareHealth),
        ...r.posts.map((post) => loadRow(`${r.store} — POST consultation, ${post.label}`, post.result, r.health, post.stored)),
      ]),
    ],
  );
  return {
    demoDataDir: dataDir,
    markdown: [
      '## 2. Server',
      '',
      `The backend as users run it: \`node --import tsx server/src/main.ts\`, LOG_LEVEL=warn, demo seed, RATE_LIMIT_PER_MINUTE=${RATE_LIMIT}. Load by autocannon in the bench process, on the same ${cpus().length} cores as the server and the database. POST runs are sized from a ${WARMUP_SECONDS} s warm-up to last about ${POST_SECONDS} s each and send an exact number of requests, so every request is answered before counting; "stored" is a SQL count of the run's consultations afterwards (✓ = equals the 2xx answers: nothing acknowledged was lost). "vs /healthz": POST rows against their server's /healthz, /healthz rows against the bare Hono peer.`,
      '',
      '### Cold start',
      '',
      startTable,
      '',
      '### Load',
      '',
      loadTable,
    ].join('\n'),
  };
}

// ---------------------------------------------------------------------------------------
// 3. Browser

async function browserSection(work: string, dataDir: string, cdnDir: string | undefined): Promise<string> {
  if (!cdnDir) return `## 3. Browser\n\nSkipped: ${CDN_FILE} is missing.`;
  const pages = join(work, 'pages');
  if (!existsSync(join(pages, 'shoelace-form.js'))) {
    // The sizes section did not run: bundle the Shoelace form for the page here.
    await bundleSize('bench/entries/shoelace-form.ts', pages);
    await writeFile(join(pages, 'light.css'), await readFile(repoPath(SHOELACE_THEME)));
  }
  const statics = await serveStatic({ '/': pages, '/cdn/': cdnDir });
  cleanups.push(() => statics.close());
  note('browser: starting the demo server');
  const server = await started({
    DATA_DIR: dataDir,
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    SERVE_DEMO: 'true',
    CORS_ORIGINS: statics.url,
  });

  const categories = await fetch(`${server.url}/api/v1/opds/bpkad`).then(
    (response) => response.json() as Promise<{ consultationCategories?: Array<{ id: string; name: string }> }>,
  );
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const options = (categories.consultationCategories ?? [])
    .map((category) => `<sl-option value="${escape(category.id)}">${escape(category.name)}</sl-option>`)
    .join('');
  const fill = async (template: string, name: string, values: Record<string, string>) => {
    let html = await readFile(repoPath(`bench/pages/${template}`), 'utf8');
    for (const [key, value] of Object.entries(values)) html = html.replaceAll(`{{${key}}}`, value);
    await writeFile(join(pages, name), html);
  };
  await fill('opd-kit-form.html', 'opd-kit.html', { API: server.url });
  await fill('shoelace-form.html', 'shoelace.html', { OPTIONS: options });

  note(`browser: ${BROWSER_ROUNDS} timed loads per page`);
  const times = await timeFormReady(
    [
      { label: 'demo', url: `${server.url}/`, kind: 'opd-kit' },
      { label: 'opd-kit', url: `${statics.url}/opd-kit.html`, kind: 'opd-kit' },
      { label: 'shoelace', url: `${statics.url}/shoelace.html`, kind: 'shoelace' },
    ],
    BROWSER_ROUNDS,
  );
  await server.stop();
  await statics.close();

  const shoelace = median(times.shoelace?.usable ?? []);
  const row = (label: string, key: string): string[] => {
    const { drawn = [], usable = [] } = times[key] ?? {};
    return [
      label,
      ms(median(drawn)),
      ms(median(usable)),
      `${ms(Math.min(...usable))} – ${ms(Math.max(...usable))}`,
      key === 'shoelace' ? '1×' : ratio(median(usable), shoelace),
    ];
  };
  return [
    '## 3. Browser: navigation → usable form',
    '',
    `Headless Chromium (${BROWSER_ROUNDS} loads per page, interleaved, after one untimed load each; HTTP cache off; loopback; times from navigation start). "Drawn": the form and its submit button are rendered. "Usable": for opd-kit also the category select filled from the API (same-origin on the demo page; cross-origin with a CORS preflight on the standalone page); for Shoelace drawn = usable, because its categories are written in the HTML (no API call), which favours it.`,
    '',
    table(
      ['page', 'form drawn (median)', 'form usable (median)', 'usable, range', 'vs Shoelace (usable)'],
      [
        row('opd-kit demo page (`/`, served by the backend, both widgets, strict CSP)', 'demo'),
        row('opd-kit form alone (CDN file + one element, categories from the API)', 'opd-kit'),
        row('peer: Shoelace form (bundle + light theme, same fields)', 'shoelace'),
      ],
    ),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const began = performance.now();
  const startedAt = new Date();
  const work = await mkdtemp(join(tmpdir(), 'opd-kit-bench-'));
  cleanups.push(() => rm(work, { recursive: true, force: true }));
  const sections: string[] = [];
  try {
    const cdnDir = await snapshotCdn(work);
    if (ONLY.has('sizes')) sections.push(await sizesSection(work, cdnDir));
    let demoDataDir = join(work, 'browser-data');
    if (ONLY.has('server')) {
      const server = await serverSection(work);
      sections.push(server.markdown);
      demoDataDir = server.demoDataDir;
    }
    if (process.env.BENCH_SKIP_BROWSER === '1' || !ONLY.has('browser')) sections.push('## 3. Browser\n\nSkipped.');
    else sections.push(await browserSection(work, demoDataDir, cdnDir));
  } catch (error) {
    failures.push(`the bench stopped early: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await undoAll();
  }

  const cpu = cpus();
  const header = [
    '# opd-kit benchmark',
    '',
    `${startedAt.toISOString()} · commit ${commit()} · Node ${process.versions.node} · ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown CPU'}) · ${Math.round(totalmem() / 2 ** 30)} GiB RAM · ${process.platform}`,
    '',
    'Every figure below was measured in this run; every ratio is against a peer measured in this run (below 1× is smaller/faster/less, for throughput above 1× is more).',
  ].join('\n');
  const footer = [
    '## Checks',
    '',
    failures.length === 0
      ? 'All checks passed: no errors, no non-2xx answers, every acknowledged question stored.'
      : failures.map((failure) => `- FAILED: ${failure}`).join('\n'),
    '',
    `Bench took ${Math.round((performance.now() - began) / 1000)} s.`,
  ].join('\n');
  process.stdout.write(`${[header, ...sections, footer].join('\n\n')}\n`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
