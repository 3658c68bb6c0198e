/**
 * What the fuzzers (`fuzz-openapi.test.ts`, `fuzz-wire.test.ts`) found, each as the concrete
 * request, so it stays fixed whatever seed a later run draws.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../helpers/server.js';

interface Problem {
  type: string;
  status: number;
  errors?: { path: string; message: string; code?: string }[];
}

describe('requests the fuzzer found', () => {
  let server: TestServer;

  before(async () => {
    server = await startTestServer();
  });
  after(() => server?.close());

  async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; problem: Problem }> {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    return { status: response.status, type: response.headers.get('content-type') ?? '', problem: (await response.json()) as Problem };
  }

  it('names the body as the field at fault when it is not JSON, so a client has an error to show', async () => {
    for (const body of ['{"name": "Siti",', '{"a":1}garbage', '', 'nul']) {
      const { status, type, problem } = await post('/api/v1/opds/bpkad/consultations', body);
      assert.equal(status, 400, body);
      assert.match(type, /^application\/problem\+json/);
      assert.equal(problem.type, '/problems/validation');
      assert.deepEqual(
        problem.errors?.map(({ path, code }) => ({ path, code })),
        [{ path: '', code: 'format' }],
        body,
      );
    }
  });
});
