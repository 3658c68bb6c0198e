/**
 * How the SDK sends: what it tries again and when, how long it waits, how a caller stops it,
 * and what each request carries. Against real HTTP on 127.0.0.1: small scripted servers for
 * the answers a real backend gives only under load or failure (503, 429, silence, a body that
 * stops), and the real server where the outcome is stored data.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  ApiError,
  createClient,
  NetworkError,
  RateLimitError,
  TimeoutError,
  type ConsultationCreateInput,
} from '../../src/index.js';
import { RequestSender } from '../../src/request.js';
import { opdEndpoints } from '../../src/schemas/opds.js';
import { startTestServer } from '../helpers/server.js';

/** One request a scripted server received. */
interface Hit {
  at: number;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

/** A local server answering its n-th request (from 1) as `answer` says; `hits` records each. */
async function scripted(answer: (n: number, response: ServerResponse, request: IncomingMessage) => void) {
  const hits: Hit[] = [];
  const server = createServer((request, response) => {
    hits.push({ at: performance.now(), method: request.method ?? '', url: request.url ?? '', headers: request.headers });
    request.resume();
    answer(hits.length, response, request);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    gaps: () => hits.slice(1).map((hit, i) => hit.at - hits[i]!.at),
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  response.writeHead(status, { 'Content-Type': type, ...headers });
  response.end(JSON.stringify(body));
}

const unavailable = { type: '/problems/internal', title: 'Service unavailable', status: 503 };
const tooMany = { type: '/problems/rate-limited', title: 'Too many requests', status: 429 };
const bpkad = { slug: 'bpkad', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', modules: ['siap'], consultationCategories: [] };
const receipt = {
  trackingCode: 'SIAP-7K3F-9QX2',
  opd: 'bpkad',
  status: 'received',
  submittedAt: '2026-11-25T03:00:00.000Z',
  dueAt: '2026-11-30T03:00:00.000Z',
};

let counter = 0;
function question(): ConsultationCreateInput {
  counter += 1;
  return {
    name: 'Siti Aminah',
    email: 'siti.aminah@contoh.id',
    category: 'aset-daerah',
    subject: `Pertanyaan uji pengiriman ${counter} ${Date.now()}`,
    message: 'Apakah sewa gedung milik daerah bisa dibayar secara bertahap?',
    consent: true,
  };
}

/** How long `promise` takes to settle, in milliseconds, and what it settled with. */
async function timed<T>(promise: Promise<T>): Promise<{ ms: number; value?: T; error?: unknown }> {
  const start = performance.now();
  try {
    const value = await promise;
    return { ms: performance.now() - start, value };
  } catch (error) {
    return { ms: performance.now() - start, error };
  }
}

describe('a read or a keyed write on a shaky backend', () => {
  it('is tried again after a 503, a little later each time, and gets the answer', async () => {
    const backend = await scripted((n, response) => (n < 3 ? json(response, 503, unavailable) : json(response, 200, bpkad)));
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      assert.equal((await client.opds.get()).slug, 'bpkad');
      assert.equal(backend.hits.length, 3, 'two retries (the default)');
      const [first, second] = backend.gaps();
      // 0.3 s then 0.6 s, each times 0.5 to 1.5 at random.
      assert.ok(first! >= 140 && first! < 800, `first wait ${first} ms`);
      assert.ok(second! >= 290 && second! < 1500, `second wait ${second} ms`);
    } finally {
      await backend.close();
    }
  });

  it('waits out a short Retry-After on a 503 before trying again', async () => {
    const backend = await scripted((n, response) =>
      n === 1 ? json(response, 503, unavailable, { 'Retry-After': '1' }) : json(response, 200, bpkad),
    );
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      assert.equal((await client.opds.get()).slug, 'bpkad');
      assert.equal(backend.hits.length, 2);
      assert.ok(backend.gaps()[0]! >= 950, `waited ${backend.gaps()[0]} ms of the 1 s asked`);
    } finally {
      await backend.close();
    }
  });

  it('waits out a short Retry-After on a 429 and sends the question again with the same key', async () => {
    const backend = await scripted((n, response) =>
      n === 1 ? json(response, 429, tooMany, { 'Retry-After': '1' }) : json(response, 201, receipt),
    );
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      assert.deepEqual(await client.consultations.create(question()), receipt);
      assert.equal(backend.hits.length, 2);
      assert.ok(backend.gaps()[0]! >= 950, `waited ${backend.gaps()[0]} ms of the 1 s asked`);
      const [first, second] = backend.hits.map((hit) => hit.headers['idempotency-key']);
      assert.ok(first && first === second, 'one key for both sends');
    } finally {
      await backend.close();
    }
  });

  it('hands a long Retry-After to the caller at once: a RateLimitError for a 429, the 503 for a 503', async () => {
    const backend = await scripted((n, response) =>
      n === 1 ? json(response, 429, tooMany, { 'Retry-After': '30' }) : json(response, 503, unavailable, { 'Retry-After': '120' }),
    );
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      const limited = await timed(client.opds.get());
      assert.ok(limited.error instanceof RateLimitError, String(limited.error));
      assert.equal(limited.error.retryAfter, 30);
      const down = await timed(client.opds.get());
      assert.ok(down.error instanceof ApiError && !(down.error instanceof RateLimitError), String(down.error));
      assert.equal(down.error.status, 503);
      assert.equal(backend.hits.length, 2, 'neither was sent again');
      assert.ok(limited.ms < 1000 && down.ms < 1000, `answered in ${limited.ms} and ${down.ms} ms`);
    } finally {
      await backend.close();
    }
  });

  it('is not tried again when the server refused it (404)', async () => {
    const backend = await scripted((_n, response) =>
      json(response, 404, { type: '/problems/not-found', title: 'Not found', status: 404 }),
    );
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      await assert.rejects(client.opds.get(), (error) => error instanceof ApiError && error.status === 404);
      assert.equal(backend.hits.length, 1);
    } finally {
      await backend.close();
    }
  });
});

describe('a write without an Idempotency-Key', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    server = await startTestServer({ settings: { rateLimitPerMinute: 1000 } });
  });
  after(async () => {
    await server?.close();
  });

  it('is sent once on a 503, where a read is tried again', async () => {
    const backend = await scripted((_n, response) => json(response, 503, unavailable));
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      await assert.rejects(client.auth.login('bpkad@lahat.demo', 'demo-password'), (error) => error instanceof ApiError && error.status === 503);
      assert.deepEqual(backend.hits.map((hit) => hit.method), ['POST']);
      await assert.rejects(client.opds.get(), (error) => error instanceof ApiError && error.status === 503);
      assert.deepEqual(backend.hits.map((hit) => hit.method), ['POST', 'GET', 'GET', 'GET']);
    } finally {
      await backend.close();
    }
  });

  it('is not sent again when its answer is lost, so a staff answer is stored once', async () => {
    const citizen = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const { trackingCode } = await citizen.consultations.create(question());
    const answers: Request[] = [];
    const losingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      const response = await fetch(request);
      if (request.url.endsWith('/answer')) {
        answers.push(request);
        throw new TypeError('network connection lost'); // stored, but the answer never arrives
      }
      return response;
    };
    const staff = createClient({ baseUrl: server.url, opd: 'bpkad', token: server.staffToken, fetch: losingFetch });
    await assert.rejects(staff.consultations.answer(trackingCode, 'Bisa, dengan perjanjian sewa bertahap.'), NetworkError);
    assert.equal(answers.length, 1, 'sent once');
    const stored = await staff.consultations.get(trackingCode);
    assert.equal(stored.status, 'answered');
    assert.equal(stored.timeline.filter((entry) => entry.status === 'answered').length, 1);
  });

});

describe('what each request carries', () => {
  it('carries the bearer token as it is at the time of sending, and none when there is none', async () => {
    const backend = await scripted((_n, response) => json(response, 200, bpkad));
    try {
      const sender = new RequestSender({ baseUrl: backend.url });
      const get = () => sender.call(opdEndpoints.get, { params: { opd: 'bpkad' }, what: 'OPD bpkad' });
      await get();
      sender.token = 'token-of-the-day';
      await get();
      sender.token = null;
      await get();
      assert.deepEqual(backend.hits.map((hit) => hit.headers.authorization), [undefined, 'Bearer token-of-the-day', undefined]);
    } finally {
      await backend.close();
    }
  });

  it('sends the extra headers, JSON with its Content-Type, and leaves empty filters out of the address', async () => {
    const backend = await scripted((n, response) =>
      n === 1 ? json(response, 201, receipt) : json(response, 200, { data: [], nextCursor: null }),
    );
    try {
      const client = createClient({ baseUrl: `${backend.url}/`, opd: 'bpkad', token: 'staff-token', headers: { 'X-Desa': 'Tanjung Payang' } });
      const input = question();
      await client.consultations.create(input);
      await client.consultations.list({ q: '', status: 'received', limit: 5 }).firstPage();
      const [write, read] = backend.hits;
      assert.equal(write!.url, '/api/v1/opds/bpkad/consultations', 'one slash between the base URL and the path');
      assert.equal(write!.headers['content-type'], 'application/json');
      assert.equal(write!.headers['x-desa'], 'Tanjung Payang');
      assert.equal(write!.headers.accept, 'application/json');
      const { searchParams } = new URL(read!.url, backend.url);
      assert.deepEqual(Object.fromEntries(searchParams), { status: 'received', limit: '5' });
      assert.equal(read!.headers['x-desa'], 'Tanjung Payang');
    } finally {
      await backend.close();
    }
  });
});

describe('a caller that stops waiting', () => {
  it('gets a TimeoutError when the answer starts but never finishes', async () => {
    const backend = await scripted((_n, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"slug":"bpk'); // and nothing more
    });
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad', timeout: 200, retries: 1 });
      const { error, ms } = await timed(client.opds.get());
      assert.ok(error instanceof TimeoutError, String(error));
      assert.equal(backend.hits.length, 2, 'a read is tried again');
      assert.ok(ms < 2000, `gave up after ${ms} ms`);
    } finally {
      await backend.close();
    }
  });

  it('gets a TimeoutError even from a fetch that ignores its signal', async () => {
    const stuck: typeof fetch = () => new Promise<Response>(() => {});
    const client = createClient({ baseUrl: 'http://127.0.0.1:9', opd: 'bpkad', fetch: stuck, timeout: 100, retries: 0 });
    await assert.rejects(client.opds.get(), TimeoutError);
  });

  it('gets the signal’s reason when it aborts while the server is silent', async () => {
    const backend = await scripted(() => {}); // never answers
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      const reason = new Error('the citizen left the page');
      const controller = new AbortController();
      setTimeout(() => controller.abort(reason), 50);
      const { error, ms } = await timed(client.opds.get('bpkad', { signal: controller.signal }));
      assert.equal(error, reason);
      assert.ok(ms < 1000, `stopped after ${ms} ms`);
      assert.equal(backend.hits.length, 1);
    } finally {
      await backend.close();
    }
  });

  it('gets the signal’s reason when it aborts during the wait before a retry, and nothing more is sent', async () => {
    const backend = await scripted((_n, response) => json(response, 503, unavailable, { 'Retry-After': '3' }));
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 200);
      const { error, ms } = await timed(client.opds.get('bpkad', { signal: controller.signal }));
      assert.ok(error instanceof DOMException && error.name === 'AbortError', String(error));
      assert.equal(error, controller.signal.reason);
      assert.ok(ms < 1500, `stopped after ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 3200));
      assert.equal(backend.hits.length, 1);
    } finally {
      await backend.close();
    }
  });

  it('sends nothing when the signal has already aborted', async () => {
    const backend = await scripted((_n, response) => json(response, 200, bpkad));
    try {
      const client = createClient({ baseUrl: backend.url, opd: 'bpkad' });
      const reason = new Error('cancelled before it began');
      await assert.rejects(client.opds.get('bpkad', { signal: AbortSignal.abort(reason) }), (error) => error === reason);
      await assert.rejects(client.consultations.create(question(), { signal: AbortSignal.abort(reason) }), (error) => error === reason);
      assert.equal(backend.hits.length, 0);
    } finally {
      await backend.close();
    }
  });

  it('gets the signal’s reason at once from a fetch that ignores its signal', async () => {
    const stuck: typeof fetch = () => new Promise<Response>(() => {});
    const client = createClient({ baseUrl: 'http://127.0.0.1:9', opd: 'bpkad', fetch: stuck });
    const reason = new Error('closed the dialog');
    const controller = new AbortController();
    setTimeout(() => controller.abort(reason), 50);
    const { error, ms } = await timed(client.opds.get('bpkad', { signal: controller.signal }));
    assert.equal(error, reason);
    assert.ok(ms < 1000, `stopped after ${ms} ms`);
  });
});
