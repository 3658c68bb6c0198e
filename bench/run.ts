/**
 * `npm run bench`: measures opd-kit against peers in one run, prints a markdown report and
 * writes every figure to `bench/results.json`. Every ratio is against a peer measured in the
 * same run.
 *
 * Sections (`BENCH_ONLY`, a comma list; default all; `server` = reads, creates, mixed):
 * - `sizes`: the SDK, each widget and the CDN initial load bundled alone next to axios, an
 *   axios + zod client, Shoelace, FullCalendar and Leaflet; dist/ as built with its budgets
 *   (bench/budgets.json, which CI checks) and the size goals.
 * - `reads`: public reads on PGlite and PostgreSQL against a bare node:http server serving
 *   the same bytes, revalidations with the server's ETag included.
 * - `creates`: POSTs of a question (one address, 50, 50 with Idempotency-Key) against raw
 *   inserts of the same row into the same kind of store; every acknowledged one stored.
 * - `mixed`: 200 concurrent citizens, 90 % reads and 10 % creates, p50/p99 and throughput.
 * - `browser`: headless Chromium, navigation → usable form, opd-kit vs Shoelace.
 * - `road-map`: headless Chromium, 5,000 road segments drawn by `<opd-road-map>`'s map layer vs plain Leaflet (SVG, Canvas).
 * - `agenda`: `<opd-agenda-calendar>`'s size vs FullCalendar 6 and 7, and a month of 1,000 events drawn in headless Chromium by each.
 * - `innovations-search`: the innovation catalogue's search over 10,000 innovations, p50/p95 per query on PGlite and PostgreSQL.
 * - `innovations-widget`: `<opd-innovation-list>`'s size vs the Shoelace components of a catalogue, and its first results over 10,000 innovations in headless Chromium vs fetch() + DOM by hand.
 * - `scale`: one instance against two on one PostgreSQL behind the same proxy: `GET /api/v1/opds/bpkad` and the mixed load, req/s and p99.
 * A server section also times the cold start on each store.
 *
 * Everything it starts (servers, peers, scratch databases, a browser, temp dirs) is stopped or
 * removed again, also on failure or Ctrl-C. Loopback only. Exit code 1 when a check failed
 * (errors, unexpected statuses, a question acknowledged but not stored, a size budget); a
 * goal not met is reported, not a failure.
 *
 * Environment: `BENCH_ONLY`, `BENCH_SKIP_BROWSER=1`, `BENCH_SECONDS` (each POST run and the
 * raw-insert peer, default 10), `BENCH_READ_SECONDS` (each read run, default half of that),
 * `BENCH_MIXED_SECONDS`, `BENCH_MIXED_CONNECTIONS` (default 200), `BENCH_STORES`
 * (`pglite,postgres`), `BENCH_BUILD=never` (measure dist/ even when older than its sources,
 * never build), `BENCH_RESULTS` (default bench/results.json), `BENCH_PG_ADMIN_URL` (default
 * `TEST_POSTGRES_ADMIN_URL`, else `postgres://postgres@127.0.0.1:5432/postgres`),
 * `CHROMIUM_PATH` (default `/usr/bin/chromium`).
 *
 * @module
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  allFailures,
  chosenSections,
  enterSection,
  fail,
  note,
  onCleanup,
  SERVER_SECTIONS,
  settings,
  undoAll,
  type Section,
} from './lib/context.js';
import { snapshotDist } from './lib/dist.js';
import { stopAllLoads } from './lib/load.js';
import { repoRoot } from './lib/paths.js';
import { kb, ms, perSecond, ratio, table } from './lib/report.js';
import { commitInfo, load, machine, RESULTS_FILE, writeResults, type Figure, type RunInfo, type SectionResults } from './lib/results.js';
import { browserSection } from './sections/browser.js';
import { agendaSection } from './sections/agenda.js';
import { innovationsSearchSection } from './sections/innovations-search.js';
import { innovationsWidgetSection } from './sections/innovations-widget.js';
import { roadMapSection } from './sections/road-map.js';
import { scaleSection } from './sections/scale.js';
import { serverSections } from './sections/server.js';
import { sizesSection } from './sections/sizes.js';

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    note(`${signal}: stopping everything the bench started`);
    stopAllLoads();
    void undoAll().finally(() => process.exit(130));
  });
}

/** A figure as the goals table shows it. */
function shown(figure: Figure): string {
  if (figure.unit === 'B') return kb(figure.value);
  if (figure.unit === 'ms') return ms(figure.value);
  if (figure.unit === 'req/s') return perSecond(figure.value);
  return String(figure.value);
}

async function main(): Promise<void> {
  let chosen: Set<Section>;
  try {
    chosen = chosenSections();
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
    return;
  }
  const began = performance.now();
  const startedAt = new Date();
  const loadStart = load();
  const { commit, dirty } = commitInfo();
  const work = await mkdtemp(join(tmpdir(), 'opd-kit-bench-'));
  onCleanup(() => rm(work, { recursive: true, force: true }));

  const markdown: string[] = [];
  const sections: Partial<Record<Section, SectionResults>> = {};
  const timed = async <T>(run: () => Promise<T>): Promise<{ value: T; run: RunInfo }> => {
    const start = performance.now();
    const loadavg = load();
    const date = new Date().toISOString();
    const value = await run();
    return { value, run: { commit, dirty, date, loadavg: { start: loadavg, end: load() }, seconds: Math.round((performance.now() - start) / 1000) } };
  };

  try {
    // The server sections read the repository's dist/cdn through the server: no build for them.
    const dist = chosen.has('sizes') || chosen.has('browser') ? await snapshotDist(work) : undefined;
    if (chosen.has('sizes')) {
      enterSection('sizes');
      const { value, run } = await timed(() => sizesSection(work, dist));
      markdown.push(value.markdown);
      sections.sizes = { run, figures: value.figures, failures: [], details: value.details };
    }
    const server = SERVER_SECTIONS.filter((section) => chosen.has(section));
    let demoDataDir = join(work, 'browser-data');
    if (server.length > 0) {
      const { value, run } = await timed(() => serverSections(work, chosen));
      if (value.markdown.start) markdown.push(value.markdown.start);
      for (const [index, section] of server.entries()) {
        const text = value.markdown[section];
        if (text) markdown.push(text);
        // The cold start goes with the first server section of the run.
        const figures = [...(index === 0 ? (value.figures.start ?? []) : []), ...(value.figures[section] ?? [])];
        const details = { ...(index === 0 ? { start: value.details.start } : {}), measured: value.details[section] ?? null };
        sections[section] = { run, figures, failures: [], details };
      }
      if (value.demoDataDir) demoDataDir = value.demoDataDir;
    }
    if (chosen.has('browser')) {
      enterSection('browser');
      const { value, run } = await timed(() => browserSection(work, demoDataDir, dist?.cdn));
      markdown.push(value.markdown);
      sections.browser = { run, figures: value.figures, failures: [], details: value.details };
    } else markdown.push('## 6. Browser\n\nSkipped.');
    if (chosen.has('road-map')) {
      enterSection('road-map');
      const { value, run } = await timed(() => roadMapSection(work));
      markdown.push(value.markdown);
      sections['road-map'] = { run, figures: value.figures, failures: [], details: value.details };
    }
    if (chosen.has('agenda')) {
      enterSection('agenda');
      const { value, run } = await timed(() => agendaSection(work));
      markdown.push(value.markdown);
      sections.agenda = { run, figures: value.figures, failures: [], details: value.details };
    }
    if (chosen.has('innovations-search')) {
      enterSection('innovations-search');
      const { value, run } = await timed(() => innovationsSearchSection());
      markdown.push(value.markdown);
      sections['innovations-search'] = { run, figures: value.figures, failures: [], details: value.details };
    }
    if (chosen.has('innovations-widget')) {
      enterSection('innovations-widget');
      const { value, run } = await timed(() => innovationsWidgetSection(work));
      markdown.push(value.markdown);
      sections['innovations-widget'] = { run, figures: value.figures, failures: [], details: value.details };
    }
    if (chosen.has('scale')) {
      enterSection('scale');
      const { value, run } = await timed(() => scaleSection());
      markdown.push(value.markdown);
      sections.scale = { run, figures: value.figures, failures: [], details: value.details };
    }
  } catch (error) {
    fail(`the bench stopped early: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  } finally {
    await undoAll();
  }
  enterSection('run');

  const seconds = Math.round((performance.now() - began) / 1000);
  const loadEnd = load();
  const host = machine();
  const failures = allFailures();
  const results = await writeResults(
    {
      commit,
      dirty,
      date: startedAt.toISOString(),
      loadavg: { start: loadStart, end: loadEnd },
      seconds,
      sections: [...chosen],
      machine: host,
      settings: { ...settings },
    },
    sections,
    failures,
  );

  const goals = Object.values(sections).flatMap((section) => section?.figures.filter((figure) => figure.goal) ?? []);
  const header = [
    '# opd-kit benchmark',
    '',
    `${startedAt.toISOString()} · commit ${commit}${dirty ? ' (with uncommitted changes)' : ''} · Node ${host.node} · ${host.cpus} cores (${host.model}) · ${host.memoryGiB} GiB RAM · ${host.platform} · load average ${loadStart.join(' / ')} at the start, ${loadEnd.join(' / ')} at the end`,
    '',
    'Every figure below was measured in this run; every ratio is against a peer measured in this run (below 1× is smaller/faster/less, for throughput above 1× is more).',
  ].join('\n');
  const goalTable = [
    '## Goals',
    '',
    goals.length === 0
      ? 'No goal measured in this run.'
      : table(
          ['figure', 'measured', 'vs peer', 'goal', 'met'],
          goals.map((figure) => [
            figure.label,
            shown(figure),
            figure.ratio !== undefined && figure.peer ? `${ratio(figure.ratio, 1)} ${figure.peer.label}` : '—',
            figure.goal?.text ?? '',
            figure.goal?.met ? '**met**' : 'not met',
          ]),
        ),
  ].join('\n');
  const footer = [
    '## Checks',
    '',
    failures.length === 0
      ? 'All checks passed: no errors, no unexpected statuses, every acknowledged question stored, every size budget met.'
      : failures.map((failure) => `- FAILED (${failure.section}): ${failure.message}`).join('\n'),
    '',
    `Bench took ${seconds} s (sections: ${[...chosen].join(', ')}). Results: ${relative(repoRoot, RESULTS_FILE)} (${results.goals.length} goals in the file).`,
  ].join('\n');
  process.stdout.write(`${[header, ...markdown, goalTable, footer].join('\n\n')}\n`);
  process.exitCode = failures.length === 0 ? 0 : 1;
}

await main();
