/**
 * `opd-kit/innovations` (the `innovations` and `citizenInnovations` namespaces) against a real
 * server in this process, seeded with the synthetic 40-OPD demo: a citizen searches and pages
 * the catalogue and reads the board; BPKAD's staff register, upload evidence and submit;
 * Bappeda verifies; and the errors a caller branches on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, buildClient, ValidationError } from '../../src/index.js';
import { citizenInnovations, innovations, type Innovation } from '../../src/innovations.js';
import { placeholderPdf } from '../../server/src/modules/innovations/seed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

before(async () => {
  // 5 March 2025, 10:00 WIB: the demo's deadline, 30 June, is 117 days away.
  server = await startTestServer({ now: () => new Date('2025-03-05T03:00:00Z') });
  await server.db.updateTable('opds').set({ modules: JSON.stringify(['siap', 'innovation']) }).where('slug', '=', 'bpkad').execute();
});

after(async () => {
  await server?.close();
});

const citizen = () => buildClient({ baseUrl: server.url }, { innovations: citizenInnovations });
const as = async (email: string, opd: string) => buildClient({ baseUrl: server.url, opd, token: await server.tokenFor(email) }, { innovations });

describe('a citizen reading the innovation catalogue through the SDK', () => {
  it('pages through a search with for await, each innovation once, and counts the matches', async () => {
    const urls: string[] = [];
    const client = buildClient(
      { baseUrl: server.url, fetch: async (input, init) => { const request = new Request(input, init); urls.push(request.url); return fetch(request); } },
      { innovations: citizenInnovations },
    );
    const seen: Innovation[] = [];
    for await (const item of client.innovations.list({ q: 'desa', limit: 2 })) seen.push(item);
    const first = await client.innovations.search({ q: 'desa', limit: 100 });
    assert.equal(seen.length, first.total);
    assert.deepEqual(seen.map((i) => i.id), first.data.map((i) => i.id));
    assert.ok(urls.length >= 2, `pages of 2 take several requests (${urls.length})`);
    assert.ok(urls.every((u) => new URL(u).searchParams.get('q') === 'desa'));
  });

  it('reads the board: 40 OPDs, the deadline’s days left and the model named', async () => {
    const board = await citizen().innovations.progress();
    assert.equal(board.opds, 40);
    assert.equal(board.daysLeft, 117);
    assert.equal(board.model?.name, 'Indeks Inovasi Daerah 2023');
    assert.ok(board.missing.length > 0);
    const model = await citizen().innovations.model(2023);
    assert.equal(model.indicators.length, 36);
  });

  it('gets the CSV export as text and the XLSX as a path', async () => {
    const csv = await citizen().innovations.exportCsv(2025);
    // fetch's text() drops the UTF-8 BOM the file starts with (the export test reads the bytes).
    assert.ok(csv.startsWith('"No","Nama Inovasi Daerah"'), csv.slice(0, 60));
    assert.ok(csv.includes('"Posyandu Digital Ibu dan Anak"'));
    assert.equal(citizen().innovations.exportXlsxPath(2025), '/media/innovation-export/2025.xlsx');
  });

  it('fails a bad filter before sending, naming the field, and an unknown innovation as ApiError 404', async () => {
    await assert.rejects(
      citizen().innovations.search({ type: 'inovasi' as never }),
      (error: unknown) => error instanceof ValidationError && error.fieldErrors.some((f) => f.path === 'type'),
    );
    await assert.rejects(citizen().innovations.get(999_999), (error: unknown) => error instanceof ApiError && error.status === 404 && error.code === 'not-found');
  });
});

describe('staff registering and Bappeda reviewing through the SDK', () => {
  it('registers a draft, uploads a PDF, submits; Bappeda verifies; the catalogue shows it without the contact', async () => {
    const bpkad = await as('bpkad@lahat.demo', 'bpkad');
    const draft = await bpkad.innovations.opd.create({
      name: 'Kanal Tanya SP2D via SDK',
      type: 'pelayanan-publik',
      digital: true,
      stage: 'uji-coba',
      stageDates: { inisiatif: '2024-10-01', 'uji-coba': '2025-01-20' },
      problem: 'Pertanyaan SP2D menumpuk di loket setiap akhir bulan.',
      solution: 'Kanal tanya jawab daring dengan kode pelacakan.',
      contact: { name: 'Petugas Kontak SDK', phone: '0812 3333 4444' },
    });
    assert.equal(draft.status, 'draft');
    const withFile = await bpkad.innovations.opd.uploadEvidence(draft.id, 'regulasi', new Blob([placeholderPdf('SK') as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }), { title: 'SK Kepala BPKAD' });
    assert.equal(withFile.evidence[0]?.title, 'SK Kepala BPKAD');
    const submitted = await bpkad.innovations.opd.submit(draft.id);
    assert.equal(submitted.status, 'submitted');

    const bappeda = await as('bappeda@lahat.demo', 'bappeda');
    const queue = [];
    for await (const item of bappeda.innovations.review.queue()) queue.push(item.id);
    assert.ok(queue.includes(draft.id));
    const verified = await bappeda.innovations.review.verify(draft.id, 'Lengkap.');
    assert.equal(verified.status, 'verified');

    const shown = await citizen().innovations.get(draft.id);
    assert.equal(shown.name, 'Kanal Tanya SP2D via SDK');
    assert.ok(!JSON.stringify(shown).includes('Petugas Kontak SDK'));
  });

  it('tells a refused review and an edit after submitting apart: 403 forbidden, 409 conflict', async () => {
    const bpkad = await as('bpkad@lahat.demo', 'bpkad');
    const draft = await bpkad.innovations.opd.create({
      name: 'Draf untuk penolakan',
      type: 'tata-kelola',
      digital: false,
      stage: 'inisiatif',
      stageDates: { inisiatif: '2025-01-02' },
      problem: 'Masalah yang cukup panjang untuk diisi.',
      solution: 'Solusi yang cukup panjang untuk diisi.',
      contact: { name: 'Petugas Kontak SDK' },
    });
    await bpkad.innovations.opd.submit(draft.id);
    await assert.rejects(bpkad.innovations.opd.edit(draft.id, { name: 'Diubah' }), (error: unknown) => error instanceof ApiError && error.status === 409 && error.code === 'conflict');
    await assert.rejects(bpkad.innovations.review.verify(draft.id, null, { opd: 'bappeda' }), (error: unknown) => error instanceof ApiError && error.status === 403);
    const bappeda = await as('bappeda@lahat.demo', 'bappeda');
    const returned = await bappeda.innovations.review.return(draft.id, 'Lengkapi bukti dukung.');
    assert.equal(returned.status, 'returned');
    const settings = await bappeda.innovations.settings.get();
    assert.deepEqual(settings, { reviewerOpd: 'bappeda', deadline: '2025-06-30', year: 2025 });
  });
});
