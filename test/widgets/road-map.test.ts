/**
 * <opd-road-map> in Chromium against the real API (the demo seed's Dinas PUPR, 214 segments).
 */
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import '../../widgets/road-map/define.js';
import type { OpdRoadMap } from '../../widgets/road-map/road-map.js';
import { ROAD_COLOURS } from '../../widgets/road-map/road-map.styles.js';
import type { SegmentClass } from '../../widgets/road-map/layer-types.js';
import { buildClient } from '../../src/build-client.js';
import { citizenRoads } from '../../src/namespaces/roads.js';
import type { RoadFeatureCollection } from '../../src/schemas/roads.js';
import { $, $$, axeViolations, cleanup, equal, fill, includes, mount, ok, setChecked, testConfig, text, until } from './helpers.js';

const OPD = 'dinas-pupr';

let network: RoadFeatureCollection;

/** Resources the page fetched whose URL matches `pattern`. */
function fetched(pattern: RegExp): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => pattern.test(name));
}

const LEAFLET = /leaflet-src|map-layer/;

async function roadMap(attributes = ''): Promise<OpdRoadMap> {
  return mount<OpdRoadMap>(`<opd-road-map api="${testConfig().api}" opd="${OPD}" ${attributes}></opd-road-map>`);
}

/** Mounts a map and waits until it has painted the network (the data and Leaflet arrive after the first render). */
async function drawnMap(attributes = ''): Promise<OpdRoadMap> {
  const element = await roadMap(attributes);
  await new Promise<void>((resolve, reject) => {
    element.addEventListener('opd-map-drawn', () => resolve(), { once: true });
    setTimeout(() => reject(new Error('the map was not drawn within 10 s')), 10_000);
  });
  return element;
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** Pixels of the map's canvas in each condition's colour (within a small tolerance). */
function pixelsByClass(element: OpdRoadMap): Record<SegmentClass, number> {
  const canvas = $<HTMLCanvasElement>(element, '.leaflet-overlay-pane canvas');
  const context = canvas.getContext('2d');
  ok(context, 'the canvas has a 2d context');
  const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
  const targets = (Object.entries(ROAD_COLOURS) as [SegmentClass, string][]).map(([kind, hex]) => [kind, hexToRgb(hex)] as const);
  const counts = { baik: 0, sedang: 0, rusakRingan: 0, rusakBerat: 0, none: 0 };
  for (let i = 0; i < data.length; i += 4) {
    if (data[i + 3]! < 250) continue;
    for (const [kind, [r, g, b]] of targets) {
      if (Math.abs(data[i]! - r) <= 6 && Math.abs(data[i + 1]! - g) <= 6 && Math.abs(data[i + 2]! - b) <= 6) counts[kind]++;
    }
  }
  return counts;
}

/** Where on the page a pixel of `kind`'s colour is, for a click. */
function pagePointOf(element: OpdRoadMap, kind: SegmentClass): { x: number; y: number } {
  const canvas = $<HTMLCanvasElement>(element, '.leaflet-overlay-pane canvas');
  const context = canvas.getContext('2d')!;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  const [r, g, b] = hexToRgb(ROAD_COLOURS[kind]);
  const box = canvas.getBoundingClientRect();
  const map = $(element, '#map').getBoundingClientRect();
  for (let i = 0; i < data.length; i += 4) {
    if (data[i] !== r || data[i + 1] !== g || data[i + 2] !== b) continue;
    const px = (i / 4) % width;
    const py = Math.floor(i / 4 / width);
    const x = box.left + (px * box.width) / width;
    const y = box.top + (py * box.height) / height;
    // Inside the visible map, away from the zoom buttons in its corner.
    if (x > map.left + 70 && x < map.right - 10 && y > map.top + 10 && y < map.bottom - 10) return { x: Math.round(x), y: Math.round(y) };
  }
  throw new Error(`no pixel of ${kind} on the map`);
}

function countByClass(): Record<SegmentClass, number> {
  const counts = { baik: 0, sedang: 0, rusakRingan: 0, rusakBerat: 0, none: 0 };
  for (const feature of network.features) counts[feature.properties.condition?.dominant ?? 'none']++;
  return counts;
}

before(async () => {
  // Nothing of the map layer may be fetched before a map is on the page.
  equal(fetched(LEAFLET).length, 0, 'no Leaflet before any map is on the page');
  await setViewport({ width: 1280, height: 900 });
  const client = buildClient({ baseUrl: testConfig().api, opd: OPD }, { roads: citizenRoads });
  network = await client.roads.segments.geojson();
});

afterEach(() => {
  cleanup();
  // Report drafts are kept per OPD on the device: each test starts without one.
  for (const key of Object.keys(localStorage)) if (key.includes('road-report')) localStorage.removeItem(key);
});

/** A small PNG, as a phone's camera would give a file. */
async function photoFile(): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#7a5c3a';
  context.fillRect(0, 0, 64, 48);
  const blob = await new Promise<Blob>((resolve) => canvas.toBlob((made) => resolve(made!), 'image/png'));
  return new File([blob], 'lubang.png', { type: 'image/png' });
}

/** Opens the report form and waits for its services. */
async function openReport(element: OpdRoadMap): Promise<void> {
  $<HTMLButtonElement>(element, '.report-toggle').click();
  await until(() => !$<HTMLSelectElement>(element, '#service_code').disabled, 'the services');
}

describe('<opd-road-map>', () => {
  it('fetches no Leaflet for the list view, nor for a map far below the fold, until it is in view', async () => {
    const list = await roadMap('view="list"');
    await until(() => $$(list, 'tbody tr').length > 0, 'the list');
    equal(fetched(LEAFLET).length, 0, 'the list view loads no Leaflet');
    equal(fetched(/road-map\/report/).length, 0, 'nor the report form, until it is opened');

    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    try {
      const below = await roadMap();
      await until(() => $(below, '.summary'), 'the data');
      await new Promise((resolve) => setTimeout(resolve, 300));
      equal(fetched(LEAFLET).length, 0, 'a map out of view loads no Leaflet');
      below.scrollIntoView();
      await until(() => below.shadowRoot?.querySelector('.leaflet-overlay-pane canvas'), 'the map once scrolled to', 10_000);
      ok(fetched(/leaflet-src/).length > 0, 'Leaflet is fetched once the map is in view');
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });

  it('draws the network on a canvas in the condition colours, with a legend', async () => {
    const element = await drawnMap();
    const expected = countByClass();
    const pixels = await until(() => {
      const counts = pixelsByClass(element);
      return counts.baik > 0 ? counts : null;
    }, 'coloured pixels');
    for (const kind of ['baik', 'sedang', 'rusakRingan', 'rusakBerat'] as const) {
      if (expected[kind] > 0) ok(pixels[kind] > 20, `${kind} segments are drawn in their colour (${pixels[kind]} pixels)`);
    }
    equal($$(element, 'svg path').length, 0, 'no SVG paths: the canvas renderer draws');
    const legend = $(element, '[part~=legend]');
    for (const label of ['Baik', 'Sedang', 'Rusak ringan', 'Rusak berat']) includes(text(legend), label, `the legend names ${label}`);
    equal(element.shadowRoot!.querySelectorAll('[part~=legend] [part~=swatch]').length, 4, 'one swatch per class');
    includes(text($(element, '[part~=summary]')), '214 ruas', 'the summary counts every segment');
    includes(text($(element, '[part~=summary]')), '1.339,15 km', 'the summary sums the network');
  });

  it('draws with the colours a page sets in --opd-road-* properties', async () => {
    const element = await drawnMap('style="--opd-road-rusak-berat: #ff00ff"');
    const magenta = await until(() => {
      const canvas = $<HTMLCanvasElement>(element, '.leaflet-overlay-pane canvas');
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] === 255 && data[i + 1] === 0 && data[i + 2] === 255) count++;
      return count > 20 ? count : null;
    }, 'magenta rusak berat lines');
    ok(magenta > 20, 'the page’s colour is drawn');
    equal(pixelsByClass(element).rusakBerat, 0, 'not the default one');
    equal(getComputedStyle($(element, '[part~=legend] .swatch--rusakBerat')).backgroundColor, 'rgb(255, 0, 255)', 'the legend agrees');
  });

  it('requests no tiles without the tiles attribute, and tiles with it', async () => {
    const before = fetched(/tiles\//).length;
    const plain = await drawnMap();
    equal($$(plain, 'img.leaflet-tile').length, 0, 'no tile images');
    equal(
      performance.getEntriesByType('resource').filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'img').length,
      0,
      'no image requested at all',
    );
    cleanup();
    const tiled = await drawnMap(`tiles="${testConfig().api}/tiles/{z}/{x}/{y}.png" attribution="Peta dasar uji"`);
    await until(() => $$(tiled, 'img.leaflet-tile').length > 0, 'tile images with the attribute');
    await until(() => fetched(/tiles\//).length > before, 'tile requests');
    includes(text($(tiled, '.leaflet-control-attribution')), 'Peta dasar uji', 'the attribution is shown');
  });

  it('filters by condition and by kecamatan change what is drawn and listed', async () => {
    const element = await drawnMap();
    await until(() => pixelsByClass(element).baik > 0, 'baik drawn');
    const box = $<HTMLInputElement>(element, '#class-baik');
    setChecked(box, false);
    // The map redraws in parts: wait for the redraw to end, not for its first frame.
    await until(() => pixelsByClass(element).baik === 0 && pixelsByClass(element).rusakBerat > 0, 'baik no longer drawn, the other classes still drawn');
    const expected = network.features.length - countByClass().baik;
    includes(text($(element, '[part~=summary]')), `${expected} ruas`, 'the summary counts what the filter lets through');

    $<HTMLButtonElement>(element, '[part~=views] button:nth-of-type(2)').click();
    await until(() => $$(element, 'tbody tr').length === expected, `${expected} rows without baik`);
    ok(!$$(element, 'tbody tr').some((row) => text(row).includes('Baik')), 'no Baik row listed');

    setChecked(box, true);
    const kecamatan = network.features[0]!.properties.kecamatan[0]!;
    const select = $<HTMLSelectElement>(element, '#kecamatan');
    select.value = kecamatan;
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const client = buildClient({ baseUrl: testConfig().api, opd: OPD }, { roads: citizenRoads });
    const inKecamatan: string[] = [];
    for await (const segment of client.roads.segments.list({ kecamatan })) inKecamatan.push(segment.number);
    await until(() => $$(element, 'tbody tr').length === inKecamatan.length, `${inKecamatan.length} rows in ${kecamatan}`);
    equal(
      $$(element, 'tbody th[scope=row]').map((cell) => text(cell)).join(','),
      inKecamatan.join(','),
      'the rows are the API’s segments of that kecamatan',
    );
  });

  it('lists all 214 segments with the API’s figures, sortable by number, length and condition', async () => {
    const element = await roadMap('view="list"');
    const rows = await until(() => ($$(element, 'tbody tr').length === 214 ? $$(element, 'tbody tr') : null), '214 rows');
    equal(rows.length, network.features.length, 'one row per segment of the API');
    const first = network.features.find((feature) => feature.properties.number === '001')!.properties;
    const firstRow = rows[0]!;
    equal(text(firstRow.querySelector('th')), '001', 'decree-number order first');
    includes(text(firstRow), first.name, 'the name');
    includes(text(firstRow), first.lengthKm.toLocaleString('id-ID'), 'the length as the API gives it');
    const total = rows.reduce((sum, row) => sum + Number(text(row.querySelector('td.numeric')).replace(/\./g, '').replace(',', '.')), 0);
    equal(Math.round(total * 100) / 100, 1339.15, 'the listed lengths add up to the network');
    const perClass = countByClass();
    equal(rows.filter((row) => text(row).includes('Rusak berat')).length, perClass.rusakBerat, 'rusak berat rows as in the API');

    const lengthSort = $<HTMLButtonElement>(element, 'button[data-sort=length]');
    lengthSort.click();
    lengthSort.click();
    await element.updateComplete;
    const longest = [...network.features].sort((a, b) => b.properties.lengthKm - a.properties.lengthKm)[0]!.properties;
    equal(text($$(element, 'tbody th[scope=row]')[0]), longest.number, 'the longest segment first after sorting by length, descending');
    equal(lengthSort.closest('th')!.getAttribute('aria-sort'), 'descending', 'the column says how it is sorted');

    $<HTMLButtonElement>(element, 'button[data-sort=condition]').click();
    await element.updateComplete;
    includes(text($$(element, 'tbody tr')[0]), 'Baik', 'best condition first');
    includes(text($$(element, 'tbody tr').at(-1)), perClass.rusakBerat > 0 ? 'Rusak berat' : 'Rusak ringan', 'worst last');

    $<HTMLButtonElement>(element, `button[data-number="${first.number}"]`).click();
    const details = await until(() => element.shadowRoot?.querySelector('[part~=details]'), 'the details');
    includes(text(details), first.name, 'the details name the segment');
    equal((await axeViolations(element)).join('\n'), '', 'no axe violations in the list view');
  });

  it('opens a segment’s details from the keyboard', async () => {
    const element = await drawnMap();
    const selects: CustomEvent[] = [];
    element.addEventListener('opd-segment-select', (event) => selects.push(event));
    $(element, '#map').focus();
    await sendKeys({ press: 'ArrowRight' });
    await until(() => text($(element, '[role=status]')).includes('Ruas 001'), 'the first segment read out');
    await sendKeys({ press: 'ArrowRight' });
    const second = network.features.find((feature) => feature.properties.number === '002')!.properties;
    await until(() => text($(element, '[role=status]')).includes(`Ruas 002, ${second.name}`), 'the second segment read out');
    await sendKeys({ press: 'Enter' });
    const details = await until(() => element.shadowRoot?.querySelector('[part~=details]'), 'the details');
    includes(text(details), 'Ruas 002', 'the details of the segment reached');
    includes(text(details), `${second.lengthKm.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} km`, 'its length');
    equal(selects.length, 1, 'one opd-segment-select');
    equal(selects[0]!.detail.number, '002', 'for that segment');
    equal(selects[0]!.detail.source, 'keyboard', 'from the keyboard');
    await sendKeys({ press: 'End' });
    await until(() => text($(element, '[role=status]')).includes('Ruas 214'), 'End reaches the last');
    await sendKeys({ press: 'Escape' });
    await until(() => !element.shadowRoot?.querySelector('[part~=details]'), 'Escape closes the details');
    equal((await axeViolations(element)).join('\n'), '', 'no axe violations on the map');
  });

  it('opens the details of the segment clicked on the map', async () => {
    const element = await drawnMap();
    await until(() => pixelsByClass(element).rusakBerat > 0, 'rusak berat drawn');
    const point = pagePointOf(element, 'rusakBerat');
    const picked = new Promise<CustomEvent>((resolve) => element.addEventListener('opd-segment-select', resolve as EventListener, { once: true }));
    await sendMouse({ type: 'click', position: [point.x, point.y] });
    const event = await picked;
    equal(event.detail.source, 'map', 'picked on the map');
    equal(event.detail.condition, 'rusakBerat', 'the segment under the pointer, drawn in rusak berat');
    includes(text($(element, '[part~=details]')), `Ruas ${event.detail.number}`, 'its details open');
  });

  it('shows the condition of the survey year asked for', async () => {
    const client = buildClient({ baseUrl: testConfig().api, opd: OPD }, { roads: citizenRoads });
    const earlier = await client.roads.segments.geojson({ year: 2021 });
    const differs = earlier.features.find((feature) => {
      const latest = network.features.find((other) => other.properties.number === feature.properties.number);
      return feature.properties.condition && latest?.properties.condition?.kemantapan !== feature.properties.condition.kemantapan;
    });
    ok(differs?.properties.condition, 'the demo has a segment whose 2021 condition differs from its latest');
    const element = await roadMap('view="list" year="2021"');
    await until(() => $$(element, 'tbody tr').length > 0, 'the list');
    includes(text($(element, '[part~=summary]')), 'tahun 2021', 'the summary names the year');
    const row = $$(element, 'tbody tr').find((candidate) => text(candidate.querySelector('th')) === differs.properties.number);
    includes(
      text(row),
      `${differs.properties.condition.kemantapan.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} %`,
      'the row carries the 2021 kemantapan, as the API gives it',
    );
  });

  it('speaks English with lang="en"', async () => {
    const element = await roadMap('lang="en" view="list"');
    await until(() => $$(element, 'tbody tr').length === 214, 'the list');
    includes(text($(element, '[part~=summary]')), 'Showing 214 segments, 1,339.15 km', 'the summary in English');
    includes(text($(element, '[part~=filters]')), 'Badly damaged', 'the classes in English');
  });

  it('says so when the OPD has no road board', async () => {
    const element = await mount<OpdRoadMap>(`<opd-road-map api="${testConfig().api}" opd="bpkad"></opd-road-map>`);
    const notice = await until(() => element.shadowRoot?.querySelector('[part~=notice]'), 'a notice');
    includes(text(notice), 'tidak tersedia', 'the module is off for that OPD');
  });

  it('files a report placed on the map, with a photo: the receipt has its number, and Open311 lists it without the contact', async () => {
    const element = await drawnMap();
    await until(() => pixelsByClass(element).rusakBerat > 0, 'rusak berat drawn');
    await openReport(element);
    const point = pagePointOf(element, 'rusakBerat');
    await sendMouse({ type: 'click', position: [point.x, point.y] });
    await until(() => $<HTMLInputElement>(element, '#lat').value !== '', 'the pin’s latitude');
    ok(Number($<HTMLInputElement>(element, '#lat').value) < -3.3, 'a latitude in Lahat');
    ok(!element.shadowRoot!.querySelector('[part~=details]'), 'a click while reporting places the pin, it opens no details');

    const service = $<HTMLSelectElement>(element, '#service_code');
    fill(service, 'jalan-berlubang');
    const severity = await until(() => element.shadowRoot?.querySelector<HTMLSelectElement>('#attribute-tingkat'), 'the service’s question');
    fill(severity, 'berat');
    fill($<HTMLTextAreaElement>(element, '#description'), 'Lubang dalam di lajur kiri, dekat warung. (uji otomatis)');
    const photo = $<HTMLInputElement>(element, '#photo');
    const files = new DataTransfer();
    files.items.add(await photoFile());
    photo.files = files.files;
    photo.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => element.shadowRoot?.querySelector('img.photo-preview'), 'the uploaded photo');
    fill($<HTMLInputElement>(element, '#first_name'), 'Siti Pelapor');
    fill($<HTMLInputElement>(element, '#email'), 'siti.pelapor@contoh.id');
    const consent = await until(() => element.shadowRoot?.querySelector<HTMLInputElement>('#consent'), 'the consent box with a contact');
    setChecked(consent, true);

    const submitted = new Promise<CustomEvent>((resolve) => element.addEventListener('opd-report-submitted', resolve as EventListener, { once: true }));
    $<HTMLButtonElement>(element, '#report-form button[type=submit]').click();
    const event = await submitted;
    const receipt = await until(() => element.shadowRoot?.querySelector('[part~=receipt]'), 'the receipt');
    includes(text(receipt), event.detail.id, 'the receipt shows the tracking number');
    ok(event.detail.segment, 'matched to the segment clicked on');
    includes(text(receipt), `ruas ${event.detail.segment}`, 'the receipt names the segment');

    const listed = await fetch(`${testConfig().api}/open311/v2/requests.json?jurisdiction_id=${OPD}&service_request_id=${event.detail.id}`);
    const body = await listed.text();
    const [request] = JSON.parse(body) as { service_code: string; description: string; media_url: string | null }[];
    equal(request?.service_code, 'jalan-berlubang', 'Open311 lists the report');
    includes(request?.description, 'Lubang dalam di lajur kiri', 'with its description');
    ok(request?.media_url, 'and its photo');
    ok(!body.includes('Siti') && !body.includes('siti.pelapor'), 'without the reporter’s contact');
  });

  it('keeps what was typed when a report is refused, and after a reload', async () => {
    const element = await roadMap('view="list"');
    await until(() => $$(element, 'tbody tr').length > 0, 'the list');
    await openReport(element);
    fill($<HTMLTextAreaElement>(element, '#description'), 'Jembatan kayu goyang. (uji otomatis)');
    $<HTMLButtonElement>(element, '#report-form button[type=submit]').click();
    const summary = await until(() => element.shadowRoot?.querySelector<HTMLElement>('.error-summary'), 'the error summary');
    includes(text(summary), 'Pilih jenis kerusakan', 'the missing service is named');
    includes(text(summary), 'Tentukan lokasinya', 'and the missing place');
    ok(summary.querySelector('a[href="#service_code"]'), 'linking to its field');
    equal($<HTMLTextAreaElement>(element, '#description').value, 'Jembatan kayu goyang. (uji otomatis)', 'the description is kept');
    fill($<HTMLSelectElement>(element, '#service_code'), 'jembatan-rusak');
    await until(() => element.shadowRoot?.querySelector('#attribute-tingkat'), 'the service’s questions');
    $<HTMLButtonElement>(element, '#report-form button[type=submit]').click();
    await until(() => text(element.shadowRoot?.querySelector('.error-summary')).includes('Jawab pertanyaan ini: Seberapa parah'), 'the open question named');
    includes(text($(element, '#attribute')), 'Jawab pertanyaan ini', 'beside the question itself');

    cleanup();
    const again = await roadMap('view="list"');
    await until(() => again.shadowRoot?.querySelector('#report-form'), 'the form opened again with the draft');
    equal($<HTMLTextAreaElement>(again, '#description').value, 'Jembatan kayu goyang. (uji otomatis)', 'the draft survives a reload');
    equal((await axeViolations(again)).join('\n'), '', 'no axe violations in the report form');
  });
});
