/**
 * Staff change one road segment's own facts (`PATCH …/road-segments/{number}`), over real HTTP
 * on both stores, on an OPD of the test's own (Perjaka on, two segments imported first) so the
 * demo network stays as the other tests know it: a new name, kecamatan, surface, width and
 * geometry show in the public segment, the GeoJSON and the condition summary's kecamatan rows;
 * bad values answer 422 naming the field, as does a length (an import changes it) and an empty
 * patch; another OPD's staff get 403; every change is audited.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { roadCondition, roadFeatureCollection, roadSegmentDetail } from '../../../src/schemas/roads.js';
import { assertProblem, assertShape, describeApi, type ApiSuite } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

const OPD = 'dinas-pupr-ubah-ruas';
const BASE = `/api/v1/opds/${OPD}`;
const PUPR = 'pupr@lahat.demo';
registerPersonalData({ module: 'perjaka-segment-edit', values: [PUPR, 'Petugas PUPR (demo)', 'Admin Diskominfo (demo)'] });

const CSV = [
  'nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan,lebar_m,tahun,baik_km,sedang_km,rusak_ringan_km,rusak_berat_km',
  '001,Jl. Lintas Uji,Lahat,2.5,aspal,4.5,2024,1.5,0.5,0.5,0',
  '002,Jl. Simpang Uji,Lahat;Jarai,1.2,kerikil,,2024,0,0.2,0.5,0.5',
].join('\r\n');

const json = (method: string, body: unknown) => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

describeApi('Perjaka segment edits', { publicResponses: 4 }, (api: ApiSuite) => {
  const patch = (number: string, body: unknown, who?: string) =>
    who ? api.as(who, `${BASE}/road-segments/${number}`, json('PATCH', body)) : api.staff(`${BASE}/road-segments/${number}`, json('PATCH', body));
  const segment = async (number: string) => assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/${number}`)).json(), 'segment');

  before(async () => {
    const created = await api.staffPost('/api/v1/opds', { slug: OPD, name: 'Dinas PUPR Uji Ubah Ruas', modules: ['perjaka'] });
    assert.equal(created.status, 201, await created.clone().text());
    const imported = await api.staffPost(`${BASE}/road-imports`, { kind: 'segments', format: 'csv', content: CSV });
    assert.equal(imported.status, 200, await imported.clone().text());
  });

  it('renames a segment, moves it to other kecamatan and changes its surface and width, and the public sees it everywhere', async () => {
    const response = await patch('002', { name: '  Jl. Simpang Tiga Uji ', kecamatan: ['lahat', 'Merapi Barat', ''], surface: 'aspal', widthM: 3.75 });
    assert.equal(response.status, 200, await response.clone().text());
    const answered = assertShape(roadSegmentDetail, await response.json(), 'segment');
    assert.equal(answered.name, 'Jl. Simpang Tiga Uji');
    assert.deepEqual(answered.kecamatan, ['Lahat', 'Merapi Barat'], 'spelled as the network spells it, the empty one dropped');
    const read = await segment('002');
    assert.equal(read.name, 'Jl. Simpang Tiga Uji');
    assert.equal(read.surface, 'aspal');
    assert.equal(read.widthM, 3.75);
    assert.equal(read.lengthKm, 1.2, 'the length stays');
    assert.equal(read.surveys.length, 1, 'the survey stays');
    const condition = assertShape(roadCondition, await (await api.publicRequest(`${BASE}/road-condition`)).json(), 'summary');
    assert.deepEqual(
      condition.byKecamatan.map((row) => [row.kecamatan, row.segments, row.lengthKm]).sort(),
      [['Lahat', 2, 3.7], ['Merapi Barat', 1, 1.2]],
      'Jarai is gone from the kecamatan rows, Merapi Barat is there',
    );
    const list = await (await api.publicRequest(`${BASE}/road-segments?q=tiga`)).json();
    assert.deepEqual(list.data.map((s: { number: string }) => s.number), ['002'], 'found by its new name');
  });

  it('changes the geometry, checked as the import checks it, and the GeoJSON shows it', async () => {
    const coordinates: Array<[number, number]> = [[103.5, -3.8], [103.51, -3.805], [103.52, -3.81]];
    const response = await patch('001', { geometry: { type: 'LineString', coordinates } });
    assert.equal(response.status, 200, await response.clone().text());
    const collection = assertShape(roadFeatureCollection, await (await api.publicRequest(`${BASE}/road-segments?format=geojson`)).json(), 'geojson');
    assert.deepEqual(collection.features.find((f) => f.id === '001')?.geometry, { type: 'LineString', coordinates });
    const outside = await assertProblem(await patch('001', { geometry: { type: 'LineString', coordinates: [[10, 50], [10.1, 50.1]] } }), 422, 'validation');
    assert.ok(outside.errors?.every((e) => e.path.startsWith('geometry')), JSON.stringify(outside.errors));
    assert.match(outside.errors?.[0]?.message ?? '', /Indonesia|regency/);
    assert.deepEqual((await segment('001')).geometry, { type: 'LineString', coordinates }, 'kept as it was');
  });

  it('refuses bad values naming the field, and keeps the segment as it was', async () => {
    const cases: Array<[unknown, string]> = [
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(201) }, 'name'],
      [{ kecamatan: [] }, 'kecamatan'],
      [{ kecamatan: ['  '] }, 'kecamatan'],
      [{ kecamatan: ['K'.repeat(81)] }, 'kecamatan.0'],
      [{ kecamatan: 'Lahat' }, 'kecamatan'],
      [{ surface: 'batu' }, 'surface'],
      [{ widthM: 0 }, 'widthM'],
      [{ widthM: 51 }, 'widthM'],
      [{ widthM: 4.555 }, 'widthM'],
      [{ geometry: { type: 'Point', coordinates: [103.5, -3.8] } }, 'geometry'],
    ];
    for (const [body, field] of cases) {
      const problem = await assertProblem(await patch('001', body), 422, 'validation');
      assert.ok(problem.errors?.some((e) => e.path === field || e.path.startsWith(`${field}.`)), `${JSON.stringify(body)} names ${field}: ${JSON.stringify(problem.errors)}`);
    }
    const read = await segment('001');
    assert.equal(read.name, 'Jl. Lintas Uji');
    assert.equal(read.widthM, 4.5);
  });

  it('refuses a length, naming lengthKm and saying an import changes it, and an empty patch', async () => {
    const length = await assertProblem(await patch('001', { lengthKm: 3, name: 'Jl. Lintas Baru' }), 422, 'validation');
    const error = length.errors?.find((e) => e.path === 'lengthKm');
    assert.ok(error, JSON.stringify(length.errors));
    assert.match(error.message, /import/);
    assert.equal((await segment('001')).name, 'Jl. Lintas Uji', 'nothing changed');
    const empty = await assertProblem(await patch('001', {}), 422, 'validation');
    assert.match(empty.errors?.[0]?.message ?? '', /at least one/);
  });

  it('answers 404 for a number the network does not have, and 403 to another OPD’s staff', async () => {
    await assertProblem(await patch('999', { name: 'Jl. Tak Ada' }), 404, 'not-found');
    await assertProblem(await patch('001', { name: 'Jl. Dari PUPR Lain' }, PUPR), 403, 'forbidden');
    const anonymous = await fetch(`${api.server.url}${BASE}/road-segments/001`, json('PATCH', { name: 'Jl. Anonim' }));
    assert.equal(anonymous.status, 401);
    assert.equal((await segment('001')).name, 'Jl. Lintas Uji');
  });

  it('audits each change with the fields it changed', async () => {
    const entries = await api.server.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'subject', 'opd_slug', 'detail'])
      .where('action', '=', 'roads.segment')
      .where('opd_slug', '=', OPD)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      entries.map((e) => [e.subject, (e.detail as { fields: string[] }).fields]),
      [
        ['road-segment:002', ['name', 'kecamatan', 'surface', 'widthM']],
        ['road-segment:001', ['geometry']],
      ],
    );
    assert.ok(entries.every((e) => e.actor), 'with who did it');
  });
});
