#!/usr/bin/env node
/**
 * `npm test`: every test of the repo, one summary line at the end.
 *
 * Parts, in order (a part whose test files do not exist is skipped):
 *   unit     test/unit/**\/*.test.ts     node --test via tsx
 *   sdk      test/sdk/**\/*.test.ts      node --test via tsx (real server in process)
 *   server   test/server/**\/*.test.ts   node --test via tsx
 *   widgets  test/widgets/**\/*.test.ts  web-test-runner in Chromium (web-test-runner.config.mjs)
 *   e2e      test/e2e/**\/*.test.ts      node --test via tsx + playwright-core, on the built CDN file
 *   reliability  (only with --only=reliability: `npm run test:reliability`) the hostile and fault
 *            tests at full size: the OpenAPI fuzzer with 10,000 requests, kill -9 under load, the
 *            multi-instance tests, headers/CORS/rate limits, the personal-data sweep, backup and
 *            restore, the proxy, durability, and the XSS and strict-CSP e2e files
 *
 * The default run is CI's fast share of the reliability tests: the same files but the three
 * multi-instance ones that only repeat what the others show at more cost (RELIABILITY_ONLY),
 * the fuzzer at 2,500 requests and kill -9 after 32 acknowledged writes (RELIABILITY_WRITES).
 *
 * Options (after `npm test --`):
 *   --only=server,sdk   run only these parts
 *   --no-build          do not build before the e2e tests (dist/ must be fresh)
 *
 * The last line is always `N passed, N failed, N skipped`; the exit code is non-zero when a
 * test failed or a runner crashed. Counts come from two small reporters
 * (scripts/node-count-reporter.mjs, scripts/wtr-count-reporter.mjs) that write JSON files.
 *
 * Environment: CHROME_PATH (else /usr/bin/chromium, chromium, google-chrome on the PATH) is
 * exported to the browser runs; TEST_CONCURRENCY sets how many test files of a node part run at
 * once (default 2, or 1 on a one-core machine: on the two-core machines this runs on, one file
 * at a time left a core mostly idle, 21–26 min for the whole run; two at a time ~14 min).
 * Every test server has its own port, PGlite folder and PostgreSQL database, so files share no
 * state; the files of RUN_ALONE (they assert how fast something answers or is seen, or load the
 * machine on purpose) run after the others, one at a time, with the machine to themselves.
 * FUZZ_REQUESTS (default here 2,500; the fuzz file alone sends at least 10,000) is the least
 * number of requests the OpenAPI fuzzer sends; FUZZ_RUNS fixes the runs per operation instead.
 *
 * Before the first part that starts test servers, the database templates are made (or found)
 * once (test/helpers/prepare-templates.ts): every test server starts from a copy of a migrated,
 * and where it can a seeded, database instead of migrating and seeding its own.
 * OPD_TEST_TEMPLATES=off turns that off; see test/helpers/templates.ts.
 *
 * @module
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { at, findChrome, listFiles, root, run, seconds } from './lib.mjs';

const NODE_PARTS = {
  unit: { dir: 'test/unit', timeout: 60_000 },
  sdk: { dir: 'test/sdk', timeout: 60_000 },
  // node's --test-timeout also bounds each test file as a whole: the start and durability files
  // spawn several server processes one after another, which on a busy 2-core machine nears a minute.
  server: { dir: 'test/server', timeout: 240_000 },
  e2e: { dir: 'test/e2e', timeout: 120_000, browser: true, needsBuild: true },
  reliability: { dir: 'test', timeout: 900_000, browser: true, needsBuild: true, only: isReliabilityFile },
};
const PART_ORDER = ['unit', 'sdk', 'server', 'widgets', 'e2e', 'reliability'];
/** What `npm test` runs: every part but `reliability`, which runs on its own. */
const DEFAULT_PARTS = PART_ORDER.filter((part) => part !== 'reliability');
/** Parts whose tests start test servers (test/helpers/server.ts) on the database templates. */
const SERVER_PARTS = new Set(['sdk', 'server', 'widgets', 'e2e', 'reliability']);
const WTR_CONFIG = 'web-test-runner.config.mjs';

const INSTALL_HINT = [
  'No Chromium found for the browser tests.',
  'Install it:   sudo apt-get install -y chromium',
  'or point to one:   CHROME_PATH=/path/to/chrome npm test',
].join('\n');

function parseArgs(argv) {
  const options = { parts: DEFAULT_PARTS, build: true };
  for (const arg of argv) {
    if (arg.startsWith('--only=')) {
      const parts = arg.slice('--only='.length).split(',').map((part) => part.trim()).filter(Boolean);
      const unknown = parts.filter((part) => !PART_ORDER.includes(part));
      if (unknown.length > 0) {
        console.error(`Unknown test part(s): ${unknown.join(', ')}. Parts: ${PART_ORDER.join(', ')}`);
        process.exit(2);
      }
      options.parts = PART_ORDER.filter((part) => parts.includes(part));
    } else if (arg === '--no-build') {
      options.build = false;
    } else {
      console.error(`Unknown option ${arg}. Use --only=${PART_ORDER.join(',')} and/or --no-build.`);
      process.exit(2);
    }
  }
  return options;
}

const isTestFile = (path) => /\.test\.ts$/.test(path);

/** The reliability part's files (folders end with `/`), relative to the repository. */
const RELIABILITY_FILES = [
  'test/server/fuzz-openapi.test.ts',
  'test/server/fuzz-wire.test.ts',
  'test/server/fuzz-regressions.test.ts',
  'test/server/reliability/',
  'test/server/scale/',
  'test/server/hardening/',
  'test/server/personal-data-sweep.test.ts',
  'test/server/backup-restore.test.ts',
  'test/server/reverse-proxy.test.ts',
  'test/server/durability.test.ts',
  'test/e2e/xss.test.ts',
  'test/e2e/strict-csp.test.ts',
];
/** Left out of the default run: two instances again for what shared-state and instance-killed already show there. */
const RELIABILITY_ONLY = ['test/server/scale/jobs-once.test.ts', 'test/server/scale/migrations.test.ts', 'test/server/scale/rate-limits.test.ts'];

/**
 * Files that run one at a time after the rest of their part, whatever TEST_CONCURRENCY says:
 * they assert latencies (an answer within 1–2 s, a change seen on another instance within a
 * second) that a neighbouring file's load could break, or put the machine under load on purpose.
 */
const RUN_ALONE = [
  'test/sdk/sender.test.ts',
  'test/server/spine/directory.test.ts',
  'test/server/scale/shared-state.test.ts',
  'test/server/scale/instance-killed.test.ts',
  'test/server/reliability/slow-clients.test.ts',
  'test/server/reliability/kill-under-load.test.ts',
];

const repoPath = (path) => relative(root, path).split('\\').join('/');
function isReliabilityFile(path) {
  const file = repoPath(path);
  return RELIABILITY_FILES.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry));
}

function readCounts(file) {
  if (!existsSync(file)) return undefined;
  try {
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    if ([counts.passed, counts.failed, counts.skipped].every(Number.isInteger)) return counts;
  } catch {
    // fall through: unreadable counts are a crash
  }
  return undefined;
}

/** Test files of a node part at once: TEST_CONCURRENCY, else 2 (1 on a one-core machine). */
function concurrency() {
  const set = Number(process.env.TEST_CONCURRENCY);
  return Number.isInteger(set) && set > 0 ? set : Math.min(2, availableParallelism());
}

/** Adds counts up; a run without counts (its runner crashed, which its exit code tells) adds nothing. */
function addCounts(a, b) {
  if (!a || !b) return a ?? b;
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped, failures: [...(a.failures ?? []), ...(b.failures ?? [])] };
}

/** Runs a node part: its files at TEST_CONCURRENCY, then those of RUN_ALONE one at a time. */
async function runNodePart(name, files, scratch) {
  const alone = new Set(RUN_ALONE);
  const together = files.filter((file) => !alone.has(repoPath(file)));
  const apart = files.filter((file) => alone.has(repoPath(file)));
  const batches = [
    { files: together, concurrency: concurrency(), label: name },
    { files: apart, concurrency: 1, label: `${name}-alone` },
  ].filter((batch) => batch.files.length > 0);
  let code = 0;
  let counts;
  for (const batch of batches) {
    if (batches.length > 1) console.log(`\n${batch.label}: ${batch.files.length} file(s), ${batch.concurrency} at a time`);
    const outcome = await runNodeFiles(name, batch, scratch);
    if (outcome.code !== 0 && code === 0) code = outcome.code;
    counts = addCounts(counts, outcome.counts);
  }
  return { code, counts };
}

async function runNodeFiles(name, batch, scratch) {
  const part = NODE_PARTS[name];
  const countsFile = join(scratch, `${batch.label}.json`);
  const { files } = batch;
  const args = [
    '--import',
    'tsx',
    '--test',
    `--test-concurrency=${batch.concurrency}`,
    `--test-timeout=${part.timeout}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${at('scripts/node-count-reporter.mjs')}`,
    `--test-reporter-destination=${countsFile}`,
    ...files.map((file) => relative(root, file)),
  ];
  const code = await run(process.execPath, args);
  return { code, counts: readCounts(countsFile) };
}

/** Runs web-test-runner, echoing its output; counts from the reporter file, else from its last summary. */
function runWidgets(scratch, env) {
  const countsFile = join(scratch, 'widgets.json');
  const bin = at('node_modules/@web/test-runner/dist/bin.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, '--config', WTR_CONFIG], {
      cwd: root,
      env: { ...env, WTR_COUNT_FILE: countsFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      output += chunk;
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    const finish = (code) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      let counts = readCounts(countsFile);
      if (!counts) {
        // The config does not use countReporter (yet): take the default reporter's own total.
        const totals = [...output.matchAll(/(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/g)].at(-1);
        if (totals) {
          counts = { passed: Number(totals[1]), failed: Number(totals[2]), skipped: Number(totals[3] ?? 0), failures: [] };
          console.warn('widgets: counts read from the console; add countReporter() to web-test-runner.config.mjs');
        }
      }
      resolve({ code, counts });
    };
    child.on('error', (error) => {
      console.error(`could not start web-test-runner: ${error.message}`);
      finish(127);
    });
    child.on('exit', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const scratch = mkdtempSync(join(tmpdir(), 'opd-kit-test-'));
  const env = { ...process.env };

  // What will run: parts with test files.
  const plan = [];
  for (const name of options.parts) {
    if (name === 'widgets') {
      const files = listFiles('test/widgets', isTestFile);
      if (files.length === 0) console.log('widgets: no test files yet, skipped');
      else if (!existsSync(at(WTR_CONFIG))) console.log(`widgets: ${WTR_CONFIG} missing, skipped`);
      else plan.push({ name, files, browser: true });
    } else {
      const { only } = NODE_PARTS[name];
      const reliabilityOnly = new Set(RELIABILITY_ONLY);
      const files = listFiles(NODE_PARTS[name].dir, (path) => isTestFile(path) && (only ? only(path) : !reliabilityOnly.has(repoPath(path))));
      if (files.length === 0) console.log(`${name}: no test files yet, skipped`);
      else plan.push({ name, files, browser: Boolean(NODE_PARTS[name].browser), needsBuild: NODE_PARTS[name].needsBuild });
    }
  }

  if (plan.some((part) => part.browser)) {
    const chrome = findChrome();
    if (!chrome) {
      if (process.env.CHROME_PATH) console.error(`CHROME_PATH=${process.env.CHROME_PATH} is not an executable file.`);
      console.error(INSTALL_HINT);
      console.log('0 passed, 1 failed, 0 skipped');
      process.exit(1);
    }
    env.CHROME_PATH = chrome;
    process.env.CHROME_PATH = chrome;
    console.log(`browser: ${chrome}`);
  }

  // The default run's share of the fuzzer and of kill -9 under load; the reliability part's full
  // size (10,000 requests, 96 writes) is what each file does by itself.
  const full = options.parts.includes('reliability');
  if (!process.env.FUZZ_REQUESTS && !process.env.FUZZ_RUNS) process.env.FUZZ_REQUESTS = env.FUZZ_REQUESTS = full ? '10000' : '2500';
  if (!full && !process.env.RELIABILITY_WRITES) process.env.RELIABILITY_WRITES = env.RELIABILITY_WRITES = '32';

  const results = [];
  if (plan.some((part) => SERVER_PARTS.has(part.name))) {
    const stores = plan.some((part) => part.name === 'server' || part.name === 'reliability') ? ['pglite', 'postgres'] : ['pglite'];
    const code = await run(process.execPath, ['--import', 'tsx', at('test/helpers/prepare-templates.ts'), ...stores], { env });
    // Not fatal: each server makes what is missing itself, and says why when it cannot.
    if (code !== 0) console.warn('templates: could not be made ahead; each test server makes its own');
  }
  if (options.build && plan.some((part) => part.needsBuild)) {
    const buildStart = performance.now();
    const code = await run(process.execPath, [at('scripts/build.mjs'), '--no-types'], { env });
    if (code !== 0) {
      results.push({ name: 'build', code, counts: undefined, time: seconds(buildStart) });
    }
  }

  for (const part of plan) {
    if (results.some((result) => result.name === 'build') && part.needsBuild) {
      console.error(`${part.name}: not run, the build failed`);
      continue;
    }
    console.log(`\n── ${part.name}: ${part.files.length} test file(s) ──`);
    const partStart = performance.now();
    const outcome = part.name === 'widgets' ? await runWidgets(scratch, env) : await runNodePart(part.name, part.files, scratch);
    results.push({ name: part.name, ...outcome, time: seconds(partStart) });
  }
  rmSync(scratch, { recursive: true, force: true });

  // Summary: per part, failures, then the one line.
  const total = { passed: 0, failed: 0, skipped: 0 };
  const failures = [];
  let crashed = false;
  console.log('\n── summary ──');
  for (const result of results) {
    const { counts } = result;
    if (counts) {
      total.passed += counts.passed;
      total.failed += counts.failed;
      total.skipped += counts.skipped;
      for (const failure of counts.failures ?? []) failures.push({ part: result.name, ...failure });
    }
    const runnerFailed = result.code !== 0 && (!counts || counts.failed === 0);
    if (runnerFailed) crashed = true;
    const figures = counts ? `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped` : 'no results';
    console.log(`${result.name.padEnd(8)} ${figures} (${result.time} s)${runnerFailed ? `, runner exited with ${result.code}` : ''}`);
  }
  for (const failure of failures) {
    console.log(`✗ ${failure.part}: ${failure.file ? `${failure.file} › ` : ''}${failure.test}${failure.message ? ` — ${failure.message}` : ''}`);
  }
  if (crashed) {
    console.log('A test runner or the build failed outside any test; see its output above.');
    total.failed += results.filter((result) => result.code !== 0 && (!result.counts || result.counts.failed === 0)).length;
  }
  console.log(`time: ${seconds(started)} s`);
  console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
  process.exit(total.failed > 0 || crashed ? 1 : 0);
}

await main();
