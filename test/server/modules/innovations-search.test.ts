/**
 * The innovation catalogue's search, over real HTTP on both stores (PGlite's PostgreSQL 18 and
 * PostgreSQL 15), with real Indonesian queries: words and not stems ("perbaikan" is not
 * "baik"), prefixes, typos, accents, ranking (the name above the problem and solution), filters
 * with the result count, cursor pages, and nothing but verified innovations.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import { innovationList, type Innovation } from '../../../src/schemas/innovations.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

// The demo's contact persons: staff-only, never in a search answer.
registerPersonalData({ module: 'innovation', values: ['Koordinator Inovasi BPKAD (demo)', 'inovasi.bpkad@lahat.demo', 'inovasi.bappeda@lahat.demo', '0812 0000 1001'] });

/** The test's own innovations: `[name, problem, solution, type, stage, digital, opd, status]`. */
const FIXTURES: ReadonlyArray<readonly [string, string, string, string, string, boolean, string, string]> = [
  ['Perbaikan Jalan Desa Cepat', 'Jalan desa berlubang menunggu berbulan-bulan.', 'Regu reaksi cepat menambal lubang dalam tujuh hari.', 'lainnya', 'penerapan', false, 'dinas-pupr', 'verified'],
  ['Pelayanan Baik Tanpa Antre', 'Warga ingin pelayanan yang baik dan ramah.', 'Nomor antrean daring dan ruang tunggu nyaman.', 'pelayanan-publik', 'uji-coba', true, 'bpkad', 'verified'],
  ['Beasiswa Pendidikan Anak Petani', 'Anak petani putus sekolah karena biaya.', 'Beasiswa dari dana CSR untuk anak petani berprestasi.', 'pelayanan-publik', 'penerapan', false, 'bappeda', 'verified'],
  ['Posyandu Remaja Sehat', 'Remaja tidak mendapat layanan kesehatan reproduksi.', 'Posyandu khusus remaja sebulan sekali di desa.', 'pelayanan-publik', 'inisiatif', false, 'diskominfo', 'verified'],
  ['Kafé Literasi Pelajar', 'Pelajar tidak punya tempat membaca yang nyaman.', 'Kafe baca di perpustakaan daerah dengan koleksi baru.', 'lainnya', 'uji-coba', false, 'bappeda', 'verified'],
  ['Taman Baca Balai Desa', 'Desa jauh dari perpustakaan.', 'Rak buku di balai desa untuk meningkatkan literasi warga.', 'lainnya', 'penerapan', false, 'bappeda', 'verified'],
  ['Perbaikan Irigasi Rahasia', 'Draf yang belum dikirim.', 'Tidak boleh muncul di katalog publik.', 'lainnya', 'inisiatif', false, 'dinas-pupr', 'draft'],
  ['Perbaikan Drainase Menunggu', 'Sudah dikirim, belum diverifikasi.', 'Tidak boleh muncul di katalog publik.', 'lainnya', 'inisiatif', false, 'dinas-pupr', 'submitted'],
];

describeApi('innovation search', { publicResponses: 15 }, (api) => {
  before(async () => {
    const db = api.server.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const now = new Date();
    for (const [name, problem, solution, type, stage, digital, opd, status] of FIXTURES) {
      await db
        .insertInto('innovations')
        .values({ opd_slug: opd, year: 2025, name, problem, solution, type, digital, stage, status, initiative_on: '2024-01-10', verified_at: status === 'verified' ? now : null, created_at: now, updated_at: now })
        .execute();
    }
  });

  const search = async (query: string) => {
    const response = await api.publicRequest(`/api/v1/innovations?${query}`);
    assert.equal(response.status, 200, await response.clone().text());
    return assertShape(innovationList, await response.json(), 'catalogue');
  };
  const names = async (q: string, extra = '') => (await search(`q=${encodeURIComponent(q)}&limit=100${extra}`)).data.map((i) => i.name);

  it('finds “perbaikan” without every “baik”, and “baik” without every “perbaikan”', async () => {
    const repairs = await names('perbaikan');
    assert.ok(repairs.includes('Perbaikan Jalan Desa Cepat'));
    assert.ok(repairs.some((n) => n.includes('Lapor Perbaikan Jalan')), 'the demo’s Perjaka');
    assert.ok(!repairs.includes('Pelayanan Baik Tanpa Antre'), 'a stemmer would conflate these');
    const good = await names('baik');
    assert.ok(good.includes('Pelayanan Baik Tanpa Antre'));
    assert.ok(!good.includes('Perbaikan Jalan Desa Cepat'));
    assert.ok(!good.some((n) => n.includes('Lapor Perbaikan Jalan')));
  });

  it('finds words by their start (prefixes), never by their middle', async () => {
    assert.ok((await names('pendidik')).includes('Beasiswa Pendidikan Anak Petani'));
    assert.ok((await names('posy')).includes('Posyandu Remaja Sehat'));
    assert.deepEqual(await names('ikan'), [], '“ikan” is inside “pendidikan” and “perbaikan”, the start of no word here');
  });

  it('forgives small typos from five letters, and folds accents and case', async () => {
    assert.ok((await names('perbaiakn')).includes('Perbaikan Jalan Desa Cepat'));
    const posyandu = await names('posyndu');
    assert.ok(posyandu.includes('Posyandu Remaja Sehat') && posyandu.some((n) => n.startsWith('Posyandu Digital')));
    assert.ok((await names('kesehtan remaja')).includes('Posyandu Remaja Sehat'));
    assert.ok((await names('kafe')).includes('Kafé Literasi Pelajar'));
    assert.ok((await names('KAFÉ literasi')).includes('Kafé Literasi Pelajar'));
    assert.deepEqual(await names('zzzzqqq'), []);
  });

  it('needs every word, and ranks the name above the problem and solution', async () => {
    const literacy = await names('literasi');
    assert.ok(literacy.includes('Taman Baca Balai Desa'), 'found in its solution');
    assert.ok(literacy.indexOf('Kafé Literasi Pelajar') < literacy.indexOf('Taman Baca Balai Desa'), `name first: ${literacy.join(' | ')}`);
    assert.ok(literacy.indexOf('Sekolah Penggerak Literasi Desa') < literacy.indexOf('Taman Baca Balai Desa'));
    const both = await names('posyandu remaja');
    assert.deepEqual(both, ['Posyandu Remaja Sehat']);
    const jalan = await names('perbaikan jalan');
    assert.equal(jalan[0], 'Perbaikan Jalan Desa Cepat', `whole words in the name first: ${jalan.join(' | ')}`);
  });

  it('lists only verified innovations: no draft, no submitted one', async () => {
    const all = await names('perbaikan');
    assert.ok(!all.includes('Perbaikan Irigasi Rahasia'));
    assert.ok(!all.includes('Perbaikan Drainase Menunggu'));
    assert.deepEqual(await names('rahasia'), []);
  });

  it('filters by OPD, type, stage, digital and year, and counts every match', async () => {
    const bappedaOther = await search('opd=bappeda&type=lainnya&limit=100');
    assert.ok(bappedaOther.data.every((i) => i.opd.slug === 'bappeda' && i.type === 'lainnya'));
    assert.ok(bappedaOther.data.some((i) => i.name === 'Taman Baca Balai Desa'));
    assert.equal(bappedaOther.total, bappedaOther.data.length);
    const trials = await search('stage=uji-coba&digital=true&limit=100');
    assert.ok(trials.data.every((i) => i.stage === 'uji-coba' && i.digital));
    assert.ok(trials.data.some((i) => i.name === 'Pelayanan Baik Tanpa Antre'));
    const searched = await search('q=desa&opd=bappeda&limit=1');
    assert.equal(searched.data.length, 1);
    assert.ok(searched.total >= 1);
    assert.equal((await search('year=2019')).total, 0);
    const everything = await search('limit=1');
    assert.ok(everything.total >= 30, `${everything.total} verified innovations`);
  });

  it('pages with cursors through every match once, in the same order as one long page', async () => {
    const whole = (await search('q=desa&limit=100')).data.map((i) => i.id);
    assert.ok(whole.length >= 4, `${whole.length} matches for “desa”`);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { data: Innovation[]; nextCursor: string | null; total: number } = await search(`q=desa&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      assert.equal(page.total, whole.length);
      seen.push(...page.data.map((i) => i.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    assert.deepEqual(seen, whole);
    // Without words: newest first, the same way.
    const newest = (await search('limit=100')).data.map((i) => i.id);
    assert.deepEqual(newest, [...newest].sort((a, b) => b - a));
  });

  it('answers 400 naming the field for a bad cursor, filter or limit', async () => {
    await assertProblem(await api.publicRequest('/api/v1/innovations?cursor=bukan-kursor'), 400, 'validation', 'cursor');
    await assertProblem(await api.publicRequest('/api/v1/innovations?digital=ya'), 400, 'validation', 'digital');
    await assertProblem(await api.publicRequest('/api/v1/innovations?type=inovasi'), 400, 'validation', 'type');
    await assertProblem(await api.publicRequest('/api/v1/innovations?limit=101'), 400, 'validation', 'limit');
    await assertProblem(await api.publicRequest(`/api/v1/innovations?q=${'a'.repeat(201)}`), 400, 'validation', 'q');
    // Punctuation and tsquery syntax are only separators, never an error.
    assert.equal((await api.publicRequest(`/api/v1/innovations?q=${encodeURIComponent("perbaikan & | ! :* ( ' \\")}`)).status, 200);
  });
});
