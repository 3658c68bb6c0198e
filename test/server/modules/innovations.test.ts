/**
 * One OPD One Innovation, over real HTTP on both stores, as OPD staff, Bappeda and the public
 * see it: the 40-OPD demo, registering a draft, editing only one's own OPD's drafts, evidence
 * files checked by content and size, submitting, Bappeda verifying or returning with comments
 * (and nobody else), the audit log, the progress board's arithmetic (OPDs done out of all,
 * the deadline's days left in Asia/Jakarta, missing OPDs, evidence gaps, estimates named with
 * their model), and the IID scoring model kept as data per assessment year. No public answer
 * carries the contact person.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Kysely } from 'kysely';
import { addUser } from '../../../server/src/auth/users.js';
import type { Database } from '../../../server/src/db/schema.js';
import { DEMO_INNOVATIONS, placeholderPdf, SYNTHETIC_OPDS } from '../../../server/src/modules/innovations/seed.js';
import { EVIDENCE_MAX_BYTES } from '../../../src/schemas/innovations-staff.js';
import { innovation, innovationProgress, scoringModel, type InnovationProgress } from '../../../src/schemas/innovations.js';
import { innovationStaff, innovationStaffList, type InnovationStaff } from '../../../src/schemas/innovations-staff.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';
import { chunk, JPEG_SECRETS, jpegWithGps, png, text, webpWithExif } from '../../helpers/photo-files.js';
import { DEMO_PASSWORD } from '../../helpers/server.js';

/** The contact person the tests give: never in a public answer. */
const CONTACT = { name: 'Rahmawati Kontak Inovasi', phone: '0813 7777 4242', email: 'rahma.inovasi@bpkad.test' };
registerPersonalData({ module: 'innovation', values: [CONTACT.name, CONTACT.phone, CONTACT.email, 'Koordinator Inovasi BPKAD (demo)', 'inovasi.bpkad@lahat.demo', '0812 0000 1001'] });

const BPKAD = 'bpkad@lahat.demo';
const PUPR = 'pupr@lahat.demo';
const BAPPEDA = 'bappeda@lahat.demo';
const ADMIN = 'admin@lahat.demo';

const draftBody = (extra: Record<string, unknown> = {}) => ({
  name: 'Loket Konsultasi Keuangan Desa',
  type: 'pelayanan-publik',
  digital: false,
  stage: 'uji-coba',
  stageDates: { inisiatif: '2024-08-01', 'uji-coba': '2025-01-15' },
  startDate: '2024-08-01',
  problem: 'Bendahara desa datang ke kantor berulang kali untuk pertanyaan yang sama.',
  solution: 'Loket konsultasi terjadwal di kecamatan dengan petugas BPKAD sebulan sekali.',
  benefits: 'Perjalanan bendahara desa berkurang.',
  budgetSource: 'APBD',
  contact: CONTACT,
  ...extra,
});

/** A small JPEG whose metadata carries GPS, XMP and a comment (see test/helpers/photo-files.ts). */
const tinyJpeg = (): Uint8Array => new Uint8Array(jpegWithGps());

describeApi('One OPD One Innovation', { publicResponses: 15 }, (api) => {
  before(async () => {
    // A second BPKAD user (the seeded one and this one share the OPD) and a Bappeda admin.
    await addUser(api.server.db as unknown as Kysely<Database>, { email: 'admin.bappeda@innovation.test', name: 'Admin Bappeda (uji)', role: 'opd_admin', opd: 'bappeda', password: DEMO_PASSWORD, mustChangePassword: false }, new Date());
    // BPKAD and PUPR register innovations in these tests: switch the module on for them.
    await api.server.db.updateTable('opds').set({ modules: JSON.stringify(['siap', 'perjaka', 'innovation']) }).where('slug', 'in', ['bpkad', 'dinas-pupr']).execute();
  });

  const send = (email: string, path: string, body?: unknown, method = 'POST') =>
    api.as(email, path, { method, headers: body === undefined ? {} : { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const upload = (email: string, path: string, bytes: Uint8Array, contentType = 'application/pdf') => api.as(email, path, { method: 'POST', headers: { 'Content-Type': contentType }, body: bytes as Uint8Array<ArrayBuffer> });
  const staffView = async (response: Response, status = 200): Promise<InnovationStaff> => {
    assert.equal(response.status, status, await response.clone().text());
    return assertShape(innovationStaff, await response.json(), 'staff innovation');
  };
  const progress = async (query = ''): Promise<InnovationProgress> => assertShape(innovationProgress, await (await api.publicRequest(`/api/v1/innovations/progress${query}`)).json(), 'progress');
  const draft = async (extra: Record<string, unknown> = {}) => staffView(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody(extra)), 201);

  it('seeds a regency of 40 OPDs, most with a verified innovation and some with none, Bappeda reviewing by 30 June', async () => {
    const board = await progress();
    assert.equal(board.opds, 40, 'the 8 demo OPDs and 32 synthetic ones');
    assert.equal(SYNTHETIC_OPDS.length, 32);
    const verifiedOpds = new Set(DEMO_INNOVATIONS.filter((i) => i[1] === 'verified').map((i) => i[0]));
    assert.equal(board.opdsDone, verifiedOpds.size);
    assert.equal(board.percent, Math.round((verifiedOpds.size / 40) * 10000) / 100);
    const none = board.board.filter((o) => o.verified + o.submitted + o.inProgress === 0);
    assert.ok(none.length >= 5, `${none.length} OPDs have no innovation at all`);
    assert.ok(board.missing.includes('kesbangpol') && board.missing.includes('rsud'), 'missing: one without any, one only submitted');
    assert.deepEqual(board.board.slice(0, board.missing.length).map((o) => o.slug).sort(), [...board.missing].sort(), 'the missing OPDs come first');
    // The suite's clock is 5 March 2025, 10:00 WIB: 30 June is 117 days away.
    assert.equal(board.year, 2025);
    assert.equal(board.deadline, '2025-06-30');
    assert.equal(board.daysLeft, 117);
    const settings = await (await api.as(BAPPEDA, '/api/v1/innovation-settings')).json();
    assert.deepEqual(settings, { reviewerOpd: 'bappeda', deadline: '2025-06-30', year: 2025 });
  });

  it('counts verified innovations by form, stage and digital, and names the model of every estimate', async () => {
    const board = await progress();
    const verified = DEMO_INNOVATIONS.filter((i) => i[1] === 'verified');
    assert.equal(board.byType['pelayanan-publik'] + board.byType['tata-kelola'] + board.byType.lainnya, verified.length);
    assert.equal(board.byType['tata-kelola'], verified.filter((i) => i[3] === 'tata-kelola').length);
    assert.equal(board.byStage.penerapan, verified.filter((i) => i[5] === 'penerapan').length);
    assert.equal(board.digital, verified.filter((i) => i[4]).length);
    assert.equal(board.digital + board.nonDigital, verified.length);
    assert.deepEqual(board.model, { year: 2023, name: 'Indeks Inovasi Daerah 2023' }, '2025 has no model of its own: the latest before it, named');
    const bappeda = board.board.find((o) => o.slug === 'bappeda')!;
    // 18 of the 20 evidence indicators, each weighing 3.5: 90 %.
    assert.deepEqual(bappeda.estimatedScore, { value: 90, category: 'Sangat Inovatif', model: 'Indeks Inovasi Daerah 2023', year: 2023 });
    assert.equal(bappeda.evidenceGaps.length, 2);
    const inspektorat = board.board.find((o) => o.slug === 'inspektorat')!;
    assert.deepEqual(inspektorat.estimatedScore, { value: 35, category: 'Inovatif', model: 'Indeks Inovasi Daerah 2023', year: 2023 }, '7 of 20 = 35.00, Inovatif (35–60 inclusive)');
    const satpol = board.board.find((o) => o.slug === 'satpol-pp')!;
    assert.equal(satpol.estimatedScore?.value, 25);
    assert.equal(satpol.estimatedScore?.category, 'Kurang Inovatif');
    assert.ok(board.withEvidenceGaps.includes('satpol-pp'));
    assert.equal(board.board.find((o) => o.slug === 'kesbangpol')?.estimatedScore, null);
  });

  it('keeps the 2023 IID model as data: 36 indicators, 25.2 % government and 74.8 % innovation, the categories and thresholds', async () => {
    const model = assertShape(scoringModel, await (await api.publicRequest('/api/v1/innovations/scoring-models/2023')).json(), 'model');
    assert.equal(model.indicators.length, 36);
    assert.equal(model.governmentShare, 25.2);
    assert.equal(model.innovationShare, 74.8);
    const part = (p: string) => model.indicators.filter((i) => i.part === p);
    assert.deepEqual(part('government').map((i) => i.number), Array.from({ length: 15 }, (_, i) => i + 1));
    assert.equal(Math.round(part('government').reduce((s, i) => s + i.weight, 0) * 1000) / 1000, 25.2);
    assert.equal(Math.round(part('innovation').reduce((s, i) => s + i.weight, 0) * 1000) / 1000, 74.8);
    assert.equal(model.indicators.filter((i) => i.evidence).length, 20);
    assert.deepEqual(model.categories.map((c) => [c.name, c.min, c.max]), [
      ['Sangat Inovatif', 60.01, null],
      ['Inovatif', 35, 60],
      ['Kurang Inovatif', 0.01, 34.99],
      ['Tidak Dapat Dinilai', 0, 0],
    ]);
    assert.match(model.note ?? '', /perkiraan/);
    // A later year without its own model is scored with 2023's; a year before any has none.
    assert.equal(assertShape(scoringModel, await (await api.publicRequest('/api/v1/innovations/scoring-models/2026')).json(), 'model').year, 2023);
    await assertProblem(await api.publicRequest('/api/v1/innovations/scoring-models/2019'), 404, 'not-found');
  });

  it('scores a year with its own model once one is added as data, with no code change', async () => {
    const db = api.server.db as unknown as Kysely<Database>;
    await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('innovation_models')
      .values({ year: 2030, name: 'Indeks Inovasi Daerah 2030 (uji)', source: 'uji', government_share: 30, innovation_share: 70, categories: JSON.stringify([{ name: 'Tinggi', min: 50, max: null }, { name: 'Rendah', min: 0, max: 49.99 }]), note: null })
      .execute();
    await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
      .insertInto('innovation_indicators')
      .values([
        { year: 2030, id: 'regulasi', number: 1, part: 'innovation', name: 'Regulasi', weight: 50, evidence: true },
        { year: 2030, id: 'video', number: 2, part: 'innovation', name: 'Video', weight: 50, evidence: true },
      ])
      .execute();
    const board = await progress('?year=2030');
    assert.deepEqual(board.model, { year: 2030, name: 'Indeks Inovasi Daerah 2030 (uji)' });
    assert.equal(board.deadline, null, 'the deadline belongs to the configured year');
    assert.equal(board.daysLeft, null);
    assert.equal(board.opdsDone, 0);
    assert.equal((await progress('?year=2029')).model?.year, 2023);
  });

  it('registers a draft with the contact person for staff only; the public sees nothing of it', async () => {
    const created = await draft();
    assert.equal(created.status, 'draft');
    assert.equal(created.opd.slug, 'bpkad');
    assert.equal(created.year, 2025, 'the configured assessment year');
    assert.deepEqual(created.contact, { name: CONTACT.name, phone: CONTACT.phone, email: CONTACT.email });
    assert.equal(created.evidenceGaps.length, 20);
    assert.deepEqual(created.estimatedScore, { value: 0, category: 'Tidak Dapat Dinilai', model: 'Indeks Inovasi Daerah 2023', year: 2023 });
    await assertProblem(await api.publicRequest(`/api/v1/innovations/${created.id}`), 404, 'not-found');
    const staffList = assertShape(innovationStaffList, await (await api.as(BPKAD, '/api/v1/opds/bpkad/innovations?status=draft')).json(), 'staff list');
    assert.ok(staffList.data.some((i) => i.id === created.id && i.contact?.name === CONTACT.name));
  });

  it('registers a draft once per Idempotency-Key: sent again after a lost answer it answers the same draft; the key with another body is a 422', async () => {
    const keyed = (body: unknown, key: string) =>
      api.as(BPKAD, '/api/v1/opds/bpkad/innovations', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify(body) });
    const key = `innovation-draft-${Date.now()}`;
    const body = draftBody({ name: 'Inovasi Sekali Kirim Saja' });
    const count = async () => (await (api.server.db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom('innovations').select('id').where('name', '=', 'Inovasi Sekali Kirim Saja').execute()).length;
    const [first, second] = await Promise.all([keyed(body, key), keyed(body, key)]);
    const views = [await staffView(first, 201), await staffView(second, 201)];
    assert.equal(views[0]!.id, views[1]!.id, 'both answers are the same draft');
    assert.equal([first, second].filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 1, 'one of them replayed');
    const third = await keyed(body, key);
    assert.equal((await staffView(third, 201)).id, views[0]!.id);
    assert.equal(third.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count(), 1, 'one draft stored');
    await assertProblem(await keyed(draftBody({ name: 'Inovasi Lain dengan Kunci Sama' }), key), 422, 'idempotency-conflict');
    assert.equal(await count(), 1);
  });

  it('refuses bad registrations with 422 naming the field', async () => {
    await assertProblem(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody({ type: 'inovasi' })), 422, 'validation', 'type');
    await assertProblem(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody({ name: 'ab' })), 422, 'validation', 'name');
    await assertProblem(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody({ stageDates: { inisiatif: '2025-02-30' } })), 422, 'validation', 'stageDates.inisiatif');
    await assertProblem(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody({ stageDates: { inisiatif: '2025-03-01', 'uji-coba': '2024-01-01' } })), 422, 'validation', 'stageDates.uji-coba');
    await assertProblem(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody({ contact: { name: 'Rahma', email: 'bukan-email' } })), 422, 'validation', 'contact.email');
    await assertProblem(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody({ digital: 'ya' })), 422, 'validation', 'digital');
  });

  it('lets an OPD’s staff edit only their own OPD’s drafts', async () => {
    const mine = await draft({ name: 'Draf milik BPKAD' });
    await assertProblem(await send(PUPR, `/api/v1/opds/bpkad/innovations/${mine.id}`, { name: 'Diubah PUPR' }, 'PATCH'), 403, 'forbidden');
    await assertProblem(await send(PUPR, `/api/v1/opds/dinas-pupr/innovations/${mine.id}`, { name: 'Diubah PUPR' }, 'PATCH'), 404, 'not-found');
    await assertProblem(await api.as(PUPR, `/api/v1/opds/dinas-pupr/innovations/${mine.id}`), 404, 'not-found');
    const edited = await staffView(await send(BPKAD, `/api/v1/opds/bpkad/innovations/${mine.id}`, { name: 'Draf milik BPKAD (diubah)', digital: true }, 'PATCH'));
    assert.equal(edited.name, 'Draf milik BPKAD (diubah)');
    assert.equal(edited.digital, true);
    assert.equal(edited.type, 'pelayanan-publik', 'untouched fields stay');
  });

  it('takes evidence by content: a PDF, a JPEG; refuses a renamed text, a cut PDF, a script PDF and a file over 2 MB', async () => {
    const created = await draft({ name: 'Inovasi dengan bukti' });
    const base = `/api/v1/opds/bpkad/innovations/${created.id}/evidence`;
    const withPdf = await staffView(await upload(BPKAD, `${base}/regulasi?title=SK%20Bupati%20Inovasi`, placeholderPdf('SK Bupati')), 201);
    assert.equal(withPdf.evidence.length, 1);
    assert.equal(withPdf.evidence[0]!.mediaType, 'application/pdf');
    assert.equal(withPdf.evidence[0]!.title, 'SK Bupati Inovasi');
    assert.ok(!withPdf.evidenceGaps.includes('regulasi'));
    assert.equal(withPdf.estimatedScore?.value, 5, 'one of 20 equal indicators');
    // Served from the database with its type by content and nosniff.
    const file = await fetch(withPdf.evidence[0]!.url);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(file.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString('latin1'), '%PDF-');

    // A JPEG sent as "application/pdf": the content decides.
    const withJpeg = await staffView(await upload(BPKAD, `${base}/sosialisasi`, tinyJpeg(), 'application/pdf'), 201);
    assert.equal(withJpeg.evidence.find((e) => e.indicator === 'sosialisasi')?.mediaType, 'image/jpeg');

    await assertProblem(await upload(BPKAD, `${base}/sdm`, new TextEncoder().encode('<html>not a pdf</html>')), 415, 'unsupported-media-type', 'file');
    const pdf = placeholderPdf('cut');
    await assertProblem(await upload(BPKAD, `${base}/sdm`, pdf.subarray(0, pdf.length - 20)), 415, 'unsupported-media-type', 'file');
    const scripted = Buffer.from(Buffer.from(placeholderPdf('js')).toString('latin1').replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'latin1');
    await assertProblem(await upload(BPKAD, `${base}/sdm`, scripted), 415, 'unsupported-media-type', 'file');
    const big = new Uint8Array(EVIDENCE_MAX_BYTES + 1);
    big.set(Buffer.from('%PDF-1.4\n'));
    await assertProblem(await upload(BPKAD, `${base}/sdm`, big), 413, 'payload-too-large');
    // Exactly 2 MB is fine.
    const exact = new Uint8Array(EVIDENCE_MAX_BYTES);
    const head = Buffer.from('%PDF-1.4\n');
    const tail = Buffer.from('\nstartxref\n9\n%%EOF\n');
    exact.fill(0x20);
    exact.set(head);
    exact.set(tail, exact.length - tail.length);
    assert.equal((await upload(BPKAD, `${base}/sdm`, exact)).status, 201);
    await assertProblem(await upload(BPKAD, `${base}/bukan-indikator`, placeholderPdf('x')), 422, 'validation', 'indicator');

    // Removed again.
    const fileId = withJpeg.evidence.find((e) => e.indicator === 'sosialisasi')!.id;
    const removed = await staffView(await api.as(BPKAD, `/api/v1/opds/bpkad/innovations/${created.id}/evidence-files/${fileId}`, { method: 'DELETE' }));
    assert.ok(!removed.evidence.some((e) => e.id === fileId));
  });

  it('holds the IID form’s initiator, COVID-19 flag and goal: given, shown to staff, edited, checked', async () => {
    const created = await draft({ name: 'Inovasi dengan inisiator', initiator: 'masyarakat', covid19: false, goal: 'Bendahara desa tidak perlu datang ke kabupaten.' });
    assert.equal(created.initiator, 'masyarakat');
    assert.equal(created.covid19, false);
    assert.equal(created.goal, 'Bendahara desa tidak perlu datang ke kabupaten.');
    const path = `/api/v1/opds/bpkad/innovations/${created.id}`;
    const edited = await staffView(await send(BPKAD, path, { initiator: 'kepala-daerah', covid19: true }, 'PATCH'));
    assert.equal(edited.initiator, 'kepala-daerah');
    assert.equal(edited.covid19, true);
    assert.equal(edited.goal, created.goal, 'the goal stays when not sent');
    const cleared = await staffView(await send(BPKAD, path, { goal: null, initiator: null }, 'PATCH'));
    assert.equal(cleared.goal, null);
    assert.equal(cleared.initiator, null);
    const again = await staffView(await api.as(BPKAD, path));
    assert.deepEqual([again.initiator, again.covid19, again.goal], [null, true, null], 'stored, not only answered');
    // Without them (as before migration 0004): all three null.
    const plain = await draft({ name: 'Inovasi tanpa inisiator' });
    assert.deepEqual([plain.initiator, plain.covid19, plain.goal], [null, null, null]);

    await assertProblem(await send(BPKAD, path, { initiator: 'bupati' }, 'PATCH'), 422, 'validation', 'initiator');
    await assertProblem(await send(BPKAD, path, { covid19: 'ya' }, 'PATCH'), 422, 'validation', 'covid19');
    await assertProblem(await send(BPKAD, path, { goal: 'x'.repeat(5001) }, 'PATCH'), 422, 'validation', 'goal');
    await assertProblem(await send(BPKAD, '/api/v1/opds/bpkad/innovations', draftBody({ initiator: 'ASN' })), 422, 'validation', 'initiator');
  });

  it('cleans evidence images: a JPEG carrying GPS goes in and none comes out, nor a PNG’s text; a pixel flood and a WebP are refused', async () => {
    const created = await draft({ name: 'Inovasi dengan foto sosialisasi' });
    const base = `/api/v1/opds/bpkad/innovations/${created.id}/evidence`;
    const sent = jpegWithGps(640, 480);
    for (const secret of JPEG_SECRETS) assert.ok(sent.includes(text(secret)), `the upload carries ${secret}`);
    const withJpeg = await staffView(await upload(BPKAD, `${base}/sosialisasi?title=Foto%20sosialisasi`, new Uint8Array(sent), 'image/jpeg'), 201);
    const jpeg = withJpeg.evidence.find((e) => e.indicator === 'sosialisasi')!;
    assert.equal(jpeg.mediaType, 'image/jpeg');
    assert.ok(jpeg.bytes < sent.length, `stored ${jpeg.bytes} bytes of ${sent.length}`);
    const served = Buffer.from(await (await fetch(jpeg.url)).arrayBuffer());
    for (const secret of JPEG_SECRETS) assert.ok(!served.includes(text(secret)), `${secret} is gone from the served file`);
    assert.ok(!served.includes(Buffer.from([0xff, 0xe1])), 'no APP1 segment is left');
    assert.deepEqual([...served.subarray(-2)], [0xff, 0xd9], 'the image still ends where it did, without the trailer');
    assert.ok(served.includes(text('JFIF')), 'what decoding needs stays');

    const withPng = await staffView(await upload(BPKAD, `${base}/sdm`, new Uint8Array(png(4, 3, [chunk('tEXt', text('Author\0SECRET-PNG-EVIDENCE')), chunk('eXIf', text('MM\0*GPS-SECRET-PNG'))]))), 201);
    const pngFile = withPng.evidence.find((e) => e.indicator === 'sdm')!;
    assert.equal(pngFile.mediaType, 'image/png');
    const servedPng = Buffer.from(await (await fetch(pngFile.url)).arrayBuffer());
    assert.ok(!servedPng.includes(text('SECRET-PNG-EVIDENCE')) && !servedPng.includes(text('GPS-SECRET-PNG')), 'PNG text and EXIF chunks are gone');
    assert.ok(servedPng.includes(text('IHDR')) && servedPng.includes(text('IEND')));

    const flood = await assertProblem(await upload(BPKAD, `${base}/sdm`, new Uint8Array(png(20_000, 20_000))), 415, 'unsupported-media-type', 'file');
    assert.match(flood.detail ?? '', /20000 × 20000 pixels/);
    await assertProblem(await upload(BPKAD, `${base}/sdm`, new Uint8Array(webpWithExif()), 'image/webp'), 415, 'unsupported-media-type', 'file');
    // A JPEG cut short (no end of image) is refused, not stored as it is.
    await assertProblem(await upload(BPKAD, `${base}/sdm`, new Uint8Array(sent.subarray(0, sent.indexOf(Buffer.from([0xff, 0xd9]))))), 415, 'unsupported-media-type', 'file');
    const after = await staffView(await api.as(BPKAD, `/api/v1/opds/bpkad/innovations/${created.id}`));
    assert.equal(after.evidence.length, 2, 'only the JPEG and the PNG were stored');
  });

  it('submits, then only Bappeda verifies: the innovation turns public, counts on the board and is audited', async () => {
    const before = await progress();
    assert.ok(before.missing.includes('bpkad') || before.board.find((o) => o.slug === 'bpkad')!.verified > 0);
    const created = await draft({ name: 'Inovasi untuk diverifikasi' });
    const path = `/api/v1/opds/bpkad/innovations/${created.id}`;
    const submitted = await staffView(await send(BPKAD, `${path}/submit`));
    assert.equal(submitted.status, 'submitted');
    assert.deepEqual(submitted.reviews.map((r) => r.action), ['submitted']);
    await assertProblem(await send(BPKAD, path, { name: 'Diubah setelah dikirim' }, 'PATCH'), 409, 'conflict');
    await assertProblem(await upload(BPKAD, `${path}/evidence/regulasi`, placeholderPdf('late')), 409, 'conflict');

    // Not the OPD itself, not a regency admin, not another OPD: 403 or 404 (no queue of its own).
    await assertProblem(await send(BPKAD, `/api/v1/opds/bpkad/innovation-reviews/${created.id}/verify`, {}), 404, 'not-found');
    await assertProblem(await send(BPKAD, `/api/v1/opds/bappeda/innovation-reviews/${created.id}/verify`, {}), 403, 'forbidden');
    await assertProblem(await send(ADMIN, `/api/v1/opds/bappeda/innovation-reviews/${created.id}/verify`, {}), 403, 'forbidden');
    const queue = assertShape(innovationStaffList, await (await api.as(BAPPEDA, '/api/v1/opds/bappeda/innovation-reviews')).json(), 'queue');
    assert.ok(queue.data.some((i) => i.id === created.id && i.contact?.name === CONTACT.name), 'Bappeda sees the submitted one with its contact');
    assert.ok(queue.data.every((i) => i.status === 'submitted'));

    const verified = await staffView(await send(BAPPEDA, `/api/v1/opds/bappeda/innovation-reviews/${created.id}/verify`, { comment: 'Lengkap.' }));
    assert.equal(verified.status, 'verified');
    assert.deepEqual(verified.reviews.map((r) => [r.action, r.by]), [['submitted', 'Petugas BPKAD (demo)'], ['verified', 'Verifikator Bappeda (demo)']]);
    await assertProblem(await send(BAPPEDA, `/api/v1/opds/bappeda/innovation-reviews/${created.id}/verify`, {}), 409, 'conflict');

    const open = await api.publicRequest(`/api/v1/innovations/${created.id}`);
    const shown = assertShape(innovation, await open.json(), 'public innovation');
    assert.equal(shown.name, 'Inovasi untuk diverifikasi');
    assert.ok(!('contact' in shown), 'no contact person in public');
    const after = await progress();
    assert.ok(!after.missing.includes('bpkad'));
    assert.equal(after.board.find((o) => o.slug === 'bpkad')!.verified, before.board.find((o) => o.slug === 'bpkad')!.verified + 1);

    const log = await api.server.db
      .selectFrom('audit_log')
      .select(['action', 'actor_email'])
      .where('subject', '=', `innovation:${created.id}`)
      .orderBy('id')
      .execute();
    assert.deepEqual(log.map((l) => [l.action, l.actor_email]), [
      ['innovation.create', BPKAD],
      ['innovation.submit', BPKAD],
      ['innovation.verify', BAPPEDA],
    ]);
  });

  it('returns with comments; the OPD fixes and submits again; a submission needs the stage’s date and a contact', async () => {
    const created = await draft({ name: 'Inovasi yang dikembalikan', contact: null, stage: 'penerapan' });
    const path = `/api/v1/opds/bpkad/innovations/${created.id}`;
    const incomplete = await assertProblem(await send(BPKAD, `${path}/submit`), 422, 'validation', 'contact');
    assert.ok(incomplete.errors?.some((e) => e.path === 'stageDates.penerapan'));
    await staffView(await send(BPKAD, path, { contact: CONTACT, stageDates: { penerapan: '2025-02-01' } }, 'PATCH'));
    await staffView(await send(BPKAD, `${path}/submit`));
    await assertProblem(await send(BAPPEDA, `/api/v1/opds/bappeda/innovation-reviews/${created.id}/return`, { comment: 'ok' }), 422, 'validation', 'comment');
    const returned = await staffView(await send(BAPPEDA, `/api/v1/opds/bappeda/innovation-reviews/${created.id}/return`, { comment: 'Lampirkan SK penetapan inovasi.' }));
    assert.equal(returned.status, 'returned');
    assert.equal(returned.reviewComment, 'Lampirkan SK penetapan inovasi.');
    await assertProblem(await api.publicRequest(`/api/v1/innovations/${created.id}`), 404, 'not-found');
    const fixed = await staffView(await upload(BPKAD, `${path}/evidence/regulasi`, placeholderPdf('SK')), 201);
    assert.equal(fixed.status, 'returned', 'stays returned until submitted again');
    const again = await staffView(await send(BPKAD, `${path}/submit`));
    assert.equal(again.status, 'submitted');
    assert.deepEqual(again.reviews.map((r) => r.action), ['submitted', 'returned', 'submitted']);
  });

  it('lets a regency admin move the deadline and the reviewer, and nobody else', async () => {
    await assertProblem(await send(BAPPEDA, '/api/v1/innovation-settings', { reviewerOpd: 'bappeda', deadline: '2025-03-05', year: 2025 }, 'PUT'), 403, 'forbidden');
    await assertProblem(await send(ADMIN, '/api/v1/innovation-settings', { reviewerOpd: 'tidak-ada', deadline: null, year: 2025 }, 'PUT'), 422, 'validation', 'reviewerOpd');
    // The deadline today (5 March, WIB): 0 days left; yesterday: -1.
    assert.equal((await send(ADMIN, '/api/v1/innovation-settings', { reviewerOpd: 'bappeda', deadline: '2025-03-05', year: 2025 }, 'PUT')).status, 200);
    assert.equal((await progress()).daysLeft, 0);
    await send(ADMIN, '/api/v1/innovation-settings', { reviewerOpd: 'bappeda', deadline: '2025-03-04', year: 2025 }, 'PUT');
    assert.equal((await progress()).daysLeft, -1);
    await send(ADMIN, '/api/v1/innovation-settings', { reviewerOpd: 'bappeda', deadline: '2025-06-30', year: 2025 }, 'PUT');
    assert.equal((await progress()).daysLeft, 117);
  });

  it('counts days left in Asia/Jakarta: at 23:30 WIB on the eve it is still one day, at 00:10 WIB it is the day itself', async () => {
    await send(ADMIN, '/api/v1/innovation-settings', { reviewerOpd: 'bappeda', deadline: '2025-03-06', year: 2025 }, 'PUT');
    const toEve = Date.parse('2025-03-05T16:30:00Z') - api.clock.now().getTime(); // 23:30 WIB, 5 March
    api.clock.advance(toEve);
    assert.equal((await progress()).daysLeft, 1, '16:30 UTC is still 5 March in Jakarta');
    api.clock.advance(40 * 60_000); // 00:10 WIB, 6 March (17:10 UTC, still 5 March in UTC)
    assert.equal((await progress()).daysLeft, 0);
    api.clock.advance(-toEve - 40 * 60_000);
    await send(ADMIN, '/api/v1/innovation-settings', { reviewerOpd: 'bappeda', deadline: '2025-06-30', year: 2025 }, 'PUT');
  });

  it('answers 404 for an OPD without the module and for an unknown innovation, 400 for a bad year', async () => {
    await assertProblem(await send('admin@lahat.demo', '/api/v1/opds/sekretariat-dprd/innovations', draftBody()), 404, 'module-disabled');
    await assertProblem(await api.publicRequest('/api/v1/innovations/999999'), 404, 'not-found');
    await assertProblem(await api.publicRequest('/api/v1/innovations/abc'), 404, 'not-found');
    await assertProblem(await api.publicRequest('/api/v1/innovations/progress?year=20x5'), 400, 'validation', 'year');
  });
});
