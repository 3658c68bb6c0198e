/**
 * Layanan's export for SIPPN (sippn.menpan.go.id) over real HTTP on both stores: an OPD's staff
 * and the regency admin download the standards in force today as SIPPN takes a *jenis
 * layanan* — identity, the fourteen components of PermenPAN-RB 15/2014 in the regulation's
 * order, hours, place, channels and pledge — as JSON and as CSV (SIPPN's labels as the header,
 * formula-safe); the version waiting for its day is not in it; the export is audited; no one
 * else may download it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { SIPPN_LABELS } from '../../../server/src/modules/services/sippn.js';
import { service as serviceSchema } from '../../../src/schemas/services.js';
import { sippnExport, type ServiceCreateInput, type SippnExport } from '../../../src/schemas/services-staff.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

// Standards carry no citizen's data; the staff who download them are the staff's to know only.
registerPersonalData({ module: 'layanan', values: ['Petugas Disdukcapil (demo)', 'disdukcapil@lahat.demo'] });

const DPMPTSP = 'dpmptsp@lahat.demo';
const DUKCAPIL = 'disdukcapil@lahat.demo';
const ADMIN = 'admin@lahat.demo';

/** The fourteen components, in PermenPAN-RB 15/2014's order, as the export labels them. */
const COMPONENTS = [
  'Persyaratan',
  'Sistem, Mekanisme, dan Prosedur',
  'Jangka Waktu Penyelesaian',
  'Biaya/Tarif',
  'Produk Pelayanan',
  'Penanganan Pengaduan, Saran, dan Masukan',
  'Dasar Hukum',
  'Sarana dan Prasarana, dan/atau Fasilitas',
  'Kompetensi Pelaksana',
  'Pengawasan Internal',
  'Jumlah Pelaksana',
  'Jaminan Pelayanan',
  'Jaminan Keamanan dan Keselamatan Pelayanan',
  'Evaluasi Kinerja Pelaksana',
];

/** A DPMPTSP service with text a spreadsheet would run as a formula. */
const formulaService: ServiceCreateInput = {
  slug: 'uji-sippn',
  name: 'Layanan uji SIPPN',
  category: 'perizinan',
  summary: '=HYPERLINK("http://contoh.invalid","klik")',
  online: true,
  offline: true,
  onlineUrl: 'https://oss.go.id',
  requirements: ['KTP-el', 'NIB'],
  procedure: ['Daftar daring', 'Verifikasi', 'Terbit'],
  duration: { text: '3 hari kerja', workingDays: 3 },
  cost: { free: false, amount: 1250000, note: 'Sesuai luas bangunan', legalBasis: 'Perda uji' },
  product: 'Surat uji',
  complaints: ['SP4N-LAPOR!'],
  hours: [{ days: [1, 2, 3, 4], opens: '08:00', closes: '15:30' }, { days: [5], opens: '08:00', closes: '11:30' }],
  hoursNote: 'Tutup hari libur',
  location: { name: 'Loket 2 MPP', address: 'Jl. Uji 1' },
  internal: { legalBasis: ['UU 25/2009', 'Perda uji'], facilities: 'Ruang tunggu', facilitiesDisability: 'Ramp', staffCount: 3, competence: 'SMA' },
  effectiveOn: '2025-01-02',
};

describeApi('Layanan: export for SIPPN', { publicResponses: 1 }, (api) => {
  const json = async (email: string, path: string): Promise<SippnExport> => {
    const response = await api.as(email, path);
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get('content-disposition') ?? '', /attachment; filename="sippn-jenis-layanan-[a-z-]+-\d{4}-\d{2}-\d{2}\.json"/);
    return assertShape(sippnExport, await response.json(), 'sippn');
  };

  it('gives the OPD’s staff its standards in force, one record per service, with the fourteen components in the regulation’s order', async () => {
    const exported = await json(DUKCAPIL, '/api/v1/opds/disdukcapil/services/export/sippn.json');
    assert.equal(exported.format, 'sippn-jenis-layanan/1');
    assert.match(exported.sumber, /PermenPAN-RB 15\/2014/);
    assert.equal(exported.tanggal, '2025-03-05');
    const labels = Object.values(exported.label);
    assert.deepEqual(labels.filter((l) => COMPONENTS.includes(l)), COMPONENTS, 'the components in order');
    assert.deepEqual(Object.keys(exported.label), Object.keys(exported.layanan[0]!), 'a label for every field, in the records’ order');
    assert.ok(exported.layanan.length >= 4 && exported.layanan.every((r) => r.kodeUnit === 'disdukcapil' && r.unitPelayanan === 'Dinas Kependudukan dan Pencatatan Sipil'));

    const ktp = exported.layanan.find((r) => r.kodeLayanan === 'ktp-el')!;
    const shown = assertShape(serviceSchema, await (await api.publicRequest('/api/v1/opds/disdukcapil/services/ktp-el')).json(), 'ktp-el');
    assert.equal(ktp.namaLayanan, shown.name);
    assert.deepEqual(ktp.persyaratan, shown.requirements);
    assert.deepEqual(ktp.sistemMekanismeProsedur, shown.procedure, 'the version in force, not the one waiting for its day');
    assert.ok(!ktp.sistemMekanismeProsedur.some((step) => step.includes('IKD')));
    assert.equal(ktp.versiStandar, shown.version.number);
    assert.equal(ktp.berlakuSejak, shown.version.effectiveOn);
    assert.equal(ktp.biayaTarif, 'Tidak dipungut biaya');
    assert.equal(ktp.biayaRupiah, 0);
    assert.match(ktp.dasarHukumBiaya ?? '', /UU 24\/2013/);
    assert.equal(ktp.kategoriLayanan, 'Administrasi kependudukan');
    assert.equal(ktp.waktuPelayanan.split('. ')[0], 'Senin–Kamis 08.00–15.30 WIB; Jumat 08.00–11.30 WIB');
    assert.match(ktp.maklumatPelayanan ?? '', /Kepala Dinas Kependudukan/);
    assert.ok(ktp.dasarHukum.length > 0 && ktp.kompetensiPelaksana && ktp.jaminanKeamananKeselamatan, 'the internal components too');
    assert.match(ktp.saranaPrasaranaFasilitas ?? '', /disabilitas\): Jalur landai/);
  });

  it('writes the same as CSV with SIPPN’s labels as the header, lists as numbered lines, and text that cannot run as a formula', async () => {
    const created = await api.as(DPMPTSP, '/api/v1/opds/dpmptsp/services', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(formulaService) });
    assert.equal(created.status, 201, await created.clone().text());
    const record = (await json(DPMPTSP, '/api/v1/opds/dpmptsp/services/export/sippn.json')).layanan.find((r) => r.kodeLayanan === 'uji-sippn')!;
    assert.equal(record.biayaTarif, 'Rp 1.250.000. Sesuai luas bangunan');
    assert.equal(record.biayaRupiah, 1250000);
    assert.equal(record.caraPelayanan, 'Daring dan luring');
    assert.equal(record.tautanLayananDaring, 'https://oss.go.id');
    assert.equal(record.jumlahPelaksana, 3);
    assert.equal(record.waktuPelayanan, 'Senin–Kamis 08.00–15.30 WIB; Jumat 08.00–11.30 WIB. Tutup hari libur');

    const response = await api.as(DPMPTSP, '/api/v1/opds/dpmptsp/services/export/sippn.csv');
    assert.equal(response.status, 200, await response.clone().text());
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte order mark, for Excel');
    const text = new TextDecoder().decode(bytes.slice(3));
    const header = text.slice(0, text.indexOf('\r\n'));
    assert.equal(header, Object.values(SIPPN_LABELS).map((l) => `"${l}"`).join(','));
    assert.ok(text.includes('"\'=HYPERLINK(""http://contoh.invalid"",""klik"")"'), 'a formula is written as text');
    assert.ok(text.includes('"1. Daftar daring\n2. Verifikasi\n3. Terbit"'), 'steps as numbered lines in one cell');
    assert.ok(text.includes('"1. UU 25/2009\n2. Perda uji"'));
    const rows = text.trim().split('\r\n').length - 1;
    assert.equal(rows, (await json(DPMPTSP, '/api/v1/opds/dpmptsp/services/export/sippn.json')).layanan.length, 'one row per service');
  });

  it('gives the regency admin every OPD’s, and audits each download', async () => {
    const all = await json(ADMIN, '/api/v1/services/export/sippn.json');
    assert.deepEqual([...new Set(all.layanan.map((r) => r.kodeUnit))].sort(), ['dinas-kesehatan', 'disdukcapil', 'dpmptsp', 'rsud']);
    const csv = await api.as(ADMIN, '/api/v1/services/export/sippn.csv');
    assert.equal(csv.status, 200);
    assert.equal((await csv.text()).trim().split('\r\n').length - 1, all.layanan.length);
    const entries = await api.server.db.selectFrom('audit_log').select(['action', 'subject', 'actor_email']).where('action', 'like', 'service.export.sippn%').orderBy('id').execute();
    assert.deepEqual(entries.slice(-2), [
      { action: 'service.export.sippn', subject: 'service-export:regency', actor_email: ADMIN },
      { action: 'service.export.sippn.csv', subject: 'service-export:regency', actor_email: ADMIN },
    ]);
    assert.ok(entries.some((e) => e.subject === 'service-export:disdukcapil' && e.actor_email === DUKCAPIL));
  });

  it('lets no one else download it', async () => {
    await assertProblem(await api.as(DPMPTSP, '/api/v1/opds/disdukcapil/services/export/sippn.json'), 403, 'forbidden');
    await assertProblem(await api.as(DPMPTSP, '/api/v1/services/export/sippn.csv'), 403, 'forbidden');
    await assertProblem(await api.publicRequest('/api/v1/opds/disdukcapil/services/export/sippn.csv'), 401, 'unauthorized');
    await assertProblem(await api.as(ADMIN, '/api/v1/opds/bpkad/services/export/sippn.json'), 404, 'module-disabled');
  });
});
