/**
 * The PGlite kysely dialect: one embedded session shared by every caller, so transactions
 * must take turns and never see each other's half-done work.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { PGliteDialect } from '../../server/src/db/pglite-dialect.js';

interface Db {
  counters: { name: string; value: number };
}

describe('PGlite dialect', () => {
  let pglite: PGlite;
  let db: Kysely<Db>;

  before(async () => {
    pglite = await PGlite.create();
    db = new Kysely<Db>({ dialect: new PGliteDialect({ pglite }) });
    await sql`create table counters (name text primary key, value integer not null)`.execute(db);
    await db.insertInto('counters').values({ name: 'visits', value: 0 }).execute();
  });
  after(async () => {
    await db.destroy();
    await pglite.close();
  });

  it('runs concurrent read-modify-write transactions one after another, losing no update', async () => {
    const increment = () =>
      db.transaction().execute(async (trx) => {
        const { value } = await trx.selectFrom('counters').select('value').where('name', '=', 'visits').executeTakeFirstOrThrow();
        await sleep(5); // give another caller every chance to cut in
        await trx.updateTable('counters').set({ value: value + 1 }).where('name', '=', 'visits').execute();
      });
    await Promise.all(Array.from({ length: 10 }, increment));
    const { value } = await db.selectFrom('counters').select('value').where('name', '=', 'visits').executeTakeFirstOrThrow();
    assert.equal(value, 10);
  });

  it('rolls back a failed transaction without touching a query that waited for it', async () => {
    const failing = db.transaction().execute(async (trx) => {
      await trx.updateTable('counters').set({ value: 999 }).where('name', '=', 'visits').execute();
      await sleep(5);
      throw new Error('changed my mind');
    });
    const reading = db.selectFrom('counters').select('value').where('name', '=', 'visits').executeTakeFirstOrThrow();
    await assert.rejects(failing, /changed my mind/);
    assert.equal((await reading).value, 10, 'the waiting read never saw the uncommitted 999');
  });

  it('reports affected rows and supports savepoints', async () => {
    const result = await db.updateTable('counters').set({ value: 11 }).where('name', '=', 'visits').executeTakeFirst();
    assert.equal(result.numUpdatedRows, 1n);
    const trx = await db.startTransaction().execute();
    const inner = await trx.savepoint('before_bad').execute();
    await inner.updateTable('counters').set({ value: -1 }).execute();
    await inner.rollbackToSavepoint('before_bad').execute();
    await trx.commit().execute();
    const { value } = await db.selectFrom('counters').select('value').executeTakeFirstOrThrow();
    assert.equal(value, 11);
  });
});
