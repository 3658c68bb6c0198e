/**
 * Section 4, a mixed load: 200 concurrent citizens, each from an address of its own
 * (`X-Forwarded-For` with TRUST_PROXY) and each sending `BENCH_MIXED_RATE` requests a second on
 * average (default 2), at random times (a Poisson process per citizen, `lib/paced.ts`): an open
 * load at a fixed rate, so the latency is the one citizens get at that load, not the queue of a
 * server driven to its ceiling, counted from when each request was due. Each cycles through ten requests: nine reads (the
 * OPD with its categories three times, a consultation's tracking status three times, and
 * three CDN files: the loader, the form's chunk and the shared chunk, with
 * `Accept-Encoding: br, gzip` as a browser sends it) and one create with a fresh
 * `Idempotency-Key`. Each citizen starts at another point of the cycle. Every request sent is
 * answered (or failed) before the run ends, so every create is answered before the stored ones
 * are counted. Goal: p99 < 50 ms over every request.
 *
 * @module
 */
import { checkRun, citizenAddress, fail, note, settings } from '../lib/context.js';
import type { LoadResult, SequenceStep } from '../lib/load.js';
import { pacedLoad } from '../lib/paced.js';
import type { RunningServer } from '../lib/server.js';
import { categoryOf, question } from './creates.js';
import { cdnLoader, formChunkOf, loaderBuiltAt, sharedChunksOf } from './reads.js';

/** The mixed load's goal: the 99th percentile latency below this, ms. */
export const MIXED_GOAL_P99_MS = 50;

/** One mixed run. */
export interface MixedRun {
  connections: number;
  /** The requests of one citizen's cycle (kind and path). */
  cycle: Array<{ kind: string; method: string; path: string }>;
  result: LoadResult & { stoppedByWatchdog?: boolean };
  /** The subject of the run's questions, to count them afterwards. */
  subject: string;
  /** Creates answered 2xx. */
  acknowledged: number;
  stored?: number;
}

export async function measureMixed(server: RunningServer, store: string, marker: string): Promise<MixedRun | undefined> {
  const connections = settings.mixedConnections;
  const category = await categoryOf(server.url);
  const created = await fetch(`${server.url}/api/v1/opds/bpkad/consultations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-mixed-${marker.replace(/\W/g, '-')}-${Date.now()}`, 'X-Forwarded-For': '10.88.0.1' },
    body: question(category, `${marker} mixed tracked`),
    signal: AbortSignal.timeout(10_000),
  });
  const receipt = (await created.json()) as { trackingCode?: string };
  if (!created.ok || !receipt.trackingCode) {
    fail(`${store} mixed: the question to track was not created (status ${created.status})`);
    return undefined;
  }
  const loader = (await cdnLoader(server.url)).body.toString('utf8');
  const builtAt = loaderBuiltAt();
  const chunk = formChunkOf(loader);
  const shared = sharedChunksOf(loader)[0];
  if (!chunk || !shared) {
    fail(`${store} mixed: the loader names no form chunk or shared chunk`);
    return undefined;
  }

  const opd = { kind: 'read: OPD', method: 'GET' as const, path: '/api/v1/opds/bpkad' };
  const track = { kind: 'read: tracking status', method: 'GET' as const, path: `/api/v1/consultations/${receipt.trackingCode}` };
  const cdn = (path: string) => ({ kind: 'read: CDN file', method: 'GET' as const, path });
  const create = { kind: 'create', method: 'POST' as const, path: '/api/v1/opds/bpkad/consultations' };
  const cycle = [opd, track, cdn('/cdn/opd-kit.js'), opd, track, cdn(`/cdn/${chunk}`), opd, track, cdn(`/cdn/${shared}`), create];
  const steps = (subject: string) => (index: number): SequenceStep[] => {
    const browser = { ...citizenAddress(index + 1000), 'Accept-Encoding': 'br, gzip' };
    const own = cycle.map((step) =>
      step.kind === 'create'
        ? { ...step, headers: { ...browser, 'Content-Type': 'application/json', 'Idempotency-Key': '[<id>]' }, body: question(category, subject) }
        : { ...step, headers: step.kind === 'read: CDN file' ? browser : { ...browser, Accept: 'application/json' } },
    );
    // Each citizen starts at another point of the cycle, so the creates do not all come at once.
    const shift = index % own.length;
    return [...own.slice(shift), ...own.slice(0, shift)];
  };

  note(`${store}: mixed warm-up, ${connections} citizens`);
  const rate = settings.mixedRate;
  const warmup = await pacedLoad({ url: server.url, citizens: connections, rate, seconds: settings.warmupSeconds, sequence: steps(`${marker} mixed warm-up`) });
  checkRun(`${store} mixed warm-up`, warmup);
  const subject = `${marker} mixed`;
  note(`${store}: mixed load, ${connections} citizens at ${rate} requests/s each for ${settings.mixedSeconds} s`);
  const result = await pacedLoad({ url: server.url, citizens: connections, rate, seconds: settings.mixedSeconds, sequence: steps(subject), seed: 2 });
  checkRun(`${store} mixed load`, result);
  if (loaderBuiltAt() !== builtAt) fail(`${store} mixed load: dist/cdn was rebuilt during the run (a build elsewhere)`);
  return {
    connections,
    cycle: cycle.map(({ kind, method, path }) => ({ kind, method, path })),
    result,
    subject,
    acknowledged: result.byKind?.create?.ok ?? 0,
  };
}
