/**
 * What Perjaka's public reads answer, built from rows: segments (as a list item and as a
 * GeoJSON feature), surveys, works and the condition summary. Nothing here shows who changed
 * a row (`updated_by` stays in the database): public reads carry no personal data.
 *
 * @module
 */
import {
  addMetres,
  classKm,
  dominantClass,
  kemantapanPercent,
  km,
  noMetres,
  steadyMetres,
  steadyMetresNeeded,
  totalMetres,
  type ClassMetres,
} from './measure.js';
import type { RoadSurveysTable } from './tables.js';
import type { RoadCondition, RoadFeatureCollection, RoadGeometry, RoadSegment, RoadSurvey, RoadWork, SegmentCondition } from '../../../../src/schemas/roads.js';

/** A segment row as the views read it. */
export interface SegmentFacts {
  id: number;
  number: string;
  name: string;
  kecamatan: string[];
  length_m: number;
  surface: string;
  width_cm: number | null;
}

/** A survey row as the views read it. */
export type SurveyFacts = Pick<RoadSurveysTable, 'segment_id' | 'year' | 'length_m' | 'baik_m' | 'sedang_m' | 'rusak_ringan_m' | 'rusak_berat_m' | 'note'>;

/** A works row, with its segment's number, as the views read it. */
export interface WorkFacts {
  id: number;
  number: string;
  year: number;
  kind: string;
  status: string;
  description: string;
  budget_rupiah: string | number | bigint | null;
  contractor: string | null;
  start_on: string | null;
  end_on: string | null;
  length_m: number | null;
}

/** The classes of a survey row, in metres. */
export function metresOf(survey: SurveyFacts): ClassMetres {
  return { baik: survey.baik_m, sedang: survey.sedang_m, rusakRingan: survey.rusak_ringan_m, rusakBerat: survey.rusak_berat_m };
}

/** A segment's condition in a survey. */
export function conditionOf(survey: SurveyFacts): SegmentCondition {
  const metres = metresOf(survey);
  return {
    year: survey.year,
    km: classKm(metres),
    kemantapan: kemantapanPercent(steadyMetres(metres), survey.length_m),
    dominant: dominantClass(metres),
  };
}

/** The survey of `year`, or the latest, among a segment's surveys. */
export function pickSurvey(surveys: readonly SurveyFacts[] | undefined, year: number | undefined): SurveyFacts | undefined {
  if (!surveys || surveys.length === 0) return undefined;
  if (year !== undefined) return surveys.find((s) => s.year === year);
  return surveys.reduce((latest, s) => (s.year > latest.year ? s : latest));
}

/** A segment as a list item, with its condition in `survey`. */
export function toSegment(row: SegmentFacts, survey: SurveyFacts | undefined): RoadSegment {
  return {
    number: row.number,
    name: row.name,
    kecamatan: row.kecamatan,
    lengthKm: km(row.length_m),
    surface: row.surface as RoadSegment['surface'],
    widthM: row.width_cm === null ? null : row.width_cm / 100,
    condition: survey ? conditionOf(survey) : null,
  };
}

/** The network as a GeoJSON FeatureCollection: one feature per segment, its number as the feature's id. */
export function toFeatureCollection(
  rows: ReadonlyArray<SegmentFacts & { geometry: RoadGeometry | null }>,
  surveyOf: (row: SegmentFacts) => SurveyFacts | undefined,
): RoadFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map((row) => ({ type: 'Feature', id: row.number, geometry: row.geometry, properties: toSegment(row, surveyOf(row)) })),
  };
}

/** A survey for the segment's page. */
export function toSurvey(row: SurveyFacts): RoadSurvey {
  const metres = metresOf(row);
  return { year: row.year, lengthKm: km(row.length_m), km: classKm(metres), kemantapan: kemantapanPercent(steadyMetres(metres), row.length_m), note: row.note };
}

/** Works for an answer. */
export function toWork(row: WorkFacts): RoadWork {
  return {
    id: row.id,
    segment: row.number,
    year: row.year,
    kind: row.kind as RoadWork['kind'],
    status: row.status as RoadWork['status'],
    description: row.description,
    budgetRupiah: row.budget_rupiah === null ? null : Number(row.budget_rupiah),
    contractor: row.contractor,
    startOn: row.start_on,
    endOn: row.end_on,
    lengthKm: row.length_m === null ? null : km(row.length_m),
  };
}

/** What the summary is made of: every segment, every survey and every target of the OPD, and its network row. */
export interface SummaryFacts {
  opd: string;
  segments: readonly SegmentFacts[];
  surveys: readonly SurveyFacts[];
  /** Hundredths of a percent by year. */
  targets: ReadonlyMap<number, number>;
  network: { decree: string | null; note: string | null; synthetic: boolean } | undefined;
}

/** The years with a survey, oldest first. */
export function surveyYears(facts: Pick<SummaryFacts, 'surveys'>): number[] {
  return [...new Set(facts.surveys.map((s) => s.year))].sort((a, b) => a - b);
}

/**
 * The condition summary of `year`: km by class over the segments surveyed that year, the
 * kemantapan, the target of that year (else the next year that has one) and the km still to
 * become steady for it, per kecamatan (a segment through several counts in each), and the trend.
 */
export function conditionSummary(facts: SummaryFacts, year: number): RoadCondition {
  const segmentById = new Map(facts.segments.map((s) => [s.id, s]));
  const ofYear = facts.surveys.filter((s) => s.year === year);
  const total = noMetres();
  let surveyedM = 0;
  const byKecamatan = new Map<string, { segments: number; length: number; metres: ClassMetres }>();
  for (const survey of ofYear) {
    const metres = metresOf(survey);
    addMetres(total, metres);
    surveyedM += survey.length_m;
    for (const kecamatan of segmentById.get(survey.segment_id)?.kecamatan ?? []) {
      const entry = byKecamatan.get(kecamatan) ?? { segments: 0, length: 0, metres: noMetres() };
      entry.segments += 1;
      entry.length += survey.length_m;
      addMetres(entry.metres, metres);
      byKecamatan.set(kecamatan, entry);
    }
  }
  const steady = steadyMetres(total);
  const targetYear = facts.targets.has(year) ? year : [...facts.targets.keys()].filter((y) => y > year).sort((a, b) => a - b)[0];
  let target: RoadCondition['target'] = null;
  if (targetYear !== undefined) {
    const hundredths = facts.targets.get(targetYear)!;
    const needed = steadyMetresNeeded(surveyedM, hundredths);
    target = {
      year: targetYear,
      percent: hundredths / 100,
      steadyKmNeeded: km(needed),
      kmToTarget: km(Math.max(0, needed - steady)),
      met: steady >= needed,
    };
  }
  const years = [...new Set([...surveyYears(facts), ...facts.targets.keys()])].sort((a, b) => a - b);
  const trend = years.map((y) => {
    const surveys = facts.surveys.filter((s) => s.year === y);
    const metres = surveys.reduce((sum, s) => addMetres(sum, metresOf(s)), noMetres());
    const length = totalMetres(metres);
    const hundredths = facts.targets.get(y);
    return {
      year: y,
      kemantapan: surveys.length > 0 ? kemantapanPercent(steadyMetres(metres), length) : null,
      surveyedKm: surveys.length > 0 ? km(length) : null,
      targetPercent: hundredths === undefined ? null : hundredths / 100,
    };
  });
  return {
    opd: facts.opd,
    year,
    network: {
      decree: facts.network?.decree ?? null,
      note: facts.network?.note ?? null,
      synthetic: facts.network?.synthetic ?? false,
      segments: facts.segments.length,
      lengthKm: km(facts.segments.reduce((sum, s) => sum + s.length_m, 0)),
    },
    surveyedSegments: ofYear.length,
    surveyedKm: km(surveyedM),
    km: classKm(total),
    steadyKm: km(steady),
    kemantapan: kemantapanPercent(steady, surveyedM),
    target,
    byKecamatan: [...byKecamatan]
      .sort(([a], [b]) => a.localeCompare(b, 'id'))
      .map(([kecamatan, entry]) => ({
        kecamatan,
        segments: entry.segments,
        lengthKm: km(entry.length),
        km: classKm(entry.metres),
        kemantapan: kemantapanPercent(steadyMetres(entry.metres), entry.length),
      })),
    trend,
  };
}
