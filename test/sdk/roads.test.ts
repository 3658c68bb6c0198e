/**
 * `opd-kit/roads` (Perjaka's `roads` and `citizenRoads` namespaces) against a real server in
 * this process, seeded with the Lahat demo network (Dinas PUPR, 214 synthetic segments,
 * 1,339.15 km, kemantapan 78.35 % in 2022 against 83 % for 2023).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiError, buildClient, ValidationError } from '../../src/index.js';
import { citizenRoads, roads, type RoadSegment } from '../../src/roads.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

let server: TestServer;

before(async () => {
  server = await startTestServer();
});

after(async () => {
  await server?.close();
});

/** A citizen's client: the public half only, as the road widgets build it. */
const citizen = () => buildClient({ baseUrl: server.url, opd: 'dinas-pupr' }, { roads: citizenRoads });

/** A fetch that records every URL it is asked for. */
function countingFetch() {
  const urls: string[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    urls.push(request.url);
    return fetch(request);
  };
  return { fetch: wrapped, urls };
}

describe('a citizen reading the road board through the SDK', () => {
  it('pages through all 214 segments with for await, in decree-number order, summing to 1,339.15 km', async () => {
    const { fetch: counted, urls } = countingFetch();
    const client = buildClient({ baseUrl: server.url, opd: 'dinas-pupr', fetch: counted }, { roads: citizenRoads });
    const seen: RoadSegment[] = [];
    for await (const segment of client.roads.segments.list()) seen.push(segment);
    assert.equal(seen.length, 214);
    assert.ok(urls.length >= 3, `214 segments take more than one page (${urls.length} requests)`);
    assert.deepEqual(
      seen.map((s) => s.number),
      Array.from({ length: 214 }, (_, i) => String(i + 1).padStart(3, '0')),
    );
    assert.equal(new Set(seen.map((s) => s.number)).size, 214, 'no segment twice across pages');
    const metres = seen.reduce((sum, s) => sum + Math.round(s.lengthKm * 1000), 0);
    assert.equal(metres, 1_339_150);
    assert.ok(seen.every((s) => s.condition?.year === 2022), 'each carries its latest survey, 2022');
  });

  it('lists the segments of one kecamatan only, and a year’s condition when asked', async () => {
    const client = citizen();
    const lahat = await client.roads.segments.list({ kecamatan: 'Lahat' }).toArray();
    assert.ok(lahat.length > 0 && lahat.length < 214, `${lahat.length} segments through Lahat`);
    assert.ok(lahat.every((s) => s.kecamatan.includes('Lahat')));
    const of2021 = await client.roads.segments.list({ year: 2021 }).firstPage();
    assert.ok(of2021.data.every((s) => s.condition?.year === 2021));
    assert.ok(of2021.nextCursor, 'the first page says there is more');
  });

  it('gets the whole network as one GeoJSON FeatureCollection, positions longitude first inside Lahat', async () => {
    const network = await citizen().roads.segments.geojson();
    assert.equal(network.type, 'FeatureCollection');
    assert.equal(network.features.length, 214);
    const first = network.features[0];
    assert.ok(first);
    assert.equal(first.type, 'Feature');
    assert.equal(first.id, '001');
    assert.equal(first.properties.number, '001');
    for (const feature of network.features) {
      const geometry = feature.geometry;
      if (!geometry) continue;
      const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
      for (const [lon, lat] of lines.flat()) {
        assert.ok(lon >= 102.9 && lon <= 103.9 && lat >= -4.4 && lat <= -3.4, `${feature.id}: [${lon}, ${lat}] inside Lahat`);
      }
    }
  });

  it('gets one segment by its decree number, with its surveys and works', async () => {
    const client = citizen();
    const listed = (await client.roads.segments.list().firstPage()).data[11];
    assert.ok(listed);
    const segment = await client.roads.segments.get(listed.number);
    assert.equal(segment.number, '012');
    assert.equal(segment.name, listed.name);
    assert.equal(segment.lengthKm, listed.lengthKm);
    assert.deepEqual(segment.surveys.map((s) => s.year), [2021, 2022]);
    for (const survey of segment.surveys) {
      const metres = Math.round((survey.km.baik + survey.km.sedang + survey.km.rusakRingan + survey.km.rusakBerat) * 1000);
      assert.equal(metres, Math.round(survey.lengthKm * 1000), `the ${survey.year} survey covers the segment`);
    }
    assert.ok(segment.geometry, 'a demo segment is mapped');
    assert.ok(Array.isArray(segment.works));
  });

  it('reads the 2022 condition: 78.35 % against the 2023 target of 83 %, 62.271 km still to go', async () => {
    const condition = await citizen().roads.condition({ year: 2022 });
    assert.equal(condition.opd, 'dinas-pupr');
    assert.equal(condition.year, 2022);
    assert.equal(condition.kemantapan, 78.35);
    assert.equal(condition.surveyedKm, 1339.15);
    assert.equal(condition.network.synthetic, true);
    assert.deepEqual(condition.target, { year: 2023, percent: 83, steadyKmNeeded: 1111.495, kmToTarget: 62.271, met: false });
    assert.equal(Math.round((condition.km.baik + condition.km.sedang) * 1000), Math.round(condition.steadyKm * 1000));
    assert.equal(condition.byKecamatan.length, 24);
    const trend = condition.trend.map((p) => [p.year, p.kemantapan, p.targetPercent]);
    assert.deepEqual(trend, [
      [2021, 75.92, null],
      [2022, 78.35, null],
      [2023, null, 83],
    ]);
  });

  it('reads the latest year when no year is given', async () => {
    const condition = await citizen().roads.condition();
    assert.equal(condition.year, 2022);
    const of2021 = await citizen().roads.condition({ year: 2021 });
    assert.equal(of2021.kemantapan, 75.92);
  });

  it('filters the works by year, status and segment, and pages through them', async () => {
    const client = citizen();
    const all = await client.roads.works.list().toArray();
    assert.equal(all.length, 24);
    const years = all.map((w) => w.year);
    assert.deepEqual(years, [...years].sort((a, b) => b - a), 'newest year first');
    const planned2023 = await client.roads.works.list({ year: 2023, status: 'planned' }).toArray();
    assert.ok(planned2023.length > 0);
    assert.ok(planned2023.every((w) => w.year === 2023 && w.status === 'planned'));
    const some = all[0];
    assert.ok(some);
    const onOne = await client.roads.works.list({ segment: some.segment }).toArray();
    assert.ok(onOne.length > 0 && onOne.every((w) => w.segment === some.segment));
  });

  it('has no staff calls on the citizen half', () => {
    const client = citizen() as unknown as { roads: Record<string, unknown> };
    assert.equal(client.roads.surveys, undefined);
    assert.equal(client.roads.imports, undefined);
    assert.equal(client.roads.targets, undefined);
  });
});

describe('errors a caller of the road board can branch on', () => {
  it('answers an ApiError 404 for a segment number the decree does not have', async () => {
    await assert.rejects(citizen().roads.segments.get('999'), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'not-found');
      assert.ok(error.requestId);
      return true;
    });
  });

  it('answers an ApiError 404 listing the surveyed years for a year without a survey', async () => {
    await assert.rejects(citizen().roads.condition({ year: 2019 }), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.match(error.detail ?? '', /2021, 2022/);
      return true;
    });
  });

  it('rejects a year out of range as a ValidationError naming year, before sending anything', async () => {
    const { fetch: counted, urls } = countingFetch();
    const client = buildClient({ baseUrl: server.url, opd: 'dinas-pupr', fetch: counted }, { roads: citizenRoads });
    await assert.rejects(client.roads.condition({ year: 1800 }), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['year']);
      return true;
    });
    await assert.rejects(client.roads.segments.list({ year: 20.5 }).toArray(), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['year']);
      return true;
    });
    assert.deepEqual(urls, []);
  });

  it('rejects a segment number the decree could not write as a ValidationError naming number', async () => {
    await assert.rejects(citizen().roads.segments.get('12 / 3'), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['number']);
      return true;
    });
  });

  it('answers module-disabled for an OPD without Perjaka', async () => {
    await assert.rejects(citizen().roads.condition(undefined, { opd: 'bpkad' }), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'module-disabled');
      return true;
    });
  });
});

describe('Dinas PUPR staff working through the SDK', () => {
  const staff = async () =>
    buildClient({ baseUrl: server.url, opd: 'dinas-pupr', token: await server.tokenFor('pupr@lahat.demo') }, { roads });

  it('records a survey that covers the segment, and the summary counts it', async () => {
    const client = await staff();
    const segment = await client.roads.segments.get('007');
    const metres = Math.round(segment.lengthKm * 1000);
    const baik = Math.floor(metres / 2);
    const survey = await client.roads.surveys.put('007', 2023, {
      baik: baik / 1000,
      sedang: (metres - baik) / 1000,
      rusakRingan: 0,
      rusakBerat: 0,
      note: 'Survei uji SDK',
    });
    assert.equal(survey.year, 2023);
    assert.equal(survey.kemantapan, 100);
    assert.equal(survey.lengthKm, segment.lengthKm);
    const after2023 = await client.roads.segments.get('007');
    assert.deepEqual(after2023.surveys.map((s) => s.year), [2021, 2022, 2023]);
    const condition = await client.roads.condition({ year: 2023 });
    assert.equal(condition.surveyedSegments, 1);
    assert.equal(condition.kemantapan, 100);
  });

  it('is told which segment a survey that does not add up is about', async () => {
    const client = await staff();
    await assert.rejects(client.roads.surveys.put('008', 2023, { baik: 0.001, sedang: 0, rusakRingan: 0, rusakBerat: 0 }), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 422);
      assert.ok(error.fieldErrors.length > 0);
      assert.match(error.fieldErrors.map((e) => e.message).join(' '), /008/);
      return true;
    });
  });

  it('rejects a negative km before sending, naming the class', async () => {
    const client = await staff();
    await assert.rejects(client.roads.surveys.put('008', 2023, { baik: -1, sedang: 0, rusakRingan: 0, rusakBerat: 0 }), (error) => {
      assert.ok(error instanceof ValidationError);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['baik']);
      return true;
    });
  });

  it('dry-runs a CSV import: says what it would change and stores nothing', async () => {
    const client = await staff();
    const before = await client.roads.segments.get('010');
    const csv = ['nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan,warna', `010,Jl. Diganti Uji,${before.kecamatan.join(';')},${before.lengthKm},aspal,merah`, '950,Jl. Baru Uji,Lahat,2.5,beton,biru'].join('\n');
    const report = await client.roads.imports.dryRun({ kind: 'segments', format: 'csv', content: csv });
    assert.equal(report.dryRun, true);
    assert.equal(report.records, 2);
    assert.deepEqual(report.segments, { added: 1, changed: 1, unchanged: 0 });
    assert.deepEqual(report.ignored, ['warna']);
    const after = await client.roads.segments.get('010');
    assert.equal(after.name, before.name, 'nothing was stored');
    await assert.rejects(client.roads.segments.get('950'), (error) => error instanceof ApiError && error.status === 404);
  });

  it('gets every problem of a bad import file as field errors by row and column', async () => {
    const client = await staff();
    const csv = ['nomor_ruas,nama_ruas,kecamatan,panjang_km,permukaan', '951,Jl. Uji,Lahat,2.5,batu'].join('\n');
    await assert.rejects(client.roads.imports.dryRun({ kind: 'segments', format: 'csv', content: csv }), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 422);
      assert.deepEqual(error.fieldErrors.map((e) => e.path), ['rows.2.permukaan']);
      return true;
    });
  });

  it('cannot record a survey without signing in', async () => {
    const anonymous = buildClient({ baseUrl: server.url, opd: 'dinas-pupr' }, { roads });
    await assert.rejects(anonymous.roads.surveys.put('007', 2023, { baik: 1, sedang: 0, rusakRingan: 0, rusakBerat: 0 }), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 401);
      return true;
    });
  });
});
