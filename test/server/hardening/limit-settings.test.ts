/**
 * The settings of the rate-limit classes and of Redis (`server/src/settings.ts`): defaults,
 * overrides, 0 as no limit, a wrong value named with its variable, a Redis password never shown.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsError, loadSettings } from '../../../server/src/settings.js';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadSettings(env);
  } catch (error) {
    if (error instanceof SettingsError) return error.problems;
    throw error;
  }
  return [];
};

describe('rate-limit and Redis settings', () => {
  it('starts production with a limit for every class and no Redis', () => {
    const settings = loadSettings({ NODE_ENV: 'production' });
    assert.equal(settings.rateLimitPerMinute, 10);
    assert.deepEqual(settings.rateLimits, { publicReads: 600, signIn: 10, staff: 600, uploads: 30 });
    assert.equal(settings.redisUrl, undefined);
    assert.equal(settings.redisKeyPrefix, 'opd-kit:');
  });

  it('reads each class, 0 turning it off', () => {
    const settings = loadSettings({
      NODE_ENV: 'production',
      RATE_LIMIT_READS_PER_MINUTE: '1200',
      RATE_LIMIT_SIGN_IN_PER_MINUTE: '5',
      RATE_LIMIT_STAFF_PER_MINUTE: '0',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '12',
      REDIS_URL: 'rediss://opd:rahasia@redis.lahatkab.go.id:6380/2',
      REDIS_KEY_PREFIX: 'lahat:',
    });
    assert.deepEqual(settings.rateLimits, { publicReads: 1200, signIn: 5, staff: 0, uploads: 12 });
    assert.equal(settings.redisUrl, 'rediss://opd:rahasia@redis.lahatkab.go.id:6380/2');
    assert.equal(settings.redisKeyPrefix, 'lahat:');
  });

  it('leaves the classes not set off outside production (the demo, tests), but not the public writes', () => {
    for (const env of ['test', 'development', undefined]) {
      const settings = loadSettings({ NODE_ENV: env, RATE_LIMIT_SIGN_IN_PER_MINUTE: '3' });
      assert.deepEqual(settings.rateLimits, { publicReads: 0, signIn: 3, staff: 0, uploads: 0 }, String(env));
      assert.equal(settings.rateLimitPerMinute, 10);
    }
  });

  it('names the variable of a wrong limit or Redis address, without its password', () => {
    assert.deepEqual(problemsOf({ RATE_LIMIT_READS_PER_MINUTE: 'banyak' }), ['RATE_LIMIT_READS_PER_MINUTE must be a whole number between 0 and 100000000, got "banyak"']);
    assert.deepEqual(problemsOf({ RATE_LIMIT_STAFF_PER_MINUTE: '-1' }), ['RATE_LIMIT_STAFF_PER_MINUTE must be a whole number between 0 and 100000000, got "-1"']);
    const [redis] = problemsOf({ REDIS_URL: 'http://:rahasia@127.0.0.1:6379' });
    assert.match(redis ?? '', /^REDIS_URL must be redis:\/\/host:6379/);
    assert.match(redis ?? '', /got "http:\/\/:\*\*\*@127\.0\.0\.1:6379"/);
    assert.doesNotMatch(redis ?? '', /rahasia/);
  });
});
