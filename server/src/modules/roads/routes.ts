/**
 * Perjaka's routes, one per endpoint of `roadEndpoints`:
 * - public: the segments (a page, or the whole network as GeoJSON with `?format=geojson`), one
 *   segment by its decree number, the condition summary, the works;
 * - staff: a segment's own facts (name, kecamatan, surface, width, geometry; not its length),
 *   a survey of one segment, a year's target (OPD admins), and imports of segments and
 *   surveys from GeoJSON or CSV (a dry run, and the import itself, all or nothing).
 * Who may call what is the endpoint's `access`; every staff write lands in the audit log.
 *
 * @module
 */
import { audit } from '../../db/audit.js';
import { decodeKey, pageBy, pageDocs } from '../../http/cursor.js';
import { route } from '../../http/module.js';
import { ProblemError, validationProblem } from '../../http/problem.js';
import { applyImport, dryRunImport, ImportProblems, MAX_PROBLEMS, sumMessage } from './import.js';
import { INDONESIA_BOUNDS, readGeometry } from './geometry.js';
import { kmText, metresOfKm, totalMetres } from './measure.js';
import { kecamatanOf, segmentByNumber, segmentPage, segmentsWithGeometry, summaryFacts, surveysOf, surveysOfOpd, updateSegment, worksPage } from './queries.js';
import { roadEndpoints as endpoints, type RoadSegmentDetail } from '../../../../src/schemas/roads.js';
import { roadsDb, type RoadsDb } from './tables.js';
import { conditionSummary, pickSurvey, surveyYears, toFeatureCollection, toSegment, toSurvey, toWork, type SurveyFacts } from './views.js';

/** Default page size of the segment and works lists. */
export const DEFAULT_PAGE_SIZE = 50;

/** The largest import body, in bytes: a 5 MB file and its JSON envelope. */
export const IMPORT_BODY_BYTES = 6 * 1024 * 1024;

/** The media type of a GeoJSON answer (RFC 7946 §12). */
export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

const isNumberCursor = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 32;
const isWorkCursor = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((n) => Number.isSafeInteger(n) && n >= 0 && n <= 2_147_483_647);

/** The 404 of a segment number the network does not have. */
function noSegment(number: string, opdName: string): ProblemError {
  return new ProblemError('not-found', { detail: `${opdName} has no road segment numbered ${number} in its decree` });
}

const bySegmentNumber = {
  docs: {
    number: { description: 'The segment number (*nomor ruas*) in the regent’s decree, e.g. `012`.', schema: { type: 'string' } },
  },
  notFound: (_: string, value: string) => `No road segment is numbered "${value}": a segment number is written as the decree does, e.g. 012 or 012.1`,
};

const listSegments = route({
  endpoint: endpoints.listSegments,
  summary: 'List road segments',
  description:
    'The regency road segments (ruas) in decree-number order, each with its condition in the latest survey (or in `year`). With `format=geojson` the whole network at once as a GeoJSON FeatureCollection (RFC 7946, WGS84, positions `[longitude, latitude]`, `Content-Type: application/geo+json`), each feature’s `id` its segment number and `geometry` null for a segment not mapped yet; `limit` and `cursor` are then ignored. No personal data.',
  returns: 'A page of segments, or the network as GeoJSON.',
  docs: {
    format: '`geojson`: the whole network as one GeoJSON feature collection; `json` (default): a page of segments.',
    kecamatan: 'Only segments passing through this kecamatan (as the network spells it, e.g. `Merapi Barat`).',
    q: 'Only segments whose number, name or a kecamatan contains this text, ignoring case (e.g. `012`, `lahat`, `merapi`).',
    year: 'The survey year to show the condition of (default: each segment’s latest survey).',
    ...pageDocs(DEFAULT_PAGE_SIZE),
  },
  async handler({ opd, query, deps }) {
    const db = roadsDb(deps.db);
    if (query.format === 'geojson') {
      const rows = await segmentsWithGeometry(db, opd.slug, { kecamatan: query.kecamatan, q: query.q });
      const surveys = new Map<number, SurveyFacts[]>();
      for (const survey of await surveysOfOpd(db, opd.slug)) {
        const list = surveys.get(survey.segment_id) ?? [];
        list.push(survey);
        surveys.set(survey.segment_id, list);
      }
      return {
        body: toFeatureCollection(rows, (row) => pickSurvey(surveys.get(row.id), query.year)),
        headers: { 'Content-Type': GEOJSON_MEDIA_TYPE },
      };
    }
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = query.cursor ? decodeKey(query.cursor, isNumberCursor) : undefined;
    const rows = await segmentPage(db, opd.slug, { kecamatan: query.kecamatan, q: query.q, after, limit });
    const { page, nextCursor } = pageBy(rows, limit, (row) => row.number);
    const surveys = await surveysOf(db, page.map((row) => row.id));
    return { body: { data: page.map((row) => toSegment(row, pickSurvey(surveys.get(row.id), query.year))), nextCursor } };
  },
});

const getSegment = route({
  endpoint: endpoints.getSegment,
  summary: 'Read a road segment',
  description: 'One segment by its number in the regent’s decree: its geometry, every survey (oldest first) and its works (newest first). No personal data.',
  returns: 'The segment.',
  ...bySegmentNumber,
  async handler({ opd, params, deps }) {
    const detail = await segmentDetail(roadsDb(deps.db), opd.slug, params.number);
    if (!detail) throw noSegment(params.number, opd.name);
    return { body: detail };
  },
});

/** One segment in full (geometry, surveys, works), or undefined when the network has no such number. */
async function segmentDetail(db: RoadsDb, opd: string, number: string): Promise<RoadSegmentDetail | undefined> {
  const row = await segmentByNumber(db, opd, number);
  if (!row) return undefined;
  const surveys = (await surveysOf(db, [row.id])).get(row.id) ?? [];
  const works = await worksPage(db, opd, { segmentId: row.id });
  return {
    ...toSegment(row, pickSurvey(surveys, undefined)),
    geometry: row.geometry,
    surveys: surveys.map(toSurvey),
    works: works.map(toWork),
  };
}

const updateSegmentRoute = route({
  endpoint: endpoints.updateSegment,
  summary: 'Change a road segment’s own facts (staff)',
  description:
    'Changes any of a segment’s name (at most 200 characters), kecamatan (a list, at least one, each at most 80 characters; a name the network already uses is spelled as it does, whatever the case sent), surface (aspal, beton, kerikil, tanah), width in metres (`widthM`, 0.01 to 50, two decimals at most; null: not known) and geometry (a GeoJSON LineString or MultiLineString inside the regency’s bounds, checked as an import checks it) — the checks of the import. Not its length: every survey must sum to it, so `lengthKm` is refused (400 naming it) and a new length comes with an import of the segment and its surveys. What is left out stays as it is; an empty patch answers 400. Audited.',
  returns: 'The segment, as the public reads it.',
  ...bySegmentNumber,
  async handler({ opd, params, body, deps, now, actor }) {
    const db = roadsDb(deps.db);
    let kecamatan: string[] | undefined;
    if (body.kecamatan !== undefined) {
      const spelling = new Map((await kecamatanOf(db, opd.slug)).map((name) => [name.toLowerCase(), name]));
      kecamatan = [...new Set(body.kecamatan.filter(Boolean).map((k) => spelling.get(k.toLowerCase()) ?? k))];
    }
    let geometry;
    if (body.geometry !== undefined) {
      const network = await db.selectFrom('road_networks').select('bounds').where('opd_slug', '=', opd.slug).executeTakeFirst();
      const read = readGeometry(body.geometry, network?.bounds ?? INDONESIA_BOUNDS, network?.bounds ? 'the regency' : 'Indonesia');
      if ('problems' in read) {
        throw validationProblem(
          read.problems.map((p) => ({ path: p.path ? `geometry.${p.path}` : 'geometry', message: p.message, code: 'invalid' as const })),
          `The geometry of segment ${params.number} has ${read.problems.length} problem${read.problems.length === 1 ? '' : 's'}`,
        );
      }
      geometry = read.geometry;
    }
    const changes = {
      name: body.name,
      kecamatan,
      surface: body.surface,
      widthCm: body.widthM === undefined ? undefined : body.widthM === null ? null : Math.round(body.widthM * 100),
      geometry,
    };
    await db.transaction().execute(async (trx) => {
      if (!(await updateSegment(trx, opd.slug, params.number, changes, actor.id, now))) throw noSegment(params.number, opd.name);
      const fields = (['name', 'kecamatan', 'surface', 'widthM', 'geometry'] as const).filter((field) => body[field] !== undefined);
      await audit(trx, { actor, action: 'roads.segment', subject: `road-segment:${params.number}`, opd: opd.slug, detail: { fields } }, now);
    });
    const detail = await segmentDetail(db, opd.slug, params.number);
    if (!detail) throw noSegment(params.number, opd.name);
    return { body: detail };
  },
});

const condition = route({
  endpoint: endpoints.condition,
  summary: 'Road condition summary',
  description:
    'The kemantapan (steady condition) of one survey year: (Baik + Sedang) / the length surveyed, in percent rounded to two decimals; km by class; the target of that year, or of the next year that has one, with the km that must still become steady to reach it; per kecamatan (a segment through several kecamatan counts in each, so the rows may add up to more than the whole); and the trend over every year with a survey or a target. Default year: the latest survey. No personal data.',
  returns: 'The summary.',
  docs: { year: 'The survey year (default: the latest).' },
  async handler({ opd, query, deps }) {
    const facts = await summaryFacts(roadsDb(deps.db), opd.slug);
    const years = surveyYears(facts);
    const year = query.year ?? years.at(-1);
    if (year === undefined) throw new ProblemError('not-found', { detail: `${opd.name} has no road condition survey yet` });
    if (!years.includes(year)) {
      throw new ProblemError('not-found', {
        detail: `${opd.name} has no road condition survey for ${year}${years.length > 0 ? `; surveys exist for ${years.join(', ')}` : ''}`,
      });
    }
    return { body: conditionSummary(facts, year) };
  },
});

const listWorks = route({
  endpoint: endpoints.listWorks,
  summary: 'List road works',
  description:
    'Handling works (penanganan: rutin, berkala, rehabilitasi, rekonstruksi) on the network, newest year first: status, budget in whole rupiah, contractor and dates. No personal data.',
  returns: 'A page of works.',
  docs: {
    year: 'Only works of this budget year.',
    status: 'Only works with this status.',
    segment: 'Only works on this segment (its decree number).',
    ...pageDocs(DEFAULT_PAGE_SIZE),
  },
  async handler({ opd, query, deps }) {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = query.cursor ? decodeKey(query.cursor, isWorkCursor) : undefined;
    const rows = await worksPage(roadsDb(deps.db), opd.slug, {
      year: query.year,
      status: query.status,
      segment: query.segment,
      after: cursor ? { year: cursor[0], id: cursor[1] } : undefined,
      limit,
    });
    const { page, nextCursor } = pageBy(rows, limit, (row) => [row.year, row.id]);
    return { body: { data: page.map(toWork), nextCursor } };
  },
});

const putSurvey = route({
  endpoint: endpoints.putSurvey,
  summary: 'Record a segment’s survey (staff)',
  description:
    'Stores (or replaces) one year’s survey of a segment: km in Baik, Sedang, Rusak Ringan and Rusak Berat, which must sum to the segment’s length to the metre; a survey that does not is refused (422) with a message naming the segment and both lengths.',
  returns: 'The stored survey.',
  ...bySegmentNumber,
  docs: { ...bySegmentNumber.docs, year: 'The survey year.' },
  async handler({ opd, params, body, deps, now, actor }) {
    const db = roadsDb(deps.db);
    const metres = {
      baik: metresOfKm(body.baik),
      sedang: metresOfKm(body.sedang),
      rusakRingan: metresOfKm(body.rusakRingan),
      rusakBerat: metresOfKm(body.rusakBerat),
    };
    return db.transaction().execute(async (trx) => {
      const segment = await trx
        .selectFrom('road_segments')
        .select(['id', 'name', 'length_m'])
        .where('opd_slug', '=', opd.slug)
        .where('number', '=', params.number)
        .forUpdate()
        .executeTakeFirst();
      if (!segment) throw noSegment(params.number, opd.name);
      if (totalMetres(metres) !== segment.length_m) {
        const message = sumMessage(`Segment ${params.number} (${segment.name})`, segment.length_m, metres, `its ${params.year} survey`);
        throw validationProblem(
          (['baik', 'sedang', 'rusakRingan', 'rusakBerat'] as const).map((path) => ({ path, message, code: 'invalid' as const })),
          `Segment ${params.number} (${segment.name}) is ${kmText(segment.length_m)} long; the survey sums to ${kmText(totalMetres(metres))}`,
        );
      }
      const row = {
        segment_id: segment.id,
        opd_slug: opd.slug,
        year: params.year,
        length_m: segment.length_m,
        baik_m: metres.baik,
        sedang_m: metres.sedang,
        rusak_ringan_m: metres.rusakRingan,
        rusak_berat_m: metres.rusakBerat,
        note: body.note ?? null,
        updated_at: now,
        updated_by: actor.id,
      };
      await trx
        .insertInto('road_surveys')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['segment_id', 'year']).doUpdateSet({
            length_m: row.length_m,
            baik_m: row.baik_m,
            sedang_m: row.sedang_m,
            rusak_ringan_m: row.rusak_ringan_m,
            rusak_berat_m: row.rusak_berat_m,
            note: row.note,
            updated_at: now,
            updated_by: actor.id,
          }),
        )
        .execute();
      await audit(trx, { actor, action: 'roads.survey', subject: `road-segment:${params.number}`, opd: opd.slug, detail: { year: params.year } }, now);
      return { body: toSurvey(row) };
    });
  },
});

const putTarget = route({
  endpoint: endpoints.putTarget,
  summary: 'Set a year’s kemantapan target (OPD admin)',
  description: 'The kemantapan the agency aims for in a year, in percent with at most two decimals; the summary measures each survey against it.',
  returns: 'The stored target.',
  docs: { year: 'The target year.' },
  async handler({ opd, params, body, deps, now, actor }) {
    const db = roadsDb(deps.db);
    const hundredths = Math.round(body.percent * 100);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('road_targets')
        .values({ opd_slug: opd.slug, year: params.year, percent_hundredths: hundredths, updated_at: now, updated_by: actor.id })
        .onConflict((oc) => oc.columns(['opd_slug', 'year']).doUpdateSet({ percent_hundredths: hundredths, updated_at: now, updated_by: actor.id }))
        .execute();
      await audit(trx, { actor, action: 'roads.target', subject: `road-target:${params.year}`, opd: opd.slug, detail: { percent: hundredths / 100 } }, now);
    });
    return { body: { year: params.year, percent: hundredths / 100 } };
  },
});

/** The 422 of a file with problems: every one (up to {@link MAX_PROBLEMS}) with its place in the file. */
function importProblem(error: ImportProblems): ProblemError {
  const shown = error.problems.slice(0, MAX_PROBLEMS);
  const count = error.problems.length;
  const detail = `The file has ${count} problem${count === 1 ? '' : 's'}${count > shown.length ? ` (the first ${shown.length} are listed)` : ''}; nothing was imported`;
  return validationProblem(shown, detail);
}

const importDocs = {
  description:
    'The file’s text goes in `content` (GeoJSON: a FeatureCollection; CSV: a header row, comma- or semicolon-separated, a semicolon file taking a decimal comma). Segments: `number` (`nomor_ruas`), `name` (`nama_ruas`), `kecamatan` (several separated by `;`), `length_km` (`panjang_km`), `surface` (`permukaan`: aspal, beton, kerikil, tanah), `width_m` (`lebar_m`, optional), the geometry (the feature’s; in CSV an optional `geometry` column holding GeoJSON) and optionally a survey (`year`, `baik_km`, `sedang_km`, `rusak_ringan_km`, `rusak_berat_km`). Surveys: `number`, `year`, the four classes and `note`, for segments already in the network. The classes must sum to the segment’s length to the metre. A file with problems answers 422 listing every one with its place — `rows.7.length_km` (CSV: the spreadsheet row, the header being row 1) or `features.3.geometry.coordinates.12` — and a message naming the segment.',
};

const dryRun = route({
  endpoint: endpoints.dryRunImport,
  summary: 'Check an import (staff)',
  description: `Checks a file of segments or surveys without storing anything and says what importing it would add and change. ${importDocs.description}`,
  returns: 'What the import would do.',
  bodyBytes: IMPORT_BODY_BYTES,
  async handler({ opd, body, deps }) {
    try {
      return { body: await dryRunImport(roadsDb(deps.db), opd.slug, body) };
    } catch (error) {
      if (error instanceof ImportProblems) throw importProblem(error);
      throw error;
    }
  },
});

const runImport = route({
  endpoint: endpoints.runImport,
  summary: 'Import segments or surveys (staff)',
  description: `Imports a file of segments or surveys in one transaction: every row is stored, or, when any row has a problem, none is (422, as the dry run). A segment already in the network (same number) is updated. ${importDocs.description}`,
  returns: 'What the import did.',
  bodyBytes: IMPORT_BODY_BYTES,
  async handler({ opd, body, deps, now, actor }) {
    try {
      const report = await roadsDb(deps.db)
        .transaction()
        .execute(async (trx) => {
          const done = await applyImport(trx, opd.slug, body, actor.id, now);
          await audit(
            trx,
            {
              actor,
              action: 'roads.import',
              subject: `opd:${opd.slug}`,
              opd: opd.slug,
              detail: { kind: done.kind, format: done.format, records: done.records, segments: done.segments, surveys: done.surveys },
            },
            now,
          );
          return done;
        });
      deps.log.info('road import', { opd: opd.slug, kind: report.kind, records: report.records });
      return { body: report };
    } catch (error) {
      if (error instanceof ImportProblems) throw importProblem(error);
      throw error;
    }
  },
});

/** Every Perjaka route. */
export const roadRoutes = [listSegments, getSegment, updateSegmentRoute, condition, listWorks, putSurvey, putTarget, dryRun, runImport];
