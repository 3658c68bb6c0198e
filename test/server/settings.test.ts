import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_STAFF_TOKEN, SettingsError, loadSettings } from '../../server/src/settings.js';

describe('settings', () => {
  it('starts with sensible defaults and warns about the demo staff token', () => {
    const settings = loadSettings({});
    assert.equal(settings.port, 8080);
    assert.equal(settings.host, undefined);
    assert.equal(settings.dataDir, './data');
    assert.equal(settings.databaseUrl, undefined);
    assert.equal(settings.seed, 'demo');
    assert.equal(settings.rateLimitPerMinute, 10);
    assert.equal(settings.serveDemo, true);
    assert.equal(settings.staffToken, DEMO_STAFF_TOKEN);
    assert.match(settings.warnings.join('\n'), /STAFF_TOKEN/);
  });

  it('names the variable and the value when a setting is wrong', () => {
    assert.throws(
      () => loadSettings({ PORT: 'abc' }),
      (error: unknown) =>
        error instanceof SettingsError &&
        error.message.includes('PORT must be a whole number between 1 and 65535, got "abc"'),
    );
  });

  it('lists every wrong variable at once', () => {
    try {
      loadSettings({ PORT: '70000', SEED: 'lots', TRUST_PROXY: 'maybe', CORS_ORIGINS: 'lahatkab.go.id', DATABASE_URL: 'mysql://x' });
      assert.fail('should have thrown');
    } catch (error) {
      assert.ok(error instanceof SettingsError);
      assert.equal(error.problems.length, 5);
      for (const name of ['PORT', 'SEED', 'TRUST_PROXY', 'CORS_ORIGINS', 'DATABASE_URL']) {
        assert.ok(error.problems.some((p) => p.startsWith(name)), `mentions ${name}`);
      }
    }
  });

  it('refuses to run in production without a staff token, and seeds nothing there by default', () => {
    assert.throws(() => loadSettings({ NODE_ENV: 'production' }), /STAFF_TOKEN must be set/);
    const settings = loadSettings({ NODE_ENV: 'production', STAFF_TOKEN: 'a-long-random-secret-123' });
    assert.equal(settings.seed, 'none');
    assert.equal(settings.serveDemo, false);
    assert.deepEqual(settings.warnings, []);
  });

  it('reads PostgreSQL, proxies and extra origins', () => {
    const settings = loadSettings({
      DATABASE_URL: 'postgres://opd:secret@db.internal:5432/opdkit',
      TRUST_PROXY: 'true',
      CORS_ORIGINS: 'https://bpkad.lahatkab.go.id, https://lahatkab.go.id/',
      RATE_LIMIT_PER_MINUTE: '30',
      HOST: '127.0.0.1',
    });
    assert.equal(settings.databaseUrl, 'postgres://opd:secret@db.internal:5432/opdkit');
    assert.equal(settings.trustProxy, true);
    assert.deepEqual(settings.corsOrigins, ['https://bpkad.lahatkab.go.id', 'https://lahatkab.go.id']);
    assert.equal(settings.rateLimitPerMinute, 30);
    assert.equal(settings.host, '127.0.0.1');
  });

  it('keeps a database password out of the error message', () => {
    assert.throws(
      () => loadSettings({ DATABASE_URL: 'mysql://opd:hunter2@db/opd' }),
      (error: unknown) => error instanceof Error && !error.message.includes('hunter2'),
    );
  });
});
