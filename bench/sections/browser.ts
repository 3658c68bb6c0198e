/**
 * Section 6, headless Chromium: navigation → usable form, opd-kit (the demo page and the form
 * alone from the CDN build) against the Shoelace page of the same fields.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic, timeFormReady } from '../lib/browser.js';
import { note, onCleanup, settings, started } from '../lib/context.js';
import { repoPath } from '../lib/paths.js';
import { median, ms, ratio, table } from '../lib/report.js';
import type { Figure } from '../lib/results.js';
import { writeShoelacePage } from './sizes.js';

export async function browserSection(
  work: string,
  dataDir: string,
  cdnDir: string | undefined,
): Promise<{ markdown: string; figures: Figure[]; details: Record<string, unknown> }> {
  if (!cdnDir) return { markdown: '## 6. Browser\n\nSkipped: dist/cdn/opd-kit.js is missing.', figures: [], details: {} };
  const pages = join(work, 'pages');
  // The sizes section did not run: bundle the Shoelace form for the page here.
  if (!existsSync(join(pages, 'shoelace-form.js'))) await writeShoelacePage(pages);
  const statics = await serveStatic({ '/': pages, '/cdn/': cdnDir });
  onCleanup(() => statics.close());
  note('browser: starting the demo server');
  const server = await started({
    DATA_DIR: dataDir,
    SEED: 'demo',
    LOG_LEVEL: 'warn',
    SERVE_DEMO: 'true',
    CORS_ORIGINS: statics.url,
  });

  const categories = await fetch(`${server.url}/api/v1/opds/bpkad`).then(
    (response) => response.json() as Promise<{ consultationCategories?: Array<{ id: string; name: string }> }>,
  );
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const options = (categories.consultationCategories ?? [])
    .map((category) => `<sl-option value="${escape(category.id)}">${escape(category.name)}</sl-option>`)
    .join('');
  const fill = async (template: string, name: string, values: Record<string, string>) => {
    let html = await readFile(repoPath(`bench/pages/${template}`), 'utf8');
    for (const [key, value] of Object.entries(values)) html = html.replaceAll(`{{${key}}}`, value);
    await writeFile(join(pages, name), html);
  };
  await fill('opd-kit-form.html', 'opd-kit.html', { API: server.url });
  await fill('shoelace-form.html', 'shoelace.html', { OPTIONS: options });

  note(`browser: ${settings.browserRounds} timed loads per page`);
  const times = await timeFormReady(
    [
      { label: 'demo', url: `${server.url}/`, kind: 'opd-kit' },
      { label: 'opd-kit', url: `${statics.url}/opd-kit.html`, kind: 'opd-kit' },
      { label: 'shoelace', url: `${statics.url}/shoelace.html`, kind: 'shoelace' },
    ],
    settings.browserRounds,
  );
  await server.stop();
  await statics.close();

  const shoelace = median(times.shoelace?.usable ?? []);
  const labels: Record<string, string> = {
    demo: 'opd-kit demo page (`/`, served by the backend, both widgets, strict CSP)',
    'opd-kit': 'opd-kit form alone (CDN file + one element, categories from the API)',
    shoelace: 'peer: Shoelace form (bundle + light theme, same fields)',
  };
  const figures: Figure[] = [];
  const row = (key: string): string[] => {
    const { drawn = [], usable = [] } = times[key] ?? {};
    if (key !== 'shoelace') {
      figures.push({
        id: `browser.${key}.usable`,
        label: `${labels[key]}: navigation → usable form (median)`,
        value: median(usable),
        unit: 'ms',
        peer: { id: 'browser.shoelace.usable', label: 'Shoelace form', value: shoelace },
        ratio: median(usable) / shoelace,
      });
    }
    return [
      labels[key] ?? key,
      ms(median(drawn)),
      ms(median(usable)),
      `${ms(Math.min(...usable))} – ${ms(Math.max(...usable))}`,
      key === 'shoelace' ? '1×' : ratio(median(usable), shoelace),
    ];
  };
  const rows = [row('demo'), row('opd-kit'), row('shoelace')];
  return {
    figures,
    details: { rounds: settings.browserRounds, times },
    markdown: [
      '## 6. Browser: navigation → usable form',
      '',
      `Headless Chromium (${settings.browserRounds} loads per page, interleaved, after one untimed load each; HTTP cache off; loopback; times from navigation start). "Drawn": the form and its submit button are rendered. "Usable": for opd-kit also the category select filled from the API (same-origin on the demo page; cross-origin with a CORS preflight on the standalone page); for Shoelace drawn = usable, because its categories are written in the HTML (no API call), which favours it.`,
      '',
      table(['page', 'form drawn (median)', 'form usable (median)', 'usable, range', 'vs Shoelace (usable)'], rows),
    ].join('\n'),
  };
}
