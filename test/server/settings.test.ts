import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SettingsError, loadSettings } from '../../server/src/settings.js';

describe('settings', () => {
  it('starts with sensible defaults', () => {
    const settings = loadSettings({});
    assert.equal(settings.port, 8080);
    assert.equal(settings.host, undefined);
    assert.equal(settings.dataDir, './data');
    assert.equal(settings.databaseUrl, undefined);
    assert.equal(settings.seed, 'demo');
    assert.equal(settings.rateLimitPerMinute, 10);
    assert.equal(settings.serveDemo, true);
    assert.equal(settings.timeZone, 'Asia/Jakarta');
    assert.equal(settings.databasePoolSize, 10);
    assert.equal(settings.jobs, true);
    assert.deepEqual(settings.warnings, []);
  });

  it('reads the pool size and whether this instance runs the jobs, naming a wrong value', () => {
    const settings = loadSettings({ DATABASE_POOL_SIZE: '25', JOBS: 'false' });
    assert.equal(settings.databasePoolSize, 25);
    assert.equal(settings.jobs, false);
    assert.throws(() => loadSettings({ DATABASE_POOL_SIZE: '0', JOBS: 'sometimes' }), (error: unknown) => {
      assert.ok(error instanceof SettingsError);
      assert.match(error.message, /DATABASE_POOL_SIZE/);
      assert.match(error.message, /JOBS must be true or false, got "sometimes"/);
      return true;
    });
  });

  it('reads the regency’s time zone by IANA name or as WIB, WITA, WIT', () => {
    assert.equal(loadSettings({ TIME_ZONE: 'Asia/Makassar' }).timeZone, 'Asia/Makassar');
    assert.equal(loadSettings({ TIME_ZONE: ' asia/jayapura ' }).timeZone, 'Asia/Jayapura');
    assert.equal(loadSettings({ TIME_ZONE: 'Asia/Pontianak' }).timeZone, 'Asia/Pontianak');
    assert.equal(loadSettings({ TIME_ZONE: 'WIB' }).timeZone, 'Asia/Jakarta');
    assert.equal(loadSettings({ TIME_ZONE: 'wita' }).timeZone, 'Asia/Makassar');
    assert.equal(loadSettings({ TIME_ZONE: 'WIT' }).timeZone, 'Asia/Jayapura');
    assert.equal(loadSettings({ TIME_ZONE: '' }).timeZone, 'Asia/Jakarta');
  });

  it('refuses a time zone outside Indonesia, naming the three it takes', () => {
    for (const wrong of ['Europe/Amsterdam', 'UTC', '+08:00', 'Asia/Makasar']) {
      assert.throws(
        () => loadSettings({ TIME_ZONE: wrong }),
        (error: unknown) =>
          error instanceof SettingsError &&
          error.problems.length === 1 &&
          error.problems[0] ===
            `TIME_ZONE must be the regency's time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT) (Asia/Pontianak is WIB too), got "${wrong}"`,
        wrong,
      );
    }
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
      loadSettings({
        PORT: '70000',
        SEED: 'lots',
        TRUST_PROXY: 'maybe',
        CORS_ORIGINS: 'lahatkab.go.id',
        DATABASE_URL: 'mysql://x',
        TIME_ZONE: 'Asia/Singapore',
      });
      assert.fail('should have thrown');
    } catch (error) {
      assert.ok(error instanceof SettingsError);
      assert.equal(error.problems.length, 6);
      for (const name of ['PORT', 'SEED', 'TRUST_PROXY', 'CORS_ORIGINS', 'DATABASE_URL', 'TIME_ZONE']) {
        assert.ok(error.problems.some((p) => p.startsWith(name)), `mentions ${name}`);
      }
    }
  });

  it('refuses the old shared STAFF_TOKEN, pointing to staff accounts', () => {
    assert.throws(
      () => loadSettings({ STAFF_TOKEN: 'a-long-random-secret-123' }),
      (error: unknown) =>
        error instanceof SettingsError &&
        /STAFF_TOKEN is no longer used/.test(error.problems[0] ?? '') &&
        /npm run admin -- create <email>/.test(error.problems[0] ?? ''),
    );
  });

  it('seeds nothing in production by default', () => {
    const settings = loadSettings({ NODE_ENV: 'production' });
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
