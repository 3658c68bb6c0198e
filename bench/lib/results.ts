/**
 * `bench/results.json`: every figure of a run in a machine-readable form, next to its peer,
 * the ratio, the goal and whether it was met, with the commit, date, machine and the load
 * average before and after. A run of some sections (`BENCH_ONLY`) replaces those sections and
 * keeps the others from the file as they were, each with the run it came from.
 *
 * @module
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import type { Failure, Section } from './context.js';
import { repoPath, repoRoot } from './paths.js';

/** Where the results go (`BENCH_RESULTS` overrides). */
export const RESULTS_FILE = process.env.BENCH_RESULTS ?? repoPath('bench/results.json');

/** A goal a figure is held to. */
export interface Goal {
  /** As the issue words it, e.g. `≥ 0.5× bare node:http`. */
  text: string;
  met: boolean;
}

/** One measured figure. */
export interface Figure {
  /** Stable id, e.g. `reads.pglite.opd` or `sizes.sdk`. */
  id: string;
  label: string;
  value: number;
  /** `B` (bytes, min+gzip unless the id says otherwise), `ms`, `req/s`. */
  unit: 'B' | 'ms' | 'req/s' | 'count';
  /** The peer it is compared with, measured in the same run. */
  peer?: { id: string; label: string; value: number };
  /** value / peer.value. */
  ratio?: number;
  goal?: Goal;
}

/** When and where a section was measured. */
export interface RunInfo {
  commit: string;
  /** Uncommitted changes in the tree the run measured (src/, widgets/, server/, rollup.config.mjs, scripts/build.mjs). */
  dirty: boolean;
  date: string;
  /** os.loadavg() (1, 5, 15 minutes) when the section began and ended. */
  loadavg: { start: number[]; end: number[] };
  seconds: number;
}

/** One section's results. */
export interface SectionResults {
  run: RunInfo;
  figures: Figure[];
  /** The section's failed checks. */
  failures: string[];
  /** Everything else it measured (load runs in full, file lists, settings). */
  details: Record<string, unknown>;
}

/** The whole file. */
export interface Results {
  about: string;
  /** The last run that wrote the file. */
  run: RunInfo & { sections: Section[]; machine: Machine; settings: Record<string, unknown> };
  sections: Partial<Record<Section, SectionResults>>;
  /** Every figure that has a goal, from every section in the file. */
  goals: Array<{ id: string; label: string; value: number; unit: Figure['unit']; ratio?: number; peer?: string; goal: string; met: boolean }>;
}

/** The machine the run was on. */
export interface Machine {
  cpus: number;
  model: string;
  memoryGiB: number;
  platform: string;
  release: string;
  node: string;
}

export function machine(): Machine {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    model: cpu[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: platform(),
    release: release(),
    node: process.versions.node,
  };
}

/** os.loadavg(), two decimals. */
export function load(): number[] {
  return loadavg().map((value) => Math.round(value * 100) / 100);
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/** The commit checked out (short) and whether what the bench measures has uncommitted changes. */
export function commitInfo(): { commit: string; dirty: boolean } {
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  const changes = git(['status', '--porcelain', '--untracked-files=no', '--', 'src', 'widgets', 'server', 'rollup.config.mjs', 'scripts/build.mjs']);
  return { commit, dirty: changes !== '' };
}

/** Writes the results, keeping sections this run did not measure from the file as they were. */
export async function writeResults(
  run: Results['run'],
  sections: Partial<Record<Section, SectionResults>>,
  failures: readonly Failure[],
): Promise<Results> {
  let previous: Partial<Results> = {};
  if (existsSync(RESULTS_FILE)) {
    try {
      previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Partial<Results>;
    } catch {
      previous = {};
    }
  }
  const merged: Partial<Record<Section, SectionResults>> = { ...(previous.sections ?? {}) };
  for (const [name, section] of Object.entries(sections) as Array<[Section, SectionResults]>) {
    merged[name] = { ...section, failures: failures.filter((failure) => failure.section === name).map((failure) => failure.message) };
  }
  const goals: Results['goals'] = [];
  for (const section of Object.values(merged)) {
    for (const figure of section?.figures ?? []) {
      if (!figure.goal) continue;
      goals.push({
        id: figure.id,
        label: figure.label,
        value: figure.value,
        unit: figure.unit,
        ...(figure.ratio !== undefined ? { ratio: figure.ratio } : {}),
        ...(figure.peer ? { peer: figure.peer.label } : {}),
        goal: figure.goal.text,
        met: figure.goal.met,
      });
    }
  }
  const results: Results = {
    about:
      'Written by `npm run bench` (bench/run.ts). Every figure was measured in the run its section names, every ratio against a peer measured in that run. Sizes: bytes, gzip -9 unless the id says otherwise; latencies: ms; throughput: answers with the expected status per second. A BENCH_ONLY run replaces its sections and keeps the others.',
    run,
    sections: merged,
    goals,
  };
  await writeFile(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  return results;
}
