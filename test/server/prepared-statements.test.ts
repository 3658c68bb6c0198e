/**
 * Prepared statements on PostgreSQL (`server/src/db/prepared-statements.ts`): the hottest
 * statements go by name, parsed and planned once per connection, and a migration another
 * instance runs meanwhile (a column added to `consultations`) does not break them: questions
 * are still stored and tracked.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { preparedAs, statementName } from '../../server/src/db/prepared-statements.js';
import { question } from '../helpers/siap.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('prepared statements', () => {
  it('names only marked statements, one name per text', () => {
    assert.equal(statementName('select 1'), null);
    const one = statementName(`select 1 /* prepared:rate-limit */`);
    const two = statementName(`select 2 /* prepared:rate-limit */`);
    assert.match(one ?? '', /^rate-limit-[\w-]{12}$/);
    assert.notEqual(one, two);
    assert.equal(statementName(`select 1 /* prepared:rate-limit */`), one);
    assert.throws(() => preparedAs('Rate Limit'), /not a statement id/);
  });
});

describe('prepared statements on PostgreSQL', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ store: 'postgres' });
  });
  after(() => server.close());

  const ask = (subject: string) =>
    fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `prepared-${subject.replace(/\W/g, '-')}-${Date.now()}` },
      body: JSON.stringify(question({ subject })),
    });

  /** Questions asked and tracked many at once, so every connection of the pool runs the statements. */
  const askAndTrackAtOnce = (label: string) =>
    Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const answer = await ask(`${label} ${i}`);
        assert.equal(answer.status, 201, await answer.clone().text());
        const { trackingCode } = (await answer.json()) as { trackingCode: string };
        const tracked = await fetch(`${server.url}/api/v1/consultations/${trackingCode}`);
        assert.equal(tracked.status, 200, await tracked.text());
      }),
    );

  it('stores and tracks questions by named statements, and goes on after a column is added', async () => {
    await askAndTrackAtOnce('sebelum');
    // Hold every connection of the pool at once, so each session's statements are seen.
    const held = await Promise.all(
      Array.from({ length: 10 }, () => server.db.connection().execute((db) => sql<{ name: string }>`select name from pg_prepared_statements`.execute(db))),
    );
    const names = new Set(held.flatMap(({ rows }) => rows.map((row) => row.name)));
    for (const id of ['siap-create', 'siap-track', 'rate-limit']) {
      assert.ok([...names].some((name) => name.startsWith(`${id}-`)), `${id} among the prepared: ${[...names].join(', ')}`);
    }

    // Another instance's migration adds a column while these statements are prepared: a
    // statement with `*` would now fail ("cached plan must not change result type").
    const other = new pg.Client({ connectionString: server.settings.databaseUrl });
    await other.connect();
    try {
      await other.query('alter table consultations add column catatan_uji text');
    } finally {
      await other.end();
    }
    await askAndTrackAtOnce('sesudah');
  });
});
