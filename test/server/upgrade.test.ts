/**
 * A database made before modules had their own migrations upgrades in place: built here the
 * way the old code built it (kysely's Migrator running the old single `0001-foundation`, then
 * the old demo rows), then opened by today's code on both stores. Nothing is lost, nothing is
 * made twice, and the old question can still be tracked.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Kysely, Migrator, sql } from 'kysely';
import { createApp } from '../../server/src/app.js';
import { spineMigrations } from '../../server/src/db/migrations/index.js';
import { openDatabase, type OpenDatabase } from '../../server/src/db/open.js';
import { serverModules, type ModuleTables } from '../../server/src/modules/index.js';
import { loadSettings } from '../../server/src/settings.js';
import { foundation as legacyFoundation } from '../fixtures/legacy-0001-foundation.js';
import { createTestDatabase } from '../helpers/postgres.js';

const OLD_CODE = 'SIAP-01D0-0001';

/** Builds a database exactly as the code before per-module migrations did, with one OPD and one question. */
async function buildLegacyDatabase(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ '0001-foundation': legacyFoundation }) } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  const at = new Date('2026-11-20T03:00:00Z');
  await sql`insert into opds (slug, name, modules, allowed_origins, consultation_categories, is_demo, created_at)
    values ('bpkad', 'BPKAD', '["siap"]', '["https://bpkad.example.go.id"]',
            '[{"id":"aset-daerah","name":"Aset daerah"}]', false, ${at})`.execute(db);
  await sql`insert into consultations (tracking_code, opd_slug, name, email, category_id, subject, message,
      consent_at, status, submitted_at, due_at)
    values (${OLD_CODE}, 'bpkad', 'Warga Lama', 'warga.lama@example.com', 'aset-daerah', 'Sewa gedung',
            'Bagaimana prosedur sewa gedung?', ${at}, 'received', ${at}, ${new Date('2026-11-25T16:59:59.999Z')})`.execute(db);
  await sql`insert into consultation_events (consultation_id, status, at, actor)
    select id, 'received', ${at}, 'citizen' from consultations`.execute(db);
}

for (const store of ['pglite', 'postgres'] as const) {
  describe(`upgrading a database made before per-module migrations (${store})`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    after(async () => {
      for (const step of cleanups.reverse()) await step();
    });

    async function open(settings: { dataDir: string; databaseUrl: string | undefined }, migrate: boolean): Promise<OpenDatabase> {
      const opened = await openDatabase(settings, { migrate, modules: serverModules });
      return opened;
    }

    it('keeps every row, records the old migration as done for the spine and SIAP, and still tracks the old question', async () => {
      let settings: { dataDir: string; databaseUrl: string | undefined };
      if (store === 'postgres') {
        const database = await createTestDatabase();
        cleanups.push(() => database.drop());
        settings = { dataDir: '', databaseUrl: database.url };
      } else {
        const dir = await mkdtemp(join(tmpdir(), 'opd-kit-upgrade-'));
        cleanups.push(() => rm(dir, { recursive: true, force: true }));
        settings = { dataDir: dir, databaseUrl: undefined };
      }

      const legacy = await open(settings, false);
      await buildLegacyDatabase(legacy.db as Kysely<unknown>);
      await legacy.close();

      const upgraded = await open(settings, true);
      let everyMigration: { module: string; name: string }[] = [];
      try {
        const db = upgraded.db.withTables<ModuleTables>();
        const ledger = await sql<{ module: string; name: string }>`select module, name from opd_migrations order by module, name`.execute(db);
        // Every migration there is counts as done: the two the old database had (adopted, not re-run) and the rest, run.
        everyMigration = [
          ...Object.keys(spineMigrations).map((name) => ({ module: 'spine', name })),
          ...serverModules.flatMap((module) => Object.keys(module.migrations ?? {}).map((name) => ({ module: module.id, name }))),
        ].sort((a, b) => a.module.localeCompare(b.module) || a.name.localeCompare(b.name));
        assert.deepEqual(ledger.rows, everyMigration);
        for (const adopted of ['spine/0001-foundation', 'siap/0001-consultations']) {
          assert.ok(ledger.rows.some((row) => `${row.module}/${row.name}` === adopted), adopted);
        }
        const questions = await db.selectFrom('consultations').select(['tracking_code', 'name', 'email']).execute();
        assert.deepEqual(questions, [{ tracking_code: OLD_CODE, name: 'Warga Lama', email: 'warga.lama@example.com' }]);
        const opd = await db.selectFrom('opds').selectAll().executeTakeFirstOrThrow();
        assert.deepEqual(opd.allowed_origins, ['https://bpkad.example.go.id']);
        assert.ok(!('consultation_categories' in opd), 'the categories left the spine’s row');
        const categories = await db.selectFrom('consultation_categories').select(['opd_slug', 'id', 'name', 'position']).execute();
        assert.deepEqual(categories, [{ opd_slug: 'bpkad', id: 'aset-daerah', name: 'Aset daerah', position: 1 }]);

        const app = createApp({ db: upgraded.db, settings: { ...loadSettings({}), serveDemo: false } });
        const tracked = await app.request(`/api/v1/consultations/${OLD_CODE}`);
        assert.equal(tracked.status, 200);
        assert.equal(((await tracked.json()) as { status: string }).status, 'received');
        const asked = await app.request('/api/v1/opds/bpkad/consultations', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            name: 'Warga Baru',
            email: 'warga.baru@example.com',
            category: 'aset-daerah',
            subject: 'Pinjam pakai',
            message: 'Bagaimana prosedur pinjam pakai aset?',
            consent: true,
          }),
        });
        assert.equal(asked.status, 201, 'the upgraded database takes new questions');
      } finally {
        await upgraded.close();
      }

      // Opening again runs nothing more.
      const again = await open(settings, true);
      const count = await sql<{ n: number }>`select count(*)::int as n from opd_migrations`.execute(again.db);
      assert.equal(count.rows[0]?.n, everyMigration.length);
      await again.close();
    });
  });
}
