/**
 * Slow clients cannot starve the server: `main.ts` with short deadlines
 * (`HEADERS_TIMEOUT_SECONDS=2`, `REQUEST_TIMEOUT_SECONDS=4`), 100 slowloris sockets trickling
 * their headers a byte a second and 20 trickling a question's body; meanwhile ordinary requests
 * still answer quickly, and every slow socket is answered 408 and closed by its deadline.
 *
 * `RELIABILITY_SLOW_SOCKETS` (default 100) sets how many slowloris sockets.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings, SettingsError } from '../../../server/src/settings.js';
import { startMain, type MainProcess } from './main-process.js';

const SLOW_HEADERS = Number(process.env.RELIABILITY_SLOW_SOCKETS ?? 100);
const SLOW_BODIES = 20;
const HEADERS_TIMEOUT_S = 2;
const REQUEST_TIMEOUT_S = 4;

interface Trickle {
  socket: Socket;
  /** What the server sent back before it closed the socket. */
  answer: Promise<{ text: string; openMs: number }>;
  stop(): void;
}

/** Opens a socket and sends `head` at once, then `rest` a byte every `everyMs`. */
function trickle(port: number, head: string, rest: string, everyMs = 1000): Trickle {
  const socket = connect(port, '127.0.0.1');
  const opened = performance.now();
  let text = '';
  let at = 0;
  const timer = setInterval(() => {
    if (at < rest.length && socket.writable) socket.write(rest[at++]!);
  }, everyMs);
  socket.on('data', (chunk) => (text += chunk.toString()));
  socket.on('error', () => {});
  socket.write(head);
  const answer = new Promise<{ text: string; openMs: number }>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ text, openMs: performance.now() - opened });
    }),
  );
  return { socket, answer, stop: () => (clearInterval(timer), socket.destroy()) };
}

describe('slow clients', () => {
  let server: MainProcess;
  let dir = '';
  const trickles: Trickle[] = [];
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'opd-kit-slow-'));
    server = await startMain({ env: { DATA_DIR: dir, HEADERS_TIMEOUT_SECONDS: String(HEADERS_TIMEOUT_S), REQUEST_TIMEOUT_SECONDS: String(REQUEST_TIMEOUT_S) } });
  });
  after(async () => {
    for (const t of trickles) t.stop();
    await server?.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it(`answers others quickly while ${SLOW_HEADERS} slowloris and ${SLOW_BODIES} slow-body sockets are open, and cuts each off by its deadline`, { timeout: 120_000 }, async (t) => {
    // Warm: the first answers of a fresh process compile code paths.
    for (let i = 0; i < 5; i++) await (await fetch(`${server.url}/api/v1/opds`)).text();
    const quiet: number[] = [];
    for (let i = 0; i < 10; i++) {
      const started = performance.now();
      await (await fetch(`${server.url}/api/v1/opds/dinas-pupr/road-reports`)).text();
      quiet.push(performance.now() - started);
    }

    for (let i = 0; i < SLOW_HEADERS; i++) {
      trickles.push(trickle(server.port, 'GET /api/v1/opds HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n'));
    }
    const body = JSON.stringify({ name: 'Pelan Sekali', email: 'pelan@example.com', category: 'aset-daerah', subject: 'Dikirim sangat pelan', message: 'Badan permintaan ini dikirim satu bajt per detik.', consent: true });
    const bodies: Trickle[] = [];
    for (let i = 0; i < SLOW_BODIES; i++) {
      bodies.push(
        trickle(
          server.port,
          `POST /api/v1/opds/bpkad/consultations HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
          body,
        ),
      );
    }
    trickles.push(...bodies);
    await new Promise((resolve) => setTimeout(resolve, 500));

    // Ordinary requests, reads and a write, while every slow socket is open.
    const busy: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const response =
        i % 5 === 4
          ? await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: body.replace('sangat pelan', `biasa ${i}`) })
          : await fetch(`${server.url}/api/v1/opds/dinas-pupr/road-reports`);
      await response.text();
      assert.ok(response.status === 200 || response.status === 201, `answered ${response.status}`);
      busy.push(performance.now() - started);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
    t.diagnostic(`ordinary requests: median ${median(quiet).toFixed(1)} ms quiet, ${median(busy).toFixed(1)} ms (slowest ${Math.max(...busy).toFixed(1)} ms) with ${SLOW_HEADERS + SLOW_BODIES} slow sockets open`);
    assert.ok(Math.max(...busy) < 2000, `every ordinary request within 2 s (slowest ${Math.round(Math.max(...busy))} ms)`);

    const answers = await Promise.all(trickles.map((s) => s.answer));
    const headerAnswers = answers.slice(0, SLOW_HEADERS);
    const bodyAnswers = answers.slice(SLOW_HEADERS);
    const cutBy = (list: { openMs: number }[]) => Math.max(...list.map((a) => a.openMs));
    t.diagnostic(`slowloris sockets closed after at most ${Math.round(cutBy(headerAnswers))} ms (deadline ${HEADERS_TIMEOUT_S} s); slow bodies after at most ${Math.round(cutBy(bodyAnswers))} ms (deadline ${REQUEST_TIMEOUT_S} s)`);
    for (const answer of answers) assert.match(answer.text, /^HTTP\/1\.1 408 /, 'answered 408 Request Timeout');
    // Checked every second, started within the first second: two seconds of slack on a busy machine.
    assert.ok(cutBy(headerAnswers) < (HEADERS_TIMEOUT_S + 3) * 1000);
    assert.ok(cutBy(bodyAnswers) < (REQUEST_TIMEOUT_S + 3) * 1000);

    // No trickled question was stored: only the four ordinary ones.
    const health = await fetch(`${server.url}/healthz`);
    assert.equal(health.status, 200);
  });
});

describe('the slow-client deadlines as settings', () => {
  it('defaults to 10 s for the headers and 120 s for a whole request', () => {
    const settings = loadSettings({});
    assert.equal(settings.headersTimeoutSeconds, 10);
    assert.equal(settings.requestTimeoutSeconds, 120);
  });

  it('names a wrong value, and a request deadline shorter than the headers one', () => {
    assert.throws(() => loadSettings({ HEADERS_TIMEOUT_SECONDS: 'soon' }), (error: unknown) => error instanceof SettingsError && /HEADERS_TIMEOUT_SECONDS must be a whole number between 1 and 600, got "soon"/.test(error.message));
    assert.throws(() => loadSettings({ HEADERS_TIMEOUT_SECONDS: '30', REQUEST_TIMEOUT_SECONDS: '20' }), /REQUEST_TIMEOUT_SECONDS \(20\) must be at least HEADERS_TIMEOUT_SECONDS \(30\)/);
  });
});
