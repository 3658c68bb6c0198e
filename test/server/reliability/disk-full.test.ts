/**
 * A disk that fills up (or turns read-only) while the server runs. No tmpfs or loop mount can
 * be made here, so the failure is put at the edge: a Kysely plugin in front of the real
 * database (PGlite, PostgreSQL) refuses every write statement the way the database would — a
 * PostgreSQL `53100` "could not extend file … No space left on device", Node's `ENOSPC`, and
 * `EROFS` — while the disk is "full". Every module's write is then answered 503 problem+json
 * with `Retry-After`, nothing is acknowledged, not a row of any table changes — also when the
 * disk fills part-way through a request, after some of its statements went through — and once
 * there is room again the same writes are acknowledged.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql, type KyselyPlugin, type Kysely } from 'kysely';
import { after, before, describe, it } from 'node:test';
import { createApp } from '../../../server/src/app.js';
import { STORES } from '../../helpers/api.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import { Unacknowledged, WRITES } from './writes.js';

/** The errors a full or read-only disk gives, as the database drivers raise them. */
const DISK_ERRORS: Array<() => Error> = [
  () => Object.assign(new Error('could not extend file "base/16384/16521": No space left on device'), { code: '53100', severity: 'ERROR' }),
  () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' }),
  () => Object.assign(new Error('EROFS: read-only file system, open'), { code: 'EROFS', errno: -30, syscall: 'open' }),
];

const WRITE_NODES = new Set(['InsertQueryNode', 'UpdateQueryNode', 'DeleteQueryNode', 'MergeQueryNode']);

/**
 * Refuses write statements while `full` is set, rotating through {@link DISK_ERRORS}: every one,
 * or — with `roomFor` — all but the first `roomFor` after {@link FullDisk.fillAfter}, so a
 * request's transaction fails part-way, after some of its statements went through.
 */
class FullDisk implements KyselyPlugin {
  full = false;
  refused = 0;
  private roomFor = 0;
  private written = 0;
  /** From now on, let `statements` more writes through, then refuse the rest. */
  fillAfter(statements: number): void {
    this.full = true;
    this.roomFor = statements;
    this.written = 0;
  }
  transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
    const node = args.node as { kind: string; sqlFragments?: readonly string[] };
    const rawWrite = node.kind === 'RawNode' && /^\s*(insert|update|delete|with)\b/i.test(node.sqlFragments?.join('') ?? '');
    if (this.full && (WRITE_NODES.has(node.kind) || rawWrite) && this.written++ >= this.roomFor) throw DISK_ERRORS[this.refused++ % DISK_ERRORS.length]!();
    return args.node;
  }
  async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
    return args.result;
  }
}

/** Rows in every table of the public schema: what "nothing written" compares. */
async function rowCounts(db: Kysely<unknown>): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`.execute(db);
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    counts[name] = Number(row.rows[0]!.n);
  }
  return counts;
}

/**
 * A digest of every table's rows but the rate-limit counters (a separate statement before the
 * request's own, kept as a real disk would keep it) and the tokens' last use: what "nothing
 * half-written" compares, updates included.
 */
async function contents(db: Kysely<unknown>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('rate_limits', 'staff_tokens') order by 1`.execute(db);
  const digests: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ digest: string | null }>`select md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.table(name)} t`.execute(db);
    digests[name] = row.rows[0]!.digest ?? '';
  }
  return digests;
}

/** The writes made in one request (the others make a record first, then write to it). */
const ONE_REQUEST = WRITES.filter((write) => write.write !== 'staff answer' && write.write !== 'survey response');

for (const store of STORES) {
  describe(`a full disk at runtime (${store})`, () => {
    let server: TestServer;
    let disk: FullDisk;
    let http: Server;
    let base = '';
    let token = '';

    before(async () => {
      server = await startTestServer({ store });
      disk = new FullDisk();
      // The same database behind the plugin, with the test server's settings, over real HTTP.
      const app = createApp({ db: server.db.withPlugin(disk), settings: server.settings, directoryFreshForMs: 0 });
      http = createServer(app.nodeListener);
      await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
      token = await server.tokenFor();
    });
    after(async () => {
      await new Promise((resolve) => http?.close(resolve));
      await server?.close();
    });

    it('answers every module’s write 503 with Retry-After, acknowledges none and changes no row', async (t) => {
      const before = await rowCounts(server.db as Kysely<unknown>);
      disk.full = true;
      const answers: number[] = [];
      for (const [n, write] of WRITES.entries()) {
        try {
          await write.run({ base, token, n });
          assert.fail(`${write.module} ${write.write} was acknowledged on a full disk`);
        } catch (error) {
          assert.ok(error instanceof Unacknowledged, `${write.module} ${write.write}: ${String(error)}`);
          assert.equal(error.status, 503, `${write.module} ${write.write}: ${error.body}`);
          const problem = JSON.parse(error.body) as { status: number; title: string };
          assert.equal(problem.status, 503);
          answers.push(error.status);
        }
      }
      const one = await fetch(`${base}/api/v1/opds/bpkad/consultations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'Disk Penuh', email: 'penuh@example.com', category: 'aset-daerah', subject: 'Disk penuh', message: 'Pertanyaan ini tidak boleh tersimpan.', consent: true }),
      });
      assert.equal(one.status, 503);
      assert.equal(one.headers.get('content-type'), 'application/problem+json');
      assert.match(one.headers.get('retry-after') ?? '', /^\d+$/);
      disk.full = false;
      t.diagnostic(`${store}: ${answers.length + 1} writes on a full disk, ${disk.refused} statements refused (53100, ENOSPC, EROFS in turn), 0 acknowledged`);
      assert.ok(disk.refused >= answers.length);
      assert.deepEqual(await rowCounts(server.db as Kysely<unknown>), before, 'not a row written');
    });

    it('leaves nothing half-written when the disk fills part-way through a request', async (t) => {
      let refusedMidway = 0;
      let acknowledged = 0;
      for (const room of [1, 2, 3]) {
        for (const [n, write] of ONE_REQUEST.entries()) {
          const before = await contents(server.db as Kysely<unknown>);
          disk.fillAfter(room);
          try {
            const ack = await write.run({ base, token, n: 200 + room * 10 + n });
            disk.full = false;
            // It needed no more room than there was: acknowledged, so it must be all there.
            assert.ok(ack && (await ack.check(base, token)), `${write.module} ${write.write} acknowledged with room for ${room}`);
            acknowledged++;
          } catch (error) {
            disk.full = false;
            assert.ok(error instanceof Unacknowledged, `${write.module} ${write.write}: ${String(error)}`);
            assert.equal(error.status, 503, `${write.module} ${write.write} with room for ${room}: ${error.body}`);
            assert.deepEqual(await contents(server.db as Kysely<unknown>), before, `${write.module} ${write.write}: nothing half-written with room for ${room} statements`);
            refusedMidway++;
          }
        }
      }
      t.diagnostic(`${store}: disk full after 1, 2 or 3 statements of a request: ${refusedMidway} writes refused 503 with nothing half-written, ${acknowledged} fitted and were acknowledged whole`);
      assert.ok(refusedMidway > 0);
    });

    it('acknowledges the same writes once there is room again', async () => {
      for (const [n, write] of WRITES.entries()) {
        const ack = await write.run({ base, token, n: 100 + n });
        assert.ok(ack && (await ack.check(base, token)), `${write.module} ${write.write} after the disk has room`);
      }
    });
  });
}
