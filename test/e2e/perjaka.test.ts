/**
 * End to end, as a new user of the demo site's Perjaka page (`perjaka.html`, served by the real
 * server process with the demo seed, the widgets from the built CDN file) in headless Chromium:
 * the whole network drawn in the condition colours with its legend, a segment opened by a click
 * on a drawn line and by the keyboard, the list view of all 214 segments, the board's 78,35 %,
 * and a damage report with a phone's photo (a JPEG carrying GPS in its EXIF) placed by the
 * device's location, which Open311 then lists with its photo — without the reporter's contact,
 * and the photo without its EXIF and GPS.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { RoadFeatureCollection } from '../../src/schemas/roads.js';
import { startDemoServer, type DemoServer } from '../helpers/demo-site.js';
import { jpegMetadata, withGpsExif, type Position } from '../helpers/jpeg-exif.js';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/local.js';

const SCREENSHOTS = join(process.cwd(), 'test-results');
const OPD = 'dinas-pupr';

/** The road widgets' palette (widgets/shared/road-palette.ts), and grey for no survey. */
const COLOURS = {
  baik: [0x1d, 0x5f, 0xa6],
  sedang: [0x3a, 0x86, 0xc8],
  rusakRingan: [0xd9, 0x5f, 0x02],
  rusakBerat: [0x8c, 0x2d, 0x04],
  none: [0x6b, 0x75, 0x80],
} as const;
type SegmentClass = keyof typeof COLOURS;
const LEGEND: Record<SegmentClass, string> = { baik: 'Baik', sedang: 'Sedang', rusakRingan: 'Rusak ringan', rusakBerat: 'Rusak berat', none: 'Belum disurvei' };

/** The made-up reporter; nothing of this may be in a public response. */
const REPORTER = { name: 'Rahmat Hidayat', email: 'rahmat.hidayat@contoh.id', phone: '0812 7777 0142', digits: '81277770142' };

let server: DemoServer;
let browser: Browser;
let network: RoadFeatureCollection;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  server = await startDemoServer();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  const response = await fetch(`${server.baseUrl}/api/v1/opds/${OPD}/road-segments?format=geojson`);
  assert.equal(response.status, 200);
  network = (await response.json()) as RoadFeatureCollection;
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** What went wrong on a page: thrown errors, console errors (Chromium logs CSP refusals there) and CSP violation events. */
interface Trouble {
  errors: string[];
}

/** Opens `perjaka.html` in `context`, recording what goes wrong from the first request on. */
async function openPerjaka(context: BrowserContext): Promise<{ page: Page; trouble: Trouble }> {
  const trouble: Trouble = { errors: [] };
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => trouble.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') trouble.errors.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) trouble.errors.push(`${response.url()}: ${response.status()}`);
  });
  await page.goto(`${server.baseUrl}/perjaka.html`);
  return { page, trouble };
}

/** Brings the map into view (it loads Leaflet only then) and waits until every class in the data is painted. */
async function drawnMap(page: Page): Promise<void> {
  await page.locator('opd-road-map [part~="summary"]').waitFor();
  await page.locator('opd-road-map #map').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => {
    const root = document.querySelector('opd-road-map')?.shadowRoot;
    return Boolean(root?.querySelector('.leaflet-overlay-pane canvas') && !root.querySelector('.map-status'));
  });
  const expected = classesInData();
  await page.waitForFunction(
    ({ colours, expected }) => {
      const canvas = document.querySelector('opd-road-map')?.shadowRoot?.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas');
      const context = canvas?.getContext('2d');
      if (!canvas || !context || canvas.width === 0) return false;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      const seen = new Set<string>();
      for (let i = 0; i < data.length; i += 4) {
        for (const [kind, [r, g, b]] of Object.entries(colours)) {
          if (data[i] === r && data[i + 1] === g && data[i + 2] === b) seen.add(kind);
        }
      }
      return expected.every((kind) => seen.has(kind));
    },
    { colours: COLOURS, expected },
    { timeout: 15_000 },
  );
}

/** The condition classes of the segments, as the map colours them (the latest survey's dominant class). */
function classesInData(): SegmentClass[] {
  const present = new Set(network.features.map((feature) => (feature.properties.condition?.dominant ?? 'none') as SegmentClass));
  return (Object.keys(COLOURS) as SegmentClass[]).filter((kind) => present.has(kind));
}

/** Pixels of the map's canvas in each class's exact colour. */
function paintedPixels(page: Page): Promise<Record<SegmentClass, number>> {
  return page.evaluate((colours) => {
    const canvas = document.querySelector('opd-road-map')!.shadowRoot!.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas')!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((kind) => [kind, 0]));
    for (let i = 0; i < data.length; i += 4) {
      for (const [kind, [r, g, b]] of Object.entries(colours)) {
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) counts[kind]!++;
      }
    }
    return counts as Record<SegmentClass, number>;
  }, COLOURS);
}

/** Where on the page a pixel of `kind`'s colour is shown, inside the map and clear of its zoom buttons. */
function pointOf(page: Page, kind: SegmentClass): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([r, g, b]) => {
      const root = document.querySelector('opd-road-map')!.shadowRoot!;
      const canvas = root.querySelector<HTMLCanvasElement>('.leaflet-overlay-pane canvas')!;
      const { data, width, height } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const box = canvas.getBoundingClientRect();
      const map = root.querySelector('#map')!.getBoundingClientRect();
      // (No named functions in here: the test's loader would wrap them in a helper the page lacks.)
      for (let py = 1; py < height - 1; py++) {
        for (let px = 1; px < width - 1; px++) {
          const i = (py * width + px) * 4;
          if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b) continue;
          // On a stroke: this pixel and one beside it in the colour (not an edge's blend).
          const beside = [i - 4, i + 4, i - width * 4, i + width * 4].some((j) => data[j] === r && data[j + 1] === g && data[j + 2] === b);
          if (!beside) continue;
          const x = box.left + ((px + 0.5) * box.width) / width;
          const y = box.top + ((py + 0.5) * box.height) / height;
          if (x > map.left + 70 && x < map.right - 10 && y > map.top + 10 && y < map.bottom - 10) return { x, y };
        }
      }
      throw new Error('no pixel of that colour on the map');
    },
    COLOURS[kind] as unknown as [number, number, number],
  );
}

/** A position on a drawn line of the network: the middle vertex of the first segment (by number) of `kind`. */
function pointOnSegment(kind: SegmentClass): { number: string; position: Position } {
  const feature = network.features.find((candidate) => candidate.geometry && (candidate.properties.condition?.dominant ?? 'none') === kind);
  assert.ok(feature?.geometry, `a drawn segment in ${kind}`);
  const line = feature.geometry.type === 'LineString' ? feature.geometry.coordinates : feature.geometry.coordinates[0]!;
  const [lon, lat] = line[Math.floor(line.length / 2)]!;
  return { number: feature.properties.number, position: { lat: lat!, lon: lon! } };
}

describe('the demo site’s Perjaka page, as a new user', () => {
  it('draws the whole network in the condition colours with a legend, opens a segment by click and by keyboard, lists all 214, and shows 78,35 %', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, trouble } = await openPerjaka(context);

    // The board's headline figure.
    const board = page.locator('opd-road-summary');
    await board.getByText('78,35 %').first().waitFor();
    assert.ok(await board.getByText('78,35 %').first().isVisible(), 'the 2022 kemantapan is visible');

    await drawnMap(page);
    assert.equal(network.features.length, 214);
    const painted = await paintedPixels(page);
    for (const kind of classesInData()) assert.ok(painted[kind] > 20, `${kind} is painted (${painted[kind]} pixels)`);
    const legend = (await page.locator('opd-road-map [part~="legend"] li').allInnerTexts()).map((item) => item.trim());
    assert.deepEqual(legend.slice(1), classesInData().map((kind) => LEGEND[kind]), 'the legend names every colour drawn');
    assert.match(await page.locator('opd-road-map [part~="summary"]').innerText(), /Menampilkan 214 ruas, 1\.339,15 km/);
    await page.screenshot({ path: join(SCREENSHOTS, 'perjaka-map-1280.png') });

    // A click on a line drawn in Rusak berat's colour opens a segment in that condition.
    const point = await pointOf(page, 'rusakBerat');
    await page.mouse.click(point.x, point.y);
    const details = page.locator('opd-road-map [part~="details"]');
    await details.waitFor();
    const clicked = /Ruas (\S+)/.exec(await details.locator('#details-title').innerText())?.[1];
    const segment = network.features.find((feature) => feature.properties.number === clicked)?.properties;
    assert.ok(segment, `the details name a segment of the network (${clicked})`);
    assert.equal(segment.condition?.dominant, 'rusakBerat', `segment ${clicked} is the one in the colour clicked`);
    assert.match(await details.innerText(), new RegExp(segment.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    assert.match(await details.innerText(), /Kemantapan/);

    // The keyboard: the map is one tab stop; Home goes to the first segment, Enter opens it, Escape closes.
    const map = page.locator('opd-road-map #map');
    await map.focus();
    await page.keyboard.press('Home');
    const first = [...network.features].sort((a, b) => a.properties.number.localeCompare(b.properties.number, 'en', { numeric: true }))[0]!.properties;
    await page.locator('opd-road-map [role="status"]').getByText(`Ruas ${first.number}, ${first.name}`).waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await details.locator('#details-title').getByText(`Ruas ${first.number}`).waitFor();
    await page.keyboard.press('Escape');
    await details.waitFor({ state: 'detached' });

    // The list view: the same 214 segments as a table, each with its details.
    await page.locator('opd-road-map').getByRole('button', { name: 'Daftar', exact: true }).click();
    const rows = page.locator('opd-road-map tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 214, 'a row per segment');
    assert.ok(await map.isHidden(), 'the map gives way to the list');
    await page.locator('opd-road-map').getByRole('button', { name: `Rincian ruas ${first.number}` }).click();
    await details.locator('#details-title').getByText(`Ruas ${first.number}`).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'perjaka-list-1280.png') });

    assert.deepEqual(trouble.errors, [], 'no errors, console errors or CSP violations on the page');
    await context.close();
  });

  it('files a report with a phone photo at the device’s location: a tracking number, then Open311 lists it with the photo, without the contact or the GPS', async () => {
    const { number, position } = pointOnSegment('rusakRingan');
    const context = await browser.newContext({
      viewport: { width: 375, height: 800 },
      geolocation: { latitude: position.lat, longitude: position.lon, accuracy: 10 },
      permissions: ['geolocation'],
    });
    const { page, trouble } = await openPerjaka(context);
    const widget = page.locator('opd-road-map');
    await widget.locator('[part~="summary"]').waitFor();

    // A phone's photo: a JPEG the browser encodes, with EXIF holding where it was taken.
    const encoded = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 120;
      const context = canvas.getContext('2d')!;
      context.fillStyle = '#55504a';
      context.fillRect(0, 0, 160, 120);
      context.fillStyle = '#2a2622';
      context.beginPath();
      context.ellipse(80, 70, 40, 18, 0, 0, Math.PI * 2);
      context.fill();
      const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/jpeg', 0.8));
      return [...new Uint8Array(await blob.arrayBuffer())];
    });
    const photo = withGpsExif(Uint8Array.from(encoded), position);
    const original = jpegMetadata(photo);
    assert.ok(original.exif && original.gpsTag, 'the photo sent carries EXIF with a GPS IFD');
    assert.ok(Math.abs(original.gps!.lat - position.lat) < 1e-5 && Math.abs(original.gps!.lon - position.lon) < 1e-5, 'and the position in it');

    await widget.getByRole('button', { name: 'Laporkan kerusakan' }).click();
    await widget.locator('#report-form').waitFor();
    await widget.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.waitForFunction(() => (document.querySelector('opd-road-map')?.shadowRoot?.querySelector<HTMLInputElement>('#lat')?.value ?? '') !== '');
    assert.ok(Math.abs(Number(await widget.locator('#lat').inputValue()) - position.lat) < 1e-5, 'the device’s latitude');
    assert.ok(Math.abs(Number(await widget.locator('#long').inputValue()) - position.lon) < 1e-5, 'the device’s longitude');

    await widget.locator('#service_code option[value="jalan-berlubang"]').waitFor({ state: 'attached' });
    await widget.locator('#service_code').selectOption('jalan-berlubang');
    await widget.locator('#attribute-tingkat').selectOption('berat');
    const description = `Lubang besar di tengah jalan, air menggenang saat hujan (uji e2e ${Date.now()})`;
    await widget.locator('#description').fill(description);
    await widget.locator('#photo').setInputFiles({ name: 'IMG_20261202_0815.jpg', mimeType: 'image/jpeg', buffer: photo });
    await widget.locator('img.photo-preview').waitFor();
    await widget.locator('#first_name').fill(REPORTER.name);
    await widget.locator('#email').fill(REPORTER.email);
    await widget.locator('#phone').fill(REPORTER.phone);
    await widget.locator('#consent').check();
    await page.screenshot({ path: join(SCREENSHOTS, 'perjaka-report-375.png'), fullPage: true });
    await widget.locator('#report-form button[type=submit]').click();

    const receipt = widget.locator('[part~="receipt"]');
    await receipt.waitFor();
    const id = (await receipt.locator('.tracking').innerText()).trim();
    assert.match(id, /^[0-9A-Z-]+$/, `a tracking number (${id})`);
    assert.match(await receipt.innerText(), new RegExp(`ruas ${number.replace(/\./g, '\\.')}`), 'matched to the segment it lies on');
    await page.screenshot({ path: join(SCREENSHOTS, 'perjaka-receipt-375.png'), fullPage: true });

    // Open311 lists it, in the default window, with its photo and none of the contact.
    const listed = await fetch(`${server.baseUrl}/open311/v2/requests.json?jurisdiction_id=${OPD}`);
    assert.equal(listed.status, 200);
    const body = await listed.text();
    const requests = JSON.parse(body) as { service_request_id: string; service_code: string; description: string; media_url: string | null; lat: number; long: number }[];
    const request = requests.find((candidate) => candidate.service_request_id === id);
    assert.ok(request, `requests.json lists ${id}`);
    assert.equal(request.service_code, 'jalan-berlubang');
    assert.equal(request.description, description);
    assert.ok(Math.abs(request.lat - position.lat) < 1e-4 && Math.abs(request.long - position.lon) < 1e-4, 'at the place reported');
    assert.ok(request.media_url, 'with a media_url');
    const single = await (await fetch(`${server.baseUrl}/open311/v2/requests/${encodeURIComponent(id)}.json?jurisdiction_id=${OPD}`)).text();
    for (const text of [body, single]) {
      for (const secret of [REPORTER.name, 'Rahmat', REPORTER.email, 'rahmat.hidayat', REPORTER.phone, REPORTER.digits]) {
        assert.ok(!text.includes(secret), `no Open311 response contains ${secret}`);
      }
    }

    // The photo at media_url: a JPEG, no EXIF, no GPS.
    const served = await fetch(new URL(request.media_url, server.baseUrl));
    assert.equal(served.status, 200);
    assert.match(served.headers.get('content-type') ?? '', /^image\/jpeg/);
    const bytes = Buffer.from(await served.arrayBuffer());
    const cleaned = jpegMetadata(bytes);
    assert.ok(cleaned.markers.includes(0xda), 'still a JPEG with its image');
    assert.ok(!cleaned.markers.includes(0xe1), 'no APP1 segment (EXIF, XMP)');
    assert.equal(cleaned.exif, false, 'no EXIF');
    assert.equal(cleaned.gpsTag, false, 'no GPS tag');
    for (const marker of ['Exif', 'GPS', 'OPD-KIT TEST CAMERA']) assert.ok(!bytes.includes(Buffer.from(marker, 'latin1')), `no ${marker} in the bytes`);
    assert.ok(bytes.length < photo.length, 'smaller by what was taken out');

    assert.deepEqual(trouble.errors, [], 'no errors, console errors or CSP violations on the page');
    await context.close();
  });

  for (const width of [320, 375, 1280]) {
    it(`fits a ${width} px wide screen with no sideways scrolling, in a host page that sets html's font size to 10px`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 800 } });
      const { page, trouble } = await openPerjaka(context);
      await page.locator('opd-road-summary').getByText('78,35 %').first().waitFor();
      await drawnMap(page);
      await page.evaluate(() => window.scrollTo(0, 0));
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(sideways, 0, 'the page does not scroll sideways');
      // The board's table of km by class fits the widget without scrolling in its box; the map's toolbar stays inside the map widget.
      const classes = page.locator('opd-road-summary .table-wrap').filter({ has: page.locator('table.classes') });
      const cut = await classes.evaluate((wrap) => wrap.scrollWidth - wrap.clientWidth);
      assert.equal(cut, 0, `the km-by-class table is cut by ${cut}px`);
      const overrun = await page.locator('opd-road-map').evaluate((host) => {
        const edge = host.getBoundingClientRect().right;
        return [...host.shadowRoot!.querySelectorAll('[part~="toolbar"] *')].map((element) => element.getBoundingClientRect().right - edge).filter((past) => past > 0.5);
      });
      assert.deepEqual(overrun, [], 'nothing of the map’s toolbar runs past the widget');
      await page.screenshot({ path: join(SCREENSHOTS, `perjaka-${width}.png`), fullPage: true });

      // The same widgets in a host page with a 10px root and a global reset: they keep their own size.
      await page.evaluate(() => {
        // The page's CSP refuses inline styles: the host's rules go in as a constructed sheet.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('html { font-size: 10px } * { margin: 0; padding: 0; box-sizing: border-box }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      const summary = page.locator('opd-road-map [part~="summary"]');
      const size = await summary.evaluate((element) => Number.parseFloat(getComputedStyle(element).fontSize));
      assert.ok(size >= 14, `the widget's text stays readable (${size}px)`);
      const sidewaysReset = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.equal(sidewaysReset, 0, 'no sideways scrolling in the host page either');
      await page.screenshot({ path: join(SCREENSHOTS, `perjaka-host-10px-${width}.png`), fullPage: true });
      assert.deepEqual(trouble.errors, [], 'no errors on the page');
      await context.close();
    });
  }
});
