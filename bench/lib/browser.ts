/**
 * Time to a usable form in headless Chromium: from navigation start to the moment the form
 * can be filled in (rendered, and for opd-kit its categories loaded from the API). Pages are
 * served from loopback only; the HTTP cache is off so every load is a first visit.
 *
 * @module
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, freePort } from '../../test/helpers/local.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** A loopback static file server over a few directories (URL prefix → directory). */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `roots` (e.g. `{ '/': pagesDir, '/cdn/': 'dist/cdn' }`) on 127.0.0.1. */
export async function serveStatic(roots: Record<string, string>): Promise<StaticServer> {
  const prefixes = Object.keys(roots).sort((a, b) => b.length - a.length);
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      const prefix = prefixes.find((candidate) => path.startsWith(candidate));
      const dir = prefix === undefined ? undefined : roots[prefix];
      const relative = prefix === undefined ? '' : normalize(path.slice(prefix.length));
      if (dir === undefined || relative.startsWith('..')) {
        response.writeHead(404).end();
        return;
      }
      try {
        const body = await readFile(join(dir, relative));
        response.writeHead(200, {
          'Content-Type': TYPES[extname(relative)] ?? 'application/octet-stream',
          'Cache-Control': 'no-store',
        });
        response.end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs in the page before anything else: checks every 2 ms whether the form is usable and
 * records `performance.now()` (ms since navigation start) the first time it is, in
 * `window.__benchReady`; `window.__benchShell` marks the form drawn (for opd-kit, before its
 * categories arrive; for Shoelace the same moment). Plain JavaScript text on purpose: a function compiled by tsx would
 * carry helpers (`__name`) that do not exist in the page.
 */
function readinessProbe(kind: 'opd-kit' | 'shoelace'): string {
  return `(() => {
  const kind = ${JSON.stringify(kind)};
  const opdKitShell = () => Boolean(document.querySelector('opd-consultation-form')?.shadowRoot?.querySelector('form button[type="submit"]'));
  const opdKitReady = () => {
    const root = document.querySelector('opd-consultation-form')?.shadowRoot;
    const select = root?.querySelector('select#category');
    return Boolean(select && !select.disabled && select.options.length > 1 && opdKitShell());
  };
  const tags = ['sl-input', 'sl-textarea', 'sl-select', 'sl-option', 'sl-checkbox', 'sl-button', 'sl-alert'];
  const shoelaceReady = () => {
    if (!tags.every((tag) => customElements.get(tag))) return false;
    const elements = Array.from(document.querySelectorAll(tags.join(',')));
    const button = document.querySelector('sl-button')?.shadowRoot?.querySelector('button');
    return elements.length > 0 && elements.every((element) => element.hasUpdated === true) && Boolean(button);
  };
  const shell = kind === 'opd-kit' ? opdKitShell : shoelaceReady;
  const ready = kind === 'opd-kit' ? opdKitReady : shoelaceReady;
  const timer = setInterval(() => {
    if (document.readyState === 'loading') return;
    if (window.__benchShell === undefined && shell()) window.__benchShell = performance.now();
    if (window.__benchReady === undefined && ready()) {
      window.__benchReady = performance.now();
      clearInterval(timer);
    }
  }, 2);
})();`;
}

/** One page to time. */
export interface TimedPage {
  label: string;
  url: string;
  kind: 'opd-kit' | 'shoelace';
}

/** Milliseconds from navigation start, one entry per load, per page label. */
export type ReadyTimes = Record<string, { drawn: number[]; usable: number[] }>;

/**
 * Loads every page `rounds` times (interleaved, so drift hits all alike) in one headless
 * Chromium with a fresh user-data dir, and returns the times. Fails if a page never gets ready.
 */
export async function timeFormReady(pages: TimedPage[], rounds: number): Promise<ReadyTimes> {
  const profile = await mkdtemp(join(tmpdir(), 'opd-kit-bench-chromium-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    const times: ReadyTimes = Object.fromEntries(pages.map((page) => [page.label, { drawn: [], usable: [] }]));
    // One throw-away load each, so the first timed load does not pay for browser start-up.
    for (const round of [-1, ...Array.from({ length: rounds }, (_, i) => i)]) {
      for (const target of pages) {
        const page = await context.newPage();
        try {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
          await page.addInitScript({ content: readinessProbe(target.kind) });
          const errors: string[] = [];
          page.on('pageerror', (error) => errors.push(error.message));
          page.on('console', (message) => {
            if (message.type() === 'error') errors.push(`console: ${message.text()}`);
          });
          page.on('requestfailed', (request) => errors.push(`${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
          await page.goto(target.url, { waitUntil: 'commit', timeout: 15_000 });
          // Polled from here: waitForFunction evaluates its predicate with eval in the page,
          // which the demo page's strict Content-Security-Policy (rightly) forbids.
          let readyAt: number | undefined;
          const deadline = Date.now() + 15_000;
          while (readyAt === undefined && Date.now() < deadline) {
            readyAt = (await page.evaluate('window.__benchReady')) as number | undefined;
            if (readyAt === undefined) await sleep(25);
          }
          if (readyAt === undefined) {
            throw new Error(
              `${target.label} (${target.url}) never showed a usable form${errors.length ? `; page errors: ${errors.join('; ')}` : ''}`,
            );
          }
          const drawnAt = (await page.evaluate('window.__benchShell')) as number | undefined;
          if (round >= 0) {
            times[target.label]?.usable.push(readyAt);
            times[target.label]?.drawn.push(drawnAt ?? readyAt);
          }
        } finally {
          await page.close();
        }
      }
    }
    return times;
  } finally {
    await context?.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  }
}
