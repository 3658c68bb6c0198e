// @ts-check
/**
 * Web Test Runner: the widget tests, in headless Chromium, against the real API.
 *
 * Before any test runs, this file starts the opd-kit server in process (PGlite in a temp
 * folder, demo seed), and a second one with a one-question-per-minute limit, with `startTestServer()` from `test/helpers/server.ts`, allows this runner's
 * origin by CORS, and hands the API's URL to the test pages as `window.__OPD_TEST__`.
 * The server stops when the run ends.
 *
 *   npm run test:widgets                 # once
 *   npm run test:widgets -- --watch      # while working on a widget
 *   CHROME_PATH=/path/to/chrome npm run test:widgets
 */
import { defaultReporter } from '@web/test-runner';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { tsImport } from 'tsx/esm/api';

const { CHROMIUM_ARGS, chromiumPath, freePort } = await tsImport('./test/helpers/local.ts', import.meta.url);

const port = Number(process.env.WTR_PORT) || /** @type {number} */ (await freePort());
const pageOrigins = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];

/** Milliseconds the test server's clock runs behind real time (used once, to make an overdue question). */
let clockOffset = 0;

const { startTestServer } = await tsImport('./test/helpers/server.ts', import.meta.url);
const api = await startTestServer({
  seed: true,
  now: () => new Date(Date.now() + clockOffset),
  // The page's origin must pass CORS; many questions are sent from one address in a few seconds.
  settings: { corsOrigins: pageOrigins, rateLimitPerMinute: 1000 },
});

/**
 * A second server that allows one question per minute, its clock stopped one second into a
 * minute: the second question is always refused with `Retry-After: 59`.
 */
const strictApi = await startTestServer({
  seed: true,
  now: () => new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1000),
  settings: { corsOrigins: pageOrigins, rateLimitPerMinute: 1 },
});

/** A question asked ten days ago and never answered: its first response is overdue. */
async function askOverdueQuestion() {
  const listed = await api.app.request('/api/v1/opds');
  const { data } = /** @type {{ data: { slug: string, modules: string[] }[] }} */ (await listed.json());
  const opd = data.find((candidate) => candidate.modules.includes('siap'));
  if (!opd) throw new Error('The demo seed has no OPD with the SIAP module on');
  const details = /** @type {{ consultationCategories: { id: string }[] }} */ (
    await (await api.app.request(`/api/v1/opds/${opd.slug}`)).json()
  );
  clockOffset = -10 * 24 * 60 * 60 * 1000;
  try {
    const response = await api.app.request(`/api/v1/opds/${opd.slug}/consultations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Warga Uji',
        email: 'warga.uji@contoh.id',
        category: details.consultationCategories[0]?.id,
        subject: 'Pertanyaan lama yang belum dijawab',
        message: 'Pertanyaan ini dikirim sepuluh hari yang lalu.',
        consent: true,
      }),
    });
    if (response.status !== 201) throw new Error(`Could not ask the overdue question: ${response.status} ${await response.text()}`);
    return /** @type {{ trackingCode: string }} */ (await response.json()).trackingCode;
  } finally {
    clockOffset = 0;
  }
}

const testConfig = {
  api: api.url,
  strictApi: strictApi.url,
  staffToken: api.staffToken,
  overdueCode: await askOverdueQuestion(),
};

/** The count reporter the `npm test` summary reads, when it exists. */
async function countReporterIfPresent() {
  try {
    const { countReporter } = await import('./scripts/wtr-count-reporter.mjs');
    return [countReporter({ file: process.env.WTR_COUNT_FILE })];
  } catch {
    return [];
  }
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: '.',
  files: ['test/widgets/**/*.test.ts'],
  port,
  hostname: 'localhost',
  nodeResolve: true,
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 120_000,
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath(),
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: new URL('./tsconfig.json', import.meta.url).pathname }),
    {
      name: 'opd-kit-test-api',
      async serverStop() {
        await Promise.all([api.close(), strictApi.close()]);
      },
    },
  ],
  // Lit's dev build warns about real mistakes (kept), and announces itself (dropped).
  filterBrowserLogs: ({ args }) => !String(args[0]).startsWith('Lit is in dev mode'),
  testFramework: {
    config: { timeout: 15_000 },
  },
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="id">
  <head>
    <meta charset="utf-8">
    <title>opd-kit widget tests</title>
    <script>window.__OPD_TEST__ = ${JSON.stringify(testConfig)};</script>
  </head>
  <body>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
  reporters: [defaultReporter(), ...(await countReporterIfPresent())],
};
