/**
 * A tiny Web Test Runner reporter that writes how many tests passed, failed and were
 * skipped to a JSON file, so `npm test` can add the browser tests to its one summary line.
 * It prints nothing; keep `defaultReporter()` beside it for the console output:
 *
 * ```js
 * import { defaultReporter } from '@web/test-runner';
 * import { countReporter } from './scripts/wtr-count-reporter.mjs';
 * export default {
 *   reporters: [defaultReporter(), countReporter({ file: '.wtr-results.json' })],
 * };
 * ```
 *
 * The file is `{ passed, failed, skipped, failures: [{ file, browser, test, message }] }`.
 * A test file that failed without a failing test (it did not load, the browser crashed, an
 * error outside any test) counts as one failure. `WTR_COUNT_FILE` in the environment
 * overrides `file`; `npm test` uses it to pick where it reads the counts from.
 *
 * @module
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/** Walks a suite tree and calls `visit` for every test with its full name. */
function eachTest(suite, visit, prefix = []) {
  if (!suite) return;
  const path = suite.name ? [...prefix, suite.name] : prefix;
  for (const test of suite.tests ?? []) visit(test, [...path, test.name].join(' › '));
  for (const child of suite.suites ?? []) eachTest(child, visit, path);
}

/**
 * Counts the results of a finished run: one entry per test per browser.
 *
 * @param {Array<import('@web/test-runner-core').TestSession>} sessions
 */
export function countSessions(sessions) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const session of sessions) {
    const file = relative(process.cwd(), session.testFile);
    const browser = session.browser?.name ?? 'browser';
    let failedHere = 0;
    eachTest(session.testResults, (test, name) => {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else {
        counts.failed += 1;
        failedHere += 1;
        counts.failures.push({ file, browser, test: name, message: test.error?.message ?? '' });
      }
    });
    if (session.passed === false && failedHere === 0) {
      counts.failed += 1;
      const message = session.errors?.map((error) => error.message).join('; ') || 'the test file failed';
      counts.failures.push({ file, browser, test: '(file)', message });
    }
  }
  return counts;
}

/**
 * The reporter factory.
 *
 * @param {{ file?: string }} [options] where to write the counts (default `.wtr-results.json`)
 * @returns {import('@web/test-runner').Reporter}
 */
export function countReporter(options = {}) {
  const file = resolve(process.env.WTR_COUNT_FILE || options.file || '.wtr-results.json');
  const write = (sessions) => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(countSessions(sessions), null, 2)}\n`);
  };
  return {
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
    stop({ sessions }) {
      write(sessions);
    },
  };
}

export default countReporter;
