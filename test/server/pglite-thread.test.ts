/**
 * PGlite on its own thread (`server/src/db/pglite-thread.ts`), as the server runs it: what a
 * query gives back is what PGlite in the same thread gives (dates, bigints, numerics, JSON,
 * bytes, nulls), an error keeps PostgreSQL's fields (the code the app tells a duplicate by),
 * the data is on disk when it is closed, and after a close every query fails saying why.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { PGliteThread } from '../../server/src/db/pglite-thread.js';

describe('PGlite on a thread', () => {
  let folder: string;
  let thread: PGliteThread;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'opd-kit-thread-'));
    thread = await PGliteThread.open(join(folder, 'data'));
  });
  after(async () => {
    await thread.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('gives back the values PGlite gives in the same thread', async () => {
    const statement = `select $1::timestamptz as at, 9007199254740993::int8 as big, 1339.15::numeric as km,
      '{"a":[1,"dua"]}'::jsonb as doc, '\\x00ff'::bytea as bytes, null::text as nothing, $2::text as said`;
    const parameters = [new Date('2026-12-02T01:02:03.456Z'), 'Rusak Berat'];
    const inThread = await thread.query<Record<string, unknown>>(statement, parameters);
    const here = await PGlite.create();
    try {
      const direct = await here.query<Record<string, unknown>>(statement, parameters);
      assert.deepEqual(inThread.rows, direct.rows);
    } finally {
      await here.close();
    }
    const [row] = inThread.rows;
    assert.ok(row?.at instanceof Date);
    assert.equal((row.at as Date).toISOString(), '2026-12-02T01:02:03.456Z');
    assert.deepEqual(row.doc, { a: [1, 'dua'] });
  });

  it('gives back the same for a statement marked to be prepared, run many times, with its errors', async () => {
    await thread.query('create table prepared_probe (id serial primary key, code text unique not null, at timestamptz, doc jsonb)');
    const insert = `insert into prepared_probe (code, at, doc) values ($1, $2, $3::jsonb) returning id, code, at, doc /* prepared:probe-insert */`;
    const here = await PGlite.create();
    try {
      await here.query('create table prepared_probe (id serial primary key, code text unique not null, at timestamptz, doc jsonb)');
      for (let i = 0; i < 8; i++) {
        const parameters = [`KODE-${i}`, new Date(Date.UTC(2026, 11, 2, 1, i)), JSON.stringify({ ruas: i, nama: 'Jalan Lintas' })];
        assert.deepEqual((await thread.query(insert, parameters)).rows, (await here.query(insert, parameters)).rows, `run ${i}`);
      }
    } finally {
      await here.close();
    }
    const duplicate = await thread.query(insert, ['KODE-3', null, null]).then(
      () => assert.fail('the duplicate was stored'),
      (error: unknown) => error as Error & { code?: string; constraint?: string },
    );
    assert.equal(duplicate.code, '23505');
    assert.equal(duplicate.constraint, 'prepared_probe_code_key');
    // The statement stays usable after its error, and a transaction around it still rolls back.
    await thread.query('begin');
    await thread.query(insert, ['KODE-9', null, null]);
    await thread.query('rollback');
    assert.deepEqual((await thread.query(`select count(*)::int as n from prepared_probe`)).rows, [{ n: 8 }]);
  });

  it('keeps PostgreSQL fields on an error, and the next query runs', async () => {
    await thread.query('create table ruas (nomor text primary key)');
    await thread.query('insert into ruas values ($1)', ['001']);
    const duplicate = await thread.query('insert into ruas values ($1)', ['001']).then(
      () => assert.fail('the duplicate was stored'),
      (error: unknown) => error as Error & { code?: string; constraint?: string },
    );
    assert.ok(duplicate instanceof Error);
    assert.equal(duplicate.code, '23505');
    assert.equal(duplicate.constraint, 'ruas_pkey');
    assert.match(duplicate.message, /duplicate key/);
    const { rows, affectedRows } = await thread.query('insert into ruas values ($1), ($2)', ['002', '003']);
    assert.deepEqual(rows, []);
    assert.equal(affectedRows, 2);
  });

  it('has written everything when closed, and then refuses queries, saying why', async () => {
    const path = join(folder, 'closed');
    const first = await PGliteThread.open(path);
    await first.query('create table kept (n int)');
    await first.query('insert into kept values (1), (2), (3)');
    await first.close();
    await assert.rejects(first.query('select 1'), /closed/);
    const again = await PGliteThread.open(path);
    try {
      assert.deepEqual((await again.query('select count(*)::int as n from kept')).rows, [{ n: 3 }]);
    } finally {
      await again.close();
    }
  });

  it('fails to open a folder that is not a PGlite database, with PGlite\'s reason', async () => {
    const path = join(folder, 'not-a-database');
    await PGliteThread.open(path).then((opened) => opened.close());
    await writeFile(join(path, 'PG_VERSION'), 'not a version\n');
    await assert.rejects(PGliteThread.open(path), (error: Error) => error.message.length > 0);
  });
});
