/**
 * Section 8, the council agenda calendar (issue 17): `<opd-agenda-calendar>` next to
 * FullCalendar 6 and 7, in the same run.
 *
 * - Sizes: the calendar's npm entry (`widgets/agenda-calendar/define.ts`, with Lit, zod and the
 *   SDK inside; what a page loads up front, its lazy chunks shown apart) bundled as every peer is (bench/lib/sizes.ts), next to FullCalendar 6 core +
 *   daygrid + list (its CSS is in its JS) and FullCalendar 7 (`fullcalendar` + daygrid + list +
 *   the classic theme, with its three CSS files added). Goal: ours ≤ 0.5× each.
 * - In headless Chromium: a month (December 2026) holding 1,000 synthetic events, drawn by each:
 *   the time from the data in hand to the first paint of the month with its events, and the
 *   longest task (PerformanceObserver `longtask`; below 50 ms, the longest the main thread was
 *   held between two messages of a chain running throughout). opd-kit reads the events through
 *   its SDK from a `fetch` answering from memory (ten pages of 100, parsed and checked against
 *   the schema); FullCalendar gets them as objects. Both show at most 3 events a day and "+n".
 *   Goals: no task over 200 ms; our longest ≤ 1/3 of FullCalendar's (the better of 6 and 7).
 *
 * Runs alone: `BENCH_ONLY=agenda npm run bench` (about a minute); `BENCH_AGENDA_ROUNDS`
 * (default 5) loads per variant, interleaved, after one untimed load each.
 *
 * @module
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { seededRandom } from '../../server/src/random.js';
import { CHROMIUM_ARGS } from '../../test/helpers/local.js';
import { serveStatic } from '../lib/browser.js';
import { fail, note, onCleanup } from '../lib/context.js';
import { repoPath } from '../lib/paths.js';
import { kb, median, ms, ratio, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';
import { bundleSize, compressedSizes } from '../lib/sizes.js';

/** Events in the month drawn. */
export const EVENTS = 1000;

const rounds = Math.max(1, Math.round(Number(process.env.BENCH_AGENDA_ROUNDS) || 5));

const MODES = ['opd-kit', 'fullcalendar-6', 'fullcalendar-7'] as const;
type Mode = (typeof MODES)[number];

const LABELS: Record<Mode, string> = {
  'opd-kit': 'opd-kit: <opd-agenda-calendar> (through its SDK, 10 pages of 100)',
  'fullcalendar-6': 'peer: FullCalendar 6.1 (core + daygrid + list), dayMaxEvents 3',
  'fullcalendar-7': 'peer: FullCalendar 7.1 (fullcalendar + daygrid + list + classic theme), dayMaxEvents 3',
};

/** The FullCalendar 7 stylesheets a page links (its README's set-up). */
const FC7_CSS = ['skeleton.css', 'themes/classic/theme.css', 'themes/classic/palette.css'];

/** What one timed load measured (see bench/pages/agenda.html). */
interface Measured {
  drawMs: number;
  events: number;
  longestTask: number;
  longTasks: number;
  longestGap: number;
}

const BODIES = [
  ['paripurna', 'Paripurna'],
  ['komisi-1', 'Komisi I'],
  ['komisi-2', 'Komisi II'],
  ['komisi-3', 'Komisi III'],
  ['komisi-4', 'Komisi IV'],
  ['banggar', 'Badan Anggaran'],
  ['bapemperda', 'Badan Pembentukan Peraturan Daerah'],
  ['bk', 'Badan Kehormatan'],
] as const;

const KINDS = ['rapat-paripurna', 'rapat-komisi', 'rapat-kerja', 'rapat-dengar-pendapat', 'kunjungan-kerja', 'konsultasi'] as const;

/**
 * A council's December 2026 with `count` events as the API answers them (the council, then
 * pages of 100), and the same events as FullCalendar takes them. Seeded: the same every run.
 * About one in twenty is cancelled, one in fifteen closed; times 08.00–16.00 WIB, 1–4 hours.
 */
export function syntheticMonth(count: number): { texts: { council: string; pages: Record<string, string> }; events: object[] } {
  const random = seededRandom(17_1000);
  const api = 'https://agenda.bench.invalid';
  const feed = { ics: `${api}/api/v1/opds/sekretariat-dprd/events.ics`, webcal: 'webcal://agenda.bench.invalid/api/v1/opds/sekretariat-dprd/events.ics' };
  const council = {
    opd: 'sekretariat-dprd',
    name: 'DPRD Kabupaten Lahat',
    timeZone: 'Asia/Jakarta',
    bodies: BODIES.map(([id, name]) => ({ id, name, description: null })),
    kinds: KINDS.map((id) => ({ id, name: id })),
    feed,
    bodyFeeds: BODIES.map(([id]) => ({ body: id, feed: { ics: `${feed.ics}?body=${id}`, webcal: `${feed.webcal}?body=${id}` } })),
    note: 'Data sintetis untuk bench.',
    synthetic: true,
  };
  const events = [];
  for (let index = 0; index < count; index++) {
    const day = 1 + Math.floor(random() * 31);
    const hour = 8 + Math.floor(random() * 8);
    const minutes = random() < 0.5 ? 0 : 30;
    const length = 60 * (1 + Math.floor(random() * 4));
    const start = new Date(Date.UTC(2026, 11, day, hour - 7, minutes));
    const end = new Date(start.getTime() + length * 60_000);
    const [bodyId, bodyName] = BODIES[Math.floor(random() * BODIES.length)]!;
    const cancelled = random() < 0.05;
    const id = index + 1;
    const scheduled = { startsAt: start.toISOString(), endsAt: end.toISOString(), startDate: null, endDate: null };
    events.push({
      id,
      opd: 'sekretariat-dprd',
      title: `Rapat ${bodyName} nomor ${id}: pembahasan agenda daerah`,
      body: { id: bodyId, name: bodyName, description: null },
      kind: KINDS[Math.floor(random() * KINDS.length)]!,
      status: cancelled ? 'cancelled' : 'confirmed',
      openToPublic: random() >= 1 / 15,
      allDay: false,
      ...scheduled,
      timeZone: 'Asia/Jakarta',
      place: `Ruang Rapat ${bodyName}, Gedung DPRD Kabupaten Lahat`,
      onlineUrl: null,
      description: 'Data sintetis untuk bench.',
      documents: [],
      sequence: cancelled ? 1 : 0,
      cancelReason: cancelled ? 'Dibatalkan untuk bench.' : null,
      changes: [{ at: '2026-11-01T02:00:00.000Z', kind: 'scheduled', sequence: 0, text: 'Dijadwalkan.', reason: null, fields: [], from: null, to: scheduled }],
      url: `${api}/api/v1/opds/sekretariat-dprd/events/${id}`,
      icsUrl: `${api}/api/v1/events/${id}.ics`,
      updatedAt: '2026-11-01T02:00:00.000Z',
    });
  }
  events.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id - b.id);
  const pages: Record<string, string> = {};
  for (let page = 0; page * 100 < events.length; page++) {
    const next = (page + 1) * 100 < events.length ? `page-${page + 1}` : null;
    pages[page === 0 ? '' : `page-${page}`] = JSON.stringify({
      data: events.slice(page * 100, page * 100 + 100),
      nextCursor: next,
      from: '2026-11-21T17:00:00.000Z',
      to: '2027-01-09T17:00:00.000Z',
      feed,
    });
  }
  return {
    texts: { council: JSON.stringify(council), pages },
    events: events.map((event) => ({ id: String(event.id), title: event.title, start: event.startsAt, end: event.endsAt, allDay: false })),
  };
}

export async function agendaSection(work: string): Promise<{ markdown: string; figures: Figure[]; details: Record<string, unknown> }> {
  // ---- sizes ----
  note('agenda: bundling <opd-agenda-calendar>, FullCalendar 6 and FullCalendar 7');
  const ours = await bundleSize('widgets/agenda-calendar/define.ts');
  const fc6 = await bundleSize('bench/entries/fullcalendar-6-list.ts');
  const fc7js = await bundleSize('bench/entries/fullcalendar-7.ts');
  const fc7css = compressedSizes((await Promise.all(FC7_CSS.map((file) => readFile(repoPath(`node_modules/fullcalendar-7/${file}`), 'utf8')))).join('\n'));
  const fc7 = { gzip: fc7js.gzip + fc7css.gzip, brotli: fc7js.brotli + fc7css.brotli, min: fc7js.min + fc7css.min };
  const version = async (name: string) => (JSON.parse(await readFile(repoPath(`node_modules/${name}/package.json`), 'utf8')) as { version: string }).version;
  const versions = { fc6: await version('@fullcalendar/core'), fc7: await version('fullcalendar-7') };

  // ---- Chromium ----
  const pages = join(work, 'agenda-pages');
  await mkdir(pages, { recursive: true });
  for (const entry of ['agenda-opd-kit', 'agenda-fullcalendar-6', 'agenda-fullcalendar-7']) await bundleSize(`bench/entries/${entry}.ts`, pages);
  for (const file of FC7_CSS) {
    const css = await readFile(repoPath(`node_modules/fullcalendar-7/${file}`), 'utf8');
    await writeFile(join(pages, `fc7-${file.replaceAll('/', '-')}`), css);
  }
  await writeFile(join(pages, 'agenda-1000.json'), JSON.stringify(syntheticMonth(EVENTS)));
  const template = await readFile(repoPath('bench/pages/agenda.html'), 'utf8');
  for (const mode of MODES) {
    const head = mode === 'fullcalendar-7' ? FC7_CSS.map((file) => `<link rel="stylesheet" href="fc7-${file.replaceAll('/', '-')}">`).join('\n    ') : '';
    await writeFile(join(pages, `${mode}.html`), template.replaceAll('{{MODE}}', mode).replaceAll('{{HEAD}}', head));
  }
  const statics = await serveStatic({ '/': pages });
  onCleanup(() => statics.close());
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  onCleanup(() => browser.close());

  note(`agenda: ${rounds} timed draws of a month with ${EVENTS} events per variant`);
  const measured: Record<Mode, Measured[]> = { 'opd-kit': [], 'fullcalendar-6': [], 'fullcalendar-7': [] };
  for (let round = -1; round < rounds; round++) {
    for (const mode of MODES) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      try {
        await page.goto(`${statics.url}/${mode}.html`);
        const result = (await page.evaluate(`window.__bench(${JSON.stringify(mode)})`)) as Measured;
        if (errors.length > 0) fail(`agenda: ${mode}: page errors: ${errors.join('; ')}`);
        if (result.events !== EVENTS) fail(`agenda: ${mode} showed ${result.events} events, not ${EVENTS}`);
        if (round >= 0) measured[mode].push(result);
      } finally {
        await context.close();
      }
    }
  }
  await browser.close();
  await statics.close();

  const longest = (result: Measured): number => (result.longTasks > 0 ? result.longestTask : result.longestGap);
  const summary = Object.fromEntries(
    MODES.map((mode) => {
      const list = measured[mode];
      return [mode, { draw: median(list.map((r) => r.drawMs)), longest: median(list.map(longest)), worst: Math.max(...list.map(longest)), longTasks: median(list.map((r) => r.longTasks)) }];
    }),
  ) as Record<Mode, { draw: number; longest: number; worst: number; longTasks: number }>;
  const mine = summary['opd-kit'];
  const peerMode: Mode = summary['fullcalendar-6'].longest <= summary['fullcalendar-7'].longest ? 'fullcalendar-6' : 'fullcalendar-7';
  const peer = summary[peerMode];

  const figures: Figure[] = [
    {
      id: 'agenda.size.opd-kit',
      label: 'agenda calendar entry (widgets/agenda-calendar/define.ts, Lit, zod and the SDK inside), min+gzip',
      value: ours.gzip,
      unit: 'B',
      peer: { id: 'agenda.size.fullcalendar-6', label: `FullCalendar ${versions.fc6} core + daygrid + list`, value: fc6.gzip },
      ratio: ours.gzip / fc6.gzip,
      goal: { text: 'agenda calendar ≤ 0.5× FullCalendar 6 (core + daygrid + list)', met: ours.gzip <= 0.5 * fc6.gzip },
    },
    {
      id: 'agenda.size.opd-kit-vs-7',
      label: 'agenda calendar entry vs FullCalendar 7, min+gzip',
      value: ours.gzip,
      unit: 'B',
      peer: { id: 'agenda.size.fullcalendar-7', label: `FullCalendar ${versions.fc7} + daygrid + list + classic theme, JS + CSS`, value: fc7.gzip },
      ratio: ours.gzip / fc7.gzip,
      goal: { text: 'agenda calendar ≤ 0.5× FullCalendar 7 (daygrid + list, with its CSS)', met: ours.gzip <= 0.5 * fc7.gzip },
    },
    { id: 'agenda.size.opd-kit-later', label: 'agenda calendar: fetched later (the event dialog chunk, the English copy), min+gzip', value: ours.lazyGzip, unit: 'B' },
    { id: 'agenda.size.fullcalendar-6', label: `FullCalendar ${versions.fc6} core + daygrid + list, min+gzip`, value: fc6.gzip, unit: 'B' },
    { id: 'agenda.size.fullcalendar-7', label: `FullCalendar ${versions.fc7} + daygrid + list + classic theme (JS ${kb(fc7js.gzip)} + CSS ${kb(fc7css.gzip)}), min+gzip`, value: fc7.gzip, unit: 'B' },
    {
      id: 'agenda.opd-kit.draw',
      label: `agenda, a month of ${EVENTS} events: data → first paint (median)`,
      value: mine.draw,
      unit: 'ms',
      peer: { id: `agenda.${peerMode}.draw`, label: peerMode.replace('fullcalendar-', 'FullCalendar '), value: peer.draw },
      ratio: mine.draw / peer.draw,
    },
    {
      id: 'agenda.opd-kit.longest-task',
      label: `agenda, a month of ${EVENTS} events: longest task (median)`,
      value: mine.longest,
      unit: 'ms',
      peer: { id: `agenda.${peerMode}.longest-task`, label: `FullCalendar's better version (${peerMode.replace('fullcalendar-', '')})`, value: peer.longest },
      ratio: mine.longest / peer.longest,
      goal: { text: "agenda longest task ≤ 1/3 of FullCalendar's", met: mine.longest <= peer.longest / 3 },
    },
    {
      id: 'agenda.opd-kit.worst-task',
      label: `agenda, a month of ${EVENTS} events: longest task of any load`,
      value: mine.worst,
      unit: 'ms',
      goal: { text: 'agenda: no task over 200 ms', met: mine.worst <= 200 },
    },
    ...(['fullcalendar-6', 'fullcalendar-7'] as const).flatMap((mode): Figure[] => [
      { id: `agenda.${mode}.draw`, label: `${LABELS[mode]}: data → first paint (median)`, value: summary[mode].draw, unit: 'ms' },
      { id: `agenda.${mode}.longest-task`, label: `${LABELS[mode]}: longest task (median)`, value: summary[mode].longest, unit: 'ms' },
    ]),
  ];
  // Up front is what the figures compare; what ours fetches later (the event dialog's chunk on
  // the first open, the English copy with lang="en") is shown beside it, not hidden.
  const sizeRows = [
    ['opd-kit: <opd-agenda-calendar> npm entry (Lit, zod, SDK inside)', kb(ours.gzip), kb(ours.brotli), kb(ours.lazyGzip), '—'],
    [`FullCalendar ${versions.fc6}: core + daygrid + list`, kb(fc6.gzip), kb(fc6.brotli), '—', ratio(ours.gzip, fc6.gzip)],
    [`FullCalendar ${versions.fc7}: fullcalendar + daygrid + list + classic theme, JS + CSS`, kb(fc7.gzip), kb(fc7.brotli), '—', ratio(ours.gzip, fc7.gzip)],
  ];
  const drawRows = MODES.map((mode) => {
    const row = summary[mode];
    return [LABELS[mode], ms(row.draw), ms(row.longest), ms(row.worst), String(row.longTasks), mode === 'opd-kit' ? '—' : `${ratio(mine.longest, row.longest)} (ours / this)`];
  });
  return {
    figures,
    details: { events: EVENTS, rounds, versions, sizes: { ours, fc6, fc7js, fc7css }, measured },
    markdown: [
      `## 8. Agenda calendar: sizes, and a month of ${EVENTS.toLocaleString('en')} events in Chromium`,
      '',
      'Each bundled the same way (rollup + node-resolve + esbuild + terser, every dependency inside), gzip -9 and brotli 11; FullCalendar 7 with its three CSS files added (FullCalendar 6 injects its CSS from its JS). Up front: the entry and what it imports statically; opd-kit fetches its event dialog (on the first open, or when the pointer or focus reaches the calendar) and its English copy (with `lang="en"`) later, shown apart. Goal: ours (up front) ≤ 0.5× each.',
      '',
      table(['entry', 'min+gzip (up front)', 'min+brotli', 'fetched later, min+gzip', 'ours / this'], sizeRows),
      '',
      `Headless Chromium, 1280 px wide; ${rounds} loads per variant, interleaved, after one untimed load each. December 2026 with ${EVENTS.toLocaleString('en')} synthetic events (seeded), month view, at most 3 events a day and "+n more" in each. opd-kit reads them through its SDK (the council, then ten pages of 100, parsed and schema-checked) from a fetch answering from memory; FullCalendar gets them as objects. "Data → first paint": from creating the calendar to the paint of the frame after it shows every event. "Longest task": the longest \`longtask\` entry (≥ 50 ms), else the longest hold of the main thread between two messages of a chain running throughout. Goals: no task over 200 ms; ours ≤ 1/3 of FullCalendar's better version.`,
      '',
      table(['variant', 'data → paint (median)', 'longest task (median)', 'longest task (worst load)', 'long tasks (median)', 'vs this (longest task)'], drawRows),
    ].join('\n'),
  };
}
