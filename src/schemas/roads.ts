/**
 * Perjaka's shapes and endpoints (`roadEndpoints`): the regency road network by the regent's
 * decree, condition surveys, handling works, targets, the condition summary and the staff
 * import.
 *
 * The SDK's `roads` namespace and the server's `perjaka` module both read it.
 *
 * Lengths travel in kilometres with at most three decimals (whole metres) and are stored as
 * whole metres, so a network of 1,339.15 km sums to exactly that.
 *
 * @module
 */
import * as z from 'zod/mini';
import { listPage, MAX_PAGE_SIZE } from './common.js';
import { endpoint } from './endpoint.js';
import { opdParams, opdSlug } from './opds.js';

/** What a segment number (*nomor ruas*) of the regent's decree looks like: `001`, `012.1`, `A-07`. */
export const SEGMENT_NUMBER_PATTERN = /^[0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*$/;

/** A segment number as the decree writes it, see {@link SEGMENT_NUMBER_PATTERN}. */
export const segmentNumber = z.string().check(
  z.trim(),
  z.minLength(1, 'Enter the segment number from the decree'),
  z.maxLength(32, 'A segment number has at most 32 characters'),
  z.regex(SEGMENT_NUMBER_PATTERN, 'Write the segment number as the decree does, e.g. 012 or 012.1 (letters, digits, dots and hyphens)'),
);

/** The road surfaces a segment may have. */
export const roadSurfaces = ['aspal', 'beton', 'kerikil', 'tanah'] as const;

/** A road surface, see {@link roadSurfaces}. */
export type RoadSurface = (typeof roadSurfaces)[number];

/** The condition classes, from good to bad: Baik, Sedang, Rusak Ringan, Rusak Berat. */
export const conditionClasses = ['baik', 'sedang', 'rusakRingan', 'rusakBerat'] as const;

/** A condition class, see {@link conditionClasses}. */
export type ConditionClass = (typeof conditionClasses)[number];

/** The kinds of handling works (*penanganan*). */
export const workKinds = ['rutin', 'berkala', 'rehabilitasi', 'rekonstruksi'] as const;

/** A kind of works, see {@link workKinds}. */
export type WorkKind = (typeof workKinds)[number];

/** Where works are: planned, ongoing, done. */
export const workStatuses = ['planned', 'ongoing', 'done'] as const;

/** A works status, see {@link workStatuses}. */
export type WorkStatus = (typeof workStatuses)[number];

/** The earliest and latest survey or target year accepted. */
export const YEAR_RANGE = { min: 1990, max: 2100 } as const;

const yearMessage = `Use a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`;

/** A survey or target year. */
export const roadYear = z.number(yearMessage).check(z.int(yearMessage), z.minimum(YEAR_RANGE.min, yearMessage), z.maximum(YEAR_RANGE.max, yearMessage));

/** A year in a query string or a path. */
const yearText = z.coerce.number(yearMessage).check(z.int(yearMessage), z.minimum(YEAR_RANGE.min, yearMessage), z.maximum(YEAR_RANGE.max, yearMessage));

/** Km per condition class; they sum to the segment's (or the group's) length. */
export const conditionKm = z.object({
  baik: z.number(),
  sedang: z.number(),
  rusakRingan: z.number(),
  rusakBerat: z.number(),
});

/** Km per condition class, see {@link conditionKm}. */
export type ConditionKm = z.infer<typeof conditionKm>;

/** A position: `[longitude, latitude]` in WGS84, in that order (RFC 7946). */
export const position = z.tuple([z.number(), z.number()]);

/** A GeoJSON LineString (RFC 7946 §3.1.4). */
export const lineString = z.object({ type: z.literal('LineString'), coordinates: z.array(position) });

/** A GeoJSON MultiLineString (RFC 7946 §3.1.5). */
export const multiLineString = z.object({ type: z.literal('MultiLineString'), coordinates: z.array(z.array(position)) });

/** The geometry of a segment: a LineString or a MultiLineString, WGS84. */
export const roadGeometry = z.union([lineString, multiLineString]);

/** A segment's geometry, see {@link roadGeometry}. */
export type RoadGeometry = z.infer<typeof roadGeometry>;

/** A segment's condition in one survey year: km per class and its kemantapan (percent, two decimals). */
export const segmentCondition = z.object({
  year: z.number(),
  km: conditionKm,
  /** (Baik + Sedang) / length, in percent with two decimals. */
  kemantapan: z.number(),
  /** The class with the most km (the worse one on a tie): what a map colours the segment by. */
  dominant: z.enum(conditionClasses),
});

/** A segment's condition in one year, see {@link segmentCondition}. */
export type SegmentCondition = z.infer<typeof segmentCondition>;

/**
 * A segment (*ruas*) as the public sees it: its number in the regent's decree (its identity;
 * names change and repeat), name, the kecamatan it passes through, its length, surface and
 * width, and its condition in the latest survey (or the year asked), null when it has none.
 */
export const roadSegment = z.object({
  number: z.string(),
  name: z.string(),
  kecamatan: z.array(z.string()),
  lengthKm: z.number(),
  surface: z.enum(roadSurfaces),
  widthM: z.nullable(z.number()),
  condition: z.nullable(segmentCondition),
});

/** A segment, see {@link roadSegment}. */
export type RoadSegment = z.infer<typeof roadSegment>;

/** A page of segments, in decree-number order. */
export const roadSegmentList = listPage(roadSegment);

/** The properties of a segment's GeoJSON feature: the segment, flat (`condition` as in {@link roadSegment}). */
export const roadFeature = z.object({
  type: z.literal('Feature'),
  /** The segment number. */
  id: z.string(),
  /** Null for a segment of the decree not mapped yet (RFC 7946 §3.2 allows it). */
  geometry: z.nullable(roadGeometry),
  properties: roadSegment,
});

/** The whole network as a GeoJSON FeatureCollection (`?format=geojson`), WGS84, `[lon, lat]`. */
export const roadFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(roadFeature),
});

/** The network as GeoJSON, see {@link roadFeatureCollection}. */
export type RoadFeatureCollection = z.infer<typeof roadFeatureCollection>;

/** One year's survey of one segment. */
export const roadSurvey = z.object({
  year: z.number(),
  /** The segment's length when surveyed; the classes sum to it. */
  lengthKm: z.number(),
  km: conditionKm,
  kemantapan: z.number(),
  note: z.nullable(z.string()),
});

/** One year's survey, see {@link roadSurvey}. */
export type RoadSurvey = z.infer<typeof roadSurvey>;

/** Handling works on a segment; the budget is in whole rupiah, the dates `YYYY-MM-DD`. */
export const roadWork = z.object({
  id: z.number(),
  segment: z.string(),
  year: z.number(),
  kind: z.enum(workKinds),
  status: z.enum(workStatuses),
  description: z.string(),
  budgetRupiah: z.nullable(z.number()),
  contractor: z.nullable(z.string()),
  startOn: z.nullable(z.string()),
  endOn: z.nullable(z.string()),
  /** The km of the segment the works cover, when known. */
  lengthKm: z.nullable(z.number()),
});

/** Handling works, see {@link roadWork}. */
export type RoadWork = z.infer<typeof roadWork>;

/** A page of works, newest year first. */
export const roadWorkList = listPage(roadWork);

/** One segment with everything public about it: geometry, every survey (oldest first) and its works. */
export const roadSegmentDetail = z.extend(roadSegment, {
  geometry: z.nullable(roadGeometry),
  surveys: z.array(roadSurvey),
  works: z.array(roadWork),
});

/** A segment in full, see {@link roadSegmentDetail}. */
export type RoadSegmentDetail = z.infer<typeof roadSegmentDetail>;

/** The network's decree and notes, shown with the summary. */
export const roadNetwork = z.object({
  /** The regent's decree that sets the regency roads, as cited. */
  decree: z.nullable(z.string()),
  /** A note on the data, e.g. that a demo network is synthetic. */
  note: z.nullable(z.string()),
  /** True for made-up data (the demo). */
  synthetic: z.boolean(),
  segments: z.number(),
  lengthKm: z.number(),
});

/** One row of the summary per kecamatan: a segment through several kecamatan counts in each. */
export const kecamatanCondition = z.object({
  kecamatan: z.string(),
  segments: z.number(),
  lengthKm: z.number(),
  km: conditionKm,
  kemantapan: z.number(),
});

/** One year of the trend: kemantapan (null without a survey) and the target (null without one). */
export const conditionTrendPoint = z.object({
  year: z.number(),
  kemantapan: z.nullable(z.number()),
  surveyedKm: z.nullable(z.number()),
  targetPercent: z.nullable(z.number()),
});

/**
 * The condition summary of one survey year, `GET /api/v1/opds/{opd}/road-condition`:
 * kemantapan = (Baik + Sedang) / length surveyed, in percent with two decimals; km by class;
 * the target of that year (or the next year that has one) and the km that must still become
 * steady to reach it; per kecamatan; the trend over every year with a survey or a target.
 */
export const roadCondition = z.object({
  opd: opdSlug,
  year: z.number(),
  network: roadNetwork,
  /** Segments with a survey this year, and their length. */
  surveyedSegments: z.number(),
  surveyedKm: z.number(),
  km: conditionKm,
  /** Baik + Sedang. */
  steadyKm: z.number(),
  kemantapan: z.number(),
  target: z.nullable(
    z.object({
      year: z.number(),
      percent: z.number(),
      /** The steady km the target asks for (rounded up to the metre). */
      steadyKmNeeded: z.number(),
      /** How many km must still become steady (0 when met). */
      kmToTarget: z.number(),
      met: z.boolean(),
    }),
  ),
  byKecamatan: z.array(kecamatanCondition),
  trend: z.array(conditionTrendPoint),
});

/** The condition summary, see {@link roadCondition}. */
export type RoadCondition = z.infer<typeof roadCondition>;

/** A km figure sent in JSON: zero or more, at most three decimals (whole metres). */
const kmInput = (what: string) =>
  z.number(`Enter the ${what} in km`).check(
    z.minimum(0, `The ${what} cannot be negative`),
    z.maximum(100_000, `The ${what} must be under 100,000 km`),
    z.refine((value) => Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6, `Give the ${what} in km with at most three decimals (whole metres)`),
  );

/** A survey as staff send it: `PUT …/road-segments/{number}/surveys/{year}`; the classes must sum to the segment's length. */
export const roadSurveyInput = z.object({
  baik: kmInput('km in Baik'),
  sedang: kmInput('km in Sedang'),
  rusakRingan: kmInput('km in Rusak Ringan'),
  rusakBerat: kmInput('km in Rusak Berat'),
  note: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(500, 'A note has at most 500 characters')))),
});

/** A survey as sent, see {@link roadSurveyInput}. */
export type RoadSurveyInput = z.infer<typeof roadSurveyInput>;

/** A year's target: `PUT …/road-targets/{year}`, the kemantapan percent aimed for (two decimals at most). */
export const roadTargetInput = z.object({
  percent: z.number('Enter the target in percent').check(
    z.minimum(0, 'Use a percent from 0 to 100'),
    z.maximum(100, 'Use a percent from 0 to 100'),
    z.refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, 'Give the percent with at most two decimals'),
  ),
});

/** A year's target, as stored. */
export const roadTarget = z.object({ year: z.number(), percent: z.number() });

/** A year's target, see {@link roadTarget}. */
export type RoadTarget = z.infer<typeof roadTarget>;

/** The longest segment name, as the import checks it. */
export const SEGMENT_NAME_MAX = 200;

/** The longest kecamatan name, as the import checks it. */
export const KECAMATAN_NAME_MAX = 80;

/** The widest segment, in metres, as the import checks it (from 0.01 m, two decimals at most). */
export const SEGMENT_WIDTH_MAX_M = 50;

/** Why a segment's length is not edited on its own: its surveys must sum to it. */
export const LENGTH_BY_IMPORT = 'The length of a segment is changed by an import only (segments with length_km and their surveys): every survey must sum to it';

const widthMessage = `Give the width in metres from 0.01 to ${SEGMENT_WIDTH_MAX_M}, with at most two decimals, like 4.5`;

/**
 * `PATCH /api/v1/opds/{opd}/road-segments/{number}` (staff): a segment's own facts, any of
 * them, with the import's checks: `name` (at most 200 characters), `kecamatan` (at least one,
 * each at most 80 characters; spelled as the network already spells them), `surface`,
 * `widthM` (null: not known) and `geometry` (a LineString or MultiLineString inside the
 * regency). Not `lengthKm`: the surveys must sum to it, so a new length comes with an import;
 * sending it answers 400 naming it. An empty patch answers 400 naming `name`.
 */
export const roadSegmentPatch = z
  .object({
    name: z.optional(
      z.string('Enter the segment name').check(
        z.trim(),
        z.minLength(1, 'Enter the segment name'),
        z.maxLength(SEGMENT_NAME_MAX, `A name has at most ${SEGMENT_NAME_MAX} characters`),
      ),
    ),
    kecamatan: z.optional(
      z
        .array(
          z.string('Write each kecamatan as text').check(
            z.trim(),
            z.maxLength(KECAMATAN_NAME_MAX, `A kecamatan name has at most ${KECAMATAN_NAME_MAX} characters`),
          ),
          'Give the kecamatan as a list',
        )
        .check(
          z.refine((list) => list.some((k) => k !== ''), { message: 'Enter at least one kecamatan', params: { code: 'required' } }),
          z.maxLength(20, 'A segment passes through at most 20 kecamatan'),
        ),
    ),
    surface: z.optional(z.enum(roadSurfaces, `Choose a surface: ${roadSurfaces.join(', ')}`)),
    widthM: z.optional(
      z.nullable(
        z.number(widthMessage).check(
          z.minimum(0.01, widthMessage),
          z.maximum(SEGMENT_WIDTH_MAX_M, widthMessage),
          z.refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, widthMessage),
        ),
      ),
    ),
    geometry: z.optional(roadGeometry),
    /** Refused: see {@link LENGTH_BY_IMPORT}. */
    lengthKm: z.optional(z.unknown().check(z.refine(() => false, { message: LENGTH_BY_IMPORT, params: { code: 'notAllowed' } }))),
  })
  .check(
    z.refine((v) => v.name !== undefined || v.kecamatan !== undefined || v.surface !== undefined || v.widthM !== undefined || v.geometry !== undefined || v.lengthKm !== undefined, {
      path: ['name'],
      message: 'Send at least one of name, kecamatan, surface, widthM and geometry',
      params: { code: 'required' },
    }),
  );

/** A change to a segment, see {@link roadSegmentPatch}. */
export type RoadSegmentPatch = Omit<z.input<typeof roadSegmentPatch>, 'lengthKm'>;

/** The kinds of data an import brings: segments (their survey columns optional) or surveys. */
export const importKinds = ['segments', 'surveys'] as const;

/** The file formats an import reads. */
export const importFormats = ['geojson', 'csv'] as const;

/** The largest import file, in characters (about 5 MB). */
export const IMPORT_MAX_CHARS = 5 * 1024 * 1024;

/**
 * An import: the file's text as it is (`content`), what it holds (`kind`) and its format. A
 * dry run (`…/road-imports/dry-run`) checks it and says what it would change; the import
 * (`…/road-imports`) applies all of it or nothing.
 */
export const roadImportInput = z.object({
  kind: z.enum(importKinds, 'Choose what the file holds: segments or surveys'),
  format: z.enum(importFormats, 'Choose the file format: geojson or csv'),
  content: z.string('Send the file’s text as content').check(
    z.minLength(1, 'The file is empty'),
    z.maxLength(IMPORT_MAX_CHARS, 'The file may be at most 5 MB'),
  ),
});

/** An import as sent, see {@link roadImportInput}. */
export type RoadImportInput = z.infer<typeof roadImportInput>;

/** What an import did (or, in a dry run, would do). */
export const roadImportReport = z.object({
  kind: z.enum(importKinds),
  format: z.enum(importFormats),
  dryRun: z.boolean(),
  /** Rows (CSV) or features (GeoJSON) read. */
  records: z.number(),
  segments: z.object({ added: z.number(), changed: z.number(), unchanged: z.number() }),
  surveys: z.object({ added: z.number(), changed: z.number(), unchanged: z.number() }),
  /** Columns (CSV) or properties (GeoJSON) the import does not read, as the file names them. */
  ignored: z.array(z.string()),
});

/** An import's report, see {@link roadImportReport}. */
export type RoadImportReport = z.infer<typeof roadImportReport>;

const segmentParams = z.object({ opd: opdSlug, number: segmentNumber });
const yearParams = z.object({ opd: opdSlug, year: yearText });
const surveyParams = z.object({ opd: opdSlug, number: segmentNumber, year: yearText });

const limitMessage = `Use a number from 1 to ${MAX_PAGE_SIZE}`;
const limit = z.optional(
  z.coerce.number(limitMessage).check(z.int(limitMessage), z.minimum(1, limitMessage), z.maximum(MAX_PAGE_SIZE, limitMessage)),
);
const cursor = z.optional(z.string().check(z.maxLength(200)));

/** Every Perjaka endpoint. */
export const roadEndpoints = {
  listSegments: endpoint({
    id: 'listRoadSegments',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-segments',
    params: opdParams,
    query: z.object({
      format: z.optional(z.enum(['json', 'geojson'], 'Use format=json or format=geojson')),
      kecamatan: z.optional(z.string().check(z.trim(), z.maxLength(80))),
      q: z.optional(z.string().check(z.trim(), z.maxLength(100, 'Search with at most 100 characters'))),
      year: z.optional(yearText),
      limit,
      cursor,
    }),
    response: z.union([roadSegmentList, roadFeatureCollection]),
    access: 'public',
  }),
  getSegment: endpoint({
    id: 'getRoadSegment',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-segments/{number}',
    params: segmentParams,
    response: roadSegmentDetail,
    access: 'public',
  }),
  condition: endpoint({
    id: 'getRoadCondition',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-condition',
    params: opdParams,
    query: z.object({ year: z.optional(yearText) }),
    response: roadCondition,
    access: 'public',
  }),
  listWorks: endpoint({
    id: 'listRoadWorks',
    method: 'GET',
    path: '/api/v1/opds/{opd}/road-works',
    params: opdParams,
    query: z.object({
      year: z.optional(yearText),
      status: z.optional(z.enum(workStatuses, 'Use status=planned, ongoing or done')),
      segment: z.optional(segmentNumber),
      limit,
      cursor,
    }),
    response: roadWorkList,
    access: 'public',
  }),
  putSurvey: endpoint({
    id: 'putRoadSurvey',
    method: 'PUT',
    path: '/api/v1/opds/{opd}/road-segments/{number}/surveys/{year}',
    params: surveyParams,
    body: roadSurveyInput,
    response: roadSurvey,
    access: 'staff',
  }),
  updateSegment: endpoint({
    id: 'updateRoadSegment',
    method: 'PATCH',
    path: '/api/v1/opds/{opd}/road-segments/{number}',
    params: segmentParams,
    body: roadSegmentPatch,
    response: roadSegmentDetail,
    access: 'staff',
  }),
  putTarget: endpoint({
    id: 'putRoadTarget',
    method: 'PUT',
    path: '/api/v1/opds/{opd}/road-targets/{year}',
    params: yearParams,
    body: roadTargetInput,
    response: roadTarget,
    access: 'opd-admin',
  }),
  dryRunImport: endpoint({
    id: 'dryRunRoadImport',
    method: 'POST',
    path: '/api/v1/opds/{opd}/road-imports/dry-run',
    params: opdParams,
    body: roadImportInput,
    response: roadImportReport,
    access: 'staff',
  }),
  runImport: endpoint({
    id: 'runRoadImport',
    method: 'POST',
    path: '/api/v1/opds/{opd}/road-imports',
    params: opdParams,
    body: roadImportInput,
    response: roadImportReport,
    access: 'staff',
  }),
} as const;
