/**
 * Shared rate-limit counts in Redis (`REDIS_URL`, `server/src/http/redis-counter.ts`), against
 * the real Redis at 127.0.0.1:6379 (`TEST_REDIS_URL` to use another): two apps on two databases
 * share one limit through it; with Redis away the limit still holds, counted where it would be
 * without Redis, and that is logged once. Every key is under a prefix of this run's own, deleted
 * at the end.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createClient } from '@redis/client';
import { createApp, type OpdApp } from '../../../server/src/app.js';
import { createLogger, type Logger } from '../../../server/src/log.js';
import type { Settings } from '../../../server/src/settings.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { question } from '../../helpers/siap.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('rate limits counted in Redis', () => {
  const prefix = `opd-kit-test:${randomUUID()}:`;
  const redis = createClient({ url: REDIS_URL });
  let first: TestServer;
  let second: TestServer;
  const apps: OpdApp[] = [];

  before(async () => {
    await redis.connect();
    // Two databases, so nothing but Redis can share a count between their apps.
    [first, second] = await Promise.all([startTestServer(), startTestServer()]);
  });
  after(async () => {
    for (const app of apps) await app.close();
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(keys);
    await redis.close();
    await Promise.all([first?.close(), second?.close()]);
  });

  const appOn = (server: TestServer, more: Partial<Settings>, log?: Logger) => {
    const stopped = new Date('2025-03-05T03:00:30.000Z');
    const settings: Settings = { ...server.settings, trustProxy: true, rateLimitPerMinute: 2, redisUrl: REDIS_URL, redisKeyPrefix: prefix, ...more };
    const app = createApp({ db: server.db, settings, now: () => stopped, ...(log ? { log } : {}) });
    apps.push(app);
    return app;
  };

  const ask = (app: OpdApp, from: string) =>
    app.request('/api/v1/opds/bpkad/consultations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': from },
      body: JSON.stringify(question()),
    });

  /** Waits until the app's Redis connection is up (it connects in the background). */
  const connected = async (app: OpdApp, from: string) => {
    for (let i = 0; i < 50; i++) {
      if ((await redis.keys(`${prefix}rl:*${from}*`)).length > 0) return;
      await ask(app, from);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.fail('the app never counted in Redis');
  };

  it('shares one limit between two apps on two databases', async () => {
    const one = appOn(first, {});
    const other = appOn(second, {});
    await connected(one, '192.0.2.200');
    await connected(other, '192.0.2.201');
    const from = '192.0.2.10';
    assert.equal((await ask(one, from)).status, 201);
    assert.equal((await ask(other, from)).status, 201);
    const limited = await ask(one, from);
    assert.equal(limited.status, 429, 'the third question in the minute, whichever app it reaches');
    assert.equal(limited.headers.get('retry-after'), '30');
    assert.equal((await ask(other, from)).status, 429);
    const [key] = await redis.keys(`${prefix}rl:public-write:${from}:*`);
    assert.ok(key, 'the count is in Redis under the prefix');
    assert.equal(await redis.get(key), '4');
    const ttl = await redis.pTTL(key);
    assert.ok(ttl > 60_000 && ttl <= 120_000, `the window's key expires by itself (${ttl} ms)`);
    assert.equal((await ask(other, '192.0.2.11')).status, 201, 'another address is not limited');
  });

  it('keeps limiting while Redis is away, counting without it, and logs that once', async () => {
    const lines: string[] = [];
    const log = createLogger('info', (_level, line) => lines.push(line));
    // Nothing listens on port 1: the connection is refused at once.
    const app = appOn(first, { redisUrl: 'redis://:secret@127.0.0.1:1' }, log);
    const from = '192.0.2.20';
    assert.equal((await ask(app, from)).status, 201);
    assert.equal((await ask(app, from)).status, 201);
    assert.equal((await ask(app, from)).status, 429, 'the limit holds without Redis');
    for (let i = 0; i < 3; i++) await ask(app, from);
    const warnings = lines.filter((line) => line.includes('Redis'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0] ?? '', /does not answer .*counting in memory until it does/);
    assert.doesNotMatch(warnings[0] ?? '', /secret/, 'the password is not logged');
  });
});
