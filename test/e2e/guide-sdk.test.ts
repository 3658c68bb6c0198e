/**
 * The SDK guide (`docs/guides/sdk.md`), followed as written: its TypeScript block type-checks
 * against the SDK's sources with the project's strict options, then runs in Node against a real
 * backend (the demo seed, this run's address in place of the guide's) and prints what the guide
 * says it does: the OPDs, a tracking code, the status, the field to fix, the 404, the kemantapan.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { namedBlock, withAddresses } from '../helpers/guides.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const run = promisify(execFile);
const root = process.cwd();
const GUIDE = 'docs/guides/sdk.md';

let server: TestServer;
let scratch: string;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'opd-kit-guide-sdk-'));
  server = await startTestServer({ store: 'pglite' });
});

after(async () => {
  await server?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** The guide's code with `opd-kit` imports pointing at the SDK's sources. */
function guideCode(): string {
  const code = namedBlock(GUIDE, 'sdk').code;
  assert.match(code, /from 'opd-kit'/, 'the guide imports the package by name');
  return code.replace(/from 'opd-kit(\/[a-z-]+)?'/g, (_match, entry?: string) => `from '${join(root, 'src', entry ? `${entry.slice(1)}.ts` : 'index.ts')}'`);
}

describe('the SDK guide, followed as written', () => {
  it('type-checks with strict options against the SDK', async () => {
    const own = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as { compilerOptions: Record<string, unknown> };
    writeFileSync(join(scratch, 'guide.mts'), guideCode());
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { ...own.compilerOptions, allowImportingTsExtensions: true, typeRoots: [join(root, 'node_modules/@types')], noEmit: true },
        files: ['guide.mts'],
      }),
    );
    const result = await run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(scratch, 'tsconfig.json')], { cwd: scratch }).then(
      () => ({ code: 0, output: '' }),
      (error: { code?: number; stdout?: string }) => ({ code: error.code ?? 1, output: error.stdout ?? '' }),
    );
    assert.equal(result.code, 0, `the guide's code type-checks:\n${result.output}`);
  });

  it('runs against a backend and does what the guide says', async () => {
    const file = join(scratch, 'run.mts');
    writeFileSync(file, withAddresses(guideCode(), { 'http://localhost:8080': server.url }));
    const { stdout } = await run(process.execPath, ['--import', 'tsx', file], { cwd: root });
    assert.match(stdout, /^bpkad .+ siap/m, 'every OPD, BPKAD with SIAP on');
    assert.match(stdout, /^dinas-pupr /m);
    assert.match(stdout, /^SIAP-[0-9A-Z]{4}-[0-9A-Z]{4} \d{4}-\d\d-\d\dT/m, 'a tracking code and its due time');
    assert.match(stdout, /^received$/m, 'the new question is received');
    assert.match(stdout, /^fix: \[.*'name'.*\]$/m, 'the empty name named before anything is sent');
    assert.match(stdout, /^404 not-found \S+$/m, 'an unknown code: status, code and request id');
    assert.match(stdout, /^kemantapan \d+(\.\d+)? %$/m, "Dinas PUPR's road condition");
  });
});
