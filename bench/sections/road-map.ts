/**
 * Section 7, the road map in headless Chromium: 5,000 synthetic segments drawn by
 * `<opd-road-map>`'s map layer next to plain Leaflet 1.9 drawing the same lines with its SVG
 * and its Canvas renderer (`L.geoJSON`, one layer per feature, as Leaflet's documentation
 * shows), in the same run and the same browser. For each: the time from the data in hand to
 * the first paint of every line, and the longest task (PerformanceObserver `longtask`, which
 * sees tasks of 50 ms and more: a load without one counts as 50 ms). Goals (issue 16): no task
 * over 200 ms, and our longest task ≤ 0.5× plain Leaflet's (the better of its two renderers).
 *
 * Runs alone: `BENCH_ONLY=road-map npm run bench` (about a minute); `BENCH_ROAD_MAP_ROUNDS`
 * (default 7) loads per variant, interleaved, after one untimed load each.
 *
 * @module
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { seededRandom } from '../../server/src/random.js';
import { CHROMIUM_ARGS } from '../../test/helpers/local.js';
import { serveStatic } from '../lib/browser.js';
import { fail, note, onCleanup } from '../lib/context.js';
import { repoPath } from '../lib/paths.js';
import { median, ms, ratio, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';
import { bundleSize } from '../lib/sizes.js';

/** Segments drawn. */
export const SEGMENTS = 5000;

/** The shortest task the `longtask` observer reports, ms. */
const LONG_TASK = 50;

const rounds = Math.max(1, Math.round(Number(process.env.BENCH_ROAD_MAP_ROUNDS) || 7));

const MODES = ['opd-kit', 'leaflet-svg', 'leaflet-canvas'] as const;
type Mode = (typeof MODES)[number];

const LABELS: Record<Mode, string> = {
  'opd-kit': "opd-kit: <opd-road-map>'s map layer (Canvas, a polyline per class in parts)",
  'leaflet-svg': 'peer: plain Leaflet 1.9, L.geoJSON, SVG renderer',
  'leaflet-canvas': 'peer: plain Leaflet 1.9, L.geoJSON, Canvas renderer',
};

/** What one timed load measured (see bench/pages/road-map.html). */
interface Measured {
  drawMs: number;
  segments: number;
  longestTask: number;
  longTasks: number;
  paths: number;
  painted: number;
}

/**
 * A synthetic network of `count` segments inside Lahat's box (lat −4.4…−3.4, lon
 * 102.9…103.9): each a wandering line of 8–32 positions (20 on average, so some 100,000 in
 * all), a dominant class drawn with the demo's rough shares. Seeded: the same every run.
 */
export function syntheticNetwork(count: number): object {
  const random = seededRandom(16_5000);
  const classes = [
    ['baik', 0.55],
    ['sedang', 0.2],
    ['rusakRingan', 0.15],
    ['rusakBerat', 0.1],
  ] as const;
  const features = [];
  for (let index = 0; index < count; index++) {
    let lon = 102.9 + random();
    let lat = -4.4 + random();
    let heading = random() * Math.PI * 2;
    const points: [number, number][] = [];
    const length = 8 + Math.floor(random() * 25);
    for (let i = 0; i < length; i++) {
      points.push([Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6]);
      heading += (random() - 0.5) * 0.8;
      lon = Math.min(103.9, Math.max(102.9, lon + Math.cos(heading) * 0.002));
      lat = Math.min(-3.4, Math.max(-4.4, lat + Math.sin(heading) * 0.002));
    }
    let pick = random();
    let dominant: string = classes[0][0];
    for (const [name, share] of classes) {
      if (pick < share) {
        dominant = name;
        break;
      }
      pick -= share;
    }
    const number = String(index + 1).padStart(4, '0');
    features.push({ type: 'Feature', id: number, geometry: { type: 'LineString', coordinates: points }, properties: { number, dominant } });
  }
  return { type: 'FeatureCollection', features };
}

export async function roadMapSection(work: string): Promise<{ markdown: string; figures: Figure[]; details: Record<string, unknown> }> {
  const pages = join(work, 'road-map-pages');
  await mkdir(pages, { recursive: true });
  note('road-map: bundling the map layer and plain Leaflet (bench/entries/road-map.ts)');
  await bundleSize('bench/entries/road-map.ts', pages);
  const network = syntheticNetwork(SEGMENTS);
  await writeFile(join(pages, 'road-map-5000.json'), JSON.stringify(network));
  await copyFile(repoPath('node_modules/leaflet/dist/leaflet.css'), join(pages, 'leaflet.css'));
  const template = await readFile(repoPath('bench/pages/road-map.html'), 'utf8');
  for (const mode of MODES) {
    // Plain Leaflet with its own stylesheet in the page; opd-kit's layer adopts its shadow-root rules.
    const head = mode === 'opd-kit' ? '' : '<link rel="stylesheet" href="leaflet.css">';
    await writeFile(join(pages, `${mode}.html`), template.replaceAll('{{MODE}}', mode).replaceAll('{{HEAD}}', head));
  }
  const statics = await serveStatic({ '/': pages });
  onCleanup(() => statics.close());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());

  note(`road-map: ${rounds} timed draws of ${SEGMENTS} segments per variant`);
  const measured: Record<Mode, Measured[]> = { 'opd-kit': [], 'leaflet-svg': [], 'leaflet-canvas': [] };
  for (let round = -1; round < rounds; round++) {
    for (const mode of MODES) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(`${statics.url}/${mode}.html`);
        const result = (await page.evaluate(`window.__bench(${JSON.stringify(mode)})`)) as Measured;
        if (errors.length > 0) fail(`road-map: ${mode}: page errors: ${errors.join('; ')}`);
        if (result.segments !== SEGMENTS) fail(`road-map: ${mode} drew ${result.segments} segments, not ${SEGMENTS}`);
        if (mode === 'leaflet-svg' ? result.paths < SEGMENTS : result.painted === 0) fail(`road-map: ${mode} painted nothing`);
        if (round >= 0) measured[mode].push(result);
      } finally {
        await context.close();
      }
    }
  }
  await browser.close();
  await statics.close();

  /**
   * The longest task of a load: its longest long task; a load without one counts as 50 ms, the
   * observer's threshold (an upper bound: its tasks were all shorter).
   */
  const longest = (result: Measured): number => (result.longTasks > 0 ? result.longestTask : LONG_TASK);
  const summary = Object.fromEntries(
    MODES.map((mode) => {
      const list = measured[mode];
      return [
        mode,
        {
          draw: median(list.map((result) => result.drawMs)),
          longest: median(list.map(longest)),
          worst: Math.max(...list.map(longest)),
          without: list.filter((result) => result.longTasks === 0).length,
          longTasks: median(list.map((result) => result.longTasks)),
        },
      ];
    }),
  ) as Record<Mode, { draw: number; longest: number; worst: number; without: number; longTasks: number }>;

  const ours = summary['opd-kit'];
  const peerMode: Mode = summary['leaflet-svg'].longest <= summary['leaflet-canvas'].longest ? 'leaflet-svg' : 'leaflet-canvas';
  const peer = summary[peerMode];
  const figures: Figure[] = [
    {
      id: 'road-map.opd-kit.draw',
      label: `road map, ${SEGMENTS} segments: data → first paint (median)`,
      value: ours.draw,
      unit: 'ms',
      peer: { id: 'road-map.leaflet-canvas.draw', label: 'plain Leaflet, Canvas', value: summary['leaflet-canvas'].draw },
      ratio: ours.draw / summary['leaflet-canvas'].draw,
    },
    {
      id: 'road-map.opd-kit.longest-task',
      label: `road map, ${SEGMENTS} segments: longest task (median)`,
      value: ours.longest,
      unit: 'ms',
      peer: { id: `road-map.${peerMode}.longest-task`, label: `plain Leaflet's better renderer (${peerMode.replace('leaflet-', '')})`, value: peer.longest },
      ratio: ours.longest / peer.longest,
      goal: { text: "road map longest task ≤ 0.5× plain Leaflet's", met: ours.longest <= 0.5 * peer.longest },
    },
    {
      id: 'road-map.opd-kit.worst-task',
      label: `road map, ${SEGMENTS} segments: longest task of any load`,
      value: ours.worst,
      unit: 'ms',
      goal: { text: 'road map: no task over 200 ms', met: ours.worst <= 200 },
    },
    ...(['leaflet-svg', 'leaflet-canvas'] as const).flatMap((mode): Figure[] => [
      { id: `road-map.${mode}.draw`, label: `${LABELS[mode]}: data → first paint (median)`, value: summary[mode].draw, unit: 'ms' },
      { id: `road-map.${mode}.longest-task`, label: `${LABELS[mode]}: longest task (median)`, value: summary[mode].longest, unit: 'ms' },
    ]),
  ];
  const rows = MODES.map((mode) => {
    const row = summary[mode];
    return [
      LABELS[mode],
      ms(row.draw),
      ms(row.longest),
      ms(row.worst),
      `${row.longTasks} (${row.without} of ${rounds} loads without)`,
      mode === 'opd-kit' ? '—' : `${ratio(ours.longest, row.longest)} (ours / this)`,
    ];
  });
  return {
    figures,
    details: { segments: SEGMENTS, positions: 'about 100,000', rounds, measured },
    markdown: [
      `## 7. Road map: ${SEGMENTS.toLocaleString('en')} segments in Chromium`,
      '',
      `Headless Chromium, 1280×720, no tiles; ${rounds} loads per variant, interleaved, after one untimed load each. A synthetic network of ${SEGMENTS.toLocaleString('en')} lines inside Lahat's box (20 positions each on average, seeded: the same every run), already fetched and parsed when the clock starts. "Data → first paint": from the first call with the data to the paint of the frame after the last drawing. "Longest task": the longest PerformanceObserver \`longtask\` entry overlapping the draw; a load without one (every task under 50 ms) counts as 50 ms. Goals: no task over 200 ms; ours ≤ 0.5× plain Leaflet's better renderer.`,
      '',
      table(['variant', 'data → paint (median)', 'longest task (median)', 'longest task (worst load)', 'long tasks (median; loads with none)', 'vs this (longest task)'], rows),
    ].join('\n'),
  };
}
