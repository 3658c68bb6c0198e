/**
 * Open data (issue 23), on both stores with the Lahat demo seed: the DCAT catalogue lists each
 * OPD's datasets with licence, publisher, update time and download addresses that answer; the
 * CSV and the JSON of a dataset hold the same rows, which are what the public API says; an OPD
 * without the module publishes nothing of it; a cell that looks like a formula is neutralised.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OpenDataCatalogue } from '../../src/schemas/opendata.js';
import type { RoadSegment } from '../../src/schemas/roads.js';
import { STORES } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** The CSV's text, checking its byte order mark (fetch's text() would drop it). */
async function csvText(response: Response): Promise<string> {
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM for Excel');
  return new TextDecoder().decode(bytes);
}

/** A CSV as rows of cells (the writer quotes every field; no field here holds a newline). */
function parseCsv(text: string): string[][] {
  return text
    .split('\r\n')
    .filter(Boolean)
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"(?:,|$)/g)].map((match) => match[1]!.replace(/""/g, '"')));
}

for (const store of STORES) {
  describe(`open data on ${store}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ store });
    });
    after(() => server?.close());

    it('lists every OPD dataset in a DCAT catalogue whose downloads answer', async () => {
      const response = await fetch(`${server.url}/api/v1/datasets`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), '*', 'a portal on another origin may read it');
      const catalogue = (await response.json()) as OpenDataCatalogue;
      assert.equal(catalogue['@type'], 'dcat:Catalog');
      assert.equal(catalogue['@context'].dcat, 'http://www.w3.org/ns/dcat#');
      const roads = catalogue['dcat:dataset'].find((dataset) => dataset['dct:identifier'] === 'dinas-pupr/road-conditions');
      assert.ok(roads, `Dinas PUPR's road conditions: ${catalogue['dcat:dataset'].map((d) => d['dct:identifier']).join(', ')}`);
      assert.equal(roads['dct:publisher']['foaf:name'], 'Dinas Pekerjaan Umum dan Penataan Ruang (PUPR)', 'the OPD publishes it');
      assert.equal(roads['dct:license'], 'https://creativecommons.org/licenses/by/4.0/');
      assert.ok(roads['dct:modified'] && !Number.isNaN(Date.parse(roads['dct:modified'])), 'when it changed');
      assert.deepEqual(roads['dcat:distribution'].map((d) => d['dct:format']), ['CSV', 'JSON']);
      for (const distribution of roads['dcat:distribution']) {
        const download = await fetch(distribution['dcat:downloadURL']);
        assert.equal(download.status, 200, distribution['dcat:downloadURL']);
        assert.match(download.headers.get('content-type') ?? '', new RegExp(distribution['dcat:mediaType'].replace('/', '\\/')));
      }
      // BPKAD does not have Perjaka: it publishes no road data.
      assert.equal(catalogue['dcat:dataset'].some((dataset) => dataset['dct:identifier'] === 'bpkad/road-conditions'), false);
      const refused = await fetch(`${server.url}/api/v1/opds/bpkad/datasets/road-conditions.csv`);
      assert.equal(refused.status, 404);
      assert.match(((await refused.json()) as { detail: string }).detail, /does not publish/);
      assert.equal((await fetch(`${server.url}/api/v1/opds/dinas-pupr/datasets/no-such-thing.json`)).status, 404);
    });

    it('gives the same rows as CSV and JSON, and they are what the public API says', async () => {
      const json = (await (await fetch(`${server.url}/api/v1/opds/dinas-pupr/datasets/road-conditions.json`)).json()) as {
        columns: { name: string }[];
        rows: Record<string, string | number | null>[];
      };
      const csv = parseCsv(await csvText(await fetch(`${server.url}/api/v1/opds/dinas-pupr/datasets/road-conditions.csv`)));
      assert.deepEqual(csv[0], json.columns.map((column) => column.name), 'the CSV header is the columns');
      assert.equal(csv.length - 1, json.rows.length, 'as many rows');
      assert.ok(json.rows.length >= 10, `the network's rows (${json.rows.length})`);
      for (const [index, row] of json.rows.entries()) {
        assert.deepEqual(csv[index + 1], json.columns.map(({ name }) => (row[name] === null ? '' : String(row[name]))), `row ${index + 1}`);
      }

      // The latest survey of each segment, as the public segments list gives it.
      const segments: RoadSegment[] = [];
      for (let cursor: string | null = ''; cursor !== null; ) {
        const page = (await (await fetch(`${server.url}/api/v1/opds/dinas-pupr/road-segments?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json()) as {
          data: RoadSegment[];
          nextCursor: string | null;
        };
        segments.push(...page.data);
        cursor = page.nextCursor;
      }
      assert.deepEqual([...new Set(json.rows.map((row) => row.nomor_ruas))], segments.map((segment) => segment.number), 'every segment, in order');
      for (const segment of segments.filter((candidate) => candidate.condition)) {
        const row = json.rows.find((candidate) => candidate.nomor_ruas === segment.number && candidate.tahun_survei === segment.condition!.year);
        assert.ok(row, `${segment.number} in ${segment.condition!.year}`);
        assert.equal(row.baik_km, segment.condition!.km.baik);
        assert.equal(row.kemantapan_persen, segment.condition!.kemantapan);
        assert.equal(row.panjang_km, segment.lengthKm);
      }
    });

    it("publishes the council's agenda as the public API shows it: a closed meeting without its online link", async () => {
      const json = (await (await fetch(`${server.url}/api/v1/opds/sekretariat-dprd/datasets/agenda-events.json`)).json()) as {
        rows: Record<string, string | number | boolean | null>[];
      };
      const page = (await (await fetch(`${server.url}/api/v1/opds/sekretariat-dprd/events?limit=100`)).json()) as {
        data: { id: number; title: string; status: string; onlineUrl: string | null; openToPublic: boolean }[];
      };
      assert.ok(page.data.length > 0, 'the default range has events');
      for (const event of page.data) {
        const row = json.rows.find((candidate) => candidate.id === event.id);
        assert.ok(row, `event ${event.id} is in the dataset`);
        assert.equal(row.judul, event.title);
        assert.equal(row.status, event.status);
        assert.equal(row.tautan_daring, event.onlineUrl, 'the link as the public sees it');
        if (!event.openToPublic) assert.equal(row.tautan_daring, null);
      }
    });

    it('neutralises a cell a spreadsheet would run as a formula', async () => {
      await server.db
        .withTables<{ road_segments: { opd_slug: string; number: string; name: string } }>()
        .updateTable('road_segments')
        .set({ name: '=HYPERLINK("http://evil.example","klik")' })
        .where('opd_slug', '=', 'dinas-pupr')
        .where('number', '=', (await (await fetch(`${server.url}/api/v1/opds/dinas-pupr/road-segments?limit=1`)).json()).data[0].number)
        .execute();
      const csv = await csvText(await fetch(`${server.url}/api/v1/opds/dinas-pupr/datasets/road-conditions.csv`));
      assert.ok(csv.includes(`"'=HYPERLINK(""http://evil.example"",""klik"")"`), 'written with a leading apostrophe');
    });
  });
}
