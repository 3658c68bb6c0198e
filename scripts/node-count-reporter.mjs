/**
 * A `node --test` reporter that yields one JSON document at the end of a run:
 * `{ passed, failed, skipped, failures: [{ file, test, message }] }`. Use it beside the
 * human reporter and send it to a file:
 *
 * ```sh
 * node --test --test-reporter=spec --test-reporter-destination=stdout \
 *   --test-reporter=./scripts/node-count-reporter.mjs --test-reporter-destination=counts.json …
 * ```
 *
 * Suites are not counted, only tests; `skip` and `todo` count as skipped; a test file that
 * fails outside any test (it does not load) counts as one failure, as node reports it.
 *
 * @module
 */
import { relative } from 'node:path';

/** @param {AsyncIterable<{ type: string, data: any }>} source */
export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;
    const { data } = event;
    if (data.details?.type === 'suite') {
      // A suite fails by itself only when its own hooks or body threw.
      const failure = data.details?.error?.failureType;
      if (event.type === 'test:fail' && failure && failure !== 'subtestsFailed') {
        counts.failed += 1;
        counts.failures.push(describeFailure(data));
      }
      continue;
    }
    if (isSet(data.skip) || isSet(data.todo)) counts.skipped += 1;
    else if (event.type === 'test:pass') counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push(describeFailure(data));
    }
  }
  yield `${JSON.stringify(counts)}\n`;
}

/** `skip`/`todo` are `true` or a reason string when set. */
const isSet = (flag) => flag !== undefined && flag !== false;

function describeFailure(data) {
  const error = data.details?.error;
  const cause = error?.cause ?? error;
  const message = String(cause?.message ?? error?.message ?? '').split('\n')[0];
  return { file: data.file ? relative(process.cwd(), data.file) : '', test: data.name, message };
}
