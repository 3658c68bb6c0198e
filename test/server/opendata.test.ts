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

/** A dataset's JSON download. */
interface DatasetJson {
  dataset: string;
  opd: string;
  modified: string | null;
  columns: { name: string; description: string }[];
  rows: Record<string, string | number | boolean | null>[];
}

/** A JSON cell as the CSV writes it (empty for null, ya/tidak for a yes/no). */
const csvCell = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : typeof value === 'boolean' ? (value ? 'ya' : 'tidak') : String(value);

/** Every item of a public list, page after page. */
async function allPages<T>(url: string): Promise<T[]> {
  const items: T[] = [];
  for (let cursor: string | null = ''; cursor !== null; ) {
    const page = (await (await fetch(`${url}${url.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)).json()) as { data: T[]; nextCursor: string | null };
    items.push(...page.data);
    cursor = page.nextCursor;
  }
  return items;
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

    /** The dataset's JSON, checked against its CSV: same header, same rows cell for cell, every column described. */
    async function download(opd: string, id: string): Promise<DatasetJson> {
      const jsonResponse = await fetch(`${server.url}/api/v1/opds/${opd}/datasets/${id}.json`);
      assert.equal(jsonResponse.status, 200, `${opd}/${id}.json`);
      const json = (await jsonResponse.json()) as DatasetJson;
      const csvResponse = await fetch(`${server.url}/api/v1/opds/${opd}/datasets/${id}.csv`);
      assert.equal(csvResponse.status, 200, `${opd}/${id}.csv`);
      const csv = parseCsv(await csvText(csvResponse));
      const names = json.columns.map((column) => column.name);
      assert.deepEqual(csv[0], names, `${id}: the CSV header is the columns`);
      for (const column of json.columns) {
        assert.match(column.name, /^[a-z0-9]+(_[a-z0-9]+)*$/, `${id}: ${column.name} is snake_case`);
        assert.ok(column.description.length > 5, `${id}: ${column.name} is described`);
      }
      assert.equal(csv.length - 1, json.rows.length, `${id}: as many rows as CSV and JSON`);
      for (const [index, row] of json.rows.entries()) {
        // A cell the writer neutralised starts with an apostrophe in the CSV only.
        const cells = csv[index + 1]!.map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, ''));
        assert.deepEqual(cells, names.map((name) => csvCell(row[name])), `${id} row ${index + 1}`);
      }
      return json;
    }

    /** The OPDs that have the innovation module on and a verified innovation in the public catalogue. */
    async function innovationOpds(): Promise<Set<string>> {
      const opds = await allPages<{ slug: string; modules: string[] }>(`${server.url}/api/v1/opds`);
      const on = new Set(opds.filter((opd) => opd.modules.includes('innovation')).map((opd) => opd.slug));
      const innovations = await allPages<{ opd: { slug: string } }>(`${server.url}/api/v1/innovations`);
      return new Set(innovations.map((innovation) => innovation.opd.slug).filter((slug) => on.has(slug)));
    }

    it("lists the innovations, SIP BENAR's and Layanan's datasets for the OPDs that have their data", async () => {
      const catalogue = (await (await fetch(`${server.url}/api/v1/datasets`)).json()) as OpenDataCatalogue;
      const listed = new Set(catalogue['dcat:dataset'].map((dataset) => dataset['dct:identifier']));
      const publishers = (id: string) => new Set([...listed].filter((identifier) => identifier.endsWith(`/${id}`)).map((identifier) => identifier.split('/')[0]));

      // Innovations: exactly the OPDs that have the module on and a verified innovation in the public catalogue.
      const withInnovation = await innovationOpds();
      assert.ok(withInnovation.size >= 2, `the demo has verified innovations in several OPDs (${[...withInnovation].join(', ')})`);
      assert.deepEqual(publishers('innovations'), withInnovation, 'an OPD publishes its innovations once one is verified, never before');

      // SIP BENAR: Bappeda runs the board; no other OPD recorded a programme.
      assert.deepEqual(publishers('csr-programs'), new Set(['bappeda']));
      assert.deepEqual(publishers('csr-spending'), new Set(['bappeda']));
      const refused = await fetch(`${server.url}/api/v1/opds/bpkad/datasets/csr-programs.json`);
      assert.equal(refused.status, 404, 'an OPD without the module (or without a programme) publishes none');

      // Layanan: the OPDs with a standard in force.
      for (const id of ['service-standards', 'satisfaction-index']) {
        const opds = publishers(id);
        for (const slug of ['disdukcapil', 'dpmptsp']) assert.ok(opds.has(slug), `${slug}/${id}`);
      }
      for (const identifier of ['bappeda/csr-programs', 'disdukcapil/service-standards', 'disdukcapil/satisfaction-index', [...withInnovation].map((slug) => `${slug}/innovations`)[0]!]) {
        const entry = catalogue['dcat:dataset'].find((dataset) => dataset['dct:identifier'] === identifier)!;
        assert.ok(entry['dct:modified'] && Date.parse(entry['dct:modified']) <= Date.now(), `${identifier} says when it changed, not in the future`);
        assert.equal(entry['dct:license'], 'https://creativecommons.org/licenses/by/4.0/');
      }
    });

    it('publishes verified innovations only, as the public catalogue shows them', async () => {
      const innovations = await allPages<{ id: number; name: string; opd: { slug: string }; stage: string; digital: boolean; year: number; evidence: { url: string }[] }>(`${server.url}/api/v1/innovations`);
      const opd = [...(await innovationOpds())][0]!;
      const own = innovations.filter((innovation) => innovation.opd.slug === opd);
      const json = await download(opd, 'innovations');
      assert.deepEqual(json.rows.map((row) => row.id).sort(), own.map((innovation) => innovation.id).sort(), 'every verified innovation of the OPD, and only those');
      for (const innovation of own) {
        const row = json.rows.find((candidate) => candidate.id === innovation.id)!;
        assert.equal(row.nama_inovasi, innovation.name);
        assert.equal(row.tahapan, innovation.stage);
        assert.equal(row.digital, innovation.digital);
        assert.equal(row.tahun_penilaian, innovation.year);
        assert.equal(row.jumlah_bukti_dukung, innovation.evidence.length);
        assert.equal(row.bukti_dukung, innovation.evidence.map((file) => file.url).join('; ') || null);
      }
      assert.ok(json.rows.some((row) => (row.jumlah_bukti_dukung as number) > 0), 'some innovation has evidence');
      const file = json.rows.find((row) => row.bukti_dukung)!.bukti_dukung as string;
      assert.equal((await fetch(file.split('; ')[0]!)).status, 200, 'an evidence address answers');
    });

    it("publishes SIP BENAR's programmes and spending to the rupiah of the public API", async () => {
      const programs = await allPages<{ id: number; committed: number; spent: number; overspent: boolean; company: { name: string }; location: { desa: string; point: [number, number] | null } }>(
        `${server.url}/api/v1/opds/bappeda/csr/programs`,
      );
      const json = await download('bappeda', 'csr-programs');
      assert.deepEqual(json.rows.map((row) => row.id), programs.map((program) => program.id), 'every programme, in the public order');
      for (const program of programs) {
        const row = json.rows.find((candidate) => candidate.id === program.id)!;
        assert.equal(row.komitmen_rupiah, program.committed, `programme ${program.id} committed`);
        assert.equal(row.realisasi_rupiah, program.spent, `programme ${program.id} spent`);
        assert.ok(Number.isSafeInteger(row.komitmen_rupiah) && Number.isSafeInteger(row.realisasi_rupiah), 'whole rupiah');
        assert.equal(row.melebihi_komitmen, program.overspent);
        assert.equal(row.perusahaan, program.company.name);
        assert.equal(row.desa, program.location.desa);
        assert.equal(row.bujur, program.location.point?.[0] ?? null);
      }
      assert.equal(
        json.rows.reduce((sum, row) => sum + (row.komitmen_rupiah as number), 0),
        programs.reduce((sum, program) => sum + program.committed, 0),
        'the committed total to the rupiah',
      );

      const spending = await download('bappeda', 'csr-spending');
      assert.ok(spending.rows.length > 0, 'the demo has spending');
      for (const program of programs) {
        const entries = spending.rows.filter((row) => row.id_program === program.id);
        assert.equal(entries.reduce((sum, row) => sum + (row.jumlah_rupiah as number), 0), program.spent, `programme ${program.id}: its entries sum to its spent`);
      }
      const withEntries = programs.find((program) => program.spent > 0)!;
      const detail = (await (await fetch(`${server.url}/api/v1/opds/bappeda/csr/programs/${withEntries.id}`)).json()) as { spending: { id: number; date: string; amount: number; evidence: { url: string }[] }[] };
      assert.deepEqual(
        spending.rows.filter((row) => row.id_program === withEntries.id).map((row) => [row.id, row.tanggal, row.jumlah_rupiah, row.bukti]),
        detail.spending.map((entry) => [entry.id, entry.date, entry.amount, entry.evidence.map((file) => file.url).join('; ') || null]),
        'the entries as the programme page lists them, evidence addresses included',
      );
    });

    it("publishes Layanan's standards in force and the IKM as the public endpoints compute them", async () => {
      const services = await allPages<{ slug: string; name: string; cost: { free: boolean; amount: number | null }; online: boolean; requirements: string[] }>(`${server.url}/api/v1/opds/disdukcapil/services`);
      const standards = await download('disdukcapil', 'service-standards');
      assert.deepEqual(standards.rows.map((row) => row.kode_layanan).sort(), services.map((service) => service.slug).sort(), 'every service in force');
      for (const service of services) {
        const row = standards.rows.find((candidate) => candidate.kode_layanan === service.slug)!;
        assert.equal(row.nama_layanan, service.name);
        assert.equal(row.gratis, service.cost.free);
        assert.equal(row.biaya_rupiah, service.cost.free ? 0 : service.cost.amount, `${service.slug}: the fee in whole rupiah, 0 when free`);
        assert.equal(row.daring, service.online);
        assert.equal(row.persyaratan, service.requirements.join('; '));
        assert.match(String(row.jam_layanan), /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)/, 'opening hours in words');
      }

      const index = await download('disdukcapil', 'satisfaction-index');
      assert.ok(index.rows.length > 0, 'a year of demo responses');
      for (const year of new Set(index.rows.map((row) => row.tahun as number))) {
        const report = (await (await fetch(`${server.url}/api/v1/opds/disdukcapil/satisfaction?year=${year}`)).json()) as { services: { slug: string; respondents: number; ikm: number | null; category: string | null }[] };
        for (const service of report.services.filter((candidate) => candidate.respondents > 0)) {
          const row = index.rows.find((candidate) => candidate.tahun === year && candidate.kode_layanan === service.slug);
          assert.ok(row, `${service.slug} in ${year}`);
          assert.equal(row.responden, service.respondents);
          assert.equal(row.ikm, service.ikm, `${service.slug} ${year}: the IKM to the hundredth`);
          assert.equal(row.kategori, service.category);
        }
        assert.equal(index.rows.filter((row) => row.tahun === year).length, report.services.filter((candidate) => candidate.respondents > 0).length, `${year}: one row per service with respondents`);
      }
    });

    it('never publishes a staff-only field: no contact person, no internal component, no suggestion', async () => {
      const marker = 'RAHASIA-STAF-7Q3X';
      const db = server.db.withTables<{
        csr_companies: { opd_slug: string; contact_name: string | null; contact_phone: string | null; contact_email: string | null };
        csr_proposals: { opd_slug: string; contact_name: string | null };
        innovations: { status: string; contact_name: string | null; contact_phone: string | null; contact_email: string | null; review_comment: string | null };
        service_versions: { competence: string | null; internal_oversight: string | null; change_note: string | null };
        survey_responses: { suggestion: string | null };
      }>();
      await db.updateTable('csr_companies').set({ contact_name: `Ibu ${marker}`, contact_phone: `0812 ${marker}`, contact_email: `${marker.toLowerCase()}@perusahaan.example` }).execute();
      await db.updateTable('csr_proposals').set({ contact_name: `Pak ${marker}` }).execute();
      await db.updateTable('innovations').set({ contact_name: `Bu ${marker}`, contact_phone: `0813 ${marker}`, contact_email: `${marker.toLowerCase()}@opd.example`, review_comment: `Catatan ${marker}` }).execute();
      await db.updateTable('service_versions').set({ competence: `Kompetensi ${marker}`, internal_oversight: `Pengawasan ${marker}`, change_note: `Perubahan ${marker}` }).execute();
      await db.updateTable('survey_responses').set({ suggestion: `Saran ${marker}` }).execute();

      const catalogue = (await (await fetch(`${server.url}/api/v1/datasets`)).json()) as OpenDataCatalogue;
      assert.ok(!JSON.stringify(catalogue).toLowerCase().includes(marker.toLowerCase()), 'not in the catalogue');
      let searched = 0;
      for (const dataset of catalogue['dcat:dataset']) {
        for (const distribution of dataset['dcat:distribution']) {
          const text = await (await fetch(distribution['dcat:downloadURL'])).text();
          assert.ok(!text.toLowerCase().includes(marker.toLowerCase()), `${distribution['dcat:downloadURL']} holds a staff-only field`);
          searched += 1;
        }
      }
      const identifiers = catalogue['dcat:dataset'].map((dataset) => dataset['dct:identifier'].split('/')[1]);
      for (const id of ['innovations', 'csr-programs', 'csr-spending', 'service-standards', 'satisfaction-index']) assert.ok(identifiers.includes(id), `${id} was searched`);
      assert.ok(searched >= 10, `${searched} downloads searched`);
    });
  });
}
