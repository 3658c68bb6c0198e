/**
 * The SDK against a real server in this process (real HTTP on 127.0.0.1, real database).
 * Only the edge we own is instrumented: a `fetch` wrapper that counts or drops answers.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  ApiError,
  createClient,
  newIdempotencyKey,
  IdempotencyConflictError,
  OpdError,
  NetworkError,
  RateLimitError,
  ResponseShapeError,
  TimeoutError,
  ValidationError,
  type ConsultationCreateInput,
} from '../../src/index.js';
import { TRACKING_CODE_PATTERN } from '../../src/schemas/index.js';
import { startTestServer } from '../helpers/server.js';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

let server: TestServer;
let strictServer: TestServer;

before(async () => {
  server = await startTestServer({ settings: { rateLimitPerMinute: 1000 } });
  // A clock stopped 1 s into a minute: the limit's window never rolls over mid-test, so the
  // server asks for 59 s, longer than the SDK waits out by itself.
  const stopped = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 1_000);
  strictServer = await startTestServer({ settings: { rateLimitPerMinute: 2 }, now: () => stopped });
});

after(async () => {
  await server?.close();
  await strictServer?.close();
});

let counter = 0;
function question(overrides: Partial<ConsultationCreateInput> = {}): ConsultationCreateInput {
  counter += 1;
  return {
    name: 'Rahmat Hidayat',
    email: 'rahmat.hidayat@contoh.id',
    phone: '0813 7777 1234',
    category: 'aset-daerah',
    subject: `Pertanyaan uji SDK ${counter} ${Date.now()}`,
    message: 'Bagaimana cara mengajukan pinjam pakai aset daerah untuk kegiatan desa?',
    consent: true,
    ...overrides,
  };
}

/** A fetch that records every request it passes on. */
function countingFetch() {
  const requests: Request[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return fetch(request);
  };
  return { fetch: wrapped, requests };
}

/** A server answering every request with `status`, `type` and `body` (JSON unless a string). */
async function answering(status: number, type: string, body: unknown): Promise<{ url: string; close: () => Promise<void> }> {
  const fake = createServer((_request, response) => {
    response.writeHead(status, { 'Content-Type': type });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  const { port } = fake.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => fake.close(() => resolve())) };
}

async function staffCount(subject: string): Promise<number> {
  const staff = createClient({ baseUrl: server.url, opd: 'bpkad', token: server.staffToken });
  const found = await staff.consultations.list({ q: subject }).toArray();
  return found.filter((c) => c.subject === subject).length;
}

describe('a citizen asking through the SDK', () => {
  it('gets a readable tracking code and can follow the question with it', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const receipt = await client.consultations.create(question());
    assert.match(receipt.trackingCode, TRACKING_CODE_PATTERN);
    assert.equal(receipt.status, 'received');
    assert.ok(Date.parse(receipt.dueAt) > Date.parse(receipt.submittedAt));

    const typedSloppily = receipt.trackingCode.toLowerCase().replace(/-/g, ' ');
    const view = await client.consultations.track(typedSloppily);
    assert.equal(view.trackingCode, receipt.trackingCode);
    assert.equal(view.status, 'received');
    assert.equal(view.opd.slug, 'bpkad');
    assert.equal(view.answer, null);
  });

  it('never sees the name, e-mail or phone in the public view', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const { trackingCode } = await client.consultations.create(question());
    const response = await fetch(`${server.url}/api/v1/consultations/${trackingCode}`);
    const text = await response.text();
    for (const secret of ['Rahmat', 'rahmat.hidayat@contoh.id', '81377771234', 'pinjam pakai']) {
      assert.ok(!text.includes(secret), `public view leaks ${secret}`);
    }
  });

  it('rejects a wrong e-mail before sending anything, naming the field', async () => {
    const { fetch: counted, requests } = countingFetch();
    const client = createClient({ baseUrl: server.url, opd: 'bpkad', fetch: counted });
    await assert.rejects(client.consultations.create(question({ email: 'rahmat@' })), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors.map((e) => [e.path, e.code]), [['email', 'format']]);
      return true;
    });
    assert.equal(requests.length, 0);
  });

  it('gets the server field error for a category the OPD does not offer', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'bpkad' });
    await assert.rejects(client.consultations.create(question({ category: 'jalan-rusak' })), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 422);
      assert.equal(error.code, 'validation');
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['category']);
      assert.ok(error.requestId, 'carries the request id to quote');
      return true;
    });
  });

  it('gets a not-found error for an OPD that does not exist', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'dinas-tidak-ada' });
    await assert.rejects(client.opds.get(), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'not-found');
      return true;
    });
  });

  it('sends one Idempotency-Key per question and reuses it when the answer is lost', async () => {
    const keys: string[] = [];
    let dropped = false;
    const losingFetch: typeof fetch = async (input, init) => {
      const request = new Request(input, init);
      keys.push(request.headers.get('Idempotency-Key') ?? '');
      const response = await fetch(request);
      if (!dropped && request.method === 'POST') {
        dropped = true; // the server stored it, but the answer never arrives
        throw new TypeError('network connection lost');
      }
      return response;
    };
    const client = createClient({ baseUrl: server.url, opd: 'bpkad', fetch: losingFetch });
    const input = question();
    const receipt = await client.consultations.create(input);
    assert.equal(keys.length, 2, 'retried once');
    assert.ok(keys[0] && keys[0] === keys[1], 'the retry carried the same key');
    assert.match(receipt.trackingCode, TRACKING_CODE_PATTERN);
    assert.equal(await staffCount(input.subject), 1, 'stored exactly once');
  });

  it('lets a caller retry across page loads with its own key, getting the same receipt', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const input = question();
    const first = await client.consultations.create(input, { idempotencyKey: 'draft-key-123' });
    const again = await client.consultations.create(input, { idempotencyKey: 'draft-key-123' });
    assert.deepEqual(again, first);
    await assert.rejects(
      client.consultations.create(question(), { idempotencyKey: 'draft-key-123' }),
      (error) => error instanceof ApiError && error.status === 422 && error.code === 'idempotency-conflict',
    );
  });

  it('tells the holder of a key what its first, stored send answered when a changed resend reuses it', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const idempotencyKey = newIdempotencyKey(); // unguessable, as the SDK makes them
    const input = question();
    const first = await client.consultations.create(input, { idempotencyKey });
    // The answer was lost; offline, the citizen edits the question; the resend reuses the key.
    const error = await client.consultations
      .create({ ...input, message: `${input.message} (diubah)` }, { idempotencyKey })
      .catch((e: unknown) => e);
    assert.ok(error instanceof IdempotencyConflictError, String(error));
    assert.ok(error instanceof ApiError && error instanceof OpdError, 'still an ApiError and an OpdError');
    assert.equal(error.name, 'IdempotencyConflictError');
    assert.equal(error.status, 422);
    assert.equal(error.code, 'idempotency-conflict');
    assert.deepEqual(error.stored, first, 'the stored receipt, with the tracking code');
    assert.deepEqual(error.fieldErrors.map((e) => [e.path, e.code]), [['Idempotency-Key', 'alreadyUsed']]);
    assert.equal(await staffCount(input.subject), 1, 'only the first version is stored');
  });

  it('reports a ResponseShapeError when what a key stored is not the endpoint’s answer', async () => {
    const wrong = await answering(422, 'application/problem+json', {
      type: '/problems/idempotency-conflict',
      title: 'This Idempotency-Key was used for a different request',
      status: 422,
      stored: { trackingCode: 'not a code' },
    });
    try {
      const client = createClient({ baseUrl: wrong.url, opd: 'bpkad', retries: 0 });
      await assert.rejects(client.consultations.create(question()), (error) => {
        assert.ok(error instanceof ResponseShapeError, String(error));
        assert.ok(error.fieldErrors.some((e) => e.path === 'trackingCode'));
        return true;
      });
    } finally {
      await wrong.close();
    }
  });

  it('reads a field error code it does not know as invalid, keeping the problem', async () => {
    const newer = await answering(422, 'application/problem+json', {
      type: '/problems/validation',
      title: 'The request has fields that need fixing',
      status: 422,
      errors: [{ path: 'subject', message: 'Something a newer server checks', code: 'someNewCode' }],
    });
    try {
      const client = createClient({ baseUrl: newer.url, opd: 'bpkad', retries: 0 });
      await assert.rejects(client.consultations.create(question()), (error) => {
        assert.ok(error instanceof ApiError);
        assert.equal(error.code, 'validation');
        assert.deepEqual(error.fieldErrors, [{ path: 'subject', message: 'Something a newer server checks', code: 'invalid' }]);
        return true;
      });
    } finally {
      await newer.close();
    }
  });

  it('rejects create() without a question as a ValidationError naming the missing body, sending nothing', async () => {
    const { fetch: counted, requests } = countingFetch();
    const client = createClient({ baseUrl: server.url, opd: 'bpkad', fetch: counted });
    const create = client.consultations.create as (input?: unknown) => Promise<unknown>;
    for (const input of [undefined, null]) {
      await assert.rejects(create(input), (error) => {
        assert.ok(error instanceof ValidationError, String(error));
        assert.deepEqual(error.fieldErrors, [{ path: '', message: 'The request body is missing: send an object', code: 'required' }]);
        assert.match(error.message, /body is missing/);
        return true;
      });
    }
    assert.equal(requests.length, 0);
  });

  it('says what is allowed for a wrong filter before sending it', async () => {
    const { fetch: counted, requests } = countingFetch();
    const staff = createClient({ baseUrl: server.url, opd: 'bpkad', token: server.staffToken, fetch: counted });
    const list = (query: Record<string, unknown>) => staff.consultations.list(query as never).firstPage();
    await assert.rejects(list({ status: 'lost' }), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors, [
        { path: 'status', message: 'Use one of: received, in_progress, answered, closed', code: 'notAllowed' },
      ]);
      return true;
    });
    await assert.rejects(list({ limit: 1000 }), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors, [{ path: 'limit', message: 'Use a number from 1 to 100', code: 'tooLarge' }]);
      return true;
    });
    assert.equal(requests.length, 0);
  });

  it('reports a ResponseShapeError, not a NetworkError, when the base URL is a web page answering 200', async () => {
    const site = await answering(200, 'text/html; charset=utf-8', '<!doctype html><title>Dinas</title><p>Selamat datang</p>');
    try {
      const client = createClient({ baseUrl: site.url, opd: 'bpkad', retries: 0 });
      for (const call of [() => client.opds.get(), () => client.consultations.track('SIAP-7K3F-9QX2')]) {
        await assert.rejects(call(), (error) => {
          assert.ok(error instanceof ResponseShapeError, String(error));
          assert.deepEqual(error.fieldErrors.map((e) => [e.path, e.code]), [['', 'format']]);
          assert.match(error.message, /text\/html, not JSON/);
          return true;
        });
      }
    } finally {
      await site.close();
    }
  });

  it('reports a NetworkError when nothing answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const client = createClient({ baseUrl: `http://127.0.0.1:${port}`, opd: 'bpkad', retries: 0 });
    await assert.rejects(client.opds.get(), NetworkError);
  });

  it('reports a TimeoutError when the server takes too long, after retrying the read', async () => {
    let hits = 0;
    const silent: Server = createServer(() => {
      hits += 1; // never answers
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const client = createClient({ baseUrl: `http://127.0.0.1:${port}`, opd: 'bpkad', timeout: 200, retries: 1 });
      await assert.rejects(client.opds.get(), TimeoutError);
      assert.equal(hits, 2, 'a read is retried once');
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('reports a ResponseShapeError when the answer is not what the schema says', async () => {
    const wrong = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ trackingCode: 'SIAP-7K3F-9QX2', status: 'lost' }));
    });
    await new Promise<void>((resolve) => wrong.listen(0, '127.0.0.1', resolve));
    const { port } = wrong.address() as AddressInfo;
    try {
      const client = createClient({ baseUrl: `http://127.0.0.1:${port}` });
      await assert.rejects(client.consultations.track('SIAP-7K3F-9QX2'), (error) => {
        assert.ok(error instanceof ResponseShapeError);
        assert.ok(error.fieldErrors.some((e) => e.path === 'status'));
        return true;
      });
    } finally {
      await new Promise((resolve) => wrong.close(resolve));
    }
  });

  it('reports a RateLimitError with the wait when a client sends too many questions', async () => {
    const client = createClient({ baseUrl: strictServer.url, opd: 'bpkad' });
    await client.consultations.create(question());
    await client.consultations.create(question());
    await assert.rejects(client.consultations.create(question()), (error) => {
      assert.ok(error instanceof RateLimitError);
      assert.equal(error.status, 429);
      assert.equal(error.retryAfter, 59);
      return true;
    });
  });
});

describe('staff working through the SDK', () => {
  it('signs in with client.auth, works as that person within their OPD only, and signs out', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'bpkad' });
    await assert.rejects(client.auth.login('bpkad@lahat.demo', 'wrong password'), (error) => {
      assert.ok(error instanceof ApiError);
      assert.deepEqual([error.status, error.code], [401, 'login-failed']);
      assert.match(error.message, /tries left/);
      return true;
    });
    const { user, token } = await client.auth.login('bpkad@lahat.demo', 'demo-password');
    assert.deepEqual([user.role, user.opd], ['opd_staff', 'bpkad']);
    assert.equal(client.auth.token, token);
    assert.equal((await client.auth.me()).email, 'bpkad@lahat.demo');
    assert.ok(Array.isArray((await client.consultations.list({ limit: 1 }).firstPage()).data));
    await assert.rejects(client.consultations.list({ opd: 'dinas-pupr' }).firstPage(), (error) => {
      assert.ok(error instanceof ApiError);
      assert.deepEqual([error.status, error.code], [403, 'forbidden']);
      return true;
    });
    await client.auth.logout();
    assert.equal(client.auth.token, null);
    await assert.rejects(client.auth.me(), (error) => error instanceof ApiError && error.status === 401);
  });

  it('needs a token for the staff list', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'bpkad' });
    await assert.rejects(client.consultations.list().firstPage(), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 401);
      return true;
    });
  });

  it('pages through the list with for await, and answers a question the citizen then sees', async () => {
    const citizen = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const staff = createClient({ baseUrl: server.url, opd: 'bpkad', token: server.staffToken });
    const created = [];
    for (let i = 0; i < 3; i++) created.push(await citizen.consultations.create(question()));

    const seen: string[] = [];
    for await (const c of staff.consultations.list({ limit: 1, status: 'received' })) {
      seen.push(c.trackingCode);
      if (seen.length === 5) break;
    }
    assert.equal(new Set(seen).size, seen.length, 'no consultation twice across pages');
    assert.ok(created.every((c) => seen.includes(c.trackingCode)), 'newest first');

    const code = created[0]!.trackingCode;
    const full = await staff.consultations.get(code);
    assert.equal(full.email, 'rahmat.hidayat@contoh.id');
    assert.equal(full.phone, '+6281377771234');

    await staff.consultations.setStatus(code, 'in_progress', { note: 'Sedang kami periksa.' });
    const answered = await staff.consultations.answer(code, 'Silakan ajukan surat permohonan ke Bidang Aset.');
    assert.equal(answered.status, 'answered');

    const view = await citizen.consultations.track(code);
    assert.equal(view.status, 'answered');
    assert.equal(view.answer?.text, 'Silakan ajukan surat permohonan ke Bidang Aset.');
    assert.deepEqual(view.timeline.map((t) => t.status), ['received', 'in_progress', 'answered']);
  });

  it('is told why a status change is not allowed', async () => {
    const citizen = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const staff = createClient({ baseUrl: server.url, opd: 'bpkad', token: server.staffToken });
    const { trackingCode } = await citizen.consultations.create(question());
    await staff.consultations.setStatus(trackingCode, 'closed', { note: 'Pertanyaan ganda.' });
    await assert.rejects(staff.consultations.setStatus(trackingCode, 'in_progress'), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 409);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['status']);
      assert.deepEqual(error.fieldErrors.map((e) => e.message), ['A closed consultation cannot change any more']);
      return true;
    });
    await assert.rejects(staff.consultations.answer(trackingCode, 'Jawaban terlambat.'), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 409);
      assert.doesNotMatch(error.detail ?? '', /in_progress/, 'no advice to make a change that is refused');
      return true;
    });
  });

  it('keeps an internal note from the citizen, who sees only the note meant for them', async () => {
    const citizen = createClient({ baseUrl: server.url, opd: 'bpkad' });
    const staff = createClient({ baseUrl: server.url, opd: 'bpkad', token: server.staffToken });
    const { trackingCode } = await citizen.consultations.create(question());
    const internalNote = 'Internal: minta Bidang Aset cek status pinjam pakai desa ini.';
    const changed = await staff.consultations.setStatus(trackingCode, 'in_progress', { note: 'Sedang kami proses.', internalNote });
    assert.equal(changed.timeline.at(-1)?.internalNote, internalNote);
    assert.equal(changed.timeline.at(-1)?.note, 'Sedang kami proses.');
    const view = await citizen.consultations.track(trackingCode);
    assert.equal(view.timeline.at(-1)?.note, 'Sedang kami proses.');
    assert.ok(!JSON.stringify(view).includes(internalNote));
  });
});

describe('an SDK newer than its backend', () => {
  it('reads an OPD and a tracking view from a backend that gives no time zone yet', async () => {
    // The backend before time zones: the same answers without `timeZone`.
    const older: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.json()) as Record<string, unknown>;
      delete body.timeZone;
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    };
    const client = createClient({ baseUrl: server.url, opd: 'bpkad', fetch: older });
    const opd = await client.opds.get();
    assert.equal(opd.slug, 'bpkad');
    assert.equal(opd.timeZone, undefined);
    const view = await client.consultations.track('SIAP-DEM0-0001');
    assert.equal(view.trackingCode, 'SIAP-DEM0-0001');
  });
});

describe('the error tree', () => {
  it('names each error class by a literal, so error.name survives minification', async () => {
    const client = createClient({ baseUrl: server.url, opd: 'dinas-tidak-ada' });
    const error = await client.opds.get().catch((e: unknown) => e);
    assert.ok(error instanceof ApiError);
    assert.equal(error.name, 'ApiError');
    assert.equal(new RateLimitError({ status: 429, code: 'rate-limited', title: 'x', retryAfter: 1 }).name, 'RateLimitError');
    assert.equal(new NetworkError('x').name, 'NetworkError');
    assert.equal(new TimeoutError('x').name, 'TimeoutError');
  });

  it('rejects, never throws, when a call names no OPD, so .catch() and await both see an OpdError', async () => {
    const client = createClient({ baseUrl: server.url });
    const calls = [
      () => client.opds.get(),
      () => client.consultations.create(question()),
      () => client.consultations.get('SIAP-DEM0-0001'),
      () => client.consultations.answer('SIAP-DEM0-0001', 'Jawaban'),
      () => client.consultations.setStatus('SIAP-DEM0-0001', 'closed'),
    ];
    for (const call of calls) {
      let promise: Promise<unknown> | undefined;
      assert.doesNotThrow(() => {
        promise = call();
      });
      const error = await promise?.catch((e: unknown) => e);
      assert.ok(error instanceof OpdError, String(error));
      assert.match((error as Error).message, /No OPD given/);
    }
  });
});
