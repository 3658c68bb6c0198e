/**
 * Perjaka's staff imports, over real HTTP on both stores: a dry run lists every problem of a
 * file with its row (CSV) or feature (GeoJSON) and field and stores nothing; an import stores
 * every row or, when any row has a problem, none; the network's own GeoJSON imports back
 * unchanged; surveys must cover their segment; only the OPD's staff may import.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/src/db/schema.js';
import { roadCondition, roadImportReport, roadSegmentDetail, type RoadImportReport } from '../../../src/schemas/roads.js';
import { DEMO_ROADS_OPD } from '../../../server/src/modules/roads/seed.js';
import { roadsDb } from '../../../server/src/modules/roads/tables.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

const PUPR = 'pupr@lahat.demo';
registerPersonalData({ module: 'perjaka', values: [PUPR, 'Petugas PUPR (demo)'] });

const BASE = `/api/v1/opds/${DEMO_ROADS_OPD}`;

/** A line of `[lon, lat]` positions in Lahat, starting at `lon`, in degrees to six decimals (as stored). */
function line(lon: number, lat = -3.8): Array<[number, number]> {
  const d6 = (n: number) => Math.round(n * 1e6) / 1e6;
  return [
    [lon, lat],
    [d6(lon + 0.01), d6(lat - 0.005)],
    [d6(lon + 0.02), d6(lat - 0.004)],
  ];
}

/** A segment feature for a GeoJSON import. */
function feature(number: string, lon: number, properties: Record<string, unknown> = {}) {
  return {
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: line(lon) },
    properties: { nomor_ruas: number, nama_ruas: `Jl. Uji ${number}`, kecamatan: ['Lahat'], panjang_km: 2.4, permukaan: 'aspal', ...properties },
  };
}

describeApi('Perjaka imports', { publicResponses: 4 }, (api) => {
  const post = (path: string, body: unknown, who = PUPR) =>
    api.as(who, `${BASE}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const dryRun = (body: unknown) => post('/road-imports/dry-run', body);
  const runImport = (body: unknown) => post('/road-imports', body);
  const segmentCount = async () =>
    Number(
      (
        await roadsDb(api.server.db as unknown as Kysely<Database>)
          .selectFrom('road_segments')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('opd_slug', '=', DEMO_ROADS_OPD)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const report = async (response: Response): Promise<RoadImportReport> => {
    assert.equal(response.status, 200, await response.clone().text());
    return assertShape(roadImportReport, await response.json(), 'import report');
  };

  it('lists every problem of a CSV file by row and column, naming the segment, and stores nothing', async () => {
    const csv = [
      'nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan,lebar_m,tahun,baik_km,sedang_km,rusak_ringan_km,rusak_berat_km',
      '901,Jl. Uji Satu,Lahat,2.5,aspal,4.5,2022,1.5,0.5,0.5,0',
      '902,,Lahat,3,aspal,,,,,,',
      '903,Jl. Uji Tiga,Jarai,3.1x,aspal,,,,,,',
      '904,Jl. Uji Empat,Jarai,3,batu,,,,,,',
      '905,Jl. Uji Lima,Jarai,3,aspal,,2022,1,1,0.5,0.25',
      '901,Jl. Uji Dua Kali,Lahat,1,aspal,,,,,,',
      '906,Jl. Uji Enam,Lahat,2,aspal,,2022,1,1,,',
    ].join('\r\n');
    const before = await segmentCount();
    const problem = await assertProblem(await dryRun({ kind: 'segments', format: 'csv', content: csv }), 422, 'validation');
    const byPath = new Map((problem.errors ?? []).map((e) => [e.path, e]));
    assert.deepEqual([...byPath.keys()].sort(), [
      'rows.3.nama_ruas',
      'rows.4.panjang_km',
      'rows.5.permukaan',
      'rows.6.panjang_km',
      'rows.7.nomor_ruas',
      'rows.8.rusak_berat_km',
      'rows.8.rusak_ringan_km',
    ]);
    assert.equal(byPath.get('rows.3.nama_ruas')?.code, 'required');
    assert.match(byPath.get('rows.3.nama_ruas')!.message, /Row 3 \(segment 902\) has no name/);
    assert.equal(byPath.get('rows.5.permukaan')?.code, 'notAllowed');
    assert.match(byPath.get('rows.5.permukaan')!.message, /"batu" is not one of aspal, beton, kerikil, tanah/);
    assert.match(
      byPath.get('rows.6.panjang_km')!.message,
      /Segment 905 \(Jl\. Uji Lima\) is 3\.000 km long, but its 2022 survey in row 6 sums to 2\.750 km .*0\.250 km missing/,
    );
    assert.match(byPath.get('rows.7.nomor_ruas')!.message, /segment 901\) is in the file twice: also Row 2/);
    assert.match(problem.detail ?? '', /7 problems; nothing was imported/);
    assert.equal(await segmentCount(), before);

    // The import itself refuses the same file the same way, and stores the good row neither.
    const refused = await assertProblem(await runImport({ kind: 'segments', format: 'csv', content: csv }), 422, 'validation');
    assert.deepEqual(refused.errors, problem.errors);
    assert.equal(await segmentCount(), before);
    await assertProblem(await api.publicRequest(`${BASE}/road-segments/901`), 404, 'not-found');
  });

  it('reads a semicolon CSV with decimal commas in a dry run and says what it would add and change, storing nothing', async () => {
    const existing = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/001`)).json(), 'segment');
    const csv = [
      '\uFEFFNomor Ruas;Nama Ruas;Kecamatan;Panjang KM;Permukaan;Lebar M;Tahun;Baik KM;Sedang KM;Rusak Ringan KM;Rusak Berat KM;Kode GIS',
      `950;"Jl. Uji; Koma";"lahat; merapi barat";3,25;beton;5,5;2023;2,5;0,5;0,25;0;X1`,
      `001;${existing.name};"${existing.kecamatan.join(';')}";${String(existing.lengthKm).replace('.', ',')};${existing.surface};7;;;;;;X2`,
    ].join('\n');
    const before = await segmentCount();
    const dry = await report(await dryRun({ kind: 'segments', format: 'csv', content: csv }));
    assert.deepEqual(dry, {
      kind: 'segments',
      format: 'csv',
      dryRun: true,
      records: 2,
      segments: { added: 1, changed: 1, unchanged: 0 },
      surveys: { added: 1, changed: 0, unchanged: 0 },
      ignored: ['Kode GIS'],
    });
    assert.equal(await segmentCount(), before);
    await assertProblem(await api.publicRequest(`${BASE}/road-segments/950`), 404, 'not-found');
  });

  it('imports a GeoJSON file all or nothing: one swapped position keeps every feature out, the fixed file brings all in', async () => {
    const good = [feature('960', 103.5), feature('961', 103.55), feature('962', 103.6, { tahun: 2022, baik_km: 2, sedang_km: 0.4, rusak_ringan_km: 0, rusak_berat_km: 0 })];
    const swapped = structuredClone(good);
    swapped[1]!.geometry.coordinates = swapped[1]!.geometry.coordinates.map(([lon, lat]) => [lat, lon] as [number, number]);
    const before = await segmentCount();
    const problem = await assertProblem(await runImport({ kind: 'segments', format: 'geojson', content: JSON.stringify({ type: 'FeatureCollection', features: swapped }) }), 422, 'validation');
    assert.deepEqual(problem.errors?.map((e) => e.path), ['features.1.geometry.coordinates.0', 'features.1.geometry.coordinates.1', 'features.1.geometry.coordinates.2']);
    assert.match(problem.errors![0]!.message, /Feature 1 \(segment 961\): \[-3\.8, 103\.55\] lies outside the regency; \[103\.55, -3\.8\] would be inside: GeoJSON writes longitude first/);
    assert.equal(await segmentCount(), before, 'the two good features were not stored either');

    const done = await report(await runImport({ kind: 'segments', format: 'geojson', content: JSON.stringify({ type: 'FeatureCollection', features: good }) }));
    assert.deepEqual([done.dryRun, done.records, done.segments, done.surveys], [false, 3, { added: 3, changed: 0, unchanged: 0 }, { added: 1, changed: 0, unchanged: 0 }]);
    assert.equal(await segmentCount(), before + 3);
    const stored = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/962`)).json(), 'segment');
    assert.deepEqual([stored.name, stored.lengthKm, stored.kecamatan, stored.condition?.kemantapan], ['Jl. Uji 962', 2.4, ['Lahat'], 100]);
    assert.deepEqual(stored.geometry, { type: 'LineString', coordinates: line(103.6) });

    const entry = await api.server.db
      .selectFrom('audit_log')
      .select(['actor_email', 'detail'])
      .where('action', '=', 'roads.import')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_email, PUPR, 'the import is in the audit log with the person');
  });

  it('takes the network’s own GeoJSON back without a change', async () => {
    const network = await (await api.publicRequest(`${BASE}/road-segments?format=geojson`)).text();
    const count = await segmentCount();
    const done = await report(await runImport({ kind: 'segments', format: 'geojson', content: network }));
    assert.deepEqual(done.segments, { added: 0, changed: 0, unchanged: count });
    assert.deepEqual(done.ignored, ['condition'], 'every other property of its features is read back');
  });

  it('imports surveys only when each covers its segment, naming the one that does not', async () => {
    const first = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/001`)).json(), 'segment');
    const second = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/002`)).json(), 'segment');
    const km = (n: number) => n.toFixed(3);
    const rows = (secondBaik: number) =>
      [
        'number,year,baik_km,sedang_km,rusak_ringan_km,rusak_berat_km,note',
        `001,2023,${km(first.lengthKm)},0,0,0,Setelah rehabilitasi`,
        `002,2023,${km(secondBaik)},0,0,0,`,
        '777,2023,1,0,0,0,',
      ].join('\n');
    const problem = await assertProblem(await runImport({ kind: 'surveys', format: 'csv', content: rows(second.lengthKm - 0.01) }), 422, 'validation');
    assert.deepEqual(problem.errors?.map((e) => e.path), ['rows.3', 'rows.4.number']);
    assert.match(problem.errors![0]!.message, new RegExp(`Segment 002 \\(${second.name.replace(/[.]/g, '\\.')}\\) is ${km(second.lengthKm)} km long, but its 2023 survey in row 3 sums to ${km(second.lengthKm - 0.01)} km`));
    assert.match(problem.errors![1]!.message, /no segment 777; import it as a segment first/);
    await assertProblem(await api.publicRequest(`${BASE}/road-condition?year=2023`), 404, 'not-found');

    const done = await report(await runImport({ kind: 'surveys', format: 'csv', content: rows(second.lengthKm).split('\n').slice(0, 3).join('\n') }));
    assert.deepEqual(done.surveys, { added: 2, changed: 0, unchanged: 0 });
    const summary = assertShape(roadCondition, await (await api.publicRequest(`${BASE}/road-condition?year=2023`)).json(), 'condition');
    assert.deepEqual([summary.surveyedSegments, summary.kemantapan, summary.target?.met], [2, 100, true]);
    const again = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/001`)).json(), 'segment');
    assert.equal(again.surveys.at(-1)?.note, 'Setelah rehabilitasi');
  });

  it('answers a file it cannot read with a 4xx saying where, never a 5xx', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ kind: 'segments', format: 'geojson', content: '{"type": "FeatureCollection", "features": [' }, 422, 'content'],
      [{ kind: 'segments', format: 'geojson', content: '{"type": "Feature"}' }, 422, 'content'],
      [{ kind: 'segments', format: 'geojson', content: '{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": null}]}' }, 422, 'features.0.properties'],
      [{ kind: 'segments', format: 'csv', content: 'number,name,kecamatan,surface\n1,a,Lahat,aspal' }, 422, 'columns.length_km'],
      [{ kind: 'segments', format: 'csv', content: 'number,name,kecamatan,length_km,surface\n1,"a,Lahat,2,aspal' }, 422, 'rows.2'],
      [{ kind: 'segments', format: 'csv', content: 'number,name,kecamatan,length_km,surface\n1,a,Lahat,2,aspal,,extra' }, 422, 'rows.2'],
      [{ kind: 'roads', format: 'csv', content: 'x' }, 422, 'kind'],
      [{ kind: 'segments', format: 'xlsx', content: 'x' }, 422, 'format'],
      [{ kind: 'segments', format: 'csv', content: '' }, 422, 'content'],
    ];
    for (const [body, status, path] of cases) {
      const response = await dryRun(body);
      await assertProblem(response, status, 'validation', path);
    }
  });

  it('lets only the OPD’s staff and the regency admin import', async () => {
    const body = { kind: 'segments', format: 'csv', content: 'number,name,kecamatan,length_km,surface\n990,Jl. Uji,Lahat,1,aspal' };
    const anonymous = await api.publicRequest(`${BASE}/road-imports/dry-run`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    await assertProblem(anonymous, 401, 'unauthorized');
    await assertProblem(await post('/road-imports/dry-run', body, 'bpkad@lahat.demo'), 403, 'forbidden');
    assert.equal((await post('/road-imports/dry-run', body, 'admin@lahat.demo')).status, 200);
    assert.equal((await dryRun(body)).status, 200);
  });
});
