/**
 * End to end, as a new user of the demo site's DPRD page (`dprd.html`, served by the real
 * server process with the demo seed, `<opd-agenda-calendar>` from the built CDN file) in
 * headless Chromium: months browsed with the buttons and with PageDown in the grid, an event
 * opened in its dialog, its `.ics` downloaded and read by ical.js at the time the agenda gives
 * in WIB, and the council's feed, as the page links it, imported with every event at the
 * instant the JSON API gives — the working visit to Makassar in WITA, in its own zone.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { AgendaEvent, AgendaEventList } from '../../src/schemas/agenda.js';
import { startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');
const OPD = 'sekretariat-dprd';

let server: DemoServer;
let browser: Browser;
/** Every event of the demo agenda, as the JSON API gives them. */
let events: AgendaEvent[];

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const response = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}/events?from=2026-11-01&to=2027-02-01&limit=100`);
  assert.equal(response.status, 200);
  const list = (await response.json()) as AgendaEventList;
  assert.equal(list.nextCursor ?? null, null, 'the demo agenda fits one page');
  events = list.data;
  assert.ok(events.length >= 20, `three months of agenda (${events.length} events)`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `dprd.html`, recording thrown errors, console errors (CSP refusals among them) and CSP violation events. */
async function openDprd(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const errors: string[] = [];
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`${response.url()}: ${response.status()}`);
  });
  await page.goto(`${server.baseUrl}/dprd.html`);
  return { page, errors };
}

/** A parsed calendar: its component and events, its zones registered for ical.js's conversions. */
function parseCalendar(text: string): { calendar: ICAL.Component; events: ICAL.Event[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component)) };
}

/** `HH:MM` of an ical.js time as written (its own zone's wall clock). */
const hhmm = (time: ICAL.Time) => `${String(time.hour).padStart(2, '0')}:${String(time.minute).padStart(2, '0')}`;

/** `HH:MM` of an instant on the wall clock of `zone`. */
const wallClock = (instant: string, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));

/** The day `YYYY-MM-DD` of an instant in `zone`. */
const dayIn = (instant: string, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(instant));

describe('the demo site’s DPRD page, as a new user', () => {
  it('browses months with the buttons and PageDown, opens an event, downloads its .ics at the right WIB time, and imports the council feed with every event at its time', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const { page, errors } = await openDprd(context);
    const calendar = page.locator('opd-agenda-calendar');
    const period = calendar.locator('#period');
    await period.getByText('Desember 2026').waitFor();
    await calendar.locator('td[data-day="2026-12-01"]').waitFor();

    // Next and previous months.
    await calendar.getByRole('button', { name: 'Bulan berikutnya' }).click();
    await period.getByText('Januari 2027').waitFor();
    const january = events.find((event) => !event.allDay && dayIn(event.startsAt, event.timeZone).startsWith('2027-01'));
    assert.ok(january, 'the demo has a January event');
    await calendar.locator(`button.chip[data-event="${january.id}"]`).waitFor();
    await calendar.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    await period.getByText('Desember 2026').waitFor();
    await calendar.getByRole('button', { name: 'Bulan sebelumnya' }).click();
    await period.getByText('November 2026').waitFor();
    await calendar.locator('td[data-day="2026-11-30"]').waitFor();

    // The keyboard: in the grid, PageDown goes to the same day of the next month, the focus with it.
    const cell = calendar.locator('td[tabindex="0"]');
    const from = await cell.getAttribute('data-day');
    assert.match(from ?? '', /^2026-11-/);
    await cell.focus();
    await page.keyboard.press('PageDown');
    await period.getByText('Desember 2026').waitFor();
    await page.waitForFunction(() => {
      const active = document.querySelector('opd-agenda-calendar')?.shadowRoot?.activeElement as HTMLElement | null | undefined;
      return active?.dataset.day?.startsWith('2026-12-') ?? false;
    });
    const focused = await page.evaluate(() => (document.querySelector('opd-agenda-calendar')!.shadowRoot!.activeElement as HTMLElement).dataset.day);
    assert.equal(focused, `2026-12-${from!.slice(8)}`, 'the focus is on the same day of December');
    await page.screenshot({ path: join(SCREENSHOTS, 'dprd-december-1280.png') });

    // An event in WIB, opened from its chip in the grid: the dialog says when, in WIB.
    const chips = await calendar.locator('button.chip').evaluateAll((buttons) => buttons.map((button) => Number((button as HTMLElement).dataset.event)));
    const event = events.find((candidate) => chips.includes(candidate.id) && !candidate.allDay && candidate.timeZone === 'Asia/Jakarta' && candidate.status !== 'cancelled');
    assert.ok(event, 'a December event in WIB is in the grid');
    await calendar.locator(`button.chip[data-event="${event.id}"]`).first().click();
    const dialog = calendar.locator('dialog[open]');
    await dialog.waitFor();
    assert.equal((await dialog.locator('#dialog-title').innerText()).trim(), event.title);
    const start = wallClock(event.startsAt, 'Asia/Jakarta');
    const end = wallClock(event.endsAt, 'Asia/Jakarta');
    assert.match(await dialog.locator('.when').innerText(), new RegExp(`${start.replace(':', '\\.')}–${end.replace(':', '\\.')} WIB`), 'the dialog gives the time in WIB');
    await page.screenshot({ path: join(SCREENSHOTS, 'dprd-dialog-1280.png') });

    // "Tambahkan ke kalender saya (.ics)" downloads the event alone.
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: /Tambahkan ke kalender saya/ }).click()]);
    assert.match(download.suggestedFilename(), /\.ics$/);
    const own = parseCalendar(await readFile((await download.path())!, 'utf8'));
    assert.equal(own.events.length, 1, 'the .ics holds the one event');
    const [downloaded] = own.events;
    assert.match(downloaded!.uid, new RegExp(`^${event.id}@`), 'under the event’s UID');
    assert.equal(downloaded!.summary, event.title);
    assert.equal(downloaded!.startDate.zone?.tzid, 'Asia/Jakarta', 'in WIB');
    assert.equal(hhmm(downloaded!.startDate), start, 'starting at the WIB time the dialog gives');
    assert.equal(hhmm(downloaded!.endDate), end);
    assert.equal(downloaded!.startDate.toJSDate().toISOString(), event.startsAt, 'at the instant the agenda gives');
    assert.equal(downloaded!.endDate.toJSDate().toISOString(), event.endsAt);
    await dialog.getByRole('button', { name: 'Tutup' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The council's feed, as the page links it for subscribing.
    const feedUrl = await calendar.locator('a.feed-link').getAttribute('href');
    assert.ok(feedUrl, 'the page links the council feed');
    assert.match(feedUrl, /\/api\/v1\/opds\/sekretariat-dprd\/events\.ics$/);
    assert.match((await calendar.locator('a.webcal-link').getAttribute('href')) ?? '', /^webcal:\/\/.+\/events\.ics$/, 'and its webcal: link');
    const feed = await fetch(new URL(feedUrl, server.baseUrl));
    assert.equal(feed.status, 200);
    assert.match(feed.headers.get('content-type') ?? '', /^text\/calendar/);
    const parsed = parseCalendar(await feed.text());
    assert.equal(parsed.calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.equal(parsed.events.length, events.length, 'every event of the agenda is in the feed');
    const byUid = new Map(parsed.events.map((item) => [item.uid.split('@')[0], item]));
    for (const item of events) {
      const imported = byUid.get(String(item.id));
      assert.ok(imported, `${item.title} is in the feed`);
      if (item.allDay) {
        assert.ok(imported.startDate.isDate, `${item.title}: whole days`);
        assert.equal(imported.startDate.toString(), item.startDate);
      } else {
        assert.equal(imported.startDate.zone?.tzid, item.timeZone, `${item.title}: in its own zone`);
        assert.equal(imported.startDate.toJSDate().toISOString(), item.startsAt, `${item.title}: starts at the agenda’s instant`);
        assert.equal(imported.endDate.toJSDate().toISOString(), item.endsAt, `${item.title}: ends at the agenda’s instant`);
        assert.equal(hhmm(imported.startDate), wallClock(item.startsAt, item.timeZone), `${item.title}: at its wall-clock time`);
      }
    }
    // The working visit to Makassar is in WITA: 09.00 there is 08.00 in Lahat and 01:00 UTC.
    const makassar = events.find((item) => item.timeZone === 'Asia/Makassar');
    assert.ok(makassar, 'the demo has an event in WITA');
    const wita = byUid.get(String(makassar.id))!;
    assert.deepEqual(
      [wita.startDate.zone?.tzid, hhmm(wita.startDate), wallClock(makassar.startsAt, 'Asia/Jakarta'), wita.startDate.toJSDate().toISOString()],
      ['Asia/Makassar', '09:00', '08:00', '2026-12-10T01:00:00.000Z'],
    );
    // And the calendar says so: its own time in WITA, the council's in WIB.
    await calendar.locator(`button.chip[data-event="${makassar.id}"]`).first().click();
    await dialog.waitFor();
    assert.match(await dialog.locator('.when').innerText(), /09\.00–15\.00 WITA \(08\.00–14\.00 WIB\)/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    assert.deepEqual(errors, [], 'no errors, console errors or CSP violations on the page');
    await context.close();
  });

  for (const width of [320, 375, 1280]) {
    it(`fits a ${width} px wide screen with no sideways scrolling, in a host page that sets html's font size to 10px too`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page, errors } = await openDprd(context);
      const calendar = page.locator('opd-agenda-calendar');
      await calendar.locator('#period').getByText('Desember 2026').waitFor();
      await calendar.locator('[data-event]').first().waitFor();
      const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(await sideways(), 0, 'the page does not scroll sideways');
      const overrun = await calendar.evaluate((host) => {
        const edge = host.getBoundingClientRect().right;
        return [...host.shadowRoot!.querySelectorAll('[part~="toolbar"] *, [part~="filters"] *')]
          .map((element) => element.getBoundingClientRect().right - edge)
          .filter((past) => past > 0.5);
      });
      assert.deepEqual(overrun, [], 'nothing of the toolbar or the filters runs past the widget');
      await page.screenshot({ path: join(SCREENSHOTS, `dprd-${width}.png`), fullPage: true });
      await page.evaluate(() => {
        // The page's CSP refuses inline styles: the host's rules go in as a constructed sheet.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('html { font-size: 10px } * { margin: 0; padding: 0; box-sizing: border-box }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const size = await calendar.locator('#period').evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      assert.ok(size >= 14, `the calendar's text stays readable (${size}px)`);
      assert.equal(await sideways(), 0, 'no sideways scrolling in that host page either');
      await page.screenshot({ path: join(SCREENSHOTS, `dprd-host-10px-${width}.png`), fullPage: true });
      assert.deepEqual(errors, [], 'no errors on the page');
      await context.close();
    });
  }
});
