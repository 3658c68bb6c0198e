/**
 * The export for the Kemendagri submission, over real HTTP on both stores: the CSV's columns in
 * the portal's order with one column per evidence indicator, RFC 4180 quoting of commas, quotes
 * and newlines, cells starting with =, +, -, @ (and tab, CR) neutralised against spreadsheet
 * formula injection, only verified innovations and no contact person; the XLSX opened as the
 * ZIP it is, its sheet XML read back with the same header and neutralised cells.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import { csvField, EXPORT_COLUMNS, neutralise } from '../../../server/src/modules/innovations/export.js';
import { assertProblem, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

const CONTACT = 'Kontak Rahasia Ekspor';
registerPersonalData({ module: 'innovation', values: [CONTACT, 'ekspor.rahasia@uji.test'] });

/** The tricky innovation: every field a spreadsheet could misread. */
const TRICKY = {
  name: '=HYPERLINK("http://evil.example","klik")',
  problem: 'Antre panjang, berjam-jam; warga bilang "capek".\nBaris kedua.',
  solution: '+62 812 layanan SMS, dan @bupati ikut memantau',
  benefits: '-10 % waktu tunggu',
  results: '\tTab di depan',
  budget_source: '@SUM(A1:A9)',
  goal: '=1+1 agar antrean, "pendek"',
};

/** Reads a CSV (RFC 4180, every field quoted) into rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    assert.equal(text[i], '"', `every field is quoted (at ${i}: ${JSON.stringify(text.slice(i, i + 20))})`);
    let value = '';
    i++;
    for (;;) {
      if (text[i] === '"' && text[i + 1] === '"') {
        value += '"';
        i += 2;
      } else if (text[i] === '"') {
        i++;
        break;
      } else value += text[i++];
    }
    row.push(value);
    if (text[i] === ',') i++;
    else {
      assert.equal(text.slice(i, i + 2), '\r\n', 'rows end with CRLF');
      rows.push(row);
      row = [];
      i += 2;
    }
  }
  return rows;
}

/** The files of a ZIP by name, inflated (read from its central directory). */
function unzip(bytes: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a ZIP has an end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50);
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(dataAt, dataAt + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** The text of each cell of the sheet's rows (shared strings resolved). */
function sheetRows(files: Map<string, string>): string[][] {
  const sheetName = [...files.keys()].find((n) => /^xl\/worksheets\/sheet\d*\.xml$/.test(n));
  assert.ok(sheetName, `a worksheet in ${[...files.keys()].join(', ')}`);
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(''));
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  // Placed by each cell's reference (`r="I2"`): an empty cell is not written at all.
  const columnOf = (ref: string) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [...files.get(sheetName)!.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)].map((row) => {
    const cells: string[] = [];
    for (const cell of row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attributes = cell[1]!;
      const inner = cell[2] ?? '';
      const ref = /r="([A-Z]+\d+)"/.exec(attributes)?.[1] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const inline = /<t[^>]*>([\s\S]*?)<\/t>/.exec(inner)?.[1];
      cells[columnOf(ref)] = /<f>/.test(inner) ? `FORMULA:${inner}` : /t="s"/.test(attributes) && v !== undefined ? decode(shared[Number(v)]!) : decode(inline ?? v ?? '');
    }
    return Array.from(cells, (c) => c ?? '');
  });
}

describeApi('innovation export', { publicResponses: 3 }, (api) => {
  let trickyId = 0;
  before(async () => {
    const db = api.server.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const now = new Date();
    const row = await db
      .insertInto('innovations')
      .values({ opd_slug: 'bappeda', year: 2025, ...TRICKY, type: 'tata-kelola', digital: true, stage: 'uji-coba', trial_on: '2025-01-15', initiator: 'anggota-dprd', covid19: true, status: 'verified', contact_name: CONTACT, contact_email: 'ekspor.rahasia@uji.test', verified_at: now, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    trickyId = Number(row.id);
  });

  it('neutralises every formula start and quotes every field', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(neutralise(`${start}1+1`), `'${start}1+1`);
    assert.equal(neutralise('Inovasi biasa'), 'Inovasi biasa');
    assert.equal(neutralise('2025-01-15'), '2025-01-15', 'a date does not start with a sign');
    assert.equal(csvField('a, "b"\nc'), '"a, ""b""\nc"');
    assert.equal(csvField(null), '""');
    assert.equal(csvField(7), '"7"');
  });

  it('writes the CSV with the portal’s columns, then one per evidence indicator, and escapes what a spreadsheet would misread', async () => {
    const response = await api.publicRequest('/api/v1/innovations/export.csv?year=2025');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="inovasi-daerah-2025\.csv"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM, so Excel reads the text as UTF-8');
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    const [header, ...data] = rows;
    assert.deepEqual(header!.slice(0, EXPORT_COLUMNS.length), [...EXPORT_COLUMNS]);
    // The IID proposal form's order: name, stage, initiator, digital or not, form, COVID-19, trial and application dates, design, goal.
    assert.deepEqual(header!.slice(0, 11), [
      'No',
      'Nama Inovasi Daerah',
      'Tahapan Inovasi',
      'Inisiator Inovasi Daerah',
      'Jenis Inovasi',
      'Bentuk Inovasi Daerah',
      'Covid-19',
      'Waktu Uji Coba Inovasi Daerah',
      'Waktu Penerapan Inovasi Daerah',
      'Rancang Bangun dan Pokok Perubahan',
      'Tujuan Inovasi Daerah',
    ]);
    const evidenceColumns = header!.slice(EXPORT_COLUMNS.length);
    assert.equal(evidenceColumns.length, 20);
    assert.equal(evidenceColumns[0], 'Bukti Dukung 16. Regulasi inovasi daerah');
    assert.ok(data.every((r) => r.length === header!.length), 'every row has every column');
    assert.deepEqual(data.map((r) => r[0]), data.map((_, i) => String(i + 1)));

    const col = (name: string) => header!.indexOf(name);
    const tricky = data.find((r) => r[col('Nama Inovasi Daerah')]!.includes('HYPERLINK'))!;
    assert.ok(tricky, 'the tricky innovation is exported');
    assert.equal(tricky[col('Nama Inovasi Daerah')], `'${TRICKY.name}`);
    assert.equal(tricky[col('Rancang Bangun dan Pokok Perubahan')], `'${TRICKY.solution}`);
    assert.equal(tricky[col('Permasalahan')], TRICKY.problem, 'commas, quotes and the newline survive inside the field');
    assert.equal(tricky[col('Manfaat yang Diperoleh')], `'${TRICKY.benefits}`);
    assert.equal(tricky[col('Hasil Inovasi')], `'${TRICKY.results}`);
    assert.equal(tricky[col('Sumber Anggaran')], `'${TRICKY.budget_source}`);
    assert.equal(tricky[col('Jenis Inovasi')], 'Digital');
    assert.equal(tricky[col('Bentuk Inovasi Daerah')], 'Inovasi tata kelola pemerintahan daerah');
    assert.equal(tricky[col('Tahapan Inovasi')], 'Uji coba');
    assert.equal(tricky[col('Waktu Uji Coba Inovasi Daerah')], '2025-01-15');
    assert.equal(tricky[col('Inisiator Inovasi Daerah')], 'Anggota DPRD');
    assert.equal(tricky[col('Covid-19')], 'Covid-19');
    assert.equal(tricky[col('Tujuan Inovasi Daerah')], `'${TRICKY.goal}`, 'the goal is neutralised and keeps its comma and quotes');
    // The demo's: an initiator each, none about COVID-19.
    const demo = data.filter((r) => r !== tricky);
    assert.ok(demo.length > 0 && demo.every((r) => ['OPD', 'ASN', 'Kepala Daerah', 'Masyarakat', 'Anggota DPRD'].includes(r[col('Inisiator Inovasi Daerah')]!)));
    assert.ok(demo.every((r) => r[col('Covid-19')] === 'Non Covid-19'));
    assert.ok(data.every((r) => r.every((cell) => !/^[=+\-@\t\r]/.test(cell))), 'no cell starts a formula');

    const text = bytes.toString('utf8');
    assert.ok(!text.includes(CONTACT), 'no contact person');
    // Evidence columns list the files' addresses; only verified innovations are exported.
    const posyandu = data.find((r) => r[col('Nama Inovasi Daerah')] === 'Posyandu Digital Ibu dan Anak')!;
    assert.ok(evidenceColumns.some((_, i) => /\/media\/innovation-evidence\/[a-z0-9]{20}\.pdf/.test(posyandu[EXPORT_COLUMNS.length + i]!)));
    assert.ok(!data.some((r) => r[col('Nama Inovasi Daerah')] === 'Antrean Daring Poliklinik RSUD'), 'submitted, not verified');
    assert.ok(!data.some((r) => r[col('Nama Inovasi Daerah')] === 'Ruang Aman Anak'), 'a draft');
  });

  it('writes the same table as an XLSX that opens: a ZIP whose sheet holds the header and neutralised text, no formula', async () => {
    const response = await api.publicRequest('/media/innovation-export/2025.xlsx');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
    const files = unzip(bytes);
    assert.ok(files.has('[Content_Types].xml') && files.has('xl/workbook.xml'));
    assert.match(files.get('xl/workbook.xml')!, /name="Inovasi 2025"/);
    const rows = sheetRows(files);
    assert.deepEqual(rows[0]!.slice(0, EXPORT_COLUMNS.length), [...EXPORT_COLUMNS]);
    const csv = parseCsv(Buffer.from(await (await api.publicRequest('/api/v1/innovations/export.csv?year=2025')).arrayBuffer()).subarray(3).toString('utf8'));
    assert.equal(rows.length, csv.length, 'as many rows as the CSV');
    const tricky = rows.find((r) => r[1]?.includes('HYPERLINK'))!;
    assert.equal(tricky[1], `'${TRICKY.name}`);
    assert.equal(tricky[rows[0]!.indexOf('Permasalahan')], TRICKY.problem);
    assert.equal(tricky[rows[0]!.indexOf('Tujuan Inovasi Daerah')], `'${TRICKY.goal}`);
    assert.ok(!rows.flat().some((cell) => cell.startsWith('FORMULA:')), 'no cell is a formula');
    assert.ok(!rows.flat().some((cell) => cell.includes(CONTACT)));
    assert.ok(trickyId > 0);
    await assertProblem(await api.publicRequest('/media/innovation-export/tahun-ini.xlsx'), 404, 'not-found');
  });

  it('exports an empty table with its header for a year without verified innovations', async () => {
    const text = await (await api.publicRequest('/api/v1/innovations/export.csv?year=2019')).text();
    const rows = parseCsv(text.replace(/^\uFEFF/, ''));
    assert.equal(rows.length, 1);
    assert.equal(rows[0]![1], 'Nama Inovasi Daerah');
  });
});
