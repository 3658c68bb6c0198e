/**
 * Section `scale` (issue 22, scale-out): one instance against two, on one PostgreSQL, behind the
 * same proxy (`test/helpers/proxy.ts`, a process of its own, round robin), so the proxy's cost
 * is on both sides. Two instances of `server/src/main.ts` are started on a scratch database; one
 * proxy forwards to A only, the other to A and B; B runs (and its jobs tick) in both cases.
 *
 * Measured on each side, in the order one, two, two, one (a machine getting busier or quieter
 * meanwhile hits both alike):
 * - `GET /api/v1/opds/bpkad` with 50 keep-alive connections as fast as answered (autocannon):
 *   throughput and p99;
 * - the mixed load of section 4 (`mixed.ts`: 200 citizens, 90 % reads and 10 % questions, each
 *   citizen at `BENCH_MIXED_RATE` requests a second, an open load): throughput and p99 at that
 *   rate, every acknowledged question counted in the database afterwards.
 *
 * On a 2-core machine expect little or no gain: the load generator, the proxy, both instances
 * and PostgreSQL share the same two cores, so a second instance adds a process to schedule, not
 * a core. What two instances buy there is surviving one of them (test/server/scale/).
 *
 * @module
 */
import { cpus } from 'node:os';
import { checkRun, citizenAddress, fail, note, settings, started } from '../lib/context.js';
import { load, type LoadResult } from '../lib/load.js';
import { latency, perSecond, ratio, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';
import type { RunningServer } from '../lib/server.js';
import { countInPostgres, createScratchDatabase } from '../lib/stores.js';
import { checkStoredCount } from './creates.js';
import { measureMixed, type MixedRun } from './mixed.js';

/** One side of the comparison: how many instances behind the proxy. */
type Side = 'one' | 'two';

/** The figures of one side, the two runs of it combined. */
interface SideFigures {
  rps: number;
  p99: number;
  errors: number;
  runs: LoadResult[];
}

/** Two runs of one side as one: throughput averaged, p99 the worse (each run's percentile, not a merge). */
function combined(runs: LoadResult[]): SideFigures {
  return {
    rps: runs.reduce((sum, run) => sum + run.rps, 0) / Math.max(1, runs.length),
    p99: Math.max(...runs.map((run) => run.p99)),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    runs,
  };
}

/** The section: the markdown, the figures (two instances with one as the peer) and every run in full. */
export async function scaleSection(): Promise<{ markdown: string; figures: Figure[]; details: Record<string, unknown> }> {
  const database = await createScratchDatabase('scale');
  const env = {
    DATABASE_URL: database.url,
    SEED: 'demo',
    RATE_LIMIT_PER_MINUTE: String(settings.rateLimit),
    RATE_LIMIT_READS_PER_MINUTE: String(settings.rateLimit),
    TRUST_PROXY: 'true',
    LOG_LEVEL: 'warn',
    SERVE_DEMO: 'false',
  };
  const instances: RunningServer[] = [];
  try {
    note('scale: instance A (migrations and seed), then B, on one PostgreSQL database');
    instances.push(await started(env));
    instances.push(await started(env));
    const [a, b] = instances as [RunningServer, RunningServer];
    // The citizens' own X-Forwarded-For is passed on, so each keeps a rate-limit bucket of its own as in section 4.
    const proxies: Record<Side, RunningServer> = {
      one: await started({ UPSTREAMS: a.url, FORWARDED_FOR: 'pass' }, 'test/helpers/proxy.ts'),
      two: await started({ UPSTREAMS: `${a.url},${b.url}`, FORWARDED_FOR: 'pass' }, 'test/helpers/proxy.ts'),
    };
    const order: Side[] = ['one', 'two', 'two', 'one'];

    note('scale: warm-up of both instances through the two-instance proxy');
    checkRun('scale warm-up', await load({ url: `${proxies.two.url}/api/v1/opds/bpkad`, connections: settings.connections, seconds: settings.warmupSeconds, headers: { Accept: 'application/json' } }));

    const reads: Record<Side, LoadResult[]> = { one: [], two: [] };
    for (const side of order) {
      note(`scale: GET /api/v1/opds/bpkad, ${side} instance(s), ${settings.readSeconds / 2} s`);
      const run = await load({
        url: `${proxies[side].url}/api/v1/opds/bpkad`,
        connections: settings.connections,
        seconds: settings.readSeconds / 2,
        headers: { Accept: 'application/json' },
        connectionHeaders: (index) => ({ Accept: 'application/json', ...citizenAddress(index) }),
      });
      checkRun(`scale GET /api/v1/opds/bpkad, ${side}`, run);
      reads[side].push(run);
    }

    const mixed: Record<Side, MixedRun[]> = { one: [], two: [] };
    for (const [index, side] of order.entries()) {
      const run = await measureMixed(proxies[side], `PostgreSQL, ${side} instance(s)`, `bench scale ${Date.now().toString(36)} ${side} ${index}`);
      if (run) mixed[side].push(run);
    }
    for (const proxy of Object.values(proxies)) await proxy.stop();
    for (const instance of instances) await instance.stop();

    const runs = [...mixed.one, ...mixed.two];
    const counts = await countInPostgres(database.url, runs.map((run) => run.subject));
    for (const run of runs) {
      run.stored = counts.get(run.subject) ?? 0;
      checkStoredCount(`scale mixed load (${run.subject})`, run.acknowledged, run.stored, run.result);
    }
    if (mixed.one.length === 0 || mixed.two.length === 0) fail('scale: a mixed run did not start');

    const figures: Figure[] = [];
    const rows: string[][] = [];
    const measured = [
      { id: 'opd', label: 'GET /api/v1/opds/bpkad, 50 connections', one: combined(reads.one), two: combined(reads.two) },
      {
        id: 'mixed',
        label: `mixed 90/10, ${settings.mixedConnections} citizens at ${settings.mixedRate}/s each`,
        one: combined(mixed.one.map((run) => run.result)),
        two: combined(mixed.two.map((run) => run.result)),
      },
    ];
    for (const item of measured) {
      rows.push([item.label, perSecond(item.one.rps), perSecond(item.two.rps), ratio(item.two.rps, item.one.rps), latency(item.one.p99), latency(item.two.p99), ratio(item.two.p99, item.one.p99)]);
      const peer = (value: number, what: string) => ({ id: `scale.${item.id}.one.${what}`, label: `${item.label}, one instance`, value });
      figures.push(
        { id: `scale.${item.id}.one.rps`, label: `${item.label}, one instance, req/s`, value: Math.round(item.one.rps), unit: 'req/s' },
        { id: `scale.${item.id}.one.p99`, label: `${item.label}, one instance, p99`, value: Math.round(item.one.p99 * 10) / 10, unit: 'ms' },
        {
          id: `scale.${item.id}.two.rps`,
          label: `${item.label}, two instances, req/s`,
          value: Math.round(item.two.rps),
          unit: 'req/s',
          peer: peer(Math.round(item.one.rps), 'rps'),
          ratio: item.one.rps > 0 ? Math.round((item.two.rps / item.one.rps) * 100) / 100 : undefined,
        },
        {
          id: `scale.${item.id}.two.p99`,
          label: `${item.label}, two instances, p99`,
          value: Math.round(item.two.p99 * 10) / 10,
          unit: 'ms',
          peer: peer(Math.round(item.one.p99 * 10) / 10, 'p99'),
          ratio: item.one.p99 > 0 ? Math.round((item.two.p99 / item.one.p99) * 100) / 100 : undefined,
        },
      );
    }
    const stored = runs.map((run) => `${run.stored}/${run.acknowledged}`).join(', ');
    const markdown = [
      '## Scale-out: one instance against two on one PostgreSQL',
      '',
      'Both sides behind the same kind of proxy (`test/helpers/proxy.ts`, a process of its own, round robin); runs in the order one, two, two, one; throughput averaged over the two runs of a side, p99 the worse of them. ' +
        `The mixed load is section 4's at a fixed rate, so its throughput is the rate offered unless a side falls behind; its p99 is the figure to compare. Questions acknowledged and stored, per mixed run: ${stored}.`,
      '',
      table(['load', 'req/s, one', 'req/s, two', 'two / one', 'p99, one', 'p99, two', 'two / one'], rows),
      '',
      `This machine has ${cpus().length} cores for the load generator, the proxy, both instances and PostgreSQL: a second instance adds a process to schedule, not a core.`,
    ].join('\n');
    return { markdown, figures, details: { reads, mixed } };
  } finally {
    for (const instance of instances) await instance.stop().catch(() => {});
    await database.drop().catch(() => {});
  }
}
