/**
 * Two instances started together on an empty PostgreSQL database (issue 22, scale-out): both
 * come up, every migration ran once (one `opd_migrations` row each, every one the code has),
 * the demo seed is there once (every table the seed fills holds as many rows as a database one
 * process seeded alone), and neither log reports an error.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../../server/src/db/open.js';
import { spineMigrations } from '../../../server/src/db/migrations/index.js';
import { serverModules } from '../../../server/src/modules/index.js';
import { loadSettings } from '../../../server/src/settings.js';
import { seedDemo } from '../../../server/src/seed.js';
import { errorLines, startCluster, warningLines, type Cluster } from '../../helpers/instances.js';
import { createTestDatabase, type TestDatabase } from '../../helpers/postgres.js';

/** Tables written by requests and background jobs rather than by the seed: their counts are the clock's, not the seed's. */
const NOT_SEEDED = new Set([
  'audit_log',
  'directory_version',
  'idempotency_keys',
  'job_leases',
  'login_failures',
  'mail_messages',
  'opd_migrations',
  'outbox',
  'rate_limits',
  'staff_tokens',
  'webhook_deliveries',
]);

/** Rows per table of the public schema, but those in {@link NOT_SEEDED}. */
async function tableCounts(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    );
    const counts = new Map<string, number>();
    for (const { name } of tables.rows) {
      if (NOT_SEEDED.has(name)) continue;
      const { rows } = await client.query<{ n: number }>(`select count(*)::int as n from "${name}"`);
      counts.set(name, rows[0]!.n);
    }
    return counts;
  } finally {
    await client.end();
  }
}

async function migrationRows(url: string): Promise<Array<{ id: string; n: number }>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; n: number }>(
      `select module || '/' || name as id, count(*)::int as n from opd_migrations group by 1 order by 1`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

describe('two instances starting together on an empty PostgreSQL database', { timeout: 240_000 }, () => {
  let cluster: Cluster | undefined;
  let reference: TestDatabase | undefined;
  after(async () => {
    await cluster?.close();
    await reference?.drop();
  });

  it('both come up, the migrations ran once, the demo seed is not doubled, and neither log has an error', { timeout: 240_000 }, async (t) => {
    cluster = await startCluster({ instances: 2, start: 'together' });
    for (const [index, instance] of cluster.instances.entries()) {
      const health = await fetch(`${instance.url}/healthz`);
      assert.equal(health.status, 200, `instance ${index} answers /healthz`);
    }

    const expected = [
      ...Object.keys(spineMigrations).map((name) => `spine/${name}`),
      ...serverModules.flatMap((module) => Object.keys(module.migrations ?? {}).map((name) => `${module.id}/${name}`)),
    ].sort();
    const rows = await migrationRows(cluster.database.url);
    assert.deepEqual(rows.map((row) => row.id), expected, 'every migration of the code is recorded');
    assert.ok(rows.every((row) => row.n === 1), 'each migration recorded once');

    // The same seed in one process on a database of its own: the counts to compare with.
    reference = await createTestDatabase('opdkit_scale_ref');
    const settings = { ...loadSettings({ NODE_ENV: 'test' }), databaseUrl: reference.url, logLevel: 'silent' as const };
    const opened = await openDatabase(settings, { modules: serverModules });
    try {
      await seedDemo(opened.db, serverModules, new Date(), settings.timeZone);
    } finally {
      await opened.close();
    }
    const seededAlone = await tableCounts(reference.url);
    const seededTogether = await tableCounts(cluster.database.url);
    assert.ok((seededAlone.get('opds') ?? 0) > 0, 'the reference holds the demo OPDs');
    assert.deepEqual(Object.fromEntries(seededTogether), Object.fromEntries(seededAlone), 'every seeded table holds what one seed puts in');

    const logs = cluster.instances.map((instance) => instance.log());
    for (const [index, log] of logs.entries()) {
      assert.deepEqual(errorLines(log), [], `instance ${index} logged no error:\n${log}`);
      for (const warning of warningLines(log)) t.diagnostic(`instance ${index}: ${warning}`);
    }
    // The second seed waited for the first one's commit, then found everything there.
    const seededBy = logs.filter((log) => /seeded DEMO data/.test(log)).length;
    assert.equal(seededBy, 1, 'one instance seeded, the other found nothing new');
    t.diagnostic(`${expected.length} migrations, ${seededAlone.size} tables compared`);
  });
});
