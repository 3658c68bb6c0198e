/**
 * Perjaka (roads), over real HTTP on both stores, as a citizen and PUPR's staff see it: the
 * demo network and its figures (1,339.15 km, kemantapan 78.35 % in 2022, 83 % aimed for in
 * 2023), the network as GeoJSON (valid by a validator, and inside the regency: validators do
 * not catch swapped latitude and longitude), a segment by its decree number, surveys that must
 * cover their segment, who may write, and that public reads name no staff member.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { check, getIssues } from '@placemarkio/check-geojson';
import type { Kysely } from 'kysely';
import type { Database } from '../../../server/src/db/schema.js';
import {
  roadCondition,
  roadFeatureCollection,
  roadSegmentDetail,
  roadSegmentList,
  roadSurvey,
  roadWorkList,
  type RoadFeatureCollection,
} from '../../../src/schemas/roads.js';
import { DEMO_ROADS_OPD, LAHAT_BOUNDS, LAHAT_KECAMATAN, seedRoads } from '../../../server/src/modules/roads/seed.js';
import { roadsDb } from '../../../server/src/modules/roads/tables.js';
import { assertProblem, assertShape, describeApi } from '../../helpers/api.js';
import { registerPersonalData } from '../../helpers/personal-data.js';

/** Who changes road data in these tests: no public read may name them. */
const STAFF = { pupr: 'pupr@lahat.demo', puprName: 'Petugas PUPR (demo)', admin: 'admin@lahat.demo', adminName: 'Admin Diskominfo (demo)' };

registerPersonalData({ module: 'perjaka', values: [STAFF.pupr, STAFF.puprName, STAFF.admin, STAFF.adminName] });

const BASE = `/api/v1/opds/${DEMO_ROADS_OPD}`;

/**
 * Every position of a collection that lies outside `[west, south, east, north]`, as
 * `feature id: [lon, lat]`: our own check, since a swapped `[lat, lon]` is still valid GeoJSON.
 */
function positionsOutside(collection: RoadFeatureCollection, [west, south, east, north]: readonly number[]): string[] {
  const outside: string[] = [];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const lines = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
    for (const [lon, lat] of lines.flat()) {
      if (!(lon >= west! && lon <= east! && lat >= south! && lat <= north!)) outside.push(`${feature.id}: [${lon}, ${lat}]`);
    }
  }
  return outside;
}

/** Metres of a km figure, to compare sums without float noise. */
const m = (km: number) => Math.round(km * 1000);

describeApi('Perjaka', { publicResponses: 12 }, (api) => {
  const json = (body: unknown, method = 'PUT'): RequestInit => ({ method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('shows the demo network of Lahat: 214 segments by decree number, 1,339.15 km, marked as synthetic', async () => {
    const response = await api.publicRequest(`${BASE}/road-condition`);
    assert.equal(response.status, 200);
    const summary = assertShape(roadCondition, await response.json(), 'condition');
    assert.equal(summary.network.segments, 214);
    assert.equal(summary.network.lengthKm, 1339.15);
    assert.equal(summary.network.synthetic, true);
    assert.match(summary.network.note ?? '', /sintetis/);
    assert.match(summary.network.note ?? '', /1\.339,15 km/);
  });

  it('gives the 2022 kemantapan as 78.35 %, the classes covering the network, and 62.271 km still to go for 83 % in 2023', async () => {
    const summary = assertShape(roadCondition, await (await api.publicRequest(`${BASE}/road-condition?year=2022`)).json(), 'condition');
    assert.equal(summary.year, 2022);
    assert.equal(summary.kemantapan, 78.35);
    assert.equal(summary.surveyedSegments, 214);
    assert.equal(summary.surveyedKm, 1339.15);
    const { baik, sedang, rusakRingan, rusakBerat } = summary.km;
    assert.equal(m(baik) + m(sedang) + m(rusakRingan) + m(rusakBerat), 1_339_150, 'the four classes cover the network to the metre');
    assert.equal(m(summary.steadyKm), m(baik) + m(sedang));
    assert.equal(summary.steadyKm, 1049.224);
    // 83 % of 1,339.15 km is 1,111.4945 km: 1,111.495 km to the metre, 62.271 km more than 2022's steady km.
    assert.deepEqual(summary.target, { year: 2023, percent: 83, steadyKmNeeded: 1111.495, kmToTarget: 62.271, met: false });
    assert.deepEqual(
      summary.trend.map((point) => [point.year, point.kemantapan, point.targetPercent]),
      [
        [2021, 75.92, null],
        [2022, 78.35, null],
        [2023, null, 83],
      ],
    );
  });

  it('breaks the condition down by Lahat’s 24 kecamatan, each row adding up', async () => {
    const summary = assertShape(roadCondition, await (await api.publicRequest(`${BASE}/road-condition`)).json(), 'condition');
    assert.equal(summary.year, 2022, 'the latest survey by default');
    assert.deepEqual(
      summary.byKecamatan.map((row) => row.kecamatan).sort(),
      LAHAT_KECAMATAN.map((k) => k.name).sort(),
    );
    for (const row of summary.byKecamatan) {
      const sum = m(row.km.baik) + m(row.km.sedang) + m(row.km.rusakRingan) + m(row.km.rusakBerat);
      assert.equal(sum, m(row.lengthKm), `${row.kecamatan}: classes sum to its length`);
      assert.ok(row.kemantapan >= 0 && row.kemantapan <= 100, row.kecamatan);
    }
    // A segment through two kecamatan counts in both: the rows hold at least every segment once.
    assert.ok(summary.byKecamatan.reduce((n, row) => n + row.segments, 0) > 214);
  });

  it('says which years have a survey when asked for one without, and names a bad year', async () => {
    const problem = await assertProblem(await api.publicRequest(`${BASE}/road-condition?year=2023`), 404, 'not-found');
    assert.match(problem.detail ?? '', /no road condition survey for 2023; surveys exist for 2021, 2022/);
    await assertProblem(await api.publicRequest(`${BASE}/road-condition?year=dua`), 400, 'validation', 'year');
  });

  it('answers the network as valid GeoJSON with every position inside Lahat, longitude first', async () => {
    const response = await api.publicRequest(`${BASE}/road-segments?format=geojson`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^application\/geo\+json/);
    const text = await response.text();
    assert.deepEqual(getIssues(text), [], 'valid per RFC 7946 (check-geojson)');
    check(text);
    const collection = assertShape(roadFeatureCollection, JSON.parse(text), 'feature collection');
    assert.equal(collection.features.length, 214);
    for (const feature of collection.features) {
      assert.equal(feature.id, feature.properties.number);
      assert.ok(feature.geometry, `${feature.id} has a geometry`);
    }
    assert.deepEqual(positionsOutside(collection, LAHAT_BOUNDS), []);

    // The check that matters: the same data with one feature's [lat, lon] swapped is still
    // valid GeoJSON to the validator, but not inside the regency.
    const swapped = structuredClone(collection);
    const first = swapped.features[0]!;
    if (first.geometry?.type === 'LineString') first.geometry.coordinates = first.geometry.coordinates.map(([lon, lat]) => [lat, lon]);
    assert.deepEqual(getIssues(JSON.stringify(swapped)), [], 'the validator does not see it');
    assert.ok(positionsOutside(swapped, LAHAT_BOUNDS).length > 0, 'our check does');
  });

  it('colours each feature by its dominant class in the year asked, and filters by kecamatan', async () => {
    const collection = assertShape(
      roadFeatureCollection,
      await (await api.publicRequest(`${BASE}/road-segments?format=geojson&kecamatan=Kikim%20Timur&year=2021`)).json(),
      'feature collection',
    );
    assert.ok(collection.features.length > 0);
    for (const { properties } of collection.features) {
      assert.ok(properties.kecamatan.includes('Kikim Timur'), `${properties.number} passes through Kikim Timur`);
      assert.equal(properties.condition?.year, 2021);
      const km = properties.condition!.km;
      const most = Math.max(km.baik, km.sedang, km.rusakRingan, km.rusakBerat);
      assert.equal(km[properties.condition!.dominant], most, `${properties.number}'s colour is its largest class`);
    }
  });

  it('lists the segments in pages by decree number, each once', async () => {
    const numbers: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await api.publicRequest(`${BASE}/road-segments?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
      const page = assertShape(roadSegmentList, await response.json(), 'segment page');
      numbers.push(...page.data.map((segment) => segment.number));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    assert.equal(pages, 3);
    assert.equal(numbers.length, 214);
    assert.equal(new Set(numbers).size, 214);
    assert.deepEqual(numbers, [...numbers].sort());
    await assertProblem(await api.publicRequest(`${BASE}/road-segments?cursor=nonsense`), 400, 'validation', 'cursor');
  });


  it('finds segments by a piece of their number, name or kecamatan, ignoring case, in the list and the GeoJSON', async () => {
    const all = (await (await api.publicRequest(`${BASE}/road-segments?limit=100`)).json()) as { data: Array<{ number: string; name: string; kecamatan: string[] }> };
    const sample = all.data[7]!;
    const word = sample.name.split(/\s+/).find((part) => part.length >= 4) ?? sample.name;
    const byName = assertShape(roadSegmentList, await (await api.publicRequest(`${BASE}/road-segments?limit=100&q=${encodeURIComponent(word.toUpperCase())}`)).json(), 'search page');
    assert.ok(byName.data.some((segment) => segment.number === sample.number), `${word} finds ${sample.number}`);
    for (const segment of byName.data) {
      const text = `${segment.number} ${segment.name} ${segment.kecamatan.join(' ')}`.toLowerCase();
      assert.ok(text.includes(word.toLowerCase()), `${segment.number} holds ${word}`);
    }
    const byKecamatan = assertShape(roadSegmentList, await (await api.publicRequest(`${BASE}/road-segments?limit=100&q=kikim%20tim`)).json(), 'kecamatan search');
    assert.ok(byKecamatan.data.length > 0 && byKecamatan.data.every((segment) => segment.kecamatan.includes('Kikim Timur')));
    const map = (await (await api.publicRequest(`${BASE}/road-segments?format=geojson&q=${encodeURIComponent(sample.number)}`)).json()) as RoadFeatureCollection;
    assert.ok(map.features.some((feature) => feature.id === sample.number));
    // A `%` or `_` is a character to find, not a wildcard: nothing is named with one.
    const wildcard = (await (await api.publicRequest(`${BASE}/road-segments?q=%25`)).json()) as { data: unknown[] };
    assert.equal(wildcard.data.length, 0);
    await assertProblem(await api.publicRequest(`${BASE}/road-segments?q=${'x'.repeat(101)}`), 400, 'validation', 'q');
  });
  it('finds a segment by its decree number with its geometry, surveys and works, and says when none has that number', async () => {
    const works = assertShape(roadWorkList, await (await api.publicRequest(`${BASE}/road-works?status=done`)).json(), 'works');
    assert.ok(works.data.length > 0);
    const work = works.data[0]!;
    assert.equal(work.status, 'done');
    assert.ok(Number.isInteger(work.budgetRupiah), 'budgets are whole rupiah');

    const response = await api.publicRequest(`${BASE}/road-segments/${work.segment}`);
    assert.equal(response.status, 200);
    const segment = assertShape(roadSegmentDetail, await response.json(), 'segment');
    assert.equal(segment.number, work.segment);
    assert.ok(segment.geometry);
    assert.deepEqual(segment.surveys.map((s) => s.year), [2021, 2022]);
    for (const survey of segment.surveys) {
      assert.equal(m(survey.km.baik) + m(survey.km.sedang) + m(survey.km.rusakRingan) + m(survey.km.rusakBerat), m(segment.lengthKm));
    }
    assert.ok(segment.works.some((w) => w.id === work.id));

    const missing = await assertProblem(await api.publicRequest(`${BASE}/road-segments/999`), 404, 'not-found');
    assert.match(missing.detail ?? '', /no road segment numbered 999/);
    await assertProblem(await api.publicRequest(`${BASE}/road-segments/a%20b`), 404, 'not-found');
  });

  it('refuses a survey that does not cover its segment, naming the segment, and keeps the old one', async () => {
    const before = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/005`)).json(), 'segment');
    const length = before.lengthKm;
    const response = await api.as(STAFF.pupr, `${BASE}/road-segments/005/surveys/2022`, json({ baik: length - 1, sedang: 0.5, rusakRingan: 0.25, rusakBerat: 0 }));
    const problem = await assertProblem(response, 422, 'validation', 'baik');
    assert.match(problem.detail ?? '', new RegExp(`Segment 005 \\(${before.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\) is ${length.toFixed(3)} km long; the survey sums to ${(length - 0.25).toFixed(3)} km`));
    assert.match(problem.errors?.[0]?.message ?? '', /0\.250 km missing/);
    const after = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/005`)).json(), 'segment');
    assert.deepEqual(after.surveys, before.surveys);
  });

  it('records a survey that covers its segment exactly, and the segment and summary show it', async () => {
    const before = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/005`)).json(), 'segment');
    const old = before.surveys.find((s) => s.year === 2022)!;
    // Baik and Sedang swapped: the segment changes, the steady km (and so 78.35 %) does not.
    const body = { baik: old.km.sedang, sedang: old.km.baik, rusakRingan: old.km.rusakRingan, rusakBerat: old.km.rusakBerat, note: 'Survei ulang (uji)' };
    const response = await api.as(STAFF.pupr, `${BASE}/road-segments/005/surveys/2022`, json(body));
    assert.equal(response.status, 200);
    const stored = assertShape(roadSurvey, await response.json(), 'survey');
    assert.deepEqual(stored.km, { baik: body.baik, sedang: body.sedang, rusakRingan: body.rusakRingan, rusakBerat: body.rusakBerat });
    const after = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/005`)).json(), 'segment');
    assert.equal(after.surveys.find((s) => s.year === 2022)?.note, 'Survei ulang (uji)');
    const summary = assertShape(roadCondition, await (await api.publicRequest(`${BASE}/road-condition?year=2022`)).json(), 'condition');
    assert.equal(summary.kemantapan, 78.35);
  });

  it('lets only an OPD admin or the regency admin set a target, and the summary measures against it', async () => {
    const refused = await assertProblem(await api.as(STAFF.pupr, `${BASE}/road-targets/2023`, json({ percent: 85 })), 403, 'forbidden');
    assert.match(refused.detail ?? '', /may do this/);
    await assertProblem(await api.staff(`${BASE}/road-targets/2023`, json({ percent: 83.125 })), 422, 'validation', 'percent');
    const response = await api.staff(`${BASE}/road-targets/2023`, json({ percent: 80 }));
    assert.equal(response.status, 200);
    const summary = assertShape(roadCondition, await (await api.publicRequest(`${BASE}/road-condition`)).json(), 'condition');
    // 80 % of 1,339,150 m is 1,071,320 m: 22.096 km more than 2022's 1,049.224 km.
    assert.deepEqual(summary.target, { year: 2023, percent: 80, steadyKmNeeded: 1071.32, kmToTarget: 22.096, met: false });
    assert.equal(summary.trend.at(-1)?.targetPercent, 80);
    assert.equal((await api.staff(`${BASE}/road-targets/2023`, json({ percent: 83 }))).status, 200);
  });

  it('keeps staff writes to their own OPD, and asks for a sign-in', async () => {
    const body = { baik: 1, sedang: 0, rusakRingan: 0, rusakBerat: 0 };
    await assertProblem(await api.publicRequest(`${BASE}/road-segments/005/surveys/2022`, json(body)), 401, 'unauthorized');
    await assertProblem(await api.as('bpkad@lahat.demo', `${BASE}/road-segments/005/surveys/2022`, json(body)), 403, 'forbidden');
  });

  it('answers 404 module-disabled for an OPD that does not run Perjaka', async () => {
    await assertProblem(await api.publicRequest('/api/v1/opds/bpkad/road-condition'), 404, 'module-disabled');
    await assertProblem(await api.publicRequest('/api/v1/opds/bpkad/road-segments?format=geojson'), 404, 'module-disabled');
  });

  it('names no staff member in any public read of segments the staff changed', async () => {
    const user = await api.server.db.selectFrom('staff_users').select('id').where('email', '=', STAFF.pupr).executeTakeFirstOrThrow();
    const changed = await roadsDb(api.server.db as unknown as Kysely<Database>)
      .selectFrom('road_surveys')
      .select('segment_id')
      .where('updated_by', '=', user.id)
      .execute();
    assert.ok(changed.length > 0, 'a survey above was changed by PUPR staff');
    for (const path of [`${BASE}/road-segments/005`, `${BASE}/road-segments?format=geojson`, `${BASE}/road-segments`, `${BASE}/road-condition`, `${BASE}/road-works`]) {
      const text = await (await api.publicRequest(path)).text();
      assert.ok(!text.includes(user.id), `${path} shows the staff user's id`);
      assert.doesNotMatch(text, /updated_?by|@lahat\.demo/i, path);
    }
  });

  it('seeds the same network again after it is removed, in well under a second, and adds nothing when it is there', async (t) => {
    const db = api.server.db as unknown as Kysely<Database>;
    const before = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/120`)).json(), 'segment');
    const again = await db.transaction().execute((trx) => seedRoads(trx, { now: new Date(), timeZone: 'Asia/Jakarta' }));
    assert.deepEqual(again, { 'road segments': 0, 'road surveys': 0, 'road works': 0 });

    await roadsDb(db).deleteFrom('road_segments').where('opd_slug', '=', DEMO_ROADS_OPD).execute();
    await roadsDb(db).deleteFrom('road_networks').where('opd_slug', '=', DEMO_ROADS_OPD).execute();
    const started = performance.now();
    const seeded = await db.transaction().execute((trx) => seedRoads(trx, { now: new Date(), timeZone: 'Asia/Jakarta' }));
    const ms = performance.now() - started;
    t.diagnostic(`seeding the demo network took ${ms.toFixed(0)} ms on ${api.store}: ${JSON.stringify(seeded)}`);
    assert.deepEqual(seeded, { 'road segments': 214, 'road surveys': 428, 'road works': 24 });
    const after = assertShape(roadSegmentDetail, await (await api.publicRequest(`${BASE}/road-segments/120`)).json(), 'segment');
    assert.deepEqual({ ...after, works: [] }, { ...before, works: [] }, 'the generator is deterministic');
    const summary = assertShape(roadCondition, await (await api.publicRequest(`${BASE}/road-condition`)).json(), 'condition');
    assert.equal(summary.kemantapan, 78.35);
  });
});
