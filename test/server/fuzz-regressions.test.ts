/**
 * What the fuzzers (`fuzz-openapi.test.ts`, `fuzz-wire.test.ts`) found, each as the concrete
 * request, so it stays fixed whatever seed a later run draws.
 */
import assert from 'node:assert/strict';
import net from 'node:net';
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
    // Errors logged, so a test can see what the server took for its own fault.
    server = await startTestServer({ settings: { logLevel: 'error' } });
  });
  after(() => server?.close());

  /** The error lines the server writes while `work` runs (and `settleMs` after). */
  async function errorsLoggedDuring(work: () => Promise<void>, settleMs: number): Promise<string[]> {
    const lines: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      lines.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
    try {
      await work();
      await new Promise((resolve) => setTimeout(resolve, settleMs));
    } finally {
      process.stderr.write = write;
    }
    return lines.filter((line) => line.includes('unhandled error'));
  }

  async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; problem: Problem }> {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
    return { status: response.status, type: response.headers.get('content-type') ?? '', problem: (await response.json()) as Problem };
  }

  it("answers 404 for a mail id past the integer column's range, not 500 (FUZZ_SEED=-1264103493 FUZZ_RUNS=200)", async () => {
    const response = await fetch(`${server.url}/api/v1/opds/dpmptsp/notifications/6900426690/retry`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.staffToken}` },
    });
    assert.equal(response.status, 404);
    assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  });

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

  it('takes a client that leaves before its Content-Length is sent for a broken request, not an error of its own', async () => {
    const { port } = new URL(server.url);
    const logged = await errorsLoggedDuring(async () => {
      await new Promise<void>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => {
          socket.write('POST /api/v1/opds/bpkad/consultations HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":"S');
          // …and leaves without the other 90 bytes.
          setTimeout(() => socket.destroy(), 300);
        });
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
      });
      // The next client is answered as before.
      assert.equal((await fetch(`${server.url}/api/v1/opds/bpkad`)).status, 200);
    }, 1500);
    assert.deepEqual(logged, []);
  });
});
